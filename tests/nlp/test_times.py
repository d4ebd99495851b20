"""Time expressions on sentences written for the tests: what is found, and the ISO value it resolves to."""
from datetime import date

import pytest

from veille import analyze
from veille.nlp import dates
from veille.nlp.extensions import register_extensions

WEDNESDAY = "2023-09-13"


def times_of(nlp, text, published=WEDNESDAY):
    """Runs the pipeline up to veille_times only, so later components cannot hide its result."""
    register_extensions()
    doc = nlp.make_doc(text)
    doc._.published = published
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == "veille_times":
            break
    return [(t.text, t.value) for t in doc._.times]


def first(nlp, text, published=WEDNESDAY):
    found = times_of(nlp, text, published)
    assert found, text
    return found[0]


@pytest.mark.parametrize("text,published,expected", [
    ("Le traité a été signé le 12 avril 1994 à Genève.", WEDNESDAY, ("le 12 avril 1994", "1994-04-12")),
    ("La conférence s'ouvrira mardi 6 janvier à Oslo.", "2015-01-02", ("mardi 6 janvier", "2015-01-06")),
    ("Les fouilles ont commencé en mai 2015.", WEDNESDAY, ("en mai 2015", "2015-05")),
    ("Le 1er janvier 2016, la réforme est entrée en vigueur.", WEDNESDAY, ("Le 1er janvier 2016", "2016-01-01")),
    ("Le rapport daté du 30/08/2021 a fuité.", WEDNESDAY, ("30/08/2021", "2021-08-30")),
    ("Le musée rouvrira du 3 au 5 mai 2024.", WEDNESDAY, ("du 3 au 5 mai 2024", "2024-05-03/2024-05-05")),
])
def test_times_absolute_dates(nlp, text, published, expected):
    text_found, value = first(nlp, text, published)
    assert expected[0] in text_found and value == expected[1]


@pytest.mark.parametrize("text,published,value", [
    ("Le cargo a accosté le 3 septembre.", WEDNESDAY, "2023-09-03"),
    ("Le maire a été élu le 20 novembre.", "2023-02-10", "2022-11-20"),
    ("Le vote aura lieu le 20 novembre.", "2023-02-10", "2023-11-20"),
    ("En décembre, la loi est entrée en vigueur.", "2023-11-05", "2022-12"),
    ("En décembre, la loi entrera en vigueur.", "2023-11-05", "2023-12"),
    ("Le pont a été inauguré le 4 août dernier.", WEDNESDAY, "2023-08-04"),
    ("Le chantier a repris en janvier.", "2023-03-20", "2023-01"),
    ("La visite prévue le 2 octobre a été confirmée.", WEDNESDAY, "2023-10-02"),
    ("Le traité devrait être ratifié le 12 avril.", "2024-03-14", "2024-04-12"),   # modal + passive infinitive
    ("La réunion est prévue le 12 avril.", "2024-03-14", "2024-04-12"),            # a plan in the present
    ("La réunion était prévue le 12 avril.", "2024-03-14", "2023-04-12"),
    ("L'accord expire fin juin.", "2024-05-15", "2024-06"),   # no verb found: the nearest reading
])
def test_times_yearless_dates_take_the_plausible_year(nlp, text, published, value):
    assert first(nlp, text, published)[1] == value


@pytest.mark.parametrize("text,value", [
    ("Le ministre est arrivé mercredi à Rome.", "2023-09-13"),      # past, published on a Wednesday: that day
    ("Le ministre est arrivé mardi à Rome.", "2023-09-12"),
    ("Le ministre arrivera mardi à Rome.", "2023-09-19"),
    ("Le ministre est reparti jeudi.", "2023-09-07"),
    ("Le conseil devrait se réunir vendredi.", "2023-09-15"),
    ("Le conseil s'était réuni lundi.", "2023-09-11"),
    ("Les syndicats ont manifesté samedi dernier.", "2023-09-09"),
    ("Les syndicats manifesteront mercredi prochain.", "2023-09-20"),
    ("La réunion de mardi a été annulée.", "2023-09-12"),
])
def test_times_weekdays_follow_the_tense(nlp, text, value):
    assert first(nlp, text)[1] == value


@pytest.mark.parametrize("text,expected", [
    ("Dimanche soir, la police a interpellé trois hommes.", ("Dimanche soir", "2023-09-10")),
    ("Le parquet a ouvert une enquête hier.", ("hier", "2023-09-12")),
    ("Le tribunal se prononce aujourd'hui.", ("aujourd'hui", "2023-09-13")),
    ("Le verdict sera rendu demain matin.", ("demain matin", "2023-09-14")),
    ("La grève a commencé la semaine dernière.", ("la semaine dernière", "2023-W36")),
    ("Le texte sera examiné la semaine prochaine.", ("la semaine prochaine", "2023-W38")),
    ("Les prix ont baissé le mois dernier.", ("le mois dernier", "2023-08")),
    ("Le club a été relégué l'an dernier.", ("l'an dernier", "2022")),
    ("Le club a été relégué l'année dernière.", ("l'année dernière", "2022")),
    ("Le barrage a cédé il y a un an.", ("il y a un an", "2022-09")),
    ("Le barrage a cédé il y a deux jours.", ("il y a deux jours", "2023-09-11")),
    ("La digue sera réparée dans deux semaines.", ("dans deux semaines", "2023-W39")),
    ("Les ventes ont doublé cette année.", ("cette année", "2023")),
    ("Les ventes ont doublé ce mois-ci.", ("ce mois-ci", "2023-09")),
])
def test_times_relative_expressions(nlp, text, expected):
    assert first(nlp, text) == expected


@pytest.mark.parametrize("text,expected,mod", [
    ("La dette a culminé fin 2022.", ("fin 2022", "2022"), "END"),
    ("Les ventes ont chuté au début de l'année.", ("début de l'année", "2023"), "START"),
    ("Les travaux reprendront mi-juillet.", ("mi-juillet", "2024-07"), "MID"),
    ("Des rumeurs circulaient à la fin de l'année dernière.", ("la fin de l'année dernière", "2022"), "END"),
    ("La crise a éclaté au début des années 2000.", ("début des années 2000", "200"), "START"),
])
def test_times_parts_keep_the_period_and_say_which_part(nlp, text, expected, mod):
    article = analyze(text, published=WEDNESDAY, nlp=nlp)
    time = article.times[0]
    assert expected[0] in time.text and time.value == expected[1] and time.mod == mod


@pytest.mark.parametrize("text,expected", [
    ("Le port a été agrandi en 2019.", ("en 2019", "2019")),
    ("Un accord de 2009 encadre la pêche.", ("de 2009", "2009")),
    ("Il vit à Lyon depuis 2014.", ("depuis 2014", "2014")),
    ("Les chiffres de l'année 2016 sont connus.", ("l'année 2016", "2016")),
    ("La ville a grandi dans les années 1990.", ("les années 1990", "199")),
    ("La ville a grandi dans les années 80.", ("les années 80", "198")),
    ("Le pont date du XIXe siècle.", ("XIXe siècle", "18")),
])
def test_times_years_decades_centuries(nlp, text, expected):
    text_found, value = first(nlp, text)
    assert expected[0] in text_found and value == expected[1]


@pytest.mark.parametrize("text,published,expected", [
    ("Les moustiques ont proliféré l'été dernier.", WEDNESDAY, ("l'été dernier", "2023-SU")),
    ("Le texte sera voté avant l'été.", WEDNESDAY, ("avant l'été", "2024-SU")),
    ("Le chantier a pris du retard à l'automne 2021.", WEDNESDAY, ("à l'automne 2021", "2021-FA")),
    ("Le PIB a reculé au premier trimestre 2023.", WEDNESDAY, ("premier trimestre 2023", "2023-Q1")),
    ("Les usines tournent au ralenti depuis le 2 octobre.", WEDNESDAY, ("le 2 octobre", "2022-10-02")),
    ("La flotte sera renouvelée d'ici à 2030.", WEDNESDAY, ("d'ici à 2030", "2030")),
    ("Le pont sera livré d'ici le 3 septembre.", WEDNESDAY, ("le 3 septembre", "2024-09-03")),
    ("Les prix montent depuis septembre.", WEDNESDAY, ("depuis septembre", "2023-09")),
    ("La nuit dernière, un entrepôt a brûlé.", WEDNESDAY, ("La nuit dernière", "2023-09-12")),
    ("Les écoles fermeront les 2 et 3 novembre.", WEDNESDAY, ("les 2 et 3 novembre", "2023-11-02/2023-11-03")),
])
def test_times_seasons_quarters_ranges_and_prepositions(nlp, text, published, expected):
    text_found, value = first(nlp, text, published)
    assert expected[0] in text_found and value == expected[1]


@pytest.mark.parametrize("text", [
    "Une soirée d'été réunit les voisins.",           # d'été: a kind of evening, not a date
    "Les Jeux olympiques d'hiver attirent les foules.",
    "Le 31 février n'existe pas.",
])
def test_times_not_dates(nlp, text):
    assert times_of(nlp, text) == []


def test_times_years_in_a_range_are_two_expressions(nlp):
    assert times_of(nlp, "De 2010 à 2015, le chômage a baissé.") == [("De 2010", "2010"), ("à 2015", "2015")]


def test_times_anchored_on_the_previous_date(nlp):
    found = times_of(nlp, "Le 4 mars, le juge a été saisi. Le lendemain, il a rendu sa décision.")
    assert found == [("Le 4 mars", "2023-03-04"), ("Le lendemain", "2023-03-05")]


@pytest.mark.parametrize("text,expected", [
    ("Le parquet a ouvert une enquête hier.", [("hier", None)]),
    ("Le ministre est arrivé mardi à Rome.", [("mardi", None)]),
    ("Le cargo a accosté le 3 septembre.", [("le 3 septembre", None)]),
    ("Les prix ont baissé le mois dernier.", [("le mois dernier", None)]),
    ("Le port a été agrandi en 2019.", [("en 2019", "2019")]),
    ("Le 1er janvier 2016, la réforme est entrée en vigueur.", [("Le 1er janvier 2016", "2016-01-01")]),
])
def test_times_without_publication_date_relative_values_are_none(nlp, text, expected):
    assert times_of(nlp, text, published=None) == expected


@pytest.mark.parametrize("text", [
    "Une armée de 2000 soldats a été déployée.",
    "Plus de 2000 manifestants ont défilé.",
    "La police a compté de 1200 à 1500 manifestants.",
    "Il en a été question au conseil.",
    "Le maréchal Juin commandait le corps expéditionnaire.",
    "Le dimanche, le marché occupe la place.",
    "Cette année-là, la récolte fut mauvaise.",
    "Il a purgé sa peine depuis cinq ans.",
    "Les faits ont eu lieu il y a quelques semaines.",
    "Au lendemain de la guerre, le pays était ruiné.",
    "Depuis le début de la crise, les prix montent.",
    "Le budget prévoit 1500 euros par habitant.",
    "Le siècle des Lumières a marqué l'Europe.",
])
def test_times_no_false_positives(nlp, text):
    assert times_of(nlp, text) == []


def test_times_reach_the_article_record(nlp):
    article = analyze("Le barrage a cédé le 30 août.", published=WEDNESDAY, nlp=nlp)
    time = article.times[0]
    assert (time.text, time.value) == ("le 30 août", "2023-08-30")
    assert article.text[time.start:time.end] == time.text


@pytest.mark.parametrize("weekday,direction,strict,expected", [
    (2, -1, 0, date(2023, 9, 13)), (1, -1, 0, date(2023, 9, 12)), (1, 1, 0, date(2023, 9, 19)),
    (2, 1, 0, date(2023, 9, 13)), (2, -1, -1, date(2023, 9, 6)), (2, 0, 1, date(2023, 9, 20)),
    (4, 0, 0, date(2023, 9, 15)), (0, 0, 0, date(2023, 9, 11)),
])
def test_times_weekday_date(weekday, direction, strict, expected):
    assert dates.weekday_date(date(2023, 9, 13), weekday, direction, strict) == expected


def test_times_pick_year_uses_the_weekday_given_with_the_date():
    assert dates.pick_year(date(2016, 1, 2), 1, day=6, weekday=2) == 2016    # mercredi 6 janvier 2016
