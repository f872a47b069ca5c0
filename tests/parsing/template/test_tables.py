"""parsing/template/tables.py: 表二/表三/表四 read from reports built in the template's exact shape, in
every form a table arrives in (tab, pipes, flat PDF text, a stream of numbers); blank, "/" and "—" stay apart
from 0."""

from collections import Counter

import pytest
import template_builder as tb
from conftest import seed
from table_helpers import FORMS, record, statuses, table_checks

from parsing import parse_file


@pytest.mark.parametrize("form", FORMS)
def test_every_form_recovers_the_same_cells(form):
    rec = record(form=form)
    t3 = rec.tables["表三"]
    assert t3["columns"] == tb.COLS
    assert t3["rows"] == tb.table3_2021()
    assert rec.tables["表四"]["rows"] == tb.TABLE4
    assert rec.tables["表二"]["rows"] == tb.TABLE2_2021
    assert (rec.applications_received, rec.applications_carried_in, rec.applications_closed,
            rec.applications_carried_out, rec.reconsideration, rec.litigation) == (34, 2, 33, 3, 1, 1)


def test_2019_layout():
    rec = record(year=2019, layout="2019", t2=tb.TABLE2_2019, t3=tb.table3_2019(), applications_said=12,
                 penalties_said=57)
    assert rec.tables["表三"]["layout"] == "2019"
    assert list(rec.tables["表三"]["rows"])[20] == "（六）其他处理"
    assert rec.tables["表二"]["rows"]["行政事业性收费"] == [4, -1]
    assert rec.tables["表二"]["rows"]["政府集中采购"] == [8, 236.4]
    assert rec.applications_received == 12
    assert set(statuses(rec).values()) == {"PASS"}
    assert statuses(rec)["正文与表格一致（行政处罚）"] == "PASS"  # 57 = 处理决定数量 of the 2019 layout


def test_local_variant_with_a_legal_person_subtotal_column():
    rec = record(t3=tb.table3_2021(local=True), columns=tb.COLS_LOCAL)
    assert rec.tables["表三"]["columns"] == tb.COLS_LOCAL
    assert rec.tables["表三"]["rows"]["一、本年新收"] == [32, 2, 0, 0, 0, 0, 2, 34]
    rules = statuses(rec)
    assert rules["表三法人小计（一、本年新收）"] == "PASS"
    assert rules["表三勾稽关系（法人或其他组织小计列）"] == "PASS"
    assert set(rules.values()) == {"PASS"}


@pytest.mark.parametrize("form", ["tab", "pipes"])
def test_blank_slash_and_dash_stay_different_from_zero(form):
    t3 = tb.table3_2021()
    for key in t3:
        t3[key][2] = None  # 科研机构 left blank
    t3["一、本年新收"][2] = "/"
    t3["二、上年结转"][2] = "—"
    rec = record(t3=t3, form=form)
    rows = rec.tables["表三"]["rows"]
    assert rows["一、本年新收"][2] == "/" and rows["二、上年结转"][2] == "—" and rows["（七）总计"][2] is None
    assert rows["一、本年新收"][1] == 2 and rows["（七）总计"][1] == 2
    rules = statuses(rec)
    assert rules["表三勾稽关系（科研机构列）"] == "NOT_ASSESSABLE"
    assert rules["表三勾稽关系（自然人列）"] == "PASS"
    assert rules["表三申请人合计（一、本年新收）"] == "NOT_ASSESSABLE"


def test_seed_004_tables():
    rec = parse_file(seed("004")).record
    assert rec.tables["表二"]["rows"] == {"规章": [0, 0, 0], "行政规范性文件": [0, 0, 0], "行政许可": [0],
                                         "行政处罚": [2], "行政强制": [0], "行政事业性收费": [0]}
    assert rec.tables["表四"]["rows"] == {b: [0, 0, 0, 0, 0] for b in ("行政复议", "未经复议直接起诉", "复议后起诉")}
    assert all(v[:6] == [0] * 6 and v[6] is None for v in rec.tables["表三"]["rows"].values())
    counts = Counter(c["status"] for c in table_checks(rec))
    # The text carries 6 numbers per 表三 row for 7 columns: the 总计 column is empty, so every rule
    # that needs it is NOT_ASSESSABLE; nothing fails.
    assert counts == {"PASS": 15, "NOT_ASSESSABLE": 28}
    assert any("判断为整列缺失" in w and "“总计”列未知" in w for w in rec.warnings)
    # the six values are placed by a layout inference, not printed in their place; the 总计 cell is unknown
    assert all(codes == ["derived"] * 6 + ["unknown"] for codes in rec.tables["表三"]["how"].values())
    assert rec.tables["表四"]["how"] == {b: ["read"] * 5 for b in ("行政复议", "未经复议直接起诉", "复议后起诉")}
    assert (rec.reconsideration, rec.litigation, rec.applications_received) == (0, 0, 0)


def test_prose_reports_have_no_tables_or_checks():
    rec = parse_file(seed("002")).record
    assert rec.tables == {} and table_checks(rec) == []  # only the checklist's text rules apply
