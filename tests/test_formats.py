"""Reports as web pages, Word .docx and PDF read like the same report as .txt.

Every input is built at test time from two bundled seeds: 002 (a prose report) and 004 (the national
template, with tab-separated tables). The web page, the Word document and the PDF carry the same text
with the layout each format brings — page chrome, merged table cells, automatic numbering, PDF line
wrapping — and must parse to the same key values as the .txt."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from conftest import seed

from parsing import ReportReadError, parse_bytes, parse_file, parse_text
from parsing.readers import SUPPORTED_SUFFIXES, extract_text
from parsing.readers.docx import docx_to_text
from parsing.readers.html import html_to_text
from parsing.readers.pdf import pdf_to_text

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


# ============================================================================ reference values

@pytest.fixture(scope="module")
def prose_reference():
    return parse_file(PROSE_PATH).record


@pytest.fixture(scope="module")
def template_reference():
    return parse_file(TEMPLATE_PATH).record


def test_reference_values_are_worth_comparing(prose_reference, template_reference):
    """The seeds give real values for every compared key, so equality below means something."""
    for record in (prose_reference, template_reference):
        assert all(getattr(record, key) not in (None, []) for key in KEYS), key_values(record)
    assert template_reference.tables["表三"]["rows"]


# ============================================================================ HTML

@pytest.mark.parametrize("declare", [
    '<meta charset="gbk">',
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
], ids=["meta-charset", "http-equiv"])
def test_gbk_web_page_reads_as_the_report_without_page_chrome(declare, template_reference):
    page = html_page(TEMPLATE, declare)
    data = page.encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # really GBK bytes: only the declaration tells
    text = extract_text(data, "report.html")
    for word in CHROME_WORDS:
        assert word not in text, word
    for sentence in ("2023年我局主动公开政府信息47条。", "依据《中华人民共和国政府信息公开条例》",
                     "一是解读方式还不够灵活多样。"):
        assert sentence in text.replace(" ", ""), sentence
    assert text.splitlines()[0] == "度假区安监局 2023 年政府信息公开工作 年度报告"  # title from outside the body
    record = parsed(text, "report.html")
    assert key_values(record) == key_values(template_reference)
    assert record.tables == template_reference.tables
    assert section_texts(record) == section_texts(template_reference)


def test_html_table_merged_cells_keep_numbers_in_their_columns():
    """rowspan/colspan: a merged cell's text is written once; the positions it spans stay empty."""
    page = html_page(TEMPLATE, numbers=distinct_numbers)
    text = html_to_text(page.encode("utf-8"))
    lines = text.splitlines()
    header = next(line for line in lines if "申请人情况" in line).split("\t")
    assert header[3] == "申请人情况" and header[:3] == ["(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)", "", ""]
    persons = next(line for line in lines if line.lstrip("\t").startswith("自然人")).split("\t")
    assert persons == ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]
    secret = next(line for line in lines if "属于国家秘密" in line).split("\t")
    assert secret == ["", "(三) 不予公开", "1.属于国家秘密", *map(str, distinct_numbers(4))]
    forbidden = next(line for line in lines if "其他法律行政法规禁止公开" in line).split("\t")
    assert forbidden == ["", "", "2.其他法律行政法规禁止公开", *map(str, distinct_numbers(5))]
    record = parsed(text, "report.html")
    rows = record.tables["表三"]["rows"]
    assert list(rows.values()) == [distinct_numbers(i) for i in range(len(rows))]
    assert len(rows) == 25
    assert record.applications_received == distinct_numbers(0)[6]


def test_web_page_encodings_fall_back_to_detection_and_prefer_valid_utf8(prose_reference):
    page = html_page(PROSE)
    utf8_declared_gbk = page.encode("utf-8")  # mislabelled: bytes are UTF-8, the meta says gbk
    undeclared = page.replace('<meta charset="gbk">', "").encode("gb18030")
    wrong_latin = page.replace('<meta charset="gbk">', '<meta charset="iso-8859-1">').encode("gbk")
    texts = [html_to_text(data) for data in (utf8_declared_gbk, undeclared, wrong_latin)]
    assert texts[0] == texts[1] == texts[2]
    assert "2009年，我局没有受理依申请公开的政府信息。" in texts[0]
    assert key_values(parsed(texts[0], "report.html")) == key_values(prose_reference)


def test_layout_tables_are_not_read_as_data_rows():
    """Old sites lay the page out in a table: its cells are blocks, not tab-separated rows."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for kind, p in blocks(PROSE) if kind == "p")
    page = ("<html><head><meta charset='utf-8'></head><body><table><tr>"
            "<td><a href='/'>首页</a><br><a href='/a'>机构概况</a><br><a href='/b'>政务公开</a></td>"
            f"<td>{paragraphs}</td></tr></table></body></html>")
    text = html_to_text(page.encode("utf-8"))
    assert "\t" not in text
    assert "首页" not in text
    assert text.splitlines()[0].startswith("2009年度政府信息公开工作报告")


def test_report_sentences_that_use_footer_words_are_kept():
    """技术支持, 无障碍, 适老化, 联系… are footer words and report words: only page furniture goes."""
    sentences = ["三是保障工作需进一步加强。在专业人员技术支持等方面需要进一步强化。",
                 "推进网站无障碍和适老化改造，方便老年人获取政府信息。",
                 "公众可通过“联系我们”栏目留言，全年办理留言12件。",
                 "版权所有不是本段的内容，这句只是提到了这个词，并且相当长，足够长，超过一百五十个汉字的段落不会被当作页脚删除。" * 4]
    body = "".join(f"<p>{s}</p>" for s in sentences)
    page = (f"<html><body><div id='zoom'>{body}</div><div>技术支持：某某科技有限公司</div>"
            "<div>主办单位：某某市人民政府办公室</div><p>鲁ICP备05001964号</p></body></html>")
    text = html_to_text(page.encode("utf-8"))
    assert text.splitlines() == sentences


def test_title_above_the_text_box_is_kept_when_the_page_title_is_only_the_site_name(prose_reference):
    parts = [value for kind, value in blocks(PROSE) if kind == "p"]
    title, rest = parts[0], "".join(f"<p>{p}</p>" for p in parts[1:])
    page = (f"<html><head><title>张店区人民政府</title></head><body><div class='nav'><a>首页</a></div>"
            f"<div class='detail'><div class='detail-title'>{title}</div><div class='info'>发布日期：2010-01-29</div>"
            f"<div id='zoom'>{rest}</div></div></body></html>")
    text = html_to_text(page.encode("utf-8"))
    assert text.splitlines()[0] == title
    assert key_values(parsed(text, "report.html")) == key_values(prose_reference)


def test_web_page_without_text_is_refused():
    with pytest.raises(ReportReadError, match="没有找到正文"):
        extract_text(b"<!DOCTYPE html><html><body><script>var a = 1;</script></body></html>", "x.html")


# ============================================================================ DOCX

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


# ============================================================================ PDF

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


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


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


def test_deeply_nested_html_is_read_in_linear_time():
    from parsing.readers.html import html_to_text

    depth = 10_000
    page = "<html><body>" + "<div>" * depth + "2018年，我局主动公开政府信息57条。" * 20 + "</div>" * depth + "</body></html>"
    text = html_to_text(page.encode())  # was 43 s at 5,000 levels and never finished at 10,000; now 0.1 s
    assert "主动公开政府信息57条" in text


REAL_LAYOUT_PAGE = """<html><body><p>某县应急管理局2020年政府信息公开工作年度报告</p><p>一、总体情况</p>
<p>二、主动公开政府信息情况</p><table border=1>
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年新<br>制作数量</td><td>本年新<br>公开数量</td><td>对外公开总数量</td></tr>
<tr><td>规章</td><td>13</td><td>13</td><td>524</td></tr>
<tr><td>规范性文件</td><td>&nbsp;</td><td>2</td><td>40</td></tr></table>
<p>四、政府信息公开行政复议、行政诉讼情况</p><table border=1>
<tr><td colspan="5">行政复议</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>""" + "".join(f"<td>{h}</td>" for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3) + """</tr>
<tr><td>1</td><td>0</td><td>&nbsp;</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>
<td>0</td><td></td><td>0</td><td>0</td><td>0</td></tr></table></body></html>"""


def test_a_real_layout_page_keeps_every_cell_in_its_grid_place():
    """colspan headers, a header split over lines (本年新<br>制作数量), &nbsp; and empty cells: a cell's place
    comes from the grid, so blanks stay blanks and all three 表二 (一) columns and 15 表四 cells survive."""
    rec = parse_bytes(REAL_LAYOUT_PAGE.encode(), "page.html").record
    assert rec.tables["表二"]["rows"]["规章"] == [13, 13, 524]
    assert rec.tables["表二"]["rows"]["规范性文件"] == [None, 2, 40]
    rows = rec.tables["表四"]["rows"]
    assert rows == {"行政复议": [1, 0, None, 0, 1], "未经复议直接起诉": [0, 0, 0, 0, 0], "复议后起诉": [0, None, 0, 0, 0]}
    assert (rec.reconsideration, rec.litigation) == (1, 0)
