"""veille_events: PLOVER event mentions (`doc._.events`) — type, actors, place, date and factuality.

A trigger is a verb, noun or adjective of resources/<lang>/event_triggers.tsv (`rencontrer` → CONSULT, `sanction`
→ SANCTION, `lancer` + a missile → ASSAULT, `ne pas vouloir` + infinitive → REJECT, `déclarer X inacceptable` →
REJECT). The parse gives the actors: the subject is the source and the object, an `avec`/`contre`/`à` complement
or the subject of a passive is the target; a noun takes its `par`/`de`/`de la part de`/`entre X et Y`
complement, its possessor, the agent of the participle or passive verb it goes with (`l'appel lancé par X`,
`l'offensive a été conduite par X`), or the subject of the verb it is the object of (`a mené des frappes`).
Actors are entity clusters, resolved pronouns and `ce dernier`, the entities a collective or partitive phrase
names (`la coalition des armées de X, Y et Z`, `des centaines de grévistes`), or the words of a phrase headed
by an actor noun (`la police`).

Mentions of one event are then merged: a noun taking up a verb of the same sentence (`accuse X de livrer
des drones … on ignore si les livraisons ont eu lieu`), a gerund saying how (`a renforcé sa coopération en menant
des manœuvres`), coordinated verbs (`ont bombardé, puis ont attaqué`), a definite noun taking up an earlier one
(`une offensive … L'offensive a été conduite par X`). What is only asked, alleged, refused, threatened or forbidden
(`demande à X de négocier`, `interdit aux banques de financer`) is part of that event, not an event of its own.

The date is a time expression of the clause (`doc._.times`), of a clause it depends on, or of the reporting
clause when the event is simultaneous with it (`a annoncé en juin qu'il retirait ses troupes`); without one, the
time set by an earlier sentence of the paragraph when the tense goes on in the same frame; never the publication
date by default. The factuality is the clause's, from `nlp.factuality`, as its speaker states it; a noun or participle
that the clause presupposes keeps only its own negation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..attribution import (PERSONAL_PRONOUNS, SpeakerResolver, agrees, ancestors_until, co_subject_name,
                           coordinated, extent, is_topic_subject, phrase)
from ..extensions import init_doc, register_extensions
from ..factuality import (CERTAIN, JOURNALIST, NEGATED, PROBABLE, UNCERTAINTY, Assessment, ModalityLexicon, assess,
                          innermost_quote, lemma_lookup, quote_depths, quote_voice, span_of)
from ..gazetteer import gazetteer
from ..lexicon import column_index, load_table
from ..types import ActorRef, CharSpan, EntityCluster, EventMatch
from .entities import cluster_at, is_definite

VERBAL = {"VERB", "AUX"}
SUBJECTS = {"nsubj"}              # `il y a`, `il est interdit`: an expletive `il` is nobody
PASSIVE_SUBJECTS = {"nsubj:pass"}
OBJECTS = {"obj", "iobj"}
MISREAD_OBJECTS = {"advmod", "dep", "appos", "nmod"}   # a name right after the verb the parser mislabelled
TARGET_CASES = {"avec", "contre", "à", "au", "aux", "auprès", "envers", "vers", "sur", "en"}
PLACE_CASES = {"à", "au", "aux", "dans", "en", "près", "depuis", "vers"}
BETWEEN = {"entre"}
NEGATIVE_DETERMINERS = {"aucun", "aucune", "nul", "nulle"}
NE = {"ne", "n'", "n’"}
NEGATORS = {"pas", "plus", "jamais", "point", "guère", "aucunement", "nullement"}
ASSERTED_NOUN_DEPS = {"obj", "obl:arg", "nsubj:pass"}   # `a mené des frappes`, `des livraisons ont été faites`
DE = {"de", "d'", "d’", "du", "des"}
RECIPIENT_CASES = {"avec", "entre", "contre", "au", "aux", "à"}   # `livrer des armes au X`, `un accord avec X`
RELATIVE_SUBJECTS = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
REFLEXIVE = {"se", "s'", "s’"}
CLITICS = {"l'", "l’", "le", "la", "les", "lui", "leur", "y", "en", "se", "s'", "s’", "me", "m'", "te", "t'",
           "nous", "vous"} | NE
DEFINITE_WORDS = {"le", "la", "l'", "l’", "les", "ce", "cet", "cette", "ces"}
PREPOSITIONS = {"à", "de", "sur", "contre", "avec", "entre"}   # `with:` words that may sit deeper in the phrase
# for these types the `de` complement of the noun is what suffers the event (`l'invasion de X`); for the
# others it is who acts (`la visite de X`, `le soutien de X`)
PATIENT_DE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "AID"}
# events a speaker performs by announcing them: `X a annoncé une aide` (X gives it), whereas `X a annoncé
# l'arrestation de Y` or `X a confirmé l'attaque` only report someone else's deed
SPEECH_TYPES = {"AGREE", "SUPPORT", "REJECT", "REQUEST", "ACCUSE", "THREATEN", "CONCEDE", "SANCTION", "AID",
                "COOPERATE", "MOBILIZE"}
# what these events ask for, allege, refuse or threaten is their content, not an event of its own (`demande à X
# de négocier`, `menace d'imposer des sanctions`)
CONTENT_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# who watches, allows, prevents or judges something is not who does it (`surveiller le cessez-le-feu`, `juger
# illégale la grève`)
NOT_DOERS = {"superviser", "observer", "surveiller", "suivre", "contrôler", "empêcher", "interdire", "autoriser",
             "attendre", "craindre", "redouter", "éviter", "prévenir", "voir", "regarder", "commenter", "rendre",
             "juger", "qualifier", "considérer", "estimer", "criminaliser", "condamner", "critiquer", "saluer"}
PROHIBITIONS = {"interdire", "empêcher", "interdiction", "défendre"}
# a cooperative event its source means not to do is a refusal (`sa décision de ne plus financer X`)
COOPERATIVE_TYPES = {"COOPERATE", "AID", "SUPPORT", "AGREE", "CONSULT", "CONCEDE"}
OCCURRING = {"dérouler", "produire", "éclater", "survenir", "intervenir", "commencer", "débuter", "reprendre",
             "poursuivre", "continuer", "tenir", "durer"}
PROMISES = {"promettre", "promesse"}
VOLITION = {"vouloir", "intention", "volonté", "décider", "décision", "entendre", "compter", "souhaiter"}
ACL_WINDOW = 5               # words before a participle where the noun it modifies may be
ORIGIN_WINDOW = 6            # words after `depuis` where the place of origin is named
LIGHT_DEPTH = 2              # `a mené une série de frappes`: nouns climbed to reach the verb
NOUN_DEPTH = 2               # nouns a time may sit under and still date the clause (`pendant le sommet de 2021`)
DATED_WINDOW = 6             # words between a weapon noun and the date that makes it an event
CLAUSE_DEPS = {"ccomp", "advcl", "acl:relcl", "csubj", "parataxis", "conj"}
MAIN_CLAUSE_BARRIERS = {"acl", "acl:relcl", "appos", "ccomp", "parataxis", "csubj"}
PERSON_LABELS = {"PER"}
GROUP_NOUNS = {"hommes": {"PER"}, "dirigeants": {"PER"}, "chefs": {"PER"}, "pays": {"LOC"}, "États": {"LOC"},
               "états": {"LOC"}, "capitales": {"LOC"}, "parties": {"LOC", "ORG", "PER"}}
LATTER = {"dernier": "Masc", "dernière": "Fem", "derniers": "Masc", "dernières": "Fem"}
DEMONSTRATIVES = {"ce", "cette", "ces", "cet"}
EARLIER = {"tôt"}                       # `plus tôt`: earlier the same day, in a news report
EARLIER_QUALIFIERS = {"dans", "que", "qu'", "qu’", "ce", "cette", "cet", "en", "le", "la", "l'", "l’", "cette"}
OTHER_TIME = {"après", "avant", "depuis"}   # `a quitté le pays mardi après avoir été menacé`: not that day
INTERVAL_FROM, INTERVAL_TO = {"du", "de"}, {"au", "à"}
# tenses of a clause, to tell whether it goes on in the time frame an earlier sentence set
PAST, ANTERIOR, PRESENT, IMPERFECT, FUTURE = "past", "anterior", "present", "imperfect", "future"
SAME_DAY_TENSES = {PAST, ANTERIOR}


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    reflexive: bool = False
    needs_actor: bool = False
    with_lemmas: frozenset = frozenset()
    negated: bool = False          # `neg`: the trigger is negated and takes an infinitive (`ne veut pas payer`)
    under: frozenset = frozenset()  # `under:a|b`: the verb it depends on (`déclarer X inacceptable`)
    of_target: bool = False        # `of:target`: its `de` complement is the target (`des commandes de X`)
    dated: bool = False            # `dated`: only with a date of its own (`un missile le 4 mai`)


@dataclass
class Mention:
    """One trigger with what the parse gives it, before mentions of one event are merged."""

    token: Token
    trigger: Trigger
    predicate: Token                  # where its actors hang: the trigger, or the verb a judged adjective qualifies
    clause: Token
    actors: list[ActorRef]
    type: str
    assess: Callable[[], Assessment]  # the clause's factuality, worked out only for mentions that need it
    place: Optional[str] = None
    also: list[Token] = field(default_factory=list)   # nouns of merged mentions, where a date may be
    date: Optional[str] = None
    date_text: Optional[str] = None
    _assessment: Optional[Assessment] = None

    @property
    def assessment(self) -> Assessment:
        if self._assessment is None:
            self._assessment = self.assess()
        return self._assessment

    @property
    def sources(self) -> list[ActorRef]:
        return [a for a in self.actors if a.role == "source"]

    def take_actors(self, other: "Mention") -> None:
        keys = {key(a) for a in self.actors}
        self.actors += [a for a in other.actors if key(a) not in keys]


@dataclass
class Context:
    """What one Doc's mentions share: the speaker resolver, the usable times and the quotations."""

    doc: Doc
    resolver: SpeakerResolver
    times: list = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc) -> "Context":
        times = [t for t in doc._.times or [] if getattr(t, "value", None) and not is_dateline(doc, t)]
        return cls(doc, SpeakerResolver(doc), times)

    def speaker_at(self, token: Token) -> Optional[str]:
        quotes = self.doc._.quotes or []
        n = innermost_quote(token, quotes)
        return quotes[n].speaker_entity if n is not None and quotes[n].type == "direct" else None


@Language.factory("veille_events", assigns=["doc._.events"], requires=["doc._.entity_clusters"],
                  default_config={"lang": "fr"})
def make_event_finder(nlp: Language, name: str, lang: str):
    return EventFinder(lang, lemma_lookup(nlp))


class EventFinder:
    def __init__(self, lang: str, lemma_of=lambda word: word):
        self.lang = lang
        self.triggers = load_triggers(lang)
        self.lemmas = {lemma for lemma, _ in self.triggers}
        self.lexicon = ModalityLexicon(lang, lemma_of)
        self.actor_nouns = {lemma: row["kind"] for lemma, row in column_index(lang, "actor_nouns", "lemma").items()}
        for form, row in column_index(lang, "titles", "form").items():
            if row["kind"] == "role":
                self.actor_nouns.setdefault(form, "agent")  # `le ministre`; actor_nouns decides `otage`
        self.reporting = set(column_index(lang, "reporting_verbs", "lemma"))
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[EventMatch]:
        context = Context.of(doc)
        mentions = [m for token, trigger in self.candidates(doc)
                    for m in [self.mention(token, trigger, context)] if m is not None]
        mentions = [m for m in merged(mentions) if stands(m)]
        for m in mentions:
            m.place = self.place(m.predicate, m.clause, m.actors) or m.place
        self.date_all(mentions, context)
        return [to_event(m) for m in mentions]

    def set_annotations(self, doc: Doc, events: list[EventMatch]) -> None:
        doc._.events = events

    def candidates(self, doc: Doc) -> Iterable[tuple[Token, Trigger]]:
        introduced: set = set()   # nouns met with what makes them events (`des exercices militaires`)
        for token in doc:
            lemma = token.lemma_.lower()
            rows = self.triggers.get((lemma, simple_pos(token))) if lemma in self.lemmas else None
            if rows:
                trigger = next((t for t in rows if satisfies(token, t, introduced)), None)
                if trigger is not None:
                    introduced.add((trigger.lemma, trigger.type))
                    yield token, trigger

    # one mention -------------------------------------------------------------------------------------------
    def mention(self, token: Token, trigger: Trigger, context: Context) -> Optional[Mention]:
        predicate = judging_verb(token) if trigger.pos == "ADJ" and token.dep_ == "amod" else token
        if predicate is None:
            return None
        sources, targets = (self.noun_actors if trigger.pos == "NOUN" else self.verb_actors)(predicate, trigger)
        actors = self.resolved(sources, "source", context) + self.resolved(targets, "target", context)
        if trigger.pos == "NOUN" and self.kind(token) == "collective":
            actors = [as_actor(c, "source") for c in enumerated(token)] + actors  # `la coalition de X et de Y`
        if trigger.pos == "NOUN" and not any(a.role == "source" for a in actors):
            actors += self.resolved(self.light_verb_subjects(predicate, trigger), "source", context)
        if trigger.type == "REQUEST" and not any(a.role == "target" for a in actors):
            actors += self.resolved(requested_subjects(predicate), "target", context)  # `demander que X parte`
        if not any(a.role == "source" for a in actors):
            actors += [as_actor(c, "source") for c in [origin(predicate)] if c is not None]
        actors = unique(actors)
        clause = clause_head(predicate)
        stateless = stateless_places(actors, context)
        places = self.places(predicate, trigger, actors) | set(stateless)
        actors = [a for a in actors if not (a.role == "target" and a.entity in places)]
        return Mention(token, trigger, predicate, clause, actors, trigger.type,
                       assess=lambda: self.factuality(token, trigger, clause),
                       place=next(iter(stateless.values()), None))

    def factuality(self, token: Token, trigger: Trigger, clause: Token) -> Assessment:
        """The clause's factuality; a noun that is not the clause's object or passive subject (`pendant le
        sommet`, `la rencontre aurait pu …`) and a participle without auxiliary (`des obus tirés`) are
        presupposed, so they only have their own negation (`aucune attaque`)."""
        if (trigger.pos == "NOUN" and not asserted_noun(token)) or bare_participle(token):
            negated = [c for c in token.children if c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS]
            result = Assessment()
            if negated:
                result.value, result.polarity, result.cues = NEGATED, "negative", [span_of(negated)]
            return result
        result = assess(clause, self.lexicon, *self.voice(clause))
        if clause.dep_ == "xcomp" and clause.head.pos_ in VERBAL and result.value != NEGATED:
            # `on ignore si X accepterait de financer`: the infinitive is no surer than its governor
            outer = assess(clause.head, self.lexicon, *self.voice(clause.head))
            if outer.value != NEGATED and UNCERTAINTY.get(outer.value, 0) > UNCERTAINTY.get(result.value, 0):
                result.value, result.cues = outer.value, result.cues + outer.cues
        if trigger.negated and result.value == NEGATED:
            result.value, result.polarity = CERTAIN, "positive"   # `ne veut pas payer`: the refusal is certain
        return result

    def places(self, token: Token, trigger: Trigger, actors: list[ActorRef]) -> set:
        """Entity ids of the locations among the trigger's complements. French marks the difference: `à Paris`,
        `dans la ville`, `en France`, `à la tour Eiffel` locate; `au Venezuela`, `aux États-Unis`, `à l'Inde` (a
        state with its article) name a recipient; a visit's `en France` is its target when it has no other."""
        found, others = set(), any(a.role == "target" and a.entity is None for a in actors)
        for child in token.children:
            if not (child.dep_.startswith("obl") or child.dep_ == "nmod") or case_of(child) not in PLACE_CASES:
                continue
            cluster = located(child)
            if cluster is None:
                continue
            case = case_of(child)
            determined = any(c.dep_ == "det" for c in child.children)
            recipient = case in {"au", "aux"} or (case == "à" and determined and is_state(cluster, token.doc))
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
        if is_passive(verb):
            agents = [c for c in children if is_agent(c)]
            patients = [repaired(c) for c in children if c.dep_ in PASSIVE_SUBJECTS | SUBJECTS] or \
                ([verb.head] if verb.dep_ == "acl" else controller(verb))
            partners = [c for c in children if c.dep_.startswith("obl") and case_of(c) in {"avec", "contre", "entre"}]
            return agents, patients + partners  # `l'accord, conclu avec X`
        inverted = inverted_subject(verb) if verb.lemma_.lower() in self.reporting else None
        inverted = inverted if inverted is not None and self.is_actor_word(inverted) else None
        subjects = [inverted] if inverted is not None else \
            named_first([repaired(c) for c in children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]) or controller(verb)
        children = [c for c in children if c is not inverted]
        targets = [c for c in children if c.dep_ in OBJECTS and not emphatic(c)] + \
                  [c for c in children if c.dep_.startswith("obl") and case_of(c) in TARGET_CASES] + \
                  [c for c in children if c.i > verb.i and case_of(c) is None and (
                      c.dep_.startswith("obl") or (c.pos_ == "PROPN" and c.dep_ in MISREAD_OBJECTS))]
        targets += [g for c in children if c.dep_ in OBJECTS and not self.is_actor_word(c)
                    for g in c.children if g.dep_ == "nmod" and case_of(g) in DE | RECIPIENT_CASES]
        # `s'est entretenu par téléphone avec X`: a partner hung on the verb's means or circumstance
        targets += [g for c in children if c.dep_.startswith("obl") and not self.is_actor_word(c)
                    for g in c.children if g.dep_ == "nmod" and case_of(g) in {"avec", "contre"}]
        if trigger.negated:  # `ne veulent pas envoyer de troupes au Niger`: whom the refused act concerned
            targets += [t for c in children if c.dep_ == "xcomp" for t in self.verb_actors(c, trigger)[1]]
        return subjects, targets

    def noun_actors(self, noun: Token, trigger: Trigger) -> tuple[list[Token], list[Token]]:
        children = list(noun.children)
        agents = [c for c in children if c.dep_ in {"nmod", "obl:agent"} and case_of(c) in {"par", "part"}]
        agents += on_behalf_of(noun) + participle_agents(noun) + passive_agents(noun)
        of = [c for c in children if c.dep_ == "nmod" and case_of(c) in DE and c.lower_ != "part"]
        targets = [c for c in children if c.dep_ == "nmod" and case_of(c) in TARGET_CASES]
        between = [c for c in children if c.dep_ == "nmod" and case_of(c) in BETWEEN]
        if trigger.type in PATIENT_DE_TYPES or trigger.of_target:
            targets += of
        else:
            agents += of
        if possessor(noun) is not None and noun.head.pos_ in VERBAL:
            agents.append(possessor(noun))   # `renouvelle sa confiance`; not `sur une partie de ses demandes`
        parties = [p for b in between for p in [b] + lifted_conjuncts(b) + right_conjuncts(b)]
        return agents + parties, targets

    def doer(self, subject: Token, trigger: Trigger, depth: int) -> list[Token]:
        """`X dirige le mouvement qui a abouti à une grève`: when the subject is itself something done, who
        does it."""
        if subject.lower_ in RELATIVE_SUBJECTS and subject.head.dep_ == "acl:relcl":
            antecedent = subject.head.head
            if antecedent.pos_ == "NOUN" and not self.is_actor_word(antecedent) and depth < LIGHT_DEPTH:
                return self.light_verb_subjects(antecedent, trigger, depth + 1) or [subject]
        return [subject]

    def light_verb_subjects(self, noun: Token, trigger: Trigger, depth: int = 0) -> list[Token]:
        """`le Chili a renforcé sa coopération`, `a mené une série de frappes`: the verb's subject acts;
        through a reporting verb only for what saying does (`a annoncé une aide`, not `a confirmé
        l'arrestation de …`); not through a verb that is an event of its own (`dénoncer l'invasion`) or that
        watches, allows, prevents or judges (`surveiller le cessez-le-feu`)."""
        token = noun
        for _ in range(LIGHT_DEPTH + 1):
            if token.dep_ in {"obj", "obl", "obl:arg", "obl:mod"} and token.head.pos_ in VERBAL:
                verb = token.head
                lemma = verb.lemma_.lower()
                if (lemma in self.reporting and trigger.type not in SPEECH_TYPES) or lemma in NOT_DOERS or (
                        (lemma, "VERB") in self.triggers and lemma not in PROMISES):
                    return []  # `réclamer la libération de X`: who asks is not who releases
                if token.dep_ == "obl:arg" and any(c.dep_ == "obj" for c in verb.children):
                    return []  # `obtenir satisfaction sur ses demandes`: the verb is about something else
                if is_passive(verb):  # `trois soldats ont été blessés lors des combats`: they suffered
                    return [c for c in verb.children if is_agent(c)]
                subjects = [repaired(c) for c in verb.children if c.dep_ in SUBJECTS] or controller(verb)
                return [s for t in subjects for s in self.doer(t, trigger, depth)]
            if token.dep_ != "nmod" or case_of(token) not in DE:
                return []  # climb `une série de frappes`, not `le soutien à l'invasion`
            token = token.head
        return []

    def resolved(self, tokens: list[Token], role: str, context: Context) -> list[ActorRef]:
        actors = []
        for token in (h for t in tokens if t is not None for h in conjuncts(t) + left_conjuncts(t)):
            actors += self.actor(token, role, context)
        return actors

    def actor(self, token: Token, role: str, context: Context, depth: int = 0) -> list[ActorRef]:
        """The entity (or entities, for `les deux pays`) a phrase names, or its words if an actor noun heads it."""
        if depth > 3:
            return []
        if token.lower_ in RELATIVE_SUBJECTS:
            token = relative_antecedent(token)  # `le syndicat, qui réclame`: the antecedent
            if token is None:
                return []
        if is_latter(token):
            return self.latter(token, role, context, depth)
        group = group_reference(token, context.resolver.clusters)
        if group:
            return [as_actor(c, role) for c in group]
        if token.pos_ == "PRON":
            return self.pronoun_actor(token, role, context, depth)
        kind = self.kind(token)
        if token.pos_ == "NUM" or kind == "quantity":
            # `trois de ses membres`, `des centaines de grévistes`: who they are counts
            return self.part_of(token, role, context, depth)
        if token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper()):
            cluster = named_cluster(token)
            if cluster is not None or token.pos_ == "PROPN" or kind is None:
                return [as_actor(cluster, role)] if cluster is not None else []
        if token.pos_ == "NOUN" and kind is None:
            # `le président de X, Jean Dupont,`: a description with a person named in apposition
            cluster = context.resolver.mentioned_in(extent(token), token)
            return [as_actor(cluster, role)] if cluster is not None and cluster.label in PERSON_LABELS else []
        if kind == "affected" and role == "target" and token.pos_ == "NOUN":
            return [ActorRef(name=short_phrase(token).text.strip(), role=role)]  # `libérer des otages`
        if token.pos_ != "NOUN" or kind not in {"agent", "member", "collective"}:
            return []
        if kind == "collective":
            # `la coalition des armées de X, Y et Z`, `l'alliance formée par X et Y`: its members act
            members = enumerated(token)
            if members:
                return [as_actor(c, role) for c in members]
        if kind == "member":
            # `des militants du parti`, `des membres de X`, `ses membres`: the group they belong to acts
            found = self.part_of(token, role, context, depth)
            if found:
                return found
        return [self.described(token, role, context)]

    def kind(self, token: Token) -> Optional[str]:
        return self.actor_nouns.get(token.lemma_.lower(), self.actor_nouns.get(token.lower_))

    def part_of(self, token: Token, role: str, context: Context, depth: int) -> list[ActorRef]:
        """The whole a part belongs to: its `de` complement(s), or the antecedent of its possessive."""
        lifted = set(t.i for t in lifted_conjuncts(token)) if case_of(token) in BETWEEN else set()
        wholes = [h for c in token.children if c.dep_ == "nmod" and case_of(c) in DE for h in coordinated(c)
                  if h.i not in lifted]
        found = [a for w in wholes for a in self.actor(w, role, context, depth + 1)]
        if not found and has_possessive(token):
            antecedent = possessive_antecedent(token)
            found = self.actor(antecedent, role, context, depth + 1) if antecedent is not None else []
        if not found and token.pos_ == "NOUN" and self.kind(token) in {"member", "agent"}:
            found = [self.described(token, role, context)]
        return found

    def described(self, token: Token, role: str, context: Context) -> ActorRef:
        """An actor noun phrase: the entity it is a mention of or names close by (`le gouvernement du Mali`, `le
        ministre` tied to a person), else its own words (`forces de sécurité`, `milice armée`)."""
        resolver = context.resolver
        words = short_phrase(token)
        cluster = (token_cluster(token) or apposed_name(token) or resolver.role_holder(token)
                   or resolver.by_nationality(token) or resolver.apposed_person(phrase(token)) or cluster_in(words))
        if cluster is not None:
            return as_actor(cluster, role)
        return ActorRef(name=words.text.strip(), role=role, country=demonym_country(token))

    def pronoun_actor(self, token: Token, role: str, context: Context, depth: int) -> list[ActorRef]:
        """`il`/`elle`: its antecedent (the latest agreeing subject before it), else for a singular pronoun the
        last person named in the paragraph or the one before. A pronoun in someone's quotation is not the
        speaker (who would say `je`), and a plural one is not one person."""
        if token.lower_ not in PERSONAL_PRONOUNS:
            return []
        speaker, plural = context.speaker_at(token), token.lower_.rstrip("-").endswith("s")
        antecedent = topic_before(token)
        found = self.actor(antecedent, role, context, depth + 1) if antecedent is not None else []
        found = [a for a in found if a.entity is None or a.entity != speaker]
        if plural:
            return [a for a in found if not is_person(a, context)] if len(found) == 1 else found
        if found:
            return found
        person = last_person(token, context, exclude=speaker)
        return [as_actor(person, role)] if person is not None else []

    def latter(self, token: Token, role: str, context: Context, depth: int) -> list[ActorRef]:
        """`ce dernier`, `cette dernière`: the latest actor named before it that agrees in gender."""
        doc, gender = token.doc, LATTER.get(token.lower_)
        start = previous_paragraph(doc, token.i)
        for candidate in reversed(doc[start:max(start, token.i - 1)]):
            if candidate.lower_ in DEMONSTRATIVES or candidate.pos_ not in {"NOUN", "PROPN"}:
                continue
            named = candidate.pos_ == "PROPN" and named_cluster(candidate) is not None
            if not (named or self.kind(candidate) in {"agent", "member", "collective"}):
                continue
            if candidate.pos_ == "NOUN" and gender and candidate.morph.get("Gender") \
                    and gender not in candidate.morph.get("Gender"):
                continue
            found = self.actor(head_of_name(candidate), role, context, depth + 1)
            if found:
                return found
        return []

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

    def date_all(self, mentions: list[Mention], context: Context) -> None:
        """Each mention's own date, then, for those without, the frame an earlier sentence of the paragraph set."""
        for m in mentions:
            found = self.date(m.predicate, m.clause, context)
            if found is None:
                dated = sorted((d for d in (own_phrase_date(n, context) for n in m.also) if d), key=lambda d: d[0])
                found = dated[0][1] if dated else None
            if found is not None:
                m.date, m.date_text = found
        inherit_dates(mentions, context)

    def date(self, token: Token, clause: Token, context: Context) -> Optional[tuple[str, str]]:
        """The time expression nearest the trigger: in its own clause, else in a clause it depends on (not
        through a reporting verb's complement, unless the event is simultaneous with the report; not in a
        clause of its own below it, unless the event is past and the time too); else `plus tôt` in a past
        clause: earlier the same day."""
        doc, times = token.doc, context.times
        heads = [clause] + governing_clauses(clause)
        for head in heads:
            span = doc[head.left_edge.i:head.right_edge.i + 1]
            inside = [t for t in times if span.start_char <= t.start and t.end <= span.end_char
                      and not in_other_clause(doc, t, token, head) and not describes_noun(doc, t, head)]
            if inside:
                return value_of(doc, min(inside, key=lambda t: abs(t.start - token.idx)), times)
        if tense_of(clause) in SAME_DAY_TENSES:
            # a past event, dated in a phrase below it (`… selon un communiqué publié lundi`), never by a time
            # still ahead (`dénoncent un plan qui prévoit des suppressions d'ici la fin de l'année`)
            span = doc[clause.left_edge.i:clause.right_edge.i + 1]
            inside = [t for t in times if span.start_char <= t.start and t.end <= span.end_char
                      and not after_publication(doc, t)]
            if inside:
                return value_of(doc, min(inside, key=lambda t: abs(t.start - token.idx)), times)
        earlier = next((c for h in heads for c in h.children if is_earlier(c)), None)
        if earlier is not None and doc._.published and tense_of(clause) in SAME_DAY_TENSES:
            return doc._.published, doc[earlier.i - 1:earlier.i + 1].text
        return None


# the lexicon -------------------------------------------------------------------------------------------------
def load_triggers(lang: str) -> dict[tuple[str, str], list[Trigger]]:
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    for row in load_table(lang, "event_triggers"):
        needs = (row.get("requires") or "").split()

        def words(prefix: str) -> frozenset:
            return frozenset(w for n in needs if n.startswith(prefix) for w in n[len(prefix):].lower().split("|"))

        trigger = Trigger(row["lemma"].lower(), row["pos"], row["type"], reflexive="se" in needs,
                          needs_actor="actor" in needs, with_lemmas=words("with:"), negated="neg" in needs,
                          under=words("under:"), of_target="of:target" in needs, dated="dated" in needs)
        triggers.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    return triggers


def simple_pos(token: Token) -> str:
    return "VERB" if token.pos_ in VERBAL else token.pos_


def satisfies(token: Token, trigger: Trigger, introduced: set = frozenset()) -> bool:
    if trigger.reflexive and not any(c.lower_ in REFLEXIVE for c in token.children):
        return False
    if trigger.negated and not (is_negated(token) and any(c.dep_ == "xcomp" for c in token.children)):
        return False
    if trigger.under and not (governor(token) is not None and governor(token).lemma_.lower() in trigger.under):
        return False
    if trigger.dated and dated_by(token) is None:
        return False
    if trigger.with_lemmas:
        if token.pos_ == "NOUN" and (trigger.lemma, trigger.type) in introduced and takes_up(token):
            return True   # `des exercices militaires … les exercices ont duré`: the same kind of thing
        return any(t.lemma_.lower() in trigger.with_lemmas or t.lower_ in trigger.with_lemmas
                   for t in near(token, trigger))
    return True


def near(token: Token, trigger: Trigger) -> list[Token]:
    """The words a `with:` condition looks at: the trigger's complements and their own dependents."""
    found = [t for c in token.children if c.dep_ not in CLAUSE_DEPS for t in (c, *c.children)]
    if token.pos_ in VERBAL and not any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in token.children) and \
            token.dep_ == "xcomp":
        # `l'accord devrait être signé`: the subject of the verb the passive infinitive depends on
        found += [c for c in token.head.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
    if token.dep_ == "acl":
        # a participle's noun, which the parser may attach to a complement (`des obus de gros calibre tirés`)
        found += [token.head] + [t for t in token.doc[max(0, token.i - ACL_WINDOW):token.i] if t.pos_ == "NOUN"]
    if trigger.with_lemmas & PREPOSITIONS:
        # `appelle dans un discours à la grève`: the preposition of a complement hung one level lower
        found += [g for c in token.children if c.dep_ not in CLAUSE_DEPS for d in c.children
                  if d.dep_ not in CLAUSE_DEPS for g in d.children if g.dep_ == "case"]
    return found


def is_negated(token: Token) -> bool:
    words = {c.lower_ for c in token.children}
    return bool(words & NE) and bool(words & NEGATORS)


def governor(token: Token) -> Optional[Token]:
    """The verb a noun or adjective depends on (`renouveler sa confiance`, `juger la réforme inacceptable`)."""
    head = token.head
    for _ in range(2):
        if head.pos_ in VERBAL:
            return head
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def judging_verb(adjective: Token) -> Optional[Token]:
    """`juger cette réforme inacceptable`: the verb whose object the adjective qualifies, which has the actors."""
    verb = governor(adjective)
    return verb if verb is not None and adjective.head.dep_ in OBJECTS | {"xcomp"} else None


def dated_by(token: Token):
    """A day or month expression right after the noun's phrase (`un missile de croisière le 4 mai`)."""
    doc = token.doc
    for time in doc._.times or []:
        if time.start <= token.idx or not time.value or time.precision not in {"day", "month"}:
            continue
        between = [t for t in doc[token.i + 1:token.i + 1 + DATED_WINDOW] if t.idx < time.start]
        if len(between) < DATED_WINDOW and all(t.pos_ in {"ADJ", "ADP", "DET", "NOUN", "NUM"} for t in between):
            return time
    return None


def takes_up(noun: Token) -> bool:
    """`l'offensive`, `cette offensive`: a definite phrase taking up something already introduced."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_WORDS for c in noun.children)


# parse helpers -----------------------------------------------------------------------------------------------
def case_of(token: Token) -> Optional[str]:
    cases = [c.lower_ for c in token.children if c.dep_ in {"case", "mark"}]
    return cases[0] if cases else None


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


def has_own_tense(verb: Token) -> bool:
    """A finite verb, or a participle with a finite auxiliary (`a signé`; not `être signé`)."""
    return any("Fin" in c.morph.get("VerbForm") for c in [verb, *verb.children]
               if c is verb or c.dep_.startswith("aux"))


def fronted_subject(verb: Token) -> list[Token]:
    """`Jean Dupont, élu en mai, a démissionné`: the parser may hang the finite verb on its own subject."""
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
    """`… et Dupont l'avait alors limogé`: a name right before the verb's clitics and auxiliaries, which the
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
    """`200 otages du groupe X ont été libérés`, parsed with the name as subject: a subject right after
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


def emphatic(token: Token) -> bool:
    """`Le syndicat a, lui, décidé`: a stressed pronoun between commas is no object."""
    doc = token.doc
    return token.pos_ == "PRON" and 0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "," \
        and doc[token.i + 1].text == ","


def possessor(noun: Token) -> Optional[Token]:
    """`son invasion`: the possessive determiner stands for the clause's subject."""
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
    """The latest main-clause subject (or agent of a passive: `refusée par le ministre`) before a pronoun,
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
    """`refusée par le ministre, qui ne veut pas …`: the noun the relative clause hangs on, or the noun right
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
    """`Le Japon et l'Australie ont renforcé`, parsed with only the second as subject: the one before `et`."""
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


def is_agent(token: Token) -> bool:
    """`par X` (the parser's `obl:agent` sometimes takes `avec X`, a partner)."""
    return token.dep_.startswith("obl") and (case_of(token) == "par" or (
        token.dep_ == "obl:agent" and case_of(token) is None))


def participle_agents(noun: Token) -> list[Token]:
    """`l'appel lancé par le syndicat`: the agent of a participle modifying the noun."""
    return [g for c in noun.children if c.dep_ == "acl" and is_passive(c) for g in c.children if is_agent(g)]


def passive_agents(noun: Token) -> list[Token]:
    """`l'offensive a duré une semaine et a été conduite par X`: the agent of a passive verb the noun is the
    subject of."""
    if noun.dep_ not in SUBJECTS | PASSIVE_SUBJECTS or noun.head.pos_ not in VERBAL:
        return []
    verbs = [noun.head] + [c for c in noun.head.children if c.dep_ == "conj" and c.pos_ in VERBAL
                           and not any(g.dep_ in SUBJECTS | PASSIVE_SUBJECTS for g in c.children)]
    return [g for v in verbs if is_passive(v) or participle_without_auxiliary(v) for g in v.children if is_agent(g)]


def participle_without_auxiliary(verb: Token) -> bool:
    """`la grève entamée par les salariés`, parsed with the participle as the noun's verb."""
    return "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and \
        not any(c.dep_.startswith("aux") for c in verb.children)


def requested_subjects(verb: Token) -> list[Token]:
    """`demander à ce que X parte`, `exiger que X démissionne`: who is asked is who must act."""
    clauses = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and case_of(c) in {"que", "qu'", "qu’"}]
    clauses += [g for c in verb.children if c.lower_ == "ce" for g in c.children if g.dep_ in {"acl", "ccomp"}]
    return [s for c in clauses for s in c.children if s.dep_ in SUBJECTS]


def asserted_noun(noun: Token) -> bool:
    """Whether the clause asserts the noun's event (it is what the verb does, or what a verb of occurring says
    happened: `des livraisons ont eu lieu`), climbing `une série de`."""
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


def governing_clauses(clause: Token) -> list[Token]:
    """`Le 3 mai, X riposte … et condamne`: the clauses a coordinated, adverbial or participial clause hangs
    on, and the report an imperfect is simultaneous with (`a annoncé en juin qu'il retirait ses troupes`); not what a
    relative clause (background) or an `après`/`avant` clause (another time) hangs on."""
    found, head, prospective = [], clause, False
    while head.head.i != head.i and len(found) < 3 and case_of(head) not in OTHER_TIME and (
            head.dep_ in {"conj", "advcl", "acl", "xcomp"} or (simultaneous_report(head)
                                                                          and not prospective)):
        prospective = prospective or "Inf" in head.morph.get("VerbForm")  # `se préparait à signer`: later
        head = head.head
        while head.pos_ not in VERBAL and head.head.i != head.i and head.dep_ != "ROOT":
            head = head.head
        found.append(head)
    return found


def own_phrase_date(noun: Token, context: Context) -> Optional[tuple[int, tuple[str, str]]]:
    """A time close under a noun in its own phrase (`pendant l'offensive conduite du 3 au 9 mars`, not
    `une offensive jugée réussie selon le communiqué publié lundi`), with how far under it is."""
    doc, found = noun.doc, []
    span = doc[noun.left_edge.i:noun.right_edge.i + 1]
    for time in context.times:
        if span.start_char <= time.start and time.end <= span.end_char and time.head is not None:
            distance, head = 0, doc[time.head]
            while head.i != noun.i and head.head.i != head.i:
                head, distance = head.head, distance + 1
            if distance <= NOUN_DEPTH:
                found.append((distance, value_of(doc, time, context.times)))
    return min(found, key=lambda f: f[0]) if found else None


def simultaneous_report(clause: Token) -> bool:
    """A reported clause in the imperfect under a past reporting verb: it holds at the time of the report."""
    return clause.dep_ == "ccomp" and tense_of(clause) == IMPERFECT and tense_of(clause.head) in SAME_DAY_TENSES


def in_other_clause(doc: Doc, time, token: Token, clause: Token) -> bool:
    """Whether a time expression sits in a clause embedded in the trigger's clause that the trigger is not in."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return True
    head = span.root
    while head.i != clause.i and head.head.i != head.i:
        if head.dep_ in CLAUSE_DEPS and head.pos_ in VERBAL and token not in head.subtree:
            return True
        head = head.head
    return False


def describes_noun(doc: Doc, time, clause: Token) -> bool:
    """`la place, théâtre de l'émeute de 1968`, `le centenaire de la création du parti en 1921`: a date
    inside an apposition or deep in a noun phrase dates that noun, not the clause's event."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    head, nouns = (span.root if span is not None else None), 0
    while head is not None and head.i != clause.i and head.head.i != head.i:
        if head.dep_ == "appos":
            return True
        head = head.head
        nouns += head.pos_ in {"NOUN", "PROPN"} and head.i != clause.i
    return nouns > NOUN_DEPTH


def value_of(doc: Doc, time, times: list) -> tuple[str, str]:
    """A time's value, or the interval it opens or closes (`du 3 au 9 mars`)."""
    first = doc.char_span(time.start, time.end, alignment_mode="expand")
    for other in times:
        if other is time or "/" in time.value or "/" in other.value:
            continue
        second = doc.char_span(other.start, other.end, alignment_mode="expand")
        if first is None or second is None:
            continue
        a, b = (first, second) if first.start < second.start else (second, first)
        links = doc[a.end:b.start]
        opens = a.start > 0 and doc[a.start - 1].lower_ in INTERVAL_FROM or a[0].lower_ in INTERVAL_FROM
        if opens and len(links) <= 1 and (links.text.lower() in INTERVAL_TO or b[0].lower_ in INTERVAL_TO):
            lo, hi = (time, other) if first.start < second.start else (other, time)
            return f"{lo.value}/{hi.value}", doc[a.start:b.end].text
    return time.value, time.text


def after_publication(doc: Doc, time) -> bool:
    """Whether a time lies after the publication date, at the precision both share."""
    published, value = doc._.published, time.value.split("/")[0]
    if not published:
        return False
    n = min(len(published), len(value))
    return value[:n] > published[:n]


def is_earlier(token: Token) -> bool:
    """`Plus tôt, …`: bare, not `plus tôt dans la journée` (a time expression) nor `plus tôt que`."""
    doc = token.doc
    if token.lower_ not in EARLIER or token.i == 0 or doc[token.i - 1].lower_ != "plus":
        return False
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return after not in EARLIER_QUALIFIERS


def is_dateline(doc: Doc, time) -> bool:
    """`12 mars 2024. – …`: the date an article opens with says when it was written, not when things were."""
    span = doc.char_span(time.start, time.end, alignment_mode="expand")
    if span is None:
        return False
    starts = span.start == 0 or "\n" in doc[span.start - 1].text or "\n" in doc[span.start - 1].whitespace_
    after = doc[span.end:span.end + 2].text
    return starts and (after.startswith(".") or after.startswith("–") or after.startswith("-"))


def tense_of(verb: Token, depth: int = 0) -> Optional[str]:
    """The clause's tense as a time frame: past (passé composé or simple), anterior (plus-que-parfait),
    present, imperfect or future (future and conditional)."""
    if verb.pos_ not in VERBAL or depth > 3:
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "aux:tense", "aux:pass"}
                   and "Fin" in c.morph.get("VerbForm")]
    if auxiliaries:
        aux = auxiliaries[0]
        tense, compound = aux.morph.get("Tense"), aux.dep_ == "aux:tense" or any(
            c.dep_ == "aux:tense" for c in verb.children)
        if "Cnd" in aux.morph.get("Mood") or "Fut" in tense:
            return FUTURE
        if "Imp" in tense:
            return ANTERIOR if compound else IMPERFECT
        return PAST if compound else PRESENT
    if "Fin" in verb.morph.get("VerbForm"):
        tense = verb.morph.get("Tense")
        if "Cnd" in verb.morph.get("Mood") or "Fut" in tense:
            return FUTURE
        return IMPERFECT if "Imp" in tense else PAST if "Past" in tense else PRESENT
    finite = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in VERBAL and has_own_tense(c)]
    if finite:
        return tense_of(finite[0], depth + 1)
    if verb.dep_ in {"xcomp", "advcl", "conj", "acl"} and verb.head.i != verb.i:
        return tense_of(clause_head(verb.head), depth + 1)
    return None


def main_times(sentence: Span, times: list) -> list:
    """Times of a sentence that frame its main clause (not one inside a relative, an apposition or a report)."""
    doc, found = sentence.doc, []
    for time in times:
        if not (sentence.start_char <= time.start < sentence.end_char) or time.head is None:
            continue
        head = doc[time.head]
        while head.dep_ not in MAIN_CLAUSE_BARRIERS and head.head.i != head.i:
            head = head.head
        if head.dep_ not in MAIN_CLAUSE_BARRIERS:
            found.append(time)
    return found


def inherit_dates(mentions: list[Mention], context: Context) -> None:
    """`Le 4 mars, X avait exigé … Y a refusé et X l'avait alors limogé`: a sentence with no time
    of its own goes on in the time the latest dated sentence of its paragraph set, as long as its tense keeps
    that frame (the same tense, or a passé composé after a plus-que-parfait); a new paragraph, a tense that
    steps back or forward, or a quotation, ends it."""
    doc, frame, paragraph = context.doc, None, None
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.token.sent.start, []).append(m)
    depth = quote_depths(doc)
    for sentence in doc.sents:
        start = paragraph_starts(doc)[sentence.start]
        if start != paragraph:
            frame, paragraph = None, start
        own = [t for t in context.times if sentence.start_char <= t.start < sentence.end_char]
        main = main_times(sentence, own)
        if main:
            head = clause_head(doc[main[0].head])
            frame = (value_of(doc, main[0], context.times), tense_of(head), depth[head.i])
        if own or frame is None:
            continue
        for m in by_sentence.get(sentence.start, []):
            tense = tense_of(m.clause)
            if m.date is None and depth[m.clause.i] == frame[2] and (
                    tense == frame[1] or (frame[1] == ANTERIOR and tense == PAST)):
                m.date, m.date_text = frame[0]


def located(token: Token) -> Optional[EntityCluster]:
    cluster = token_cluster(token)
    if cluster is None:
        span = extent(token)
        cluster = cluster_at(token.doc, span.start_char, span.end_char)
    return cluster if cluster is not None and cluster.label == "LOC" else None


def is_state(cluster: EntityCluster, doc: Doc) -> bool:
    """A country (`à l'Inde`), not a city or site that has a country code (`à la tour Eiffel`)."""
    known = gazetteer(doc.lang_).lookup(cluster.name)
    return known is not None and known.kind == "country"


def group_reference(token: Token, clusters: list[EntityCluster]) -> list[EntityCluster]:
    """`les deux pays`, `les deux hommes`: the two entities of that kind the article has spoken of most so far
    (states, by name, capital or demonym: `le président sénégalais`), the latest first among equals; not merely
    the last two named (`selon Londres, … entre les deux pays`)."""
    labels = GROUP_NOUNS.get(token.text)
    if labels is None or not any(c.lower_ == "deux" for c in token.children):
        return []
    ranked, doc = [], token.doc
    demonyms = demonym_mentions(doc) if labels == {"LOC"} else {}
    for cluster in clusters:
        if cluster.label not in labels or (labels == {"LOC"} and not is_state(cluster, doc)):
            continue
        before = [m.start for m in cluster.mentions if m.end <= token.idx]
        before += [start for start in demonyms.get(cluster.country, []) if start < token.idx]
        if before:
            ranked.append((len(before), max(before), cluster))
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    return [r[2] for r in ranked[:2]] if len(ranked) >= 2 else []


def token_cluster(token: Token) -> Optional[EntityCluster]:
    """The entity a token is part of a mention of (an index built once per Doc)."""
    doc, clusters = token.doc, token.doc._.entity_clusters or []
    cached = doc.user_data.get("veille_token_clusters")
    if cached is None or cached.get(-1) != len(clusters):   # token → cluster index (plain ints: serialisable)
        index: dict[int, tuple[int, int]] = {}
        for n, cluster in enumerate(clusters):
            for m in cluster.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                for t in span if span is not None else []:
                    overlap = min(m.end, t.idx + len(t)) - max(m.start, t.idx)
                    if overlap > index.get(t.i, (0, 0))[0]:
                        index[t.i] = (overlap, n)
        doc.user_data["veille_token_clusters"] = {-1: len(clusters), **{i: n for i, (_, n) in index.items()}}
    n = doc.user_data["veille_token_clusters"].get(token.i)
    return clusters[n] if n is not None and n < len(clusters) else None


def named_cluster(token: Token) -> Optional[EntityCluster]:
    """The entity a name (with its flat parts) is a mention of."""
    name = phrase(token)
    return token_cluster(token) or cluster_at(token.doc, name.start_char,
                                                                                   name.end_char)


def head_of_name(token: Token) -> Token:
    """`Gaulle` in `Charles de Gaulle`: the token heading the name it is part of."""
    while token.dep_ in {"flat:name", "flat", "flat:foreign"} and token.head.i != token.i:
        token = token.head
    return token


def is_latter(token: Token) -> bool:
    """`ce dernier`, `cette dernière`."""
    doc = token.doc
    return token.lower_ in LATTER and token.i > 0 and doc[token.i - 1].lower_ in DEMONSTRATIVES


def short_phrase(token: Token) -> Span:
    """An actor noun's own words: its adjectives, name parts and a plain `de` complement (`forces de sécurité`,
    `milice armée`), not the places, times and clauses hung on it."""
    doc, parts = token.doc, [token]
    for child in token.children:
        plain_of = child.dep_ == "nmod" and case_of(child) in DE and not any(
            g.dep_ in {"nmod", "acl", "acl:relcl", "appos"} for g in child.children) and child.pos_ != "NUM"
        if (child.dep_ in {"amod", "flat", "flat:name", "compound", "fixed"} or plain_of) and not is_time_word(child):
            branches = [g for g in child.children if g.dep_ in {"conj", "cc"}]  # `de l'armée et rebelles`
            parts += [t for t in child.subtree if not any(t in b.subtree for b in branches)]
    parts = [t for t in parts if t.pos_ != "PUNCT"]
    span = doc[min(t.i for t in parts):max(t.i for t in parts) + 1]
    while len(span) > 1 and span[0].pos_ in {"DET", "ADP"}:
        span = span[1:]
    return span


def stateless_places(actors: list[ActorRef], context: Context) -> dict[str, str]:
    """`tiré trois obus en mer Noire`: a place of no country (a sea, a mountain range) is where, not whom."""
    clusters = {c.id: c for c in context.resolver.clusters}
    return {a.entity: a.name for a in actors if a.role == "target" and a.entity in clusters
            and clusters[a.entity].label == "LOC" and clusters[a.entity].country is None}


def demonym_mentions(doc: Doc) -> dict[str, list[int]]:
    """Where each country is referred to by its demonym (`sénégalais`, `ivoiriennes`): code → offsets."""
    known, found = gazetteer(doc.lang_), {}
    for token in doc:
        if token.pos_ == "ADJ" and token.is_lower:
            code = known.demonym(token.text)
            if code:
                found.setdefault(code, []).append(token.idx)
    return found


def demonym_country(token: Token) -> Optional[str]:
    """`l'armée israélienne`, `le gouvernement allemand`: the state an unnamed actor belongs to."""
    known = gazetteer(token.doc.lang_)
    codes = {known.demonym(c.text) for c in token.children if c.dep_ == "amod"} - {None}
    return codes.pop() if len(codes) == 1 else None


def is_time_word(token: Token) -> bool:
    """`trois otages dimanche`: a time expression the parser hung on a noun is not part of its name."""
    return any(t.start <= token.idx < t.end for t in token.doc._.times or [])


def cluster_in(span: Span) -> Optional[EntityCluster]:
    """The entity an actor noun's own words name (`le gouvernement du Mali`); a region or city does not act for
    the official of it (`le préfet du Finistère`)."""
    cluster = cluster_at(span.doc, span.start_char, span.end_char)
    if cluster is not None and cluster.label == "LOC" and not is_state(cluster, span.doc):
        return None
    return cluster


def apposed_name(token: Token) -> Optional[EntityCluster]:
    """`la porte-parole du ministère, Jeanne Martin`: the name in apposition."""
    names = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return named_cluster(names[0]) if names else None


def enumerated(token: Token) -> list[EntityCluster]:
    """The organisations and states a collective phrase enumerates (`des armées du Mali, du Niger et du
    Burkina Faso`, `formée par X et Y`), in their order."""
    found: list[EntityCluster] = []
    for t in sorted(token.subtree, key=lambda t: t.i):
        if any(a.dep_ in {"acl:relcl", "advcl", "ccomp", "parataxis"} for a in ancestors_until(t, token)):
            continue  # `l'alliance formée par X et Y` counts; what a relative clause says does not
        if t.pos_ == "PROPN" and t.i != token.i:
            cluster = token_cluster(t)
            if cluster is not None and cluster.label in {"LOC", "ORG"} and cluster not in found:
                found.append(cluster)
    return found


def is_person(actor: ActorRef, context: Context) -> bool:
    return any(c.id == actor.entity and c.label in PERSON_LABELS for c in context.resolver.clusters)


def last_person(token: Token, context: Context, exclude: Optional[str] = None) -> Optional[EntityCluster]:
    """The person mentioned last before the token, in its paragraph or the one before."""
    doc, best = token.doc, None
    since = doc[previous_paragraph(doc, token.i)].idx
    for cluster in context.resolver.clusters:
        if cluster.label not in PERSON_LABELS or cluster.id == exclude:
            continue
        for m in cluster.mentions:
            if since <= m.start < token.idx and (best is None or m.start > best[0]):
                best = (m.start, cluster)
    return best[1] if best else None


def paragraph_starts(doc: Doc) -> list[int]:
    """For each token, the index of the first token of its paragraph (computed once per Doc)."""
    if "veille_paragraph_starts" not in doc.user_data:
        starts, start = [], 0
        for token in doc:
            starts.append(start)
            if "\n" in token.text or "\n" in token.whitespace_:
                start = token.i + 1
        doc.user_data["veille_paragraph_starts"] = starts
    return doc.user_data["veille_paragraph_starts"]


def previous_paragraph(doc: Doc, i: int) -> int:
    """The first token of the paragraph before token i's (or of its own, for the first paragraph)."""
    starts = paragraph_starts(doc)
    own = starts[i]
    return starts[own - 1] if own > 0 else 0


def is_passive(verb: Token) -> bool:
    """`a été sanctionné`, or a participle modifying a noun (`des obus tirés`); a `nsubj:pass` without
    `être` is a parser slip."""
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return True
    return (verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense")) \
        or bare_participle(verb)


def origin(token: Token) -> Optional[EntityCluster]:
    """`des roquettes tirées depuis le territoire de X`: with no one named as acting, the place it came from acts."""
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


def key(actor: ActorRef) -> str:
    return actor.entity or actor.name.lower()


def unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen, kept = set(), []
    for actor in actors:
        if key(actor) not in seen:
            seen.add(key(actor))
            kept.append(actor)
    return kept


# one event, several mentions ---------------------------------------------------------------------------------
def merged(mentions: list[Mention]) -> list[Mention]:
    """The mentions that stand for an event of their own, each with what its other mentions add."""
    for step in (drop_covered, take_up_verbs, drop_contents, promises, refusals, join_coordinated, join_gerunds,
                 join_relatives, take_up_nouns, take_up_causes, take_up_objects, drop_generic):
        mentions = step(mentions)
    return mentions


def drop_covered(mentions: list[Mention]) -> list[Mention]:
    """`a réclamé la libération`, `lancer une attaque`: a noun trigger that is the object of a verb trigger;
    `a rencontré X pendant le sommet`: a noun of the same type in the verb's clause is the same event."""
    verbs = {m.token.i: m for m in mentions if m.trigger.pos != "NOUN"}

    def covered(m: Mention) -> bool:
        if m.trigger.pos != "NOUN":
            return False
        if m.token.head.i in verbs and m.token.head.i != m.token.i and m.token.dep_ in ASSERTED_NOUN_DEPS:
            return True
        verb = verbs.get(clause_head(m.token).i)
        return verb is not None and verb.type == m.type
    return [m for m in mentions if not covered(m)]


def take_up_verbs(mentions: list[Mention]) -> list[Mention]:
    """`accuse X de livrer des drones, sans que l'on sache si les livraisons ont eu lieu`: a noun
    with no one acting takes up the verb of the same type before it in the sentence; the noun's clause, the
    later word on it, says how sure it is."""
    dropped = set()
    for m in mentions:
        if m.trigger.pos != "NOUN" or m.sources:
            continue
        verb = next((v for v in reversed(mentions) if v.trigger.pos != "NOUN" and v.type == m.type and v.sources
                     and v.token.sent == m.token.sent and v.token.i < m.token.i and id(v) not in dropped), None)
        if verb is not None:
            m.actors = unique(verb.actors + m.actors)
            dropped.add(id(verb))
    return [m for m in mentions if id(m) not in dropped]


def drop_contents(mentions: list[Mention]) -> list[Mention]:
    """`demande à X de négocier`, `accuse X de livrer des drones`, `refuse de payer`, `menace de frapper`,
    `interdit aux banques de financer`: what is asked, alleged, refused, threatened or forbidden is the content of
    that event, not an event of its own; the event takes its target when it has none (`a refusé de livrer des
    chars à l'Ukraine`)."""
    heads = {m.token.i: m for m in mentions if m.type in CONTENT_TYPES}
    kept = []
    for m in mentions:
        outer = container(m, heads)
        if outer is None:
            kept.append(m)
        elif outer is not m and not any(a.role == "target" for a in outer.actors):
            outer.actors = unique(outer.actors + [a for a in m.actors if a.role == "target"])
    return kept


def container(m: Mention, heads: dict[int, Mention]) -> Optional[Mention]:
    """The event a mention is the content of (itself when it is forbidden), climbing complements."""
    token = m.token
    if token.pos_ in VERBAL and has_own_tense(token) and not any(
            c.dep_ == "mark" and c.pos_ == "SCONJ" and c.lower_ in {"que", "qu'", "qu’"} for c in token.children):
        return None  # `… et X l'avait alors limogé`: a clause of its own, whatever the parser hung it on
    if token.dep_ == "conj" and token.head.dep_ in {"xcomp", "ccomp"}:
        token = token.head  # `refuse de négocier et de payer …`
    for _ in range(3):
        if token.dep_ not in {"xcomp", "ccomp", "acl", "obl:arg", "obj"} or token.head.i == token.i:
            return None
        token = token.head
        if token.i in heads:
            return heads[token.i]
        if token.lemma_.lower() in PROHIBITIONS:
            return m
    return None


def promises(mentions: list[Mention]) -> list[Mention]:
    """`X promet d'aider Y`: what is promised is the event, a probable one; the promise is how it is stated."""
    at = {m.token.i: m for m in mentions}
    dropped = set()
    for m in mentions:
        promise = at.get(m.token.head.i)
        if promise is not None and promise is not m and promise.trigger.lemma in PROMISES and \
                m.token.dep_ in {"xcomp", "acl"}:
            dropped.add(id(promise))
            if m.assessment.value == CERTAIN:
                m.assessment.value = PROBABLE
    return [m for m in mentions if id(m) not in dropped]


def refusals(mentions: list[Mention]) -> list[Mention]:
    """`sa volonté de ne plus financer X`, `a décidé de ne plus soutenir X`: a cooperative event its source
    means not to do is a refusal, and the refusal is certain."""
    for m in mentions:
        if m.type in COOPERATIVE_TYPES and any(t.lemma_.lower() in VOLITION for t in volition_words(m.token)) \
                and (is_negated(m.token) or m.assessment.value == NEGATED):
            m.type = "REJECT"
            m.assessment.value, m.assessment.polarity = CERTAIN, "positive"
    return mentions


def volition_words(token: Token) -> list[Token]:
    """Where a meaning-to sits: the governor, its governor, or the object right before the infinitive
    (`confirme son intention de ne pas …`, the infinitive hung on the verb)."""
    head = token.head
    return [head, head.head] + [c for c in head.children if c.dep_ in OBJECTS and c.i < token.i]


def join_coordinated(mentions: list[Mention]) -> list[Mention]:
    """`ils ont bombardé la ville, puis ont attaqué le port`: coordinated verbs of one type and one subject, one
    event."""
    at = {m.token.i: m for m in mentions}
    dropped = set()
    for m in mentions:
        first = at.get(m.token.head.i)
        if m.token.dep_ == "conj" and first is not None and first.type == m.type and first is not m and \
                not any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in m.token.children):
            first.take_actors(m)
            dropped.add(id(m))
    return [m for m in mentions if id(m) not in dropped]


def join_gerunds(mentions: list[Mention]) -> list[Mention]:
    """`X a renforcé sa coopération avec Y en menant des manœuvres`: a gerund or present participle with the same
    actors says how the main event is done; one event."""
    dropped = set()
    for m in mentions:
        verb = m.clause
        if not (verb.dep_ == "advcl" and "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")):
            continue
        main = next((o for o in mentions if o is not m and o.clause.i == verb.head.i and id(o) not in dropped
                     and o.sources), None)
        if main is not None and {key(a) for a in m.sources} <= {key(a) for a in main.sources}:
            main.take_actors(m)
            dropped.add(id(m))
    return [m for m in mentions if id(m) not in dropped]


def join_relatives(mentions: list[Mention]) -> list[Mention]:
    """`L'offre a été refusée par le syndicat, qui ne veut pas négocier`: a relative clause on an actor of an
    event, of that event's type, says why; one event."""
    dropped = set()
    for m in mentions:
        relative = next((c for c in m.predicate.children if c.dep_ in SUBJECTS and c.lower_ in RELATIVE_SUBJECTS),
                        None)
        antecedent = relative_antecedent(relative) if relative is not None else None
        if antecedent is None:
            continue
        main = next((o for o in mentions if o is not m and o.type == m.type and id(o) not in dropped
                     and antecedent in o.predicate.children), None)
        if main is not None:
            main.take_actors(m)
            dropped.add(id(m))
    return [m for m in mentions if id(m) not in dropped]


def take_up_nouns(mentions: list[Mention]) -> list[Mention]:
    """`une offensive … L'offensive a été conduite par X … Pendant l'offensive conduite du 3 au 9 mars`:
    definite nouns of one lemma with no one acting take up the one that has actors; one event, dated by
    any of them."""
    by_lemma: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.trigger.pos == "NOUN":
            by_lemma.setdefault(m.trigger.lemma, []).append(m)
    dropped = set()
    for group in by_lemma.values():
        anchor = next((m for m in group if m.sources), None)
        if anchor is None or len(group) < 2:
            continue
        for m in group:
            if m is not anchor and not m.sources and (takes_up(m.token) or m.token.i < anchor.token.i):
                anchor.take_actors(m)
                anchor.also.append(m.predicate)
                dropped.add(id(m))
    return [m for m in mentions if id(m) not in dropped]


def take_up_causes(mentions: list[Mention]) -> list[Mention]:
    """`L'offensive (conduite par X) a causé la destruction d'un pont`: an event caused by another is done by the
    same actors."""
    at = {t.i: m for m in mentions for t in [m.token, *m.also]}
    for m in mentions:
        verb = m.token.head
        if m.trigger.pos != "NOUN" or m.sources or verb.pos_ not in VERBAL or m.token.dep_ != "obj":
            continue
        causes = [c for c in verb.children if c.dep_ in SUBJECTS] + ([verb.head] if verb.dep_ == "acl" else [])
        cause = next((at[c.i] for c in causes if c.i in at), None)  # `les frappes, la dernière visant …`
        if cause is not None and cause is not m:
            m.actors = unique(cause.sources + m.actors)
    return mentions


def take_up_objects(mentions: list[Mention]) -> list[Mention]:
    """`X se prépare à signer un accord … L'accord devrait être signé le 12`: an agentless passive whose
    subject is a definite noun takes its actors from the earlier event of that type done to that noun."""
    for n, m in enumerate(mentions):
        if m.sources or m.trigger.pos == "NOUN" or not is_passive(m.token):
            continue
        patients = [c for c in m.token.children if c.dep_ in PASSIVE_SUBJECTS | SUBJECTS] or controller(m.token)
        patients = [p for p in patients if p.pos_ == "NOUN" and takes_up(p)]
        if not patients:
            continue
        lemma = patients[0].lemma_.lower()
        earlier = next((e for e in reversed(mentions[:n]) if e.type == m.type and e.sources and any(
            c.dep_ in OBJECTS and c.lemma_.lower() == lemma for c in e.predicate.children)), None)
        if earlier is not None:
            m.actors = unique(earlier.sources + m.actors)
    return mentions


def drop_generic(mentions: list[Mention]) -> list[Mention]:
    """`les entreprises qui aident les grévistes`, `les banques finançant les milices`: a present-tense relative
    clause or participle on a plural noun nobody names says what such actors do in general, not that something
    happened."""
    def generic(m: Mention) -> bool:
        verb = m.predicate
        relative = verb.dep_ == "acl:relcl" and tense_of(verb) == PRESENT
        participle = verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")
        if not (relative or participle) or any(a.entity for a in m.actors):
            return False
        noun = verb.head
        return noun.pos_ == "NOUN" and "Plur" in noun.morph.get("Number")
    return [m for m in mentions if not generic(m)]


def stands(m: Mention) -> bool:
    """Whether a mention, once merged, is an event: someone acts, or someone named suffers it."""
    sources, targeted = bool(m.sources), any(a.role == "target" for a in m.actors)
    if m.trigger.pos == "NOUN" and not sources:
        return False  # `la visite au Japon`: a noun with no one acting is background, not an event
    if not m.actors or (m.trigger.needs_actor and not targeted and (m.trigger.pos != "NOUN" or len(m.actors) < 2)):
        return False  # `recevoir`, `entretien`: an event only between two parties (`un entretien entre X et Y`)
    if not sources and (m.type == "CONSULT" or not any(a.entity for a in m.actors)):
        return False  # `trois soldats ont été tués`: no one acts and no one named suffers; a meeting needs someone
    return True


def to_event(m: Mention) -> EventMatch:
    group = trigger_group(m.token)
    return EventMatch(type=m.type, trigger=CharSpan(group.start_char, group.end_char, group.text),
                      lemma=m.trigger.lemma, actors=m.actors, place=m.place, date=m.date, date_text=m.date_text,
                      factuality=m.assessment.value,
                      cues=[CharSpan(c.start_char, c.end_char, c.text) for c in m.assessment.cues if c is not None])
