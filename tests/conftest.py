"""Shared fixtures: the pipeline (loaded once), the reference article when ../shared is present, examples."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    from veille.nlp.pipeline import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = SHARED / "seed" / "putin-kim-vostochny.fr.txt"
    if not path.exists():
        pytest.skip("../shared/ is not beside this checkout")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_text, nlp):
    from veille import analyze

    return analyze(seed_text, published="2023-09-13", id="putin-kim-vostochny.fr", nlp=nlp)


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES
