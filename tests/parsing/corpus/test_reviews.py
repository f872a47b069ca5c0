"""parsing/corpus/reviews.py: a reviewer's decisions (rules switched off, findings marked reviewed) kept in
<data folder>/.reviews.json, written atomically, read back the same; a missing or broken file is no decisions."""

from datetime import date

from parsing.corpus import reviews
from parsing.corpus.reviews import FILE, Reviews, finding_key, with_reviewed, with_rules_disabled


def test_decisions_survive_a_save_and_a_load(tmp_path):
    key = finding_key("004.txt", "DEADLINE：发布晚于 3 月 31 日")
    decided = with_reviewed(with_rules_disabled(Reviews(), ["DEADLINE", "ARTICLE-50"]), key, "  已电话核实  ")
    reviews.save(tmp_path, decided)
    back = reviews.load(tmp_path)
    assert back.disabled_rules == frozenset({"DEADLINE", "ARTICLE-50"})
    assert back.reviewed == {"004.txt|DEADLINE：发布晚于 3 月 31 日": {"reason": "已电话核实",
                                                                     "when": date.today().isoformat()}}
    assert [p.name for p in tmp_path.iterdir()] == [FILE]  # no temporary file left behind


def test_a_missing_or_broken_file_means_no_decisions(tmp_path):
    assert reviews.load(tmp_path) == Reviews()
    (tmp_path / FILE).write_text("{not json", encoding="utf-8")
    assert reviews.load(tmp_path) == Reviews()
