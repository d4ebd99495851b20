"""`veille entities`, `veille entity` and `veille relink`, over a store filled by hand (no model needed)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from veille.cli import main
from veille.model import Article, Cue, Entity, Mention, Quote, Speaker
from veille.settings import Settings
from veille.store import open_store


def ent(id: str, name: str, type: str = "PER", aliases=()) -> Entity:
    return Entity(id=id, name=name, type=type, aliases=list(aliases), mentions=[Mention(text=name, start=0, end=1)])


def art(id: str, *entities: Entity, quotes=()) -> Article:
    return Article(id=id, title=f"Titre {id}", published="2024-05-01", text=f"Texte de {id}.",
                   entities=list(entities), quotes=list(quotes))


QUOTE = Quote(id="q1", type="direct", text="« Non »", start=0, end=7, speaker=Speaker(entity="e1"),
              cue=Cue(text="a répondu", start=0, end=1, lemma="répondre"))


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store.db"
    with open_store(path) as store:
        store.add(art("a1", ent("e1", "Jean Dupont"), ent("e2", "Marie Dupont"), ent("e3", "Lyon", "LOC"),
                      quotes=[QUOTE]))
        store.add(art("a2", ent("e1", "Jean Dupont"), ent("e2", "Lyon", "LOC")))
        store.add(art("a3", ent("e1", "Pierre Martin")))
    return path


@pytest.fixture
def run(db):
    def invoke(*args):
        return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)
    return invoke


def identity_of(db, name: str) -> int:
    with open_store(db) as store:
        return next(e["id"] for e in store.entities() if e["name"] == name)


def test_cli_entities_lists_with_counts(run, db):
    result = run("entities")
    assert result.exit_code == 0
    jean, lyon = identity_of(db, "Jean Dupont"), identity_of(db, "Lyon")
    assert result.output.splitlines()[:2] == [f"{jean}\tPER\tJean Dupont\t2 articles\t1 quotes",
                                              f"{lyon}\tLOC\tLyon\t2 articles\t0 quotes"]
    assert len(result.output.splitlines()) == 4


@pytest.mark.parametrize("args,names", [(["--type", "LOC"], ["Lyon"]),
                                        (["--q", "dupont"], ["Jean Dupont", "Marie Dupont"]),
                                        (["--type", "PER", "--q", "MARTIN"], ["Pierre Martin"]),
                                        (["--limit", "1"], ["Jean Dupont"])])
def test_cli_entities_filters(run, args, names):
    rows = [json.loads(line) for line in run("entities", "--json", *args).output.splitlines()]
    assert [r["name"] for r in rows] == names


def test_cli_entities_none(run):
    result = run("entities", "--q", "personne")
    assert result.exit_code == 0 and result.output == "no entity\n"


def test_cli_entity_by_id_and_by_name(run, db):
    jean = identity_of(db, "Jean Dupont")
    by_id, by_name = run("entity", str(jean)), run("entity", "jean DUPONT")
    assert by_id.exit_code == 0 and by_id.output == by_name.output
    assert by_id.output.startswith(f"Jean Dupont  (PER)  id {jean}\n2 articles, 2 mentions, 1 quotes\n")
    assert "[a répondu] « Non »" in by_id.output and "a2  Titre a2" in by_id.output
    assert "Marie Dupont  (1 articles)" in by_id.output and "Lyon  (2 articles)" in by_id.output


def test_cli_entity_json_is_the_profile(run, db):
    profile = json.loads(run("entity", "Lyon", "--format", "json").output)
    assert set(profile) == {"entity", "quotes", "articles", "co_occurring"}
    assert profile["entity"]["id"] == identity_of(db, "Lyon") and [a["id"] for a in profile["articles"]] == ["a2", "a1"]


def test_cli_entity_unknown_or_ambiguous_is_one_line_error(run, db):
    unknown = run("entity", "999")
    assert unknown.exit_code == 1 and unknown.output == "veille: error: [E102] no entity with id '999'\n"
    nobody = run("entity", "Personne")
    assert nobody.exit_code == 1 and nobody.output == "veille: error: [E001] Personne: no entity of that name\n"
    several = run("entity", "Dupont")
    assert several.exit_code == 1 and several.output == (
        f"veille: error: [E001] Dupont: several entities match: {identity_of(db, 'Jean Dupont')} Jean Dupont (PER), "
        f"{identity_of(db, 'Marie Dupont')} Marie Dupont (PER); give an id\n")


def test_cli_relink_applies_an_alias_file(run, db, tmp_path):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("- merge: [Pierre Martin]\n  into: Jean Dupont\n", encoding="utf-8")
    result = run("relink", "--aliases", str(aliases))
    assert result.exit_code == 0
    assert result.output == "6 entities linked to 3 identities (2 merged names, 0 split names)\n"
    assert "Pierre Martin" not in run("entities").output
    assert "3 articles" in run("entity", "Jean Dupont").output


def test_cli_relink_uses_veille_aliases(run, db, tmp_path, monkeypatch):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("name,into\nLyon,Lugdunum\n", encoding="utf-8")
    monkeypatch.setenv("VEILLE_ALIASES", str(aliases))
    assert Settings.load().aliases == aliases
    assert run("relink").exit_code == 0
    assert "\tLOC\tLugdunum\t2 articles" in run("entities").output


def test_cli_relink_bad_alias_file_is_one_line_error(run, tmp_path):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("- merge: [A]\n", encoding="utf-8")
    result = run("relink", "--aliases", str(aliases))
    assert result.exit_code == 1
    assert result.output == f"veille: error: [E001] {aliases}: rule 1: `merge` needs `into`: the name to merge into\n"
