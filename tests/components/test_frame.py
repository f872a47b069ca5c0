"""components/frame.py: records → one DataFrame, sorted by agency and year, with the grouping key, the
short label and the figure's quality added; a missing number stays <NA>, never 0."""

import pandas as pd

from components.frame import ADDED, to_frame
from parsing import parse_text
from parsing.corpus.build import Corpus


def test_the_bundled_reports_in_agency_and_year_order_with_the_added_columns(bundled_corpus):
    frame = to_frame(bundled_corpus)
    assert list(frame.columns[-len(ADDED):]) == ["agency_key", "agency_label", "total_quality", "review_corrected",
                                                 "review_total"]
    # 表四's 行政复议 row (all zero in the 2023 report), missing where there is no 表四
    assert frame["review_total"].tolist() == [pd.NA, pd.NA, pd.NA, pd.NA, 0]
    assert str(frame["review_corrected"].dtype) == "Int64"
    assert list(zip(frame["agency_label"], frame["year"], frame["total_quality"], strict=True)) == [
        ("罗庄区安监", 2018, "stated"), ("张店区安监", 2009, "stated"), ("张店区安监", 2018, "cumulative"),
        ("聊城市安监", 2018, "cumulative"), ("江北水城旅游度假区安监", 2023, "stated")]


def test_an_unnamed_agency_is_keyed_by_its_file_and_a_missing_total_stays_missing():
    parsed = parse_text("政府信息公开工作年度报告\n2019年，我局认真落实《条例》。", file="a.txt")
    frame = to_frame(Corpus(reports=[parsed]))
    row = frame.iloc[0]
    assert row["agency_key"] == "（机构不明）a.txt"
    assert row["agency_label"] == "地区不明"
    assert row["proactive_total"] is pd.NA and row["total_quality"] is None
