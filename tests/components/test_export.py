"""components/export.py: every download of the app goes through one function, and no cell of a CSV or Excel file
it serves can run as a formula — walked tab by tab over a corpus whose file names and sentences start like
formulas."""

import csv
import io
import re

import pandas as pd
import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from components.export import file_bytes, neutralise, neutralised, to_csv, to_excel

LIVE = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def live(cell) -> bool:
    """A cell a spreadsheet would compute: text starting like a formula (a plain negative number is a number)."""
    return isinstance(cell, str) and cell.startswith(LIVE) and not NUMBER.fullmatch(cell)


@pytest.mark.parametrize(("cell", "expected"), [
    ("=HYPERLINK(\"http://example.invalid\")", "'=HYPERLINK(\"http://example.invalid\")"), ("+1+1", "'+1+1"),
    ("-1+1", "'-1+1"), ("@SUM(1+1)", "'@SUM(1+1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("张店区", "张店区"), ("'=1", "'=1"), (280, 280), (-3, -3), (None, None),
])
def test_a_formula_like_cell_gets_a_leading_quote_and_nothing_else_changes(cell, expected):
    assert neutralise(cell) == expected


def test_csv_and_excel_alike_carry_no_live_cell():
    table = pd.DataFrame({"文字": ["=1+1", "+SUM(1,1)", "@x", "正常"], "数": [-1, 2, 3, None],
                          "字符串": pd.array(["-2+3", None, "a", "\tb"], dtype="string")})
    back = list(csv.reader(io.StringIO(to_csv(table).decode("utf-8-sig"))))
    assert back == [["文字", "数", "字符串"], ["'=1+1", "-1.0", "'-2+3"], ["'+SUM(1,1)", "2.0", ""],
                    ["'@x", "3.0", "a"], ["正常", "", "'\tb"]]
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(to_excel(table, "表"))).active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # openpyxl writes "=…" text as a formula
    assert [c.value for c in cells[3:6]] == ["'=1+1", -1, "'-2+3"]
    assert neutralised(neutralised(table)).equals(neutralised(table))  # twice is once


def test_a_table_is_only_ever_served_as_csv_or_excel():
    with pytest.raises(ValueError, match="不是|not as"):
        file_bytes(pd.DataFrame({"a": [1]}), "表.json")
    assert file_bytes("{}", "记录.json") == "{}"  # JSON, Word, PDF have no cells: served as made


# ---- every download button of every tab, on a hostile corpus

HOSTILE_NAMES = ["=1+1.txt", "+1+1.txt", "-1+1.txt", "@SUM(1+1).txt"]
SENTENCES = ["=HYPERLINK(\"http://example.invalid\",\"详情\")政策解读不够深入。", "+1+1政策解读形式单一。",
             "-1+1政策解读的深度不够。", "@SUM(1+1)政策解读质量不高。"]


def hostile_report(i: int) -> str:
    """A report in the genre's shape (written here) whose problems part has sentences starting like formulas."""
    return (f"某县应急管理局{2018 + i}年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息{100 + i}条。"
            f"=1+1通过微信公众号发布信息{78 + i}条。收到政府信息公开申请{5 + i}件。\n"
            "五、存在的主要问题及改进情况\n（一）存在的问题\n" + "".join(SENTENCES) + "\n（二）改进措施\n下一步将加强政策解读培训。\n")


TAB_DOWNLOADS = {  # tab → query → the downloads it offers (the brief is built on a click: Word and PDF, no cells)
    "公开渠道": ({"ch": "写明的渠道数量"}, ["下载渠道数量（CSV）"]),
    "关键词": ({"q": "政策解读"}, ["下载上下文（CSV）"]),
    "问题主题": ({"theme": "政策解读不足"}, ["下载这些句子（CSV）"]),
    "问题清单": ({"sev": ["不符", "冲突", "无法读取", "警告", "提示"]}, ["下载问题清单（CSV）"]),
    "文档": ({"doc": "=1+1.txt"}, ["下载此报告的记录（JSON）"]),
    "数据": ({}, ["下载 CSV", "下载 Excel"]),
}


def test_every_download_of_every_tab_has_no_live_cell(tmp_path, monkeypatch):
    import streamlit
    from streamlit.delta_generator import DeltaGenerator

    from components.views import channels

    for i, name in enumerate(HOSTILE_NAMES):
        (tmp_path / name).write_text(hostile_report(i), encoding="utf-8")
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    monkeypatch.setattr(channels, "MAX_ROWS", 0)  # "many" agencies: the counts' part, with its CSV
    served: list[tuple[str, str, bytes]] = []
    real = DeltaGenerator.download_button

    def capture(self, label, data, file_name=None, *args, **kwargs):
        served.append((label, file_name, data.encode() if isinstance(data, str) else data))
        return real(self, label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", capture)
    monkeypatch.setattr(streamlit, "download_button", lambda *a, **k: capture(streamlit._main, *a, **k))
    walked = {}
    for tab, (query, _labels) in TAB_DOWNLOADS.items():
        served.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.query_params["tab"] = tab
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, (tab, at.exception)
        walked[tab] = [label for label, _name, _data in served]
        cells = []
        for label, name, data in served:
            if name.endswith(".csv"):
                cells += [(label, c) for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for c in row]
            elif name.endswith(".xlsx"):
                from openpyxl import load_workbook

                sheet = load_workbook(io.BytesIO(data)).active
                formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
                assert not formulas, (label, formulas)
                cells += [(label, c.value) for row in sheet.iter_rows() for c in row]
        assert not [(label, c) for label, c in cells if live(c)], tab
        hostile = [c for _label, c in cells if isinstance(c, str) and c.startswith("'") and c[1:].startswith(LIVE)]
        if tab != "文档":  # JSON: no cells
            assert hostile, tab  # the hostile cells were there, and are text now
    assert walked == {tab: labels for tab, (_query, labels) in TAB_DOWNLOADS.items()}


def test_no_download_button_is_drawn_outside_the_export_function():
    """One way to serve a file: a new download that bypassed download() would bypass the neutraliser too."""
    sources = [ROOT / "app.py", *sorted((ROOT / "components").rglob("*.py"))]
    calls = [p.relative_to(ROOT).as_posix() for p in sources
             for line in p.read_text(encoding="utf-8").splitlines() if "download_button(" in line]
    assert calls == ["components/export.py"]
