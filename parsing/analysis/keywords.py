"""Keywords of the problems and measures parts: jieba segmentation, recurring terms, keyword in context."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from parsing.paths import DATA_DIR

DATA = DATA_DIR
TOKEN_OK = re.compile(r"^[\u4e00-\u9fff]{2,}$")
SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    lines = (DATA / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def tokenizer():
    """A jieba tokenizer with the domain dictionary loaded once per process."""
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


def keyword_in_context(term: str, passages: dict[str, str]) -> Iterator[Context]:
    """Every sentence containing term, in document order."""
    if not term:
        return
    for doc_id, text in passages.items():
        for m in SENTENCE.finditer(text or ""):
            sentence = m.group().strip()
            at = sentence.find(term)
            if at != -1:
                yield Context(doc_id, sentence, at, at + len(term))
