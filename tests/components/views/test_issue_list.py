"""components/issue_list.py (问题清单): every finding of the bundled corpus in one list, worst first; the
badge counts what is not a mere 提示; a reviewer's decisions take findings off the list or mark them."""

import pytest
from view_helpers import run_view

from components.views.issue_list import apply_reviews, count_badge, issue_rows, severity_of_warning
from parsing.corpus.reviews import Reviews, finding_key


def test_a_warnings_severity_comes_from_its_words():
    assert severity_of_warning("冲突：与“b.txt”是同一机构同一年份的不同文件") == "冲突"
    assert severity_of_warning("分类数量合计138条，与主动公开总数1000条不一致（分类只覆盖138/1000）") == "警告"
    assert severity_of_warning("主动公开数量280条表述为“累计”，可能不只是本年度的数量") == "提示"


def test_the_bundled_corpus_has_three_findings_worse_than_a_note(bundled_frame, bundled_corpus):
    table = issue_rows(bundled_frame, bundled_corpus)
    assert count_badge(table) == 3
    assert list(table["严重程度"][:4]) == ["警告", "警告", "警告", "提示"]
    assert list(table["报告"][:3]) == ["张店区安监 2009年", "张店区安监 2018年", "聊城市安监 2018年"]


def test_switched_off_rules_leave_the_list_and_reviewed_findings_are_marked(bundled_frame, bundled_corpus):
    table = issue_rows(bundled_frame, bundled_corpus)
    liaocheng = table[table["严重程度"] == "警告"].iloc[2]
    key = finding_key(liaocheng["文件"], liaocheng["内容"])
    reviewed = apply_reviews(table, Reviews(frozenset({"PERIOD-STATED"}), {key: {"reason": "已核对", "when": ""}}))
    assert len(reviewed) == len(table) - 2  # the two 统计期限 findings
    assert list(reviewed[reviewed["核对"] != ""]["核对"]) == ["已核对：已核对"]


def test_the_view_counts_each_severity(bundled_frame, bundled_corpus):
    at = run_view("issue_list", bundled_frame, bundled_corpus)
    assert {m.label: m.value for m in at.metric} == {"不符": "0", "冲突": "0", "无法读取": "0", "警告": "3",
                                                      "提示": "11"}


def test_a_link_keeps_the_urls_filters_before_its_own_part(bundled_frame, bundled_corpus):
    from urllib.parse import parse_qsl

    table = issue_rows(bundled_frame, bundled_corpus, {"city": ["淄博市"], "agency": ["甲 局", "乙&局"]})
    link = table[table["报告"] == "张店区安监 2009年"]["原文"].iloc[0]
    assert parse_qsl(link[1:]) == [("city", "淄博市"), ("agency", "甲 局"), ("agency", "乙&局"), ("tab", "文档"),
                                   ("doc", "002_31cc29bab18448a3.txt")]
    bare = issue_rows(bundled_frame, bundled_corpus)
    assert bare["原文"].iloc[0].startswith("?tab=%E6%96%87%E6%A1%A3&doc=")
    assert (table["原文"] == "").equals(bare["原文"] == "")  # the folder's notes have no link either way


def test_a_parameter_another_tab_writes_does_not_rebuild_the_shared_table(bundled_frame, bundled_corpus, monkeypatch,
                                                                          tmp_path):
    """The tab's badge is counted on every rerun from a table cached per filtered set: 机构档案's page= or
    关键词's term= in the URL once made it be built again (1.4 s at 10,000 reports)."""
    from streamlit.testing.v1 import AppTest

    from components.views import issue_list

    built = []
    real = issue_list.issue_table
    monkeypatch.setattr(issue_list, "issue_table", lambda view, corpus: built.append(1) or real(view, corpus))

    def app(frame, corpus, folder):
        import streamlit as st

        from components.views import issue_list

        st.write(issue_list.badge_for(frame, corpus, folder))

    issue_list.cached_rows.clear()
    issue_list._badge.clear()
    at = AppTest.from_function(app, args=(bundled_frame, bundled_corpus, tmp_path), default_timeout=30).run()
    at.query_params["page"] = "张店区安监"
    at.run()
    assert at.markdown[0].value == "`3`" and built == [1]


def test_a_long_list_builds_its_csv_when_asked_and_offers_its_first_findings_to_review(
        bundled_frame, bundled_corpus, monkeypatch, tmp_path):
    from components.views import issue_list

    monkeypatch.setattr(issue_list, "CSV_AT_ONCE", 2)  # the 3 findings shown by default (警告) are "many"
    monkeypatch.setattr(issue_list, "MAX_PICK", 2)
    at = run_view("issue_list", bundled_frame, bundled_corpus, tmp_path)
    assert [b.label for b in at.button if b.key == "issues_csv_make"] == ["准备问题清单 CSV（3 条）"]
    assert not [d for d in at.get("download_button") if d.proto.label == "下载问题清单（CSV）"]
    (picker,) = [s for s in at.selectbox if s.key == "review_pick"]
    assert len(picker.options) == 2 and all(o.startswith("警告 · ") for o in picker.options)
    assert any("共 3 条待核对，下面只列出前 2 条" in c.value for c in at.caption)
    at.button(key="issues_csv_make").click().run()
    assert [d.proto.label for d in at.get("download_button")] == ["下载问题清单（CSV）"]


def test_a_long_list_draws_its_worst_findings_and_keeps_them_all_for_the_csv(bundled_frame, bundled_corpus,
                                                                             monkeypatch, tmp_path):
    from components.views import issue_list

    monkeypatch.setattr(issue_list, "MAX_ROWS", 2)
    at = run_view("issue_list", bundled_frame, bundled_corpus, tmp_path)
    drawn = at.dataframe[0].value
    assert len(drawn) == 2 and set(drawn["严重程度"]) == {"警告"}
    assert all("tab=" in link for link in drawn["原文"])  # the drawn rows carry their links
    assert any("显示 3 条，下表列出最需要查看的前 2 条（全部在 CSV 中）" in c.value for c in at.caption)
    (csv,) = [d for d in at.get("download_button") if d.proto.label == "下载问题清单（CSV）"]


def test_a_direction_control_inside_a_figure_is_a_warning_of_the_list(tmp_path):
    """The record keeps 82 (the text's logical order); the list says a reader of the original may have seen 280."""
    from components.frame import to_frame
    from parsing.corpus.build import load_corpus

    (tmp_path / "bidi.txt").write_text("某县应急管理局2020年政府信息公开工作年度报告\n本年度主动公开政府信息共\u202e082\u202c条。\n",
                                       encoding="utf-8")
    corpus = load_corpus([tmp_path], use_cache=False, workers=1)
    table = issue_rows(to_frame(corpus).assign(source="数据文件夹"), corpus)
    (row,) = table[table["内容"].str.contains("U+202E", regex=False)].itertuples()
    assert (row.严重程度, row.文件) == ("警告", "bidi.txt")
    assert row.内容.startswith("第 2 行“动公开政府信息共⟨U+202E⟩082⟨U+202C⟩条。”中有不可见的方向控制字符 U+202E（从右到左覆盖）")
    assert corpus.reports[0].record.proactive_total == 82


def test_the_findings_are_shown_whole_not_cut_at_the_columns_edge(bundled_frame, bundled_corpus):
    from view_helpers import run_view, sentence_fits

    at = run_view("issue_list", bundled_frame, bundled_corpus)
    table = at.dataframe[0]
    assert table.value["内容"].str.len().max() > 36
    assert sentence_fits(table, "内容")


@pytest.mark.parametrize(("rows", "line"), [
    ([("警告", "质量检查"), ("警告", "解析提示"), ("无法读取", "文件夹"), ("无法读取", "文件夹")],
     "来自质量检查的不符、警告、提示（警告 1）与“质量检查”页的计数相同；此外本页还列出解析提示（警告 1，如分类合计与总数不一致、"
     "累计数、约数）和文件夹提示（无法读取 2，无法读取的文件、重复或冲突的文件）。"),
    ([("不符", "质量检查")], "来自质量检查的不符、警告、提示（不符 1）与“质量检查”页的计数相同；本页没有另外的提示。"),
    ([("冲突", "文件夹")], "来自质量检查的不符、警告、提示（无）与“质量检查”页的计数相同；此外本页还列出文件夹提示（冲突 1，"
     "无法读取的文件、重复或冲突的文件）。"),
])
def test_the_counts_line_says_what_the_list_adds_to_the_checks(rows, line):
    import pandas as pd

    from components.views.issue_list import counts_line

    assert counts_line(pd.DataFrame(rows, columns=["严重程度", "来源"])) == line
