"""PDF with a text layer (pdfplumber): page text and its tables as tab rows; a page cap; scanned PDFs refused."""

from __future__ import annotations

import io
import re

from parsing.errors import EMPTY_FILE, ReportReadError
from parsing.readers.common import is_layout_grid

_SCANNED = "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）"


MAX_PDF_PAGES = 300  # annual reports run to 10–40 pages; a 2,000-page PDF would take minutes


def pdf_to_text(data: bytes) -> str:
    """A PDF → its text layer in reading order, pages joined by newlines; ruled tables as tab rows."""
    try:
        import pdfplumber
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError as exc:  # pragma: no cover - requirements.txt installs it
        raise ReportReadError("服务器缺少读取 PDF 所需的组件（pdfplumber），请联系管理员") from exc
    if not data:
        raise ReportReadError(EMPTY_FILE)
    if b"%PDF-" not in data[:1024]:
        raise ReportReadError("不是有效的 PDF 文件：文件内容不是 PDF 格式（可能只是改了扩展名，或文件已损坏）")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise ReportReadError(_pdf_reason(exc.args[0] if exc.args else exc)) from exc
    except Exception as exc:
        raise ReportReadError(_pdf_reason(exc)) from exc
    pages_text = []
    with pdf:
        try:
            pages = pdf.pages
            if not pages:
                raise ReportReadError("PDF 文件中没有页面")
            for page in pages[:MAX_PDF_PAGES]:
                pages_text.append(_pdf_page_text(page))
                page.close()
            if len(pages) > MAX_PDF_PAGES:
                pages_text.append(f"（PDF 共 {len(pages)} 页，只读取了前 {MAX_PDF_PAGES} 页）")
        except ReportReadError:
            raise
        except PdfminerException as exc:
            raise ReportReadError(_pdf_reason(exc.args[0] if exc.args else exc)) from exc
        except Exception as exc:
            raise ReportReadError(_pdf_reason(exc)) from exc
    text = "\n".join(t.strip("\n") for t in pages_text)
    visible = re.sub(r"\s+", "", text)
    if len(visible) < 20 * len(pages_text):
        raise ReportReadError(_SCANNED)  # blank, or only page numbers / a watermark on scanned pages
    unmapped = sum(len(m) for m in re.findall(r"\(cid:\d+\)", visible))
    if unmapped > 0.3 * len(visible):
        raise ReportReadError("PDF 的文字层无法转换成文字（字体缺少编码表），需要先做文字识别（OCR），"
                              "或从原网页复制文字另存为 .txt")
    return text.strip("\n") + "\n"


def _pdf_reason(exc: BaseException) -> str:
    name = type(exc).__name__
    if name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning") or "password" in str(exc).lower():
        return "PDF 已加密（需要打开密码）；请去掉密码后再上传"
    return "PDF 文件已损坏或不完整，无法读取"


def _pdf_page_text(page) -> str:
    try:
        page = page.dedupe_chars()  # bold drawn twice ("政政府府") by some PDF makers
    except Exception:  # dedupe is an improvement only
        pass
    tables = _pdf_tables(page)
    if not tables:
        return page.extract_text() or ""
    boxes = [bbox for bbox, _rows in tables]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    items = [(line["top"], line["text"]) for line in page.filter(outside).extract_text_lines()]
    items += [(bbox[1], "\n".join("\t".join(row) for row in rows)) for bbox, rows in tables]
    items.sort(key=lambda item: item[0])
    return "\n".join(text for _top, text in items)


def _pdf_tables(page) -> list[tuple[tuple[float, float, float, float], list[list[str]]]]:
    """Ruled tables found by pdfplumber, as grids of cell text (merged cells: text in the first position).

    Only tables that look like data are kept: ≥ 2 rows with ≥ 2 filled cells, no cell holding prose."""
    try:
        found = page.find_tables()
    except Exception:
        return []
    out = []
    for table in found:
        try:
            raw = table.extract()
        except Exception:  # a table the finder cannot read stays plain text
            continue
        rows = [[_join_cell_lines(cell or "") for cell in row] for row in raw]
        if is_layout_grid(rows, nested=False):
            continue
        out.append((table.bbox, [row for row in rows if any(row)]))
    return out


def _join_cell_lines(text: str) -> str:
    """A cell's wrapped lines joined: nothing between Chinese characters, a space between Latin words."""
    parts = [p.strip() for p in text.replace("\t", " ").split("\n") if p.strip()]
    out = ""
    for part in parts:
        if out and out[-1].isascii() and part[0].isascii() and out[-1].isalnum() and part[0].isalnum():
            out += " "
        out += part
    return out
