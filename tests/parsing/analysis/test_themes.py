"""parsing/analysis/themes.py: theme tagging per sentence, repetition across years, boilerplate across
reports."""

import pytest
from conftest import seed

from parsing import parse_file
from parsing.analysis.themes import repetition, shared_sentences, tag, themes

P = pytest.param

TAGS = [
    P("一是信息更新不够及时，部分栏目长期未更新。", "problem", {"P03"}, id="timeliness"),
    P("二是政策解读形式单一，图解、视频解读较少。", "problem", {"P04"}, id="interpretation"),
    P("从事信息公开工作的人员均为兼职，人员变动频繁。", "problem", {"P09"}, id="staff"),
    P("政务新媒体建设相对滞后，影响力不强。", "problem", {"P03", "P08"}, id="new-media-and-lag"),
    P("与上级要求相比仍存在一定差距。", "problem", {"P00"}, id="vague-boilerplate"),
    P("基层政务公开标准化规范化水平还不高。", "problem", {"P11"}, id="grassroots"),
    P("下一步，我局将加强业务培训，配强工作人员。", "measure", {"M09"}, id="training"),
    P("推进公开标准化规范化建设。", "measure", {"M16"}, id="two-standards"),
    P("及时更新公开专栏内容，做到定期检查。", "measure", {"M03", "M07"}, id="update-and-columns"),
]


@pytest.mark.parametrize(("text", "side", "codes"), TAGS)
def test_tagging_written_cases(text, side, codes):
    assert {h.code for h in tag(text, side)} == codes


def test_vague_is_only_given_when_nothing_specific_is_named():
    hits = tag("公开内容不够全面，与群众期待相比仍存在一定差距。", "problem")
    assert {h.code for h in hits} == {"P02"}


def test_bundled_zhangdian_reports_share_timeliness_and_convenience_in_both_years():
    for sid in ("000", "002"):
        record = parse_file(seed(sid)).record
        codes = {h.code for h in tag(record.problems, "problem")}
        assert codes == {"P03", "P13"}, sid


def test_zhangdian_2018_restates_two_of_three_problem_clauses_of_2009():
    new, old = parse_file(seed("000")).record, parse_file(seed("002")).record
    share, pairs = repetition(new.problems, old.problems)
    assert round(share, 2) == 0.67
    assert [p.earlier for p in pairs] == ["但主动公开政府信息的内容与公众对安全生产的需求还存在一些差距",
                                          "在政府信息公开的及时性、便民性上还需要进一步提高"]


def test_boilerplate_shared_by_reports_is_grouped():
    texts = {"甲 2020年": "一是公开内容不够全面。二是政策解读形式比较单一。",
             "乙 2020年": "一是公开内容不够全面。二是人员力量薄弱。",
             "丙 2020年": "公开内容还不够全面，需要加强。"}
    assert shared_sentences(texts, ratio=85) == [("公开内容不够全面。", ["乙 2020年", "甲 2020年"])]


def test_vocabulary_has_at_least_fifteen_themes_a_side_and_measures_answer_problems():
    problems = {t.code for t in themes() if t.side == "problem"}
    measures = [t for t in themes() if t.side == "measure"]
    assert len(problems) >= 15 and len(measures) >= 15
    assert all(m.answers in problems for m in measures if m.answers)
