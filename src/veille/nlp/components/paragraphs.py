"""veille_paragraphs: sentence boundaries at paragraph breaks, never just inside an opening quote mark.

News paragraphs are self-contained; the statistical parser sometimes runs a sentence across a line break,
which would glue a quote to the previous paragraph's speaker. Runs before the parser, which keeps
pre-set boundaries.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import init_doc, register_extensions

OPENING_MARKS = {"«", "“", "‹"}


@Language.component("veille_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    register_extensions()
    init_doc(doc)
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space:
            continue
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif previous.text in OPENING_MARKS:
            token.is_sent_start = False
    return doc
