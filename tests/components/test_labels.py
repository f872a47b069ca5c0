"""components/labels.py: the one table of labels the UI and the exports show."""

from components.labels import (
    EXPORT_COLUMNS,
    FIELD_LABELS,
    FORMAT_LABELS,
    FRAME_COLUMNS,
    QUALITY_LABELS,
    STATUS_LABELS,
    STATUS_WORDS,
)


def test_field_and_frame_column_labels():
    assert FIELD_LABELS["proactive_total"] == "主动公开条数"
    assert FIELD_LABELS["agency_label"] == "机构简称"
    assert list(EXPORT_COLUMNS.items())[-3:] == [("total_quality", "主动公开数字质量"), ("source", "来源"), ("sha256", "sha256")]
    assert set(FRAME_COLUMNS) <= set(FIELD_LABELS)


def test_format_quality_and_status_labels():
    assert FORMAT_LABELS == {"prose": "文字叙述（2019年前）", "template2019": "国家模板（2019年起）"}
    assert QUALITY_LABELS["cumulative"] == "累计"
    assert STATUS_LABELS["NOT_ASSESSABLE"] == "○ 无法判断"
    assert list(STATUS_LABELS) == list(STATUS_WORDS)  # the metrics and the table name the same outcomes
    assert all(label.endswith(STATUS_WORDS[k]) for k, label in STATUS_LABELS.items())
