"""Bounded look-behind and look-ahead for sentence and clause edges.

str.rfind(c, 0, pos) scans back to the start of the text when c is absent: on a 19 MB report without line
breaks every call is a full scan, and a call per match makes the parse quadratic. A sentence is never
longer than WINDOW characters, so looking that far is enough and keeps each call bounded."""

from __future__ import annotations

WINDOW = 4000


def back(text: str, chars: str, pos: int) -> int:
    """Offset just after the last of chars before pos (within WINDOW), or the window's start."""
    floor = max(0, pos - WINDOW)
    found = max(text.rfind(c, floor, pos) for c in chars)
    return found + 1 if found != -1 else floor


def ahead(text: str, chars: str, pos: int) -> int:
    """Offset of the first of chars at or after pos (within WINDOW), or the window's end."""
    ceiling = min(len(text), pos + WINDOW)
    found = [i for i in (text.find(c, pos, ceiling) for c in chars) if i != -1]
    return min(found) if found else ceiling


def inside_book_title(text: str, pos: int) -> bool:
    """pos is inside 《…》 opened at most 60 characters before (a cited document's title, not the report's)."""
    open_at = text.rfind("《", max(0, pos - 60), pos)
    return open_at != -1 and text.rfind("》", open_at, pos) == -1
