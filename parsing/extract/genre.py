"""What the document is: the report's year and its format (free prose or the 2019/2021 national template)."""

from __future__ import annotations

import re
from collections import Counter

from parsing.schema import FORMAT_PROSE, FORMAT_TEMPLATE, Evidence, Report
from parsing.text.numbers import year_from_token
from parsing.text.scan import inside_book_title

YEAR = r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年"
TITLE_YEAR = re.compile(YEAR + r"(?:度)?[^。\n]{0,30}?(?:政府信息公开|政务公开|信息公开)[^。\n]{0,16}?报告")
PERIOD_YEAR = re.compile(
    r"统计(?:期限|时限|区间|时间|周期|范围)[^。\n]{0,12}?" + YEAR + r"\s*1\s*月\s*1\s*日[^。\n]{0,6}?"
    r"(?:至|到|—|-|－|~)\s*(?:(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*)?12\s*月\s*31\s*日")
ANY_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年(?!\s*\d{1,2}\s*月)")


def extract_year(text: str, meta: Report) -> None:
    """The report's year: the statistics period, else the title, else the most frequent year (with a warning)."""
    head = text[:600]
    title = TITLE_YEAR.search(head)
    period = PERIOD_YEAR.search(text)
    title_year = year_from_token(title.group(1)) if title else None
    period_year = year_from_token(period.group(1)) if period else None
    if period and period.group(2) and year_from_token(period.group(2)) != period_year:
        meta.warnings.append("统计期限跨年，年份取起始年")
    if title_year and period_year and title_year != period_year:
        meta.warnings.append(f"年份不一致：标题为{title_year}年，统计期限为{period_year}年；取统计期限")
    if period_year and _plausible(period_year):
        meta.year = period_year
        meta.evidence["year"] = Evidence.span(text, period.start(), period.end())
        return
    if title_year and _plausible(title_year):
        meta.year = title_year
        meta.evidence["year"] = Evidence.span(text, title.start(), title.end())
        return
    counts: Counter = Counter()
    first: dict[int, re.Match] = {}
    for m in ANY_YEAR.finditer(text):
        if inside_book_title(text, m.start()):
            continue
        y = int(m.group(1))
        if _plausible(y):
            counts[y] += 1
            first.setdefault(y, m)
    if not counts:
        meta.warnings.append("未找到报告年份")
        return
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        meta.warnings.append("报告年份不明确：正文中多个年份出现次数相同")
        return
    year = ranked[0][0]
    meta.year = year
    m = first[year]
    meta.evidence["year"] = Evidence.span(text, m.start(), m.end())
    meta.warnings.append(f"报告年份未在标题或统计期限中写明，按正文中最常出现的年份（{year}年）推断")


def _plausible(year: int | None) -> bool:
    return year is not None and 2000 <= year <= 2100


# ---------------------------------------------------------------- format

TEMPLATE_MARKERS = re.compile(
    r"第二十条第[（(][一二三四五六七八九十][）)]项|收到和处理政府信息公开申请情况|本年新收政府信息公开申请数量|结转下年度继续办理|"
    r"本年制发件数|本年新制作数量|未经复议直接起诉|收到和处理政府信息公开申请情况|上年结转政府信息公开申请数量")


TEMPLATE_FIRST_YEAR = 2019
TEMPLATE_WEAK = re.compile(r"总体情况|国务院令第\s*711\s*号|年度报告格式|主动公开政府信息情况\s*\n|"
                           r"政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况")


def detect_format(text: str) -> tuple[str, Evidence | None]:
    hits = list(TEMPLATE_MARKERS.finditer(text))
    # the 第二十条 table caption and the template's own heading for requests exist only in the template
    strong = [h for h in hits if h.group().startswith("第二十条")] or \
        [h for h in hits if h.group().startswith("收到和处理")]
    if strong or len({h.group() for h in hits}) >= 2:
        h = (strong or hits)[0]
        return FORMAT_TEMPLATE, Evidence.span(text, h.start(), h.end())
    return FORMAT_PROSE, None


def extract_format(text: str, meta: Report) -> None:
    """The format by its template markers (the year may settle it later: settle_format_by_year)."""
    meta.format, evidence = detect_format(text)
    if evidence:
        meta.evidence["format"] = evidence


def settle_format_by_year(text: str, meta: Report) -> None:
    if meta.format == FORMAT_PROSE and meta.year is not None and meta.year >= TEMPLATE_FIRST_YEAR:
        # Reports on 2019 onwards follow the national template (国办公开办函〔2019〕60号); an excerpt cut
        # before its tables still belongs to it. The template's own words, if any, are the evidence.
        weak = TEMPLATE_WEAK.search(text)
        meta.format = FORMAT_TEMPLATE
        meta.evidence["format"] = Evidence.span(text, weak.start(), weak.end()) if weak else meta.evidence["year"]
        if not weak:
            meta.warnings.append(f"未见年报模板的表格或标题，按报告年份（{meta.year}年，新格式自2019年度起）判为2019年模板")
