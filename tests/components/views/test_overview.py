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
