"""Keywords of the problems and measures parts: jieba segmentation, recurring terms, keyword in context."""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parsing.paths import DATA_DIR
from parsing.text.variants import to_simplified

DATA = DATA_DIR
TOKEN_OK = re.compile(r"^[\u4e00-\u9fff]{2,}$")
SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    lines = (DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


USERDICT_LINE = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")  # jieba's own user-dictionary line format


class _RustJieba:
    """rjieba (jieba-rs): jieba's dictionary and algorithm (accurate mode, HMM on) at about 27× the speed,
    with the domain dictionary added word by word (rjieba has no load_userdict). On the problems and
    measures of 10,000 generated and the five bundled reports it gives jieba's Chinese tokens exactly
    (bench/segment_bench.py); only URLs and phone numbers stay whole, which TOKEN_OK drops anyway."""

    def __init__(self, userdict: Path):
        import rjieba

        self._tk = rjieba.Jieba()
        for line in userdict.read_text(encoding="utf-8").lstrip("\ufeff").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                word, freq, tag = USERDICT_LINE.match(line).groups()
                self._tk.add_word(word.strip(), int(freq) if freq else None, tag.strip() if tag else None)

    def lcut(self, text: str) -> list[str]:
        return self._tk.cut(text, True)


@lru_cache(maxsize=1)
def tokenizer():
    """The segmenter, with the domain dictionary loaded once per process: rjieba when installed (0.1 s to
    load instead of jieba's 1.2 s), else jieba itself. REPORT_SEGMENTER=jieba forces jieba."""
    if os.environ.get("REPORT_SEGMENTER", "").lower() != "jieba" and importlib.util.find_spec("rjieba"):
        return _RustJieba(DATA / "userdict.txt")
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    tk.load_userdict(str(DATA / "userdict.txt"))
    return tk


def terms(text: str) -> list[str]:
    """Content words of a passage: segmented, without stopwords, punctuation, numbers or single characters."""
    if not text:
        return []
    stop = stopwords()
    return [w for w in tokenizer().lcut(text) if TOKEN_OK.match(w) and w not in stop]


@dataclass(frozen=True)
class Context:
    doc_id: str
    sentence: str
    start: int  # of the term inside the sentence
    end: int


def keyword_in_context(term: str, passages: Mapping[str, str] | Iterable[tuple[str, str]]) -> Iterator[Context]:
    """Every sentence containing term, in document order. Traditional characters fold to simplified on both
    sides (公開 is found by 公开 and the reverse); the sentence is given as written, with the term's place in it
    (folding keeps every offset). passages: doc_id → text, or (doc_id, text) pairs as they are read."""
    wanted = to_simplified(term.strip())
    if not wanted:
        return
    for doc_id, text in (passages.items() if isinstance(passages, Mapping) else passages):
        if not text:
            continue
        folded = to_simplified(text)
        if wanted not in folded:  # one C-level scan rejects the texts without it
            continue
        for m in SENTENCE.finditer(folded):
            raw = m.group()
            sentence = raw.strip()
            at = sentence.find(wanted)
            if at != -1:
                start = m.start() + len(raw) - len(raw.lstrip())
                yield Context(doc_id, text[start:start + len(sentence)], at, at + len(wanted))
