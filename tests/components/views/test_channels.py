"""components/channels.py (公开渠道): the share of each year's reports naming a channel, and the view's table of
the numbers reports tie to one channel, on the bundled corpus."""

import pandas as pd
import pytest
from view_helpers import run_view

from components.views.channels import channel_shares_by_year
from parsing.extract.channels import CHANNELS


def test_shares_by_year_leave_out_channels_no_report_names(bundled_frame):
    shares = channel_shares_by_year(bundled_frame)
    assert list(shares.columns) == ["2009年", "2018年", "2023年"]
    assert shares.loc["政务微信", "2018年"] == 2 / 3  # 聊城市 and 罗庄区 of the three 2018 reports
    assert list(shares.loc["政务新媒体"]) == [0.0, 1 / 3, 1.0]
    assert "公开栏" not in shares.index


def test_the_view_lists_each_count_with_its_report(bundled_frame):
    at = run_view("channels", bundled_frame)
    counts = at.dataframe[0].value
    rows = {(r["机构"], r["年份"], r["渠道"]): r["数量"] for _, r in counts.iterrows()}
    assert rows == {("聊城市安监", "2018年", "新闻发布会"): 1, ("罗庄区安监", "2018年", "政务微信"): 78}


def test_many_agencies_are_summed_by_region_as_shares(bundled_frame):
    from components.views.channels import region_shares

    level, shares, counts = region_shares(bundled_frame)
    assert level == "城市"  # one province (山东省): by city
    assert dict(counts) == {"淄博市": 2, "临沂市": 1, "聊城市": 2}
    assert shares.loc["淄博市"].max() <= 1 and list(shares.columns)[:3] == list(CHANNELS)[:3]
    ziboshi = bundled_frame[bundled_frame["city"] == "淄博市"]
    first = list(CHANNELS)[0]
    assert shares.loc["淄博市", first] == sum(first in (c or []) for c in ziboshi["channels"]) / 2


def _many_agencies(bundled_frame):
    """The five bundled reports (four agencies) seven times over, each copy's agencies its own: 28 > 25."""
    import pandas as pd

    copies = []
    for i in range(7):
        part = bundled_frame.copy()
        part["agency_key"] = part["agency_key"] + f"（第{i}份）"
        part["file"] = part["file"].str.replace(".txt", f"_{i}.txt")
        copies.append(part)
    return pd.concat(copies, ignore_index=True)


def test_many_agencies_draw_shares_and_trend_first_and_the_stated_numbers_as_the_second_part(bundled_frame):
    frame = _many_agencies(bundled_frame)
    at = run_view("channels", frame)
    assert at.get("button_group")[0].value == "渠道分布与年度趋势"
    keys = [c.proto.id.rsplit("-", 1)[-1] for c in at.get("plotly_chart")]
    assert keys == ["channels_heatmap", "channels_trend"]
    assert not any(s.value == "报告中写明的渠道数量" for s in at.subheader)

    at = run_view("channels", frame, query={"ch": "写明的渠道数量"})
    assert any(s.value == "报告中写明的渠道数量" for s in at.subheader)
    counts = at.dataframe[0].value
    assert len(counts) == 14  # two stated numbers per copy, seven copies
    assert set(counts.loc[counts["渠道"] == "政务微信", "数量"]) == {78}


def _mentions_by_explode(groups, channels):
    """The reference: what _mentions counted before it counted on codes."""
    pairs = pd.DataFrame({"group": groups.to_numpy(), "channel": channels.to_numpy(), "report": range(len(groups))})
    pairs = pairs.explode("channel").dropna(subset=["channel"]).drop_duplicates(["report", "channel"])
    return pairs.groupby(["group", "channel"]).size().unstack(fill_value=0)


@pytest.mark.parametrize(("groups", "channels"), [
    (["山东省", "山东省", "江苏省", None], [["网站", "微博", "网站"], ["微信"], [], ["网站"]]),  # a repeat, NaN group
    ([2019, 2020, 2019], [["网站"], None, ["网站", "公开栏"]]),  # a missing list
    (["甲", "乙"], [[], []]),
])
def test_mentions_count_each_report_once_per_channel_as_an_explode_would(groups, channels):
    from components.views.channels import _mentions

    groups, channels = pd.Series(groups, dtype=object), pd.Series(channels, dtype=object)
    fast, slow = _mentions(groups, channels), _mentions_by_explode(groups, channels)
    if slow.empty:
        assert fast.empty
        return
    columns = sorted(slow.columns)
    assert fast.loc[slow.index, columns].to_numpy().tolist() == slow[columns].to_numpy().tolist()
    assert set(fast.index) == set(slow.index) and set(fast.columns) == set(slow.columns)


def test_a_year_of_five_reports_or_more_is_joined_and_fewer_are_faded(bundled_frame):
    """Twice the bundled reports: 2018 has six (a line point), 2009 and 2023 two each (faded, unjoined)."""
    import json

    import pandas as pd

    twice = pd.concat([bundled_frame, bundled_frame.assign(file="b_" + bundled_frame["file"])], ignore_index=True)
    at = run_view("channels", twice)
    fig = next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if c.proto.id.endswith("channels_trend"))
    web = [t for t in fig["data"] if t["legendgroup"] == "政府网站"]
    assert [(t["mode"], t["y"]) for t in web] == [("lines+markers", [None, 100.0, None]),
                                                   ("markers", [100.0, None, 100.0])]
    assert web[0]["customdata"] == ["2 份报告（少于 5 份，仅供参考，不连线）", "6 份报告", "2 份报告（少于 5 份，仅供参考，不连线）"]
    assert web[1]["showlegend"] is False  # one legend entry per channel


def test_the_region_heatmap_fades_the_rows_of_fewer_than_five_reports(bundled_frame):
    """Ten copies of the five reports, each copy's agencies its own (40 agencies), 临沂市 kept in one copy only:
    淄博市 20 reports, 聊城市 20, 临沂市 1 (faded, its hover says so)."""
    import json

    import pandas as pd

    copies = []
    for i in range(10):
        part = bundled_frame.assign(agency_key=bundled_frame["agency_key"] + f"（第{i}份）",
                                    file=bundled_frame["file"].str.replace(".txt", f"_{i}.txt"))
        copies.append(part if i == 0 else part[part["city"] != "临沂市"])
    frame = pd.concat(copies, ignore_index=True)
    heat = next(json.loads(c.proto.spec) for c in run_view("channels", frame).get("plotly_chart")
                if c.proto.id.endswith("channels_heatmap"))
    solid, faint = heat["data"]
    assert solid["y"] == ["全部（41份）", "淄博市（20份）", "聊城市（20份）", "临沂市（1份）"]
    assert faint["opacity"] == 0.35
    assert [row[0] for row in faint["customdata"]] == ["41 份报告", "20 份报告", "20 份报告", "1 份报告（少于 5 份，仅供参考）"]
