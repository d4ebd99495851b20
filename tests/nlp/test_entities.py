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
