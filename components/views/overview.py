"""总览: KPIs, proactive-disclosure totals by agency and year, trends, category breakdowns."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts import FADED, FEW, headline_figures, line_with_few, proactive_bars, proactive_trend
from components.frame import iter_columns
from components.nulls import given, missing
from components.style import PLOTLY_CONFIG, md_escape, presenting, style_figure, year_label
from parsing.extract.proactive import unclassified

MAX_AGENCIES = 15  # beyond this the per-agency bars and lines are aggregated
TOP_AGENCIES = 10
MAX_REPORT_BARS = 30
UNCLASSIFIED = "未分类"


# what the summed charts read: with many agencies only these columns are copied with the rows that state a total
AGGREGATED_COLUMNS = ["agency_key", "agency_label", "year", "proactive_total", "total_quality"]


def render(view: pd.DataFrame, colors: dict[str, str]) -> None:
    stated = view["proactive_total"].notna()
    kpi = headline_figures(view)
    helps = {
        "报告数": "当前筛选下的报告份数。" + kpi["_exact"],
        "写明总数": "写明了本年度主动公开数量的报告 / 全部报告。未写明的报告不计为 0。" + kpi["_exact"],
        "每份报告中位数": f"每份报告主动公开条数的中位数（{kpi['_n']} 份报告），只用写明的确切数字（不含约数、累计数和冲突文件）。"
                          "各年：" + (kpi["_per_year"] or "无"),
        "机构数": "当前筛选下的机构数。" + kpi["_exact"],
        "覆盖年份": "报告所述年度的范围。不同年份的数量从不相加。",
    }
    cols = st.columns(kpi_widths([kpi[name] for name in helps]))
    for col, name in zip(cols, helps, strict=True):
        col.metric(name, kpi[name], help=helps[name])
    # the notes under the KPIs; when presenting, folded under the first chart, which stays above the fold
    if presenting():
        first = st.container()
        notes = st.expander("说明：未写明数量的报告与图例", expanded=False)
    else:
        notes, first = st.container(), st.container()
    if not stated.all():
        gaps = [f"{r.agency_label}（{year_label(r.year)}）" for r in iter_columns(view, "agency_label", "year", "proactive_total")
                if missing(r.proactive_total)]
        more = f" 等 {len(gaps)} 份" if len(gaps) > 20 else ""
        notes.caption(f"未写明主动公开数量（图中空缺，而非 0）：{md_escape('、'.join(gaps[:20]))}{more}")

    if not stated.any():
        st.info("当前筛选下没有写明主动公开数量的报告。")
    else:
        agencies = view.loc[stated, "agency_key"].nunique()
        known = (view[AGGREGATED_COLUMNS] if agencies > MAX_AGENCIES else view)[stated]
        data = known.assign(year_label=year_axis(known["year"]), total=known["proactive_total"].astype(int))
        years = sorted(data["year_label"].unique())
        if agencies > MAX_AGENCIES:
            _aggregated(data, years, colors, first)
            _breakdown(view)
            return
        if int(kpi["_flagged"]):
            notes.caption("图中带纹理的柱子不是确切的本年度数字：点纹为约数，斜纹为“累计”，叉纹为同一机构同年的两份冲突文件"
                       "（并排显示，不相加）。")
        fig = proactive_bars(data, colors, years)
        first.plotly_chart(style_figure(fig, "各机构各年度主动公开政府信息数量（条）", fit=True), config=PLOTLY_CONFIG,
                           key="overview_bar")
        include = st.toggle("趋势线包括约数和累计数", key="trend_flagged",
                            help="默认只连写明的确切数字；打开后约数、累计数以空心点加入。冲突文件始终只标叉、不连线。")
        fig = proactive_trend(data, colors, include_flagged=include)
        st.plotly_chart(style_figure(fig, "主动公开数量的年度变化（按机构" + ("，含约数和累计数）" if include else "，仅确切数字）")),
                        config=PLOTLY_CONFIG, key="overview_trend")

    _breakdown(view)


def kpi_widths(values: list[str]) -> list[float]:
    """The KPI columns' widths in proportion to their values (a wide CJK character counts twice), at least a
    label's room: a long value ("1,990 / 2,000") was cut in an equal column while "4" had room to spare."""
    return [max(4.0, sum(2 if ord(ch) > 0x2E80 else 1 for ch in value)) for value in values]


def _aggregated(data: pd.DataFrame, years: list[str], colors: dict[str, str], first=st) -> None:
    """Many agencies: the distribution of the reports' figures in each year (a box where the year has FEW or
    more reports, the points themselves where it has fewer), the median line with its n, and the agencies
    with the largest figures drawn alone, each at its own year. Nothing is summed across agencies or years
    ("前10个机构 + 其他" was a grey wall of 97 % 其他 that answered no question).

    Only plain figures are drawn: approximate, cumulative and conflicting figures are named in the caption."""
    data = data[data["total_quality"] == "stated"]
    if data.empty:
        first.info("当前筛选下没有写明确切本年度数字的报告（只有约数、累计数或冲突文件）。")
        return
    n = data.groupby("year_label")["total"].size().reindex(years).dropna().astype(int)
    shown = [y for y in years if y in n.index]
    ticks = {"tickvals": shown, "ticktext": [f"{y}<br>n={n[y]}" for y in shown]}
    many = data[data["year_label"].map(n) >= FEW]
    few = data[data["year_label"].map(n) < FEW]
    fig = go.Figure()
    if not many.empty:
        fig.add_box(x=list(many["year_label"]), y=[int(v) for v in many["total"]], name=f"{FEW} 份以上报告的年份",
                    boxpoints="outliers", marker_color="#1f5fa8", line={"width": 2},
                    hovertemplate="%{x}年<br>%{y} 条<extra></extra>")
    if not few.empty:
        fig.add_scatter(x=list(few["year_label"]), y=[int(v) for v in few["total"]], mode="markers",
                        name=f"少于 {FEW} 份报告的年份（逐份画点）", opacity=FADED,
                        marker={"size": 11, "color": "#1f5fa8"}, text=list(few["agency_label"]),
                        hovertemplate="%{text}<br>%{x}年：%{y} 条<extra></extra>")
    fig.update_xaxes(title="年份（n = 写明确切数字的报告数）", type="category", categoryorder="array",
                     categoryarray=shown, **ticks)
    fig.update_yaxes(title="每份报告主动公开条数", rangemode="tozero")
    fig.update_layout(showlegend=True)
    first.plotly_chart(style_figure(fig, "各年度每份报告的主动公开数量分布（箱线：中间 50% 的报告与中位数）", height=520, fit=True),
                    config=PLOTLY_CONFIG, key="overview_bar")

    medians = data.groupby("year_label")["total"].median().reindex(shown)
    traces = line_with_few(shown, [int(round(v)) for v in medians], [int(n[y]) for y in shown], "中位数", unit=" 条")
    traces[0].update(mode="lines+markers+text", textposition="top center",
                     text=[f"{int(round(v)):,}" if n[y] >= FEW else "" for y, v in zip(shown, medians, strict=True)])
    fig = go.Figure(data=traces)
    fig.update_xaxes(title="年份（n = 写明确切数字的报告数）", type="category", **ticks)
    fig.update_yaxes(title="每份报告主动公开条数（中位数）", rangemode="tozero")
    st.plotly_chart(style_figure(fig, "主动公开数量的年度变化（各报告的中位数）"), config=PLOTLY_CONFIG,
                    key="overview_trend")

    top = data.sort_values(["total", "agency_label"], ascending=[False, True]).drop_duplicates("agency_key")
    top = top.head(TOP_AGENCIES).iloc[::-1]
    fig = go.Figure(go.Bar(x=[int(v) for v in top["total"]], y=[f"{a}（{y}年）" for a, y in
                                                               zip(top["agency_label"], top["year_label"], strict=True)],
                           orientation="h", marker_color=[colors.get(a, "#1f5fa8") for a in top["agency_key"]],
                           text=[f"{int(v):,}" for v in top["total"]], textposition="outside", cliponaxis=False,
                           customdata=list(top["agency_key"]),
                           hovertemplate="%{customdata}<br>%{y}：%{x} 条<extra></extra>"))
    fig.update_xaxes(title="主动公开条数（该机构写明的最大的一年）", rangemode="tozero")
    st.plotly_chart(style_figure(fig, f"主动公开数量最多的 {len(top)} 个机构（各取其最大的一年，不跨年相加）",
                                 height=max(360, 60 + 34 * len(top))), config=PLOTLY_CONFIG, key="overview_top")
    st.caption(f"机构较多时画出分布而非逐个机构；少于 {FEW} 份报告的年份逐份画点、不连中位数线。"
               "选择城市、区县或机构即可看到每个机构的柱子和趋势线。")


def _breakdown(view: pd.DataFrame) -> None:
    stated = [b for b in view["proactive_breakdown"] if b]
    if len(stated) > MAX_REPORT_BARS:  # many reports: the categories summed, without one label per report
        sums: dict[str, float] = {}
        for breakdown in stated:  # one loop (a Counter.update of a filtered copy per report cost twice as much)
            for cat, n in breakdown.items():
                if isinstance(n, (int, float)):
                    sums[cat] = sums.get(cat, 0) + n
        table = pd.Series(sums).sort_index().nlargest(15)
        fig = go.Figure(go.Bar(x=list(table.index), y=list(table.values), text=list(table.values)))
        fig.update_yaxes(title="条数（各报告合计）")
        st.plotly_chart(style_figure(fig, "主动公开信息的分类（各报告合计，前15类）"), config=PLOTLY_CONFIG,
                        key="overview_breakdown")
        return
    rows = []
    for r in iter_columns(view, "agency_label", "year", "proactive_breakdown", "proactive_total",
                          "proactive_total_approx", "proactive_total_cumulative"):
        label = f"{r.agency_label} {year_label(r.year)}"
        breakdown = given(r.proactive_breakdown, {})
        rows += [{"报告": label, "类别": cat, "条数": n} for cat, n in breakdown.items()]
        # the stated total's uncovered rest, so each report's bar is as tall as its total
        rest = unclassified(None if pd.isna(r.proactive_total) else r.proactive_total, breakdown,
                            r.proactive_total_approx is True, r.proactive_total_cumulative is True)
        if rest:
            rows.append({"报告": label, "类别": UNCLASSIFIED, "条数": rest})
    if rows:
        table = pd.DataFrame(rows)
        fig = go.Figure()
        for cat, part in table.groupby("类别", sort=False):
            grey = {"marker_color": "#d0d0d0"} if cat == UNCLASSIFIED else {}
            fig.add_bar(x=list(part["报告"]), y=list(part["条数"]), name=cat, text=list(part["条数"]), **grey)
        fig.update_layout(barmode="stack", legend_title_text="类别")
        fig.update_xaxes(title="报告")
        fig.update_yaxes(title="条数")
        st.plotly_chart(style_figure(fig, "主动公开信息的分类构成（报告写明分类时）"), config=PLOTLY_CONFIG,
                        key="overview_breakdown")
        st.caption(f"每根柱子的高度是报告写明的主动公开总数，分类没有覆盖的部分为“{UNCLASSIFIED}”；"
                   "分类合计与总数不一致的报告，在“文档”页的提示中说明。")


def year_axis(years: pd.Series) -> pd.Series:
    """2018 → "2018", a missing year → 年份不明; one conversion per distinct year, not per report."""
    labels = {y: str(int(y)) for y in years.dropna().unique()}
    return years.map(labels).astype(object).where(years.notna(), "年份不明")

