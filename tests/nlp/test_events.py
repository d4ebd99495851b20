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


def of_type(nlp, text, type_, published="2024-03-14"):
    found = [e for e in events_of(nlp, text, published) if e.type == type_]
    assert found, [(e.type, e.trigger.text) for e in events_of(nlp, text, published)]
    return found


def test_events_lexicon_conditions_are_read():
    rows = {(t.lemma, t.type): t for triggers in load_triggers("fr").values() for t in triggers}
    assert rows[("vouloir", "REJECT")].negated
    assert "déclarer" in rows[("inacceptable", "REJECT")].under
    assert rows[("commande", "AGREE")].of_target
    assert rows[("missile", "ASSAULT")].dated


# actors --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, type_, sources", [
    # a noun with `entre X et Y`, the second name hung elsewhere by the parser
    ("La rencontre entre Olaf Scholz et Giorgia Meloni a eu lieu à Rome.", "CONSULT",
     {"Olaf Scholz", "Giorgia Meloni"}),
    # coordinated subjects, one of them attached as the root
    ("Le Japon et l'Australie ont renforcé leur coopération militaire.", "COOPERATE", {"Japon", "Australie"}),
    # `de la part de` + members of a group: the group acts
    ("Les enquêteurs ont relevé des intimidations de la part de membres du Hezbollah.", "THREATEN", {"Hezbollah"}),
    # the agent of a participle modifying the noun
    ("L'appel lancé par la CGT a été peu suivi.", "REQUEST", {"CGT"}),
    # the agent of the passive verb the noun is the subject of
    ("L'offensive a duré trois jours et a été menée par l'armée soudanaise.", "ASSAULT", {"armée soudanaise"}),
    # a collective noun: the states it enumerates act
    ("La coalition formée par le Tchad et le Niger a repoussé les rebelles.", "ASSAULT", {"Tchad", "Niger"}),
    # a quantity: what it counts acts
    ("Des centaines de manifestants ont protesté devant l'ambassade.", "PROTEST", {"manifestants"}),
    # `ce dernier`: the latest actor named before it
    ("Le ministre a exigé la démission du directeur de l'hôpital. Ce dernier a refusé de démissionner.", "REJECT",
     {"directeur de l'hôpital"}),
    # a pronoun in reported speech: its antecedent, a state
    ("La Pologne a affirmé qu'elle soutiendrait l'Ukraine.", "SUPPORT", {"Pologne"}),
    # an incise: the reporting verb's subject comes after it
    ("La Russie n'a pas livré d'armes, a démenti le porte-parole du Kremlin.", "REJECT", {"Kremlin"}),
    # `les deux pays`: the two states the article has spoken of most
    ("La Serbie et le Kosovo négocient depuis des années. Les deux pays ont signé un accord mardi.", "AGREE",
     {"Serbie", "Kosovo"}),
])
def test_events_sources_from_the_parse(nlp, sentence, type_, sources):
    assert set(actors(of_type(nlp, sentence, type_)[-1], "source")) == sources


def test_events_unnamed_actor_keeps_its_words_and_state(nlp):
    event = of_type(nlp, "L'armée israélienne a bombardé la ville dans la nuit.", "ASSAULT")[0]
    source = [a for a in event.actors if a.role == "source"][0]
    assert (source.name, source.entity, source.country) == ("armée israélienne", None, "IL")


def test_events_a_place_without_a_state_is_where_not_whom(nlp):
    event = of_type(nlp, "Le Japon a bombardé trois navires en mer de Chine méridionale.", "ASSAULT")[0]
    assert "mer de Chine méridionale" not in actors(event, "target")


# what is one event, and what is none ----------------------------------------------------------------------------
def test_events_accused_act_taken_up_by_a_noun_is_one_event_with_its_own_factuality(nlp):
    text = ("L'Argentine a accusé le Chili de livrer des armes aux rebelles, même s'il n'est pas clair si des "
            "livraisons ont eu lieu.")
    aid = of_type(nlp, text, "AID")
    assert len(aid) == 1 and actors(aid[0], "source") == ["Chili"] and aid[0].factuality == "unknown"
    assert of_type(nlp, text, "ACCUSE")[0].factuality == "certain"


@pytest.mark.parametrize("sentence, kept, dropped", [
    ("Le Canada a demandé à l'Inde de coopérer.", "REQUEST", "COOPERATE"),          # what is asked
    ("L'Argentine a accusé le Chili de livrer des armes.", "ACCUSE", "AID"),         # what is alleged
    ("Le gouvernement allemand a refusé de livrer des chars à l'Ukraine.", "REJECT", "AID"),   # what is refused
    ("Le Japon a renforcé sa coopération avec l'Inde en organisant des exercices navals.", "COOPERATE",
     "MOBILIZE"),                                                                     # a gerund saying how
])
def test_events_content_and_manner_are_not_events_of_their_own(nlp, sentence, kept, dropped):
    types = [e.type for e in events_of(nlp, sentence)]
    assert kept in types and dropped not in types


def test_events_refused_act_gives_the_refusal_its_target(nlp):
    event = of_type(nlp, "Le gouvernement allemand a refusé de livrer des chars à l'Ukraine.", "REJECT")[0]
    assert actors(event, "target") == ["Ukraine"]


@pytest.mark.parametrize("sentence", [
    "La loi interdit aux associations d'aider les migrants.",                    # forbidden, not done
    "Le gouvernement veut taxer les associations qui aident les migrants.",     # generic relative clause
    "Le préfet a annoncé l'arrestation de trois militants.",                     # the reporter did not arrest
])
def test_events_none_where_nothing_happened_or_no_one_acts(nlp, sentence):
    assert events_of(nlp, sentence) == []


def test_events_coordinated_verbs_of_one_type_are_one_event(nlp):
    assert len(of_type(nlp, "L'armée a bombardé la ville, puis a attaqué les faubourgs.", "ASSAULT")) == 1


def test_events_definite_noun_takes_up_an_earlier_one(nlp):
    text = ("Une opération militaire a permis de libérer les otages. L'opération a été menée par l'armée "
            "nigériane. Pendant l'opération conduite du 3 au 9 mars, dix suspects ont été arrêtés.")
    operations = of_type(nlp, text, "ASSAULT")
    assert len(operations) == 1
    assert actors(operations[0], "source") == ["armée nigériane"] and operations[0].date == "2024-03-03/2024-03-09"


def test_events_agentless_passive_takes_the_actors_of_the_earlier_event_on_that_noun(nlp):
    text = "La Grèce s'apprête à signer un contrat avec la France. Le contrat devrait être signé en avril."
    later = of_type(nlp, text, "AGREE")[-1]
    assert "Grèce" in actors(later, "source") and later.factuality == "probable"


def test_events_weapon_noun_with_its_own_date_is_a_launch(nlp):
    text = "La Corée du Nord a multiplié les essais, le dernier impliquant un missile de croisière le 2 mars."
    launch = of_type(nlp, text, "ASSAULT")[0]
    assert (actors(launch, "source"), launch.date) == (["Corée du Nord"], "2024-03-02")


# types from constructions ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, type_, source", [
    ("Les Pays-Bas ne veulent pas financer le projet.", "REJECT", "Pays-Bas"),           # ne pas vouloir + inf.
    ("La Hongrie a confirmé son intention de ne pas soutenir la Commission européenne.", "REJECT", "Hongrie"),
    ("Le Danemark a jugé cette décision inacceptable.", "REJECT", "Danemark"),            # declared unacceptable
    ("Le Parlement a renouvelé sa confiance au gouvernement.", "SUPPORT", "Parlement"),  # under: a verb
    ("Lundi, le Kenya a annoncé le déploiement de mille policiers en Haïti.", "MOBILIZE", "Kenya"),
    ("Le Brésil a imposé des sanctions contre le Venezuela.", "SANCTION", "Brésil"),
])
def test_events_type_from_the_construction(nlp, sentence, type_, source):
    event = of_type(nlp, sentence, type_)[0]
    assert source in actors(event, "source") and event.factuality == "certain"


@pytest.mark.parametrize("sentence, type_, factuality", [
    ("Le Japon a promis d'aider les Philippines.", "AID", "probable"),             # a promise: planned
    ("Le contrat, signé avec l'Inde, pourrait rapporter deux milliards.", "AGREE", "certain"),   # presupposed
    ("Il n'est pas clair si le Laos accepterait de financer la ligne.", "AID", "unknown"),       # no surer
    ("La police n'a procédé à aucune arrestation.", "COERCE", "negated"),
])
def test_events_factuality_of_planned_presupposed_and_denied_events(nlp, sentence, type_, factuality):
    assert of_type(nlp, sentence, type_)[0].factuality == factuality


def test_events_promise_is_how_the_event_is_stated(nlp):
    assert [e.type for e in events_of(nlp, "Le Japon a promis d'aider les Philippines.")] == ["AID"]


# dates ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, type_, date", [
    # the frame an earlier sentence of the paragraph set, the tense going on
    ("Le 4 mars, l'Iran a exigé la libération de ses diplomates. Le Royaume-Uni a refusé de les libérer.",
     "REJECT", "2024-03-04"),
    # a plus-que-parfait steps back out of it
    ("Le 4 mars, l'Iran a exigé la libération de ses diplomates. Le Royaume-Uni avait rejeté une demande.",
     "REJECT", None),
    # a new paragraph ends it
    ("Le 4 mars, l'Iran a exigé la libération de ses diplomates.\nLe Royaume-Uni a refusé de les libérer.",
     "REJECT", None),
    # an imperfect reported under a past verb holds at the time of the report
    ("En mai, Greenpeace a déclaré qu'elle quittait la Russie, dénonçant la répression.", "ACCUSE", "2023-05"),
    # `plus tôt` in a past clause: earlier that day
    ("Plus tôt, l'armée philippine a accusé la Chine d'avoir bloqué un navire.", "ACCUSE", "2024-03-14"),
    # an interval
    ("L'armée a bombardé la région du 3 au 9 mars.", "ASSAULT", "2024-03-03/2024-03-09"),
    # a dateline says when the article was written
    ("12 mars 2024. – La Pologne a condamné l'attaque.", "ACCUSE", None),
    # an `après` clause is another time than its main clause's
    ("Le ministre a démissionné mardi après y avoir été contraint par le président.", "COERCE", None),
    # a time ahead of publication does not date a present event
    ("Les syndicats dénoncent un plan qui prévoit des suppressions de postes d'ici la fin de l'année.", "ACCUSE",
     None),
])
def test_events_date_of_the_event_never_the_publication_date_by_default(nlp, text, type_, date):
    assert of_type(nlp, text, type_)[0].date == date


def test_events_passe_compose_after_pluperfect_does_not_take_its_date(nlp):
    from veille import analyze
    text = ("Le 12 mars, la mairie avait annoncé une baisse de la subvention. "
            "Le directeur Paul Terrasson a accusé la mairie de sacrifier la culture.")
    events = [e for e in analyze(text, nlp=nlp, published="2024-05-15").events if e.type == "ACCUSE"]
    assert events and events[0].date is None


def test_events_weapons_sent_and_a_present_participle_keeps_its_subject(nlp):
    from veille import analyze
    text = ("La Norvège a annoncé mardi l'envoi de 20 chars à la Lettonie. "
            "La Suède a condamné ces livraisons, accusant la Norvège d'attiser les tensions.")
    events = analyze(text, nlp=nlp, published="2024-05-15").events
    aid = [e for e in events if e.type == "AID"]
    assert aid and {a.name for a in aid[0].actors} == {"Norvège", "Lettonie"}
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and all(a.name != "Norvège" or a.role == "target" for e in accuse for a in e.actors)


def test_events_striking_military_targets_is_an_assault(nlp):
    from veille import analyze
    events = analyze("L'aviation a frappé plusieurs cibles dans le nord du pays mardi.", nlp=nlp, published="2024-05-15").events
    assert any(e.type == "ASSAULT" for e in events)
