"""bench/table_accuracy.py: cells scored right, wrong or unknown against a cells.csv, per form and table."""

import csv
import sys

import template_forms as tf
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import table_accuracy  # noqa: E402


def write(tmp_path, cells: list[dict], forms: dict[str, str], files: dict[str, str]):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    with open(tmp_path / "cells.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "table", "row", "column", "value", "how", "notes"])
        w.writeheader()
        for c in cells:
            w.writerow({"how": "read", "notes": "", **c})
    with open(tmp_path / "reports.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "form"])
        w.writeheader()
        for file, form in forms.items():
            w.writerow({"file": file, "form": form})
    return tmp_path / "cells.csv", folder


def test_right_wrong_unknown_and_unknowable_cells(tmp_path):
    t3, t4 = tf.grid(3, "2021")  # its collapsed 表四 has one reading that adds up
    text = tf.render(t3, t4, "crawler", "2021")
    cells = [
        {"file": "a.txt", "table": "表三", "row": "一、本年新收", "column": "总计", "value": str(t3["一、本年新收"][6])},
        {"file": "a.txt", "table": "表三", "row": "二、上年结转", "column": "总计", "value": "999"},  # wrong
        {"file": "a.txt", "table": "表四", "row": "行政复议", "column": "总计", "value": str(t4["行政复议"][4])},
        {"file": "a.txt", "table": "表二", "row": "规章", "column": "本年制发件数", "value": "0"},
        {"file": "a.txt", "table": "表二", "row": "行政许可", "column": "2019年项目数量", "value": "5"},  # no such
        {"file": "a.txt", "table": "表四", "row": "行政复议", "column": "结果维持", "value": "?"},  # not scored
    ]
    labels, folder = write(tmp_path, cells, {"a.txt": "crawler-one-per-line"}, {"a.txt": text})
    result = table_accuracy.score(labels, folder, tmp_path / "reports.csv")
    assert result["tally"][("crawler-one-per-line", "表三")] == {"right": 1, "wrong": 1, "unknown": 0, "n": 2}
    assert result["tally"][("crawler-one-per-line", "表四")] == {"right": 1, "wrong": 0, "unknown": 0, "n": 1}
    assert result["tally"][("crawler-one-per-line", "表二")] == {"right": 1, "wrong": 0, "unknown": 1, "n": 2}
    assert result["headlines"] == {"right": 0, "n": 1}  # 上年结转 is wrong against its (false) label
    assert result["unknowable_read"] == []  # 结果维持 is derived from a collapsed run, never claimed as read


def test_floors_fail_on_a_wrong_cell(tmp_path, capsys):
    t3, t4 = tf.grid(5, "2021")
    cells = [{"file": "a.txt", "table": "表三", "row": "一、本年新收", "column": "总计", "value": "999"}]
    labels, folder = write(tmp_path, cells, {"a.txt": "markdown"}, {"a.txt": tf.render(t3, t4, "markdown")})
    assert table_accuracy.main([str(labels), str(folder), "--floors", "--quiet"]) == 1
    assert "wrong cells (markdown) 100.00% > 0.0%" in capsys.readouterr().out
