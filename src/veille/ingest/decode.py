"""Bytes → text for articles of unknown provenance: UTF-8 (with or without BOM), else Windows-1252/Latin-1.

Binary files are refused by a NUL byte or a high share of control characters in the first block.
"""
from __future__ import annotations

from ..errors import BinaryInput

SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.05   # text has tabs and newlines, hardly any other control characters


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """The text and what was assumed about it."""
    if looks_binary(data[:SNIFF_BYTES]):
        raise BinaryInput(source=source, reason="binary file, not text (NUL bytes or control characters)")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            return data.decode(encoding), [f"not UTF-8: decoded as {encoding}"]
        except UnicodeDecodeError:
            continue
    raise BinaryInput(source=source, reason="undecodable text")  # latin-1 decodes anything: defensive


def looks_binary(block: bytes) -> bool:
    if b"\x00" in block:
        return True
    control = sum(1 for b in block if b < 32 and b not in (9, 10, 12, 13))
    return bool(block) and control / len(block) > MAX_CONTROL_SHARE
