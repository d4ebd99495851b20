"""Normalised names for cross-article identities: accent- and case-folded, without honorifics or determiners.

An identity's key is (type, normalised name): `M. Marc Dantec` and `Marc DANTEC` share one, and a
person never shares one with an organisation or a place of the same name.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..folding import strip_accents

# Leading words that are not part of a person's name. Titles such as "président" are the in-article
# resolution's job; these are only the forms of address that survive in a name.
HONORIFICS = frozenset("""m mr mm mme mmes mlle mlles dr pr me mgr sr st monsieur madame mademoiselle
    messieurs mesdames docteur maitre professeur monseigneur sir""".split())
# Only for organisations, places and the rest: for people, a leading "Le"/"La" is a particle of the surname
# (Le Pen, La Fontaine), so it must stay.
DETERMINERS = frozenset("le la les l the".split())
NON_WORD = re.compile(r"[\W_]+")
NORMALISED_CACHE = 1 << 16  # names recur from article to article: each is folded once


def fold(text: str) -> str:
    """Lower case, no accents, words separated by single spaces (hyphens and apostrophes become spaces)."""
    return NON_WORD.sub(" ", strip_accents(text.casefold())).strip()


@lru_cache(maxsize=NORMALISED_CACHE)
def normalise(name: str, entity_type: str) -> str:
    """The name as an identity key: folded, leading honorifics (people) or determiners (others) removed.

    A name made only of such words (`Madame`) keeps them: an empty key would merge unrelated entities.
    """
    words = fold(name).split()
    noise = HONORIFICS if entity_type == "PER" else DETERMINERS
    start = 0
    while start < len(words) - 1 and words[start] in noise:
        start += 1
    return " ".join(words[start:])


def is_single_word(norm: str) -> bool:
    return " " not in norm


def is_distinctive(norm: str, entity_type: str) -> bool:
    """Whether a key may link an entity on its own: a lone surname can name several people, so not for PER."""
    return entity_type != "PER" or not is_single_word(norm)


def surname(norm: str) -> Optional[str]:
    """The last word of a full name (two words or more), which a later article may use alone."""
    words = norm.split()
    return words[-1] if len(words) > 1 else None
