"""Calendar arithmetic for time expressions: ISO 8601 values, offsets, and which year a year-less date means.

Language-neutral: the words that lead here are in resources/<lang>/time_words.tsv. `direction` is the
temporal orientation of the clause: -1 past, +1 future, 0 unknown (nearest wins).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Optional

# Days added to a candidate on the side the verb's tense rules out: it still wins when the other is almost
# a year away (`reporté au 15 mars` published on 1 March), not otherwise (`élu en décembre`, in November).
TENSE_PENALTY_DAYS = 330
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def parse_published(value) -> Optional[date]:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def iso_day(day: date) -> str:
    return day.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_week(day: date, weekend: bool = False) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    n = year * 12 + month - 1 + months
    return n // 12, n % 12 + 1


def safe_date(year: int, month: int, day: int) -> Optional[date]:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shifted(published: date, amount: int, unit: str) -> tuple[str, str]:
    """(value, precision) of the publication date moved by `amount` units; a year ago keeps its month."""
    if unit == "day":
        return iso_day(published + timedelta(days=amount)), "day"
    if unit in ("week", "weekend"):
        return iso_week(published + timedelta(weeks=amount), weekend=unit == "weekend"), "week"
    months = amount * 12 if unit == "year" else amount
    return iso_month(*add_months(published.year, published.month, months)), "month"


SHIFT_PRECISION = {"day": "day", "week": "week", "weekend": "week", "month": "month", "year": "month"}


def period_of(published: date, amount: int, unit: str) -> tuple[str, str]:
    """(value, precision) of the unit containing the publication date, moved by `amount`: `l'an dernier`."""
    if unit == "year":
        return f"{published.year + amount:04d}", "year"
    if unit == "month":
        return iso_month(*add_months(published.year, published.month, amount)), "month"
    return shifted(published, amount, unit)


def weekday_date(published: date, weekday: int, direction: int, strict: int = 0) -> date:
    """The day named `weekday` (Monday 0): on or before publication in the past, on or after in the future,
    the nearest when unknown; `strict` (mardi dernier / prochain) excludes the publication day itself."""
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if strict < 0:
        return published - timedelta(days=back or 7)
    if strict > 0:
        return published + timedelta(days=ahead or 7)
    if direction < 0 or (direction == 0 and back <= ahead):
        return published - timedelta(days=back)
    return published + timedelta(days=ahead)


def bounds(year: int, month: int, day: Optional[int], months: int) -> Optional[tuple[date, date]]:
    """First and last day of a date (`day`) or of a run of `months` months starting at `month`."""
    if day is not None:
        single = safe_date(year, month, day)
        return (single, single) if single else None
    last_year, last_month = add_months(year, month, months - 1)
    return date(year, month, 1), date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])


def year_cost(published: date, first: date, last: date, direction: int) -> int:
    if first > published:
        return (first - published).days + (TENSE_PENALTY_DAYS if direction < 0 else 0)
    if last < published:
        return (published - last).days + (TENSE_PENALTY_DAYS if direction > 0 else 0)
    return 0


def pick_year(published: date, month: int, day: Optional[int] = None, months: int = 1, direction: int = 0,
              strict: int = 0, side: int = 0, weekday: Optional[int] = None) -> Optional[int]:
    """The year a year-less date or month means: the nearest, the verb's tense breaking near-ties, `dernier`/
    `prochain` (strict) or `depuis`/`d'ici` (side, which may include today) fixing the side, and a weekday
    given with the date choosing among candidates."""
    candidates = [(y, b) for y in (published.year - 1, published.year, published.year + 1)
                  for b in [bounds(y, month, day, months)] if b is not None]
    if weekday is not None and day is not None:
        candidates = [c for c in candidates if c[1][0].weekday() == weekday] or candidates
    if strict:
        candidates = [c for c in candidates if (c[1][1] < published if strict < 0 else c[1][0] > published)] \
            or candidates
    if side:
        candidates = [c for c in candidates if (c[1][0] <= published if side < 0 else c[1][1] >= published)] \
            or candidates
    if not candidates:
        return None
    return min(candidates, key=lambda c: (year_cost(published, *c[1], direction), c[0]))[0]


def roman_value(text: str) -> Optional[int]:
    values = [ROMAN.get(ch) for ch in text.lower()]
    if not values or None in values:
        return None
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 else None
