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
