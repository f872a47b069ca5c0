"""components/style.py: report text shown literally — no links, no HTML, no reordering, one strong highlight."""

import pytest

from components.style import highlight, md_escape


@pytest.mark.parametrize(("text", "shown"), [
    # an address is code (plain text, copied exactly): Streamlit's Markdown links it however it is escaped
    ("详见 http://www.jimei.gov.cn 。", "详见 `http://www.jimei.gov.cn` 。"),
    ("网址www.jimei.gov.cn，", "网址`www.jimei.gov.cn`，"),
    ("邮箱 ajj@zibo.gov.cn", "邮箱 `ajj@zibo.gov.cn`"),
    ("见 https://a.cn/b?c=1&d=2. 下", "见 `https://a.cn/b?c=1&d=2`\\. 下"),  # the sentence's stop is not the address's
    ("[www.a.cn](http://www.a.cn)", "\\[`www.a.cn`\\]\\(`http://www.a.cn`\\)"),  # a saved page's link syntax
    ("a`b@c.cn", "a\\``b@c.cn`"),
    ("<b>粗体</b>", "\\<b\\>粗体\\</b\\>"),
    ("&lt;b&gt;", "\\&lt;b\\&gt;"),  # an entity stays as written
])
def test_urls_mail_and_markup_are_plain_text(text, shown):
    assert md_escape(text) == shown


def test_one_strong_highlight_per_span_line_by_line():
    out = highlight("甲乙丙\n丁戊", [(1, 5)])
    assert out == "甲:primary-background[:primary[**乙丙**]]  \n:primary-background[:primary[**丁**]]戊"


def _chart():
    import plotly.graph_objects as go

    fig = go.Figure()
    fig.add_bar(x=["2019", "2020"], y=[3, 5], name="张店区应急管理局", text=[3, 5])
    fig.add_scatter(x=["2019", "2020"], y=[4, 4], mode="markers", name="中位数")
    fig.update_layout(legend_title_text="机构", height=300)
    fig.update_xaxes(title="年份", type="category", tickfont={"size": 9})
    return fig


@pytest.mark.parametrize("present, height, legend_y, tick, title_size", [
    (False, 480, None, 16, 18),  # the view's own 9 px ticks become the readable size; its axis type stays
    (True, 480, -0.18, 20, 22),  # the projector: legend below, larger text, at least 520 px high
])
def test_a_styled_chart_keeps_what_the_view_set_and_adds_the_projector_sizes(present, height, legend_y, tick,
                                                                              title_size):
    from components.style import INK, style_figure

    fig = style_figure(_chart(), "各年度主动公开数量", height=height, present=present).to_plotly_json()
    layout = fig["layout"]
    assert layout["title"] == {"text": "各年度主动公开数量", "font": {"size": title_size + 6, "color": INK}}
    assert layout["legend"]["title"] == {"text": "机构", "font": {"size": title_size - 2}}
    assert layout["xaxis"]["title"] == {"text": "年份", "font": {"size": title_size, "color": INK}}
    assert layout["xaxis"]["type"] == "category" and layout["xaxis"]["tickfont"] == {"size": tick, "color": INK}
    assert layout["height"] == (520 if present else 480)  # style_figure's height replaces the view's 300
    assert layout["legend"].get("y") == legend_y
    assert [t["name"] for t in fig["data"]] == ["张店区应急管理局", "中位数"]
    assert [t.get("textfont") for t in fig["data"]] == ([{"size": 22, "color": INK}] * 2 if present else [None, None])
    assert "template" in layout  # plotly's default look, as before styling


@pytest.mark.parametrize(("longest", "height"), [
    (0, None), (36, None),   # one line: the grid's own row
    (37, 73),                # two lines need a row taller than 4rem, where the grid wraps
    (104, 73),               # three lines: 12 + 3 × 19 = 69, still the least wrapping row
    (150, 107),              # five lines
    (1000, 240),             # at most twelve lines
])
def test_sentence_rows_fit_the_longest_sentence(longest, height):
    from components.style import sentence_rows

    assert sentence_rows(["短句", "字" * longest, None, float("nan")]) == height

