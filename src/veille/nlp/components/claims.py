"""veille_claims: the article's statements with who vouches for them and how firmly (`doc._.claims`).

A claim is a clause whose factuality matters: each finite clause of the journalist's text (a sentence's main
clause, its coordinated and adverbial clauses, complement clauses) and the content of each quotation in
`doc._.quotes`, with its clauses. Each gets its source chain — the journalist, a relaying source (`ont
rapporté les agences`), the quote's speaker, a source nested inside the quotation (`X a dit que`, `selon X`,
`des rumeurs selon lesquelles`) — and a factuality computed by `nlp.factuality.assess` for that source's voice.
Claims overlap: a sentence and its clauses are each a statement with its own commitment.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..attribution import SpeakerResolver, phrase, subject_of
from .entities import cluster_at
from ..cues import SENTENCE_END, CueLexicon, cue_group, trimmed
from ..extensions import init_doc, register_extensions
from ..factuality import (ACCORDING_TO, JOURNALIST, NEGATED, PAST, REPORTED, Assessment, ModalityLexicon, assess,
                          lemma_lookup, quote_voice)
from ..quotemarks import quote_depths
from ..types import CharSpan, ClaimMatch, QuoteMatch, SourceRef

CLAIM_DEPS = {"ROOT", "conj", "advcl", "ccomp", "csubj", "parataxis", "dep", "acl:relcl"}
CLAUSE_CONTENT_RULES = {"indirect_que", "indirect_inf", "indirect_de"}   # a proposition, not a noun phrase
AUX_DEPS = {"aux", "aux:tense", "aux:pass", "cop"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj", "csubj"}
RELATIVE_ACCORDING = {"lequel", "laquelle", "lesquels", "lesquelles"}
LEADING = {"mark", "cc", "punct"}
JOURNALIST_REF = SourceRef("journalist")
PREDICATE_POS = {"VERB", "AUX", "ADJ", "NOUN", "PROPN", "ADV"}
QUOTE_MARKS = set("«»“”\"‹›")


class LazyResolver:
    """A SpeakerResolver built only when a nested source needs one (most documents never do)."""

    def __init__(self, doc: Doc):
        self.doc, self.resolver = doc, None

    def resolve(self, token: Token):
        """A name's entity directly; pronouns and descriptions through the SpeakerResolver."""
        if token.pos_ != "PRON":
            name = phrase(token)
            cluster = cluster_at(self.doc, name.start_char, name.end_char) if token.pos_ == "PROPN" else None
            return (cluster, cluster.name) if cluster is not None else (None, name.text)
        if self.resolver is None:
            self.resolver = SpeakerResolver(self.doc)
        return self.resolver.resolve(token)


@dataclass
class Voice:
    """Who speaks a clause: the chain of sources ending with the immediate one, and how it is reported."""

    chain: list[SourceRef]
    kind: str = JOURNALIST
    concord: bool = False             # reported after a past verb: a conditional is the future in the past
    denial: bool = False              # `X a démenti que C`: C is false for X
    quote: Optional[int] = None


@Language.factory("veille_claims", assigns=["doc._.claims"], requires=["doc._.quotes"],
                  default_config={"lang": "fr"})
def make_claim_finder(nlp: Language, name: str, lang: str):
    return ClaimFinder(lang, lemma_lookup(nlp))


class ClaimFinder:
    def __init__(self, lang: str, lemma_of=lambda word: word):
        self.lang = lang
        self.lexicon = ModalityLexicon(lang, lemma_of)
        self.cues = CueLexicon(lang)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        self.set_annotations(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[ClaimMatch]:
        quotes = doc._.quotes or []
        resolver = LazyResolver(doc)
        found: dict[tuple[int, int], ClaimMatch] = {}
        for n, quote in enumerate(quotes):
            claim = self.quote_claim(doc, n, quote, quotes, resolver)
            if claim is not None:
                found[(claim.start, claim.end)] = claim
        for sentence in sentences(doc):
            claim = self.sentence_claim(sentence, quotes, resolver)
            if claim is not None:
                found.setdefault((claim.start, claim.end), claim)
        for head in clause_heads(doc):
            claim = self.clause_claim(head, quotes, resolver)
            if claim is not None:
                found.setdefault((claim.start, claim.end), claim)
        return sorted(found.values(), key=lambda c: (c.start, -c.end))

    def set_annotations(self, doc: Doc, claims: list[ClaimMatch]) -> None:
        doc._.claims = claims

    # the two kinds of statement ----------------------------------------------------------------------------
    def quote_claim(self, doc: Doc, n: int, quote: QuoteMatch, quotes: list[QuoteMatch],
                    resolver: "LazyResolver") -> Optional[ClaimMatch]:
        content = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        head = top_predicate(content) if content is not None else None
        if head is None:
            return None
        voice = self.voice_of(head, quotes, resolver, within=quote)
        return make_claim(content, self.assessed(head, voice), voice)

    def sentence_claim(self, sentence: Span, quotes: list[QuoteMatch],
                       resolver: "LazyResolver") -> Optional[ClaimMatch]:
        """The whole sentence, headed by its main predicate (the parser may split one sentence in two)."""
        span = unmarked(sentence.doc, sentence.start, sentence.end)
        if span is None or any(crosses(span, q) for q in quotes):
            return None  # its parts inside and outside the quotation are claimed separately
        head = main_predicate(span)
        if head is None:
            return None
        voice = self.voice_of(head, quotes, resolver)
        return make_claim(span, self.assessed(head, voice), voice)

    def clause_claim(self, head: Token, quotes: list[QuoteMatch], resolver: "LazyResolver") -> Optional[ClaimMatch]:
        voice = self.voice_of(head, quotes, resolver)
        quote = quotes[voice.quote] if voice.quote is not None else None
        span = clause_span(head, quote)
        if span is None:
            return None
        return make_claim(span, self.assessed(head, voice), voice)

    def assessed(self, head: Token, voice: Voice) -> Assessment:
        result = assess(head, self.lexicon, voice.kind, voice.concord)
        if voice.denial and result.polarity == "positive":
            result.value, result.polarity = NEGATED, "negative"
        return result

    # sources -----------------------------------------------------------------------------------------------
    def voice_of(self, head: Token, quotes: list[QuoteMatch], resolver: "LazyResolver",
                 within: Optional[QuoteMatch] = None) -> Voice:
        """The quotes around the clause from outermost to innermost, then a source nested inside the last."""
        around = [(n, q) for n, q in enumerate(quotes) if q.start <= head.idx < q.end and q.speaker_name
                  and (within is None or (q.start <= within.start and within.end <= q.end))]
        voice = Voice([JOURNALIST_REF])
        for n, quote in sorted(around, key=lambda nq: nq[1].end - nq[1].start, reverse=True):
            if quote.via:
                add_source(voice.chain, SourceRef(quote.via))
            add_source(voice.chain, SourceRef(quote.speaker_name, quote.speaker_entity))
            (voice.kind, voice.concord), voice.quote = quote_voice(head.doc, quote), n
            voice.denial = quote.cue_class == "denial" and quote.rule in CLAUSE_CONTENT_RULES
        nested = self.nested_source(head, quotes[voice.quote] if voice.quote is not None else None, resolver)
        if nested is not None:
            add_source(voice.chain, nested[0])
            voice.kind, voice.concord, voice.denial = nested[1], nested[2], False
        return voice

    def nested_source(self, head: Token, quote: Optional[QuoteMatch],
                      resolver: "LazyResolver") -> Optional[tuple[SourceRef, str, bool]]:
        """Inside the clause's own statement, a further source: `des rumeurs selon lesquelles C`, or `X a dit que
        C` that the quote finder left to an enclosing quotation's speaker (or missed: `…, estimant que C`)."""
        token = head
        while token.head.i != token.i and (quote is None or quote.start <= token.head.idx < quote.end):
            if detached(token):
                return None  # `…selon lesquelles C1, X n'a vu aucune preuve`: the parser hung X's clause on C1
            relative = according_relative(token) if token.dep_ == "acl:relcl" else None
            if relative is not None:
                return SourceRef(noun_phrase(antecedent(relative, token.head)).text), ACCORDING_TO, False
            if (quote is None or quote.type == "direct") and token.dep_ in {"ccomp", "xcomp"} \
                    and self.cues.is_cue_verb(token.head):
                subject = subject_of(token.head)
                if subject is not None:
                    cluster, name = resolver.resolve(subject)
                    past = any(PAST & set(t.morph.get("Tense")) for t in cue_group(token.head))
                    return SourceRef(name, cluster.id if cluster else None), REPORTED, past
            token = token.head
        return None


def according_relative(clause: Token) -> Optional[Token]:
    """`selon lesquelles`: the relative pronoun of an attribution relative clause."""
    return next((c for c in clause.children if c.lemma_.lower() in RELATIVE_ACCORDING
                 and any(g.lower_ == "selon" for g in c.children)), None)


def antecedent(pronoun: Token, default: Token) -> Token:
    """`des rumeurs à la fin de l'année selon lesquelles`: the nearest noun agreeing with `lesquelles`."""
    features = [(f, pronoun.morph.get(f)) for f in ("Number", "Gender") if pronoun.morph.get(f)]
    for token in reversed(pronoun.doc[max(0, pronoun.i - 10):pronoun.i]):
        if token.pos_ == "NOUN" and all(token.morph.get(f) == v for f, v in features):
            return token
    return default


def detached(clause: Token) -> bool:
    """A clause after a comma with its own subject is a new statement, whatever the parser attached it to."""
    doc = clause.doc
    start = clause.left_edge.i
    return clause.dep_ in {"advcl", "conj", "parataxis"} and start > 0 and doc[start - 1].text == "," \
        and any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def noun_phrase(token: Token) -> Span:
    """The noun with its adjectives and complements, without clauses or determiners (`rumeurs`)."""
    keep = [token] + [t for c in token.children if c.dep_ in {"amod", "nmod", "flat:name", "compound"}
                      and c.i > token.i for t in c.subtree if t.dep_ not in {"acl", "acl:relcl"}]
    start = token.i
    end = max(t.i for t in keep) + 1
    return token.doc[start:end] if all(start <= t.i < end for t in keep) else token.doc[token.i:token.i + 1]


# clauses -----------------------------------------------------------------------------------------------------
def sentences(doc: Doc) -> Iterable[Span]:
    """Sentences by punctuation and paragraphs, which the parser sometimes splits wrongly."""
    start, last = 0, len(doc) - 1
    for token in doc:
        if token.text in SENTENCE_END or "\n" in token.whitespace_ or "\n" in token.text or token.i == last:
            if token.i + 1 > start:
                yield doc[start:token.i + 1]
            start = token.i + 1


def crosses(span: Span, quote: QuoteMatch) -> bool:
    """Starts inside the quotation and ends outside it, or the reverse."""
    return (quote.start <= span.start_char < quote.end) != (quote.start < span.end_char <= quote.end)


def unmarked(doc: Doc, start: int, end: int) -> Optional[Span]:
    """Trimmed of punctuation and quotation marks at both ends."""
    span = trimmed(doc, start, end)
    while span is not None and len(span) and (span[0].text in QUOTE_MARKS or span[-1].text in QUOTE_MARKS):
        start, end = span.start + (span[0].text in QUOTE_MARKS), span.end - (span[-1].text in QUOTE_MARKS)
        span = trimmed(doc, start, end)
    return span


def main_predicate(sentence: Span) -> Optional[Token]:
    roots = [t for t in sentence if t.head.i == t.i or not (sentence.start <= t.head.i < sentence.end)]
    depths = quote_depths(sentence.doc)
    roots.sort(key=lambda t: depths[t.i] > 0)  # the journalist's own verb before one inside a quotation
    return next((t for t in roots if is_finite_clause(t)), None) or \
        next((t for t in roots if t.pos_ in {"VERB", "AUX"} or any(c.dep_ in {"xcomp", "ccomp"} for c in t.children)),
             None) or \
        next((t for t in sentence if is_finite_clause(t) and not t.dep_.startswith(("aux", "cop"))), None)


def clause_heads(doc: Doc) -> Iterable[Token]:
    """Heads of the clauses that make a statement: finite clauses, present-participle clauses, and relatives
    of attribution (`des rumeurs selon lesquelles C`)."""
    for token in doc:
        if token.pos_ not in PREDICATE_POS or not (token.n_lefts or token.n_rights):
            continue  # the cheap test first: most tokens head no clause
        if token.pos_ == "AUX" and token.head.pos_ in {"VERB", "AUX"} and token.head.i != token.i:
            continue  # an auxiliary, whatever its label
        if token.dep_ in CLAIM_DEPS and is_finite_clause(token):
            yield token
        elif token.dep_ == "acl:relcl" and according_relative(token) is not None:
            yield token
        elif token.dep_ in {"advcl", "acl"} and is_participle_clause(token):
            yield token
        elif token.dep_ != "ROOT" and is_finite_clause(token) and any(c.dep_ in SUBJECT_DEPS for c in token.children):
            yield token  # a clause with its own subject that the parser attached as an object or the like


def is_finite_clause(token: Token) -> bool:
    """A clause with its own tense: a finite verb, or a predicate with a finite auxiliary or copula."""
    if token.pos_ not in PREDICATE_POS:
        return False
    group = [token] + [c for c in token.children if c.dep_ in AUX_DEPS or (c.pos_ == "AUX" and c.i < token.i)]
    if token.pos_ in {"NOUN", "PROPN", "ADJ", "ADV"} and len(group) == 1:
        return False
    return any("Fin" in t.morph.get("VerbForm") for t in group)


def is_participle_clause(token: Token) -> bool:
    """`…, faisant deux victimes`, `sa production n'ayant jamais repris`: a present participle's clause."""
    return token.pos_ in {"VERB", "AUX"} and "Part" in token.morph.get("VerbForm") and (
        "Pres" in token.morph.get("Tense") or any("Pres" in c.morph.get("Tense") and "Part" in c.morph.get("VerbForm")
                                                  for c in token.children if c.dep_.startswith("aux")))


def top_predicate(span: Span) -> Optional[Token]:
    """The first token heading a clause in a stretch of text whose head lies outside it (its first sentence's
    main verb for a quotation of several sentences)."""
    tops = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    tops = [t for t in tops if not t.is_punct and not t.is_space]
    return next((t for t in tops if t.dep_ == "ROOT" or is_finite_clause(t) or t.pos_ in {"VERB", "AUX"}),
                tops[0] if tops else None)


def clause_span(head: Token, quote: Optional[QuoteMatch]) -> Optional[Span]:
    """The clause's words: its subtree, within its quotation, without a leading conjunction or attribution."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    if quote is not None:
        while start < end and doc[start].idx < quote.start:
            start += 1
        while end > start and doc[end - 1].idx + len(doc[end - 1]) > quote.end:
            end -= 1
    relative = according_relative(head) if head.dep_ == "acl:relcl" else None
    if relative is not None:
        start = max(start, relative.i + 1)
    end = min([end] + [c.left_edge.i - 1 for c in head.children if detached(c)])
    while start < end and (doc[start].dep_ in LEADING or doc[start].head.dep_ == "mark" and doc[start].dep_ == "fixed"):
        start += 1
    return unmarked(doc, start, end)


def make_claim(span: Span, assessment: Assessment, voice: Voice) -> ClaimMatch:
    return ClaimMatch(span.start_char, span.end_char, span.text, assessment.value, assessment.polarity,
                      voice.chain[-1], list(voice.chain),
                      [CharSpan(c.start_char, c.end_char, c.text) for c in assessment.cues if c is not None],
                      quote=voice.quote)


def add_source(chain: list[SourceRef], source: SourceRef) -> None:
    """A quote nested in another by the same speaker (`X a dit que « … »`) is one link of the chain, not two."""
    if chain[-1].name != source.name:
        chain.append(source)
