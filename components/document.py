"""文档: one report's full text with every extracted value next to its highlighted evidence."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from parsing.corpus.build import Corpus
from parsing.schema import Report

from .charts import total_text
from .labels import FIELD_LABELS, FORMAT_LABELS
from .style import highlight, year_label

SHOWN_FIELDS = ("agency", "agency_type", "admin_level", "province", "city", "district", "adcode", "year", "format",
                "proactive_total", "applications_received", "fees", "reconsideration", "litigation")


def _value(key: str, value) -> str:
    if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
        return "（报告未写明）"
    if key == "format":
        return FORMAT_LABELS.get(value, value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def render(view: pd.DataFrame, corpus: Corpus) -> None:
    files = list(view["file"])
    labels = {r.file: f"{r.agency_label} · {year_label(r.year)} · {r.file}" + (" · 上传" if r.source == "上传" else "")
              for r in view.itertuples()}
    wanted = st.query_params.get("doc")
    if "doc_file" not in st.session_state or st.session_state["doc_file"] not in files:
        st.session_state["doc_file"] = wanted if wanted in files else files[0]
    file = st.selectbox("选择报告", files, key="doc_file", format_func=labels.get)
    row = view[view["file"] == file].iloc[0]
    text = corpus.text_of(file)
    evidence = row["evidence"]

    left, right = st.columns([2, 3])
    with left:
        st.subheader("提取结果与原文依据")
        rows = []
        for key in SHOWN_FIELDS:
            label = FIELD_LABELS[key]
            ev = evidence.get(key)
            shown = _value(key, row[key])
            if key == "proactive_total" and row.get("total_quality") not in (None, "stated"):
                shown = total_text(row[key], row["total_quality"])  # 约400 / 280（累计）/ 57（冲突）
            rows.append({"字段": label, "值": shown, "原文依据": ev["text"] if ev else ""})
        for prefix, label in (("proactive_breakdown", "分类"), ("channel_counts", "渠道数量")):
            for name, n in (row[prefix] or {}).items():
                ev = evidence.get(f"{prefix}.{name}")
                rows.append({"字段": f"{label}：{name}", "值": str(n), "原文依据": ev["text"] if ev else ""})
        rows.append({"字段": "公开渠道", "值": "、".join(row["channels"]) or "（未写明）", "原文依据": ""})
        st.dataframe(pd.DataFrame(rows), hide_index=True, height=560,
                     column_config={"原文依据": st.column_config.TextColumn(width="large")})
        st.subheader("提示")
        if row["warnings"]:
            for w in row["warnings"]:
                st.warning(w)
        else:
            st.success("没有提示：各项都在原文中找到了依据。")
        with st.expander("问题与改进措施（解析结果）"):
            st.text(f"【存在的问题】\n{row['problems'] or '（未找到）'}\n\n【改进措施】\n{row['measures'] or '（未找到）'}")
        st.download_button("下载此报告的记录（JSON）",
                           json.dumps({k: _jsonable(row[k]) for k in view.columns if k in Report.keys()}, ensure_ascii=False, indent=1, default=str),
                           file_name=f"{file}.json", mime="application/json")
    with right:
        st.subheader("报告全文（高亮 = 提取依据）")
        spans = [(ev["start"], ev["end"]) for ev in evidence.values()]
        focus = _focus_span(len(text)) if wanted == file else None
        if focus:
            st.info(f"质量检查所指的原文：{text[focus[0]:focus[1]][:300]}")
            spans.append(focus)
        with st.container(height=900):
            st.markdown(highlight(text, spans))


def _focus_span(length: int) -> tuple[int, int] | None:
    """?ev=start-end from a 质量检查 link: the table rows a check read."""
    try:
        start, end = (int(x) for x in st.query_params.get("ev", "").split("-"))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end <= length else None


def _jsonable(value):
    if isinstance(value, list):
        return list(value)  # reads cached checks that were not loaded yet
    if isinstance(value, (dict, str)) or value is None:
        return value
    if pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value

