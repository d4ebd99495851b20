"""The event trigger lexicon (resources/<lang>/event_triggers.tsv) and the conditions a trigger word must meet."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from ..lexicon import load_table
from .syntax import CLAUSE_DEPS, OBJECTS, PASSIVE_SUBJECTS, REFLEXIVE, SUBJECTS, VERBAL, governor, is_negated, takes_up

PREPOSITIONS = {"à", "de", "sur", "contre", "avec", "entre"}   # `with:` words that may sit deeper in the phrase
ACL_WINDOW = 5               # words before a participle where the noun it modifies may be
DATED_WINDOW = 6             # words between a weapon noun and the date that makes it an event


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    type: str
    reflexive: bool = False
    needs_actor: bool = False
    with_lemmas: frozenset = frozenset()
    negated: bool = False          # `neg`: the trigger is negated and takes an infinitive (`ne veut pas payer`)
    under: frozenset = frozenset()  # `under:a|b`: the verb it depends on (`juger X inadmissible`)
    of_target: bool = False        # `of:target`: its `de` complement is the target (`des commandes de X`)
    dated: bool = False            # `dated`: only with a date of its own (`une roquette le 4 mai`)


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


def judging_verb(adjective: Token) -> Optional[Token]:
    """`juger cette réforme inadmissible`: the verb whose object the adjective qualifies, which has the actors."""
    verb = governor(adjective)
    return verb if verb is not None and adjective.head.dep_ in OBJECTS | {"xcomp"} else None


def dated_by(token: Token):
    """A day or month expression right after the noun's phrase (`une roquette de longue portée le 4 mai`)."""
    doc = token.doc
    for time in doc._.times or []:
        if time.start <= token.idx or not time.value or time.precision not in {"day", "month"}:
            continue
        between = [t for t in doc[token.i + 1:token.i + 1 + DATED_WINDOW] if t.idx < time.start]
        if len(between) < DATED_WINDOW and all(t.pos_ in {"ADJ", "ADP", "DET", "NOUN", "NUM"} for t in between):
            return time
    return None
