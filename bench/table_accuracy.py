"""The template tables scored cell by cell against hand-labelled cells (the cells.csv shape of
../shared/realdev-template/).

    python bench/table_accuracy.py CELLS.csv REPORTS_DIR [--reports REPORTS.csv] [--floors] [--quiet]

Per table and per physical form it prints right / labelled, wrong (a value that differs from the label)
and unknown (the parser says it cannot know the cell, or has no such table), then:
- `?` given as read: cells the labels call impossible to know from the printed form that the parser says
  it read (a value derived with certainty from the identities is allowed);
- the six headline totals per report (新收, 上年结转, 办理结果总计, 结转下年度, 复议总计, 诉讼总计), right when
  every labelled one of them is right;
- FAIL precision of the checks: a FAIL of a table identity on a report whose labelled cells satisfy that
  identity is a false FAIL.

Label values (see the set's README): a number as printed (`+2`, `-24`, `354834元`), `blank` for an empty
cell, `?` for a cell whose position the printed form cannot show (not scored). A blank label is right when
the parser gives no value and says it read (or derived) the cell as empty.

With --floors the exit code is 1 when a rate is below FLOORS or a wrong share above MAX_WRONG.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "bench"))
from docs_page import run_facts, write_section  # noqa: E402

from parsing import ReportReadError, parse_file  # noqa: E402
from parsing.template.model import table2_column_key  # noqa: E402

HEADLINES = [("表三", "一、本年新收", "总计"), ("表三", "二、上年结转", "总计"), ("表三", "（七）总计", "总计"),
             ("表三", "四、结转下年度", "总计"), ("表四", "行政复议", "总计")]
LITIGATION = ("未经复议直接起诉", "复议后起诉")

# CI holds the level reached (raise, never lower): on ../shared/realdev-template every labelled cell of every
# form is right and all headline totals are. Rates are right / labelled; wrong is a share of labelled.
FLOORS = {"cells": 1.0, "headlines": 1.0}
MAX_WRONG = {"cells": 0.0}


def label_value(text: str):
    """A label as a value: None for blank, a number (signs and a trailing 元 dropped), else the text."""
    text = text.strip()
    if text == "blank":
        return None
    m = re.fullmatch(r"([+-]?\d+(?:\.\d+)?)\s*元?", text.replace(",", ""))
    if m:
        n = float(m.group(1))
        return int(n) if n.is_integer() else n
    return text


def _same(got, want) -> bool:
    if isinstance(got, (int, float)) and isinstance(want, (int, float)):
        return abs(got - want) < 1e-9
    return got == want


def record_cell(tables: dict, table: str, row: str, column: str):
    """(value, how) of one labelled cell in a record's tables; how is read, derived or unknown."""
    t = tables.get(table)
    if not t or row not in t.get("rows", {}):
        return None, "unknown"
    if table == "表二":
        columns = t.get("columns", {}).get(row, [])
        key = table2_column_key(column)
        if key not in columns:
            return None, "unknown"
        i = columns.index(key)
    else:
        if column not in t.get("columns", []):
            return None, "unknown"
        i = t["columns"].index(column)
    values = t["rows"][row]
    how = (t.get("how") or {}).get(row)
    code = how[i] if how else "read"
    return (values[i] if i < len(values) else None), code


def _new_tally() -> dict:
    return {"right": 0, "wrong": 0, "unknown": 0, "n": 0}


def score(cells_csv: Path, reports: Path, reports_csv: Path | None = None) -> dict:
    cells = list(csv.DictReader(cells_csv.open(encoding="utf-8-sig")))
    forms: dict[str, str] = {}
    if reports_csv and reports_csv.exists():
        forms = {r["file"]: r.get("form") or "?" for r in csv.DictReader(reports_csv.open(encoding="utf-8-sig"))}
    by_file: dict[str, list[dict]] = defaultdict(list)
    for c in cells:
        by_file[c["file"]].append(c)
    tally: dict[tuple[str, str], dict] = defaultdict(_new_tally)  # (form, table) → counts
    misses: list[tuple] = []
    read_but_unknowable: list[tuple] = []
    headlines = {"right": 0, "n": 0}
    fails = {"fail": 0, "false": 0}
    failed_files: list[tuple[str, str]] = []
    for file, labelled in sorted(by_file.items()):
        try:
            record = parse_file(reports / file).record.to_dict()
        except (ReportReadError, FileNotFoundError) as exc:
            failed_files.append((file, str(exc)))
            continue
        tables = record.get("tables") or {}
        form = forms.get(file, "?")
        truth: dict[tuple[str, str, str], object] = {}
        for c in labelled:
            got, how = record_cell(tables, c["table"], c["row"], c["column"])
            if c["value"] == "?":
                if how == "read":
                    read_but_unknowable.append((file, c["table"], c["row"], c["column"], got))
                continue
            want = label_value(c["value"])
            truth[(c["table"], c["row"], c["column"])] = want
            t = tally[(form, c["table"])]
            t["n"] += 1
            if how == "unknown":
                verdict = "unknown"
            else:
                verdict = "right" if _same(got, want) else "wrong"
            t[verdict] += 1
            if verdict != "right":
                misses.append((verdict, file, c["table"], c["row"], c["column"], c["value"], got, how))
        heads = [truth.get(h) for h in HEADLINES]
        keys = list(HEADLINES)
        lit = [truth.get(("表四", b, "总计")) for b in LITIGATION]
        if all(v is not None for v in heads + lit) or any(v is not None for v in heads):
            ok = True
            for key, want in zip(keys, heads, strict=True):
                if want is None:
                    continue
                got, how = record_cell(tables, *key)
                ok = ok and how != "unknown" and _same(got, want)
            if all(isinstance(v, (int, float)) for v in lit):
                got = [record_cell(tables, "表四", b, "总计") for b in LITIGATION]
                ok = ok and all(h != "unknown" for _v, h in got) and _same(sum((v or 0) for v, _h in got), sum(lit))
            headlines["n"] += 1
            headlines["right"] += ok
            if not ok:
                misses.append(("headline", file, "", "", "", "", "", ""))
        for check in record.get("checks") or []:
            if check.get("status") != "FAIL" or check.get("scope") == "years":
                continue
            fails["fail"] += 1
            if _labelled_identity_holds(check, truth):
                fails["false"] += 1
                misses.append(("false FAIL", file, check.get("rule", ""), "", "", "", check.get("detail", ""), ""))
    return {"tally": dict(tally), "misses": misses, "unknowable_read": read_but_unknowable,
            "headlines": headlines, "fails": fails, "failed": failed_files, "files": len(by_file)}


def _labelled_identity_holds(check: dict, truth: dict) -> bool:
    """A FAIL is false when every table cell it names is labelled and the labelled values satisfy the
    check's equation (left side = right side, as the check's cells give the sides)."""
    cells = check.get("cells") or []
    sides = defaultdict(float)
    for cell in cells:
        table = cell.get("table")
        if table not in ("表二", "表三", "表四"):
            return False  # a check against the prose: not an identity of labelled cells
        key = (table, cell.get("row"), cell.get("column"))
        if key not in truth:
            return False
        value = truth[key]
        side = cell.get("side")
        if side not in ("left", "right"):
            return False
        sides[side] += value if isinstance(value, (int, float)) else 0
    return bool(cells) and abs(sides["left"] - sides["right"]) < 1e-9


def totals(result: dict) -> dict:
    out = _new_tally()
    for t in result["tally"].values():
        for k in out:
            out[k] += t[k]
    return out


def by_form(result: dict) -> dict[str, dict]:
    out: dict[str, dict] = defaultdict(_new_tally)
    for (form, _table), t in result["tally"].items():
        for k in t:
            out[form][k] += t[k]
    return dict(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cells", type=Path)
    ap.add_argument("reports", type=Path)
    ap.add_argument("--reports-csv", type=Path, default=None,
                    help="reports.csv with each file's physical form (default: beside CELLS.csv)")
    ap.add_argument("--floors", action="store_true")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--markdown", type=Path, metavar="PATH",
                    help="also write the scores into PATH (docs/准确率.md) between the table_accuracy markers")
    args = ap.parse_args(argv)
    reports_csv = args.reports_csv or args.cells.parent / "reports.csv"
    result = score(args.cells, args.reports, reports_csv)
    print(f"{result['files']} files with labelled cells in {args.reports}")
    print(f"{'form':<24}{'table':<6}{'right/labelled':>16}{'rate':>8}{'wrong':>7}{'unknown':>9}")
    for (form, table), t in sorted(result["tally"].items()):
        rate = t["right"] / t["n"] if t["n"] else 1.0
        print(f"{form:<24}{table:<6}{t['right']:>9}/{t['n']:<6}{rate:>8.1%}{t['wrong']:>7}{t['unknown']:>9}")
    below = []
    for form, t in sorted(by_form(result).items()):
        rate = t["right"] / t["n"] if t["n"] else 1.0
        wrong = t["wrong"] / t["n"] if t["n"] else 0.0
        print(f"{form:<24}{'all':<6}{t['right']:>9}/{t['n']:<6}{rate:>8.1%}{t['wrong']:>7}{t['unknown']:>9}"
              f"   wrong {wrong:.2%}")
        if rate < FLOORS["cells"]:
            below.append(f"cells ({form}) {rate:.1%} < {FLOORS['cells']:.0%}")
        if wrong > MAX_WRONG["cells"]:
            below.append(f"wrong cells ({form}) {wrong:.2%} > {MAX_WRONG['cells']:.1%}")
    all_t = totals(result)
    h = result["headlines"]
    h_rate = h["right"] / h["n"] if h["n"] else 1.0
    print(f"all cells: {all_t['right']}/{all_t['n']} right, {all_t['wrong']} wrong, {all_t['unknown']} unknown")
    print(f"headline totals: {h['right']}/{h['n']} reports with all six right ({h_rate:.1%})")
    print(f"'?' cells given as read: {len(result['unknowable_read'])}")
    f = result["fails"]
    print(f"checks: {f['fail']} FAIL, {f['false']} false FAIL (labelled cells satisfy the identity)")
    if h_rate < FLOORS["headlines"]:
        below.append(f"headlines {h_rate:.1%} < {FLOORS['headlines']:.0%}")
    if result["unknowable_read"]:
        below.append(f"{len(result['unknowable_read'])} '?' cells given as read")
    if f["false"]:
        below.append(f"{f['false']} false FAIL")
    for file, reason in result["failed"]:
        print(f"  could not read {file}: {reason}")
        below.append(f"unreadable {file}")
    if not args.quiet:
        for m in result["misses"]:
            print("  " + " | ".join(str(x) for x in m))
        for m in result["unknowable_read"][:20]:
            print("  ? read: " + " | ".join(str(x) for x in m))
    if args.markdown:
        write_section(args.markdown, "table_accuracy", markdown_section(args.cells, result))
    if args.floors and below:
        print("\nbelow the floor: " + "; ".join(below))
        return 1
    return 0


def markdown_section(cells: Path, result: dict) -> str:
    """The cell scores as the accuracy page's section: per form and table, then the headline totals and checks."""
    lines = [run_facts(ROOT), "",
             f"Template table cells of `{cells.parent.name}` (complete real template reports, every cell labelled by "
             "hand; `?` cells, whose place the printed form cannot show, are not scored). Written by "
             "`python bench/table_accuracy.py CELLS.csv REPORTS --markdown docs/准确率.md`; CI holds these levels "
             "(`--floors`).", "",
             "| form | table | right / labelled | wrong | unknown |", "|---|---|---|---|---|"]
    for (form, table), t in sorted(result["tally"].items()):
        lines.append(f"| {form} | {table} | {t['right']} / {t['n']} | {t['wrong']} | {t['unknown']} |")
    h, f = result["headlines"], result["fails"]
    lines += ["", f"- Headline totals (新收, 上年结转, 办理结果总计, 结转下年度, 复议总计, 诉讼总计): {h['right']} / {h['n']} "
              "reports with all of them right.",
              f"- `?` cells given as read: {len(result['unknowable_read'])}.",
              f"- Checks: {f['fail']} FAIL of any rule, {f['false']} false FAIL (a table identity failed where the "
              "labelled cells satisfy it)."]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
