"""components/keywords.py (关键词): recurring terms of the problems and measures parts, and the view's keyword
in context on the bundled corpus."""

import json

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
    at = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus.terms)
    assert at.get("button_group")[0].value == "词云与高频词"
    assert not at.selectbox  # the context part is not drawn
    keys = [c.proto.id for c in at.get("plotly_chart")]
    assert len(keys) == 2
    bars = [json.loads(c.proto.spec)["data"][0] for c in at.get("plotly_chart")]
    # the top bars: 解读 five times in one report's problems, 制度 four times in three reports' measures
    assert [b["y"][-1] for b in bars] == ["解读", "制度"]


def test_the_context_part_opens_the_most_shared_term(bundled_frame, bundled_corpus):
    at = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus.terms,
                  query={"kw": "反复出现的词与上下文"})
    assert at.selectbox(key="kw_term").value == "制度"  # in the measures of three reports, four times
    aligned = at.dataframe[-1].value
    assert set(aligned["词"]) == {"制度"} and len(aligned) == 6
    assert set(aligned["机构"]) == {"张店区安监", "江北水城旅游度假区安监", "罗庄区安监", "聊城市安监"}


def test_a_link_with_a_term_opens_the_context_part(bundled_frame, bundled_corpus):
    at = run_view("keywords", bundled_frame, bundled_frame, bundled_corpus.terms, query={"term": "便民性"})
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
