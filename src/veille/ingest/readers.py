"""Readers for text files, directories and JSONL (`{"id", "text", "published"?, "lang"?, "title"?}` a line)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from ..errors import InputError
from .records import RawDocument, Skip
from .decode import decode

TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_TITLE_CHARS = 200
Item = Union[RawDocument, Skip]


def read_text_file(path: Path) -> RawDocument:
    """One article from a text file: its first line is the headline when more lines follow."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(source=source, reason=error.strerror or str(error)) from error
    text, notes = decode(data, source)
    return RawDocument(id=Path(path).stem, text=text, source=source, title=headline(text), notes=notes)


def headline(text: str) -> str | None:
    first, _, rest = text.strip().partition("\n")
    return first.strip() if rest.strip() and len(first) <= MAX_TITLE_CHARS else None


def read_jsonl(stream: IO[str], name: str) -> Iterator[Item]:
    for number, line in enumerate(stream, 1):
        if line.strip():
            yield parse_record(line, f"{name}:{number}", default_id=f"{Path(name).stem}-{number}")


def parse_record(line: str, source: str, default_id: str) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Skip(source, f"not JSON ({error.msg} at column {error.colno})")
    if not isinstance(record, dict):
        return Skip(source, "not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        return Skip(source, "no \"text\" string", id=str(record.get("id") or "") or None)
    return RawDocument(id=str(record.get("id") or default_id), text=text, source=source,
                       published=record.get("published"), title=record.get("title"),
                       lang=record.get("lang") or "fr", url=record.get("url"))


def iter_documents(paths: Iterable[str]) -> Iterator[Item]:
    """Every document under the given paths (`-` is JSONL on standard input); unreadable ones as Skip."""
    for name in paths:
        if name == "-":
            yield from read_jsonl(sys.stdin, "-")
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES | JSONL_SUFFIXES)
            yield from iter_documents(str(p) for p in files)
        elif path.suffix in JSONL_SUFFIXES:
            yield from read_jsonl_file(path)
        else:
            yield read_file_or_skip(path)


def read_jsonl_file(path: Path) -> Iterator[Item]:
    try:
        with open(path, encoding="utf-8", errors="replace") as stream:
            yield from read_jsonl(stream, str(path))
    except OSError as error:
        yield Skip(str(path), error.strerror or str(error))


def read_file_or_skip(path: Path) -> Item:
    try:
        return read_text_file(path)
    except InputError as error:
        return Skip(error.source, error.reason)
