"""parsing/readers/pdf.py: a text-layer PDF reads like the same report as .txt — wrapped lines, ruled tables
with merged cells; scans, encrypted and damaged files refused with their reason."""

import io

import pytest
from readers_helpers import (
    PROSE,
    TEMPLATE,
    cjk_font,
    distinct_numbers,
    key_values,
    parsed,
    pdf_bytes,
    scanned_pdf_bytes,
    section_texts,
)

from parsing import ReportReadError
from parsing.readers import extract_text
from parsing.readers.pdf import pdf_to_text


def test_text_layer_pdf_of_the_prose_report_gives_the_same_values(prose_reference):
    data = pdf_bytes(PROSE)
    text = extract_text(data, "report.pdf")
    wrapped = [line for line in text.splitlines() if line and not line.endswith(("。", "：", "；"))]
    assert len(wrapped) > 10  # the PDF really broke sentences across lines
    record = parsed(text, "report.pdf")
    assert key_values(record) == key_values(prose_reference)
    assert record.proactive_breakdown == prose_reference.proactive_breakdown
    assert section_texts(record) == section_texts(prose_reference)


def test_text_layer_pdf_of_the_template_report_reads_its_ruled_tables(template_reference):
    text = pdf_to_text(pdf_bytes(TEMPLATE))
    record = parsed(text, "report.pdf")
    assert key_values(record) == key_values(template_reference)
    assert record.tables == template_reference.tables
    assert section_texts(record) == section_texts(template_reference)


def test_pdf_table_merged_cells_with_distinct_numbers():
    text = pdf_to_text(pdf_bytes(TEMPLATE, numbers=distinct_numbers))
    assert any(line.endswith("\t".join(map(str, distinct_numbers(5)))) and "其他法律行政法规禁止公开" in line
               for line in text.splitlines())
    rows = parsed(text, "report.pdf").tables["表三"]["rows"]
    assert list(rows.values()) == [distinct_numbers(i) for i in range(25)]


def test_pdf_fake_bold_is_read_once():
    """Some PDF makers draw bold text twice, a hair apart: each character is read once."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont(cjk_font(), 14)
    for dx in (0, 0.3):
        page.drawString(72 + dx, 700, "二、主动公开政府信息情况")
    page.setFont(cjk_font(), 11)
    page.drawString(72, 670, "2023年，我局主动公开政府信息47条，未收到政府信息公开申请。")
    page.showPage()
    page.save()
    assert pdf_to_text(buffer.getvalue()).splitlines()[0] == "二、主动公开政府信息情况"


def test_scanned_pdf_asks_for_ocr():
    with pytest.raises(ReportReadError, match="OCR") as caught:
        extract_text(scanned_pdf_bytes(), "scan.pdf")
    assert "没有文字层" in str(caught.value)


def test_encrypted_pdf_is_refused_with_its_own_reason():
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", "owner"))
    page.setFont(cjk_font(), 12)
    page.drawString(72, 700, "2023年政府信息公开工作年度报告")
    page.showPage()
    page.save()
    with pytest.raises(ReportReadError, match="加密"):
        extract_text(buffer.getvalue(), "locked.pdf")


def test_owner_password_only_pdf_is_read():
    """Permissions-only encryption (no password to open) does not stop reading."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("", "owner", canCopy=0))
    page.setFont(cjk_font(), 12)
    page.drawString(72, 700, "2023年，我局主动公开政府信息47条，未收到政府信息公开申请。")
    page.showPage()
    page.save()
    assert "主动公开政府信息47条" in extract_text(buffer.getvalue(), "report.pdf")


def test_truncated_pdf_is_refused_as_damaged():
    data = pdf_bytes(PROSE)
    with pytest.raises(ReportReadError, match="PDF"):
        extract_text(data[: len(data) // 3], "cut.pdf")
