"""components/keywords.py (关键词): recurring terms of the problems and measures parts, and the view's keyword
in context on the bundled corpus."""

import json

import pytest
from view_helpers import run_view

from components.views import keywords


def test_terms_are_ranked_by_the_reports_that_use_them(bundled_frame, bundled_corpus):
    table = keywords._stats(bundled_frame, "problems", bundled_corpus.terms)
    top = table.iloc[0]
    assert (top["词语"], top["出现次数"], top["报告数"]) == ("差距", 3, 3)
    assert sorted(top["files"]) == ["000_b48a33d21bd5f171.txt", "001_4faf77f426963b58.txt",
                                    "002_31cc29bab18448a3.txt"]


def test_the_view_opens_on_the_top_terms_of_both_parts(bundled_frame, bundled_corpus, monkeypatch):
    monkeypatch.setattr(keywords, "wordcloud_png", lambda frequencies: None)  # the picture: ~1 s of font setup
    at = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus)
    assert at.get("button_group")[0].value == "词云与高频词"
    assert not at.selectbox  # the context part is not drawn
    keys = [c.proto.id for c in at.get("plotly_chart")]
    assert len(keys) == 2
    bars = [json.loads(c.proto.spec)["data"][0] for c in at.get("plotly_chart")]
    # the top bars: 解读 five times in one report's problems, 制度 four times in three reports' measures
    assert [b["y"][-1] for b in bars] == ["解读", "制度"]


def test_the_context_part_opens_the_most_shared_term_in_the_whole_text(bundled_frame, bundled_corpus):
    at = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus,
                  query={"kw": "反复出现的词与上下文"})
    assert at.selectbox(key="kw_term").value == "制度"  # in the measures of three reports, four times
    assert at.get("button_group")[1].value == "全文"  # the scope switch, visible, on the whole text by default
    assert "关键词上下文：制度（全文）" in [s.value for s in at.subheader]
    aligned = at.dataframe[-1].value
    assert set(aligned["词"]) == {"制度"} and len(aligned) == 23  # every sentence of the five texts
    assert set(aligned["机构"]) == {"张店区安监", "江北水城旅游度假区安监", "罗庄区安监", "聊城市安监"}
    assert at.caption[0].value.startswith("5 份报告中的 23 句（共 5 份报告，范围：报告全文）")


@pytest.mark.parametrize(("scope", "reports", "sentences"), [("存在的问题", 2, 2), ("改进措施", 3, 4)])
def test_the_scope_switch_narrows_the_search_to_one_part_and_lives_in_the_url(bundled_frame, bundled_corpus,
                                                                             scope, reports, sentences):
    at = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus,
                  query={"kw": "反复出现的词与上下文", "scope": scope})
    assert at.get("button_group")[1].value == scope
    assert f"关键词上下文：制度（{scope}）" in [s.value for s in at.subheader]
    assert at.caption[0].value.startswith(f"{reports} 份报告中的 {sentences} 句")
    assert len(at.dataframe[-1].value) == sentences
    at.get("button_group")[1].set_value("全文").run()
    assert "scope" not in at.query_params  # the default drops its parameter
    assert at.caption[0].value.startswith("5 份报告中的 23 句")


def test_free_search_covers_the_whole_text_not_only_the_parts(bundled_frame, bundled_corpus):
    """依申请 is in every bundled report's text, in one report's measures and in no report's problems: the
    parts alone said 1 of 5."""
    whole = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus, query={"q": "依申请"})
    assert whole.caption[0].value.startswith("5 份报告中的 12 句（共 5 份报告，范围：报告全文）")
    measures = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus,
                        query={"q": "依申请", "scope": "改进措施"})
    assert measures.caption[0].value.startswith("1 份报告中的 1 句")
    problems = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus,
                        query={"q": "依申请", "scope": "存在的问题"})
    assert [i.value for i in problems.info] == ["当前筛选下 5 份报告的“存在的问题”部分中没有“依申请”。"]


def test_traditional_characters_fold_to_simplified_in_the_search(bundled_frame, bundled_corpus):
    """A traditional query finds the simplified texts' sentences (and the reverse, below)."""
    at = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus, query={"q": "依申請"})
    assert at.caption[0].value.startswith("5 份报告中的 12 句")
    assert set(at.dataframe[-1].value["词"]) == {"依申请"}  # the words as written in the reports


def test_search_reads_traditional_text_and_shows_it_as_written(bundled_frame):
    from parsing.corpus.build import Corpus

    frame = bundled_frame.head(1).assign(problems="公開內容不夠全面。依申請答覆還需規範。", measures=None)
    hits = keywords.search(frame, Corpus(), "依申请", "存在的问题")
    assert [(h.sentence, h.sentence[h.start:h.end]) for h in hits] == [("依申請答覆還需規範。", "依申請")]
    assert keywords.search(frame, Corpus(), "依申请", "改进措施") == []  # a missing part (None) is no text


def test_traditional_terms_count_with_their_simplified_forms(bundled_frame):
    files = bundled_frame["file"].tolist()[:3]
    terms = {files[0]: {"problems": ["公開", "公开"]}, files[1]: {"problems": ["公开"]},
             files[2]: {"problems": ["網站"]}}
    table = keywords._stats(bundled_frame.head(3), "problems", terms)
    assert table[["词语", "出现次数", "报告数"]].values.tolist() == [["公开", 3, 2], ["网站", 1, 1]]


def test_a_link_with_a_term_opens_the_context_part(bundled_frame, bundled_corpus):
    at = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus, query={"term": "便民性"})
    assert at.selectbox(key="kw_term").value == "便民性"
    assert at.query_params["kw"] in ("反复出现的词与上下文", ["反复出现的词与上下文"])


def test_terms_from_the_snapshot_count_as_terms_from_a_fresh_parse(tmp_path, monkeypatch):
    import shutil

    from conftest import DATA

    from components.frame import to_frame
    from parsing.corpus import load_corpus

    shutil.copytree(DATA, tmp_path / "data")
    fresh = load_corpus([tmp_path / "data"], use_cache=False, workers=1)
    load_corpus([tmp_path / "data"], cache_dir=tmp_path / "cache", workers=1)
    warm = load_corpus([tmp_path / "data"], cache_dir=tmp_path / "cache", workers=1)
    assert hasattr(warm.terms, "lists") and isinstance(fresh.terms, dict)  # terms.parquet, and a dict
    view = to_frame(warm).iloc[::-1]  # another order: the kept files follow the view
    for part in keywords.PARTS:
        a, b = keywords._stats(view, part, fresh.terms), keywords._stats(view, part, warm.terms)
        assert a.reset_index(drop=True).equals(b.reset_index(drop=True))
    monkeypatch.setattr(keywords, "FILES_KEPT", 2)
    top = keywords._stats(view, "problems", warm.terms).iloc[0]
    assert (top["词语"], top["报告数"]) == ("差距", 3)
    assert top["files"] == ["001_4faf77f426963b58.txt", "000_b48a33d21bd5f171.txt"]  # the first two in view order
    assert keywords._stats(view.iloc[0:0], "problems", warm.terms).empty
    unknown = view.assign(file="not-in-the-snapshot.txt")
    assert keywords._stats(unknown, "problems", warm.terms).empty  # a file the snapshot lacks has no terms


def test_a_full_text_search_beyond_the_limit_asks_for_a_narrower_view(bundled_frame, bundled_corpus, monkeypatch):
    monkeypatch.setattr(keywords, "FULLTEXT_MAX", 4)
    at = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus, query={"q": "依申请"})
    assert [i.value for i in at.info] == ["全文搜索一次最多 4 份报告，当前筛选下有 5 份。请先在左侧按地区、年份或机构缩小范围，"
                                          "或把搜索范围改为“存在的问题”或“改进措施”。"]
    parts = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus, query={"q": "依申请", "scope": "改进措施"})
    assert parts.caption[0].value.startswith("1 份报告中的 1 句")  # one part's text is in the frame: no limit


def test_the_years_chart_fades_years_of_fewer_than_five_reports_and_says_n(bundled_frame, bundled_corpus):
    at = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus, query={"q": "便民性"})
    bars = next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if c.proto.id.endswith("keyword_years"))
    bar = bars["data"][0]
    assert bar["x"] == ["2009年", "2018年", "2023年"] and bar["text"] == ["1/1", "1/3", "0/1"]
    assert bar["marker"]["opacity"] == [0.35, 0.35, 0.35]  # 1, 3 and 1 reports
    assert bar["customdata"] == ["1 份报告（少于 5 份，仅供参考）", "3 份报告（少于 5 份，仅供参考）", "1 份报告（少于 5 份，仅供参考）"]
