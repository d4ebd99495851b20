"""Quotation marks in a Doc: the stretches between them (« », “ ”, ‹ ›, straight) and the tokens they enclose.

Typography is the most reliable signal of direct speech. An opening mark left unclosed at the end of its
paragraph is closed there and reported in `doc._.warnings` rather than swallowing the rest of the article.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

PAIRS = {"«": "»", "“": "”", "‹": "›", "„": "“"}
STRAIGHT = {'"', "＂"}
OPENING_MARKS, CLOSING_MARKS = {"«", "“"}, {"»", "”"}   # the pairs French news use
QUOTE_MARKS = OPENING_MARKS | CLOSING_MARKS | {'"'}


@dataclass
class Quoted:
    open: int        # token index of the opening mark
    close: int       # token index of the closing mark (or one past the paragraph's last token)
    closed: bool
    cue: Optional[int] = None  # token of an incise verb attributing this part (`« A, a-t-il dit, B »`)

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def is_paragraph_break(token) -> bool:
    return "\n" in token.text or "\n" in token.whitespace_


def find_quoted(doc: Doc) -> list[Quoted]:
    """Outermost quoted stretches, in text order; marks nested inside an open quote are left to the caller."""
    found: list[Quoted] = []
    stack: list[tuple[int, str]] = []

    def close_unfinished(at: int) -> None:
        if stack:
            found.append(Quoted(stack[0][0], at, closed=False))
            doc._.warnings.append(f"unclosed quotation mark at character {doc[stack[0][0]].idx}: "
                                  "closed at the end of its paragraph")
            stack.clear()

    for token in doc:
        text = token.text
        if stack and (text == stack[-1][1] or (text in STRAIGHT and stack[-1][1] in STRAIGHT)):
            opened, _ = stack.pop()
            if not stack:
                found.append(Quoted(opened, token.i, closed=True))
        elif text in PAIRS:
            stack.append((token.i, PAIRS[text]))
        elif text in STRAIGHT:
            stack.append((token.i, text))
        if is_paragraph_break(token):
            close_unfinished(token.i if token.is_space else token.i + 1)
    close_unfinished(len(doc))
    return sorted(found, key=lambda q: q.open)



def quote_depths(doc: Doc) -> list[int]:
    """For each token, how many « » / “ ” are open around it, the marks themselves included (once per Doc)."""
    if "veille_quote_depths" not in doc.user_data:
        depths, depth = [], 0
        for token in doc:
            if token.text in CLOSING_MARKS:
                depth = max(0, depth - 1)
            depths.append(depth if token.text not in OPENING_MARKS else depth + 1)
            if token.text in OPENING_MARKS:
                depth += 1
            if "\n" in token.text or "\n" in token.whitespace_:
                depth = 0  # an unclosed quotation ends with its paragraph
        doc.user_data["veille_quote_depths"] = depths
    return doc.user_data["veille_quote_depths"]


def in_quotation(doc: Doc, i: int) -> bool:
    """Whether token i lies between quote marks (straight ones too) opened earlier in its paragraph."""
    return opened_before(doc)[i]


def opened_before(doc: Doc) -> list[bool]:
    """For each token, whether a quotation opened earlier in its paragraph is still open (once per Doc)."""
    found = doc.user_data.get("veille_opened_before")
    if found is None or len(found) != len(doc):
        found, depth, straight = [], 0, False
        for token in doc:
            found.append(depth > 0 or straight)
            text = token.text
            if text in PAIRS.values() and text not in PAIRS:
                depth -= 1
            elif text in PAIRS:
                depth += 1
            elif text in STRAIGHT:
                straight = not straight
            if is_paragraph_break(token):
                depth, straight = 0, False
        doc.user_data["veille_opened_before"] = found
    return found
