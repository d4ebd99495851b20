"""What a word refers to for the event rules: entity clusters, places, states, demonyms, paragraphs."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span, Token

from ..attribution import ancestors_until, extent, paragraph_start, phrase
from ..components.entities import cluster_at
from ..gazetteer import gazetteer
from ..types import ActorRef, EntityCluster
from .syntax import DE, case_of

if TYPE_CHECKING:
    from .mention import Context

PLACE_CASES = {"à", "au", "aux", "dans", "en", "près", "depuis", "vers"}
ORIGIN_WINDOW = 6            # words after `depuis` where the place of origin is named
PERSON_LABELS = {"PER"}
GROUP_NOUNS = {"hommes": {"PER"}, "dirigeants": {"PER"}, "chefs": {"PER"}, "pays": {"LOC"}, "États": {"LOC"},
               "états": {"LOC"}, "capitales": {"LOC"}, "parties": {"LOC", "ORG", "PER"}}
LATTER = {"dernier": "Masc", "dernière": "Fem", "derniers": "Masc", "dernières": "Fem"}
DEMONSTRATIVES = {"ce", "cette", "ces", "cet"}


def located(token: Token) -> Optional[EntityCluster]:
    cluster = token_cluster(token)
    if cluster is None:
        span = extent(token)
        cluster = cluster_at(token.doc, span.start_char, span.end_char)
    return cluster if cluster is not None and cluster.label == "LOC" else None


def is_state(cluster: EntityCluster, doc: Doc) -> bool:
    """A country (`à l'Inde`), not a city or site that has a country code (`à la tour Eiffel`)."""
    known = gazetteer(doc.lang_).lookup(cluster.name)
    return known is not None and known.kind == "country"


def group_reference(token: Token, clusters: list[EntityCluster]) -> list[EntityCluster]:
    """`les deux pays`, `les deux dirigeants`: the two entities of that kind the article has spoken of most so far
    (states, by name, capital or demonym: `le président sénégalais`), the latest first among equals; not merely
    the last two named (`selon Lisbonne, … les deux pays ont signé`)."""
    labels = GROUP_NOUNS.get(token.text)
    if labels is None or not any(c.lower_ == "deux" for c in token.children):
        return []
    ranked, doc = [], token.doc
    demonyms = demonym_mentions(doc) if labels == {"LOC"} else {}
    for cluster in clusters:
        if cluster.label not in labels or (labels == {"LOC"} and not is_state(cluster, doc)):
            continue
        before = [m.start for m in cluster.mentions if m.end <= token.idx]
        before += [start for start in demonyms.get(cluster.country, []) if start < token.idx]
        if before:
            ranked.append((len(before), max(before), cluster))
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    return [r[2] for r in ranked[:2]] if len(ranked) >= 2 else []


def token_cluster(token: Token) -> Optional[EntityCluster]:
    """The entity a token is part of a mention of (an index built once per Doc)."""
    doc, clusters = token.doc, token.doc._.entity_clusters or []
    cached = doc.user_data.get("veille_token_clusters")
    if cached is None or cached.get(-1) != len(clusters):   # token → cluster index (plain ints: serialisable)
        index: dict[int, tuple[int, int]] = {}
        for n, cluster in enumerate(clusters):
            for m in cluster.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                for t in span if span is not None else []:
                    overlap = min(m.end, t.idx + len(t)) - max(m.start, t.idx)
                    if overlap > index.get(t.i, (0, 0))[0]:
                        index[t.i] = (overlap, n)
        doc.user_data["veille_token_clusters"] = {-1: len(clusters), **{i: n for i, (_, n) in index.items()}}
    n = doc.user_data["veille_token_clusters"].get(token.i)
    return clusters[n] if n is not None and n < len(clusters) else None


def named_cluster(token: Token) -> Optional[EntityCluster]:
    """The entity a name (with its flat parts) is a mention of."""
    name = phrase(token)
    return token_cluster(token) or cluster_at(token.doc, name.start_char,
                                                                                   name.end_char)


def is_latter(token: Token) -> bool:
    """`ce dernier`, `cette dernière`."""
    doc = token.doc
    return token.lower_ in LATTER and token.i > 0 and doc[token.i - 1].lower_ in DEMONSTRATIVES


def short_phrase(token: Token) -> Span:
    """An actor noun's own words: its adjectives, name parts and a plain `de` complement (`forces de sécurité`,
    `milice armée`), not the places, times and clauses hung on it."""
    doc, parts = token.doc, [token]
    for child in token.children:
        plain_of = child.dep_ == "nmod" and case_of(child) in DE and not any(
            g.dep_ in {"nmod", "acl", "acl:relcl", "appos"} for g in child.children) and child.pos_ != "NUM"
        if (child.dep_ in {"amod", "flat", "flat:name", "compound", "fixed"} or plain_of) and not is_time_word(child):
            branches = [g for g in child.children if g.dep_ in {"conj", "cc"}]  # `de l'armée et rebelles`
            parts += [t for t in child.subtree if not any(t in b.subtree for b in branches)]
    parts = [t for t in parts if t.pos_ != "PUNCT"]
    span = doc[min(t.i for t in parts):max(t.i for t in parts) + 1]
    while len(span) > 1 and span[0].pos_ in {"DET", "ADP"}:
        span = span[1:]
    return span


def stateless_places(actors: list[ActorRef], context: Context) -> dict[str, str]:
    """`tiré trois obus en mer Noire`: a place of no country (a sea, a mountain range) is where, not whom."""
    clusters = {c.id: c for c in context.resolver.clusters}
    return {a.entity: a.name for a in actors if a.role == "target" and a.entity in clusters
            and clusters[a.entity].label == "LOC" and clusters[a.entity].country is None}


def demonym_mentions(doc: Doc) -> dict[str, list[int]]:
    """Where each country is referred to by its demonym (`sénégalais`, `ivoiriennes`): code → offsets."""
    known, found = gazetteer(doc.lang_), {}
    for token in doc:
        if token.pos_ == "ADJ" and token.is_lower:
            code = known.demonym(token.text)
            if code:
                found.setdefault(code, []).append(token.idx)
    return found


def demonym_country(token: Token) -> Optional[str]:
    """`l'armée israélienne`, `le gouvernement allemand`: the state an unnamed actor belongs to."""
    known = gazetteer(token.doc.lang_)
    codes = {known.demonym(c.text) for c in token.children if c.dep_ == "amod"} - {None}
    return codes.pop() if len(codes) == 1 else None


def is_time_word(token: Token) -> bool:
    """`trois détenus dimanche`: a time expression the parser hung on a noun is not part of its name."""
    return any(t.start <= token.idx < t.end for t in token.doc._.times or [])


def cluster_in(span: Span) -> Optional[EntityCluster]:
    """The entity an actor noun's own words name (`le gouvernement du Ghana`); a region or city does not act for
    the official of it (`le préfet du Finistère`)."""
    cluster = cluster_at(span.doc, span.start_char, span.end_char)
    if cluster is not None and cluster.label == "LOC" and not is_state(cluster, span.doc):
        return None
    return cluster


def apposed_name(token: Token) -> Optional[EntityCluster]:
    """`la directrice de l'agence, Jeanne Martin`: the name in apposition."""
    names = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    return named_cluster(names[0]) if names else None


def enumerated(token: Token) -> list[EntityCluster]:
    """The organisations and states a collective phrase enumerates (`des armées du Bénin, du Togo et du
    Ghana`, `formée par X et Y`), in their order."""
    found: list[EntityCluster] = []
    for t in sorted(token.subtree, key=lambda t: t.i):
        if any(a.dep_ in {"acl:relcl", "advcl", "ccomp", "parataxis"} for a in ancestors_until(t, token)):
            continue  # `l'alliance formée par X et Y` counts; what a relative clause says does not
        if t.pos_ == "PROPN" and t.i != token.i:
            cluster = token_cluster(t)
            if cluster is not None and cluster.label in {"LOC", "ORG"} and cluster not in found:
                found.append(cluster)
    return found


def is_person(actor: ActorRef, context: Context) -> bool:
    return any(c.id == actor.entity and c.label in PERSON_LABELS for c in context.resolver.clusters)


def last_person(token: Token, context: Context, exclude: Optional[str] = None) -> Optional[EntityCluster]:
    """The person mentioned last before the token, in its paragraph or the one before."""
    doc, best = token.doc, None
    since = doc[previous_paragraph(doc, token.i)].idx
    for cluster in context.resolver.clusters:
        if cluster.label not in PERSON_LABELS or cluster.id == exclude:
            continue
        for m in cluster.mentions:
            if since <= m.start < token.idx and (best is None or m.start > best[0]):
                best = (m.start, cluster)
    return best[1] if best else None


def previous_paragraph(doc: Doc, i: int) -> int:
    """The first token of the paragraph before token i's (or of its own, for the first paragraph)."""
    own = paragraph_start(doc, i)
    return paragraph_start(doc, own - 1) if own > 0 else 0


def origin(token: Token) -> Optional[EntityCluster]:
    """`des roquettes tirées depuis le territoire de X`: with no one named as acting, the place it came from acts."""
    doc = token.doc
    for child in token.children:
        if child.dep_.startswith("obl") and case_of(child) == "depuis":
            # the parser often hangs `de X` elsewhere: the first place named in the next few words
            for candidate in doc[child.i:min(child.i + ORIGIN_WINDOW, child.sent.end)]:
                cluster = located(candidate) if candidate.pos_ == "PROPN" else None
                if cluster is not None:
                    return cluster
    return None


def as_actor(cluster: EntityCluster, role: str) -> ActorRef:
    return ActorRef(name=cluster.name, entity=cluster.id, country=cluster.country, role=role)


def key(actor: ActorRef) -> str:
    return actor.entity or actor.name.lower()


def unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen, kept = set(), []
    for actor in actors:
        if key(actor) not in seen:
            seen.add(key(actor))
            kept.append(actor)
    return kept
