"""The template reader on known grids rendered in every damaged form (tests/template_forms.py), cell by cell.

    python bench/table_forms.py [--seeds N] [--markdown PATH]

Per form and edition: right, wrong and unknown cells of 表三 and 表四 against the grid they were rendered from.
The crawler's form prints runs of equal values once, so some rows have two readings that both add up: those
cells are unknown by design. With --markdown the table goes into PATH (docs/准确率.md) between its markers.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for p in (ROOT, ROOT / "tests", ROOT / "bench"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import template_forms as tf  # noqa: E402
from docs_page import run_facts, write_section  # noqa: E402

FORMS = tf.FORMS


def tally(form: str, layout: str, seeds: int) -> Counter:
    return tf.tally(form, layout, range(seeds))[0]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=40)
    ap.add_argument("--markdown", type=Path, metavar="PATH")
    args = ap.parse_args(argv)
    lines = ["| form | edition | right | wrong | unknown | right share |", "|---|---|---|---|---|---|"]
    for form in FORMS:
        for layout in ("2021", "2019"):
            c = tally(form, layout, args.seeds)
            total = sum(c.values())
            share = c["right"] / total if total else 1.0
            print(f"{form:<10} {layout}  right {c['right']:>5}  wrong {c['wrong']:>3}  unknown {c['unknown']:>4}  "
                  f"{share:.1%}")
            lines.append(f"| {form} | {layout} | {c['right']} | {c['wrong']} | {c['unknown']} | {share:.1%} |")
    if args.markdown:
        text = "\n".join([run_facts(ROOT), "",
                          f"Generated forms of known grids ({args.seeds} grids per form and edition, "
                          "`tests/template_forms.py`): written by `python bench/table_forms.py --markdown "
                          "docs/准确率.md`. Blank cells only where the form keeps them (Markdown, HTML); the "
                          "Chromium-printed PDF form is tested in `tests/parsing/template/test_forms.py`.", "",
                          *lines])
        write_section(args.markdown, "table_forms", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
