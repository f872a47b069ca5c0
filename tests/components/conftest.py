"""The bundled corpus (data/: 5 reports) and its frame, parsed once for the view tests."""

import pytest
from conftest import DATA

from components.frame import to_frame
from parsing.corpus.build import load_corpus


@pytest.fixture(scope="session")
def bundled_corpus():
    return load_corpus([DATA], use_cache=False, workers=1)


@pytest.fixture(scope="session")
def bundled_frame(bundled_corpus):
    """As the loader gives it: to_frame plus the source column."""
    return to_frame(bundled_corpus).assign(source="数据文件夹")
