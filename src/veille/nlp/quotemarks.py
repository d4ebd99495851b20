"""Finds the stretches of a Doc between quotation marks: « », “ ”, ‹ ›, and straight double quotes.

Typography is the most reliable signal of direct speech. An opening mark left unclosed at the end of its
paragraph is closed there and reported in `doc._.warnings` rather than swallowing the rest of the article.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

PAIRS = {"«": "»", "“": "”", "‹": "›", "„": "“"}
STRAIGHT = {'"', "＂"}


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


def in_quotation(doc: Doc, i: int) -> bool:
    """Whether token i lies between quote marks opened earlier in its paragraph."""
    depth, straight = 0, False
    j = i - 1
    while j >= 0 and not is_paragraph_break(doc[j]):
        text = doc[j].text
        if text in PAIRS.values() and text not in PAIRS:
            depth -= 1
        elif text in PAIRS:
            depth += 1
        elif text in STRAIGHT:
            straight = not straight
        j -= 1
    return depth > 0 or straight
