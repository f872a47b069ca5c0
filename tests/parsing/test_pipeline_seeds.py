"""The exact values the parsing issue lists for the five bundled reports."""

import pytest

COMMON_ZEROS = {"applications_received": 0, "fees": 0, "reconsideration": 0, "litigation": 0}

EXPECTED = {
    "000": {
        "agency": "淄博市张店区安全生产监督管理局", "agency_type": "安监", "admin_level": "县区",
        "province": "山东省", "city": "淄博市", "district": "张店区", "adcode": "370303",
        "year": 2018, "format": "prose", "proactive_total": 280, **COMMON_ZEROS,
    },
    "001": {
        "agency": "聊城市安全生产监督管理局", "agency_type": "安监", "admin_level": "市",
        "province": "山东省", "city": "聊城市", "district": None, "adcode": "371500",
        "year": 2018, "format": "prose", "proactive_total": 1000,
        "proactive_breakdown": {"政策文件": 34, "规划计划": 16, "工作动态": 83, "政策解读": 5},
        "channel_counts": {"新闻发布会": 1}, **COMMON_ZEROS,
    },
    "002": {
        "agency": "淄博市张店区安全生产监督管理局", "agency_type": "安监", "admin_level": "县区",
        "province": "山东省", "city": "淄博市", "district": "张店区", "adcode": "370303",
        "year": 2009, "format": "prose", "proactive_total": 123,
        "proactive_breakdown": {"机构职能": 16, "政策法规": 10, "规划计划": 1, "业务工作": 4, "其他": 92},
        **COMMON_ZEROS,
    },
    "003": {
        "agency": "临沂市罗庄区安全生产监督管理局", "agency_type": "安监", "admin_level": "县区",
        "province": "山东省", "city": "临沂市", "district": "罗庄区", "adcode": "371311",
        "year": 2018, "format": "prose", "proactive_total": 57,
        "channel_counts": {"政务微信": 78}, **COMMON_ZEROS,
    },
    "004": {
        "agency": "聊城江北水城旅游度假区安全生产监督管理局", "agency_type": "安监", "admin_level": "功能区",
        "province": "山东省", "city": "聊城市", "district": "江北水城旅游度假区",
        "year": 2023, "format": "template2019", "proactive_total": 47, **COMMON_ZEROS,
    },
}

CHANNELS = {
    "000": {"政府网站", "热线电话", "查阅场所"},
    "001": {"政府网站", "政务微博", "政务微信", "报刊", "广播电视", "新闻发布会"},
    "002": {"政府网站", "报刊", "广播电视", "查阅场所", "服务窗口"},
    "003": {"政府网站", "查阅场所", "广播电视", "报刊", "政务微信", "服务窗口"},
    "004": {"政府网站", "政务新媒体"},
}

PROBLEMS = {
    "000": ["公开的及时性、便民性还需要进一步提高"],
    "001": ["信息公开的重视程度有待提高"],
    "002": ["及时性、便民性上还需要进一步提高"],
    "003": ["公开内容不全面", "信息公开工作人力不足"],
    "004": ["解读方式还不够灵活多样"],
}
MEASURES = {
    "000": "拓宽各类信息公开渠道",
    "001": "加强政策解读",
    "002": "拓宽政府信息公开渠道",
    "003": "创新安全生产信息公开的方式方法",
    "004": "创新公开解读方式",
}

FIELD_CASES = [(sid, key, value) for sid, fields in EXPECTED.items() for key, value in fields.items()]


@pytest.mark.parametrize(("sid", "key", "expected"), FIELD_CASES, ids=[f"{s}-{k}" for s, k, _ in FIELD_CASES])
def test_seed_field(parsed_seeds, sid, key, expected):
    assert getattr(parsed_seeds[sid].record, key) == expected


@pytest.mark.parametrize("sid", sorted(CHANNELS))
def test_seed_channels_include(parsed_seeds, sid):
    assert CHANNELS[sid] <= set(parsed_seeds[sid].record.channels)


@pytest.mark.parametrize("sid", sorted(PROBLEMS))
def test_problems_and_measures_are_separate(parsed_seeds, sid):
    record = parsed_seeds[sid].record
    for phrase in PROBLEMS[sid]:
        assert phrase in record.problems
    assert MEASURES[sid] in record.measures
    assert MEASURES[sid] not in record.problems


def test_same_agency_across_years(parsed_seeds):
    assert parsed_seeds["000"].record.agency == parsed_seeds["002"].record.agency


def test_cumulative_total_is_flagged(parsed_seeds):
    assert any("累计" in w for w in parsed_seeds["000"].record.warnings)


def test_partial_breakdown_is_flagged(parsed_seeds):
    assert any("138" in w and "1000" in w for w in parsed_seeds["001"].record.warnings)


def test_complete_breakdown_is_not_flagged(parsed_seeds):
    assert not any("分类" in w for w in parsed_seeds["002"].record.warnings)


@pytest.mark.parametrize("sid", sorted(EXPECTED))
def test_every_non_null_scalar_has_consistent_evidence(parsed_seeds, sid):
    parsed = parsed_seeds[sid]
    record = parsed.record
    scalars = ["agency", "agency_type", "admin_level", "province", "city", "district", "adcode", "year",
               "format", "proactive_total", "applications_received", "fees", "reconsideration", "litigation"]
    for key in scalars:
        if getattr(record, key) is not None:
            assert key in record.evidence, key
    for key, ev in record.evidence.items():
        assert parsed.text[ev.start:ev.end] == ev.text, key
        assert ev.text.strip(), key


@pytest.mark.parametrize(("sid", "key", "needle"), [
    ("000", "proactive_total", "280"), ("001", "proactive_total", "1000"), ("002", "proactive_total", "123"),
    ("003", "proactive_total", "57"), ("004", "proactive_total", "47"), ("002", "year", "2009"),
    ("001", "channel_counts.新闻发布会", "新闻发布会1次"), ("003", "channel_counts.政务微信", "78条"),
    ("002", "proactive_breakdown.机构职能", "16条"), ("000", "applications_received", "无信息公开申请"),
])
def test_evidence_contains_the_number(parsed_seeds, sid, key, needle):
    assert needle in parsed_seeds[sid].record.evidence[key].text
