"""Counts stated in prose: proactive disclosure (with categories), applications, fees, appeals."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .channels import ChannelHit
from .numbers import NUMBER, parse_number
from .sections import Span, find_section
from .types import Evidence

NUM = rf"(?P<num>{NUMBER})\s*(?P<approx>余|多)?"
CLAUSE_END = "，,。；;！？!?\n"

PROACTIVE = re.compile(
    rf"(?P<cum>累计)?[^{CLAUSE_END}]{{0,6}}?(?:主动)?公开(?:了)?(?:各类|各项)?(?:政府|政务)?信息"
    rf"(?:总数|数量|总量)?(?:共|共计|总计|合计|计|为|达|达到|总数为|数量为)*\s*{NUM}\s*(?P<unit>条|件|项|篇)"
)
PROACTIVE_ALT = re.compile(
    rf"主动公开[^{CLAUSE_END}]{{0,20}}?(?:[，,]\s*)?(?:共|共计|总计|合计)\s*{NUM}\s*(?P<unit>条|件|项|篇)"
)
PROACTIVE_NUM_FIRST = re.compile(
    rf"(?P<cum>累计)?(?:共|共计|全年)?主动公开(?:了)?\s*{NUM}\s*(?P<unit>条|件|项|篇)(?:各类|各项)?(?:政府|政务)?信息"
)
STRONG = re.compile(r"共|总计|合计|总数|全年|全部|本年度|年度内")
BREAKDOWN_ITEM = re.compile(
    rf"^(?:其中|包括|主要包括|分别为|分别是|即|含)?[：:]?\s*(?P<cat>[\u4e00-\u9fff“”]{{2,14}}?)"
    rf"(?:类)?(?:公开)?(?:类)?(?:信息)?(?:类)?(?:共|计)?\s*{NUM}\s*(?:条|件|项|篇)$"
)
BAD_CATEGORY = re.compile(r"通过|发布|在|利用|网站|微博|微信|报|电视|主动公开|全年|共|累计|其中")


@dataclass
class Counted:
    value: int | float | None = None
    evidence: Evidence | None = None
    warnings: list[str] = field(default_factory=list)


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(c, 0, pos) for c in "。！？\n") + 1
    ends = [i for i in (text.find(c, pos) for c in "。！？\n") if i != -1]
    return start, (min(ends) + 1 if ends else len(text))


def _in_any(pos: int, spans: list[Span]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def proactive_total(text: str, hits: list[ChannelHit], skip: list[Span]) -> tuple[Counted, Span | None]:
    """主动公开政府信息 N 条: the best-supported statement of the year's total."""
    candidates = []
    for pattern in (PROACTIVE, PROACTIVE_ALT, PROACTIVE_NUM_FIRST):
        for m in pattern.finditer(text):
            if _in_any(m.start(), skip):
                continue
            if text[max(0, m.start() - 3):m.start() + 3].find("依申请") != -1 or \
                    "申请" in text[max(0, m.start() - 4):m.start("num")]:
                continue  # 依申请公开政府信息 N 条 answers requests; it is not proactive disclosure
            line_start = text.rfind("\n", 0, m.start()) + 1
            if "\t" in text[line_start:m.end()]:
                continue
            clause_start = max(text.rfind(c, 0, m.start("num")) for c in CLAUSE_END) + 1
            clause = text[clause_start:m.end()]
            if "主动" not in clause and not STRONG.search(clause):
                continue
            num = parse_number(m.group("num"), m.group("approx") or "")
            if num is None or num.as_int is None:
                continue
            s_start, _ = _sentence_bounds(text, m.start())
            before = text[s_start:m.start("num")]
            score = 0
            score += 2 if STRONG.search(text[max(s_start, m.start() - 12):m.end()]) else 0
            score += 1 if "主动" in clause else 0
            score += 1 if re.match(r"\s*(?:\d{4}年|本年|全年|今年)", text[s_start:]) else 0
            # a count that belongs to one channel (微博、微信 …) is not the year's total
            own = [h for h in hits if s_start <= h.start < m.start("num") and h.channel != "政府网站"]
            if own:
                score -= 2
            if re.search(r"其中|占", text[max(s_start, m.start() - 6):m.start()]):
                score -= 3
            cumulative = bool(m.groupdict().get("cum")) or "累计" in before[-20:] or \
                bool(re.search(r"截[至止]", before))
            if cumulative:
                score -= 1  # a stated year's figure beats a running total
            candidates.append((score, -m.start(), m, num, cumulative, clause_start))
    if not candidates:
        return Counted(warnings=["未找到主动公开信息总数"]), None
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    score, _neg, m, num, cumulative, clause_start = candidates[0]
    if score < 0:
        return Counted(warnings=["未找到主动公开信息总数（只找到某一渠道或某一类的数量）"]), None
    if num.approximate:
        return Counted(warnings=[f"主动公开数量只给出约数（“{m.group('num')}{m.group('approx')}”），不作为确切数字"]), \
            Span(clause_start, m.end())
    out = Counted(int(num.value), Evidence.span(text, clause_start, m.end()))
    if cumulative:
        out.warnings.append(f"主动公开数量{int(num.value)}条表述为“累计”，可能不只是本年度的数量")
    others = {int(c[3].value) for c in candidates if c[0] >= score and c[3].as_int is not None} - {out.value}
    if others:
        out.warnings.append(f"主动公开数量有多处不同表述（{', '.join(map(str, sorted(others)))}），采用{out.value}")
    return out, Span(clause_start, m.end())


def proactive_breakdown(text: str, total_span: Span | None, total: int | None
                        ) -> tuple[dict[str, int], dict[str, Evidence], list[str]]:
    """Categories stated right after the total: 其中机构职能16条，政策法规10条…"""
    if total_span is None:
        return {}, {}, []
    _s, end = _sentence_bounds(text, total_span.end - 1)
    tail_end = end
    nxt = text[end:end + 4]
    if nxt.startswith(("其中", "包括")):
        _s2, tail_end = _sentence_bounds(text, end + 1)
    breakdown: dict[str, int] = {}
    evidence: dict[str, Evidence] = {}
    pos = total_span.end
    for piece in re.finditer(r"[^，,；;、。\n]+", text[pos:tail_end]):
        chunk = re.sub(r"[（(][^）)]*[）)]$", "", piece.group().strip())
        m = BREAKDOWN_ITEM.match(chunk)
        if not m:
            continue
        cat = re.sub(r"(?:公开|类|方面|信息)+$", "", m.group("cat").strip("“”"))
        cat = re.sub(r"^(?:其中|包括|主要包括|分别为|分别是)", "", cat)
        if len(cat) < 2 or BAD_CATEGORY.search(cat):
            continue
        num = parse_number(m.group("num"))
        if num is None or num.as_int is None or cat in breakdown:
            continue
        breakdown[cat] = num.as_int
        s = pos + piece.start()
        evidence[f"proactive_breakdown.{cat}"] = Evidence.span(text, s, pos + piece.end())
    warnings = []
    if breakdown and total is not None:
        covered = sum(breakdown.values())
        if covered != total:
            warnings.append(f"分类数量合计{covered}条，与主动公开总数{total}条不一致（分类只覆盖{covered}/{total}）")
    return breakdown, evidence, warnings


# ------------------------------------------------------------ applications, fees, appeals

NEG = r"(?:无|没有|未|尚未|均未|均无|并未|暂无|未曾)"
APPLICATION_NUM = re.compile(
    rf"(?:收到|受理|接到|接收|办理|共有)(?:了)?[^{CLAUSE_END}]{{0,16}}?申请[^{CLAUSE_END}\d]{{0,6}}?"
    rf"(?:共|共计|总计|合计|计|为)?\s*{NUM}\s*(?:件|条|个|份|项|次|宗|人次)"
)
APPLICATION_NUM_SHORT = re.compile(
    rf"依申请公开[^{CLAUSE_END}\d]{{0,10}}?(?:共|共计|总计|合计)?\s*{NUM}\s*(?:件|条|个|份|项|宗)"
)
APPLICATION_ZERO = re.compile(
    rf"{NEG}(?:收到|受理|接到|接收|发生|有|产生)?[^{CLAUSE_END}]{{0,20}}?申请"
    rf"|申请[^{CLAUSE_END}]{{0,10}}?(?:数量)?(?:为零|为0|0件)"
)
FEE_NUM = re.compile(rf"(?:收取|收费|收缴)[^{CLAUSE_END}\d]{{0,15}}?(?:共|共计|合计)?\s*{NUM}\s*(?P<unit>万元|元)")
FEE_ZERO = re.compile(
    rf"(?:{NEG}|不)[^{CLAUSE_END}]{{0,10}}?(?:收取|收费|收缴)|{NEG}[^{CLAUSE_END}]{{0,12}}?(?:收费|费用)"
    rf"|(?:收费|费用)[^{CLAUSE_END}]{{0,6}}?(?:为零|为0|0元)|免费"
)
FEE_CONTEXT = re.compile(r"信息公开|政府信息|公开申请|依申请|检索|复制|复印|工本费|邮寄|信息处理费|收费及减免|收费和减免")
FEE_PLAIN_ZERO = re.compile(rf"{NEG}收取(?:任何|相关)?[^{CLAUSE_END}]{{0,4}}费用")
NORMATIVE = re.compile(r"不得|可以收取|应当|依照规定|按照规定收取|办法规定|条例规定")


def _first_in_order(text: str, regions: list[Span], fn):
    for region in regions:
        result = fn(region)
        if result is not None:
            return result
    return None


def _regions(text: str, heading: re.Pattern[str]) -> list[Span]:
    section = find_section(text, heading)
    whole = Span(0, len(text))
    return [section, whole] if section else [whole]


def _prose_sentences(text: str, region: Span):
    for m in re.finditer(r"[^。！？\n]+[。！？]?", text[region.start:region.end]):
        s, e = region.start + m.start(), region.start + m.end()
        if "\t" in text[s:e]:
            continue
        yield s, e, text[s:e]


def applications_received(text: str, skip: list[Span]) -> Counted:
    def scan(region: Span):
        for s, e, sent in _prose_sentences(text, region):
            if _in_any(s, skip) or not re.search(r"公开|依申请", sent):
                continue
            # clause by clause: "收到申请34件，发生行政复议1件" states both; an appeal clause is not a request count
            for clause in re.finditer(rf"[^{CLAUSE_END}]+", sent):
                c = clause.group()
                if re.search(r"复议|诉讼", c):
                    continue
                m = APPLICATION_NUM.search(c) or APPLICATION_NUM_SHORT.search(c)
                if m:
                    num = parse_number(m.group("num"))
                    if num is not None and num.as_int is not None:
                        return Counted(num.as_int, Evidence.span(text, s, e))
                m = APPLICATION_ZERO.search(c)
                if m and not re.search(r"无正当理由", m.group()):
                    return Counted(0, Evidence.span(text, s, e))
        return None

    found = _first_in_order(text, _regions(text, re.compile(r"依申请|申请")), scan)
    return found or Counted(warnings=["未找到依申请公开的申请数量"])


def fees(text: str, skip: list[Span]) -> Counted:
    def scan(region: Span, need_context: bool):
        for s, e, sent in _prose_sentences(text, region):
            if _in_any(s, skip):
                continue
            if need_context and not FEE_CONTEXT.search(sent) and not FEE_PLAIN_ZERO.search(sent):
                continue
            if re.search(r"行政事业性收费", sent) or NORMATIVE.search(sent):
                continue  # 表二's fee row is about licences; a restated rule is not a fact
            m = FEE_NUM.search(sent)
            if m:
                num = parse_number(m.group("num"))
                if num is not None:
                    value = num.value * (10000 if m.group("unit") == "万元" else 1)
                    return Counted(int(value) if float(value).is_integer() else value, Evidence.span(text, s, e))
            if FEE_ZERO.search(sent):
                return Counted(0, Evidence.span(text, s, e))
        return None

    section = find_section(text, re.compile(r"收费|费用"))
    found = scan(section, False) if section else None
    found = found or scan(Span(0, len(text)), True)
    return found or Counted(warnings=["未找到信息公开收费情况"])


def appeals(text: str, skip: list[Span]) -> tuple[Counted, Counted]:
    """行政复议 and 行政诉讼 cases about disclosure, from prose statements."""
    results = {}
    for key, word in (("reconsideration", "复议"), ("litigation", "诉讼")):
        def scan(region: Span, word=word, in_section=False):
            for s, e, sent in _prose_sentences(text, region):
                if _in_any(s, skip) or word not in sent:
                    continue
                if not in_section and not re.search(r"信息公开|公开申请|依申请", sent):
                    continue
                for clause in re.finditer(rf"[^{CLAUSE_END}]+", sent):
                    c = clause.group()
                    at = c.find(word)
                    if at == -1:
                        continue
                    num = re.search(rf"{word}[^{CLAUSE_END}\d]{{0,10}}?{NUM}\s*(?:件|起|宗|次|例|个)", c) or \
                        re.search(rf"{NUM}\s*(?:件|起|宗|例)[^{CLAUSE_END}\d]{{0,6}}?{word}", c)
                    subset = re.search(rf"其中[^{CLAUSE_END}]{{0,20}}?信息公开[^{CLAUSE_END}\d]{{0,8}}?{NUM}\s*(?:件|起|宗|例)",
                                       sent[clause.end():])
                    if num and subset:
                        num = subset  # 复议4件，其中涉及政府信息公开的1件: only the disclosure cases count
                    if num:
                        n = parse_number(num.group("num"))
                        if n is not None and n.as_int is not None:
                            return Counted(n.as_int, Evidence.span(text, s, e))
                    if "未经复议" in c or "复议后" in c:
                        continue  # 表四's column headings, not statements
                    if re.search(NEG, c[:at]) or re.search(r"(?:为零|为0|0件)", c[at:]):
                        return Counted(0, Evidence.span(text, s, e))
            return None

        section = find_section(text, re.compile(word))
        found = scan(section, in_section=True) if section else None
        found = found or scan(Span(0, len(text)))
        label = "行政复议" if word == "复议" else "行政诉讼"
        results[key] = found or Counted(warnings=[f"未找到{label}情况"])
    return results["reconsideration"], results["litigation"]


PENALTY = re.compile(rf"行政处罚(?:决定)?(?:案件)?[^{CLAUSE_END}\d]{{0,8}}?(?:共|共计|合计)?\s*{NUM}\s*(?:件|起|宗|个|次)")
PENALTY_NUM_FIRST = re.compile(rf"(?:作出|下达)[^{CLAUSE_END}\d]{{0,6}}?{NUM}\s*(?:件|起|宗|个)?行政处罚")


def penalties(text: str) -> Counted:
    """行政处罚 decisions stated in prose (the template's 表二 has them too)."""
    for s, e, sent in _prose_sentences(text, Span(0, len(text))):
        m = PENALTY.search(sent) or PENALTY_NUM_FIRST.search(sent)
        if m and "\t" not in sent:
            num = parse_number(m.group("num"))
            if num is not None and num.as_int is not None:
                return Counted(num.as_int, Evidence.span(text, s, e))
    return Counted()
