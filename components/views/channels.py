"""公开渠道: which channels each agency uses, and the numbers reports tie to a channel."""

from __future__ import annotations

from itertools import chain

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts import FEW, few_faded_heatmap, line_with_few
from components.export import download
from components.frame import iter_columns
from components.nulls import given, labels
from components.parts import chosen_part
from components.style import PALETTE, PLOTLY_CONFIG, presenting, style_figure, year_label
from parsing.extract.channels import CHANNELS

MAX_ROWS = 25
MAX_REGIONS = 15  # rows of the region heatmap besides 全部: every cell is labelled, and labels cost drawing time
MAX_REGIONS_PRESENT = 6  # when presenting: the rows whose labels fit the first chart's height, upright channel names below


def cell_font() -> int:
    """A heatmap cell's text size: smaller on the projector's 1024 px, where twelve columns of "100%" at
    16 px ran together."""
    return 13 if presenting() else 16
MAX_TABLE_ROWS = 200  # rows of the counts table on screen (each is sent on every rerun)


def _mentions(groups: pd.Series, channels: pd.Series) -> pd.DataFrame:
    """group × channel: how many reports of the group name the channel (each report counted once).

    Counted on codes (an explode of 100,000 lists took about a second per call, and the tab makes three)."""
    lists = [c if isinstance(c, (list, tuple)) else [] for c in channels.tolist()]
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    group_codes, group_names = pd.factorize(pd.Series(groups.to_numpy(), dtype=object))
    flat = list(chain.from_iterable(lists))
    if not flat:
        return pd.DataFrame(index=pd.Index([], dtype=object), columns=pd.Index([], dtype=object), dtype=np.int64)
    channel_codes, channel_names = pd.factorize(pd.Series(flat, dtype=object))
    reports = np.repeat(np.arange(len(lists), dtype=np.int64), lengths)
    keys = np.sort(reports * len(channel_names) + channel_codes)
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]  # each (report, channel) once
    reports, chans = keys // len(channel_names), keys % len(channel_names)
    grouped = group_codes[reports] >= 0  # a report without a group (NaN) is not counted, as groupby drops it
    cells = np.bincount(group_codes[reports][grouped] * len(channel_names) + chans[grouped],
                        minlength=len(group_names) * len(channel_names)).reshape(len(group_names), len(channel_names))
    table = pd.DataFrame(cells, index=pd.Index(group_names, dtype=object), columns=pd.Index(channel_names, dtype=object))
    return table.loc[table.sum(axis=1) > 0]  # the groups with a mention, as the explode gave them


def channel_shares_by_year(view: pd.DataFrame) -> pd.DataFrame:
    """channel × year: the share of that year's reports that name the channel (pure)."""
    dated = view.dropna(subset=["year"])
    if dated.empty:
        return pd.DataFrame()
    years = dated["year"].astype(int)
    per_year = years.value_counts().sort_index()
    shares = (_mentions(years, dated["channels"]).reindex(index=per_year.index, columns=list(CHANNELS), fill_value=0)
              .div(per_year, axis=0))
    table = shares.T.astype(float)
    table.columns = [f"{y}年" for y in per_year.index]
    return table[table.max(axis=1) > 0]


def reports_per_year(view: pd.DataFrame) -> pd.Series:
    """"2018年" → the number of reports of that year (the columns of channel_shares_by_year)."""
    per_year = view["year"].dropna().astype(int).value_counts().sort_index()
    return pd.Series(per_year.values, index=[f"{y}年" for y in per_year.index])


def region_shares(view: pd.DataFrame) -> tuple[str, pd.DataFrame, pd.Series]:
    """Many agencies: region × channel, the share of the region's reports that name the channel (pure).
    By province when the view spans several, else by city, else by agency type; (level name, shares, reports)."""
    levels = [(name, labels(view[column], "（不明）"))
              for column, name in (("province", "省份"), ("city", "城市"), ("agency_type", "机构类型"))]
    name, groups = next(((n, g) for n, g in levels if g.nunique() > 1), levels[-1])
    counts = groups.value_counts()
    shares = (_mentions(groups, view["channels"]).reindex(index=counts.index, columns=list(CHANNELS), fill_value=0)
              .div(counts, axis=0))
    return name, shares, counts


def _region_heatmap(view: pd.DataFrame) -> None:
    level, shares, counts = region_shares(view)
    shares = shares.head(MAX_REGIONS_PRESENT if presenting() else MAX_REGIONS)
    more = len(counts) - len(shares)
    # the first row is every report in view: it replaces the separate per-channel bar chart
    everyone = _mentions(pd.Series(["全部"] * len(view)), view["channels"]).reindex(
        index=["全部"], columns=list(CHANNELS), fill_value=0) / len(view)
    shares = pd.concat([everyone, shares])
    y = [f"全部（{len(view)}份）"] + [f"{g}（{counts[g]}份）" for g in shares.index[1:]]
    pct = (shares * 100).round().astype(int)
    n = [len(view)] + [int(counts[g]) for g in shares.index[1:]]
    fig = go.Figure(few_faded_heatmap(pct.values, list(pct.columns), y, [[f"{v}%" for v in row] for row in pct.values],
                                      n, level, rows=True))
    fig.update_traces(textfont={"size": cell_font()})
    fig.update_xaxes(title="公开渠道", tickangle=-90 if presenting() else -30)  # upright names overlap at 1024 px
    fig.update_yaxes(title=level, autorange="reversed")
    st.plotly_chart(style_figure(fig, f"各{level}提到各公开渠道的报告占比（格内 = 该{level}报告中提到该渠道的比例）",
                                 height=max(380, 110 + 40 * len(y)), fit=True), config=PLOTLY_CONFIG,
                    key="channels_heatmap")
    st.caption(f"机构较多（{view['agency_key'].nunique()} 个）：按{level}汇总" +
               (f"，列出报告最多的 {len(shares) - 1} 个{level}，其余 {more} 个请在左侧选择后查看。" if more else "。") +
               "选择省份、城市或机构即可看到各机构的情况。")


def _agency_heatmap(view: pd.DataFrame, long: pd.DataFrame) -> None:
    reports_per_agency = view.groupby("agency_key").size()
    matrix = (long.groupby(["agency", "channel"]).size().unstack(fill_value=0)
              .reindex(columns=list(CHANNELS), fill_value=0).reindex(reports_per_agency.index, fill_value=0))
    labels = view.drop_duplicates("agency_key").set_index("agency_key")["agency_label"]
    cut = len(matrix) - MAX_REGIONS_PRESENT if presenting() else 0
    if cut > 0:  # the projector: the agencies with the most reports, rows that do not overlap
        matrix = matrix.loc[reports_per_agency.sort_values(ascending=False, kind="stable").index[:MAX_REGIONS_PRESENT]]
    y = [f"{labels[a]}（{reports_per_agency[a]}份）" for a in matrix.index]
    fig = go.Figure(go.Heatmap(z=matrix.values, x=list(matrix.columns), y=y, colorscale="Blues",
                               text=matrix.values, texttemplate="%{text}", textfont={"size": cell_font() + 2},
                               hovertemplate="%{y}<br>%{x}：%{z} 份报告提到<extra></extra>",
                               colorbar={"title": "报告数", "dtick": 1}))
    fig.update_xaxes(title="公开渠道", tickangle=-90 if presenting() else -30)  # upright names overlap at 1024 px
    fig.update_yaxes(title="机构", autorange="reversed")
    st.plotly_chart(style_figure(fig, "各机构使用的公开渠道（格内数字 = 提到该渠道的报告数）",
                                 height=max(380, 110 + 60 * len(y)), fit=True), config=PLOTLY_CONFIG,
                    key="channels_heatmap")
    if cut > 0:
        st.caption(f"演示模式只列出报告最多的 {MAX_REGIONS_PRESENT} 个机构，其余 {cut} 个请关闭演示模式或在左侧选择后查看。")


SECTIONS = ("渠道分布与年度趋势", "写明的渠道数量")


def render(view: pd.DataFrame) -> None:
    if not any(view["channels"].tolist()):
        st.info("当前筛选下的报告没有写明公开渠道。")
        return
    many = view["agency_key"].nunique() > MAX_ROWS
    # one row per (report, channel): only a few agencies' worth is drawn from it
    long = None if many else pd.DataFrame(
        [(r.agency_label, r.agency_key, ch) for r in iter_columns(view, "agency_label", "agency_key", "channels")
         for ch in r.channels], columns=["label", "agency", "channel"])
    # many agencies: two parts (shares and the trend | the stated numbers), each half of the tab's charts
    if many and chosen_part("ch_section", "ch", SECTIONS) == SECTIONS[1]:
        _stated_counts(view)
        return
    if many:
        _region_heatmap(view)  # its 全部 row gives what the per-channel bar chart would
    else:
        _agency_heatmap(view, long)

    trend = channel_shares_by_year(view)
    if trend.shape[1] >= 2:  # at least two years: did 政务新媒体 replace 公开栏 after 2019?
        n = reports_per_year(view)
        # one colour per channel for its line and its faded points alike
        traces = [trace for i, (channel, row) in enumerate(trend.iterrows())
                  for trace in line_with_few(list(trend.columns), [round(v * 100, 1) for v in row.values],
                                             [int(n[c]) for c in trend.columns], channel, unit="% 的报告",
                                             color=PALETTE[i % len(PALETTE)])]
        fig = go.Figure(data=traces)
        fig.update_xaxes(title="年份（n = 报告数）", type="category", tickvals=list(trend.columns),
                         ticktext=[f"{c.removesuffix('年')}<br>n={int(n[c])}" for c in trend.columns])
        fig.update_yaxes(title="提到该渠道的报告占比 %", range=[0, 105])
        st.plotly_chart(style_figure(fig, "各年份提到各渠道的报告占比"), config=PLOTLY_CONFIG, key="channels_trend")
        if (n < FEW).any():
            st.caption(f"n = 该年份的报告数。少于 {FEW} 份报告的年份只画淡色的点、不连线：一两份报告的占比会在 0% 与 100% 之间跳动。")

    if view["agency_key"].nunique() <= MAX_ROWS:
        per_channel = long.groupby("channel").size().reindex(list(CHANNELS), fill_value=0).reset_index(name="报告数")
        fig = go.Figure(go.Bar(x=list(per_channel["channel"]), y=list(per_channel["报告数"]), text=list(per_channel["报告数"]),
                               marker_color="#1f5fa8", textposition="outside", cliponaxis=False))
        fig.update_xaxes(title="公开渠道")
        fig.update_yaxes(title="报告数")
        st.plotly_chart(style_figure(fig, "提到各渠道的报告数"), config=PLOTLY_CONFIG, key="channels_bar")

    if not many:
        _stated_counts(view)


def _stated_counts(view: pd.DataFrame) -> None:
    """The numbers reports tie to one channel (微信 78 条, 新闻发布会 1 场), with their sentences."""
    counts = [{"机构": r.agency_label, "年份": year_label(r.year), "渠道": ch, "数量": n,
               "原文": given(given(r.evidence, {}).get(f"channel_counts.{ch}"), {}).get("text", "")}
              for r in iter_columns(view, "agency_label", "year", "channel_counts", "evidence")
              for ch, n in given(r.channel_counts, {}).items()]
    st.subheader("报告中写明的渠道数量")
    if not counts:
        st.caption("当前筛选下的报告没有把具体数字对应到某一个渠道。")
        return
    table = pd.DataFrame(counts)
    if len(table) > MAX_ROWS:
        summary = table.groupby("渠道")["数量"].agg(["count", "median", "sum"]).reindex(
            [c for c in CHANNELS if c in set(table["渠道"])])
        fig = go.Figure(go.Bar(x=list(summary.index), y=list(summary["median"]), text=list(summary["count"]),
                               texttemplate="%{y} （%{text}份）", textposition="outside", cliponaxis=False))
        fig.update_yaxes(title="数量（中位数）")
        st.plotly_chart(style_figure(fig, "渠道数量：各报告的中位数（括号内为写明数量的报告数）"),
                        config=PLOTLY_CONFIG, key="channels_counts")
        if len(table) > MAX_TABLE_ROWS:
            st.caption(f"共 {len(table)} 条，下表列出前 {MAX_TABLE_ROWS} 条；全部在 CSV 中。")
        st.dataframe(table.head(MAX_TABLE_ROWS), hide_index=True)
        download(st, "下载渠道数量（CSV）", table, "渠道数量.csv", key="channel_counts_csv")
        return
    fig = go.Figure()
    for report, part in table.assign(报告=table["机构"] + " " + table["年份"]).groupby("报告", sort=True):
        fig.add_bar(x=list(part["渠道"]), y=list(part["数量"]), name=report, text=list(part["数量"]),
                    textposition="outside", cliponaxis=False)
    fig.update_layout(barmode="group", legend_title_text="报告")
    fig.update_xaxes(title="渠道")
    fig.update_yaxes(title="数量")
    st.plotly_chart(style_figure(fig, "渠道数量（如新闻发布会场次、微信发布条数）"), config=PLOTLY_CONFIG,
                    key="channels_counts")
    st.dataframe(table, hide_index=True)

