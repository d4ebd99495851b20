"""Readers turn inputs (text files, directories, JSONL) into `RawDocument`s, or `Skip`s saying why not."""
from .readers import iter_documents, read_jsonl, read_text_file
from .records import RawDocument, Skip

__all__ = ["RawDocument", "Skip", "iter_documents", "read_jsonl", "read_text_file"]
