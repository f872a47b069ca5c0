"""The template reader and its checks timed per report (the issue's budget: ≤ 1 ms of one core on average).

    python bench/table_speed.py [--generated N] [--repeat R]

Texts: the bundled corpus (data/) plus N generated reports (bench/make_corpus.py's, written to a temporary
folder), each read and normalised once beforehand. Timed per repeat: parse_tables + check_report over every
text; printed: the median over repeats of the mean CPU time (process_time: ms of one core, steady when other
programs share the machine) per report, and the same for template reports only.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from parsing.readers import extract_text  # noqa: E402
from parsing.template import checks  # noqa: E402
from parsing.template.tables import parse_tables  # noqa: E402
from parsing.text.normalize import normalize_text  # noqa: E402
from parsing.text.variants import to_simplified  # noqa: E402


def texts(folders: list[Path]) -> list[str]:
    out = []
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if not path.is_file():
                continue
            try:
                out.append(to_simplified(normalize_text(extract_text(path.read_bytes(), path.name))))
            except Exception:  # noqa: BLE001 — the bench corpus holds broken files on purpose
                continue
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--generated", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folders = [ROOT / "data"]
        if args.generated:
            subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(args.generated), tmp],
                           check=True, capture_output=True)
            folders.append(Path(tmp))
        corpus = texts(folders)
    template = [t for t in corpus if "第二十条" in t or "本年新收" in t]
    for name, group in (("all reports", corpus), ("template reports", template)):
        runs = []
        for _ in range(args.repeat):
            start = time.process_time()
            for text in group:
                tables = parse_tables(text)
                checks.check_report(tables, {})
            runs.append((time.process_time() - start) / max(len(group), 1) * 1000)
        print(f"{name:<18} {len(group):>6} texts   tables + checks: median {statistics.median(runs):.3f} ms/report "
              f"(runs: {', '.join(f'{r:.3f}' for r in runs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
