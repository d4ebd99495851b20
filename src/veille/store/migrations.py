"""The SQLite schema, as named migrations applied in order and recorded in the database's `migrations` table.

Never edit a migration that has shipped: add a new one. Its name (the function name) is what is recorded, so
a database knows exactly which steps it has been through, and re-opening it applies only the new ones.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Callable

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(step: Migration) -> Migration:
    """Register `step` under its function name, after the ones already registered."""
    MIGRATIONS.append((step.__name__, step))
    return step


def _run(db: sqlite3.Connection, statements: str) -> None:
    # One statement at a time: `executescript` would commit the caller's transaction behind its back.
    # Splitting on ";" is enough while no statement holds one inside (a trigger would: pass a list then).
    for statement in statements.split(";"):
        if statement.strip():
            db.execute(statement)


@migration
def m001_initial(db: sqlite3.Connection) -> None:
    _run(db, """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            seq INTEGER UNIQUE NOT NULL,
            content_hash TEXT UNIQUE NOT NULL,
            title TEXT,
            published TEXT,
            lang TEXT,
            source TEXT,
            url TEXT,
            schema_version TEXT NOT NULL,
            text TEXT NOT NULL,
            data TEXT NOT NULL CHECK (json_valid(data)),
            added_at TEXT NOT NULL
        );
        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            type TEXT NOT NULL,
            mode TEXT NOT NULL,
            speaker_name TEXT,
            speaker_entity TEXT,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, id)
        );
        CREATE INDEX quotes_speaker_name ON quotes (speaker_name);
        CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            country TEXT,
            PRIMARY KEY (article_id, id)
        );
        CREATE INDEX entities_name ON entities (name);
        CREATE TABLE failures (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
        -- rowid = articles.seq (not articles.rowid, which VACUUM may renumber).
        -- remove_diacritics 2 so that "Coree" finds "Corée".
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, text, quotes, tokenize = 'unicode61 remove_diacritics 2'
        )
    """)


@migration
def m002_identities(db: sqlite3.Connection) -> None:
    # One identity per (type, normalised name) across articles; `surname` (last word of a full name) serves
    # the lone-surname rule. entity_names keeps every name and alias of each in-article entity, so an
    # identity's aliases are always those of the entities still linked to it (nothing stale after a delete).
    # Articles already stored are linked by SQLiteStore right after: the linking rule is code that evolves,
    # which a recorded migration must not depend on.
    _run(db, """
        CREATE TABLE identities (
            id INTEGER PRIMARY KEY,
            type TEXT NOT NULL,
            norm TEXT NOT NULL,
            name TEXT NOT NULL,
            surname TEXT,
            country TEXT,
            UNIQUE (type, norm)
        );
        CREATE INDEX identities_surname ON identities (type, surname);
        CREATE TABLE entity_names (
            article_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            type TEXT NOT NULL,
            norm TEXT NOT NULL,
            name TEXT NOT NULL,
            PRIMARY KEY (article_id, entity_id, norm),
            FOREIGN KEY (article_id, entity_id) REFERENCES entities (article_id, id) ON DELETE CASCADE
        );
        CREATE INDEX entity_names_norm ON entity_names (type, norm);
        CREATE TABLE entity_links (
            article_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            identity_id INTEGER NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (article_id, entity_id),
            FOREIGN KEY (article_id, entity_id) REFERENCES entities (article_id, id) ON DELETE CASCADE
        );
        CREATE INDEX entity_links_identity ON entity_links (identity_id);
        CREATE VIEW identity_aliases AS
            SELECT l.identity_id, n.norm, min(n.name) AS name, count(*) AS n_entities
            FROM entity_names AS n JOIN entity_links AS l USING (article_id, entity_id)
            GROUP BY l.identity_id, n.norm;
        ALTER TABLE quotes ADD COLUMN cue TEXT;
        UPDATE quotes SET cue = (
            SELECT json_extract(q.value, '$.cue.text') FROM articles AS a, json_each(a.data, '$.quotes') AS q
            WHERE a.id = quotes.article_id AND json_extract(q.value, '$.id') = quotes.id
        )
    """)


def pending(db: sqlite3.Connection) -> list[tuple[str, Migration]]:
    """The migrations this database has not been through yet, in order (read-only: takes no write lock)."""
    exists = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone()
    done = {name for (name,) in db.execute("SELECT name FROM migrations")} if exists else set()
    return [(name, step) for name, step in MIGRATIONS if name not in done]


def apply(db: sqlite3.Connection) -> list[str]:
    """Apply and record the pending migrations; the caller holds the write transaction. Returns their names."""
    db.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    names = []
    for name, step in pending(db):
        step(db)
        db.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                   (name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
        names.append(name)
    return names
