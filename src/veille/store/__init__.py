"""Where analysed articles are kept: the `Store` protocol and `open_store()`, which opens the default backend."""
from __future__ import annotations

from pathlib import Path
from typing import Union

from .base import Store
from .sqlite import SQLiteStore

__all__ = ["Store", "SQLiteStore", "open_store"]


def open_store(path: Union[str, Path]) -> SQLiteStore:
    """Open (creating it and its directory if needed, migrating it if old) the SQLite store at `path`."""
    return SQLiteStore(path)
