"""bench/real_accuracy.py: the scorer counts right, wrong and missed the way the labels README says."""

import csv
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import real_accuracy  # noqa: E402

COLUMNS = ["file", "complete", "agency_type", "province", "city", "district", "report_year", "format",
           "proactive_total", "channels", "applications_received", "fees_charged", "reconsideration_cases",
           "litigation_cases", "problems_start", "measures_start"]


def write(tmp_path, reports: dict[str, str], labels: list[dict]) -> tuple:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    with open(tmp_path / "labels.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for row in labels:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return tmp_path / "labels.csv", folder


def test_right_wrong_missed_and_place_suffixes(tmp_path):
    labels, folder = write(tmp_path, {
        "a.txt": "淄博市张店区应急管理局2020年政府信息公开工作年度报告\n2020年，我局主动公开政府信息88条。",
        "b.txt": "2016年政府信息公开工作年度报告\n2016年，我局累计发布信息400余条，未收到政府信息公开申请。",
    }, [
        {"file": "a.txt", "province": "山东", "city": "淄博", "district": "张店区", "report_year": "2020",
         "proactive_total": "88", "agency_type": "应急"},
        {"file": "b.txt", "report_year": "2016", "proactive_total": "400余", "applications_received": "1",
         "city": "青岛"},
    ])
    result = real_accuracy.score(labels, folder)
    tally = result["tally"]
    assert tally["province"] == {"right": 1, "wrong": 0, "missed": 0, "n": 1}  # 山东 = 山东省
    assert tally["city"] == {"right": 1, "wrong": 0, "missed": 1, "n": 2}  # b names no city
    assert tally["proactive_total"] == {"right": 2, "wrong": 0, "missed": 0, "n": 2}  # 400余 = 400 approx
    assert tally["applications_received"] == {"right": 0, "wrong": 1, "missed": 0, "n": 1}  # 0 ≠ 1
    assert tally["agency_type"]["right"] == 1
    assert ("applications_received", "wrong", "b.txt", "1", 0) == result["misses"][0][:5] or any(
        m[:5] == ("applications_received", "wrong", "b.txt", "1", 0) for m in result["misses"])


def test_floors_fail_the_run(tmp_path, capsys):
    labels, folder = write(tmp_path, {"a.txt": "2020年，我局主动公开政府信息88条。"},
                           [{"file": "a.txt", "report_year": "2020", "proactive_total": "77"}])
    assert real_accuracy.main([str(labels), str(folder), "--floors", "--quiet"]) == 1
    assert "below the floor: proactive_total" in capsys.readouterr().out


HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
# Levels reached on the held-out set (written for this project without looking at the parser; first scored
# at agency 30/31, city 36/37, district 16/17, applications 25/30, 复议/诉讼 12/13, problems 12/13,
# channels 0.94/0.97). They ratchet like the dev set's floors.
HELDOUT_FLOORS = {"year": 1.0, "format": 1.0, "agency_type": 1.0, "province": 1.0, "city": 1.0, "district": 1.0,
                  "proactive_total": 1.0, "applications_received": 0.96, "fees": 1.0, "reconsideration": 1.0,
                  "litigation": 1.0, "problems_start": 1.0, "measures_start": 1.0, "channels precision": 1.0,
                  "channels recall": 0.98}


def test_heldout_set_keeps_its_level():
    result = real_accuracy.score(HELDOUT / "labels.csv", HELDOUT / "reports")
    rates = real_accuracy.rates(result)
    below = {k: round(rates[k], 3) for k, floor in HELDOUT_FLOORS.items() if rates[k] < floor}
    assert below == {}, below
    assert result["tally"]["proactive_total"]["wrong"] == 0  # a wrong number is worse than a missing one


def test_second_heldout_set_keeps_its_level():
    """A second set, written without reading the parser or its tests; first scored at proactive_total 17/20
    (three 约N figures), applications 22/23 and channel precision 0.99, everything else 100 %."""
    folder = ROOT / "tests" / "fixtures" / "heldout2"
    result = real_accuracy.score(folder / "labels.csv", folder / "reports")
    rates = real_accuracy.rates(result)
    assert {k: v for k, v in rates.items() if v < 1.0} == {}
    assert not any(t["wrong"] for t in result["tally"].values())


def test_markdown_writes_its_section_with_each_set_and_keeps_the_page(tmp_path):
    labels, folder = write(tmp_path, {
        "a.txt": "淄博市张店区应急管理局2020年政府信息公开工作年度报告\n2020年，我局主动公开政府信息88条。",
        "b.txt": "2016年政府信息公开工作年度报告\n2016年，我局累计发布信息400余条，未收到政府信息公开申请。",
    }, [
        {"file": "a.txt", "complete": "yes", "province": "山东", "report_year": "2020", "proactive_total": "88"},
        {"file": "b.txt", "complete": "partial", "report_year": "2016", "proactive_total": "400余",
         "applications_received": "1"},
    ])
    page = tmp_path / "准确率.md"
    page.write_text("# 准确率\n\nprose above\n\n<!-- real_accuracy:start -->\nold\n<!-- real_accuracy:end -->\n\n"
                    "<!-- table_accuracy:start -->\ncells\n<!-- table_accuracy:end -->\n", encoding="utf-8")
    assert real_accuracy.main([str(labels), str(folder), "--quiet", "--markdown", str(page),
                               "--set-name", "试用集"]) == 0
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# 准确率\n\nprose above\n\n<!-- real_accuracy:start -->\n- 日期 · date: ")
    assert text.endswith("<!-- real_accuracy:end -->\n\n<!-- table_accuracy:start -->\ncells\n<!-- table_accuracy:end -->\n")
    assert "\nold\n" not in text
    section = text.split("<!-- real_accuracy:start -->")[1].split("<!-- real_accuracy:end -->")[0]
    lines = section.splitlines()
    assert lines[2].startswith("- 提交 · commit: `") and lines[3].startswith("- 机器 · machine: ")
    assert "### 试用集" in lines
    assert (f"`{folder.parent.as_posix()}/` (2 labelled reports (1 whole, 1 excerpts), reports on 2016–2020, "
            "1 provinces named in the labels): the rules were written by reading") in section
    assert "| 主动公开条数 · proactive_total | 2 / 2 | 100.0% | 0 | 0 | 100% |" in lines
    assert "| 收到申请数 · applications_received | 0 / 1 | 0.0% | 1 | 0 | 100% |" in lines
    assert "| 公开渠道 · channels, precision | | 1.00 | | | 0.99 |" in lines
    # the held-out sets in the repository follow, each with what it is
    assert "### 留出集一 · held-out set 1" in lines and "### 留出集二 · held-out set 2" in lines
    assert any(line.startswith("`tests/fixtures/heldout2/` (25 labelled reports (4 whole, 21 excerpts)")
               for line in lines)
