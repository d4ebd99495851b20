"""The contract every store backend honours (SQLite now, PostgreSQL later)."""
from __future__ import annotations

from typing import Iterable, Iterator, Optional, Protocol

from ..errors import EntityNotFound  # noqa: F401  (re-exported for store users)
from ..model import Article
from .aliases import AliasRules


class Store(Protocol):
    def add(self, article: Article) -> bool:
        """Store one article; False when an article with the same content hash is already there (no change)."""

    def add_many(self, articles: Iterable[Article]) -> tuple[int, int]:
        """Store a batch in one transaction; returns (added, unchanged)."""

    def get(self, article_id: str) -> Optional[Article]:
        """The stored article, or None."""

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, oldest first, one at a time."""

    def articles(self, limit: int = 50, offset: int = 0) -> list[dict]:
        """Newest first: dicts with id, title, published, lang, n_quotes, n_entities."""

    def count(self) -> int: ...

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Full-text search: dicts with id, title, published, snippet (plain text, match marked with [ ])."""

    def record_failure(self, source: str, reason: str) -> None:
        """Remember an input that could not be analysed, so a batch can go on and report it."""

    def failures(self) -> list[dict]:
        """dicts with source, reason, at (ISO timestamp)."""

    def delete(self, article_id: str) -> bool:
        """Remove an article and its links to identities; False when there is no such article."""

    # Identities: one per person, organisation or place across articles (`type` PER/ORG/LOC).

    def relink(self, aliases: Optional[AliasRules] = None) -> dict:
        """Link every stored entity again (under new alias rules if given); returns counts of links, identities."""

    def entity(self, identity_id: int) -> Optional[dict]:
        """id, name, type, country, aliases, n_articles, n_mentions, n_quotes; None when unknown."""

    def entities(self, type: Optional[str] = None, q: Optional[str] = None, limit: int = 50,
                 offset: int = 0) -> list[dict]:
        """Identities (as `entity` without aliases), filtered by type and name, exact matches then most named."""

    def entity_quotes(self, identity_id: int, limit: int = 200) -> list[dict]:
        """Their quotes: article_id, article_title, published, quote_id, type, mode, text, cue; newest first."""

    def entity_articles(self, identity_id: int, limit: int = 200) -> list[dict]:
        """Articles naming them: id, title, published, mentions, n_quotes; newest first."""

    def co_occurring(self, identity_id: int, limit: int = 30) -> list[dict]:
        """Identities named in the same articles: id, name, type, n_articles (shared); most shared first."""

    def article_identities(self, article_id: str) -> dict[str, int]:
        """In-article entity id -> identity id, for the article's linked entities."""

    def close(self) -> None: ...


def entity_profile(store: Store, identity_id: int) -> Optional[dict]:
    """Everything an entity page shows, from the contract's queries: None when the identity is unknown."""
    entity = store.entity(identity_id)
    if entity is None:
        return None
    return {"entity": entity, "quotes": store.entity_quotes(identity_id),
            "articles": store.entity_articles(identity_id), "co_occurring": store.co_occurring(identity_id)}


MAX_ID_DIGITS = 18  # SQLite integers are 64-bit: a longer number cannot be an id (and would not convert)


def parse_identity_id(ref: str) -> Optional[int]:
    """`ref` as an identity id, or None when it cannot be one: not plain ASCII digits ("²" is a digit too),
    or too long."""
    return int(ref) if ref.isascii() and ref.isdigit() and len(ref) <= MAX_ID_DIGITS else None
