"""A folder of reports → parsed records and a tidy table (pandas). Still no Streamlit here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .load import ReportReadError, iter_report_paths, read_report_bytes
from .report import parse_bytes
from .types import LoadError, ParsedReport

INT_FIELDS = ("year", "proactive_total", "applications_received", "reconsideration", "litigation")


@dataclass
class Corpus:
    reports: list[ParsedReport] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)

    def text_of(self, file: str) -> str:
        return next(r.text for r in self.reports if r.record.file == file)


def read_folder(folder: str | Path) -> list[tuple[str, bytes]]:
    """(name, bytes) of every report file in folder; unreadable files come back as empty bytes."""
    out = []
    for path in iter_report_paths([folder]):
        try:
            out.append((path.name, read_report_bytes(path)))
        except (OSError, ReportReadError):
            out.append((path.name, b""))
    return out


def parse_many(files: Iterable[tuple[str, bytes]]) -> Corpus:
    corpus = Corpus()
    for name, data in files:
        try:
            corpus.reports.append(parse_bytes(data, file=name))
        except ReportReadError as exc:
            corpus.errors.append(LoadError(name, str(exc)))
    return corpus


def agency_label(row: dict) -> str:
    """A short label for charts: the place plus the agency type (张店区安监)."""
    place = row.get("district") or row.get("city") or row.get("province") or "地区不明"
    return f"{place}{row.get('agency_type') or ''}"


def to_frame(corpus: Corpus) -> pd.DataFrame:
    rows = []
    for parsed in corpus.reports:
        row = parsed.record.to_dict()
        row["agency_label"] = agency_label(row)
        row["agency_key"] = row["agency"] or f"（机构不明）{row['file']}"
        rows.append(row)
    columns = ["file", "sha256", "agency", "agency_key", "agency_label", "agency_type", "admin_level",
               "province", "city", "district", "adcode", "year", "format", "proactive_total",
               "proactive_breakdown", "channels", "channel_counts", "applications_received", "fees",
               "reconsideration", "litigation", "problems", "measures", "evidence", "warnings"]
    frame = pd.DataFrame(rows, columns=columns)
    for name in INT_FIELDS:
        frame[name] = frame[name].astype("Int64")
    frame["fees"] = frame["fees"].astype("Float64")
    return frame.sort_values(["agency_key", "year", "file"], na_position="last").reset_index(drop=True)
