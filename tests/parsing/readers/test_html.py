"""parsing/readers/html.py: a web page reads like the same report as .txt — page chrome dropped, merged
cells in their grid places, declared and undeclared encodings."""

import html

import pytest
from readers_helpers import (
    CHROME_WORDS,
    PROSE,
    TEMPLATE,
    blocks,
    distinct_numbers,
    html_page,
    key_values,
    parsed,
    section_texts,
)

from parsing import ReportReadError, parse_bytes
from parsing.readers import extract_text
from parsing.readers.html import html_to_text


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
