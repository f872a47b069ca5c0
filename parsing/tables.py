"""The national template's tables (表四 for now): cells recovered from tab rows or a flat number stream."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sections import Span, find_section
from .types import Evidence

CELL_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
APPEAL_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
APPEAL_BLOCKS = ("行政复议", "未经复议直接起诉", "复议后起诉")


@dataclass
class AppealsTable:
    cells: dict[str, dict[str, int]]
    evidence: Evidence

    @property
    def reconsideration(self) -> int:
        return self.cells["行政复议"]["总计"]

    @property
    def litigation(self) -> int:
        return self.cells["未经复议直接起诉"]["总计"] + self.cells["复议后起诉"]["总计"]


def _number_tokens(text: str, span: Span) -> tuple[list[int], int, int]:
    """Numbers on table-like lines (tab rows or lines of numbers only) within span."""
    values: list[int] = []
    first = last = -1
    pos = span.start
    for line in text[span.start:span.end].split("\n"):
        start = pos
        pos += len(line) + 1
        cells = [c.strip() for c in re.split(r"\t|\s+|\|", line) if c.strip()]
        if not cells or not all(CELL_NUMBER.match(c) for c in cells):
            continue
        values.extend(int(float(c)) for c in cells)
        first = start if first == -1 else first
        last = start + len(line)
    return values, first, last


def appeals_table(text: str) -> AppealsTable | None:
    section = find_section(text, re.compile(r"行政复议.{0,6}行政诉讼|复议.{0,4}诉讼"))
    if section is None:
        return None
    values, first, last = _number_tokens(text, section)
    if len(values) != 15:
        return None
    cells = {block: dict(zip(APPEAL_RESULTS, values[i * 5:(i + 1) * 5], strict=True))
             for i, block in enumerate(APPEAL_BLOCKS)}
    return AppealsTable(cells, Evidence.span(text, first, last))
