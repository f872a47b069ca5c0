"""Numbers as reports write them: 123, １２３, 一百二十三, 9万余, 1,200 — converted with cn2an."""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

CN_DIGITS = "零〇○一二两三四五六七八九十百千万亿"
# A number token: Arabic (with optional thousands commas / decimals / 万) or Chinese numerals.
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*万)?"
    rf"|[{CN_DIGITS}]+"
)


@dataclass(frozen=True)
class Number:
    value: float
    approximate: bool = False

    @property
    def as_int(self) -> int | None:
        return int(self.value) if float(self.value).is_integer() else None


def parse_number(token: str, approx_marker: str = "") -> Number | None:
    """Parse one number token; None if it is not a number (e.g. a lone 万 or 十分)."""
    raw = token.strip().replace(" ", "")
    if not raw:
        return None
    scale = 1
    if raw.endswith("万") and raw[:-1] and raw[:-1][-1].isdigit():
        scale, raw = 10000, raw[:-1]
    raw = raw.replace(",", "")
    try:
        if re.fullmatch(r"\d+(?:\.\d+)?", raw):
            value = float(raw)
        else:
            if raw in {"万", "亿", "百", "千"}:
                return None
            value = float(cn2an.cn2an(raw.replace("○", "〇"), "smart"))
    except (ValueError, KeyError, TypeError):
        return None
    return Number(value * scale, approximate=bool(approx_marker))


def year_from_token(token: str) -> int | None:
    """A four-digit year in Arabic or digit-by-digit Chinese (二〇一六)."""
    if re.fullmatch(r"\d{4}", token):
        return int(token)
    digits = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
    if len(token) == 4 and all(ch in digits for ch in token):
        return int("".join(digits[ch] for ch in token))
    return None
