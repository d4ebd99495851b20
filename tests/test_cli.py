"""The `veille` command, run in-process (the pipeline is loaded once for the session)."""
import json
import re

import pytest
from click.testing import CliRunner

from veille.cli import main

ARTICLE = ("Grève à l’usine\n« Nous ne céderons rien », a déclaré Paul Terrasson.\n"
           "Selon Paul Terrasson, la grève continuera lundi.\n")


@pytest.fixture
def run(nlp, tmp_path):
    db = tmp_path / "store.db"

    def invoke(*args, input=None):
        return CliRunner().invoke(main, ["--db", str(db), *args], input=input, catch_exceptions=False)
    return invoke


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "greve.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_cli_analyze_file_json(run, article_file):
    result = run("analyze", str(article_file), "--published", "2024-03-01")
    assert result.exit_code == 0
    article = json.loads(result.output)
    assert article["id"] == "greve" and article["title"] == "Grève à l’usine"
    assert article["published"] == "2024-03-01"
    assert {q["speaker"]["name"] for q in article["quotes"]} == {"Paul Terrasson"}


def test_cli_analyze_text_format(run, article_file):
    result = run("analyze", str(article_file), "--format", "text")
    assert result.exit_code == 0 and "Paul Terrasson [a déclaré]" in result.output


def test_cli_analyze_stdin(run):
    result = run("analyze", "-", input=ARTICLE)
    assert result.exit_code == 0 and json.loads(result.output)["quotes"]


@pytest.mark.parametrize("content,code", [
    (b"", "E002"), (b"  \n \n", "E002"), (b"\x00\x01\x02binary\x00", "E003"),
])
def test_cli_analyze_bad_file_is_one_line_error(run, tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("analyze", str(path))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and code in result.output and str(path) in result.output


def test_cli_analyze_missing_file(run, tmp_path):
    result = run("analyze", str(tmp_path / "absent.txt"))
    assert result.exit_code == 1 and "absent.txt" in result.output


def test_cli_analyze_latin1_file(run, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(ARTICLE.replace("’", "'").encode("latin-1"))
    result = run("analyze", str(path))
    assert result.exit_code == 0 and "Terrasson" in result.output


def test_cli_analyze_batch_skips_bad_lines(run, tmp_path):
    source = tmp_path / "docs.jsonl"
    source.write_text("\n".join([
        json.dumps({"id": "ok1", "text": ARTICLE, "published": "2024-03-01"}),
        "{not json",
        json.dumps({"id": "notext"}),
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "ok2", "text": "Selon Marie Dulac, tout va bien."}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("analyze", "--input", str(source), "--output", str(out))
    assert result.exit_code == 3
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["ok1", "ok2"]
    assert "docs.jsonl:2" in result.output and "docs.jsonl:3" in result.output and "E002" in result.output


def test_cli_analyze_batch_stdin_stdout(run):
    result = run("analyze", "--input", "-", "--output", "-", input=json.dumps({"id": "x", "text": ARTICLE}) + "\n")
    assert result.exit_code == 0 and json.loads(result.output.splitlines()[0])["id"] == "x"


def test_cli_analyze_needs_file_or_input(run):
    assert run("analyze").exit_code == 2


def test_cli_ingest_is_idempotent_and_searchable(run, article_file, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    first = run("ingest", str(article_file), str(tmp_path / "empty.txt"))
    assert first.exit_code == 3 and "1 added, 0 unchanged, 1 failed" in first.output
    again = run("ingest", str(article_file))
    assert again.exit_code == 0 and "0 added, 1 unchanged, 0 failed" in again.output
    found = run("search", "greve")
    assert found.exit_code == 0 and found.output.startswith("greve\t")
    shown = run("show", "greve")
    assert shown.exit_code == 0 and "Paul Terrasson" in shown.output
    assert "empty.txt" in run("failures").output


def test_cli_show_unknown_id(run):
    result = run("show", "nope")
    assert result.exit_code == 1 and result.output == "veille: error: [E101] no article with id 'nope'\n"


def test_cli_store_path_that_is_not_a_database(nlp, tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(bogus), "search", "x"])
    assert result.exit_code == 1 and "E100" in result.output


def test_cli_schema_is_json_schema(run):
    schema = json.loads(run("schema").output)
    assert schema["title"] == "Article" and "quotes" in schema["properties"]


def test_cli_every_command_is_documented():
    readme = (__import__("pathlib").Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"veille (\w+)", readme))
    assert set(main.commands) <= documented, set(main.commands) - documented
