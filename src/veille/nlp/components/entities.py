"""veille_entities: turns the NER mentions of a Doc into one corrected cluster per real-world thing in the article.

Each mention is cleaned (determiners, honorifics and titles off; a truncated name extended to the longer form
the article gives), dropped when it is not a name (participles, sentence-initial common words, demonyms, a
minister's portfolio), typed from the gazetteers and from the head noun that governs it (`le groupe X` is an
organisation), then grouped: shorter person names join the longer name whose words they repeat, acronyms join
the name they abbreviate, and gazetteer names join their canonical form. A capital used as an actor
(`Selon Washington`) joins its state. The result is `doc._.entity_clusters`.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import init_doc, register_extensions
from ..gazetteer import Known, fold, gazetteer
from ..lexicon import column_index
from ..quotemarks import QUOTE_MARKS, is_paragraph_break
from ..types import CharSpan, EntityCluster

LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
EDGE_POS = {"DET", "ADP", "PUNCT", "CCONJ", "SCONJ"}
ACTOR_DEPS = {"nsubj", "nsubj:pass", "obl:agent"}
ACTOR_PREPOSITIONS = {"selon", "d'après", "côté", "avec", "contre"}
DE = {"de", "du", "des", "d'", "d’"}
PLACE_PREPOSITIONS = {"à", "au", "aux", "en", "dans", "vers", "depuis", "jusqu'à", "près", "via"}


@dataclass
class Mention:
    span: Span
    label: str
    key: str                              # what the mention is grouped by
    country: Optional[str] = None
    metonymy: bool = False                # a capital standing for its state
    weak: bool = False                    # a lone common noun (`l'État`, `le Conseil`): kept only as an alias


@Language.factory("veille_entities", assigns=["doc._.entity_clusters"], requires=["doc.ents"],
                  default_config={"lang": "fr"})
def make_entity_resolver(nlp: Language, name: str, lang: str):
    return EntityResolver(lang)


class EntityResolver:
    def __init__(self, lang: str):
        self.lang = lang
        self.gazetteer = gazetteer(lang)
        titles = column_index(lang, "titles", "form")
        self.honorifics = {form for form, row in titles.items() if row["kind"] == "honorific"}
        self.roles = role_nouns(lang)
        self.titles = sorted(self.roles, key=len, reverse=True)
        self.titles_by_word: dict[str, list[str]] = {}   # first word → titles, longest first
        for title in self.titles:
            self.titles_by_word.setdefault(title.split(" ", 1)[0], []).append(title)
        self.genders = {form: row["gender"] for form, row in titles.items() if row.get("gender") in {"m", "f"}}
        self.type_nouns = {lemma: row["type"] for lemma, row in column_index(lang, "type_nouns", "lemma").items()}
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        spans = [s for s in (self.trimmed(ent) for ent in doc.ents) if s is not None]
        text = doc.text  # rebuilt by spaCy at every access: read once
        spans = self.with_spotted(doc, text, extend_truncated(spans, text))
        mentions = [m for m in (self.mention(span, label) for span, label in spans) if m is not None]
        mentions += acronym_mentions(doc, mentions)
        doc._.entity_clusters = self.cluster(mentions)
        self.link_roles(doc)
        return doc

    # -- cleaning --------------------------------------------------------------------------------------------

    def trimmed(self, ent: Span) -> Optional[tuple[Span, str]]:
        """The name part of an entity span: no determiner, honorific or title in front, no clause after."""
        doc, start, end = ent.doc, ent.start, ent.end
        verbs = [t.i for t in ent if t.i > ent.start and t.morph.get("VerbForm") and
                 t.morph.get("VerbForm")[0] in {"Inf", "Fin"}]
        end = min([end, *verbs])  # `Ordre de coopérer`: the tagger ran on into the verb
        while start < end and (doc[start].pos_ in EDGE_POS or doc[start].lower_ in self.honorifics) \
                and not is_name_particle(doc[start]):
            start += 1
        start = self.after_title(doc, start, end)
        while end > start and doc[end - 1].pos_ in EDGE_POS:
            end -= 1
        span = doc[start:end]
        if not span or sum(c.isalpha() for c in span.text) < 2:
            return None
        return span, LABELS.get(ent.label_, "MISC")

    def with_spotted(self, doc: Doc, text: str, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
        """Countries and organisations the tagger missed or cut short, found by their names in the text."""
        for start, end, known in self.gazetteer.spot(text):
            span = doc.char_span(start, end)
            overlapping = [s for s in spans if s[0].start_char < end and start < s[0].end_char]
            if span is None or any(s.start_char < start or s.end_char > end for s, _ in overlapping):
                continue  # the tagger saw a longer name around it (`lac Tchad`)
            spans = [s for s in spans if s not in overlapping] + [(span, known.type)]
        return sorted(spans, key=lambda s: s[0].start_char)

    def after_title(self, doc: Doc, start: int, end: int) -> int:
        """Skip a role title written before the name (`Premier ministre Jean Dupont` → `Jean Dupont`)."""
        lowered = doc[start:end].text.lower()
        for title in self.titles_by_word.get(lowered.split(" ", 1)[0], ()):
            if lowered == title or lowered.startswith(title + " "):
                skipped = start
                while skipped < end and doc[skipped].idx < doc[start].idx + len(title):
                    skipped += 1
                return skipped if skipped < end or lowered == title else start
        return start

    def mention(self, span: Span, label: str) -> Optional[Mention]:
        known = self.gazetteer.lookup(span.text)
        if known is not None:
            return self.known_mention(span, known)
        if self.is_non_name(span):
            return None
        if is_quoted(span):
            return Mention(span, "MISC", fold(span.text))  # `la loi « Stop X »`: a title, not its namesake
        label = self.context_type(span, label) or label
        return Mention(span, label, fold(span.text), weak=is_common_noun(span))

    def is_non_name(self, span: Span) -> bool:
        if self.gazetteer.demonym(span.text) is not None:
            return True  # `les Camerounais` is a group of people, not a named entity
        if not any(t.text[:1].isupper() for t in span):
            return True  # `association des armées`: names are capitalised
        if not any(t.pos_ == "PROPN" for t in span) and self.in_title(span):
            return True  # `ministre des Transports`: the portfolio is part of a title
        token = span[0]
        return len(span) == 1 and (token.pos_ in {"VERB", "AUX"} or "Part" in token.morph.get("VerbForm"))

    def in_title(self, span: Span) -> bool:
        governor = span.root.head
        if governor.i >= span.start:
            return False
        phrase = span.doc[governor.i:span.end].text.lower()
        return governor.lemma_.lower() in self.roles or phrase in self.roles

    # -- typing ----------------------------------------------------------------------------------------------

    def known_mention(self, span: Span, known: Known) -> Mention:
        if known.kind == "capital" and acts_as_state(span, self.is_state_name):
            state = self.gazetteer.country(known.country)
            return Mention(span, "LOC", fold(state.name), known.country, metonymy=True)
        label = known.type
        if known.kind in {"seat", "district"} and governed_by(span, PLACE_PREPOSITIONS):
            label = "LOC"  # `à l'Élysée` is the building; `l'Élysée a annoncé` the institution
        return Mention(span, label, fold(known.name), known.country)

    def is_state_name(self, text: str) -> bool:
        known = self.gazetteer.lookup(text)
        return known is not None and known.kind in {"country", "capital"}

    def context_type(self, span: Span, label: str) -> Optional[str]:
        """The type a head noun gives: `cosmodrome de X`, `le groupe X`, `l'analyste X`, `le porte-parole de X`."""
        first = span[0]
        if first.pos_ == "NOUN" and first.lemma_.lower() in self.type_nouns and len(span) > 1:
            return self.type_nouns[first.lemma_.lower()]
        root = span.root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head
        governor = root.head
        if root.dep_ not in {"appos", "nmod", "amod", "flat:name", "flat"} or governor.pos_ != "NOUN" \
                or governor.i >= span.start:
            return None
        with_de = any(c.dep_ == "case" for c in root.children)
        lemma = governor.lemma_.lower()
        if lemma in self.roles:
            # `l'analyste X` is a person; `le porte-parole de X` speaks for an organisation or a state
            return ("ORG" if label == "MISC" else None) if with_de else "PER"
        found = self.type_nouns.get(lemma)
        return found if not with_de or found == "LOC" else None

    # -- role nouns ------------------------------------------------------------------------------------------

    def link_roles(self, doc: Doc) -> None:
        """`Le porte-parole du syndicat, Jean Dupont,`, `le président russe Ivan Petrov`: a role noun the article
        ties to one person; its definite repetitions (`le président russe a ajouté`) become that person's mentions."""
        linked: dict[str, dict[str, EntityCluster]] = {}
        anchors = self.role_anchors(doc)
        for noun, cluster in anchors:
            for key in role_keys(noun):
                linked.setdefault(key, {})[cluster.id] = cluster
        self.set_genders(doc, anchors)
        self.set_countries(anchors)
        # a key two people share (`le ministre` for two ministers) names neither
        roles = {key: next(iter(found.values())) for key, found in linked.items() if len(found) == 1}
        for key, cluster in roles.items():
            cluster.roles.append(key)
        taken = [(m.start, m.end) for c in doc._.entity_clusters for m in c.mentions]
        for token in doc:
            person = next((roles[k] for k in role_keys(token) if k in roles), None) if token.pos_ == "NOUN" else None
            if person is not None and is_definite(token) and same_gender(person, token):
                span = role_phrase(token)
                if not any(start < span.end_char and span.start_char < end for start, end in taken):
                    person.mentions.append(CharSpan(span.start_char, span.end_char, span.text))
        for cluster in doc._.entity_clusters:
            cluster.mentions.sort(key=lambda m: m.start)

    def set_genders(self, doc: Doc, anchors: list[tuple[Token, EntityCluster]]) -> None:
        """A person's grammatical gender when the article shows it: `Mme X`, `M. X`, `la chanteuse X`; so that
        `elle` and `il` can tell two people apart."""
        votes: dict[str, set[str]] = {}
        for noun, cluster in anchors:
            gender = self.genders.get(noun.lower_) or noun_gender(noun) or self.genders.get(noun.lemma_.lower())
            if gender:
                votes.setdefault(cluster.id, set()).add(gender)
        for cluster in (c for c in doc._.entity_clusters if c.label == "PER"):
            for mention in cluster.mentions:
                before = next((t for t in reversed(doc[:max(0, token_at(doc, mention.start))]) if not t.is_space), None)
                if before is not None and self.genders.get(before.text.lower()) in {"m", "f"} \
                        and before.text.lower() in self.honorifics:
                    votes.setdefault(cluster.id, set()).add(self.genders[before.text.lower()])
            found = votes.get(cluster.id, set())
            cluster.gender = next(iter(found)) if len(found) == 1 else None

    def set_countries(self, anchors: list[tuple[Token, EntityCluster]]) -> None:
        """`le président sénégalais X`: an official's country, from the demonym of the role the article gives."""
        votes: dict[str, set[str]] = {}
        for noun, cluster in anchors:
            for adjective in (c for c in noun.children if c.pos_ == "ADJ"):
                code = self.gazetteer.demonym(adjective.text)
                if code:
                    votes.setdefault(cluster.id, set()).add(code)
        for cluster in {c.id: c for _, c in anchors}.values():
            found = votes.get(cluster.id, set())
            if cluster.country is None and len(found) == 1:
                cluster.country = next(iter(found))

    def role_anchors(self, doc: Doc) -> list[tuple[Token, EntityCluster]]:
        """(role noun, person) pairs: by apposition, or the title written right before the name."""
        anchors = []
        for token in doc:
            if token.dep_ == "appos" and {token.pos_, token.head.pos_} == {"NOUN", "PROPN"}:
                noun, name = (token, token.head) if token.pos_ == "NOUN" else (token.head, token)
                if noun.lemma_.lower() in self.roles or noun.lower_ in self.roles:
                    anchors.append((noun, cluster_at(doc, name.idx, name.idx + len(name))))
        for cluster in doc._.entity_clusters:
            for mention in cluster.mentions:
                anchors.append((self.title_before(doc, mention.start), cluster))
                anchors.append((self.role_before_comma(doc, mention.start), cluster))
                anchors.append((self.role_after_comma(doc, mention.end), cluster))
        return [(noun, c) for noun, c in anchors if noun is not None and c is not None and c.label == "PER"]

    def role_before_comma(self, doc: Doc, offset: int) -> Optional[Token]:
        """`Le porte-parole du ministère, Jean Dupont,` parsed as two subjects: the role phrase before the comma."""
        i = token_at(doc, offset)
        if i < 2 or doc[i - 1].text != ",":
            return None
        noun = doc[i - 2]
        while noun.dep_ in {"nmod", "amod", "case", "det"} and noun.head.i < noun.i:
            noun = noun.head
        return noun if noun.pos_ == "NOUN" and noun.lemma_.lower() in self.roles else None

    def role_after_comma(self, doc: Doc, offset: int) -> Optional[Token]:
        """`Jean Dupont, le ministre des Finances,` parsed as two subjects: the role noun after the comma."""
        i = token_at(doc, offset)
        if i + 2 >= len(doc) or doc[i].text != ",":
            return None
        noun = doc[i + 2] if doc[i + 1].pos_ == "DET" else doc[i + 1]   # `X, présidente de Y,` has no article
        return noun if noun.pos_ == "NOUN" and noun.lemma_.lower() in self.roles else None

    def title_before(self, doc: Doc, offset: int) -> Optional[Token]:
        """The role noun written just before a name, over its adjectives (`le président russe |Ivan Petrov`)."""
        i = token_at(doc, offset) - 1
        while i >= 0 and doc[i].pos_ == "ADJ":
            i -= 1
        noun = doc[i] if i >= 0 else None
        # `la ministre de la Santé Jeanne X`: over the role's own complement
        while noun is not None and noun.lemma_.lower() not in self.roles and noun.dep_ == "nmod" \
                and noun.head.i < noun.i and noun.head.pos_ == "NOUN":
            noun = noun.head
        return noun if noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in self.roles else None

    # -- grouping --------------------------------------------------------------------------------------------

    def cluster(self, mentions: list[Mention]) -> list[EntityCluster]:
        """Longest names found groups first; shorter names join a group whose name contains theirs."""
        groups: dict[str, list[Mention]] = {}
        for mention in sorted(mentions, key=lambda m: (-len(name_words(m.span.text)), m.span.start_char)):
            if mention.key not in groups:
                mention.key = containing_group(groups, mention) or mention.key
            groups.setdefault(mention.key, []).append(mention)
        clusters = [self.make_cluster(members) for members in groups.values()
                    if not all(m.weak for m in members)]
        clusters.sort(key=lambda c: c.mentions[0].start)
        for n, cluster in enumerate(clusters, 1):
            cluster.id = f"e{n}"
        return clusters

    def make_cluster(self, members: list[Mention]) -> EntityCluster:
        members = sorted(members, key=lambda m: m.span.start_char)
        literal = [m for m in members if not m.metonymy]
        if literal:
            name = max((m.span.text for m in literal), key=lambda t: (len(name_words(t)), len(t)))
        else:
            name = self.gazetteer.country(members[0].country).name
        aliases = sorted({m.span.text for m in members} - {name})
        mentions = [CharSpan(m.span.start_char, m.span.end_char, m.span.text) for m in members]
        country = next((m.country for m in members if m.country), None)
        return EntityCluster(id="", name=name, label=majority_label(members), mentions=mentions,
                             aliases=aliases, country=country)


@lru_cache(maxsize=None)
def role_nouns(lang: str) -> frozenset[str]:
    """The role titles of titles.tsv (`ministre`, `porte-parole`, `premier ministre`), honorifics aside."""
    return frozenset(form for form, row in column_index(lang, "titles", "form").items() if row["kind"] != "honorific")


def token_at(doc: Doc, offset: int) -> int:
    """The first token starting at or after a character offset (token starts computed once per Doc)."""
    starts = doc.user_data.get("veille_token_starts")
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data["veille_token_starts"] = [t.idx for t in doc]
    return bisect_left(starts, offset)


def same_gender(person: EntityCluster, noun: Token) -> bool:
    """`la ministre` is not the man the article called `le ministre`."""
    gender = noun_gender(noun)
    return person.gender is None or gender is None or gender == person.gender


def noun_gender(noun: Token) -> Optional[str]:
    """`la ministre`, `le porte-parole`: the gender its article shows, for nouns with one form for both."""
    genders = {g for c in noun.children if c.dep_ == "det" for g in c.morph.get("Gender")}
    return {"Fem": "f", "Masc": "m"}.get(next(iter(genders))) if len(genders) == 1 else None


def role_keys(token: Token) -> list[str]:
    """A role noun as the article repeats it: with its adjectives on both sides (`le Premier ministre` is not
    `le ministre`) and its portfolio (`ministre de la Santé`), then with its adjectives only."""
    lemma = token.lemma_.lower()
    full = " ".join([lemma] + sorted(c.lemma_.lower() for c in role_modifiers(token)))
    short = " ".join([lemma] + sorted(c.lemma_.lower() for c in token.children if c.pos_ == "ADJ"))
    return [full] if full == short else [full, short]


def role_modifiers(token: Token) -> list[Token]:
    """The adjectives of a role noun and its `de` complement (`présidente de la banque`, `ministre de X`)."""
    return [c for c in token.children if c.pos_ == "ADJ" or is_portfolio(c, token)]


def is_portfolio(child: Token, role: Token) -> bool:
    return (child.dep_ == "nmod" and child.pos_ in {"NOUN", "PROPN"} and child.i > role.i
            and any(m.lower_ in DE for m in child.children))


def is_definite(token: Token) -> bool:
    """`le`, `ce`, `son` + noun: a phrase that points back at someone already named."""
    return any(c.dep_ == "det" and ({"Def"} & set(c.morph.get("Definite")) or c.morph.get("Poss")
                                    or "Dem" in c.morph.get("PronType")) for c in token.children)


def role_phrase(token: Token) -> Span:
    """`le président russe`: the determiner, the noun and the adjectives right after it."""
    doc = token.doc
    left = min([c.i for c in token.children if c.dep_ == "det" and c.i < token.i] or [token.i])
    right = max([token.i] + [c.i for c in role_modifiers(token) if c.i > token.i])
    return doc[left:right + 1]


def is_name_particle(token: Token) -> bool:
    """`Mme Le Pen`, `Jean Le Drian`: a capitalised article inside a sentence belongs to the surname."""
    if token.pos_ != "DET" or not token.text[:1].isupper() or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.is_alpha and not is_paragraph_break(before)


def is_common_noun(span: Span) -> bool:
    """A lone common noun tagged as a name (`l'État`, `Réaction`): a word the vocabulary knows, not a name."""
    token = span[0]
    return len(span) == 1 and token.pos_ != "PROPN" and token.vocab[token.lower_].has_vector


def is_quoted(span: Span) -> bool:
    doc = span.doc
    return (span.start > 0 and span.end < len(doc)
            and doc[span.start - 1].text in QUOTE_MARKS and doc[span.end].text in QUOTE_MARKS)


def acts_as_state(span: Span, known_place) -> bool:
    """`Washington a averti`, `selon Moscou`, `Kiev et Washington`: a capital standing for its state.

    It stays a place after a place preposition (`à Paris`), as the complement of a noun (`la police de X`)
    other than `du côté de` or `contre/avec X`, and when coordinated with a place that is not a state
    (`entre X et <ville>`).
    """
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if governed_by(span, PLACE_PREPOSITIONS | {"sur", "pour"}):
        return False
    if root.dep_ == "nmod" and root.head.lemma_.lower() not in ACTOR_PREPOSITIONS \
            and not governed_by(span, ACTOR_PREPOSITIONS):   # `des sanctions contre X` is against the state
        return False
    conjuncts = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    return all(known_place(span.doc[c.i:c.i + 1].text) for c in conjuncts if c.i not in range(span.start, span.end))


def governed_by(span: Span, prepositions: set[str]) -> bool:
    before = span.doc[span.start - 1] if span.start > 0 else None
    before_det = span.doc[span.start - 2] if span.start > 1 and before is not None and before.pos_ == "DET" else None
    words = {t.lower_ for t in (before, before_det) if t is not None}
    markers = {c.lower_ for c in span.root.children if c.dep_ == "case"}
    return bool((words | markers) & prepositions)


def extend_truncated(spans: list[tuple[Span, str]], text: str) -> list[tuple[Span, str]]:
    """`Park Min` or `Fakir` where the article elsewhere writes the longer `Park Min Jun`, `Al-Fakir` right there."""
    texts = {span.text for span, _ in spans}
    out = []
    for span, label in spans:
        start = span.start_char
        right = [t for t in texts if t.startswith(span.text + " ") and text.startswith(t, start)]
        left = [t for t in texts if t.endswith(" " + span.text) and text.startswith(t, span.end_char - len(t))]
        if right or left:
            longest = max(right + left, key=len)
            begin = start if longest in right else span.end_char - len(longest)
            wider = span.doc.char_span(begin, begin + len(longest))
            span = wider if wider is not None else span
        out.append((span, label))
    return out


def acronym_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """`Comité international de X (CIX)` or `CIX (Comité …)`: the acronym and its uses join the long name."""
    added: list[Mention] = []
    by_start = {m.span.start: m for m in mentions}
    for mention in mentions:
        end = mention.span.end
        if end + 2 >= len(doc) or doc[end].text != "(":
            continue
        inner = by_start.get(end + 1)
        if inner is not None and inner.span.end < len(doc) and doc[inner.span.end].text == ")":
            short, full = (mention, inner) if is_acronym(mention.span) else (inner, mention)
            if is_acronym(short.span):
                added += join_acronym(doc, short.span[0], full, by_start)
        elif doc[end + 2].text == ")" and is_acronym(doc[end + 1:end + 2]) and len(mention.span) > 1:
            added += join_acronym(doc, doc[end + 1], mention, by_start)
    return added


def is_acronym(span: Span) -> bool:
    return len(span) == 1 and span[0].is_upper and len(span[0]) > 1


def join_acronym(doc: Doc, acronym: Token, full: Mention, by_start: dict[int, Mention]) -> list[Mention]:
    added = []
    for token in doc:
        if token.text != acronym.text:
            continue
        existing = by_start.get(token.i)
        if existing is not None:
            existing.key, existing.label = full.key, full.label
        else:
            added.append(Mention(doc[token.i:token.i + 1], full.label, full.key, full.country))
    return added


def name_words(text: str) -> list[str]:
    return fold(text).split()


def containing_group(groups: dict[str, list[Mention]], mention: Mention) -> Optional[str]:
    """The one group this shorter mention abbreviates (None when there are none or several)."""
    words = name_words(mention.span.text)
    candidates = [key for key, members in groups.items() if abbreviates(words, key, members, mention)]
    return candidates[0] if len(candidates) == 1 else None


def abbreviates(words: list[str], key: str, members: list[Mention], mention: Mention) -> bool:
    """A person named by part of their name, or an organisation by its head words (`l'Ordre` → `Ordre de X`)."""
    group_label = majority_label(members)
    longest = name_words(members[0].span.text)
    if group_label == "PER" and (mention.label == "PER" or len(words) == 1):
        return set(words) < set(longest)
    if group_label == "ORG" and mention.label in {"ORG", "MISC"}:
        return len(words) < len(longest) and words[0] == longest[0] and set(words) <= set(longest)
    return False


def majority_label(members: list[Mention]) -> str:
    counts = Counter(m.label for m in members)
    longest = max(members, key=lambda m: len(m.span.text)).label
    return max(counts, key=lambda label: (counts[label], label == longest))


def cluster_at(doc: Doc, start: int, end: int) -> EntityCluster | None:
    """The cluster with a mention overlapping [start, end), preferring the longest overlap."""
    best, best_overlap = None, 0
    for cluster in doc._.entity_clusters or []:
        for m in cluster.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = cluster, overlap
    return best
