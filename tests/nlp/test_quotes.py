"""Quote constructions on sentences written for the tests (no published article)."""
import pytest

from veille import analyze


def quotes_of(text, nlp):
    return analyze(text, nlp=nlp).quotes


def only(quotes, **expected):
    assert len(quotes) == 1, [(q.type, q.text, q.speaker.name) for q in quotes]
    quote = quotes[0]
    for key, value in expected.items():
        got = quote.speaker.name if key == "speaker" else getattr(quote, key)
        assert got == value, (key, got)
    return quote


def test_quotes_direct_with_cue_after(nlp):
    q = only(quotes_of("« Nous ne céderons rien sur ce dossier », a déclaré Marc Olivier Dantec.", nlp),
             type="direct", mode="attested", speaker="Marc Olivier Dantec")
    assert q.text == "Nous ne céderons rien sur ce dossier"
    assert q.cue.text == "a déclaré" and q.cue.lemma == "déclarer"


def test_quotes_journalistic_conditional_is_reported(nlp):
    only(quotes_of("« Nous avons tout notre temps », aurait déclaré Hélène Varenne.", nlp),
         mode="reported", speaker="Hélène Varenne")


def test_quotes_direct_with_cue_before_and_colon(nlp):
    only(quotes_of("La ministre Jeanne Corbière a déclaré : « Le texte sera voté avant l’été. »", nlp),
         type="direct", speaker="Jeanne Corbière", text="Le texte sera voté avant l’été.")


def test_quotes_indirect_que(nlp):
    only(quotes_of("Le syndicaliste Paul Terrasson a affirmé que la grève continuerait lundi.", nlp),
         type="indirect", speaker="Paul Terrasson", text="la grève continuerait lundi")


def test_quotes_selon_is_reported(nlp):
    only(quotes_of("Selon Paul Terrasson, la grève continuera lundi.", nlp),
         type="indirect", mode="reported", speaker="Paul Terrasson", text="la grève continuera lundi")


def test_quotes_mixed_absorbs_fragments(nlp):
    q = only(quotes_of("Paul Terrasson a estimé que le projet restait « très fragile » malgré tout.", nlp),
             type="mixed", speaker="Paul Terrasson")
    assert "« très fragile »" in q.text


def test_quotes_short_scare_quote_is_not_a_quote(nlp):
    assert quotes_of("Le « grand débat » a repris à Lyon.", nlp) == []


def test_quotes_floating_paragraph_takes_previous_speaker(nlp):
    text = ("« Nous allons reconstruire l’usine », a promis Paul Terrasson.\n"
            "« Les salariés seront tous repris, sans exception. »")
    quotes = quotes_of(text, nlp)
    assert [q.speaker.name for q in quotes] == ["Paul Terrasson", "Paul Terrasson"]
    assert quotes[1].rule == "direct_floating"


def test_quotes_unbalanced_mark_is_handled(nlp):
    article = analyze("Paul Terrasson a déclaré : « Nous allons reconstruire l’usine.\nLa suite demain.", nlp=nlp)
    assert article.quotes and article.quotes[0].text == "Nous allons reconstruire l’usine."
    assert article.quotes[0].confidence < 0.9


@pytest.mark.parametrize("attribute", ["start", "end"])
def test_quotes_offsets_point_into_text(nlp, attribute, seed_article):
    for quote in seed_article.quotes:
        assert seed_article.text[quote.start:quote.end] == quote.text
        if quote.cue:
            assert seed_article.text[quote.cue.start:quote.cue.end] == quote.cue.text
