"""The cached boundary between the files on disk and the app: parse once per distinct content."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st

from parsing.corpus import Corpus, parse_many, read_folder, to_frame
from parsing.keywords import terms


@st.cache_data(show_spinner="正在解析报告……")
def _parse(files: tuple[tuple[str, bytes], ...], uploaded_names: frozenset[str]) -> tuple[Corpus, pd.DataFrame]:
    corpus = parse_many(files)
    frame = to_frame(corpus)
    frame["source"] = ["上传" if f in uploaded_names else "数据文件夹" for f in frame["file"]]
    return corpus, frame


def load_corpus(folder: str | Path, uploads: tuple[tuple[str, bytes], ...] = ()) -> tuple[Corpus, pd.DataFrame]:
    """Read every file (cheap) and parse only when their contents changed (cache keyed by bytes).

    uploads are this session's uploaded reports; they join the corpus marked 上传."""
    return _parse(tuple(read_folder(folder)) + tuple(uploads), frozenset(n for n, _d in uploads))


@st.cache_resource(show_spinner="正在加载分词词典……")
def _warm_tokenizer() -> bool:
    terms("政府信息公开")  # loads jieba's dictionary once per process
    return True


@st.cache_data(show_spinner=False)
def document_terms(corpus_key: str, passages: tuple[tuple[str, str], ...]) -> dict[str, list[str]]:
    """Segmented terms of each report's passage, computed once per corpus, not per rerun."""
    _warm_tokenizer()
    return {doc_id: terms(text) for doc_id, text in passages}


def corpus_key(frame: pd.DataFrame) -> str:
    return hashlib.sha256("".join(frame["sha256"]).encode()).hexdigest()
