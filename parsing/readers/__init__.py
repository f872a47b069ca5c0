"""Report files of other types — web pages, Word .docx, PDF — turned into the plain text the parser reads.

The output looks like a .txt report: one line per paragraph (or heading, list item, <br> break) and
one line per table row with the cells joined by tabs, which is what the table parser expects.

Merged table cells: a merged cell's text is written ONCE, in the first (top-left) grid position it
covers; the other positions it spans are left empty. Repeating the text would put a spanned number
into neighbouring columns (or rows) and shift every later number; leaving them empty keeps each
number in its own grid column, and the table parser already skips empty cells before the numbers
("三、本年度办理结果" spanning 22 rows just leaves the first cell of those rows empty).

The file type is taken from the name's suffix and checked against the content's magic bytes: a PDF,
a .docx or a legacy Office file is recognised by its content whatever it is called (government sites
often serve a .docx or a web page under the wrong extension), while a file named .pdf or .docx whose
content is neither is refused with a reason. Every failure is a load.ReportReadError whose reason is
plain Chinese and names the problem, not the file (the caller adds the file name).
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import PurePosixPath

from parsing.errors import EMPTY_FILE, ReportReadError
from parsing.readers.common import DOC_REASON, OLE_MAGIC, ole_reason
from parsing.readers.docx import docx_to_text
from parsing.readers.html import html_to_text
from parsing.readers.pdf import pdf_to_text
from parsing.readers.text import decode_bytes

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

_SUPPORTED_LIST = "、".join(SUPPORTED_SUFFIXES)




def extract_text(data: bytes, name: str, notes: list[str] | None = None) -> str:
    """Bytes of a report file → plain text, by file type (suffix of name, checked against the content's magic bytes).

    .txt/.md → load.decode_bytes; .html/.htm → html_to_text; .docx → docx_to_text; .pdf → pdf_to_text.
    Raises load.ReportReadError with a clear Chinese reason naming the problem (not the file; the caller
    adds the file name). notes: a list that gets what the reader had to work around (a web page named .pdf, the
    pages of a truncated PDF that were lost), for the record's warnings."""
    suffix = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if not data:
        raise ReportReadError(EMPTY_FILE)
    kind = _sniff(data)
    if kind == "pdf":
        return pdf_to_text(data, notes)
    if kind == "zip":
        inner = _zip_kind(data)
        if inner == "docx":
            return docx_to_text(data)
        if suffix == ".docx":
            raise ReportReadError(f"不是有效的 Word 文档（.docx）：文件内容是{inner}")
        raise ReportReadError(f"文件内容是{inner}，不是报告文件；支持的类型：{_SUPPORTED_LIST}")
    if kind == "ole":
        raise ReportReadError(ole_reason(data, suffix))
    if kind == "rtf":
        raise ReportReadError("不支持 RTF 格式的文档；请用 Word 或 WPS 打开后另存为 .docx（或 .txt）再上传")
    if kind == "mht":
        raise ReportReadError("不支持网页存档格式（.mht / 单个文件网页）；请用浏览器打开后另存为“网页，仅 HTML”（.html）再上传")
    if suffix in (".pdf", ".docx") and kind == "html":  # a web page saved under the document's name
        if notes is not None:
            notes.append(f"文件名为 {suffix}，但内容是网页（HTML），已按网页读取")
        return html_to_text(data)
    if suffix == ".pdf":
        raise ReportReadError("不是有效的 PDF 文件：文件内容不是 PDF 格式（可能只是改了扩展名，或文件已损坏）")
    if suffix == ".docx":
        raise ReportReadError("不是有效的 Word 文档（.docx）：文件内容不是 Word 格式（可能只是改了扩展名，或文件已损坏）")
    if suffix == ".doc":
        if kind == "html":  # Word's "save as web page" kept the .doc name; common on government sites
            return html_to_text(data)
        raise ReportReadError(DOC_REASON)
    if kind == "html" or suffix in (".html", ".htm"):
        return html_to_text(data)
    if suffix in (".txt", ".md"):
        return decode_bytes(data)
    shown = suffix or "无扩展名"
    raise ReportReadError(f"不支持的文件类型（{shown}）；支持的类型：{_SUPPORTED_LIST}")




def _sniff(data: bytes) -> str | None:
    """What the content is, by its magic bytes: pdf, zip, ole, rtf, mht, html — or None (text, or unknown)."""
    head = data[:1024]
    if b"%PDF-" in head:  # the PDF header may follow a little junk within the first 1024 bytes
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    text = _ascii_head(data)
    if text.startswith("{\\rtf"):
        return "rtf"
    if text.startswith("mime-version:") or "multipart/related" in text[:600]:
        return "mht"
    if text.startswith(("<!doctype html", "<html")) or (text.startswith("<?xml") and "<html" in text):
        return "html"
    # A page fragment saved as text (<p>…</p><table>…): markup from the first character on
    if HTML_FRAGMENT.match(text) and len(HTML_TAG.findall(text)) >= 3:
        return "html"
    return None


HTML_FRAGMENT = re.compile(r"\s*<(?:p|div|table|span|h[1-6]|section|article|body|head|meta|title|center|font|strong|br)\b")
HTML_TAG = re.compile(r"</?(?:p|div|table|tr|td|span|br|h[1-6]|section|article|strong|font)\b[^>]*>")


def _ascii_head(data: bytes) -> str:
    head = data[:2048]
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(enc, errors="ignore").lstrip().lower()
    if head[:200].count(b"\x00") > 50:  # UTF-16 without a BOM
        head = head.replace(b"\x00", b"")
    return head.decode("latin-1").lstrip().lower()


def _zip_kind(data: bytes) -> str:
    """docx, or a description of the other kind of zip (for the reason)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "损坏的压缩包（无法打开）"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return " Excel 表格（.xlsx）"
    if "ppt/presentation.xml" in names:
        return " PowerPoint 演示文稿（.pptx）"
    if "content.xml" in names and "mimetype" in names:
        return " OpenDocument 文档（.odt/.ods），请另存为 .docx"
    return "压缩包（.zip）"




# ============================================================================ HTML
