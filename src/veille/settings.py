"""One Settings object: defaults < environment (VEILLE_*) < explicit arguments (CLI flags)."""
from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel

MAX_CHARS = 1_000_000  # spaCy's own default limit; a longer "article" is almost always a dump, not news


class Settings(BaseModel):
    data_dir: Path = Path("data")
    db: Path | None = None
    model: str | None = None
    max_chars: int = MAX_CHARS
    host: str = "127.0.0.1"
    port: int = 8000
    aliases: Path | None = None  # alias file (YAML or CSV) applied when entities are linked to identities

    @property
    def db_path(self) -> Path:
        return self.db or self.data_dir / "veille.db"

    @classmethod
    def load(cls, **overrides) -> "Settings":
        values = {name: os.environ[f"VEILLE_{name.upper()}"] for name in cls.model_fields
                  if f"VEILLE_{name.upper()}" in os.environ}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
