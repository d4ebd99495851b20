"""veille_events: PLOVER types from the trigger lexicon, actors from the parse, place, date and factuality, on
sentences written for these tests."""
from __future__ import annotations

import pytest

from veille.nlp.components.events import load_triggers

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def events_of(nlp, text, published="2024-03-14"):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)._.events


def actors(event, role):
    return [a.name for a in event.actors if a.role == role]


def test_events_lexicon_uses_plover_types_only():
    rows = [t for triggers in load_triggers("fr").values() for t in triggers]
    assert len(rows) > 200
    assert {t.type for t in rows} <= PLOVER
    assert {t.pos for t in rows} <= {"VERB", "NOUN", "ADJ"}


@pytest.mark.parametrize("sentence, type_, source, target", [
    ("L'Argentine a accusé le Chili de violer sa frontière.", "ACCUSE", "Argentine", "Chili"),
    ("L'Union européenne a sanctionné la Biélorussie.", "SANCTION", "Union européenne", "Biélorussie"),
    ("La Biélorussie a été sanctionnée par l'Union européenne.", "SANCTION", "Union européenne", "Biélorussie"),
    ("La Suède a menacé la Norvège de représailles.", "THREATEN", "Suède", "Norvège"),
    ("La Pologne soutient l'Ukraine.", "SUPPORT", "Pologne", "Ukraine"),
    ("Le Maroc a refusé la proposition de l'Algérie.", "REJECT", "Maroc", "Algérie"),
    ("La Colombie aurait livré des armes au Venezuela.", "AID", "Colombie", "Venezuela"),
    ("Le Portugal devrait signer un accord avec l'Espagne.", "AGREE", "Portugal", "Espagne"),
    ("Le Canada a demandé à l'Inde de coopérer.", "REQUEST", "Canada", "Inde"),
])
def test_events_type_and_actors(nlp, sentence, type_, source, target):
    found = [e for e in events_of(nlp, sentence) if e.type == type_]
    assert found, [e.type for e in events_of(nlp, sentence)]
    assert source in actors(found[0], "source")
    assert target in actors(found[0], "target")


@pytest.mark.parametrize("sentence, type_, source", [
    ("Le Pérou a lancé deux missiles vers l'océan.", "ASSAULT", "Pérou"),          # lancer + a weapon
    ("Les manifestants ont protesté contre la réforme.", "PROTEST", "manifestants"),  # an actor noun
    ("La police a arrêté trois militants.", "COERCE", "police"),
])
def test_events_source_only_or_unnamed(nlp, sentence, type_, source):
    found = [e for e in events_of(nlp, sentence) if e.type == type_]
    assert found and source in actors(found[0], "source")


@pytest.mark.parametrize("sentence", [
    "Le Pérou a lancé une nouvelle gamme de chaussures.",   # `lancer` needs a weapon or an attack
    "Le club a signé un nouveau gardien.",                  # `signer` needs an agreement
    "Trois policiers ont été blessés.",                     # no one acts, no one named suffers
])
def test_events_not_found(nlp, sentence):
    assert events_of(nlp, sentence) == []


@pytest.mark.parametrize("sentence, factuality", [
    ("La Grèce n'a pas attaqué la Turquie.", "negated"),
    ("La Colombie aurait livré des armes au Venezuela.", "unknown"),
    ("Le Portugal devrait signer un accord avec l'Espagne.", "probable"),
    ("La Pologne soutient l'Ukraine.", "certain"),
])
def test_events_factuality_of_the_clause(nlp, sentence, factuality):
    assert events_of(nlp, sentence)[0].factuality == factuality


def test_events_date_from_the_clause_never_the_publication_date(nlp):
    dated = events_of(nlp, "Luiz Inácio Lula da Silva a rencontré Emmanuel Macron le 12 mars 2024.")
    undated = events_of(nlp, "Luiz Inácio Lula da Silva a rencontré Emmanuel Macron.")
    assert [e.date for e in dated] == ["2024-03-12"]
    assert [e.date for e in undated] == [None]


def test_events_place_is_not_an_actor(nlp):
    found = events_of(nlp, "Luiz Inácio Lula da Silva a rencontré Emmanuel Macron à Paris.")[0]
    assert found.type == "CONSULT"
    assert found.place == "Paris"
    assert "Paris" not in actors(found, "target")


def test_events_trigger_offsets_and_conversion(nlp):
    from veille import analyze

    text = "La Grèce n'a pas attaqué la Turquie."
    article = analyze(text, nlp=nlp)
    event = article.events[0]
    assert text[event.trigger.start:event.trigger.end] == event.trigger.text == "n'a pas attaqué"
    assert (event.type, event.factuality) == ("ASSAULT", "negated")
    assert [a.role for a in event.actors] == ["source", "target"]
