"""Shared presentation: projector-sized fonts, one colour per agency, safe text rendering."""

from __future__ import annotations

import re

import plotly.express as px
import plotly.graph_objects as go

FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
PALETTE = px.colors.qualitative.Bold + px.colors.qualitative.Safe + px.colors.qualitative.Vivid
PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 3, "filename": "公开年报看板"},
}
FORMAT_LABELS = {"prose": "文字叙述（2019年前）", "template2019": "国家模板（2019年起）"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def agency_colors(agencies: list[str]) -> dict[str, str]:
    """Stable colours: computed on the whole corpus, so filtering never repaints an agency."""
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(sorted(set(agencies)))}


def style_figure(fig: go.Figure, title: str, height: int = 480) -> go.Figure:
    fig.update_layout(
        title={"text": title, "font": {"size": 24}},
        font={"family": FONT, "size": 18},
        legend={"font": {"size": 16}, "title": {"font": {"size": 16}}},
        height=height,
        margin={"l": 60, "r": 30, "t": 70, "b": 60},
        hoverlabel={"font": {"size": 16}},
    )
    fig.update_xaxes(title_font={"size": 18}, tickfont={"size": 16})
    fig.update_yaxes(title_font={"size": 18}, tickfont={"size": 16})
    return fig


def md_escape(text: str) -> str:
    """Escape report text for st.markdown: it is shown literally, never interpreted."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


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
        parts = [f":orange-background[{md_escape(p)}]" if p.strip() else "" for p in text[s:e].split("\n")]
        out.append("  \n".join(parts))
        pos = e
    out.append(md_escape(text[pos:]))
    return "".join(out)


def year_label(value) -> str:
    """2018 → 2018年; a missing year is said, never shown as 0 or NaN."""
    import pandas as pd

    return "年份不明" if value is None or pd.isna(value) else f"{int(value)}年"
