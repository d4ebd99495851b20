"""Builds resources/fr/countries.tsv from pycountry merged with tools/gazetteer_overrides_fr.tsv.

pycountry gives the ISO 3166-1 codes, the English names and the formal French names (its gettext
catalogue). The overrides file gives what pycountry cannot: the short names French news writes,
capitals, demonyms and grammatical gender. Output rows are sorted by code, so running the script
twice gives the same file.

    python tools/make_gazetteers.py           # write countries.tsv
    python tools/make_gazetteers.py --check   # exit 1 if countries.tsv is out of date
"""
from __future__ import annotations

import argparse
import csv
import gettext
import re
import sys
import unicodedata
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
OVERRIDES = ROOT / "tools" / "gazetteer_overrides_fr.tsv"
OUTPUT = ROOT / "src" / "veille" / "nlp" / "resources" / "fr" / "countries.tsv"
COLUMNS = ("code", "name", "aliases", "capital", "capital_aliases", "demonyms", "gender")
GENDERS = {"f", "m", "mpl", "fpl"}
USER_ASSIGNED = {"XK"}  # codes used in practice but not in ISO 3166-1 (Kosovo)
SEP = "|"

# "Corée, République de" -> "République de Corée"; "Åland, Îles" -> "Îles Åland";
# "Korea, Republic of" -> "Republic of Korea"
_INVERTED_TAIL = re.compile(
    r"(?:\b(?:de|du|des|de la|of|of the)|d['’]|^Îles?(?: de la)?)$", re.IGNORECASE)
# ISO's official names sometimes carry the article: "L'État de Palestine", "the State of Eritrea"
_LEADING_ARTICLE = re.compile(r"^(?:L['’]|the\s+)", re.IGNORECASE)


def split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split(SEP) if part.strip()]


def dedupe(forms, exclude=()) -> list[str]:
    """Forms in order, dropping case-insensitive repeats and anything in exclude."""
    seen = {form.lower() for form in exclude}
    kept = []
    for form in forms:
        if form and form.lower() not in seen:
            seen.add(form.lower())
            kept.append(form)
    return kept


def natural_order(name: str, list_word: str) -> str | None:
    """ISO's inverted "X, Y de" as written in text ("Y de X"); None when it cannot be un-inverted.

    Commas that separate a list of places ("Bonaire, Saint-Eustache et Saba") are kept; a
    parenthesis ("Saint-Martin (partie française)") and a leading article are dropped.
    """
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if ", " in name:
        head, tail = name.split(", ", 1)
        if _INVERTED_TAIL.search(tail):
            name = tail + ("" if tail.endswith(("'", "’")) else " ") + head
        elif f" {list_word} " not in tail:
            return None
    name = _LEADING_ARTICLE.sub("", name)
    return name[:1].upper() + name[1:]


def unaccented_initial(form: str) -> str:
    """Capitals often lose their accent in print: "Égypte" is also written "Egypte"."""
    first = unicodedata.normalize("NFD", form[:1])[:1]
    return first + form[1:]


def english_names(country) -> list[str]:
    names = [getattr(country, "common_name", None), natural_order(country.name, "and")]
    if ", " in country.name and hasattr(country, "official_name"):
        names.append(natural_order(country.official_name, "and"))
    return [n for n in names if n]


def french_names(country, fr: gettext.NullTranslations) -> list[str]:
    names = [natural_order(fr.gettext(country.name), "et")]
    if hasattr(country, "official_name"):
        names.append(natural_order(fr.gettext(country.official_name), "et"))
    return [n for n in names if n]


def read_overrides(path: Path = OVERRIDES) -> dict[str, dict]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    overrides = {}
    for row in rows:
        code = row["code"].strip()
        if code in overrides:
            sys.exit(f"{path.name}: code {code} appears twice")
        if row["gender"] and row["gender"] not in GENDERS:
            sys.exit(f"{path.name}: {code}: gender {row['gender']!r} not in {sorted(GENDERS)}")
        overrides[code] = row
    return overrides


def build_row(code: str, country, override: dict, fr) -> dict:
    """One output row: the override's cells, the name defaulting to pycountry's, aliases merged.

    An override alias written "-Form" removes that form when pycountry supplies it.
    """
    iso_fr = french_names(country, fr) if country else []
    name = override.get("name") or (iso_fr[0] if iso_fr else "")
    if not name:
        sys.exit(f"{code}: no name in pycountry or in the overrides")
    extra = split(override.get("aliases", ""))
    removed = [form[1:] for form in extra if form.startswith("-")]
    french = [form for form in extra if not form.startswith("-")] + iso_fr
    french += [unaccented_initial(form) for form in [name, *french]]
    english = english_names(country) if country else []
    return {
        "code": code,
        "name": name,
        "aliases": dedupe(french + english, exclude=[name, *removed]),
        "capital": override.get("capital", ""),
        "capital_aliases": dedupe(split(override.get("capital_aliases", "")),
                                  exclude=[override.get("capital", "")]),
        "demonyms": dedupe(split(override.get("demonyms", ""))),
        "gender": override.get("gender", ""),
    }


def drop_ambiguous_aliases(rows: list[dict]) -> list[str]:
    """Remove aliases that also name another country, or another country's capital."""
    owners: dict[str, set[str]] = {}
    for row in rows:
        owners.setdefault(row["name"].lower(), set()).add(row["code"])
        for form in [row["capital"], *row["capital_aliases"]]:
            if form:
                owners.setdefault(form.lower(), set()).add(row["code"])
        for alias in row["aliases"]:
            owners.setdefault(alias.lower(), set()).add(row["code"])
    dropped = []
    for row in rows:
        keep = []
        for alias in row["aliases"]:
            if owners[alias.lower()] == {row["code"]}:
                keep.append(alias)
            else:
                dropped.append(f"{row['code']}: {alias}")
        row["aliases"] = keep
    return dropped


def build(overrides: dict[str, dict]) -> list[dict]:
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    countries = {c.alpha_2: c for c in pycountry.countries}
    unknown = set(overrides) - set(countries) - USER_ASSIGNED
    if unknown:
        sys.exit(f"{OVERRIDES.name}: codes not in ISO 3166-1: {', '.join(sorted(unknown))}")
    missing = sorted(set(countries) - set(overrides))
    if missing:
        print(f"warning: no override for {', '.join(missing)}", file=sys.stderr)
    codes = sorted(set(countries) | set(overrides))
    rows = [build_row(code, countries.get(code), overrides.get(code, {}), fr) for code in codes]
    for dropped in drop_ambiguous_aliases(rows):
        print(f"note: ambiguous alias dropped: {dropped}", file=sys.stderr)
    return rows


def render(rows: list[dict]) -> str:
    lines = ["\t".join(COLUMNS)]
    for row in rows:
        cells = [SEP.join(v) if isinstance(v, list) else v for v in (row[c] for c in COLUMNS)]
        for cell in cells:
            if any(ch in cell for ch in '"\t\n'):
                sys.exit(f"{row['code']}: cell {cell!r} holds a quote, tab or newline")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the output is out of date")
    args = parser.parse_args(argv)
    text = render(build(read_overrides()))
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run tools/make_gazetteers.py",
                  file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {text.count(chr(10)) - 1} countries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
