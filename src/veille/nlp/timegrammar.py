"""The grammar of time expressions: word classes and patterns read from resources/<lang>/, and the matcher.

Language-neutral: `time_words.tsv` gives each word form its classes, `time_patterns.tsv` the sequences of
classes that make an expression. `TimeGrammar.best_match` finds, from one word, the longest sequence of tags
a pattern accepts. Tagging the words of a Doc is the component's job (components/times.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, Optional

from .lexicon import load_table

WORD_PIECES = re.compile(r"\w+|-")
WORD_SETS = ("PROSPECTIVE", "PLAN", "QUANTITY", "DAY_SUFFIX", "ORDINAL_SUFFIX", "TO")


class Tag(NamedTuple):
    cls: str
    value: str
    unit: str
    length: int = 1                         # in words


@dataclass(frozen=True)
class Pattern:
    rule: str
    elements: tuple[tuple[frozenset, bool], ...]   # (accepted classes, optional)
    after_time: bool                                # only right after another expression (de 2010 à 2015)
    first: frozenset                                # classes that can start a match
    last: frozenset                                 # classes of its last required element


@dataclass
class Found:
    """A pattern matched over words [start, end), with the tag each element took."""

    rule: str
    start: int
    end: int
    tags: list[Tag] = field(default_factory=list)
    lead: int = 0                           # the side a preposition puts it on (depuis le 7 octobre: -1)

    def get(self, cls: str) -> Optional[Tag]:
        return next((t for t in self.tags if t.cls == cls), None)

    def all(self, cls: str) -> list[Tag]:
        return [t for t in self.tags if t.cls == cls]


class TimeGrammar:
    """The language's time words and patterns, loaded once."""

    def __init__(self, lang: str):
        rows = load_table(lang, "time_words")
        self.forms: dict[str, list[dict]] = {}
        for row in rows:
            self.forms.setdefault(normalise(row["form"]), []).append(row)
        # each form's tags, with the POS a token must have to take it (empty: any)
        self.tags = {form: [(Tag(r["class"], r["value"], r["unit"]), pos_set(r)) for r in entries]
                     for form, entries in self.forms.items()}
        self.phrases: dict[str, list[str]] = {}        # first character -> forms that may span several tokens
        for form in sorted(self.forms, key=len, reverse=True):
            if not form.isalnum() and not form.endswith("-"):
                self.phrases.setdefault(form[0], []).append(form)
        self.prefixes = sorted((f for f in self.forms if f.endswith("-") and len(f) > 1), key=len, reverse=True)
        self.sets = {cls: {normalise(r["form"]) for r in rows if r["class"] == cls} for cls in WORD_SETS}
        order = next((r["value"] for r in rows if r["class"] == "NUMERIC_DATE"), "dmy")
        self.date_order = {part: i for i, part in enumerate(order)}
        self.patterns = [parse_pattern(r) for r in load_table(lang, "time_patterns")]
        widths = self.class_widths()
        self.reach = [words_before_last(p, widths) for p in self.patterns]
        self.ending = {cls: [k for k, p in enumerate(self.patterns) if cls in p.last]
                       for cls in {c for p in self.patterns for c in p.last}}

    def class_widths(self) -> dict[str, int]:
        """The most words one element of each class can take (il y a: three)."""
        widths: dict[str, int] = {}
        for form, rows in self.forms.items():
            for row in rows:
                widths[row["class"]] = max(widths.get(row["class"], 1), len(WORD_PIECES.findall(form)))
        return widths

    def starts(self, tags: list[list[Tag]]) -> dict[int, set[int]]:
        """Where a match may start, and with which patterns: a match needs its pattern's last required class,
        so only the few words before a word of that class are tried (most words are never looked at)."""
        plans: dict[int, set[int]] = {}
        for j, here in enumerate(tags):
            for tag in here:
                for k in self.ending.get(tag.cls, ()):
                    for i in range(max(0, j - self.reach[k]), j + 1):
                        plans.setdefault(i, set()).add(k)
        return plans

    def best_match(self, tags: list[list[Tag]], i: int, patterns: set[int], after_time: bool) -> Optional[Found]:
        """The longest match of these patterns from word i; among equals, the pattern listed first."""
        here = {t.cls for t in tags[i]}
        best: Optional[Found] = None
        for pattern in (self.patterns[k] for k in sorted(patterns)):
            if (pattern.after_time and not after_time) or not (pattern.first & here):
                continue
            match = longest(pattern, tags, i)
            if match is not None and (best is None or match.end > best.end):
                best = match
        return best


@lru_cache(maxsize=None)
def time_grammar(lang: str) -> TimeGrammar:
    return TimeGrammar(lang)


def normalise(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u02bc", "'").lower()


def pos_set(row: dict) -> frozenset:
    return frozenset((row.get("pos") or "").split("|")) - {""}


def parse_pattern(row: dict) -> Pattern:
    elements = []
    for element in row["pattern"].split():
        elements.append((frozenset(element.rstrip("?").split("|")), element.endswith("?")))
    first: set = set()
    for classes, optional in elements:
        first |= classes
        if not optional:
            break
    last = next(classes for classes, optional in reversed(elements) if not optional)
    after_time = (row.get("after") or "").strip() == "time"
    return Pattern(row["rule"], tuple(elements), after_time, frozenset(first), last)


def words_before_last(pattern: Pattern, widths: dict[str, int]) -> int:
    last = max(k for k, (_, optional) in enumerate(pattern.elements) if not optional)
    return sum(max(widths.get(c, 1) for c in classes) for classes, _ in pattern.elements[:last])


def longest(pattern: Pattern, tags: list[list[Tag]], start: int) -> Optional[Found]:
    """The longest way the pattern matches from word `start` (the first found among equals)."""
    best: list[Optional[Found]] = [None]

    def walk(k: int, position: int, taken: tuple[Tag, ...]) -> None:
        if k == len(pattern.elements):
            if taken and (best[0] is None or position > best[0].end):
                best[0] = Found(pattern.rule, start, position, list(taken))
            return
        classes, optional = pattern.elements[k]
        if position < len(tags):
            for tag in tags[position]:
                if tag.cls in classes:
                    walk(k + 1, position + tag.length, taken + (tag,))
        if optional:
            walk(k + 1, position, taken)

    walk(0, start, ())
    return best[0]
