"""The JSON API under /api, and the queries it shares with the HTML views (one query, two renderings)."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Query, Request

from ..errors import NotFound
from ..model import Article

MAX_LIMIT = 500
SEARCH_LIMIT = 20

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


@router.get("/search")
def api_search(request: Request, q: str = Query(..., min_length=1),
               limit: int = Query(SEARCH_LIMIT, ge=1, le=MAX_LIMIT)):
    return search_articles(get_store(request), q, limit)
