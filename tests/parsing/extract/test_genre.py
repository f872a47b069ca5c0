"""parsing/extract/genre.py through parse_text: the year a report covers (not its publication date) and
its format (prose or the 2019 national template). Tables and conventions: tests/extract_helpers.py."""

import pytest
from extract_helpers import check, fixture, parse

P = pytest.param


# ---- phrasing tables: synthetic snippets in phrasings the seeds do not show

YEAR = [
    P("2013年度政府信息公开工作报告\n本报告由永嘉县安监局编制。", 2013, id="title-niandu"),
    P("南昌市环保局2011年政府信息公开工作年度报告\n（2012年3月20日）\n2011年，我局认真贯彻《条例》，公开工作平稳推进。",
      2011, id="dated-next-year"),
    P("本报告统计时限自2016年1月1日起至2016年12月31日止。如对本报告有疑问，请与我局办公室联系。",
      2016, id="tongji-shixian-only"),
    P("二〇一六年度政府信息公开工作报告\n我局认真落实政府信息公开各项要求。", 2016, id="cn-year-ling"),
    P("二○一五年政府信息公开工作年度报告\n我局认真落实政府信息公开各项要求。", 2015, id="cn-year-circle"),
    P("２０１５年度政府信息公开工作报告\n我局认真落实政府信息公开各项要求。", 2015, id="fullwidth-year"),
    P("2014年，我局认真贯彻落实《条例》，主动公开政府信息60条。", 2014, id="body-only"),
    P("政府信息公开工作年度报告\n2019年，我局主动公开政府信息50条。\n洛阳市应急管理局\n2020年1月15日",
      2019, id="signature-date-next-year"),
    P("2021年政府信息公开工作年度报告\n一、总体情况\n2021年，我局推进政务公开。\n"
      "五、存在的主要问题及改进情况\n解读形式较单一。2022年，我局将丰富解读形式。", 2021, id="next-year-in-measures"),
    P("2017年度政府信息公开工作报告\n根据国办发〔2016〕80号文件要求，我局细化了公开目录。", 2017,
      id="doc-number-other-year"),
    P("2012年政府信息公开年度报告\n与2011年相比，主动公开信息数量增加了20%。", 2012, id="prior-year-comparison"),
    # judgement: a publication date alone does not state the covered year
    P("政府信息公开工作年度报告\n（2010年2月5日）\n我局高度重视政府信息公开工作。", None, id="pubdate-only"),
    P("2013年度政府信息公開工作報告\n本局認真貫徹條例。", 2013, id="trad-title"),
]


@pytest.mark.parametrize("text, expected", YEAR)
def test_year(text, expected):
    _, rec = parse(text)
    assert rec["year"] == expected


TEMPLATE_HEADINGS = (
    "一、总体情况\n2020年，我局持续推进政务公开。\n"
    "二、主动公开政府信息情况\n（表格略）\n"
    "三、收到和处理政府信息公开申请情况\n（表格略）\n"
    "四、政府信息公开行政复议、行政诉讼情况\n（表格略）\n"
    "五、存在的主要问题及改进情况\n公开质量有待提升。\n"
    "六、其他需要报告的事项\n无。\n"
)


PROSE_HEADINGS = (
    "一、概述\n2012年，我局健全了信息公开工作制度。\n"
    "二、主动公开政府信息情况\n全年主动公开政府信息80条。\n"
    "三、依申请公开政府信息情况\n未收到政府信息公开申请。\n"
    "四、政府信息公开的收费及减免情况\n未收取任何费用。\n"
    "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n无。\n"
    "六、存在的主要问题及改进措施\n公开形式较单一，今后将拓宽渠道。\n"
)


FORMAT = [
    P(fixture("template2019_county_yingji.txt"), "template2019", id="template-with-article20-tables"),
    P(TEMPLATE_HEADINGS, "template2019", id="template-headings-tables-lost"),
    P(fixture("template2021_markdown_tables_lost.txt"), "template2019", id="template-markdown-headings"),
    P("二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t3\n", "template2019",
      id="article20-table-only"),
    P(PROSE_HEADINGS, "prose", id="prose-classic-headings"),
    # 二、主动公开政府信息情况 and 第二十条 also occur in prose reports; neither alone makes a template
    P("根据《条例》第二十条的规定，申请人应当采用书面形式提出申请。\n" + PROSE_HEADINGS, "prose",
      id="prose-citing-article20"),
    # judgement: 总体情况 as the only template-like heading is not enough
    P("一、总体情况\n2015年，我局信息公开工作有序开展。\n二、存在的问题\n公开内容不够全面。\n", "prose",
      id="prose-with-zongti-qingkuang"),
    P(fixture("prose2009_city_huanbao.txt"), "prose", id="prose-2009-fixture"),
]


@pytest.mark.parametrize("text, expected", FORMAT)
def test_format(text, expected):
    _, rec = parse(text)
    assert rec["format"] == expected


# ---- real-shape tables: the shapes real reports are written in

Y2020 = ("如皋市应急管理局2020年政府信息公开工作年度报告\n"
         "本报告所列数据统计期限自2020年1月1日起至2020年12月31日止。\n"
         "一、总体情况\n2020年，我局坚持把政务公开作为推进依法行政的重要抓手。")


Y2015 = ("宜兴市安监局2015年政府信息公开工作年度报告\n一、概述\n"
         "2015年,我局认真贯彻落实《条例》,主动公开政府信息102条.\n二、主动公开政府信息情况")


YEARS = [
    P(Y2020, "year", 2020, id="yr-2020-no-tables-year-fw"),
    P(Y2020, "format", "template2019", id="yr-2020-no-tables-format-fw"),
    P(Y2015, "year", 2015, id="yr-2015-prose-year-ascii"),
    P(Y2015, "format", "prose", id="yr-2015-prose-format-ascii"),
    P("本报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。如对本报告有疑问，请与我局办公室联系。",
      "year", 2017, id="yr-tongji-qixian-fw"),
    P("本报告统计时限为2013年1月1日至12月31日.2014年1月,我局对全年工作进行了总结.",
      "year", 2013, id="yr-tongji-shixian-ascii"),
    P("发布日期:2019-03-12\n鼓楼区应急管理局2018年度政府信息公开工作年度报告\n2018年,我局扎实推进政务公开.",
      "year", 2018, id="yr-title-not-pubdate-ascii"),
    P("发布日期:2019-03-12\n鼓楼区应急管理局2018年度政府信息公开工作年度报告\n2018年,我局扎实推进政务公开.",
      "format", "prose", id="yr-2018-prose-format-ascii"),
    P("顺德区安全生产监督管理局二〇一六年政府信息公开工作年度报告\n一、概述",
      "year", 2016, id="yr-title-cn-numeral-fw"),
    P("武侯区应急管理局2019年政府信息公开工作年度报告\n（本报告所列数据统计期限自2019年1月1日至2019年12月31日）",
      "format", "template2019", id="yr-2019-template-fw"),
]


@pytest.mark.parametrize("text, field, expected", YEARS)
def test_years(text, field, expected):
    check(text, field, expected)
