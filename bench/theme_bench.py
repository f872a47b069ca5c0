"""Themes and repetition at scale: how long the 问题主题 view's table and the 机构档案 comparisons take.

    python bench/theme_bench.py N [N …]     (synthetic corpora from bench/make_corpus.py; medians of 3)

Prints, per size: parse of the folder (cold, cache off), theme tagging of every report's problems and
measures (the 问题主题 view's table), and repetition between consecutive years of every agency (the
机构档案 comparisons, summed over all agencies)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from components.frame import to_frame  # noqa: E402
from components.views.themes_view import theme_rows  # noqa: E402
from parsing.analysis.themes import repetition  # noqa: E402
from parsing.corpus.build import load_corpus  # noqa: E402


def median_time(fn, repeats=3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def compare_years(by_agency: dict) -> None:
    for rows in by_agency.values():
        rows.sort(key=lambda row: row.year)
        for a, b in zip(rows, rows[1:], strict=False):
            repetition(b.problems, a.problems)
            repetition(b.measures, a.measures)


def measure(n: int) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(n), tmp], check=True,
                       capture_output=True)
        start = time.perf_counter()
        corpus = load_corpus([tmp], use_cache=False, workers=2)
        parse = time.perf_counter() - start
        frame = to_frame(corpus)
        tagging = median_time(lambda: theme_rows(frame))
        by_agency: dict = {}
        for r in frame.dropna(subset=["year"]).itertuples():
            by_agency.setdefault(r.agency_key, []).append(r)
        pairs = sum(max(0, len(v) - 1) for v in by_agency.values())
        repeat = median_time(lambda: compare_years(by_agency))
        return (f"N = {n:>6,}: parse {parse:6.1f} s | theme tagging of all reports {tagging * 1000:7.0f} ms | "
                f"repetition over {pairs:,} year pairs {repeat * 1000:7.0f} ms")


def main(sizes: list[int]) -> None:
    for n in sizes:
        print(measure(n))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [2000])
