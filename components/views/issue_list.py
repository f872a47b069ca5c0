"""问题清单: one list of everything that needs a look — failed checks, conflicts, unreadable files,
the parser's warnings and the corpus notes — one row each, worst first, with a link to the evidence."""

from __future__ import annotations

import hashlib
from pathlib import Path

import orjson
import pandas as pd
import streamlit as st

from components.export import download
from components.frame import iter_columns, view_key
from components.links import doc_part, evidence_link, link_base, with_base
from components.nulls import given
from components.parts import asked
from components.style import LAZY_ROWS, sentence_column, sentence_rows, year_label
from parsing.corpus import reviews as review_store
from parsing.corpus.build import Corpus
from parsing.corpus.reviews import Reviews, finding_key
from parsing.schema import failed_checks
from parsing.template.checklist import rules

# severity → rank (lower is worse) and the words shown
SEVERITIES = {"不符": 0, "冲突": 1, "无法读取": 2, "警告": 3, "提示": 4}
CHECK_SEVERITY = {"FAIL": "不符", "WARN": "警告", "INFO": "提示"}  # a broken rule, by the rule's severity
WARN_WORDS = ("不一致", "采用表格", "多处不同", "疑似", "跨年", "截断", "不是政府信息公开")
COLUMNS = ["严重程度", "来源", "报告", "文件", "内容", "原文", "rule_id"]
# where a finding comes from: a check (the same as 质量检查 counts), the parser, or the folder
FROM_CHECKS, FROM_PARSER, FROM_FOLDER = "质量检查", "解析提示", "文件夹"
CSV_AT_ONCE = 5000  # findings: above this the CSV is built when asked
MAX_PICK = 500  # findings offered in the review picker
MAX_ROWS = 2000  # findings drawn (sending 100,000 rows with their links took 1.7 s); the CSV holds them all


def severity_of_warning(warning: str) -> str:
    """A parser warning's severity: 冲突 for two files of one agency-year, 警告 where numbers disagree,
    提示 for everything else (a figure marked 累计 or 约数, a field the text does not state)."""
    if warning.startswith("冲突"):
        return "冲突"
    if any(w in warning for w in WARN_WORDS):
        return "警告"
    return "提示"


def issue_rows(view: pd.DataFrame, corpus: Corpus | None, base: dict | None = None) -> pd.DataFrame:
    """Every issue of the reports in view (and the corpus's unreadable files and notes), worst first, each
    with its link to the evidence (keeping the URL's other parameters, base)."""
    return with_links(issue_table(view, corpus), base)


def with_links(table: pd.DataFrame, base: dict | None) -> pd.DataFrame:
    """The table with its 原文 links made whole: base (the filters and other parameters of the URL) before each
    link's own part. Kept apart from issue_table, so that a parameter another tab writes (page, term, theme)
    never makes the shared, cached table be built again (1.4 s at 10,000 reports)."""
    out = table.copy()
    out["原文"] = [with_base(link, base) if link else "" for link in table["原文"]]
    return out


def issue_table(view: pd.DataFrame, corpus: Corpus | None) -> pd.DataFrame:
    """issue_rows without the links' URL parameters: each link is its own part only (tab=文档&doc=…&ev=…)."""
    rows = []
    for r in iter_columns(view, "agency_label", "year", "file", "checks", "warnings"):
        report = f"{r.agency_label} {year_label(r.year)}"
        doc = doc_part(r.file)
        for check in failed_checks(r.checks):
            link = evidence_link(doc, check["cells"], check["rule"])
            severity = CHECK_SEVERITY.get(check.get("severity", "FAIL"), "不符")
            rows.append((severity, FROM_CHECKS, report, r.file, f"{check['rule']}：{check['detail']}", link,
                         check.get("rule_id", "")))
        for warning in given(r.warnings, []):
            rows.append((severity_of_warning(warning), FROM_PARSER, report, r.file, warning, doc, ""))
    if corpus is not None:
        for err in corpus.errors:
            rows.append(("无法读取", FROM_FOLDER, "（未读取）", err.file, err.reason, "", ""))
        for note in corpus.notes:
            rows.append(("冲突" if "不同的文件" in note else "提示", FROM_FOLDER, "（文件夹）", "", note, "", ""))
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["_rank"] = table["严重程度"].map(SEVERITIES)
    return table.sort_values(["_rank", "报告", "文件"], kind="stable").drop(columns="_rank").reset_index(drop=True)


def counts_line(table: pd.DataFrame) -> str:
    """One line saying how the list's counts relate to 质量检查's: the checks' findings are the same there; the
    parser's and the folder's are this list's own."""
    def counted(source: str) -> str:
        part = table[table["来源"] == source]["严重程度"].value_counts()
        return "、".join(f"{name} {int(part[name])}" for name in SEVERITIES if part.get(name, 0))

    own = [f"{label}（{counted(source)}，{what}）" for source, label, what in (
        (FROM_PARSER, "解析提示", "如分类合计与总数不一致、累计数、约数"),
        (FROM_FOLDER, "文件夹提示", "无法读取的文件、重复或冲突的文件")) if counted(source)]
    return (f"来自质量检查的不符、警告、提示（{counted(FROM_CHECKS) or '无'}）与“质量检查”页的计数相同；"
            + (f"此外本页还列出{'和'.join(own)}。" if own else "本页没有另外的提示。"))


def count_badge(table: pd.DataFrame) -> int:
    """The number shown in the tab's name: the items that are not mere notes."""
    return int((table["严重程度"] != "提示").sum())


def badge_for(view: pd.DataFrame, corpus: Corpus, data_dir: Path) -> int:
    """The badge after the reviewer's decisions: switched-off rules and reviewed findings do not count.
    Runs on every rerun, so the count itself is cached (the list it counts, 128,000 findings at 100,000
    reports, took 0.3 s to unpickle each time)."""
    reviews = review_store.load(data_dir)
    decisions = orjson.dumps([sorted(reviews.disabled_rules), reviews.reviewed], option=orjson.OPT_SORT_KEYS)
    return _badge(rows_key(view, corpus), decisions, view, corpus, reviews)


@st.cache_data(max_entries=16, show_spinner=False)
def _badge(view_key: str, decisions: bytes, _view: pd.DataFrame, _corpus: Corpus, _reviews: Reviews) -> int:
    table = cached_rows(view_key, _view, _corpus)
    if not _reviews.disabled_rules and not _reviews.reviewed:
        return count_badge(table)  # nothing reviewed: no per-row keys
    table = apply_reviews(table, _reviews)
    return count_badge(table[table["核对"] == ""])


@st.cache_data(max_entries=16, show_spinner="正在汇总问题清单……")
def cached_rows(view_key: str, _view: pd.DataFrame, _corpus: Corpus) -> pd.DataFrame:
    return issue_table(_view, _corpus)


def rows_key(view: pd.DataFrame, corpus: Corpus) -> str:
    """What the view's issue list depends on: its reports, and the corpus' unreadable files and notes."""
    return view_key(view) + f"|{len(corpus.errors)}|{len(corpus.notes)}|{corpus.token}"


def apply_reviews(table: pd.DataFrame, reviews: Reviews) -> pd.DataFrame:
    """Findings of switched-off rules leave the list; reviewed ones stay, marked with the reason."""
    table = table[~table["rule_id"].isin(reviews.disabled_rules)].copy()
    if not reviews.reviewed:
        table["核对"] = ""
        return table
    keys = [finding_key(f, c) for f, c in zip(table["文件"], table["内容"], strict=True)]
    table["核对"] = [("已核对：" + reviews.reviewed[k]["reason"]) if k in reviews.reviewed else "" for k in keys]
    return table


def render(view: pd.DataFrame, corpus: Corpus, data_dir: Path | None = None) -> None:
    reviews = review_store.load(data_dir) if data_dir is not None else Reviews()
    key = rows_key(view, corpus)
    table = apply_reviews(cached_rows(key, view, corpus), reviews)
    if reviews.disabled_rules:
        st.caption("已停用的规则（本语料）：" + "、".join(sorted(reviews.disabled_rules)))
    if table.empty:
        st.success("当前筛选下没有需要核对的问题。")
        _review_controls(table, reviews, data_dir)
        return
    counts = table["严重程度"].value_counts()
    cols = st.columns(len(SEVERITIES))
    for col, name in zip(cols, SEVERITIES, strict=True):
        col.metric(name, int(counts.get(name, 0)))
    st.caption(counts_line(table))
    wanted = st.query_params.get_all("sev") or [s for s in SEVERITIES if s != "提示"]
    shown = st.multiselect("显示的严重程度", list(SEVERITIES), default=[s for s in wanted if s in SEVERITIES],
                           key="issue_severity", placeholder="选择严重程度")
    st.query_params["sev"] = shown
    base = link_base(st.query_params, "sev")
    part = table[table["严重程度"].isin(shown)]
    drawn = with_links(part.head(MAX_ROWS), base)  # worst first: the rows that need a look
    st.caption(f"共 {len(table)} 条，显示 {len(part)} 条" + (f"，下表列出最需要查看的前 {MAX_ROWS:,} 条（全部在 CSV 中）"
                                                          if len(part) > MAX_ROWS else "")
               + "。“提示”是数字质量说明（累计、约数、未写明）；点击“打开原文”查看证据。")
    st.dataframe(drawn.drop(columns="rule_id"), hide_index=True, height=560, lazy=len(drawn) > LAZY_ROWS or None,
                 row_height=sentence_rows(drawn["内容"]),
                 column_config={
        "原文": st.column_config.LinkColumn("原文", display_text="打开原文"),
        "内容": sentence_column(),
    })
    # a long list's CSV is built when asked (0.9 s at 128,000 findings on every open otherwise)
    csv_key = hashlib.sha256(f"{key}|{shown}|{len(part)}|{sorted(reviews.reviewed)}".encode()).hexdigest()
    if len(part) <= CSV_AT_ONCE or asked(st.button(f"准备问题清单 CSV（{len(part):,} 条）", key="issues_csv_make"),
                                         "issues_csv_for", csv_key):
        download(st, "下载问题清单（CSV）", with_links(part, base).drop(columns="rule_id"), "问题清单.csv",
                 key="issues_csv")
    _review_controls(part, reviews, data_dir)


def _review_controls(part: pd.DataFrame, reviews: Reviews, data_dir: Path | None) -> None:
    """Mark a finding as reviewed (with a reason), or switch rules off for this corpus. Kept in
    <data>/.reviews.json, so the decisions survive a restart and are shared by everyone using the folder."""
    if data_dir is None:
        return
    with st.expander("核对与停用规则", expanded=False):
        open_items = part[(part["核对"] == "") & (part["文件"] != "")] if not part.empty else part
        if len(open_items) > MAX_PICK:  # a choice among 100,000 is no choice (and 3 s to list on every open)
            st.caption(f"共 {len(open_items):,} 条待核对，下面只列出前 {MAX_PICK} 条；请先用左侧筛选或上方的严重程度缩小范围。")
            open_items = open_items.head(MAX_PICK)
        labels = [f"{sev} · {report} · {text[:60]}" for sev, report, text in
                  zip(*(open_items[c].tolist() for c in ("严重程度", "报告", "内容")), strict=True)]
        choice = st.selectbox("要标记为已核对的问题", range(len(labels)), format_func=lambda i: labels[i],
                              index=None, placeholder="选择一条", key="review_pick")
        reason = st.text_input("核对说明（必填）", key="review_reason")
        if st.button("标记为已核对", key="review_save", disabled=choice is None or not reason.strip()):
            row = open_items.iloc[choice]
            review_store.save(data_dir, review_store.with_reviewed(reviews, finding_key(row["文件"], row["内容"]),
                                                                    reason))
            st.rerun()
        ids = sorted({r["id"] for r in rules() if r["kind"] not in ("table-sum",)} | set(reviews.disabled_rules))
        off = st.multiselect("对本语料停用的规则", ids, default=sorted(reviews.disabled_rules), key="rules_off",
                             placeholder="选择规则")
        if st.button("保存停用设置", key="rules_off_save"):
            review_store.save(data_dir, review_store.with_rules_disabled(reviews, off))
            st.rerun()
