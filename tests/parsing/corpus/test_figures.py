"""parsing/corpus/figures.py: how a figure is labelled (57 / 约400 / 280（累计） / 1,000（冲突） / 未写明) and
how far it can be trusted, one rule for the charts, the tables and the brief."""

import pytest

from parsing.corpus.figures import agency_label, total_quality, total_text


def test_total_text_names_the_quality_of_the_figure():
    assert total_text(280, "cumulative") == "280（累计）"
    assert total_text(400, "approx") == "约400"
    assert total_text(None, None) == "未写明"
    assert total_text(1000, "conflict") == "1,000（冲突）"
    assert total_text(57, "stated") == "57"
    assert total_text(float("nan"), None) == "未写明"  # a missing cell of a table


@pytest.mark.parametrize(("row", "quality"), [
    ({"proactive_total": None}, None),
    ({"proactive_total": 57}, "stated"),
    ({"proactive_total": 400, "proactive_total_approx": True}, "approx"),
    ({"proactive_total": 280, "proactive_total_cumulative": True}, "cumulative"),
    ({"proactive_total": 124, "proactive_total_approx": True, "warnings": ["冲突：与“b.txt”是同一机构同一年份的不同文件"]},
     "conflict"),
], ids=["missing", "stated", "approx", "cumulative", "conflict-first"])
def test_total_quality(row, quality):
    assert total_quality(row) == quality


def test_agency_label_is_the_smallest_place_plus_the_kind():
    assert agency_label({"district": "张店区", "city": "淄博市", "agency_type": "安监"}) == "张店区安监"
    assert agency_label({"district": None, "city": "聊城市", "agency_type": "安监"}) == "聊城市安监"
    assert agency_label({"agency_type": None}) == "地区不明"


@pytest.mark.parametrize(("tables", "expected"), [
    ({"表四": {"rows": {"行政复议": [3, 2, 0, 1, 6]}}}, (2, 6)),  # 结果纠正, 总计
    ({"表四": {"rows": {"行政复议": [3, None, 0, 1, 6]}}}, (None, None)),  # a blank cell: no rate from it
    ({"表四": {"rows": {"行政复议": [3, 2, 0]}}}, (None, None)),  # a row cut short
    ({"表四": {"rows": {}}}, (None, None)), ({}, (None, None)), (None, (None, None)),
])
def test_review_figures_read_table_four_or_nothing(tables, expected):
    from parsing.corpus.figures import review_figures

    assert review_figures(tables) == expected
