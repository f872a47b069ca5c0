import pytest

from parsing.normalize import normalize_text


@pytest.mark.parametrize(("raw", "expected"), [
    # PDF hard line breaks inside a sentence, with blank lines between the pieces
    ("本年度报告是根据《中华人民共和国政府信息公开条例》（以下简称《条\n\n例》）要求，由区安监局\n\n编制。\n",
     "本年度报告是根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由区安监局编制。\n"),
    # headings are not glued to the following paragraph
    ("一、概 述\n\n2018 年，我局开展工作。\n", "一、概述\n2018年，我局开展工作。\n"),
    # full-width space runs and U+FFFD debris
    ("我局\u3000\u3000\u3000公开信息\ufffd123条。\n", "我局公开信息123条。\n"),
    # Markdown residue: headings, bold, links, image placeholders
    ("## **六、其他事项**\n见[www.a.gov.cn](http://www.a.gov.cn)。[image: C:\\x.jpg]\n", "六、其他事项\n见www.a.gov.cn。\n"),
    # full-width digits become ASCII digits
    ("主动公开政府信息１２３条。\n", "主动公开政府信息123条。\n"),
    # page-number lines disappear
    ("第一段结束。\n- 3 -\n第二段。\n", "第一段结束。\n第二段。\n"),
    # a title line is not joined to the body
    ("某某局2019年政府信息公开工作年度报告\n本报告由某某局编制。\n", "某某局2019年政府信息公开工作年度报告\n本报告由某某局编制。\n"),
    # tab tables keep their cells
    ("行政处罚\t2\t\t\n", "行政处罚\t2\n"),
], ids=["pdf-wrap", "heading", "fullwidth-space", "markdown", "fullwidth-digits", "page-number", "title",
        "tab-table"])
def test_normalize(raw, expected):
    assert normalize_text(raw) == expected
