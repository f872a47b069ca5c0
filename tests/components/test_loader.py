"""components/loader.py: the folder's fingerprint (names, sizes, times: a stat, not a read), and the corpus
of the data folder plus this session's uploads, marked 上传."""

import os

import pytest
from conftest import DATA
from streamlit.testing.v1 import AppTest

from components.loader import fingerprint, progress_text


def test_the_fingerprint_changes_when_a_file_changes(tmp_path):
    assert fingerprint(tmp_path / "missing") == ()
    report = tmp_path / "a.txt"
    report.write_text("2018年，我局主动公开政府信息57条。", encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"not a report")
    before = fingerprint(tmp_path)
    assert [(name, size) for name, size, _mtime in before] == [("a.txt", 48)]
    os.utime(report, ns=(1, 1))
    assert fingerprint(tmp_path) != before


def _view(folder, uploads):
    import streamlit as st

    from components.loader import load

    _corpus, frame = load(folder, uploads)
    st.dataframe(frame[["file", "source"]])


def test_an_upload_joins_the_folders_reports(tmp_path):
    upload = (DATA / "002_31cc29bab18448a3.txt").read_bytes().replace("123条".encode(), "124条".encode())
    at = AppTest.from_function(_view, args=(DATA, (("上传.txt", upload),)), default_timeout=60).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert dict(zip(table["file"], table["source"], strict=True)) == {
        "003_dd0aca17394d444a.txt": "数据文件夹", "002_31cc29bab18448a3.txt": "数据文件夹", "上传.txt": "上传",
        "000_b48a33d21bd5f171.txt": "数据文件夹", "001_4faf77f426963b58.txt": "数据文件夹",
        "004_b34427a2f19d7753.txt": "数据文件夹"}


@pytest.mark.parametrize(("done", "total", "elapsed", "text"), [
    (0, 100_000, 0.0, "正在解析报告：0 / 100,000（只解析新增或改动的文件）"),  # no rate yet
    (25, 100, 0.2, "正在解析报告：25 / 100（只解析新增或改动的文件）"),  # too early for a fair rate
    (1_000, 100_000, 2.0, "正在解析报告：1,000 / 100,000，每秒 500 份，约剩 3 分 18 秒（只解析新增或改动的文件）"),
    (900, 1_000, 3.0, "正在解析报告：900 / 1,000，每秒 300 份，即将完成（只解析新增或改动的文件）"),
    (500, 1_000, 10.0, "正在解析报告：500 / 1,000，每秒 50 份，约剩 10 秒（只解析新增或改动的文件）"),
])
def test_the_load_bar_shows_files_per_second_and_the_time_left(done, total, elapsed, text):
    assert progress_text(done, total, elapsed) == text


def test_each_load_frees_the_cycles_an_earlier_load_left_frozen():
    """The loaded corpus is frozen out of the collector's walks; a cycle from an earlier load that the cache has
    dropped since is collected at the next load, not kept for the server's lifetime."""
    import gc
    import weakref

    from components import loader

    class Node:
        pass

    node = Node()
    node.self = node  # a reference cycle, as pandas and records can hold
    ref = weakref.ref(node)
    try:
        loader._settle()
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()
        assert ref() is not None  # frozen: the collector does not look at it
        loader._settle()
        assert ref() is None  # the next load collects what was dropped
    finally:
        gc.unfreeze()
