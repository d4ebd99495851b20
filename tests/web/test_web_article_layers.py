"""The article page's layers (quotes, claims, times, events) and their JSON, over a temporary SQLite store with
hand-built articles: times with their values on hover, claims coloured by factuality, the events table."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from veille.model import (Actor, Article, Claim, Entity, Event, Mention, Quote, Source, Span, Speaker,
                          TimeExpr)
from veille.store import open_store
from veille.web import create_app
from veille.web.highlight import (Mark, article_paragraphs, chain_sources, chain_text, paragraphs,
                                  render_paragraphs, segments)

TEXT = ("Selon l'AFP, le ministre Jean Dupont aurait affirmé mardi que la Russie n'a pas attaqué Kiev.\n"
        "Le 12 mars, l'armée française a bombardé Mossoul.")


def span(fragment: str, text: str = TEXT, cls=Span, **fields):
    start = text.index(fragment)
    return cls(text=fragment, start=start, end=start + len(fragment), **fields)


def entity(id: str, name: str, type: str) -> Entity:
    return Entity(id=id, name=name, type=type, mentions=[span(name, cls=Mention)])


AFP, DUPONT = Source(entity="e2", name="AFP"), Source(entity="e1", name="Jean Dupont")
JOURNALIST = Source(name="journalist")


def layered_article(id: str = "layers") -> Article:
    outer = "le ministre Jean Dupont aurait affirmé mardi que la Russie n'a pas attaqué Kiev"
    inner = "la Russie n'a pas attaqué Kiev"
    return Article(
        id=id, title="Couches", published="2024-03-07", text=TEXT,
        entities=[entity("e1", "Jean Dupont", "PER"), entity("e2", "AFP", "ORG"), entity("e3", "Russie", "LOC"),
                  entity("e4", "Kiev", "LOC"), entity("e5", "Mossoul", "LOC")],
        quotes=[span(inner, cls=Quote, id="q1", type="indirect", speaker=Speaker(entity="e1", name="Jean Dupont"),
                     mode="reported", via="e2")],
        times=[span("mardi", cls=TimeExpr, value="2024-03-05"),
               span("Le 12 mars", cls=TimeExpr, value="2024-03-12", mod="START")],
        claims=[span(outer, cls=Claim, id="c1", factuality="probable", source=AFP, chain=[JOURNALIST, AFP],
                     cues=[span("aurait")]),
                span(inner, cls=Claim, id="c2", factuality="negated", polarity="negative", source=DUPONT,
                     chain=[JOURNALIST, AFP, DUPONT, DUPONT], cues=[span("n'a pas")])],
        events=[Event(id="v1", type="ATTACK", trigger=span("attaqué"), factuality="negated", date="2024-03-05",
                      actors=[Actor(entity="e3", name="Russie", country="RUS", role="source"),
                              Actor(entity="e4", name="Kiev", country="UKR", role="target")]),
                Event(id="v2", type="ATTACK", trigger=span("bombardé"), place="Mossoul", date="2024-03-12",
                      actors=[Actor(name="l'armée française", country="FRA", role="source")])])


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "veille.db") as s:
        s.add_many([layered_article(), Article(id="plain", title="Sans rien", text="Un texte sans rien.")])
        yield s


@pytest.fixture
def client(store):
    with TestClient(create_app(store)) as c:
        yield c


class TagBalance(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    VOID = {"meta", "link", "input", "br", "img", "hr"}

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()


def assert_well_formed(html: str) -> None:
    parser = TagBalance()
    parser.feed(html)
    parser.close()
    assert parser.stack == []


def body(html: str) -> str:
    return html[html.index("<body>"):html.index("</body>") + len("</body>")]


def test_web_article_layers_times_show_their_value_on_hover(client):
    html = client.get("/articles/layers").text
    assert '<mark class="t" title="mardi → 2024-03-05" data-marks="time-1">mardi</mark>' in html
    assert 'title="Le 12 mars → 2024-03-12 (début)"' in html
    assert "<th>Valeur</th>" in html and "<code>2024-03-05</code>" in html
    assert 'href="?layer=times#time-2">Le 12 mars</a>' in html


def test_web_article_layers_times_layer_labels_values_at_anchors(client):
    html = client.get("/articles/layers", params={"layer": "times"}).text
    assert ('<span class="anchor" id="time-1"></span><mark class="t t-strong" title="mardi → 2024-03-05" '
            'data-marks="time-1">mardi</mark><small class="q-label">2024-03-05</small>') in html
    assert 'class="q ' not in html  # the quotes are not highlighted in this layer


def test_web_article_layers_claims_coloured_by_factuality_innermost_wins(client):
    html = client.get("/articles/layers", params={"layer": "claims"}).text
    assert '<span class="anchor" id="claim-c1"></span><mark class="c c-probable"' in html
    assert '<span class="anchor" id="claim-c2"></span><mark class="c c-negated"' in html
    assert 'class="c c-probable c-negated' not in html  # nested claims do not mix their colours
    assert '<mark class="c c-probable cue"' in html and '<mark class="c c-negated cue"' in html
    assert "Affirmation (nié, négative) — journaliste → AFP → Jean Dupont — « n&#39;a pas »" in html
    for key, name in [("certain", "certain"), ("negated", "nié"), ("unknown", "indéterminé")]:
        assert f'<mark class="c c-{key}">{name}</mark>' in html  # the legend
    assert_well_formed(body(html))


def test_web_article_layers_claims_list_with_chain_cues_and_links(client, store):
    html = client.get("/articles/layers").text
    links = store.article_identities("layers")
    afp, dupont = links["e2"], links["e1"]
    assert '<li class="claim c-negated">' in html and '<li class="claim c-probable">' in html
    assert (f'<span class="chain">journaliste → <a href="/entities/{afp}">AFP</a> → '
            f'<a href="/entities/{dupont}">Jean Dupont</a></span>') in html  # the repeated source shown once
    assert '<em class="cues">n&#39;a pas</em>' in html and "· négative" in html
    assert f'href="?layer=claims#claim-c2">{TEXT.index("la Russie")}–' in html
    assert '<span class="fact c-negated">nié</span> <small class="muted">1</small>' in html


def test_web_article_layers_events_table_links_actors(client, store):
    html = client.get("/articles/layers").text
    russia, kiev = store.article_identities("layers")["e3"], store.article_identities("layers")["e4"]
    table = html[html.index('<section id="evenements">'):]
    assert table.count("<strong>ATTACK</strong>") == 2
    assert 'href="?layer=events#event-v1">attaqué</a>' in table
    assert (f'<a href="/entities/{russia}">Russie</a> <small class="role role-source">source</small> '
            '<code class="cc">RUS</code>') in table
    assert f'<a href="/entities/{kiev}">Kiev</a> <small class="role role-target">cible</small>' in table
    assert "l&#39;armée française <small" in table  # no entity, no link
    assert "<td>Mossoul</td><td><code>2024-03-12</code></td>" in table
    assert '<span class="fact c-negated">nié</span>' in table and '<span class="fact c-certain">certain</span>' in table


def test_web_article_layers_events_layer_marks_triggers(client):
    html = client.get("/articles/layers", params={"layer": "events"}).text
    assert ('<span class="anchor" id="event-v1"></span><mark class="ev ev-negated" '
            'title="Événement ATTACK (nié) — Russie (source), Kiev (cible)"') in html
    assert '<small class="q-label">ATTACK</small>' in html
    assert 'class="ent ent-LOC"' in html


def test_web_article_layers_tabs_are_plain_links(client):
    html = client.get("/articles/layers", params={"layer": "claims"}).text
    nav = html[html.index('<nav class="tabs layers"'):html.index("</nav>", html.index('<nav class="tabs layers"'))]
    assert '<a href="?layer=quotes">Citations' in nav
    assert '<a href="?layer=claims" aria-current="page">Affirmations <small class="muted">(2)</small>' in nav
    assert "?layer=times" in nav and "?layer=events" in nav
    plain = client.get("/articles/plain").text
    assert "?layer=quotes" in plain and "?layer=claims" not in plain and "Événements" not in plain


def test_web_article_layers_quotes_layer_is_the_default(client):
    default, quotes = client.get("/articles/layers").text, client.get("/articles/layers?layer=quotes").text
    assert default == quotes
    assert 'class="q q-indirect q-reported"' in default and 'class="c ' not in default


@pytest.mark.parametrize("layer", ["", "x", "CLAIMS", "quotes<"])
def test_web_article_layers_unknown_layer_is_400(client, layer):
    r = client.get("/articles/layers", params={"layer": layer})
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("layer", ["quotes", "claims", "times", "events"])
def test_web_article_layers_overlapping_marks_stay_well_formed(client, layer):
    r = client.get("/articles/layers", params={"layer": layer})
    assert r.status_code == 200
    assert_well_formed(body(r.text))
    assert "<script" not in r.text and " style=" not in r.text and " onclick" not in r.text
    assert "unsafe-inline" not in r.headers["content-security-policy"]


def test_web_api_article_carries_times_claims_and_events(client):
    article = client.get("/api/articles/layers").json()["article"]
    assert article["times"][1] == {"text": "Le 12 mars", "start": 94, "end": 104, "value": "2024-03-12",
                                   "mod": "START"}
    assert [c["factuality"] for c in article["claims"]] == ["probable", "negated"]
    assert article["events"][0]["actors"][1] == {"entity": "e4", "name": "Kiev", "country": "UKR",
                                                 "role": "target"}
    assert Article.model_validate(article) == layered_article()


@pytest.mark.parametrize("part", ["entities", "quotes", "claims", "events", "times"])
def test_web_api_article_part(client, part):
    r = client.get(f"/api/articles/layers/{part}")
    expected = layered_article().model_dump(mode="json")[part]
    assert r.status_code == 200 and r.json() == {"ok": True, "article_id": "layers", part: expected}


@pytest.mark.parametrize("url,message", [
    ("/api/articles/layers/nope", "no such list 'nope': one of entities, quotes, claims, events, times"),
    ("/api/articles/nope/events", "no article with id 'nope'")])
def test_web_api_article_part_404(client, url, message):
    r = client.get(url)
    assert r.status_code == 404 and r.json() == {"ok": False, "error": message, "status": 404}


def hostile_article() -> Article:
    text = 'Il a dit « <script>alert(1)</script> » puis "><img src=x onerror=alert(2)> hier.'
    evil = '"><script>alert(3)</script>'

    def at(fragment):
        return span(fragment, text)

    return Article(
        id="evil", title="x", text=text,
        entities=[Entity(id=evil, name=evil, type="PER", mentions=[span("Il", text, Mention)])],
        quotes=[span("« <script>alert(1)</script> »", text, Quote, id=evil, type="direct",
                     speaker=Speaker(entity=evil, name=evil))],
        times=[span("hier", text, TimeExpr, value=evil, mod=evil)],
        claims=[span("<script>alert(1)</script>", text, Claim, id=evil, factuality="possible",
                     source=Source(name=evil), chain=[JOURNALIST, Source(entity=evil, name=evil)],
                     cues=[at("<img src=x onerror=alert(2)>")]),
                span('"><img src=x onerror=alert(2)>', text, Claim, id="c2", factuality="unknown")],
        events=[Event(id=evil, type=evil, trigger=at("<script>"), place=evil, date=evil,
                      cues=[at("alert(1)")], actors=[Actor(entity=evil, name=evil, country=evil, role="source")])])


@pytest.mark.parametrize("layer", ["quotes", "claims", "times", "events"])
def test_web_article_layers_hostile_text_is_inert(store, layer):
    store.add(hostile_article())
    with TestClient(create_app(store)) as c:
        r = c.get("/articles/evil", params={"layer": layer})
    html = body(r.text)
    assert r.status_code == 200
    assert "<script" not in html and "<img" not in html and 'id=""' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert_well_formed(html)


def test_web_article_layers_hostile_parts_are_json(store):
    store.add(hostile_article())
    with TestClient(create_app(store)) as c:
        r = c.get("/api/articles/evil/claims")
    assert r.headers["content-type"] == "application/json"
    assert r.json()["claims"][0]["text"] == "<script>alert(1)</script>"


# highlight: nesting families, anchors, source chains --------------------------------------------------------
def fam(start, end, cls, family="", anchor=""):
    return Mark(start, end, (cls,), title=cls, key=cls, family=family, anchor=anchor)


def test_web_highlight_family_shows_only_the_innermost_mark():
    segs = segments("0123456789", [fam(0, 10, "outer", "c"), fam(3, 6, "inner", "c"), fam(4, 5, "q")])
    assert [(s.text, s.classes) for s in segs] == [
        ("012", ["outer"]), ("3", ["inner"]), ("4", ["inner", "q"]), ("5", ["inner"]), ("6789", ["outer"])]
    html = "".join(render_paragraphs("0123456789", [fam(0, 10, "outer", "c"), fam(3, 6, "inner", "c")]))
    assert 'title="inner" data-marks="outer inner">345</mark>' in html


def test_web_highlight_anchors_precede_their_mark_and_survive_newlines():
    text = "ab\ncd"
    (first, second) = render_paragraphs(text, [fam(0, 1, "x", anchor="a1"), fam(0, 2, "y", anchor="a2"),
                                               fam(2, 5, "z", anchor="a3")])
    assert first.startswith('<span class="anchor" id="a2"></span><span class="anchor" id="a1"></span><mark')
    assert second.startswith('<span class="anchor" id="a3"></span><mark class="z"')
    assert [len(p) for p in paragraphs(segments(text, [fam(2, 5, "z", anchor="a3")]))] == [1, 1]


def test_web_highlight_chain_collapses_a_source_repeated_in_a_row():
    claim = layered_article().claims[1]
    assert [s.name for s in chain_sources(claim)] == ["journalist", "AFP", "Jean Dupont"]
    assert chain_text(claim) == "journaliste → AFP → Jean Dupont"
    assert chain_text(Claim(id="c", text="x", start=0, end=1)) == "journaliste"


def test_web_highlight_article_paragraphs_default_layer_is_unchanged_for_quotes():
    article = layered_article()
    assert article_paragraphs(article) == article_paragraphs(article, "quotes")
    assert all("c-negated" not in p for p in article_paragraphs(article))
    assert any("c-negated" in p for p in article_paragraphs(article, "claims"))
