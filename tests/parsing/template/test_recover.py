"""parsing/template/recover.py: every reading of a damaged row that its damage model and identities allow."""

import pytest

from parsing.template.model import TABLE3_COLUMNS, table3_row_ok, table4_block_ok
from parsing.template.recover import agreed, expansions, splits, without_extra

ROW = {6: lambda cells: table3_row_ok(cells, TABLE3_COLUMNS)}


@pytest.mark.parametrize("printed, collapse, blanks, readings", [
    ([2, 0, 2], True, False, [(2, 0, 0, 0, 0, 0, 2)]),  # a crawl's collapsed run: one reading adds up
    ([287, 24, 2, 0, 1, 315], True, False, [(287, 24, 2, 0, 1, 1, 315)]),  # the repeat is the 1
    ([0], True, False, [(0,) * 7]),  # all zeros, no empty cell
    ([3, 3], False, True, []),  # blanks only: 3 in one applicant cell and 3 in 总计 — but then the sum is 3
    ([5, 7], True, False, []),  # no reading adds up
])
def test_expansions(printed, collapse, blanks, readings):
    got = expansions(printed, 7, ROW, collapse=collapse, blanks=blanks)
    if printed == [3, 3]:
        assert len(got) == 6 and all(r[6] == 3 and sum(v or 0 for v in r[:6]) == 3 for r in got)
    else:
        assert got == readings


def test_expansions_report_too_many_readings_as_none():
    assert expansions([0], 15, {}, collapse=True, blanks=True, cap=10) is None


@pytest.mark.parametrize("digits, n, checks, readings", [
    ("1100002", 7, ROW, [(1, 1, 0, 0, 0, 0, 2)]),
    ("120000012", 7, ROW, [(12, 0, 0, 0, 0, 0, 12)]),
    ("000000000000000", 15, {4: lambda c: table4_block_ok(c[0:5])}, [(0,) * 15]),
    ("1017", 3, {}, [(1, 0, 17), (10, 1, 7)]),  # 表二 has no identity: two readings stay
])
def test_splits(digits, n, checks, readings):
    assert sorted(splits(digits, n, checks)) == sorted(readings)


def test_without_extra_drops_a_page_number_only_when_the_sums_say_which():
    assert without_extra([3, 0, 0, 0, 7, 0, 0, 3], 7, ROW) == [(3, 0, 0, 0, 0, 0, 3)]


def test_agreed_keeps_what_every_reading_shares():
    values, known = agreed([(7, 7, 14), (7, 14, 14)], 3)
    assert (values, known) == ([7, None, 14], [True, False, True])
