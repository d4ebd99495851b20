"""Accent folding, shared by the gazetteer look-ups and the store's identity keys."""
from __future__ import annotations

import unicodedata


def strip_accents(text: str) -> str:
    """`Élysée` → `Elysee`: every character without its combining marks (after NFKD decomposition)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
