"""The two things a reader yields: a document to analyse, or a skip with its reason."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class RawDocument:
    """What a reader found: the text to analyse and what is known about it."""

    id: str
    text: str
    source: str                      # where it came from, for messages: a path, `-`, `docs.jsonl:12`
    published: Optional[str] = None
    title: Optional[str] = None
    lang: str = "fr"
    url: Optional[str] = None
    notes: list[str] = field(default_factory=list)   # what the reader assumed (encoding, …)


@dataclass
class Skip:
    """An input that could not be read or analysed; batches record it and go on."""

    source: str
    reason: str
    id: Optional[str] = None
    error: Optional[Exception] = None   # the InputError behind the reason, for callers that raise it

