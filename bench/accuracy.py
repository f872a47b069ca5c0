"""Parser accuracy on a synthetic corpus: every truth field against the parsed record.

    python bench/accuracy.py OUT_DIR

Exact match per field; channels count as right when every channel in the truth was found;
problem/measure phrases when the phrase is in problems (and the measure phrase in measures, not in
problems). Broken files are expected to be refused (empty, binary) or flagged (truncated).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from parsing import ReportReadError, parse_file  # noqa: E402

FIELDS = ["agency", "agency_type", "admin_level", "province", "city", "district", "year", "format",
          "proactive_total", "proactive_breakdown", "channel_counts", "applications_received", "fees",
          "reconsideration", "litigation"]


def score(folder: Path) -> tuple[dict[str, list[int]], dict[str, list[tuple]]]:
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong: dict[str, list[tuple]] = defaultdict(list)
    for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        truth = json.loads(line)
        path = folder / truth["file"]
        try:
            record = parse_file(path).record.to_dict()
        except ReportReadError as exc:
            ok = truth["broken"] in ("empty", "binary")
            right["broken files refused"][0] += ok
            right["broken files refused"][1] += 1
            if not ok:
                wrong["broken files refused"].append((truth["file"], truth["broken"], str(exc)))
            continue
        if truth["broken"]:
            if truth["broken"] in ("empty", "binary"):
                right["broken files refused"][1] += 1
                wrong["broken files refused"].append((truth["file"], truth["broken"], "parsed"))
            continue  # truncated files are not scored field by field
        checks = {f: record[f] == truth[f] for f in FIELDS}
        checks["channels"] = set(truth["channels"]) <= set(record["channels"])
        checks["problems"] = truth["problem_phrase"] in record["problems"]
        checks["measures"] = truth["measure_phrase"] in record["measures"] and \
            truth["measure_phrase"] not in record["problems"]
        for field_name, ok in checks.items():
            right[field_name][0] += ok
            right[field_name][1] += 1
            if not ok:
                got = record.get(field_name)
                expected = truth.get(field_name, truth.get("problem_phrase"))
                wrong[field_name].append((truth["file"], expected, got))
    return right, wrong


def main() -> None:
    folder = Path(sys.argv[1])
    right, wrong = score(folder)
    print(f"{'field':<24}{'accuracy':>10}{'right/total':>16}")
    for field_name, (ok, total) in right.items():
        print(f"{field_name:<24}{ok / total:>10.1%}{f'{ok}/{total}':>16}")
    for field_name, rows in wrong.items():
        print(f"\n{field_name}: {len(rows)} wrong, e.g.")
        for row in rows[:10]:
            print("   ", row)


if __name__ == "__main__":
    main()
