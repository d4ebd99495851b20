"""veille_quotes: finds quotations (direct, indirect, mixed), their cue, speaker and reporting mode.

Rules, each named in `QuoteMatch.rule` so a user can see why a quote was found:
- `direct_cue_after`   « … », a déclaré X  /  « … », aurait déclaré X  /  « … », a-t-il dit
- `direct_cue_before`  X a déclaré : « … »  /  X estime que « … »  /  selon X, « … »  /  X : « … »
- `direct_incise`     « A, a-t-il dit, B » (two quotes sharing the incise's cue)
- `direct_cue_later`   « A » et « B », a précisé X (the cue closing the sentence serves every quote in it)
- `direct_floating`    a quote with no attribution of its own: the previous speaker's, if near
- `indirect_que`       X a affirmé que C        `indirect_de`  X a accusé Y de C
- `indirect_inf`       X a annoncé avoir C      `according_to` selon X, C  /  C, d'après X
- `relay`              C, ont rapporté les agences (a new quote, or the relay of one found inside C)
Quoted fragments inside indirect content make it one mixed quote. Results go to `doc._.quotes`.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..attribution import SpeakerResolver, paragraphs_between, phrase, subject_of
from ..cues import (QUE, AccordingTo, CueLexicon, complement, cue_group, inverted_subject, is_conditional,
                    is_finite, trimmed, typographic_sentence)
from ..extensions import init_doc, register_extensions
from .entities import cluster_at
from ..quotemarks import QUOTE_MARKS, Quoted, find_quoted, in_quotation, is_paragraph_break
from ..types import CharSpan, QuoteMatch

MIN_DIRECT_WORDS = 4         # shorter quoted stretches without a verb or a cue are names or scare quotes
UNCLOSED_PENALTY = 0.6       # an unclosed quote mark: where the quotation ends is a guess
CUE_SEPARATORS = {",", "-", "–", "—"}
IMPERSONAL = {"on", "-on"}
INCISE_WORDS = 6            # words from the cue verb or its subject to the comma closing an incise


@Language.factory("veille_quotes", assigns=["doc._.quotes"], requires=["doc._.entity_clusters"],
                  default_config={"lang": "fr"})
def make_quote_finder(nlp: Language, name: str, lang: str):
    return QuoteFinder(lang)


class QuoteFinder:
    def __init__(self, lang: str):
        self.lang = lang
        self.cues = CueLexicon(lang)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        quoted = find_quoted(doc)
        inside = {i for span in quoted for i in range(span.open, span.close + 1)}
        direct = [q for span in quoted for part in self.interruptions(doc, span)
                  for q in [self.direct(doc, part, inside)] if q is not None]
        used = {q.cue.start for q in direct if q.cue is not None}
        indirect = [q for q in self.indirect(doc) if not (q.cue and q.cue.start in used)
                    and not inside_any(q, direct) and not crosses_any(q, direct)]
        quotes = absorb_fragments(direct, indirect)
        apply_relays(doc, quotes)
        resolver = SpeakerResolver(doc)
        for quote in sorted(quotes, key=lambda q: q.start):
            resolver.resolve_quote(quote)
        assign_floating_speakers(doc, quotes)
        doc._.quotes = sorted(quotes, key=lambda q: q.start)
        return doc

    # direct quotes ---------------------------------------------------------------------------------------
    def direct(self, doc: Doc, quoted: Quoted, inside: set[int]) -> Optional[QuoteMatch]:
        inner = trimmed(doc, *quoted.inner, keep_final_period=True)
        if inner is None:
            return None
        quote = QuoteMatch(inner.start_char, inner.end_char, "direct", rule="direct_floating", confidence=0.6)
        quote.fragment = (len([t for t in inner if t.is_alpha]) < MIN_DIRECT_WORDS
                          and not any(t.pos_ in {"VERB", "AUX"} for t in inner))
        found = ((doc[quoted.cue], "direct_incise") if quoted.cue is not None else None) or \
            self.cue_after(doc, quoted) or self.cue_before(doc, quoted, inside) or self.cue_later(doc, quoted)
        if isinstance(found, AccordingTo):
            set_according_to(quote, doc, found, rule="direct_cue_before")
        elif found is not None:
            self.set_cue(quote, *found)
            if found[1] == "direct_cue_before" and doc[quoted.open - 1].text != ":":
                extend_to_complement(doc, quote, complement_start(doc, found[0], quoted), quoted)
            elif found[1] == "direct_verb_inside":
                extend_to_complement(doc, quote, quoted.open, quoted)
        if found is not None:
            quote.confidence = 0.95 if quote.rule != "direct_cue_later" else 0.8
        if not quoted.closed:
            quote.confidence = round(quote.confidence * UNCLOSED_PENALTY, 2)
        return quote

    def interruptions(self, doc: Doc, quoted: Quoted) -> list[Quoted]:
        """`« A, a-t-il dit, B »` is two quotes, each attributed by the incise between them."""
        first, last = quoted.inner
        for verb in doc[first + 1:last - 1]:
            if not self.cues.is_cue_verb(verb):
                continue
            group = cue_group(verb)
            subject = inverted_subject(verb, adjacent=True)
            if subject is None or doc[group.start - 1].text != ",":
                continue
            # `a-t-elle lancé au public,`: the incise closes at the next comma, a few words on
            comma = next((t.i for t in doc[max(subject.i, verb.i):min(max(subject.i, verb.i) + INCISE_WORDS, last)]
                          if t.text == ","), None)
            if comma is not None:
                return [Quoted(quoted.open, group.start - 1, closed=True, cue=verb.i),
                        Quoted(comma, quoted.close, closed=quoted.closed, cue=verb.i)]
        return [quoted]

    def cue_after(self, doc: Doc, quoted: Quoted) -> Optional[tuple[Token, str]]:
        """`« … », a déclaré X`: a separator, then a cue verb within a few words."""
        i = quoted.close + 1
        while i < len(doc) and doc[i].text in CUE_SEPARATORS:
            i += 1
        verb = next((t for t in doc[i:i + 4] if self.cues.is_cue_verb(t)), None)
        if verb is None or any(is_paragraph_break(t) for t in doc[quoted.close:verb.i]) or introduces(verb):
            return None
        if i == quoted.close + 1 and inverted_subject(verb, adjacent=True) is None:
            return None  # `« grand débat » a repris`: a subject in quote marks, not a quotation
        return verb, "direct_cue_after"

    def cue_before(self, doc: Doc, quoted: Quoted, inside: set[int]):
        """`X a déclaré : « … »`, `X estime que « … »`, `selon X, « … »`, `X : « … »`, `X a « dit … »`."""
        previous = doc[quoted.open - 1] if quoted.open > 0 else None
        if previous is None or is_paragraph_break(previous):
            return None
        if previous.pos_ == "AUX" and quoted.open < previous.head.i < quoted.close \
                and self.cues.is_cue_verb(previous.head):
            return previous.head, "direct_verb_inside"
        sentence = typographic_sentence(previous)
        # a verb inside someone's quotation is part of what they said, not the journalist's attribution
        verbs = [t for t in doc[sentence.start:quoted.open] if self.cues.is_cue_verb(t) and t.i not in inside]
        if verbs and (previous.text == ":" or previous.text in QUE or verbs[-1].i == quoted.open - 1):
            return verbs[-1], "direct_cue_before"
        according = [a for a in (self.cues.according_to(t) for t in doc[sentence.start:quoted.open]) if a]
        if according and not any(t.pos_ in {"VERB", "AUX"} for t in doc[according[-1].end:quoted.open]):
            return according[-1]
        if previous.text == ":" and not any(is_finite(t) for t in doc[sentence.start:quoted.open]):
            speaker = self.colon_speaker(doc[sentence.start:quoted.open - 1])
            return (speaker, "direct_colon_name") if speaker is not None else None
        return None

    def colon_speaker(self, heading: Span) -> Optional[Token]:
        """`X : « … »`, `Le ministre X, sur son compte : « … »`, `Réaction de X : « … »`:
        a person named in the heading, else the author of a statement noun, else the name before the colon."""
        people = [t for t in heading if getattr(cluster_at(t.doc, t.idx, t.idx + len(t)), "label", None) == "PER"]
        if people:
            return people[0]
        nouns = [t for t in heading if t.lemma_.lower() in self.cues.speech_nouns]
        authors = [a for a in (self.cues.author(n) for n in nouns) if a.lemma_.lower() not in self.cues.speech_nouns]
        if authors:
            return authors[0]
        last = heading[-1] if len(heading) else None
        return last if last is not None and last.pos_ == "PROPN" else None

    def cue_later(self, doc: Doc, quoted: Quoted) -> Optional[tuple[Token, str]]:
        """`« A » et X doit « B », a précisé Y`: the postposed cue closing the sentence."""
        sentence = typographic_sentence(doc[quoted.close]) if quoted.close < len(doc) else None
        if sentence is None:
            return None
        for t in doc[quoted.close + 1:sentence.end]:
            if not self.cues.is_cue_verb(t):
                continue
            start = cue_group(t).start
            if doc[start - 1].text in CUE_SEPARATORS and doc[start - 2].text in QUOTE_MARKS \
                    and inverted_subject(t) is not None:
                return t, "direct_cue_later"
        return None

    def set_cue(self, quote: QuoteMatch, verb: Token, rule: str) -> None:
        """Cue, speaker and mode from the cue verb; after a quote, the speaker is the one after the verb."""
        quote.rule = rule
        if rule == "direct_colon_name":
            quote.speaker_index = verb.i
            return
        group = cue_group(verb)
        quote.cue = CharSpan(group.start_char, group.end_char, group.text)
        quote.cue_lemma = self.cues.lemma(verb)
        quote.cue_class = self.cues.verb_class(verb)
        if rule in {"direct_cue_after", "direct_cue_later", "direct_incise", "relay_candidate"}:
            subject = inverted_subject(verb) or subject_outside(verb, quote)
        else:
            subject = subject_of(verb) or inverted_subject(verb)
        if subject is not None and subject.lower_ in IMPERSONAL:
            subject = named_source(verb)  # `a-t-on appris de source policière`: the source, else nobody
        quote.speaker_index = subject.i if subject is not None else None
        if is_conditional(verb):
            quote.mode = "reported"

    # indirect quotes -------------------------------------------------------------------------------------
    def indirect(self, doc: Doc) -> Iterable[QuoteMatch]:
        for token in doc:
            if self.cues.is_cue_verb(token):
                quote = self.verb_complement(token)
            else:
                according = self.cues.according_to(token)
                quote = according_to_quote(doc, according) if according else None
            if quote is not None:
                yield quote

    def verb_complement(self, verb: Token) -> Optional[QuoteMatch]:
        content, rule = complement(verb, self.cues.frames(verb))
        if content is None:
            return None
        content = with_closing_mark(content)
        quote = QuoteMatch(content.start_char, content.end_char, "indirect", rule=rule)
        self.set_cue(quote, verb, rule)
        return quote if has_speaker_outside(verb.doc, quote) else None


def named_source(verb: Token) -> Optional[Token]:
    """`on apprend de source diplomatique`, `a-t-on appris auprès du ministère`: who the impersonal `on` heard."""
    for child in verb.children:
        cases = {c.lower_ for c in child.children if c.dep_ == "case"}
        if child.dep_.startswith("obl") and (child.lemma_.lower() == "source" or "auprès" in cases):
            return child
    return None


def with_closing_mark(content: Span) -> Span:
    """Content that stops just inside a quotation (the parser hung the closing mark elsewhere) takes it in."""
    doc, end = content.doc, content.end
    if end < len(doc) and doc[end].text in QUOTE_MARKS and in_quotation(doc, end):
        return doc[content.start:end + 1]
    return content


def has_speaker_outside(doc: Doc, quote: QuoteMatch) -> bool:
    """An indirect quote needs a speaker outside its content; impersonal `on` (`on note que`) is the narrator."""
    if quote.speaker_index is None:
        return False
    speaker = doc[quote.speaker_index]
    # a parenthetical cue (`C, estiment les analystes, C2`) sits inside its content by design
    inside = quote.start <= speaker.idx < quote.end and quote.rule != "relay_candidate"
    return speaker.lower_ not in IMPERSONAL and not inside


def extend_to_complement(doc: Doc, quote: QuoteMatch, start: int, quoted: Quoted) -> None:
    """`a dénoncé « A » et son refus de « B »`: when the quotation is only part of the verb's complement
    (from `start`), the quote is the whole complement, a mixed one."""
    while start < quoted.open and (doc[start].lower_ in QUE or doc[start].is_punct or doc[start].pos_ == "ADV"):
        start += 1
    end = quoted.close + 1
    sentence_end = typographic_sentence(doc[quoted.close]).end
    while end < sentence_end and not (doc[end].text in {";", "."} or (doc[end].text == "," and end + 1 < len(doc)
                                                                       and doc[end + 1].pos_ in {"VERB", "AUX"})):
        end += 1
    span = trimmed(doc, start, end)
    outside = [t for t in doc[start:end] if t.is_alpha and not quoted.open <= t.i <= quoted.close]
    if span is not None and outside:
        quote.start, quote.end, quote.type = span.start_char, span.end_char, "mixed"


def complement_start(doc: Doc, verb: Token, quoted: Quoted) -> int:
    """Where the verb's complement begins: after its last `que` before the quotation, else right after it."""
    ques = [t.i for t in doc[verb.i + 1:quoted.open] if t.lower_ in QUE]
    return ques[-1] + 1 if ques else verb.i + 1


def introduces(verb: Token) -> bool:
    """`« … », ajoutant que …`: a participle or a verb with its own complement opens what follows."""
    if "Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense"):
        return True
    following = [t for t in verb.doc[verb.i + 1:verb.i + 5] if not t.is_space]
    return any(t.lower_ in QUE or t.text in {":", "«", "“"} for t in following[:3])


def subject_outside(verb: Token, quote: QuoteMatch) -> Optional[Token]:
    subject = subject_of(verb)
    return subject if subject is not None and not quote.start <= subject.idx < quote.end else None


def according_to_quote(doc: Doc, according: AccordingTo) -> Optional[QuoteMatch]:
    """`Selon X, C` / `C, selon X`: the rest of the sentence is the content."""
    sentence = typographic_sentence(doc[according.start])
    sides = [trimmed(doc, sentence.start, according.start), trimmed(doc, according.end, sentence.end)]
    content = max((s for s in sides if s is not None), key=len, default=None)
    if content is None:
        return None
    quote = QuoteMatch(content.start_char, content.end_char, "indirect", rule="according_to")
    set_according_to(quote, doc, according, rule="according_to")
    return quote


def set_according_to(quote: QuoteMatch, doc: Doc, according: AccordingTo, rule: str) -> None:
    cue = doc[according.start:according.cue_end]
    quote.rule, quote.mode = rule, according.mode
    quote.cue = CharSpan(cue.start_char, cue.end_char, cue.text)
    quote.cue_lemma, quote.cue_class = cue.text.lower().replace("’", "'"), "according_to"
    quote.speaker_index = according.source.i


# combining the rules ------------------------------------------------------------------------------------------
def inside_any(quote: QuoteMatch, others: list[QuoteMatch]) -> bool:
    return any(o.start <= quote.start and quote.end <= o.end for o in others)


def crosses_any(quote: QuoteMatch, others: list[QuoteMatch]) -> bool:
    """True when the quote starts inside another and ends outside it, or the reverse."""
    return any((o.start < quote.start < o.end) != (o.start < quote.end < o.end) for o in others)


def absorb_fragments(direct: list[QuoteMatch], indirect: list[QuoteMatch]) -> list[QuoteMatch]:
    """Quoted fragments inside indirect content make it mixed; uncued fragments elsewhere are not quotes."""
    kept, covered = [], []
    for quote in indirect:
        inner = [d for d in direct if quote.start <= d.start and d.end <= quote.end]
        if inner and quote.rule != "relay_candidate":
            if len(inner) == 1 and is_whole(quote, inner[0]):
                adopt_attribution(inner[0], quote)
                continue
            quote.type = "mixed"
            covered.append(quote)
        kept.append(quote)
    covered += [d for d in direct if d.type == "mixed"]
    for quote in direct:
        if any(o is not quote and o.start <= quote.start and quote.end <= o.end for o in covered):
            continue
        if quote.cue is None and quote.speaker_index is None and quote.fragment:
            continue
        kept.append(quote)
    return kept


def is_whole(indirect: QuoteMatch, direct: QuoteMatch) -> bool:
    """The indirect content is nothing but the direct quote (`selon X, « … »`, `estime que « … »`)."""
    return direct.start - indirect.start <= 2 and indirect.end - direct.end <= 2


def adopt_attribution(direct: QuoteMatch, indirect: QuoteMatch) -> None:
    if direct.cue is None:
        direct.cue, direct.cue_lemma, direct.cue_class = indirect.cue, indirect.cue_lemma, indirect.cue_class
        direct.speaker_index, direct.mode = indirect.speaker_index, indirect.mode
        direct.rule, direct.confidence = "direct_cue_before", 0.9


def apply_relays(doc: Doc, quotes: list[QuoteMatch]) -> None:
    """`C, ont rapporté les agences`: C is relayed; a quote found inside C becomes `reported` via them."""
    for quote in [q for q in quotes if q.rule == "relay_candidate"]:
        quotes.remove(quote)
        inner = [q for q in quotes if quote.start <= q.start and q.end <= quote.end]
        if inner and all(q.rule == "direct_floating" for q in inner):
            for q in inner:  # uncued quoted words in the relayed content: one mixed quote, the relay's
                quotes.remove(q)
            inner = []
        if not inner:
            quote.rule = "relay"
            quote.type = "mixed" if QUOTE_MARKS & set(doc.text[quote.start:quote.end]) else "indirect"
            quotes.append(quote)
        for q in inner:
            q.mode, q.via = "reported", source_phrase(doc, quote.speaker_index)


def source_phrase(doc: Doc, index: Optional[int]) -> Optional[str]:
    return phrase(doc[index]).text if index is not None else None


def near_enough(doc: Doc, previous: QuoteMatch, quote: QuoteMatch) -> bool:
    """The same paragraph, or the next one when the quote opens it (a quote paragraph)."""
    breaks = paragraphs_between(doc, previous.end, quote.start)
    before = doc.text[max(0, quote.start - 4):quote.start].rstrip(" «“\"\u00a0\u202f")
    return breaks == 0 or (breaks == 1 and (before == "" or before.endswith("\n")))


def assign_floating_speakers(doc: Doc, quotes: list[QuoteMatch]) -> None:
    """A direct quote with no attribution of its own belongs to the closest preceding speaker, if near."""
    previous: Optional[QuoteMatch] = None
    for quote in sorted(quotes, key=lambda q: q.start):
        orphan = quote.rule == "direct_floating" or (quote.cue is not None and quote.speaker_index is None)
        if orphan and not quote.speaker_name and previous is not None and near_enough(doc, previous, quote):
            quote.speaker_entity, quote.speaker_name = previous.speaker_entity, previous.speaker_name
            quote.speaker = previous.speaker
            if quote.cue is None:
                quote.mode = previous.mode if previous.type == "direct" else "attested"
            quote.confidence = 0.7
        if quote.speaker_name:
            previous = quote
    quotes[:] = [q for q in quotes if q.speaker_name or q.rule != "direct_floating" or not q.fragment]
