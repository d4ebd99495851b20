"""Turning an article's text and its quote/entity offsets into safe HTML: flat segments, paragraphs, snippets.

Marks may overlap or nest (a mixed quote holding a direct fragment, an entity inside a quote): the text is cut
at every mark boundary into non-overlapping segments, each carrying the classes of all marks covering it, so
the HTML is always well formed. Offsets are clamped to the text; empty or inverted marks are dropped.
All text goes through `markupsafe.escape` here; nothing else in the web package builds HTML by hand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from markupsafe import Markup, escape

from ..model import Article, Quote

QUOTE_TYPES = {"direct": "directe", "indirect": "indirecte", "mixed": "mixte"}
QUOTE_MODES = {"attested": "attesté", "reported": "rapporté"}
SNIPPET_MATCH = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class Mark:
    """A stretch [start, end) to highlight; `label` is shown once, right after the mark ends."""

    start: int
    end: int
    classes: tuple[str, ...]
    title: str = ""
    label: str = ""
    key: str = ""


@dataclass
class Segment:
    """A piece of text covered by exactly the same marks from start to end."""

    text: str
    marks: list[Mark] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return _unique(c for mark in self.marks for c in mark.classes)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def clamp(mark: Mark, length: int) -> Optional[Mark]:
    """The mark cut to [0, length], or None when nothing of it is left."""
    start, end = max(0, min(mark.start, length)), max(0, min(mark.end, length))
    if start >= end:
        return None
    return Mark(start, end, mark.classes, mark.title, mark.label, mark.key)


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """Cut `text` at every mark boundary; each segment knows every mark covering it (outer marks first)."""
    valid = [m for m in (clamp(m, len(text)) for m in marks) if m]
    valid.sort(key=lambda m: (m.start, -m.end))
    cuts = sorted({0, len(text)} | {m.start for m in valid} | {m.end for m in valid})
    result = []
    for start, end in zip(cuts, cuts[1:]):
        covering = [m for m in valid if m.start <= start and m.end >= end]
        labels = [m.label for m in covering if m.end == end and m.label]
        result.append(Segment(text[start:end], covering, labels))
    return result


def paragraphs(segs: list[Segment]) -> list[list[Segment]]:
    """Split segments on newlines; a mark crossing a newline continues in the next paragraph."""
    paras: list[list[Segment]] = [[]]
    emitted: Optional[Segment] = None
    for seg in segs:
        for i, piece in enumerate(seg.text.split("\n")):
            if i:
                paras.append([])
            if piece:
                emitted = Segment(piece, seg.marks)
                paras[-1].append(emitted)
        if seg.labels and emitted is not None:
            emitted.labels.extend(seg.labels)
    return [p for p in paras if "".join(s.text for s in p).strip()]


def segment_html(seg: Segment) -> Markup:
    """One segment as HTML: plain escaped text, or a <mark> with classes, tooltip and trailing labels."""
    if not seg.marks:
        return escape(seg.text)
    title = " | ".join(_unique(m.title for m in seg.marks))
    keys = " ".join(_unique(m.key for m in seg.marks))
    html = Markup('<mark class="{}" title="{}" data-marks="{}">{}</mark>').format(
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
        marks += [Mark(m.start, m.end, ("ent", f"ent-{e.type}"), f"{e.name} ({e.type})", key=e.id)
                  for e in article.entities for m in e.mentions]
    return marks


def article_paragraphs(article: Article) -> list[Markup]:
    return render_paragraphs(article.text, article_marks(article))


def snippet_html(snippet: str) -> Markup:
    """A search snippet (plain text, matches in [ ]) as safe HTML with the matches in <mark>."""
    return Markup(SNIPPET_MATCH.sub(r"<mark>\1</mark>", str(escape(snippet or ""))))
