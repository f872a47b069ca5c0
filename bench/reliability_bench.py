"""Reliability benchmark: the time and peak memory of each hostile or damaged case, as the project handles it.

    python bench/reliability_bench.py [--root TREE] [--reports 200] [--html-mb 19] [--only CASE ...]

Every case runs in a fresh subprocess; its figures are that process's wall time and peak memory (ru_maxrss of the
process and of its worker processes). --root measures another checkout of the project with the same cases (a case
its code cannot run prints its error instead of figures). Inputs are generated into a temporary folder (never
data/): a corpus of --reports synthetic reports (bench/make_corpus.py), a web page of --html-mb MB, a PDF cut in
half, a report with a direction override around a figure.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

HEAD = r"""
import json, os, resource, sys, time, gc, io, contextlib
sys.path.insert(0, {root!r})
sys.path.append({tests!r})
def peak_mb():
    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
def report(**figures):
    figures["peak_mb"] = round(peak_mb())
    print(json.dumps(figures, ensure_ascii=False))
"""

# The CLI on the corpus: a cache filled, damaged one way, then the run that meets the damage and the next run.
CLI_RUN = HEAD + r"""
from parsing.cli import main
out, err = io.StringIO(), io.StringIO()
t0 = time.perf_counter()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    main({args!r})
seconds = time.perf_counter() - t0
open({out_file!r}, "w", encoding="utf-8").write(out.getvalue())
report(seconds=round(seconds, 2), notes=[l for l in err.getvalue().splitlines() if "缓存" in l][:3])
"""

DAMAGE = HEAD + r"""
import sqlite3, shutil, orjson
from contextlib import closing
from pathlib import Path
cache, folder, case = Path({cache!r}), Path({folder!r}), {case!r}
FILE = "parsed-reports.sqlite"
def db():
    return closing(sqlite3.connect(cache / FILE))
def longest():
    with db() as c:
        return c.execute("SELECT sha256 FROM reports ORDER BY length(checks) DESC LIMIT 1").fetchone()[0]
def settle():
    with db() as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
t0 = time.perf_counter()
if case == "emptied-database":
    settle()
    for s in ("-wal", "-shm"):
        (cache / (FILE + s)).unlink(missing_ok=True)
    (cache / FILE).write_bytes(b"")
elif case == "page-overwritten":
    settle()
    key = longest()
    with db() as c:
        checks = c.execute("SELECT checks FROM reports WHERE sha256=?", (key,)).fetchone()[0]
    raw = (cache / FILE).read_bytes()
    at = next(i for i in range(0, len(checks), 64) if raw.count(checks[i:i + 64].encode()) == 1
              and any("0" <= ch <= "9" for ch in checks[i:i + 64]))
    piece = checks[at:at + 64].encode()
    where = raw.index(piece) + next(i for i, b in enumerate(piece) if 48 <= b <= 57)
    info = (cache / FILE).stat()
    with open(cache / FILE, "r+b") as fh:
        fh.seek(where)
        fh.write(b"7" if raw[where] != ord("7") else b"8")
    os.utime(cache / FILE, ns=(info.st_atime_ns, info.st_mtime_ns))
elif case == "checks-wrong-shape":
    with db() as c, c:
        c.execute("UPDATE reports SET checks='{{\"x\": 1}}' WHERE sha256=?", (longest(),))
elif case == "meta-wrong-shape":
    for meta in (cache / "snapshots").glob("*/meta.json"):
        meta.write_bytes(orjson.dumps({{"format": 6, "errors": 5, "notes": {{"x": 1}}, "epoch": 0}}))
elif case == "error-payload":
    with db() as c, c:
        c.execute("UPDATE reports SET payload=? WHERE sha256=?", ('{{"error": "解析超过 60 秒仍未完成，已停止"}}', longest()))
    shutil.rmtree(cache / "snapshots")
elif case == "replaced-database":
    settle()
    for s in ("-wal", "-shm"):
        (cache / (FILE + s)).unlink(missing_ok=True)
    shutil.copy(cache.parent / "older.sqlite", cache / FILE)
report(seconds=round(time.perf_counter() - t0, 2))
"""

SAVE_OLD = HEAD + r"""
# main's save button: refusal() parses the upload in the server process, without a limit
from parsing.corpus.store import refusal
data = open({html!r}, "rb").read()
t0 = time.perf_counter()
reason = refusal("big.html", data)
report(seconds=round(time.perf_counter() - t0, 1), verdict=str(reason))
"""

SAVE_NEW = HEAD + r"""
# the upload parsed where uploads are (the supervised worker, REPORT_PARSE_SECONDS), then the save button's verdict
from parsing.corpus.build import parse_many
from parsing.corpus.store import refusal
data = open({html!r}, "rb").read()
server_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
corpus = parse_many([("big.html", data)], isolate=True)
parsed = time.perf_counter() - t0
errors = {{e.file: e.reason for e in corpus.errors}}
t0 = time.perf_counter()
verdict = refusal(errors.get("big.html"), [w for p in corpus.reports for w in p.record.warnings])
report(worker_seconds=round(parsed, 1), save_seconds=round(time.perf_counter() - t0, 4),
       server_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
       server_before_mb=round(server_before), verdict=verdict)
"""

UPLOADS = HEAD + r"""
import logging
logging.getLogger("streamlit").setLevel(logging.ERROR)
from streamlit.testing.v1 import AppTest
os.environ["DATA_DIR"] = {folder!r}
os.environ["REPORT_CACHE_DIR"] = {cache!r}
at = AppTest.from_file({app!r}, default_timeout=600).run()
a = open({seed_a!r}, "rb").read()
b = open({seed_b!r}, "rb").read()
t0 = time.perf_counter()
at.sidebar.file_uploader(key="uploader").set_value([("年报.txt", a, "text/plain"), ("年报.txt", b, "text/plain"),
                                                    ("副本.txt", a, "text/plain")]).run()
seconds = time.perf_counter() - t0
names = sorted(at.session_state["uploaded_reports"])
report(seconds=round(seconds, 2), kept=names, said=[i.value for i in at.sidebar.info][:2])
"""

EXPORT = HEAD + r"""
from parsing.corpus import load_corpus
from components.frame import to_frame
from components.views.data_table import labelled
from components.export import to_csv, to_excel
frame = to_frame(load_corpus([{folder!r}], cache_dir={cache!r})).assign(source="数据文件夹")
table = labelled(frame)
t0 = time.perf_counter(); plain = table.to_csv(index=False).encode("utf-8-sig"); plain_s = time.perf_counter() - t0
t0 = time.perf_counter(); csv = to_csv(table); csv_s = time.perf_counter() - t0
t0 = time.perf_counter(); xlsx = to_excel(table); xlsx_s = time.perf_counter() - t0
report(rows=len(table), plain_csv_seconds=round(plain_s, 3), csv_seconds=round(csv_s, 3), xlsx_seconds=round(xlsx_s, 2))
"""

BIDI = HEAD + r"""
import re
from parsing import parse_text
text = open({seed!r}, encoding="utf-8").read()
dirty = re.sub(r"(?<![0-9])([0-9]{{2,}})(?![0-9])", lambda m: "\u202e" + m.group(1)[::-1] + "\u202c", text)
parse_text(text)  # the first parse of a process loads the dictionaries
t0 = time.perf_counter(); clean_rec = parse_text(text).record; clean_s = time.perf_counter() - t0
t0 = time.perf_counter(); rec = parse_text(dirty).record; dirty_s = time.perf_counter() - t0
named = [w for w in rec.warnings if "U+202E" in w or "另有" in w]
report(clean_seconds=round(clean_s, 3), controls_seconds=round(dirty_s, 3), warnings=len(named),
       first=named[0][:60] if named else None)
"""

SALVAGE = HEAD + r"""
from readers_helpers import paged_pdf
from parsing.errors import ReportReadError
from parsing.readers import extract_text
pages = ["\n".join(f"第{{p}}页第{{i}}行：本年度主动公开政府信息{{p * 40 + i}}条，收到公开申请{{i}}件。" for i in range(1, 41))
         for p in range(1, 17)]
data, ends = paged_pdf(pages)
cut = data[: len(data) // 2]
notes = []
t0 = time.perf_counter()
try:
    text = extract_text(cut, "cut.pdf", notes) if {notes_arg} else extract_text(cut, "cut.pdf")
    outcome = f"{{len(text.splitlines())}} lines; " + "".join(notes)
except ReportReadError as exc:
    outcome = f"refused: {{exc}}"
report(bytes=len(cut), seconds=round(time.perf_counter() - t0, 2), outcome=outcome[:90])
"""

HTML_PDF = HEAD + r"""
from readers_helpers import html_page, PROSE
from parsing.errors import ReportReadError
from parsing.pipeline import parse_bytes
page = html_page(PROSE).encode("gbk")
t0 = time.perf_counter()
try:
    rec = parse_bytes(page, "report.pdf").record
    outcome = f"read: total {{rec.proactive_total}}; " + rec.warnings[0]
except ReportReadError as exc:
    outcome = f"refused: {{exc}}"
report(seconds=round(time.perf_counter() - t0, 2), outcome=outcome[:80])
"""

LONG_NAME = HEAD + r"""
import tempfile
from parsing.corpus.store import save_report
folder = tempfile.mkdtemp()
t0 = time.perf_counter()
try:
    path, created = save_report(folder, "\U00020000" * 100 + ".txt", "2019年，我局主动公开政府信息12条。".encode())
    outcome = f"saved: {{len(path.name)}} characters, {{len(path.name.encode())}} bytes"
except OSError as exc:
    outcome = f"failed: {{exc.strerror}}"
report(seconds=round(time.perf_counter() - t0, 4), outcome=outcome)
"""


def child(code: str, timeout: float = 900) -> dict:
    try:
        out = subprocess.run([PY, "-c", code], capture_output=True, text=True, timeout=timeout, cwd=tempfile.gettempdir())
    except subprocess.TimeoutExpired:
        return {"error": f"still running after {timeout:g} s (stopped)"}
    lines = out.stdout.strip().splitlines()
    if out.returncode or not lines:
        return {"error": (out.stderr.strip().splitlines() or ["no output"])[-1][:160]}
    return json.loads(lines[-1])


def fmt(figures: dict) -> str:
    return json.dumps(figures, ensure_ascii=False)


def cache_cases(root: Path, work: Path, reports: int) -> None:
    folder, cache = work / "corpus", work / "cache"
    if not folder.exists():
        subprocess.run([PY, str(ROOT / "bench" / "make_corpus.py"), str(reports), str(folder)], check=True,
                       capture_output=True)
        (folder / "truth.jsonl").unlink(missing_ok=True)
    head = dict(root=str(root), tests=str(ROOT / "tests"))

    def cli(*args, out="out.jsonl"):
        return child(CLI_RUN.format(**head, args=[str(folder), *args], out_file=str(work / out)))

    reference = cli("--no-cache", out="reference.jsonl")
    print(f"| --no-cache (reference) | {reference.get('seconds')} s, {reference.get('peak_mb')} MB | | |")
    for case in ("emptied-database", "page-overwritten", "checks-wrong-shape", "meta-wrong-shape", "error-payload",
                 "replaced-database"):
        shutil.rmtree(cache, ignore_errors=True)
        if case == "replaced-database":  # the database as it was before the last 5 files were added
            held = sorted(folder.glob("*.txt"))[-5:]
            aside = work / "held"
            aside.mkdir(exist_ok=True)
            for p in held:
                p.rename(aside / p.name)
            cli("--cache-dir", str(cache))
            shutil.copy(cache / "parsed-reports.sqlite", work / "older.sqlite")
            for p in held:
                (aside / p.name).rename(folder / p.name)
        cold = cli("--cache-dir", str(cache))
        damage = child(DAMAGE.format(**head, cache=str(cache), folder=str(folder), case=case))
        first = cli("--cache-dir", str(cache), out="first.jsonl")
        same_first = (work / "first.jsonl").read_bytes() == (work / "reference.jsonl").read_bytes()
        healed = cli("--cache-dir", str(cache), out="healed.jsonl")
        same_healed = (work / "healed.jsonl").read_bytes() == (work / "reference.jsonl").read_bytes()
        print(f"| {case} | cold {cold.get('seconds')} s; damage {damage.get('seconds', damage.get('error'))} s "
              f"| first run {first.get('seconds', first.get('error'))} s, {first.get('peak_mb')} MB, "
              f"identical: {same_first}; {first.get('notes')} | next run {healed.get('seconds', healed.get('error'))} s, "
              f"{healed.get('peak_mb')} MB, identical: {same_healed}; notes {healed.get('notes')} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=str(ROOT), help="the checkout to measure (default: this one)")
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--html-mb", type=float, default=19)
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--workdir", default=None)
    args = ap.parse_args()
    root = Path(args.root).resolve()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="reliability-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    head = dict(root=str(root), tests=str(ROOT / "tests"))  # this checkout's test builders (paged_pdf) for any root
    wanted = set(args.only or ["save", "uploads", "cache", "export", "bidi", "salvage", "html-pdf", "long-name"])
    new_code = (root / "components" / "export.py").exists()
    print(f"measuring {root} in {work}\n")
    if "save" in wanted:
        html = work / "big.html"
        if not html.exists():
            seed = (ROOT / "data" / "003_dd0aca17394d444a.txt").read_text(encoding="utf-8")
            paras = "".join(f"<p>{line}</p>\n" for line in seed.splitlines() if line.strip())
            reps = int(args.html_mb * 1024 * 1024 / len(paras.encode()))
            html.write_bytes(("<!DOCTYPE html><html><body>" + paras * reps + "</body></html>").encode())
        code = SAVE_NEW if new_code else SAVE_OLD
        print(f"save path ({html.stat().st_size / 1024 / 1024:.1f} MB web page): "
              f"{fmt(child(code.format(**head, html=str(html)), timeout=600))}")
    if "uploads" in wanted:
        folder, cache = work / "seeds", work / "seeds-cache"
        folder.mkdir(exist_ok=True)
        for p in (ROOT / "data").glob("*.txt"):
            shutil.copy(p, folder / p.name)
        seeds = sorted((ROOT / "tests" / "fixtures" / "heldout" / "reports").glob("*.txt"))
        print(f"uploads of one name: {fmt(child(UPLOADS.format(**head, folder=str(folder), cache=str(cache), app=str(root / 'app.py'), seed_a=str(seeds[0]), seed_b=str(seeds[1]))))}")
    if "export" in wanted and new_code:
        cache_dir = work / "export-cache"
        corpus = work / "corpus"
        if not corpus.exists():
            subprocess.run([PY, str(ROOT / "bench" / "make_corpus.py"), str(args.reports), str(corpus)], check=True,
                           capture_output=True)
            (corpus / "truth.jsonl").unlink(missing_ok=True)
        print(f"export (数据 table): {fmt(child(EXPORT.format(**head, folder=str(corpus), cache=str(cache_dir))))}")
    if "bidi" in wanted:
        print(f"bidi override around every figure of 003: "
              f"{fmt(child(BIDI.format(**head, seed=str(ROOT / 'data' / '003_dd0aca17394d444a.txt'))))}")
    if "salvage" in wanted:
        print(f"PDF cut in half (16 pages): {fmt(child(SALVAGE.format(**head, notes_arg=new_code)))}")
    if "html-pdf" in wanted:
        print(f"web page named .pdf: {fmt(child(HTML_PDF.format(**head)))}")
    if "long-name" in wanted:
        print(f"100 × U+20000 as a name: {fmt(child(LONG_NAME.format(**head)))}")
    if "cache" in wanted:
        print("\n| cache case | before | the run that meets it | the next run |\n|---|---|---|---|")
        cache_cases(root, work, args.reports)
    print(textwrap.dedent(f"""
        inputs kept in {work} (remove when done)"""))


if __name__ == "__main__":
    main()
