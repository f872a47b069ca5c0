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
from bisect import bisect_right
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


def _plain_start(pattern: str) -> bool:
    """The pattern starts with a character that must be there (分享到? yes, [【\\[] or (?:打印|关闭) or 字? no)."""
    return bool(pattern) and pattern[0] not in "[(\\.^$|?*+{" and pattern[1:2] not in ("?", "*", "{")


def lowered(pattern: str) -> str:
    """A pattern's Latin letters in lower case, escapes (\\S, \\d) kept: text is matched in lower case."""
    return re.sub(r"(\\.)|[A-Z]+", lambda m: m.group(1) or m.group().lower(), pattern)


class Alternatives:
    """Patterns tried as one: the ^-anchored ones with match, the others with one search. No case folding: the
    text is put in lower case instead (a case-folded pattern loses re's first-character scan: 3× slower)."""

    def __init__(self, name: str, patterns: list[str]):
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise ValueError(f"{FILE.name}: [{name}] pattern {p!r} is not a valid regular expression ({exc})") \
                    from exc
        patterns = [lowered(p) for p in patterns]
        anchored = [f"(?:{p[1:]})" for p in patterns if p.startswith("^")]
        free = [f"(?:{p})" for p in patterns if not p.startswith("^")]
        self.anchored = re.compile("|".join(anchored)) if anchored else None
        self.free = re.compile("|".join(free)) if free else None
        # For finding candidate lines in a whole text ($ at every line end, ^ at every line start after bullets).
        # re skips ahead by a pattern's first character only when every alternative starts with a plain one:
        # those are scanned as one, the others (starting with a class or a group) one by one.
        plain = [f"(?:{p})" for p in patterns if not p.startswith("^") and _plain_start(p)]
        self.scans = tuple(re.compile("(?m)" + x) for x in ["|".join(plain)] * bool(plain) + [
            f"(?:{p})" for p in patterns if not p.startswith("^") and not _plain_start(p)])
        self.anchored_lines = re.compile(rf"(?m)^{LEAD.pattern[1:-1]}*(?:{'|'.join(anchored)})") if anchored else None

    def scan(self, text: str) -> list[int]:
        """Start offsets of every match in a whole text (anchored patterns at line starts)."""
        found = [m.start() for r in self.scans for m in r.finditer(text)]
        if self.anchored_lines is not None:
            found += [m.start() for m in self.anchored_lines.finditer(text)]
        return found

    def search(self, text: str) -> bool:
        return bool(self.anchored and self.anchored.match(text) or self.free and self.free.search(text))

    def fullmatch(self, text: str) -> bool:
        return any(p is not None and p.fullmatch(text) for p in (self.anchored, self.free))

    def finditer(self, text: str):
        """Non-overlapping matches left to right (token patterns carry no anchors)."""
        return self.free.finditer(text) if self.free else iter(())


@dataclass(frozen=True)
class Vocabulary:
    line: Alternatives
    token: Alternatives
    weak: re.Pattern[str]
    footer: Alternatives
    meta: re.Pattern[str]
    separators: re.Pattern[str]


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
        line=Alternatives("line", line),
        token=Alternatives("token", token),
        weak=re.compile("|".join(re.escape(w.lower()) for w in by_len(weak))),
        footer=Alternatives("footer", footer),
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


META_MARK = re.compile(r"[:：|｜>»›＞→]")  # every line of page data has one (a label's colon, a trail's separator)


TRAIL_MARK = re.compile(r"[>»›＞→]")
LABEL_COLON = re.compile(r"^[\s•·▪◆■●○◎►▶*|｜\-—–]*[^:：|｜\n]{1,12}[:：|｜]")


@lru_cache(maxsize=4096)  # normalisation asks about each line twice (as a line, then as the line before)
def is_page_meta(line: str) -> bool:
    """A line of page data (来源：…, 发布时间：…, the crawler's 标题：… header) or a breadcrumb trail: kept for the
    agency and year extractors, but not report prose and not the report's title."""
    if len(line) > 240 or not (LABEL_COLON.match(line) or TRAIL_MARK.search(line)):
        return False  # a label ends within its first characters; a trail has separators: most lines have neither
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
    simple_text = _lower(to_simplified(text))  # same length as text, so the same line lengths
    candidates = _candidate_lines(simple_text, voc)
    if not candidates:
        return Stripped(text, ())  # most reports: one scan of the text, no line looked at
    lines = text.split("\n")
    simple_lines = simple_text.split("\n")
    kinds: list[int] = []
    weak_counts: list[int] = []
    out_lines: list[str] = []
    removed: list[str] = []
    for i, (raw, simple) in enumerate(zip(lines, simple_lines, strict=True)):
        if i not in candidates:  # no furniture word in the line: only its blankness matters (runs, below)
            kind = BLANK if not raw.strip() else KEEP if MEANINGFUL.search(raw) else NEUTRAL
            kinds.append(kind)
            weak_counts.append(0)
            out_lines.append(raw)
            continue
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


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _lower(text: str) -> str:
    """Lower case, same length (str.lower may lengthen a rare character: then only A–Z are lowered)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(ASCII_LOWER)


def _candidate_lines(text: str, voc: Vocabulary) -> set[int]:
    """Indices of the lines where a word of the vocabulary occurs (found over the whole text at once)."""
    found = voc.line.scan(text) + voc.token.scan(text) + voc.footer.scan(text)
    found += [m.start() for m in voc.weak.finditer(text)]
    if not found:
        return set()
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return {bisect_right(starts, pos) - 1 for pos in found}


def _classify(raw: str, simple: str, voc: Vocabulary) -> tuple[int, str, str, int]:
    """(kind, the line as kept, what was cut from a kept line, how many weak words the line holds)."""
    if not raw.strip():
        return BLANK, raw, "", 0
    # the line's text after its last sentence (all of it when it has none): furniture glued to a paragraph
    body = simple.rstrip(" \t" + TERMINAL)
    last = max(body.rfind(c) for c in TERMINAL)
    start = last + 1 if last != -1 else 0
    tail = simple[start:]
    if start and (len(tail) > TAIL_MAX + 40 or not tail.strip()):
        return KEEP, raw, "", 0  # prose that ends with its sentence (most lines): nothing to look at
    core = _squash(simple) if not start else ""
    if not start and not MEANINGFUL.search(core):
        return NEUTRAL, raw, "", 0
    meta = not start and len(core) <= 240 and bool(META_MARK.search(core)) and (
        bool(voc.meta.match(core)) or _is_trail(core, voc))
    tail_core = _squash(tail) if start else core
    if not tail_core or len(tail_core) > TAIL_MAX:
        return KEEP, raw, "", 0
    if not meta:
        if start == 0 and voc.footer.fullmatch(_bare(core)):  # 相关链接 / 相关词条 …
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
        rest_simple = _squash(_lower(to_simplified(rest)))
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
