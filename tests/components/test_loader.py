"""components/loader.py: the folder's fingerprint (names, sizes, times: a stat, not a read), and the corpus
of the data folder plus this session's uploads, marked 上传."""

import os

from conftest import DATA
from streamlit.testing.v1 import AppTest

from components.loader import fingerprint


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
