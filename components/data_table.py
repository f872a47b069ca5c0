"""数据: the tidy table under the current filters, downloadable as CSV and Excel."""

from __future__ import annotations

import io
import json

import pandas as pd
import streamlit as st

from parsing.corpus import QUALITY_LABELS

from .style import FORMAT_LABELS

EXPORT_COLUMNS = {
    "file": "文件", "agency": "机构", "agency_type": "机构类型", "admin_level": "行政层级", "province": "省份",
    "city": "城市", "district": "区县/功能区", "adcode": "区划代码", "year": "年份", "format": "报告格式",
    "proactive_total": "主动公开条数", "proactive_total_approx": "主动公开为约数", "proactive_total_cumulative": "主动公开为累计数",
    "total_quality": "主动公开数字质量", "proactive_breakdown": "主动公开分类", "channels": "公开渠道",
    "channel_counts": "渠道数量", "applications_received": "收到申请数", "fees": "收费（元）",
    "reconsideration": "行政复议数", "litigation": "行政诉讼数", "applications_carried_in": "上年结转申请数",
    "applications_closed": "办理结果总计", "applications_carried_out": "结转下年度申请数",
    "problems": "存在的问题", "measures": "改进措施",
    "warnings": "提示", "source": "来源", "sha256": "sha256",
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell a spreadsheet would run as a formula is prefixed with ' so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def tidy(view: pd.DataFrame) -> pd.DataFrame:
    out = view[list(EXPORT_COLUMNS)].copy()
    for col in ("proactive_breakdown", "channel_counts"):
        out[col] = out[col].map(lambda d: json.dumps(d, ensure_ascii=False) if d else "")
    out["channels"] = out["channels"].map("、".join)
    out["warnings"] = out["warnings"].map("；".join)
    out["format"] = out["format"].map(lambda f: FORMAT_LABELS.get(f, f))
    out["total_quality"] = out["total_quality"].map(lambda q: QUALITY_LABELS.get(q, "") if isinstance(q, str) else "")
    for col in ("proactive_total_approx", "proactive_total_cumulative"):
        out[col] = out[col].map({True: "是", False: "否"})
    out = out.astype(object).where(out.notna(), "")  # a missing value is a blank cell, never "None"
    out = out.rename(columns=EXPORT_COLUMNS)
    return out.map(neutralise) if hasattr(out, "map") else out.applymap(neutralise)


def to_csv(table: pd.DataFrame) -> bytes:
    return table.to_csv(index=False).encode("utf-8-sig")  # BOM: Excel opens Chinese CSV correctly


def to_excel(table: pd.DataFrame) -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        table.to_excel(writer, index=False, sheet_name="年报记录")
    return buf.getvalue()


def render(view: pd.DataFrame) -> None:
    table = tidy(view)
    st.dataframe(table, hide_index=True)
    c1, c2 = st.columns(2)
    # the files are built only when a button is clicked (deferred), not on every rerun
    c1.download_button("下载 CSV", lambda: to_csv(table), file_name="公开年报记录.csv", mime="text/csv")
    c2.download_button("下载 Excel", lambda: to_excel(table), file_name="公开年报记录.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
