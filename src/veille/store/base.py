"""The contract every store backend honours (SQLite now, PostgreSQL later)."""
from __future__ import annotations

from typing import Iterable, Optional, Protocol

from ..model import Article


class Store(Protocol):
    def add(self, article: Article) -> bool:
        """Store one article; False when an article with the same content hash is already there (no change)."""

    def add_many(self, articles: Iterable[Article]) -> tuple[int, int]:
        """Store a batch in one transaction; returns (added, unchanged)."""

    def get(self, article_id: str) -> Optional[Article]:
        """The stored article, or None."""

    def articles(self, limit: int = 50, offset: int = 0) -> list[dict]:
        """Newest first: dicts with id, title, published, lang, n_quotes, n_entities."""

    def count(self) -> int: ...

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Full-text search: dicts with id, title, published, snippet (plain text, match marked with [ ])."""

    def record_failure(self, source: str, reason: str) -> None:
        """Remember an input that could not be analysed, so a batch can go on and report it."""

    def failures(self) -> list[dict]:
        """dicts with source, reason, at (ISO timestamp)."""

    def close(self) -> None: ...
