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
    paged_pdf,
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


def test_a_pdf_cut_before_its_first_whole_page_is_refused_as_damaged():
    data = pdf_bytes(PROSE)  # reportlab writes every page's contents after the fonts, at the end of the file
    with pytest.raises(ReportReadError, match="PDF 文件已损坏或不完整"):
        extract_text(data[: len(data) // 2], "cut.pdf")


SALVAGE_PAGES = ["\n".join(f"第{p}页第{i}行：本年度主动公开政府信息{p * 40 + i}条，收到公开申请{i}件。" for i in range(1, 41))
                 for p in range(1, 17)]


@pytest.mark.parametrize(("share", "whole"), [(0.5, 3), (0.6, 5)], ids=["half", "three-fifths"])
def test_a_truncated_pdf_gives_the_pages_that_parse_with_a_warning(share, whole):
    """A download cut short keeps the pages written before the cut: their text, and a warning how much is lost."""
    from parsing.pipeline import parse_bytes

    data, ends = paged_pdf(SALVAGE_PAGES)
    cut = data[: int(len(data) * share)]
    assert sum(end <= len(cut) for end in ends) == whole  # the pages whose objects all precede the cut
    notes: list[str] = []
    text = extract_text(cut, "cut.pdf", notes)
    assert text == extract_text(paged_pdf(SALVAGE_PAGES[:whole])[0], "whole.pdf")
    assert text.splitlines()[-1] == SALVAGE_PAGES[whole - 1].splitlines()[-1]
    assert notes == [f"PDF 文件不完整（可能下载时被截断或已损坏）：共 16 页，只读取了能解析的 {whole} 页，其余内容缺失"]
    assert parse_bytes(cut, "cut.pdf").record.warnings[0] == notes[0]


def test_salvage_takes_pages_out_of_object_streams():
    """PDF 1.5 packs page dictionaries into compressed object streams (Word and WPS do): salvage unpacks them."""
    import re
    import zlib

    from parsing.readers.pdf import salvage_pdf

    data, ends = paged_pdf(SALVAGE_PAGES[:2])
    page = re.compile(rb"/Type /Page\b")
    bodies = {int(n): body.strip() for n, body in re.findall(rb"(\d+) 0 obj(.*?)endobj", data, re.S)
              if page.search(body) and b"stream" not in body}
    pages = list(bodies)
    header = b" ".join(b"%d %d" % (n, sum(len(bodies[m]) + 1 for m in pages[:i])) for i, n in enumerate(pages)) + b" "
    packed = zlib.compress(header + b"".join(bodies[n] + b"\n" for n in pages))
    stream = (b"99 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
              % (len(pages), len(header), len(packed)) + packed + b"\nendstream\nendobj\n")
    for n in pages:  # the pages now live only in the object stream, which comes first
        data = re.sub(rb"\b%d 0 obj.*?endobj\n" % n, b"", data, flags=re.S)
    data = data.replace(b"%PDF-1.4\n", b"%PDF-1.5\n" + stream, 1)
    assert len(pages) == 2 and not [b for b in re.findall(rb"\d+ 0 obj(.*?)endobj", data, re.S)[1:] if page.search(b)]
    rebuilt, stated = salvage_pdf(data[: data.rfind(b"xref")])  # cut before the cross-reference table
    assert stated == 2  # from the page tree, a plain object of the file
    assert extract_text(rebuilt, "rebuilt.pdf") == extract_text(paged_pdf(SALVAGE_PAGES[:2])[0], "whole.pdf")
