"""The web app through an in-process client: HTML pages, their JSON twins, the error shape, escaping."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from veille.model import Article, Claim, Cue, Entity, Mention, Quote, Speaker, TimeExpr
from veille.web import create_app


class FakeStore:
    """An in-memory store honouring veille.store.base.Store, enough for the web app."""

    def __init__(self, articles=()):
        self.by_id: dict[str, Article] = {}
        self.failed: list[dict] = []
        self.add_many(articles)

    def add(self, article):
        if any(a.content_hash == article.content_hash for a in self.by_id.values()):
            return False
        self.by_id[article.id] = article
        return True

    def add_many(self, articles):
        results = [self.add(a) for a in articles]
        return sum(results), len(results) - sum(results)

    def get(self, article_id):
        return self.by_id.get(article_id)

    def _row(self, a):
        return {"id": a.id, "title": a.title, "published": a.published, "lang": a.lang,
                "n_quotes": len(a.quotes), "n_entities": len(a.entities)}

    def articles(self, limit=50, offset=0):
        rows = sorted(self.by_id.values(), key=lambda a: a.published or "", reverse=True)
        return [self._row(a) for a in rows[offset:offset + limit]]

    def count(self):
        return len(self.by_id)

    def search(self, query, limit=20):
        hits = []
        for a in self.by_id.values():
            i = a.text.lower().find(query.lower())
            if i >= 0:
                snippet = a.text[max(0, i - 20):i] + "[" + a.text[i:i + len(query)] + "]" + a.text[i + len(query):i + 40]
                hits.append({"id": a.id, "title": a.title, "published": a.published, "snippet": snippet})
        return hits[:limit]

    def record_failure(self, source, reason):
        self.failed.append({"source": source, "reason": reason, "at": "2024-01-01T00:00:00"})

    def failures(self):
        return self.failed

    def close(self):
        pass


TEXT = ("Le président Emmanuel Macron a déclaré mardi : « Nous ne céderons pas. »\n"
        "Selon Le Monde, le gouvernement estime que la réforme est nécessaire.")


def rich_fields(text=TEXT) -> dict:
    """Entities, quotes, times and claims for TEXT, with offsets computed from it."""
    direct, closing, indirect = text.index("« Nous"), text.index("»") + 1, text.index("la réforme")
    monde = text.index("Le Monde")
    return dict(
        entities=[Entity(id="e1", name="Emmanuel Macron", type="PER", aliases=["Macron"],
                         mentions=[Mention(text="Emmanuel Macron", start=13, end=28)]),
                  Entity(id="e2", name="Le Monde", type="ORG",
                         mentions=[Mention(text="Le Monde", start=monde, end=monde + 8)])],
        quotes=[Quote(id="q1", type="direct", text=text[direct:closing], start=direct, end=closing,
                      speaker=Speaker(entity="e1", name="Emmanuel Macron"),
                      cue=Cue(text="a déclaré", start=29, end=38, lemma="déclarer")),
                Quote(id="q2", type="indirect", text=text[indirect:-1], start=indirect, end=len(text) - 1,
                      speaker=Speaker(name="le gouvernement"), mode="reported", via="e2")],
        times=[TimeExpr(text="mardi", start=39, end=44, value="2024-03-05")],
        claims=[Claim(id="c1", text="la réforme est nécessaire", start=indirect, end=len(text) - 1)],
    )


def make_article(id="a1", title="Réforme des retraites", text=TEXT, published="2024-03-05", **fields):
    if text == TEXT and not fields:
        fields = rich_fields()
    return Article(id=id, title=title, published=published, text=text, **fields)


@pytest.fixture
def store():
    return FakeStore([make_article(), make_article("a2", "Autre", "Un texte sans citation.", "2024-01-01")])


@pytest.fixture
def client(store):
    with TestClient(create_app(store)) as c:
        yield c


def test_web_home_lists_articles(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Réforme des retraites" in r.text and 'href="/articles/a1"' in r.text and "Autre" in r.text


def test_web_home_pages(store):
    store.add_many([make_article(f"p{i:02}", f"Titre {i:02}", f"texte {i}", f"2023-01-{i + 1:02}")
                    for i in range(25)])
    with TestClient(create_app(store)) as c:
        first, second = c.get("/"), c.get("/?page=2")
    assert "Page 1 / 2" in first.text and 'href="/?page=2"' in first.text
    assert "Titre 00" in second.text and "Titre 00" not in first.text


def test_web_search_shows_snippets(client):
    r = client.get("/", params={"q": "céderons"})
    assert r.status_code == 200
    assert "<mark>céderons</mark>" in r.text and 'href="/articles/a1"' in r.text
    assert "Autre" not in r.text


def test_web_article_page_highlights_quotes_and_speaker(client):
    r = client.get("/articles/a1")
    assert r.status_code == 200
    assert 'class="q q-direct q-attested"' in r.text
    assert 'class="q q-indirect q-reported"' in r.text
    assert "Emmanuel Macron · attesté" in r.text and "le gouvernement · rapporté" in r.text
    assert "Personnes" in r.text and "Organisations" in r.text and "Macron" in r.text
    assert "Dates" in r.text and "Affirmations" in r.text and "Événements" not in r.text
    assert r.text.count("<p>") >= 2  # paragraphs split on newlines


def test_web_api_articles_is_the_json_twin(client):
    r = client.get("/api/articles", params={"limit": 1, "offset": 1})
    body = r.json()
    assert r.status_code == 200 and body["ok"] is True and body["total"] == 2
    assert [a["id"] for a in body["articles"]] == ["a2"]


def test_web_api_article_dumps_the_article(client):
    body = client.get("/api/articles/a1").json()
    assert body["ok"] is True
    assert Article.model_validate(body["article"]) == make_article()


def test_web_api_search(client):
    body = client.get("/api/search", params={"q": "réforme"}).json()
    assert body["ok"] is True and [r["id"] for r in body["results"]] == ["a1"]
    assert "[réforme]" in body["results"][0]["snippet"]


def test_web_api_unknown_article_is_404_json(client):
    r = client.get("/api/articles/nope")
    assert r.status_code == 404
    assert r.json() == {"ok": False, "error": "no article with id 'nope'", "status": 404}


def test_web_api_unknown_route_is_404_json(client):
    r = client.get("/api/nowhere")
    assert r.status_code == 404 and r.json()["ok"] is False and r.json()["status"] == 404


def test_web_html_unknown_article_is_friendly_404(client):
    r = client.get("/articles/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Introuvable" in r.text and "no article with id" in r.text


@pytest.mark.parametrize("url", ["/api/articles?limit=abc", "/api/articles?offset=-1",
                                 "/api/articles?limit=0", "/api/search", "/api/search?q="])
def test_web_api_bad_params_are_400_json(client, url):
    r = client.get(url)
    body = r.json()
    assert r.status_code == 400 and body["ok"] is False and body["status"] == 400 and body["error"]


def test_web_html_bad_page_is_400_html(client):
    r = client.get("/?page=abc")
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")


def test_web_untrusted_content_is_escaped(store):
    evil = make_article("x", '"><img src=x onerror=alert(1)>', "Avant <script>alert(1)</script> après",
                        url="javascript:alert(1)", source="<b>src</b>",
                        quotes=[Quote(id="q", type="direct", text="<script>", start=6, end=14,
                                      speaker=Speaker(name="<i>Eve</i>"))])
    store.add(evil)
    with TestClient(create_app(store)) as c:
        pages = [c.get("/articles/x").text, c.get("/").text, c.get("/?q=script").text]
    for html in pages:
        assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in pages[0] and "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in pages[0]
    assert "<i>Eve</i>" not in pages[0] and "<b>src</b>" not in pages[0] and "javascript:" not in pages[0]


def test_web_security_headers(client):
    for url in ["/", "/articles/a1", "/api/articles", "/api/articles/nope"]:
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_web_static_css_is_served(client):
    r = client.get("/static/style.css")
    assert r.status_code == 200 and "q-direct" in r.text


def test_web_app_over_sqlite_store(tmp_path):
    from veille.store import open_store
    from veille.web import create_app_from_path

    db = tmp_path / "t.db"
    store = open_store(db)
    store.add_many([make_article(), make_article("a2", "Autre", "Un texte sans citation.", "2024-01-01")])
    store.close()
    with TestClient(create_app_from_path(db)) as c:
        assert c.get("/api/articles").json()["total"] == 2
        assert "Réforme des retraites" in c.get("/").text
        assert 'class="q q-direct q-attested"' in c.get("/articles/a1").text
        assert [r["id"] for r in c.get("/api/search", params={"q": "céderons"}).json()["results"]] == ["a1"]
        assert c.get("/api/articles/nope").status_code == 404
        for odd in ['"', "a OR", "(", "*", "NEAR("]:
            assert c.get("/", params={"q": odd}).status_code == 200
