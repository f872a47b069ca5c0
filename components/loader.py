"""The cached boundary between the files on disk and the app.

A folder is fingerprinted by its files' names, sizes and modification times (a cheap stat, so a
rerun costs nothing); when that changes, the folder is loaded through the parse cache on disk,
which is keyed by each file's sha256 — only new or changed contents are parsed, in parallel.
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from pathlib import Path

import pandas as pd
import streamlit as st

from components.frame import to_frame
from parsing.corpus.build import Corpus, finish, load_corpus, parse_many
from parsing.corpus.cache import default_cache_dir
from parsing.corpus.files import listed_reports, sha256_of
from parsing.corpus.fingerprint import parser_fingerprint
from parsing.schema import ParsedReport


def fingerprint(folder: Path) -> tuple[tuple[str, int, int], ...]:
    out = []
    if folder.is_dir():
        for name, _where, info in listed_reports([folder]):  # strings and their lstat: 1.5 s less at 100,000
            if info is not None:
                out.append((name, info.st_size, info.st_mtime_ns))
    return tuple(out)


def progress_text(done: int, total: int, elapsed: float) -> str:
    """The load bar's words: how far, how fast (files/s) and how long is left, once there is a rate."""
    text = f"正在解析报告：{done:,} / {total:,}"
    if done and elapsed > 0.5:
        rate = done / elapsed
        left = (total - done) / rate
        minutes, seconds = divmod(round(left), 60)
        text += f"，每秒 {rate:,.0f} 份，" + (f"约剩 {minutes} 分 {seconds} 秒" if minutes else
                                            f"约剩 {seconds} 秒" if seconds else "即将完成")
    return text + "（只解析新增或改动的文件）"


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_folder(folder: str, fingerprint_key: str, cache_dir: str) -> tuple[Corpus, pd.DataFrame]:
    bar = st.progress(0.0, text="正在读取报告……")
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        if total:
            bar.progress(done / total, text=progress_text(done, total, time.perf_counter() - started))

    corpus = load_corpus([folder], cache_dir=cache_dir, progress=progress)
    bar.empty()
    frame = to_frame(corpus)
    frame["source"] = "数据文件夹"
    _settle()
    return corpus, frame


def _settle() -> None:
    """Move what was just loaded out of the garbage collector's sight (gc.freeze). The corpus and its frame
    live as long as the cache entry, and each collection walked all of their objects again: at 10,000 reports
    that was half of 质量检查's first open (0.8 → 0.5 s). Frozen objects are still freed by reference counting
    when the cache drops them; reference cycles among them are not, so each load first unfreezes and collects
    what earlier loads left behind (a cache entry dropped since), then freezes what is alive."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


@st.cache_resource(show_spinner="正在解析上传的报告……", max_entries=16)
def _with_uploads(folder: str, fingerprint_key: str, cache_dir: str,
                  uploads: tuple[tuple[str, bytes], ...]) -> tuple[Corpus, pd.DataFrame]:
    base, base_frame = _load_folder(folder, fingerprint_key, cache_dir)
    known = dict(zip(base_frame["sha256"].tolist(), base_frame["file"].tolist(), strict=True))
    same = [(name, known[digest]) for name, data in uploads if (digest := sha256_of(data)) in known]
    uploads = tuple((name, data) for name, data in uploads if sha256_of(data) not in known)
    extra = parse_many(uploads, isolate=True)  # never in the server process: a runaway upload is stopped
    extra.notes[:0] = [f"上传的“{name}”与数据文件夹中的“{other}”内容完全相同（sha256 相同），只计一次"
                       for name, other in same]
    # The folder's records are shared by every session: this session's conflicts and cross-year checks
    # are computed on copies, never on them.
    own = [ParsedReport(p.record.detached(), p.text) for p in base.reports]
    corpus = Corpus(reports=own + extra.reports, errors=base.errors + extra.errors,
                    notes=list(base.notes) + extra.notes, terms={**base.terms, **extra.terms},
                    text_loader=base.text_loader)
    finish(corpus)
    frame = to_frame(corpus)
    names = {p.record.file for p in extra.reports}
    frame["source"] = ["上传" if f in names else "数据文件夹" for f in frame["file"]]
    _settle()
    return corpus, frame


def load(folder: Path, uploads: tuple[tuple[str, bytes], ...] = ()) -> tuple[Corpus, pd.DataFrame]:
    """The corpus of the data folder plus this session's uploads (marked 上传).

    The folder is fingerprinted once per page load (a browser reload starts a new session), not on
    every filter click: at 10,000 files the stat calls alone cost ~100 ms."""
    state_key = f"folder_fingerprint:{folder}"
    key = st.session_state.get(state_key)
    if key is None:
        # the parser's fingerprint too: an edited vocabulary must not be served from the shared cache
        key = hashlib.sha256(repr((fingerprint(folder), parser_fingerprint())).encode()).hexdigest()
        st.session_state[state_key] = key
    cache_dir = str(Path(os.environ.get("REPORT_CACHE_DIR") or default_cache_dir()))
    if uploads:
        return _with_uploads(str(folder), key, cache_dir, uploads)
    return _load_folder(str(folder), key, cache_dir)

