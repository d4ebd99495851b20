import io

import pytest

from veille.errors import BinaryInput
from veille.ingest import RawDocument, Skip, iter_documents, read_jsonl, read_text_file


def test_readers_text_file_headline_and_id(tmp_path):
    path = tmp_path / "grève.txt"
    path.write_text("Titre de l’article\nPremier paragraphe.\n", encoding="utf-8")
    document = read_text_file(path)
    assert (document.id, document.title) == ("grève", "Titre de l’article")


def test_readers_latin1_file_is_decoded_and_noted(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Le ministre a déclaré que l'été serait chaud.".encode("latin-1"))
    document = read_text_file(path)
    assert "déclaré" in document.text and "cp1252" in document.notes[0]


def test_readers_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(BinaryInput, match="binary"):
        read_text_file(path)


def test_readers_jsonl_bad_lines_become_skips():
    lines = '{"id": "a", "text": "Bonjour."}\nnot json\n[1, 2]\n{"id": "b"}\n\n{"id": "c", "text": "Oui."}\n'
    items = list(read_jsonl(io.StringIO(lines), "docs.jsonl"))
    assert [type(i) for i in items] == [RawDocument, Skip, Skip, Skip, RawDocument]
    assert items[1].source == "docs.jsonl:2" and "not JSON" in items[1].reason
    assert items[3].reason == 'no "text" string'


def test_readers_directory_walk(tmp_path):
    (tmp_path / "a.txt").write_text("Un.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.jsonl").write_text('{"id": "b", "text": "Deux."}\n', encoding="utf-8")
    (tmp_path / "ignored.png").write_bytes(b"\x00")
    ids = [item.id for item in iter_documents([str(tmp_path)])]
    assert ids == ["a", "b"]
