"""Page furniture out before anything is read: what a saved web page or a crawl carries around a report.

A report copied from a government site arrives with the page around it: a breadcrumb, 打印本页 / 关闭窗口,
字号：[大 中 小], a share bar (分享到：微信 微博), a CMS credit (Produced By 大汉网络), ICP / 公网安备 numbers,
网站标识码, a copyright line, 附件下载, 上一篇 / 下一篇. Left in, they become "findings": the footer ends up
inside the last section (大汉 as a top problem term), a share bar's 微信 counts as a channel, a 来源 line
names the wrong author. strip_furniture() removes them line by line from the text as decoded, before the
text is normalised (normalisation joins short lines, which would glue a 字号 line to the title).

The vocabulary is data (parsing/data/furniture.toml; its header says what each table means). Page data that
the agency and year extractors read (来源：, 发布机构：, the crawler's 标题：…原始链接： header, a breadcrumb)
is kept; is_page_meta() tells the extractors which lines those are, so channels are not read from them and
the report's title is looked for after them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from parsing.paths import DATA_DIR
from parsing.text.variants import to_simplified

FILE = DATA_DIR / "furniture.toml"
TERMINAL = "。！？!?"
MEANINGFUL = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]")
NOISE = " \t\u3000\u00a0•·▪◆■●○◎►▶*|｜-—–:：【】[]()（）<>《》/\\,，、;；"
LEAD = re.compile(r"^[\s•·▪◆■●○◎►▶*|｜\-—–]+")
SPACES = re.compile(r"[ \t\u3000\u00a0\u2002\u2003\u2009\u202f]+")
# prose: a sentence-like line (a crawl's one-line fragment of a sentence has commas)
PROSE = re.compile(r"[。！？，,；;]")
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])")
TAIL_MAX = 300  # a furniture line (or a line's furniture tail) is never longer than this


@dataclass(frozen=True)
class Vocabulary:
    line: re.Pattern[str]
    token: re.Pattern[str]
    weak: re.Pattern[str]
    footer: re.Pattern[str]
    meta: re.Pattern[str]
    separators: re.Pattern[str]


def _compile(source: str, name: str, patterns: list[str]) -> re.Pattern[str]:
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"{FILE.name}: [{name}] pattern {p!r} is not a valid regular expression ({exc})") from exc
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    with open(FILE, "rb") as fh:
        data = tomllib.load(fh)
    try:
        line, token = data["line"]["patterns"], data["token"]["patterns"]
        weak, footer = data["weak"]["words"], data["footer"]["patterns"]
        labels, crumbs, seps = data["meta"]["labels"], data["meta"]["breadcrumb"], data["meta"]["separators"]
    except KeyError as exc:
        raise ValueError(f"{FILE.name}: missing table or key {exc}") from exc
    by_len = lambda words: sorted(words, key=len, reverse=True)  # noqa: E731 - the longest alternative first
    meta = (rf"^(?:(?:{'|'.join(map(re.escape, by_len(labels)))})\s*[:：|｜]"
            rf"|(?:{'|'.join(map(re.escape, by_len(crumbs)))})\s*[:：])")
    return Vocabulary(
        line=_compile(FILE.name, "line", line),
        token=_compile(FILE.name, "token", token),
        weak=re.compile("|".join(map(re.escape, by_len(weak))), re.I),
        footer=_compile(FILE.name, "footer", footer),
        meta=re.compile(meta),
        separators=re.compile("|".join(map(re.escape, by_len(seps)))),
    )


@lru_cache(maxsize=1)
def _pinyin() -> re.Pattern[str]:
    # normalize imports this module: its pattern is read when first used
    from parsing.text.normalize import _PINYIN

    return _PINYIN


def _squash(line: str) -> str:
    """The line as it is classified: pinyin readings out, blanks collapsed, leading bullets off."""
    line = _pinyin().sub("", line) if "(" in line or "（" in line else line
    return LEAD.sub("", SPACES.sub(" ", line).strip())


def _bare(text: str) -> str:
    return text.strip(NOISE)


def is_page_meta(line: str) -> bool:
    """A line of page data (来源：…, 发布时间：…, the crawler's 标题：… header) or a breadcrumb trail: kept for the
    agency and year extractors, but not report prose and not the report's title."""
    if len(line) > 240:
        return False
    core = _squash(to_simplified(line))
    if not core:
        return False
    voc = vocabulary()
    if voc.meta.match(core):
        return True
    return _is_trail(core, voc)


def _is_trail(core: str, voc: Vocabulary) -> bool:
    """首页 > 政务公开 > 政府信息公开年报 / >>政务公开>>部门信息公开>>…: names joined by separators."""
    if PROSE.search(core):
        return False
    parts = voc.separators.split(core)
    if len(parts) < 3 and not (len(parts) == 2 and not parts[0].strip()):
        return False
    return all(len(p.strip()) <= 30 for p in parts)


def page_meta_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every page-data line of a text (see is_page_meta)."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line and is_page_meta(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


@dataclass(frozen=True)
class Stripped:
    text: str
    removed: tuple[str, ...]  # what was taken out, line by line (pieces of a line are listed as pieces)


KEEP, DROP, WEAK, NEUTRAL, BLANK, FOOTER = range(6)


def strip_furniture(text: str) -> Stripped:
    """The text without page furniture (see the module docstring); every other character is kept as it was."""
    voc = vocabulary()
    lines = text.split("\n")
    simple_lines = to_simplified(text).split("\n")  # same length as text, so the same line lengths
    kinds: list[int] = []
    weak_counts: list[int] = []
    out_lines: list[str] = []
    removed: list[str] = []
    for raw, simple in zip(lines, simple_lines, strict=True):
        kind, kept, cut, weak = _classify(raw, simple, voc)
        kinds.append(kind)
        weak_counts.append(weak)
        out_lines.append(kept)
        if cut:
            removed.append(cut)
    _settle_runs(kinds, weak_counts)
    _settle_footers(kinds, lines)
    result = []
    for kind, kept in zip(kinds, out_lines, strict=True):
        if kind in (DROP, FOOTER):
            if kept.strip():
                removed.append(kept.strip())
            continue
        result.append(kept)
    if len(result) == len(lines) and not removed:
        return Stripped(text, ())
    return Stripped("\n".join(result), tuple(removed))


def _classify(raw: str, simple: str, voc: Vocabulary) -> tuple[int, str, str, int]:
    """(kind, the line as kept, what was cut from a kept line, how many weak words the line holds)."""
    if not raw.strip():
        return BLANK, raw, "", 0
    core = _squash(simple)
    if not MEANINGFUL.search(core):
        return NEUTRAL, raw, "", 0
    meta = len(core) <= 240 and (bool(voc.meta.match(core)) or _is_trail(core, voc))
    # the line's text after its last sentence (all of it when it has none): furniture glued to a paragraph
    body = simple.rstrip(" \t" + TERMINAL)
    last = max(body.rfind(c) for c in TERMINAL)
    start = last + 1 if last != -1 else 0
    tail = simple[start:]
    tail_core = _squash(tail)
    if not tail_core or len(tail_core) > TAIL_MAX:
        return KEEP, raw, "", 0
    if not meta:
        if start == 0 and voc.footer.fullmatch(_bare(core)):
            return FOOTER, raw, "", 0
        if voc.line.search(tail_core):
            if start == 0:
                return DROP, raw, "", 0
            return KEEP, raw[:start].rstrip(), raw[start:].strip(), 0
    cut_spans = [m.span() for m in voc.token.finditer(tail) if m.end() > m.start()]
    if cut_spans:
        pieces, pos = [], 0
        for s, e in cut_spans:
            pieces.append(raw[start + pos:start + s])
            pos = e
        pieces.append(raw[start + pos:])
        rest = " ".join(p.strip() for p in pieces if p.strip())
        rest_simple = _squash(to_simplified(rest))
        cut = " ".join(raw[start + s:start + e].strip() for s, e in cut_spans)
        if not MEANINGFUL.search(rest_simple) or _weak_only(rest_simple, voc):
            if start == 0:
                return DROP, raw, "", 0
            return KEEP, raw[:start].rstrip(), raw[start:].strip(), 0
        return KEEP, raw[:start] + rest.rstrip(" \t|｜【[•·"), cut, 0
    if start == 0 and not meta:
        weak = _weak_only(core, voc)
        if weak:
            return WEAK, raw, "", weak
    return KEEP, raw, "", 0


def _weak_only(core: str, voc: Vocabulary) -> int:
    """How many weak words the line holds, when it holds nothing else (0 otherwise)."""
    found = voc.weak.findall(core)
    if not found or MEANINGFUL.search(voc.weak.sub("", core)):
        return 0
    return len(found)


def _settle_runs(kinds: list[int], weak: list[int]) -> None:
    """A run of weak-word lines (and the separator-only lines among them) is furniture beside other furniture,
    at the start or the end of the text, or when it holds two weak words or more."""
    n = len(kinds)
    i = 0
    while i < n:
        if kinds[i] not in (WEAK, NEUTRAL, BLANK):
            i += 1
            continue
        j = i
        while j < n and kinds[j] in (WEAK, NEUTRAL, BLANK):
            j += 1
        run = range(i, j)
        words = sum(weak[k] for k in run)
        before = next((kinds[k] for k in range(i - 1, -1, -1) if kinds[k] != BLANK), None)
        after = next((kinds[k] for k in range(j, n) if kinds[k] != BLANK), None)
        beside = before in (DROP, FOOTER) or after in (DROP, FOOTER)
        edge = before is None or after is None
        if words and (words >= 2 or beside or edge) or (not words and beside and any(kinds[k] == NEUTRAL for k in run)):
            for k in run:
                if kinds[k] != BLANK:
                    kinds[k] = DROP
        i = j


def _settle_footers(kinds: list[int], lines: list[str]) -> None:
    """After a line that opens a list of other pages (相关链接), its list: up to the next sentence or heading."""
    in_footer = False
    for k, line in enumerate(lines):
        if kinds[k] == FOOTER:
            in_footer = True
            continue
        if not in_footer or kinds[k] == BLANK:
            continue
        if PROSE.search(line) or HEADING.match(line):
            in_footer = False
            continue
        kinds[k] = DROP
