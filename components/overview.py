"""总览: KPIs, proactive-disclosure totals by agency and year, trends, category breakdowns."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

from .style import PLOTLY_CONFIG, style_figure


def render(view: pd.DataFrame, colors: dict[str, str]) -> None:
    known = view.dropna(subset=["proactive_total"])
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("报告数", len(view))
    c2.metric("机构数", view["agency_key"].nunique())
    c3.metric("年份数", view["year"].nunique())
    missing = len(view) - len(known)
    c4.metric("主动公开信息合计", f"{int(known['proactive_total'].sum()):,} 条",
              help="只加总报告中写明的数量；未写明的报告不计为 0。" + (f" 本视图有 {missing} 份未写明。" if missing else ""))
    if missing:
        names = "、".join(f"{r.agency_label}（{_year(r.year)}）" for r in view.itertuples()
                         if pd.isna(r.proactive_total))
        st.caption(f"未写明主动公开数量（图中空缺，而非 0）：{names}")

    if known.empty:
        st.info("当前筛选下没有写明主动公开数量的报告。")
    else:
        data = known.assign(年份=known["year"].astype(str), 主动公开条数=known["proactive_total"].astype(int),
                            机构=known["agency_key"])
        fig = px.bar(data, x="年份", y="主动公开条数", color="机构", barmode="group", text="主动公开条数",
                     color_discrete_map=colors, hover_data={"file": True},
                     category_orders={"年份": sorted(data["年份"].unique())})
        fig.update_traces(textposition="outside", cliponaxis=False)
        st.plotly_chart(style_figure(fig, "各机构各年度主动公开政府信息数量（条）"), config=PLOTLY_CONFIG,
                        key="overview_bar")

        trend = data.sort_values("year")
        fig = px.line(trend, x="year", y="主动公开条数", color="机构", markers=True, text="主动公开条数",
                      color_discrete_map=colors, labels={"year": "年份"})
        fig.update_traces(textposition="top center", marker={"size": 12}, line={"width": 3})
        fig.update_xaxes(dtick=1, tickformat="d")
        st.plotly_chart(style_figure(fig, "主动公开数量的年度变化（按机构）"), config=PLOTLY_CONFIG,
                        key="overview_trend")

    rows = [{"报告": f"{r.agency_label} {_year(r.year)}", "类别": cat, "条数": n, "机构": r.agency_key}
            for r in view.itertuples() for cat, n in (r.proactive_breakdown or {}).items()]
    if rows:
        fig = px.bar(pd.DataFrame(rows), x="报告", y="条数", color="类别", text="条数")
        st.plotly_chart(style_figure(fig, "主动公开信息的分类构成（报告写明分类时）"), config=PLOTLY_CONFIG,
                        key="overview_breakdown")
        st.caption("分类合计与总数不一致的报告，在“文档”页的提示中说明。")


def _year(value) -> str:
    return "年份不明" if pd.isna(value) else f"{int(value)}年"
