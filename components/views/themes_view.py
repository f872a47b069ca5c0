"""问题主题: which problems agencies keep reporting and which measures they promise, by year and region,
with the sentences behind every cell; problems paired with the measures that answer them; boilerplate."""

from __future__ import annotations

from itertools import chain

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.charts import few_faded_heatmap
from components.export import download
from components.frame import iter_columns, view_key
from components.nulls import given
from components.parts import chosen_part
from components.style import PLOTLY_CONFIG, sentence_column, sentence_rows, style_figure, year_label
from parsing.analysis.themes import shared_sentences, tag, themes

SIDES = {"problem": "存在的问题", "measure": "改进措施"}
SIDE_NAMES = list(SIDES)
MAX_BOILERPLATE_REPORTS = 400


ROW_COLUMNS = ["file", "agency_key", "机构", "year", "年份", "省份", "side", "code", "主题", "句子"]


def theme_rows(view: pd.DataFrame) -> pd.DataFrame:
    """One row per (report, side, theme, sentence). Pure: a frame in, a frame out.

    Built column by column: a report's own columns are repeated by index as categories (a dict per hit and
    a year label per hit cost 4 s of 6 at 100,000 reports)."""
    blocks, owners, block_sides = [], [], []  # each report-side's hits, whose report (row of view), which side
    for i, (problems, measures) in enumerate(zip(view["problems"].tolist(), view["measures"].tolist(), strict=True)):
        for side, text in ((0, problems), (1, measures)):
            hits = tag(text, SIDE_NAMES[side])
            if hits:
                blocks.append(hits)
                owners.append(i)
                block_sides.append(side)
    counts = np.fromiter(map(len, blocks), dtype=np.int64, count=len(blocks))
    at = np.repeat(np.array(owners, dtype=np.int64), counts)
    flat = list(chain.from_iterable(blocks))
    years = view["year"].to_numpy(dtype=object, na_value=None)

    def repeated(values) -> pd.Categorical:
        per_report, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=False)
        return pd.Categorical.from_codes(per_report[at], categories=pd.Index(uniques, dtype=object))

    return pd.DataFrame({
        "file": repeated(view["file"].tolist()), "agency_key": repeated(view["agency_key"].tolist()),
        "机构": repeated(view["agency_label"].tolist()),
        "year": pd.array(view["year"].to_numpy(dtype=object, na_value=pd.NA)[at], dtype="Int64"),
        "年份": repeated([year_label(y) for y in years]),
        "省份": repeated([given(p, "（不明）") for p in view["province"].tolist()]),
        "side": pd.Categorical.from_codes(np.repeat(np.array(block_sides, dtype=np.int8), counts), SIDE_NAMES),
        "code": pd.Categorical([h.code for h in flat]), "主题": pd.Categorical([h.name for h in flat]),
        "句子": pd.Series([h.sentence for h in flat], dtype=object)}, columns=ROW_COLUMNS)


def prevalence(view: pd.DataFrame, rows: pd.DataFrame, side: str) -> pd.DataFrame:
    """Share of reports (that have this part) mentioning each theme, per year: theme × year."""
    part = "problems" if side == "problem" else "measures"
    with_part = view[view[part].fillna("").str.len() > 0]
    per_year = with_part.groupby(with_part["year"].map(year_label))["file"].nunique()
    hits = rows[rows["side"] == side].drop_duplicates(["file", "code"])
    counts = hits.groupby(["主题", "年份"])["file"].nunique().unstack(fill_value=0)
    counts = counts.reindex(columns=per_year.index, fill_value=0)
    return counts.div(per_year, axis=1).fillna(0.0), counts, per_year


def pairs(rows: pd.DataFrame) -> pd.DataFrame:
    """Problems paired with the measure that answers them in the same report (themes.csv: answers)."""
    answers = {t.code: t.answers for t in themes() if t.side == "measure" and t.answers}
    names = {t.code: t.name for t in themes()}
    problems = rows[rows["side"] == "problem"][["file", "code"]].drop_duplicates()
    measures = rows[rows["side"] == "measure"][["file", "code"]].drop_duplicates()
    out = []
    for code, group in problems.groupby("code"):
        answering = {m for m, p in answers.items() if p == code}
        files = set(group["file"])
        answered = set(measures[measures["code"].isin(answering)]["file"]) & files
        out.append({"问题主题": names.get(code, code), "报告数": len(files), "同一报告有对应措施": len(answered),
                    "对应措施主题": "、".join(names[m] for m in sorted(answering)) or "—"})
    return pd.DataFrame(out).sort_values("报告数", ascending=False) if out else pd.DataFrame()


@st.cache_resource(max_entries=8, show_spinner="正在归纳问题主题……")
def _rows(view_key: str, _view: pd.DataFrame) -> pd.DataFrame:
    """Shared by every session with this view (never changed in place: the view filters copies of it);
    st.cache_data pickled its 500,000 rows on every open at 100,000 reports (0.9 s)."""
    return theme_rows(_view)


SECTIONS = ("主题分布与原文句子", "问题与措施、套话")  # two parts: each draws about half of the tab


def render(view: pd.DataFrame) -> None:
    key = view_key(view)
    rows = _rows(key, view)
    if rows.empty:
        st.info("当前筛选下的报告没有可识别主题的“存在的问题”或“改进措施”部分。")
        return
    if chosen_part("theme_section", "tp", SECTIONS) == SECTIONS[1]:
        _pairs_and_boilerplate(view, rows)
        return
    side = st.radio("部分", list(SIDES), format_func=SIDES.get, horizontal=True, key="theme_side")
    share, counts, per_year = prevalence(view, rows, side)
    if not share.empty:
        text = [[f"{int(c)}/{int(per_year[y])}" for y, c in row.items()] for _t, row in counts.iterrows()]
        fig = go.Figure(few_faded_heatmap(share.values * 100, list(share.columns), list(share.index), text,
                                          [int(per_year[y]) for y in share.columns], "年份"))
        fig.update_xaxes(title="年份（n = 有这一部分的报告数）", type="category", tickvals=list(share.columns),
                         ticktext=[f"{y}<br>n={int(per_year[y])}" for y in share.columns])
        st.plotly_chart(style_figure(fig, f"{SIDES[side]}的主题：各年份提到该主题的报告占比",
                                     height=max(420, 36 * len(share) + 140), fit=True), config=PLOTLY_CONFIG,
                        key="theme_heat")
    names = sorted(rows[rows["side"] == side]["主题"].unique())
    wanted = st.query_params.get("theme")
    chosen = st.selectbox("查看主题的原文句子", names, index=names.index(wanted) if wanted in names else 0,
                          key="theme_pick")
    st.query_params["theme"] = chosen
    sentences = rows[(rows["side"] == side) & (rows["主题"] == chosen)]
    grouped = (sentences.groupby("句子").agg(报告数=("file", "nunique"),
                                             报告=("机构", lambda s: "、".join(sorted(set(s)))),
                                             年份=("年份", lambda s: "、".join(sorted(set(s)))))
               .reset_index().sort_values(["报告数", "句子"], ascending=[False, True]))
    st.dataframe(grouped[["报告数", "年份", "报告", "句子"]], hide_index=True,
                 row_height=sentence_rows(grouped["句子"]), column_config={"句子": sentence_column()})
    download(st, "下载这些句子（CSV）", grouped, f"主题_{chosen}.csv", key="theme_csv")


def _pairs_and_boilerplate(view: pd.DataFrame, rows: pd.DataFrame) -> None:
    """The tab's second part: problems paired with the measures that answer them, and shared sentences."""
    st.subheader("问题与对应的改进措施")
    table = pairs(rows)
    if not table.empty:
        st.dataframe(table, hide_index=True)
        st.caption("“同一报告有对应措施”：报告在存在的问题中提到该主题，并在改进措施中写了回应它的措施主题。")

    st.subheader("多份报告共用的句子（套话）")
    if view["file"].nunique() > MAX_BOILERPLATE_REPORTS:
        st.caption(f"报告超过 {MAX_BOILERPLATE_REPORTS} 份时请先筛选（按年份或地区）再查看共用句子。")
        return
    texts = {f"{r.agency_label} {year_label(r.year)}": given(r.problems, "") + "\n" + given(r.measures, "")
             for r in iter_columns(view, "agency_label", "year", "problems", "measures")}
    shared = shared_sentences(texts)
    if not shared:
        st.caption("当前筛选下没有几份报告共用的句子。")
        return
    st.dataframe(pd.DataFrame([{"报告数": len(labels), "句子": s, "报告": "、".join(labels)} for s, labels in shared]),
                 hide_index=True, row_height=sentence_rows(s for s, _labels in shared),
                 column_config={"句子": sentence_column()})
