"""The HTML pages: the article list with search, and one article with its quotes highlighted."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.templating import Jinja2Templates

from ..model import Article
from .api import get_article, get_store, list_articles, search_articles
from .highlight import QUOTE_MODES, QUOTE_TYPES, article_paragraphs, snippet_html, speaker_name

PAGE_SIZE = 20
ENTITY_TYPES = {"PER": "Personnes", "ORG": "Organisations", "LOC": "Lieux", "MISC": "Divers"}

router = APIRouter()
env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                         autoescape=True, trim_blocks=True, lstrip_blocks=True)
env.filters["snippet"] = snippet_html
env.filters["path"] = lambda value: quote(str(value), safe="")
env.filters["http_url"] = lambda url: url if str(url or "").lower().startswith(("http://", "https://")) else ""
env.globals.update(quote_types=QUOTE_TYPES, quote_modes=QUOTE_MODES, entity_types=ENTITY_TYPES)
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


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str):
    article = get_article(get_store(request), article_id)
    names = {e.id: e.name for e in article.entities}
    return render(request, "article.html", article=article, paragraphs=article_paragraphs(article),
                  speakers={q.id: speaker_name(q, names) for q in article.quotes},
                  groups=entity_groups(article), json_url="/api/articles/" + quote(article_id, safe=""))
