"""tests/ mirrors the source tree: every module of parsing/ and components/ has its own test file at the
mirrored path (parsing/extract/agency.py → tests/parsing/extract/test_agency.py, components/charts.py →
tests/components/test_charts.py). Package __init__, __main__ and paths.py are wiring, not tested alone."""

from conftest import ROOT

SKIPPED = {"__init__.py", "__main__.py", "paths.py"}
TOP_LEVEL = {"test_app.py", "test_smoke.py", "test_layout.py"}  # app.py as a whole (and on real folders), and this file


def modules() -> list:
    return sorted(p.relative_to(ROOT) for package in ("parsing", "components")
                  for p in (ROOT / package).rglob("*.py") if p.name not in SKIPPED)


def test_every_module_has_a_test_file_at_the_mirrored_path():
    missing = [str(m) for m in modules()
               if not (ROOT / "tests" / m.parent / f"test_{m.name}").is_file()]
    assert missing == [], f"modules without tests/<same path>/test_<name>.py: {missing}"


def test_the_layout_check_sees_every_layer():
    seen = {m.parent.as_posix() for m in modules()}
    assert {"parsing", "parsing/readers", "parsing/text", "parsing/extract", "parsing/template",
            "parsing/analysis", "parsing/corpus", "components"} <= seen


def test_only_the_app_tests_stay_at_the_top_of_tests():
    assert {p.name for p in (ROOT / "tests").glob("test_*.py")} == TOP_LEVEL
