"""Unit tests for veille.web.highlight: flat segments from overlapping, nested and broken offsets."""
import pytest

from veille.model import Article, Entity, Mention, Quote, Speaker
from veille.web.highlight import Mark, article_paragraphs, paragraphs, render_paragraphs, segments, snippet_html


def m(start, end, cls="a", label=""):
    return Mark(start, end, (cls,), title=cls, label=label, key=cls)


def flat(segs):
    return [(s.text, s.classes) for s in segs]


def test_web_highlight_no_marks_is_one_plain_segment():
    assert flat(segments("bonjour", [])) == [("bonjour", [])]


def test_web_highlight_overlapping_marks_are_flattened():
    segs = segments("abcdefgh", [m(0, 5, "x"), m(3, 8, "y")])
    assert flat(segs) == [("abc", ["x"]), ("de", ["x", "y"]), ("fgh", ["y"])]


def test_web_highlight_nested_mark_carries_outer_classes():
    segs = segments("0123456789", [m(4, 6, "direct"), m(1, 9, "mixed")])
    assert flat(segs) == [("0", []), ("123", ["mixed"]), ("45", ["mixed", "direct"]),
                          ("678", ["mixed"]), ("9", [])]


@pytest.mark.parametrize("start,end", [(-5, 3), (2, 99), (50, 60), (6, 2), (3, 3)])
def test_web_highlight_out_of_range_offsets_do_not_crash(start, end):
    text = "abcdefgh"
    segs = segments(text, [m(start, end)])
    assert "".join(s.text for s in segs) == text


def test_web_highlight_label_follows_the_end_of_its_mark():
    segs = segments("abcdef", [m(0, 4, "outer", "L1"), m(1, 2, "inner", "L2")])
    assert [(s.text, s.labels) for s in segs] == [("a", []), ("b", ["L2"]), ("cd", ["L1"]), ("ef", [])]


def test_web_highlight_paragraphs_split_marks_across_newlines():
    paras = paragraphs(segments("ab\ncd\n\nef", [m(1, 4, "q", "L")]))
    assert [[(s.text, s.classes, s.labels) for s in p] for p in paras] == [
        [("a", [], []), ("b", ["q"], [])], [("c", ["q"], ["L"]), ("d", [], [])], [("ef", [], [])]]


def test_web_highlight_html_is_escaped_and_well_formed():
    text = '<script>alert(1)</script> "x"'
    html = render_paragraphs(text, [Mark(0, 8, ("q", 'q-"bad'), title='"><img>', label="<b>")])
    out = "".join(html)
    assert "<script>" not in out and "<img>" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out and 'class="q q-&#34;bad"' in out
    assert out.count("<mark") == out.count("</mark>") == 1


def test_web_highlight_article_quotes_and_mentions():
    text = "Le ministre a déclaré : « Nous tiendrons. »"
    article = Article(
        id="a", text=text,
        entities=[Entity(id="e1", name="Jean Dupont", type="PER", mentions=[Mention(text="ministre", start=3, end=11)])],
        quotes=[Quote(id="q1", type="direct", text="« Nous tiendrons. »", start=24, end=len(text),
                      speaker=Speaker(entity="e1"), mode="reported")])
    (para,) = article_paragraphs(article)
    assert 'class="q q-direct q-reported"' in para
    assert "Jean Dupont · rapporté" in para
    assert 'class="ent ent-PER"' in para


def test_web_highlight_snippet_marks_matches_and_escapes():
    assert snippet_html("un [mot] <i>") == "un <mark>mot</mark> &lt;i&gt;"
