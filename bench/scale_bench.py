"""Scale benchmark: cold, warm and incremental corpus loads, a filter rerun, and peak memory.

    python bench/scale_bench.py [--sizes 1000 10000] [--repeat 3] [--workdir DIR]

Synthetic corpora come from bench/make_corpus.py into a temporary folder (never data/). Every
load runs in a fresh subprocess so its peak memory (ru_maxrss, workers included) is its own.
Figures are medians of --repeat runs. The floor is the cost of reading the files and of one
regex pass over their text; the ratio of cold load to that floor is printed with a profile of
where the rest goes.

With --markdown PATH the figures are also written into PATH (docs/性能.md) between the markers
<!-- scale_bench:start --> and <!-- scale_bench:end -->, with the command, the date, the commit and the machine
(bench/docs_page.py); the rest of the page is left as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
sys.path.insert(0, str(ROOT / "bench"))
from docs_page import run_facts, write_section  # noqa: E402

CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, {root!r})
t0 = time.perf_counter()
from parsing.corpus import load_corpus
from components.frame import to_frame
imported = time.perf_counter()
corpus = load_corpus([{folder!r}], cache_dir={cache!r}, use_cache={use_cache!r})
frame = to_frame(corpus)
done = time.perf_counter()
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({{"load": done - imported, "imports": imported - t0, "reports": len(corpus.reports),
                  "errors": len(corpus.errors), "peak_mb": peak / 1024}}))
"""

# The app in AppTest on a generated folder and its parse cache: the start of the two app measurements below.
APP = r"""
import json, os, statistics, sys, time, logging
sys.path.insert(0, {root!r})
os.environ["DATA_DIR"] = {folder!r}
os.environ["REPORT_CACHE_DIR"] = {cache!r}
logging.getLogger("streamlit").setLevel(logging.ERROR)
from streamlit.testing.v1 import AppTest
at = AppTest.from_file({app!r}, default_timeout=600)
"""

RERUN = APP + r"""
t0 = time.perf_counter(); at.run(); first = time.perf_counter() - t0
assert not at.exception, at.exception
box = at.sidebar.selectbox(key="f_province")
options = [o for o in box.options if o != "全部"]
times = []
for i in range({repeat}):
    choice = options[i % len(options)]
    t0 = time.perf_counter(); at.sidebar.selectbox(key="f_province").select(choice).run(); times.append(time.perf_counter() - t0)
    assert not at.exception, at.exception
    t0 = time.perf_counter(); at.sidebar.selectbox(key="f_province").select("全部").run(); times.append(time.perf_counter() - t0)
print(json.dumps({{"first": first, "rerun": statistics.median(times)}}))
"""

# Each tab's first open in one session: the app loaded on 总览 (warm cache), then every other tab once, by the
# same switch the tab bar makes (session state "tab"), server-side. Run in a fresh process per repeat.
TABS = APP + r"""
at.run()
assert not at.exception, at.exception
out = {{}}
names = [t.label for t in at.tabs]
for label in names[1:] + names[:1]:
    at.session_state["tab"] = label
    t0 = time.perf_counter(); at.run(); out[label.split(" ")[0]] = time.perf_counter() - t0
    assert not at.exception, (label, at.exception)
print(json.dumps(out, ensure_ascii=False))
"""


def child(code: str) -> dict:
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def load(folder: Path, cache: Path, use_cache: bool = True) -> dict:
    return child(CHILD.format(root=str(ROOT), folder=str(folder), cache=str(cache), use_cache=use_cache))


def floor(folder: Path) -> tuple[float, float]:
    """Seconds to read every file, and to run one regex pass over the decoded text."""
    import re

    t0 = time.perf_counter()
    blobs = [p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]
    read = time.perf_counter() - t0
    pattern = re.compile(r"主动公开[^。]{0,30}?(\d+)\s*条")
    t0 = time.perf_counter()
    for b in blobs:
        pattern.findall(b.decode("utf-8", errors="replace"))
    return read, time.perf_counter() - t0


def profile(folder: Path, n: int = 300) -> list[tuple[str, float]]:
    """Where a serial parse spends its time, by stage, on n files."""
    code = rf"""
import cProfile, pstats, io, sys, json
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from parsing.corpus.build import parse_payload
files = [(p.name, p.read_bytes()) for p in sorted(Path({str(folder)!r}).glob('*.txt'))[:{n}]]
parse_payload(files[0])
pr = cProfile.Profile(); pr.enable()
for f in files: parse_payload(f)
pr.disable()
st = pstats.Stats(pr); total = st.total_tt
stages = {{"分词 keywords (rjieba/jieba)": ("analysis/keywords.py",), "正文规整 text/normalize": ("text/normalize.py",),
          "机构与地区 extract/agency": ("extract/agency.py",), "年份与格式 extract/genre": ("extract/genre.py",),
          "数量 extract/proactive+requests": ("extract/proactive.py", "extract/requests.py"),
          "渠道 extract/channels": ("extract/channels.py",), "章节 extract/sections": ("extract/sections.py",),
          "表格与检查 template/*": ("template/tables.py", "template/checks.py", "template/checklist.py"),
          "主题 analysis/themes": ("analysis/themes.py",), "读取与解码 readers/*": ("readers/__init__.py", "readers/text.py"),
          "记录 schema": ("schema.py",)}}
out = {{}}
for name, fnames in stages.items():
    out[name] = sum(max((v[3] for k, v in st.stats.items() if k[0].endswith(f)), default=0.0) for f in fnames)
out["合计（单进程）"] = total
print(json.dumps(out, ensure_ascii=False))
"""
    return list(child(code).items())


def measure(n: int, work: Path, repeat: int) -> dict:
    """Every figure for one corpus size (medians of repeat runs), as printed and as written to the docs."""
    med = statistics.median
    folder = work / f"corpus_{n}"
    if not (folder / "truth.jsonl").exists():
        t0 = time.perf_counter()
        subprocess.run([PY, str(ROOT / "bench" / "make_corpus.py"), str(n), str(folder)], check=True,
                       stdout=subprocess.DEVNULL)
        print(f"\n== N = {n:,}: generated in {time.perf_counter() - t0:.1f} s into {folder}")
    else:
        print(f"\n== N = {n:,}: reusing {folder}")
    reads, passes = zip(*(floor(folder) for _ in range(repeat)), strict=True)
    read_s, regex_s = med(reads), med(passes)
    colds, warms, incs, peaks, warm_peaks = [], [], [], [], []
    for i in range(repeat):
        cache = work / f"cache_{n}_{i}"
        shutil.rmtree(cache, ignore_errors=True)
        cold = load(folder, cache)
        warm = load(folder, cache)
        extra = folder / f"zz_added_{i}.txt"
        shutil.copy(next(p for p in sorted(folder.glob("*.txt")) if p.stat().st_size > 2000), extra)
        extra.write_text(extra.read_text(encoding="utf-8") + f"\n（追加 {i}）\n", encoding="utf-8")
        inc = load(folder, cache)
        extra.unlink()
        colds.append(cold["load"])
        warms.append(warm["load"])
        incs.append(inc["load"])
        peaks.append(max(cold["peak_mb"], warm["peak_mb"], inc["peak_mb"]))
        warm_peaks.append(max(warm["peak_mb"], inc["peak_mb"]))
    rerun = child(RERUN.format(root=str(ROOT), folder=str(folder), cache=str(work / f"cache_{n}_0"),
                               app=str(ROOT / "app.py"), repeat=max(3, repeat)))
    tab_runs = [child(TABS.format(root=str(ROOT), folder=str(folder), cache=str(work / f"cache_{n}_0"),
                                  app=str(ROOT / "app.py"))) for _ in range(repeat)]
    return {"n": n, "reports": cold["reports"], "errors": cold["errors"], "read": read_s, "regex": regex_s,
            "cold": med(colds), "warm": med(warms), "incremental": med(incs), "first_run": rerun["first"],
            "rerun": rerun["rerun"], "peak": med(peaks), "warm_peak": med(warm_peaks),
            "tabs": {name: med(r[name] for r in tab_runs) for name in tab_runs[0]}, "profile": profile(folder)}


def report(r: dict) -> None:
    floor_s = r["read"] + r["regex"]
    print(f"reports parsed: {r['reports']:,} (+{r['errors']} unreadable)")
    print(f"floor: read files {r['read']:.2f} s + one regex pass {r['regex']:.2f} s = {floor_s:.2f} s")
    print(f"cold load (empty cache):      {r['cold']:7.2f} s   ({r['cold'] / floor_s:.0f}× the floor)")
    print(f"warm load (full cache):       {r['warm']:7.2f} s")
    print(f"incremental (one file added): {r['incremental']:7.2f} s")
    print(f"app first run (warm cache):   {r['first_run']:7.2f} s")
    print(f"app rerun after filter change:{r['rerun'] * 1000:7.0f} ms (server-side, AppTest)")
    print("each tab's first open (server-side, AppTest, after the app has run once on 总览):")
    for name, seconds in r["tabs"].items():
        print(f"  {name:<12} {seconds * 1000:7.0f} ms")
    print(f"peak memory (any load):       {r['peak']:7.0f} MB")
    print(f"peak memory (warm, +1 file):  {r['warm_peak']:7.0f} MB")
    print("profile of a serial parse (cumulative seconds by module, 300 files):")
    for name, seconds in r["profile"]:
        print(f"  {name:<24} {seconds:6.2f} s")


def markdown_section(results: list[dict], command: str, repeat: int, facts: str) -> str:
    """The page's scale_bench section: the command and the run's facts, then one table per corpus size."""
    sizes = ", ".join(f"{r['n']:,}" for r in results)
    parts = [facts, f"- 命令 · command: `{command}` (corpus sizes {sizes}; "
             + ("medians of " + str(repeat) + " runs" if repeat > 1 else "one run of each load") + ")"]
    for r in results:
        floor_s = r["read"] + r["regex"]
        parts += ["", f"### N = {r['n']:,}", "",
                  f"{r['reports']:,} reports read, {r['errors']} unreadable (the generator writes some damaged "
                  "files on purpose).", "",
                  "| measure | figure |", "|---|---|",
                  f"| 冷启动 · cold load (empty cache) | {r['cold']:.2f} s |",
                  f"| 热启动 · warm load (full cache) | {r['warm']:.2f} s |",
                  f"| 增量 · incremental load (one file added) | {r['incremental']:.2f} s |",
                  f"| 首次运行 · app first run (warm cache, AppTest) | {r['first_run']:.2f} s |",
                  f"| 筛选后重算 · app rerun after a filter change (server-side) | {r['rerun'] * 1000:.0f} ms |",
                  f"| 峰值内存 · peak memory, any load | {r['peak']:.0f} MB |",
                  f"| 峰值内存 · peak memory, warm load and one file added | {r['warm_peak']:.0f} MB |",
                  f"| 下限 · floor: read the files + one regex pass | {r['read']:.2f} s + {r['regex']:.2f} s |",
                  f"| cold load ÷ floor | {r['cold'] / floor_s:.0f}× |",
                  "", "Each tab's first open (server-side, AppTest, after the app ran once on 总览):", "",
                  "| tab | first open |", "|---|---|"]
        parts += [f"| {name} | {seconds * 1000:.0f} ms |" for name, seconds in r["tabs"].items()]
        parts += ["", "Where a serial parse of 300 of these files spends its time (cumulative seconds):", "",
                  "| stage | seconds |", "|---|---|"]
        parts += [f"| {name} | {seconds:.2f} |" for name, seconds in r["profile"]]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", default=None, help="where the synthetic corpora go (default: a temp dir)")
    ap.add_argument("--markdown", type=Path, metavar="PATH",
                    help="also write the figures into PATH (docs/性能.md), between its scale_bench markers")
    args = ap.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="scale-bench-"))
    facts = run_facts(ROOT)  # before the run: the load average says how busy the machine was when it started
    print(f"machine: {os.cpu_count()} cores; python {sys.version.split()[0]}; repeats: {args.repeat} (medians)")
    results = []
    for n in args.sizes:
        results.append(measure(n, work, args.repeat))
        report(results[-1])
    if args.markdown:
        command = " ".join(["python bench/scale_bench.py", "--sizes", *map(str, args.sizes),
                            "--repeat", str(args.repeat), "--markdown", args.markdown.as_posix()])
        write_section(args.markdown, "scale_bench", markdown_section(results, command, args.repeat, facts))
        print(f"\nwrote the figures into {args.markdown}")


if __name__ == "__main__":
    main()
