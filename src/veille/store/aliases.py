"""The user's alias file (YAML or CSV): rules that merge names into one identity or keep identities apart.

YAML, a list of rules:

    - merge: [Dantec, M. Dantec, Marc-Olivier Dantec]
      into: Marc Olivier Dantec
      type: PER                        # optional: without it the rule holds for every type
    - split: Dupont                    # linked by its exact name only, never to a fuller name
    - split: Jean Dupont               # two people, one name: told apart by what the article also names
      type: PER
      by:
        - as: Jean Dupont (député)
          with: [Parti socialiste, Assemblée nationale]
        - as: Jean Dupont (rugby)
          with: [Stade toulousain]
          articles: [equipe-2024-03-02]

CSV, one rule per row, header `name,into,type,with,articles` (`with` and `articles` separated by `;`): a row
with `into` merges `name` into it; without `into`, `name` is split; with `into` and `with`/`articles`, it is
one branch of a split. Lines starting with `#` are comments.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Union

from ..errors import InputError
from .names import fold, normalise

TYPES = ("PER", "ORG", "LOC", "MISC")
LIST_SEPARATOR = ";"
CSV_COLUMNS = ("name", "into", "type", "with", "articles")
RULE_KEYS = {"merge": {"merge", "into", "type"}, "split": {"split", "type", "by"}}
BRANCH_KEYS = {"as", "with", "articles"}

Key = tuple[str, str]  # (entity type, normalised name)


class RuleError(ValueError):
    """A rule that cannot be used; the message names the rule and what is wrong with it."""


def loose_keys(name: str) -> frozenset[str]:
    """Every form a name of unknown type may take, so `with: [le Parti socialiste]` matches either way."""
    return frozenset({fold(name), normalise(name, "PER"), normalise(name, "ORG")}) - {""}


@dataclass(frozen=True)
class Branch:
    """One side of a split: entities of the split name become `name` in articles matching `with`/`articles`."""

    name: str
    with_names: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()

    def applies(self, context: frozenset[str], article_id: str) -> bool:
        return bool(self.with_names & context) or article_id in self.articles


@dataclass(frozen=True)
class Decision:
    """What the rules say about one entity: link it to `canonical`, link it by exact name only, or nothing."""

    canonical: Optional[str] = None
    exact_only: bool = False


NO_DECISION = Decision()


@dataclass
class AliasRules:
    merges: dict[Key, str] = field(default_factory=dict)
    splits: dict[Key, tuple[Branch, ...]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.merges or self.splits)

    def decide(self, entity_type: str, names: list[str], context: frozenset[str], article_id: str) -> Decision:
        """The rule for an entity whose normalised name is `names[0]` and distinctive aliases `names[1:]`.

        A split looks at the name only: an alias shared with someone else must not pull them apart.
        """
        branches = self.splits.get((entity_type, names[0]))
        if branches is not None:
            chosen = next((b.name for b in branches if b.applies(context, article_id)), None)
            return Decision(canonical=chosen, exact_only=chosen is None)
        for norm in names:
            if (entity_type, norm) in self.merges:
                return Decision(canonical=self.merges[entity_type, norm])
        return NO_DECISION

    def describe(self) -> str:
        # Names, not keys: a rule without a type holds a key for each type.
        merged, split = {norm for _, norm in self.merges}, {norm for _, norm in self.splits}
        return f"{len(merged)} merged names, {len(split)} split names"


NO_RULES = AliasRules()


# -- building rules


def _types(entity_type: Optional[str]) -> tuple[str, ...]:
    if entity_type is None:
        return TYPES
    if entity_type not in TYPES:
        raise RuleError(f"type must be one of {', '.join(TYPES)}, not {entity_type!r}")
    return (entity_type,)


def _text(value, what: str) -> str:
    if not isinstance(value, (str, int, float)) or not str(value).strip():
        raise RuleError(f"{what} must be a non-empty name")
    return str(value).strip()


def _texts(value, what: str) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [_text(v, what) for v in items]


def _check_keys(rule: dict, allowed: set[str]) -> None:
    unknown = sorted(set(rule) - allowed)
    if unknown:
        raise RuleError(f"unknown key {unknown[0]!r} (expected {', '.join(sorted(allowed))})")


def add_merge(rules: AliasRules, names: Iterable[str], into: str, entity_type: Optional[str]) -> None:
    for etype in _types(entity_type):
        for name in [into, *names]:
            key = (etype, normalise(name, etype))
            if key in rules.splits:
                raise RuleError(f"{name!r} is both merged and split")
            if rules.merges.get(key, into) != into:
                raise RuleError(f"{name!r} is merged into both {rules.merges[key]!r} and {into!r}")
            rules.merges[key] = into


def add_split(rules: AliasRules, name: str, branches: Iterable[Branch], entity_type: Optional[str]) -> None:
    for etype in _types(entity_type):
        key = (etype, normalise(name, etype))
        if key in rules.merges:
            raise RuleError(f"{name!r} is both merged and split")
        rules.splits[key] = rules.splits.get(key, ()) + tuple(branches)


def make_branch(name: str, with_names: Iterable[str] = (), articles: Iterable[str] = ()) -> Branch:
    context = frozenset(k for n in with_names for k in loose_keys(n))
    if not context and not articles:
        raise RuleError(f"branch {name!r} needs `with` names or `articles` to tell it apart")
    return Branch(name, context, frozenset(articles))


# -- YAML


def _yaml_branch(item) -> Branch:
    if not isinstance(item, dict):
        raise RuleError("each `by` item must be a mapping with `as` and `with` or `articles`")
    _check_keys(item, BRANCH_KEYS)
    return make_branch(_text(item.get("as"), "`as`"), _texts(item.get("with", []), "`with`"),
                       _texts(item.get("articles", []), "`articles`"))


def _yaml_rule(rules: AliasRules, rule) -> None:
    if not isinstance(rule, dict) or len(set(rule) & set(RULE_KEYS)) != 1:
        raise RuleError("a rule is a mapping with either `merge` or `split`")
    verb = "merge" if "merge" in rule else "split"
    _check_keys(rule, RULE_KEYS[verb])
    etype = rule.get("type")
    if verb == "merge":
        if "into" not in rule:
            raise RuleError("`merge` needs `into`: the name to merge into")
        add_merge(rules, _texts(rule["merge"], "`merge`"), _text(rule["into"], "`into`"), etype)
    else:
        by = rule.get("by", [])
        if not isinstance(by, list):
            raise RuleError("`by` must be a list")
        add_split(rules, _text(rule["split"], "`split`"), [_yaml_branch(b) for b in by], etype)


def parse_yaml(text: str) -> AliasRules:
    """Rules from YAML text; RuleError names the faulty rule by its position (1-based)."""
    import yaml  # only YAML alias files need it

    try:
        items = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise RuleError(f"not valid YAML: {' '.join(str(error).split())}") from error
    if items is None:
        return AliasRules()
    if not isinstance(items, list):
        raise RuleError("the file must be a list of rules (`- merge: …` or `- split: …`)")
    rules = AliasRules()
    for number, rule in enumerate(items, 1):
        try:
            _yaml_rule(rules, rule)
        except RuleError as error:
            raise RuleError(f"rule {number}: {error}") from error
    return rules


# -- CSV


def _cells(row: dict, column: str) -> list[str]:
    return [v.strip() for v in (row.get(column) or "").split(LIST_SEPARATOR) if v.strip()]


def _csv_row(rules: AliasRules, row: dict) -> None:
    name, into = (row.get("name") or "").strip(), (row.get("into") or "").strip()
    etype = (row.get("type") or "").strip() or None
    with_names, articles = _cells(row, "with"), _cells(row, "articles")
    if not name:
        raise RuleError("`name` is empty")
    if with_names or articles:
        add_split(rules, name, [make_branch(_text(into, "`into`"), with_names, articles)], etype)
    elif into:
        add_merge(rules, [name], into, etype)
    else:
        add_split(rules, name, [], etype)


def parse_csv(text: str) -> AliasRules:
    """Rules from CSV text with a header row; RuleError names the faulty line."""
    reader = csv.reader(io.StringIO(text))
    header: Optional[list[str]] = None
    rules = AliasRules()
    for cells in reader:
        if not cells or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [c.strip().lower() for c in cells]
            if not {"name", "into"} <= set(header):
                raise RuleError(f"line {reader.line_num}: the header must name the columns {', '.join(CSV_COLUMNS)}")
            continue
        try:
            _csv_row(rules, dict(zip(header, cells)))
        except RuleError as error:
            raise RuleError(f"line {reader.line_num}: {error}") from error
    return rules


def load_aliases(path: Union[str, Path]) -> AliasRules:
    """The rules in an alias file (.csv, or YAML otherwise); an unusable file is an InputError naming it."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        return parse_csv(text) if path.suffix.lower() == ".csv" else parse_yaml(text)
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(source=str(path), reason=getattr(error, "strerror", None) or str(error)) from error
    except RuleError as error:
        raise InputError(source=str(path), reason=str(error)) from error
