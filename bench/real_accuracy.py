"""The parser scored on hand-labelled real reports (the labels.csv shape of ../shared/realdev/).

    python bench/real_accuracy.py LABELS.csv REPORTS_DIR [--floors] [--quiet]

Per field it prints right / labelled, wrong (a value that differs from the label) and missed (null
where the label has a value), channel precision and recall, and the problems/measures placement; then
every miss with file, expected, got and the parser's warning. Only filled labels are scored: a blank
label means "the text does not state it" (see the labels README).

Comparison rules (the label rules of the development set):
- places: compared in simplified characters with the administrative suffix dropped (山东 = 山东省,
  白银市 = 白银, 宁夏 = 宁夏回族自治区), so a label written either way is matched;
- proactive_total: "400余" is right when the parser gives 400 marked approximate; a value where the
  label is blank is not scored (the text may state it per channel only, see the issue);
- channels: precision and recall over (report, channel) pairs of reports whose channels are labelled;
- problems_start / measures_start: right when the labelled words lie inside the right field.

With --floors the exit code is 1 when any field is below the floor given in FLOORS (CI uses this).

With --markdown PATH the scores are also written into PATH (docs/准确率.md) between the markers
<!-- real_accuracy:start --> and <!-- real_accuracy:end -->, with the date, the commit and the machine: the
set given on the command line as the development set, then the held-out sets of tests/fixtures/ (HELDOUT).
Other scripts keep their own sections of that page (bench/docs_page.py).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from docs_page import run_facts, write_section  # noqa: E402

from parsing import ReportReadError, parse_file  # noqa: E402
from parsing.schema import FIELD_BY_NAME  # noqa: E402
from parsing.text.variants import to_simplified  # noqa: E402

# field → (label column, record key)
SCALARS = [
    ("year", "report_year", "year"),
    ("format", "format", "format"),
    ("agency_type", "agency_type", "agency_type"),
    ("province", "province", "province"),
    ("city", "city", "city"),
    ("district", "district", "district"),
    ("proactive_total", "proactive_total", "proactive_total"),
    ("applications_received", "applications_received", "applications_received"),
    ("fees", "fees_charged", "fees"),
    ("reconsideration", "reconsideration_cases", "reconsideration"),
    ("litigation", "litigation_cases", "litigation"),
]

# The floors of the accuracy issue. CI holds the level reached (RATCHET) and never lower; the goal is GOAL.
GOAL = {
    "year": 0.98, "format": 0.98, "agency_type": 0.95, "province": 0.92, "city": 0.92, "district": 0.92,
    "proactive_total": 0.90, "applications_received": 0.92, "fees": 0.92, "reconsideration": 0.92,
    "litigation": 0.92, "channels precision": 0.90, "channels recall": 0.85, "problems_start": 0.85,
    "measures_start": 0.85,
}
# The level reached on ../shared/realdev/ (session 2): CI holds it and never goes lower. Raise, never lower.
RATCHET = {**GOAL, "year": 1.0, "format": 1.0, "agency_type": 0.97, "province": 1.0, "city": 1.0, "district": 1.0,
           "proactive_total": 1.0, "applications_received": 1.0, "fees": 1.0, "reconsideration": 1.0,
           "litigation": 1.0, "channels precision": 0.99, "channels recall": 0.98, "problems_start": 1.0,
           "measures_start": 1.0}
MAX_WRONG = {"proactive_total": 0.02}

PLACE_SUFFIX = re.compile(r"(?:维吾尔自治区|回族自治区|壮族自治区|特别行政区|自治区|自治州|地区|省|市|区|县|盟|旗)$")


def place_key(value: str | None) -> str | None:
    if not value:
        return None
    text = to_simplified(str(value)).strip()
    stripped = PLACE_SUFFIX.sub("", text)
    return stripped if len(stripped) >= 2 else text


def agency_type_key(value: str | None) -> str | None:
    if not value:
        return None
    value = str(value)
    if value in ("安监", "应急"):
        return value
    return "other"


def label_number(value: str) -> tuple[float, bool] | None:
    value = value.strip()
    if not value:
        return None
    approx = value.endswith(("余", "多"))
    return float(value.rstrip("余多")), approx


def compare(name: str, label: str, record: dict) -> tuple[str, object]:
    """→ ("right" | "wrong" | "missed", what the parser gave)."""
    key = dict((n, k) for n, _c, k in SCALARS)[name.replace(" other", "")]
    got = record.get(key)
    if got is None or got == "":
        return "missed", got
    if name in ("province", "city", "district"):
        return ("right" if place_key(label) == place_key(got) else "wrong"), got
    if name.startswith("agency_type"):
        return ("right" if agency_type_key(label) == agency_type_key(got) else "wrong"), got
    if name == "format":
        return ("right" if label == got else "wrong"), got
    want = label_number(label)
    if name == "proactive_total":
        shown = f"{got}余" if record.get("proactive_total_approx") else got
        ok = float(got) == want[0] and bool(record.get("proactive_total_approx")) == want[1]
        return ("right" if ok else "wrong"), shown
    return ("right" if float(got) == want[0] else "wrong"), got


def warning_for(record: dict, name: str) -> str:
    words = {"proactive_total": "主动公开", "applications_received": "申请", "fees": "收费",
             "reconsideration": "复议", "litigation": "诉讼", "province": "地", "city": "地",
             "district": "地", "agency_type": "机构", "year": "年"}.get(name, "")
    hits = [w for w in record.get("warnings", []) if words and words in w]
    return "；".join(hits[:2])


FULL_WIDTH = str.maketrans("，：；（）", ",:;()")


def squash(text: str) -> str:
    """The labels' copies use ASCII ,:;() where real files use full-width: compare without either."""
    return re.sub(r"\s+", "", text.translate(FULL_WIDTH))


def score(labels_csv: Path, reports: Path) -> dict:
    rows = list(csv.DictReader(labels_csv.open(encoding="utf-8-sig")))
    tally = {name: {"right": 0, "wrong": 0, "missed": 0, "n": 0} for name, _c, _k in SCALARS}
    for part in ("problems_start", "measures_start"):
        tally[part] = {"right": 0, "wrong": 0, "missed": 0, "n": 0}
    misses: list[tuple] = []
    ch_tp = ch_fp = ch_fn = 0
    failed: list[tuple[str, str]] = []
    for row in rows:
        path = reports / row["file"]
        try:
            record = parse_file(path).record.to_dict()
        except ReportReadError as exc:
            failed.append((row["file"], str(exc)))
            continue
        for name, column, _key in SCALARS:
            label = (row.get(column) or "").strip()
            if not label:
                continue
            if name == "agency_type" and label not in ("安监", "应急"):
                name = "agency_type other"  # scored apart: the floor is on 安监/应急
                tally.setdefault(name, {"right": 0, "wrong": 0, "missed": 0, "n": 0})
            verdict, got = compare(name, label, record)
            tally[name]["n"] += 1
            tally[name][verdict] += 1
            if verdict != "right":
                misses.append((name, verdict, row["file"], label, got, warning_for(record, name)))
        if (row.get("channels") or "").strip():
            want = {c.strip() for c in row["channels"].split(";") if c.strip()}
            got = set(record.get("channels") or [])
            ch_tp += len(want & got)
            ch_fp += len(got - want)
            ch_fn += len(want - got)
            if want != got:
                misses.append(("channels", "differs", row["file"], ";".join(sorted(want)),
                               ";".join(sorted(got)), f"多出 {sorted(got - want)} 缺少 {sorted(want - got)}"))
        for part, key in (("problems_start", "problems"), ("measures_start", "measures")):
            label = (row.get(part) or "").strip()
            if not label:
                continue
            tally[part]["n"] += 1
            field_text = to_simplified(record.get(key) or "")
            other = to_simplified(record.get("measures" if key == "problems" else "problems") or "")
            needle = to_simplified(label)
            if squash(needle) in squash(field_text):
                tally[part]["right"] += 1
            else:
                verdict = "wrong" if squash(needle) in squash(other) else "missed"
                tally[part][verdict] += 1
                misses.append((part, verdict, row["file"], label, (record.get(key) or "")[:30],
                               warning_for(record, "problems")))
    precision = ch_tp / (ch_tp + ch_fp) if ch_tp + ch_fp else 1.0
    recall = ch_tp / (ch_tp + ch_fn) if ch_tp + ch_fn else 1.0
    return {"tally": tally, "precision": precision, "recall": recall, "misses": misses, "failed": failed,
            "reports": len(rows)}


def rates(result: dict) -> dict[str, float]:
    out = {name: (t["right"] / t["n"] if t["n"] else 1.0) for name, t in result["tally"].items()}
    out["channels precision"] = result["precision"]
    out["channels recall"] = result["recall"]
    return out


DEV_ABOUT = ("the rules were written by reading these reports, so this score shows how well the rules fit them, "
             "not how they carry over; none of the rules names a file or an agency")
# The held-out sets in the repository: (folder under ROOT, name, what the set is).
HELDOUT = [
    ("tests/fixtures/heldout", "留出集一 · held-out set 1",
     "written for this project in the development set's format without looking at the parser; the gaps it "
     "showed were fixed as general rules, so it now guards against regressions "
     "(tests/bench/test_real_accuracy.py holds its level)"),
    ("tests/fixtures/heldout2", "留出集二 · held-out set 2",
     "written by someone who read neither the parser nor its tests, with no report from Shandong, and "
     "scored only after the rules were written; the gaps it showed were fixed as general rules "
     "(tests/bench/test_real_accuracy.py holds it at 100 %)"),
]
PARTS = {"problems_start": "存在的问题起句落在存在的问题内 · problems start inside problems",
         "measures_start": "改进措施起句落在改进措施内 · measures start inside measures",
         "agency_type": "机构类型（安监、应急） · agency_type",
         "agency_type other": "机构类型（其他） · agency_type, other kinds"}


def describe(labels_csv: Path) -> str:
    """What a labelled set holds, counted from its labels: reports, whole or excerpt, years, provinces."""
    rows = list(csv.DictReader(labels_csv.open(encoding="utf-8-sig")))
    whole = sum((r.get("complete") or "").strip() == "yes" for r in rows)
    years = sorted(int(r["report_year"]) for r in rows if (r.get("report_year") or "").strip().isdigit())
    provinces = {place_key(r["province"]) for r in rows if (r.get("province") or "").strip()}
    span = f"reports on {years[0]}–{years[-1]}, " if years else ""
    return (f"{len(rows)} labelled reports ({whole} whole, {len(rows) - whole} excerpts), {span}"
            f"{len(provinces)} provinces named in the labels")


def field_name(name: str) -> str:
    if name in PARTS:
        return PARTS[name]
    return f"{FIELD_BY_NAME[name].label} · {name}"


def markdown_table(result: dict, floors: dict[str, float] | None) -> str:
    """One set's scores as a Markdown table (a floor column when floors are given)."""
    r = rates(result)
    head = "| field | right / labelled | rate | wrong | missed |" + (" floor |" if floors else "")
    lines = [head, "|---|---|---|---|---|" + ("---|" if floors else "")]
    for name, t in result["tally"].items():
        if not t["n"]:
            continue
        floor = f" {floors[name]:.0%} |" if floors and name in floors else (" – |" if floors else "")
        lines.append(f"| {field_name(name)} | {t['right']} / {t['n']} | {r[name]:.1%} | {t['wrong']} | "
                     f"{t['missed']} |{floor}")
    for name in ("channels precision", "channels recall"):
        floor = f" {floors[name]:.2f} |" if floors else ""
        label = "公开渠道 · channels, " + name.split()[1]
        lines.append(f"| {label} | | {r[name]:.2f} | | |{floor}")
    return "\n".join(lines)


def markdown_section(dev: tuple[str, Path, dict], heldout: list[tuple[str, str, Path, dict]]) -> str:
    """The page's real_accuracy section: when and where it ran, then each set, what it is and its scores."""
    name, labels, result = dev
    parts = [run_facts(ROOT), "",
             f"### {name}", "",
             f"`{labels.parent.as_posix()}/` ({describe(labels)}): {DEV_ABOUT}. The floor is the level CI holds "
             "(`--floors`).", "", markdown_table(result, RATCHET)]
    for set_name, about, labels_csv, res in heldout:
        folder = labels_csv.parent.relative_to(ROOT).as_posix()
        parts += ["", f"### {set_name}", "", f"`{folder}/` ({describe(labels_csv)}): {about}.", "",
                  markdown_table(res, None)]
    unread = [(n, f) for n, r in [(name, result)] + [(h[0], h[3]) for h in heldout] for f, _why in r["failed"]]
    if unread:
        parts += ["", "Files that could not be read: " + "; ".join(f"{n}: {f}" for n, f in unread) + "."]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("labels", type=Path)
    ap.add_argument("reports", type=Path)
    ap.add_argument("--floors", action="store_true", help="exit 1 when a field is below its CI floor")
    ap.add_argument("--quiet", action="store_true", help="no list of misses")
    ap.add_argument("--markdown", type=Path, metavar="PATH",
                    help="also write the scores of this set and of the held-out sets into PATH (docs/准确率.md)")
    ap.add_argument("--set-name", default="开发集 · development set", help="the set's name on the page")
    args = ap.parse_args(argv)
    result = score(args.labels, args.reports)
    if args.markdown:
        heldout = [(name, about, ROOT / folder / "labels.csv", score(ROOT / folder / "labels.csv", ROOT / folder / "reports"))
                   for folder, name, about in HELDOUT]
        write_section(args.markdown, "real_accuracy", markdown_section((args.set_name, args.labels, result), heldout))
        print(f"wrote the scores into {args.markdown}")
    print(f"{result['reports']} labelled reports in {args.reports}")
    print(f"{'field':<24}{'right/labelled':>16}{'rate':>8}{'wrong':>7}{'missed':>8}{'floor':>8}")
    below = []
    r = rates(result)
    for name, t in result["tally"].items():
        floor = RATCHET.get(name, 0)
        mark = "" if r[name] >= floor else "  < floor"
        print(f"{name:<24}{t['right']:>9}/{t['n']:<6}{r[name]:>8.1%}{t['wrong']:>7}{t['missed']:>8}{floor:>8.0%}{mark}")
        if mark:
            below.append(name)
        if name in MAX_WRONG and t["n"] and t["wrong"] / t["n"] > MAX_WRONG[name]:
            print(f"{'':<24}wrong {t['wrong'] / t['n']:.1%} > {MAX_WRONG[name]:.0%} allowed")
            below.append(f"{name} wrong")
    for name in ("channels precision", "channels recall"):
        floor = RATCHET[name]
        mark = "" if r[name] >= floor else "  < floor"
        print(f"{name:<24}{'':>16}{r[name]:>8.2f}{'':>15}{floor:>8.2f}{mark}")
        if mark:
            below.append(name)
    if result["failed"]:
        print("\nfiles that could not be read:")
        for file, reason in result["failed"]:
            print(f"  {file}: {reason}")
    if not args.quiet and result["misses"]:
        print("\nmisses (field, kind, file, expected, got, parser's warning):")
        for name, verdict, file, want, got, warn in sorted(result["misses"]):
            print(f"  {name:<22} {verdict:<7} {file:<34} want={want!s:<12} got={got!s:<14} {warn}")
    if args.floors and below:
        print(f"\nbelow the floor: {', '.join(below)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
