import codecs
from pathlib import Path

import pytest
from conftest import seed

from parsing import ReportReadError, decode_bytes, iter_report_paths, parse_bytes, parse_file

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


def test_symlinks_and_fifos_are_named_and_skipped_never_followed(tmp_path):
    import os

    from parsing.corpus.files import read_report_bytes

    (tmp_path / "a.txt").write_text("2018年，我局主动公开政府信息57条。", encoding="utf-8")
    os.symlink("/etc/passwd", tmp_path / "passwd.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    seen = {}
    for path in iter_report_paths([tmp_path]):
        try:
            seen[path.name] = len(read_report_bytes(path))
        except ReportReadError as exc:
            seen[path.name] = str(exc)
    assert seen["a.txt"] == len("2018年，我局主动公开政府信息57条。".encode())
    assert seen["passwd.txt"].startswith("是符号链接")
    assert seen["pipe.txt"].startswith("不是普通文件")
    with pytest.raises(ReportReadError, match="符号链接"):
        read_report_bytes(tmp_path / "passwd.txt")  # also when given directly as the path


def test_a_proc_file_reporting_size_zero_is_still_size_limited(monkeypatch):
    from parsing.corpus.files import read_report_bytes

    monkeypatch.setenv("REPORT_MAX_MB", "0.0001")  # 104 bytes
    with pytest.raises(ReportReadError):
        read_report_bytes(Path("/proc/self/status"))  # not a regular file / or over the limit: never read whole
