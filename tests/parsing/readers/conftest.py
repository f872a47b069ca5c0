"""The .txt reference records every reader test compares its web page, Word document or PDF with."""

import pytest
from readers_helpers import PROSE_PATH, TEMPLATE_PATH

from parsing import parse_file


@pytest.fixture(scope="module")
def prose_reference():
    return parse_file(PROSE_PATH).record


@pytest.fixture(scope="module")
def template_reference():
    return parse_file(TEMPLATE_PATH).record
