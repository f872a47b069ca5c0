"""Fixtures of the corpus tests: a copy of the bundled reports to change, and a count of real parses."""

import shutil

import pytest
from conftest import DATA

import parsing.corpus.build as corpus_module


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "reports"
    target.mkdir()
    for p in DATA.glob("*.txt"):
        shutil.copy(p, target / p.name)
    return target


@pytest.fixture
def count_parses(monkeypatch):
    calls = []
    original = corpus_module.parse_payload

    def counting(item):
        calls.append(item[0])
        return original(item)

    monkeypatch.setattr(corpus_module, "parse_payload", counting)
    return calls
