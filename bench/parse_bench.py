"""Parse the bundled corpus repeatedly; print median time per report and throughput.

    python bench/parse_bench.py [--repeat N] [FOLDER]

Imports and one warm-up pass (gazetteer, numeral tables, regex compilation) are excluded.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsing import ReportReadError, parse_bytes  # noqa: E402
from parsing.corpus.files import iter_report_paths  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default=str(ROOT / "data"))
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    files = []
    for p in iter_report_paths([args.folder]):
        data = p.read_bytes()
        try:
            parse_bytes(data, file=p.name)  # warm-up, and drop files that cannot be read at all
        except ReportReadError:
            continue
        files.append((p.name, data))
    total_bytes = sum(len(b) for _, b in files)
    runs = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for name, data in files:
            parse_bytes(data, file=name)
        runs.append(time.perf_counter() - t0)
    median = statistics.median(runs)
    print(f"reports: {len(files)}  bytes: {total_bytes:,}  repeats: {args.repeat}")
    print(f"median per corpus pass: {median * 1000:.1f} ms")
    print(f"median per report:      {median / len(files) * 1000:.2f} ms")
    print(f"throughput:             {total_bytes / 1024 / median:.0f} KB/s")


if __name__ == "__main__":
    main()
