"""Where analysed articles are kept: the `Store` protocol and `open_store()`, which opens the default backend."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from .aliases import AliasRules, load_aliases
from .base import EntityNotFound, Store, entity_profile, parse_identity_id
from .sqlite import SQLiteStore

__all__ = ["AliasRules", "EntityNotFound", "Store", "SQLiteStore", "entity_profile", "load_aliases", "open_store",
           "parse_identity_id"]


def open_store(path: Union[str, Path], aliases: Optional[AliasRules] = None) -> SQLiteStore:
    """Open (creating it and its directory if needed, migrating it if old) the SQLite store at `path`;
    `aliases` (see `load_aliases`) are applied to the entities it links."""
    return SQLiteStore(path, aliases)
