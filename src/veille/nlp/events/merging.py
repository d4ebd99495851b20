"""One event from several mentions: merges, take-ups, contents, promises, refusals and what does not stand."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..factuality import CERTAIN, NEGATED, PROBABLE
from ..types import CharSpan, EventMatch
from .actors import RELATIVE_SUBJECTS, VOLITION, controller, relative_antecedent
from .dating import PRESENT, tense_of
from .mention import Mention
from .referents import key, unique
from .syntax import (ASSERTED_NOUN_DEPS, OBJECTS, PASSIVE_SUBJECTS, SUBJECTS, VERBAL, clause_head, has_own_tense,
                     is_negated, is_passive, takes_up, trigger_group)

# what these events ask for, allege, refuse or threaten is their content, not an event of its own (`demande à X
# de négocier`, `menace d'imposer des sanctions`)
CONTENT_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
PROHIBITIONS = {"interdire", "empêcher", "interdiction", "défendre"}
# a cooperative event its source means not to do is a refusal (`sa décision de ne plus financer X`)
COOPERATIVE_TYPES = {"COOPERATE", "AID", "SUPPORT", "AGREE", "CONSULT", "CONCEDE"}
PROMISES = {"promettre", "promesse"}


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
    """`accuse X de former des rebelles, sans que l'on sache si ces formations ont eu lieu`: a noun
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
    """`demande à X de négocier`, `accuse X de former des rebelles`, `refuse de payer`, `menace de frapper`,
    `interdit aux banques de financer`: what is asked, alleged, refused, threatened or forbidden is the content of
    that event, not an event of its own; the event takes its target when it has none (`a refusé de livrer des
    chars à la Moldavie`)."""
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
        return None  # `… et X l'avait alors renvoyé`: a clause of its own, whatever the parser hung it on
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
    (`annonce sa décision de ne plus …`, the infinitive hung on the verb)."""
    head = token.head
    return [head, head.head] + [c for c in head.children if c.dep_ in OBJECTS and c.i < token.i]


def join_coordinated(mentions: list[Mention]) -> list[Mention]:
    """`ils ont pilonné la ville, puis ont investi le port`: coordinated verbs of one type and one subject, one
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
    """`X a aidé Y en livrant des vivres`: a gerund or present participle with the same
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
    """`L'offre a été repoussée par le syndicat, qui refuse de négocier`: a relative clause on an actor of an
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
    """`L'offensive (conduite par X) a provoqué la fermeture d'une route`: an event caused by another is done by the
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
        return False  # `la visite au Portugal`: a noun with no one acting is background, not an event
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
