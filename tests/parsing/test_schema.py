"""parsing/schema.py: FIELDS is the only field list; the dataclass, the CLI, the exports and the frame follow
it (the docs' field table: tests/docs/test_docs.py); parsing/ imports neither Streamlit nor pandas; LazyChecks never reads as empty."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import orjson
import pytest
from conftest import DATA, ROOT

from parsing.schema import FIELDS, LazyChecks, Report


def test_the_dataclass_is_built_from_fields_in_their_order():
    assert [f.name for f in dataclasses.fields(Report)] == [f.name for f in FIELDS]
    assert Report.keys() == [f.name for f in FIELDS]
    blank = Report(file="a.txt", sha256="0" * 64)
    assert (blank.format, blank.proactive_total, blank.proactive_total_approx, blank.channels) == ("prose", None, False, [])
    with pytest.raises(TypeError):
        Report()  # file and sha256 are required


def test_every_field_has_a_chinese_label_and_a_doc_line():
    assert len({f.label for f in FIELDS}) == len(FIELDS), "two fields share one label"
    for f in FIELDS:
        assert any("\u4e00" <= c <= "\u9fff" for c in f.label) or f.name == "sha256", f.name
        assert f.doc and "\n" not in f.doc


def test_the_cli_names_every_field_and_writes_them_as_csv_columns():
    help_text = subprocess.run([sys.executable, "-m", "parsing", "--help"], capture_output=True, text=True,
                               cwd=ROOT, check=True).stdout
    flat = " ".join(help_text.split())
    assert "record keys: " + ", ".join(f.name for f in FIELDS) + "." in flat
    csv_head = subprocess.run([sys.executable, "-m", "parsing", str(DATA / "002_31cc29bab18448a3.txt"), "--format",
                               "csv", "--no-cache"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert csv_head.splitlines()[0] == ",".join(f.name for f in FIELDS)


def test_exports_and_frame_follow_fields():
    from components.frame import to_frame
    from components.labels import EXPORT_COLUMNS, FIELD_LABELS
    from parsing.corpus import load_corpus

    assert list(EXPORT_COLUMNS) == [f.name for f in FIELDS if f.name not in ("sha256", "tables", "checks", "evidence")] \
        + ["total_quality", "source", "sha256"]
    assert FIELD_LABELS["proactive_total"] == EXPORT_COLUMNS["proactive_total"] == "主动公开条数"
    frame = to_frame(load_corpus([DATA], use_cache=False, workers=1))
    assert list(frame.columns[:len(FIELDS)]) == [f.name for f in FIELDS]
    assert str(frame["proactive_total"].dtype) == "Int64" and str(frame["fees"].dtype) == "Float64"
    zhangdian_2009 = frame[(frame["district"] == "张店区") & (frame["year"] == 2009)]
    assert zhangdian_2009["proactive_total"].tolist() == [123]


def test_parsing_imports_neither_streamlit_nor_pandas():
    code = (
        "import importlib, pkgutil, sys, parsing\n"
        "for m in pkgutil.walk_packages(parsing.__path__, 'parsing.'):\n"
        "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
        "from parsing.corpus import load_corpus\n"
        f"c = load_corpus([{str(DATA)!r}], use_cache=False, workers=1)\n"
        "print(len(c.reports), sorted(k for k in ('pandas', 'streamlit') if k in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.split() == ["5", "[]"]


def test_lazy_checks_never_read_as_empty():
    """Before, a list subclass: orjson, + and .copy() saw [] while len() said 1."""
    calls = []

    def loader(key):
        calls.append(key)
        return [{"rule": "表三：一、本年新收", "status": "PASS"}]

    lazy = LazyChecks(loader, "k")
    assert not lazy.loaded and calls == []
    assert lazy + [] == [{"rule": "表三：一、本年新收", "status": "PASS"}]
    assert lazy.loaded and calls == ["k"]
    assert {"rule": "表三：一、本年新收", "status": "PASS"} in lazy
    with pytest.raises(TypeError):
        orjson.dumps(LazyChecks(loader, "k"))  # refused loudly, never written as []
    assert orjson.loads(orjson.dumps(list(LazyChecks(loader, "k")))) == [{"rule": "表三：一、本年新收", "status": "PASS"}]


def test_failed_checks_come_from_the_stored_summary_without_loading_every_check():
    from parsing.schema import LazyChecks, failed_checks

    def never(key):
        raise AssertionError("the checks were loaded")

    stored = [{"rule": "表三合计", "status": "FAIL"}, {"rule": "跨年衔接（表三）", "status": "FAIL"}]
    extra = [{"rule": "跨年衔接（表二）", "status": "FAIL", "scope": "years"}, {"rule": "跨年", "status": "PASS"}]
    checks = LazyChecks(never, "k", extra, failed=stored)
    assert [c["rule"] for c in failed_checks(checks)] == ["表三合计", "跨年衔接（表二）"]  # stored year checks replaced
    assert not checks.loaded
    loaded = LazyChecks(lambda key: stored + [{"rule": "表二", "status": "PASS"}], "k", extra)  # no summary: loads
    assert [c["rule"] for c in failed_checks(loaded)] == ["表三合计", "跨年衔接（表二）"] and loaded.loaded
    assert failed_checks([{"rule": "甲", "status": "PASS"}, {"rule": "乙", "status": "FAIL"}]) == [
        {"rule": "乙", "status": "FAIL"}]


def test_outcomes_come_from_the_stored_summary_without_loading_every_check():
    from parsing.schema import LazyChecks, check_outcomes

    def never(key):
        raise AssertionError("the checks were loaded")

    outcomes = [["表三合计", "FAIL"], ["写明统计期限", "PASS"], ["跨年衔接（表三）", "FAIL"]]
    extra = [{"rule": "跨年衔接（表二）", "status": "FAIL", "severity": "WARN", "scope": "years"}]
    checks = LazyChecks(never, "k", extra, outcomes=outcomes)
    assert check_outcomes(checks) == [("表三合计", "FAIL"), ("写明统计期限", "PASS"), ("跨年衔接（表二）", "WARN")]
    assert not checks.loaded
    assert check_outcomes([{"rule": "甲", "status": "NOT_ASSESSABLE"}, {"rule": "乙", "status": "FAIL", "severity": "INFO"}]) == [
        ("甲", "NOT_ASSESSABLE"), ("乙", "INFO")]


def test_load_all_reads_many_reports_checks_in_one_query_as_one_by_one_would():
    from parsing.schema import LazyChecks

    stored = {"a": [{"rule": "表三合计", "status": "PASS"}, {"rule": "跨年衔接（表三）", "status": "FAIL"}],
              "b": [{"rule": "写明统计期限", "status": "FAIL"}]}

    class Loader:
        calls: list = []

        def __call__(self, key):
            raise AssertionError("one query per report")

        def many(self, keys):
            self.calls.append(list(keys))
            return {k: stored[k] for k in keys if k in stored}

    loader = Loader()
    extra = [{"rule": "跨年衔接（表二）", "status": "PASS", "scope": "years"}]
    a, b, again, missing = (LazyChecks(loader, "a", extra), LazyChecks(loader, "b"), LazyChecks(loader, "a"),
                            LazyChecks(loader, "gone"))
    LazyChecks.load_all([a, b, again, missing, [{"rule": "已是列表", "status": "PASS"}]])
    assert loader.calls == [["a", "b", "gone"]]  # one query, each key once
    # the stored check between years is replaced by the corpus's (extra), as a one-by-one load does
    assert list(a) == [{"rule": "表三合计", "status": "PASS"}, extra[0]]
    assert list(b) == stored["b"] and again.loaded and not missing.loaded
