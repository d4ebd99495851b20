"""veille_quotes: finds quotations (direct, indirect, mixed), their cue, speaker and reporting mode.

Rules, each named in `QuoteMatch.rule` so a user can see why a quote was found:
- `direct_cue_after`   « … », a déclaré X  /  « … », aurait déclaré X  /  « … », a-t-il dit
- `direct_cue_before`  X a déclaré : « … »  /  X : « … »
- `direct_floating`    a quote sentence with no attribution of its own: the previous speaker's, nearby
- `indirect_que`       X a affirmé que C        `indirect_de`  X a accusé Y de C
- `indirect_inf`       X a annoncé avoir C      `according_to` selon X, C  /  C, d'après X
- `relay`              C, ont rapporté les agences (a new quote, or the relay of one found inside C)
Quoted fragments inside indirect content make it one mixed quote. Results go to `doc._.quotes`.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..attribution import SpeakerResolver, char_span, coordinated, phrase, subject_of, verb_group_head
from ..extensions import init_doc, register_extensions
from ..lexicon import column_index, load_table
from ..quotemarks import Quoted, find_quoted, is_paragraph_break
from ..types import CharSpan, QuoteMatch

UNCLOSED_PENALTY = 0.6       # an unclosed quote mark: where the quotation ends is a guess
CUE_SEPARATORS = {",", "-", "–", "—"}
TRIM = {",", ";", ":", "-", "–", "—", "(", ")", "."}
MIN_DIRECT_WORDS = 4         # shorter quoted stretches without a cue are names or scare quotes
QUE_WINDOW = 6              # tokens between a cue verb and its `que` (`a déclaré à l'avance que`)
SENTENCE_END = {".", "!", "?", "…"}
RELATIVE_PRONOUNS = {"lequel", "laquelle", "lesquels", "lesquelles", "quoi"}


@Language.factory("veille_quotes", assigns=["doc._.quotes"], requires=["doc._.entity_clusters"],
                  default_config={"lang": "fr"})
def make_quote_finder(nlp: Language, name: str, lang: str):
    return QuoteFinder(lang)


class QuoteFinder:
    def __init__(self, lang: str):
        self.lang = lang
        self.verbs = column_index(lang, "reporting_verbs", "lemma")
        self.prepositions = {row["expression"].lower(): row for row in load_table(lang, "reporting_expressions")
                             if row["kind"] == "preposition"}
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        resolver = SpeakerResolver(doc)
        quoted = find_quoted(doc)
        direct = [q for q in (self.direct(doc, span) for span in quoted) if q is not None]
        cues = {q.cue.start for q in direct if q.cue is not None}
        indirect = [q for q in self.indirect(doc) if not (q.cue and q.cue.start in cues)
                    and not inside_any(q, direct) and not crosses_any(q, direct)]
        quotes = absorb_fragments(direct, indirect)
        self.apply_relays(doc, quotes)
        for quote in quotes:
            self.resolve_speaker(doc, quote, resolver)
        assign_floating_speakers(doc, quotes)
        doc._.quotes = sorted(quotes, key=lambda q: q.start)
        return doc

    # direct quotes ---------------------------------------------------------------------------------------
    def direct(self, doc: Doc, quoted: Quoted) -> Optional[QuoteMatch]:
        first, last = quoted.inner
        inner = trimmed(doc, first, last, keep_final_period=True)
        if inner is None:
            return None
        quote = QuoteMatch(inner.start_char, inner.end_char, "direct", rule="direct_floating", confidence=0.6)
        quote.fragment = (len([t for t in inner if t.is_alpha]) < MIN_DIRECT_WORDS
                          and not any(t.pos_ in {"VERB", "AUX"} for t in inner))
        cue = self.cue_after(doc, quoted) or self.cue_before(doc, quoted)
        if cue is not None:
            verb, rule = cue
            self.set_cue(quote, verb, rule)
            quote.confidence = 0.95
        if not quoted.closed:
            quote.confidence = round(quote.confidence * UNCLOSED_PENALTY, 2)
        return quote

    def cue_after(self, doc: Doc, quoted: Quoted) -> Optional[tuple[Token, str]]:
        i = quoted.close + 1
        while i < len(doc) and doc[i].text in CUE_SEPARATORS:
            i += 1
        if i == quoted.close + 1:  # `« grand débat » a repris`: a subject in quote marks, not a quotation
            return None
        window = doc[i:i + 4]
        verb = next((t for t in window if self.is_cue_verb(t)), None)
        if verb is None or any(is_paragraph_break(t) for t in doc[quoted.close:verb.i]):
            return None
        return verb, "direct_cue_after"

    def cue_before(self, doc: Doc, quoted: Quoted) -> Optional[tuple[Token, str]]:
        previous = doc[quoted.open - 1] if quoted.open > 0 else None
        if previous is None or is_paragraph_break(previous):
            return None
        sentence_start = doc[quoted.open].sent.start if previous.text != ":" else previous.sent.start
        candidates = [t for t in doc[sentence_start:quoted.open] if self.is_cue_verb(t)]
        if candidates and (previous.text == ":" or candidates[-1].i == quoted.open - 1):
            return candidates[-1], "direct_cue_before"
        if previous.text == ":" and quoted.open >= 2 and doc[quoted.open - 2].pos_ == "PROPN":
            return doc[quoted.open - 2], "direct_colon_name"
        return None

    def is_cue_verb(self, token: Token) -> bool:
        return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in self.verbs and token.dep_ != "aux:tense"

    def set_cue(self, quote: QuoteMatch, verb: Token, rule: str) -> None:
        """Cue, speaker and mode from the cue verb; after a quote, the speaker is the one after the verb."""
        quote.rule = rule
        if rule == "direct_colon_name":
            quote.speaker_index = verb.i
            return
        group = cue_group(verb)
        quote.cue = CharSpan(group.start_char, group.end_char, group.text)
        quote.cue_lemma = verb.lemma_.lower()
        quote.cue_class = self.verbs[quote.cue_lemma]["class"]
        if rule == "direct_cue_after":
            subject = inverted_subject(verb) or subject_outside(verb, quote)
        else:
            subject = subject_of(verb) or inverted_subject(verb)
        quote.speaker_index = subject.i if subject is not None else None
        if is_conditional(verb):
            quote.mode = "reported"

    # indirect quotes -------------------------------------------------------------------------------------
    def indirect(self, doc: Doc) -> Iterable[QuoteMatch]:
        for token in doc:
            if self.is_cue_verb(token):
                quote = self.verb_complement(token)
                if quote is not None:
                    yield quote
            elif self.is_according_to(token):
                quote = according_to(token)
                if quote is not None:
                    yield quote

    def verb_complement(self, verb: Token) -> Optional[QuoteMatch]:
        frames = set(self.verbs[verb.lemma_.lower()]["frame"].split(","))
        content, rule = complement(verb, frames)
        if content is None:
            return None
        quote = QuoteMatch(content.start_char, content.end_char, "indirect", rule=rule)
        self.set_cue(quote, verb, rule)
        if quote.speaker_index is None:
            return None
        return quote

    def is_according_to(self, token: Token) -> bool:
        text = token.text.lower().replace("’", "'")
        two = (text + token.nbor(1).text.lower()) if token.i + 1 < len(token.doc) else text
        return (text in self.prepositions or two in self.prepositions) and token.dep_ in {"case", "mark"}

    # relays ----------------------------------------------------------------------------------------------
    def apply_relays(self, doc: Doc, quotes: list[QuoteMatch]) -> None:
        """`C, ont rapporté les agences`: C is relayed; a quote found inside C becomes `reported` via them."""
        for quote in list(quotes):
            if quote.rule != "relay_candidate":
                continue
            quotes.remove(quote)
            inner = [q for q in quotes if quote.start <= q.start and q.end <= quote.end]
            if not inner:
                quote.rule = "relay"
                quote.type = "mixed" if has_quote_marks(doc, quote) else "indirect"
                quotes.append(quote)
                continue
            for q in inner:
                q.mode, q.via = "reported", phrase(doc[quote.speaker_index]).text

    def resolve_speaker(self, doc: Doc, quote: QuoteMatch, resolver: SpeakerResolver) -> None:
        if quote.speaker_index is None:
            return
        heads = coordinated(doc[quote.speaker_index])
        span = phrase(heads[0])
        quote.speaker = char_span(span)
        cluster, name = resolver.resolve(span)
        quote.speaker_entity = cluster.id if cluster else None
        quote.speaker_name = name
        if len(heads) > 1:
            quote.speaker_names = [resolver.resolve(phrase(h))[1] for h in heads]


# helpers on the parse -------------------------------------------------------------------------------------
def subject_outside(verb: Token, quote: QuoteMatch) -> Optional[Token]:
    subject = subject_of(verb)
    return subject if subject is not None and not quote.start <= subject.idx < quote.end else None


def cue_group(verb: Token) -> Span:
    """The cue as written: auxiliaries, negation and adverbs between them included (`a également affirmé`)."""
    parts = [verb] + [c for c in verb.children if c.dep_.startswith("aux") and verb.i - 4 < c.i < verb.i
                      and not any(t.is_punct for t in verb.doc[c.i:verb.i])]
    start = min(t.i for t in parts)
    return verb.doc[start:verb.i + 1]


def is_conditional(verb: Token) -> bool:
    """The journalistic conditional: `aurait déclaré`, `auraient affirmé`."""
    group = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
    return any("Cnd" in t.morph.get("Mood") for t in group)


def inverted_subject(verb: Token) -> Optional[Token]:
    """`…, a-t-il dit` / `…, a déclaré Poutine` / `…, ont rapporté les agences`: the subject after the verb."""
    doc = verb.doc
    for t in doc[verb.i + 1:min(verb.i + 4, verb.sent.end)]:
        if t.text.startswith("-") and t.text != "-t" and t.pos_ == "PRON":
            return t
        if t.pos_ in {"PROPN", "NOUN"}:
            return t
        if t.is_punct:
            break
    return None


def complement(verb: Token, frames: set[str]) -> tuple[Optional[Span], str]:
    """The reported content governed by a cue verb, and the rule that found it."""
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp", "acl"} and child.i > verb.i:
            marks = [c for c in child.children if c.dep_ == "mark"]
            if any(m.lower_ in {"que", "qu'", "qu’"} for m in marks):
                return trimmed(verb.doc, marks[0].i + 1, child.right_edge.i + 1), "indirect_que"
            if "obj_de" in frames and any(m.lower_ in {"de", "d'", "d’"} for m in marks):
                obj = next((c for c in verb.children if c.dep_ == "obj"), None)
                start = obj.left_edge.i if obj is not None else marks[0].i + 1
                return trimmed(verb.doc, start, child.right_edge.i + 1), "indirect_de"
            if "inf" in frames and not marks and is_infinitive(child):
                return trimmed(verb.doc, child.left_edge.i, child.right_edge.i + 1), "indirect_inf"
    return nearby_que_clause(verb) or object_de_clause(verb, frames) or (relay_content(verb), "relay_candidate")


def is_infinitive(verb: Token) -> bool:
    """`détecter` or `avoir détecté`."""
    group = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
    return any("Inf" in t.morph.get("VerbForm") for t in group)


def nearby_que_clause(verb: Token) -> Optional[tuple[Span, str]]:
    """`X avait déclaré à l'avance que C` when the parser hung the clause on the adverbial."""
    sent_end = verb.sent.end
    for t in verb.doc[verb.i + 1:min(verb.i + 1 + QUE_WINDOW, sent_end)]:
        if t.lower_ in {"que", "qu'", "qu’"} and t.dep_ == "mark":
            return trimmed(verb.doc, t.i + 1, max(t.head.right_edge.i + 1, t.i + 2)), "indirect_que"
        if t.is_punct or (t.pos_ == "VERB" and t.dep_ not in {"acl"}):
            return None
    return None


def object_de_clause(verb: Token, frames: set[str]) -> Optional[tuple[Span, str]]:
    """`qualifiant X de Y`, `accusé X de Y` when the parse does not link Y: the object to the clause's end."""
    obj = next((c for c in verb.children if c.dep_ == "obj" and c.i > verb.i), None)
    if "obj_de" not in frames or obj is None:
        return None
    end = next((t.i for t in verb.doc[obj.i:verb.sent.end] if t.text in {".", ";", "!", "?"}), verb.sent.end)
    if not any(t.lower_ in {"de", "d'", "d’"} for t in verb.doc[obj.i:end]):
        return None
    return trimmed(verb.doc, obj.left_edge.i, end), "indirect_de"


def relay_content(verb: Token) -> Optional[Span]:
    """`C, ont rapporté les agences.`: C when the cue follows a comma and its subject comes after it."""
    doc, start = verb.doc, cue_group(verb).start
    if start < 1 or doc[start - 1].text != "," or inverted_subject(verb) is None:
        return None
    if subject_of(verb) is not None and subject_of(verb).i < verb.i:
        return None
    return trimmed(doc, typographic_sentence(verb).start, start - 1)


def typographic_sentence(token: Token) -> Span:
    """The sentence around a token by punctuation and paragraphs, for when the parser splits it wrongly."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].text not in SENTENCE_END and not is_paragraph_break(doc[start - 1]):
        start -= 1
    end = token.i
    while end < len(doc) and doc[end].text not in SENTENCE_END and not is_paragraph_break(doc[end]):
        end += 1
    return doc[start:min(end + 1, len(doc))]


def according_to(prep: Token) -> Optional[QuoteMatch]:
    """`Selon X, C` / `C, selon X`: the sentence without the `selon X` phrase is the content."""
    source = prep.head
    doc = prep.doc
    sent = typographic_sentence(prep)
    if source.lower_ in RELATIVE_PRONOUNS or source.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return None
    phrase_start = min(prep.i, source.left_edge.i)
    phrase_end = next((t.i for t in doc[prep.i:source.right_edge.i + 1] if t.text == ","), source.right_edge.i + 1)
    before = trimmed(doc, sent.start, phrase_start)
    after = trimmed(doc, phrase_end, sent.end)
    content = max((s for s in (before, after) if s is not None), key=len, default=None)
    if content is None:
        return None
    quote = QuoteMatch(content.start_char, content.end_char, "indirect", rule="according_to", mode="reported")
    cue = doc[prep.i:phrase_start + 2] if prep.i + 1 < len(doc) and doc[prep.i + 1].dep_ == "fixed" else doc[prep.i:prep.i + 1]
    quote.cue = CharSpan(cue.start_char, cue.end_char, cue.text)
    quote.cue_lemma, quote.cue_class = cue.text.lower().replace("’", "'"), "according_to"
    quote.speaker_index = source.i
    return quote


def trimmed(doc: Doc, start: int, end: int, keep_final_period: bool = False) -> Optional[Span]:
    """doc[start:end] without surrounding spaces and punctuation; None if nothing is left."""
    while start < end and (doc[start].is_space or doc[start].text in TRIM):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].text in TRIM and not (
            keep_final_period and doc[end - 1].text == "."))):
        end -= 1
    return doc[start:end] if end > start else None


def has_quote_marks(doc: Doc, quote: QuoteMatch) -> bool:
    return any(ch in doc.text[quote.start:quote.end] for ch in "«»“”\"")


def inside_any(quote: QuoteMatch, others: list[QuoteMatch]) -> bool:
    return any(o.start <= quote.start and quote.end <= o.end for o in others)


def crosses_any(quote: QuoteMatch, others: list[QuoteMatch]) -> bool:
    """True when the quote starts inside another and ends outside it, or the reverse."""
    return any((o.start < quote.start < o.end) != (o.start < quote.end < o.end) for o in others)


def absorb_fragments(direct: list[QuoteMatch], indirect: list[QuoteMatch]) -> list[QuoteMatch]:
    """Quoted fragments inside an indirect quote make it mixed; uncued fragments elsewhere are not quotes."""
    kept = []
    for quote in indirect:
        inner = [d for d in direct if quote.start <= d.start and d.end <= quote.end]
        if inner and quote.rule != "relay_candidate":
            quote.type = "mixed"
        kept.append(quote)
    covered = [q for q in indirect if q.rule != "relay_candidate"]
    for quote in direct:
        if inside_any(quote, covered):
            continue
        if quote.cue is None and quote.speaker_index is None and quote.fragment:
            continue
        kept.append(quote)
    return kept


def assign_floating_speakers(doc: Doc, quotes: list[QuoteMatch]) -> None:
    """A direct quote with no attribution of its own belongs to the closest preceding speaker, if near."""
    previous: Optional[QuoteMatch] = None
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.rule == "direct_floating" and previous is not None and paragraphs_between(
                doc, previous.end, quote.start) <= 1:
            quote.speaker_entity, quote.speaker_name = previous.speaker_entity, previous.speaker_name
            quote.speaker, quote.mode = previous.speaker, previous.mode if previous.type == "direct" else "attested"
            quote.confidence = 0.7
        if quote.speaker_name:
            previous = quote
    quotes[:] = [q for q in quotes if q.speaker_name or q.rule != "direct_floating" or not q.fragment]


def paragraphs_between(doc: Doc, start: int, end: int) -> int:
    return doc.text.count("\n", start, end)
