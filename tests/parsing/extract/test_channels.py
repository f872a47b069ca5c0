"""parsing/extract/channels.py through parse_text: the channels a report names (present, and absent where
negated, planned or part of a name) and the counts tied to one channel. The real-shape channel table is
in test_channels_real_shapes.py: its test has the same name as the phrasing table's test_channels.
Tables and conventions: tests/extract_helpers.py."""

import pytest
from extract_helpers import parse

P = pytest.param


# ---- phrasing tables: synthetic snippets in phrasings the seeds do not show

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
