"""Shared by the view tests (tests/components/): one components view rendered alone through AppTest."""

from streamlit.testing.v1 import AppTest


def _render(module, args):
    import importlib

    package = "components" if module in ("filters", "upload") else "components.views"  # the tabs
    importlib.import_module(f"{package}.{module}").render(*args)


def run_view(module: str, *args, query: dict | None = None) -> AppTest:
    """components.<module>.render(*args) as a page of its own, with the URL's query parameters; it must
    render without an exception."""
    at = AppTest.from_function(_render, args=(module, args), default_timeout=30)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def sentence_fits(at_dataframe, column: str) -> bool:
    """Whether the grid's rows are tall enough for the column's longest text at its width (CHAR_PX a
    character, LINE_PX a line)."""
    import json

    from components.style import CHAR_PX, LINE_PX

    width = json.loads(at_dataframe.proto.columns)[column]["width"]
    longest = at_dataframe.value[column].str.len().max()
    lines = max(1, (at_dataframe.proto.row_height - 12) // LINE_PX) if at_dataframe.proto.row_height else 1
    return lines * ((width - 16) // CHAR_PX) >= longest
