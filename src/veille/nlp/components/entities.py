"""veille_entities: groups the NER mentions of a Doc into one cluster per real-world thing in the article.

Mentions are cleaned of determiners and honorifics, non-names (participles tagged as names) are dropped, and a
shorter person name joins the longer one whose words it repeats (`Dupont`, `M. Dupont` →
`Jean-Marc Dupont`; a truncated `Ngo Van` → `Ngo Van Minh`). The result is `doc._.entity_clusters`.
"""
from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import init_doc, register_extensions
from ..lexicon import column_index
from ..types import CharSpan, EntityCluster

LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}


@Language.factory("veille_entities", assigns=["doc._.entity_clusters"], requires=["doc.ents"],
                  default_config={"lang": "fr"})
def make_entity_resolver(nlp: Language, name: str, lang: str):
    return EntityResolver(lang)


class EntityResolver:
    def __init__(self, lang: str):
        self.lang = lang
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        init_doc(doc)
        mentions = [m for m in (self.clean(ent) for ent in doc.ents) if m is not None]
        doc._.entity_clusters = cluster_mentions(mentions)
        return doc

    def clean(self, ent: Span) -> tuple[Span, str] | None:
        """The name part of an entity span (no determiner, no honorific), or None for a non-name."""
        honorifics = {form for form, row in column_index(self.lang, "titles", "form").items()
                      if row["kind"] == "honorific"}
        start = ent.start
        while start < ent.end and (ent.doc[start].pos_ == "DET" or ent.doc[start].lower_ in honorifics):
            start += 1
        span = ent.doc[start:ent.end]
        if not span or not any(t.is_alpha for t in span) or is_non_name(span):
            return None
        return span, LABELS.get(ent.label_, "MISC")


def is_non_name(span: Span) -> bool:
    """A single capitalised word the tagger reads as a verb form (`Interrogé, …`) is not a name."""
    return len(span) == 1 and (span[0].pos_ in {"VERB", "AUX"} or "Part" in span[0].morph.get("VerbForm"))


def name_words(text: str) -> list[str]:
    return text.replace("-", " ").casefold().split()


def cluster_mentions(mentions: list[tuple[Span, str]]) -> list[EntityCluster]:
    """Longest names found clusters first; shorter person names join a cluster whose words contain theirs."""
    groups: dict[str, list[tuple[Span, str]]] = {}
    order = sorted(mentions, key=lambda m: (-len(name_words(m[0].text)), m[0].start_char))
    for span, label in order:
        key = " ".join(name_words(span.text))
        if key not in groups:
            key = containing_group(groups, span, label) or key
        groups.setdefault(key, []).append((span, label))
    clusters = [make_cluster(members) for members in groups.values()]
    clusters.sort(key=lambda c: c.mentions[0].start)
    for n, cluster in enumerate(clusters, 1):
        cluster.id = f"e{n}"
    return clusters


def containing_group(groups: dict, span: Span, label: str) -> str | None:
    """The one person cluster whose name contains all the words of this mention (None when 0 or several)."""
    if label != "PER":
        return None
    words = set(name_words(span.text))
    candidates = [key for key, members in groups.items()
                  if words < set(key.split()) and majority_label(members) == "PER"]
    if len(candidates) == 1:
        return candidates[0]
    return None


def majority_label(members: list[tuple[Span, str]]) -> str:
    counts = Counter(label for _, label in members)
    longest = max(members, key=lambda m: len(m[0].text))[1]
    return max(counts, key=lambda label: (counts[label], label == longest))


def make_cluster(members: list[tuple[Span, str]]) -> EntityCluster:
    members = sorted(members, key=lambda m: m[0].start_char)
    name = max((span.text for span, _ in members), key=lambda t: (len(name_words(t)), len(t)))
    aliases = sorted({span.text for span, _ in members} - {name})
    mentions = [CharSpan(span.start_char, span.end_char, span.text) for span, _ in members]
    return EntityCluster(id="", name=name, label=majority_label(members), mentions=mentions, aliases=aliases)


def cluster_at(doc: Doc, start: int, end: int) -> EntityCluster | None:
    """The cluster with a mention overlapping [start, end), preferring the longest overlap."""
    best, best_overlap = None, 0
    for cluster in doc._.entity_clusters or []:
        for m in cluster.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = cluster, overlap
    return best
