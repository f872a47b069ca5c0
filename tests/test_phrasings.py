"""Table-driven tests of the phrasings of 政府信息公开工作年度报告 that the seed reports do not show.

Every snippet is synthetic (written for this file, not copied from a real report). Each table
checks one field (or a few) of ``parse_text(...).record.to_dict()``.

Conventions
- ``None`` means "the text does not say": the parser must leave the field empty, never guess.
- Cases whose expected value is a judgement call carry a ``# judgement:`` comment.
- Cases in traditional characters have ids starting with ``trad-`` so they can be dropped as a group.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # plain `pytest` from any directory, without a conftest
    sys.path.insert(0, str(ROOT))

from parsing import parse_text  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "phrasings"
P = pytest.param


def parse(text: str, file: str = "case.txt"):
    res = parse_text(text, file=file)
    return res, res.record.to_dict()


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# proactive_total
# ---------------------------------------------------------------------------------------------

PROACTIVE_TOTAL = [
    P("2015年，市环保局主动公开政府信息245条，均在门户网站发布。", 245, id="arabic-basic"),
    P("２０１２年，我局主动公开政府信息１２３条，信息公开目录及时更新。", 123, id="fullwidth-digits"),
    P("全年主动公开政府信息一百二十三条，较上年有所增加。", 123, id="cn-numeral"),
    P("本年度共主动公开政府信息二百零六条。", 206, id="cn-numeral-with-ling"),
    P("2016 年，我委主动公开政府信息 57 条。", 57, id="spaces-around-number"),
    P("2014年，我局主动公开的政府信息总计312条。", 312, id="zongji"),
    P("通过网站、公开栏等形式主动公开政府信息，合计86条。", 86, id="heji-after-comma"),
    P("2010年，我局主动公开各类政府信息共计468条。", 468, id="gongji-gelei"),
    P("全年主动公开政府信息1,024条。", 1024, id="thousands-comma"),
    P("2013年，区卫生局共主动公开164条政府信息。", 164, id="number-before-noun"),
    P("2011年，我办主动公开政府信息73件。", 73, id="unit-jian"),
    P("2009年，我局主动公开信息96条。", 96, id="no-zhengfu-word"),
    # judgement: 公开政府信息 without 主动, but under the 主动公开 heading it is the proactive total
    P("二、主动公开政府信息情况\n2013年，我局共公开政府信息98条，内容涵盖机构概况、政策法规和工作动态。",
      98, id="gongkai-under-proactive-heading"),
    P("2016年，我局主动公开政府信息320条，比2015年的280条增加了40条。", 320, id="prior-year-figure-after"),
    P("2018年1月至12月，我局主动公开政府信息88条。", 88, id="date-range-before"),
    P("2017年，我局按照要求，通过区政府门户网站政府信息公开专栏主动公开政府\n信息132条。",
      132, id="pdf-line-break-inside-phrase"),
    P("截至2017年12月31日，我局累计主动公开政府信息1560条。", 1560, id="leiji-only"),
    # judgement: the year's own figure is preferred over the cumulative one
    P("2017年，我局主动公开政府信息210条；截至年底，累计主动公开政府信息1860条。",
      210, id="annual-and-leiji"),
    P("我局高度重视政府信息公开工作，明确专人负责，通过政府网站及时发布工作动态。", None, id="absent"),
    P("2019年，我局通过政务微博发布信息30条，回复网民留言12条。", None, id="channel-count-only-weibo"),
    # judgement: a count of one category (规范性文件) is not the total
    P("本年度主动公开规范性文件5件，均同步发布政策解读。", None, id="category-count-only"),
    P("全年依申请公开政府信息3条，均在法定期限内答复。", None, id="yishenqing-not-proactive"),
    # "3000余条" is the figure users want to see: 3000, marked approximate (test_proactive_total_approximate)
    P("全年主动公开政府信息3000余条。", 3000, id="approximate-yu"),
    P("2012年，本局主動公開政府信息 35 條。", 35, id="trad-arabic"),
    P("全年共主動公開政府信息一百零二條。", 102, id="trad-cn-numeral"),
]


@pytest.mark.parametrize("text, expected", PROACTIVE_TOTAL)
def test_proactive_total(text, expected):
    _, rec = parse(text)
    assert rec["proactive_total"] == expected


def test_proactive_total_cumulative_warns():
    _, rec = parse("截至2017年12月31日，我局累计主动公开政府信息1560条。")
    assert rec["proactive_total"] == 1560
    assert any("累计" in w for w in rec["warnings"]), rec["warnings"]


# ---------------------------------------------------------------------------------------------
# proactive_breakdown — keys are compared loosely: the expected core name (机构职能) must be
# contained in the parser's key (机构职能类 / 机构职能类信息), with exactly the stated count.
# ---------------------------------------------------------------------------------------------

BREAKDOWN = [
    P("2014年，我局主动公开政府信息120条，其中机构职能类20条，政策法规类35条，工作动态类65条。",
      {"机构职能": 20, "政策法规": 35, "工作动态": 65}, id="qizhong-comma"),
    P("全年主动公开政府信息65条。其中：政策文件15条、工作动态42条、人事信息8条。",
      {"政策文件": 15, "工作动态": 42, "人事": 8}, id="qizhong-dunhao"),
    P("本年度主动公开政府信息86条，包括规划计划6条，行政许可30条，工作动态50条。",
      {"规划计划": 6, "行政许可": 30, "工作动态": 50}, id="baokuo"),
    P("主动公开政府信息86条，其中机构职能类信息12条，占14%；法规文件类30条，占35%；其他信息44条，占51%。",
      {"机构职能": 12, "法规文件": 30, "其他": 44}, id="zhan-percent"),
    P("共主动公开政府信息85条，其中工作动态52条（占61.2%），通知公告33条（占38.8%）。",
      {"工作动态": 52, "通知公告": 33}, id="percent-in-parens"),
    P("主动公开政府信息45条，其中公开工作动态信息40条，公开人事信息5条。",
      {"工作动态": 40, "人事": 5}, id="verb-before-each-category"),
    P("全年主动公开政府信息四十二条，其中政策法规类十二条，工作动态类三十条。",
      {"政策法规": 12, "工作动态": 30}, id="cn-numerals"),
    P("主动公开政府信息25项，其中行政许可类信息18项、行政处罚类信息7项。",
      {"行政许可": 18, "行政处罚": 7}, id="unit-xiang"),
    P("主动公开政府信息60条，分别为：工作动态38条，通知公告12条，政策文件10条。",
      {"工作动态": 38, "通知公告": 12, "政策文件": 10}, id="fenbie-wei"),
    P("主动公开政府信息75条，全部在门户网站发布。", {}, id="none-stated"),
    # judgement: a split by channel is not a split by category
    P("主动公开政府信息90条，其中通过门户网站发布70条，通过政务微博发布20条。", {}, id="split-by-channel"),
]


@pytest.mark.parametrize("text, expected", BREAKDOWN)
def test_proactive_breakdown(text, expected):
    _, rec = parse(text)
    actual = rec["proactive_breakdown"]
    assert len(actual) == len(expected), actual
    for core, count in expected.items():
        hits = {k: v for k, v in actual.items() if core in k}
        assert list(hits.values()) == [count], (core, actual)


# ---------------------------------------------------------------------------------------------
# channels — (must be present, must be absent)
# ---------------------------------------------------------------------------------------------

CHANNELS = [
    P("主要通过区政府门户网站公开政府信息。", {"政府网站"}, set(), id="menhu-wangzhan"),
    P("开通官方微博“安全永嘉”，及时发布安全提示。", {"政务微博"}, set(), id="guanfang-weibo"),
    P("依托微信公众号推送政策解读和预警信息。", {"政务微信"}, set(), id="weixin-gongzhonghao"),
    P("重要信息同时在《洛阳日报》等报纸上刊登。", {"报刊"}, set(), id="baozhi"),
    P("通过市电视台、人民广播电台发布安全生产警示。", {"广播电视"}, set(), id="dianshitai-guangbo"),
    P("在市档案馆、市图书馆设立政府信息查阅点，方便群众查阅。", {"查阅场所"}, set(), id="danganguan-tushuguan"),
    P("在区政务服务大厅设置服务窗口，现场提供信息查询。", {"服务窗口"}, set(), id="fuwu-dating-chuangkou"),
    P("群众可通过12345政务服务热线咨询相关信息。", {"热线电话"}, set(), id="12345-rexian"),
    P("公布咨询电话，安排专人接听并答复群众询问。", {"热线电话"}, set(), id="zixun-dianhua"),
    P("在办公楼一楼设置政务公示栏，张贴办事流程。", {"公开栏"}, set(), id="gongshilan"),
    P("利用大厅电子显示屏滚动播放公开信息。", {"公开栏"}, set(), id="dianzi-xianshiping"),
    P("举办政府开放日活动，并就出租车运价调整召开听证会。", {"公众参与活动"}, set(), id="kaifangri-tingzhenghui"),
    P("召开新闻发布会解读新出台的政策。", {"新闻发布会"}, set(), id="xinwen-fabuhui"),
    P("加强政务新媒体建设，统一规范账号管理。", {"政务新媒体"}, set(), id="zhengwu-xinmeiti"),
    P("通过门户网站、政务微博、微信公众号、报刊和电视等多种渠道发布信息。",
      {"政府网站", "政务微博", "政务微信", "报刊", "广播电视"}, set(), id="list-of-five"),
    P("目前我局以门户网站为主要公开渠道，尚未开通政务微博。", {"政府网站"}, {"政务微博"}, id="neg-weibo-not-opened"),
    P("我局还没有开设微信公众号。", set(), {"政务微信"}, id="neg-weixin-not-set-up"),
    P("本年度未召开新闻发布会。", set(), {"新闻发布会"}, id="neg-no-press-conference"),
    # judgement: a plan for next year is not a channel in use
    P("下一步，我局将开通政务微博，拓宽公开渠道。", set(), {"政务微博"}, id="future-plan-not-channel"),
    # 广播电视局 is the author, not a channel
    P("本报告由市广播电视局编制，并在市政府网站公布。", {"政府网站"}, {"广播电视"}, id="agency-name-not-channel"),
    P("通過門戶網站和微信公眾號發布信息。", {"政府网站", "政务微信"}, set(), id="trad-channels"),
]


@pytest.mark.parametrize("text, present, absent", CHANNELS)
def test_channels(text, present, absent):
    _, rec = parse(text)
    channels = set(rec["channels"])
    assert present <= channels, channels
    assert not (absent & channels), channels


# ---------------------------------------------------------------------------------------------
# channel_counts — (expected subset, channels that must have no count)
# ---------------------------------------------------------------------------------------------

CHANNEL_COUNTS = [
    P("全年召开新闻发布会3次，发布权威信息。", {"新闻发布会": 3}, set(), id="fabuhui-ci"),
    P("政务微博发布信息1200条。", {"政务微博": 1200}, set(), id="weibo-tiao"),
    P("通过微博、微信发布信息50条。", {}, {"政务微博", "政务微信"}, id="shared-by-list"),
    P("微信公众号全年推送信息260条。", {"政务微信": 260}, set(), id="weixin-tuisong"),
    P("举办新闻发布会两次。", {"新闻发布会": 2}, set(), id="cn-numeral-liang"),
    P("在门户网站发布信息530条，在《南昌日报》刊登稿件12篇。", {"政府网站": 530, "报刊": 12}, set(),
      id="two-separate-ties"),
    P("通过政务微博、政务微信等新媒体平台发布信息300余条。", {}, {"政务微博", "政务微信", "政务新媒体"},
      id="shared-deng-approx"),
    # judgement: followers are people, not disclosed items
    P("政务微博粉丝数达3200人。", {}, {"政务微博"}, id="followers-not-items"),
    P("2017年召开新闻发布会，通报全年安全生产形势。", {}, {"新闻发布会"}, id="year-is-not-count"),
    P("举办政府开放日活动2次。", {"公众参与活动": 2}, set(), id="kaifangri-ci"),
]


@pytest.mark.parametrize("text, expected, uncounted", CHANNEL_COUNTS)
def test_channel_counts(text, expected, uncounted):
    _, rec = parse(text)
    counts = rec["channel_counts"]
    for channel, n in expected.items():
        assert counts.get(channel) == n, counts
    assert not (uncounted & set(counts)), counts


# ---------------------------------------------------------------------------------------------
# applications_received
# ---------------------------------------------------------------------------------------------

APPLICATIONS = [
    P("2015年，我局收到政府信息公开申请15件，均已按期答复。", 15, id="shoudao-jian"),
    # judgement: 受理 is read as "received" (the usual wording before 2019)
    P("全年共受理政府信息公开申请8件。", 8, id="shouli"),
    P("本年度共收到依申请公开申请3件，均已办结。", 3, id="yishenqing-shenqing"),
    P("2016年，我局未收到政府信息公开申请。", 0, id="weishoudao"),
    P("本年度没有收到公民、法人或其他组织提出的政府信息公开申请。", 0, id="meiyou-shoudao"),
    P("2013年，我办无政府信息公开申请。", 0, id="wu-shenqing"),
    P("全年无人申请公开政府信息。", 0, id="wuren-shenqing"),
    P("全年收到政府信息公开申请五件，全部予以公开。", 5, id="cn-numeral"),
    P("收到政府信息公开申请１６件。", 16, id="fullwidth-digits"),
    P("共收到政府信息公开申请12件，其中当面申请5件，网络申请7件。", 12, id="total-before-split"),
    P("收到政府信息公开申请 12 件，办结 11 件，1 件结转下年度办理。", 12, id="received-then-done"),
    P("本年度政府信息公开申请数量为0。", 0, id="shuliang-wei-0"),
    P("进一步规范依申请公开工作流程，明确办理时限。", None, id="absent"),
    P("本年度收到人大代表建议5件、政协提案3件，均已办复。", None, id="renda-jianyi-not-application"),
    P("2010年，本局未收到政府信息公開申請。", 0, id="trad-weishoudao"),
]


@pytest.mark.parametrize("text, expected", APPLICATIONS)
def test_applications_received(text, expected):
    _, rec = parse(text)
    assert rec["applications_received"] == expected


# ---------------------------------------------------------------------------------------------
# fees
# ---------------------------------------------------------------------------------------------

FEES = [
    P("本年度我局未收取任何政府信息公开费用。", 0, id="weishouqu-renhe"),
    P("提供政府信息时不收取费用。", 0, id="bu-shouqu"),
    P("政府信息公开工作中没有收费。", 0, id="meiyou-shoufei"),
    P("全年收取检索复制费120元。", 120, id="amount"),
    P("共收取检索、复制、邮寄费用合计45元。", 45, id="amount-heji"),
    P("收取复印费35.5元。", 35.5, id="amount-decimal"),
    # judgement: no fee and no waiver events → nothing was charged
    P("本年度未发生政府信息公开收费及减免情况。", 0, id="no-fee-or-waiver-events"),
    P("严格执行政府信息公开收费标准。", None, id="absent"),
    # judgement: restating the rule is not a statement of what was charged
    P("依申请提供政府信息，除可以收取检索、复制、邮寄等成本费用外，不得收取其他费用。", None,
      id="legal-rule-not-fact"),
    P("本年度未收取任何費用。", 0, id="trad-weishouqu"),
]


@pytest.mark.parametrize("text, expected", FEES)
def test_fees(text, expected):
    _, rec = parse(text)
    assert rec["fees"] == expected


# ---------------------------------------------------------------------------------------------
# reconsideration / litigation
# ---------------------------------------------------------------------------------------------

REVIEW = [
    P("本年度没有因政府信息公开引发的行政复议和行政诉讼案件。", 0, 0, id="joint-zero-meiyou"),
    P("未发生涉及政府信息公开的行政复议、行政诉讼案件。", 0, 0, id="joint-zero-weifasheng"),
    P("本年度无针对本机关政府信息公开的行政复议申请，也未被提起行政诉讼。", 0, 0, id="separate-zero"),
    P("因政府信息公开发生行政复议案件2件，行政诉讼1件。", 2, 1, id="numbers"),
    P("因政府信息公开被申请行政复议3件，被提起行政诉讼0件。", 3, 0, id="number-and-zero"),
    P("涉及政府信息公开的行政复议一件，行政诉讼两件。", 1, 2, id="cn-numerals"),
    P("全年未发生政府信息公开行政复议案件。", 0, None, id="reconsideration-only"),
    P("政府信息公开行政复议和行政诉讼案件数均为0。", 0, 0, id="jun-wei-0"),
    # judgement: only the disclosure-related part of all reconsiderations counts
    P("全年受理行政复议申请4件，其中涉及政府信息公开的1件。", 1, None, id="subset-of-all-reconsiderations"),
    P("因政府信息公开被提起行政诉讼1起，目前尚在审理中。", None, 1, id="litigation-pending"),
    # judgement: reconsiderations about penalties are not about disclosure
    P("全年办理安全生产行政处罚案件15起，无一起引发行政复议。", None, None, id="unrelated-penalty-cases"),
    P("未發生因政府信息公開引起的行政復議、行政訴訟案件。", 0, 0, id="trad-joint-zero"),
]


@pytest.mark.parametrize("text, reconsideration, litigation", REVIEW)
def test_reconsideration_litigation(text, reconsideration, litigation):
    _, rec = parse(text)
    assert (rec["reconsideration"], rec["litigation"]) == (reconsideration, litigation)


# ---------------------------------------------------------------------------------------------
# year (the year covered, not the publication date)
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# format
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# problems / measures
# ---------------------------------------------------------------------------------------------

PROBLEMS_MEASURES = [
    P("（五）存在的问题及改进措施\n我局政府信息公开工作还存在公开内容不够全面的问题。下一步，我们将加大公开力度，完善公开目录。",
      "公开内容不够全面", "完善公开目录", id="paren-heading-shared-paragraph-xiayibu"),
    P("六、存在的主要问题和改进情况\n一是信息更新不够及时；二是专职人员力量薄弱。\n2020年，我局将充实工作力量，建立信息更新台账。",
      "信息更新不够及时", "建立信息更新台账", id="heading-separate-paragraphs-year-jiang"),
    P("七、存在的不足和下一步工作打算\n（一）存在的不足\n政策解读形式较为单一。\n（二）下一步工作打算\n丰富解读形式，推出图解和视频解读。",
      "解读形式较为单一", "推出图解和视频解读", id="buzu-and-dasuan-subheadings"),
    P("五、存在问题\n网站栏目设置不够合理，部分信息查找不便。\n六、改进措施\n优化网站栏目设置，提升检索功能。",
      "栏目设置不够合理", "提升检索功能", id="two-separate-sections"),
    P("一、概述\n2015年，我局主动公开政府信息52条。\n"
      "我局政府信息公开工作虽取得一定成效，但还存在一些不足，主要是依申请公开办理流程不够规范。"
      "下一步，我们将修订依申请公开办理规程，加强业务培训。",
      "办理流程不够规范", "修订依申请公开办理规程", id="no-heading"),
    P("六、存在的问题及改进措施\n目前，基层信息公开工作人员业务水平参差不齐。今后，我局将定期组织业务培训，提高工作人员能力。",
      "业务水平参差不齐", "定期组织业务培训", id="jinhou-marker"),
    P("五、存在的主要问题和改进措施\n信息公开的主动性仍需增强。明年，我局将健全主动公开工作机制。",
      "主动性仍需增强", "健全主动公开工作机制", id="mingnian-marker"),
    P("八、存在的问题和改进措施\n当前工作中仍存在信息发布审核环节较多、时效性不强的问题。改进措施如下：一是简化审核流程；二是实行限时发布制度。",
      "时效性不强", "实行限时发布制度", id="gaijin-cuoshi-ruxia"),
    P("五、存在的主要问题及改进情况\n（一）存在的主要问题\n政务新媒体更新频率偏低。\n（二）改进情况\n"
      "制定新媒体内容更新计划，每周至少更新三次。\n六、其他需要报告的事项\n本机关未收取信息处理费。",
      "更新频率偏低", "每周至少更新三次", id="template-subheadings"),
    # judgement: 针对上述问题，2017年…将 starts the measures (20XX年…将)
    P("九、存在的问题及改进措施\n一是公开意识有待加强；二是公开形式比较单一。针对上述问题，2017年我局将重点做好以下工作：强化公开意识，丰富公开形式。",
      "公开形式比较单一", "丰富公开形式", id="zhendui-shangshu-year-jiang"),
    P("六、工作中存在的不足及今后努力方向\n个别科室报送信息不够主动。下一步将把信息报送纳入科室年度考核。",
      "报送信息不够主动", "纳入科室年度考核", id="nuli-fangxiang-heading"),
    P("五、存在的問題及改進措施\n公開內容還不夠全面。下一步，我們將擴大公開範圍。",
      "公開內容還不夠全面", "擴大公開範圍", id="trad-heading-shared-paragraph"),
]


@pytest.mark.parametrize("text, problem, measure", PROBLEMS_MEASURES)
def test_problems_measures(text, problem, measure):
    _, rec = parse(text)
    assert problem in rec["problems"], rec["problems"]
    assert measure in rec["measures"], rec["measures"]
    assert measure not in rec["problems"], rec["problems"]
    assert problem not in rec["measures"], rec["measures"]


def test_problems_measures_absent():
    text = "一、概述\n2014年，我局主动公开政府信息60条。\n二、依申请公开情况\n未收到政府信息公开申请。\n"
    _, rec = parse(text)
    assert (rec["problems"], rec["measures"]) == ("", "")


def test_other_matters_not_in_measures():
    _, rec = parse(fixture("template2019_county_yingji.txt"))
    assert "同步起草机制" in rec["measures"]
    assert "信息处理费" not in rec["measures"]
    assert "信息处理费" not in rec["problems"]


# ---------------------------------------------------------------------------------------------
# agency / region — only the keys given are checked
# ---------------------------------------------------------------------------------------------

COUNTY_ANJIAN = dict(agency="温州市永嘉县安全生产监督管理局", agency_type="安监", admin_level="县区",
                     province="浙江省", city="温州市", district="永嘉县")

AGENCY = [
    P("永嘉县安监局2012年政府信息公开工作年度报告\n本报告由永嘉县安监局编制。", COUNTY_ANJIAN,
      id="county-anjianju-abbrev"),
    P("县安监局2014年政府信息公开工作年度报告\n本报告由永嘉县安全生产监督管理局负责编制。", COUNTY_ANJIAN,
      id="county-short-title-full-name-in-text"),
    P("永嘉县应急局2019年政府信息公开工作年度报告\n现将我局2019年政府信息公开工作情况报告如下。",
      dict(COUNTY_ANJIAN, agency="温州市永嘉县应急管理局", agency_type="应急"), id="county-yingjiju-abbrev"),
    P("洛阳市应急管理局2020年政府信息公开工作年度报告\n现将有关情况报告如下。",
      dict(agency="洛阳市应急管理局", agency_type="应急", admin_level="市", province="河南省", city="洛阳市",
           district=None), id="city-yingji"),
    P("湖北省应急管理厅2021年政府信息公开工作年度报告\n现将有关情况报告如下。",
      dict(agency="湖北省应急管理厅", agency_type="应急", admin_level="省", province="湖北省", city=None,
           district=None), id="province-yingjiting"),
    P("江苏省安全生产监督管理局2015年政府信息公开工作年度报告\n现将有关情况报告如下。",
      dict(agency="江苏省安全生产监督管理局", agency_type="安监", admin_level="省", province="江苏省", city=None),
      id="province-anjianju"),
    P("广西壮族自治区应急管理厅2019年政府信息公开工作年度报告\n现将有关情况报告如下。",
      dict(agency="广西壮族自治区应急管理厅", agency_type="应急", admin_level="省", province="广西壮族自治区"),
      id="autonomous-region"),
    # judgement: a development zone is not in the gazetteer; its name is kept as written
    P("郑州高新技术产业开发区安全生产监督管理局2016年政府信息公开工作年度报告\n现将有关情况报告如下。",
      dict(agency="郑州高新技术产业开发区安全生产监督管理局", agency_type="安监", admin_level="功能区",
           province="河南省", city="郑州市"), id="functional-zone-gaoxin"),
    P("江汉区教育局2016年政府信息公开工作年度报告\n现将有关情况报告如下。",
      dict(agency="武汉市江汉区教育局", agency_type="教育", admin_level="县区", province="湖北省", city="武汉市",
           district="江汉区"), id="district-jiaoyu"),
    P("南昌市环保局2010年政府信息公开工作年度报告\n现将有关情况报告如下。",
      dict(agency="南昌市环境保护局", agency_type="环保", admin_level="市", province="江西省", city="南昌市"),
      id="city-huanbaoju-abbrev"),
    P("福州市鼓楼区环保局2013年政府信息公开工作年度报告\n现将有关情况报告如下。",
      dict(agency="福州市鼓楼区环境保护局", agency_type="环保", admin_level="县区", province="福建省",
           city="福州市", district="鼓楼区"), id="ambiguous-district-with-city"),
    # judgement: 鼓楼区 exists in four cities; without a city the city stays empty
    P("鼓楼区教育局2015年政府信息公开工作年度报告\n现将有关情况报告如下。",
      dict(agency_type="教育", admin_level="县区", province=None, city=None), id="ambiguous-district-alone"),
    # judgement: for a municipality the city is the municipality itself
    P("北京市朝阳区应急管理局2020年政府信息公开工作年度报告\n现将有关情况报告如下。",
      dict(agency="北京市朝阳区应急管理局", agency_type="应急", admin_level="县区", province="北京市",
           city="北京市", district="朝阳区"), id="municipality-district"),
    P("政府信息公开工作年度报告\n2020年，我局认真落实《条例》。\n南昌市应急管理局\n2021年1月20日",
      dict(agency="南昌市应急管理局", agency_type="应急", admin_level="市", city="南昌市"), id="signature-only"),
    P("洛阳市安监局2013年政府信息公开工作年度报告\n根据《河南省安全生产监督管理局政府信息公开实施办法》要求编制本报告。",
      dict(agency="洛阳市安全生产监督管理局", admin_level="市"), id="other-agency-in-book-title"),
    P("政府信息公开工作年度报告\n2014年，我局认真贯彻《条例》，主动公开政府信息60条。",
      dict(agency=None, province=None), id="no-agency-named"),
    # judgement: a county-level city counts as 县区, under its prefecture
    P("宜兴市安监局2014年政府信息公开工作年度报告\n现将有关情况报告如下。",
      dict(agency_type="安监", admin_level="县区", province="江苏省", city="无锡市", district="宜兴市"),
      id="county-level-city"),
]


@pytest.mark.parametrize("text, expected", AGENCY)
def test_agency_region(text, expected):
    _, rec = parse(text)
    assert {k: rec[k] for k in expected} == expected


def test_adcode_of_county():
    _, rec = parse("永嘉县安监局2012年政府信息公开工作年度报告\n本报告由永嘉县安监局编制。")
    assert (rec["adcode"] or "")[:6] == "330324"


# ---------------------------------------------------------------------------------------------
# whole mini-reports (fixtures): several fields at once
# ---------------------------------------------------------------------------------------------

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


def test_fixture_no_heading_problems():
    _, rec = parse(fixture("prose2013_county_anjian_noheading.txt"))
    assert "执法检查结果公开较少" in rec["problems"]
    assert "按季度公开执法检查结果" in rec["measures"]
    assert "按季度公开执法检查结果" not in rec["problems"]


# ---------------------------------------------------------------------------------------------
# evidence: the span points into res.text and contains the number (or the zero wording)
# ---------------------------------------------------------------------------------------------

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


def test_simplified_place_names_with_characters_zhconv_would_convert():
    # 乾 is also a traditional form of 干; 乾县 (咸阳市) must not become 干县
    rec = parse_text("咸阳市乾县安监局2016年政府信息公开工作年度报告\n2016年，我局主动公开政府信息57条。").record
    assert (rec.agency, rec.district) == ("咸阳市乾县安全生产监督管理局", "乾县")
