"""关键词: recurring terms of problems and measures, word clouds, top-N bars, keyword in context."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import pyarrow.compute as pc
import streamlit as st
from wordcloud import WordCloud  # at import, not on the tab's first open: it loads matplotlib (~0.5 s)

from components.charts import FADED, FEW, few_note
from components.export import download
from components.frame import view_key
from components.nulls import given
from components.parts import chosen_part
from components.style import PLOTLY_CONFIG, md_escape, presenting, style_figure, year_label
from parsing.analysis.keywords import Context, keyword_in_context
from parsing.corpus.build import Corpus, cache_key
from parsing.text.variants import to_simplified

PARTS = {"problems": "存在的问题", "measures": "改进措施"}
CONTEXT = 20  # characters of left and right context in the aligned view
TOP_N = 15
TOP_N_PRESENT = 10  # bars that fit the first chart's height when presenting
MAX_TERMS = 300
MAX_SENTENCES = 100
MAX_ALIGNED = 300  # aligned rows on screen (each is sent on every rerun); all of them are in the CSV
SECTIONS = ("词云与高频词", "反复出现的词与上下文")
FULLTEXT_MAX = 10_000  # reports searched in full at once (3,000 texts: ~1.4 s read from the cache and scanned)


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
    # traditional characters fold to simplified (公開 counts as 公开): the distinct words merge, not the terms
    folded, words = pd.factorize(pd.Series([to_simplified(w) for w in encoded.dictionary.to_pylist()], dtype=object))
    words = list(words)
    codes = folded.astype(np.int64)[encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)]
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


def render(view: pd.DataFrame, full: pd.DataFrame, corpus: Corpus) -> None:
    """corpus.terms: each report's segmented terms, computed once when the corpus was parsed; its texts are
    read for the full-text search."""
    stats = {part: _stats(view, part, corpus.terms) for part in PARTS}
    if chosen_section() == SECTIONS[0]:
        _clouds(stats)
    else:
        labels = dict(zip(full["file"], full["agency_label"] + " " + full["year"].map(year_label), strict=True))
        _in_context(view, stats, labels, corpus)


def _clouds(stats: dict[str, pd.DataFrame]) -> None:
    """Per part: a word cloud and the top-N bars. Presenting: the bars first (fewer, so the whole chart fits
    the projector's screen), the cloud folded under them."""
    present = presenting()
    top_n = TOP_N_PRESENT if present else TOP_N
    cols = st.columns(2)
    for col, (part, title) in zip(cols, PARTS.items(), strict=True):
        table = stats[part]
        with col:
            if not present:
                st.subheader(title)
            if table.empty:
                st.caption(f"当前筛选下的报告没有“{title}”部分。")
                continue
            if not present:
                _cloud(table, title)
            top = table.sort_values(["出现次数", "报告数"], ascending=False).head(top_n).iloc[::-1]
            fig = go.Figure(go.Bar(x=list(top["出现次数"]), y=list(top["词语"]), orientation="h",
                                   text=list(top["出现次数"]), customdata=list(top["报告数"]),
                                   hovertemplate="%{y}：%{x} 次，%{customdata} 份报告<extra></extra>",
                                   marker_color="#c0392b" if part == "problems" else "#1f7a4d",
                                   textposition="outside", textangle=0, cliponaxis=False))
            fig.update_xaxes(title="出现次数", rangemode="tozero")
            st.plotly_chart(style_figure(fig, f"{title}：前{top_n}个词", height=560, fit=True), config=PLOTLY_CONFIG,
                            key=f"keywords_top_{part}")
            if present:
                with st.expander(f"{title}：词云"):
                    _cloud(table, title)


def _cloud(table: pd.DataFrame, title: str) -> None:
    png = wordcloud_png(tuple((r["词语"], int(r["出现次数"])) for _, r in table.head(60).iterrows()))
    if png:
        st.image(png, caption=f"{title}：词云（字号 = 出现次数）", width="stretch")
    else:
        st.warning("未找到中文字体，词云无法显示；请按 README 安装依赖。")


SCOPES = {"全文": None, "存在的问题": "problems", "改进措施": "measures"}  # where the search looks; 全文 first
SCOPE_WORDS = {"全文": "报告全文", "存在的问题": "“存在的问题”部分", "改进措施": "“改进措施”部分"}


def chosen_scope() -> str:
    """The search's scope, a visible switch kept in the URL (?scope=…; 全文, the default, drops it)."""
    return chosen_part("kw_scope", "scope", tuple(SCOPES), label="搜索范围")


def full_texts(corpus: Corpus, view: pd.DataFrame) -> Iterator[tuple[str, str]]:
    """(file, text as written) of the view's reports: those held in memory (a fresh parse, uploads), the rest
    from the parse cache in batches (TextLoader.many), in whatever order they come."""
    files, digests = view["file"].tolist(), view["sha256"].tolist()
    held = {}
    if getattr(corpus.reports, "loaded", True):  # a list of ParsedReport (a snapshot's are not built)
        held = {p.record.file: p.text for p in corpus.reports if p.text}
    keys = {cache_key(d, f): f for f, d in zip(files, digests, strict=True) if f not in held}
    yield from ((f, held[f]) for f in files if f in held)
    loader = corpus.text_loader
    if loader is None or not keys:
        return
    many = getattr(loader, "many", None)
    pairs = many(list(keys)) if many is not None else ((k, loader(k)) for k in keys)
    for key, text in pairs:
        yield keys[key], text or ""


def search(view: pd.DataFrame, corpus: Corpus, term: str, scope: str) -> list[Context]:
    """Every sentence holding term in the scope (the whole text, or one part), in view order."""
    part = SCOPES[scope]
    if part is None:
        passages = full_texts(corpus, view)
    else:
        passages = zip(view["file"].tolist(), view[part].tolist(), strict=True)
    order = {f: i for i, f in enumerate(view["file"].tolist())}
    return sorted(keyword_in_context(term, ((f, given(text, "")) for f, text in passages)),
                  key=lambda hit: order[hit.doc_id])  # stable: each report's sentences stay in text order


@st.cache_data(max_entries=32, show_spinner="正在搜索报告全文……")
def _search(view_key: str, term: str, scope: str, _view: pd.DataFrame, _corpus: Corpus) -> list[Context]:
    return search(_view, _corpus, term, scope)


def _in_context(view: pd.DataFrame, stats: dict[str, pd.DataFrame], labels: dict[str, str], corpus: Corpus) -> None:
    """The recurring terms, one chosen (or typed) term's sentences in the chosen scope, their aligned context
    and years."""
    st.subheader("反复出现的词（至少出现在两份报告中）")
    recurring = []
    for part, table in stats.items():
        for r in table[table["报告数"] >= 2].itertuples():
            recurring.append({"词语": r.词语, "部分": PARTS[part], "报告数": r.报告数, "出现次数": r.出现次数,
                              "报告": "、".join(labels[f] for f in r.files[:20]) + ("等" if r.报告数 > 20 else "")})
    terms: list[str] = []
    if recurring:
        rec = pd.DataFrame(recurring).sort_values(["报告数", "出现次数"], ascending=False).head(MAX_TERMS)
        st.dataframe(rec, hide_index=True, height=300)
        terms = list(dict.fromkeys(rec.sort_values(["报告数", "出现次数"], ascending=False)["词语"]))
    else:
        st.caption("当前筛选下没有在两份以上报告中都出现的词；可在下方输入任意词语搜索。")
    term = None
    if terms:
        wanted = st.query_params.get("term")
        if "kw_term" not in st.session_state or st.session_state["kw_term"] not in terms:
            st.session_state["kw_term"] = wanted if wanted in terms else terms[0]
        term = st.selectbox("选择一个反复出现的词", terms, key="kw_term")
    if "kw_free" not in st.session_state:
        st.session_state["kw_free"] = st.query_params.get("q", "")
    free = st.text_input("或输入任意词语或短语（在下面所选的范围内搜索，繁体字与简体字视为同一字，例如“依申请”）",
                         key="kw_free", placeholder="输入后按回车")
    scope = chosen_scope()
    term = free.strip() or term
    if free.strip():
        st.query_params["q"] = free.strip()
    else:
        st.query_params.pop("q", None)
    if not term:
        return
    st.query_params["term"] = term
    st.subheader(f"关键词上下文：{md_escape(term)}（{scope}）")
    if SCOPES[scope] is None and len(view) > FULLTEXT_MAX:  # ~1 s per 2,000 texts read and scanned
        st.info(f"全文搜索一次最多 {FULLTEXT_MAX:,} 份报告，当前筛选下有 {len(view):,} 份。请先在左侧按地区、年份或机构缩小范围，"
                "或把搜索范围改为“存在的问题”或“改进措施”。")
        return
    hits = _search(view_key(view) + corpus.token, term, scope, view, corpus)
    if not hits:
        st.info(f"当前筛选下 {len(view)} 份报告的{SCOPE_WORDS[scope]}中没有“{md_escape(term)}”。")
        return
    years = dict(zip(view["file"], view["year"], strict=True))
    table = pd.DataFrame([{
        "左文": hit.sentence[max(0, hit.start - CONTEXT):hit.start].rjust(CONTEXT, "　"),
        "词": hit.sentence[hit.start:hit.end],
        "右文": hit.sentence[hit.end:hit.end + CONTEXT],
        "机构": labels[hit.doc_id].rsplit(" ", 1)[0],
        "年份": year_label(years[hit.doc_id]),
        "范围": scope, "句子": hit.sentence, "file": hit.doc_id, "_start": hit.start}
        for hit in hits])
    groups = (table.groupby("句子", sort=False)
              .agg(报告=("file", lambda f: "、".join(dict.fromkeys(labels[x] for x in f))), 报告数=("file", "nunique"),
                   at=("_start", "first"))
              .reset_index().sort_values("报告数", ascending=False, kind="stable"))
    table = table.drop(columns="_start")
    st.caption(f"{table['file'].nunique()} 份报告中的 {len(hits)} 句（共 {len(view)} 份报告，范围：{SCOPE_WORDS[scope]}）；"
               "相同的句子合并显示" + (f"；下面列出前 {MAX_SENTENCES} 组" if len(groups) > MAX_SENTENCES else ""))
    blocks = []
    for g in groups.head(MAX_SENTENCES).itertuples():
        s, at = g.句子, int(g.at)
        end = at + len(term.strip())
        many = f"（{g.报告数} 份报告）" if g.报告数 > 1 else ""
        blocks.append(f"**{md_escape(g.报告)}**{many}  \n"
                      f"{md_escape(s[:at])}:primary-background[:primary[**{md_escape(s[at:end])}**]]"
                      f"{md_escape(s[end:])}")
    with st.container(height=520 if len(blocks) > 8 else "content", border=False):
        st.markdown("\n\n".join(blocks))  # one element, not one per sentence: hundreds of elements redraw slowly
    with st.expander("对齐的上下文（可按左文、右文、机构、年份排序）", expanded=False):
        if len(table) > MAX_ALIGNED:
            st.caption(f"共 {len(table)} 句，这里列出前 {MAX_ALIGNED} 句；全部在下方的 CSV 中。")
        st.dataframe(table[["左文", "词", "右文", "机构", "年份"]].head(MAX_ALIGNED), hide_index=True,
                     column_config={"左文": st.column_config.TextColumn(width="medium"),
                                    "右文": st.column_config.TextColumn(width="medium")})
    download(st, "下载上下文（CSV）", table.drop(columns="file"), f"关键词_{term}.csv", key="kwic_csv")
    mentioned = table.groupby("年份")["file"].nunique()
    all_reports = view.groupby(view["year"].map(year_label))["file"].nunique()
    share = (mentioned.reindex(all_reports.index, fill_value=0) / all_reports).fillna(0)
    counts = [int(all_reports[y]) for y in share.index]
    fig = go.Figure(go.Bar(x=list(share.index), y=[round(v * 100, 1) for v in share.values],
                           text=[f"{int(mentioned.get(y, 0))}/{int(all_reports[y])}" for y in share.index],
                           textposition="outside", cliponaxis=False,
                           marker={"color": "#1f5fa8", "opacity": [1.0 if n >= FEW else FADED for n in counts]},
                           customdata=[few_note(n).replace("，不连线", "") for n in counts],
                           hovertemplate="%{x}：%{y}% 的报告提到（%{text}）<br>%{customdata}<extra></extra>"))
    fig.update_xaxes(title="年份", type="category")
    fig.update_yaxes(title="提到该词的报告占比 %", range=[0, 110])
    st.plotly_chart(style_figure(fig, f"“{term}”在各年份报告中的出现情况", height=400), config=PLOTLY_CONFIG,
                    key="keyword_years")
