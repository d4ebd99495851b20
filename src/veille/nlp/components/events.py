"""veille_events: PLOVER event mentions (`doc._.events`) — type, actors, place, date and factuality.

A trigger is a verb, noun or adjective of resources/<lang>/event_triggers.tsv (`rencontrer` → CONSULT, `sanction`
→ SANCTION, `lancer` + a missile → ASSAULT, `ne pas vouloir` + infinitive → REJECT, `juger X inadmissible` →
REJECT). The parse gives the actors: the subject is the source and the object, an `avec`/`contre`/`à` complement
or the subject of a passive is the target; a noun takes its `par`/`de`/`de la part de`/`entre X et Y`
complement, its possessor, the agent of the participle or passive verb it goes with (`la grève décidée par X`,
`l'offensive a été conduite par X`), or the subject of the verb it is the object of (`a mené des frappes`).
Actors are entity clusters, resolved pronouns and `ce dernier`, the entities a collective or partitive phrase
names (`la coalition des armées de X, Y et Z`, `des centaines de grévistes`), or the words of a phrase headed
by an actor noun (`la police`).

Mentions of one event are then merged: a noun taking up a verb of the same sentence (`accuse X de former
des rebelles … on ignore si ces formations ont eu lieu`), a gerund saying how (`a aidé Y en livrant
des vivres`), coordinated verbs (`ont pilonné, puis ont investi`), a definite noun taking up an earlier one
(`une offensive … L'offensive a été conduite par X`). What is only asked, alleged, refused, threatened or forbidden
(`demande à X de négocier`, `interdit aux banques de financer`) is part of that event, not an event of its own.

The date is a time expression of the clause (`doc._.times`), of a clause it depends on, or of the reporting
clause when the event is simultaneous with it (`a annoncé en juin qu'il retirait ses troupes`); without one, the
time set by an earlier sentence of the paragraph when the tense goes on in the same frame; never the publication
date by default. The factuality is the clause's, from `nlp.factuality`, as its speaker states it; a noun or participle
that the clause presupposes keeps only its own negation.

This module finds the mentions and writes `doc._.events`; the rules live in `veille.nlp.events` (lexicon,
syntax, actors, referents, dating, mention, merging).
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..attribution import PERSONAL_PRONOUNS, coordinated, extent, phrase
from ..events.actors import (RELATIVE_SUBJECTS, conjuncts, controller, has_possessive, inverted_subject,
                             left_conjuncts, lifted_conjuncts, named_first, on_behalf_of, participle_agents,
                             passive_agents, possessive_antecedent, possessor, relative_antecedent, repaired,
                             requested_subjects, right_conjuncts, topic_before)
from ..events.dating import (SAME_DAY_TENSES, after_publication, describes_noun, governing_clauses, in_other_clause,
                             inherit_dates, is_earlier, own_phrase_date, tense_of, value_of)
from ..events.lexicon import Trigger, judging_verb, load_triggers, satisfies, simple_pos
from ..events.mention import Context, Mention
from ..events.merging import PROMISES, merged, stands, to_event
from ..events.referents import (DEMONSTRATIVES, LATTER, PERSON_LABELS, PLACE_CASES, apposed_name, as_actor,
                                cluster_in, demonym_country, enumerated, group_reference, is_latter, is_person,
                                is_state, last_person, located, named_cluster, origin, previous_paragraph,
                                short_phrase, stateless_places, token_cluster, unique)
from ..events.syntax import (DE, LIGHT_DEPTH, OBJECTS, PASSIVE_SUBJECTS, SUBJECTS, VERBAL, asserted_noun,
                             bare_participle, case_of, clause_head, emphatic, head_of_name, is_agent, is_passive)
from ..extensions import init_doc, register_extensions
from ..factuality import (CERTAIN, JOURNALIST, NEGATED, UNCERTAINTY, Assessment, ModalityLexicon, assess,
                          innermost_quote, lemma_lookup, quote_voice, span_of)
from ..lexicon import column_index
from ..types import ActorRef, EventMatch
from .entities import role_nouns

MISREAD_OBJECTS = {"advmod", "dep", "appos", "nmod"}   # a name right after the verb the parser mislabelled
TARGET_CASES = {"avec", "contre", "à", "au", "aux", "auprès", "envers", "vers", "sur", "en"}
BETWEEN = {"entre"}
NEGATIVE_DETERMINERS = {"aucun", "aucune", "nul", "nulle"}
RECIPIENT_CASES = {"avec", "entre", "contre", "au", "aux", "à"}   # `livrer des armes au X`, `un accord avec X`
# for these types the `de` complement of the noun is what suffers the event (`le bombardement de X`); for the
# others it is who acts (`la visite de X`, `le soutien de X`)
PATIENT_DE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "AID"}
# events a speaker performs by announcing them: `X a annoncé une aide` (X gives it), whereas `X a annoncé
# l'arrestation de Y` or `X a confirmé l'attaque` only report someone else's deed
SPEECH_TYPES = {"AGREE", "SUPPORT", "REJECT", "REQUEST", "ACCUSE", "THREATEN", "CONCEDE", "SANCTION", "AID",
                "COOPERATE", "MOBILIZE"}
# who watches, allows, prevents or judges something is not who does it (`surveiller la trêve`, `juger
# illégale la grève`)
NOT_DOERS = {"superviser", "observer", "surveiller", "suivre", "contrôler", "empêcher", "interdire", "autoriser",
             "attendre", "craindre", "redouter", "éviter", "prévenir", "voir", "regarder", "commenter", "rendre",
             "juger", "qualifier", "considérer", "estimer", "criminaliser", "condamner", "critiquer", "saluer"}


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
        for form in role_nouns(lang):
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
        """Entity ids of the locations among the trigger's complements. French marks the difference: `à Lyon`,
        `dans la ville`, `en Espagne`, `à la tour Eiffel` locate; `au Venezuela`, `aux Pays-Bas`, `à l'Inde` (a
        state with its article) name a recipient; a visit's `en Espagne` is its target when it has no other."""
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
        # `…, a démenti le porte-parole`; never a present participle (`accusant X de …` has X as its object)
        gerund = "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")
        inverted = inverted_subject(verb) if verb.lemma_.lower() in self.reporting and not gerund else None
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
        if trigger.negated:  # `ne veulent pas envoyer de troupes au Togo`: whom the refused act concerned
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
            agents.append(possessor(noun))   # `renouvelle son soutien`; not `sur une partie de ses demandes`
        parties = [p for b in between for p in [b] + lifted_conjuncts(b) + right_conjuncts(b)]
        return agents + parties, targets

    def doer(self, subject: Token, trigger: Trigger, depth: int) -> list[Token]:
        """`X a lancé la campagne qui a conduit au boycott`: when the subject is itself something done, who
        does it."""
        if subject.lower_ in RELATIVE_SUBJECTS and subject.head.dep_ == "acl:relcl":
            antecedent = subject.head.head
            if antecedent.pos_ == "NOUN" and not self.is_actor_word(antecedent) and depth < LIGHT_DEPTH:
                return self.light_verb_subjects(antecedent, trigger, depth + 1) or [subject]
        return [subject]

    def light_verb_subjects(self, noun: Token, trigger: Trigger, depth: int = 0) -> list[Token]:
        """`le Chili a accordé son soutien`, `a mené une série de frappes`: the verb's subject acts;
        through a reporting verb only for what saying does (`a annoncé une aide`, not `a confirmé
        l'arrestation de …`); not through a verb that is an event of its own (`dénoncer le bombardement`) or that
        watches, allows, prevents or judges (`surveiller la trêve`)."""
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
                return []  # climb `une série de frappes`, not `le soutien au bombardement`
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
            return [ActorRef(name=short_phrase(token).text.strip(), role=role)]  # `libérer des prisonniers`
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
        """An actor noun phrase: the entity it is a mention of or names close by (`le gouvernement du Ghana`, `le
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
