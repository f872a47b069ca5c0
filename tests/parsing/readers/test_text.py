"""parsing/readers/text.py (decode_bytes): plain text in any of the encodings reports come in decodes to
the same record; binary or empty bytes are refused with a reason."""

import codecs

import pytest
from conftest import seed

from parsing import ReportReadError, decode_bytes, parse_bytes, parse_file

TEXT = seed("002").read_text(encoding="utf-8")


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    lambda t: t.encode("gb18030"),
    lambda t: t.encode("gbk", errors="ignore"),
    lambda t: t.encode("utf-16"),
    lambda t: t.encode("utf-16-le"),
], ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-bom", "utf16le-nobom"])
def test_encodings_decode_to_the_same_record(encode):
    data = encode(TEXT)
    record = parse_bytes(data, file="x.txt").record
    reference = parse_file(seed("002")).record
    assert (record.year, record.proactive_total, record.agency) == (
        reference.year, reference.proactive_total, reference.agency)


def test_gb18030_text_is_detected_not_assumed():
    assert decode_bytes(TEXT.encode("gb18030")) == TEXT


def test_big5_text_is_detected():
    text = "本年度主動公開政府信息共計三十五條，未收到政府信息公開申請。" * 3
    assert decode_bytes(text.encode("big5")) == text


@pytest.mark.parametrize(("data", "message"), [
    (b"", "文件为空"),
    (bytes(range(256)) * 20, "二进制"),
])
def test_unreadable_bytes_are_refused_with_a_reason(data, message):
    with pytest.raises(ReportReadError, match=message):
        decode_bytes(data)
