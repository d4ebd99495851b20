import pytest

from veille import analyze


def entity_named(article, name):
    return next(e for e in article.entities if e.name == name)


def test_entities_surname_and_title_join_full_name(nlp):
    article = analyze("Marc Olivier Dantec est arrivé mardi. M. Dantec a salué la foule. Dantec est reparti.",
                      nlp=nlp)
    person = entity_named(article, "Marc Olivier Dantec")
    assert person.type == "PER"
    assert len(person.mentions) == 3
    assert all(article.text[m.start:m.end] == m.text for m in person.mentions)


def test_entities_identical_names_are_one_entity(nlp):
    article = analyze("La France a voté. Selon la France, le texte est juste.", nlp=nlp)
    assert [e.name for e in article.entities].count("France") == 1


def test_entities_reference_article_people(seed_article):
    names = {e.name for e in seed_article.entities if e.type == "PER"}
    assert {"Vladimir Poutine", "Dmitri Peskov", "Siemon Wezeman"} <= names
    poutine = entity_named(seed_article, "Vladimir Poutine")
    assert "Poutine" in poutine.aliases


def entity_with(article, surface):
    """The entity that has `surface` as its name or one of its aliases."""
    return next(e for e in article.entities if surface == e.name or surface in e.aliases)


def names(article):
    return {e.name for e in article.entities}


def test_entities_determiner_and_title_removed(nlp):
    article = analyze("La Norvège a protesté. Le ministre Harald Brekke a quitté la salle.", nlp=nlp)
    assert "Norvège" in names(article)
    assert entity_with(article, "Harald Brekke").type == "PER"
    assert not any(n.lower().startswith(("la ", "le ministre")) for n in names(article))


def test_entities_truncated_name_extended_to_longer_form(nlp):
    text = ("Le dirigeant Park Min Jun est arrivé lundi à Busan. "
            "Park Min Jun a ensuite rencontré des ouvriers, puis Park Min Jun est reparti.")
    article = analyze(text, nlp=nlp)
    people = [e for e in article.entities if e.type == "PER"]
    assert len(people) == 1 and people[0].name == "Park Min Jun"


@pytest.mark.parametrize("text, not_a_name", [
    ("Interrogé par la presse, Jean Valmont a refusé de répondre.", "Interrogé"),
    ("Les Camerounais ont voté dimanche, a indiqué Paul Eyenga.", "Camerounais"),
    ("Le ministre norvégien des Transports a démissionné jeudi à Oslo.", "Transports"),
])
def test_entities_non_names_dropped(nlp, text, not_a_name):
    article = analyze(text, nlp=nlp)
    assert not any(not_a_name in [e.name, *e.aliases] for e in article.entities)


@pytest.mark.parametrize("text, surface, expected", [
    ("Les combattants du groupe Wagner ont quitté la ville, a indiqué le Kremlin.", "Wagner", "ORG"),
    ("Le Kremlin a démenti toute implication.", "Kremlin", "ORG"),
    ("Washington a averti mardi que les sanctions seraient renforcées.", "Washington", "LOC"),
    ("Selon l'agence Tarkan, les négociations reprendront.", "Tarkan", "ORG"),
    ("L'analyste américain Bertrand Kowalczyk a réagi sur le réseau social.", "Bertrand Kowalczyk", "PER"),
])
def test_entities_types_from_gazetteers_and_context(nlp, text, surface, expected):
    assert entity_with(analyze(text, nlp=nlp), surface).type == expected


def test_entities_acronym_joins_its_long_name(nlp):
    text = ("Le Comité international de la Croix-Rouge (CICR) a envoyé une équipe. "
            "Le CICR estime que l'accès reste difficile.")
    entity = entity_with(analyze(text, nlp=nlp), "CICR")
    assert entity.name == "Comité international de la Croix-Rouge"
    assert len(entity.mentions) == 3


def test_entities_capital_acting_for_its_state_joins_it(nlp):
    text = ("La Russie et l'Ukraine ont repris les discussions. Selon Moscou, un accord est proche. "
            "Des journalistes sont arrivés à Kiev lundi.")
    article = analyze(text, nlp=nlp)
    russia = entity_with(article, "Russie")
    assert "Moscou" in russia.aliases and russia.country == "RU" and russia.type == "LOC"
    assert entity_with(article, "Kiev") is not entity_with(article, "Ukraine")  # a place here, not an actor


def test_entities_name_in_quote_marks_is_a_title(nlp):
    text = "Le Parlement a voté la loi « Stop Halvorsen », a rappelé Erik Halvorsen."
    article = analyze(text, nlp=nlp)
    assert entity_with(article, "Stop Halvorsen").type == "MISC"


def test_entities_people_sharing_a_surname_stay_apart(nlp):
    text = ("Marie Vasseur et son frère Pierre Vasseur ont fondé la société en 1990. "
            "Marie Vasseur la dirige encore, Pierre Vasseur est parti. Vasseur a refusé de commenter.")
    people = {e.name for e in analyze(text, nlp=nlp).entities if e.type == "PER"}
    assert {"Marie Vasseur", "Pierre Vasseur"} <= people


@pytest.mark.parametrize("text, person, role", [
    ("Le porte-parole du syndicat, Jean Dupuis, a parlé lundi. Le porte-parole a ajouté que rien n'était signé.",
     "Jean Dupuis", "porte-parole"),
    ("Le président sénégalais Amadou Fall est arrivé. Le président sénégalais a salué la foule.",
     "Amadou Fall", "président sénégalais"),
    ("Karim Bensaïd, le ministre algérien des Finances, a démissionné. Le ministre algérien a quitté Alger.",
     "Karim Bensaïd", "ministre algérien"),
])
def test_entities_role_nouns_tied_to_a_person_are_its_mentions(nlp, text, person, role):
    entity = entity_named(analyze(text, nlp=nlp), person)
    assert role in entity.roles
    assert len([m for m in entity.mentions if m.text.lower().startswith("le ")]) >= 2 or len(entity.mentions) >= 3
    assert role not in " ".join(entity.aliases)  # roles are not names: they must not merge identities


def test_entities_gazetteer_names_the_tagger_missed_or_cut(nlp):
    text = ("Le contrat a été passé avec la Chine. La directrice du Haut Commissariat des Nations Unies pour les "
            "réfugiés a salué l'accord, conforme à une résolution des Nations Unies.")
    article = analyze(text, nlp=nlp)
    assert entity_with(article, "Chine").country == "CN"
    assert any(e.name.startswith("Haut Commissariat des Nations Unies pour les réfugiés") for e in article.entities)
    assert entity_with(article, "Nations Unies").type == "ORG"


def test_entities_role_with_a_complement_and_premier_ministre_kept_apart(nlp):
    text = ("La ministre de la Santé Jeanne Corbière a parlé lundi. Le ministre de l'Intérieur, Paul Terrasson, "
            "a répondu. Le Premier ministre est resté silencieux.")
    article = analyze(text, nlp=nlp)
    assert any(r.startswith("ministre") for r in entity_named(article, "Jeanne Corbière").roles)
    terrasson = entity_named(article, "Paul Terrasson")
    assert not any("Premier" in m.text for m in terrasson.mentions)


def test_entities_capital_as_target_joins_its_state(nlp):
    text = "Le Japon et l'Iran négocient. Tokyo prépare de nouvelles sanctions contre Téhéran."
    iran = entity_with(analyze(text, nlp=nlp), "Iran")
    assert "Téhéran" in iran.aliases


def test_entities_capitalised_article_inside_a_surname_is_kept(nlp):
    article = analyze("La sénatrice Annick Le Guen a voté contre. Mme Le Guen a expliqué son choix.", nlp=nlp)
    person = entity_with(article, "Annick Le Guen")
    assert "Le Guen" in person.aliases


def test_entities_an_official_takes_the_country_of_the_role(nlp):
    article = analyze("Le président sénégalais Moussa Ndiaye s'est rendu jeudi à Rabat.", nlp=nlp)
    assert entity_with(article, "Moussa Ndiaye").country == "SN"


def test_entities_role_after_the_name_without_an_article(nlp):
    text = "Hélène Marchal, présidente de la Banque, a défendu la hausse. La présidente de la Banque a ajouté un mot."
    assert any(r.startswith("président") for r in entity_with(analyze(text, nlp=nlp), "Hélène Marchal").roles)
