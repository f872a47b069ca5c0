"""问题清单: one list of everything that needs a look — failed checks, conflicts, unreadable files,
the parser's warnings and the corpus notes — one row each, worst first, with a link to the evidence."""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from parsing.corpus import Corpus

from .style import year_label

# severity → rank (lower is worse) and the words shown
SEVERITIES = {"不符": 0, "冲突": 1, "无法读取": 2, "警告": 3, "提示": 4}
CHECK_SEVERITY = {"FAIL": "不符", "WARN": "警告", "INFO": "提示"}  # a broken rule, by the rule's severity
WARN_WORDS = ("不一致", "采用表格", "多处不同", "疑似", "跨年", "截断", "不是政府信息公开")
COLUMNS = ["严重程度", "报告", "文件", "内容", "原文"]


def severity_of_warning(warning: str) -> str:
    """A parser warning's severity: 冲突 for two files of one agency-year, 警告 where numbers disagree,
    提示 for everything else (a figure marked 累计 or 约数, a field the text does not state)."""
    if warning.startswith("冲突"):
        return "冲突"
    if any(w in warning for w in WARN_WORDS):
        return "警告"
    return "提示"


def issue_rows(view: pd.DataFrame, corpus: Corpus | None, base: dict | None = None) -> pd.DataFrame:
    """Every issue of the reports in view (and the corpus's unreadable files and notes), worst first."""
    base = base or {}
    rows = []
    for r in view.itertuples():
        report = f"{r.agency_label} {year_label(r.year)}"
        doc = "?" + urlencode({**base, "tab": "文档", "doc": r.file}, doseq=True)
        for check in r.checks or []:
            if check["status"] != "FAIL":
                continue
            spans = [(c["start"], c["end"]) for c in check["cells"] if c.get("end")]
            link = doc + (f"&ev={min(s for s, _ in spans)}-{max(e for _, e in spans)}" if spans else "")
            severity = CHECK_SEVERITY.get(check.get("severity", "FAIL"), "不符")
            rows.append((severity, report, r.file, f"{check['rule']}：{check['detail']}", link))
        for warning in r.warnings or []:
            rows.append((severity_of_warning(warning), report, r.file, warning, doc))
    if corpus is not None:
        for err in corpus.errors:
            rows.append(("无法读取", "（未读取）", err.file, err.reason, ""))
        for note in corpus.notes:
            rows.append(("冲突" if "不同的文件" in note else "提示", "（文件夹）", "", note, ""))
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["_rank"] = table["严重程度"].map(SEVERITIES)
    return table.sort_values(["_rank", "报告", "文件"], kind="stable").drop(columns="_rank").reset_index(drop=True)


def count_badge(table: pd.DataFrame) -> int:
    """The number shown in the tab's name: the items that are not mere notes."""
    return int((table["严重程度"] != "提示").sum())


@st.cache_data(max_entries=16, show_spinner="正在汇总问题清单……")
def cached_rows(view_key: str, _view: pd.DataFrame, _corpus: Corpus, base_key: str, _base: dict) -> pd.DataFrame:
    return issue_rows(_view, _corpus, _base)


def rows_for(view: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    base = {k: st.query_params.get_all(k) for k in st.query_params if k not in ("tab", "doc", "ev", "sev")}
    key = hashlib.sha256("|".join(view["sha256"] + view["file"]).encode()).hexdigest()
    key += f"|{len(corpus.errors)}|{len(corpus.notes)}"
    return cached_rows(key, view, corpus, repr(sorted(base.items())), base)


def render(view: pd.DataFrame, corpus: Corpus) -> None:
    table = rows_for(view, corpus)
    if table.empty:
        st.success("当前筛选下没有需要核对的问题。")
        return
    counts = table["严重程度"].value_counts()
    cols = st.columns(len(SEVERITIES))
    for col, name in zip(cols, SEVERITIES, strict=True):
        col.metric(name, int(counts.get(name, 0)))
    wanted = st.query_params.get_all("sev") or [s for s in SEVERITIES if s != "提示"]
    shown = st.multiselect("显示的严重程度", list(SEVERITIES), default=[s for s in wanted if s in SEVERITIES],
                           key="issue_severity", placeholder="选择严重程度")
    st.query_params["sev"] = shown
    part = table[table["严重程度"].isin(shown)]
    st.caption(f"共 {len(table)} 条，显示 {len(part)} 条。“提示”是数字质量说明（累计、约数、未写明）；"
               "点击“打开原文”查看证据。")
    st.dataframe(part, hide_index=True, height=560, column_config={
        "原文": st.column_config.LinkColumn("原文", display_text="打开原文"),
        "内容": st.column_config.TextColumn(width="large"),
    })
    st.download_button("下载问题清单（CSV）", part.to_csv(index=False).encode("utf-8-sig"),
                       file_name="问题清单.csv", mime="text/csv", key="issues_csv")
