"""Shared fixtures: the corpus article (a real republished AP story) and its hand-made ground truth."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS_ARTICLE = FIXTURES / "iraqi-militias-republished.txt"


@pytest.fixture(scope="session")
def corpus_text() -> str:
    return CORPUS_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_truth() -> dict:
    return json.loads((FIXTURES / "iraqi-militias-republished.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def corpus_doc(corpus_text):
    import notelint

    return notelint.parse(corpus_text, path=str(CORPUS_ARTICLE))
