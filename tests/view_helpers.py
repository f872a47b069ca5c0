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
