"""parsing/template/checks.py: the reviewer's checks of 表三/表四 — balances, outcome and row sums, prose
against the table, carry-over from one year to the next — each passing on a consistent report and failing
on the one cell that breaks it."""

import copy
from collections import Counter

import pytest
import template_builder as tb
from table_helpers import FORMS, record, statuses, table_checks

from parsing import parse_text
from parsing.corpus.build import parse_many


@pytest.mark.parametrize("form", FORMS)
def test_consistent_report_passes_every_check(form):
    rec = record(form=form)
    # 7 balance + 7 outcome-sum (one per column) + 25 row sums + 3 表四 blocks + 3 prose numbers
    assert Counter(c["status"] for c in table_checks(rec)) == {"PASS": 45}
    rules = statuses(rec)
    for rule in ("表三勾稽关系（自然人列）", "表三勾稽关系（总计列）", "表三办理结果合计（总计列）",
                 "表三申请人合计（一、本年新收）", "表四合计（行政复议）", "表四合计（未经复议直接起诉）",
                 "正文与表格一致（申请数）", "正文与表格一致（行政复议）", "正文与表格一致（行政处罚）"):
        assert rules[rule] == "PASS", rule


def test_check_detail_names_the_numbers_and_the_cells():
    rec = record()
    check = next(c for c in rec.checks if c["rule"] == "表三勾稽关系（自然人列）")
    assert check["detail"].endswith("34 与 34，相符。")
    assert [(c["row"], c["value"]) for c in check["cells"]] == [
        ("一、本年新收", 32), ("二、上年结转", 2), ("（七）总计", 31), ("四、结转下年度", 3)]
    text = parse_text(tb.report()).text
    first = check["cells"][0]
    assert text[first["start"]:first["end"]].startswith("一、本年新收政府信息公开申请数量")


def broken(change) -> dict:
    t3 = tb.table3_2021()
    change(t3)
    return statuses(record(t3=t3))


def test_balance_broken_in_one_column_fails_that_rule():
    rules = broken(lambda t: t.__setitem__("四、结转下年度", tb.row(4)))
    assert rules["表三勾稽关系（自然人列）"] == "FAIL"
    assert rules["表三勾稽关系（总计列）"] == "FAIL"
    assert rules["表三勾稽关系（商业企业列）"] == "PASS"
    assert rules["表三办理结果合计（自然人列）"] == "PASS"
    assert rules["表三申请人合计（四、结转下年度）"] == "PASS"


def test_outcomes_that_do_not_add_up_fail_the_outcome_rule():
    rules = broken(lambda t: t.__setitem__("（一）予以公开", tb.row(16, 1)))
    assert rules["表三办理结果合计（自然人列）"] == "FAIL"
    assert rules["表三办理结果合计（商业企业列）"] == "PASS"
    assert rules["表三勾稽关系（自然人列）"] == "PASS"


def test_a_row_whose_columns_miss_its_total_fails_the_row_rule():
    def change(t):
        t["（四）2"] = [1, 0, 0, 0, 0, 0, 2]
    rules = broken(change)
    assert rules["表三申请人合计（（四）2）"] == "FAIL"
    assert rules["表三申请人合计（（四）1）"] == "PASS"
    assert rules["表三办理结果合计（自然人列）"] == "PASS"


def test_table_four_block_that_does_not_add_up():
    t4 = copy.deepcopy(tb.TABLE4)
    t4["行政复议"] = [1, 1, 0, 0, 1]
    rules = statuses(record(t4=t4))
    assert rules["表四合计（行政复议）"] == "FAIL"
    assert rules["表四合计（未经复议直接起诉）"] == "PASS"


def test_prose_that_contradicts_the_table():
    rec = record(applications_said=37)  # 新收 34, 上年结转 2, （七）总计 33: 37 is none of its readings
    check = next(c for c in rec.checks if c["rule"] == "正文与表格一致（申请数）")
    assert check["status"] == "FAIL"
    assert "37 与 34" in check["detail"]
    assert rec.applications_received == 34  # the table is the source; the prose is flagged
    assert any("正文写37" in w for w in rec.warnings)


@pytest.mark.parametrize("said, detail", [
    (34, "正文所写数字 = 表三：34 与 34，相符。"),  # 收到申请 34 件 = 新收
    (36, "正文所写数字 = 表三 一（本年新收）+ 二（上年结转）：36 与 36，相符。"),  # 共受理 = 新收 + 上年结转
    (33, "正文所写数字 = 表三（七）总计（办结数）：33 与 33，相符。"),  # 办结 = （七）总计
])
def test_prose_count_that_is_another_reading_of_table3_is_consistent(said, detail):
    rec = record(applications_said=said)
    check = next(c for c in rec.checks if c["rule"] == "正文与表格一致（申请数）")
    assert (check["status"], check["detail"]) == ("PASS", detail)


def test_cross_year_carry_over():
    y2021 = tb.report()
    y2022 = tb.report(year=2022, t2=tb.TABLE2_2022, t3=tb.table3_2022(carried_in=3), applications_said=21,
                      penalties_said=98)
    corpus = parse_many([("2021.txt", y2021.encode()), ("2022.txt", y2022.encode())])
    later = next(p.record for p in corpus.reports if p.record.year == 2022)
    rules = statuses(later)
    assert rules["跨年衔接（上年结转·自然人列）"] == "PASS"
    assert rules["跨年衔接（上年结转·总计列）"] == "PASS"
    assert rules["跨年衔接（现行有效·行政规范性文件）"] == "PASS"  # 12 + 2 = 13 + 1
    assert not any(c["rule"].startswith("跨年") for c in corpus.reports[0].record.checks)


def test_cross_year_carry_over_broken():
    t2 = copy.deepcopy(tb.TABLE2_2022)
    t2["行政规范性文件"] = [2, 1, 15]
    y2022 = tb.report(year=2022, t2=t2, t3=tb.table3_2022(carried_in=2), applications_said=21, penalties_said=98)
    corpus = parse_many([("2021.txt", tb.report().encode()), ("2022.txt", y2022.encode())])
    later = next(p.record for p in corpus.reports if p.record.year == 2022)
    rules = statuses(later)
    assert rules["跨年衔接（上年结转·自然人列）"] == "FAIL"
    assert rules["跨年衔接（上年结转·总计列）"] == "FAIL"
    assert rules["跨年衔接（上年结转·商业企业列）"] == "PASS"
    assert rules["跨年衔接（现行有效·行政规范性文件）"] == "FAIL"
    assert rules["跨年衔接（现行有效·规章）"] == "PASS"
