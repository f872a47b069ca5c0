"""Recurring problems and measures: themes tagged per sentence, and text a report repeats from another year.

Themes are data (parsing/data/themes.csv): a code, a short Chinese name, a one-line definition, the cue
phrases that signal it, and for a measure theme the problem theme it answers. A sentence of a report's
problems (or measures) part carries a theme when it contains one of the theme's cues; the sentence is the
evidence. P00 (空泛表述) is given only to a problem sentence that names no other theme: boilerplate such as
"仍存在一定差距" with nothing specific.

Repetition uses rapidfuzz (a maintained C++ implementation of edit-distance ratios: one sentence against
the sentences of another year costs microseconds, so 10,000 reports stay fast). A sentence is "restated"
when its best match in the other text has a ratio ≥ REPEAT_RATIO; the unit is the clause (between commas),
since a restated problem is often one clause of a reworded sentence.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from parsing.paths import DATA_DIR

DATA = DATA_DIR
VAGUE = "P00"
REPEAT_RATIO = 80.0
SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
MARKER = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[一二三四五六七八九十]是)\s*")


@dataclass(frozen=True)
class Theme:
    side: str  # problem / measure
    code: str
    name: str
    definition: str
    cues: tuple[str, ...]
    answers: str  # for a measure: the problem theme it answers


@dataclass(frozen=True)
class ThemeHit:
    code: str
    name: str
    sentence: str


@lru_cache(maxsize=1)
def themes() -> tuple[Theme, ...]:
    with open(DATA / "themes.csv", encoding="utf-8") as fh:
        rows = [Theme(r["side"], r["code"], r["name"], r["definition"], tuple(c for c in r["cues"].split("|") if c),
                      r["answers"] or "") for r in csv.DictReader(fh)]
    bad = [t.code for t in rows if t.side not in ("problem", "measure") or not t.cues]
    if bad:
        raise ValueError(f"themes.csv: rows without a side or cues: {bad}")
    return tuple(rows)


@lru_cache(maxsize=2)
def _patterns(side: str) -> tuple[tuple[Theme, re.Pattern[str]], ...]:
    return tuple((t, re.compile("|".join(map(re.escape, sorted(t.cues, key=len, reverse=True)))))
                 for t in themes() if t.side == side)


def split_sentences(text: str) -> list[str]:
    """Sentences of a part, without their item markers (一是 / （一） / 1、)."""
    out = []
    for m in SENTENCE.finditer(text or ""):
        s = MARKER.sub("", m.group().strip())
        if len(s) >= 4:
            out.append(s)
    return out


@lru_cache(maxsize=8192)
def tag(text: str, side: str) -> tuple[ThemeHit, ...]:
    """Every (theme, sentence) of a problems (side='problem') or measures (side='measure') text.

    Cached: the checklist, the 问题主题 view, the 机构档案 page and the brief all ask for the same texts."""
    hits: list[ThemeHit] = []
    for sentence in split_sentences(text):
        found = [t for t, pattern in _patterns(side) if t.code != VAGUE and pattern.search(sentence)]
        if not found and side == "problem":
            found = [t for t, pattern in _patterns(side) if t.code == VAGUE and pattern.search(sentence)]
        hits += [ThemeHit(t.code, t.name, sentence) for t in found]
    return tuple(hits)


def theme_names(side: str | None = None) -> dict[str, str]:
    return {t.code: t.name for t in themes() if side is None or t.side == side}


@dataclass(frozen=True)
class Restated:
    sentence: str  # this year's
    earlier: str  # the best match in the earlier text
    ratio: float


CLAUSE = re.compile(r"[^，,。！？!?；;\n]+")


def split_clauses(text: str) -> list[str]:
    """Clauses of at least 8 characters: a restated problem is often one clause of a longer sentence
    (……取得了新的进展，但……还存在一些差距，……及时性、便民性还需要进一步提高)."""
    return [c for c in (MARKER.sub("", m.group().strip()) for m in CLAUSE.finditer(text or "")) if len(c) >= 8]


def repetition(text: str, earlier: str) -> tuple[float, list[Restated]]:
    """How much of text restates earlier: (share of its clauses restated, the restated clause pairs)."""
    now, before = split_clauses(text), split_clauses(earlier)
    if not now or not before:
        return 0.0, []
    pairs = []
    for sentence in now:
        best = process.extractOne(sentence, before, scorer=fuzz.ratio)
        if best and best[1] >= REPEAT_RATIO:
            pairs.append(Restated(sentence, best[0], round(best[1], 1)))
    return len(pairs) / len(now), pairs


def shared_sentences(texts: dict[str, str], min_reports: int = 2, ratio: float = 90.0) -> list[tuple[str, list[str]]]:
    """Boilerplate across reports: near-identical sentences found in at least min_reports texts.
    texts: report label → text. Returns (sentence, [labels]) sorted by how many reports share it."""
    clusters: list[tuple[str, set[str]]] = []
    for label, text in texts.items():
        for sentence in set(split_sentences(text)):
            if len(sentence) < 8:
                continue
            heads = [c[0] for c in clusters]
            best = process.extractOne(sentence, heads, scorer=fuzz.ratio) if heads else None
            if best and best[1] >= ratio:
                clusters[best[2]][1].add(label)
            else:
                clusters.append((sentence, {label}))
    out = [(s, sorted(labels)) for s, labels in clusters if len(labels) >= min_reports]
    return sorted(out, key=lambda c: (-len(c[1]), c[0]))
