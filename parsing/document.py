"""The document model: one report's (normalised, simplified) text split once and shared by every extractor.

Document(text) gives, each computed on first use and then kept:
- sentences: up to 。！？ or a line break (the counts read numbers sentence by sentence);
- clauses: sentences also cut at ；; and !? (the problems / measures split reads clause by clause);
- headings: numbered and bare heading lines (parsing/extract/sections.py decides what is a heading);
- sentence_at(pos): the sentence around one offset, found with a bounded scan (linear on huge texts).
sentences_in(span) and clauses_in(span) clip them to a region exactly as splitting that region's text alone
would. No extractor splits the text itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from parsing.text.scan import ahead, back

if TYPE_CHECKING:  # pragma: no cover
    from parsing.extract.sections import Heading

SENTENCE_END = "。！？"
CLAUSE_END = "。！？!?；;"
SENTENCE = re.compile(rf"[^{SENTENCE_END}\n]+[{SENTENCE_END}]?")
CLAUSE = re.compile(rf"[^{CLAUSE_END}\n]+[{CLAUSE_END}]*")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True, eq=False)
class Document:
    text: str

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return tuple(Span(m.start(), m.end()) for m in SENTENCE.finditer(self.text))

    @cached_property
    def clauses(self) -> tuple[Span, ...]:
        return tuple(Span(m.start(), m.end()) for m in CLAUSE.finditer(self.text))

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [s.start for s in self.clauses]

    @cached_property
    def headings(self) -> tuple[Heading, ...]:
        from parsing.extract.sections import headings

        return headings(self.text)

    def sentences_in(self, region: Span | None = None) -> list[Span]:
        """The sentences of text[region], as re.finditer over that slice alone would give them."""
        return _clip(self.text, self.sentences, self._sentence_starts, region, SENTENCE_END)

    def clauses_in(self, region: Span | None = None) -> list[Span]:
        """The clauses of text[region], leading blanks trimmed (a clause of blanks only is dropped)."""
        out = []
        for span in _clip(self.text, self.clauses, self._clause_starts, region, CLAUSE_END):
            s = span.start
            while s < span.end and self.text[s].isspace():
                s += 1
            if span.end > s:
                out.append(Span(s, span.end))
        return out

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding pos, its terminator included."""
        text = self.text
        start = back(text, SENTENCE_END + "\n", pos)
        end = ahead(text, SENTENCE_END + "\n", pos)
        return start, (end + 1 if end < len(text) else len(text))


def _clip(text: str, spans: tuple[Span, ...], starts: list[int], region: Span | None, ends: str) -> list[Span]:
    if region is None or (region.start <= 0 and region.end >= len(text)):
        return list(spans)
    first = max(0, bisect_right(starts, region.start) - 1)
    out = []
    r_start, r_end = region.start, region.end
    for span in spans[first:]:
        if span.start >= r_end:
            break
        if span.start >= r_start and span.end <= r_end:
            out.append(span)  # wholly inside: the same span, no new object
            continue
        s, e = max(span.start, r_start), min(span.end, r_end)
        # a piece of only terminators is no sentence: the slice's own split would not start one there
        if e > s and text[s] not in ends:
            out.append(Span(s, e))
    return out
