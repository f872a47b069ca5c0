"""components/document.py: the text opens at the chosen field's span with one strong highlight; template
tables show as tables (cells a check read marked), not as runs of 0 0 0; pure builders tested alone."""

from __future__ import annotations

from conftest import DATA, seed
from streamlit.testing.v1 import AppTest

from components.views.document import (
    cells_in,
    collapse_tables,
    field_label,
    opening_of,
    style_cells,
    template_frames,
)
from parsing import parse_file

MARK = ":primary-background[:primary[**"


def test_template_tables_become_frames_with_the_templates_labels():
    record = parse_file(seed("004")).record
    frames = dict(template_frames(record.tables))
    assert list(frames) == ["表二", "表三", "表四"]
    t3 = frames["表三"]
    assert list(t3.columns) == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    # the seed lost its 总计 column: the six values are placed in order (推定) and 总计 is unknown (？), not blank
    assert t3.loc["一、本年新收", "自然人"] == "0（推定）" and t3.loc["一、本年新收", "总计"] == "？"
    t2 = frames["表二"]
    assert list(t2.columns[:3]) == ["本年制发", "本年废止", "现行有效"] and t2.loc["规章", "本年制发"] == "0"
    assert t2.loc["行政许可", "本年制发"] == ""  # a row of another shape has no such cell
    assert list(frames["表四"].index) == ["行政复议", "未经复议直接起诉", "复议后起诉"]


def test_the_cells_a_check_read_are_found_and_painted():
    record = parse_file(seed("004")).record
    check = next(c for c in record.checks if c["rule"] == "表三勾稽关系（自然人列）")
    spans = [(c["start"], c["end"]) for c in check["cells"]]
    focus = (min(s for s, _ in spans), max(e for _, e in spans))
    marked = cells_in(record.checks, focus, check["rule"])
    assert ("表三", "一、本年新收", "商业企业") in cells_in(record.checks, focus)  # no rule: every cell in the span
    assert ("表三", "一、本年新收", "自然人") in marked and ("表三", "（七）总计", "自然人") in marked
    frame = dict(template_frames(record.tables))["表三"]
    styled = style_cells(frame, {(r, c) for t, r, c in marked if t == "表三"})
    styled._compute()
    painted = {(frame.index[r], frame.columns[c]) for (r, c), css in styled.ctx.items()
               if ("background-color", "#fbe9e7") in css}
    assert painted == {(r, c) for t, r, c in marked if t == "表三"} and len(painted) == 4


def test_table_runs_collapse_unless_they_hold_the_span():
    parsed = parse_file(seed("004"))
    text = parsed.text
    shown = collapse_tables(text, 0, len(text), None)
    assert "〔表格" in shown and "见上方“模板表格”" in shown
    assert "0\t0\t0" not in shown and MARK not in shown
    cell = next(c for check in parsed.record.checks for c in check["cells"] if c.get("end"))
    inside = collapse_tables(text, 0, len(text), (cell["start"], cell["end"]))
    assert inside.count(MARK) >= 1  # the table holding the span stays text, with the span marked


def test_prose_opens_two_lines_above_the_span():
    text = "第一行\n第二行\n第三行\n第四行，主动公开57条。\n第五行"
    at = text.index("57条")
    assert text[opening_of(text, at):].startswith("第二行\n第三行\n第四行")
    assert opening_of(text, 2) == 0
    assert field_label("proactive_total") == "主动公开条数" and field_label("channels.政务微信") == "公开渠道：政务微信"


def _document_app(params: dict) -> AppTest:
    at = AppTest.from_file(str(DATA.parent / "app.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def test_choosing_a_field_opens_the_text_at_its_one_highlighted_span():
    at = _document_app({"tab": "文档", "doc": "003_dd0aca17394d444a.txt"})
    picker = at.selectbox(key="doc_field_003_dd0aca17394d444a.txt")
    picker.set_value("proactive_total").run()
    body = [m.value for m in at.markdown if MARK in m.value]
    assert len(body) == 1 and body[0].count(MARK) == 1
    assert "57条" in body[0].split(MARK, 1)[1].split("**]]", 1)[0]
    front = [e for e in at.expander if e.label.startswith("前文")]
    assert front, "the text before the span is folded away, so the span is at the top"


def test_a_check_link_opens_the_tables_with_the_read_cells():
    record = parse_file(seed("004")).record
    check = next(c for c in record.checks if c["rule"] == "表三勾稽关系（自然人列）")
    spans = [(c["start"], c["end"]) for c in check["cells"]]
    at = _document_app({"tab": "文档", "doc": "004_b34427a2f19d7753.txt",
                        "ev": f"{min(s for s, _ in spans)}-{max(e for _, e in spans)}", "check": check["rule"]})
    assert any(i.value.startswith("质量检查所指的原文") for i in at.info)
    tables = [e for e in at.expander if e.label.startswith("模板表格")]
    assert tables and tables[0].proto.expanded
    assert any(c.value.startswith("表三（标出的单元格") for c in at.caption)


def test_the_headline_figure_is_chosen_first_and_the_choice_is_in_the_url():
    at = _document_app({"tab": "文档", "doc": "003_dd0aca17394d444a.txt"})
    assert at.selectbox(key="doc_field_003_dd0aca17394d444a.txt").value == "proactive_total"
    at.selectbox(key="doc_field_003_dd0aca17394d444a.txt").set_value("year").run()
    assert at.query_params["field"] == "year"
    again = _document_app({"tab": "文档", "doc": "003_dd0aca17394d444a.txt", "field": "year"})
    assert again.selectbox(key="doc_field_003_dd0aca17394d444a.txt").value == "year"


def test_a_long_view_offers_its_first_reports_and_a_search_by_agency_or_file(monkeypatch):
    import pandas as pd

    from components.views import document

    view = pd.DataFrame({"file": ["a.txt", "b.txt", "c.txt", "d.txt"],
                         "agency_label": ["罗庄区安监", "张店区安监", "张店区安监", "聊城市安监"]})
    monkeypatch.setattr(document, "MAX_PICK", 2)
    assert list(document.picked(view, "", [])["file"]) == ["a.txt", "b.txt"]
    assert list(document.picked(view, "", ["d.txt"])["file"]) == ["d.txt", "a.txt", "b.txt"]  # the linked one
    assert list(document.picked(view, "张店", [])["file"]) == ["b.txt", "c.txt"]
    assert list(document.picked(view, "d.t", [])["file"]) == ["d.txt"]  # file names too, no regex
    assert list(document.picked(view, "济南", ["a.txt"])["file"]) == ["a.txt"]


def test_the_picker_searches_when_the_view_is_longer_than_it_lists(monkeypatch):
    from components.views import document

    monkeypatch.setattr(document, "MAX_PICK", 2)
    at = _document_app({"tab": "文档", "doc": "004_b34427a2f19d7753.txt"})
    picker = at.selectbox(key="doc_file")
    assert picker.value == "004_b34427a2f19d7753.txt"  # the linked report, though not among the first two
    assert picker.options[1:] == ["罗庄区安监 · 2018年 · 003_dd0aca17394d444a.txt",
                                  "张店区安监 · 2009年 · 002_31cc29bab18448a3.txt"]
    at.text_input(key="doc_query").input("聊城").run()
    assert [o.rsplit(" · ", 1)[1] for o in at.selectbox(key="doc_file").options] == [
        "004_b34427a2f19d7753.txt", "001_4faf77f426963b58.txt"]  # the current one stays, then the match


def test_derived_and_unknown_cells_are_marked_in_the_document_tables():
    import template_forms as tf

    from components.views.document import derived_note
    from parsing import parse_text

    t3, t4 = tf.grid(3, "2021")
    tables = parse_text(tf.render(t3, t4, "crawler", "2021")).record.tables
    frames = dict(template_frames(tables))
    row, c = next((r, i) for r, codes in tables["表三"]["how"].items() for i, h in enumerate(codes) if h == "derived")
    column = tables["表三"]["columns"][c]
    assert frames["表三"].loc[row, column] == f"{t3[row][c]}（推定）"
    tables["表三"]["how"][row][1] = "unknown"
    assert dict(template_frames(tables))["表三"].loc[row, "商业企业"] == "？"
    assert derived_note(tables).startswith("“（推定）”：原文的排版没有印出该数的位置")
    assert derived_note({"表四": {"how": {"行政复议": ["read"] * 5}}}) is None
