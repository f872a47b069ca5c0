"""The template's tables and their identities, read from parsing/data/template.toml.

One model for the reader (parsing/template/tables.py), the checks (checks.py) and the views: rows with their
label patterns per edition, the columns (and the local 8-column variant), 表二's columns per edition, and the
identities the cells obey. The identities are functions of plain numbers (a blank counts as 0, as a reviewer
adds a printed table); they decide which reading of a damaged table is the only one possible.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache

from parsing.paths import DATA_DIR

_DATA = tomllib.loads((DATA_DIR / "template.toml").read_text(encoding="utf-8"))

APPLICANT_COLUMNS: list[str] = _DATA["table3"]["applicant_columns"]
TABLE3_COLUMNS: list[str] = _DATA["table3"]["columns"]
TABLE3_COLUMNS_LOCAL: list[str] = _DATA["table3"]["local_columns"]
EDITION_2021_CUE = re.compile(_DATA["table3"]["edition_2021_cue"])

TABLE3_ROWS_2021: list[tuple[str, str]] = [(r["key"], r["pattern"]) for r in _DATA["table3"]["rows"]
                                           if r.get("edition", "2021") == "2021"]
TABLE3_ROWS_2019: list[tuple[str, str]] = [(r["key"], r["pattern"]) for r in _DATA["table3"]["rows"]
                                           if r.get("edition", "2019") == "2019"]
OUTCOME_ROWS_2021 = [k for k, _p in TABLE3_ROWS_2021 if k.startswith(("（一）", "（二）", "（三）", "（四）", "（五）", "（六）"))]
OUTCOME_ROWS_2019 = [k for k, _p in TABLE3_ROWS_2019 if k.startswith(("（一）", "（二）", "（三）", "（四）", "（五）", "（六）"))]

APPEAL_RESULTS: tuple[str, ...] = tuple(_DATA["table4"]["results"])
APPEAL_BLOCKS: tuple[str, ...] = tuple(_DATA["table4"]["blocks"])

TABLE2_2021: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["table2"]["2021"].items()}
TABLE2_2019: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA["table2"]["2019"].items()}
TABLE2_LABELS: dict[str, str] = dict(_DATA["table2"]["labels"])
TABLE2_HEADER_NAMES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), name)
                                                          for p, name in _DATA["table2"]["header_names"].items()]


@lru_cache(maxsize=64)
def table2_column_key(printed: str) -> str | None:
    """The model's name of a printed 表二 column header (本年制发件数 → 本年制发), or None."""
    text = re.sub(r"\s+", "", printed).replace("/", "").replace("／", "")
    for pattern, name in TABLE2_HEADER_NAMES:
        if pattern.search(text):
            return name
    return None


def table3_columns(local: bool) -> list[str]:
    return TABLE3_COLUMNS_LOCAL if local else TABLE3_COLUMNS


def table3_rows(edition: str) -> list[tuple[str, str]]:
    return TABLE3_ROWS_2021 if edition == "2021" else TABLE3_ROWS_2019


def _n(v) -> float:
    return v if isinstance(v, (int, float)) else 0


def table3_row_ok(values, columns: list[str]) -> bool:
    """A 表三 row: the applicant cells add up to 总计 (and to 小计 + 自然人 in the local variant)."""
    if columns is TABLE3_COLUMNS_LOCAL or len(columns) == 8:
        natural, orgs, subtotal, total = values[0], values[1:6], values[6], values[7]
        return (abs(sum(_n(v) for v in orgs) - _n(subtotal)) < 1e-9
                and abs(_n(natural) + _n(subtotal) - _n(total)) < 1e-9)
    return abs(sum(_n(v) for v in values[:6]) - _n(values[6])) < 1e-9


def table4_block_ok(values) -> bool:
    """A 表四 block: 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计."""
    return abs(sum(_n(v) for v in values[:4]) - _n(values[4])) < 1e-9


def table3_columns_ok(rows: dict[str, list], edition: str, ncols: int) -> bool:
    """The column identities of 表三, every column: 一 + 二 = （七）总计 + 四, and （七） = （一）+…+（六）."""
    outcome = OUTCOME_ROWS_2021 if edition == "2021" else OUTCOME_ROWS_2019
    for c in range(ncols):
        new, carried = _n(rows["一、本年新收"][c]), _n(rows["二、上年结转"][c])
        closed, out = _n(rows["（七）总计"][c]), _n(rows["四、结转下年度"][c])
        if abs(new + carried - closed - out) > 1e-9:
            return False
        if abs(sum(_n(rows[k][c]) for k in outcome) - closed) > 1e-9:
            return False
    return True
