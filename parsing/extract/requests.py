"""依申请 and appeals in prose: applications received, fees, 行政复议 and 行政诉讼, penalties for cross-checks."""

from __future__ import annotations

import re

from parsing.document import Document, Span
from parsing.extract.proactive import CLAUSE_END, NUM, Counted, in_any
from parsing.extract.sections import find_section
from parsing.schema import Evidence
from parsing.text.numbers import parse_number

NEG = r"(?:无|没有|未|尚未|均未|均无|并未|暂无|未曾)"
APPLICATION_NUM = re.compile(
    rf"(?:收到|受理|接到|接收|办理|共有|新收|新受理)(?:了)?[^{CLAUSE_END}]{{0,30}}?申请[^{CLAUSE_END}\d]{{0,6}}?"
    rf"(?:共|共计|总计|合计|计|为)?\s*{NUM}\s*(?:件|条|个|份|项|次|宗|人次)"
)
APPLICATION_NUM_SHORT = re.compile(
    rf"依申请公开[^{CLAUSE_END}\d]{{0,10}}?(?:共|共计|总计|合计)?\s*{NUM}\s*(?:件|条|个|份|项|宗)"
)
APPLICATION_ZERO = re.compile(
    rf"{NEG}(?:收到|受理|接到|接收|发生|有|产生)?[^{CLAUSE_END}]{{0,20}}?申请"
    rf"|申请[^{CLAUSE_END}]{{0,10}}?(?:数量)?(?:为零|为0|0件)"
)
FEE_NUM = re.compile(rf"(?:收取|收费|收缴|信息处理费|检索费|复制费|邮寄费)[^{CLAUSE_END}\d]{{0,15}}?(?:共|共计|合计|为)?\s*{NUM}\s*(?P<unit>万元|元)")
FEE_ZERO = re.compile(
    rf"(?:{NEG}|不)[^{CLAUSE_END}]{{0,18}}?(?:收取|收费|收缴)|{NEG}[^{CLAUSE_END}]{{0,12}}?(?:收费|费用)"
    rf"|(?:收费|费用)[^{CLAUSE_END}]{{0,6}}?(?:为零|为0|0元)|免费"
    rf"|(?:信息处理费|收费金额|收费)(?:为|共|合计)?\s*0(?:\.0+)?\s*(?:元|万元)?(?![\d.])"
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


def _regions(doc: Document, heading: re.Pattern[str]) -> list[Span]:
    section = find_section(doc.text, heading, doc.headings)
    whole = Span(0, len(doc.text))
    return [section, whole] if section else [whole]


def _prose_sentences(doc: Document, region: Span):
    """The region's sentences that are prose (a tab-separated table row is not)."""
    text = doc.text
    for span in doc.sentences_in(region):
        s, e = span.start, span.end
        if "\t" in text[s:e]:
            continue
        yield s, e, text[s:e]


def applications_received(doc: Document, skip: list[Span]) -> Counted:
    text = doc.text
    def scan(region: Span):
        for s, e, sent in _prose_sentences(doc, region):
            if in_any(s, skip) or not re.search(r"公开|依申请", sent):
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
                if m and not re.search(r"无(?:正当)?理由", m.group()):
                    return Counted(0, Evidence.span(text, s, e))
        return None

    found = _first_in_order(text, _regions(doc, re.compile(r"依申请|申请")), scan)
    return found or Counted(warnings=["未找到依申请公开的申请数量"])


def fees(doc: Document, skip: list[Span]) -> Counted:
    text = doc.text
    def scan(region: Span, need_context: bool):
        for s, e, sent in _prose_sentences(doc, region):
            if in_any(s, skip):
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

    section = find_section(text, re.compile(r"收费|费用"), doc.headings)
    found = scan(section, False) if section else None
    found = found or scan(Span(0, len(text)), True)
    return found or Counted(warnings=["未找到信息公开收费情况"])


def appeals(doc: Document, skip: list[Span]) -> tuple[Counted, Counted]:
    """行政复议 and 行政诉讼 cases about disclosure, from prose statements."""
    text = doc.text
    results = {}
    stated = _table_totals_in_prose(doc, skip)
    for key, word in (("reconsideration", "复议"), ("litigation", "诉讼")):
        if key in stated:
            results[key] = stated[key]
            continue
        def scan(region: Span, word=word, in_section=False):
            for s, e, sent in _prose_sentences(doc, region):
                if in_any(s, skip) or word not in sent:
                    continue
                if not in_section and not re.search(r"信息公开|公开申请|依申请", sent):
                    continue
                for clause in re.finditer(rf"[^{CLAUSE_END}]+", sent):
                    c = clause.group()
                    at = c.find(word)
                    if at == -1:
                        continue
                    # a heading glued to the sentence (四、复议、诉讼情况2018年度我局未收到…复议…): read the last naming
                    negated = [i for i in (mm.start() for mm in re.finditer(word, c)) if re.search(NEG, c[:i])]
                    if negated and not re.search(NEG, c[:at]):
                        at = negated[0]
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
                    if re.search(r"纠错|败诉|撤销|确认违法|被改变", c):
                        continue  # 未发生被复议纠错或诉讼败诉: no case was lost, not no case at all
                    if re.search(NEG, c[:at]) or re.search(r"(?:为零|为0|0件)", c[at:]):
                        return Counted(0, Evidence.span(text, s, e))
            return None

        section = find_section(text, re.compile(word), doc.headings)
        found = scan(section, in_section=True) if section else None
        found = found or scan(Span(0, len(text)))
        label = "行政复议" if word == "复议" else "行政诉讼"
        results[key] = found or Counted(warnings=[f"未找到{label}情况"])
    return results["reconsideration"], results["litigation"]


RECON_TOTAL = re.compile(r"行政复议\s*[:：]?[^。\n]{0,60}?总计\s*(?P<num>\d+)")
LITIG_TOTALS = re.compile(r"未经复议直接起诉[^。\n\d]{0,6}?总计\s*(?P<a>\d+)[^。\n]{0,40}?复议后起诉[^。\n\d]{0,6}?总计\s*(?P<b>\d+)")


def _table_totals_in_prose(doc: Document, skip: list[Span]) -> dict[str, Counted]:
    """表四 written out as a sentence: 行政复议：结果维持0，结果纠正0，……总计0；行政诉讼：未经复议直接起诉总计0；
    复议后起诉总计0. The 总计 is the count (litigation: both 总计 added)."""
    text = doc.text
    out: dict[str, Counted] = {}
    for s, e, sent in _prose_sentences(doc, Span(0, len(text))):
        if in_any(s, skip):
            continue
        m = RECON_TOTAL.search(sent)
        if m and "reconsideration" not in out and "直接起诉" not in sent[:m.start("num")]:
            out["reconsideration"] = Counted(int(m.group("num")), Evidence.span(text, s, e))
        m = LITIG_TOTALS.search(sent)
        if m and "litigation" not in out:
            out["litigation"] = Counted(int(m.group("a")) + int(m.group("b")), Evidence.span(text, s, e))
    return out


PENALTY = re.compile(rf"行政处罚(?:决定)?(?:案件)?[^{CLAUSE_END}\d]{{0,8}}?(?:共|共计|合计)?\s*{NUM}\s*(?:件|起|宗|个|次)")
PENALTY_NUM_FIRST = re.compile(rf"(?:作出|下达)[^{CLAUSE_END}\d]{{0,6}}?{NUM}\s*(?:件|起|宗|个)?行政处罚")


def penalties(doc: Document) -> Counted:
    """行政处罚 decisions stated in prose (the template's 表二 has them too)."""
    text = doc.text
    for s, e, sent in _prose_sentences(doc, Span(0, len(text))):
        m = PENALTY.search(sent) or PENALTY_NUM_FIRST.search(sent)
        if m and "\t" not in sent:
            num = parse_number(m.group("num"))
            if num is not None and num.as_int is not None:
                return Counted(num.as_int, Evidence.span(text, s, e))
    return Counted()
