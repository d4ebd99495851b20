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


@pytest.mark.parametrize("text,speaker,quote_type,quote_text", [
    ("Le ministre Paul Terrasson a accusé la direction de mentir aux salariés.",
     "Paul Terrasson", "indirect", "la direction de mentir aux salariés"),
    ("La société Volta a annoncé avoir recruté deux cents ingénieurs.",
     "Volta", "indirect", "avoir recruté deux cents ingénieurs"),
    ("La grève va continuer, selon Paul Terrasson.", "Paul Terrasson", "indirect", "La grève va continuer"),
    ("D’après Marie Dulac, la grève va continuer.", "Marie Dulac", "indirect", "la grève va continuer"),
    ("La grève va continuer, a précisé Paul Terrasson.", "Paul Terrasson", "indirect", "La grève va continuer"),
    ("Pour Marie Dulac, la réforme est injuste.", "Marie Dulac", "indirect", "la réforme est injuste"),
    ("Marie Dulac : « Nous ne céderons rien. »", "Marie Dulac", "direct", "Nous ne céderons rien."),
    ("« Nous ne céderons rien » a confié Marie Dulac au journal.", "Marie Dulac", "direct",
     "Nous ne céderons rien"),
    ("Marie Dulac est arrivée lundi. Elle a affirmé que la grève était finie.",
     "Marie Dulac", "indirect", "la grève était finie"),
])
def test_quotes_constructions(nlp, text, speaker, quote_type, quote_text):
    only(quotes_of(text, nlp), speaker=speaker, type=quote_type, text=quote_text)


def test_quotes_interrupted_quote_is_two_quotes(nlp):
    text = "Marie Dulac a quitté la salle. « Le dossier est clos, a-t-elle dit, et nous passons à autre chose. »"
    quotes = quotes_of(text, nlp)
    assert [q.text for q in quotes] == ["Le dossier est clos", "et nous passons à autre chose."]
    assert {q.speaker.name for q in quotes} == {"Marie Dulac"} and {q.rule for q in quotes} == {"direct_incise"}


def test_quotes_parenthetical_cue(nlp):
    q = only(quotes_of("La réforme, estiment les analystes, arrive trop tard.", nlp), type="indirect")
    assert q.speaker.name == "analystes" and q.cue.lemma == "estimer"


def test_quotes_relay_makes_inner_quote_reported(nlp):
    text = "Paul Terrasson a déclaré que tout serait sur la table, ont rapporté les agences de presse."
    q = only(quotes_of(text, nlp), speaker="Paul Terrasson", text="tout serait sur la table")
    assert q.mode == "reported" and "agences" in q.via


def test_quotes_selon_before_direct_quote(nlp):
    text = "Ainsi, selon Marie Dulac, présidente de l'association, « la réforme sera un échec ». "
    q = only(quotes_of(text, nlp), speaker="Marie Dulac", type="direct", mode="reported")
    assert q.cue.text == "selon"


def test_quotes_not_an_attribution_when_not_set_off(nlp):
    assert quotes_of("Le navire est nommé d'après un explorateur célèbre.", nlp) == []


def test_quotes_role_noun_linked_by_apposition(nlp):
    text = ("Le porte-parole du syndicat, Paul Terrasson, a salué l'accord. "
            "Le porte-parole a affirmé que la grève était finie.")
    only(quotes_of(text, nlp), speaker="Paul Terrasson", text="la grève était finie")


def test_quotes_opened_after_the_auxiliary(nlp):
    text = "Mardi, le Conseil d'État a « enjoint au gouvernement de publier le décret » dans un délai de deux mois."
    q = only(quotes_of(text, nlp), speaker="Conseil d'État", type="mixed")
    assert q.text.startswith("« enjoint") and q.cue.lemma == "enjoindre"


def test_quotes_selon_a_statement_noun_gives_its_author(nlp):
    text = "Quelque 300 détenus ont été libérés, selon l'annonce du gouvernement malien ce jeudi."
    only(quotes_of(text, nlp), speaker="gouvernement malien", mode="reported")


def test_quotes_pronoun_skips_the_subject_of_reported_content(nlp):
    text = ("Clément Arnaud, le ministre belge des Finances, a parlé lundi. Le ministre belge des Finances "
            "rappelle que la Belgique a besoin de réformes. Il précise que le budget sera présenté en mai.")
    q = only([q for q in quotes_of(text, nlp) if "budget" in q.text])
    assert q.speaker.name == "Clément Arnaud"


def test_quotes_name_apposed_before_a_role_noun_subject(nlp):
    text = ("Interrogé lundi, Lionel Marchetti, un spécialiste de la marine, se montrait prudent. "
            "Il a également affirmé que la flotte ne serait pas prête avant 2030.")
    only(quotes_of(text, nlp), speaker="Lionel Marchetti")


def test_quotes_impersonal_on_is_the_narrator(nlp):
    assert quotes_of("On note que le nombre de visiteurs a doublé depuis juin.", nlp) == []


def test_quotes_unnamed_source_keeps_its_indefinite_article(nlp):
    text = "Une source diplomatique a indiqué à la presse en fin de matinée que les négociations avaient échoué."
    only(quotes_of(text, nlp), speaker="Une source diplomatique", text="les négociations avaient échoué")


def test_quotes_fragment_inside_a_mixed_quote_is_not_a_second_quote(nlp):
    text = ("Le syndicat a rappelé « son opposition totale » et son refus de « négocier sous la menace », "
            "a ajouté Paul Terrasson.")
    quotes = quotes_of(text, nlp)
    assert not any(q.text == "négocier sous la menace" for q in quotes)


def test_quotes_speaker_inside_a_quotation_is_not_used(nlp):
    text = ("La ministre Jeanne Corbière a répondu que « le dispositif dans lequel cette aide a été créée "
            "sera revu », précisant qu'« un guichet unique » existe déjà.")
    assert {q.speaker.name for q in quotes_of(text, nlp)} == {"Jeanne Corbière"}


def test_quotes_relay_of_content_with_quoted_words_is_one_mixed_quote(nlp):
    text = ("Les deux ministres aborderont des « sujets sensibles » et des « questions régionales » lors du dîner, "
            "ont rapporté les agences de presse locales.")
    q = only(quotes_of(text, nlp), type="mixed", speaker="agences de presse locales")
    assert q.text.startswith("Les deux ministres") and q.cue.lemma == "rapporter"


@pytest.mark.parametrize("text", [
    "Le cardinal, proche du pape, avait été, en 2015, écarté de la commission par ce dernier.",
    "Lundi, au terme de longues négociations, le collectif menant la grève depuis mars, a refusé la proposition.",
])
def test_quotes_passive_or_verbless_before_the_verb_is_not_a_relay(nlp, text):
    assert quotes_of(text, nlp) == []


def test_quotes_selon_a_document_names_who_issued_it(nlp):
    text = "Les deux dirigeants se sont serré la main, selon une vidéo diffusée jeudi par la présidence tchèque."
    only(quotes_of(text, nlp), speaker="présidence tchèque", mode="reported")


NATIONALITIES = ("Le dirigeant sud-coréen Park Min Jun est arrivé lundi à Moscou. Le président russe Ivan Petrov "
                 "l'a accueilli à la gare. Le dirigeant sud-coréen a déclaré que la visite était historique. "
                 "Son homologue russe a affirmé que les deux pays étaient des alliés. "
                 "Un diplomate russe a indiqué que rien n'était signé.")


@pytest.mark.parametrize("content, speaker", [
    ("la visite était historique", "Park Min Jun"),       # the role noun written before the name
    ("les deux pays étaient des alliés", "Ivan Petrov"),  # a relational noun with the same nationality
    ("rien n'était signé", "Un diplomate russe"),         # indefinite: someone else, kept as described
])
def test_quotes_role_nouns_with_nationality(nlp, content, speaker):
    only([q for q in quotes_of(NATIONALITIES, nlp) if q.text == content], speaker=speaker)


def test_quotes_capital_speaking_for_its_state(nlp):
    text = "La Russie et les États-Unis négocient depuis mars. Selon Washington, un accord serait proche."
    only(quotes_of(text, nlp), speaker="États-Unis", mode="reported")


def test_quotes_colon_heading_names_the_speaker(nlp):
    text = "Le Premier ministre Jean Castel, sur son compte Twitter : « La France ne cédera pas. »"
    only(quotes_of(text, nlp), speaker="Jean Castel", type="direct")


def test_quotes_relay_with_inverted_pronoun_parsed_in_pieces(nlp):
    text = ("« Les blessés ont été évacués vers l'hôpital », précise encore le ministre. "
            "Des Lyonnais pourraient faire partie des victimes, a-t-il enfin confié.")
    q = only([q for q in quotes_of(text, nlp) if q.type == "indirect"], speaker="ministre")
    assert q.text == "Des Lyonnais pourraient faire partie des victimes"


def test_quotes_accuser_with_a_measure_is_not_an_accusation(nlp):
    assert quotes_of("Depuis janvier, l'horloge des fours peut accuser jusqu'à six minutes de retard.", nlp) == []


def test_quotes_pronoun_gender_tells_two_people_apart(nlp):
    text = ("« Nous avons battu notre record », a déclaré M. Lucien Garnier. Le concert de clôture de la chanteuse "
            "Ana Moreira a réuni 20 000 personnes. « Cette ville, a-t-elle lancé au public, me rappelle mon "
            "enfance. »")
    quotes = [q for q in quotes_of(text, nlp) if q.rule == "direct_incise"]
    assert [q.text for q in quotes] == ["Cette ville", "me rappelle mon enfance."]
    assert {q.speaker.name for q in quotes} == {"Ana Moreira"}


@pytest.mark.parametrize("text", [
    "Cette réforme intervient alors que les prix de l'énergie augmentent depuis deux ans.",
    "Le ministre est parti tandis que les syndicats manifestaient devant la préfecture.",
])
def test_quotes_conjunction_que_is_not_a_reported_clause(nlp, text):
    assert quotes_of(text, nlp) == []


def test_quotes_selon_with_a_relative_clause_on_the_source(nlp):
    text = "Selon Paul Terrasson, qui s'est exprimé hier devant la presse, « le dialogue n'est pas rompu »."
    only(quotes_of(text, nlp), speaker="Paul Terrasson", text="le dialogue n'est pas rompu")


def test_quotes_a_speaking_pronoun_does_not_point_at_a_place(nlp):
    text = ("La ministre Aminata Sall a salué l'accord. Selon elle, les discussions avaient failli échouer "
            "lorsque Bamako réclamait un tarif préférentiel. « Personne n'a quitté la table », a-t-elle ajouté.")
    only([q for q in quotes_of(text, nlp) if q.type == "direct"], speaker="Aminata Sall")


def test_quotes_selon_a_pronoun(nlp):
    text = "La ministre Jeanne Corbière a présenté le texte mardi. Selon elle, la réforme est prête."
    only(quotes_of(text, nlp), speaker="Jeanne Corbière", mode="reported", text="la réforme est prête")


def test_quotes_role_noun_of_the_other_gender_is_someone_else(nlp):
    text = ("Le ministre de l'Économie, Paul Terrasson, s'est dit inquiet. "
            "Dans un entretien, la ministre affirme que la réforme sera votée avant l'été.")
    only([q for q in quotes_of(text, nlp) if "réforme" in q.text], speaker="ministre")


def test_quotes_dislocated_pronoun_is_not_part_of_the_speaker(nlp):
    only(quotes_of("Les syndicats, eux, dénoncent « une provocation ».", nlp), speaker="syndicats")


@pytest.mark.parametrize("text, speaker, content", [
    # the tagger reads `juge` as a noun
    ("L'économiste Thomas Vernier juge que cette décision était « prévisible ».", "Thomas Vernier",
     "cette décision était « prévisible »"),
    # the parser hangs `que` as punctuation when the clause holds a quotation
    ("La ministre Jeanne Corbière estime que la loi est « juste ».", "Jeanne Corbière", "la loi est « juste »"),
])
def test_quotes_parser_slips_around_the_cue(nlp, text, speaker, content):
    only(quotes_of(text, nlp), speaker=speaker, text=content)


def test_quotes_restrictive_que_is_not_a_reported_clause(nlp):
    assert quotes_of("Les deux partis ne se parlaient plus que par communiqués interposés.", nlp) == []


def test_quotes_impersonal_on_with_a_named_source(nlp):
    text = "Trois suspects ont été interpellés mardi à Lorient, a-t-on appris de source policière."
    only(quotes_of(text, nlp), speaker="source policière", text="Trois suspects ont été interpellés mardi à Lorient")


def test_quotes_quote_paragraph_after_a_blank_line_floats_to_the_previous_speaker(nlp):
    text = ("« Les salariés ne lâcheront rien », a lancé Paul Terrasson devant l'usine.\n\n"
            "« Nous avons fait des propositions sérieuses. »\n\n"
            "La direction, elle, n'a pas répondu.")
    only([q for q in quotes_of(text, nlp) if q.text.startswith("Nous avons")], speaker="Paul Terrasson")


def test_quotes_pour_with_an_apposition_on_the_source(nlp):
    text = "Pour Paul Terrasson, secrétaire général du syndicat, la mobilisation est « historique »."
    only(quotes_of(text, nlp), speaker="Paul Terrasson", text="la mobilisation est « historique »")


def test_quotes_cue_verb_tagged_as_a_noun_after_the_quote(nlp):
    text = "« C'est la troisième fois ce mois-ci », soupire Martine, 54 ans, infirmière à Créteil."
    only(quotes_of(text, nlp), speaker="Martine", type="direct")
