"""Repair text damaged by PDF/Word/Markdown conversion before anything is extracted.

Every later offset (evidence) points into the string this module returns, which is also the
text the dashboard shows, so offsets and display always agree.
"""

from __future__ import annotations

import re
import unicodedata

from parsing.text.furniture import is_page_meta

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014"
TERMINAL = "。！？!?；;：:"

# Invisible and bidirectional controls (they hide inside names and numbers and could reorder what is shown).
_INVISIBLE = re.compile("[\ufffd\ufeff\u200b-\u200f\u2060-\u2064\u00ad\u034f\u180e\u202a-\u202e\u2066-\u2069]")
# The controls named in a record's warning when they sit inside a number or a name: removing them changes what is
# read, and a reader of the original may have seen something else (U+202E 082 U+202C displays as 280).
BIDI_CONTROLS = {
    "\u200e": "从左到右标记", "\u200f": "从右到左标记", "\u202a": "从左到右嵌入", "\u202b": "从右到左嵌入",
    "\u202c": "方向格式结束", "\u202d": "从左到右覆盖", "\u202e": "从右到左覆盖", "\u2066": "从左到右隔离",
    "\u2067": "从右到左隔离", "\u2068": "首强隔离", "\u2069": "方向隔离结束",
}
HIDDEN_CHARACTERS = {
    "\u200b": "零宽空格", "\u200c": "零宽不连字", "\u200d": "零宽连字", "\u2060": "词连接符", "\u2061": "不可见函数符",
    "\u2062": "不可见乘号", "\u2063": "不可见分隔符", "\u2064": "不可见加号", "\u00ad": "软连字符",
    "\u034f": "组合用字形连接符", "\u180e": "蒙古文元音分隔符", "\ufeff": "零宽不换行空格", "\ufffd": "替换字符（解码失败）",
}
_CONTROL_RUN = re.compile("[" + "".join(BIDI_CONTROLS) + "".join(HIDDEN_CHARACTERS) + "]+")
_CONTEXT = 8  # characters shown on each side of an occurrence
MAX_CONTROL_WARNINGS = 5


def control_warnings(text: str) -> list[str]:
    """Warnings for the bidirectional and invisible controls that normalize_text removes from inside a number or
    a name, each naming its controls (U+202E …) and where it was (the line of the text as read, and the words
    around it, the controls shown as ⟨U+202E⟩); the record keeps what the text's logical order gives.

    A direction control is named when it touches a letter, digit or Chinese character (it can reorder how they are
    displayed); an invisible character when it sits between two of them (it splits a number or a name). Controls
    within a few characters of each other are one occurrence (U+202E 082 U+202C). A BOM at the very start is
    the file's encoding mark, not content."""
    found = []
    for match in _CONTROL_RUN.finditer(text):
        if match.start() == 0 and match.group() == "\ufeff":
            continue
        before = _neighbour(text, match.start() - 1, -1)
        after = _neighbour(text, match.end(), 1)
        bidi = any(c in BIDI_CONTROLS for c in match.group())
        if bidi and (before.isalnum() or after.isalnum()) or before.isalnum() and after.isalnum():
            if found and match.start() - found[-1][1] <= 12 and "\n" not in text[found[-1][1]:match.start()]:
                found[-1][1] = match.end()
            else:
                found.append([match.start(), match.end()])
    out = [_control_warning(text, start, end) for start, end in found[:MAX_CONTROL_WARNINGS]]
    if len(found) > MAX_CONTROL_WARNINGS:
        out.append(f"另有 {len(found) - MAX_CONTROL_WARNINGS} 处数字或名称中有不可见的控制字符，已去除（同上）")
    return out


def _neighbour(text: str, at: int, step: int) -> str:
    """The first character from at on (in direction step) that is not one of the controls; "" at an end."""
    while 0 <= at < len(text) and _CONTROL_RUN.match(text[at]):
        at += step
    return text[at] if 0 <= at < len(text) else ""


def _control_warning(text: str, start: int, end: int) -> str:
    line = text.count("\n", 0, start) + 1
    left = text[max(text.rfind("\n", 0, start) + 1, start - _CONTEXT):start]
    stop = text.find("\n", end)
    right = text[end:min(end + _CONTEXT, len(text) if stop < 0 else stop)]
    span = left + text[start:end] + right
    shown = _CONTROL_RUN.sub(lambda m: "".join(f"⟨U+{ord(c):04X}⟩" for c in m.group()), span)
    logical = _CONTROL_RUN.sub("", span)
    codes = "、".join(f"U+{ord(c):04X}（{BIDI_CONTROLS.get(c) or HIDDEN_CHARACTERS[c]}）"
                     for c in dict.fromkeys(c for c in text[start:end] if c in BIDI_CONTROLS or c in HIDDEN_CHARACTERS))
    if any(c in BIDI_CONTROLS for c in text[start:end]):
        return (f"第 {line} 行“{shown}”中有不可见的方向控制字符 {codes}：原文显示时文字或数字的顺序可能与记录不一致，"
                f"记录按文本的逻辑顺序读作“{logical}”")
    return f"第 {line} 行“{shown}”中有不可见字符 {codes}，夹在数字或文字中间，已去除，读作“{logical}”"


# Mirror sites insert pinyin readings after characters: 當(dāng)前 → 當前. (The bracket comes first and the
# character is looked behind from it: re then jumps from bracket to bracket.)
_PINYIN = re.compile(rf"[(（](?<=[{CJK}][(（])(?:[bcdfghjklmnpqrstwxyz]{{0,2}}[aeiouvüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{{1,3}}"
                     r"(?:ng|n|r)?)[)）]")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|\[(?:image|bookmark|img|图片)[:：][^\]\n]*\]", re.I)
_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?:|mailto:|www\.)[^)\n]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.M)
_PAGE_NUMBER = re.compile(r"^\s*[-—–－]\s*\d{1,3}\s*[-—–－]\s*$|^\s*第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?\s*$", re.M)
_SPACES = re.compile(r"[ \u3000\u00a0\u2002\u2003\u2009\u202f]+")
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{CJK}{CJK_PUNCT}]) +|  *(?=[{CJK}{CJK_PUNCT}])")
# PDFs made by browsers and some office suites map common ideographs to Kangxi radicals and CJK radical
# supplements (U+2F00 ⼀ for 一, U+2F08 ⼈ for 人, U+2F8F ⾏ for 行): every label and name then fails to match.
_RADICAL = re.compile("[\u2e80-\u2ef3\u2f00-\u2fd5]")
_RADICALS = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in [*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6)]
             if len(unicodedata.normalize("NFKC", chr(cp))) == 1 and unicodedata.normalize("NFKC", chr(cp)) != chr(cp)}
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGIT = re.compile("[０-９]")

HEADING_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．，,]"
    r"|[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]"
    r"|\d{1,2}\s*[、．]|\d{1,2}\.(?!\d)"
    r"|第[一二三四五六七八九十]{1,3}[部章节])"
)


def is_table_line(line: str) -> bool:
    return "\t" in line or line.lstrip().startswith("|")


def is_heading_like(line: str) -> bool:
    """A short numbered line without a comma: a heading, not a wrapped sentence."""
    stripped = line.strip()
    return bool(HEADING_MARKER.match(stripped)) and len(stripped) <= 30 \
        and ("，" not in stripped or len(stripped) <= 24) and not stripped.endswith(tuple(TERMINAL))


def normalize_text(text: str) -> str:
    """Return cleaned text: same words, repaired layout."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _PINYIN.sub("", text)
    if _FULLWIDTH_DIGIT.search(text):  # str.translate walks every character through a dict: 20× slower
        text = text.translate(_FULLWIDTH_DIGITS)
    if _RADICAL.search(text):  # a PDF font's Kangxi radicals for ideographs: ⼀⼈⾏ are 一人行 (one for one)
        text = text.translate(_RADICALS)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_RULE.sub("", text)
    text = _PAGE_NUMBER.sub("", text)
    text = _clean_inline(_restore_breaks(text))  # once over the whole text: no space run crosses a tab or a line
    lines = []
    for line in text.split("\n"):
        if is_table_line(line):
            cells = [c.strip() for c in line.split("\t")]
            lines.append("\t".join(cells).rstrip("\t ") if any(cells) else "")
        else:
            lines.append(line.strip())
    return "\n".join(_join_wrapped(lines)).strip() + "\n"


# A report copied from a web page may arrive with its line breaks lost: the whole body on one line. Headings
# (一、 / （一） / 第一部分) that follow the end of a sentence then start a line again.
_LOST_BREAK = re.compile(
    r"(?<=[。！？；;：:!?\s\u3000])\s*(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|"
    r"第[一二三四五六七八九十]{1,3}部分)[\u4e00-\u9fff“《])")
LONG_LINE = 400


# …and a heading is glued to its first sentence: 二、主动公开政府信息情况2018年，我局… / 一、概 述2018 年
_GLUED_HEADING = re.compile(
    r"(?m)^((?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])[^。！？\n]{1,36}?"
    r"(?:情况|概\s*述|事项|措施|问题|不足|打算|计划|方向|工作|建设))"
    r"(?=\s*(?:\d{4}\s*年|根据|按照|依据|我局|本局|我委|我办|全年|今年|本年|为|在|[（(][一二三四五六七八九十][）)]|一是))")


def _restore_breaks(text: str) -> str:
    if not any(len(line) > LONG_LINE for line in text.split("\n")):
        return text
    out = []
    for line in text.split("\n"):
        # a table row is never this long: a tab-separated "line" of thousands of characters is a whole report
        if len(line) > LONG_LINE and (not is_table_line(line) or len(line) > 5 * LONG_LINE):
            line = _GLUED_HEADING.sub("\\1\n", _LOST_BREAK.sub("\n", line))
        out.append(line)
    return "\n".join(out)


def _clean_inline(text: str) -> str:
    """NFC, one space for any run of spaces, none beside Chinese. Line and tab breaks are boundaries for all
    three (NFC never composes across a control character), so the whole text is cleaned in one pass; each line
    and cell is stripped afterwards."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    return _SPACE_NEAR_CJK.sub("", text)


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join lines that a PDF broke mid-sentence; keep headings, tables and finished sentences."""
    out: list[str] = []
    last_physical = ""
    for line in lines:
        if not line:
            continue
        if out and _continues(out[-1], last_physical, line):
            sep = " " if _ascii_edge(out[-1][-1], line[0]) else ""
            out[-1] = out[-1] + sep + line
        else:
            out.append(line)
        last_physical = line
    return out


NUMBER_ROW = re.compile(r"[\d\s.,/—–+-]+")


def _continues(paragraph: str, last_physical: str, line: str) -> bool:
    if is_table_line(paragraph) or is_table_line(line):
        return False
    if is_page_meta(last_physical) or is_page_meta(line):
        return False  # 来源：… / 发布时间：… / a breadcrumb: page data, never part of the title or a sentence
    if NUMBER_ROW.fullmatch(line) or NUMBER_ROW.fullmatch(last_physical):
        return False  # a row of numbers from a PDF table stays on its own line
    if paragraph.endswith(tuple(TERMINAL)) or is_heading_like(last_physical):
        return False
    if HEADING_MARKER.match(line) and is_heading_like(line):
        return False
    if HEADING_MARKER.match(line) and len(last_physical) < 20:
        return False
    if last_physical.endswith(("报告", "报告书")) and len(last_physical) < 40:
        return False  # a title line
    # A wrapped line runs (nearly) to the page edge; short lines are titles, dates, signatures —
    # unless the paragraph is visibly a sentence in progress (it has a comma and no full stop yet).
    return len(last_physical) >= 20 or "，" in paragraph or "," in paragraph


def _ascii_edge(a: str, b: str) -> bool:
    return a.isascii() and b.isascii() and a.isalnum() and b.isalnum()
