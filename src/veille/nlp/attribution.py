"""Who is speaking: the speaker phrase of a cue (from the parse) and its resolution to an entity cluster.

A speaker phrase is resolved, in order, to: the entity whose mention it contains; for a personal pronoun, the
most recent person who was a subject or a speaker before it; otherwise it keeps its own words, without the
leading determiner (`agences de presse russes`), so unnamed sources stay described.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .components.entities import cluster_at, is_definite, role_keys, role_nouns, same_gender
from .gazetteer import gazetteer
from .quotemarks import CLOSING_MARKS, OPENING_MARKS, in_quotation
from .types import CharSpan, EntityCluster, QuoteMatch

PARAGRAPH_BREAK = re.compile(r"\n(?:[^\S\n]*\n)*")
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}
NAME_DEPS = {"flat:name", "flat", "flat:foreign", "compound", "amod", "nmod", "case", "det", "fixed"}
CLAUSE_DEPS = {"acl", "acl:relcl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "punct"}
LATTER = {"dernier", "dernière", "derniers", "dernières"}  # `ce dernier`: the latest person mentioned
# pronouns that point at nobody in particular: `Rien ne prouve que …`, `Personne ne sait si …`
NOT_ANAPHORS = {"rien", "personne", "aucun", "aucune", "nul", "nulle", "tout", "tous", "chacun", "chacune", "cela",
                "ça", "ceci", "ce", "c'", "on", "-on", "quiconque", "plusieurs", "certains", "certaines"}
PERSONAL_PRONOUNS = {"il", "elle", "ils", "elles", "-t-il", "-t-elle", "-il", "-elle", "-ils", "-elles"}


def subject_of(verb: Token) -> Optional[Token]:
    """The verb's subject; for a participle or infinitive cue (`…, qualifiant X de Y`), the governing verb's."""
    if verb.pos_ == "NOUN":  # a verb the tagger read as a noun (`X juge que`): its subject, or what it hangs on
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
        head = subjects[0] if subjects else verb.head if verb.head.i < verb.i else None
        return named(head) if head is not None else None
    if verb.dep_ == "acl" and verb.head.i < verb.i and (verb.head.pos_ in {"NOUN", "PROPN", "PRON"}
                                                          or verb.head.lower_ in LATTER):
        return named(verb.head)  # `Ce dernier, accusant X de …`
    for candidate in (verb, verb.head if verb.dep_ in {"advcl", "xcomp", "conj", "acl"} else None):
        if candidate is None:
            continue
        subjects = [c for c in candidate.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # `Le porte-parole du ministère, Jean Dupont, a déclaré`: the name beats the role noun
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
        if child.dep_ in NAME_DEPS and not is_clause(child) and child.pos_ != "PRON":  # not `eux` in `X, eux,`
            sub = list(child.subtree)
            if any(t.dep_ in {"acl", "acl:relcl", "appos", "punct"} for t in sub):
                sub = [child]
            left, right = min(left, sub[0].i), max(right, sub[-1].i)
    span = doc[left:right + 1]
    # `une source policière` keeps its article: it says the source is unidentified
    while len(span) > 1 and span[0].pos_ in {"DET", "ADP"} and "Ind" not in span[0].morph.get("Definite"):
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
    """Resolves speaker phrases within one Doc: entity mentions inside the phrase first, then pronouns."""

    TYPE_PREFERENCE = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}

    def __init__(self, doc: Doc):
        self.doc = doc
        self.clusters = doc._.entity_clusters or []
        self.people = [(m.start, c) for c in self.clusters if c.label == "PER" for m in c.mentions]
        # (where its quote ended, the cluster or None, the name): a person, or a role noun left unnamed
        self.last_speaker: Optional[tuple[int, Optional[EntityCluster], str]] = None
        self.gazetteer = gazetteer(doc.lang_)
        self.titles = role_nouns(doc.lang_)
        self.roles = {key: c for c in self.clusters for key in c.roles}  # role nouns the article ties to a person

    def resolve_quote(self, quote: QuoteMatch) -> None:
        if quote.speaker_index is None:
            return
        if quote.rule != "direct_incise" and in_quotation(self.doc, quote.speaker_index):
            quote.speaker_index = None  # the parse reached into someone's quotation: leave it to the context
            return
        speaker = self.doc[quote.speaker_index]
        if speaker.text == "-t" and speaker.i + 1 < len(self.doc) and self.doc[speaker.i + 1].text.startswith("-"):
            speaker = self.doc[speaker.i + 1]  # `a-t-elle`: the pronoun is the next piece
        heads = coordinated(speaker)
        quote.speaker = char_span(phrase(heads[0]))
        cluster, quote.speaker_name = self.resolve(heads[0])
        quote.speaker_entity = cluster.id if cluster else None
        head = self.doc[quote.speaker_index]
        if (cluster is not None and cluster.label == "PER") or (cluster is None and head.lemma_.lower() in self.titles):
            self.last_speaker = (quote.end, cluster, quote.speaker_name)
        if len(heads) > 1:
            quote.speaker_names = [self.resolve(h)[1] for h in heads]

    def resolve(self, token: Token, depth: int = 0) -> tuple[Optional[EntityCluster], str]:
        """(cluster or None, the name to show) for the phrase this token heads."""
        span = phrase(token)
        if is_anaphor(token):
            return self.resolve_anaphor(token, span, depth)
        cluster = (self.mentioned_in(extent(token), token) or self.role_holder(token)
                   or self.by_nationality(token) or self.apposed_person(span))
        return (cluster, cluster.name) if cluster else (None, span.text)

    def role_holder(self, token: Token) -> Optional[EntityCluster]:
        holder = next((self.roles[key] for key in role_keys(token) if key in self.roles), None)
        return holder if holder is not None and same_gender(holder, token) else None

    def by_nationality(self, token: Token) -> Optional[EntityCluster]:
        """`le président russe`, `son homologue russe`: the one person the article ties to a role of that
        nationality (`le président russe Ivan Petrov`). Only for definite or possessive phrases: `un diplomate
        russe` is someone else."""
        definite = is_definite(token)
        countries = {self.gazetteer.demonym(c.text) for c in token.children if c.dep_ == "amod"} - {None}
        if token.pos_ != "NOUN" or not definite or len(countries) != 1:
            return None
        people = {id(c): c for key, c in self.roles.items()
                  if countries & {self.gazetteer.demonym(word) for word in key.split()[1:]}}
        return next(iter(people.values())) if len(people) == 1 else None

    def apposed_person(self, span: Span) -> Optional[EntityCluster]:
        """`Jean Dupont, un expert de X, …` read with the role noun as subject: the name beside it, by commas."""
        doc, start = self.doc, span.start
        while start > 0 and doc[start - 1].pos_ == "DET":
            start -= 1
        if span.root.pos_ != "NOUN" or start < 2 or doc[start - 1].text != ",":
            return None
        name = doc[start - 2]
        cluster = cluster_at(doc, name.idx, name.idx + len(name))
        return cluster if cluster is not None and cluster.label == "PER" else None

    def resolve_anaphor(self, token: Token, span: Span, depth: int) -> tuple[Optional[EntityCluster], str]:
        """A named recent subject, else the last person who spoke nearby, else any subject or person."""
        if token.lower_ in LATTER:
            cluster = self.last_person_before(token.idx)
            return cluster, cluster.name if cluster else span.text
        antecedent = self.antecedent(token) if depth < 3 else None
        found = self.resolve(antecedent, depth + 1) if antecedent is not None else (None, "")
        if found[0] is not None:
            return found
        if self.last_speaker is not None and paragraphs_between(self.doc, self.last_speaker[0], token.idx) == 0 \
                and compatible(self.last_speaker[1], token):
            return self.last_speaker[1], self.last_speaker[2]
        if antecedent is not None:
            return found
        cluster = self.last_person_before(token.idx, token)
        return cluster, cluster.name if cluster else span.text

    def antecedent(self, pronoun: Token) -> Optional[Token]:
        """The latest subject before the pronoun, within its paragraph and the one before, that agrees with it."""
        doc = self.doc
        start = paragraph_start(doc, paragraph_start(doc, pronoun.i) - 1)
        # subjects inside someone's quotation are not what a narrator's pronoun points to; an incise's pronoun
        # (`« Cette ville, a-t-elle dit, … »`) sits inside the quotation itself, so the walk starts at its opening
        quoted = in_quotation(doc, pronoun.i)
        for token in reversed(doc[start:pronoun.i]):
            if token.text in CLOSING_MARKS | OPENING_MARKS:
                quoted = token.text in CLOSING_MARKS  # walking backwards, a closing mark opens a quotation
            elif not quoted and is_topic_subject(token) and agrees(token, pronoun) \
                    and can_speak(cluster_at(doc, token.idx, token.idx + len(token)), pronoun):
                return co_subject_name(token)
        return None

    def mentioned_in(self, span: Span, head: Token) -> Optional[EntityCluster]:
        """The entity mentioned in the speaker phrase: a person before an organisation, nearest the head."""
        found = [(self.TYPE_PREFERENCE.get(c.label, 9), abs(m.start - head.idx), c) for c in self.clusters
                 for m in c.mentions if span.start_char <= m.start and m.end <= span.end_char]
        found += [(0, 0, c) for c in [cluster_at(self.doc, head.idx, head.idx + len(head))] if c]
        return min(found, key=lambda f: (f[0], f[1]))[2] if found else None

    def last_person_before(self, offset: int, pronoun: Optional[Token] = None) -> Optional[EntityCluster]:
        before = [(start, c) for start, c in self.people if start < offset and compatible(c, pronoun)]
        return max(before, key=lambda x: x[0])[1] if before else None


def is_topic_subject(token: Token) -> bool:
    """A noun subject of a main clause: the subject of a reported `que`-clause or a relative is not whom a
    following `il` points to (`X rappelle que l'Iran a besoin de … Il précise …`)."""
    return (token.dep_ in SUBJECT_DEPS and token.pos_ in {"NOUN", "PROPN"}
            and token.head.dep_ not in {"ccomp", "acl:relcl", "advcl"})


def co_subject_name(token: Token) -> Token:
    """`Jean Dupont, un expert de X, était …`: the parser may make both subjects; the name is the referent."""
    named_token = named(token)
    if named_token.pos_ == "PROPN":
        return named_token
    names = [c for c in token.head.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "PROPN" and c.i < token.i]
    return names[-1] if names else named_token


def is_anaphor(token: Token) -> bool:
    """`il`, `elle`, `-t-il`, and `ce dernier` / `cette dernière`."""
    if token.lower_ in LATTER:
        return any(c.lower_ in {"ce", "cette", "ces"} for c in token.children)
    return token.lower_ in PERSONAL_PRONOUNS or (token.pos_ == "PRON" and token.lower_ not in NOT_ANAPHORS)


def can_speak(cluster: Optional[EntityCluster], pronoun: Token) -> bool:
    """A pronoun that speaks points back at a person or an organisation, never at a place (`lorsque X réclamait`)."""
    return compatible(cluster, pronoun) and (cluster is None or cluster.label != "LOC")


def compatible(cluster: Optional[EntityCluster], pronoun: Optional[Token]) -> bool:
    """`elle` cannot be a person the article shows as a man (`M. X`, `le chanteur X`), nor `il` a woman."""
    if cluster is None or pronoun is None or cluster.gender is None:
        return True
    text = pronoun.lower_
    wanted = "f" if "elle" in text else "m" if "il" in text or text in {"dernier", "derniers"} else None
    return wanted is None or wanted == cluster.gender


def agrees(token: Token, pronoun: Token) -> bool:
    """Gender and number agreement where the tagger gives them; names without features agree."""
    text = pronoun.lower_
    gender = "Fem" if "elle" in text else "Masc" if "il" in text or "dernier" in text else None
    plural = pronoun.lower_.endswith("s")
    token_gender, token_number = token.morph.get("Gender"), token.morph.get("Number")
    if gender and token_gender and gender not in token_gender and token.pos_ != "PROPN":
        return False
    return not token_number or ("Plur" in token_number) == plural or token.pos_ == "PROPN"


def paragraphs_between(doc: Doc, start: int, end: int) -> int:
    """How many paragraph breaks lie between two character offsets (a blank line is one break, not two)."""
    return len(PARAGRAPH_BREAK.findall(doc.text, start, end))


def paragraph_start(doc: Doc, i: int) -> int:
    while i > 0 and "\n" not in doc[i - 1].text and "\n" not in doc[i - 1].whitespace_:
        i -= 1
    return max(i, 0)


def extent(token: Token) -> Span:
    """The phrase a speaker token heads, with appositions (`Jean Dupont, ministre de X,`) but no clauses."""
    doc = token.doc
    tokens = [token]
    for child in token.children:
        if child.dep_ in CLAUSE_DEPS or child.pos_ in {"VERB", "AUX"}:
            continue
        tokens.extend(child.subtree)
    tokens = [t for t in tokens if not any(a.dep_ in CLAUSE_DEPS for a in ancestors_until(t, token))]
    return doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]


def ancestors_until(token: Token, top: Token) -> list[Token]:
    chain = []
    while token.i != top.i and token.head.i != token.i:
        chain.append(token)
        token = token.head
    return chain
