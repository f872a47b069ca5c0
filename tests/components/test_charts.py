"""components/charts.py: the overview's pure figure builders (no Streamlit needed) and stable colours."""

import pandas as pd
import pytest

from components.charts import (
    OUTSIDE,
    SELECTED,
    bar_label,
    headline_figures,
    proactive_bars,
    proactive_trend,
    year_counts,
)
from components.style import PALETTE, agency_colors
from parsing.corpus.figures import total_text


@pytest.mark.parametrize(("total", "quality", "shown"), [
    (57, "stated", "57"), (400, "approx", "约400"), (280, "cumulative", "280（累计）"),
    (1000, "conflict", "1,000（冲突）"), (None, None, "未写明"),
])
def test_every_figure_is_labelled_with_its_quality(total, quality, shown):
    assert total_text(total, quality) == shown


def frame():
    return pd.DataFrame([
        {"agency_key": "甲局", "agency_label": "甲", "agency": "甲局", "year": 2019, "year_label": "2019",
         "total": 100, "proactive_total": 100, "total_quality": "stated", "file": "a.txt"},
        {"agency_key": "甲局", "agency_label": "甲", "agency": "甲局", "year": 2020, "year_label": "2020",
         "total": 400, "proactive_total": 400, "total_quality": "approx", "file": "b.txt"},
        {"agency_key": "甲局", "agency_label": "甲", "agency": "甲局", "year": 2021, "year_label": "2021",
         "total": 900, "proactive_total": 900, "total_quality": "cumulative", "file": "c.txt"},
    ])


def test_bars_mark_approximate_and_cumulative_figures_and_explain_them():
    fig = proactive_bars(frame(), {"甲局": "#0b5cad"}, ["2019", "2020", "2021"])
    bars = fig.data[0]
    assert list(bars.text) == ["100", "约400", "900<br>累计"]  # the mark on its own line
    assert list(bars.marker.pattern.shape) == ["", ".", "/"]
    assert [t.name.split("：")[0] for t in fig.data[1:]] == ["点纹", "斜纹"]


def test_trend_joins_plain_figures_unless_asked():
    plain = proactive_trend(frame(), {})
    assert list(plain.data[0].x) == [2019]
    flagged = proactive_trend(frame(), {}, include_flagged=True)
    assert list(flagged.data[0].x) == [2019, 2020, 2021]
    assert list(flagged.data[0].marker.symbol) == ["circle", "circle-open", "circle-open"]


def test_headline_figures_never_sum_years():
    view = frame().assign(agency_key="甲局")
    kpi = headline_figures(view)
    assert kpi["写明总数"] == "3 / 3" and kpi["每份报告中位数"] == "100 条" and kpi["覆盖年份"] == "2019–2021"


def test_agency_colours_do_not_move_when_an_agency_is_added():
    names = ["淄博市张店区安全生产监督管理局", "聊城市安全生产监督管理局", "临沂市罗庄区安全生产监督管理局"]
    before = agency_colors(names)
    after = agency_colors(names + ["临沂市兰山区安全生产监督管理局"])
    assert all(before[n] == after[n] for n in names)
    assert all(c in PALETTE for c in after.values())
    assert not any(len(set(c[4:-1].replace(" ", "").split(","))) == 1 for c in PALETTE)  # no greys


def test_year_counts_colour_the_chosen_range_and_skip_reports_without_a_year(bundled_frame):
    years = pd.concat([bundled_frame["year"], pd.Series([None], dtype="Int64")])  # one report without a year
    fig = year_counts(years, (2018, 2019))
    bars = fig.data[0]
    assert list(bars.x) == [2009, 2018, 2023] and list(bars.y) == [1, 3, 1]
    assert list(bars.marker.color) == [OUTSIDE, SELECTED, OUTSIDE]
    assert list(year_counts(bundled_frame["year"], None).data[0].marker.color) == [SELECTED] * 3


@pytest.mark.parametrize(("total", "quality", "label"), [
    (57, "stated", "57"), (400, "approx", "约400"), (280, "cumulative", "280<br>累计"), (1000, "conflict", "1,000<br>冲突"),
])
def test_a_bar_label_puts_its_mark_on_a_second_line_without_brackets(total, quality, label):
    assert bar_label(total, quality) == label
