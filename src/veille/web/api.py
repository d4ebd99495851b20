"""The JSON API under /api, and the queries it shares with the HTML views (one query, two renderings)."""
from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request

from ..errors import NotFound
from ..model import Article
from ..store.base import EntityNotFound, entity_profile, parse_identity_id

MAX_LIMIT = 500
SEARCH_LIMIT = 20
ENTITY_LIMIT = 50
ENTITY_TYPE = "^(PER|ORG|LOC)?$"  # the types linked across articles; empty means all
ARTICLE_PARTS = ("entities", "quotes", "claims", "events", "times")  # lists of an article served on their own

router = APIRouter(prefix="/api")


def get_store(request: Request):
    return request.app.state.store


def list_articles(store, limit: int, offset: int) -> dict:
    return {"ok": True, "articles": store.articles(limit=limit, offset=offset), "total": store.count(),
            "limit": limit, "offset": offset}


def search_articles(store, q: str, limit: int = SEARCH_LIMIT) -> dict:
    return {"ok": True, "query": q, "results": store.search(q, limit=limit)}


def get_article(store, article_id: str) -> Article:
    """The stored article; a 404 HTTPException when there is none."""
    article = store.get(article_id)
    if article is None:
        raise HTTPException(404, detail=NotFound.template.format(id=article_id))
    return article


@router.get("/articles")
def api_articles(request: Request, limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
    return list_articles(get_store(request), limit, offset)


@router.get("/articles/{article_id}")
def api_article(request: Request, article_id: str):
    return {"ok": True, "article": get_article(get_store(request), article_id).model_dump(mode="json")}


@router.get("/articles/{article_id}/{part}")
def api_article_part(request: Request, article_id: str, part: str):
    """One list of the article (`/api/articles/ID/events`), with its offsets into the article's text."""
    if part not in ARTICLE_PARTS:
        raise HTTPException(404, detail=f"no such list {part!r}: one of {', '.join(ARTICLE_PARTS)}")
    article = get_article(get_store(request), article_id)
    return {"ok": True, "article_id": article.id, part: article.model_dump(mode="json", include={part})[part]}


@router.get("/search")
def api_search(request: Request, q: str = Query(..., min_length=1),
               limit: int = Query(SEARCH_LIMIT, ge=1, le=MAX_LIMIT)):
    return search_articles(get_store(request), q, limit)


def list_entities(store, type: str, q: str, limit: int, offset: int) -> dict:
    return {"ok": True, "entities": store.entities(type=type or None, q=q or None, limit=limit, offset=offset),
            "type": type or None, "q": q or None, "limit": limit, "offset": offset}


def article_link(article_id: str) -> str:
    return "/api/articles/" + quote(article_id, safe="")


def get_entity(store, identity_id: str) -> dict:
    """The entity's profile (entity, quotes, articles, co_occurring); a 404 HTTPException when there is none."""
    parsed = parse_identity_id(identity_id)
    profile = entity_profile(store, parsed) if parsed is not None else None
    if profile is None:
        raise HTTPException(404, detail=EntityNotFound.template.format(id=identity_id))
    return profile


def with_links(profile: dict) -> dict:
    """The profile with the API address of every article and entity it names, so clients can follow them."""
    return {"entity": profile["entity"],
            "quotes": [dict(q, article_url=article_link(q["article_id"])) for q in profile["quotes"]],
            "articles": [dict(a, url=article_link(a["id"])) for a in profile["articles"]],
            "co_occurring": [dict(e, url=f"/api/entities/{e['id']}") for e in profile["co_occurring"]]}


@router.get("/entities")
def api_entities(request: Request, type: str = Query("", pattern=ENTITY_TYPE), q: str = "",
                 limit: int = Query(ENTITY_LIMIT, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0)):
    return list_entities(get_store(request), type, q.strip(), limit, offset)


@router.get("/entities/{identity_id}")
def api_entity(request: Request, identity_id: str):
    return {"ok": True, **with_links(get_entity(get_store(request), identity_id))}
