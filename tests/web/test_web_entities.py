"""The entity pages and their JSON twins, over a real SQLite store on a temporary file."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from veille.model import Article, Cue, Entity, Mention, Quote, Speaker
from veille.store import open_store
from veille.web import create_app

TEXT_1 = "Vladimir Poutine a déclaré : « Nous sommes prêts. » Kim Jong-un était à Vladivostok."
TEXT_2 = "M. Poutine a affirmé que la Russie gagnerait."


def mention(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(text=name, start=start, end=start + len(name))


def entity(text: str, id: str, name: str, type: str = "PER", aliases=()) -> Entity:
    return Entity(id=id, name=name, type=type, aliases=list(aliases), mentions=[mention(text, name)])


def quote(text: str, id: str, fragment: str, speaker: str, cue: str, mode: str = "attested",
          type: str = "direct") -> Quote:
    start, cue_start = text.index(fragment), text.index(cue)
    return Quote(id=id, type=type, text=fragment, start=start, end=start + len(fragment), mode=mode,
                 speaker=Speaker(entity=speaker), cue=Cue(text=cue, start=cue_start, end=cue_start + len(cue),
                                                          lemma="déclarer"))


ARTICLES = [
    Article(id="vostochny", title="Sommet à Vostochny", published="2023-09-13", text=TEXT_1,
            entities=[entity(TEXT_1, "e1", "Vladimir Poutine", aliases=["Poutine"]),
                      entity(TEXT_1, "e2", "Kim Jong-un"), entity(TEXT_1, "e3", "Vladivostok", "LOC")],
            quotes=[quote(TEXT_1, "q1", "« Nous sommes prêts. »", "e1", "a déclaré")]),
    Article(id="russie", title="La Russie gagnera", published="2023-09-14", text=TEXT_2,
            entities=[entity(TEXT_2, "e1", "M. Poutine"), entity(TEXT_2, "e2", "Russie", "LOC")],
            quotes=[quote(TEXT_2, "q1", "la Russie gagnerait", "e1", "a affirmé", "reported", "indirect")]),
]


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "veille.db") as s:
        s.add_many(ARTICLES)
        yield s


@pytest.fixture
def client(store):
    with TestClient(create_app(store)) as c:
        yield c


def ids(store) -> dict[str, int]:
    return {e["name"]: e["id"] for e in store.entities()}


def test_web_api_entities_lists_identities(client):
    body = client.get("/api/entities").json()
    assert body["ok"] is True and body["type"] is None and body["limit"] == 50
    assert [(e["name"], e["n_articles"], e["n_quotes"]) for e in body["entities"]] == [
        ("Vladimir Poutine", 2, 2), ("Kim Jong-un", 1, 0), ("Russie", 1, 0), ("Vladivostok", 1, 0)]


@pytest.mark.parametrize("params,names", [({"type": "LOC"}, ["Russie", "Vladivostok"]),
                                          ({"q": "poutine"}, ["Vladimir Poutine"]),
                                          ({"q": "VLADI", "type": "LOC"}, ["Vladivostok"]),
                                          ({"type": "", "q": ""}, ["Vladimir Poutine", "Kim Jong-un", "Russie",
                                                                   "Vladivostok"]),
                                          ({"limit": 1, "offset": 1}, ["Kim Jong-un"])])
def test_web_api_entities_filters(client, params, names):
    assert [e["name"] for e in client.get("/api/entities", params=params).json()["entities"]] == names


@pytest.mark.parametrize("url", ["/api/entities?type=PERSON", "/api/entities?limit=0", "/api/entities?offset=-1"])
def test_web_api_entities_bad_params_are_400_json(client, url):
    r = client.get(url)
    assert r.status_code == 400 and r.json()["ok"] is False and r.json()["status"] == 400


def test_web_api_entity_profile(client, store):
    putin = ids(store)["Vladimir Poutine"]
    body = client.get(f"/api/entities/{putin}").json()
    assert body["ok"] is True
    assert body["entity"] == {"id": putin, "name": "Vladimir Poutine", "type": "PER", "country": None,
                              "aliases": ["Poutine"], "n_articles": 2, "n_mentions": 2, "n_quotes": 2}
    assert [(q["text"], q["cue"], q["mode"], q["article_id"], q["article_url"]) for q in body["quotes"]] == [
        ("la Russie gagnerait", "a affirmé", "reported", "russie", "/api/articles/russie"),
        ("« Nous sommes prêts. »", "a déclaré", "attested", "vostochny", "/api/articles/vostochny")]
    assert [(a["id"], a["url"]) for a in body["articles"]] == [("russie", "/api/articles/russie"),
                                                               ("vostochny", "/api/articles/vostochny")]
    assert [(o["name"], o["n_articles"], o["url"]) for o in body["co_occurring"]] == [
        (name, 1, f"/api/entities/{ids(store)[name]}") for name in ("Kim Jong-un", "Russie", "Vladivostok")]


@pytest.mark.parametrize("ref", ["999", "abc", "²", "99999999999999999999999", "-1", "1.0"])
def test_web_unknown_entity_is_404(client, ref):
    r = client.get(f"/api/entities/{ref}")
    assert r.status_code == 404 and r.json() == {"ok": False, "error": f"no entity with id {ref!r}", "status": 404}
    page = client.get(f"/entities/{ref}")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Introuvable" in page.text


def test_web_entities_page_lists_and_filters(client, store):
    r = client.get("/entities")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert f'href="/entities/{ids(store)["Vladimir Poutine"]}">Vladimir Poutine</a>' in r.text
    assert 'href="/api/entities?limit=20">JSON</a>' in r.text
    places = client.get("/entities", params={"type": "LOC", "q": "russ"}).text
    assert "Russie" in places and "Vladivostok" not in places and "Poutine" not in places
    assert 'href="/entities?type=LOC&amp;q=russ" aria-current="page"' in places
    assert client.get("/entities", params={"type": "nope"}).status_code == 400


def test_web_entities_page_pages(tmp_path):
    with open_store(tmp_path / "many.db") as store:
        store.add_many([Article(id=f"a{i}", text=f"Texte {i}", entities=[Entity(id="e1", name=f"Ville {i:02}",
                                                                                  type="LOC")])
                        for i in range(25)])
        with TestClient(create_app(store)) as c:
            first, second = c.get("/entities").text, c.get("/entities?page=2").text
    assert 'href="/entities?page=2" rel="next"' in first and "Ville 00" in first and "Ville 24" not in first
    assert 'href="/entities" rel="prev"' in second and "Ville 24" in second and 'rel="next"' not in second


def test_web_entity_page_shows_the_person(client, store):
    known = ids(store)
    html = client.get(f"/entities/{known['Vladimir Poutine']}").text
    assert "<h1>Vladimir Poutine</h1>" in html and "Personne" in html and "Aussi nommé : Poutine" in html
    assert "« Nous sommes prêts. »" in html and "<em>a déclaré</em>" in html and "rapporté" in html
    assert 'href="/articles/vostochny">Sommet à Vostochny</a>' in html and "2023-09-14" in html
    for name in ("Kim Jong-un", "Russie", "Vladivostok"):
        assert f'href="/entities/{known[name]}">{name}</a>' in html
    assert f'href="/api/entities/{known["Vladimir Poutine"]}">JSON</a>' in html


def test_web_article_page_links_entities_and_speakers(client, store):
    known = ids(store)
    html = client.get("/articles/russie").text
    assert f'<a class="ent ent-PER" href="/entities/{known["Vladimir Poutine"]}">M. Poutine</a>' in html
    assert f'<a class="ent ent-LOC" href="/entities/{known["Russie"]}">Russie</a>' in html
    assert f'<strong><a href="/entities/{known["Vladimir Poutine"]}">M. Poutine</a></strong>' in html


def test_web_entity_pages_escape_hostile_names(tmp_path):
    evil = '<script>alert(1)</script>'
    text = f'{evil} a dit « <img src=x onerror=alert(1)> ». "><b>Cie</b>'
    article = Article(id="x", title="<i>T</i>", text=text, entities=[
        Entity(id="e1", name=evil, type="PER", aliases=['"><img src=x onerror=alert(2)>'],
               mentions=[Mention(text=evil, start=0, end=len(evil))]),
        Entity(id="e2", name='"><b>Cie</b>', type="ORG")],
        quotes=[Quote(id="q1", type="direct", text="<img src=x onerror=alert(1)>", start=text.index("<img"),
                      end=text.index("<img") + 28, speaker=Speaker(entity="e1"),
                      cue=Cue(text="<u>dit</u>", start=0, end=1, lemma="dire"))])
    with open_store(tmp_path / "evil.db") as store:
        store.add(article)
        person = ids(store)[evil]
        with TestClient(create_app(store)) as c:
            pages = [c.get(f"/entities/{person}").text, c.get("/entities").text, c.get("/articles/x").text,
                     c.get("/entities", params={"q": evil}).text]
            assert c.get(f"/api/entities/{person}").json()["entity"]["name"] == evil
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>Cie</b>" not in html
        assert "<u>dit</u>" not in html and "<i>T</i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[0] and "&#34;&gt;&lt;img src=x" in pages[0]


def test_web_entity_pages_have_security_headers(client, store):
    for url in ["/entities", f"/entities/{ids(store)['Russie']}", "/api/entities", "/api/entities/999"]:
        csp = client.get(url).headers["content-security-policy"]
        assert "default-src 'self'" in csp and "unsafe-inline" not in csp


def test_web_nav_links_to_entities(client):
    assert '<a href="/entities">Entités</a>' in client.get("/").text
