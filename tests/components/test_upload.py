"""components/upload.py: uploads live in this session only; a report is taken out of the data folder into
.trash/ (never deleted) after a confirmation."""

from pathlib import Path

from streamlit.testing.v1 import AppTest


def _view(folder, files):
    from components import upload

    upload.render_remove(folder, files)
    upload.render_save(folder)  # nothing uploaded: draws nothing


def test_removing_a_report_moves_it_to_the_trash(tmp_path: Path):
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "b.txt").write_text("乙", encoding="utf-8")
    at = AppTest.from_function(_view, args=(tmp_path, ["b.txt", "a.txt"]), default_timeout=30).run()
    assert at.selectbox(key="remove_name").options == ["a.txt", "b.txt"]
    assert at.button(key="remove_report").disabled  # nothing chosen, nothing confirmed
    at.selectbox(key="remove_name").set_value("a.txt").run()
    at.checkbox(key="remove_confirm").check().run()
    at.button(key="remove_report").click().run()
    assert not at.exception
    assert not (tmp_path / "a.txt").exists() and (tmp_path / "b.txt").exists()
    assert [p.read_text(encoding="utf-8") for p in (tmp_path / ".trash").iterdir()] == ["甲"]
    assert at.success[0].value == "已移到 \\.trash/a\\.txt"  # shown escaped, as every file name
    assert [b.key for b in at.button] == ["remove_report"]  # no upload: no save button


def test_no_upload_means_an_empty_session_corpus():
    from components.upload import uploaded

    assert uploaded() == ()


def test_a_folder_of_thousands_offers_200_names_and_a_search_box(tmp_path: Path):
    names = [f"{i:04d}_report.txt" for i in range(1, 251)]
    (tmp_path / "0249_report.txt").write_text("甲", encoding="utf-8")
    at = AppTest.from_function(_view, args=(tmp_path, names), default_timeout=30).run()
    assert len(at.selectbox(key="remove_name").options) == 200
    assert at.sidebar.caption[0].value == "另有 50 份报告未列出：在“查找报告”中输入文件名中的字。"
    at.text_input(key="remove_query").input("0249").run()
    assert at.selectbox(key="remove_name").options == ["0249_report.txt"]
    at.selectbox(key="remove_name").set_value("0249_report.txt").run()
    at.checkbox(key="remove_confirm").check().run()
    at.button(key="remove_report").click().run()
    assert not at.exception and not (tmp_path / "0249_report.txt").exists()


# ---- uploads: never lost, never parsed in the server, refused files never saved

def _uploads_page(folder):
    import streamlit as st

    from components import upload
    from components.loader import load

    upload.render_uploader(folder)
    corpus, frame = load(folder, upload.uploaded())
    upload.render_save(folder, corpus)
    st.markdown(f"reports={len(frame)} files={'|'.join(sorted(frame['file']))}")


def _page(folder) -> AppTest:
    return AppTest.from_function(_uploads_page, args=(folder,), default_timeout=60).run()


def _report(agency: str, total: int) -> bytes:
    return (f"{agency}2020年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息{total}条，通过政府网站发布。\n"
            "收到政府信息公开申请5件。\n").encode()


def test_two_uploads_with_one_name_are_both_kept(tmp_path: Path):
    """From two folders, or two batches: the second is renamed as saving renames, and both are counted and saved."""
    (tmp_path / "seed.txt").write_bytes(_report("某市甲区应急管理局", 10))
    at = _page(tmp_path)
    at.sidebar.file_uploader(key="uploader").set_value([("年报.txt", _report("某市乙区应急管理局", 11), "text/plain"),
                                                        ("年报.txt", _report("某市丙区应急管理局", 12), "text/plain")]).run()
    assert not at.exception
    assert at.markdown[-1].value == "reports=3 files=seed.txt|年报-1.txt|年报.txt"
    assert any("已有同名文件“年报\\.txt”：这一份记为“年报\\-1\\.txt”，两份都保留" in i.value for i in at.sidebar.info)
    at.sidebar.button(key="save_uploads").click().run()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.txt", "年报-1.txt", "年报.txt"]
    assert (tmp_path / "年报-1.txt").read_bytes() == _report("某市丙区应急管理局", 12)


def test_an_upload_whose_bytes_are_already_there_is_said_to_be_a_duplicate(tmp_path: Path):
    (tmp_path / "seed.txt").write_bytes(_report("某市甲区应急管理局", 10))
    at = _page(tmp_path)
    at.sidebar.file_uploader(key="uploader").set_value([("a.txt", _report("某市乙区应急管理局", 11), "text/plain"),
                                                        ("b.txt", _report("某市乙区应急管理局", 11), "text/plain"),
                                                        ("c.txt", _report("某市甲区应急管理局", 10), "text/plain")]).run()
    assert not at.exception
    assert at.markdown[-1].value == "reports=2 files=a.txt|seed.txt"  # b and c counted once, no 冲突 with seed
    infos = [i.value for i in at.sidebar.info]
    assert "“b\\.txt”与已上传的“a\\.txt”内容完全相同，只计一次。" in infos
    assert "“c\\.txt”与数据文件夹中的“seed\\.txt”内容完全相同，已在语料中，无需保存。" in infos
    assert at.sidebar.button(key="save_uploads").label == "保存到数据文件夹（1 份）"


def test_a_file_the_worker_refused_cannot_be_saved_and_saving_parses_nothing_in_the_server(tmp_path: Path,
                                                                                           monkeypatch):
    """A report the supervised worker stopped at its time limit stays refused: the button says why, and no click
    parses it in the Streamlit process (167 s and 2.5 GB there for a 19 MB web page)."""
    import time

    import parsing.corpus.build as build
    import parsing.corpus.sandbox as sandbox
    import parsing.pipeline as pipeline

    real = build.parse_payload

    def slow(item):  # runs in the worker (forked after this patch): the stand-in for a runaway page
        if item[0].startswith("slow"):
            time.sleep(30)
        return real(item)

    in_server = []
    real_parse = pipeline.parse_bytes
    monkeypatch.setattr(build, "parse_payload", slow)
    monkeypatch.setattr(sandbox, "TIME_LIMIT_S", 2.0)
    monkeypatch.setattr(pipeline, "parse_bytes", lambda *a, **k: in_server.append(a[1:]) or real_parse(*a, **k))
    (tmp_path / "seed.txt").write_bytes(_report("某市甲区应急管理局", 10))
    at = _page(tmp_path)
    at.sidebar.file_uploader(key="uploader").set_value(("slow.html", _report("某市乙区应急管理局", 11),
                                                        "text/html")).run()
    assert not at.exception
    (error,) = at.sidebar.error
    assert error.value == "“slow\\.html”不能保存：无法读取：解析超过 2 秒仍未完成，已停止（文件可能过大、嵌套过深或已损坏）"
    button = at.sidebar.button(key="save_uploads")
    assert button.disabled and button.help.startswith("没有可保存的报告：slow.html：无法读取：解析超过 2 秒")
    at.run()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.txt"]
    assert in_server == []  # the only parse of the upload was the worker's


def test_saving_writes_the_accepted_bytes_without_parsing_them_again(tmp_path: Path, monkeypatch):
    import parsing.pipeline as pipeline

    (tmp_path / "seed.txt").write_bytes(_report("某市甲区应急管理局", 10))
    at = _page(tmp_path)
    report = _report("某市乙区应急管理局", 11)
    at.sidebar.file_uploader(key="uploader").set_value(("乙区.txt", report, "text/plain")).run()
    in_server = []
    monkeypatch.setattr(pipeline, "parse_bytes", lambda *a, **k: in_server.append(a) or None)
    at.sidebar.button(key="save_uploads").click().run()
    assert not at.exception
    assert (tmp_path / "乙区.txt").read_bytes() == report and in_server == []
