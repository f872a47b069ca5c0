"""bench/browser_bench.py: a session's clicks summed up (first round apart, medians of the rest) and written as
its own section of the performance page."""

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
pytest.importorskip("playwright")
import browser_bench  # noqa: E402


def test_the_first_round_is_kept_apart_and_the_rest_give_medians():
    clicks = {"tab": [(2.0, 1.5, ""), (3.0, 2.0, ""), (0.5, 0.3, ""), (0.7, 0.4, ""), (0.6, 0.2, ""), (9.0, 0.5, "")],
              "filter": [(1.0, 0.9, ""), (0.8, 0.7, ""), (0.4, 0.3, ""), (None, None, "not finished")],
              "errors": []}
    summary = browser_bench.session_summary(clicks)
    assert summary["tab"] == {"first": 3.0, "median": pytest.approx(0.65), "run": pytest.approx(0.35), "clicks": 4}
    assert summary["filter"] == {"first": 1.0, "median": None, "run": None, "clicks": 2}  # a timeout is no median


def test_the_section_has_a_row_per_size_and_change_with_the_load_average():
    run = {"reports": 2000, "cold": 31.25, "load": (1.5, 3.25),
           "session": {"tab": {"first": 1.234, "median": 0.456, "run": 0.2, "clicks": 10},
                       "filter": {"first": None, "median": 0.5, "run": 0.25, "clicks": 10}}}
    text = browser_bench.markdown_section([run, {**run, "reports": 10000, "cold": 300.0}], "python bench/x.py",
                                          "- 日期 · date: 2025-03-01")
    lines = text.splitlines()
    assert lines[:2] == ["- 日期 · date: 2025-03-01", "- 命令 · command: `python bench/x.py`"]
    for row in ("| 2,000 | tab 总览 ↔ 公开渠道 | 1.23 s | 0.46 s | 0.20 s | 10 | 1.5–3.2 |",
                "| 2,000 | filter 省份 | timeout | 0.50 s | 0.25 s | 10 | 1.5–3.2 |",
                "| 10,000 | filter 省份 | timeout | 0.50 s | 0.25 s | 10 | 1.5–3.2 |"):
        assert row in lines, row
    assert lines[-1] == ("Cold first load of the page (empty parse cache, every report parsed): 2,000 reports "
                         "31.2 s; 10,000 reports 300.0 s.")
