"""Headings and sections of a normalised report; the problems / measures split (clauses from parsing/document.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parsing.document import Document, Span
from parsing.text.normalize import HEADING_MARKER, is_table_line
from parsing.text.scan import ahead, back

SENTENCE_ENDS = "。！？!?\n"

LEVEL1 = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．，,]|第[一二三四五六七八九十]{1,3}[部章]分?)")
LEVEL2 = re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")

PROBLEM_HEAD = re.compile(r"问题|不足|差距|困难|短板|薄弱")
MEASURE_HEAD = re.compile(r"改进|下一步|今后|工作打算|工作计划|工作安排|努力方向|工作思路|措施|展望|工作重点|整改")
OTHER_HEAD = re.compile(r"其他需要报告|其它需要报告|其他事项|其它事项")

# A sentence that opens the improvement part when problems and measures share one passage.
MEASURE_START = re.compile(
    r"下一步|今后|下一年度|下年度|明年|新的一年|改进措施|整改措施|改进情况|改进方向|努力方向|工作打算|"
    r"提出以下|将从以下|从以下几个方面|重点做好以下|做好以下|采取以下|针对(?:上述|以上|这些|存在的|工作中|此|以上问题)|"
    r"为此|对此|我局将|我们将|本局将|我委将|我办将|我单位将"
)
PROBLEM_WORDS = re.compile(
    r"存在(?:的)?(?:一些|一定|主要)?(?:问题|不足|差距)|不足之处|差距|有待(?:提高|加强|完善|提升|改进)|"
    r"还不够|不够(?:及时|全面|完善|深入|规范|到位)|还需(?:要)?(?:进一步)?(?:加强|提高|提升|完善)|仍需|仍然存在|"
    r"薄弱|滞后|短板|欠缺|不足"
)
# An unnumbered heading line: 存在的问题 / 主要问题和改进措施 / 工作中存在的不足及下一步打算 / 改进措施
BARE_HEADING = re.compile(
    r"(?:[\u4e00-\u9fff]{0,10}?(?:工作)?(?:中)?(?:存在的?)?(?:主要)?(?:问题|不足)(?:和|及|与|以及)?)?"
    r"(?:(?:主要|今后的?|下一步的?)?(?:改进|整改)?(?:措施|情况|方向|打算|计划|工作打算|工作计划|工作措施|工作)?)?"
)
# A sentence that lists the report's parts (本报告包括概述、……存在的主要问题及改进情况) is not the problems part.
ABOUT_REPORT = re.compile(r"该报告|年报|年度报告|成效和存在的问题|成绩和问题|六部分|五部分|几部分|组成")
CONTENTS_SENTENCE = re.compile(r"全文|本报告|本年报|报告(?:内容)?(?:主要)?(?:包括|分为|由)|以下简称|以下称|统计期限")


@dataclass(frozen=True)
class Heading:
    level: int
    start: int  # offset of the heading line
    end: int  # offset just after the heading line (body starts here)
    title: str


@dataclass(frozen=True)
class Parts(Span):
    """A part made of several sub-sections that are not adjacent (（一）上年问题的改进情况 … （三）改进措施):
    start/end cover them all; the text is the sub-sections joined."""

    parts: tuple[Span, ...] = ()

    def of(self, text: str) -> str:
        return "\n".join(p.of(text) for p in self.parts)


@lru_cache(maxsize=16)
def headings(text: str) -> tuple[Heading, ...]:
    """Headings of a text (cached: every extractor asks for the same text's headings)."""
    return tuple(_headings(text))


def _headings(text: str) -> list[Heading]:
    out: list[Heading] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped or is_table_line(line):
            continue
        level = 1 if LEVEL1.match(stripped) else 2 if LEVEL2.match(stripped) else 0
        if level == 0 and _is_bare_heading(stripped):
            level = 3
        if not level:
            continue
        title = stripped
        # "（一）公开内容。2009年，……": the heading is the part before the first full stop.
        head = re.split(r"[。：:]", title, maxsplit=1)[0]
        if level < 3 and len(head) > 40:
            continue
        out.append(Heading(level, start, end if head == title else start + len(head), head))
    return out


def _is_bare_heading(line: str) -> bool:
    """Unnumbered sub-headings such as '改进措施：' or '存在的问题'."""
    core = line.rstrip("：:")
    if HEADING_MARKER.match(line) or len(core) > 24 or re.search(r"[，,。；;！？!?]", core):
        return False
    return len(core) >= 4 and bool(re.search(r"问题|不足|改进|整改|措施|打算|计划|下一步|方向", core)) \
        and bool(BARE_HEADING.fullmatch(core))


# The report's close: the signature (the body's name alone on a line), its date (a crawl writes 20 / 23 / 年 / 1 /
# 月 / 3 / 日 one piece a line), （此件主动公开）, and an 印发 line. It ends the last section: it is no problem or
# measure, and its words are not keywords.
SIGNATURE = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(?:局|厅|委|办|委员会|政府|办公室|办公厅|办事处|中心|镇|乡|街道|部|署|管委会|"
                       r"分局|支队|所|院)$")
DATE_PIECE = re.compile(r"^[0-9〇○零一二三四五六七八九十年月日号\s.\-/]{1,20}(?:印发)?$")
MARKING = re.compile(r"^[（(][^）)\n]{2,12}[）)]$")


@lru_cache(maxsize=16)
def closing_start(text: str) -> int:
    """Offset of the report's closing lines (signature, date, marking) at the end of text; len(text) if none."""
    end = len(text.rstrip())
    pos, start, signed, dated = end, end, False, False
    for _ in range(24):  # a closing is a few lines (a crawl's date is seven)
        line_start = text.rfind("\n", 0, pos) + 1
        line = text[line_start:pos].strip()
        if line:
            if SIGNATURE.match(line):
                signed, start = True, line_start
            elif DATE_PIECE.match(line) or MARKING.match(line):
                dated = dated or "年" in line or bool(re.match(r"^\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}$", line))
            else:
                break
        if line_start == 0:
            break
        pos = line_start - 1
    return start if signed and dated else len(text)


def section_body(text: str, heads: tuple[Heading, ...], index: int) -> Span:
    """From after heading `index` up to the next heading of the same or a higher level, or the report's close."""
    head = heads[index]
    end = max(head.end, closing_start(text))
    for other in heads[index + 1:]:
        if other.level <= head.level or OTHER_HEAD.search(other.title):
            end = other.start
            break
    return Span(head.end, end)


def find_section(text: str, pattern: re.Pattern[str], heads: tuple[Heading, ...] | None = None) -> Span | None:
    heads = headings(text) if heads is None else heads
    for i, head in enumerate(heads):
        if head.level < 3 and pattern.search(head.title):
            return section_body(text, heads, i)
    return None


@dataclass(frozen=True)
class ProblemsMeasures:
    problems: Span | None
    measures: Span | None
    warnings: tuple[str, ...] = ()


def _trim(text: str, span: Span | None) -> Span | None:
    if span is None:
        return None
    s, e = span.start, span.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e) if e > s else None


def problems_and_measures(doc: Document, year: int | None = None) -> ProblemsMeasures:
    text, heads = doc.text, doc.headings
    warnings: list[str] = []
    both = problem_only = measure_only = None
    for i, head in enumerate(heads):
        if OTHER_HEAD.search(head.title):
            continue
        is_problem = bool(PROBLEM_HEAD.search(head.title))
        is_measure = bool(MEASURE_HEAD.search(head.title))
        if is_problem and is_measure and both is None:
            both = i
        elif is_problem and not is_measure and problem_only is None:
            problem_only = i
        elif is_measure and not is_problem and measure_only is None and _plausible_measure_head(head.title):
            measure_only = i
    if both is not None:
        body = section_body(text, heads, both)
        # the heading may sit above sub-sections (（一）存在的问题 / （二）改进措施), in any order
        by_heads = _split_by_subheadings(text, body, heads, heads[both].level)
        return by_heads or _split(doc, body, year, warnings)
    if problem_only is not None and measure_only is not None:
        p = section_body(text, heads, problem_only)
        m = section_body(text, heads, measure_only)
        if m.start >= p.end or p.start >= m.end:
            return ProblemsMeasures(_trim(text, p), _trim(text, m))
    if problem_only is not None:
        return _split(doc, section_body(text, heads, problem_only), year, warnings)
    if measure_only is not None:
        m = section_body(text, heads, measure_only)
        warnings.append("未找到“存在的问题”部分")
        return ProblemsMeasures(None, _trim(text, m), tuple(warnings))
    # No heading: find the first passage that admits problems, from there to the end.
    for sent in doc.clauses_in():
        chunk = sent.of(text)
        if is_table_line(chunk) or not PROBLEM_WORDS.search(chunk):
            continue
        whole = text[back(text, SENTENCE_ENDS, sent.start):ahead(text, SENTENCE_ENDS, sent.start) + 1]
        if CONTENTS_SENTENCE.search(whole) or ABOUT_REPORT.search(whole):
            continue
        if not re.search(r"(?:但|仍|还|不过|然而|同时也|存在)", chunk):
            continue
        end = max(sent.end, closing_start(text))
        for head in heads:
            if head.start > sent.start and OTHER_HEAD.search(head.title):
                end = head.start
                break
        warnings.append("未找到“存在的问题及改进措施”标题，按措辞识别问题与改进部分")
        return _split(doc, Span(sent.start, end), year, warnings)
    return ProblemsMeasures(None, None, ("未找到“存在的问题及改进措施”部分",))


PROBLEM_START = re.compile(r"(?:同时|但|然而|不过)?[，,]?\s*(?:也要|也应|还要|也)?(?:清醒地)?看到|"
                           r"(?:我局|我们|本局)?[^，,。]{0,20}?(?:仍|还|也)存在(?:一些|以下|着)?(?:问题|不足|差距)|存在的(?:主要)?问题")
ITEM_MARKER = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[一二三四五六七八九十]是)\s*")
MEASURE_VERB = re.compile(r"(?:继续|进一步|持续|不断|加大|加强|完善|推进|拓宽|扩大|健全|深化|强化|提高|提升|做好|规范|建立)")


def _plausible_measure_head(title: str) -> bool:
    # "政府信息公开推进措施和落实情况" is about what was done, not about next steps.
    return not re.search(r"推进措施|保障措施|落实情况|采取的措施", title)


SUB_MEASURE = re.compile(r"改进|整改|措施|下一步|打算|计划|努力方向|工作重点")
SUB_PROBLEM = re.compile(r"问题|不足|差距|困难|短板")


def _split_by_subheadings(text: str, body: Span, heads: tuple[Heading, ...], level: int) -> ProblemsMeasures | None:
    """Sub-headings that each say what they hold: 上年问题的改进情况 and 改进措施 are measures, 本年存在的主要问题
    is problems. Used only when every sub-heading of the first level below says one or the other."""
    inside = [h for h in heads if body.start <= h.start < body.end and h.level > level]
    if len(inside) < 2:
        return None
    sub_level = min(h.level for h in inside)
    subs = [h for h in inside if h.level == sub_level]
    if len(subs) < 2 or len(text[body.start:subs[0].start].strip()) > 80:
        return None
    kinds = []
    for h in subs:
        if SUB_MEASURE.search(h.title):
            kinds.append("measure")  # 上年问题的改进情况 speaks of problems, but of what was done about them
        elif SUB_PROBLEM.search(h.title):
            kinds.append("problem")
        else:
            return None
    if "problem" not in kinds or "measure" not in kinds:
        return None
    spans = {"problem": [], "measure": []}
    for h, kind, nxt in zip(subs, kinds, [*subs[1:], None], strict=True):
        part = _trim(text, Span(h.start, nxt.start if nxt else body.end))
        if part:
            spans[kind].append(part)

    def joined(parts: list[Span]) -> Span | None:
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Parts(parts[0].start, parts[-1].end, tuple(parts))

    return ProblemsMeasures(joined(spans["problem"]), joined(spans["measure"]))


def _split(doc: Document, body: Span, year: int | None, warnings: list[str]) -> ProblemsMeasures:
    text = doc.text
    sents = [s for s in doc.clauses_in(body) if not is_table_line(s.of(text))]
    cut = None
    for k, sent in enumerate(sents):
        chunk = sent.of(text)
        if _is_measure_start(chunk, year):
            cut = k
            break
    if cut is None:
        if sents and not any(PROBLEM_WORDS.search(x.of(text)) for x in sents) and \
                MEASURE_VERB.match(ITEM_MARKER.sub("", sents[0].of(text).strip())):
            # 存在的问题及改进情况 that lists only what will be done (一、继续加大……): all of it is measures
            return ProblemsMeasures(None, _trim(text, body), tuple(warnings + ["“存在的问题”部分只写了改进措施，没有写问题"]))
        return ProblemsMeasures(_trim(text, body), None, tuple(warnings + ["未找到改进措施部分"]))
    split_at = sents[cut].start
    problems = _trim(text, Span(body.start, split_at))
    if problems is None:
        # 改进措施和存在的不足: the measures come first; a later sentence may open the problems
        later = next((x for x in sents[cut + 1:] if PROBLEM_START.match(ITEM_MARKER.sub("", x.of(text).strip()))),
                     None)
        if later is not None:
            return ProblemsMeasures(_trim(text, Span(later.start, body.end)),
                                    _trim(text, Span(split_at, later.start)), tuple(warnings))
        warnings.append("未找到“存在的问题”部分")
    measures = _trim(text, Span(split_at, body.end))
    return ProblemsMeasures(problems, measures, tuple(warnings))


def _is_measure_start(sentence: str, year: int | None) -> bool:
    core = sentence.strip()
    if re.fullmatch(r"[（(]?[一二三四五六七八九十\d]*[）)、.]?\s*(?:改进措施|改进情况|下一步(?:工作)?(?:打算|计划|措施)?|"
                    r"今后(?:工作)?(?:打算|计划)|工作(?:打算|计划)|努力方向)[：:。]?", core):
        return True
    m = re.match(r"^(\d{4})年(?:度)?[，,]?(.{0,40})", core)
    if m and "将" in m.group(2) and (year is None or int(m.group(1)) > year):
        return True
    head = core[:60]
    if MEASURE_START.search(head):
        # "存在的问题和不足" alone does not open the measures; the marker does.
        return True
    return False
