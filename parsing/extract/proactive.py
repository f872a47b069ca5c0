"""主动公开 in prose: the year's total (stated, approximate, cumulative) and its category breakdown."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from parsing.document import Document, Span
from parsing.extract.channels import ChannelHit, channel_named
from parsing.schema import Evidence
from parsing.text.numbers import NUMBER, parse_number
from parsing.text.scan import ahead, back

NUM = rf"(?P<num>{NUMBER})\s*(?P<approx>余|多)?"
CLAUSE_END = "，,。；;！？!?\n"

# 主动公开政府信息N条 / 发布各类政务信息共计N条 / 主动公开文件N件 / 公开信息总数为N篇 / 发布信息N余次
OBJECT = r"(?:了)?(?:各类|各项|相关|有关)?(?:政府|政务|工作)?(?:信息|文件)(?:总数|数量|总量|共)?"
PROACTIVE = re.compile(
    rf"(?P<cum>累计)?[^{CLAUSE_END}]{{0,6}}?(?:主动公开|主动发布|公开|发布|公布)(?:的)?{OBJECT}"
    rf"(?:共|共计|总计|合计|累计|计|为|达|达到|总数为|数量为|总数达|约|近|大约|将近)*\s*{NUM}\s*(?P<unit>条|件|项|篇|次)"
)
PROACTIVE_ALT = re.compile(
    rf"主动公开[^{CLAUSE_END}]{{0,20}}?(?:[，,]\s*)?(?:共|共计|总计|合计)\s*{NUM}\s*(?P<unit>条|件|项|篇)"
)
# 全年主动公开涉及脱贫攻坚、污染防治、教育医疗等重点领域各类政府信息11543件: the fields listed between the verb
# and 各类政府信息 (no sentence or clause end inside the list but its 、)
PROACTIVE_WIDE = re.compile(
    rf"主动公开(?:了)?(?:涉及|包括|围绕)[^。；;！？\n]{{2,80}}?(?:各类|各项)(?:政府|政务)?信息\s*(?:共|共计|合计)?\s*{NUM}\s*"
    rf"(?P<unit>条|件|项|篇)"
)
PROACTIVE_NUM_FIRST = re.compile(
    rf"(?P<cum>累计)?(?:共|共计|全年)?主动公开(?:了)?\s*{NUM}\s*(?P<unit>条|件|项|篇)(?:各类|各项)?(?:政府|政务)?信息"
)
# 通过网站、微博、电视等方式主动公开…: a list of channels before the total does not make it one channel's count
CHANNEL_LIST = re.compile(r"、[^，,。；;]{0,30}?等(?:方式|渠道|平台|形式|载体|途径|媒体)|各(?:种|类)[^，,。；;]{0,12}?(?:方式|渠道|平台|媒体)")
RUNNING_TOTAL = re.compile(r"截[至止]|到\s*\d{4}\s*年底|以来|自\s*\d{4}\s*年|历年|至今|建站")
NEW_THIS_YEAR = re.compile(
    r"其中[^，,。；;]{0,4}?(?:本年度|本年|当年|今年|年度内|\d{4}\s*年度?)[^，,。；;]{0,4}?(?:新增|新发布|新公开|公开|发布)")
# 累计……1562条，其中本年度新增284条 / 其中2012年新增公开信息137条: the year's own figure, without a verb+object
PROACTIVE_NEW = re.compile(
    rf"其中[^{CLAUSE_END}]{{0,4}}?(?:本年度|本年|当年|今年|年度内|\d{{4}}\s*年度?)[^{CLAUSE_END}\d]{{0,3}}?"
    rf"(?:新增|新发布|新公开)(?:的)?(?:主动)?(?:公开|发布)?(?:的)?(?:各类)?(?:政府|政务)?(?:信息)?\s*{NUM}\s*(?P<unit>条|件|项|篇)"
)
STRONG = re.compile(r"共|总计|合计|总数|全年|全部|本年度|年度内|今年度|各类")
BREAKDOWN_ITEM = re.compile(
    rf"^(?:其中|包括|主要包括|分别为|分别是|即|含)?[：:]?\s*(?P<cat>[\u4e00-\u9fff“”]{{2,14}}?)"
    rf"(?:类)?(?:公开)?(?:类)?(?:信息)?(?:类)?(?:共|计)?\s*{NUM}\s*(?P<unit>条|件|项|篇|份|则)$"
)
# a clause about how or when items went out, not what they were (a channel's name is told apart with channels.csv)
BAD_CATEGORY = re.compile(r"通过|发布|在|利用|主动公开|全年|^共|共计|合计|总计|累计|其中")
# 依申请公开0件，不予公开125件: what became of requests, not a kind of information disclosed
REQUEST_OUTCOME = re.compile(r"依申请|申请|不予|部分公开|予以公开|同意公开|答复|受理|办结|告知|转办|不属于|不存在|"
                             r"咨询|复议|诉讼|投诉|举报|信访")
BRACKETED = re.compile(r"[（(][^（()）]*[）)]")
# a clause that opens another statement ends the list of categories
NEW_STATEMENT = re.compile(r"^(?:[共并还另均又]|同时|另外|此外)?(?:收到|受理|办理|召开|举办|报送|移送|移交|送交|向|按照|根据)")


@dataclass
class Counted:
    value: int | float | None = None
    evidence: Evidence | None = None
    warnings: list[str] = field(default_factory=list)
    approximate: bool = False
    cumulative: bool = False


def _between(hits: list[ChannelHit], start: int, end: int) -> list[ChannelHit]:
    """The channel hits (sorted by start) with start <= h.start < end, by bisection."""
    lo = bisect_left(hits, start, key=lambda h: h.start)
    hi = bisect_left(hits, end, key=lambda h: h.start)
    return hits[lo:hi]


def in_any(pos: int, spans: list[Span]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def proactive_total(doc: Document, hits: list[ChannelHit], skip: list[Span]) -> tuple[Counted, Span | None]:
    """主动公开政府信息 N 条: the best-supported statement of the year's total.

    Counted.approximate is set for 400余条 (the figure users want to see, marked as approximate)."""
    text = doc.text
    candidates = []
    seen: set[int] = set()
    for pattern in (PROACTIVE_NEW, PROACTIVE, PROACTIVE_ALT, PROACTIVE_WIDE, PROACTIVE_NUM_FIRST):  # most specific first
        for m in pattern.finditer(text):
            if m.start("num") in seen or in_any(m.start(), skip):
                continue
            seen.add(m.start("num"))
            if text[max(0, m.start() - 3):m.start() + 3].find("依申请") != -1 or \
                    re.search(r"申请|不予|解读|回复|答复|办理", text[max(0, m.start() - 4):m.start("num")]):
                continue  # 依申请公开 N 件 / 不予公开 N 件 / 解读 N 条 are not proactive disclosure
            line_start = back(text, "\n", m.start())
            if "\t" in text[line_start:m.end()]:
                continue
            clause_start = back(text, CLAUSE_END, m.start("num"))
            clause = text[clause_start:m.end()]
            s_start, _ = doc.sentence_at(m.start())
            before = text[s_start:m.start("num")]
            named = {h.channel for h in _between(hits, s_start, m.start("num"))}
            listed = bool(CHANNEL_LIST.search(before)) and (len(named) >= 2 or bool(re.search(r"各(?:种|类)", before)))
            unit = m.group("unit")
            new_here = pattern is PROACTIVE_NEW
            # 2016年，我局累计发布信息400余条: a year's sentence that sums up is the year's figure
            year_sum = bool(re.match(r"\s*(?:\d{4}\s*年|本年|全年|今年)", text[s_start:])) and "累计" in clause
            if "主动" not in clause and not STRONG.search(clause) and not listed and not new_here and not year_sum \
                    and not _under_proactive_heading(text, m.start()):
                continue
            if unit == "次" and not listed and "主动" not in clause:
                continue  # 发布 N 次 counts occasions unless it is the list of all channels
            if re.search(r"公开(?:了)?$", text[clause_start:m.start("num")]) is None and \
                    re.search(r"[\u4e00-\u9fff]{2,6}类(?:信息)?$", text[clause_start:m.start("num")].rstrip("共计为达 ")) \
                    and "各类" not in clause:
                continue  # 通知公告类信息 20 条 is one category
            about = re.search(r"(?:约|近|大约|将近)\s*$", text[max(0, m.start("num") - 3):m.start("num")])
            num = parse_number(m.group("num"), m.group("approx") or ("约" if about else ""))
            if num is None or (num.as_int is None and not num.approximate):
                continue
            score = 0
            score += 2 if STRONG.search(text[max(s_start, m.start() - 12):m.end()]) else 0
            score += 1 if "主动" in clause else 0
            score += 1 if re.match(r"\s*(?:\d{4}年|本年|全年|今年)", text[s_start:]) else 0
            score += 1 if listed else 0
            # a count that belongs to one channel (微博、微信 …) is not the year's total
            own = {h.channel for h in _between(hits, s_start, m.start("num")) if h.channel != "政府网站"}
            if own and not listed and len(own) == 1:
                score -= 2
            new_this_year = new_here or bool(NEW_THIS_YEAR.search(text[max(s_start, m.start() - 16):m.start("num")]))
            if new_this_year:
                score += 3  # 累计267条，其中本年度新增76条: the year's own figure
            elif "其中" in text[s_start:m.start()] or "占" in text[max(s_start, m.start() - 6):m.start()]:
                score -= 3  # 其中…N条 is a part of a total stated before it
            cumulative = bool(m.groupdict().get("cum")) or "累计" in before[-20:] or bool(RUNNING_TOTAL.search(before))
            running = bool(RUNNING_TOTAL.search(before)) and not new_this_year
            year_sentence = bool(re.match(r"\s*(?:\d{4}\s*年|本年|全年|今年)", text[s_start:]))
            if cumulative and not running and not year_sentence:
                score -= 1  # 2015年……累计532条 is the year's figure; elsewhere 累计 may span years
            # the channel a count belongs to is named in its own clause: 增强政府网站作用，全年主动公开各类政府信息53条
            # is the year's total, not the website's
            in_clause = {h.channel for h in _between(hits, clause_start, m.start("num"))}
            single = next(iter(named)) if len(named) == 1 and in_clause == named and not CHANNEL_LIST.search(before) \
                and "各类" not in clause else None
            candidates.append((score, -m.start(), m, num, cumulative and not new_this_year, clause_start, running,
                               single))
    if not candidates:
        return Counted(warnings=["未找到主动公开信息总数（正文没有写明本年度主动公开的条数）"]), None
    # a running total over several years (截至…累计) is taken only when no year's own figure is stated
    candidates.sort(key=lambda c: (c[0] >= 0, not c[6], c[0], c[1]), reverse=True)
    score, _neg, m, num, cumulative, clause_start, running, single = candidates[0]
    if score < 0:
        return Counted(warnings=["未找到主动公开信息总数（正文只写了某一渠道或某一类的数量）"]), None
    value = int(num.value)
    if single and _other_channel_counted(text, hits, single, skip, m.start()):
        return Counted(warnings=[f"未找到主动公开信息总数（正文只分渠道写了数量，{value}条只是“{single}”一个渠道的）"]), None
    out = Counted(value, Evidence.span(text, clause_start, m.end()), approximate=num.approximate)
    if single:
        out.warnings.append(f"正文只写了通过“{single}”发布的{value}条，没有写明各渠道合计，按本年度总数显示")
    if num.approximate:
        out.warnings.append(f"主动公开数量只给出约数（“{text[clause_start:m.end()][-12:]}”），按约{value}条显示")
    if cumulative:
        out.cumulative = True
        out.warnings.append(f"主动公开数量{value}条表述为“累计”，可能不只是本年度的数量")
    others = {int(c[3].value) for c in candidates if c[0] >= score and not c[6] and c[3].value is not None} - {out.value}
    if others:
        out.warnings.append(f"主动公开数量有多处不同表述（{', '.join(map(str, sorted(others)))}），采用{out.value}")
    return out, Span(clause_start, m.end())


CHANNEL_COUNT = re.compile(rf"{NUM}\s*(?:条|件|篇)")  # items, not occasions (发布会1次)


def _other_channel_counted(text: str, hits: list[ChannelHit], channel: str, skip: list[Span], at: int) -> bool:
    """Does the text give a number for another channel (微信公众号发布信息420条)?"""
    for h in hits:
        if h.channel == channel or h.start == at or in_any(h.start, skip):
            continue
        clause_end = ahead(text, CLAUSE_END, h.end)
        clause_start = back(text, CLAUSE_END, h.start)
        in_clause = {o.channel for o in _between(hits, clause_start, clause_end)}
        if len(in_clause) != 1 or "等" in text[clause_start:clause_end]:
            continue  # 日报、电视台等媒体发布192条 counts several channels together
        if CHANNEL_COUNT.search(text, h.end, clause_end):
            return True
    return False


def _under_proactive_heading(text: str, pos: int) -> bool:
    """Inside the 主动公开 section: 公开政府信息 N 条 there is the proactive figure."""
    heading = text.rfind("主动公开", max(0, pos - 400), pos)
    if heading == -1:
        return False
    line_start = back(text, "\n", heading)
    line_end = text.find("\n", heading)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    return len(line) <= 30 and line_end != -1 and line_end < pos


def proactive_breakdown(doc: Document, total_span: Span | None, total: int | None
                        ) -> tuple[dict[str, int], dict[str, Evidence], list[str]]:
    """Categories of the disclosed items stated right after the total: 其中机构职能16条，政策法规10条…

    Only kinds of information count: a request outcome (不予公开 N 件), a channel (抖音短视频 N 条: channels.csv
    names it; a channel's count belongs to channel_counts) or a part larger than the whole is left out with a
    warning; a category counted in another unit than the total (7400条，其中…执法文书6873份) is kept with a note.
    What the categories leave uncovered (total − their sum) is the report's 未分类 rest."""
    text = doc.text
    if total_span is None:
        return {}, {}, []
    _s, end = doc.sentence_at(total_span.end - 1)
    tail_end = end
    nxt = text[end:end + 4]
    if nxt.startswith(("其中", "包括")):
        _s2, tail_end = doc.sentence_at(end + 1)
    breakdown: dict[str, int] = {}
    evidence: dict[str, Evidence] = {}
    warnings: list[str] = []
    units: dict[str, str] = {}
    total_unit = text[total_span.end - 1]
    pos = total_span.end
    region = text[pos:tail_end]
    # what a bracket holds is a sub-list of one category (专栏74条（包括指南1条、年报1条…）): read past it
    masked = region
    while True:
        unmasked = masked
        masked = BRACKETED.sub(lambda b: "〔" + "·" * (len(b.group()) - 2) + "〕", masked)
        if masked == unmasked:
            break
    for piece in re.finditer(r"[^，,；;、。\n]+", masked):
        chunk = re.sub(r"〔·*〕", "", piece.group().strip())
        if NEW_STATEMENT.match(chunk):
            break  # …46条，共收到县人大、政协建议提案4件 / ，向市档案馆报送…: another statement, not the list
        m = BREAKDOWN_ITEM.match(chunk)
        if not m:
            continue
        said = chunk[m.start("cat"):m.start("num")].strip().strip("“”")  # 依申请公开 / 政府信息公开 / 抖音短视频
        cat = re.sub(r"(?:公开|类|方面|信息)+$", "", m.group("cat").strip("“”"))
        if cat in ("政府", "政务", "工作"):  # 政府信息公开 46条 is not a category called 政府
            cat = re.sub(r"(?:类|共|计)+$", "", said)
        cat = re.sub(r"^(?:其中|包括|主要包括|分别为|分别是)", "", cat)
        if len(cat) < 2 or BAD_CATEGORY.search(cat):
            continue
        num = parse_number(m.group("num"))
        if num is None or num.as_int is None or cat in breakdown:
            continue
        unit = m.group("unit")
        if REQUEST_OUTCOME.search(said):
            warnings.append(f"“{said}{num.as_int}{unit}”是依申请公开的办理情况，不是主动公开信息的分类，未列入分类")
            continue
        channel = channel_named(said)
        if channel:
            warnings.append(f"“{said}{num.as_int}{unit}”是一个公开渠道（{channel}）的数量，不是信息的分类，未列入分类")
            continue
        if total is not None and num.as_int > total:
            warnings.append(f"“{said}{num.as_int}{unit}”大于主动公开总数{total}{total_unit}，不是总数的一部分，未列入分类")
            continue
        breakdown[cat] = num.as_int
        units[cat] = unit
        s = pos + piece.start()
        evidence[f"proactive_breakdown.{cat}"] = Evidence.span(text, s, pos + piece.end())
    other_units = sorted({u for u in units.values() if u != total_unit})
    if other_units and total_unit in UNITS:
        named = "；".join(f"按“{u}”计：{'、'.join(c for c, cu in units.items() if cu == u)}" for u in other_units)
        warnings.append(f"分类的计量单位与总数（按“{total_unit}”计）不同（{named}），照原文列出")
    if breakdown and total is not None:
        covered = sum(breakdown.values())
        if covered != total:
            warnings.append(f"分类数量合计{covered}条，与主动公开总数{total}条不一致（分类只覆盖{covered}/{total}）")
    return breakdown, evidence, warnings


UNITS = "条件项篇份则"


def unclassified(total: int | float | None, breakdown: dict[str, int] | None,
                 approximate: bool = False, cumulative: bool = False) -> int | None:
    """What a report's categories leave uncovered of its stated total (未分类): None when there is no exact total
    of the year (none, 约400, 累计), no category, or the categories add up to more than the total (they are then
    not parts of it)."""
    if total is None or not breakdown or total != total or approximate or cumulative:  # total != total: NaN
        return None
    covered = sum(v for v in breakdown.values() if isinstance(v, (int, float)))
    rest = total - covered
    return int(rest) if rest >= 0 else None
