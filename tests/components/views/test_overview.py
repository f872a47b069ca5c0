"""components/overview.py (总览): the headline figures and the charts, on the bundled corpus; a report that
states no total is named as a gap, never counted as 0."""

import pytest
from view_helpers import run_view


def test_a_report_without_a_total_is_named_and_left_out_of_the_median(bundled_frame):
    view = bundled_frame.copy()
    view.loc[0, "proactive_total"] = None  # 罗庄区 2018 (57)
    at = run_view("overview", view, {})
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["写明总数"], metrics["每份报告中位数"]) == ("4 / 5", "85 条")  # median of 123 and 47
    assert at.caption[0].value == "未写明主动公开数量（图中空缺，而非 0）：罗庄区安监（2018年）"
    assert [c.proto.id.rsplit("-", 1)[-1] for c in at.get("plotly_chart")] == [
        "overview_bar", "overview_trend", "overview_breakdown"]


def _many_agencies(bundled_frame, n=20):
    """n agencies, each with the bundled 2018 张店区 report's row: agency i states 10·i items in 2018 and
    2019; agency 0 also lists two categories."""
    import pandas as pd

    base = bundled_frame[bundled_frame["file"].str.startswith("002")].iloc[0]
    rows = []
    for i in range(n):
        for year in (2018, 2019):
            row = base.copy()
            row["file"], row["year"], row["proactive_total"] = f"r{i}_{year}.txt", year, 10 * i
            row["agency_key"] = row["agency"] = f"测试市第{i}局"
            row["agency_label"], row["total_quality"] = f"第{i}局", "stated"
            row["proactive_breakdown"] = {"政策文件": 3, "工作动态": 4} if i == 0 else {}
            rows.append(row)
    frame = pd.DataFrame(rows).reset_index(drop=True)
    frame["year"] = frame["year"].astype("Int64")
    frame["proactive_total"] = frame["proactive_total"].astype("Int64")
    return frame


def test_many_agencies_are_a_distribution_per_year_with_n_and_a_top_ten_drawn_alone(bundled_frame):
    import json

    at = run_view("overview", _many_agencies(bundled_frame), {})
    charts = {c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec) for c in at.get("plotly_chart")}
    box = charts["overview_bar"]
    assert [t["type"] for t in box["data"]] == ["box"]  # 20 reports a year: boxes, no 其他 stack
    assert box["layout"]["xaxis"]["ticktext"] == ["2018<br>n=20", "2019<br>n=20"]
    assert sorted(box["data"][0]["y"]) == sorted([10 * i for i in range(20)] * 2)
    assert box["layout"]["yaxis"]["rangemode"] == "tozero"
    median = charts["overview_trend"]["data"][0]
    assert median["y"] == [95, 95] and median["customdata"] == ["20 份报告", "20 份报告"]
    assert charts["overview_trend"]["layout"]["yaxis"]["rangemode"] == "tozero"
    top = charts["overview_top"]["data"][0]
    assert top["y"][::-1] == [f"第{i}局（2018年）" for i in range(19, 9, -1)]  # each at its largest year, alone
    assert top["x"][::-1] == [10 * i for i in range(19, 9, -1)]
    assert not any("其他" in t.get("name", "") for c in charts.values() for t in c["data"])


def test_years_of_fewer_than_five_reports_are_points_not_boxes_nor_line(bundled_frame):
    import json

    import pandas as pd

    frame = _many_agencies(bundled_frame)
    few = frame[frame["year"] == 2019].head(3).assign(year=2020)  # three reports in 2020
    frame = pd.concat([frame, few.assign(file=few["file"] + ".2020")], ignore_index=True)
    frame["year"] = frame["year"].astype("Int64")
    at = run_view("overview", frame, {})
    charts = {c.proto.id.rsplit("-", 1)[-1]: json.loads(c.proto.spec) for c in at.get("plotly_chart")}
    box, points = charts["overview_bar"]["data"]
    assert set(box["x"]) == {"2018", "2019"} and points["x"] == ["2020"] * 3 and points["opacity"] == 0.35
    assert charts["overview_bar"]["layout"]["xaxis"]["ticktext"][-1] == "2020<br>n=3"
    line, faint = charts["overview_trend"]["data"]
    assert line["y"] == [95, 95, None] and faint["y"] == [None, None, 10]  # the 2020 median is not joined
    assert faint["customdata"][-1] == "3 份报告（少于 5 份，仅供参考，不连线）"


def test_many_reports_sum_the_categories_they_state(bundled_frame):
    import json

    frame = _many_agencies(bundled_frame)
    frame["proactive_breakdown"] = [{"政策文件": 3, "工作动态": 4}] * len(frame)  # 40 reports > 30 bars
    at = run_view("overview", frame, {})
    bars = json.loads(at.get("plotly_chart")[-1].proto.spec)["data"][0]
    assert bars["x"] == ["工作动态", "政策文件"]  # largest first
    assert dict(zip(bars["x"], bars["y"], strict=True)) == {"工作动态": 160, "政策文件": 120}


def test_each_reports_categories_stand_on_its_stated_total_with_the_rest_unclassified(bundled_frame):
    """A report stating 57 items of which two categories cover 7: its bar is 57 high, 50 of it 未分类; a report
    whose categories add up to more than its total gets no 未分类 (they are not parts of it)."""
    import json

    view = bundled_frame.copy()
    view["proactive_breakdown"] = [{} for _ in range(len(view))]
    view.at[0, "proactive_breakdown"] = {"政策文件": 3, "工作动态": 4}
    view.at[1, "proactive_breakdown"] = {"政策文件": 500}
    totals = list(view["proactive_total"][:2])
    at = run_view("overview", view, {})
    bars = {t["name"]: t for t in json.loads(at.get("plotly_chart")[-1].proto.spec)["data"]}
    assert list(bars) == ["政策文件", "工作动态", "未分类"]
    assert list(bars["未分类"]["y"]) == [totals[0] - 7] and len(bars["未分类"]["x"]) == 1
    assert bars["未分类"]["x"] == [bars["工作动态"]["x"][0]]  # the rest stands on the first report only
    assert totals[1] < 500



@pytest.mark.parametrize(("n", "shown"), [(5, "5"), (1990, "1,990"), (9999, "9,999"), (10_000, "1万"),
                                          (98_123, "9.8万"), (100_000, "10万"), (123_456, "12.3万")])
def test_kpi_counts_are_compact_from_ten_thousand(n, shown):
    from components.charts import compact

    assert compact(n) == shown


def test_kpis_of_100000_reports_fit_their_columns_at_1280_px(bundled_frame):
    """With the sidebar open at 1280 px the KPI row is ~780 px wide; a value is ~38 px a wide character and
    ~21 px a digit. Each value must fit its column (widths in proportion to the values)."""
    import pandas as pd

    from components.charts import headline_figures
    from components.views.overview import kpi_widths

    big = pd.concat([bundled_frame] * 20_000, ignore_index=True)  # 100,000 reports, 4 agencies
    kpi = headline_figures(big)
    values = [kpi[k] for k in ("报告数", "写明总数", "每份报告中位数", "机构数", "覆盖年份")]
    assert values == ["10万", "10万 / 10万", "57 条", "4", "2009–2023"]
    assert "报告 100,000 份，写明总数的 100,000 份" in kpi["_exact"]
    weights = kpi_widths(values)
    room = 780 - 4 * 18
    for value, weight in zip(values, weights, strict=True):
        width = sum(38 if ord(ch) > 0x2E80 else 21 for ch in value)
        assert width <= room * weight / sum(weights), (value, width, room * weight / sum(weights))
