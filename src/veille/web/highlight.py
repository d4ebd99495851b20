"""Turning an article's text and its offsets into safe HTML: flat segments, paragraphs, snippets.

Marks may overlap or nest (a mixed quote holding a direct fragment, an entity inside a quote, a claim inside
a claim): the text is cut at every mark boundary into non-overlapping segments, each carrying the classes of
all marks covering it, so the HTML is always well formed. Marks of one `family` do not add up: only the
innermost of them colours and titles a segment (a hedged clause inside a certain sentence shows as hedged).
A mark's `anchor` becomes an empty element with that id where the mark starts, so lists can link to it.
Offsets are clamped to the text; empty or inverted marks are dropped.
All text goes through `markupsafe.escape` here; nothing else in the web package builds HTML by hand.

The article page shows one layer of marks at a time (`LAYERS`): quotes and entities, claims, times or events.
Time expressions are marked in every layer, with their value on hover.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional

from markupsafe import Markup, escape

from ..model import Article, Claim, Event, Quote, Source, TimeExpr

QUOTE_TYPES = {"direct": "directe", "indirect": "indirecte", "mixed": "mixte"}
QUOTE_MODES = {"attested": "attesté", "reported": "rapporté"}
SNIPPET_MATCH = re.compile(r"\[([^\[\]]*)\]")
LAYERS = {"quotes": "Citations", "claims": "Affirmations", "times": "Dates", "events": "Événements"}
DEFAULT_LAYER = "quotes"
FACTUALITY = {"certain": "certain", "probable": "probable", "possible": "possible", "negated": "nié",
              "unknown": "indéterminé"}
POLARITY = {"positive": "affirmative", "negative": "négative"}
TIME_MODS = {"START": "début", "MID": "milieu", "END": "fin"}
ACTOR_ROLES = {"source": "source", "target": "cible"}
JOURNALIST = "journalist"


@dataclass(frozen=True)
class Mark:
    """A stretch [start, end) to highlight; `label` is shown once, right after the mark ends."""

    start: int
    end: int
    classes: tuple[str, ...]
    title: str = ""
    label: str = ""
    key: str = ""
    family: str = ""   # marks of one non-empty family: only the innermost shows its classes and title
    anchor: str = ""   # an id placed where the mark starts


@dataclass
class Segment:
    """A piece of text covered by exactly the same marks from start to end (outer marks first)."""

    text: str
    marks: list[Mark] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def shown(self) -> list[Mark]:
        """The marks that style this segment: all of them but the outer ones of a family."""
        innermost = {m.family: m for m in self.marks if m.family}  # outer first: the last one wins
        return [m for m in self.marks if not m.family or innermost[m.family] is m]

    @property
    def classes(self) -> list[str]:
        return _unique(c for mark in self.shown for c in mark.classes)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def clamp(mark: Mark, length: int) -> Optional[Mark]:
    """The mark cut to [0, length], or None when nothing of it is left."""
    start, end = max(0, min(mark.start, length)), max(0, min(mark.end, length))
    if start >= end:
        return None
    return replace(mark, start=start, end=end)


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Cut `text` at every mark boundary; each segment knows every mark covering it (outer marks first)."""
    valid = [m for m in (clamp(m, len(text)) for m in marks) if m]
    valid.sort(key=lambda m: (m.start, -m.end))
    cuts = sorted({0, len(text)} | {m.start for m in valid} | {m.end for m in valid})
    result = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in valid if m.start <= start and m.end >= end]
        labels = [m.label for m in covering if m.end == end and m.label]
        anchors = [m.anchor for m in covering if m.start == start and m.anchor]
        result.append(Segment(text[start:end], covering, labels, anchors))
    return result


def paragraphs(segs: list[Segment]) -> list[list[Segment]]:
    """Split segments on newlines; a mark crossing a newline continues in the next paragraph.

    Anchors go to the first piece of text after them (a mark starting on a newline anchors where text resumes).
    """
    paras: list[list[Segment]] = [[]]
    emitted: Optional[Segment] = None
    pending: list[str] = []
    for seg in segs:
        pending.extend(seg.anchors)
        for i, piece in enumerate(seg.text.split("\n")):
            if i:
                paras.append([])
            if piece:
                emitted = Segment(piece, seg.marks, anchors=pending)
                pending = []
                paras[-1].append(emitted)
        if seg.labels and emitted is not None:
            emitted.labels.extend(seg.labels)
    return [p for p in paras if "".join(s.text for s in p).strip()]


def segment_html(seg: Segment) -> Markup:
    """One segment as HTML: plain escaped text, or a <mark> with classes, tooltip and trailing labels, after the
    anchors of the marks starting there."""
    html = Markup("").join(Markup('<span class="anchor" id="{}"></span>').format(a) for a in seg.anchors)
    if not seg.marks:
        return html + escape(seg.text)
    title = " | ".join(_unique(m.title for m in seg.shown))
    keys = " ".join(_unique(m.key for m in seg.marks))
    html += Markup('<mark class="{}" title="{}" data-marks="{}">{}</mark>').format(
        " ".join(seg.classes), title, keys, seg.text)
    for label in seg.labels:
        html += Markup('<small class="q-label">{}</small>').format(label)
    return html


def render_paragraphs(text: str, marks: Iterable[Mark]) -> list[Markup]:
    """The text as a list of safe HTML paragraphs (inner HTML, without the <p>)."""
    return [Markup("").join(segment_html(s) for s in para) for para in paragraphs(segments(text, marks))]


def speaker_name(quote: Quote, names: dict[str, str]) -> str:
    speaker = quote.speaker
    return speaker.name or names.get(speaker.entity or "", "") or "?"


def quote_mark(quote: Quote, names: dict[str, str]) -> Mark:
    who = speaker_name(quote, names)
    mode = QUOTE_MODES.get(quote.mode, quote.mode)
    title = f"Citation {QUOTE_TYPES.get(quote.type, quote.type)} — {who} ({mode})"
    if quote.cue:
        title += f", « {quote.cue.text} »"
    classes = ("q", f"q-{quote.type}", f"q-{quote.mode}")
    return Mark(quote.start, quote.end, classes, title, f"{who} · {mode}", quote.id)


def article_marks(article: Article, entities: bool = True) -> list[Mark]:
    """Marks for every quote and (optionally) every entity mention of the article."""
    names = {e.id: e.name for e in article.entities}
    marks = [quote_mark(q, names) for q in article.quotes]
    if entities:
        marks += entity_marks(article)
    return marks


def entity_marks(article: Article) -> list[Mark]:
    return [Mark(m.start, m.end, ("ent", f"ent-{e.type}"), f"{e.name} ({e.type})", key=e.id)
            for e in article.entities for m in e.mentions]


def time_value(time: TimeExpr) -> str:
    """`2022 (fin)`: the value with the part of the period it names, or `?` when it could not be resolved."""
    value = time.value or "?"
    return f"{value} ({TIME_MODS.get(time.mod, time.mod)})" if time.mod else value


def time_anchor(index: int) -> str:
    return f"time-{index + 1}"


def time_marks(article: Article, strong: bool = False) -> list[Mark]:
    """Every time expression: its value on hover; highlighted and labelled with it when `strong`."""
    return [Mark(t.start, t.end, ("t", "t-strong") if strong else ("t",), f"{t.text} → {time_value(t)}",
                 time_value(t) if strong else "", time_anchor(i), anchor=time_anchor(i) if strong else "")
            for i, t in enumerate(article.times)]


def chain_sources(claim: Claim) -> list[Source]:
    """The claim's source chain from the journalist to the immediate source, a source repeated in a row once."""
    chain = claim.chain or [claim.source]
    return [s for before, s in zip([None] + chain, chain) if s != before]


def source_name(source: Source) -> str:
    return "journaliste" if source.name == JOURNALIST and not source.entity else source.name


def chain_text(claim: Claim) -> str:
    return " → ".join(source_name(s) for s in chain_sources(claim))


def claim_anchor(claim: Claim) -> str:
    return f"claim-{claim.id}"


def claim_mark(claim: Claim) -> Mark:
    """`Affirmation (probable, négative) — journaliste → X — « aurait »`."""
    how = FACTUALITY.get(claim.factuality, claim.factuality)
    if claim.polarity == "negative":
        how += ", " + POLARITY["negative"]
    title = f"Affirmation ({how}) — {chain_text(claim)}"
    if claim.cues:
        title += " — " + ", ".join(f"« {c.text} »" for c in claim.cues)
    return Mark(claim.start, claim.end, ("c", f"c-{claim.factuality}"), title, key=claim.id, family="claim",
                anchor=claim_anchor(claim))


def claim_marks(article: Article) -> list[Mark]:
    """Every claim coloured by its factuality (the innermost wins where they nest), and their cue words."""
    marks = [claim_mark(c) for c in article.claims]
    cues = {(cue.start, cue.end): cue for c in article.claims for cue in c.cues}
    return marks + [Mark(s, e, ("cue",), f"indice « {cue.text} »") for (s, e), cue in cues.items()]


def event_anchor(event: Event) -> str:
    return f"event-{event.id}"


def event_mark(event: Event) -> Mark:
    actors = ", ".join(f"{a.name} ({ACTOR_ROLES.get(a.role, a.role)})" if a.role else a.name for a in event.actors)
    title = f"Événement {event.type} ({FACTUALITY.get(event.factuality, event.factuality)})"
    if actors:
        title += f" — {actors}"
    return Mark(event.trigger.start, event.trigger.end, ("ev", f"ev-{event.factuality}"), title, event.type,
                event.id, anchor=event_anchor(event))


def layer_marks(article: Article, layer: str = DEFAULT_LAYER) -> list[Mark]:
    """The marks of one layer of the article page (quotes and entities by default); times are always marked."""
    if layer == "claims":
        marks = claim_marks(article)
    elif layer == "events":
        marks = [event_mark(e) for e in article.events] + entity_marks(article)
    elif layer == "times":
        return time_marks(article, strong=True)
    else:
        marks = article_marks(article)
    return marks + time_marks(article)


def article_paragraphs(article: Article, layer: str = DEFAULT_LAYER) -> list[Markup]:
    return render_paragraphs(article.text, layer_marks(article, layer))


def snippet_html(snippet: str) -> Markup:
    """A search snippet (plain text, matches in [ ]) as safe HTML with the matches in <mark>."""
    return Markup(SNIPPET_MATCH.sub(r"<mark>\1</mark>", str(escape(snippet or ""))))
