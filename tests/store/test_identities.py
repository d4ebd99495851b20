"""Cross-article identities: normalised keys, the linking rule, alias files, idempotence, and the entity queries."""
from __future__ import annotations

import sqlite3

import pytest

from veille.errors import InputError
from veille.model import Article, Cue, Entity, Mention, Quote, Speaker
from veille.store import AliasRules, load_aliases, open_store
from veille.store.aliases import parse_yaml
from veille.store.names import normalise


def ent(id: str, name: str, type: str = "PER", aliases=(), mentions: int = 1, country=None) -> Entity:
    return Entity(id=id, name=name, type=type, aliases=list(aliases), country=country,
                  mentions=[Mention(text=name, start=0, end=len(name))] * mentions)


def art(id: str, *entities: Entity, quotes=(), published="2024-01-01", title=None) -> Article:
    # The text only has to differ between articles: it is their content hash.
    text = f"Article {id}. " + " ".join(e.name for e in entities) + " « Oui » a dit quelqu'un."
    return Article(id=id, title=title or f"Titre {id}", published=published, text=text, entities=list(entities),
                   quotes=list(quotes))


def said(id: str, entity_id: str, text: str = "« Oui »", cue: str = "a dit", mode="attested") -> Quote:
    return Quote(id=id, type="direct", text=text, start=0, end=len(text), mode=mode,
                 speaker=Speaker(entity=entity_id), cue=Cue(text=cue, start=0, end=len(cue), lemma="dire"))


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "veille.db") as s:
        yield s


def identity(store, article_id: str, entity_id: str) -> int:
    return store.article_identities(article_id)[entity_id]


def table(store, name: str) -> list[tuple]:
    return [tuple(r) for r in store._query(f"SELECT * FROM {name} ORDER BY 1, 2, 3")]


# -- keys


@pytest.mark.parametrize("name,type,key", [
    ("Vladimir Poutine", "PER", "vladimir poutine"),
    ("M. Vladimir POUTINE", "PER", "vladimir poutine"),
    ("Mme Élisabeth Borne", "PER", "elisabeth borne"),
    ("Kim Jong-un", "PER", "kim jong un"),
    ("Le Pen", "PER", "le pen"),                   # a surname particle, not a determiner
    ("la Chine", "LOC", "chine"),
    ("l'Élysée", "LOC", "elysee"),
    ("Le Monde", "ORG", "monde"),
    ("Madame", "PER", "madame"),                   # nothing but an honorific: kept, never empty
    ("  Jean-Luc   Mélenchon ", "PER", "jean luc melenchon"),
])
def test_identities_normalised_key(name, type, key):
    assert normalise(name, type) == key


# -- linking


@pytest.mark.parametrize("first,second,type", [
    ("Vladimir Poutine", "M. Vladimir POUTINE", "PER"),
    ("Kim Jong-un", "Kim Jong Un", "PER"),
    ("Chine", "la Chine", "LOC"),
    ("Élysée", "l'Elysée", "LOC"),
])
def test_identities_same_entity_in_two_articles_is_one_identity(store, first, second, type):
    store.add(art("a1", ent("e1", first, type)))
    store.add(art("a2", ent("e7", second, type)))
    assert identity(store, "a1", "e1") == identity(store, "a2", "e7")
    assert [e["name"] for e in store.entities()] == [first]


def test_identities_alias_of_an_earlier_entity_links(store):
    store.add(art("a1", ent("e1", "Organisation des Nations unies", "ORG", aliases=["ONU"])))
    store.add(art("a2", ent("e1", "ONU", "ORG")))
    assert identity(store, "a1", "e1") == identity(store, "a2", "e1")
    assert store.entity(identity(store, "a1", "e1"))["aliases"] == ["ONU"]


def test_identities_entity_alias_matching_an_earlier_name_links(store):
    store.add(art("a1", ent("e1", "Organisation des Nations unies", "ORG")))
    store.add(art("a2", ent("e1", "Nations unies", "ORG", aliases=["Organisation des Nations unies"])))
    assert identity(store, "a1", "e1") == identity(store, "a2", "e1")


@pytest.mark.parametrize("lone", ["Poutine", "M. Poutine", "POUTINE"])
def test_identities_lone_surname_links_to_the_one_full_name(store, lone):
    store.add(art("a1", ent("e1", "Vladimir Poutine", country="RU")))
    store.add(art("a2", ent("e1", lone)))
    assert identity(store, "a1", "e1") == identity(store, "a2", "e1")


def test_identities_lone_surname_shared_by_two_people_links_to_neither(store):
    store.add(art("a1", ent("e1", "Jean Dupont")))
    store.add(art("a2", ent("e1", "Marie Dupont")))
    store.add(art("a3", ent("e1", "Dupont")))
    ids = {identity(store, a, "e1") for a in ("a1", "a2", "a3")}
    assert len(ids) == 3
    assert store.entity(identity(store, "a3", "e1"))["name"] == "Dupont"


def test_identities_surname_rule_ignores_single_word_aliases_of_full_names(store):
    # Each article calls its person "Poutine" too: that must not make them one person.
    store.add(art("a1", ent("e1", "Vladimir Poutine", aliases=["Poutine"])))
    store.add(art("a2", ent("e1", "Ludmila Poutine", aliases=["Poutine"])))
    assert identity(store, "a1", "e1") != identity(store, "a2", "e1")
    store.add(art("a3", ent("e1", "Poutine")))  # now ambiguous
    assert identity(store, "a3", "e1") not in {identity(store, "a1", "e1"), identity(store, "a2", "e1")}


def test_identities_surname_finds_the_full_name_of_the_same_article(store):
    store.add(art("a1", ent("e1", "Poutine"), ent("e2", "Vladimir Poutine")))  # full names are linked first
    assert identity(store, "a1", "e1") == identity(store, "a1", "e2")


@pytest.mark.parametrize("name,types", [("Orange", ("ORG", "LOC")), ("Wagner", ("PER", "ORG")),
                                        ("Washington", ("PER", "LOC"))])
def test_identities_different_types_do_not_merge(store, name, types):
    store.add(art("a1", ent("e1", name, types[0])))
    store.add(art("a2", ent("e1", name, types[1])))
    assert identity(store, "a1", "e1") != identity(store, "a2", "e1")
    assert sorted(e["type"] for e in store.entities(q=name)) == sorted(types)


def test_identities_misc_and_empty_names_are_not_linked(store):
    store.add(art("a1", ent("e1", "russe", "MISC"), ent("e2", "—", "PER"), ent("e3", "Pékin", "LOC")))
    assert store.article_identities("a1") == {"e3": identity(store, "a1", "e3")}


def test_identities_resave_is_idempotent(store):
    article = art("a1", ent("e1", "Vladimir Poutine"), ent("e2", "Kim Jong-un"), quotes=[said("q1", "e1")])
    store.add(article)
    before = [table(store, t) for t in ("identities", "entity_links", "entity_names")]
    assert store.add(article) is False
    assert store.add_many([article, art("other-id", *article.entities)]) == (1, 1)
    store.delete("other-id")
    assert [table(store, t) for t in ("identities", "entity_links", "entity_names")] == before


def test_identities_replacing_an_article_leaves_no_dangling_link(store):
    store.add(art("a1", ent("e1", "Jean Dupont"), ent("e2", "Pierre Martin")))
    store.add(art("a2", ent("e1", "Pierre Martin")))
    kept = identity(store, "a1", "e2")
    store.add(art("a1", ent("e5", "Pierre Martin"), ent("e6", "Anne Morel")))  # a new version of a1
    assert identity(store, "a1", "e5") == kept  # the same person keeps the same id
    assert [e["name"] for e in store.entities(q="Dupont")] == []  # named by nobody any more: gone
    links = table(store, "entity_links")
    assert {(a, e) for a, e, *_ in links} == {("a1", "e5"), ("a1", "e6"), ("a2", "e1")}
    assert store._query("PRAGMA foreign_key_check") == []


def test_identities_delete_removes_links_and_orphans(store):
    store.add(art("a1", ent("e1", "Jean Dupont"), ent("e2", "Pierre Martin")))
    store.add(art("a2", ent("e1", "Pierre Martin")))
    assert store.delete("a1") is True and store.delete("a1") is False
    assert [e["name"] for e in store.entities()] == ["Pierre Martin"]
    assert store.entity(identity(store, "a2", "e1"))["n_articles"] == 1
    assert [r[0] for r in store._query("SELECT article_id FROM entity_names")] == ["a2"]


def test_identities_country_comes_from_any_linked_entity(store):
    store.add(art("a1", ent("e1", "Pyongyang", "LOC")))
    store.add(art("a2", ent("e1", "Pyongyang", "LOC", country="KP")))
    assert store.entities()[0]["country"] == "KP"


# -- queries


@pytest.fixture
def filled(store):
    store.add(art("a1", ent("e1", "Vladimir Poutine", aliases=["Poutine"], mentions=3), ent("e2", "Kim Jong-un"),
                  ent("e3", "Russie", "LOC"), quotes=[said("q1", "e1", "« Nous sommes prêts »", "a déclaré")],
                  published="2023-09-13"))
    store.add(art("a2", ent("e1", "Poutine", mentions=2), ent("e2", "Russie", "LOC"),
                  quotes=[said("q1", "e1", "« Jamais »", "a affirmé", "reported"), said("q2", "e2")],
                  published="2023-09-14"))
    store.add(art("a3", ent("e1", "Kim Jong-un"), published=None))
    return store


def test_identities_entity_has_counts_and_aliases(filled):
    putin = identity(filled, "a1", "e1")
    assert filled.entity(putin) == {"id": putin, "name": "Vladimir Poutine", "type": "PER", "country": None,
                                    "n_articles": 2, "n_mentions": 5, "n_quotes": 2, "aliases": ["Poutine"]}
    assert filled.entity(999) is None


def test_identities_entities_filters_and_orders(filled):
    assert [(e["name"], e["n_articles"]) for e in filled.entities()] == [
        ("Vladimir Poutine", 2), ("Kim Jong-un", 2), ("Russie", 2)]
    assert [e["name"] for e in filled.entities(type="LOC")] == ["Russie"]
    assert [e["name"] for e in filled.entities(q="poutine")] == ["Vladimir Poutine"]
    assert [e["name"] for e in filled.entities(q="M. POUTINE")] == ["Vladimir Poutine"]
    assert [e["name"] for e in filled.entities(q="jong un")] == ["Kim Jong-un"]
    assert [e["name"] for e in filled.entities(limit=1, offset=1)] == ["Kim Jong-un"]
    for hostile in ["%", "_", "'", '"', "\\", "%_%"]:
        assert isinstance(filled.entities(q=hostile), list)


def test_identities_exact_name_comes_first(store):
    for i in range(3):
        store.add(art(f"a{i}", ent("e1", "Jean-Pierre Martin")))
    store.add(art("b", ent("e1", "Pierre Martin")))
    assert [e["name"] for e in store.entities(q="Pierre Martin")] == ["Pierre Martin", "Jean-Pierre Martin"]


def test_identities_entity_quotes_with_article_cue_and_mode(filled):
    quotes = filled.entity_quotes(identity(filled, "a1", "e1"))
    assert [(q["article_id"], q["published"], q["text"], q["cue"], q["mode"]) for q in quotes] == [
        ("a2", "2023-09-14", "« Jamais »", "a affirmé", "reported"),
        ("a1", "2023-09-13", "« Nous sommes prêts »", "a déclaré", "attested")]
    assert set(quotes[0]) == {"article_id", "article_title", "published", "quote_id", "type", "mode", "text", "cue"}


def test_identities_entity_articles_newest_first_undated_last(filled):
    kim = identity(filled, "a1", "e2")
    assert [(a["id"], a["mentions"], a["n_quotes"]) for a in filled.entity_articles(kim)] == [
        ("a1", 1, 0), ("a3", 1, 0)]
    putin = identity(filled, "a1", "e1")
    assert [(a["id"], a["mentions"], a["n_quotes"]) for a in filled.entity_articles(putin)] == [
        ("a2", 2, 1), ("a1", 3, 1)]


def test_identities_co_occurring_counts_shared_articles(filled):
    putin = identity(filled, "a1", "e1")
    assert [(o["name"], o["n_articles"]) for o in filled.co_occurring(putin)] == [
        ("Russie", 2), ("Kim Jong-un", 1)]
    assert filled.co_occurring(999) == []


# -- alias rules

YAML = """
- merge: [Poutine, V. Poutine, Vladimir Vladimirovitch Poutine]
  into: Vladimir Poutine
  type: PER
- split: Dupont
- split: Jean Dupont
  type: PER
  by:
    - as: Jean Dupont (député)
      with: [Parti socialiste, Assemblée nationale]
    - as: Jean Dupont (rugby)
      with: [le Stade toulousain]
      articles: [sport-1]
"""
CSV = """name,into,type,with,articles
# the same rules as YAML
Poutine,Vladimir Poutine,PER,,
V. Poutine,Vladimir Poutine,PER,,
Vladimir Vladimirovitch Poutine,Vladimir Poutine,PER,,
Dupont,,,,
Jean Dupont,Jean Dupont (député),PER,Parti socialiste;Assemblée nationale,
Jean Dupont,Jean Dupont (rugby),PER,le Stade toulousain,sport-1
"""


def test_aliases_yaml_and_csv_say_the_same(tmp_path):
    (tmp_path / "a.yaml").write_text(YAML, encoding="utf-8")
    (tmp_path / "a.csv").write_text(CSV, encoding="utf-8")
    assert load_aliases(tmp_path / "a.yaml") == load_aliases(tmp_path / "a.csv") == parse_yaml(YAML)
    assert parse_yaml(YAML).describe() == "4 merged names, 2 split names"


def test_aliases_merge_names_into_one_identity(tmp_path):
    with open_store(tmp_path / "v.db", aliases=parse_yaml(YAML)) as store:
        store.add(art("a1", ent("e1", "V. Poutine")))
        store.add(art("a2", ent("e1", "Vladimir Vladimirovitch Poutine")))
        store.add(art("a3", ent("e1", "Poutine")))
        store.add(art("a4", ent("e1", "Vladimir Poutine")))
        assert len({identity(store, a, "e1") for a in ("a1", "a2", "a3", "a4")}) == 1
        assert [e["name"] for e in store.entities()] == ["Vladimir Poutine"]  # the canonical name is shown


def test_aliases_merge_keeps_types_apart(tmp_path):
    rules = parse_yaml("- merge: [Wagner]\n  into: Groupe Wagner\n")
    with open_store(tmp_path / "v.db", aliases=rules) as store:
        store.add(art("a1", ent("e1", "Wagner", "ORG")))
        store.add(art("a2", ent("e1", "Wagner", "PER")))
        assert sorted((e["name"], e["type"]) for e in store.entities()) == [
            ("Groupe Wagner", "ORG"), ("Groupe Wagner", "PER")]


def test_aliases_split_keeps_a_lone_surname_apart(tmp_path):
    with open_store(tmp_path / "v.db", aliases=parse_yaml("- split: Dupont")) as store:
        store.add(art("a1", ent("e1", "Jean Dupont", aliases=["Dupont"])))
        store.add(art("a2", ent("e1", "Dupont")))
        store.add(art("a3", ent("e1", "M. Dupont")))
        assert identity(store, "a2", "e1") != identity(store, "a1", "e1")
        assert identity(store, "a2", "e1") == identity(store, "a3", "e1")


def test_aliases_split_one_name_by_company(tmp_path):
    with open_store(tmp_path / "v.db", aliases=parse_yaml(YAML)) as store:
        store.add(art("pol", ent("e1", "Jean Dupont"), ent("e2", "Parti socialiste", "ORG")))
        store.add(art("rugby", ent("e1", "Jean Dupont"), ent("e2", "Stade toulousain", "ORG")))
        store.add(art("sport-1", ent("e1", "Jean Dupont")))
        store.add(art("other", ent("e1", "Jean Dupont")))
        names = {a: store.entity(identity(store, a, "e1"))["name"] for a in ("pol", "rugby", "sport-1", "other")}
    assert names == {"pol": "Jean Dupont (député)", "rugby": "Jean Dupont (rugby)",
                     "sport-1": "Jean Dupont (rugby)", "other": "Jean Dupont"}


def test_relink_applies_new_rules_to_a_stored_store(store):
    store.add(art("a1", ent("e1", "Poutine")))  # nobody to link to yet
    store.add(art("a2", ent("e1", "Vladimir Poutine")))
    store.add(art("a3", ent("e1", "Jean Dupont")))
    dupont = identity(store, "a3", "e1")
    assert identity(store, "a1", "e1") != identity(store, "a2", "e1")
    assert store.relink() == {"links": 3, "identities": 2}  # full names first: the lone name finds its person
    assert identity(store, "a1", "e1") == identity(store, "a2", "e1")
    assert identity(store, "a3", "e1") == dupont  # a key that survives keeps its id
    store.relink(parse_yaml("- merge: [Jean Dupont]\n  into: Vladimir Poutine"))
    assert [e["name"] for e in store.entities()] == ["Vladimir Poutine"]
    store.add(art("a4", ent("e1", "Jean Dupont")))  # the store keeps applying the rules it was given
    assert identity(store, "a4", "e1") == identity(store, "a2", "e1")


@pytest.mark.parametrize("text,reason", [
    ("- merge: [A]\n", "rule 1: `merge` needs `into`"),
    ("- merge: [A]\n  into: B\n  typo: 1\n", "rule 1: unknown key 'typo'"),
    ("- split: A\n  type: PERSON\n", "rule 1: type must be one of PER, ORG, LOC, MISC, not 'PERSON'"),
    ("- split: A\n- merge: [A]\n  into: B\n", "rule 2: 'A' is both merged and split"),
    ("- merge: [A]\n  into: B\n- merge: [A]\n  into: C\n", "rule 2: 'A' is merged into both 'B' and 'C'"),
    ("- split: A\n  by: [{as: A1}]\n", "rule 1: branch 'A1' needs `with` names or `articles`"),
    ("merge: A\n", "the file must be a list of rules"),
    ("- [unclosed\n", "not valid YAML"),
    ("- hello\n", "rule 1: a rule is a mapping with either `merge` or `split`"),
    ("- merge: ['']\n  into: B\n", "rule 1: `merge` must be a non-empty name"),
])
def test_aliases_bad_file_is_an_input_error_naming_it(tmp_path, text, reason):
    path = tmp_path / "aliases.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_aliases(path)
    assert error.value.source == str(path) and error.value.reason.startswith(reason), error.value.reason


def test_aliases_bad_csv_names_the_line(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("name,into\nA,B\n,C\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 3: `name` is empty"):
        load_aliases(path)
    path.write_text("nom,canonique\n", encoding="utf-8")
    with pytest.raises(InputError, match="the header must name the columns"):
        load_aliases(path)


def test_aliases_missing_or_empty_file(tmp_path):
    with pytest.raises(InputError, match="No such file"):
        load_aliases(tmp_path / "nope.yaml")
    (tmp_path / "empty.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert load_aliases(tmp_path / "empty.yaml") == AliasRules()


# -- migration


def test_identities_migration_links_articles_stored_before(tmp_path):
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.add(art("a1", ent("e1", "Vladimir Poutine"), quotes=[said("q1", "e1")]))
        store.add(art("a2", ent("e1", "Poutine")))
    db = sqlite3.connect(path)  # back to a store from before identities existed
    for statement in ["DROP VIEW identity_aliases", "DROP TABLE entity_links", "DROP TABLE entity_names",
                      "DROP TABLE identities", "ALTER TABLE quotes DROP COLUMN cue",
                      "DELETE FROM migrations WHERE name = 'm002_identities'"]:
        db.execute(statement)
    db.commit()
    db.close()
    with open_store(path) as store:
        assert "m002_identities" in [m["name"] for m in store.applied_migrations()]
        [putin] = store.entities()
        assert (putin["name"], putin["n_articles"], putin["n_quotes"]) == ("Vladimir Poutine", 2, 1)
        assert store.entity_quotes(putin["id"])[0]["cue"] == "a dit"  # backfilled from the stored record
