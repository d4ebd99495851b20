"""Exports of events, claims and quotes (exporters.py) and the `veille export` command, on hand-built records."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from veille.cli import main
from veille.exporters import EVENT_COLUMNS, WRITERS, export
from veille.model import Actor, Article, Claim, Event, Quote, Source, Span, Speaker

TEXT = "La Pologne soutient l'Ukraine, a déclaré Jan Kowalski."


def article(id_: str = "a1") -> Article:
    return Article(
        id=id_, title="Soutien", published="2024-03-14", text=TEXT,
        events=[Event(id="v1", type="SUPPORT", trigger=Span(text="soutient", start=11, end=19),
                      actors=[Actor(name="Pologne", entity="e1", country="PL", role="source"),
                              Actor(name="Ukraine", entity="e2", country="UA", role="target")],
                      place=None, date=None, factuality="certain")],
        claims=[Claim(id="c1", text="La Pologne soutient l'Ukraine", start=0, end=29, factuality="certain",
                      source=Source(name="Jan Kowalski", entity="e3"),
                      chain=[Source(name="journalist"), Source(name="Jan Kowalski", entity="e3")])],
        quotes=[Quote(id="q1", type="indirect", text="La Pologne soutient l'Ukraine", start=0, end=29,
                      speaker=Speaker(name="Jan Kowalski", entity="e3"), mode="attested")],
    )


def test_exporters_registered_by_name():
    assert {"jsonl", "csv"} <= set(WRITERS)


@pytest.mark.parametrize("records, key, value", [
    ("events", "event_type", "SUPPORT"),
    ("events", "actor_country", "PL"),
    ("events", "recipient_name", "Ukraine"),
    ("claims", "chain", "journalist > Jan Kowalski"),
    ("quotes", "speaker", "Jan Kowalski"),
])
def test_exporters_jsonl_rows(records, key, value):
    out = io.StringIO()
    assert export([article()], records, "jsonl", out) == 1
    row = json.loads(out.getvalue())
    assert row[key] == value and row["story_id"] == "a1"


def test_exporters_csv_has_the_polecat_like_header_and_empty_cells_for_none():
    out = io.StringIO()
    export([article(), article("a2")], "events", "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == EVENT_COLUMNS
    assert [r["event_id"] for r in rows] == ["a1:v1", "a2:v1"]
    assert rows[0]["event_date"] == "" and rows[0]["placename"] == ""


@pytest.mark.parametrize("records, fmt", [("rumours", "csv"), ("events", "xml")])
def test_exporters_unknown_names(records, fmt):
    with pytest.raises(ValueError):
        export([article()], records, fmt, io.StringIO())


def test_exporters_cli_reads_the_store(tmp_path):
    from veille.store import open_store

    db = tmp_path / "store.db"
    with open_store(db) as store:
        store.add(article())
    out = tmp_path / "events.csv"
    result = CliRunner().invoke(main, ["--db", str(db), "export", "--events", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    assert list(csv.DictReader(out.open(encoding="utf-8")))[0]["actor_name"] == "Pologne"
    result = CliRunner().invoke(main, ["--db", str(db), "export", "--claims", "--format", "jsonl"],
                                catch_exceptions=False)
    assert json.loads(result.stdout.splitlines()[0])["factuality"] == "certain"
