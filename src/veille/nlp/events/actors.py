"""Parse helpers that find who acts and who undergoes: subjects, controllers, agents, conjuncts, antecedents."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..attribution import agrees, co_subject_name, coordinated, is_topic_subject, phrase
from ..components.entities import is_definite
from ..quotemarks import quote_depths
from .referents import previous_paragraph, token_cluster
from .syntax import (DE, NE, OBJECTS, PASSIVE_SUBJECTS, SUBJECTS, VERBAL, case_of, emphatic, has_own_tense,
                     head_of_name, is_agent, is_passive, participle_without_auxiliary)

RELATIVE_SUBJECTS = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
CLITICS = {"l'", "l’", "le", "la", "les", "lui", "leur", "y", "en", "se", "s'", "s’", "me", "m'", "te", "t'",
           "nous", "vous"} | NE
VOLITION = {"vouloir", "intention", "volonté", "décider", "décision", "entendre", "compter", "souhaiter"}


def controller(verb: Token) -> list[Token]:
    """Who does what an infinitive or participle says: the object of `accuser X de`, else the governing subject."""
    if has_own_tense(verb):
        # a finite verb has its own subject: if none is attached, the parse slipped
        return fronted_subject(verb) or adjacent_subject(verb) or stray_subject(verb)
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and "Inf" in verb.morph.get("VerbForm"):
        return noun_controller(verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"} and verb.head.i < verb.i:
        return [noun_before(verb) or verb.head]  # `le ministre, promettant de soutenir X`: the participle's noun acts
    if verb.dep_ in {"xcomp", "advcl", "ccomp", "acl"} and verb.head.pos_ in VERBAL:
        governing = verb.head
        objects = [c for c in governing.children if c.i < verb.i and not emphatic(c) and (c.dep_ in OBJECTS or (
            c.dep_.startswith("obl") and case_of(c) in {"à", "au", "aux"})) and c.lemma_.lower() not in VOLITION]
        if objects and verb.dep_ == "xcomp":
            return objects  # `accuser X de`, `demander à X de`: X does it
        subjects = [repaired(c) for c in governing.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
        return subjects or controller(governing)
    if verb.dep_ == "conj":
        return [c for c in verb.head.children if c.dep_ in SUBJECTS] or controller(verb.head)
    if verb.dep_ in {"acl", "advcl"}:
        # `…, la dernière visant une base`: a participle hung on a non-verb is the sentence's
        return main_subject(verb)
    return fronted_subject(verb)


def noun_controller(noun: Token) -> list[Token]:
    """`son intention de …`, `X a l'intention de …`, `X a pris la décision de …`: who means or decides."""
    if has_possessive(noun):
        return [possessor(noun)] if possessor(noun) is not None else []
    if noun.dep_ in OBJECTS and noun.head.pos_ in VERBAL:
        return [c for c in noun.head.children if c.dep_ in SUBJECTS] or controller(noun.head)
    return [noun]


def noun_before(participle: Token) -> Optional[Token]:
    """`…, le ministre allemand promettant de soutenir X`: the noun right before a present participle is its subject,
    wherever the parser hung the participle."""
    if "Pres" not in participle.morph.get("Tense"):
        return None
    i = participle.i - 1
    while i > 0 and participle.doc[i].pos_ == "ADJ":
        i -= 1
    token = participle.doc[i]
    return head_of_name(token) if token.pos_ in {"NOUN", "PROPN"} else None


def fronted_subject(verb: Token) -> list[Token]:
    """`Jean Dupont, élu en mai, a signé`: the parser may hang the finite verb on its own subject."""
    if verb.dep_ == "conj":
        return [c for c in verb.head.children if c.dep_ in SUBJECTS] or controller(verb.head)
    head, found = verb.head, []
    for _ in range(3):
        if head.i < verb.i and head.pos_ in {"PROPN", "NOUN"} and head.dep_ in {"ROOT"} | SUBJECTS:
            found = [head]
        if head.head.i == head.i:
            break
        head = head.head
    return found


def adjacent_subject(verb: Token) -> list[Token]:
    """`… et Dupont l'avait alors renvoyé`: a name right before the verb's clitics and auxiliaries, which the
    parser attached elsewhere, is its subject."""
    doc, i = verb.doc, min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")]) - 1
    while i >= 0 and (doc[i].lower_ in CLITICS or doc[i].pos_ in {"AUX", "ADV"}):
        i -= 1
    if i < 0 or i == verb.i or (i < verb.sent.start and (doc[i].is_punct or doc[i].is_space)):
        return []  # a sentence break the parser put inside a clause is crossed, not a real one
    candidate = doc[i]
    cluster = token_cluster(candidate) if candidate.pos_ == "PROPN" else None
    mention = next((m for m in cluster.mentions if m.start <= candidate.idx < m.end), None) if cluster else None
    if mention is not None:  # `la Côte d'Ivoire a annoncé`: the name as a whole
        candidate = doc.char_span(mention.start, mention.end, alignment_mode="expand")[0]
    if candidate.pos_ in {"PROPN", "NOUN"} and case_of(candidate) is None and candidate.dep_ not in OBJECTS:
        return [head_of_name(candidate)]
    return []


def stray_subject(verb: Token) -> list[Token]:
    """`le syndicat … dirigeant la grève …, a refusé`: a subject the parser gave to an earlier participle."""
    for token in reversed(verb.doc[verb.sent.start:verb.i]):
        if token.dep_ in SUBJECTS and token.head.pos_ in VERBAL and not has_own_tense(token.head):
            return [token]
    return []


def main_subject(verb: Token) -> list[Token]:
    """The subject of the nearest finite verb above a participle the parser hung on a non-verb."""
    head = verb.head
    for _ in range(6):
        if head.pos_ in VERBAL and has_own_tense(head):
            subjects = [repaired(c) for c in head.children if c.dep_ in SUBJECTS]
            return subjects or controller(head)
        if head.head.i == head.i:
            break
        head = head.head
    return []


def repaired(subject: Token) -> Token:
    """`trente militants du parti X ont été arrêtés`, parsed with the name as subject: a subject right after
    `de` is the complement of the noun before it."""
    doc = subject.doc
    cluster = token_cluster(subject) if subject.pos_ == "PROPN" else None
    mention = next((m for m in cluster.mentions if m.start <= subject.idx < m.end), None) if cluster else None
    start = doc.char_span(mention.start, mention.end, alignment_mode="expand").start if mention else \
        phrase(subject).start
    if start >= 2 and doc[start - 1].lower_ in DE and doc[start - 2].pos_ == "NOUN" and \
            not any(c.dep_ == "case" for c in subject.children):
        return doc[start - 2]
    return subject


def possessor(noun: Token) -> Optional[Token]:
    """`son offensive`: the possessive determiner stands for the clause's subject."""
    if not has_possessive(noun):
        return None
    verb = noun.head
    while verb.pos_ not in VERBAL and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in VERBAL:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS] or [
        s for s in controller(verb) if s.i != noun.i]
    return subjects[0] if subjects else None


def has_possessive(noun: Token) -> bool:
    return any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in noun.children)


def topic_before(pronoun: Token) -> Optional[Token]:
    """The latest main-clause subject (or agent of a passive: `repoussée par le syndicat`) before a pronoun,
    within its paragraph and the one before, outside quotations, that agrees with it."""
    doc = pronoun.doc
    start = previous_paragraph(doc, pronoun.i)
    depth = quote_depths(doc)
    for token in reversed(doc[start:pronoun.i]):
        if depth[token.i] != depth[pronoun.i] and depth[token.i] > 0:
            continue
        topical = is_topic_subject(token) or (token.dep_ == "obl:agent" and token.pos_ in {"NOUN", "PROPN"}
                                              and token.head.dep_ in {"ROOT", "conj"})
        if topical and agrees(token, pronoun):
            return head_of_name(co_subject_name(token))
    return None


def possessive_antecedent(noun: Token) -> Optional[Token]:
    """`trois de ses membres ont été arrêtés`: the latest singular subject before, in this paragraph or the one
    before, outside quotations (the phrase's own clause has no other subject)."""
    doc = noun.doc
    start = previous_paragraph(doc, noun.i)
    depth = quote_depths(doc)
    own = set(t.i for t in noun.subtree)
    for token in reversed(doc[start:noun.i]):
        if token.i in own or depth[token.i] != depth[noun.i] or not is_topic_subject(token):
            continue
        if "Plur" not in token.morph.get("Number") or token.pos_ == "PROPN":
            return token
    return None


def conjuncts(token: Token) -> list[Token]:
    """`le Chili et le Pérou` → both heads; `le préfet, Jean Dupont,` (an apposition the parser took for a
    coordination, with no `et`) → the name."""
    heads = coordinated(token)
    if token.pos_ == "NOUN" and len(heads) > 1 and heads[1].pos_ == "PROPN" and \
            not any(g.dep_ == "cc" for g in heads[1].children) and token.doc[heads[1].i - 1].text == ",":
        return heads[1:]
    return heads


def named_first(subjects: list[Token]) -> list[Token]:
    """`Le préfet du Finistère, Jean Dupont, a reçu`, parsed with two subjects: the name is the referent."""
    names = [s for s in subjects if s.pos_ == "PROPN"]
    return names[:1] if len(subjects) > 1 and names else subjects


def relative_antecedent(pronoun: Token) -> Optional[Token]:
    """`repoussée par le syndicat, qui refuse …`: the noun the relative clause hangs on, or the noun right
    before the pronoun when the parser did not make the clause relative."""
    if pronoun.head.dep_ == "acl:relcl":
        return pronoun.head.head
    doc, i = pronoun.doc, pronoun.i - 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    return head_of_name(doc[i]) if i >= 0 and doc[i].pos_ in {"NOUN", "PROPN"} else None


def right_conjuncts(party: Token) -> list[Token]:
    """`entre Joe Biden et Xi Jinping`, the second name hung elsewhere: what follows `et` right after the first."""
    doc, end = party.doc, party.right_edge.i
    if end + 2 < len(doc) and doc[end + 1].lower_ == "et" and doc[end + 2].pos_ in {"PROPN", "NOUN", "DET"} and \
            not any(c.dep_ == "conj" for c in party.children):
        following = doc[end + 2] if doc[end + 2].pos_ != "DET" else doc[end + 2].head
        return [head_of_name(following)] if following.pos_ in {"PROPN", "NOUN"} else []
    return []


def left_conjuncts(subject: Token) -> list[Token]:
    """`Le Portugal et l'Islande ont signé`, parsed with only the second as subject: the one before `et`."""
    doc, start = subject.doc, subject.left_edge.i
    if start < 2 or doc[start - 1].lower_ != "et" or any(c.dep_ == "conj" for c in subject.children):
        return []
    before = head_of_name(doc[start - 2])
    while before.dep_ in {"nmod", "flat:name", "flat"} and before.head.i < start and before.head.pos_ == "PROPN":
        before = before.head  # `la Côte d'Ivoire et …`
    if before.pos_ in {"PROPN", "NOUN"} and before.dep_ in {"ROOT", "dep", "conj"} and case_of(before) is None:
        return [before]
    return []


def inverted_subject(verb: Token) -> Optional[Token]:
    """`…, a démenti le ministre` (or `», a déclaré X`): after an incise comma, the name or definite phrase right
    after a reporting verb is its subject (when it names an actor: not `…, a rejeté l'offre`)."""
    doc = verb.doc
    start = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i])
    if start == 0 or doc[start - 1].text not in {",", "»", "”"}:
        return None
    before = doc[verb.sent.start:start - 1]
    if doc[start - 1].text == "," and not any("Fin" in t.morph.get("VerbForm") for t in before):
        return None  # `Son chef, Jean Dupont, a accusé le gouvernement`: an apposition, no reported clause
    after = next((c for c in verb.children if c.dep_ in OBJECTS and c.left_edge.i == verb.i + 1), None)
    return after if after is not None and (after.pos_ == "PROPN" or is_definite(after)) else None


def lifted_conjuncts(party: Token) -> list[Token]:
    """`entre soldats de l'armée et rebelles`: a conjunct the parser hung on the first party's complement is
    the second party."""
    return [g for c in party.children if c.dep_ == "nmod" for g in c.children if g.dep_ == "conj"]


def on_behalf_of(noun: Token) -> list[Token]:
    """`des menaces de la part de membres du parti`: who acts."""
    return [g for c in noun.children if c.dep_ == "nmod" and c.lower_ == "part" and case_of(c) in DE
            for g in c.children if g.dep_ == "nmod" and case_of(g) in DE]


def participle_agents(noun: Token) -> list[Token]:
    """`la grève décidée par le syndicat`: the agent of a participle modifying the noun."""
    return [g for c in noun.children if c.dep_ == "acl" and is_passive(c) for g in c.children if is_agent(g)]


def passive_agents(noun: Token) -> list[Token]:
    """`l'offensive a duré une semaine et a été conduite par X`: the agent of a passive verb the noun is the
    subject of."""
    if noun.dep_ not in SUBJECTS | PASSIVE_SUBJECTS or noun.head.pos_ not in VERBAL:
        return []
    verbs = [noun.head] + [c for c in noun.head.children if c.dep_ == "conj" and c.pos_ in VERBAL
                           and not any(g.dep_ in SUBJECTS | PASSIVE_SUBJECTS for g in c.children)]
    return [g for v in verbs if is_passive(v) or participle_without_auxiliary(v) for g in v.children if is_agent(g)]


def requested_subjects(verb: Token) -> list[Token]:
    """`demander à ce que X parte`, `exiger que X démissionne`: who is asked is who must act."""
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and case_of(c) in {"que", "qu'", "qu’"}]
    clauses += [g for c in verb.children if c.lower_ == "ce" for g in c.children if g.dep_ in {"acl", "ccomp"}]
    return [s for c in clauses for s in c.children if s.dep_ in SUBJECTS]
