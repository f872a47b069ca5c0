"""Builders shared by the reader tests (tests/parsing/readers/): each bundled seed as a web page, a Word
document and a PDF.

Every input is built at test time from two bundled seeds: 002 (a prose report) and 004 (the national
template, with tab-separated tables). The web page, the Word document and the PDF carry the same text
with the layout each format brings — page chrome, merged table cells, automatic numbering, PDF line
wrapping — and must parse to the same key values as the .txt. The reference records of the .txt are the
fixtures prose_reference / template_reference in tests/parsing/readers/conftest.py."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

from conftest import seed

from parsing import parse_text

KEYS = ("agency", "year", "proactive_total", "applications_received", "fees", "reconsideration",
        "litigation", "channels")

PROSE_PATH, TEMPLATE_PATH = seed("002"), seed("004")
PROSE = PROSE_PATH.read_text(encoding="utf-8")
TEMPLATE = TEMPLATE_PATH.read_text(encoding="utf-8")

NUMBER = re.compile(r"^\s*[+-]?\d+(?:\.\d+)?\s*$")
LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\n]+)\)")
CHROME_WORDS = ("首页", "机构概况", "政民互动", "当前位置", "分享到", "微博", "版权所有", "网站标识码",
                "ICP备", "打印本页", "关闭窗口", "var ")


def key_values(record) -> dict:
    return {key: getattr(record, key) for key in KEYS}


def section_texts(record) -> tuple[str, str]:
    """存在的主要问题 / 改进措施 as extracted, spaces aside (a PDF or a web page may space "2023 年" differently)."""
    return re.sub(r"\s+", "", record.problems), re.sub(r"\s+", "", record.measures)


def parsed(text: str, name: str):
    return parse_text(text, file=name).record


# ----------------------------------------------------------------------------- building inputs

def blocks(text: str) -> list[tuple[str, object]]:
    """The seed's text as ("h", heading) / ("p", paragraph) / ("table", rows of cells) blocks.

    Blank lines inside a run of tab rows do not end the table (004's 表三 has one in its header)."""
    out: list[tuple[str, object]] = []
    table: list[list[str]] = []
    for line in text.splitlines():
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        stripped = line.strip()
        if not stripped:
            continue
        if table:
            out.append(("table", table))
            table = []
        heading = re.match(r"#{1,6}\s*(.*)", stripped)
        if heading:
            out.append(("h", heading.group(1).strip("* ")))
        else:
            out.append(("p", stripped))
    if table:
        out.append(("table", table))
    return out


def plain(text: str) -> str:
    """Markdown links → their text (what a reader sees)."""
    return LINK.sub(r"\1", text)


Cell = tuple[str, int, int]  # text, rowspan, colspan

TABLE3_HEADER: list[list[Cell]] = [
    [("(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)", 3, 3), ("申请人情况", 1, 7)],
    [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
    [("商业企业", 1, 1), ("科研机构", 1, 1), ("社会公益组织", 1, 1), ("法律服务机构", 1, 1), ("其他", 1, 1)],
]


def is_table3(rows: list[list[str]]) -> bool:
    return any("本年新收" in cell for row in rows for cell in row)


def table3_model(rows: list[list[str]], numbers=None) -> list[list[Cell]]:
    """004's 表三 (a lossy tab export) rebuilt as the real template: 3 label columns with merged cells
    (三、本年度办理结果 spans 23 rows, （三）不予公开 spans 8, 法人或其他组织 spans 5 columns) and 7
    number columns. numbers(i) gives row i's 7 cells; by default the row's own numbers from the .txt,
    padded with a blank 总计 cell (the .txt lost that column; its parser reads the numbers the same way)."""
    data = []
    top = group = None
    for cells in rows:
        labels = [c.strip() for c in cells if c.strip() and not NUMBER.match(c)]
        values = [c.strip() for c in cells if NUMBER.match(c)]
        if not data and not any("本年新收" in label for label in labels):
            continue  # header rows: rebuilt from the template
        item = None
        for label in labels:
            if re.match(r"[一二三四五六七八九十]+、", label):
                top, group = label, None
            elif re.match(r"[（(]\s*[一二三四五六七]\s*[）)]", label):
                group = label
            else:
                item = label
        data.append((top, group, item, values))
    model = [list(row) for row in TABLE3_HEADER]
    for i, (top, group, item, values) in enumerate(data):
        row: list[Cell] = []
        first_of_top = i == 0 or data[i - 1][0] != top
        first_of_group = first_of_top or data[i - 1][1] != group
        if first_of_top:
            span = next((k for k in range(i, len(data)) if data[k][0] != top), len(data)) - i
            row.append((top, span, 3 if group is None else 1))
        if group is not None and item is None:
            row.append((group, 1, 2))
        elif group is not None and first_of_group:
            span = next((k for k in range(i, len(data)) if data[k][:2] != (top, group)), len(data)) - i
            row.append((group, span, 1))
        if item is not None:
            row.append((item, 1, 1 if group is not None else 2))
        cells = numbers(i) if numbers else (values + [""] * 7)[:7]
        row.extend((str(v), 1, 1) for v in cells)
        model.append(row)
    return model


def place(model: list[list[Cell]]) -> list[tuple[int, int, Cell]]:
    """Grid positions (row, column, cell) of a merged-cell model, as HTML lays it out."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(model):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            taken.update((r + i, c + j) for i in range(cell[1]) for j in range(cell[2]))
            c += cell[2]
    return out


def grid_size(model: list[list[Cell]]) -> tuple[int, int]:
    cells = place(model)
    return len(model), max(c + cell[2] for _r, c, cell in cells)


def plain_model(rows: list[list[str]]) -> list[list[Cell]]:
    return [[(cell.strip(), 1, 1) for cell in row] for row in rows]


def model_for(rows: list[list[str]], numbers=None) -> list[list[Cell]]:
    return table3_model(rows, numbers) if is_table3(rows) else plain_model(rows)


def distinct_numbers(i: int) -> list[int]:
    return [100 * (i + 1) + j for j in range(7)]


# ---- HTML

def html_inline(text: str) -> str:
    escaped = html.escape(text, quote=False)
    return LINK.sub(lambda m: f'<a href="{html.escape(m.group(2))}">{m.group(1)}</a>', escaped)


def html_table(model: list[list[Cell]]) -> str:
    rows = []
    for row in model:
        cells = []
        for text, rowspan, colspan in row:
            attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            cells.append(f"<td{attrs}>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1" cellspacing="0">\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"


def html_page(text: str, declare: str = '<meta charset="gbk">', numbers=None) -> str:
    parts = blocks(text)
    title = next((value for kind, value in parts if kind == "h"), parts[0][1])  # 002 has no # heading
    body = []
    for kind, value in parts:
        if value == title:
            continue
        if kind == "h":
            body.append(f"<h3>{html_inline(value)}</h3>")
        elif kind == "p":
            body.append(f'<p style="text-indent:2em">{html_inline(value)}</p>')
        else:
            body.append(html_table(model_for(value, numbers)))
    report = "\n".join(body)
    return f"""<!DOCTYPE html>
<html>
<head>
{declare}
<title>{html.escape(title)}_聊城市人民政府</title>
<style>.nav li {{ float: left; }}</style>
<script type="text/javascript">var 首页 = "index.html"; document.write("版权所有");</script>
</head>
<body>
<div class="top-header"><div class="logo"><a href="/">聊城市人民政府</a></div>
  <div class="search"><form><input type="text" value="请输入关键词"><button>搜索</button></form></div></div>
<div class="nav"><ul>
  <li><a href="/">首页</a></li><li><a href="/jggk/">机构概况</a></li><li><a href="/zwgk/">政务公开</a></li>
  <li><a href="/zmhd/">政民互动</a></li><li><a href="/bsfw/">办事服务</a></li>
</ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 年度报告</div>
<div class="main-content">
  <div class="article-title"><h1>{html_inline(title)}</h1></div>
  <div class="article-info">发布日期：2024-01-20　　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
  <div id="zoom" class="TRS_Editor">
{report}
  </div>
  <div class="share-bar">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
  <div class="tools"><a href="javascript:print()">【打印本页】</a> <a href="javascript:close()">【关闭窗口】</a></div>
</div>
<div id="footer" class="footer">
  <p>版权所有：聊城市人民政府办公室　主办：聊城市人民政府办公室</p>
  <p>网站标识码：3715000001　鲁ICP备05001964号　<a href="/sitemap">网站地图</a>　<a href="/contact">联系我们</a></p>
</div>
</body>
</html>
"""


# ---- DOCX

CHINESE_NUMBERING = """
<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>"""
CHINESE_NUM = """
<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">
  <w:abstractNumId w:val="90"/>
</w:num>"""


def numbered(paragraph, level: int = 0) -> None:
    """Give a paragraph Word's automatic numbering (numId 90: 一、 / （一）)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))


def add_chinese_numbering(document) -> None:
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    first_num.addprevious(parse_xml(CHINESE_NUMBERING))  # abstractNum elements come before num elements
    numbering.append(parse_xml(CHINESE_NUM))


def docx_table(document, model: list[list[Cell]]) -> None:
    n_rows, n_cols = grid_size(model)
    table = document.add_table(rows=n_rows, cols=n_cols)
    table.style = "Table Grid"
    for r, c, (text, rowspan, colspan) in place(model):
        cell = table.cell(r, c)
        if rowspan > 1 or colspan > 1:
            cell = cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
        cell.text = text


def docx_bytes(text: str, auto_number: bool = False, extra_table: list[list[str]] | None = None,
               numbers=None) -> bytes:
    """A Word document of the seed: its title, headings, paragraphs and tables (merged cells in 表三).

    auto_number: headings "一、…" lose their typed number and get Word's automatic numbering instead."""
    import docx

    document = docx.Document()
    if auto_number:
        add_chinese_numbering(document)
    for kind, value in blocks(text):
        if kind == "table":
            docx_table(document, model_for(value, numbers))
            continue
        line = plain(value)
        top = re.match(r"^[一二三四五六七八九十]+、(?=\S{2,30}$)", line)
        if auto_number and top and "，" not in line:
            numbered(document.add_paragraph(line[top.end():]))
        elif kind == "h":
            document.add_heading(line, level=2)
        else:
            document.add_paragraph(line)
        if extra_table and "（一）公开内容" in line:
            docx_table(document, plain_model(extra_table))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ---- PDF

def cjk_font() -> str:
    import mplfonts
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "SimHei" not in pdfmetrics.getRegisteredFontNames():
        path = Path(mplfonts.__file__).parent / "fonts" / "SimHei.ttf"
        pdfmetrics.registerFont(TTFont("SimHei", str(path)))
    return "SimHei"


def pdf_bytes(text: str, numbers=None) -> bytes:
    """A text-layer PDF of the seed: wrapped paragraphs (hard line breaks mid-sentence, as PDFs have) and
    ruled tables with merged cells."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    font = cjk_font()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=16, wordWrap="CJK", spaceAfter=4)
    head = ParagraphStyle("head", parent=body, fontSize=14, leading=20, spaceBefore=6)
    cell = ParagraphStyle("cell", fontName=font, fontSize=6.5, leading=8, wordWrap="CJK")
    story = []
    for kind, value in blocks(text):
        if kind == "table":
            model = model_for(value, numbers)
            n_rows, n_cols = grid_size(model)
            grid = [["" for _ in range(n_cols)] for _ in range(n_rows)]
            style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            for r, c, (content, rowspan, colspan) in place(model):
                grid[r][c] = Paragraph(html.escape(content), cell) if content else ""
                if rowspan > 1 or colspan > 1:
                    style.append(("SPAN", (c, r), (c + colspan - 1, r + rowspan - 1)))
            usable = landscape(A4)[0] - 30 * mm
            labels = 3 if is_table3(value) else 1  # wide label columns, narrow number columns
            label_width = usable * (0.45 if labels == 3 else 0.3) / labels
            number_width = (usable - label_width * labels) / max(1, n_cols - labels)
            widths = [label_width] * labels + [number_width] * (n_cols - labels)
            story.append(Table(grid, colWidths=widths, style=TableStyle(style)))
        else:
            story.append(Paragraph(html.escape(plain(value)), head if kind == "h" else body))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                      topMargin=12 * mm, bottomMargin=12 * mm).build(story)
    return buffer.getvalue()


def scanned_pdf_bytes() -> bytes:
    """A 'scan': pages with a drawn frame and a picture, and no text at all."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (200, 280), 255)
    for x in range(20, 180, 3):
        for y in range(30, 250, 12):
            picture.putpixel((x, y), 0)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(2):
        page.rect(50, 50, 495, 740)
        page.drawImage(ImageReader(picture), 60, 60, width=475, height=720)
        page.showPage()
    page.save()
    return buffer.getvalue()


def paged_pdf(pages: list[str]) -> tuple[bytes, list[int]]:
    """A PDF of one page per text (its lines drawn in the CJK font), written as many office programs write one:
    the fonts and other shared objects first, then each page's dictionary followed by its content stream. Also
    the offset where each page's last object ends: a file cut there still holds that page and those before it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = cjk_font()
    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4)
    for text in pages:
        drawing.setFont(font, 11)
        for i, line in enumerate(text.splitlines()):
            drawing.drawString(50, 800 - 16 * i, line)
        drawing.showPage()
    drawing.save()
    objects = {}
    for match in re.finditer(rb"(\d+) 0 obj(.*?)endobj", buffer.getvalue(), re.S):  # reportlab: no nested "endobj"
        objects[int(match.group(1))] = match.group(2)
    page_type = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
    page_objects = [n for n, body in objects.items() if page_type.search(body.split(b"stream")[0])]
    tail = [[n, *map(int, re.findall(rb"/Contents\s+(\d+)", objects[n]))] for n in page_objects]
    order = [n for n in objects if not any(n in group for group in tail)] + [n for group in tail for n in group]
    out, offsets, ends = bytearray(b"%PDF-1.4\n"), {}, []
    for n in order:
        offsets[n] = len(out)
        out += b"%d 0 obj" % n + objects[n] + b"endobj\n"
        if any(n == group[-1] for group in tail):
            ends.append(len(out))
    size = max(objects) + 1
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size + b"".join(b"%010d 00000 n \n" % offsets[n]
                                                               for n in range(1, size))
    root = next(n for n, body in objects.items() if b"/Catalog" in body)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, start)
    return bytes(out), ends
