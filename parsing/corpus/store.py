"""Saving a user's report into the data folder: a safe, unique name, written atomically, never overwriting."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath

from parsing.corpus.files import sha256_of
from parsing.readers import SUPPORTED_SUFFIXES

UNSAFE = re.compile(r"[^\w\u4e00-\u9fff\-.（）()]+")
MAX_NAME_CHARS = 80  # of the stem: a name a person can still read in a list
# of the whole name, in UTF-8: file systems allow 255 bytes, and save_report may add "-999" before the suffix
MAX_NAME_BYTES = 240


def fit_name(stem: str, suffix: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """stem + suffix, the stem cut to MAX_NAME_CHARS characters and the whole to max_bytes bytes of UTF-8 (never
    inside a character): 100 × U+20000 is 100 characters but 400 bytes, which no file system takes."""
    stem = stem[:MAX_NAME_CHARS]
    room = max_bytes - len(suffix.encode("utf-8"))
    encoded = stem.encode("utf-8")
    if len(encoded) > room:
        stem = encoded[:max(0, room)].decode("utf-8", errors="ignore")
    return stem + suffix


def safe_name(uploaded_name: str, data: bytes) -> str:
    """A file name that cannot be a path: last component only, no dots at the start, limited length.

    The raw uploaded name never reaches the file system: 『../../etc/passwd』 becomes 『passwd.txt』-like
    names inside the data folder, and an empty or hostile name falls back to the content hash."""
    base = PureWindowsPath(PurePosixPath(uploaded_name.replace("\x00", "")).name).name
    base = unicodedata.normalize("NFC", base)
    stem, dot, suffix = base.rpartition(".")
    suffix = ("." + suffix.lower()) if dot else ""
    if suffix not in SUPPORTED_SUFFIXES:
        stem, suffix = base, ".txt"
    stem = fit_name(UNSAFE.sub("_", stem).strip("._-"), suffix)[: -len(suffix)].rstrip("._-")
    if not stem:
        stem = "report_" + sha256_of(data)[:12]
    return stem + suffix


def save_report(folder: str | Path, uploaded_name: str, data: bytes) -> tuple[Path, bool]:
    """Write data into folder under a safe unique name. Returns (path, created).

    If a file with the same bytes is already there, nothing is written (created=False). The bytes go
    to a temporary file first and are linked into place only when complete, and the link fails
    rather than replace an existing file: a crash leaves no half-written report and nothing the
    user had is overwritten."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    digest = sha256_of(data)
    for existing in folder.iterdir():
        if existing.name.startswith(".") or existing.is_symlink():
            continue  # another save's temporary file, the trash, or a link: never a match
        try:
            if existing.is_file() and existing.stat().st_size == len(data) and \
                    sha256_of(existing.read_bytes()) == digest:
                return existing, False
        except FileNotFoundError:
            continue  # removed while we looked (another session saving or removing at the same moment)
    name = safe_name(uploaded_name, data)
    stem, suffix = name[: -len(Path(name).suffix)] if Path(name).suffix else name, Path(name).suffix
    fd, tmp = tempfile.mkstemp(prefix=".upload-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        for n in range(0, 1000):
            target = folder / (f"{stem}{suffix}" if n == 0 else f"{stem}-{n}{suffix}")
            try:
                os.link(tmp, target)  # atomic, and refuses to replace an existing file
            except FileExistsError:
                continue
            return target, True
        raise FileExistsError(f"{folder} 中同名文件过多")
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


NOT_A_REPORT = "不是政府信息公开工作年度报告"
TRASH = ".trash"


def refusal(error: str | None, warnings: list[str] | tuple[str, ...] = ()) -> str | None:
    """Why an upload may not be saved into the data folder, or None, from what its parse gave (in the supervised
    worker, parsing/corpus/sandbox.py: never again in the server): its error, or its record's warnings. Only a file
    that reads as a report is saved (an unreadable file or a document of another genre would show as an error to
    every session)."""
    if error is not None:
        return f"无法读取：{error}"
    if any(NOT_A_REPORT in w for w in warnings):
        return "内容不是政府信息公开工作年度报告（没有该类报告的标志性用语）"
    return None


def vet(items: list[tuple[str, bytes]], seconds: float | None = None,
        memory_mb: int | None = None) -> list[str | None]:
    """refusal() of each (name, bytes), parsed in the supervised worker with its time and memory limit."""
    from parsing.corpus.sandbox import parse_supervised

    return [refusal(payload.get("error"), (payload.get("record") or {}).get("warnings", ()))
            for payload, _text in parse_supervised(items, 1, seconds, memory_mb)]


def unique_name(name: str, taken: set[str] | frozenset[str]) -> str:
    """name, or the first of name-1, name-2 … (before the suffix, as save_report names a second file) not in taken:
    two uploads called 年报.txt are both kept."""
    if name not in taken:
        return name
    stem, suffix = (name[: -len(PurePosixPath(name).suffix)], PurePosixPath(name).suffix) \
        if PurePosixPath(name).suffix else (name, "")
    n = 1
    while f"{stem}-{n}{suffix}" in taken:
        n += 1
    return f"{stem}-{n}{suffix}"


def move_to_trash(folder: str | Path, name: str) -> Path:
    """Take a report out of the data folder without deleting it: it moves to <folder>/.trash/ under a name
    that never replaces an earlier one. Raises FileNotFoundError or ValueError (not a plain report file)."""
    folder = Path(folder)
    source = folder / PurePosixPath(name).name
    if source.is_symlink() or not source.is_file() or source.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise ValueError(f"“{name}”不是数据文件夹中的报告文件")
    trash = folder / TRASH
    trash.mkdir(exist_ok=True)
    for n in range(0, 1000):
        target = trash / (source.name if n == 0 else f"{source.stem}-{n}{source.suffix}")
        try:
            os.link(source, target)  # never replaces a file already in the trash
        except FileExistsError:
            continue
        os.unlink(source)
        return target
    raise FileExistsError(f"{trash} 中同名文件过多")
