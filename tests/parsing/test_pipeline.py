"""parsing/pipeline.py: whole reports through parse_text / parse_many — several fields at once from the
mini-report fixtures, evidence spans that point into the text, and the warnings for a text that is not a
report or stops short. Fixture and table conventions: tests/extract_helpers.py."""

import pytest
from conftest import DATA
from extract_helpers import fixture, parse

from parsing.corpus.build import parse_many

P = pytest.param

SEED = (DATA / "002_31cc29bab18448a3.txt").read_bytes()


REPORTS = [
    P("template2019_county_yingji.txt", dict(
        agency="新乡市封丘县应急管理局", agency_type="应急", admin_level="县区", province="河南省",
        city="新乡市", district="封丘县", year=2020, format="template2019", proactive_total=214,
        applications_received=2, reconsideration=0, litigation=0,
        fees=0,  # judgement: 未收取信息处理费 → 0
    ), id="template2019-county-yingji"),
    P("prose2009_city_huanbao.txt", dict(
        agency="成都市环境保护局", agency_type="环保", admin_level="市", province="四川省", city="成都市",
        year=2009, format="prose", proactive_total=345, applications_received=9, fees=38,
        reconsideration=1, litigation=0,
    ), id="prose2009-city-huanbao"),
    P("template2021_markdown_tables_lost.txt", dict(
        agency="杭州市西湖区教育局", agency_type="教育", admin_level="县区", province="浙江省",
        city="杭州市", district="西湖区", year=2022, format="template2019", proactive_total=96,
        applications_received=4, reconsideration=1, litigation=0,
        fees=0,  # judgement: 未收取…信息处理费 → 0
    ), id="template2021-markdown"),
    P("prose2013_county_anjian_noheading.txt", dict(
        # judgement: the county is named only in the website name 桐庐县人民政府门户网站
        agency="杭州市桐庐县安全生产监督管理局", agency_type="安监", admin_level="县区", district="桐庐县",
        year=2013, format="prose", proactive_total=76, applications_received=0,
        reconsideration=0, litigation=0,
        fees=0,  # judgement: 也未发生相关收费 → 0
    ), id="prose2013-county-anjian"),
]


@pytest.mark.parametrize("name, expected", REPORTS)
def test_fixture_reports(name, expected):
    _, rec = parse(fixture(name), file=name)
    assert {k: rec[k] for k in expected} == expected


def test_fixture_prose2009_lists():
    _, rec = parse(fixture("prose2009_city_huanbao.txt"))
    assert {"政府网站", "报刊", "公开栏", "查阅场所", "新闻发布会"} <= set(rec["channels"])
    assert rec["channel_counts"].get("新闻发布会") == 4
    bd = rec["proactive_breakdown"]
    assert sorted(bd.values()) == [65, 120, 160], bd
    assert "信息报送不及时" in rec["problems"]
    assert "文书范本" in rec["measures"] and "文书范本" not in rec["problems"]


EVIDENCE = [
    P("全年主动公开政府信息一百二十三条，较上年有所增加。", "proactive_total", 123, "一百二十三", id="cn-numeral-total"),
    P("２０１２年，我局主动公开政府信息１２３条。", "proactive_total", 123, "123", id="fullwidth-total"),
    P("本年度主动公开政府信息共 88 条。", "proactive_total", 88, "88", id="spaced-total"),
    P(fixture("prose2009_city_huanbao.txt"), "proactive_total", 345, "三百四十五", id="fixture-total"),
    P("2015年，我局收到政府信息公开申请15件。", "applications_received", 15, "15", id="applications-number"),
    P("2016年，我局未收到政府信息公开申请。", "applications_received", 0, "未收到", id="applications-zero"),
    P("全年收取检索复制费120元。", "fees", 120, "120", id="fees-amount"),
    P("本年度我局未收取任何政府信息公开费用。", "fees", 0, "未收取", id="fees-zero"),
    P("因政府信息公开发生行政复议案件2件，行政诉讼1件。", "reconsideration", 2, "复议", id="reconsideration-number"),
    P("因政府信息公开发生行政复议案件2件，行政诉讼1件。", "litigation", 1, "诉讼", id="litigation-number"),
    P("未发生涉及政府信息公开的行政复议、行政诉讼案件。", "litigation", 0, "诉讼", id="litigation-zero"),
    P("二〇一六年度政府信息公开工作报告\n我局认真落实各项要求。", "year", 2016, "二〇一六", id="year-cn"),
    P("本报告统计时限自2016年1月1日起至2016年12月31日止。", "year", 2016, "2016", id="year-tongji"),
]


@pytest.mark.parametrize("text, field, value, token", EVIDENCE)
def test_evidence(text, field, value, token):
    res, rec = parse(text)
    assert rec[field] == value
    ev = rec["evidence"].get(field)
    assert ev is not None, f"no evidence for {field}"
    assert res.text[ev["start"]:ev["end"]] == ev["text"]
    assert token in ev["text"], ev["text"]


def test_not_a_report_gets_no_numbers_and_says_so():
    text = ("本文介绍如何种植番茄。番茄喜欢阳光，每天浇水一次，共种植123株，收获约50公斤。" * 6).encode("utf-8")
    corpus = parse_many([("tomato.txt", text)])
    record = corpus.reports[0].record
    assert record.proactive_total is None and record.applications_received is None
    assert any("看起来不是政府信息公开工作年度报告" in w for w in record.warnings)


def test_truncated_report_keeps_what_is_there_and_warns():
    text = SEED.decode("utf-8")
    cut = text[: text.index("三、依申请公开政府信息情况")].encode("utf-8")
    record = parse_many([("cut.txt", cut)]).reports[0].record
    assert record.proactive_total == 123 and record.year == 2009
    assert record.applications_received is None
    assert "未找到依申请公开的申请数量" in record.warnings
    assert "未找到“存在的问题及改进措施”部分" in record.warnings
