"""The HTML pages: the article list with search, one article with one layer highlighted (quotes, claims, times,
events) and its lists, the entities."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.templating import Jinja2Templates

from ..model import Article
from .api import ENTITY_TYPE, get_article, get_entity, get_store, list_articles, list_entities, search_articles
from .highlight import (ACTOR_ROLES, DEFAULT_LAYER, FACTUALITY, LAYERS, POLARITY, QUOTE_MODES, QUOTE_TYPES,
                        TIME_MODS, article_paragraphs, chain_sources, claim_anchor, event_anchor, snippet_html,
                        source_name, speaker_name, time_anchor, time_value)

PAGE_SIZE = 20
ENTITY_TYPES = {"PER": "Personnes", "ORG": "Organisations", "LOC": "Lieux", "MISC": "Divers"}
ENTITY_TYPE_NAMES = {"PER": "Personne", "ORG": "Organisation", "LOC": "Lieu", "MISC": "Divers"}

router = APIRouter()
env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=True, trim_blocks=True, lstrip_blocks=True)
env.filters["snippet"] = snippet_html
env.filters["path"] = lambda value: quote(str(value), safe="")
env.filters["http_url"] = lambda url: url if str(url or "").lower().startswith(("http://", "https://")) else ""
env.filters.update(chain=chain_sources, source_name=source_name, time_value=time_value,
                   claim_anchor=claim_anchor, event_anchor=event_anchor, time_anchor=time_anchor)
env.globals.update(quote_types=QUOTE_TYPES, quote_modes=QUOTE_MODES, entity_types=ENTITY_TYPES,
                   entity_type_names=ENTITY_TYPE_NAMES, factuality=FACTUALITY, polarity=POLARITY,
                   time_mods=TIME_MODS, actor_roles=ACTOR_ROLES)
templates = Jinja2Templates(env=env)


def render(request: Request, name: str, status: int = 200, **context):
    return templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/")
def home(request: Request, q: str = "", page: int = Query(1, ge=1)):
    store, q = get_store(request), q.strip()
    if q:
        data = search_articles(store, q)
        return render(request, "search.html", q=q, results=data["results"],
                      json_url="/api/search?" + urlencode({"q": q}))
    offset = (page - 1) * PAGE_SIZE
    data = list_articles(store, PAGE_SIZE, offset)
    pages = max(1, -(-data["total"] // PAGE_SIZE))
    return render(request, "index.html", articles=data["articles"], total=data["total"], page=page,
                  pages=pages, json_url=f"/api/articles?limit={PAGE_SIZE}&offset={offset}")


def entity_groups(article: Article) -> list[tuple[str, list]]:
    """Entities grouped by type, in the order of ENTITY_TYPES, most mentioned first."""
    groups = []
    for etype, label in ENTITY_TYPES.items():
        found = sorted((e for e in article.entities if e.type == etype), key=lambda e: -len(e.mentions))
        if found:
            groups.append((label, found))
    return groups


def layer_tabs(article: Article, current: str) -> list[tuple[str, str, int, bool]]:
    """(label, url, count, is current) for each layer the article has something in (quotes always)."""
    counts = {"quotes": len(article.quotes), "claims": len(article.claims), "times": len(article.times),
              "events": len(article.events)}
    return [(label, "?" + urlencode({"layer": layer}), counts[layer], layer == current)
            for layer, label in LAYERS.items() if counts[layer] or layer in (DEFAULT_LAYER, current)]


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str,
                 layer: str = Query(DEFAULT_LAYER, pattern="^(" + "|".join(LAYERS) + ")$")):
    article = get_article(get_store(request), article_id)
    names = {e.id: e.name for e in article.entities}
    return render(request, "article.html", article=article, paragraphs=article_paragraphs(article, layer),
                  layer=layer, tabs=layer_tabs(article, layer),
                  speakers={q.id: speaker_name(q, names) for q in article.quotes},
                  groups=entity_groups(article), identities=identity_links(get_store(request), article_id),
                  json_url="/api/articles/" + quote(article_id, safe=""))


def identity_links(store, article_id: str) -> dict[str, int]:
    """In-article entity id -> identity id, to link names to entity pages.

    The links are an extra on the article page: a backend without identities still shows the article.
    """
    lookup = getattr(store, "article_identities", None)
    return lookup(article_id) if lookup else {}


@router.get("/entities")
def entities_page(request: Request, type: str = Query("", pattern=ENTITY_TYPE), q: str = "",
                  page: int = Query(1, ge=1)):
    q, offset = q.strip(), (page - 1) * PAGE_SIZE
    # One row more than shown tells whether there is a next page, without counting them all.
    rows = list_entities(get_store(request), type, q, PAGE_SIZE + 1, offset)["entities"]
    return render(request, "entities.html", entities=rows[:PAGE_SIZE], type=type, query=q, page=page,
                  tabs=type_tabs(type, q), prev_url=entities_url(type, q, page - 1) if page > 1 else "",
                  next_url=entities_url(type, q, page + 1) if len(rows) > PAGE_SIZE else "",
                  json_url="/api/entities?" + urlencode(drop_empty(type=type, q=q, limit=PAGE_SIZE, offset=offset)))


def drop_empty(**params) -> dict:
    return {k: v for k, v in params.items() if v}


def entities_url(type: str, q: str, page: int = 1) -> str:
    query = urlencode(drop_empty(type=type, q=q, page=page if page > 1 else 0))
    return "/entities" + ("?" + query if query else "")


def type_tabs(current: str, q: str) -> list[tuple[str, str, bool]]:
    """(label, url, is current) for "all" and each linked type, keeping the name filter."""
    return [("Toutes", entities_url("", q), not current)] + [
        (ENTITY_TYPES[t], entities_url(t, q), t == current) for t in ("PER", "ORG", "LOC")]


@router.get("/entities/{identity_id}")
def entity_page(request: Request, identity_id: str):
    profile = get_entity(get_store(request), identity_id)
    return render(request, "entity.html", **profile, json_url="/api/entities/" + quote(identity_id, safe=""))
