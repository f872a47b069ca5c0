"""Word .docx: paragraphs, list numbers and tables as lines, with a check of the unpacked size first (zip bombs)."""

from __future__ import annotations

import io
import re
import zipfile

from parsing.errors import EMPTY_FILE, ReportReadError
from parsing.readers.common import OLE_MAGIC, WS, cell_span, is_layout_grid, ole_reason

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NUMERIC_CELL = re.compile(r"^\s*(?:[+-]?\d+(?:[.,]\d+)*%?|/|／|—+|-|－)\s*$")


MAX_UNPACKED_MB = 200  # a real .docx report unpacks to a few MB; more is a "zip bomb" or not a report
MAX_RATIO = 400  # text XML compresses about 10×; hundreds of times is a bomb


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a .docx whose parts would unpack to more than MAX_UNPACKED_MB, before inflating anything.
    zipfile never yields more than an entry's declared size, so the declared sizes bound what is read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReportReadError("不是有效的 Word 文档（.docx）：文件已损坏或不完整，无法打开") from exc
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > MAX_UNPACKED_MB * 1024 * 1024 or (unpacked > 20 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
        raise ReportReadError(f"Word 文档解压后约 {unpacked / 1024 / 1024:,.0f} MB（压缩比 {unpacked / packed:,.0f} 倍），"
                              f"超过上限 {MAX_UNPACKED_MB} MB，疑似“压缩炸弹”，未读取")


def docx_to_text(data: bytes) -> str:
    """A Word .docx → text: paragraphs and tables in document order, tables as tab rows."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - requirements.txt installs it
        raise ReportReadError("服务器缺少读取 Word 文档所需的组件（python-docx），请联系管理员") from exc
    if not data:
        raise ReportReadError(EMPTY_FILE)
    if not data.startswith(b"PK"):
        if data.startswith(OLE_MAGIC):
            raise ReportReadError(ole_reason(data, ".docx"))
        raise ReportReadError("不是有效的 Word 文档（.docx）：文件内容不是 Word 格式（可能只是改了扩展名，或文件已损坏）")
    _check_unpacked_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise ReportReadError("不是有效的 Word 文档（.docx）：文件已损坏或不完整，无法打开") from exc
    except ValueError as exc:  # python-docx: "file ... is not a Word file, content type is ..."
        raise ReportReadError("不是有效的 Word 文档（.docx）：文件内容是其他类型的 Office 文件"
                              "（如带宏的 .docm 或模板 .dotx），请另存为 .docx") from exc
    except Exception as exc:  # lxml XMLSyntaxError and the like
        raise ReportReadError("不是有效的 Word 文档（.docx）：文档内容已损坏，无法读取") from exc
    numbering = _Numbering(document)
    lines: list[str] = []
    _docx_blocks(document.element.body, numbering, lines)
    text = "\n".join(lines).strip()
    if not text:
        raise ReportReadError("Word 文档中没有文字（可能只有图片或扫描件），需要先做文字识别（OCR）")
    return text + "\n"


def _docx_blocks(container, numbering: _Numbering, lines: list[str]) -> None:
    for child in container.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            text = _docx_paragraph(child, numbering)
            lines.extend(part for part in text.split("\n") if part.strip())
        elif tag == _W + "tbl":
            _docx_table(child, numbering, lines)
        elif tag in (_W + "sdt", _W + "customXml", _W + "ins", _W + "smartTag"):
            content = child.find(_W + "sdtContent")
            _docx_blocks(content if content is not None else child, numbering, lines)


def _docx_paragraph(p, numbering: _Numbering | None) -> str:
    """A paragraph's visible text: runs, hyperlinks and inserted text; its list number if Word numbers it.

    Tabs are kept only where they separate cells of typed-in tabular data (a label and numbers);
    elsewhere (indents after "一、") they become spaces so that prose is not mistaken for a table row."""
    parts = []
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen"):
        if not _in_paragraph_body(node, p):
            continue
        name = node.tag[len(_W):]
        if name == "t":
            parts.append(node.text or "")
        elif name == "tab":
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        else:
            parts.append("-")
    text = "".join(parts)
    if "\t" in text:
        lines = []
        for line in text.split("\n"):
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            tabular = len(cells) >= 2 and any(_NUMERIC_CELL.match(c) for c in cells[1:])
            lines.append(line if tabular else line.replace("\t", " "))
        text = "\n".join(lines)
    label = numbering.label(p) if numbering is not None else ""
    return label + text if text.strip() and label else text


def _in_paragraph_body(node, p) -> bool:
    """True for text of p's own runs: not tab-stop definitions, text boxes or compatibility fallbacks."""
    parent = node.getparent()
    while parent is not None and parent is not p:
        tag = parent.tag
        if tag in (_W + "pPr", _W + "rPr", _W + "txbxContent", _MC_FALLBACK, _W + "del", _W + "instrText"):
            return False
        parent = parent.getparent()
    return parent is p


def _docx_table(tbl, numbering: _Numbering, lines: list[str]) -> None:
    # Decide data vs. layout on a dry run first: list numbers must be counted once, in document order.
    nested = tbl.find(f".//{_W}tc//{_W}tbl") is not None
    if is_layout_grid(_docx_grid(tbl, None), nested):
        for tr in tbl.iterchildren(_W + "tr"):  # page layout in a table: its cells are ordinary blocks
            for tc in _row_cells(tr):
                _docx_blocks(tc, numbering, lines)
        return
    lines.extend("\t".join(row) for row in _docx_grid(tbl, numbering) if any(row))


def _docx_grid(tbl, numbering: _Numbering | None) -> list[list[str]]:
    """The table's rows on its grid: a merged cell's text in its first position, the rest empty."""
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(_W + "tr"):
        row: list[str] = []
        before = tr.find(f"{_W}trPr/{_W}gridBefore")
        if before is not None:
            row.extend([""] * cell_span(before.get(_W + "val"), 100))
        for tc in _row_cells(tr):
            props = tc.find(_W + "tcPr")
            span = merge = None
            if props is not None:
                span, merge = props.find(_W + "gridSpan"), props.find(_W + "vMerge")
            width = cell_span(span.get(_W + "val"), 100) if span is not None else 1
            continued = merge is not None and merge.get(_W + "val", "continue") != "restart"
            row.append("" if continued else _docx_cell_text(tc, numbering))
            row.extend([""] * (width - 1))
        rows.append(row)
    return rows


def _row_cells(tr):
    for child in tr.iterchildren():
        if child.tag == _W + "tc":
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            content = child.find(_W + "sdtContent")
            yield from (content if content is not None else child).iterchildren(_W + "tc")


def _docx_cell_text(tc, numbering: _Numbering | None) -> str:
    parts = [_docx_paragraph(p, numbering) for p in tc.iter(_W + "p") if _in_cell_body(p, tc)]
    return WS.sub(" ", " ".join(p for p in parts if p.strip())).strip()


def _in_cell_body(p, tc) -> bool:
    """Paragraphs of the cell (and of tables nested in it), not of its text boxes."""
    parent = p.getparent()
    while parent is not None and parent is not tc:
        if parent.tag in (_W + "txbxContent", _MC_FALLBACK):
            return False
        parent = parent.getparent()
    return True


_CN_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese_number(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return "".join("零壹贰叁肆伍陆柒捌玖"[int(d)] for d in str(n))
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        out, rest = "", n
        for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            while rest >= value:
                out, rest = out + sym, rest - value
        return out if fmt == "upperRoman" else out.lower()
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x245F + n) if 1 <= n <= 20 else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)  # decimal, decimalFullWidth, and anything unknown


class _Numbering:
    """Word's automatic paragraph numbering (“一、” “（二）” “3.”), which is not in the text itself.

    Headings numbered this way must keep their numbers: the parser finds sections by them."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId → ilvl → (fmt, text, start)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for abstract in root.iterchildren(_W + "abstractNum"):
                levels = {}
                for lvl in abstract.iterchildren(_W + "lvl"):
                    fmt, text, start = lvl.find(_W + "numFmt"), lvl.find(_W + "lvlText"), lvl.find(_W + "start")
                    levels[_int(lvl.get(_W + "ilvl"))] = (
                        fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                        text.get(_W + "val", "") if text is not None else "",
                        _int(start.get(_W + "val"), 1) if start is not None else 1)
                self.levels[abstract.get(_W + "abstractNumId", "")] = levels
            for num in root.iterchildren(_W + "num"):
                ref = num.find(_W + "abstractNumId")
                overrides = {}
                for over in num.iterchildren(_W + "lvlOverride"):
                    start = over.find(_W + "startOverride")
                    if start is not None:
                        overrides[_int(over.get(_W + "ilvl"))] = _int(start.get(_W + "val"), 1)
                if ref is not None:
                    self.nums[num.get(_W + "numId", "")] = (ref.get(_W + "val", ""), overrides)
        try:
            styles = list(document.styles.element.iterchildren(_W + "style"))
        except (KeyError, NotImplementedError, AttributeError):
            styles = []
        by_id = {s.get(_W + "styleId"): s for s in styles}
        for style_id in by_id:
            found = self._style_numpr(style_id, by_id, 0)
            if found:
                self.style_num[style_id] = found

    def _style_numpr(self, style_id, by_id, depth) -> tuple[str, int] | None:
        style = by_id.get(style_id)
        if style is None or depth > 10:
            return None
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            num_id, ilvl = num_pr.find(_W + "numId"), num_pr.find(_W + "ilvl")
            if num_id is not None:
                return num_id.get(_W + "val", ""), _int(ilvl.get(_W + "val")) if ilvl is not None else 0
        based = style.find(_W + "basedOn")
        return self._style_numpr(based.get(_W + "val"), by_id, depth + 1) if based is not None else None

    def label(self, p) -> str:
        ppr = p.find(_W + "pPr")
        if ppr is None or not self.nums:
            return ""
        num_id, ilvl = None, 0
        style = ppr.find(_W + "pStyle")
        if style is not None and style.get(_W + "val") in self.style_num:
            num_id, ilvl = self.style_num[style.get(_W + "val")]
        num_pr = ppr.find(_W + "numPr")
        if num_pr is not None:
            nid, lvl = num_pr.find(_W + "numId"), num_pr.find(_W + "ilvl")
            if nid is not None:
                num_id = nid.get(_W + "val")
            if lvl is not None:
                ilvl = _int(lvl.get(_W + "val"))
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.levels.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        starts = {lvl: overrides.get(lvl, spec[2]) for lvl, spec in levels.items()}
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else starts[ilvl]
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _start = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return ""

        def level_value(match: re.Match) -> str:
            lvl = int(match.group(1)) - 1
            value = counters.get(lvl, starts.get(lvl, 1))
            return _format_number(value, levels.get(lvl, ("decimal", "", 1))[0])

        return re.sub(r"%([1-9])", level_value, text)


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# ============================================================================ PDF
