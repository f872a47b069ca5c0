"""PDF with a text layer (pdfplumber): page text and its tables as tab rows; a page cap; scanned PDFs refused."""

from __future__ import annotations

import io
import re

from parsing.errors import EMPTY_FILE, ReportReadError
from parsing.readers.common import is_layout_grid

_SCANNED = "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）"


MAX_PDF_PAGES = 300  # annual reports run to 10–40 pages; a 2,000-page PDF would take minutes


def pdf_to_text(data: bytes, notes: list[str] | None = None) -> str:
    """A PDF → its text layer in reading order, pages joined by newlines; ruled tables as tab rows.

    A damaged or truncated PDF gives the pages that parse (a download cut short, a page whose stream is
    broken), and notes (a list the caller passes) say which were lost; only a file of which no page can be read
    is refused."""
    try:
        import pdfplumber  # noqa: F401 - the reader this module drives
    except ImportError as exc:  # pragma: no cover - requirements.txt installs it
        raise ReportReadError("服务器缺少读取 PDF 所需的组件（pdfplumber），请联系管理员") from exc
    if not data:
        raise ReportReadError(EMPTY_FILE)
    if b"%PDF-" not in data[:1024]:
        raise ReportReadError("不是有效的 PDF 文件：文件内容不是 PDF 格式（可能只是改了扩展名，或文件已损坏）")
    try:
        pages_text, total, skipped = _read_pages(data)
    except _Unreadable as exc:
        if exc.locked:
            raise ReportReadError(exc.reason) from None
        salvaged = salvage_pdf(data)
        if salvaged is None:
            raise ReportReadError(exc.reason) from None
        rebuilt, stated = salvaged
        try:
            pages_text, total, skipped = _read_pages(rebuilt)
        except _Unreadable:
            raise ReportReadError(exc.reason) from None
        shown = f"共 {stated} 页，" if stated and stated > len(pages_text) else ""
        (notes if notes is not None else []).append(
            f"PDF 文件不完整（可能下载时被截断或已损坏）：{shown}只读取了能解析的 {len(pages_text)} 页，其余内容缺失")
    else:
        if skipped and notes is not None:
            notes.append(f"PDF 第 {'、'.join(map(str, skipped))} 页已损坏或被截断，无法解析，已跳过；其余 "
                         f"{len(pages_text)} 页照常读取")
    if total > MAX_PDF_PAGES:
        pages_text.append(f"（PDF 共 {total} 页，只读取了前 {MAX_PDF_PAGES} 页）")
    text = "\n".join(t.strip("\n") for t in pages_text)
    visible = re.sub(r"\s+", "", text)
    if len(visible) < 20 * len(pages_text):
        raise ReportReadError(_SCANNED)  # blank, or only page numbers / a watermark on scanned pages
    unmapped = sum(len(m) for m in re.findall(r"\(cid:\d+\)", visible))
    if unmapped > 0.3 * len(visible):
        raise ReportReadError("PDF 的文字层无法转换成文字（字体缺少编码表），需要先做文字识别（OCR），"
                              "或从原网页复制文字另存为 .txt")
    return text.strip("\n") + "\n"


class _Unreadable(Exception):
    def __init__(self, reason: str, locked: bool = False):
        super().__init__(reason)
        self.reason, self.locked = reason, locked


def _read_pages(data: bytes) -> tuple[list[str], int, list[int]]:
    """(the text of each page that parses, the page count, the numbers of the pages that did not). Raises
    _Unreadable when the file does not open or no page parses."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise _unreadable(exc.args[0] if exc.args else exc) from exc
    except Exception as exc:
        raise _unreadable(exc) from exc
    pages_text: list[str] = []
    skipped: list[int] = []
    with pdf:
        try:
            pages = pdf.pages
        except PdfminerException as exc:
            raise _unreadable(exc.args[0] if exc.args else exc) from exc
        except Exception as exc:
            raise _unreadable(exc) from exc
        if not pages:
            raise _Unreadable("PDF 文件中没有页面")
        for number, page in enumerate(pages[:MAX_PDF_PAGES], 1):
            try:
                pages_text.append(_pdf_page_text(page))
            except Exception as exc:  # noqa: BLE001 - one broken page: the others are still read
                if _unreadable(exc).locked:
                    raise _unreadable(exc) from exc
                skipped.append(number)
            finally:
                page.close()
        if not pages_text:
            raise _Unreadable("PDF 文件已损坏或不完整，无法读取")
        return pages_text, len(pages), skipped


def _unreadable(exc) -> _Unreadable:
    reason = _pdf_reason(exc)
    return _Unreadable(reason, locked=reason.startswith("PDF 已加密"))


# ---- salvage: the complete objects of a damaged or truncated file, put together again as a PDF of its whole pages

_OBJ_START = re.compile(rb"(?<![0-9])([0-9]{1,9})[ \t\r\n\f]+([0-9]{1,5})[ \t\r\n\f]+obj\b")
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_PAGES = re.compile(rb"/Type\s*/Pages\b")
_SKIP = re.compile(rb"/Type\s*/(?:XRef|Catalog|Pages)\b")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm\b")
_CONTENTS = re.compile(rb"/Contents\s*(\[[^\]]*\]|[0-9]+\s+[0-9]+\s+R)")
_REF = re.compile(rb"([0-9]+)\s+[0-9]+\s+R\b")
_PARENT = re.compile(rb"/Parent\s+[0-9]+\s+[0-9]+\s+R")
_COUNT = re.compile(rb"/Count\s+([0-9]+)")


def salvage_pdf(data: bytes) -> tuple[bytes, int | None] | None:
    """A damaged or truncated PDF rebuilt from its complete objects: every page whose dictionary and content
    streams are whole, under a new page tree, catalog and cross-reference table (objects packed in object
    streams are taken out of them). (the rebuilt bytes, the page count the file states or None), or None
    when no whole page is left."""
    objects: dict[int, bytes] = {}
    packed: dict[int, bytes] = {}
    stated = None
    for number, body in _complete_objects(data):
        head = _dict_part(body)
        if _OBJSTM.search(head):
            packed.update(_unpack(body))
            continue
        if _PAGES.search(head) and b"/Parent" not in head and (count := _COUNT.search(head)):
            stated = int(count.group(1))
        if _SKIP.search(head):
            continue  # the old cross-reference streams, catalog and page tree: made anew below
        objects[number] = body
    for number, body in packed.items():
        if _PAGES.search(body) and b"/Parent" not in body and (count := _COUNT.search(body)):
            stated = stated or int(count.group(1))
        if number not in objects and not _SKIP.search(body):
            objects[number] = body
    pages = [n for n, body in objects.items() if _PAGE.search(_dict_part(body)) and _whole(n, objects)]
    if not pages:
        return None
    root, tree = max(objects) + 1, max(objects) + 2
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    keep = set(pages)
    for number, body in objects.items():
        if _PAGE.search(_dict_part(body)) and number not in keep:
            continue  # a page whose contents are lost
        if number in keep:
            body = _PARENT.sub(f"/Parent {tree} 0 R".encode(), body, count=1)
        offsets[number] = len(out)
        out += b"%d 0 obj" % number + body + b"endobj\n"
    offsets[root] = len(out)
    out += b"%d 0 obj\n<< /Type /Catalog /Pages %d 0 R >>\nendobj\n" % (root, tree)
    offsets[tree] = len(out)
    kids = b" ".join(b"%d 0 R" % n for n in pages)
    out += b"%d 0 obj\n<< /Type /Pages /Kids [ %s ] /Count %d >>\nendobj\n" % (tree, kids, len(pages))
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (tree + 1)
    for number in range(1, tree + 1):
        out += (b"%010d 00000 n \n" % offsets[number]) if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (tree + 1, root, start)
    return bytes(out), stated


def _complete_objects(data: bytes):
    """(number, body between "obj" and "endobj") of every object that ends before the next one starts, in file
    order (a later definition, an incremental update, follows the one it replaces)."""
    starts = list(_OBJ_START.finditer(data))
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(data)
        body = data[match.end():end]
        close = body.rfind(b"endobj")
        if close < 0:
            continue  # cut short
        body = body[:close]
        if b"stream" in body and b"endstream" not in body:
            continue
        yield int(match.group(1)), body


def _dict_part(body: bytes) -> bytes:
    at = body.find(b"stream")
    return body if at < 0 else body[:at]


def _whole(page: int, objects: dict[int, bytes]) -> bool:
    """Whether the page has contents, and every object it leads to (its content streams, resources, fonts and
    their font files, but not its old parent) is among the complete objects: a page without its font would
    give codes, not text."""
    if _CONTENTS.search(_dict_part(objects[page])) is None:
        return False  # a page without contents has no text to give
    seen, todo = {page}, [page]
    while todo:
        head = _PARENT.sub(b"", _dict_part(objects[todo.pop()]))
        for ref in _REF.findall(head):
            number = int(ref)
            if number in seen:
                continue
            if number not in objects:
                return False
            seen.add(number)
            todo.append(number)
    return True


def _unpack(body: bytes) -> dict[int, bytes]:
    """The objects packed in an object stream (/Type /ObjStm), each as a body "\\n<< … >>\\n"; {} when the
    stream is not Flate-compressed or does not decode."""
    import zlib

    head = _dict_part(body)
    first, count = re.search(rb"/First\s+([0-9]+)", head), re.search(rb"/N\s+([0-9]+)", head)
    if first is None or count is None:
        return {}
    at = body.find(b"stream") + len(b"stream")
    raw = body[at:body.rfind(b"endstream")].lstrip(b"\r\n")
    try:
        if b"/FlateDecode" in head:
            raw = zlib.decompressobj().decompress(raw)
        elif b"/Filter" in head:
            return {}
        numbers = [int(x) for x in raw[:int(first.group(1))].split()]
        pairs = list(zip(numbers[0::2], numbers[1::2], strict=False))[:int(count.group(1))]
    except (zlib.error, ValueError):
        return {}
    out = {}
    base = int(first.group(1))
    for i, (number, offset) in enumerate(pairs):
        end = base + pairs[i + 1][1] if i + 1 < len(pairs) else len(raw)
        out[number] = b"\n" + raw[base + offset:end].strip() + b"\n"
    return out


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
