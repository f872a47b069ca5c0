"""总览: KPIs, proactive-disclosure totals by agency and year, trends, category breakdowns."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from .style import PLOTLY_CONFIG, style_figure, year_label

MAX_AGENCIES = 15  # beyond this the per-agency bars and lines are aggregated
TOP_AGENCIES = 10
MAX_REPORT_BARS = 30


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
        gaps = [f"{r.agency_label}（{year_label(r.year)}）" for r in view.itertuples() if pd.isna(r.proactive_total)]
        more = f" 等 {len(gaps)} 份" if len(gaps) > 20 else ""
        st.caption(f"未写明主动公开数量（图中空缺，而非 0）：{'、'.join(gaps[:20])}{more}")

    if known.empty:
        st.info("当前筛选下没有写明主动公开数量的报告。")
    else:
        data = known.assign(year_label=known["year"].map(_year_axis), total=known["proactive_total"].astype(int))
        years = sorted(data["year_label"].unique())
        agencies = data["agency_key"].nunique()
        if agencies > MAX_AGENCIES:
            _aggregated(data, years, colors)
            _breakdown(view)
            return
        fig = go.Figure()
        for agency, rows in data.groupby("agency_key", sort=True):
            fig.add_bar(x=list(rows["year_label"]), y=list(rows["total"]), name=agency, text=list(rows["total"]),
                        marker_color=colors.get(agency), textposition="outside", cliponaxis=False,
                        customdata=list(rows["file"]),
                        hovertemplate="%{x}<br>%{y} 条<br>%{customdata}<extra>" + agency + "</extra>")
        fig.update_layout(barmode="group", legend_title_text="机构", showlegend=True)
        fig.update_xaxes(title="年份", type="category", categoryorder="array", categoryarray=years)
        fig.update_yaxes(title="主动公开条数")
        st.plotly_chart(style_figure(fig, "各机构各年度主动公开政府信息数量（条）"), config=PLOTLY_CONFIG,
                        key="overview_bar")

        fig = go.Figure()
        for agency, rows in data.dropna(subset=["year"]).sort_values("year").groupby("agency_key", sort=True):
            if rows.empty:
                continue
            fig.add_scatter(x=[int(y) for y in rows["year"]], y=list(rows["total"]), name=agency,
                            mode="lines+markers+text", text=list(rows["total"]), textposition="top center",
                            marker={"size": 12, "color": colors.get(agency)}, line={"width": 3})
        fig.update_layout(legend_title_text="机构", showlegend=True)
        fig.update_xaxes(title="年份", dtick=1, tickformat="d")
        fig.update_yaxes(title="主动公开条数")
        st.plotly_chart(style_figure(fig, "主动公开数量的年度变化（按机构）"), config=PLOTLY_CONFIG,
                        key="overview_trend")

    _breakdown(view)


def _aggregated(data: pd.DataFrame, years: list[str], colors: dict[str, str]) -> None:
    """Many agencies: the top ones by total, the rest summed as 其他, so no chart has thousands of bars."""
    top = data.groupby("agency_key")["total"].sum().nlargest(TOP_AGENCIES).index
    rest = data[~data["agency_key"].isin(top)]
    fig = go.Figure()
    for agency in top:
        rows = data[data["agency_key"] == agency].groupby("year_label")["total"].sum()
        fig.add_bar(x=list(rows.index), y=list(rows.values), name=agency, marker_color=colors.get(agency))
    if not rest.empty:
        rows = rest.groupby("year_label")["total"].sum()
        fig.add_bar(x=list(rows.index), y=list(rows.values), name=f"其他（{rest['agency_key'].nunique()}个机构）",
                    marker_color="#9aa0a6")
    fig.update_layout(barmode="stack", legend_title_text="机构", showlegend=True)
    fig.update_xaxes(title="年份", type="category", categoryorder="array", categoryarray=years)
    fig.update_yaxes(title="主动公开条数")
    st.plotly_chart(style_figure(fig, f"各年度主动公开政府信息数量（前{TOP_AGENCIES}个机构 + 其他）", height=560),
                    config=PLOTLY_CONFIG, key="overview_bar")
    per_year = data.groupby("year_label")["total"].agg(["median", "count"])
    fig = go.Figure(go.Scatter(x=list(per_year.index), y=list(per_year["median"]), mode="lines+markers+text",
                               text=[f"{int(v)}" for v in per_year["median"]], textposition="top center",
                               customdata=list(per_year["count"]),
                               hovertemplate="%{x}年：中位数 %{y} 条（%{customdata} 份报告）<extra></extra>",
                               line={"width": 3}, marker={"size": 10}))
    fig.update_xaxes(title="年份", type="category")
    fig.update_yaxes(title="每份报告主动公开条数（中位数）")
    st.plotly_chart(style_figure(fig, "主动公开数量的年度变化（各报告的中位数）"), config=PLOTLY_CONFIG,
                    key="overview_trend")
    st.caption("机构较多时只画出总量前几名；选择城市、区县或机构即可看到每个机构的趋势线。")


def _breakdown(view: pd.DataFrame) -> None:
    rows = [{"报告": f"{r.agency_label} {year_label(r.year)}", "类别": cat, "条数": n}
            for r in view.itertuples() for cat, n in (r.proactive_breakdown or {}).items()]
    if rows and len({r["报告"] for r in rows}) > MAX_REPORT_BARS:
        table = pd.DataFrame(rows).groupby("类别")["条数"].sum().nlargest(15)
        fig = go.Figure(go.Bar(x=list(table.index), y=list(table.values), text=list(table.values)))
        fig.update_yaxes(title="条数（各报告合计）")
        st.plotly_chart(style_figure(fig, "主动公开信息的分类（各报告合计，前15类）"), config=PLOTLY_CONFIG,
                        key="overview_breakdown")
        return
    if rows:
        table = pd.DataFrame(rows)
        fig = go.Figure()
        for cat, part in table.groupby("类别", sort=False):
            fig.add_bar(x=list(part["报告"]), y=list(part["条数"]), name=cat, text=list(part["条数"]))
        fig.update_layout(barmode="stack", legend_title_text="类别")
        fig.update_xaxes(title="报告")
        fig.update_yaxes(title="条数")
        st.plotly_chart(style_figure(fig, "主动公开信息的分类构成（报告写明分类时）"), config=PLOTLY_CONFIG,
                        key="overview_breakdown")
        st.caption("分类合计与总数不一致的报告，在“文档”页的提示中说明。")


def _year_axis(value) -> str:
    return "年份不明" if pd.isna(value) else str(int(value))

