"""China's administrative divisions, read from the cpca package's adcode table.

cpca ships the national adcode list (province → city → county, with codes). We read its CSV
directly rather than calling cpca.transform, so a lookup is a dictionary probe and nothing
depends on cpca's import-time setup.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parsing.paths import DATA_DIR

EXTRA_DIVISIONS = DATA_DIR / "divisions_extra.csv"
PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
CITY_SUFFIX = re.compile(r"(?:市|地区|盟|(?:[\u4e00-\u9fff]{1,8}族)+自治州|自治州)$")


@dataclass(frozen=True)
class Division:
    adcode: str  # six digits
    name: str
    rank: int  # 0 province, 1 city, 2 county

    @property
    def province_code(self) -> str:
        return self.adcode[:2] + "0000"

    @property
    def city_code(self) -> str:
        return self.adcode[:4] + "00"


def _adcodes_csv() -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("cpca (the gazetteer of administrative divisions) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


class Gazetteer:
    def __init__(self, rows: list[tuple[str, str]]):
        self.by_code: dict[str, Division] = {}
        self.by_name: dict[str, list[Division]] = {}
        for code12, name in rows:
            code = code12[:6]
            rank = 0 if code.endswith("0000") else 1 if code.endswith("00") else 2
            div = Division(code, name, rank)
            self.by_code[code] = div
            if name in PLACEHOLDER_CITIES:
                continue
            for alias in self._aliases(div):
                self.by_name.setdefault(alias, []).append(div)
        self.max_len = max(len(n) for n in self.by_name)

    @staticmethod
    def _aliases(div: Division) -> set[str]:
        names = {div.name}
        if div.rank == 0:
            short = PROVINCE_SUFFIX.sub("", div.name)
        elif div.rank == 1:
            short = CITY_SUFFIX.sub("", div.name)
        else:
            short = ""  # county names are kept whole: short forms collide too often
        if len(short) >= 2:
            names.add(short)
        return names

    def province_of(self, div: Division) -> Division | None:
        return self.by_code.get(div.province_code)

    def city_of(self, div: Division) -> Division | None:
        """The prefecture-level city; for the four municipalities, the municipality itself."""
        if div.rank < 1:
            return None
        city = self.by_code.get(div.city_code)
        if city is None or city.name in PLACEHOLDER_CITIES:
            province = self.province_of(div)
            return province if province and province.name.endswith("市") else None
        return city

    def find_all(self, text: str) -> list[tuple[int, int, list[Division]]]:
        """Every place name in text, longest match first, left to right: (start, end, candidates)."""
        out = []
        i, n = 0, len(text)
        while i < n:
            for length in range(min(self.max_len, n - i), 1, -1):
                cands = self.by_name.get(text[i:i + length])
                if cands:
                    out.append((i, i + length, cands))
                    i += length
                    break
            else:
                i += 1
        return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    with open(_adcodes_csv(), encoding="utf-8") as fh:
        rows = [(r["adcode"], r["name"]) for r in csv.DictReader(fh)]
    # Divisions created after cpca's table was made (光明区 2018 …), kept as data beside the vocabularies.
    with open(EXTRA_DIVISIONS, encoding="utf-8") as fh:
        known = {code[:6] for code, _n in rows}
        rows += [(r["adcode"], r["name"]) for r in csv.DictReader(fh) if r["adcode"] not in known]
    return Gazetteer(rows)
