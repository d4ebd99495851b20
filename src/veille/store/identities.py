"""Cross-article identities in SQLite: linking each saved article's entities to them, and the entity queries.

Called only by SQLiteStore, inside its write transaction or read lock. The linking rule, for one in-article
entity of type T whose normalised name is N (see names.py):

1. the alias file decides, if it has a rule for N (merge into a canonical name, or split);
2. else the identity of type T keyed N;
3. else the one identity of type T that an earlier article's entity of that name (or alias) is linked to —
   and, for a person named by one word only, the one person whose full name ends with it; two candidates
   or more is ambiguous and links to neither;
4. else the one identity matching one of the entity's own multi-word aliases;
5. else a new identity keyed N.

Only identities that still have links are candidates, so re-linking a whole store (`relink_all`) starts clean
yet gives an identity whose key survives the same id. Full names are linked before lone surnames, so that a
surname can find the full name given in the same article.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Iterable, Optional

from ..model import Entity
from .aliases import NO_RULES, AliasRules, loose_keys
from .names import is_distinctive, is_single_word, normalise, surname

# MISC is a catch-all (nationalities, events, titles of works) where the same words name different things.
LINKED_TYPES = frozenset({"PER", "ORG", "LOC"})
LINK_FIELDS = ("id", "name", "type", "aliases", "mentions", "country")
LINKED = "EXISTS (SELECT 1 FROM entity_links AS x WHERE x.identity_id = i.id)"


@dataclass(frozen=True)
class Candidate:
    """One in-article entity about to be linked."""

    article_id: str
    entity: Entity
    norms: tuple[str, ...]   # its normalised name, then its distinctive aliases
    context: frozenset[str]  # every name of the article, for split rules told apart by company


def candidate(article_id: str, entity: Entity, context: frozenset[str]) -> Optional[Candidate]:
    """The entity as a candidate for linking, or None (a type not linked, or a name that normalises to nothing)."""
    name = normalise(entity.name, entity.type)
    if entity.type not in LINKED_TYPES or not name:
        return None
    aliases = (normalise(a, entity.type) for a in entity.aliases)
    distinctive = [a for a in dict.fromkeys(aliases) if a and a != name and is_distinctive(a, entity.type)]
    return Candidate(article_id, entity, (name, *distinctive), context)


def article_context(entities: Iterable[Entity]) -> frozenset[str]:
    return frozenset(k for e in entities for name in [e.name, *e.aliases] for k in loose_keys(name))


def candidates(article_id: str, entities: list[Entity], rules: AliasRules) -> list[Candidate]:
    """The article's linkable entities, full names first (in article order otherwise)."""
    context = article_context(entities) if rules.splits else frozenset()  # only split rules look at it
    found = [c for c in (candidate(article_id, e, context) for e in entities) if c]
    return sorted(found, key=lambda c: not is_distinctive(c.norms[0], c.entity.type))


# -- writing


def insert_names(db: sqlite3.Connection, article_id: str, entities: list[Entity]) -> None:
    db.executemany(
        "INSERT OR IGNORE INTO entity_names (article_id, entity_id, type, norm, name) VALUES (?, ?, ?, ?, ?)",
        [(article_id, e.id, e.type, normalise(name, e.type), name)
         for e in entities if e.type in LINKED_TYPES for name in [e.name, *e.aliases]
         if normalise(name, e.type)],
    )


def link_article(db: sqlite3.Connection, article_id: str, entities: list[Entity],
                 rules: AliasRules = NO_RULES) -> None:
    """Record the article's names and link each of its entities to an identity."""
    insert_names(db, article_id, entities)
    for candidate in candidates(article_id, entities, rules):
        link(db, candidate, resolve(db, candidate, rules))


def link(db: sqlite3.Connection, candidate: Candidate, identity_id: int) -> None:
    entity = candidate.entity
    db.execute("INSERT INTO entity_links (article_id, entity_id, identity_id, mentions) VALUES (?, ?, ?, ?)",
               (candidate.article_id, entity.id, identity_id, len(entity.mentions)))
    if entity.country:
        db.execute("UPDATE identities SET country = coalesce(country, ?) WHERE id = ?", (entity.country, identity_id))


def resolve(db: sqlite3.Connection, candidate: Candidate, rules: AliasRules) -> int:
    """The identity `candidate` belongs to, created if needed (see the module docstring for the rule)."""
    etype, norms = candidate.entity.type, candidate.norms
    decision = rules.decide(etype, list(norms), candidate.context, candidate.article_id)
    if decision.canonical:
        return identity_for(db, etype, decision.canonical, rename=True)
    found = by_key(db, etype, norms[0])
    if found is None and not decision.exact_only:
        found = (only(by_names(db, etype, norms[:1]) | by_surname(db, etype, norms[0]))
                 or only(by_names(db, etype, norms[1:])))
    return found or identity_for(db, etype, candidate.entity.name)


def identity_for(db: sqlite3.Connection, etype: str, name: str, rename: bool = False) -> int:
    """The identity keyed by `name`, created if needed; `rename` makes `name` its display name (alias rules)."""
    norm = normalise(name, etype)
    db.execute("INSERT INTO identities (type, norm, name, surname) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (type, norm) DO NOTHING", (etype, norm, name, surname(norm)))
    if rename:
        db.execute("UPDATE identities SET name = ? WHERE type = ? AND norm = ?", (name, etype, norm))
    return db.execute("SELECT id FROM identities WHERE type = ? AND norm = ?", (etype, norm)).fetchone()[0]


def only(ids: set[int]) -> Optional[int]:
    """The one id of an unambiguous match, else None."""
    return next(iter(ids)) if len(ids) == 1 else None


def by_key(db: sqlite3.Connection, etype: str, norm: str) -> Optional[int]:
    row = db.execute(f"SELECT id FROM identities AS i WHERE type = ? AND norm = ? AND {LINKED}",
                     (etype, norm)).fetchone()
    return row[0] if row else None


def by_names(db: sqlite3.Connection, etype: str, norms: Iterable[str]) -> set[int]:
    """Linked identities of type `etype` keyed by, or linked to an entity named by, one of `norms`."""
    norms = list(norms)
    if not norms:
        return set()
    marks = ", ".join("?" * len(norms))
    rows = db.execute(
        "SELECT l.identity_id FROM entity_names AS n JOIN entity_links AS l USING (article_id, entity_id) "
        f"WHERE n.type = ? AND n.norm IN ({marks}) "
        f"UNION SELECT i.id FROM identities AS i WHERE i.type = ? AND i.norm IN ({marks}) AND {LINKED}",
        (etype, *norms, etype, *norms),
    )
    return {r[0] for r in rows}


def by_surname(db: sqlite3.Connection, etype: str, norm: str) -> set[int]:
    """People whose full name ends with `norm`, when `norm` is one word (at most two: enough to be ambiguous)."""
    if etype != "PER" or not is_single_word(norm):
        return set()
    rows = db.execute(f"SELECT id FROM identities AS i WHERE type = 'PER' AND surname = ? AND {LINKED} LIMIT 2",
                      (norm,))
    return {r[0] for r in rows}


def linked_identities(db: sqlite3.Connection, article_id: str) -> set[int]:
    return {r[0] for r in db.execute("SELECT identity_id FROM entity_links WHERE article_id = ?", (article_id,))}


def prune(db: sqlite3.Connection, identity_ids: Optional[Iterable[int]] = None) -> None:
    """Delete the identities left without any link: among `identity_ids`, or all of them."""
    unlinked = "NOT EXISTS (SELECT 1 FROM entity_links WHERE identity_id = identities.id)"
    if identity_ids is None:
        db.execute(f"DELETE FROM identities WHERE {unlinked}")
    else:
        db.executemany(f"DELETE FROM identities WHERE id = ? AND {unlinked}", [(i,) for i in identity_ids])


def stored_entity(record: dict) -> Entity:
    # Only the fields linking reads, unvalidated: a record stored under an older schema must still relink.
    return Entity.model_construct(**{k: record[k] for k in LINK_FIELDS if k in record})


def stored_entities(db: sqlite3.Connection) -> Iterable[tuple[str, list[Entity]]]:
    """(article id, entities) for every stored article, oldest first, read from the stored records."""
    rows = db.execute("SELECT id, json_extract(data, '$.entities') FROM articles ORDER BY seq")
    for article_id, entities in rows:
        yield article_id, [stored_entity(e) for e in json.loads(entities or "[]")]


def relink_all(db: sqlite3.Connection, rules: AliasRules = NO_RULES) -> dict:
    """Link every stored entity again, under `rules`: all full names of all articles, then lone names."""
    db.execute("DELETE FROM entity_links")
    db.execute("DELETE FROM entity_names")
    for article_id, entities in stored_entities(db):
        insert_names(db, article_id, entities)
    for full_names in (True, False):
        for article_id, entities in stored_entities(db):
            for c in candidates(article_id, entities, rules):
                if is_distinctive(c.norms[0], c.entity.type) == full_names:
                    link(db, c, resolve(db, c, rules))
    prune(db)
    return {"links": db.execute("SELECT count(*) FROM entity_links").fetchone()[0],
            "identities": db.execute("SELECT count(*) FROM identities").fetchone()[0]}


# -- reading

QUOTES_OF_IDENTITY = ("SELECT count(*) FROM quotes AS q JOIN entity_links AS ql ON ql.article_id = q.article_id "
                      "AND ql.entity_id = q.speaker_entity WHERE ql.identity_id = i.id")
SUMMARY = ("SELECT i.id, i.name, i.type, i.country, count(DISTINCT l.article_id) AS n_articles, "
           f"coalesce(sum(l.mentions), 0) AS n_mentions, ({QUOTES_OF_IDENTITY}) AS n_quotes "
           "FROM identities AS i JOIN entity_links AS l ON l.identity_id = i.id")
NEWEST_FIRST = "a.published DESC, a.seq DESC"  # SQLite sorts NULL lowest: undated articles come last


def identity(db: sqlite3.Connection, identity_id: int) -> Optional[dict]:
    row = db.execute(f"{SUMMARY} WHERE i.id = ? GROUP BY i.id", (identity_id,)).fetchone()
    return dict(row, aliases=identity_aliases(db, identity_id)) if row else None


def identity_aliases(db: sqlite3.Connection, identity_id: int) -> list[str]:
    """The other names its entities were given, most frequent first; one spelling per key, the most used
    (then the shortest: `Dantec` rather than `M. Dantec`)."""
    rows = db.execute(
        "SELECT n.norm, n.name, count(*) FROM entity_names AS n JOIN entity_links AS l USING (article_id, entity_id) "
        "JOIN identities AS i ON i.id = l.identity_id WHERE l.identity_id = ? AND n.norm != i.norm "
        "GROUP BY n.norm, n.name", (identity_id,))
    spellings: dict[str, list[tuple[int, str]]] = {}
    for norm, name, count in rows:
        spellings.setdefault(norm, []).append((count, name))
    ranked = sorted(spellings.values(), key=lambda s: (-sum(c for c, _ in s), min(n for _, n in s)))
    return [min(s, key=lambda cn: (-cn[0], len(cn[1]), cn[1]))[1] for s in ranked]


def search_keys(q: str) -> tuple[str, str]:
    """`q` as a key for a person and for anything else (they differ in the leading words they drop).

    Normalised text holds only letters, digits and single spaces, so it cannot contain LIKE's % or _.
    """
    return normalise(q, "PER"), normalise(q, "ORG")


def contains(column: str) -> str:
    return f"({column} LIKE '%' || :person || '%' OR {column} LIKE '%' || :other || '%')"


def identities(db: sqlite3.Connection, type: Optional[str] = None, q: Optional[str] = None,
               limit: int = 50, offset: int = 0) -> list[dict]:
    """Identities with their counts; with `q`, those with a name containing it, exact matches first."""
    person, other = search_keys(q or "")
    params = {"type": type, "q": person if q else None, "person": person, "other": other,
              "limit": limit, "offset": offset}
    rows = db.execute(
        f"{SUMMARY} WHERE (:type IS NULL OR i.type = :type) AND (:q IS NULL OR {contains('i.norm')} "
        "OR EXISTS (SELECT 1 FROM entity_names AS n JOIN entity_links AS nl USING (article_id, entity_id) "
        f"WHERE nl.identity_id = i.id AND {contains('n.norm')})) "
        "GROUP BY i.id ORDER BY i.norm IN (:person, :other) DESC, n_articles DESC, n_mentions DESC, i.name "
        "LIMIT :limit OFFSET :offset", params)
    return [dict(r) for r in rows]


def identity_quotes(db: sqlite3.Connection, identity_id: int, limit: int) -> list[dict]:
    """What the identity said: quotes whose speaker is one of its entities, newest article first."""
    rows = db.execute(
        "SELECT q.article_id, a.title AS article_title, a.published, q.id AS quote_id, q.type, q.mode, q.text, "
        "q.cue FROM entity_links AS l JOIN quotes AS q ON q.article_id = l.article_id "
        "AND q.speaker_entity = l.entity_id JOIN articles AS a ON a.id = q.article_id "
        f"WHERE l.identity_id = ? ORDER BY {NEWEST_FIRST}, q.start LIMIT ?", (identity_id, limit))
    return [dict(r) for r in rows]


def identity_articles(db: sqlite3.Connection, identity_id: int, limit: int) -> list[dict]:
    """The articles that mention the identity, with how often and how many of its quotes, newest first."""
    rows = db.execute(
        "SELECT a.id, a.title, a.published, sum(l.mentions) AS mentions, "
        "(SELECT count(*) FROM quotes AS q WHERE q.article_id = a.id AND q.speaker_entity IN "
        " (SELECT entity_id FROM entity_links WHERE article_id = a.id AND identity_id = :id)) AS n_quotes "
        "FROM entity_links AS l JOIN articles AS a ON a.id = l.article_id WHERE l.identity_id = :id "
        f"GROUP BY a.id ORDER BY {NEWEST_FIRST} LIMIT :limit", {"id": identity_id, "limit": limit})
    return [dict(r) for r in rows]


def co_occurring(db: sqlite3.Connection, identity_id: int, limit: int) -> list[dict]:
    """The other identities named in the same articles, with in how many of them, most shared first."""
    rows = db.execute(
        "SELECT o.identity_id AS id, i.name, i.type, count(DISTINCT o.article_id) AS n_articles "
        "FROM entity_links AS s JOIN entity_links AS o ON o.article_id = s.article_id "
        "AND o.identity_id != s.identity_id JOIN identities AS i ON i.id = o.identity_id "
        "WHERE s.identity_id = ? GROUP BY o.identity_id ORDER BY n_articles DESC, i.name LIMIT ?",
        (identity_id, limit))
    return [dict(r) for r in rows]


def article_identities(db: sqlite3.Connection, article_id: str) -> dict[str, int]:
    rows = db.execute("SELECT entity_id, identity_id FROM entity_links WHERE article_id = ?", (article_id,))
    return {r[0]: r[1] for r in rows}
