"""parsing/extract/channels.py through parse_text, on the shapes real reports are written in (compared as
a set), with the precision traps (a site's column names, a plan, a figurative 窗口). Kept beside
test_channels.py, not in it, because both tables' tests are named test_channels.
Tables and conventions: tests/extract_helpers.py."""

import pytest
from extract_helpers import check

P = pytest.param


CHANNELS = [
    P("2019年，我局依托门户网站、官方微博、微信公众号等平台主动公开政府信息。",
      ["政府网站", "政务微博", "政务微信"], id="ch-web-weibo-weixin-fw"),
    P("2020年,我局积极运用政务新媒体,开通抖音号发布应急科普短视频.",
      ["政务新媒体"], id="ch-xinmeiti-douyin-ascii"),
    P("同时借助《洛阳日报》等报纸和市电视台，宣传安全生产政策法规。",
      ["报刊", "广播电视"], id="ch-baozhi-dianshitai-fw"),
    P("2018年,全年召开新闻发布会3次,通报全区安全生产形势.",
      ["新闻发布会"], id="ch-xinwen-fabuhui-ascii"),
    P("在市档案馆、市图书馆设立政府信息查阅点，方便群众查阅。",
      ["查阅场所"], id="ch-danganguan-chayuedian-fw"),
    # judgement: the 查询服务 is given at the window; no separate reading place is named
    P("在区政务服务中心窗口提供政府信息查询服务,做到随到随查.",
      ["服务窗口"], id="ch-zhengwu-fuwu-chuangkou-ascii"),
    P("依托12345热线受理群众咨询和投诉，做到件件有回音。",
      ["热线电话"], id="ch-12345-fw"),
    P("在办公楼一楼大厅设置政务公开栏,定期更新公示内容.",
      ["公开栏"], id="ch-gongkailan-ascii"),
    # judgement: 政务服务大厅 is the service counter
    P("通过政府网站、政务微博、报刊、广播电视、政务服务大厅等多种渠道公开信息。",
      ["政府网站", "政务微博", "报刊", "广播电视", "服务窗口"], id="ch-mixed-list-fw"),
    # judgement: an open day that brings the public in is a 公众参与活动
    P("2017年,我局举办政府开放日活动,邀请市民代表走进应急指挥中心.",
      ["公众参与活动"], id="ch-kaifangri-ascii"),
    # precision traps
    P("在局门户网站政务公开栏目发布各类信息。",
      ["政府网站"], id="ch-trap-lanmu-fw"),
    P("2016年,我局主要通过门户网站公开信息.下一步将开通政务微博,拓宽公开渠道.",
      ["政府网站"], id="ch-trap-plan-ascii"),
    P("局网站设有政务公开、在线访谈、官方微博、联系我们等栏目。",
      ["政府网站"], id="ch-trap-site-columns-fw"),
    P("充分发挥门户网站作为政务公开第一平台和窗口的作用,及时发布权威信息.",
      ["政府网站"], id="ch-trap-figurative-window-ascii"),
    P("我局积极拓展公开渠道，计划在明年开通微信公众号和政务抖音号。",
      [], id="ch-trap-plan-only-fw"),
    P("2015年,我局在网站首页开设\"专题专栏\",集中发布安全生产月活动信息.",
      ["政府网站"], id="ch-trap-zhuanlan-ascii"),
]


@pytest.mark.parametrize("text, expected", CHANNELS)
def test_channels(text, expected):
    check(text, "channels", expected)
