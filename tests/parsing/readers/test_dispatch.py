"""parsing/readers/__init__.py (extract_text): the content, not the extension, picks the reader; unreadable
or unsupported files are refused with a clear reason; the seeds are worth comparing against."""

import io

import pytest
from readers_helpers import KEYS, PROSE, docx_bytes, html_page, key_values, pdf_bytes

from parsing import ReportReadError
from parsing.readers import SUPPORTED_SUFFIXES, extract_text


def test_reference_values_are_worth_comparing(prose_reference, template_reference):
    """The seeds give real values for every compared key, so equality below means something."""
    for record in (prose_reference, template_reference):
        assert all(getattr(record, key) not in (None, []) for key in KEYS), key_values(record)
    assert template_reference.tables["表三"]["rows"]


# ============================================================================ wrong or unsupported files

JUNK = bytes(range(256)) * 8


@pytest.mark.parametrize(("data", "name", "reason"), [
    (b"", "report.pdf", "文件为空"),
    (b"", "report.docx", "文件为空"),
    (b"", "report.html", "文件为空"),
    (b"", "report.txt", "文件为空"),
    (JUNK, "report.pdf", "不是有效的 PDF 文件"),
    (JUNK, "report.docx", r"不是有效的 Word 文档（\.docx）"),
    (PROSE.encode("utf-8"), "renamed.pdf", "不是有效的 PDF 文件"),
    (PROSE.encode("utf-8"), "renamed.docx", r"不是有效的 Word 文档（\.docx）"),
    (b"PK\x03\x04" + JUNK, "broken.docx", r"不是有效的 Word 文档（\.docx）"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + JUNK + "WordDocument".encode("utf-16-le"), "old.doc",
     r"不支持旧版 Word 文档（\.doc）.*另存为.*\.docx"),
    (PROSE.encode("gb18030"), "old.doc", r"不支持旧版 Word 文档（\.doc）"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + JUNK + "EncryptedPackage".encode("utf-16-le"), "locked.docx", "加密"),
    (b"{\\rtf1\\ansi 2023 report}", "report.txt", "RTF"),
    (PROSE.encode("utf-8"), "report.xlsx", r"不支持的文件类型（\.xlsx）"),
    (PROSE.encode("utf-8"), "README", "不支持的文件类型（无扩展名）"),
    (JUNK, "report.txt", "不是文本文件"),
], ids=["empty-pdf", "empty-docx", "empty-html", "empty-txt", "junk-pdf", "junk-docx", "text-as-pdf",
        "text-as-docx", "broken-zip-docx", "ole-doc", "text-as-doc", "encrypted-docx", "rtf", "xlsx-name",
        "no-suffix", "junk-txt"])
def test_unreadable_files_are_refused_with_a_clear_reason(data, name, reason):
    with pytest.raises(ReportReadError, match=reason) as caught:
        extract_text(data, name)
    assert name not in str(caught.value)  # the caller adds the file name


def test_zip_that_is_not_a_word_document():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ReportReadError, match=r"不是有效的 Word 文档（\.docx）.*Excel"):
        extract_text(buffer.getvalue(), "table.docx")


# ============================================================================ dispatch

def test_plain_text_goes_through_decode_bytes_unchanged():
    for suffix in (".txt", ".md", ".TXT"):
        assert extract_text(PROSE.encode("gb18030"), "report" + suffix) == PROSE


def test_content_decides_when_the_extension_is_wrong(prose_reference):
    """Government sites serve .docx files as .doc and web pages as .doc or .txt: the content is read."""
    data = docx_bytes(PROSE)
    assert extract_text(data, "report.doc") == extract_text(data, "report.docx")
    page = html_page(PROSE).encode("gbk")
    assert extract_text(page, "report.doc") == extract_text(page, "report.htm")
    assert extract_text(page, "report.txt") == extract_text(page, "report.html")
    pdf = pdf_bytes(PROSE)
    assert extract_text(pdf, "report.docx") == extract_text(pdf, "report.pdf")


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_a_web_page_named_as_a_document_is_read_as_a_web_page_with_a_note(suffix, prose_reference):
    """Sites serve a report's web page under the document's name: readable, so read, and the record says so."""
    from parsing.pipeline import parse_bytes

    page = html_page(PROSE).encode("gbk")
    notes: list[str] = []
    assert extract_text(page, "report" + suffix, notes) == extract_text(page, "report.html")
    assert notes == [f"文件名为 {suffix}，但内容是网页（HTML），已按网页读取"]
    record = parse_bytes(page, "report" + suffix).record
    assert key_values(record) == key_values(prose_reference)
    assert record.warnings[0] == notes[0]


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
