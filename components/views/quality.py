"""质量检查: every check of the template tables, its result, the cells it read, a link to the evidence."""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from components.frame import view_key
from components.labels import STATUS_LABELS, STATUS_WORDS
from components.links import doc_link, evidence_link, link_base
from components.nulls import missing
from components.style import sentence_column, sentence_rows
from parsing.corpus.build import Corpus
from parsing.schema import LazyChecks, check_outcomes, outcome_of

MAX_ROWS = 500  # rows drawn at once: a table of thousands costs seconds to send and says no more
ORDER = {"FAIL": 0, "WARN": 1, "INFO": 2, "NOT_ASSESSABLE": 3, "PASS": 4}  # what needs a look first


outcome = outcome_of  # a check's outcome: parsing.schema's, so the view and the stored summaries agree


def _cells(cells: list[dict]) -> str:
    return "；".join(f"{c['table']}·{c['row'][:20]}{('·' + c['column']) if c['column'] else ''} = "
                     f"{'空白' if c['value'] is None else c['value']}" for c in cells)


@st.cache_resource(max_entries=8, show_spinner="正在汇总检查结果……")
def _table(view_key: str, _view: pd.DataFrame, _corpus: Corpus | None = None) -> pd.DataFrame:
    """Every check of the reports in view, worst first, built once per filtered set (not on every rerun).

    Only what counting and sorting need (report, rule, outcome, where the check is), from each record's stored
    summary of outcomes: no check is read here. shown_rows reads the checks of the few hundred rows drawn.
    A frame made from the corpus's snapshot is counted there (table_from_snapshot), the same table."""
    snapshot = snapshot_of(_corpus)
    if snapshot is not None:
        return table_from_snapshot(_view, snapshot)
    return table_from_records(_view)


COLUMNS = ["报告", "规则", "status", "_file", "_checks", "_n"]  # with_reports' table
CORE = ["规则", "status", "_row", "_n"]  # _table's: one row per check


def snapshot_of(corpus: Corpus | None):
    """The snapshot the app's frame was made from (parsing/corpus/snapshot.py), or None: a corpus parsed now,
    or one with uploads, has its records in Python objects only."""
    if corpus is None or corpus.snapshot is None or getattr(corpus.reports, "loaded", True):
        return None
    return corpus.snapshot


def _label(agency_label: str, year) -> str:
    return f"{agency_label} {'' if missing(year) else int(year)}"


def _categories(codes: np.ndarray, names: list[str], order: list[str] | None = None) -> pd.Categorical:
    """codes into names as a Categorical whose categories are order (sorted names by default, as
    pd.Categorical(values) sorts them); a name not in order is missing."""
    order = sorted(names) if order is None else order
    place = {name: i for i, name in enumerate(order)}
    remap = np.array([place.get(name, -1) for name in names], dtype=np.int32)
    return pd.Categorical.from_codes(remap[codes] if len(names) else codes, dtype=pd.CategoricalDtype(order),
                                     validate=False)


def _assemble(counts: np.ndarray, rules: pd.Categorical, statuses: pd.Categorical) -> pd.DataFrame:
    """One row per check, worst first: counts[i] checks of view's row i (the rows with none are skipped).
    Only codes: a report's label, file and checks are joined to the few rows drawn (with_reports)."""
    order = np.argsort(statuses.codes, kind="stable")  # worst first (ORDER), each report's checks in order
    at = np.repeat(np.arange(len(counts), dtype=np.int32), counts)  # each check's row in view
    position = np.arange(len(statuses), dtype=np.int32) - np.repeat((np.cumsum(counts) - counts).astype(np.int32),
                                                                     counts)
    return pd.DataFrame({"规则": rules.take(order), "status": statuses.take(order), "_row": at[order],
                         "_n": position[order]})


def with_reports(table: pd.DataFrame, view: pd.DataFrame) -> pd.DataFrame:
    """Some rows of the table (of this view) with their report's label, file and checks."""
    rows = table["_row"].to_numpy()
    labels = [_label(a, y) for a, y in zip(view["agency_label"].to_numpy(dtype=object)[rows],
                                           view["year"].to_numpy(dtype=object, na_value=None)[rows], strict=True)]
    return table.assign(报告=labels, _file=view["file"].to_numpy(dtype=object)[rows],
                        _checks=view["checks"].to_numpy(dtype=object)[rows])[COLUMNS]


def by_rule(table: pd.DataFrame) -> pd.DataFrame:
    """Checks per rule and outcome (the outcomes met, in ORDER; the rules met, sorted), counted on codes."""
    rules, statuses = table["规则"].cat, table["status"].cat
    grid = np.bincount(rules.codes.astype(np.int64) * len(ORDER) + statuses.codes,
                       minlength=len(rules.categories) * len(ORDER)).reshape(len(rules.categories), len(ORDER))
    frame = pd.DataFrame(grid, index=pd.Index(rules.categories, name="规则"),
                         columns=pd.Index(list(ORDER), name="status"))
    return frame.loc[grid.sum(axis=1) > 0, grid.sum(axis=0) > 0]


def table_from_snapshot(view: pd.DataFrame, snapshot) -> pd.DataFrame:
    """table_from_records, from the snapshot's codes of every check's rule and outcome (CheckCodes): gathered
    and sorted in numpy (at 10,000 reports 500,000 checks: ~0.9 s in Python, one string object each)."""
    codes = snapshot.check_codes()
    rows = snapshot.rows_array(view["file"]).to_numpy()
    counts = codes.counts[rows]
    if not counts.sum():
        return pd.DataFrame(columns=CORE)
    starts = np.cumsum(counts) - counts  # where each view row's checks start in the table
    gather = np.repeat(codes.offsets[rows] - starts, counts) + np.arange(counts.sum())
    return _assemble(counts, _categories(codes.rules[gather], list(codes.rule_names)),
                     _categories(codes.results[gather], list(codes.result_names), list(ORDER)))


def table_from_records(view: pd.DataFrame) -> pd.DataFrame:
    """The table from each record's checks (their stored summary of outcomes where there is one)."""
    counts, rules, statuses = [], [], []
    for checks in view["checks"].tolist():
        pairs = check_outcomes(checks)
        counts.append(len(pairs))
        rules.extend(rule for rule, _outcome in pairs)
        statuses.extend(outcome for _rule, outcome in pairs)
    if not sum(counts):
        return pd.DataFrame(columns=CORE)
    # one row per check (~500,000 at 10,000 reports): the per-report columns are repeated by index, not appended
    # check by check, and the few dozen rules and five outcomes are categories
    return _assemble(np.array(counts, dtype=np.int64), pd.Categorical(rules),
                     pd.Categorical(statuses, categories=list(ORDER)))


def shown_rows(table: pd.DataFrame, base: dict) -> pd.DataFrame:
    """The drawn rows with their words: result, explanation, basis, cells read, and the link to the evidence."""
    LazyChecks.load_all(table["_checks"])  # those reports' checks, in one query
    checks = [holder[n] for holder, n in zip(table["_checks"], table["_n"], strict=True)]
    docs = {f: doc_link(f, base) for f in set(table["_file"])}
    return pd.DataFrame({
        "报告": list(table["报告"]), "规则": list(table["规则"]),
        "结果": [STATUS_LABELS[s] for s in table["status"]],
        "说明": [c["detail"] for c in checks], "依据": [c.get("basis", "") for c in checks],
        "单元格": [_cells(c["cells"]) for c in checks],
        "原文": [evidence_link(docs[f], c["cells"], c["rule"]) for f, c in zip(table["_file"], checks, strict=True)],
    })


def issue_counts_line(view: pd.DataFrame, corpus: Corpus) -> str:
    """What 问题清单 counts besides these checks (its 警告 3 against 警告 2 here, each right by its own
    definition): the parser's and the folder's findings, by severity."""
    from components.views import issue_list

    table = issue_list.cached_rows(issue_list.rows_key(view, corpus), view, corpus)  # the badge's, cached
    extra = table[table["来源"] != issue_list.FROM_CHECKS]["严重程度"].value_counts()
    added = "、".join(f"{name} {int(extra[name])}" for name in issue_list.SEVERITIES if extra.get(name, 0))
    return ("本页的不符、警告、提示在“问题清单”中计数相同；" + (
        f"问题清单另列出解析提示和文件夹提示（{added}），所以那里的计数更多。" if added else "问题清单没有另外的提示。"))


def render(view: pd.DataFrame, corpus: Corpus | None = None) -> None:
    base = link_base(st.query_params)
    table = _table(view_key(view) + (corpus.token if corpus is not None else ""), view, corpus)
    if table.empty:
        st.info("当前筛选下没有可检查的表格。质量检查针对 2019 年起国家模板报告的表二、表三、表四。")
        return
    counts = table["status"].value_counts()
    names = STATUS_WORDS
    for col, (status, name) in zip(st.columns(len(names)), names.items(), strict=True):
        col.metric(name, int(counts.get(status, 0)))
    if corpus is not None:
        st.caption(issue_counts_line(view, corpus))
    with st.expander("按规则汇总", expanded=len(table) > MAX_ROWS):
        st.dataframe(by_rule(table).rename(columns=names), height=300)
    shown = st.multiselect("显示的结果", list(STATUS_LABELS), default=list(STATUS_LABELS),
                           format_func=STATUS_LABELS.get, key="quality_status")
    table = table[table["status"].isin(shown)]
    if len(table) > MAX_ROWS:
        st.caption(f"共 {len(table)} 条，下表显示最需要查看的前 {MAX_ROWS} 条（不符、警告、提示、无法判断、通过依次排列）；"
                   "请用上方的结果或左侧的筛选缩小范围，或在“按规则汇总”中看全部。")
        table = table.head(MAX_ROWS)
    rows = shown_rows(with_reports(table, view), base)
    st.dataframe(rows, hide_index=True, height=560, row_height=sentence_rows(rows["说明"], share=0.9, max_lines=4), column_config={
        "原文": st.column_config.LinkColumn("原文", display_text="打开原文"),
        "说明": sentence_column(),
    })
    st.caption("“无法判断”表示所需单元格为空白、“/”或“—”，或表格未能完整读出；这不是通过。")
