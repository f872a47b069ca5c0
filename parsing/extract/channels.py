"""Which disclosure channels a report says it used, and numbers tied to exactly one channel."""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from parsing.document import Span
from parsing.paths import DATA_DIR
from parsing.schema import Evidence
from parsing.text.numbers import NUMBER, parse_number
from parsing.text.scan import ahead, back

DATA = DATA_DIR
CHANNELS = ("政府网站", "政务微博", "政务微信", "政务新媒体", "报刊", "广播电视", "新闻发布会",
            "查阅场所", "服务窗口", "热线电话", "公开栏", "公众参与活动")
NEGATION = re.compile(r"(?:未|没有|尚未|暂未|暂无|无|不再)[^，,。；;]{0,4}$")
VISIT = re.compile(r"(?:直接)?(?:到|至|前往|在)([^，,。；;\n]{1,15}?)(?:查询|查阅|索取|获取|申请获取)")
ONLINE = re.compile(r"网|微信|微博|平台|系统|客户端|APP|热线|电话", re.I)
CLAUSE = re.compile(r"[^，,。；;：:！？!?\n]+")
COUNT = re.compile(rf"(?P<num>{NUMBER})\s*(?P<approx>余|多)?\s*(?P<unit>条|次|场|期|篇|则|档|个)")
# Words that look like a channel but are not one.
FALSE_FRIENDS = re.compile(
    r"电视电话会议|视频会议|电话会议|窗口期|网站群系统|网站建设|网站维护"
    # a column of the website (政务公开栏目 / 网站政务公开栏) is the website, not a notice board
    r"|(?:公开|公示|信息)栏目|网站?[^，,。；;、]{0,4}(?:公开|公示)栏|(?:信息|政务)公开平台(?:标准化)?建设"
    # 平台和窗口 / 重要窗口 speak of a window figuratively
    r"|(?:平台|桥梁|纽带|重要|的)和?窗口|窗口作用|窗口单位|关闭窗口|打印本页"
    # 便民服务中心设立的查阅点 / 政务服务中心政府信息查阅室 / …服务中心的政务公开栏: the centre only says where
    r"|(?:政务|便民)服务中心(?=[^，,。；;]{0,16}?(?:查阅|公开栏|公示栏))"
)
# 网站主要内容包括……官方微博、官方微信、联系我们 / 开设了在线访谈、意见征集等栏目: the site's own columns
COLUMN_LIST = re.compile(r"栏目|网站(?:主要)?内容(?:主要)?包括|版块|板块")
AGENCY_AFTER = re.compile(r"^(?:总局|局|厅|委员会|委|办公室|中心|集团|公司)")
# a plan is not a channel in use; 计划 as a noun (执法检查计划) is not a plan of the agency's
FUTURE = re.compile(r"下一步|今后|明年|(?:^|[，,；;：:]|我局|我们|本局)\s*(?:计划|拟|准备)|将(?:开通|建立|开设|推出|上线|建设|探索)")
NEWSPAPER_TITLE = re.compile(r"《[^》\n]{1,14}(?:报|刊|杂志|周刊)》")


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    with open(DATA / "channels.csv", encoding="utf-8") as fh:
        table = {r["synonym"].upper(): r["channel"] for r in csv.DictReader(fh)}
    unknown = set(table.values()) - set(CHANNELS)
    if unknown:
        raise ValueError(f"channels.csv names channels outside the vocabulary: {sorted(unknown)}")
    return table


@lru_cache(maxsize=1)
def _synonym_re() -> re.Pattern[str]:
    words = sorted(synonyms(), key=len, reverse=True)
    alternatives = "|".join(rf"(?<!\d){re.escape(w)}(?!\d)" if w.isdigit() else re.escape(w) for w in words)
    # a lookahead on the words' first characters: re skips every other position at once (4× faster scan)
    firsts = "".join(sorted({re.escape(c) for w in words for c in (w[0].lower(), w[0].upper())}))
    return re.compile(f"(?=[{firsts}])(?:{alternatives})", re.I)


def channel_named(phrase: str) -> str | None:
    """The channel a phrase names (抖音短视频 → 政务新媒体, 微信公众号 → 政务微信), or None."""
    m = _synonym_re().search(phrase)
    return synonyms()[m.group().upper()] if m else None


@dataclass(frozen=True)
class ChannelHit:
    channel: str
    start: int
    end: int


def _excluded(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """Spans where a channel word is not a statement of use: problems, measures, 《book titles》,
    and words that merely look like a channel (电视电话会议)."""
    out = [(s.start, s.end) for s in spans]
    for m in re.finditer(r"《[^》\n]{0,60}》", text):
        if not NEWSPAPER_TITLE.fullmatch(m.group()):  # 《XX日报》 names a newspaper: that is a channel
            out.append((m.start(), m.end()))
    out += [(m.start(), m.end()) for m in FALSE_FRIENDS.finditer(text)]
    return out


class _SpanIndex:
    """Excluded spans sorted by start, so each lookup is a bisection plus the few spans that reach pos."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _e in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def __contains__(self, pos: int) -> bool:
        hi = bisect_right(self.starts, pos)
        lo = bisect_left(self.starts, pos - self.longest)
        return any(s <= pos < e for s, e in self.spans[lo:hi])


def find_channels(text: str, exclude: list[Span]) -> list[ChannelHit]:
    """Channel mentions outside the excluded spans (problems, measures) and outside 《book titles》."""
    skip = _SpanIndex(_excluded(text, exclude))
    hits: list[ChannelHit] = []
    for m in _synonym_re().finditer(text):
        if m.start() in skip:
            continue
        line_start, line_end = back(text, "\n", m.start()), ahead(text, "\n", m.start())
        if "\t" in text[line_start:line_end]:
            continue  # table cells are not statements of use
        if NEGATION.search(text[max(line_start, m.start() - 8):m.start()]):
            continue
        if AGENCY_AFTER.match(text[m.end():m.end() + 3]) and m.group() not in ("政府网", "门户网"):
            continue  # 广播电视局 is an agency's name, not a channel
        sentence_start = back(text, "。！？；;\n", m.start())
        if FUTURE.search(text[sentence_start:m.start()]):
            continue  # a plan is not a channel in use
        if _in_column_list(text, m.start(), m.end(), sentence_start) and synonyms()[m.group().upper()] != "政府网站":
            continue
        if m.group() == "新媒体" and _in_heading(text, line_start, m.start()):
            continue  # （二）新媒体公开。依托“××”微信公众号……: the heading names the topic; the body the channel
        hits.append(ChannelHit(synonyms()[m.group().upper()], m.start(), m.end()))
    for m in VISIT.finditer(text):
        if m.start() in skip or ONLINE.search(m.group(1)):
            continue
        if re.search(r"窗口|服务大厅|办事大厅", m.group(1)):
            continue  # 在政务服务中心窗口查询: the window is the channel named
        hits.append(ChannelHit("查阅场所", m.start(), m.end()))
    hits.sort(key=lambda h: h.start)
    return hits


HEADING_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])")


def _in_heading(text: str, line_start: int, pos: int) -> bool:
    """pos lies in a numbered heading: after its marker, before the heading's first 。/：."""
    m = HEADING_START.match(text, line_start)
    return bool(m) and not re.search(r"[。：:，,]", text[m.end():pos]) and pos - m.end() <= 16


def _in_column_list(text: str, start: int, end: int, sentence_start: int) -> bool:
    """A channel word inside an enumeration of the website's columns (…、官方微博、官方微信、联系我们…栏目)."""
    sentence = text[sentence_start:ahead(text, "。！？；;\n", end)]
    before, after = text[max(sentence_start, start - 1):start], text[end:end + 1]
    quoted = before in ("“", '"') and after in ("”", '"')  # “政务微博”“政务微信”…等12个栏目
    enumerated = before == "、" or after == "、" or quoted
    return enumerated and bool(COLUMN_LIST.search(sentence))


def channel_list(hits: list[ChannelHit]) -> list[str]:
    seen = {h.channel for h in hits}
    return [c for c in CHANNELS if c in seen]


def channel_counts(text: str, hits: list[ChannelHit], skip: list[Span]) -> tuple[dict[str, int], dict[str, Evidence]]:
    """A number counts for a channel only when its clause names that one channel and nothing else."""
    counts: dict[str, int] = {}
    evidence: dict[str, Evidence] = {}
    starts = [h.start for h in hits]  # hits are sorted by start: each clause finds its own by bisection
    for clause in CLAUSE.finditer(text):
        cs, ce = clause.start(), clause.end()
        lo, hi = bisect_left(starts, cs), bisect_left(starts, ce)
        if lo == hi:
            continue  # no channel named in this clause (most clauses): nothing to count
        if any(s.start < ce and cs < s.end for s in skip):
            continue
        inside = hits[lo:hi]
        names = {h.channel for h in inside}
        if len(names) != 1 or "、" in text[inside[0].start:ce] and len(inside) > 1:
            continue
        channel = names.pop()
        after = inside[0].end
        m = COUNT.search(text, after, ce)
        if not m or m.group("approx"):
            continue
        num = parse_number(m.group("num"))
        if num is None or num.as_int is None or channel in counts:
            continue
        counts[channel] = num.as_int
        evidence[f"channel_counts.{channel}"] = Evidence.span(text, cs, ce)
    return counts, evidence
