"""The reviewer's checklist: rules declared in parsing/data/rules.toml, one function per rule kind.

Every result is a check dict like the table checks' (rule, status, detail, cells) plus rule_id, severity
(FAIL / WARN / INFO) and basis. status is PASS, FAIL (the rule is broken; its severity says how badly) or
NOT_ASSESSABLE (the text does not hold what the rule needs: no date, an excerpt that stops early).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from parsing.analysis.themes import repetition, tag, themes
from parsing.paths import DATA_DIR
from parsing.template.checks import FAIL, NOT_ASSESSABLE, PASS

RULES_FILE = DATA_DIR / "rules.toml"
TEXT_KINDS = ("present", "pattern", "year-agrees", "deadline", "sections-in-order", "required-content",
              "layout-year", "boilerplate", "answered")
CORPUS_KINDS = ("copied-tables", "similar-to-last-year")
BUILT_IN_KINDS = ("table-sum", "prose-equals-table", "across-years")  # computed in checks.py, annotated here


@lru_cache(maxsize=1)
def rules() -> tuple[dict[str, Any], ...]:
    with open(RULES_FILE, "rb") as fh:
        data = tomllib.load(fh)["rule"]
    known = set(TEXT_KINDS + CORPUS_KINDS + BUILT_IN_KINDS)
    bad = [r.get("id") for r in data if r.get("kind") not in known or r.get("severity") not in ("FAIL", "WARN", "INFO")]
    if bad:
        raise ValueError(f"rules.toml: unknown kind or severity in {bad}")
    return tuple(data)


def _result(rule: dict, status: str, detail: str, cells: list | None = None) -> dict[str, Any]:
    return {"rule": rule["title"], "status": status, "detail": detail, "cells": cells or [],
            "rule_id": rule["id"], "severity": rule["severity"], "basis": rule["basis"]}


def is_table_check(check: dict[str, Any]) -> bool:
    """A check of the template tables' arithmetic (or of prose against them, or year to year)."""
    return check.get("rule_id") in {r["id"] for r in rules() if r["kind"] in BUILT_IN_KINDS}


def annotate(check: dict[str, Any]) -> dict[str, Any]:
    """A table check from checks.py gets its rule's id, severity and basis (matched by its name's prefix)."""
    for rule in rules():
        if rule["kind"] in BUILT_IN_KINDS and check["rule"].startswith(rule["prefix"]):
            return {**check, "rule_id": rule["id"], "severity": rule["severity"], "basis": rule["basis"]}
    return {**check, "rule_id": "", "severity": "FAIL", "basis": ""}


YEAR_IN_PERIOD = re.compile(r"统计(?:期限|时限|区间|时间|周期|范围)[^。\n]{0,12}?(\d{4})\s*年")
YEAR_IN_TITLE = re.compile(r"(\d{4})\s*年(?:度)?[^。\n]{0,30}?(?:政府信息公开|政务公开|信息公开)[^。\n]{0,16}?报告")
DATE = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?")
DATE_LINE = re.compile(r"(?:发布日期|发布时间|成文日期|公开日期|日期|时间)\s*[:：]?\s*(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})")


def publication_date(text: str) -> tuple[int, int, int] | None:
    """The date a report was published: a 发布日期 line near the top, else the date of the signature (落款)."""
    m = DATE_LINE.search(text[:800])
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    tail = "\n".join([line for line in text.strip().split("\n") if line.strip()][-3:])  # the 落款 lines
    dates = list(DATE.finditer(tail[-120:]))
    if dates:
        m = dates[-1]
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    return None


def check_text(record, text: str) -> list[dict[str, Any]]:
    """Every text-level rule on one report (record: parsing.types.Report; text: the simplified text)."""
    out = []
    for rule in rules():
        kind = rule["kind"]
        if kind not in TEXT_KINDS:
            continue
        result = _KINDS[kind](rule, record, text)
        if result is not None:
            out.append(result)
    return out


def _present(rule, record, text):
    value = getattr(record, rule["field"])
    return _result(rule, PASS if value is not None else FAIL, "已写明" if value is not None else rule["message"])


def _pattern(rule, record, text):
    hit = any(re.search(p, text) for p in rule["patterns"])
    return _result(rule, PASS if hit else FAIL, "已写明" if hit else rule["message"])


PERIOD = re.compile(r"统计(?:期限|时限|区间|时间|周期|范围)[^。\n]{0,12}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
                    r"[^。\n\d]{0,8}?(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _year_agrees(rule, record, text):
    if rule["source"] == "period":
        m = PERIOD.search(text)
        if m and record.year is not None:
            start, end = int(m.group(1)), int(m.group(4) or m.group(1))
            whole = (m.group(2), m.group(3), m.group(5), m.group(6)) == ("1", "1", "12", "31") and start == end
            ok = whole and start == record.year
            shown = m.group()[m.group().find(m.group(1)):]
            return _result(rule, PASS if ok else FAIL, "相符" if ok else
                           f"统计期限为“{shown}”，不是报告年份（{record.year}年）的 1 月 1 日至 12 月 31 日")
    pattern = YEAR_IN_PERIOD if rule["source"] == "period" else YEAR_IN_TITLE
    m = pattern.search(text if rule["source"] == "period" else text[:600])
    if m is None or record.year is None:
        return _result(rule, NOT_ASSESSABLE, "正文没有写明" + ("统计期限" if rule["source"] == "period" else "标题年份"))
    found = int(m.group(1))
    ok = found == record.year
    return _result(rule, PASS if ok else FAIL, "相符" if ok else rule["message"].format(found=found, year=record.year))


def _deadline(rule, record, text):
    if record.year is None:
        return None
    date = publication_date(text)
    government = record.agency_type in rule.get("government_types", ())
    # 2008–2018 (the 2008 条例): every report by 3月31日; from the 2019 条例: departments by 1月31日
    month, day = (3, 31) if government or record.year < 2019 else (1, 31)
    deadline = (record.year + 1, month, day)
    shown = f"{deadline[0]}年{month}月{day}日"
    if date is None:
        return _result(rule, NOT_ASSESSABLE, f"未找到发布日期（落款或发布日期一行），期限为 {shown}")
    if record.agency_type is None and record.year >= 2019 and deadline < date <= (record.year + 1, 3, 31):
        # the deadline depends on the kind of body: a department's (1月31日) is not applied to an unknown author
        return _result(rule, NOT_ASSESSABLE, f"发布日期 {date[0]}年{date[1]}月{date[2]}日；未能确定发布机构的类别，"
                       f"部门的期限为 {shown}，人民政府为 {record.year + 1}年3月31日")
    ok = date <= deadline
    when = f"{date[0]}年{date[1]}月{date[2]}日"
    return _result(rule, PASS if ok else FAIL,
                   f"发布日期 {when}，期限 {shown}" if ok else rule["message"].format(date=when, deadline=shown))


SECTION_MARK = re.compile(r"^[一二三四五六七八]\s*[、.．]\s*")
SECTION_LINE = re.compile(r"^(?:#{1,6}\s*|\*\*)?[一二三四五六七八]\s*[、.．]")


def section_titles(text: str) -> list[str]:
    """The report's top-level headings as the forms print them: "二、主动公开…" on one line, "二、" on a line
    of its own and the title on the next (a crawler's text nodes), Markdown headings ("## 二、…"), bold
    headings; squeezed of whitespace and Markdown marks. The intro's list of the six parts is prose, not here."""
    lines = [ln.strip() for ln in text.split("\n")]
    out = []
    for i, line in enumerate(lines):
        if not SECTION_LINE.match(line):
            continue
        title = re.sub(r"[#*\s]", "", line)
        title = SECTION_MARK.sub("", title)
        if not title:  # "二、" alone: the title is the next line with text
            nxt = next((ln for ln in lines[i + 1:i + 3] if ln), "")
            title = re.sub(r"[#*\s]", "", nxt)
        head = re.split(r"[。：:]", title, maxsplit=1)[0]
        if 0 < len(head) <= 40:
            out.append(head)
    return out


def _section_key(name: str) -> re.Pattern[str]:
    """A section's name with its 及/和/、 variants (存在的主要问题和改进情况, 行政复议及行政诉讼)."""
    if re.search(r"[及和与]", name):  # 存在的主要问题及改进情况 / …及改进措施
        return re.compile(re.escape(re.split(r"[及和与]", name)[0]))
    parts = [re.escape(p) for p in name.split("、") if p]
    return re.compile(".{0,6}".join(parts) if len(parts) > 1 else re.escape(name[:4]))


def _sections(rule, record, text):
    if record.format != "template2019":
        return None
    titles = section_titles(text)
    found = []
    for name in rule["sections"]:
        key = _section_key(name)
        at = next((i for i, t in enumerate(titles) if name in t or key.search(t)), None)
        found.append(at)
    present = [i for i in found if i is not None]
    missing = [n for n, i in zip(rule["sections"], found, strict=True) if i is None]
    if not missing and present == sorted(present):
        return _result(rule, PASS, "六个部分齐全，顺序正确")
    last_present = max((k for k, i in enumerate(found) if i is not None), default=-1)
    inner_missing = [n for k, (n, i) in enumerate(zip(rule["sections"], found, strict=True)) if i is None and k < last_present]
    if present != sorted(present):
        return _result(rule, FAIL, "各部分的顺序与模板不同")
    if inner_missing:
        return _result(rule, FAIL, "未找到以下部分的标题：" + "、".join(inner_missing))
    return _result(rule, NOT_ASSESSABLE, "文本在“" + missing[0] + "”之前结束（可能只是节选）")


def _required(rule, record, text):
    if record.agency_type not in rule["agency_types"]:
        return None  # departments are exempt
    hit = any(re.search(p, text) for p in rule["patterns"])
    return _result(rule, PASS if hit else FAIL, "已写明" if hit else rule["message"])


def _layout(rule, record, text):
    layout = (record.tables.get("表二") or {}).get("layout")
    if record.format != "template2019" or not layout or record.year is None:
        return None
    expected = "2021" if record.year >= 2021 else "2019"
    ok = layout == expected
    return _result(rule, PASS if ok else FAIL, f"{layout}版" if ok else
                   rule["message"].format(year=record.year, layout=layout, expected=expected))


def _boilerplate(rule, record, text):
    if not record.problems:
        return None
    codes = {h.code for h in tag(record.problems, "problem")}
    vague = codes == {"P00"}
    return _result(rule, FAIL if vague else PASS, rule["message"] if vague else "问题写得具体")


def _answered(rule, record, text):
    problems = {h.code for h in tag(record.problems, "problem")} - {"P00"}
    if not problems or not record.measures:
        return None
    measures = {h.code for h in tag(record.measures, "measure")}
    answers = {t.code: t.answers for t in themes() if t.side == "measure"}
    names = {t.code: t.name for t in themes()}
    missing = sorted(p for p in problems if not any(answers.get(m) == p for m in measures))
    return _result(rule, FAIL if missing else PASS,
                   rule["message"].format(missing="、".join(names[m] for m in missing)) if missing else "都有对应措施")


_KINDS = {"present": _present, "pattern": _pattern, "year-agrees": _year_agrees, "deadline": _deadline,
          "sections-in-order": _sections, "required-content": _required, "layout-year": _layout,
          "boilerplate": _boilerplate, "answered": _answered}


def _cells(tables: dict) -> dict[tuple[str, str, int], Any]:
    out = {}
    for name, table in (tables or {}).items():
        for row, values in (table.get("rows") or {}).items():
            for i, v in enumerate(values or []):
                out[(name, row, i)] = v
    return out


def _masked(record) -> str:
    return re.sub(r"\d{4}", "####", (record.problems or "") + (record.measures or ""))


def check_across_years(prev, cur) -> list[dict[str, Any]]:
    """Corpus-level rules between one agency's report (cur) and its previous year's (prev): Report objects."""
    out = []
    for rule in rules():
        if rule["kind"] == "copied-tables":
            a, b = _cells(prev.tables), _cells(cur.tables)
            if not a or not b:
                continue
            numeric = [k for k, v in b.items() if isinstance(v, (int, float))]
            nonzero = [k for k in numeric if b[k] != 0]
            # Mostly zeros (a small office's tables): the cells alone prove little, so the problems and
            # measures must also read the same once years are masked (a report re-issued with a new year).
            compared = nonzero if len(nonzero) >= 5 else numeric
            if not compared:
                continue
            same = sum(1 for k in compared if a.get(k) == b[k])
            copied = same / len(compared) >= rule["share"]
            if copied and len(nonzero) < 5:
                copied = fuzz.ratio(_masked(cur), _masked(prev)) >= 95
            detail = rule["message"].format(same=same, total=len(compared), prev=prev.year, share=rule["share"])
            out.append(_result(rule, FAIL if copied else PASS, detail if copied else f"{same}/{len(compared)} 相同"))
        elif rule["kind"] == "similar-to-last-year":
            if not cur.problems or not prev.problems:
                continue
            share, _pairs = repetition(cur.problems, prev.problems)
            similar = share >= rule["share"]
            out.append(_result(rule, FAIL if similar else PASS,
                               rule["message"].format(percent=share, prev=prev.year) if similar
                               else f"{share:.0%} 的分句与上年相同"))
    return out


def rule_table() -> str:
    """The table of rules in docs/字段与规则.md, generated from rules.toml (tests/docs/test_docs.py keeps it in step)."""
    lines = ["| id | kind | severity | what it checks | basis |", "|---|---|---|---|---|"]
    for r in rules():
        lines.append(f"| {r['id']} | {r['kind']} | {r['severity']} | {r['title']} | {r['basis']} |")
    return "\n".join(lines)
