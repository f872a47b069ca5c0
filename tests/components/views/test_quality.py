"""components/quality.py (质量检查): a check's outcome (a broken rule by its severity), and the view's counts."""

from view_helpers import run_view

from components.views.quality import outcome


def test_a_broken_rule_counts_by_its_severity():
    assert outcome({"status": "PASS"}) == "PASS"
    assert outcome({"status": "NOT_ASSESSABLE", "severity": "WARN"}) == "NOT_ASSESSABLE"
    assert outcome({"status": "FAIL", "severity": "WARN"}) == "WARN"
    assert outcome({"status": "FAIL"}) == "FAIL"  # no severity given: 不符


def test_the_template_report_alone_passes_or_cannot_be_judged(bundled_frame):
    template = bundled_frame[bundled_frame["format"] == "template2019"]
    at = run_view("quality", template)
    # 表三 lacks its 总计 column: every table rule that needs it cannot be judged; nothing fails
    assert {m.label: m.value for m in at.metric} == {"通过": "22", "不符": "0", "警告": "0", "提示": "1",
                                                      "无法判断": "29"}
    table = next(d.value for d in at.dataframe if "原文" in d.value.columns)
    assert set(table["报告"]) == {"江北水城旅游度假区安监 2023"}
