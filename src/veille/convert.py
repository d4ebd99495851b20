"""Doc → Article: the only code that reads veille's Doc extensions."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from .model import Actor, Article, Claim, Cue, Entity, Event, Mention, Quote, Source, Span, Speaker, TimeExpr
from .nlp.types import ClaimMatch, EntityCluster, EventMatch, QuoteMatch, TimeMatch


def doc_to_article(doc: Doc, *, id: str, title: Optional[str] = None, published: Optional[str] = None,
                   lang: str = "fr", **metadata) -> Article:
    clusters = doc._.entity_clusters or []
    return Article(
        id=id, title=title, published=published, lang=lang, text=doc.text, **metadata,
        entities=[to_entity(c) for c in clusters],
        quotes=[to_quote(q, n, doc.text) for n, q in enumerate(doc._.quotes or [], 1)],
        claims=[to_claim(c, n) for n, c in enumerate(doc._.claims or [], 1)],
        events=[to_event(e, n) for n, e in enumerate(doc._.events or [], 1)],
        times=[to_time(t) for t in doc._.times or []],
    )


def to_entity(cluster: EntityCluster) -> Entity:
    return Entity(id=cluster.id, name=cluster.name, type=cluster.label, aliases=cluster.aliases,
                  country=cluster.country, roles=cluster.roles,
                  mentions=[Mention(text=m.text, start=m.start, end=m.end) for m in cluster.mentions])


def to_quote(q: QuoteMatch, n: int, text: str) -> Quote:
    speaker = Speaker(entity=q.speaker_entity, name=q.speaker_name,
                      mention=Mention(text=q.speaker.text, start=q.speaker.start, end=q.speaker.end)
                      if q.speaker else None)
    cue = Cue(text=q.cue.text, start=q.cue.start, end=q.cue.end, lemma=q.cue_lemma or q.cue.text,
              cls=q.cue_class) if q.cue else None
    return Quote(id=f"q{n}", type=q.type, text=text[q.start:q.end], start=q.start, end=q.end,
                 speaker=speaker, cue=cue, mode=q.mode, via=q.via, confidence=q.confidence, rule=q.rule)


def to_time(t: TimeMatch) -> TimeExpr:
    return TimeExpr(text=t.text, start=t.start, end=t.end, value=t.value, mod=t.mod)


def to_claim(c: ClaimMatch, n: int) -> Claim:
    return Claim(id=f"c{n}", text=c.text, start=c.start, end=c.end, factuality=c.factuality, polarity=c.polarity,
                 source=Source(entity=c.source.entity, name=c.source.name),
                 chain=[Source(entity=s.entity, name=s.name) for s in c.chain],
                 cues=[Span(text=s.text, start=s.start, end=s.end) for s in c.cues])


def to_event(e: EventMatch, n: int) -> Event:
    return Event(id=f"v{n}", type=e.type, trigger=Span(text=e.trigger.text, start=e.trigger.start, end=e.trigger.end),
                 actors=[Actor(entity=a.entity, name=a.name, country=a.country, role=a.role) for a in e.actors],
                 place=e.place, date=e.date, factuality=e.factuality,
                 cues=[Span(text=s.text, start=s.start, end=s.end) for s in e.cues])
