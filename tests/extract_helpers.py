"""Shared by the extractor tests (tests/parsing/extract/ and tests/parsing/test_pipeline.py), which test each
field through ``parse_text`` with tables of two kinds.

Phrasing tables (first in each file; once tests/test_phrasings.py): the phrasings of 政府信息公开工作年度报告 that
the seed reports do not show. Every snippet is synthetic (written for these tests, not copied from a real
report). Each table checks one field (or a few) of ``parse_text(...).record.to_dict()``, through ``parse``.

Real-shape tables (once tests/test_real_shapes.py): texts written in the shapes real reports are written in —
the sentences follow the genre (the way real reports phrase a total, a zero, a heading, a signature) but the
agencies, places and numbers are invented. About half the cases use full-width punctuation (，：；（）) and the
rest ASCII (, : ; ( )), since real files come both ways. They go through ``record`` / ``check``.

Conventions
- ``None`` means "the text does not say": the parser must leave the field empty, never guess.
- ``NOT_NONE`` (only for agency_type of agencies outside the vocabulary) means any kind is fine
  as long as the parser names one.
- ``channels`` is compared as a set (sorted lists) by ``check``: the order of the list carries no meaning.
- Place strings are full names with their suffix, as the parser gives them ('江苏省', '南京市', '鼓楼区').
- Cases whose expected value is a judgement call carry a ``# judgement:`` comment.
- Phrasing cases in traditional characters have ids starting with ``trad-`` so they can be dropped as a group.
"""

from __future__ import annotations

from conftest import ROOT

from parsing import parse_text

FIXTURES = ROOT / "tests" / "fixtures" / "phrasings"


def parse(text: str, file: str = "case.txt"):
    res = parse_text(text, file=file)
    return res, res.record.to_dict()


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


class _NotNone:
    def __repr__(self) -> str:
        return "NOT_NONE"


NOT_NONE = _NotNone()


def record(text: str):
    return parse_text(text, file="case.txt").record


def check(text: str, field: str, expected) -> None:
    got = getattr(record(text), field)
    if expected is NOT_NONE:
        assert got is not None, f"{field}: expected a value, got None"
    elif field == "channels":
        assert sorted(got) == sorted(expected), f"{field}: expected {expected!r}, got {got!r}"
    else:
        assert got == expected, f"{field}: expected {expected!r}, got {got!r}"
