"""Doc → Article: the only code that reads veille's Doc extensions."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from .model import Article, Cue, Entity, Mention, Quote, Speaker
from .nlp.types import EntityCluster, QuoteMatch


def doc_to_article(doc: Doc, *, id: str, title: Optional[str] = None, published: Optional[str] = None,
                   lang: str = "fr", **metadata) -> Article:
    clusters = doc._.entity_clusters or []
    return Article(
        id=id, title=title, published=published, lang=lang, text=doc.text, **metadata,
        entities=[to_entity(c) for c in clusters],
        quotes=[to_quote(q, n, doc.text) for n, q in enumerate(doc._.quotes or [], 1)],
    )


def to_entity(cluster: EntityCluster) -> Entity:
    return Entity(id=cluster.id, name=cluster.name, type=cluster.label, aliases=cluster.aliases,
                  country=cluster.country,
                  mentions=[Mention(text=m.text, start=m.start, end=m.end) for m in cluster.mentions])


def to_quote(q: QuoteMatch, n: int, text: str) -> Quote:
    speaker = Speaker(entity=q.speaker_entity, name=q.speaker_name,
                      mention=Mention(text=q.speaker.text, start=q.speaker.start, end=q.speaker.end)
                      if q.speaker else None)
    cue = Cue(text=q.cue.text, start=q.cue.start, end=q.cue.end, lemma=q.cue_lemma or q.cue.text,
              cls=q.cue_class) if q.cue else None
    return Quote(id=f"q{n}", type=q.type, text=text[q.start:q.end], start=q.start, end=q.end,
                 speaker=speaker, cue=cue, mode=q.mode, via=q.via, confidence=q.confidence, rule=q.rule)
