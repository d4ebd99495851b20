"""Where the text signals reported speech: cue verbs, their complements, and `selon X`-type phrases.

Everything here reads the parse and the language's lexicons (resources/<lang>/reporting_*.tsv); typography
(commas, sentence ends, paragraphs) backs the parse up where the statistical parser is unreliable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .attribution import SUBJECT_DEPS
from .lexicon import column_index, load_table
from .quotemarks import in_quotation, is_paragraph_break

SENTENCE_END = {".", "!", "?", "…"}
TRIM = {",", ";", ":", "-", "–", "—", "(", ")", "."}
QUE = {"que", "qu'", "qu’"}
AUXILIARIES = {"avoir", "être"}
DE = {"de", "d'", "d’"}
QUE_WINDOW = 8              # tokens between a cue verb and its `que` (`a déclaré à l'avance que`)
MAX_EXPRESSION_TOKENS = 6
SOURCE_POS = {"PROPN", "NOUN", "PRON"}
# `alors que`, `bien que`, `tandis que`…: a conjunction, not a reported clause; `plus que`, `autre que`: a
# comparison or a restriction (`ne se parlaient plus que par communiqués`)
CONJUNCTION_HEADS = {"alors", "bien", "tandis", "pendant", "avant", "après", "sans", "pour", "dès", "parce", "afin",
                     "ainsi", "lors", "même", "sitôt", "encore", "tant", "si", "depuis", "malgré", "outre",
                     "plus", "moins", "autre", "autant", "rien", "davantage", "mieux"}
SOURCE_RELATIVES = {"qui", "dont", "lequel", "laquelle"}
RELATIVE_PRONOUNS = {"lequel", "laquelle", "lesquels", "lesquelles", "quoi", "qui", "que"}
ACCORDING_TO_CLASSES = {"report", "distancing", "opinion"}


@dataclass
class AccordingTo:
    """`selon le ministre`: the cue tokens [start, cue_end), its source token, and the phrase's end."""

    start: int
    cue_end: int
    source: Token
    end: int
    mode: str


class CueLexicon:
    """The reporting verbs and prepositional cues of one language."""

    def __init__(self, lang: str):
        self.verbs = column_index(lang, "reporting_verbs", "lemma")
        self.prepositions = {normalise(row["expression"]): row for row in load_table(lang, "reporting_expressions")
                             if row["kind"] == "preposition" and row["class"] in ACCORDING_TO_CLASSES}
        self.first_tokens = {re.split(r"(?<=')|\s", expression)[0] for expression in self.prepositions}
        self.speech_nouns = {row["expression"].lower() for row in load_table(lang, "reporting_expressions")
                             if row["kind"] == "noun" and " " not in row["expression"]}

    def is_cue_verb(self, token: Token) -> bool:
        if token.pos_ in {"VERB", "AUX"}:
            return not token.dep_.startswith("aux") and self.lemma(token) is not None
        return self.mistagged_verb(token)

    def mistagged_verb(self, token: Token) -> bool:
        """A reporting verb the tagger read as a noun (`X juge que …`, `« … », soupire X`): a verb form with no
        determiner, between a name and `que`, or between a closing quotation mark and its speaker."""
        doc = token.doc
        if token.pos_ != "NOUN" or not 1 < token.i < len(doc) - 1 or any(c.dep_ == "det" for c in token.children):
            return False
        before, after = doc[token.i - 1], doc[token.i + 1]
        before_que = after.lower_ in QUE and before.pos_ in {"PROPN", "NOUN"}
        after_quote = (before.text in {",", "–", "—"} and doc[token.i - 2].text in {"»", "”", '"'}
                       and after.pos_ in {"PROPN", "DET"})
        return (before_que or after_quote) and first_group_lemma(token.lower_, self.verbs) is not None

    def lemma(self, token: Token) -> Optional[str]:
        """The lexicon lemma of a verb form; spaCy's lemmatiser misses some (`estime` → `estime`)."""
        lemma = token.lemma_.lower()
        if lemma in self.verbs:
            return lemma
        return first_group_lemma(token.lower_, self.verbs)

    def verb_class(self, verb: Token) -> str:
        return self.verbs[self.lemma(verb)]["class"]

    def frames(self, verb: Token) -> set[str]:
        return set(self.verbs[self.lemma(verb)]["frame"].split(","))

    def according_to(self, token: Token) -> Optional[AccordingTo]:
        """The `selon X` phrase starting at this token, if any (longest expression first)."""
        doc = token.doc
        if normalise(token.text) not in self.first_tokens:
            return None  # the common case, checked cheaply: most tokens start no expression
        for length in range(min(MAX_EXPRESSION_TOKENS, len(doc) - token.i), 0, -1):
            row = self.prepositions.get(normalise(doc[token.i:token.i + length].text))
            if row is not None:
                return self.phrase_from(doc, token.i, token.i + length, row)
        return None

    def phrase_from(self, doc: Doc, start: int, cue_end: int, row: dict) -> Optional[AccordingTo]:
        sentence = typographic_sentence(doc[start])
        initial = starts_sentence(doc, start, sentence)
        if not initial and (row.get("position") == "initial" or doc[start - 1].text not in {",", "(", "–", "—"}):
            return None  # `nommé d'après X`: an attribution is set off by commas or heads its sentence
        end = next((t.i for t in doc[cue_end:sentence.end] if t.text in {",", ";", ":"} or t.text in SENTENCE_END),
                   sentence.end)
        # `Selon X, qui s'est exprimé hier, C`: the relative clause belongs to the source, not to what it says
        while end + 1 < sentence.end and doc[end].text == "," and doc[end + 1].lower_ in SOURCE_RELATIVES:
            end = next((t.i for t in doc[end + 1:sentence.end] if t.text in {",", ";", ":"}), sentence.end)
        # `selon elle`, `selon une source`: the expression itself names the source
        source = head_noun(doc[start:end], cue_end) or head_noun(doc[start:cue_end], start + 1)
        if source is None or source.lower_ in RELATIVE_PRONOUNS:
            return None
        source = self.author(source)
        # `Pour X, secrétaire général de Y, C`: an apposition to the source is still the source
        owned = {t.i for t in source.subtree}
        while end + 1 < sentence.end and doc[end].text == "," and end + 1 in owned:
            end = next((t.i for t in doc[end + 1:sentence.end] if t.text in {",", ";", ":"}), sentence.end)
        return AccordingTo(start, cue_end, source, end, row["mode"])


    def author(self, source: Token) -> Token:
        """`selon l'annonce du gouvernement`: who made the statement, not the statement."""
        if source.lemma_.lower() not in self.speech_nouns:
            return source
        authors = [c for c in source.children if c.dep_ == "nmod" and c.pos_ in SOURCE_POS and c.i > source.i
                   and any(m.dep_ == "case" and m.lower_ in DE | {"du", "des"} for m in c.children)]
        # `une vidéo diffusée mercredi par X`
        authors += [t for t in source.subtree if t.i > source.i and t.pos_ in SOURCE_POS
                    and any(m.dep_ == "case" and m.lower_ == "par" for m in t.children)]
        return authors[0] if authors else source


FIRST_GROUP_ENDINGS = ("eraient", "erait", "eront", "aient", "èrent", "ait", "ant", "era", "ent", "ées", "és",
                       "ée", "é", "es", "e", "a")


def first_group_lemma(form: str, verbs: dict) -> Optional[str]:
    """`estime`, `estimait`, `estimé` → `estimer` when that infinitive is in the lexicon (regular -er verbs)."""
    for ending in FIRST_GROUP_ENDINGS:
        if form.endswith(ending) and form[:-len(ending)] + "er" in verbs:
            return form[:-len(ending)] + "er"
    return None


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("' ", "'").split())


def head_noun(phrase: Span, after: int) -> Optional[Token]:
    """The first noun, name or pronoun after the cue, climbing to the head of its phrase."""
    first = next((t for t in phrase if t.i >= after and t.pos_ in SOURCE_POS), None)
    if first is None:
        return None
    while first.head.i != first.i and phrase.start <= first.head.i < phrase.end and first.head.i >= after \
            and first.dep_ in {"flat:name", "flat", "compound", "fixed"}:
        first = first.head
    return first


def starts_sentence(doc: Doc, i: int, sentence: Span) -> bool:
    """At the head of its sentence, allowing a connector before it (`Ainsi, pour X, …`)."""
    before = [t for t in doc[sentence.start:i] if not t.is_space]
    return not before or (len(before) <= 3 and before[-1].text == ",")


# verbs and their complements --------------------------------------------------------------------------------
def cue_group(verb: Token) -> Span:
    """The cue as written: auxiliaries and adverbs between them included (`a également affirmé`)."""
    doc = verb.doc
    parts = [verb] + [c for c in verb.children if c.dep_.startswith("aux") and verb.i - 4 < c.i < verb.i
                      and not any(t.is_punct for t in doc[c.i:verb.i])]
    start = min(t.i for t in parts)
    # `a-t-il enfin confié` parsed in pieces: walk back over adverbs, the inverted pronoun and the auxiliary
    while start > max(verb.i - 5, 0) and (doc[start - 1].pos_ == "ADV" or doc[start - 1].text.startswith("-")
                                          or doc[start - 1].lemma_ in AUXILIARIES):
        start -= 1
    return doc[start:verb.i + 1]


def group_has(verb: Token, feature: str, value: str) -> bool:
    """Whether the verb or one of its auxiliaries has this morphological value (`aurait` in `aurait dit`)."""
    group = cue_group(verb)
    return any(value in t.morph.get(feature)
               for t in [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
               + [t for t in group if t.pos_ == "AUX"])


def is_conditional(verb: Token) -> bool:
    """The journalistic conditional: `aurait déclaré`, `auraient affirmé`."""
    return group_has(verb, "Mood", "Cnd")


def inverted_subject(verb: Token, adjacent: bool = False) -> Optional[Token]:
    """`…, a-t-il dit` / `…, a déclaré Jean Dupont` / `…, ont rapporté les agences`: the subject after it.

    `adjacent` allows nothing but a determiner in between (`« … » a confié Jean Dupont`), so that in
    `« grand débat » a repris à Lyon` the place is not taken for a speaker.
    """
    doc = verb.doc
    for t in doc[cue_group(verb).start:verb.i + 1]:
        if t.text.startswith("-") and t.text != "-t" and t.pos_ == "PRON":
            return t  # `a-t-elle dit`
    for t in doc[verb.i + 1:min(verb.i + 4, len(doc))]:
        if t.text.startswith("-") and t.text != "-t" and t.pos_ == "PRON":
            return t
        if t.pos_ in {"PROPN", "NOUN"}:
            return t
        if t.is_punct or is_paragraph_break(t) or (adjacent and t.pos_ != "DET" and t.text != "-t"):
            break
    return None


def complement(verb: Token, frames: set[str]) -> tuple[Optional[Span], str]:
    """The reported content governed by a cue verb, and the rule that found it."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp", "acl"} and child.i > verb.i:
            marks = [c for c in child.children if c.dep_ == "mark"]
            if any(m.lower_ in QUE and doc[m.i - 1].lower_ not in CONJUNCTION_HEADS for m in marks):
                return trimmed(doc, marks[0].i + 1, clause_end(child)), "indirect_que"
            if "obj_de" in frames and any(m.lower_ in DE for m in marks):
                obj = next((c for c in verb.children if c.dep_ == "obj"), None)
                start = obj.left_edge.i if obj is not None else marks[0].i + 1
                return trimmed(doc, start, child.right_edge.i + 1), "indirect_de"
            if "inf" in frames and not marks and is_infinitive(child):
                return trimmed(doc, child.left_edge.i, child.right_edge.i + 1), "indirect_inf"
    found = nearby_que_clause(verb) or object_de_clause(verb, frames) or quoted_object(verb)
    return found if found else (relay_content(verb), "relay_candidate")


def clause_end(clause: Token) -> int:
    """End of a complement clause, before a trailing `, déplorant …` participle that starts a new statement."""
    doc, end = clause.doc, clause.right_edge.i + 1
    for t in doc[clause.i + 1:end]:
        if t.dep_ == "advcl" and "Part" in t.morph.get("VerbForm") and "Pres" in t.morph.get("Tense") \
                and doc[t.i - 1].text == ",":
            return t.i - 1
    return end


def quoted_object(verb: Token) -> Optional[tuple[Span, str]]:
    """`a salué « un travail rigoureux »`, `déplorant une situation « tendue »`: the object holds the quote."""
    obj = next((c for c in verb.children if c.dep_ == "obj" and c.i > verb.i), None)
    if obj is None:
        return None
    span = verb.doc[obj.left_edge.i:obj.right_edge.i + 1]
    if not any(t.text in {"«", "“"} for t in span):
        return None
    end = span.end
    if in_quotation(verb.doc, end):  # the object stops inside a quotation: take the quotation whole
        end = next((t.i + 1 for t in verb.doc[end:typographic_sentence(verb).end] if t.text in {"»", "”"}), end)
    return trimmed(verb.doc, span.start, end), "indirect_obj"


def is_finite(verb: Token) -> bool:
    """`ont rapporté`, `estiment` — not `arguant` or `rapporté` alone."""
    return group_has(verb, "VerbForm", "Fin")


def is_infinitive(verb: Token) -> bool:
    """`détecter` or `avoir détecté`."""
    return group_has(verb, "VerbForm", "Inf")


def nearby_que_clause(verb: Token) -> Optional[tuple[Span, str]]:
    """`X avait déclaré à l'avance que C` when the parser hung the clause on the adverbial."""
    sentence = typographic_sentence(verb)
    for t in verb.doc[verb.i + 1:min(verb.i + 1 + QUE_WINDOW, sentence.end)]:
        # a conjunction `que`, whatever the parser hung it on (`punct` when the clause holds a quotation)
        if t.lower_ in QUE and (t.dep_ == "mark" or t.pos_ == "SCONJ") \
                and verb.doc[t.i - 1].lower_ not in CONJUNCTION_HEADS:
            end = max(t.head.right_edge.i + 1, t.i + 2) if t.head.i > t.i else sentence.end
            return trimmed(verb.doc, t.i + 1, end), "indirect_que"
        if t.is_punct or (t.pos_ == "VERB" and t.dep_ != "acl"):
            return None
    return None


def object_de_clause(verb: Token, frames: set[str]) -> Optional[tuple[Span, str]]:
    """`qualifiant X de Y`, `accusé X de Y` when the parse does not link Y: the object to the clause's end."""
    obj = next((c for c in verb.children if c.dep_ == "obj" and c.i > verb.i), None)
    if "obj_de" not in frames or obj is None:
        return None
    sentence = typographic_sentence(verb)
    end = next((t.i for t in verb.doc[obj.i:sentence.end] if t.text in SENTENCE_END | {";"}), sentence.end)
    inside_object = {t.i for t in obj.subtree}
    # `accuser X de mentir`, `de Y`, not `accuser six minutes de retard`: a `de` inside the object's own phrase
    # only counts when it introduces a verb
    if not any(t.lower_ in DE and (t.head.i not in inside_object or t.head.pos_ in {"VERB", "AUX"})
               for t in verb.doc[obj.i:end]):
        return None
    return trimmed(verb.doc, obj.left_edge.i, end), "indirect_de"


def relay_content(verb: Token) -> Optional[Span]:
    """`C, ont rapporté les agences.`: C when the cue follows a comma and its subject comes after it."""
    doc, start = verb.doc, cue_group(verb).start
    if start < 1 or doc[start - 1].text != "," or inverted_subject(verb) is None or not is_finite(verb):
        return None
    sentence = typographic_sentence(verb)
    after = next((t.i for t in doc[verb.i + 1:min(verb.i + 8, sentence.end)] if t.text == ","), None)
    # its own subject only: a conjoined verb's (`Kim discutera …, ont rapporté les agences`) is not it
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.text.startswith("-")), None)
    if subject is not None and subject.i < verb.i and after is None:
        return None  # `Jean Dupont, ministre, a déclaré la guerre`: a subject before, no incise
    # `C1, estiment les analystes, C2`: the incise sits inside the statement, which runs to the sentence end
    content = trimmed(doc, sentence.start, sentence.end if after is not None else start - 1)
    if content is None or group_has(verb, "Voice", "Pass") or any(c.dep_ == "aux:pass" for c in verb.children):
        return None  # `…, avait été écarté par X`: a passive reports nothing
    # C must be a statement: a finite verb of its own, not only one inside a relative clause
    if not any(is_finite(t) and not t.dep_.startswith("acl") for t in content if t.pos_ in {"VERB", "AUX"}
               and not t.dep_.startswith("aux") and not start <= t.i <= verb.i):
        return None
    return content


def typographic_sentence(token: Token) -> Span:
    """The sentence around a token by punctuation and paragraphs, for when the parser splits it wrongly."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].text not in SENTENCE_END and not is_paragraph_break(doc[start - 1]):
        start -= 1
    end = token.i
    while end < len(doc) and doc[end].text not in SENTENCE_END and not is_paragraph_break(doc[end]):
        end += 1
    return doc[start:min(end + 1, len(doc))]


def trimmed(doc: Doc, start: int, end: int, keep_final_period: bool = False) -> Optional[Span]:
    """doc[start:end] without surrounding spaces and punctuation; None if nothing is left."""
    while start < end and (doc[start].is_space or doc[start].text in TRIM):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].text in TRIM and not (
            keep_final_period and doc[end - 1].text == "."))):
        end -= 1
    return doc[start:end] if end > start else None
