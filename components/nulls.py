"""One test for "no value": None, NaN, pd.NA and NaT alike.

A missing value in a pandas column is NaN or pd.NA, and both are truthy (NaN) or raise on bool() (pd.NA):
`x or "（不明）"` lets NaN through (a NaN province became a null category and crashed 问题主题) and raises on
pd.NA. Views ask these helpers instead of writing their own guard."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

_CONTAINERS = (str, bytes, list, tuple, dict, set, frozenset)


def missing(value) -> bool:
    """None, NaN, pd.NA, NaT (a scalar's missing value). A string, list or dict is never missing, even empty."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, _CONTAINERS):
        return False
    if isinstance(value, float):
        return math.isnan(value)
    if np.ndim(value) != 0:  # an array: not a scalar's missing value
        return False
    return bool(pd.isna(value))  # numpy scalars (np.float64('nan'), np.datetime64('NaT'))


def blank(value) -> bool:
    """missing, or an empty string, list or dict (nothing to show)."""
    return missing(value) or (isinstance(value, _CONTAINERS) and len(value) == 0)


def given(value, default):
    """value, or default when it is blank (None, NaN, pd.NA, "", [], {}): the guard `value or default` meant."""
    return default if blank(value) else value


def labels(values: pd.Series, default: str) -> pd.Series:
    """A column of names with every blank one (None, NaN, pd.NA, "") replaced by default, as plain objects."""
    out = values.astype(object)
    return out.where(out.notna() & (out != ""), default)
