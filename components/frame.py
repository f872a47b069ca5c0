"""Records → one pandas DataFrame: the only pandas import outside tests and views.

The columns are parsing.schema.FIELDS in order, then the ones this module adds (components/labels.py
FRAME_COLUMNS but source, which the loader sets); each field's dtype follows its kind."""

from __future__ import annotations

from collections import namedtuple
from functools import lru_cache

import pandas as pd

from parsing.corpus.build import Corpus, paused_gc
from parsing.corpus.figures import agency_label, total_quality
from parsing.corpus.snapshot import columns as snapshot_columns
from parsing.schema import FIELDS

DTYPES = {"int": "Int64", "float": "Float64"}  # nullable numbers: a missing figure stays <NA>, never 0
ADDED = ("agency_key", "agency_label", "total_quality")


def to_frame(corpus: Corpus) -> pd.DataFrame:
    with paused_gc():  # thousands of long-lived objects: no collection walks while they are made
        return _to_frame(corpus)


def _to_frame(corpus: Corpus) -> pd.DataFrame:
    if corpus.snapshot is not None and not getattr(corpus.reports, "loaded", True):
        return _from_snapshot(corpus)
    rows = []
    for parsed in corpus.reports:
        row = parsed.record.to_dict(lazy_checks=True)
        row["agency_label"] = agency_label(row)
        row["agency_key"] = row["agency"] or f"（机构不明）{row['file']}"
        row["total_quality"] = total_quality(row)
        rows.append(row)
    return _typed(pd.DataFrame(rows, columns=[f.name for f in FIELDS] + list(ADDED)))


def _from_snapshot(corpus: Corpus) -> pd.DataFrame:
    """The same frame from the snapshot's columns (a warm load): no Report objects are built."""
    columns = snapshot_columns(corpus.snapshot, corpus.checks_loader)
    return _typed(pd.DataFrame({name: columns[name] for name in [f.name for f in FIELDS] + list(ADDED)}))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for f in FIELDS:
        if f.kind in DTYPES:
            frame[f.name] = frame[f.name].astype(DTYPES[f.kind])
    return frame.sort_values(["agency_key", "year", "file"], na_position="last").reset_index(drop=True)


def iter_columns(view: pd.DataFrame, *columns: str):
    """Iterate the named columns only, as namedtuples (what itertuples gives): itertuples over the whole frame
    converts every one of its ~50 columns (0.1 s per pass at 2,000 reports), and even over a few it steps
    through an Arrow string column value by value (~2.5 µs each); tolist() converts a column in one call."""
    return map(_row_type(columns)._make, zip(*(view[c].tolist() for c in columns), strict=True))


@lru_cache(maxsize=64)
def _row_type(columns: tuple[str, ...]):
    return namedtuple("Row", columns)
