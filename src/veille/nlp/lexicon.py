"""Loads the language resources kept as data under resources/<lang>/ (TSV with a header line)."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_table(lang: str, name: str) -> tuple[dict, ...]:
    """Rows of resources/<lang>/<name>.tsv as dicts; blank lines and lines starting with # are skipped."""
    path = resources.files("veille.nlp") / "resources" / lang / f"{name}.tsv"
    with path.open(encoding="utf-8") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=None)
def column_index(lang: str, name: str, key: str) -> dict[str, dict]:
    """The table keyed by one column (lower-cased), first row winning."""
    index: dict[str, dict] = {}
    for row in load_table(lang, name):
        index.setdefault(row[key].strip().lower(), row)
    return index
