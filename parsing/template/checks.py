"""A reviewer's checks of the template tables: sums, balances, prose against tables, year to year."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from parsing.template.tables import (
    APPEAL_BLOCKS,
    APPLICANT_COLUMNS,
    READ,
    UNKNOWN,
    Table,
    Tables,
    Value,
    number,
    penalty_decisions,
    table2_value,
)

PASS, FAIL, NOT_ASSESSABLE = "PASS", "FAIL", "NOT_ASSESSABLE"


@dataclass
class Check:
    rule: str
    status: str
    detail: str
    cells: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "status": self.status, "detail": self.detail, "cells": self.cells}


def _cell(table: Table, row: str, column: str, value: Value) -> dict[str, Any]:
    start, end = table.spans.get(row, table.span)
    out = {"table": table.name, "row": row, "column": column, "value": value, "start": start, "end": end}
    how = table.how_of(row, column)
    if how != READ:
        out["how"] = how  # derived (placed by the identities) or unknown (the printed form cannot show it)
    return out


def _fmt(value: Value, how: str | None = None) -> str:
    if how == UNKNOWN:
        return "无法从原文确定"
    if value is None:
        return "空白"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _equation(rule: str, left: list[tuple[dict, Value]], right: list[tuple[dict, Value]], text: str) -> Check:
    # a cell dict may be shared by several checks (check_table3 makes each once): each check gets its own copy
    left = [({**c, "side": "left"}, v) for c, v in left]
    right = [({**c, "side": "right"}, v) for c, v in right]
    both = left + right
    cells = [c for c, _v in both]
    if not all(isinstance(v, (int, float)) for _c, v in both):  # number(v) is None: blank, unknown or a marker
        odd = "、".join(f"{c['row']}（{c['column']}）为{_fmt(v, c.get('how'))}" for c, v in both if number(v) is None)
        return Check(rule, NOT_ASSESSABLE, f"无法判断：{odd}，不是数字。", cells)
    lsum = sum(v for _c, v in left)
    rsum = sum(v for _c, v in right)
    status = PASS if abs(lsum - rsum) < 1e-9 else FAIL
    verdict = "相符" if status == PASS else "不相符"
    return Check(rule, status, f"{text}：{_fmt(lsum)} 与 {_fmt(rsum)}，{verdict}。", cells)


def outcome_rows(table: Table) -> list[str]:
    return [key for key in table.rows if key.startswith(("（一）", "（二）", "（三）", "（四）", "（五）", "（六）"))]


def check_table3(t3: Table) -> list[Check]:
    out = []
    # every cell once, as (its cell dict, its value): a table of 25 rows × 8 columns feeds ~45 checks
    grid = {}
    for row, values in t3.rows.items():
        start, end = t3.spans.get(row, t3.span)
        codes = t3.how.get(row) or [READ] * len(values)
        for col, v, how in zip(t3.columns, values, codes, strict=False):
            cell = {"table": t3.name, "row": row, "column": col, "value": v, "start": start, "end": end}
            if how != READ:
                cell["how"] = how
            grid[(row, col)] = (cell, v)

    def term(row: str, col: str) -> tuple[dict, Value]:
        return grid.get((row, col)) or (_cell(t3, row, col, None), None)  # a row the table lacks reads blank

    for col in t3.columns:
        cells = [term(r, col) for r in ("一、本年新收", "二、上年结转", "（七）总计", "四、结转下年度")]
        out.append(_equation(f"表三勾稽关系（{col}列）", cells[:2], cells[2:],
                             f"{col}列 一（本年新收）+ 二（上年结转）= （七）总计 + 四（结转下年度）"))
    outcomes = outcome_rows(t3)
    for col in t3.columns:
        parts = [term(r, col) for r in outcomes]
        out.append(_equation(f"表三办理结果合计（{col}列）", parts, [term("（七）总计", col)],
                             f"{col}列（一）至（六）各项之和 = （七）总计"))
    applicants = [c for c in APPLICANT_COLUMNS if c in t3.columns]
    for row in t3.rows:
        parts = [term(row, c) for c in applicants]
        out.append(_equation(f"表三申请人合计（{row}）", parts, [term(row, "总计")], f"“{row}”行各类申请人之和 = 总计"))
        if "法人或其他组织小计" in t3.columns:
            out.append(_equation(f"表三法人小计（{row}）", parts[1:], [term(row, "法人或其他组织小计")],
                                 f"“{row}”行法人或其他组织五列之和 = 小计"))
    return out


def check_table4(t4: Table) -> list[Check]:
    out = []
    for block in APPEAL_BLOCKS:
        values = t4.rows.get(block)
        if values is None:
            continue
        parts = [(_cell(t4, block, c, t4.cell(block, c)), t4.cell(block, c)) for c in t4.columns[:4]]
        total = [(_cell(t4, block, "总计", t4.cell(block, "总计")), t4.cell(block, "总计"))]
        out.append(_equation(f"表四合计（{block}）", parts, total, f"{block}：四种结果之和 = 总计"))
    return out


PROSE_RULES = {
    "applications_received": ("正文与表格一致（申请数）", "表三", "一、本年新收", "总计"),
    "reconsideration": ("正文与表格一致（行政复议）", "表四", "行政复议", "总计"),
    "litigation": ("正文与表格一致（行政诉讼）", "表四", None, "总计"),
    "penalties": ("正文与表格一致（行政处罚）", "表二", "行政处罚", None),
}


def check_prose(tables: Tables, prose: dict[str, tuple[Value, Any]]) -> list[Check]:
    out = []
    for key, (rule, table_name, row, col) in PROSE_RULES.items():
        if key not in prose:
            continue
        stated, ev = prose[key]
        prose_cell = {"table": "正文", "row": ev.text if ev else "", "column": "", "value": stated,
                      "start": ev.start if ev else 0, "end": ev.end if ev else 0}
        if key == "litigation":
            t4 = tables.table4
            if t4 is None or not t4.rows:
                continue
            cells = [(_cell(t4, b, "总计", t4.cell(b, "总计")), t4.cell(b, "总计"))
                     for b in ("未经复议直接起诉", "复议后起诉")]
        elif key == "penalties":
            t2 = tables.table2
            if t2 is None or "行政处罚" not in t2.rows:
                continue
            value = penalty_decisions(t2)
            cells = [(_cell(t2, "行政处罚", "处理决定数量", value), value)]
        else:
            table = tables.table3 if table_name == "表三" else tables.table4
            if table is None or not table.rows:
                continue
            cells = [(_cell(table, row, col, table.cell(row, col)), table.cell(row, col))]
            if key == "applications_received":
                other = _other_reading(table, stated)
                if other is not None:
                    out.append(other(rule, prose_cell, stated))
                    continue
        out.append(_equation(rule, [(prose_cell, stated)], cells, f"正文所写数字 = {table_name}"))
    return out


# A prose count of applications may be another reading of 表三: 共受理 749 件 beside 新收 713 and 上年结转 36 is
# new + carried; 办结 N 件 is （七）总计. Either is consistent with the table, not a disagreement.
OTHER_READINGS = (
    (("一、本年新收", "二、上年结转"), "正文所写数字 = 表三 一（本年新收）+ 二（上年结转）"),
    (("（七）总计",), "正文所写数字 = 表三（七）总计（办结数）"),
)


def _other_reading(t3: Table, stated: Value):
    if not isinstance(stated, (int, float)) or number(t3.cell("一、本年新收", "总计")) == stated:
        return None
    for rows, text in OTHER_READINGS:
        values = [t3.cell(r, "总计") for r in rows]
        if all(isinstance(v, (int, float)) for v in values) and abs(sum(values) - stated) < 1e-9:
            def make(rule, prose_cell, stated, rows=rows, values=values, text=text):
                right = [(_cell(t3, r, "总计", v), v) for r, v in zip(rows, values, strict=True)]
                return _equation(rule, [(prose_cell, stated)], right, text)
            return make
    return None


def check_report(tables: Tables, prose: dict[str, tuple[Value, Any]]) -> list[Check]:
    out: list[Check] = []
    if tables.table3 is not None and tables.table3.rows:
        out += check_table3(tables.table3)
    if tables.table4 is not None and tables.table4.rows:
        out += check_table4(tables.table4)
    out += check_prose(tables, prose)
    return out


def check_years(prev: dict, cur: dict, prev_year: int, cur_year: int) -> list[Check]:
    """This year's 上年结转 = last year's 结转下年度; 现行有效 carries over (2021 layout)."""
    out = []
    p3, c3 = prev.get("表三"), cur.get("表三")
    if p3 and c3:
        for col in c3["columns"]:
            if col not in p3["columns"]:
                continue
            last = p3["rows"].get("四、结转下年度", [None] * len(p3["columns"]))[p3["columns"].index(col)]
            now = c3["rows"].get("二、上年结转", [None] * len(c3["columns"]))[c3["columns"].index(col)]
            left = [({"table": f"{prev_year}年表三", "row": "四、结转下年度", "column": col, "value": last}, last)]
            right = [({"table": f"{cur_year}年表三", "row": "二、上年结转", "column": col, "value": now}, now)]
            out.append(_equation(f"跨年衔接（上年结转·{col}列）", left, right,
                                 f"{prev_year}年结转下年度 = {cur_year}年上年结转"))
    p2, c2 = prev.get("表二"), cur.get("表二")
    if p2 and c2 and p2.get("layout") == "2021" and c2.get("layout") == "2021":
        for row in ("规章", "行政规范性文件"):
            if row not in p2["rows"] or row not in c2["rows"]:
                continue
            before = p2["rows"][row][2]
            made, repealed, now = c2["rows"][row]
            left = [({"table": f"{prev_year}年表二", "row": row, "column": "现行有效", "value": before}, before),
                    ({"table": f"{cur_year}年表二", "row": row, "column": "本年制发", "value": made}, made)]
            right = [({"table": f"{cur_year}年表二", "row": row, "column": "现行有效", "value": now}, now),
                     ({"table": f"{cur_year}年表二", "row": row, "column": "本年废止", "value": repealed}, repealed)]
            out.append(_equation(f"跨年衔接（现行有效·{row}）", left, right,
                                 f"{prev_year}年现行有效 + {cur_year}年本年制发 = {cur_year}年现行有效 + 本年废止"))
    return out


__all__ = ["Check", "check_report", "check_years", "table2_value", "PASS", "FAIL", "NOT_ASSESSABLE"]
