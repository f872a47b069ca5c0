"""The synthetic corpus generator and the parser's accuracy on it."""

import subprocess
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import accuracy  # noqa: E402

KEY_FIELDS = ["agency", "year", "proactive_total", "applications_received", "reconsideration", "litigation",
              "channels", "problems", "measures"]


def make(n, out):
    return subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n), str(out)],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    out = tmp_path_factory.mktemp("synthetic")
    assert make(80, out).returncode == 0
    return out


def test_generator_writes_marked_files_and_truth(synthetic):
    files = sorted(synthetic.glob("synthetic_*.txt"))
    assert len(files) == 80
    truth = (synthetic / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(truth) == 80
    readable = [f for f in files if f.stat().st_size > 100]
    assert all("合成测试数据" in f.read_text(encoding="utf-8", errors="replace").splitlines()[0] for f in readable)


def test_generator_refuses_the_data_folder():
    proc = make(3, ROOT / "data")
    assert proc.returncode != 0 and "refusing" in proc.stderr
    assert not list((ROOT / "data").glob("synthetic_*"))


def test_parser_accuracy_on_synthetic_reports(synthetic):
    right, wrong = accuracy.score(synthetic)
    for name in KEY_FIELDS:
        ok, total = right[name]
        assert total >= 70
        assert ok / total >= 0.95, (name, wrong[name][:3])


def test_app_aggregates_a_large_corpus(synthetic, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DATA_DIR", str(synthetic))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
    assert not at.exception
    bar = next(c for c in at.get("plotly_chart") if c.proto.id.endswith("overview_bar") or "overview_bar" in c.proto.id)
    import json

    traces = json.loads(bar.proto.spec)["data"]
    # many agencies: the distribution of the figures per year (boxes where a year has 5 reports or more), no
    # 其他 stack; the top agencies are a chart of their own, at most 10 bars
    assert traces[0]["type"] == "box" and not any("其他" in t["name"] for t in traces)
    top = next(c for c in at.get("plotly_chart") if "overview_top" in c.proto.id)
    assert 1 <= len(json.loads(top.proto.spec)["data"][0]["y"]) <= 10
