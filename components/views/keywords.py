"""关键词: recurring terms of problems and measures, word clouds, top-N bars, keyword in context."""

from __future__ import annotations

import io
import random
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st
from wordcloud import WordCloud  # at import, not on the tab's first open: it loads matplotlib (~0.5 s)

from components.nulls import given
from components.parts import chosen_part
from components.style import PLOTLY_CONFIG, md_escape, style_figure, year_label
from parsing.analysis.keywords import keyword_in_context

PARTS = {"problems": "存在的问题", "measures": "改进措施"}
CONTEXT = 20  # characters of left and right context in the aligned view
TOP_N = 15
MAX_TERMS = 300
MAX_SENTENCES = 100
MAX_ALIGNED = 300  # aligned rows on screen (each is sent on every rerun); all of them are in the CSV
SECTIONS = ("词云与高频词", "反复出现的词与上下文")


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """Noto Sans CJK from the mplfonts package (installed with requirements.txt)."""
    try:
        import mplfonts
    except ImportError:
        return None
    path = Path(mplfonts.__file__).with_name("fonts") / "NotoSansCJKsc-Regular.otf"
    return str(path) if path.exists() else None


# matplotlib's tab10: a colour function of our own, so wordcloud never imports pyplot (0.5 s on the first cloud)
CLOUD_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                "#bcbd22", "#17becf")


def cloud_color(word, font_size, position, orientation, random_state=None, **kwargs) -> str:
    return CLOUD_COLORS[(random_state or random.Random(word)).randrange(len(CLOUD_COLORS))]


@st.cache_data(show_spinner=False, max_entries=64)
def wordcloud_png(frequencies: tuple[tuple[str, int], ...]) -> bytes | None:
    font = cjk_font()
    if font is None or not frequencies:
        return None
    # a fixed max_font_size and font_step=3 skip wordcloud's font-size search: ~40 ms instead of ~400 ms
    cloud = WordCloud(font_path=font, width=600, height=330, scale=1.5, max_font_size=90, font_step=3,
                      background_color="white", color_func=cloud_color, max_words=40, prefer_horizontal=0.95,
                      random_state=7)
    image = cloud.generate_from_frequencies(dict(frequencies)).to_image()
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


FILES_KEPT = 21  # files kept per term: the recurring list names 20 reports, then 等


def term_lists(all_terms, files: list[str], part: str) -> pa.ListArray:
    """Each file's terms of part, as one Arrow list per file (a file without terms: an empty or missing list).
    A corpus served from its snapshot gives them from terms.parquet; a dict (a corpus parsed now) is converted."""
    lists = getattr(all_terms, "lists", None)
    if lists is not None:
        return lists(part, files)
    return pa.array([given(given(all_terms.get(f), {}).get(part), []) for f in files], type=pa.list_(pa.string()))


def _stats(view: pd.DataFrame, part: str, all_terms) -> pd.DataFrame:
    """Every term of part in the view: its occurrences, its reports, and the first FILES_KEPT of those (in view
    order), most reports first. Counted in Arrow and numpy (a Counter over 1.2 million terms took 3.6 s at
    100,000 reports)."""
    files = view["file"].tolist()
    lists = term_lists(all_terms, files, part)
    flat = pc.list_flatten(lists)
    if not len(flat):
        return pd.DataFrame(columns=["词语", "出现次数", "报告数", "files"])
    encoded = pc.dictionary_encode(flat)
    words = encoded.dictionary.to_pylist()
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    parents = pc.list_parent_indices(lists).to_numpy(zero_copy_only=False).astype(np.int64)
    pairs = np.sort(codes * len(files) + parents)  # by term, then view order
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]  # each (term, report) once (np.unique: 4× slower)
    pair_terms, pair_rows = pairs // len(files), pairs % len(files)
    reports = np.bincount(pair_terms, minlength=len(words))
    starts = np.cumsum(reports) - reports  # where each term's reports start in pairs
    kept = (np.arange(len(pairs)) - starts[pair_terms]) < FILES_KEPT
    names = np.array(files, dtype=object)[pair_rows[kept]]
    cut = np.minimum(reports, FILES_KEPT)
    kept_files = np.split(names, np.cumsum(cut)[:-1])
    table = pd.DataFrame({"词语": pd.Series(words, dtype=object),
                          "出现次数": np.bincount(codes, minlength=len(words)), "报告数": reports,
                          "files": pd.Series([list(f) for f in kept_files], dtype=object)})
    return table.sort_values(["报告数", "出现次数", "词语"], ascending=[False, False, True])


def chosen_section() -> str:
    """The part of the tab on screen, kept in the URL (?kw=…). A link with a chosen term (?term= or ?q=)
    opens the context part. Two parts, not one long page: each draws half the charts, so the tab opens
    within a second at thousands of reports."""
    linked = st.query_params.get("term") or st.query_params.get("q")
    return chosen_part("kw_section", "kw", SECTIONS, default=SECTIONS[1] if linked else None)


def render(view: pd.DataFrame, full: pd.DataFrame, all_terms: dict[str, dict[str, list[str]]]) -> None:
    """all_terms: each report's segmented terms, computed once when the corpus was parsed."""
    stats = {part: _stats(view, part, all_terms) for part in PARTS}
    if chosen_section() == SECTIONS[0]:
        _clouds(stats)
    else:
        labels = dict(zip(full["file"], full["agency_label"] + " " + full["year"].map(year_label), strict=True))
        _in_context(view, stats, labels)


def _clouds(stats: dict[str, pd.DataFrame]) -> None:
    """Per part: a word cloud and the top-N bars."""
    cols = st.columns(2)
    for col, (part, title) in zip(cols, PARTS.items(), strict=True):
        table = stats[part]
        with col:
            st.subheader(title)
            if table.empty:
                st.caption("当前筛选下的报告没有这一部分。")
                continue
            png = wordcloud_png(tuple((r["词语"], int(r["出现次数"])) for _, r in table.head(60).iterrows()))
            if png:
                st.image(png, caption=f"{title}：词云（字号 = 出现次数）", width="stretch")
            else:
                st.warning("未找到中文字体，词云无法显示；请按 README 安装依赖。")
            top = table.sort_values(["出现次数", "报告数"], ascending=False).head(TOP_N).iloc[::-1]
            fig = go.Figure(go.Bar(x=list(top["出现次数"]), y=list(top["词语"]), orientation="h",
                                   text=list(top["出现次数"]), customdata=list(top["报告数"]),
                                   hovertemplate="%{y}：%{x} 次，%{customdata} 份报告<extra></extra>",
                                   marker_color="#c0392b" if part == "problems" else "#1f7a4d",
                                   textposition="outside", textangle=0, cliponaxis=False))
            fig.update_xaxes(title="出现次数")
            st.plotly_chart(style_figure(fig, f"{title}：前{TOP_N}个词", height=560), config=PLOTLY_CONFIG,
                            key=f"keywords_top_{part}")


def _in_context(view: pd.DataFrame, stats: dict[str, pd.DataFrame], labels: dict[str, str]) -> None:
    """The recurring terms, one chosen (or typed) term's sentences, their aligned context and years."""
    st.subheader("反复出现的词（至少出现在两份报告中）")
    recurring = []
    for part, table in stats.items():
        for r in table[table["报告数"] >= 2].itertuples():
            recurring.append({"词语": r.词语, "部分": PARTS[part], "报告数": r.报告数, "出现次数": r.出现次数,
                              "报告": "、".join(labels[f] for f in r.files[:20]) + ("等" if r.报告数 > 20 else "")})
    if not recurring:
        st.info("当前筛选下没有在两份以上报告中都出现的词。请放宽筛选条件。")
        return
    rec = pd.DataFrame(recurring).sort_values(["报告数", "出现次数"], ascending=False).head(MAX_TERMS)
    st.dataframe(rec, hide_index=True, height=300)
    terms = list(dict.fromkeys(rec.sort_values(["报告数", "出现次数"], ascending=False)["词语"]))
    wanted = st.query_params.get("term")
    if "kw_term" not in st.session_state or st.session_state["kw_term"] not in terms:
        st.session_state["kw_term"] = wanted if wanted in terms else terms[0]
    term = st.selectbox("选择一个反复出现的词", terms, key="kw_term")
    if "kw_free" not in st.session_state:
        st.session_state["kw_free"] = st.query_params.get("q", "")
    free = st.text_input("或输入任意词语或短语（不限于分词结果，例如“依申请”）", key="kw_free",
                         placeholder="输入后按回车")
    term = free.strip() or term
    if free.strip():
        st.query_params["q"] = free.strip()
    else:
        st.query_params.pop("q", None)
    st.query_params["term"] = term
    st.subheader(f"关键词上下文：{term}")
    passages = {f"{f}|{part}": text for part in PARTS for f, text in zip(view["file"], view[part], strict=True)}
    hits = list(keyword_in_context(term, passages))
    if not hits:
        st.info(f"当前筛选下的“存在的问题”和“改进措施”中没有“{term}”。")
        return
    years = dict(zip(view["file"], view["year"], strict=True))
    table = pd.DataFrame([{
        "左文": hit.sentence[max(0, hit.start - CONTEXT):hit.start].rjust(CONTEXT, "　"),
        "词": hit.sentence[hit.start:hit.end],
        "右文": hit.sentence[hit.end:hit.end + CONTEXT],
        "机构": labels[hit.doc_id.split("|")[0]].rsplit(" ", 1)[0],
        "年份": year_label(years[hit.doc_id.split("|")[0]]),
        "部分": PARTS[hit.doc_id.split("|")[1]], "句子": hit.sentence, "file": hit.doc_id.split("|")[0]}
        for hit in hits])
    groups = (table.groupby("句子", sort=False)
              .agg(报告=("file", lambda f: "、".join(dict.fromkeys(labels[x] for x in f))), 报告数=("file", "nunique"),
                   部分=("部分", "first"), start=("左文", "first"))
              .reset_index().sort_values("报告数", ascending=False, kind="stable"))
    st.caption(f"共 {len(hits)} 句，来自 {table['file'].nunique()} 份报告；相同的句子合并显示"
               + (f"；下面列出前 {MAX_SENTENCES} 组" if len(groups) > MAX_SENTENCES else ""))
    blocks = []
    for g in groups.head(MAX_SENTENCES).itertuples():
        s = g.句子
        at = s.find(term)
        many = f"（{g.报告数} 份报告）" if g.报告数 > 1 else ""
        blocks.append(f"**{md_escape(g.报告)}**{many} · {g.部分}  \n"
                      f"{md_escape(s[:at])}:primary-background[:primary[**{md_escape(term)}**]]"
                      f"{md_escape(s[at + len(term):])}")
    with st.container(height=520 if len(blocks) > 8 else "content", border=False):
        st.markdown("\n\n".join(blocks))  # one element, not one per sentence: hundreds of elements redraw slowly
    with st.expander("对齐的上下文（可按左文、右文、机构、年份排序）", expanded=False):
        if len(table) > MAX_ALIGNED:
            st.caption(f"共 {len(table)} 句，这里列出前 {MAX_ALIGNED} 句；全部在下方的 CSV 中。")
        st.dataframe(table[["左文", "词", "右文", "机构", "年份", "部分"]].head(MAX_ALIGNED), hide_index=True,
                     column_config={"左文": st.column_config.TextColumn(width="medium"),
                                    "右文": st.column_config.TextColumn(width="medium")})
    st.download_button("下载上下文（CSV）", table.drop(columns="file").to_csv(index=False).encode("utf-8-sig"),
                       file_name=f"关键词_{term}.csv", mime="text/csv", key="kwic_csv")
    mentioned = table.groupby("年份")["file"].nunique()
    all_reports = view.groupby(view["year"].map(year_label))["file"].nunique()
    share = (mentioned.reindex(all_reports.index, fill_value=0) / all_reports).fillna(0)
    fig = go.Figure(go.Bar(x=list(share.index), y=[round(v * 100, 1) for v in share.values],
                           text=[f"{int(mentioned.get(y, 0))}/{int(all_reports[y])}" for y in share.index],
                           textposition="outside", cliponaxis=False))
    fig.update_xaxes(title="年份", type="category")
    fig.update_yaxes(title="提到该词的报告占比 %", range=[0, 110])
    st.plotly_chart(style_figure(fig, f"“{term}”在各年份报告中的出现情况", height=400), config=PLOTLY_CONFIG,
                    key="keyword_years")
