"""What the event rules read off the parse of one clause: cases, tense, voice, negation, clause heads."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from ..parse import VERBAL, verb_above

SUBJECTS = {"nsubj"}              # `il y a`, `il est interdit`: an expletive `il` is nobody
PASSIVE_SUBJECTS = {"nsubj:pass"}
OBJECTS = {"obj", "iobj"}
NE = {"ne", "n'", "n’"}
NEGATORS = {"pas", "plus", "jamais", "point", "guère", "aucunement", "nullement"}
ASSERTED_NOUN_DEPS = {"obj", "obl:arg", "nsubj:pass"}   # `a mené des frappes`, `des perquisitions ont été menées`
DE = {"de", "d'", "d’", "du", "des"}
REFLEXIVE = {"se", "s'", "s’"}
DEFINITE_WORDS = {"le", "la", "l'", "l’", "les", "ce", "cet", "cette", "ces"}
OCCURRING = {"dérouler", "produire", "éclater", "survenir", "intervenir", "commencer", "débuter", "reprendre",
             "poursuivre", "continuer", "tenir", "durer"}
LIGHT_DEPTH = 2              # `a mené une série de frappes`: nouns climbed to reach the verb
CLAUSE_DEPS = {"ccomp", "advcl", "acl:relcl", "csubj", "parataxis", "conj"}


def is_negated(token: Token) -> bool:
    words = {c.lower_ for c in token.children}
    return bool(words & NE) and bool(words & NEGATORS)


def governor(token: Token) -> Optional[Token]:
    """The verb a noun or adjective depends on (`renouveler son soutien`, `juger la réforme inadmissible`)."""
    return verb_above(token.head, 2)


def takes_up(noun: Token) -> bool:
    """`l'offensive`, `cette offensive`: a definite phrase taking up something already introduced."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_WORDS for c in noun.children)


def case_of(token: Token) -> Optional[str]:
    cases = [c.lower_ for c in token.children if c.dep_ in {"case", "mark"}]
    return cases[0] if cases else None


def has_own_tense(verb: Token) -> bool:
    """A finite verb, or a participle with a finite auxiliary (`a signé`; not `être signé`)."""
    return any("Fin" in c.morph.get("VerbForm") for c in [verb, *verb.children]
               if c is verb or c.dep_.startswith("aux"))


def emphatic(token: Token) -> bool:
    """`Le syndicat a, lui, décidé`: a stressed pronoun between commas is no object."""
    doc = token.doc
    return token.pos_ == "PRON" and 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "," \
        and doc[token.i + 1].text == ","


def is_agent(token: Token) -> bool:
    """`par X` (the parser's `obl:agent` sometimes takes `avec X`, a partner)."""
    return token.dep_.startswith("obl") and (case_of(token) == "par" or (
        token.dep_ == "obl:agent" and case_of(token) is None))


def participle_without_auxiliary(verb: Token) -> bool:
    """`la grève entamée par les salariés`, parsed with the participle as the noun's verb."""
    return "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and \
        not any(c.dep_.startswith("aux") for c in verb.children)


def asserted_noun(noun: Token) -> bool:
    """Whether the clause asserts the noun's event (it is what the verb does, or what a verb of occurring says
    happened: `des perquisitions ont eu lieu`), climbing `une série de`."""
    token = noun
    for _ in range(LIGHT_DEPTH + 1):
        if token.dep_ in ASSERTED_NOUN_DEPS and token.head.pos_ in VERBAL:
            return True
        if token.dep_ in SUBJECTS and token.head.pos_ in VERBAL and occurs(token.head):
            return True
        if token.dep_ != "nmod":
            return False
        token = token.head
    return False


def occurs(verb: Token) -> bool:
    """`avoir lieu`, `se dérouler`, `éclater`: a verb that says its subject happened."""
    lemma = verb.lemma_.lower()
    return lemma in OCCURRING or (lemma == "avoir" and any(c.lemma_.lower() == "lieu" for c in verb.children))


def bare_participle(token: Token) -> bool:
    """`des obus tirés depuis …`, `l'accord, conclu avec X,`: a past participle without auxiliary."""
    return token.pos_ in VERBAL and token.dep_ in {"acl", "advcl"} and "Part" in token.morph.get("VerbForm") \
        and "Past" in token.morph.get("Tense") and not any(c.dep_.startswith("aux") for c in token.children)


def clause_head(token: Token) -> Token:
    """The predicate whose clause the trigger belongs to (a noun's governing verb)."""
    head = token
    while head.pos_ not in VERBAL and head.dep_ not in {"ROOT"} | CLAUSE_DEPS and head.head.i != head.i:
        head = head.head
    return head


def trigger_group(token: Token) -> Span:
    """The trigger as written: with its auxiliaries and reflexive pronoun (`se sont entretenus`)."""
    parts = [token] + [c for c in token.children if (c.dep_.startswith("aux") or c.lower_ in REFLEXIVE)
                       and c.i < token.i and token.i - c.i <= 4]
    start = min(t.i for t in parts)
    while start > 0 and token.doc[start - 1].lower_ in NE | REFLEXIVE:
        start -= 1
    return token.doc[start:token.i + 1]


def head_of_name(token: Token) -> Token:
    """`Gaulle` in `Charles de Gaulle`: the token heading the name it is part of."""
    while token.dep_ in {"flat:name", "flat", "flat:foreign"} and token.head.i != token.i:
        token = token.head
    return token


def is_passive(verb: Token) -> bool:
    """`a été sanctionné`, or a participle modifying a noun (`des obus tirés`); a `nsubj:pass` without
    `être` is a parser slip."""
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    return (verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")) \
        or bare_participle(verb)
