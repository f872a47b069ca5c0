"""Records → one pandas DataFrame: the only pandas import outside tests and views.

The columns are parsing.schema.FIELDS in order, then the ones this module adds (components/labels.py
FRAME_COLUMNS but source, which the loader sets); each field's dtype follows its kind."""

from __future__ import annotations

import hashlib
from collections import namedtuple
from functools import lru_cache

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from parsing.corpus.build import Corpus, paused_gc
from parsing.corpus.snapshot import columns as snapshot_columns
from parsing.corpus.snapshot import derived
from parsing.schema import FIELDS

DTYPES = {"int": "Int64", "float": "Float64"}  # nullable numbers: a missing figure stays <NA>, never 0
ADDED = ("agency_key", "agency_label", "total_quality", "review_corrected", "review_total")
SORT_KEYS = ("agency_key", "year", "file")  # the frame's row order (missing years last)
FIELD_KIND = {f.name: f.kind for f in FIELDS}
# read from Arrow in one call each (the snapshot path): strings, whole numbers, flags
SCALARS = frozenset([f.name for f in FIELDS if f.kind in ("str", "int", "bool")] + list(ADDED))
_ARROW_DTYPES = {pa.int64(): pd.Int64Dtype()}


def to_frame(corpus: Corpus) -> pd.DataFrame:
    with paused_gc():  # thousands of long-lived objects: no collection walks while they are made
        return _to_frame(corpus)


def _to_frame(corpus: Corpus) -> pd.DataFrame:
    if corpus.snapshot is not None and not getattr(corpus.reports, "loaded", True):
        return _from_snapshot(corpus)
    rows = []
    for parsed in corpus.reports:
        row = parsed.record.to_dict(lazy_checks=True)
        row.update(derived(row))  # the snapshot's own derived columns, made the same way
        rows.append(row)
    return _typed(pd.DataFrame(rows, columns=[f.name for f in FIELDS] + list(ADDED)))


def _from_snapshot(corpus: Corpus) -> pd.DataFrame:
    """The same frame from the snapshot's columns (a warm load): no Report objects are built. The rows are
    sorted in Arrow, and the scalar columns go from Arrow to pandas in one call each (pandas' str dtype is
    Arrow-backed: no Python string is made); only nested fields become Python objects. 100,000 reports:
    2.1 -> 0.9 s."""
    snap = corpus.snapshot
    keys = [(name, "ascending") for name in SORT_KEYS]
    order = pc.sort_indices(snap.table(list(SORT_KEYS)), sort_keys=keys)  # missing years last (the default)
    names = [f.name for f in FIELDS] + list(ADDED)
    objects = snapshot_columns(snap, corpus.checks_loader, [n for n in names if n not in SCALARS], order=order)
    data = {}
    for name in names:
        if name not in SCALARS:
            data[name] = pd.Series(objects[name], dtype=object)
            continue
        column = snap.column(name).take(order)
        if column.null_count == len(column) and FIELD_KIND.get(name, "str") == "str":
            data[name] = pd.Series([None] * len(column), dtype=object)  # as pandas infers a column of None
        else:
            data[name] = column.to_pandas(types_mapper=_ARROW_DTYPES.get)
    return _typed(pd.DataFrame(data), sort=False)


def _typed(frame: pd.DataFrame, sort: bool = True) -> pd.DataFrame:
    for f in FIELDS:
        if f.kind in DTYPES and str(frame[f.name].dtype) != DTYPES[f.kind]:
            frame[f.name] = frame[f.name].astype(DTYPES[f.kind])
    for name in ("review_corrected", "review_total"):
        if str(frame[name].dtype) != "Int64":
            frame[name] = frame[name].astype("Int64")
    if not sort:
        return frame
    return frame.sort_values(list(SORT_KEYS), na_position="last").reset_index(drop=True)


def view_key(view: pd.DataFrame) -> str:
    """The key of a view state for the views' caches: its reports (sha256 and file name), in its order."""
    return hashlib.sha256("|".join(view["sha256"].tolist() + view["file"].tolist()).encode()).hexdigest()


def iter_columns(view: pd.DataFrame, *columns: str):
    """Iterate the named columns only, as namedtuples (what itertuples gives): itertuples over the whole frame
    converts every one of its ~50 columns (0.1 s per pass at 2,000 reports), and even over a few it steps
    through an Arrow string column value by value (~2.5 µs each); tolist() converts a column in one call."""
    return map(_row_type(columns)._make, zip(*(view[c].tolist() for c in columns), strict=True))


@lru_cache(maxsize=64)
def _row_type(columns: tuple[str, ...]):
    return namedtuple("Row", columns)
