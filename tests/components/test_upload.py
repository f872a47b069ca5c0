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
