"""Readings of a damaged table row: every way the printed values can fill the row's cells.

Pure functions over plain values. Each returns the candidate rows (tuples of cell values, None for a blank cell)
that are consistent with how the printed form damages a row and that pass the row's identity checks. The reader
keeps a cell only where every candidate agrees; where they differ the cell is unknown, never a guess.

Damage models (see ../shared/realdev-template/README.md for the real forms):
- collapse: a crawler writes one cell per line and drops a line equal to the line before it, so runs of equal
  values print once (`2 0 0 0 0 0 2` → `2 0 2`); with `blanks`, an empty cell also leaves no line;
- blanks only: text made from a PDF or a page keeps every printed value in order but an empty cell vanishes;
- squash: cells joined with no separator (`5030302031539`): a digit string split into cells;
- extra: a page number or a stray value joined the row's stream: one or two values too many.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

Checks = dict[int, Callable[[list], bool]]  # cell index → test of the cells placed so far (0..index)
CAP = 512  # more readings than this: the row is treated as unknowable


class TooMany(Exception):
    pass


def expansions(tokens: Sequence, n: int, checks: Checks, *, collapse: bool, blanks: bool,
               cap: int = CAP) -> list[tuple] | None:
    """The rows of n cells whose non-blank cells, in order (with runs of equal values printed once when
    collapse), give exactly tokens, and that pass checks. None when there are more than cap."""
    k = len(tokens)
    if k > n or (k == 0 and not blanks):
        return []
    out: list[tuple] = []
    cells: list = []

    def walk(j: int, i: int, last: int) -> None:
        if j == n:
            if i == k:
                out.append(tuple(cells))
                if len(out) > cap:
                    raise TooMany
            return
        options = []
        if i < k:
            options.append((tokens[i], i + 1, i))
        if collapse and last >= 0 and n - j - 1 >= k - i:
            options.append((tokens[last], i, last))
        if blanks and n - j - 1 >= k - i:
            options.append((None, i, last))
        for value, ni, nlast in options:
            cells.append(value)
            check = checks.get(j)
            if check is None or check(cells):
                walk(j + 1, ni, nlast)
            cells.pop()

    try:
        walk(0, 0, -1)
    except TooMany:
        return None
    return out


def splits(digits: str, n: int, checks: Checks, cap: int = CAP) -> list[tuple] | None:
    """The ways to cut a digit string into n numbers (no leading zero but for 0 itself) passing checks."""
    out: list[tuple] = []
    cells: list = []
    length = len(digits)

    def walk(j: int, pos: int) -> None:
        if j == n:
            if pos == length:
                out.append(tuple(cells))
                if len(out) > cap:
                    raise TooMany
            return
        left = n - j - 1
        for end in range(pos + 1, min(length - left, pos + 10) + 1):
            part = digits[pos:end]
            if len(part) > 1 and part[0] == "0":
                break
            cells.append(int(part))
            check = checks.get(j)
            if check is None or check(cells):
                walk(j + 1, end)
            cells.pop()

    if length < n:
        return []
    try:
        walk(0, 0)
    except TooMany:
        return None
    return out


def without_extra(tokens: Sequence, n: int, checks: Checks, most: int = 2) -> list[tuple]:
    """Rows made by leaving out one or two of tokens (a page number in the stream) that pass checks."""
    extra = len(tokens) - n
    if extra < 1 or extra > most:
        return []
    out = set()
    for drop in combinations(range(len(tokens)), extra):
        row = tuple(t for i, t in enumerate(tokens) if i not in drop)
        if all(check(list(row[:j + 1])) for j, check in checks.items()):
            out.add(row)
    return sorted(out, key=repr)


def agreed(candidates: list[tuple], n: int) -> tuple[list, list[bool]]:
    """Cell by cell: the value every candidate gives, and whether they all agree."""
    values, known = [], []
    for c in range(n):
        seen = {(type(row[c]) is float, row[c]) for row in candidates}
        if candidates and len({v for _f, v in seen}) == 1:
            values.append(candidates[0][c])
            known.append(True)
        else:
            values.append(None)
            known.append(False)
    return values, known
