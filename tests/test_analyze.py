"""analyze(): the library entry point, and how it treats bad input."""
import pytest

from veille import Article, analyze
from veille.errors import BadDate, BinaryInput, EmptyInput, TooLarge


def test_analyze_returns_article_with_offsets(nlp):
    article = analyze("Paul Terrasson a affirmé que la grève continuerait.", published="2024-03-01", nlp=nlp)
    assert isinstance(article, Article)
    assert article.published == "2024-03-01" and article.schema_version
    assert article.id  # derived from the content when not given


@pytest.mark.parametrize("text,error", [
    ("", EmptyInput),
    ("   \n\t  \n", EmptyInput),
    ("abc\x00def", BinaryInput),
])
def test_analyze_rejects_unusable_text(nlp, text, error):
    with pytest.raises(error) as raised:
        analyze(text, nlp=nlp, source="in.txt")
    assert "in.txt" in str(raised.value) and "\n" not in str(raised.value)


def test_analyze_refuses_huge_text_with_clear_error(nlp):
    with pytest.raises(TooLarge, match="over the limit"):
        analyze("Un mot. " * 700_000, nlp=nlp)  # 5.6 MB


def test_analyze_bad_published_date(nlp):
    with pytest.raises(BadDate, match="not an ISO date"):
        analyze("Un texte.", published="13/09/2023", nlp=nlp)


def test_analyze_accepts_datetime_and_keeps_its_date(nlp):
    assert analyze("Un texte.", published="2023-09-13T08:30:00Z", nlp=nlp).published == "2023-09-13"


def test_analyze_html_like_text_is_kept_as_text(nlp):
    text = "<script>alert(1)</script> Paul Terrasson a affirmé que tout allait bien."
    article = analyze(text, nlp=nlp)
    assert article.text == text


def test_analyze_reference_article(seed_article):
    speakers = {q.speaker.name for q in seed_article.quotes}
    assert "Vladimir Poutine" in speakers and "Siemon Wezeman" in speakers
    assert any(q.mode == "reported" for q in seed_article.quotes)
