"""veille_events: PLOVER event mentions (`doc._.events`) — type, actors, place, date and factuality.

A trigger is a verb or noun of resources/<lang>/event_triggers.tsv (`rencontrer` → CONSULT, `sanction` →
SANCTION, `lancer` + a missile → ASSAULT). The parse gives the actors: the subject is the source and the object,
an `avec`/`contre`/`à` complement or the subject of a passive is the target; a noun takes its `par`/`de`
complement, its possessor, or the subject of the verb it is the object of (`a procédé à des essais`). Actors are
entity clusters, resolved pronouns, or phrases headed by an actor noun (`la police`). The date is a time
expression of the clause (`doc._.times`), never the publication date by default; the factuality is the
clause's, from `nlp.factuality`, as its speaker states it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..attribution import PERSONAL_PRONOUNS, SpeakerResolver, coordinated, extent, paragraphs_between, phrase
from ..extensions import init_doc, register_extensions
from ..factuality import (JOURNALIST, NEGATED, Assessment, ModalityLexicon, assess, innermost_quote, lemma_lookup,
                          quote_voice, span_of)
from ..lexicon import column_index, load_table
from ..types import ActorRef, CharSpan, EntityCluster, EventMatch
from .entities import cluster_at

SUBJECTS = {"nsubj", "expl:subj"}
PASSIVE_SUBJECTS = {"nsubj:pass"}
OBJECTS = {"obj", "iobj"}
MISREAD_OBJECTS = {"advmod", "dep", "appos", "nmod"}   # a name right after the verb the parser mislabelled
TARGET_CASES = {"avec", "contre", "à", "au", "aux", "auprès", "envers", "vers", "sur", "en"}
PLACE_CASES = {"à", "au", "aux", "dans", "en", "près", "depuis", "vers"}
BETWEEN = {"entre"}
NEGATIVE_DETERMINERS = {"aucun", "aucune", "nul", "nulle"}
ASSERTED_NOUN_DEPS = {"obj", "obl:arg", "nsubj:pass"}   # `a procédé à des essais`, `des livraisons ont été faites`
DE = {"de", "d'", "d’", "du", "des"}
RECIPIENT_CASES = {"avec", "entre", "contre", "au", "aux", "à"}   # `livrer des armes au X`, `un accord avec X`
RELATIVE_SUBJECTS = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
REFLEXIVE = {"se", "s'", "s’"}
# for these types the `de` complement of the noun is what suffers the event (`l'invasion de X`); for the
# others it is who acts (`la visite de X`, `le soutien de X`)
PATIENT_DE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "AID"}
ACL_WINDOW = 5               # words before a participle where the noun it modifies may be
ORIGIN_WINDOW = 6            # words after `depuis` where the place of origin is named
LIGHT_DEPTH = 2              # `a procédé à une série d'essais`: nouns climbed to reach the verb
CLAUSE_DEPS = {"ccomp", "advcl", "acl:relcl", "csubj", "parataxis", "conj"}
PERSON_LABELS = {"PER"}
GROUP_NOUNS = {"hommes": {"PER"}, "dirigeants": {"PER"}, "chefs": {"PER"}, "pays": {"LOC"}, "États": {"LOC"},
               "états": {"LOC"}, "capitales": {"LOC"}, "parties": {"LOC", "ORG", "PER"}}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    reflexive: bool
    needs_actor: bool
    with_lemmas: frozenset


@Language.factory("veille_events", assigns=["doc._.events"], requires=["doc._.entity_clusters"],
                  default_config={"lang": "fr"})
def make_event_finder(nlp: Language, name: str, lang: str):
    return EventFinder(lang, lemma_lookup(nlp))


class EventFinder:
    def __init__(self, lang: str, lemma_of=lambda word: word):
        self.lang = lang
        self.triggers = load_triggers(lang)
        self.lexicon = ModalityLexicon(lang, lemma_of)
        self.actor_nouns = {lemma: row["kind"] for lemma, row in column_index(lang, "actor_nouns", "lemma").items()}
        self.actor_nouns.update({form: "agent" for form, row in column_index(lang, "titles", "form").items()
                                 if row["kind"] == "role"})
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[EventMatch]:
        resolver = SpeakerResolver(doc)
        found = {}
        for token, trigger in self.candidates(doc):
            event = self.event(token, trigger, resolver)
            if event is not None:
                found[token.i] = (token, event)
        return [event for token, event in found.values() if not covered_by_verb(token, event, found)]

    def set_annotations(self, doc: Doc, events: list[EventMatch]) -> None:
        doc._.events = events

    def candidates(self, doc: Doc) -> Iterable[tuple[Token, Trigger]]:
        for token in doc:
            rows = self.triggers.get((token.lemma_.lower(), simple_pos(token)))
            if rows:
                trigger = next((t for t in rows if satisfies(token, t)), None)
                if trigger is not None:
                    yield token, trigger

    # one event ---------------------------------------------------------------------------------------------
    def event(self, token: Token, trigger: Trigger, resolver: SpeakerResolver) -> Optional[EventMatch]:
        sources, targets = (self.noun_actors if trigger.pos == "NOUN" else self.verb_actors)(token, trigger)
        actors = self.resolved(sources, "source", resolver) + self.resolved(targets, "target", resolver)
        if not any(a.role == "source" for a in actors):
            actors += [as_actor(c, "source") for c in [origin(token)] if c is not None]
        actors = unique(actors)
        if trigger.pos == "NOUN" and not any(a.role == "source" for a in actors):
            return None  # `la visite en Russie`: a noun with no one acting is background, not an event
        targeted = any(a.role == "target" for a in actors)
        if not actors or (trigger.needs_actor and not targeted and (trigger.pos != "NOUN" or len(actors) < 2)):
            return None  # `recevoir`, `entretien`: an event only between two parties (`un entretien entre X et Y`)
        if not any(a.role == "source" for a in actors) and not any(a.entity for a in actors):
            return None  # `six policiers ont été tués`: no one acts and no one named suffers
        clause = clause_head(token)
        assessment = self.factuality(token, trigger, clause)
        places = self.places(token, trigger, actors)
        actors = [a for a in actors if not (a.role == "target" and a.entity in places)]
        if not actors:
            return None
        group = trigger_group(token)
        time = self.date(token, clause)
        return EventMatch(type=trigger.type, trigger=CharSpan(group.start_char, group.end_char, group.text),
                          lemma=trigger.lemma, actors=actors, place=self.place(token, clause, actors),
                          date=time.value if time is not None else None,
                          date_text=time.text if time is not None else None,
                          factuality=assessment.value,
                          cues=[CharSpan(c.start_char, c.end_char, c.text) for c in assessment.cues if c is not None])

    def factuality(self, token: Token, trigger: Trigger, clause: Token):
        """The clause's factuality; a noun that is not the clause's object or passive subject is presupposed
        (`lors de la visite`, `la rencontre pourrait …`), so it only has its own negation (`aucune attaque`)."""
        if trigger.pos == "NOUN" and not asserted_noun(token):
            negated = [c for c in token.children if c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS]
            result = Assessment()
            if negated:
                result.value, result.polarity, result.cues = NEGATED, "negative", [span_of(negated)]
            return result
        return assess(clause, self.lexicon, *self.voice(clause))

    def places(self, token: Token, trigger: Trigger, actors: list[ActorRef]) -> set:
        """Entity ids of the locations among the trigger's complements. French marks the difference: `à Paris`,
        `dans la ville`, `en France` locate; `au Venezuela`, `aux États-Unis`, `à l'Inde` (a country with its
        article) name a recipient; a visit's `en France` is its target when it has no other."""
        found, others = set(), any(a.role == "target" and a.entity is None for a in actors)
        for child in token.children:
            if not (child.dep_.startswith("obl") or child.dep_ == "nmod") or case_of(child) not in PLACE_CASES:
                continue
            cluster = located(child)
            if cluster is None:
                continue
            case = case_of(child)
            determined = any(c.dep_ == "det" for c in child.children)
            recipient = case in {"au", "aux"} or (case == "à" and determined)
            visited = trigger.type == "CONSULT" and case in {"en", "au", "aux"} and not others
            if not (recipient or visited):
                found.add(cluster.id)
        return found

    def voice(self, clause: Token) -> tuple[str, bool]:
        quotes = clause.doc._.quotes or []
        n = innermost_quote(clause, quotes)
        return quote_voice(clause.doc, quotes[n]) if n is not None else (JOURNALIST, False)

    # actors ------------------------------------------------------------------------------------------------
    def verb_actors(self, verb: Token, trigger: Trigger) -> tuple[list[Token], list[Token]]:
        children = list(verb.children)
        passive = is_passive(verb)
        if passive:
            agents = [c for c in children
                      if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case_of(c) == "par")]
            patients = [c for c in children if c.dep_ in PASSIVE_SUBJECTS | SUBJECTS] or \
                ([verb.head] if verb.dep_ == "acl" else controller(verb))
            return agents, patients
        subjects = [c for c in children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS] or controller(verb)
        targets = [c for c in children if c.dep_ in OBJECTS] + \
                  [c for c in children if c.dep_.startswith("obl") and case_of(c) in TARGET_CASES] + \
                  [c for c in children if c.i > verb.i and case_of(c) is None and (
                      c.dep_.startswith("obl") or (c.pos_ == "PROPN" and c.dep_ in MISREAD_OBJECTS))]
        targets += [g for c in children if c.dep_ in OBJECTS and not self.is_actor_word(c)
                    for g in c.children if g.dep_ == "nmod" and case_of(g) in DE | RECIPIENT_CASES]
        return subjects, targets

    def noun_actors(self, noun: Token, trigger: Trigger) -> tuple[list[Token], list[Token]]:
        children = list(noun.children)
        agents = [c for c in children if c.dep_ in {"nmod", "obl:agent"} and case_of(c) in {"par", "part"}]
        of = [c for c in children if c.dep_ == "nmod" and case_of(c) in {"de", "d'", "du", "des"}]
        targets = [c for c in children if c.dep_ == "nmod" and case_of(c) in TARGET_CASES]
        between = [c for c in children if c.dep_ == "nmod" and case_of(c) in BETWEEN]
        if trigger.type in PATIENT_DE_TYPES:
            targets += of
        else:
            agents += of
        agents += [possessor(noun)] if possessor(noun) is not None else []
        if not agents:
            agents = light_verb_subjects(noun)
        return agents + between, targets

    def resolved(self, tokens: list[Token], role: str, resolver: SpeakerResolver) -> list[ActorRef]:
        actors = []
        for token in (h for t in tokens if t is not None for h in coordinated(t)):
            actors += self.actor(token, role, resolver)
        return actors

    def actor(self, token: Token, role: str, resolver: SpeakerResolver) -> list[ActorRef]:
        """The entity (or entities, for `les deux pays`) a phrase names, or its words if an actor noun heads it."""
        if token.lower_ in RELATIVE_SUBJECTS and token.head.dep_ == "acl:relcl":
            token = token.head.head  # `le collectif, qui exige`: the antecedent
        group = group_reference(token, resolver.clusters)
        if group:
            return [as_actor(c, role) for c in group]
        if token.pos_ == "PRON":
            return self.pronoun_actor(token, role, resolver)
        if token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper()):
            cluster = named_cluster(token)
            return [as_actor(cluster, role)] if cluster is not None else []
        kind = self.actor_nouns.get(token.lemma_.lower(), self.actor_nouns.get(token.lower_))
        if token.pos_ == "NOUN" and kind is None:
            # `le président de X, Jean Dupont,`: a description with a person named in apposition
            cluster = resolver.mentioned_in(extent(token), token)
            return [as_actor(cluster, role)] if cluster is not None and cluster.label in PERSON_LABELS else []
        if token.pos_ != "NOUN" or kind not in {"agent", "member"}:
            return []
        if kind == "member":
            # `des hommes du collectif`, `des membres de X`: the group they belong to acts
            whole = next((c for c in token.children if c.dep_ == "nmod" and case_of(c) in DE), None)
            found = self.actor(whole, role, resolver) if whole is not None else []
            if found:
                return found
        cluster, name = resolver.resolve(token)
        return [as_actor(cluster, role) if cluster is not None else ActorRef(name=name.strip(), role=role)]

    def pronoun_actor(self, token: Token, role: str, resolver: SpeakerResolver) -> list[ActorRef]:
        """`il`/`elle`: the resolver's antecedent, or the last person named in the paragraph when that is no
        person (a subject pronoun doing something is more often a person than a place)."""
        if token.lower_ not in PERSONAL_PRONOUNS:
            return []
        cluster, _ = resolver.resolve(token)
        if cluster is None or cluster.label not in PERSON_LABELS:
            person = resolver.last_person_before(token.idx)
            if person is not None and paragraphs_between(token.doc, person.mentions[0].start, token.idx) <= 1 \
                    and any(m.start < token.idx and paragraphs_between(token.doc, m.start, token.idx) <= 1
                            for m in person.mentions):
                cluster = person
        return [as_actor(cluster, role)] if cluster is not None else []

    def is_actor_word(self, token: Token) -> bool:
        return token.lemma_.lower() in self.actor_nouns or token.lower_ in self.actor_nouns or \
            token.pos_ == "PROPN"

    # place and date ----------------------------------------------------------------------------------------
    def place(self, token: Token, clause: Token, actors: list[ActorRef]) -> Optional[str]:
        """A place complement of the trigger or its clause that names a location (not one of the actors)."""
        taken = {a.entity for a in actors}
        for head in (token, clause):
            for child in head.children:
                if child.dep_.startswith("obl") or child.dep_ == "nmod":
                    if case_of(child) not in PLACE_CASES:
                        continue
                    cluster = located(child)
                    if cluster is not None and cluster.id not in taken:
                        return cluster.name
        return None

    def date(self, token: Token, clause: Token):
        """The time expression nearest the trigger: in its own clause, else in a clause it depends on (not
        through a reporting verb's complement), else anywhere below its clause."""
        doc = token.doc
        times = [t for t in doc._.times or [] if getattr(t, "value", None)]
        if not times:
            return None
        for head in [clause] + governing_clauses(clause):
            span = doc[head.left_edge.i:head.right_edge.i + 1]
            inside = [t for t in times if span.start_char <= t.start and t.end <= span.end_char
                      and not in_other_clause(doc, t, token, head)]
            if inside:
                return min(inside, key=lambda t: abs(t.start - token.idx))
        span = doc[clause.left_edge.i:clause.right_edge.i + 1]
        inside = [t for t in times if span.start_char <= t.start and t.end <= span.end_char]
        return min(inside, key=lambda t: abs(t.start - token.idx)) if inside else None


# the lexicon -------------------------------------------------------------------------------------------------
def load_triggers(lang: str) -> dict[tuple[str, str], list[Trigger]]:
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    for row in load_table(lang, "event_triggers"):
        needs = (row.get("requires") or "").split()
        with_lemmas = frozenset(w for n in needs if n.startswith("with:") for w in n[5:].lower().split("|"))
        trigger = Trigger(row["lemma"].lower(), row["pos"], row["type"], "se" in needs, "actor" in needs, with_lemmas)
        triggers.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    return triggers


def simple_pos(token: Token) -> str:
    return "VERB" if token.pos_ in {"VERB", "AUX"} else token.pos_


def satisfies(token: Token, trigger: Trigger) -> bool:
    if trigger.reflexive and not any(c.lower_ in REFLEXIVE for c in token.children):
        return False
    if trigger.with_lemmas:
        near = [t for c in token.children if c.dep_ not in CLAUSE_DEPS for t in (c, *c.children)]
        if token.dep_ == "acl":
            # a participle's noun, which the parser may attach to a complement (`des missiles à courte portée lancés`)
            near += [token.head] + [t for t in token.doc[max(0, token.i - ACL_WINDOW):token.i] if t.pos_ == "NOUN"]
        return any(t.lemma_.lower() in trigger.with_lemmas or t.lower_ in trigger.with_lemmas for t in near)
    return True


# parse helpers -----------------------------------------------------------------------------------------------
def case_of(token: Token) -> Optional[str]:
    cases = [c.lower_ for c in token.children if c.dep_ in {"case", "mark"}]
    return cases[0] if cases else None


def controller(verb: Token) -> list[Token]:
    """Who does what an infinitive or participle says: the object of `accuser X de`, else the governing subject."""
    if has_own_tense(verb):
        return fronted_subject(verb)  # a finite verb has its own subject: if none is attached, the parse slipped
    if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"} and verb.head.i < verb.i:
        return [verb.head]  # `le dirigeant, promettant d'aider X`: the participle's noun acts
    if verb.dep_ in {"xcomp", "advcl", "ccomp", "acl"} and verb.head.pos_ in {"VERB", "AUX"}:
        governor = verb.head
        objects = [c for c in governor.children if c.i < verb.i and (c.dep_ in OBJECTS or (
            c.dep_.startswith("obl") and case_of(c) in {"à", "au", "aux"}))]
        if objects and verb.dep_ == "xcomp":
            return objects  # `accuser X de`, `demander à X de`: X does it
        subjects = [c for c in governor.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
        return subjects or controller(governor)
    if verb.dep_ == "conj":
        return [c for c in verb.head.children if c.dep_ in SUBJECTS] or controller(verb.head)
    return fronted_subject(verb)


def has_own_tense(verb: Token) -> bool:
    return any(c.dep_.startswith("aux") or "Fin" in c.morph.get("VerbForm") for c in [verb, *verb.children])


def fronted_subject(verb: Token) -> list[Token]:
    """`Jean Dupont, nommé à vie, a démissionné`: the parser may hang the finite verb on its own subject."""
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


def possessor(noun: Token) -> Optional[Token]:
    """`son invasion`: the possessive determiner stands for the clause's subject."""
    if not any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in noun.children):
        return None
    verb = noun.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return subjects[0] if subjects else None


def light_verb_subjects(noun: Token) -> list[Token]:
    """`la Corée du Sud a accru sa coopération`, `a procédé à une série d'essais`: the verb's subject acts."""
    token = noun
    for _ in range(LIGHT_DEPTH + 1):
        if token.dep_ in {"obj", "obl", "obl:arg", "obl:mod"} and token.head.pos_ in {"VERB", "AUX"}:
            verb = token.head
            subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
            return subjects or controller(verb)
        if token.dep_ != "nmod" or case_of(token) not in DE:
            return []  # climb `une série d'essais`, not `le soutien à l'invasion`
        token = token.head
    return []


def asserted_noun(noun: Token) -> bool:
    """Whether the clause asserts the noun's event (it is what the verb does), climbing `une série de`."""
    token = noun
    for _ in range(LIGHT_DEPTH + 1):
        if token.dep_ in ASSERTED_NOUN_DEPS and token.head.pos_ in {"VERB", "AUX"}:
            return True
        if token.dep_ != "nmod":
            return False
        token = token.head
    return False


def clause_head(token: Token) -> Token:
    """The predicate whose clause the trigger belongs to (a noun's governing verb)."""
    head = token
    while head.pos_ not in {"VERB", "AUX"} and head.dep_ not in {"ROOT"} | CLAUSE_DEPS and head.head.i != head.i:
        head = head.head
    return head


def trigger_group(token: Token) -> Span:
    """The trigger as written: with its auxiliaries and reflexive pronoun (`se sont entretenus`)."""
    parts = [token] + [c for c in token.children if (c.dep_.startswith("aux") or c.lower_ in REFLEXIVE)
                       and c.i < token.i and token.i - c.i <= 4]
    start = min(t.i for t in parts)
    while start > 0 and token.doc[start - 1].lower_ in {"ne", "n'", "n’"} | REFLEXIVE:
        start -= 1
    return token.doc[start:token.i + 1]


def governing_clauses(clause: Token) -> list[Token]:
    """`Le 17 janvier, X riposte … et dénonce`: the clauses a coordinated, adverbial or relative clause hangs on."""
    found, head = [], clause
    while head.dep_ in {"conj", "advcl", "acl", "acl:relcl", "xcomp"} and head.head.i != head.i and len(found) < 3:
        head = head.head
        while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i and head.dep_ != "ROOT":
            head = head.head
        found.append(head)
    return found


def in_other_clause(doc: Doc, time, token: Token, clause: Token) -> bool:
    """Whether a time expression sits in a clause embedded in the trigger's clause that the trigger is not in."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return True
    head = span.root
    while head.i != clause.i and head.head.i != head.i:
        if head.dep_ in CLAUSE_DEPS and head.pos_ in {"VERB", "AUX"} and token not in head.subtree:
            return True
        head = head.head
    return False


def located(token: Token) -> Optional[EntityCluster]:
    cluster = cluster_at(token.doc, token.idx, token.idx + len(token))
    if cluster is None:
        phrase = extent(token)
        cluster = cluster_at(token.doc, phrase.start_char, phrase.end_char)
    return cluster if cluster is not None and cluster.label == "LOC" else None


def group_reference(token: Token, clusters: list[EntityCluster]) -> list[EntityCluster]:
    """`les deux pays`, `les deux hommes`: the last two distinct entities of that kind before the phrase."""
    labels = GROUP_NOUNS.get(token.text)
    if labels is None or not any(c.lower_ == "deux" for c in token.children):
        return []
    before = sorted(((m.start, c) for c in clusters if c.label in labels for m in c.mentions
                     if m.end <= token.idx), key=lambda x: -x[0])
    found: list[EntityCluster] = []
    for _, cluster in before:
        if cluster not in found:
            found.append(cluster)
        if len(found) == 2:
            return found
    return []


def named_cluster(token: Token) -> Optional[EntityCluster]:
    """The entity a name (with its flat parts) is a mention of."""
    name = phrase(token)
    return cluster_at(token.doc, name.start_char, name.end_char) or cluster_at(token.doc, token.idx,
                                                                                 token.idx + len(token))


def is_passive(verb: Token) -> bool:
    """`a été sanctionné`, or a participle modifying a noun (`des missiles lancés`); a `nsubj:pass` without
    `être` is a parser slip."""
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    return verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")


def origin(token: Token) -> Optional[EntityCluster]:
    """`des missiles lancés depuis la côte de X`: with no one named as acting, the place it came from acts."""
    doc = token.doc
    for child in token.children:
        if child.dep_.startswith("obl") and case_of(child) == "depuis":
            # the parser often hangs `de X` elsewhere: the first place named in the next few words
            for candidate in doc[child.i:min(child.i + ORIGIN_WINDOW, child.sent.end)]:
                cluster = located(candidate) if candidate.pos_ == "PROPN" else None
                if cluster is not None:
                    return cluster
    return None


def as_actor(cluster: EntityCluster, role: str) -> ActorRef:
    return ActorRef(name=cluster.name, entity=cluster.id, country=cluster.country, role=role)


def unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen, kept = set(), []
    for actor in actors:
        key = actor.entity or actor.name.lower()
        if key not in seen:
            seen.add(key)
            kept.append(actor)
    return kept


def covered_by_verb(token: Token, event: EventMatch, found: dict) -> bool:
    """`a exigé la démission`, `lancer une attaque`: a noun trigger that is the object of a verb trigger; `a
    rencontré X lors de sa visite`: a noun of the same type in the verb's clause is the same event."""
    if token.pos_ != "NOUN" or token.head.i not in found or token.head.i == token.i:
        return False
    return token.dep_ in {"obj", "obl:arg", "nsubj:pass"} or found[token.head.i][1].type == event.type
