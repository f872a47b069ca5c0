"""Smoke test on real folders: every tab and every part of a tab, with and without 演示模式, on the bundled
corpus, the real development folders beside the repository (../shared/realdev/reports and, when present,
../shared/realdev-template/reports) and a generated corpus with unknown places, a report without a year,
reports without figures and one report per year. No tab may raise or show an exception box.

The real folders are copies laid beside the checkout (as on CI); without them the cases are skipped locally
and fail on CI (CI=true), where they must be there."""

from __future__ import annotations

import os

import odd_corpus
import pytest
from conftest import DATA, ROOT
from streamlit.testing.v1 import AppTest

from components.views import channels, keywords, themes_view

APP = str(ROOT / "app.py")
SHARED = ROOT.parent / "shared"
FOLDERS = {"bundled": DATA, "realdev": SHARED / "realdev" / "reports",
           "realdev-template": SHARED / "realdev-template" / "reports", "generated": None}
REQUIRED_ON_CI = {"realdev"}
TABS = ["总览", "公开渠道", "关键词", "问题主题", "机构档案", "依申请与复议诉讼", "质量检查", "问题清单", "文档", "数据"]
PARTS = {"公开渠道": ("ch", channels.SECTIONS), "关键词": ("kw", keywords.SECTIONS),
         "问题主题": ("tp", themes_view.SECTIONS)}
CASES = [(tab, None) for tab in TABS] + [(tab, (param, part)) for tab, (param, parts) in PARTS.items()
                                         for part in parts[1:]]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    odd_corpus.write(folder)
    return folder


def folder_of(name: str, generated) -> os.PathLike:
    folder = FOLDERS[name]
    if folder is None:
        return generated
    if not folder.is_dir():
        if name in REQUIRED_ON_CI and os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(f"{folder} is missing (CI=true: the real folder must be beside the checkout)")
        pytest.skip(f"{folder} is not here")
    return folder


def expected_reports(name: str) -> int | None:
    """Reports the 总览 must count: every file of the folder (all are readable), or the generated six."""
    if name == "generated":
        return len(odd_corpus.TEXTS) + 1
    folder = FOLDERS[name]
    return len([p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html", ".htm")
                and not p.name.startswith(".")]) if name != "realdev-template" else None


@pytest.mark.parametrize("present", [False, True], ids=["normal", "present"])
@pytest.mark.parametrize(("tab", "part"), CASES, ids=[t + (f"-{p[1]}" if p else "") for t, p in CASES])
@pytest.mark.parametrize("name", list(FOLDERS))
def test_every_tab_and_part_renders(name, tab, part, present, generated, monkeypatch):
    monkeypatch.setenv("DATA_DIR", str(folder_of(name, generated)))
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["tab"] = tab
    if part:
        at.query_params[part[0]] = part[1]
    if present:
        at.query_params["present"] = "1"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    shown = at.caption[0].value if at.caption else ""
    if tab == "总览":
        reports = expected_reports(name)
        if reports is not None:
            assert {m.label: m.value for m in at.metric}["报告数"] == str(reports)
            assert f"共 {reports} 份报告" in "\n".join(c.value for c in at.caption)
    if tab == "问题主题" and part is None and at.get("radio"):
        at.radio(key="theme_side").set_value("measure").run()  # the second side of the first part
        assert not at.exception, [e.value for e in at.exception]
    assert at.main.children, shown


def test_the_generated_corpus_names_its_unreadable_file_and_keeps_the_rest(generated, monkeypatch):
    monkeypatch.setenv("DATA_DIR", str(generated))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    banner = "\n".join(w.value for w in at.warning).replace("\\", "")
    assert "1 个文件无法读取" in banner and "odd_empty.txt：文件为空" in banner
    assert {m.label: m.value for m in at.metric}["报告数"] == "6"


def test_free_search_on_the_real_folder_counts_every_report_that_holds_the_phrase(generated, monkeypatch):
    """依申请 in the real folder: the search covers the whole text (traditional 依申請 folded), so it counts the
    reports whose file holds the phrase, not the few whose problems or measures do."""
    from parsing.readers import extract_text
    from parsing.text.variants import to_simplified

    folder = folder_of("realdev", generated)
    holding = [p for p in sorted(folder.glob("*.txt")) if "依申请" in to_simplified(extract_text(p.read_bytes(), p.name))]
    monkeypatch.setenv("DATA_DIR", str(folder))
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in {"tab": "关键词", "q": "依申请"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    counted = next(c.value for c in at.caption if "句（共" in c.value)
    assert counted.startswith(f"{len(holding)} 份报告中的 ") and "范围：报告全文" in counted
    assert len(holding) >= 30  # the problems and measures parts alone said 1 of 51
