"""Every Doc/Span extension veille writes, registered once and idempotently, in one place."""
from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_EXTENSIONS = {
    "entity_clusters": list,   # list[types.EntityCluster], written by veille_entities
    "quotes": list,            # list[types.QuoteMatch], written by veille_quotes
    "times": list,             # list[types.TimeMatch]
    "claims": list,
    "events": list,
    "published": None,         # "YYYY-MM-DD" or None, set by the caller before the pipeline runs
    "warnings": list,          # list[str]: what a component assumed on odd input (unclosed quote, …)
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            # list-valued ones start as None and get a fresh list per doc in init_doc
            Doc.set_extension(name, default=None)
    if not Span.has_extension("entity_id"):
        Span.set_extension("entity_id", default=None)


def init_doc(doc: Doc) -> None:
    """Give list-valued extensions a fresh list (spaCy defaults are shared between docs)."""
    for name, default in DOC_EXTENSIONS.items():
        if callable(default) and doc._.get(name) is None:
            doc._.set(name, default())
