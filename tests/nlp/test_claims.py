"""veille_claims: factuality, polarity, cues and source chains, one construction per case, on sentences written
for these tests."""
from __future__ import annotations

import pytest


def claim(doc, text):
    found = [c for c in doc._.claims if c.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in doc._.claims]}"
    return found[0]


@pytest.mark.parametrize("sentence, text, factuality, cue", [
    ("Le ministre devrait annoncer sa démission.", "Le ministre devrait annoncer sa démission", "probable",
     "devrait"),
    ("La réforme pourrait entrer en vigueur en janvier.", "La réforme pourrait entrer en vigueur en janvier",
     "possible", "pourrait"),
    ("Le village a probablement été évacué.", "Le village a probablement été évacué", "probable", "probablement"),
    ("Le syndicat n'a jamais signé cet accord.", "Le syndicat n'a jamais signé cet accord", "negated",
     "n'a jamais"),
    ("Les enquêteurs n'ont trouvé aucune trace de l'argent.",
     "Les enquêteurs n'ont trouvé aucune trace de l'argent", "negated", "n'ont trouvé aucune"),
    ("Le maire aurait détourné des fonds publics.", "Le maire aurait détourné des fonds publics", "unknown",
     "aurait"),
    ("Il n'est pas clair si les travaux ont commencé.", "Il n'est pas clair si les travaux ont commencé",
     "unknown", "n'est pas clair"),
    ("Il n'est pas clair si les travaux ont commencé.", "les travaux ont commencé", "unknown", "n'est pas clair"),
    ("Reste à savoir si le projet sera financé.", "Reste à savoir si le projet sera financé", "unknown",
     "Reste à savoir"),
    ("Il est probable que la loi soit adoptée.", "la loi soit adoptée", "probable", "probable"),
    ("Le projet ne concerne que trois communes.", "Le projet ne concerne que trois communes", "certain", "ne"),
])
def test_claims_factuality_from_the_parse(nlp, sentence, text, factuality, cue):
    found = claim(nlp(sentence), text)
    assert found.factuality == factuality
    assert cue in [c.text for c in found.cues]


@pytest.mark.parametrize("sentence, text, factuality", [
    ("Le préfet a assuré que la route serait rouverte.", "la route serait rouverte", "certain"),  # tense concord
    ("Selon la préfecture, la manifestation aurait rassemblé dix mille personnes.",
     "la manifestation aurait rassemblé dix mille personnes", "unknown"),                     # reported
    ("« Si le gouvernement cédait, cela créerait un précédent », a déclaré Jean Martin.",
     "Si le gouvernement cédait, cela créerait un précédent", "possible"),                    # hypothesis
    ("Les élus veulent éviter que la situation ne dégénère.", "la situation ne dégénère", "certain"),  # expletive
    ("La ministre a démenti que l'hôpital ait été fermé.", "l'hôpital ait été fermé", "negated"),    # denial
])
def test_claims_conditional_and_reporting(nlp, sentence, text, factuality):
    assert claim(nlp(sentence), text).factuality == factuality


@pytest.mark.parametrize("sentence, text, chain", [
    ("Le maire aurait détourné des fonds publics.", "Le maire aurait détourné des fonds publics",
     ["journalist"]),
    ("Le préfet a assuré que la route serait rouverte.", "la route serait rouverte", ["journalist", "préfet"]),
    ("Selon la préfecture, la manifestation aurait rassemblé dix mille personnes.",
     "la manifestation aurait rassemblé dix mille personnes", ["journalist", "préfecture"]),
    ("« Le directeur a dit que l'usine fermerait », a expliqué Marie Leroy.", "l'usine fermerait",
     ["journalist", "Marie Leroy", "directeur"]),
    ("Il y avait des rumeurs selon lesquelles le club aurait vendu son stade.", "le club aurait vendu son stade",
     ["journalist", "rumeurs"]),
])
def test_claims_source_chain(nlp, sentence, text, chain):
    found = claim(nlp(sentence), text)
    assert [s.name for s in found.chain] == chain
    assert found.source.name == chain[-1]


def test_claims_negation_sets_polarity(nlp):
    found = claim(nlp("Le syndicat n'a jamais signé cet accord."), "Le syndicat n'a jamais signé cet accord")
    assert found.polarity == "negative"


def test_claims_offsets_point_into_the_text(nlp):
    doc = nlp("Le ministre devrait annoncer sa démission. « Nous ne céderons pas », a dit Paul Durand.")
    for found in doc._.claims:
        assert doc.text[found.start:found.end] == found.text


def test_claims_converted_into_the_article(nlp):
    from veille import analyze

    article = analyze("Le ministre devrait annoncer sa démission.", nlp=nlp)
    assert [(c.factuality, c.source.name) for c in article.claims] == [("probable", "journalist")]
    assert article.claims[0].cues[0].text == "devrait"


def test_claims_negation_split_by_a_quotation_mark(nlp):
    from veille import analyze
    claims = analyze("Le ministre a affirmé ne « pas connaître » le dossier.", nlp=nlp).claims
    assert any(c.factuality == "negated" and "connaître" in c.text for c in claims)


def test_claims_indefinite_pronoun_is_not_resolved_to_an_antecedent(nlp):
    from veille import analyze
    text = "Le rapport a été publié lundi. Rien ne prouve que les fonds aient été détournés."
    claims = analyze(text, nlp=nlp).claims
    assert not any("rapport" in [s.name for s in c.chain] for c in claims)
