"""政府信息公开年报看板 — streamlit run app.py. Wiring only: load (cached) → filter → views."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from components import filters, style, upload
from components.loader import load
from components.style import agency_colors, formats_text, md_escape
from components.views import (
    agency_page,
    applications,
    channels,
    data_table,
    document,
    issue_list,
    keywords,
    overview,
    quality,
    themes_view,
)
from parsing.readers import SUPPORTED_SUFFIXES

DATA_DIR = Path(os.environ.get("DATA_DIR", Path(__file__).with_name("data")))

# 演示模式 (?present=1): sidebar collapsed, larger near-black chart text, legends below the charts.
presenting = style.presentation_from_url()
st.set_page_config(page_title="政府信息公开年报看板", layout="wide",
                   initial_sidebar_state="collapsed" if presenting else "auto")
if presenting:  # no page title: the projector's 720 lines are for the KPIs and the first chart
    style.render_css(style.PRESENTATION_CSS)
else:
    st.title("政府信息公开年报看板")
style.render_presentation_toggle()
# the notes above the tabs (unreadable files, the report count): in the (collapsed) sidebar when presenting
notes = st.sidebar if presenting else st.container()

upload.render_uploader(DATA_DIR)
corpus, frame = load(DATA_DIR, upload.uploaded())
upload.render_save(DATA_DIR, corpus)
upload.render_remove(DATA_DIR, frame.loc[frame["source"] == "数据文件夹", "file"].tolist()
                     + [e.file for e in corpus.errors])
if corpus.errors or corpus.notes:
    # one line, not a list above every tab: the details are in 问题清单
    parts = [f"{len(corpus.errors)} 个文件无法读取" if corpus.errors else "",
             f"{len(corpus.notes)} 条重复或冲突提示" if corpus.notes else ""]
    first = md_escape(corpus.errors[0].file) + "：" + md_escape(corpus.errors[0].reason) if corpus.errors else ""
    notes.warning("，".join(p for p in parts if p) + "，其余报告照常显示。详见“问题清单”页"
               + (f"（例如 {first}）" if first and len(corpus.errors) <= 3 else "") + "。")
if frame.empty:
    st.info(f"数据文件夹 {md_escape(str(DATA_DIR))} 中没有可读取的报告。请把报告（{formats_text(SUPPORTED_SUFFIXES)} 文件）"
            "放入该文件夹后刷新页面，或在左侧“上传报告”中上传。")
    st.stop()

view = filters.render(frame)
notes.caption(f"共 {len(frame)} 份报告，当前显示 {len(view)} 份。")
if view.empty:
    st.info("没有符合当前筛选条件的报告。请在左侧放宽筛选（例如把“城市”改回“全部”或扩大年份范围）。")
    st.stop()

colors = agency_colors(frame["agency_key"].unique().tolist())  # tolist: one Arrow call, not 10,000 steps
# The issue list's tab carries a count badge. The URL names the open tab without it (?tab=问题清单): a shared
# link must not carry a count (nor break when the count changes), so the tab is not bound to the URL by
# Streamlit (which writes the label, badge and all) but kept there by name here.
TAB_NAMES = ["总览", "公开渠道", "关键词", "问题主题", "机构档案", "依申请与复议诉讼", "质量检查", "问题清单", "文档", "数据"]
labels = {name: name for name in TAB_NAMES} | {
    "问题清单": f"问题清单 :red-badge[{issue_list.badge_for(view, corpus, DATA_DIR)}]"}


def tab_name(label: str) -> str:
    """A tab's name from its label or from a URL's tab= (an old link may still carry the badge)."""
    return label.split(":", 1)[0].strip()  # "问题清单 :red-badge[3]" → 问题清单


shown = st.session_state.get("tab")
wanted = tab_name(str(shown if shown is not None else st.query_params.get("tab", "")))
st.session_state["tab"] = labels.get(wanted, labels[TAB_NAMES[0]])  # the same tab, with today's count
# Only the open tab runs (lazy tabs).
tabs = st.tabs(list(labels.values()), key="tab", on_change="rerun")
open_tab = tab_name(st.session_state["tab"])
if open_tab == TAB_NAMES[0]:
    st.query_params.pop("tab", None)
else:
    st.query_params["tab"] = open_tab
views = [lambda: overview.render(view, colors), lambda: channels.render(view),
         lambda: keywords.render(view, frame, corpus), lambda: themes_view.render(view),
         lambda: agency_page.render(view), lambda: applications.render(view),
         lambda: quality.render(view, corpus), lambda: issue_list.render(view, corpus, DATA_DIR),
         lambda: document.render(view, corpus), lambda: data_table.render(view, corpus)]
for tab, draw in zip(tabs, views, strict=True):
    if tab.open:
        with tab:
            draw()
