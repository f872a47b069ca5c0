import re

import pytest

from parsing.text.normalize import normalize_text


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


INVISIBLE_CONTROLS = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
                      "\u2068", "\u2069", "\u180e", "\u034f"]


@pytest.mark.parametrize("control", INVISIBLE_CONTROLS, ids=[f"U+{ord(c):04X}" for c in INVISIBLE_CONTROLS])
def test_bidi_and_invisible_controls_inside_names_and_numbers_change_nothing(control):
    from conftest import SEEDS

    from parsing import parse_text

    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        want = parse_text(text).record
        dirty = re.sub(r"(\d)(\d)", lambda m: m.group(1) + control + m.group(2), text)  # inside every number
        dirty = dirty.replace("监督管理局", "监督" + control + "管理局").replace("年", control + "年")
        got = parse_text(dirty).record
        for key in ("agency", "district", "city", "year", "proactive_total", "applications_received"):
            assert getattr(got, key) == getattr(want, key), (path.name, key)
        assert control not in parse_text(dirty).text  # never shown, never able to reorder the display


LOST_BREAK_FIELDS = ("agency", "year", "format", "proactive_total", "proactive_breakdown", "applications_received",
                     "fees", "reconsideration", "litigation", "channels", "channel_counts")


@pytest.mark.parametrize("separator", ["", " "], ids=["joined", "spaces"])
def test_a_report_whose_line_breaks_were_lost_gives_the_same_figures(separator):
    """Text copied from a web page may arrive as one line; headings after a full stop start lines again."""
    from conftest import SEEDS

    from parsing import parse_text

    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        want, got = parse_text(text).record, parse_text(text.replace("\n", separator)).record
        # a template's tab tables cannot survive losing their rows; its prose fields must
        fields = LOST_BREAK_FIELDS if want.format == "prose" else ("agency", "year", "format", "proactive_total")
        for key in fields:
            assert getattr(got, key) == getattr(want, key), (path.name, key)
        squash = lambda s: re.sub(r"\s+", "", s)[:30]  # noqa: E731
        assert squash(got.problems) == squash(want.problems), path.name
        if want.format == "prose":
            assert squash(got.measures) == squash(want.measures), path.name


# ---- controls inside numbers and names are named in a warning (the record keeps the logical order)

BIDI_WARNING = "第 {line} 行“{shown}”中有不可见的方向控制字符 {codes}：原文显示时文字或数字的顺序可能与记录不一致，记录按文本的逻辑顺序读作“{logical}”"
HIDDEN_WARNING = "第 {line} 行“{shown}”中有不可见字符 {codes}，夹在数字或文字中间，已去除，读作“{logical}”"


@pytest.mark.parametrize(("text", "expected"), [
    # an override around a figure: shown as 280 to a reader, read as 082
    ("标题\n共主动公开信息\u202e082\u202c条。", [BIDI_WARNING.format(
        line=2, shown="共主动公开信息⟨U+202E⟩082⟨U+202C⟩条。", logical="共主动公开信息082条。",
        codes="U+202E（从右到左覆盖）、U+202C（方向格式结束）")]),
    # an isolate inside a number
    ("收到申请1\u20672\u20693件", [BIDI_WARNING.format(
        line=1, shown="收到申请1⟨U+2067⟩2⟨U+2069⟩3件", logical="收到申请123件",
        codes="U+2067（从右到左隔离）、U+2069（方向隔离结束）")]),
    # a right-to-left mark after a year
    ("2019\u200f年度", [BIDI_WARNING.format(line=1, shown="2019⟨U+200F⟩年度", logical="2019年度",
                                          codes="U+200F（从右到左标记）")]),
    # a zero-width space splitting a number, a soft hyphen inside a name
    ("公开123\u200b4条", [HIDDEN_WARNING.format(line=1, shown="公开123⟨U+200B⟩4条", logical="公开1234条",
                                             codes="U+200B（零宽空格）")]),
    ("张店区安全\u00ad生产监督管理局", [HIDDEN_WARNING.format(line=1, shown="张店区安全⟨U+00AD⟩生产监督管理局", logical="张店区安全生产监督管理局",
                                                   codes="U+00AD（软连字符）")]),
    # harmless places: the BOM at the start, an invisible character beside punctuation or a line end
    ("\ufeff标题。\u200b\n正文", []),
    ("句子结束。\u200b", []),
], ids=["override-around-figure", "isolate-inside-number", "mark-after-year", "zwsp-in-number", "shy-in-name",
        "bom-and-punctuation", "end-of-text"])
def test_controls_inside_numbers_and_names_are_named_with_where_they_were(text, expected):
    from parsing.text.normalize import control_warnings

    assert control_warnings(text) == expected


def test_many_occurrences_are_named_five_times_and_counted():
    from parsing.text.normalize import control_warnings

    warnings = control_warnings("\n".join(f"第{i}项1\u200b{i}条" for i in range(1, 9)))
    assert len(warnings) == 6 and warnings[0].startswith("第 1 行“第1项1⟨U+200B⟩1条”")
    assert warnings[-1] == "另有 3 处数字或名称中有不可见的控制字符，已去除（同上）"


def test_the_record_keeps_the_logical_figure_and_warns_of_the_override():
    """U+202E 082 U+202C displays as 280 to a reader of the original: the record says 82, and says why to look."""
    from parsing import parse_text

    text = "某县应急管理局2020年政府信息公开工作年度报告\n本年度主动公开政府信息共\u202e082\u202c条。\n"
    record = parse_text(text).record
    assert record.proactive_total == 82
    assert record.warnings[0] == BIDI_WARNING.format(
        line=2, shown="动公开政府信息共⟨U+202E⟩082⟨U+202C⟩条。", logical="动公开政府信息共082条。",
        codes="U+202E（从右到左覆盖）、U+202C（方向格式结束）")
    assert "\u202e" not in parse_text(text).text


@pytest.mark.parametrize("printed, meant", [("⼀、本年新收", "一、本年新收"), ("⾃然⼈", "自然人"),
                                            ("其他法律⾏政法规禁⽌公开", "其他法律行政法规禁止公开"), ("⺟", "母")])
def test_kangxi_radicals_of_a_pdf_font_read_as_ideographs(printed, meant):
    assert normalize_text(printed) == meant + "\n"
