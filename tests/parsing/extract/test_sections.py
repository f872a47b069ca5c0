"""parsing/extract/sections.py through parse_text: the 存在的问题 and 改进措施 parts, found under any of
their headings (or none) and kept apart. Tables and conventions: tests/extract_helpers.py."""

import pytest
from extract_helpers import check, fixture, parse, record

P = pytest.param


# ---- phrasing tables: synthetic snippets in phrasings the seeds do not show

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


def test_fixture_no_heading_problems():
    _, rec = parse(fixture("prose2013_county_anjian_noheading.txt"))
    assert "执法检查结果公开较少" in rec["problems"]
    assert "按季度公开执法检查结果" in rec["measures"]
    assert "按季度公开执法检查结果" not in rec["problems"]


# ---- real-shape tables: the shapes real reports are written in

CONTENTS_FW = ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
               "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。\n"
               "一、总体情况\n2020年，我局紧紧围绕中心工作，扎实推进政务公开。")


CONTENTS_ASCII = ("本年度报告包括:总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,"
                  "政府信息公开行政复议、行政诉讼情况,存在的主要问题及改进情况,其他需要报告的事项.\n"
                  "一、总体情况\n2021年,我局持续加大主动公开力度.")


SECTIONS_EMPTY = [
    P(CONTENTS_FW, "problems", "", id="pm-contents-sentence-cut-problems-fw"),
    P(CONTENTS_FW, "measures", "", id="pm-contents-sentence-cut-measures-fw"),
    P(CONTENTS_ASCII, "problems", "", id="pm-contents-sentence-cut-problems-ascii"),
]


@pytest.mark.parametrize("text, field, expected", SECTIONS_EMPTY)
def test_sections_empty(text, field, expected):
    check(text, field, expected)


FIX_THEN_PROBLEMS = ("五、存在的主要问题及改进情况\n（一）上一年度问题整改情况\n针对栏目更新滞后的问题，我局明确了每周更新制度。\n"
                     "（二）存在的主要问题\n政务新媒体内容原创性不足。\n（三）改进措施\n2022年，我局将加强新媒体编辑队伍建设。")


SECTIONS = [
    P("五、存在的主要问题及改进情况\n（一）存在的问题\n一是信息更新不够及时，二是公开内容不够丰富。\n"
      "（二）改进措施\n下一步，我局将建立专人负责的审核发布机制。",
      "信息更新不够及时", "建立专人负责的审核发布机制", id="pm-heading-wu-parts-fw"),
    P("五、存在的主要问题及改进情况\n(一)存在问题\n政策解读形式比较单一,群众关注度不高.\n"
      "(二)改进措施\n丰富解读形式,多采用图解和短视频.",
      "政策解读形式比较单一", "多采用图解和短视频", id="pm-heading-wu-parts-ascii"),
    P("存在问题和下一步打算\n一是网站栏目分类不够科学，二是工作人员业务水平有待提高。\n"
      "下一步，我局将组织专题培训，并邀请专家授课。",
      "网站栏目分类不够科学", "组织专题培训", id="pm-unnumbered-heading-fw"),
    P("存在问题和下一步打算\n主要是基层单位对公开工作重视程度不一.\n"
      "2017年,我局将把公开工作纳入年度目标考核.",
      "重视程度不一", "纳入年度目标考核", id="pm-unnumbered-heading-ascii"),
    P("五、存在的主要问题及改进情况\n(一)上年问题的改进情况\n针对上年度解读不足的问题,我局制作图解10篇.\n"
      "(二)本年存在的主要问题\n依申请公开办理人员的业务能力仍需提升.",
      "依申请公开办理人员的业务能力", "制作图解10篇", id="pm-problems-after-measures-ascii"),
    P(FIX_THEN_PROBLEMS, "内容原创性不足", "加强新媒体编辑队伍建设", id="pm-problems-after-measures-fw"),
    # judgement: the (一) part reports what was improved, so it belongs to measures, not problems
    P(FIX_THEN_PROBLEMS, "内容原创性不足", "明确了每周更新制度", id="pm-prior-year-fix-is-measure-fw"),
    # the labelled copies turn only ，：；（） into ASCII; a full stop stays 。
    P("六、存在的不足及改进措施\n虽然取得了一定成效,但仍存在公开内容不够全面的问题。\n"
      "2014年,我局将着力做好以下工作:一是扩大主动公开范围,二是规范依申请公开流程。",
      "公开内容不够全面", "扩大主动公开范围", id="pm-buzu-gaijin-ascii"),
]


@pytest.mark.parametrize("text, in_problems, in_measures", SECTIONS)
def test_sections(text, in_problems, in_measures):
    rec = record(text)
    assert in_problems in rec.problems, f"problems: {in_problems!r} not in {rec.problems!r}"
    assert in_measures in rec.measures, f"measures: {in_measures!r} not in {rec.measures!r}"
    assert in_problems not in rec.measures, f"measures holds the problem {in_problems!r}: {rec.measures!r}"
    assert in_measures not in rec.problems, f"problems holds the measure {in_measures!r}: {rec.problems!r}"


# ---- the report's close (signature, date, marking) ends the last section: its words are no problem or measure

CLOSING = [
    P("二、存在的不足\n1、有的信息发布还不够及时。\n2、信息发布的内容还不够全面。\n某县环境保护局\n二○一○年三月三十日\n",
      "problems", "1、有的信息发布还不够及时。\n2、信息发布的内容还不够全面。", id="signature-chinese-date"),
    P("五、存在的问题及改进措施\n信息更新不够及时。下一步，我局将完善信息更新机制。\n某市某某局\n20\n23\n年\n1\n月\n3\n日\n（此件主动公开）\n",
      "measures", "下一步，我局将完善信息更新机制。", id="crawl-date-one-piece-a-line-and-marking"),
    P("五、存在的问题及改进措施\n信息更新不够及时。下一步，我局将完善信息更新机制。\n某市某某局\n2024年1月9日\n"
      "某市某某局办公室\n2024年1月9日印发\n",
      "measures", "下一步，我局将完善信息更新机制。", id="signature-and-issuing-line"),
    # no date under the name: a last line naming a body is not a signature, so nothing is cut
    P("五、存在的问题及改进措施\n信息更新不够及时。下一步，将主动对接市大数据中心\n",
      "measures", "下一步，将主动对接市大数据中心", id="no-date-no-close"),
]


@pytest.mark.parametrize("text, field, expected", CLOSING)
def test_the_close_ends_the_last_section(text, field, expected):
    assert getattr(record(text), field) == expected
