"""政府信息公开年报看板 — streamlit run app.py. Wiring only: load (cached) → filter → views."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from components import (
    applications,
    channels,
    data_table,
    document,
    filters,
    keywords,
    overview,
    quality,
    upload,
)
from components.loader import load
from components.style import agency_colors, md_escape

DATA_DIR = Path(os.environ.get("DATA_DIR", Path(__file__).with_name("data")))

st.set_page_config(page_title="政府信息公开年报看板", layout="wide")
st.title("政府信息公开年报看板")

upload.render_uploader(DATA_DIR)
corpus, frame = load(DATA_DIR, upload.uploaded())
upload.render_save(DATA_DIR)
if corpus.errors:
    with st.container(border=True):
        st.warning(f"{len(corpus.errors)} 个文件无法读取，其余报告照常显示：")
        for err in corpus.errors:
            st.markdown(f"- **{md_escape(err.file)}**：{md_escape(err.reason)}")
if corpus.notes:
    with st.expander(f"文件提示（{len(corpus.notes)} 条：重复或冲突）"):
        for note in corpus.notes:
            st.markdown(f"- {md_escape(note)}")
if frame.empty:
    st.info(f"数据文件夹 {md_escape(str(DATA_DIR))} 中没有可读取的报告。请把报告（.txt/.md）放入该文件夹后刷新页面。")
    st.stop()

view = filters.render(frame)
st.caption(f"共 {len(frame)} 份报告，当前显示 {len(view)} 份。")
if view.empty:
    st.info("没有符合当前筛选条件的报告。请在左侧放宽筛选（例如把“城市”改回“全部”或扩大年份范围）。")
    st.stop()

colors = agency_colors(list(frame["agency_key"]))
# Only the open tab runs (lazy tabs); the open tab is part of the URL, like the filters.
tabs = st.tabs(["总览", "公开渠道", "关键词", "依申请与复议诉讼", "质量检查", "文档", "数据"],
               key="tab", bind="query-params", on_change="rerun")
views = [lambda: overview.render(view, colors), lambda: channels.render(view),
         lambda: keywords.render(view, frame, corpus.terms), lambda: applications.render(view),
         lambda: quality.render(view), lambda: document.render(view, corpus),
         lambda: data_table.render(view)]
for tab, draw in zip(tabs, views, strict=True):
    if tab.open:
        with tab:
            draw()
