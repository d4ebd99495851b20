"""Who is speaking: the speaker phrase of a cue (from the parse) and its resolution to an entity cluster.

A speaker phrase is resolved, in order, to: the entity whose mention it contains; for a personal pronoun, the
most recent person who was a subject or a speaker before it; otherwise it keeps its own words, without the
leading determiner (`agences de presse russes`), so unnamed sources stay described.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .components.entities import cluster_at
from .types import CharSpan, EntityCluster

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}
NAME_DEPS = {"flat:name", "flat", "flat:foreign", "compound", "amod", "nmod", "case", "det", "fixed"}
PERSONAL_PRONOUNS = {"il", "elle", "ils", "elles", "-t-il", "-t-elle", "-il", "-elle", "-ils", "-elles"}


def verb_group_head(token: Token) -> Token:
    """From an auxiliary to the verb it serves (`a` in `a déclaré` → `déclaré`)."""
    return token.head if token.dep_.startswith("aux") or token.dep_ == "cop" else token


def subject_of(verb: Token) -> Optional[Token]:
    """The verb's subject; for a participle or infinitive cue (`…, qualifiant X de Y`), the governing verb's."""
    for candidate in (verb, verb.head if verb.dep_ in {"advcl", "xcomp", "conj", "acl"} else None):
        if candidate is None:
            continue
        subjects = [c for c in candidate.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # `Le porte-parole du Kremlin, Dmitri Peskov, a déclaré`: the name beats the role noun
            return named(next((s for s in subjects if s.pos_ == "PROPN"), subjects[0]))
    return None


def named(token: Token) -> Token:
    """`L'analyste américain Jean Dupont`: the name in apposition to a role noun."""
    if token.pos_ == "NOUN":
        return next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), token)
    return token


def phrase(token: Token) -> Span:
    """The noun phrase a subject token heads, without relative clauses, appositions or coordination."""
    doc = token.doc
    left = right = token.i
    for child in token.children:
        if child.dep_ in NAME_DEPS and not is_clause(child):
            sub = list(child.subtree)
            if any(t.dep_ in {"acl", "acl:relcl", "appos", "punct"} for t in sub):
                sub = [child]
            left, right = min(left, sub[0].i), max(right, sub[-1].i)
    span = doc[left:right + 1]
    while len(span) > 1 and span[0].pos_ in {"DET", "ADP"}:
        span = span[1:]
    return span


def is_clause(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.dep_.startswith("acl")


def coordinated(token: Token) -> list[Token]:
    """`la Corée du Sud et le Japon` → both heads."""
    return [token] + [c for c in token.children if c.dep_ == "conj" and c.pos_ in {"PROPN", "NOUN"}]


def char_span(span: Span) -> CharSpan:
    return CharSpan(span.start_char, span.end_char, span.text)


class SpeakerResolver:
    """Resolves speaker phrases within one Doc, remembering who spoke last for pronouns."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.people = [(m.start, c) for c in doc._.entity_clusters or [] if c.label == "PER" for m in c.mentions]

    def resolve(self, span: Span) -> tuple[Optional[EntityCluster], str]:
        """(cluster or None, the name to show)."""
        if span.text.lower() in PERSONAL_PRONOUNS or (len(span) == 1 and span[0].pos_ == "PRON"):
            cluster = self.last_person_before(span.start_char)
            return cluster, cluster.name if cluster else span.text
        cluster = cluster_at(self.doc, span.start_char, span.end_char)
        if cluster is not None:
            return cluster, cluster.name
        return None, span.text

    def last_person_before(self, offset: int) -> Optional[EntityCluster]:
        before = [(start, c) for start, c in self.people if start < offset]
        return max(before, key=lambda x: x[0])[1] if before else None
