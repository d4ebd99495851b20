"""When an event happened: the time expression of its clause, intervals, tenses and the frame a paragraph sets."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span, Token

from ..attribution import paragraph_start
from ..quotemarks import quote_depths
from .syntax import CLAUSE_DEPS, VERBAL, case_of, clause_head, has_own_tense

if TYPE_CHECKING:
    from .mention import Context, Mention

NOUN_DEPTH = 2               # nouns a time may sit under and still date the clause (`pendant le sommet de 2021`)
MAIN_CLAUSE_BARRIERS = {"acl", "acl:relcl", "appos", "ccomp", "parataxis", "csubj"}
EARLIER = {"tôt"}                       # `plus tôt`: earlier the same day, in a news report
EARLIER_QUALIFIERS = {"dans", "que", "qu'", "qu’", "ce", "cette", "cet", "en", "le", "la", "l'", "l’", "cette"}
OTHER_TIME = {"après", "avant", "depuis"}   # `a quitté le pays mardi après avoir été menacé`: not that day
INTERVAL_FROM, INTERVAL_TO = {"du", "de"}, {"au", "à"}
# tenses of a clause, to tell whether it goes on in the time frame an earlier sentence set
PAST, ANTERIOR, PRESENT, IMPERFECT, FUTURE = "past", "anterior", "present", "imperfect", "future"
SAME_DAY_TENSES = {PAST, ANTERIOR}


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
    """`Le 4 mars, X avait exigé … Y a refusé et X l'avait alors renvoyé`: a sentence with no time
    of its own goes on in the time the latest dated sentence of its paragraph set, as long as its tense keeps
    that frame (the same tense); a new paragraph, a tense that steps back or forward (a passé composé after a
    plus-que-parfait comes back to the story's present), or a quotation, ends it."""
    doc, frame, paragraph = context.doc, None, None
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.token.sent.start, []).append(m)
    depth = quote_depths(doc)
    for sentence in doc.sents:
        start = paragraph_start(doc, sentence.start)
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
            if m.date is None and depth[m.clause.i] == frame[2] and tense == frame[1]:
                m.date, m.date_text = frame[0]
