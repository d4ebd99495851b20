"""veille_times: finds time expressions and resolves them to ISO 8601 values against the publication date.

The rules are data (resources/<lang>/): `time_words.tsv` gives each word a class (MONTH, WEEKDAY, UNIT, DIR,
PART, …) and `time_patterns.tsv` the sequences of classes that make an expression, each a named rule shown to
users (matched by `nlp.timegrammar`). This module tags the Doc's words, keeps the leftmost longest matches
that are not numbers of things, habits or anaphora, reads the governing verb's tense, and computes values:
- absolute dates, months, years, decades, centuries keep the precision the text gives (`fin 2022` is `2022`
  with mod END, never an invented day);
- a year-less date takes the nearest plausible year, the governing verb's tense breaking near-ties;
- a weekday is the one on or before publication in a past clause, on or after in a future one, the nearest
  otherwise; `dernier` / `prochain` fix the side;
- relative expressions (`hier`, `le mois dernier`, `il y a deux ans`) count from the publication date, and get
  no value without one; `la veille` / `le lendemain` count from the previous date in the text.
Results go to `doc._.times`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, NamedTuple, Optional

from spacy.attrs import IDX, IS_SPACE, LENGTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import dates
from ..extensions import init_doc, register_extensions
from ..parse import VERBAL, verb_above
from ..timegrammar import Found, Tag, normalise, time_grammar
from ..types import TimeMatch

DAY_NUMBER = re.compile(r"^(\d{1,2})(\D*)$")
YEAR_NUMBER = re.compile(r"^(1\d{3}|20\d{2})$")
DECADE_NUMBER = re.compile(r"^(\d0|1\d{2}0|20\d0)$")
COUNT_NUMBER = re.compile(r"^\d{1,3}$")
ORDINAL_NUMBER = re.compile(r"^(\d{1,2}|[ivxlc]+)(\D+)$")
NUMERIC_DATE = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")
ROMAN_CAPITALS = set("IVXLC")
CALENDAR_NAMES = {"MONTH", "WEEKDAY"}       # capitalised mid-sentence, they are names (le maréchal Juin)
POS_NAMES = {number: name for name, number in POS_IDS.items()}
MAX_CLIMB = 8                               # head-to-head steps from a time expression to its verb


class Word(NamedTuple):
    """A token, or the part of one after a glued prefix (`mi-` + `juillet`)."""

    token: int
    start: int
    end: int
    text: str
    pos: str


@dataclass(frozen=True)
class Source:
    """The Doc's text once, and lower-cased with the same offsets, for forms spanning several tokens."""

    text: str
    lowered: str
    words: list[Word]
    ends: dict[int, int]                    # character offset where a word ends -> its index


@Language.factory("veille_times", assigns=["doc._.times"], requires=["token.pos", "token.dep", "token.morph"],
                  default_config={"lang": "fr"})
def make_time_tagger(nlp: Language, name: str, lang: str):
    return TimeTagger(lang)


class TimeTagger:
    def __init__(self, lang: str):
        self.lang = lang
        self.grammar = time_grammar(lang)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        source = self.source(doc)
        found = self.find(doc, source)
        self.set_annotations(doc, source, found)
        return doc

    # find: words, tags, patterns ------------------------------------------------------------------------
    def source(self, doc: Doc) -> Source:
        text = doc.text                       # rebuilt at each doc.text: read it once
        lowered = normalise(text)
        if len(lowered) != len(text):         # İ lower-cases to two characters: keep offsets aligned
            lowered = "".join(low if len(low) == 1 else ch for ch in text for low in [normalise(ch)])
        words = self.words(doc, lowered)
        return Source(text, lowered, words, {w.end: n for n, w in enumerate(words)})

    def words(self, doc: Doc, lowered: str) -> list[Word]:
        out: list[Word] = []
        # token attributes in one array: creating a Token object per word costs more than all the rest
        for i, (start, length, space, pos) in enumerate(doc.to_array([IDX, LENGTH, IS_SPACE, POS]).tolist()):
            if space:
                continue
            end, pos = start + length, POS_NAMES.get(pos, "")
            word = lowered[start:end]
            prefix = "-" in word and next((p for p in self.grammar.prefixes
                                           if word.startswith(p) and len(word) > len(p)), None)
            if prefix:
                out.append(Word(i, start, start + len(prefix), prefix, pos))
                out.append(Word(i, start + len(prefix), end, word[len(prefix):], pos))
            else:
                out.append(Word(i, start, end, word, pos))
        return out

    def find(self, doc: Doc, source: Source) -> list[Found]:
        words = source.words
        tags = self.tag(doc, source)
        found: list[Found] = []
        previous_end = -1
        for i, patterns in sorted(self.grammar.starts(tags).items()):
            if i < previous_end:
                continue
            match = self.grammar.best_match(tags, i, patterns, after_time=i == previous_end)
            if match is not None and self.acceptable(doc, words, tags, match):
                match.lead = self.lead(tags, match)
                found.append(match)
                previous_end = match.end
        return found

    def tag(self, doc: Doc, source: Source) -> list[list[Tag]]:
        words = source.words
        tags = [self.word_tags(doc, words, n, source) for n in range(len(words))]
        for n, word in enumerate(words):
            if any(t.cls == "YEAR" for t in tags[n]) and self.counts_a_noun(doc[word.token]):
                tags[n] = [t for t in tags[n] if t.cls not in ("YEAR", "DECADE_NUM")]
        return tags

    def counts_a_noun(self, token: Token, first_of_range: bool = True) -> bool:
        """`2000 soldats`, `de 1200 à 1500 policiers`: numbers counting a noun are not years."""
        if token.dep_ == "nummod" and token.head.i > token.i:
            return True
        if token.i + 1 == len(token.doc):
            return False
        following = token.nbor(1)
        if (following.pos_ in ("NOUN", "SYM") or following.is_currency) and \
                normalise(following.text) not in self.grammar.forms:
            return True
        if first_of_range and following.i + 1 < len(token.doc) and following.nbor(1).like_num and \
                normalise(following.text) in self.grammar.sets["TO"]:
            return self.counts_a_noun(following.nbor(1), first_of_range=False)
        return False

    def word_tags(self, doc: Doc, words: list[Word], n: int, source: Source) -> list[Tag]:
        word = words[n]
        out = [tag for tag, pos in self.grammar.tags.get(word.text, ()) if not pos or word.pos in pos]
        for form in self.grammar.phrases.get(word.text[:1], ()):
            last = source.ends.get(word.start + len(form))
            if last is not None and last > n and source.lowered.startswith(form, word.start):
                out += [tag._replace(length=last - n + 1) for tag, pos in self.grammar.tags[form]
                        if not pos or word.pos in pos]
        first = source.text[word.start]
        if first.isdigit() or (first in ROMAN_CAPITALS and word.text not in self.grammar.forms):
            out += self.shape_tags(word.text, source.text[word.start:word.end])
        if out and any(t.cls in CALENDAR_NAMES for t in out) and not self.named_in_place(doc, words, n):
            out = [t for t in out if t.cls not in CALENDAR_NAMES]
        return out

    def shape_tags(self, text: str, original: str) -> list[Tag]:
        """Numbers: days, years, decades, counts, ordinals (21e, XXe: Roman numerals only in capitals)."""
        out = []
        day = DAY_NUMBER.match(text)
        suffixes = self.grammar.sets["DAY_SUFFIX"]
        if day and 1 <= int(day.group(1)) <= 31 and (not day.group(2) or day.group(2) in suffixes):
            out.append(Tag("DAY", day.group(1), "day"))
        if YEAR_NUMBER.match(text):
            out.append(Tag("YEAR", text, "year"))
        if DECADE_NUMBER.match(text):
            out.append(Tag("DECADE_NUM", text, "decade"))
        if COUNT_NUMBER.match(text):
            out.append(Tag("NUMBER", text, ""))
        ordinal = ORDINAL_NUMBER.match(text)
        if ordinal and ordinal.group(2) in self.grammar.sets["ORDINAL_SUFFIX"] and \
                (ordinal.group(1).isdigit() or original[:len(ordinal.group(1))].isupper()):
            number = int(ordinal.group(1)) if ordinal.group(1).isdigit() else dates.roman_value(ordinal.group(1))
            if number:
                out.append(Tag("ORDINAL", str(number), ""))
        if NUMERIC_DATE.match(text):
            out.append(Tag("NUMDATE", text, "day"))
        return out

    def named_in_place(self, doc: Doc, words: list[Word], n: int) -> bool:
        """A capitalised month or weekday counts only where any word would be capitalised, or after a day."""
        token = doc[words[n].token]
        if not token.text[:1].isupper() or token.is_sent_start or token.i == 0:
            return True
        previous = doc[token.i - 1]
        return previous.is_punct or bool(DAY_NUMBER.match(normalise(previous.text)))

    def acceptable(self, doc: Doc, words: list[Word], tags: list[list[Tag]], found: Found) -> bool:
        after = tags[found.end] if found.end < len(words) else []
        if any(t.cls == "DISTAL" for t in after):
            return False              # cette année-là: anaphoric, its year is not the publication's
        if found.get("ANCHORED") and any(t.cls == "OF" for t in after):
            return False              # au lendemain de la guerre: anchored on an event, not a date
        before = ending_at(tags, found.start)
        if found.get("WEEKDAY") and not found.get("DAY") and any(t.cls == "DET" for t in before):
            return False              # le dimanche, les enfants jouent: a habit, not a date
        if found.get("YEAR") and not (found.get("MONTH") or found.get("UNIT") or found.get("PART")):
            token = words[found.start].token
            previous = normalise(doc[token - 1].text) if token else ""
            return previous not in self.grammar.sets["QUANTITY"]   # plus de 2000: a quantity
        return True

    def lead(self, tags: list[list[Tag]], found: Found) -> int:
        """The direction of a preposition in the match or just before it (`depuis`: past, `d'ici`: ahead)."""
        before = ending_at(tags, found.start)
        for tag in [t for t in found.tags if t.cls == "PREP"] + [t for t in before if t.cls == "PREP"]:
            if tag.value:
                return int(tag.value)
        return 0

    # write: values ---------------------------------------------------------------------------------------
    def set_annotations(self, doc: Doc, source: Source, found: list[Found]) -> None:
        published = dates.parse_published(doc._.published)
        text, words = source.text, source.words
        times: list[TimeMatch] = []
        previous_day: Optional[date] = None
        for match in found:
            span = doc[words[match.start].token:words[match.end - 1].token + 1]
            resolver = Resolver(match, published, previous_day, lambda s=span: self.direction(s),
                                self.grammar.date_order)
            value, precision, anchor = resolver.resolve()
            if value is None and anchor is None:
                continue                      # le 31 février: not a date
            start, end = words[match.start].start, words[match.end - 1].end
            part = match.get("PART")
            times.append(TimeMatch(start, end, text[start:end], value, match.rule, precision,
                                   mod=part.value if part else None, anchor=anchor, head=span.root.i))
            if precision == "day" and value and "/" not in value:
                previous_day = date.fromisoformat(value)
        doc._.times = times

    def direction(self, span: Span) -> int:
        """-1 past, 1 future, 0 unknown: from the tense of the verb governing the expression."""
        verb = governing_verb(span.root)
        if verb is None:
            return 0                  # a verbless phrase: the nearest reading
        return self.verb_direction(verb)

    def verb_direction(self, verb: Token) -> int:
        auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
        tenses = {t for a in auxiliaries for t in a.morph.get("Tense")}
        form = verb.morph.get("VerbForm")
        if "Fut" in tenses:
            return 1
        if "Part" in form:
            if any("Inf" in a.morph.get("VerbForm") for a in auxiliaries):
                return self.infinitive_direction(verb)   # devrait être signé mardi: as its governor says
            plans = verb.lemma_ in self.grammar.sets["PLAN"]
            if plans and tenses and tenses <= {"Pres"}:
                return 1                                  # le sommet est prévu mardi
            # with an auxiliary a compound past; alone, a past participle unless it plans (la visite prévue mardi)
            return 1 if not auxiliaries and plans else -1
        if "Inf" in form:
            return -1 if auxiliaries else self.infinitive_direction(verb)
        tense = verb.morph.get("Tense")
        if "Fut" in tense:
            return 1
        return -1 if ("Imp" in tense or "Past" in tense) else 0

    def infinitive_direction(self, verb: Token) -> int:
        """devrait reprendre dimanche, va partir lundi: ahead; under any other verb, unknown."""
        governor = verb.head
        if governor.i == verb.i or governor.pos_ not in VERBAL:
            return 0
        if governor.lemma_ in self.grammar.sets["PROSPECTIVE"]:
            return 0 if self.verb_direction(governor) < 0 else 1
        return 0


class Resolver:
    """The value of one match: (value, precision, anchor); value None when it needs a missing anchor.

    The first class of ORDER present in the match decides how its value is computed."""

    ORDER = (("NUMDATE", "numeric"), ("DECADE", "decade"), ("CENTURY", "century"), ("AGO", "counted"),
             ("IN", "counted"), ("ANCHORED", "anchored"), ("DAYWORD", "dayword"), ("DAY", "calendar_date"),
             ("MONTH", "month"), ("SEASON", "season"), ("SUBYEAR", "subyear"), ("YEAR", "year"),
             ("UNIT", "unit_period"), ("WEEKDAY", "weekday"), ("DAYPART", "today"))

    def __init__(self, match: Found, published: Optional[date], previous_day: Optional[date],
                 direction: Callable[[], int], order: dict[str, int]):
        self.match = match
        self.published = published
        self.previous_day = previous_day
        self.find_direction = direction
        self.order = order
        self.known_direction: Optional[int] = None

    def direction(self) -> int:
        if self.known_direction is None:   # the parse is only read when a value depends on it
            self.known_direction = self.match.lead or self.find_direction()
        return self.known_direction

    def resolve(self) -> tuple[Optional[str], str, Optional[str]]:
        method = next(name for cls, name in self.ORDER if self.match.get(cls))   # every pattern has one
        return getattr(self, method)()

    def relative(self, compute: Callable[[date], tuple[str, str]], precision: str):
        if self.published is None:
            return None, precision, "published"
        value, precision = compute(self.published)
        return value, precision, "published"

    def strict(self) -> int:
        direction = self.match.get("DIR")
        return int(direction.value) if direction else 0

    def numeric(self):
        text = self.match.get("NUMDATE").value
        found = NUMERIC_DATE.match(text)
        parts = [int(g) for g in found.groups()]
        order = self.match_order(parts)
        day = dates.safe_date(parts[order["y"]], parts[order["m"]], parts[order["d"]])
        return (dates.iso_day(day) if day else None), "day", None

    def match_order(self, parts: list[int]) -> dict[str, int]:
        if parts[0] > 31:                       # 2023-08-30 whatever the language's order
            return {"y": 0, "m": 1, "d": 2}
        return self.order

    def decade(self):
        digits = self.match.get("DECADE_NUM").value
        return (digits[:3] if len(digits) == 4 else "19" + digits[0]), "decade", None

    def century(self):
        number = int(self.match.get("ORDINAL").value)
        return f"{number - 1:02d}", "century", None

    def counted(self):
        sign = int((self.match.get("AGO") or self.match.get("IN")).value)
        number = self.match.get("NUM") or self.match.get("NUMBER")
        unit = (self.match.get("UNIT") or self.match.get("UNITS") or self.match.get("DAYUNIT")).unit
        amount = sign * int(number.value)
        return self.relative(lambda p: dates.shifted(p, amount, unit), dates.SHIFT_PRECISION[unit])

    def anchored(self):
        if self.previous_day is None:
            return None, "day", "previous"
        offset = int(self.match.get("ANCHORED").value)
        return dates.iso_day(self.previous_day + timedelta(days=offset)), "day", "previous"

    def dayword(self):
        offset = int(self.match.get("DAYWORD").value)
        return self.relative(lambda p: (dates.iso_day(p + timedelta(days=offset)), "day"), "day")

    def calendar_date(self):
        days = self.match.all("DAY")
        month = int(self.match.get("MONTH").value)
        year = self.year_of(month, day=int(days[-1].value))
        if year is None:                        # no publication date, or no year has that day (31 février)
            return None, "day", "published" if self.published is None else None
        values = [dates.safe_date(year, month, int(d.value)) for d in days]
        if None in values:
            return None, "day", None
        anchor = None if self.match.get("YEAR") else "published"
        return "/".join(dates.iso_day(v) for v in values), "day", anchor

    def year_of(self, month: int, day: Optional[int] = None, months: int = 1) -> Optional[int]:
        year = self.match.get("YEAR")
        if year:
            return int(year.value)
        if self.published is None:
            return None
        weekday = self.match.get("WEEKDAY")
        return dates.pick_year(self.published, month, day=day, months=months, direction=self.direction(),
                               strict=self.strict(), side=self.match.lead,
                               weekday=int(weekday.value) if weekday else None)

    def month(self):
        month = int(self.match.get("MONTH").value)
        year = self.year_of(month)
        anchor = None if self.match.get("YEAR") else "published"
        return (dates.iso_month(year, month) if year else None), "month", anchor

    def season(self):
        season = self.match.get("SEASON")
        year = self.year_of(int(season.unit), months=3)
        anchor = None if self.match.get("YEAR") else "published"
        return (f"{year:04d}-{season.value}" if year else None), "season", anchor

    def subyear(self):
        """au premier trimestre 2023: 2023-Q1; au second semestre: 2023-H2."""
        part, rank = self.match.get("SUBYEAR"), int(self.match.get("RANK").value)
        months = int(part.unit)
        if rank * months > 12:
            return None, "quarter", None
        year = self.year_of(1 + (rank - 1) * months, months=months)
        anchor = None if self.match.get("YEAR") else "published"
        return (f"{year:04d}-{part.value}{rank}" if year else None), "quarter" if months == 3 else "half", anchor

    def year(self):
        return self.match.get("YEAR").value, "year", None

    def unit_period(self):
        unit = self.match.get("UNIT").unit
        amount = self.strict()
        return self.relative(lambda p: dates.period_of(p, amount, unit), "week" if unit == "weekend" else unit)

    def weekday(self):
        weekday = int(self.match.get("WEEKDAY").value)
        return self.relative(
            lambda p: (dates.iso_day(dates.weekday_date(p, weekday, self.direction(), self.strict())), "day"),
            "day")

    def today(self):
        """ce matin: the publication day; la nuit dernière: the day before."""
        offset = self.strict()
        return self.relative(lambda p: (dates.iso_day(p + timedelta(days=offset)), "day"), "day")


# helpers ---------------------------------------------------------------------------------------------------
def ending_at(tags: list[list[Tag]], i: int, reach: int = 4) -> list[Tag]:
    """The tags of the words just before word i (`d'ici` spans two words and still ends there)."""
    return [t for j in range(max(0, i - reach), i) for t in tags[j] if j + t.length == i]


def governing_verb(token: Token) -> Optional[Token]:
    return verb_above(token, MAX_CLIMB)
