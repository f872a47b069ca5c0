"""Read report files: bytes in, decoded text out. Encodings are detected, not assumed."""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")  # see formats.py
DEFAULT_MAX_MB = 20  # same as server.maxUploadSize in .streamlit/config.toml


def max_bytes() -> int:
    """The size limit for one report file (REPORT_MAX_MB overrides the default of 20 MB)."""
    try:
        return max(1, int(float(os.environ.get("REPORT_MAX_MB", DEFAULT_MAX_MB)) * 1024 * 1024))
    except ValueError:
        return DEFAULT_MAX_MB * 1024 * 1024


def describe_limit() -> str:
    limit = max_bytes()
    if limit >= 1024 * 1024:
        return f"{round(limit / 1024 / 1024, 1):g} MB"
    return f"{round(limit / 1024, 1):g} KB"


class ReportReadError(Exception):
    """Raised with a human-readable reason when a file cannot be read as a report."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > len(sample) * 0.05


def decode_bytes(data: bytes) -> str:
    """Decode report bytes: BOMs first, then strict UTF-8, then detection (GB18030, Big5, UTF-16…)."""
    if not data:
        raise ReportReadError("文件为空（0 字节）")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise ReportReadError(f"带 {enc} 字节序标记，但内容无法按该编码解码") from exc
    # UTF-16 without BOM: every other byte is zero in mostly-ASCII/CJK text.
    if len(data) >= 4 and data[:4096].count(b"\x00") > len(data[:4096]) // 4:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _mostly_text(text):
                return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason.startswith("unexpected end"):
            return data[:exc.start].decode("utf-8")  # a UTF-8 file cut inside its last character
    # UTF-16 without BOM and with CJK text has few zero bytes: judge by how natural the result reads.
    if len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _mostly_text(text) and _common_ratio(text) > 0.2:
                return text
    if _looks_binary(data):
        raise ReportReadError("不是文本文件（看起来是二进制数据）")
    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "utf_8"]).best()
    if best is None:
        raise ReportReadError("无法识别文件编码（试过 UTF-8、GB18030/GBK、Big5、UTF-16）")
    encoding = best.encoding
    if encoding in ("gbk", "gb2312"):
        encoding = "gb18030"
    return data.decode(encoding, errors="replace")


COMMON = set("的一是在不了有和人这中大为上个国我以要时来用们到作地于出就分对成会可主发年动同工也能下过"
             "产面方后多定行法所民得经十三之进着等部度家力里如化高二理起小现实加量都两体制机当使点从业本"
             "去性好应开合还因由其些然前外政四日社义事平形相全表间样与关各重新线内数正心明看原比或但质第"
             "条没结解问意建月公无系通并提直题展五果位入常文总次品式设及管特件长求基资边流路级少图知较将"
             "组见计别手期根论运指几九区强放决西被做必回则任取据处理府信息开局，。、；：（）")


def _common_ratio(text: str) -> float:
    sample = text[:2000]
    return sum(1 for ch in sample if ch in COMMON) / max(1, len(sample))


def _mostly_text(text: str) -> bool:
    if not text:
        return False
    printable = sum(1 for ch in text if ch.isprintable() or ch.isspace())
    return printable / len(text) > 0.95


def read_report_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is not a plain file of the data folder: a symlink is never followed
    (it could point at /etc/passwd), a FIFO or device is never opened for reading (it would block), and
    the size limit is checked on the bytes read, not on a size the file system may report as 0 (/proc)."""
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise ReportReadError("文件不存在") from None
    if stat.S_ISLNK(info.st_mode):
        raise ReportReadError("是符号链接（快捷方式），为安全起见不跟随读取；请把报告文件本身放进数据文件夹")
    if not stat.S_ISREG(info.st_mode):
        raise ReportReadError("不是普通文件（可能是管道、设备或文件夹），已跳过")
    limit = max_bytes()
    if info.st_size > limit:
        raise ReportReadError(f"文件过大：{info.st_size / 1024 / 1024:.1f} MB，上限为 {describe_limit()}")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise ReportReadError("不是普通文件（可能是管道、设备或文件夹），已跳过")
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ReportReadError(f"文件过大：超过上限 {describe_limit()}")
    return data


def iter_report_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders into their report files (sorted); files are yielded as given.

    Symlinks and other non-plain entries with a report suffix are yielded too, so that reading them
    gives a note naming the file and why it was skipped (read_report_bytes), instead of silence."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and not path.is_symlink():
            for child in sorted(path.iterdir()):
                if child.suffix.lower() in REPORT_SUFFIXES and not child.name.startswith(".") \
                        and (child.is_symlink() or not child.is_dir()):
                    yield child
        else:
            yield path
