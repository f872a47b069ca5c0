"""parsing/template/checklist.py: every rule of parsing/data/rules.toml passes on one written case and fails
on another."""

import pytest
from conftest import seed

from parsing import parse_text
from parsing.corpus.build import Corpus, finish
from parsing.pipeline import parse_file
from parsing.template.checklist import rules

P = pytest.param
GOOD_PROSE = ("淄博市张店区安全生产监督管理局2015年政府信息公开工作年度报告\n"
              "本报告所列数据的统计期限自2015年1月1日起至2015年12月31日止。\n"
              "2015年，我局主动公开政府信息86条。\n"
              "五、存在的主要问题及改进措施\n信息更新不够及时。\n下一步，我局将及时更新网站内容。\n"
              "淄博市张店区安全生产监督管理局\n2016年3月20日")


def result(text: str, rule_id: str) -> dict | None:
    return next((c for c in parse_text(text).record.checks if c.get("rule_id") == rule_id), None)


CASES = [
    # rule id, text that passes, text that fails
    P("TOTAL-GIVEN", GOOD_PROSE, GOOD_PROSE.replace("主动公开政府信息86条", "认真做好主动公开"), id="total-given"),
    P("PERIOD-STATED", GOOD_PROSE, GOOD_PROSE.replace("本报告所列数据的统计期限自2015年1月1日起至2015年12月31日止。\n", ""),
      id="period-stated"),
    P("PERIOD-YEAR", GOOD_PROSE, GOOD_PROSE.replace("至2015年12月31日", "至2016年6月30日"), id="period-year"),
    P("TITLE-YEAR", GOOD_PROSE, GOOD_PROSE.replace("管理局2015年政府信息公开", "管理局2014年政府信息公开"), id="title-year"),
    P("DEADLINE", GOOD_PROSE, GOOD_PROSE.replace("2016年3月20日", "2016年5月20日"), id="deadline"),
    P("BOILERPLATE-PROBLEMS", GOOD_PROSE, GOOD_PROSE.replace("信息更新不够及时。", "与上级要求相比仍存在一定差距。"),
      id="boilerplate"),
    P("PROBLEMS-ANSWERED", GOOD_PROSE, GOOD_PROSE.replace("及时更新网站内容", "加强组织领导"), id="answered"),
]


@pytest.mark.parametrize(("rule_id", "good", "bad"), CASES)
def test_rule_passes_on_one_case_and_fails_on_another(rule_id, good, bad):
    assert result(good, rule_id)["status"] == "PASS"
    broken = result(bad, rule_id)
    assert broken["status"] == "FAIL" and broken["basis"] and broken["severity"] in ("WARN", "INFO", "FAIL")


def test_deadline_for_departments_under_the_2019_regulation_is_31_january():
    text = GOOD_PROSE.replace("2015", "2020").replace("2016年3月20日", "2021年2月20日")
    broken = result(text, "DEADLINE")
    assert broken["status"] == "FAIL" and "2021年1月31日" in broken["detail"]
    assert result(text.replace("2021年2月20日", "2021年1月20日"), "DEADLINE")["status"] == "PASS"


def test_no_date_is_not_assessable_rather_than_a_failure():
    assert result(GOOD_PROSE.replace("\n2016年3月20日", ""), "DEADLINE")["status"] == "NOT_ASSESSABLE"


def test_article_50_applies_to_governments_only():
    gov = "淄博市张店区人民政府2020年政府信息公开工作年度报告\n2020年，主动公开政府信息300条。"
    assert result(gov, "ARTICLE-50")["status"] == "FAIL"
    assert result(gov + "\n全区政务公开考核结果已公布。", "ARTICLE-50")["status"] == "PASS"
    assert result(GOOD_PROSE, "ARTICLE-50") is None  # a department is exempt


def test_template_sections_and_table_two_layout():
    record = parse_file(seed("004")).record
    by_id = {c["rule_id"]: c for c in record.checks}
    assert by_id["SECTIONS"]["status"] == "PASS"
    assert by_id["T2-LAYOUT"]["status"] == "PASS"  # a 2023 report with the 2021 layout
    text = seed("004").read_text(encoding="utf-8").replace("2023", "2020")
    layout = result(text, "T2-LAYOUT")
    assert layout["status"] == "FAIL" and "应为2019版" in layout["detail"]
    swapped = seed("004").read_text(encoding="utf-8").replace("一、总体情况", "一、其他情况")
    assert result(swapped, "SECTIONS")["status"] == "FAIL"


def test_a_bundled_report_copied_with_its_year_changed_is_flagged_as_carried_over():
    src = seed("004").read_text(encoding="utf-8")
    this_year = parse_text(src, file="2023.txt")
    copied = parse_text(src.replace("2023", "2024"), file="2024.txt")
    corpus = Corpus(reports=[this_year, copied])
    finish(corpus)
    flagged = {c["rule_id"]: c for c in copied.record.checks}
    assert flagged["COPIED-TABLES"]["status"] == "FAIL" and "与 2023 年报告相同" in flagged["COPIED-TABLES"]["detail"]
    assert flagged["SIMILAR-PROBLEMS"]["status"] == "FAIL"
    assert "COPIED-TABLES" not in {c["rule_id"] for c in this_year.record.checks}


def test_no_blank_or_slash_cell_becomes_a_false_fail():
    record = parse_file(seed("004")).record
    table = [c for c in record.checks if c["rule_id"].startswith(("T3", "T4"))]
    assert {c["status"] for c in table} <= {"PASS", "NOT_ASSESSABLE"}


def test_the_rule_file_has_at_least_17_rules_each_with_its_own_id():
    # the docs' rule table is checked against rules.toml in tests/docs/test_docs.py
    assert len(rules()) >= 17
    assert len({r["id"] for r in rules()}) == len(rules())


def test_a_deadline_tied_to_the_kind_of_body_is_not_applied_to_an_unknown_author():
    """2019 条例: departments by 1月31日, governments by 3月31日; a report whose author could not be read is not
    failed against the department's date when it came out between the two."""
    unknown = ("2020年政府信息公开工作年度报告\n本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n"
               "2020年，主动公开政府信息86条。\n2021年2月20日")
    check = result(unknown, "DEADLINE")
    assert check["status"] == "NOT_ASSESSABLE"
    assert check["detail"] == ("发布日期 2021年2月20日；未能确定发布机构的类别，部门的期限为 2021年1月31日，"
                               "人民政府为 2021年3月31日")
    assert result(unknown.replace("2021年2月20日", "2021年4月2日"), "DEADLINE")["status"] == "FAIL"
