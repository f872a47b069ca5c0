"""bench/docs_page.py: a script rewrites only its own marked section of a docs page."""

import sys
from datetime import date

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import docs_page  # noqa: E402


def test_a_section_is_appended_then_replaced_and_the_prose_around_it_is_kept(tmp_path):
    page = tmp_path / "准确率.md"
    page.write_text("# 准确率\n\nprose a person wrote\n", encoding="utf-8")
    docs_page.write_section(page, "real_accuracy", "first run")
    docs_page.write_section(page, "table_accuracy", "cells 10/12")
    docs_page.write_section(page, "real_accuracy", "second run\n")
    assert page.read_text(encoding="utf-8") == (
        "# 准确率\n\nprose a person wrote\n\n"
        "<!-- real_accuracy:start -->\nsecond run\n<!-- real_accuracy:end -->\n\n"
        "<!-- table_accuracy:start -->\ncells 10/12\n<!-- table_accuracy:end -->\n")
    assert docs_page.read_section(page, "table_accuracy") == "cells 10/12"
    assert docs_page.read_section(page, "scale_bench") is None
    assert docs_page.read_section(tmp_path / "missing.md", "real_accuracy") is None


def test_a_missing_page_is_created(tmp_path):
    page = tmp_path / "docs" / "性能.md"
    docs_page.write_section(page, "scale_bench", "N = 2,000")
    assert page.read_text(encoding="utf-8") == "<!-- scale_bench:start -->\nN = 2,000\n<!-- scale_bench:end -->\n"


@pytest.mark.parametrize("broken", [
    "<!-- real_accuracy:start -->\nno end\n",
    "<!-- real_accuracy:end -->\n<!-- real_accuracy:start -->\n",
    "<!-- real_accuracy:start -->\n<!-- real_accuracy:end -->\n<!-- real_accuracy:start -->\n",
])
def test_a_page_with_broken_markers_is_refused_and_left_as_it_was(tmp_path, broken):
    page = tmp_path / "准确率.md"
    page.write_text(broken, encoding="utf-8")
    with pytest.raises(ValueError, match=r"准确率\.md: the markers <!-- real_accuracy:start -->"):
        docs_page.write_section(page, "real_accuracy", "new")
    assert page.read_text(encoding="utf-8") == broken


def test_section_names_are_plain_words():
    with pytest.raises(ValueError, match="section name 'Real Accuracy'"):
        docs_page.markers("Real Accuracy")


def test_run_facts_name_the_date_the_commit_and_the_cores(tmp_path):
    facts = docs_page.run_facts(ROOT, today=date(2025, 3, 1)).splitlines()
    assert facts[0] == "- 日期 · date: 2025-03-01"
    head = docs_page.commit(ROOT).split()[0]
    assert facts[1].startswith(f"- 提交 · commit: `{head}") and len(head) == 10
    assert f"{docs_page.os.cpu_count()} cores" in facts[2] and "load average " in facts[2]
    assert docs_page.commit(tmp_path) == "unknown (not a git checkout)"
