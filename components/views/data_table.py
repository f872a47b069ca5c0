"""数据: the tidy table under the current filters, downloadable as CSV and Excel."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from components.export import download, neutralise, neutralised  # noqa: F401 - neutralise: this tab's name for it
from components.export import to_csv as export_csv
from components.export import to_excel as export_excel
from components.frame import iter_columns, view_key
from components.labels import EXPORT_COLUMNS, FORMAT_LABELS, QUALITY_LABELS
from components.nulls import given
from components.parts import asked
from components.style import show_numbers
from parsing.corpus.build import Corpus


def labelled(view: pd.DataFrame) -> pd.DataFrame:
    """The exported columns with Chinese labels; lists and objects as text; a missing figure is still <NA>."""
    out = view[list(EXPORT_COLUMNS)].copy()
    for col in ("proactive_breakdown", "channel_counts"):
        out[col] = out[col].map(lambda d: json.dumps(d, ensure_ascii=False) if d else "")
    out["channels"] = out["channels"].map("、".join)
    out["warnings"] = out["warnings"].map("；".join)
    out["format"] = out["format"].map(lambda f: FORMAT_LABELS.get(f, f))
    out["total_quality"] = out["total_quality"].map(lambda q: QUALITY_LABELS.get(q, "") if isinstance(q, str) else "")
    for col in ("proactive_total_approx", "proactive_total_cumulative"):
        out[col] = out[col].map({True: "是", False: "否"})
    return out.rename(columns=EXPORT_COLUMNS)


def tidy(view: pd.DataFrame, labels: pd.DataFrame | None = None) -> pd.DataFrame:
    """The CSV/Excel table: a missing value is a blank cell (never "None"), formulas neutralised
    (components/export.py). labels: labelled(view), when the caller already has it."""
    return neutralised(labelled(view) if labels is None else labels)


def to_csv(table: pd.DataFrame) -> bytes:
    return export_csv(table)


def to_excel(table: pd.DataFrame) -> bytes:
    return export_excel(table, "年报记录")


EXCEL_AT_ONCE = 300  # reports: above this the .xlsx (openpyxl, ~1 s per 1,000 rows) is built when asked
CSV_AT_ONCE = 5000  # reports: above this the CSV (3 s at 100,000, with its table) is built when asked
GRID_ROWS = 5000  # rows drawn in the on-screen grid (100,000 rows took 6 s to send, and no one reads them there)


@st.cache_resource(max_entries=2, show_spinner="正在准备导出表……")
def _export_table(view_key: str, _view: pd.DataFrame) -> pd.DataFrame:
    """The CSV/Excel table of a view state, shared by both downloads (never changed after it is made)."""
    return tidy(_view)


@st.cache_data(max_entries=8, show_spinner="正在准备 CSV……")
def _csv_bytes(view_key: str, _view: pd.DataFrame) -> bytes:
    """CSV built once per view state (the set of reports shown), then served as plain bytes.
    A deferred (callable) download lost its file when two buttons were clicked quickly
    (MediaFileStorageError: Deferred file … not found); bytes kept in the cache cannot go missing."""
    return to_csv(_export_table(view_key, _view))


@st.cache_data(max_entries=8, show_spinner="正在准备 Excel 文件……")
def _excel_bytes(view_key: str, _view: pd.DataFrame) -> bytes:
    return to_excel(_export_table(view_key, _view))


@st.cache_data(max_entries=4, show_spinner="正在生成会议简报……")
def _brief_files(view_key: str, _records: list, scope: str) -> tuple[bytes, bytes]:
    from parsing.brief import build
    from parsing.corpus.fingerprint import parser_fingerprint

    files = build(_records, scope=scope, version=parser_fingerprint())
    return files.docx, files.pdf


def _brief(key: str, view: pd.DataFrame, corpus: Corpus, kind: str) -> tuple[bytes, str, str]:
    """(bytes, file name, mime) of the brief for the current filters, built once per view state."""
    scope = "、".join(f"{k}={'、'.join(st.query_params.get_all(k))}" for k in
                     ("province", "city", "district", "agency", "year_from", "year_to", "format")
                     if st.query_params.get_all(k)) or "全部报告"
    shown = set(view["file"])
    records = [p.record for p in corpus.reports if p.record.file in shown]  # the parsed records themselves
    docx_bytes, pdf_bytes = _brief_files(key + corpus.token, records, f"{scope}（{len(view)} 份报告）")
    if kind == "docx":
        return docx_bytes, "会议简报.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return pdf_bytes, "会议简报.pdf", "application/pdf"


HOW_LABELS = {"read": "原文印出", "derived": "推定（原文未印出其位置，见说明）", "unknown": "未知（原文无法确定）"}
CELL_COLUMNS = ["文件", "机构", "年份", "表", "行", "列", "值", "来源", "说明"]


def template_cells(view: pd.DataFrame) -> pd.DataFrame:
    """Every cell of the template tables of the view, one row each, with how it was known (read, derived with
    the note saying how, unknown with why): the CSV of cells."""
    out = []
    for r in iter_columns(view, "file", "agency", "year", "tables"):
        for name, t in given(r.tables, {}).items():
            per_row = t.get("columns")
            notes = t.get("notes") or {}
            for row, values in t.get("rows", {}).items():
                columns = per_row.get(row, []) if isinstance(per_row, dict) else per_row
                codes = (t.get("how") or {}).get(row) or ["read"] * len(values)
                for column, value, how in zip(columns, values, codes, strict=False):
                    out.append([r.file, given(r.agency, ""), given(r.year, None), name, row, column,
                                "" if how == "unknown" else value, HOW_LABELS.get(how, how),
                                "" if how == "read" else notes.get(row, "")])
    return pd.DataFrame(out, columns=CELL_COLUMNS)


@st.cache_data(max_entries=4, show_spinner="正在准备模板表格单元格……")
def _cells_csv(view_key: str, _view: pd.DataFrame) -> bytes:
    return export_csv(template_cells(_view))


LONG_TEXT = ("存在的问题", "改进措施")  # whole passages: in the downloads and in 文档, not in the on-screen grid


@st.cache_data(max_entries=8, show_spinner=False)
def _grid(view_key: str, _view: pd.DataFrame) -> pd.DataFrame:
    """The on-screen grid of a view state: its first GRID_ROWS reports, figures as numbers, whole passages
    left out."""
    return labelled(_view.head(GRID_ROWS)).drop(columns=list(LONG_TEXT))


def render(view: pd.DataFrame, corpus: Corpus) -> None:
    key = view_key(view)
    show_numbers(_grid(key, view), hide_index=True)
    if len(view) > GRID_ROWS:
        st.caption(f"表格显示当前筛选的前 {GRID_ROWS:,} 份报告（共 {len(view):,} 份），表内排序只排这些行；"
                   "下载的 CSV/Excel 包含全部。请用左侧筛选缩小范围。")
    st.caption("“存在的问题”和“改进措施”全文在下载的 CSV/Excel 中，以及“文档”页。")
    c1, c2, c3 = st.columns(3)
    # the brief takes a few seconds (charts drawn server-side): built when asked, then kept per view state
    if asked(c3.button("生成会议简报（Word 和 PDF）", key="brief_make"), "brief_for", key):
        download(c3, "下载会议简报（Word）", *_brief(key, view, corpus, "docx"), key="brief_docx")
        download(c3, "下载会议简报（PDF）", *_brief(key, view, corpus, "pdf"), key="brief_pdf")
    # a small view gets its files at once; a large one when asked (seconds on every open otherwise)
    if len(view) <= CSV_AT_ONCE or asked(c1.button(f"准备 CSV 文件（{len(view):,} 份报告）", key="csv_make"),
                                          "csv_for", key):
        download(c1, "下载 CSV", _csv_bytes(key, view), "公开年报记录.csv", key="export_csv")
    if len(view) <= EXCEL_AT_ONCE or asked(c2.button(f"准备 Excel 文件（{len(view):,} 份报告）", key="excel_make"),
                                            "excel_for", key):
        download(c2, "下载 Excel", _excel_bytes(key, view), "公开年报记录.xlsx", key="export_xlsx")
    # 表二/表三/表四 cell by cell, each with how it was known: built when asked (a template report has ~200 cells)
    if asked(c2.button("准备模板表格单元格 CSV（每格注明原文印出、推定或未知）", key="cells_make"), "cells_for", key):
        download(c2, "下载模板表格单元格 CSV", _cells_csv(key, view), "模板表格单元格.csv", key="export_cells")
