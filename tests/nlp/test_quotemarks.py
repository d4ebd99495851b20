import pytest
import spacy

from veille.nlp.extensions import init_doc, register_extensions
from veille.nlp.quotemarks import find_quoted


@pytest.fixture(scope="module")
def tokenizer():
    register_extensions()
    return spacy.blank("fr")


def quoted_texts(tokenizer, text):
    doc = tokenizer(text)
    init_doc(doc)
    return [doc[q.open + 1:q.close].text for q in find_quoted(doc)], doc


@pytest.mark.parametrize("text,expected", [
    ("Il a dit : « Nous partirons demain. »", ["Nous partirons demain."]),
    ("« Un », puis « deux ».", ["Un", "deux"]),
    ("Elle a dit : “Nous verrons.”", ["Nous verrons."]),
    ('Il a dit : "Nous verrons." Puis il est parti.', ["Nous verrons."]),
    ("« Le mot “paix” est usé », a-t-il dit.", ["Le mot “paix” est usé"]),
])
def test_quotemarks_pairs(tokenizer, text, expected):
    assert quoted_texts(tokenizer, text)[0] == expected


def test_quotemarks_unclosed_quote_ends_with_its_paragraph(tokenizer):
    texts, doc = quoted_texts(tokenizer, "Il a dit : « Nous partirons demain.\nLe reste suit.")
    assert texts == ["Nous partirons demain."]
    assert any("unclosed" in w for w in doc._.warnings)


def test_quotemarks_stray_closing_mark_is_ignored(tokenizer):
    assert quoted_texts(tokenizer, "Un texte » sans ouverture.")[0] == []
