"""parsing/text/furniture.py: page furniture out, page data kept, prose untouched.

The cases are written in the shapes saved pages and crawls take (a breadcrumb and a 来源 line above the
title, a tool bar as bullets, a share bar, a CMS credit under the signature, registration numbers in the
footer, a wiki mirror's chrome, a hidden widget's words at the end of a crawl), in our own words."""

import pytest

from parsing import parse_text
from parsing.analysis.keywords import terms
from parsing.text import furniture
from parsing.text.furniture import is_page_meta, strip_furniture
from parsing.text.normalize import normalize_text

P = pytest.param

BODY = "一、概述\n2020年，我局主动公开政府信息120条。\n"

STRIPPED = [
    P("当前位置：首页 > 政务公开 > 年度报告\n来源：某县交通局  发布时间：2021-01-20 09:30  访问次数：【字号：大 中 小】\n分享：\n"
      + BODY,
      "当前位置：首页 > 政务公开 > 年度报告\n来源：某县交通局  发布时间：2021-01-20 09:30\n" + BODY,
      ["访问次数： 【字号：大 中 小】", "分享："], id="header-tools-cut-meta-kept"),
    P("某市水务局2019年政府信息公开工作报告\n发布日期：2020-01-10\n  • 字号：\n  • |\n  • 打印\n\n" + BODY,
      "某市水务局2019年政府信息公开工作报告\n发布日期：2020-01-10\n\n" + BODY,
      ["• 字号：", "• |", "• 打印"], id="bulleted-tool-bar"),
    P(BODY + "二、存在的不足\n1、信息更新不够及时。\n  某县环境保护局\n  二○一○年三月三十日\n \nProduced By 某某网络 某某发布系统",
      BODY + "二、存在的不足\n1、信息更新不够及时。\n  某县环境保护局\n  二○一○年三月三十日\n ",
      ["Produced By 某某网络 某某发布系统"], id="cms-credit-under-signature"),
    P(BODY + "三、其他事项\n无。\n主办单位：某市人民政府办公室  承办：某市大数据中心\n网站标识码：3300000001  浙ICP备12345678号\n"
      "浙公网安备 33010202000001号\n版权所有 © 2021 某市人民政府\n技术支持：某某信息技术有限公司",
      BODY + "三、其他事项\n无。",
      ["主办单位：某市人民政府办公室  承办：某市大数据中心", "网站标识码：3300000001  浙ICP备12345678号",
       "浙公网安备 33010202000001号", "版权所有 © 2021 某市人民政府", "技术支持：某某信息技术有限公司"],
      id="site-footer"),
    P(BODY + "六、其他需要报告的事项\n无。\n某市林业局\n2025年1月14日\n（此件主动公开）\n翻译\n搜索\n复制",
      BODY + "六、其他需要报告的事项\n无。\n某市林业局\n2025年1月14日\n（此件主动公开）",
      ["翻译", "搜索", "复制"], id="hidden-widget-at-end-of-crawl"),
    P(BODY + "（三）繼續拓寬公開渠道。\n相關詞條\n\n熱門詞條\n\n聯絡我們",
      BODY + "（三）繼續拓寬公開渠道。\n\n",  # blank lines stay (normalisation drops them)
      ["相關詞條", "熱門詞條", "聯絡我們"], id="wiki-mirror-chrome-traditional"),
    P("首頁(yè) |\n|\n某省林業局2012年政府信息公開年度報告\n" + BODY,
      "某省林業局2012年政府信息公開年度報告\n" + BODY,
      ["首頁(yè) |", "|"], id="mirror-home-link-with-pinyin"),
    P("2021/8/16 上午9:31:36 星期一\n\n某区教育局2021年度政府信息公开工作报告\n" + BODY,
      "\n某区教育局2021年度政府信息公开工作报告\n" + BODY,
      ["2021/8/16 上午9:31:36 星期一"], id="page-clock"),
    P("欢迎访问某市审计局官网!\n某市审计局2020年度政府信息公开工作报告\n" + BODY,
      "某市审计局2020年度政府信息公开工作报告\n" + BODY,
      ["欢迎访问某市审计局官网!"], id="welcome-banner"),
    P("日期:2013-03-29 10:35 来源:某某街道 打印页面 关闭页面\n" + BODY,
      "日期:2013-03-29 10:35 来源:某某街道\n" + BODY,
      ["打印页面 关闭页面"], id="tools-on-a-meta-line"),
    P("发布日期:2016-01-18 浏览次数:8217 字体:[ ]\n" + BODY,
      "发布日期:2016-01-18\n" + BODY,
      ["浏览次数:8217 字体:[ ]"], id="counter-and-font-on-a-date-line"),
    P("当前位置:首页>政府信息公开\n发布时间:2015-03-31 16:18:08 来源:\n打印| 字号:[ ]|\n" + BODY,
      "当前位置:首页>政府信息公开\n发布时间:2015-03-31 16:18:08 来源:\n" + BODY,
      ["打印| 字号:[ ]|"], id="print-and-font-bar"),
    P(BODY + "【打印本頁】 【關閉窗口】\n上一篇：某局2019年政府信息公开工作年度报告\n下一篇：关于开展安全检查的通知",
      BODY.rstrip("\n"),
      ["【打印本頁】 【關閉窗口】", "上一篇：某局2019年政府信息公开工作年度报告", "下一篇：关于开展安全检查的通知"],
      id="print-close-and-neighbours"),
    P(BODY + "附件下载：\n2020年政府信息公开工作年度报告.pdf（365KB）\n附件：政府信息公开情况统计表\n",
      BODY + "附件：政府信息公开情况统计表\n",
      ["附件下载：", "2020年政府信息公开工作年度报告.pdf（365KB）"], id="attachment-download"),
    P(BODY + "二、存在的问题\n信息发布还不够及时。分享到：微信 微博 QQ空间\n",
      BODY + "二、存在的问题\n信息发布还不够及时。\n",
      ["分享到：微信 微博 QQ空间"], id="share-bar-glued-after-last-sentence"),
    P(BODY + "分享到：\n微信\n微博\n",
      BODY,
      ["分享到：", "微信", "微博"], id="share-bar-one-target-a-line"),
    P("【有声朗读】:\n" + BODY + "扫一扫在手机打开当前页\n",
      BODY,
      ["【有声朗读】:", "扫一扫在手机打开当前页"], id="read-aloud-and-qr"),
]


@pytest.mark.parametrize("raw, expected, removed", STRIPPED)
def test_furniture_is_cut_and_the_rest_kept_as_written(raw, expected, removed):
    out = strip_furniture(raw)
    assert out.text == expected
    assert [r.strip() for r in out.removed] == removed


KEPT = [
    # a crawl writes one text node per line: a lone 微信 inside a broken sentence is the report's word
    P("我局通过\n微信\n公众号发布信息36条。\n", id="lone-weixin-in-a-broken-sentence"),
    P("二、主动公开情况\n依托门户网站、微信、微博发布信息。\n", id="channels-in-prose"),
    P("完成网站适老化及无障碍改造，开通关怀版。\n", id="accessibility-in-prose"),
    P("莆田市某局\n2024年1月9日\n（此件主动公开）\n", id="signature-and-marking"),
    P("附件：政府信息公开情况统计表\n", id="attachment-title-without-a-file"),
    P("商\n业\n企\n业\n科研\n机构\n", id="template-header-split-per-character"),
    P("本报告的电子版可在某市政府网站（www.a.gov.cn）下载。\n", id="download-sentence"),
    P("如对本报告有疑问，请联系我们：电话0591-1234567。\n", id="contact-sentence"),
]


@pytest.mark.parametrize("raw", KEPT)
def test_report_text_is_never_furniture(raw):
    assert strip_furniture(raw).text == raw
    assert strip_furniture(raw).removed == ()


@pytest.mark.parametrize("line, meta", [
    P("来源：某市人民政府", True, id="source"),
    P("发布机构: 某市林业局", True, id="crawler-agency"),
    P("标题: 某市林业局2023年政府信息公开工作年度报告", True, id="crawler-title"),
    P("索引號: | /2019-49762 | 公開方式: | 主動公開 |", True, id="index-traditional"),
    P("当前位置：首页", True, id="breadcrumb-start"),
    P(">>政务公开>>部门信息公开>>某局>>年报", True, id="breadcrumb-continued"),
    P("某市政府信息公开专栏 >> 某市地震局 >> 信息公开年度报告", True, id="trail-without-home"),
    P("某市应急管理局2020年政府信息公开工作年度报告", False, id="title"),
    P("通过门户网站→政府信息公开专栏查阅,网址为:http://a.gov.cn", False, id="how-to-find-sentence"),
    P("一、总体情况", False, id="heading"),
])
def test_page_meta_lines(line, meta):
    assert is_page_meta(line) is meta


def test_page_data_is_not_glued_to_the_title_or_the_first_paragraph():
    raw = ("日期:2023-01-11 来源:某市人民政府\n某某镇2022年政府信息公开工作年度报告\n"
           "来源:某县某局 时间:2021年01月29日\n依据《中华人民共和国政府信息公开条例》规定,结合我局工作实际,开展工作\n")
    assert normalize_text(raw).split("\n")[:4] == [
        "日期:2023-01-11来源:某市人民政府", "某某镇2022年政府信息公开工作年度报告",
        "来源:某县某局时间:2021年01月29日", "依据《中华人民共和国政府信息公开条例》规定,结合我局工作实际,开展工作"]


REPORT = ("某县某局2009年度信息公开工作报告\n"
          "分享到：\n微信\n微博\n"
          "一、基本情况\n2009年，我局在县政府网站主动公开政府信息42条。\n"
          "二、存在的不足\n1、有的信息发布还不够及时。\n2、信息发布的内容还不够全面。\n"
          "三、改进措施\n进一步加强信息更新。\n"
          "Produced By 大汉网络 大汉版通发布系统\n")


def test_furniture_never_reaches_sections_keywords_or_channels():
    record = parse_text(REPORT).record
    assert record.measures == "进一步加强信息更新。"
    assert record.problems == "1、有的信息发布还不够及时。\n2、信息发布的内容还不够全面。"
    assert "大汉" not in "".join(terms(record.measures))
    assert record.channels == ["政府网站"]  # the share bar's 微信 / 微博 are not channels the agency used


def test_a_bad_pattern_names_the_file_and_the_pattern(tmp_path, monkeypatch):
    bad = tmp_path / "furniture.toml"
    bad.write_text(furniture.FILE.read_text(encoding="utf-8").replace("'produced\\s*by',", "'produced(by',"),
                   encoding="utf-8")
    monkeypatch.setattr(furniture, "FILE", bad)
    furniture.vocabulary.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"furniture\.toml: \[line\] pattern 'produced\(by'"):
            furniture.vocabulary()
    finally:
        furniture.vocabulary.cache_clear()
