"""机构档案: one agency's reports in year order — headline figures with their quality, channels gained and
lost, themes by year, and how much of each year's problems and measures restates an earlier year's."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.filters import search_box, searchable
from components.nulls import given, missing
from components.style import md_escape, year_label
from parsing.analysis.themes import repetition, tag
from parsing.corpus.figures import total_text
from parsing.schema import failed_checks


def history(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per report of one agency, in year order. Pure."""
    rows = rows.sort_values(["year", "file"], na_position="last")
    out, previous = [], None
    for r in rows.itertuples():
        channels = set(given(r.channels, []))
        gained = sorted(channels - previous) if previous is not None else []
        lost = sorted(previous - channels) if previous is not None else []
        previous = channels
        fails = len(failed_checks(r.checks)) if r.format == "template2019" else 0
        out.append({
            "年份": year_label(r.year), "文件": r.file,
            "主动公开": "未写明" if missing(r.proactive_total) else total_text(r.proactive_total, r.total_quality),
            "收到申请": "未写明" if missing(r.applications_received) else int(r.applications_received),
            "公开渠道": "、".join(given(r.channels, [])) or "—",
            "新增渠道": "、".join(gained) or "—", "不再提到": "、".join(lost) or "—",
            "问题主题": "、".join(sorted({h.name for h in tag(r.problems, "problem")})) or "—",
            "措施主题": "、".join(sorted({h.name for h in tag(r.measures, "measure")})) or "—",
            "不符的检查": fails,
        })
    return pd.DataFrame(out)


def year_pairs(rows: pd.DataFrame) -> list[dict]:
    """Each report against the agency's earliest earlier report with a problems part: the share of its
    problems and measures that restates it, and the restated clauses side by side."""
    rows = rows.dropna(subset=["year"]).sort_values("year")
    out = []
    reports = list(rows.itertuples())
    for i, r in enumerate(reports):
        for earlier in reports[:i]:
            if earlier.year == r.year:
                continue
            p_share, p_pairs = repetition(r.problems, earlier.problems)
            m_share, m_pairs = repetition(r.measures, earlier.measures)
            out.append({"year": int(r.year), "earlier": int(earlier.year), "problems": p_share, "measures": m_share,
                        "problem_pairs": p_pairs, "measure_pairs": m_pairs})
    return out


def render(view: pd.DataFrame) -> None:
    agencies = view.drop_duplicates("agency_key").sort_values("agency_label")
    keys = list(agencies["agency_key"])
    labels = dict(zip(agencies["agency_key"], agencies["agency_label"], strict=True))
    wanted = st.query_params.get("page")
    current = st.session_state.get("agency_page") or wanted
    offered, hidden = searchable(keys, [current] if current in keys else [],
                                 search_box(st, "agency_page_q", len(keys)), label=labels)
    if not offered:
        st.info("没有名称含这些字的机构。请改一改“查找机构”中的字。")
        return
    if st.session_state.get("agency_page") not in offered:
        st.session_state.pop("agency_page", None)
    chosen = st.selectbox("选择机构", offered, index=offered.index(wanted) if wanted in offered else 0,
                          format_func=lambda k: f"{labels[k]}（{k}）", key="agency_page")
    if hidden:
        st.caption(f"另有 {hidden} 个机构未列出：在“查找机构”中输入名称中的字，或在左侧先选省份、城市。")
    st.query_params["page"] = chosen
    rows = view[view["agency_key"] == chosen]
    st.subheader(md_escape(chosen))
    st.dataframe(history(rows), hide_index=True)
    st.caption("主动公开一栏标出数字质量：约数写作“约N”，累计数写作“N（累计）”，冲突文件写作“N（冲突）”。")

    compared = year_pairs(rows)
    if not compared:
        st.info("这个机构在当前筛选下只有一年的报告，无法比较年度之间的重复。")
        return
    st.subheader("与往年相比：问题和措施重复了多少")
    st.dataframe(pd.DataFrame([{"年份": f"{c['year']}年", "对比年份": f"{c['earlier']}年",
                                "问题部分重复": f"{c['problems']:.0%}", "措施部分重复": f"{c['measures']:.0%}"}
                               for c in compared]), hide_index=True)
    st.caption("重复 = 本年该部分的分句中，与对比年份某一分句的相似度（rapidfuzz 编辑距离比）不低于 80 的比例。")
    for c in compared:
        for part, key in (("存在的问题", "problem_pairs"), ("改进措施", "measure_pairs")):
            if not c[key]:
                continue
            with st.expander(f"{c['year']}年与{c['earlier']}年：{part}中重复的分句（{len(c[key])} 处）",
                             expanded=part == "存在的问题"):
                st.dataframe(pd.DataFrame([{f"{c['year']}年": p.sentence, f"{c['earlier']}年": p.earlier,
                                            "相似度": p.ratio} for p in c[key]]), hide_index=True)
