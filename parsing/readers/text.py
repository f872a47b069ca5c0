"""Plain-text reports (.txt, .md): bytes in, decoded text out. Encodings are detected, not assumed."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from parsing.errors import EMPTY_FILE, ReportReadError


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > len(sample) * 0.05


def decode_bytes(data: bytes) -> str:
    """Decode report bytes: BOMs first, then strict UTF-8, then detection (GB18030, Big5, UTF-16…)."""
    if not data:
        raise ReportReadError(EMPTY_FILE)
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
