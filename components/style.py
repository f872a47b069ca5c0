"""Shared presentation: projector-sized fonts, one colour per agency, safe text rendering."""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Mapping
from functools import lru_cache

import plotly.express as px
import plotly.graph_objects as go

FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
# Dark, saturated colours; greys are left out (grey means 其他 in the aggregated charts).
PALETTE = [c for c in px.colors.qualitative.Bold + px.colors.qualitative.Safe + px.colors.qualitative.Vivid
           if len(set(c.removeprefix("rgb(").rstrip(")").replace(" ", "").split(","))) > 1]
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 3, "filename": "公开年报看板"},
}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")  # & too: "&lt;" stays four characters


@lru_cache(maxsize=65536)
def agency_color(name: str) -> str:
    """One agency's colour: a hash of its name, so it never depends on which other agencies are loaded."""
    return PALETTE[int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % len(PALETTE)]


class AgencyColors(Mapping):
    """agency → colour for the agencies loaded, each computed when a chart first asks (a chart draws at most
    a few dozen of 10,000 agencies; hashing them all cost ~20 ms on every rerun)."""

    def __init__(self, agencies):
        self._names = frozenset(agencies)

    def __getitem__(self, name: str) -> str:
        if name not in self._names:
            raise KeyError(name)
        return agency_color(name)

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def agency_colors(agencies) -> AgencyColors:
    """Stable colours keyed on the agency's name itself (a hash), not on its rank among the agencies
    loaded: filtering, uploading or adding a report never repaints an agency."""
    return AgencyColors(agencies)


INK = "#111418"  # near-black: 18:1 on white, where plotly's grey axis text is about 3.7:1


# 演示模式 on a 16:9 projector (1280×720) or a 4:3 one (1024×768): the page starts near the top, so the KPIs and
# the first chart, axis and legend included, are above the fold.
PRESENTATION_CSS = """
[data-testid="stMainBlockContainer"] {padding-top: 0.75rem; padding-bottom: 1rem;}
[data-testid="stHeader"], [data-testid="stHeader"] * {background: transparent; pointer-events: none !important;}
[data-testid="stHeader"] button, [data-testid="stHeader"] a, [data-testid="stHeader"] button * {pointer-events: auto !important;}
"""
FIT_PX = 480  # the first chart's height when presenting: 720 px less the tab bar, the KPIs (or a switch) and margins


def presentation_from_url() -> bool:
    import streamlit as st

    return st.query_params.get("present") in ("1", "true")


def presenting() -> bool:
    """Whether this session shows the presentation layout (from the toggle, or the URL on first load)."""
    import streamlit as st

    try:
        return bool(st.session_state.get("present", presentation_from_url()))
    except Exception:  # outside a Streamlit script (pure figure tests)
        return False


def render_presentation_toggle() -> None:
    import streamlit as st

    if "present" not in st.session_state:
        st.session_state["present"] = presentation_from_url()

    def keep_in_url() -> None:
        if st.session_state["present"]:
            st.query_params["present"] = "1"
        else:
            st.query_params.pop("present", None)

    st.sidebar.toggle("演示模式（投影）", key="present", on_change=keep_in_url,
                      help="收起侧栏，图表文字加大加黑，图例放在图下方；状态保存在网址中（present=1）。")


UPLOAD_BUTTON = "选择文件"


def formats_text(suffixes) -> str:
    """.txt, .md, … → txt、md、…: the supported formats as the UI names them (one list: parsing.readers)."""
    return "、".join(s.lstrip(".") for s in suffixes)


def uploader_css(limit: str, suffixes) -> str:
    """Streamlit's file uploader speaks English (its button "Upload", "20MB per file • TXT, MD, …") and has no
    setting for it: the English is drawn at size 0 and Chinese drawn in its place. limit and the suffixes come
    from our own constants (never from a file), so nothing in the CSS strings needs escaping but quotes."""
    note = f"单个文件不超过 {limit}；支持 {formats_text(suffixes)}".replace('"', "")
    zone = '[data-testid="stFileUploaderDropzone"]'
    return (
        f'{zone} button [data-testid="stMarkdownContainer"] p {{font-size: 0;}}\n'
        f'{zone} button [data-testid="stMarkdownContainer"] p::after {{content: "{UPLOAD_BUTTON}"; font-size: 1rem;}}\n'
        f'[data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0; white-space: normal;}}\n'
        f'[data-testid="stFileUploaderDropzoneInstructions"] span::after {{content: "{note}"; font-size: 0.8rem;}}\n'
    )


def render_css(css: str) -> None:
    """The page's own CSS (style tags only: Streamlit puts them where they take no space)."""
    import streamlit as st

    st.html(f"<style>\n{css}</style>")


def style_figure(fig: go.Figure, title: str, height: int = 480, present: bool | None = None,
                 fit: bool = False) -> go.Figure:
    """Projector-ready styling; in presentation mode larger text (≥ 20 px), legends below the plot, and the
    first chart of a tab (fit) FIT_PX high, so that it is whole above the fold of a 1280×720 screen."""
    big = presenting() if present is None else present
    base, tick, head = (22, 20, 28) if big else (18, 16, 24)
    axis = {"title": {"font": {"size": base, "color": INK}}, "tickfont": {"size": tick, "color": INK}}
    layout = {
        "title": {"text": title, "font": {"size": head, "color": INK}},
        "font": {"family": FONT, "size": base, "color": INK},
        "legend": {"font": {"size": tick, "color": INK}, "title": {"font": {"size": tick}}},
        "height": height,
        "margin": {"l": 60, "r": 30, "t": 70, "b": 60},
        "hoverlabel": {"font": {"size": tick}},
        "xaxis": axis, "yaxis": axis,  # every figure here has one pair of axes
    }
    if big:
        ticks = (fig.layout.xaxis.ticktext or ()) if fig.layout.xaxis else ()
        two_lines = any("<br>" in str(tick) for tick in ticks)  # year<br>n=3: the legend goes lower
        layout["legend"].update({"orientation": "h", "yanchor": "top", "y": -0.4 if two_lines else -0.18, "x": 0})
        layout["title"]["text"] = present_title(title)
        layout.update(margin={"l": 50, "r": 20, "t": 60, "b": 40}, height=FIT_PX if fit else max(height, 520))
        fig.update_traces(textfont={"size": base, "color": INK}, selector=lambda t: t.type in ("bar", "scatter"))
    # The same figure as fig.update_layout(layout), built anew: plotly's update path costs ~1 ms per property
    # (27 ms a chart, a third of a rerun of 总览 at 10,000 reports), a layout given to the constructor ~2 ms.
    props = getattr(fig.layout, "_props", None)  # the layout's own dict: to_plotly_json copies the template too
    own = (copy.deepcopy({k: v for k, v in props.items() if k != "template"}) if isinstance(props, dict)
           else fig.layout.to_plotly_json())
    own.pop("template", None)  # the default one, which the new figure gets too (no view sets its own)
    return go.Figure(data=fig.data, layout=_merged(own, layout))  # traces given to the constructor: half the
    # cost of add_traces (0.18 s for 180 bars)


PRESENT_TITLE_CHARS = 24  # at 28 px, the widest title that fits a 1024 px screen


def present_title(title: str) -> str:
    """A chart's title on the projector: without its bracketed explanation when the whole would be cut (the
    explanation stays in the hover and the notes)."""
    if len(title) <= PRESENT_TITLE_CHARS or "（" not in title:
        return title
    return title.split("（", 1)[0]


def _merged(base: dict, extra: dict) -> dict:
    """base updated by extra, nested dicts merged key by key (as plotly's update_layout merges them)."""
    out = dict(base)
    for key, value in extra.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


# what Streamlit's Markdown turns into a live link after parsing, whatever the escapes (GFM autolink literals
# are found in the decoded text): web addresses and e-mail addresses. Full-width punctuation ends them.
_AUTOLINK = re.compile(r"(?:(?:https?|ftp)://|www\.)[^\s<>\"'()\[\]，。；：、（）【】《》“”]+"
                       r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE | re.ASCII)


def md_escape(text: str) -> str:
    """Escape report text for st.markdown: it is shown literally, never interpreted. A web or e-mail address is
    shown as code (plain text, copied exactly): Markdown would make it a live link, escaped or not."""
    out, pos = [], 0
    for m in _AUTOLINK.finditer(text):
        address = m.group().rstrip(".,;:!?")  # a sentence's own full stop is not part of the address
        out.append(_escape_plain(text[pos:m.start()]))
        out.append(_code_span(address))
        pos = m.start() + len(address)
    out.append(_escape_plain(text[pos:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def _code_span(text: str) -> str:
    """text as an inline code span: fenced by one more backtick than its longest run of them."""
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    """Markdown with the given character spans highlighted; everything else escaped."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out.append(md_escape(text[pos:s]))
        # highlight line by line: a directive cannot span a line break
        # one strong mark: bold in the theme's dark red (#b3261e, 6.6:1 on white) on a light tint
        parts = [f":primary-background[:primary[**{md_escape(p.strip())}**]]" if p.strip() else ""
                 for p in text[s:e].split("\n")]
        out.append("  \n".join(parts))
        pos = e
    out.append(md_escape(text[pos:]))
    return "".join(out)


def year_label(value) -> str:
    """2018 → 2018年; a missing year is said, never shown as 0 or NaN."""
    from components.nulls import missing

    return "年份不明" if missing(value) else f"{int(value)}年"


def number_table(table):
    """A table for st.dataframe: figures stay numbers (a column sorts 9 < 10) and whole floats become
    integers (12.0 is shown as 12). One type per column, so Streamlit's Arrow conversion never has to repair a
    column of numbers mixed with text on each rerun."""
    out = table.copy()
    for col in out.columns:
        values = out[col]
        if values.dtype.kind == "f" and (values.dropna() % 1 == 0).all():
            out[col] = values.astype("Int64")
    return out


SENTENCE_PX = 560  # a column of whole sentences: about 35 characters a line
CHAR_PX, LINE_PX = 15, 19  # one CJK character and one line of the grid's text, in pixels
MAX_LINES = 12
WRAP_MIN_PX = 73  # the grid wraps a cell's text only in rows taller than 4rem (72 px at the 18 px base font)


def sentence_rows(texts, width: int = SENTENCE_PX, share: float = 1.0, max_lines: int = MAX_LINES) -> int | None:
    """The grid's row height that shows the texts whole in a column width pixels wide (wrapped, up to
    max_lines lines), or None when they fit one line (the grid's default row). A grid cuts a longer text at the
    column's edge, mid-sentence. share < 1: the row fits that share of the texts (the longest few, lists of
    cells rather than sentences, would make every row of a long table a screen high); the rest is in the
    hover and the CSV."""
    from math import ceil

    from components.nulls import blank

    per_line = max(1, (width - 16) // CHAR_PX)
    lengths = sorted(len(str(t)) for t in texts if not blank(t))
    longest = lengths[min(len(lengths) - 1, ceil(share * len(lengths)) - 1)] if lengths else 0
    lines = min(max_lines, ceil(longest / per_line))
    return None if lines <= 1 else max(WRAP_MIN_PX, 12 + LINE_PX * lines)


def sentence_column(label: str | None = None):
    """The column config of a column of whole sentences (see sentence_rows)."""
    import streamlit as st

    return st.column_config.TextColumn(label, width=SENTENCE_PX)


LAZY_ROWS = 500  # longer grids send only the rows in sight (and fetch more on scrolling)


def show_numbers(table, blank: str = "", container=None, **kwargs):
    """st.dataframe of number_table(table): a missing figure shows as blank (never "None"), other decimals
    with one digit; no pandas Styler (it formats every cell in Python: 0.5 s at 2,000 rows)."""
    import streamlit as st

    out = number_table(table)
    config = {c: st.column_config.NumberColumn(format="%.1f") for c in out.columns if out[c].dtype.kind == "f"}
    config.update(kwargs.pop("column_config", None) or {})
    return (container or st).dataframe(out, placeholder=blank, column_config=config or None,
                                       lazy=len(out) > LAZY_ROWS or None, **kwargs)
