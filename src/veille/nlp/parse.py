"""Small reads of the dependency parse that several components share."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

VERBAL = {"VERB", "AUX"}


def verb_above(token: Token, steps: int) -> Optional[Token]:
    """The token itself or the nearest of its heads that is a verb, within `steps` steps up the tree."""
    for _ in range(steps):
        if token.pos_ in VERBAL:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None
