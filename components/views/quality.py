"""质量检查: every check of the template tables, its result, the cells it read, a link to the evidence."""

from __future__ import annotations

import hashlib
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from components.labels import STATUS_LABELS, STATUS_WORDS

MAX_ROWS = 500  # rows drawn at once: a table of thousands costs seconds to send and says no more
ORDER = {"FAIL": 0, "WARN": 1, "INFO": 2, "NOT_ASSESSABLE": 3, "PASS": 4}  # what needs a look first


def outcome(check: dict) -> str:
    """PASS / NOT_ASSESSABLE, or for a broken rule its severity: FAIL (不符), WARN (警告), INFO (提示)."""
    return check.get("severity", "FAIL") if check["status"] == "FAIL" else check["status"]


def _cells(cells: list[dict]) -> str:
    return "；".join(f"{c['table']}·{c['row'][:20]}{('·' + c['column']) if c['column'] else ''} = "
                     f"{'空白' if c['value'] is None else c['value']}" for c in cells)


def _link(base: dict, file: str, cells: list[dict], rule: str | None = None) -> str:
    """The 文档 view of file opened at the check's cells (ev) with that check's cells marked (check)."""
    spans = [(c["start"], c["end"]) for c in cells if c.get("end")]
    params = {**base, "tab": "文档", "doc": file}
    if spans:
        params["ev"] = f"{min(s for s, _e in spans)}-{max(e for _s, e in spans)}"
        if rule:
            params["check"] = rule
    return "?" + urlencode(params, doseq=True)


@st.cache_resource(max_entries=8, show_spinner="正在汇总检查结果……")
def _table(view_key: str, base_key: str, _view: pd.DataFrame, _base: dict) -> pd.DataFrame:
    """Every check of the reports in view, built once per filtered set (not on every rerun)."""
    rows = []
    for r in _view.itertuples():
        for check in r.checks or []:
            rows.append({"报告": f"{r.agency_label} {'' if pd.isna(r.year) else int(r.year)}", "规则": check["rule"],
                         "结果": STATUS_LABELS[outcome(check)], "说明": check["detail"],
                         "依据": check.get("basis", ""),
                         "单元格": _cells(check["cells"]), "原文": _link(_base, r.file, check["cells"], check["rule"]),
                         "status": outcome(check)})
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    order = table["status"].map(ORDER)
    return table.assign(_o=order).sort_values("_o", kind="stable").drop(columns="_o").reset_index(drop=True)


def render(view: pd.DataFrame) -> None:
    base = {k: st.query_params.get_all(k) for k in st.query_params if k not in ("tab", "doc", "ev", "check")}
    view_key = hashlib.sha256("|".join(view["sha256"] + view["file"]).encode()).hexdigest()
    table = _table(view_key, repr(sorted(base.items())), view, base)
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
    table = table[table["status"].isin(shown)].drop(columns="status")
    if len(table) > MAX_ROWS:
        st.caption(f"共 {len(table)} 条，下表显示最需要查看的前 {MAX_ROWS} 条（不符、警告、提示、无法判断、通过依次排列）；"
                   "请用上方的结果或左侧的筛选缩小范围，或在“按规则汇总”中看全部。")
        table = table.head(MAX_ROWS)
    st.dataframe(table, hide_index=True, height=560, column_config={
        "原文": st.column_config.LinkColumn("原文", display_text="打开原文"),
        "说明": st.column_config.TextColumn(width="large"),
    })
    st.caption("“无法判断”表示所需单元格为空白、“/”或“—”，或表格未能完整读出；这不是通过。")
