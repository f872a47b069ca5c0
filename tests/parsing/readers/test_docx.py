"""parsing/readers/docx.py: a Word document reads like the same report as .txt — automatic numbering written
out, merged table cells in place, layout tables as paragraphs, zip bombs refused."""

import io

import pytest
from readers_helpers import PROSE, TEMPLATE, distinct_numbers, docx_bytes, key_values, parsed, section_texts

from parsing import ReportReadError
from parsing.readers import extract_text
from parsing.readers.docx import docx_to_text

BREAKDOWN = [["类别", "条数", "占比"], ["机构职能", "16", "13%"], ["政策法规", "10", "8%"],
             ["规划计划", "1", "0.8%"], ["业务工作", "4", "3.2%"], ["其他信息", "92", "74.8%"]]


def test_docx_of_the_prose_report_gives_the_same_values(prose_reference):
    data = docx_bytes(PROSE, auto_number=True, extra_table=BREAKDOWN)
    text = extract_text(data, "report.docx")
    lines = text.splitlines()
    # Word's automatic numbering is written out: the parser finds sections by "一、" "三、".
    assert "一、基本情况" in lines and "三、依申请公开政府信息情况" in lines
    assert "机构职能\t16\t13%" in lines  # the table, in document order, as tab rows
    assert lines.index("机构职能\t16\t13%") > next(i for i, line in enumerate(lines) if "（一）公开内容" in line)
    assert "2009年，我局没有受理依申请公开的政府信息。" in lines
    record = parsed(text, "report.docx")
    assert key_values(record) == key_values(prose_reference)


def test_docx_of_the_template_report_keeps_merged_table_cells_in_place(template_reference):
    text = docx_to_text(docx_bytes(TEMPLATE))
    record = parsed(text, "report.docx")
    assert key_values(record) == key_values(template_reference)
    assert record.tables == template_reference.tables
    assert section_texts(record) == section_texts(template_reference)
    lines = text.splitlines()
    persons = next(line for line in lines if line.lstrip("\t").startswith("自然人")).split("\t")
    assert persons == ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]  # de-duplicated merge


def test_docx_merged_cells_with_distinct_numbers():
    record = parsed(docx_to_text(docx_bytes(TEMPLATE, numbers=distinct_numbers)), "report.docx")
    rows = record.tables["表三"]["rows"]
    assert list(rows.values()) == [distinct_numbers(i) for i in range(25)]


def test_docx_tabs_and_layout_tables():
    """A tab after "一、" is spacing, a tab between a label and numbers is a cell break; a one-column
    table that frames the whole report is layout, so its paragraphs stay paragraphs."""
    import docx

    document = docx.Document()
    document.add_paragraph("一、\t总体情况")
    document.add_paragraph("行政处罚\t2\t0")
    frame = document.add_table(rows=1, cols=1).cell(0, 0)
    frame.text = "2023年，我局主动公开政府信息47条。"
    frame.add_paragraph("2023年，我局未收到政府信息公开申请。")
    buffer = io.BytesIO()
    document.save(buffer)
    assert docx_to_text(buffer.getvalue()).splitlines() == [
        "一、 总体情况", "行政处罚\t2\t0", "2023年，我局主动公开政府信息47条。", "2023年，我局未收到政府信息公开申请。"]


def test_docx_without_text_asks_for_ocr():
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(ReportReadError, match="OCR"):
        extract_text(buffer.getvalue(), "scan.docx")


def test_a_zip_bomb_docx_is_refused_before_inflating():
    import io
    import zipfile

    from parsing.readers.docx import docx_to_text

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:p/>" * (60 * 1024 * 1024 // 6 * 5))  # 300 MB of paragraphs
    data = buf.getvalue()
    assert len(data) < 2 * 1024 * 1024  # under a megabyte or two on disk
    with pytest.raises(ReportReadError, match="压缩炸弹"):
        docx_to_text(data)  # refused from the zip directory: nothing is inflated
