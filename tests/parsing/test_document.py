"""parsing/document.py: the text is split once; a region's sentences and clauses are exactly what splitting
that region's text alone gives (so no extractor needs its own split)."""

from __future__ import annotations

import random
import re

import pytest
from conftest import SEEDS

from parsing import parse_file
from parsing.document import Document, Span

SLICE_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
SLICE_CLAUSE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")


def _slice_sentences(text: str, region: Span) -> list[Span]:
    return [Span(region.start + m.start(), region.start + m.end())
            for m in SLICE_SENTENCE.finditer(text[region.start:region.end])]


def _slice_clauses(text: str, region: Span) -> list[Span]:
    out = []
    for m in SLICE_CLAUSE.finditer(text[region.start:region.end]):
        s, e = region.start + m.start(), region.start + m.end()
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            out.append(Span(s, e))
    return out


@pytest.mark.parametrize("path", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_regions_split_as_their_own_text_would(path):
    text = parse_file(path).text
    doc = Document(text)
    rng = random.Random(path.name)
    regions = [Span(0, len(text))] + [Span(a, b) for a, b in (sorted(rng.sample(range(len(text) + 1), 2))
                                                           for _ in range(300))]
    for region in regions:
        assert doc.sentences_in(region) == _slice_sentences(text, region), region
        assert doc.clauses_in(region) == _slice_clauses(text, region), region


def test_small_cases_and_the_sentence_around_an_offset():
    doc = Document("一、概述\n我局主动公开信息57条。；其中政策法规10条！\n 二、问题。。")
    assert [s.of(doc.text) for s in doc.sentences_in()] == ["一、概述", "我局主动公开信息57条。", "；其中政策法规10条！",
                                                          " 二、问题。"]
    assert [s.of(doc.text) for s in doc.clauses_in()] == ["一、概述", "我局主动公开信息57条。；", "其中政策法规10条！",
                                                        "二、问题。。"]
    at = doc.text.index("57")
    start, end = doc.sentence_at(at)
    assert doc.text[start:end] == "我局主动公开信息57条。"
    # a region that starts on a terminator begins no sentence there, as the slice's own split would not
    region = Span(doc.text.index("。"), len(doc.text))
    assert [s.of(doc.text) for s in doc.sentences_in(region)][:1] == ["；其中政策法规10条！"]
    assert [h.title for h in doc.headings] == ["一、概述", "二、问题"]
