"""The default store: one SQLite file (WAL, FTS5) owned by `SQLiteStore`, the only code that writes to it.

Articles are keyed by id and by the hash of their text: re-importing the same text changes nothing, a new
text under a known id replaces the old version. The full `Article` is kept as JSON (`data`); quotes and
entities are copied into their own tables for cross-article queries, and title + text + quotes into FTS5.
Each saved entity is linked to a cross-article identity (identities.py), under the user's alias rules.
"""
from __future__ import annotations

import re
import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..errors import StoreError
from ..model import Article
from . import identities, migrations
from .aliases import NO_RULES, AliasRules

BUSY_TIMEOUT_S = 30.0  # how long a writer waits for another one before giving up with "database is locked"
SNIPPET_TOKENS = 16
ENTITY_PAGE_LIMIT = 200  # quotes and articles on one entity page
CO_OCCURRING_LIMIT = 30
WORD = re.compile(r"\w")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _reason(error: sqlite3.Error) -> str:
    message = str(error)
    if "file is not a database" in message:
        return "not a SQLite database (is this the right file?)"
    return message


def fts_query(text: str) -> str:
    """The user's words as FTS5 strings, all required: no character of the input can be FTS5 syntax.

    Words without any letter or digit are dropped: they would be empty phrases, which match nothing.
    """
    words = [w for w in text.split() if WORD.search(w)]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


class SQLiteStore:
    """One SQLite database. Writes are serialised (one transaction at a time); other connections, in this
    process or others, can read while it writes (WAL)."""

    def __init__(self, path: Union[str, Path], aliases: Optional[AliasRules] = None):
        self.path = str(path)
        self.aliases = aliases if aliases is not None else NO_RULES  # applied to every entity this store links
        self._lock = threading.RLock()  # the connection may be shared by a web server's threads
        self._db: Optional[sqlite3.Connection] = None
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: transactions are ours (BEGIN IMMEDIATE ... COMMIT), never implicit.
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                                       check_same_thread=False)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(path=self.path, reason=str(error)) from error
        try:
            with self._errors():
                self._db.row_factory = sqlite3.Row
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA foreign_keys = ON")
                self._migrate()
        except BaseException:
            self.close()
            raise

    # -- connection plumbing

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite's exceptions become one StoreError naming the file."""
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(path=self.path, reason=_reason(error)) from error

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: on any exception the whole transaction is rolled back, then re-raised."""
        with self._lock, self._errors():
            # IMMEDIATE takes the write lock now, so two writers queue up instead of failing at COMMIT.
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                self._db.rollback()
                raise

    def _query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        with self._lock, self._errors():
            return self._db.execute(sql, params).fetchall()

    def _migrate(self) -> list[str]:
        if not migrations.pending(self._db):  # the usual case: no write lock taken just to open
            return []
        with self._transaction() as db:
            names = migrations.apply(db)  # re-reads what is pending under the lock: another process may have won
            if migrations.m002_identities.__name__ in names:
                identities.relink_all(db, self.aliases)  # articles stored before identities existed
            return names

    def applied_migrations(self) -> list[dict]:
        """dicts with name, applied_at, oldest first."""
        return [dict(r) for r in self._query("SELECT name, applied_at FROM migrations ORDER BY rowid")]

    # -- writing

    def add(self, article: Article) -> bool:
        with self._transaction():
            return self._add(article)

    def add_many(self, articles: Iterable[Article]) -> tuple[int, int]:
        added = unchanged = 0
        with self._transaction():
            for article in articles:
                if self._add(article):
                    added += 1
                else:
                    unchanged += 1
        return added, unchanged

    def _add(self, article: Article) -> bool:
        """Insert or replace one article; the caller holds the transaction."""
        digest = article.content_hash
        if self._db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone():
            return False
        stale = self._delete(article.id)
        # seq: insertion order, newest highest; also the article's rowid in the FTS table.
        seq = self._db.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0]
        self._db.execute(
            "INSERT INTO articles (id, seq, content_hash, title, published, lang, source, url, schema_version, "
            "text, data, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, seq, digest, article.title, article.published, article.lang, article.source,
             article.url, article.schema_version, article.text, article.model_dump_json(), _now()),
        )
        self._insert_details(article, seq)
        self._link(article)
        identities.prune(self._db, stale)  # after linking: an identity the new version still names keeps its id
        return True

    def _link(self, article: Article) -> None:
        identities.link_article(self._db, article.id, article.entities, self.aliases)

    def _insert_details(self, article: Article, seq: int) -> None:
        self._db.executemany(
            'INSERT INTO quotes (article_id, id, type, mode, speaker_name, speaker_entity, text, start, "end", cue) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article.id, q.id, q.type, q.mode, q.speaker.name, q.speaker.entity, q.text, q.start, q.end,
              q.cue and q.cue.text) for q in article.quotes],
        )
        self._db.executemany(
            "INSERT INTO entities (article_id, id, name, type, country) VALUES (?, ?, ?, ?, ?)",
            [(article.id, e.id, e.name, e.type, e.country) for e in article.entities],
        )
        self._db.execute(
            "INSERT INTO articles_fts (rowid, title, text, quotes) VALUES (?, ?, ?, ?)",
            (seq, article.title or "", article.text, "\n".join(q.text for q in article.quotes)),
        )

    def _delete(self, article_id: str) -> set[int]:
        """Delete the article (its quotes, entities and their links cascade); returns the identities it named."""
        row = self._db.execute("SELECT seq FROM articles WHERE id = ?", (article_id,)).fetchone()
        if not row:
            return set()
        named = identities.linked_identities(self._db, article_id)
        self._db.execute("DELETE FROM articles_fts WHERE rowid = ?", (row[0],))
        self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return named

    def delete(self, article_id: str) -> bool:
        with self._transaction() as db:
            if not db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone():
                return False
            identities.prune(db, self._delete(article_id))
            return True

    def relink(self, aliases: Optional[AliasRules] = None) -> dict:
        if aliases is not None:
            self.aliases = aliases
        with self._transaction() as db:
            return identities.relink_all(db, self.aliases)

    def record_failure(self, source: str, reason: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO failures (source, reason, at) VALUES (?, ?, ?)", (source, reason, _now()))

    # -- reading

    def get(self, article_id: str) -> Optional[Article]:
        rows = self._query("SELECT data FROM articles WHERE id = ?", (article_id,))
        return Article.model_validate_json(rows[0]["data"]) if rows else None

    def iter_articles(self, batch: int = 100) -> Iterator[Article]:
        """Every stored article, oldest first, read a page at a time (for exports)."""
        last = -1
        while rows := self._query("SELECT seq, data FROM articles WHERE seq > ? ORDER BY seq LIMIT ?", (last, batch)):
            last = rows[-1]["seq"]
            yield from (Article.model_validate_json(row["data"]) for row in rows)

    def articles(self, limit: int = 50, offset: int = 0) -> list[dict]:
        rows = self._query(
            "SELECT id, title, published, lang, "
            "(SELECT count(*) FROM quotes WHERE article_id = a.id) AS n_quotes, "
            "(SELECT count(*) FROM entities WHERE article_id = a.id) AS n_entities "
            "FROM articles AS a ORDER BY seq DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [dict(r) for r in rows]

    def count(self) -> int:
        return self._query("SELECT count(*) FROM articles")[0][0]

    def search(self, query: str, limit: int = 20) -> list[dict]:
        match = fts_query(query)
        if not match:
            return []
        rows = self._query(
            "SELECT a.id, a.title, a.published, "
            f"snippet(articles_fts, -1, '[', ']', '…', {SNIPPET_TOKENS}) AS snippet "
            "FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY articles_fts.rank LIMIT ?",
            (match, limit),
        )
        return [dict(r) for r in rows]

    def failures(self) -> list[dict]:
        return [dict(r) for r in self._query("SELECT source, reason, at FROM failures ORDER BY id")]

    # -- reading identities

    def _read(self, query, *args, **kwargs):
        """Run one of identities.py's queries under the lock, with SQLite errors as StoreError."""
        with self._lock, self._errors():
            return query(self._db, *args, **kwargs)

    def entity(self, identity_id: int) -> Optional[dict]:
        return self._read(identities.identity, identity_id)

    def entities(self, type: Optional[str] = None, q: Optional[str] = None, limit: int = 50,
                 offset: int = 0) -> list[dict]:
        return self._read(identities.identities, type=type, q=q, limit=limit, offset=offset)

    def entity_quotes(self, identity_id: int, limit: int = ENTITY_PAGE_LIMIT) -> list[dict]:
        return self._read(identities.identity_quotes, identity_id, limit)

    def entity_articles(self, identity_id: int, limit: int = ENTITY_PAGE_LIMIT) -> list[dict]:
        return self._read(identities.identity_articles, identity_id, limit)

    def co_occurring(self, identity_id: int, limit: int = CO_OCCURRING_LIMIT) -> list[dict]:
        return self._read(identities.co_occurring, identity_id, limit)

    def article_identities(self, article_id: str) -> dict[str, int]:
        return self._read(identities.article_identities, article_id)

    # -- lifetime

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
