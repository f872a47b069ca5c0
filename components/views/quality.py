"""质量检查: every check of the template tables, its result, the cells it read, a link to the evidence."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st

from components.frame import iter_columns
from components.labels import STATUS_LABELS, STATUS_WORDS
from components.links import doc_link, evidence_link, link_base
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


COLUMNS = ["报告", "规则", "status", "_file", "_checks", "_n"]


def snapshot_of(corpus: Corpus | None):
    """The snapshot the app's frame was made from (parsing/corpus/snapshot.py), or None: a corpus parsed now,
    or one with uploads, has its records in Python objects only."""
    if corpus is None or corpus.snapshot is None or getattr(corpus.reports, "loaded", True):
        return None
    return corpus.snapshot


def _label(agency_label: str, year) -> str:
    return f"{agency_label} {'' if pd.isna(year) else int(year)}"


def _labels(view: pd.DataFrame) -> np.ndarray:
    return np.array([_label(r.agency_label, r.year) for r in iter_columns(view, "agency_label", "year")], dtype=object)


def table_from_snapshot(view: pd.DataFrame, snapshot) -> pd.DataFrame:
    """table_from_records, from the snapshot's check_rules and check_results lists: flattened, encoded and
    sorted in Arrow and numpy (at 10,000 reports 500,000 checks: ~0.9 s in Python, one string object each)."""
    part = snapshot.table(["check_rules", "check_results"]).take(
        pa.array(snapshot.rows_of(view["file"].tolist()), type=pa.int64()))
    rules_lists = part.column("check_rules").combine_chunks()
    counts = pc.list_value_length(rules_lists).fill_null(0).to_numpy(zero_copy_only=False)
    if not counts.sum():
        return pd.DataFrame(columns=COLUMNS)
    at = np.repeat(np.arange(len(counts)), counts)  # each check's row in view
    starts = np.cumsum(counts) - counts
    rules = pc.dictionary_encode(pc.list_flatten(rules_lists))
    results = pc.dictionary_encode(pc.list_flatten(part.column("check_results").combine_chunks()))
    names = rules.dictionary.to_pylist()
    order = sorted(range(len(names)), key=names.__getitem__)  # categories sorted, as pd.Categorical sorts them
    rank = np.empty(len(names), dtype=np.int32)
    rank[order] = np.arange(len(names), dtype=np.int32)
    status_code = np.array([list(ORDER).index(s) if s in ORDER else -1 for s in results.dictionary.to_pylist()],
                           dtype=np.int8)
    table = pd.DataFrame({
        "报告": _labels(view)[at],
        "规则": pd.Categorical.from_codes(rank[rules.indices.to_numpy()], [names[i] for i in order]),
        "status": pd.Categorical.from_codes(status_code[results.indices.to_numpy()], list(ORDER)),
        "_file": np.array(view["file"].tolist(), dtype=object)[at],
        "_checks": view["checks"].to_numpy(dtype=object)[at],
        "_n": np.arange(len(at)) - np.repeat(starts, counts)})
    order_rows = np.argsort(table["status"].cat.codes.to_numpy(), kind="stable")  # worst first (ORDER)
    return table.take(order_rows).reset_index(drop=True)


def table_from_records(view: pd.DataFrame) -> pd.DataFrame:
    """The table from each record's checks (their stored summary of outcomes where there is one)."""
    labels, files, holders, counts, rules, statuses, positions = [], [], [], [], [], [], []
    for r in iter_columns(view, "agency_label", "year", "file", "checks"):
        pairs = check_outcomes(r.checks)
        if not pairs:
            continue
        labels.append(_label(r.agency_label, r.year))
        files.append(r.file)
        holders.append(r.checks)
        counts.append(len(pairs))
        rule_names, outcomes = zip(*pairs, strict=True)
        rules.extend(rule_names)
        statuses.extend(outcomes)
        positions.extend(range(len(pairs)))
    if not counts:
        return pd.DataFrame(columns=COLUMNS)
    # one row per check (~500,000 at 10,000 reports): the per-report columns are repeated by index, not appended
    # check by check, and the few dozen rules and five outcomes are categories
    at = np.repeat(np.arange(len(counts)), counts)
    table = pd.DataFrame({"报告": np.array(labels, dtype=object)[at], "规则": pd.Categorical(rules),
                          "status": pd.Categorical(statuses, categories=list(ORDER)),
                          "_file": np.array(files, dtype=object)[at],
                          "_checks": pd.Series(holders, dtype=object).to_numpy()[at],
                          "_n": positions})
    order = np.argsort(table["status"].cat.codes.to_numpy(), kind="stable")  # worst first (ORDER)
    return table.take(order).reset_index(drop=True)


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


def render(view: pd.DataFrame, corpus: Corpus | None = None) -> None:
    base = link_base(st.query_params)
    view_key = hashlib.sha256("|".join(view["sha256"].tolist() + view["file"].tolist()).encode()).hexdigest()
    table = _table(view_key, view, corpus)
    if table.empty:
        st.info("当前筛选下没有可检查的表格。质量检查针对 2019 年起国家模板报告的表二、表三、表四。")
        return
    counts = table["status"].value_counts()
    names = STATUS_WORDS
    for col, (status, name) in zip(st.columns(len(names)), names.items(), strict=True):
        col.metric(name, int(counts.get(status, 0)))
    by_rule = (table.assign(n=1).pivot_table(index="规则", columns="status", values="n", aggfunc="sum", fill_value=0)
               .rename(columns=names))
    with st.expander("按规则汇总", expanded=len(table) > MAX_ROWS):
        st.dataframe(by_rule, height=300)
    shown = st.multiselect("显示的结果", list(STATUS_LABELS), default=list(STATUS_LABELS),
                           format_func=STATUS_LABELS.get, key="quality_status")
    table = table[table["status"].isin(shown)]
    if len(table) > MAX_ROWS:
        st.caption(f"共 {len(table)} 条，下表显示最需要查看的前 {MAX_ROWS} 条（不符、警告、提示、无法判断、通过依次排列）；"
                   "请用上方的结果或左侧的筛选缩小范围，或在“按规则汇总”中看全部。")
        table = table.head(MAX_ROWS)
    st.dataframe(shown_rows(table, base), hide_index=True, height=560, column_config={
        "原文": st.column_config.LinkColumn("原文", display_text="打开原文"),
        "说明": st.column_config.TextColumn(width="large"),
    })
    st.caption("“无法判断”表示所需单元格为空白、“/”或“—”，或表格未能完整读出；这不是通过。")
