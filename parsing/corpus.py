"""A folder of reports → parsed records and a tidy table (pandas). Still no Streamlit here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .checks import check_years
from .load import ReportReadError, iter_report_paths, read_report_bytes, sha256_of
from .report import parse_bytes
from .types import LoadError, ParsedReport

INT_FIELDS = ("year", "proactive_total", "applications_received", "reconsideration", "litigation",
              "applications_carried_in", "applications_closed", "applications_carried_out")


@dataclass
class Corpus:
    reports: list[ParsedReport] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # duplicates and conflicts, for the user

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
    seen: dict[str, str] = {}
    for name, data in files:
        digest = sha256_of(data)
        if data and digest in seen:
            corpus.notes.append(f"“{name}”与“{seen[digest]}”内容完全相同（sha256 相同），只计一次")
            continue
        seen[digest] = name
        try:
            corpus.reports.append(parse_bytes(data, file=name))
        except ReportReadError as exc:
            corpus.errors.append(LoadError(name, str(exc)))
    finish(corpus)
    return corpus


def finish(corpus: Corpus) -> None:
    """Corpus-level steps: conflicts between files of one agency and year, then cross-year checks."""
    flag_conflicts(corpus)
    link_years(corpus.reports)


def flag_conflicts(corpus: Corpus) -> None:
    """Two different files for the same agency and year: both kept, both flagged."""
    groups: dict[tuple[str, int], list[ParsedReport]] = {}
    for parsed in corpus.reports:
        rec = parsed.record
        if rec.agency and rec.year:
            groups.setdefault((rec.agency, rec.year), []).append(parsed)
    for (agency, year), members in groups.items():
        if len(members) < 2:
            continue
        names = "、".join(p.record.file for p in members)
        corpus.notes.append(f"{agency} {year}年有 {len(members)} 份不同的文件（{names}），都已保留，请核对哪份为准")
        for parsed in members:
            others = "、".join(p.record.file for p in members if p is not parsed)
            warning = f"冲突：与“{others}”是同一机构同一年份的不同文件"
            if warning not in parsed.record.warnings:
                parsed.record.warnings.append(warning)


def link_years(reports: list[ParsedReport]) -> None:
    """Cross-year checks: each template report against the same agency's report of the year before."""
    by_agency: dict[str, dict[int, ParsedReport]] = {}
    for parsed in reports:
        rec = parsed.record
        if rec.agency and rec.year and rec.tables:
            by_agency.setdefault(rec.agency, {})[rec.year] = parsed
    for years in by_agency.values():
        for year, parsed in years.items():
            prev = years.get(year - 1)
            if prev is None:
                continue
            parsed.record.checks = [c for c in parsed.record.checks if not c["rule"].startswith("跨年衔接")]
            parsed.record.checks += [c.to_dict() for c in check_years(prev.record.tables, parsed.record.tables,
                                                                      year - 1, year)]


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
               "reconsideration", "litigation", "applications_carried_in", "applications_closed",
               "applications_carried_out", "tables", "checks", "problems", "measures", "evidence", "warnings"]
    frame = pd.DataFrame(rows, columns=columns)
    for name in INT_FIELDS:
        frame[name] = frame[name].astype("Int64")
    frame["fees"] = frame["fees"].astype("Float64")
    return frame.sort_values(["agency_key", "year", "file"], na_position="last").reset_index(drop=True)
