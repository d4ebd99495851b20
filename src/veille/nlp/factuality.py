"""How committed a source is to one clause (FactBank-style factuality), shared by veille_claims and veille_events.

`assess(head, lexicon, voice)` reads the clause's predicate from the parse: verb mood (`token.morph`), modal
verbs governing it as `xcomp` (`pourrait partir`), hedging adverbs, negation (`ne` + `pas`/`jamais`/`aucun`…,
restrictive `ne … que` and expletive `ne` excepted), the frame it is the complement of (`il n'est pas clair si
C`, `reste à savoir si C`) and who speaks it (`voice`), since a conditional means different things in the
journalist's mouth (`aurait acquis`: uncommitted), in reported speech after a past verb (`a dit qu'il
viendrait`: tense concord) and in a speaker's own words (`cela constituerait`: hypothetical). The words come
from resources/<lang>/hedges.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from spacy.tokens import Doc, Span, Token

from .lexicon import load_table
from .quotemarks import quote_depths
from .types import QuoteMatch

CERTAIN, PROBABLE, POSSIBLE, NEGATED, UNKNOWN = "certain", "probable", "possible", "negated", "unknown"
UNCERTAINTY = {CERTAIN: 0, PROBABLE: 1, POSSIBLE: 2, UNKNOWN: 3}   # combining cues keeps the least committed

# who is speaking the clause, which decides what a conditional means
JOURNALIST, DIRECT, REPORTED, ACCORDING_TO = "journalist", "direct", "reported", "according_to"

AUX_DEPS = {"aux", "aux:tense", "aux:pass", "aux:caus", "cop"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj", "csubj"}
# dependents that open a clause of their own: negation or hedges inside them belong to that clause
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "acl", "acl:relcl", "csubj", "conj", "parataxis", "dep"}
COMPLEMENT_DEPS = {"ccomp", "csubj", "xcomp", "dep", "advcl", "obj"}
COMPLEMENTIZERS = {"que", "qu'", "qu’", "si", "s'", "s’"}
INTERROGATIVES = {"quel", "quelle", "quels", "quelles", "qui", "quoi", "comment", "pourquoi", "où", "quand",
                  "combien", "lequel", "laquelle", "lesquels", "lesquelles"}
HYPOTHESIS = {"si", "s'", "s’"}
NE = {"ne", "n'", "n’"}
RESTRICTIVE = {"que", "qu'", "qu’"}
WITHOUT = {"sans"}
# grammatical words of a frame (`il est clair que`): a frame is recognised by its lexical words, any tense
FRAME_FUNCTION_WORDS = {"il", "est", "a", "y", "ce", "c'", "on", "que", "qu'", "si", "s'", "de", "d'", "à"}
# the conditional of regular verbs is the infinitive (minus a final e) + the imperfect endings
CONDITIONAL_ENDINGS = ("aient", "ait", "ais", "ions", "iez")


@dataclass
class Assessment:
    value: str = CERTAIN
    polarity: str = "positive"
    cues: list[Span] = field(default_factory=list)

    def weaken(self, value: str, cue: Optional[Span]) -> None:
        if value == NEGATED:  # a frame that denies (`il est faux que`)
            self.value, self.polarity = NEGATED, "negative"
        elif UNCERTAINTY.get(value, 0) > UNCERTAINTY.get(self.value, 0):
            self.value = value
        if cue is not None:
            self.cues.append(cue)


@dataclass(frozen=True)
class Frame:
    """An entry like `il n'est pas clair si`: its lexical words, whether it is negated, its value, and the
    complement it takes (`si`: an indirect question; `que`; None: either)."""

    words: tuple[str, ...]
    negated: bool
    value: str
    complement: Optional[str] = None
    keys: tuple[frozenset, ...] = ()   # per word, the forms and lemma that match it (a cheap first test)


class ModalityLexicon:
    """The hedges table of one language, split by kind."""

    def __init__(self, lang: str, lemma_of: Callable[[str], str] = lambda word: word):
        rows = load_table(lang, "hedges")
        by_kind: dict[str, dict[str, str]] = {}
        for row in rows:
            by_kind.setdefault(row["kind"], {})[normalise(row["cue"])] = row["value"]
        self.modals = {k: v for k, v in by_kind.get("modal_verb", {}).items() if " " not in k}
        self.modal_phrases = {tuple(k.split()): v for k, v in by_kind.get("modal_verb", {}).items() if " " in k}
        self.adverbs = {tuple(split_words(k)): v for k, v in by_kind.get("adverb", {}).items()}
        negations = [split_words(k) for k in by_kind.get("negation", {})]
        # the words that pair with `ne` (`ne … plus` gives `plus`); `sans` and `non` negate differently
        self.negators = {w[-1] for w in negations if len(w) <= 2} - NE - WITHOUT - {"non"}
        self.lemma_of = lemma_of   # a form's lemma, to read frame entries written in one tense in any tense
        self.negative_words = self.negators | NE
        self.frames = [self.frame(k, v) for k, v in by_kind.get("impersonal", {}).items()]

    def frame(self, cue: str, value: str) -> Frame:
        all_words = split_words(cue)
        words = [w for w in all_words if w not in FRAME_FUNCTION_WORDS]
        negated = any(w in self.negative_words for w in words)
        complement = "si" if all_words[-1] in HYPOTHESIS else "que" if all_words[-1] in RESTRICTIVE else None
        lexical = tuple(w for w in words if w not in self.negative_words)
        keys = tuple(frozenset({w, self.lemma_of(w)}) for w in lexical)
        return Frame(lexical, negated, value, complement, keys)

    def word_matches(self, word: str, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return word in (token.lower_, lemma) or self.lemma_of(word) == lemma


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def split_words(text: str) -> list[str]:
    """`il n'est pas` → il, n', est, pas (spaCy's French tokenisation of elisions)."""
    return [w for w in re.split(r"(?<=')|\s+", normalise(text)) if w]


# the predicate group -----------------------------------------------------------------------------------------
def predicate_group(head: Token, lexicon: ModalityLexicon) -> list[Token]:
    """The clause's verb with its auxiliaries and, when it is the complement of a modal, the modal's group."""
    group = [head] + [c for c in head.children if c.dep_ in AUX_DEPS or misread_auxiliary(c, head)]
    modal = governing_modal(head, lexicon)
    if modal is not None:
        group += [modal] + [c for c in modal.children if c.dep_ in AUX_DEPS]
    return group


def misread_auxiliary(token: Token, head: Token) -> bool:
    """`aurait détourné` with `aurait` labelled `dep`: an auxiliary form just before a participle or infinitive."""
    return token.pos_ == "AUX" and token.i < head.i <= token.i + 3 and token.dep_ in {"dep", "advmod", "obj"}


def governing_modal(head: Token, lexicon: ModalityLexicon) -> Optional[Token]:
    """`pourrait déboucher`: the parser makes the infinitive an xcomp of the modal (or the modal an aux)."""
    if head.dep_ == "xcomp" and is_modal(head.head, lexicon):
        return head.head
    return next((c for c in head.children if c.dep_.startswith("aux") and is_modal(c, lexicon)), None)


def is_modal(token: Token, lexicon: ModalityLexicon) -> bool:
    return token.pos_ in {"VERB", "AUX"} and (token.lower_ in lexicon.modals or token.lemma_.lower() in lexicon.modals)


def is_conditional(token: Token) -> bool:
    """Mood=Cnd, or a regular verb's conditional the tagger read as an imperfect (`constituerait`)."""
    if "Cnd" in token.morph.get("Mood"):
        return True
    if "Imp" not in token.morph.get("Tense") or token.pos_ not in {"VERB", "AUX"}:
        return False
    form, lemma = token.lower_, token.lemma_.lower()
    stem = next((form[:-len(e)] for e in CONDITIONAL_ENDINGS if form.endswith(e)), None)
    return stem is not None and stem.endswith("r") and stem in (lemma, lemma[:-1])


def span_of(tokens: Iterable[Token]) -> Optional[Span]:
    tokens = sorted(tokens, key=lambda t: t.i)
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1] if tokens else None


def grouped(tokens: list[Token], gap: int = 3) -> list[Span]:
    """Cue words as spans, neighbours together (`n'a jamais`), distant ones apart (`aucun … n'`)."""
    spans, current = [], []
    for token in sorted(tokens, key=lambda t: t.i):
        if current and token.i - current[-1].i > gap:
            spans.append(span_of(current))
            current = []
        current.append(token)
    return spans + ([span_of(current)] if current else [])


def own_tokens(head: Token) -> list[Token]:
    """The clause's tokens outside the clauses it embeds and the quotations it reports."""
    found, stack = [], [head]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS and not quoted(c, head))
    return found


def quoted(token: Token, head: Token) -> bool:
    """A dependent inside quotation marks when the head is outside (or the reverse): someone else's words."""
    depth = quote_depths(token.doc)
    return (depth[token.i] > 0) != (depth[head.i] > 0)


# the cues ----------------------------------------------------------------------------------------------------
def lemma_lookup(nlp) -> Callable[[str], str]:
    """The pipeline's own form → lemma table when it has one (to read a lexicon entry in any tense)."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    except (KeyError, AttributeError, ValueError):
        return lambda word: word
    return lambda word: (table.get(word) or [word])[0] if isinstance(table.get(word), list) else \
        (table.get(word) or word)


def negation(head: Token, group: list[Token], lexicon: ModalityLexicon) -> Optional[list[Token]]:
    """The negation's words, or None: `ne … pas/jamais/plus`, `aucun`, `sans (que)`; not `ne … que` nor an
    expletive `ne` (`éviter que … ne devienne`)."""
    clause = own_tokens(head) + [t for m in group if m is not head for t in own_tokens(m)]
    # `ne « pas coopérer »`: the particles belong to the verb even when a quotation mark falls between them
    clause += [c for m in group for c in m.children if c.dep_ == "advmod" and c not in clause
               and (c.lower_ in NE or c.lower_ in lexicon.negators)]
    without = [t for t in clause if t.lower_ in WITHOUT and t.dep_ == "mark" and t.head in group]
    if without:
        return without
    ne = [t for t in clause if t.lower_ in NE]
    negators = [t for t in clause if t.lower_ in lexicon.negators and not lookalike(t)]
    if negators and (ne or any(t.lower_ in {"jamais", "aucun", "aucune", "nullement", "aucunement"}
                               for t in negators)):
        return ne + negators
    return None


def lookalike(token: Token) -> bool:
    """Negative words that do not negate: `non seulement`, `pas mal de`, `sans cesse`, `si jamais`, `à jamais`,
    `plus` as a comparative (`plus de`, `plus que` without `ne`), `personne` as a noun."""
    doc, i = token.doc, token.i
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    before = doc[i - 1].lower_ if i > 0 else ""
    if token.lower_ == "non" and after == "seulement":
        return True
    if token.lower_ == "pas" and after == "mal":
        return True
    if token.lower_ == "jamais" and before in {"si", "à"}:
        return True
    if token.lower_ in {"personne", "rien"} and any(c.dep_ == "det" for c in token.children):
        return True  # `toute personne`, `un rien`: nouns
    if token.lower_ in {"plus", "rien", "jamais"} and after in RESTRICTIVE:
        return True  # `ne … plus que`, `rien que`: restriction, not negation
    return token.lower_ == "plus" and not any(t.lower_ in NE for t in doc[max(0, i - 5):i])


def restrictive(head: Token, group: list[Token]) -> Optional[Span]:
    """`ne … que` (only): a `ne` whose clause has a `que` after the verb that opens no clause."""
    doc = head.doc
    ne = next((t for t in own_tokens(head) if t.lower_ in NE), None)
    last = max(t.i for t in group)
    que = next((t for t in doc[last + 1:min(last + 8, len(doc))] if t.lower_ in RESTRICTIVE
                and not (t.dep_ == "mark" and t.head.pos_ in {"VERB", "AUX"})), None)
    return doc[ne.i:ne.i + 1] if ne is not None and que is not None else None


def modal_value(group: list[Token], lexicon: ModalityLexicon) -> Optional[tuple[str, Token]]:
    for token in group:
        value = lexicon.modals.get(token.lower_) or (lexicon.modals.get(token.lemma_.lower())
                                                      if is_modal(token, lexicon) else None)
        if value is not None and token.dep_ not in {"cop"}:
            return value, token
    return None


def adverb_value(group: list[Token], lexicon: ModalityLexicon) -> Optional[tuple[str, Span]]:
    """A hedging adverb modifying the verb or its modal (`probablement`, `sans doute`, `semble-t-il`)."""
    doc = group[0].doc
    for token in (c for t in group for c in t.children if c.dep_ in {"advmod", "obl:mod", "advcl", "obl"}):
        for length in (4, 3, 2, 1):
            words = tuple(split_words(doc[token.i:token.i + length].text))
            if words in lexicon.adverbs:
                return lexicon.adverbs[words], doc[token.i:token.i + length]
    return None


def conditional_value(head: Token, group: list[Token], voice: str, concord: bool) -> Optional[tuple[str, Token]]:
    """What a conditional means here: hypothesis, tense concord, or the journalist keeping a distance."""
    verb = next((t for t in group if is_conditional(t)), None)
    if verb is None:
        return None
    if protasis(head, group) is not None:
        return POSSIBLE, verb
    if voice == REPORTED and concord:
        return CERTAIN, verb
    if voice in {DIRECT, REPORTED}:
        return POSSIBLE, verb
    return UNKNOWN, verb


def protasis(head: Token, group: list[Token]) -> Optional[Token]:
    """The `si` of a hypothesis the clause is the consequent of (`si X, cela constituerait`)."""
    for token in group:
        for child in token.children:
            if child.dep_ == "advcl" and any(m.lower_ in HYPOTHESIS and m.dep_ == "mark" for m in child.children):
                return child
    return None


# frames ------------------------------------------------------------------------------------------------------
def frame_of(head: Token, lexicon: ModalityLexicon) -> Optional[tuple[Frame, list[Token]]]:
    """The frame this clause is (`il n'est pas clair si …`) or is the complement of."""
    found = match_frame(head, lexicon, complement_kind(head)) if has_complement(head) else None
    if found is None and is_complement(head):
        found = match_frame(head.head, lexicon, kind_of(head))
    return found


def has_complement(token: Token) -> bool:
    return any(is_complement(c) or c.lower_ in INTERROGATIVES for c in token.children)


def complement_kind(token: Token) -> Optional[str]:
    kinds = {kind_of(c) for c in token.children if is_complement(c) or c.lower_ in INTERROGATIVES}
    return next(iter(kinds)) if len(kinds) == 1 else None


def kind_of(clause: Token) -> Optional[str]:
    """`si` for an indirect question (`si`, `quel`, `qui`…), `que`, or None (an infinitive)."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if marks & HYPOTHESIS or clause.lower_ in INTERROGATIVES or clause.doc[clause.left_edge.i].lower_ in INTERROGATIVES:
        return "si"
    return "que" if marks & RESTRICTIVE else None


def is_complement(token: Token) -> bool:
    """Introduced by que/si or an interrogative word, or an infinitive with de/à (`de savoir`)."""
    if token.dep_ not in COMPLEMENT_DEPS:
        return False
    first = token.doc[token.left_edge.i]
    marks = [c.lower_ for c in token.children if c.dep_ == "mark"]
    return bool(COMPLEMENTIZERS & set(marks)) or first.lower_ in INTERROGATIVES or \
        (bool({"de", "d'", "à"} & set(marks)) and "Inf" in token.morph.get("VerbForm"))


def match_frame(predicate: Token, lexicon: ModalityLexicon,
                complement: Optional[str] = None) -> Optional[tuple[Frame, list[Token]]]:
    tokens = frame_tokens(predicate)
    negated = any(t.lower_ in lexicon.negative_words and not lookalike(t) for t in tokens)
    present = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    best = None
    for frame in lexicon.frames:
        if frame.negated != negated or not frame.words or not all(key & present for key in frame.keys):
            continue
        if frame.complement and complement and frame.complement != complement:
            continue  # `ne sait pas si` (unknown) is not `ne sait pas que` (factive)
        used = subsequence(frame.words, tokens, lexicon)
        if used is not None and (best is None or len(frame.words) > len(best[0].words)):
            best = (frame, used + [t for t in tokens if t.lower_ in lexicon.negative_words])
    return best


def frame_tokens(predicate: Token) -> list[Token]:
    """The predicate, its subject, auxiliaries, adverbs and marks; climbing to the verb it complements when it is
    an infinitive (`reste à savoir`, `tout porte à croire`)."""
    tokens = [predicate] + [c for c in predicate.children
                            if c.dep_ in AUX_DEPS | SUBJECT_DEPS | {"advmod", "mark", "expl:comp", "expl", "fixed"}
                            or c.lower_ in NE]
    tokens += [g for c in tokens if c.dep_ == "advmod" for g in c.children if g.dep_ in {"advmod", "fixed"}]
    tokens += [c for c in predicate.children if c.dep_ in {"xcomp", "dep"} and "Inf" in c.morph.get("VerbForm")]
    if "Inf" in predicate.morph.get("VerbForm") and predicate.dep_ in {"xcomp", "dep", "ccomp", "csubj"}:
        tokens += frame_tokens(predicate.head)
    return sorted(set(tokens), key=lambda t: t.i)


def subsequence(words: tuple[str, ...], tokens: list[Token], lexicon: ModalityLexicon) -> Optional[list[Token]]:
    used, position = [], 0
    for word in words:
        match = next((t for t in tokens[position:] if lexicon.word_matches(word, t)), None)
        if match is None:
            return None
        used.append(match)
        position = tokens.index(match) + 1
    return used


# the assessment ----------------------------------------------------------------------------------------------
def assess(head: Token, lexicon: ModalityLexicon, voice: str = JOURNALIST, concord: bool = False) -> Assessment:
    """Factuality, polarity and cues of the clause headed by `head`, as `voice` states it."""
    result = Assessment()
    group = predicate_group(head, lexicon)
    framed = frame_of(head, lexicon)
    if framed is not None:
        result.weaken(framed[0].value, span_of(framed[1]))
        if has_complement(head) and match_frame(head, lexicon, complement_kind(head)) is not None:
            return result  # the frame's own negation is part of the frame (`il n'est pas clair si`)
    for found in (modal_value(group, lexicon), adverb_value(group, lexicon)):
        if found is not None:
            result.weaken(found[0], span_of([found[1]]) if isinstance(found[1], Token) else found[1])
    if modal_value(group, lexicon) is None:
        found = conditional_value(head, group, voice, concord)
        if found is not None:
            result.weaken(found[0], span_of([found[1]]) if found[0] != CERTAIN else None)
    hypothesis = next((m for m in head.children if m.dep_ == "mark" and m.lower_ in HYPOTHESIS), None)
    if hypothesis is not None and head.dep_ == "advcl":
        result.weaken(POSSIBLE, span_of([hypothesis]))  # the `si` clause of a hypothesis is not asserted
    if is_question(head):
        result.weaken(UNKNOWN, head.doc[head.sent.end - 1:head.sent.end])
    negated = negation(head, group, lexicon)
    if negated is not None:
        result.polarity = "negative"
        result.cues.extend(grouped(negated))
        if result.value == CERTAIN:
            result.value = NEGATED
    elif restrictive(head, group) is not None:
        result.cues.append(restrictive(head, group))  # `ne … que`: a lookalike, recorded as the deciding cue
    return result


# who speaks -------------------------------------------------------------------------------------------------
PAST = {"Past", "Imp", "Pqp"}


def quote_voice(doc: Doc, quote: QuoteMatch) -> tuple[str, bool]:
    """How a quotation's content is spoken, and whether its reporting verb is past (tense concord)."""
    if quote.type == "direct":
        return DIRECT, False
    if quote.cue_class == "according_to":
        return ACCORDING_TO, False
    return REPORTED, is_past_cue(doc, quote)


def is_past_cue(doc: Doc, quote: QuoteMatch) -> bool:
    if quote.cue is None:
        return False
    cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return cue is not None and any(PAST & set(t.morph.get("Tense")) for t in cue)


def innermost_quote(token: Token, quotes: list[QuoteMatch]) -> Optional[int]:
    """The index of the smallest attributed quotation containing the token."""
    around = [(q.end - q.start, n) for n, q in enumerate(quotes)
              if q.start <= token.idx < q.end and q.speaker_name]
    return min(around)[1] if around else None


def is_question(head: Token) -> bool:
    sentence = head.sent
    return head.dep_ == "ROOT" and sentence[-1].text == "?"
