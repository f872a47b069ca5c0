"""components/applications.py (依申请与复议诉讼): totals and rates by year, and the view on the bundled corpus."""

import pandas as pd
from view_helpers import run_view

from components.views.applications import yearly_summary


def test_rates_are_computed_only_where_there_is_a_denominator():
    # 表四's 行政复议 row [1, 1, 0, 0, 2]: 1 corrected of 2 (parsing.corpus.figures.review_figures)
    view = pd.DataFrame([
        {"year": 2021, "applications_received": 40, "reconsideration": 2, "litigation": 1, "review_corrected": 1,
         "review_total": 2},
        {"year": 2021, "applications_received": None, "reconsideration": 0, "litigation": 0,
         "review_corrected": None, "review_total": None},
        {"year": 2022, "applications_received": 0, "reconsideration": 0, "litigation": 0, "review_corrected": None,
         "review_total": None},
    ]).astype({"review_corrected": "Int64", "review_total": "Int64"})
    summary = yearly_summary(view)
    assert summary.iloc[0].to_dict() == {
        "年份": "2021年", "报告数": 2, "写明申请数的报告": 1, "收到申请": 40, "行政复议": 2, "行政诉讼": 1,
        "每百件申请的复议": 5.0, "每百件申请的诉讼": 2.5, "复议纠错率": "50%"}
    assert summary.iloc[1][["年份", "收到申请"]].tolist() == ["2022年", 0]
    assert summary.iloc[1][["每百件申请的复议", "复议纠错率"]].isna().all()  # no applications: no rate


def test_the_view_shows_each_reports_figures(bundled_frame):
    at = run_view("applications", bundled_frame)
    per_report = at.dataframe[1].value
    zone = per_report[per_report["机构"] == "江北水城旅游度假区安监"].iloc[0]
    assert (zone["年份"], zone["格式"], zone["本年新收申请"]) == (2023, "国家模板（2019年起）", 0)


def test_a_long_view_lists_its_first_reports_and_sums_instead_of_drawing_barcodes(bundled_frame, monkeypatch):
    from components.views import applications

    monkeypatch.setattr(applications, "MAX_TABLE_ROWS", 2)
    monkeypatch.setattr(applications, "MAX_REPORT_BARS", 0)
    at = run_view("applications", bundled_frame)
    assert len(at.dataframe[1].value) == 2
    captions = [c.value for c in at.caption]
    assert any("共 5 份报告，下表列出前 2 份" in c for c in captions)
    assert any("带表三的报告超过 0 份（当前筛选下国家模板报告共 1 份）" in c for c in captions)
    assert not at.get("plotly_chart")
