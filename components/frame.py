"""Records → one pandas DataFrame: the only pandas import outside tests and views."""

from __future__ import annotations

import pandas as pd

from parsing.corpus.build import Corpus
from parsing.corpus.figures import agency_label, total_quality

INT_FIELDS = ("year", "proactive_total", "applications_received", "reconsideration", "litigation",
              "applications_carried_in", "applications_closed", "applications_carried_out")


def to_frame(corpus: Corpus) -> pd.DataFrame:
    rows = []
    for parsed in corpus.reports:
        row = parsed.record.to_dict(lazy_checks=True)
        row["agency_label"] = agency_label(row)
        row["agency_key"] = row["agency"] or f"（机构不明）{row['file']}"
        row["total_quality"] = total_quality(row)
        rows.append(row)
    columns = ["file", "sha256", "agency", "agency_key", "agency_label", "agency_type", "admin_level",
               "province", "city", "district", "adcode", "year", "format", "proactive_total", "proactive_total_approx",
               "proactive_total_cumulative", "total_quality",
               "proactive_breakdown", "channels", "channel_counts", "applications_received", "fees",
               "reconsideration", "litigation", "applications_carried_in", "applications_closed",
               "applications_carried_out", "tables", "checks", "problems", "measures", "evidence", "warnings"]
    frame = pd.DataFrame(rows, columns=columns)
    for name in INT_FIELDS:
        frame[name] = frame[name].astype("Int64")
    frame["fees"] = frame["fees"].astype("Float64")
    return frame.sort_values(["agency_key", "year", "file"], na_position="last").reset_index(drop=True)
