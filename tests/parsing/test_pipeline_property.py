"""Whatever the text, parsing returns a well-formed record and never raises."""

from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsing import parse_bytes, parse_text
from parsing.errors import ReportReadError
from parsing.schema import Report

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
GENRE = st.sampled_from(["主动公开政府信息", "共", "条", "一、", "（二）", "\t", "\n", "存在的问题", "下一步",
                         "未收到", "申请", "行政复议", "2018年", "区安监局", "微信", "０", "万", "累计", "。", "，"])
TEXT = st.lists(st.one_of(st.text(max_size=20), st.text(CJK, max_size=20), GENRE), max_size=60).map("".join)


def check(record: Report, text: str) -> None:
    data = record.to_dict()
    assert list(data) == Report.keys()
    assert record.format in ("prose", "template2019")
    assert isinstance(record.channels, list) and isinstance(record.warnings, list)
    for key, ev in record.evidence.items():
        assert text[ev.start:ev.end] == ev.text, key


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_arbitrary_text(text):
    parsed = parse_text(text)
    check(parsed.record, parsed.text)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SEED_TEXTS), st.integers(0, 9000), st.integers(0, 9000))
def test_truncated_and_spliced_seeds(text, cut, splice):
    mutated = text[:cut] + text[splice:]
    parsed = parse_text(mutated)
    check(parsed.record, parsed.text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_either_parse_or_refuse_with_reason(data):
    try:
        parsed = parse_bytes(data, file="random.bin")
    except ReportReadError as exc:
        assert str(exc)
        return
    check(parsed.record, parsed.text)


def _sections(text: str) -> list[str]:
    import re

    parts = re.split(r"(?m)^(?=[一二三四五六七八九十]{1,3}、)", text)
    return [p for p in parts if p]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SEED_TEXTS), st.randoms(use_true_random=False))
def test_sections_shuffled(text, rnd):
    parts = _sections(text)
    rnd.shuffle(parts)
    parsed = parse_text("".join(parts))
    check(parsed.record, parsed.text)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(SEED_TEXTS), st.sampled_from(["gb18030", "utf-16", "utf-16-le", "utf-8-sig", "big5"]),
       st.integers(0, 9000))
def test_encodings_swapped_and_cut(text, encoding, cut):
    data = text[:cut].encode(encoding, errors="replace")
    try:
        parsed = parse_bytes(data, file="swapped.txt")
    except ReportReadError as exc:
        assert str(exc)
        return
    check(parsed.record, parsed.text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=30),
                max_size=40))
def test_random_chinese_lines(lines):
    parsed = parse_text("\n".join(lines))
    check(parsed.record, parsed.text)
