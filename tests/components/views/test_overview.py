"""components/overview.py (总览): the headline figures and the charts, on the bundled corpus; a report that
states no total is named as a gap, never counted as 0."""

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


def test_many_agencies_are_the_top_ten_plus_the_rest_summed(bundled_frame):
    import json

    at = run_view("overview", _many_agencies(bundled_frame), {})
    bar = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    assert [t["name"] for t in bar] == [f"第{i}局" for i in range(19, 9, -1)] + ["其他（10个机构）"]
    assert bar[0]["x"] == ["2018", "2019"] and list(bar[0]["y"]) == [190, 190]
    assert list(bar[-1]["y"]) == [450, 450]  # 10·(0 + 1 + … + 9) in each year


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
