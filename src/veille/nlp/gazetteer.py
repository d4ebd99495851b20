"""Known names from the gazetteer files: countries with their capitals and demonyms, seats of power, organisations.

Look-ups are by a folded key (case, accents, apostrophes, hyphens and a leading article ignored), so
`Etats-Unis`, `les États-Unis` and `États-Unis` are one name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..folding import strip_accents
from .lexicon import load_table

LEADING_ARTICLE = re.compile(r"^(le|la|les|l)\s+")
WORD_START = re.compile(r"(?<![\w-])[A-ZÀ-Ý]\w*")
MIN_ACRONYM = 3   # `UE`, `PS`: two capitals are too often something else to be spotted in raw text


@dataclass(frozen=True)
class Known:
    name: str                 # canonical name
    type: str                 # PER | ORG | LOC | MISC
    kind: str                 # country | capital | seat | institution | district | organisation
    country: Optional[str]    # ISO 3166 alpha-2


def fold(text: str) -> str:
    """The look-up key of a name."""
    text = strip_accents(text.casefold())
    text = re.sub(r"[\u2019'\-\u2010-\u2013]", " ", text)
    return LEADING_ARTICLE.sub("", re.sub(r"\s+", " ", text).strip())


def loose(text: str) -> str:
    """Case, accents, hyphens and apostrophes ignored, length kept (`Nations Unies` = `Nations unies`)."""
    text = strip_accents(text)
    return text.lower().replace("-", " ").replace("\u2019", "'")


def is_spotted(form: str, known: Known) -> bool:
    """Countries and organisations by their written names; short acronyms and seats of power are left to NER."""
    if known.kind not in {"country", "organisation"} or not form[:1].isupper():
        return False
    return not form.isupper() or len(form) >= MIN_ACRONYM


def variants(row: dict, *columns: str) -> list[str]:
    return [v.strip() for column in columns for v in (row.get(column) or "").split("|") if v.strip()]


class Gazetteer:
    def __init__(self, lang: str):
        self.names: dict[str, Known] = {}
        self.demonyms: dict[str, str] = {}
        self.countries: dict[str, Known] = {}
        self.spotted: dict[str, list[str]] = {}   # first three characters → forms worth finding in raw text
        for row in load_table(lang, "countries"):
            self.add_country(row)
        for row in load_table(lang, "organisations"):
            known = Known(row["name"], row.get("type") or "ORG", "organisation", row.get("country") or None)
            self.add(known, [row["name"], *variants(row, "acronym", "aliases")])
        for row in load_table(lang, "seats_of_power"):
            self.add(Known(row["form"], "ORG", row["kind"], row["country"]), [row["form"]])

    def add_country(self, row: dict) -> None:
        country = Known(row["name"], "LOC", "country", row["code"])
        self.countries[row["code"]] = country
        self.add(country, [row["name"], *variants(row, "aliases")])
        capitals = variants(row, "capital", "capital_aliases")
        if capitals:
            self.add(Known(capitals[0], "LOC", "capital", row["code"]), capitals)
        for demonym in variants(row, "demonyms"):
            self.demonyms.setdefault(fold(demonym), row["code"])

    def add(self, known: Known, forms: list[str]) -> None:
        for form in forms:
            self.names.setdefault(fold(form), known)
            if is_spotted(form, known):
                self.spotted.setdefault(loose(form[:3]), []).append(form)

    def spot(self, text: str) -> list[tuple[int, int, Known]]:
        """Known names written in the text as such (capitalised, longest first): what NER may have missed."""
        found, end = [], 0
        for start, head in ((m.start(), m.group()) for m in WORD_START.finditer(text)):
            if start < end:
                continue
            forms = [f for f in self.spotted.get(loose(text[start:start + 3]), ())
                     if loose(text[start:start + len(f)]) == loose(f)
                     and not text[start + len(f):start + len(f) + 1].isalnum()]
            if forms:
                form = max(forms, key=len)
                end = start + len(form)
                found.append((start, end, self.names[fold(form)]))
        return found

    def lookup(self, text: str) -> Optional[Known]:
        return self.names.get(fold(text))

    def demonym(self, word: str) -> Optional[str]:
        """`russe`, `nord-coréennes` → the country code."""
        return self.demonyms.get(fold(word))

    def country(self, code: Optional[str]) -> Optional[Known]:
        return self.countries.get(code or "")


@lru_cache(maxsize=None)
def gazetteer(lang: str) -> Gazetteer:
    return Gazetteer(lang)
