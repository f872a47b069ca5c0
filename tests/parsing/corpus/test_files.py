"""parsing/corpus/files.py: listing and reading report files — links and special files are named and
skipped, never followed; the size limit holds even where the size is not known beforehand."""

from pathlib import Path

import pytest

from parsing import ReportReadError, iter_report_paths


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


def test_listed_reports_lists_what_iter_report_paths_yields_as_absolute_strings(tmp_path, monkeypatch):
    import os

    from parsing.corpus.files import listed_reports

    def report_files(given):
        return [(name, where) for name, where, _info in listed_reports(given)]

    (tmp_path / "b.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "a.MD").write_text("甲", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("隐", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    (tmp_path / "sub.txt").mkdir()  # a folder named like a report is not one
    os.symlink("/etc/passwd", tmp_path / "link.txt")  # listed, so that reading it names why it is skipped
    single = tmp_path / "sub.txt" / "c.txt"
    single.write_text("丙", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    given = [".", "sub.txt/c.txt"]
    assert report_files(given) == [(p.name, os.path.abspath(p)) for p in iter_report_paths(given)]
    assert report_files(given) == [("a.MD", str(tmp_path / "a.MD")), ("b.txt", str(tmp_path / "b.txt")),
                                   ("link.txt", str(tmp_path / "link.txt")), ("c.txt", str(single))]


@pytest.mark.parametrize("name", ["a.txt", "A.TXT", "a.b.Md", "a..txt", "a.", "abc", ".txt", "..txt", ".a.txt",
                                  "dir.x/abc", "dir/a.txt", "报告.DOCX", "a.tar.gz", "...", ""])
def test_suffix_of_is_splitext_lowered(name):
    import os

    from parsing.corpus.files import suffix_of

    assert suffix_of(name) == os.path.splitext(name)[1].lower()


@pytest.mark.parametrize("name", ["a.txt", "A.TXT", "a.tar.Md", "a..txt", "a.txt.bak", "atxt", "报告.DOCX",
                                  "x.md.txt", "İ.TXT", "a.", "a.htm", "a.HTML", "b.pdf"])
def test_a_folder_lists_a_name_exactly_when_its_suffix_is_a_report_type(tmp_path, name):
    import os

    from parsing.corpus.files import listed_reports
    from parsing.readers import SUPPORTED_SUFFIXES

    (tmp_path / name).write_bytes(b"x")
    listed = [n for n, _where, _info in listed_reports([tmp_path])]
    assert listed == ([name] if os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES else [])
