import csv
import io
import json
import subprocess
import sys

from conftest import DATA, ROOT

from parsing.schema import Report


def run(*args):
    return subprocess.run([sys.executable, "-m", "parsing", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_folder_prints_one_json_line_per_report():
    proc = run(DATA)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["year"] for r in records] == [2018, 2018, 2009, 2018, 2023]
    assert [r["proactive_total"] for r in records] == [280, 1000, 123, 57, 47]
    assert all(list(r) == Report.keys() for r in records)
    assert "淄博市张店区安全生产监督管理局" in proc.stdout  # ensure_ascii=False


def test_csv_has_the_same_fields_flattened():
    proc = run(DATA, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert list(rows[0]) == Report.keys()
    assert json.loads(rows[1]["channel_counts"]) == {"新闻发布会": 1}
    assert rows[2]["proactive_total"] == "123"


def test_unreadable_file_is_named_on_stderr_and_others_still_print(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run(empty, DATA / "002_31cc29bab18448a3.txt", tmp_path / "missing.txt")
    assert proc.returncode == 1
    assert "empty.txt" in proc.stderr and "文件为空" in proc.stderr
    assert "missing.txt" in proc.stderr and "文件不存在" in proc.stderr
    assert json.loads(proc.stdout)["year"] == 2009


def test_help_explains_formats_and_exit_codes():
    proc = run("--help")
    assert proc.returncode == 0
    for word in ("jsonl", "csv", "stderr", "Exit code", "PATH"):
        assert word in proc.stdout


def test_a_folder_of_mixed_formats(tmp_path):
    text = (DATA / "002_31cc29bab18448a3.txt").read_text(encoding="utf-8")
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    page = ('<html><head><meta charset="gbk"><title>年报</title></head><body>'
            '<div class="nav"><a href="/">首页</a><a href="/a">机构概况</a></div>'
            f'<div id="zoom">{body}</div><div class="footer">版权所有</div></body></html>')
    (tmp_path / "report.html").write_bytes(page.encode("gbk"))
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    proc = run(tmp_path, "--no-cache")
    assert proc.returncode == 1
    record = json.loads(proc.stdout)
    assert (record["file"], record["year"], record["proactive_total"]) == ("report.html", 2009, 123)
    assert "scan.pdf" in proc.stderr
