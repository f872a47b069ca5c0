from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEEDS = sorted(DATA.glob("*.txt"))


def seed(prefix: str) -> Path:
    """The bundled report whose name starts with prefix (000 … 004)."""
    matches = [p for p in SEEDS if p.name.startswith(prefix)]
    assert len(matches) == 1, f"expected one seed starting with {prefix}"
    return matches[0]


@pytest.fixture(scope="session")
def parsed_seeds():
    from parsing import parse_file

    return {p.name[:3]: parse_file(p) for p in SEEDS}


@pytest.fixture(autouse=True, scope="session")
def _private_parse_cache(tmp_path_factory):
    """Tests never read or write the user's parse cache."""
    import os

    os.environ["REPORT_CACHE_DIR"] = str(tmp_path_factory.mktemp("parse-cache"))
    yield
