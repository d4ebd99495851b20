"""SQLiteStore: idempotent writes, all-or-nothing transactions, safe full-text search, recorded migrations."""
from __future__ import annotations

import sqlite3

import pytest

from veille.errors import StoreError
from veille.model import Article, Entity, Quote, Speaker
from veille.store import SQLiteStore, Store, migrations, open_store

TEXT = "Kim Jong-un est arrivé en Corée du Nord. « Nous sommes prêts », a déclaré le porte-parole."


def make_article(id="a1", text=TEXT, title="Visite à Vladivostok", quotes=None, entities=None) -> Article:
    if quotes is None:
        quote = "« Nous sommes prêts »"
        start = text.find(quote)
        quotes = [Quote(id="q1", type="direct", text=quote, start=start, end=start + len(quote),
                        speaker=Speaker(name="le porte-parole", entity="e2"))] if start >= 0 else []
    if entities is None:
        entities = [Entity(id="e1", name="Kim Jong-un", type="PER", country="KP"),
                    Entity(id="e2", name="porte-parole", type="PER")]
    return Article(id=id, title=title, published="2023-09-13", source="test", url=f"https://ex.fr/{id}",
                   text=text, quotes=quotes, entities=entities)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "veille.db") as s:
        yield s


def test_sqlite_implements_store_protocol(store):
    for name in [n for n in vars(Store) if not n.startswith("_")]:
        assert callable(getattr(store, name)), name


def test_sqlite_add_get_roundtrip(store):
    article = make_article()
    assert store.add(article) is True
    assert store.get("a1") == article
    assert store.get("nope") is None
    assert store.count() == 1


def test_sqlite_memory_path_works():
    with open_store(":memory:") as s:
        assert s.add(make_article())
        assert s.count() == 1


def test_sqlite_creates_parent_directory(tmp_path):
    path = tmp_path / "deep" / "er" / "veille.db"
    with open_store(path) as s:
        s.add(make_article())
    assert path.exists()


def test_sqlite_readd_same_content_changes_nothing(store):
    assert store.add(make_article())
    before = store.articles()
    assert store.add(make_article()) is False
    assert store.add(make_article(id="other-id")) is False  # same text under another id: the same article
    assert store.articles() == before
    assert store.add_many([make_article(), make_article(id="a2", text="Autre texte.")]) == (1, 1)
    assert store.count() == 2


def test_sqlite_new_text_under_same_id_replaces(store):
    store.add(make_article())
    new = make_article(text="Texte corrigé sur Pyongyang.", title="Corrigé", quotes=[],
                       entities=[Entity(id="e9", name="Pyongyang", type="LOC")])
    assert store.add(new) is True
    assert store.count() == 1
    assert store.get("a1") == new
    assert store.articles()[0] == {"id": "a1", "title": "Corrigé", "published": "2023-09-13",
                                   "lang": "fr", "n_quotes": 0, "n_entities": 1}
    assert store.search("Vladivostok") == []  # the old version is gone from the index too
    assert [r["id"] for r in store.search("Pyongyang")] == ["a1"]


def test_sqlite_denormalised_quotes_and_entities(store, tmp_path):
    store.add(make_article())
    db = sqlite3.connect(tmp_path / "veille.db")
    assert db.execute('SELECT id, type, mode, speaker_name, speaker_entity, text, start, "end" FROM quotes'
                      ).fetchall() == [("q1", "direct", "attested", "le porte-parole", "e2",
                                        "« Nous sommes prêts »", 41, 62)]
    assert db.execute("SELECT article_id, id, name, type, country FROM entities ORDER BY id").fetchall() == [
        ("a1", "e1", "Kim Jong-un", "PER", "KP"), ("a1", "e2", "porte-parole", "PER", None)]
    db.close()


def test_sqlite_articles_newest_first_with_counts(store):
    store.add(make_article("a1", text="Premier texte."))
    store.add(make_article("a2", text="Deuxième texte.", entities=[]))
    store.add(make_article("a3", text=TEXT))
    listing = store.articles()
    assert [a["id"] for a in listing] == ["a3", "a2", "a1"]
    assert [(a["n_quotes"], a["n_entities"]) for a in listing] == [(1, 2), (0, 0), (0, 2)]
    assert set(listing[0]) == {"id", "title", "published", "lang", "n_quotes", "n_entities"}
    assert [a["id"] for a in store.articles(limit=1, offset=1)] == ["a2"]


@pytest.mark.parametrize("query", ["Coree", "corée", "COREE du nord", "Corée", "vladivostok", "prets"])
def test_sqlite_search_ignores_accents_and_case(store, query):
    store.add(make_article())
    store.add(make_article("a2", text="Rien à voir ici.", title="Autre"))
    results = store.search(query)
    assert [r["id"] for r in results] == ["a1"]
    assert set(results[0]) == {"id", "title", "published", "snippet"}


def test_sqlite_search_snippet_marks_match(store):
    store.add(make_article())
    [result] = store.search("Coree")
    assert "[Corée]" in result["snippet"]


def test_sqlite_search_finds_quote_text(store):
    store.add(make_article(text="Le ministre parle.", quotes=[
        Quote(id="q1", type="indirect", text="Le ministre parle", start=0, end=17)], title="T"))
    assert [r["id"] for r in store.search("ministre")] == ["a1"]


@pytest.mark.parametrize("query", ['"', "a OR", "*", "NEAR(", "'", "Corée AND (", "-Corée", "col:x",
                                   '"Corée', "^", "OR", "NOT", "", "   ", "l'Élysée", "Kim Jong-un*"])
def test_sqlite_search_hostile_queries_never_raise(store, query):
    store.add(make_article())
    assert isinstance(store.search(query), list)


@pytest.mark.parametrize("query,expected", [("", []), ('"', []), ("Corée *", ["a1"]), ('Corée "', ["a1"]),
                                            ("Jong-un", ["a1"]), ("Corée Japon", [])])
def test_sqlite_search_words_are_literal_and_all_required(store, query, expected):
    store.add(make_article())
    assert [r["id"] for r in store.search(query)] == expected


def test_sqlite_failures_recorded(store):
    assert store.failures() == []
    store.record_failure("feed.jsonl:12", "not a JSON object")
    store.record_failure("page.html", "empty text")
    failures = store.failures()
    assert [(f["source"], f["reason"]) for f in failures] == [("feed.jsonl:12", "not a JSON object"),
                                                              ("page.html", "empty text")]
    assert all(f["at"].startswith("20") and "T" in f["at"] for f in failures)


def test_sqlite_migrations_recorded_and_not_reapplied(tmp_path, monkeypatch):
    path = tmp_path / "veille.db"
    with open_store(path) as s:
        first = s.applied_migrations()
        s.add(make_article())
    assert [m["name"] for m in first] == [name for name, _ in migrations.MIGRATIONS]

    def boom(db):
        raise AssertionError("an applied migration ran again")

    new_steps = []
    monkeypatch.setattr(migrations, "MIGRATIONS", [(name, boom) for name, _ in migrations.MIGRATIONS]
                        + [("m999_new", new_steps.append)])
    with open_store(path) as s:
        assert [m["name"] for m in s.applied_migrations()] == [m["name"] for m in first] + ["m999_new"]
        assert s.applied_migrations()[0] == first[0]
        assert s.count() == 1
    assert len(new_steps) == 1
    with open_store(path):  # nothing pending any more
        pass
    assert len(new_steps) == 1


def test_sqlite_not_a_database_raises_store_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("ceci n'est pas une base de données\n" * 100)
    with pytest.raises(StoreError) as error:
        open_store(path)
    assert str(error.value) == f"[E100] {path}: not a SQLite database (is this the right file?)"
    assert error.value.fields["path"] == str(path)


def test_sqlite_failure_mid_add_keeps_previous_data(store, monkeypatch):
    store.add(make_article("a1"))
    store.add(make_article("a2", text="Deuxième texte."))
    before = (store.articles(), store.get("a1"), store.search("Coree"))

    def crash(*args):
        raise RuntimeError("crash after the article row was written")

    monkeypatch.setattr(SQLiteStore, "_insert_details", crash)
    with pytest.raises(RuntimeError):
        store.add(make_article("a1", text="Nouvelle version de a1."))  # would replace a1
    with pytest.raises(RuntimeError):
        store.add_many([make_article("a3", text="Trois."), make_article("a4", text="Quatre.")])
    monkeypatch.undo()
    assert (store.articles(), store.get("a1"), store.search("Coree")) == before
    assert store.get("a3") is None


def test_sqlite_constraint_error_rolls_back_whole_batch(store):
    store.add(make_article("a1"))
    twice = [Quote(id="q1", type="direct", text="x", start=0, end=1)] * 2  # duplicate quote id
    with pytest.raises(StoreError):
        store.add_many([make_article("a2", text="Deux."), make_article("a3", text="x Trois.", quotes=twice)])
    assert [a["id"] for a in store.articles()] == ["a1"]
    assert store.add(make_article("a2", text="Deux.")) is True  # the store is still usable


def test_sqlite_second_connection_reads_while_writing(tmp_path):
    path = tmp_path / "veille.db"
    with open_store(path) as writer, open_store(path) as reader:
        writer.add(make_article("a1"))
        with writer._transaction():
            writer._add(make_article("a2", text="En cours d'écriture."))
            assert reader.count() == 1  # not blocked, and sees only committed data
            assert reader.get("a1") is not None
        assert reader.count() == 2
        assert writer._query("PRAGMA journal_mode")[0][0] == "wal"


def test_sqlite_closed_by_context_manager(tmp_path):
    with open_store(tmp_path / "veille.db") as s:
        pass
    s.close()  # closing twice is harmless
    assert s._db is None
