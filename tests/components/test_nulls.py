"""components/nulls.py: one test for a missing value (None, NaN, pd.NA, NaT), used instead of `x or default`."""

import numpy as np
import pandas as pd
import pytest

from components.nulls import blank, given, labels, missing


@pytest.mark.parametrize(("value", "expected"), [
    (None, True), (float("nan"), True), (np.float64("nan"), True), (pd.NA, True), (pd.NaT, True),
    (np.datetime64("NaT"), True),
    ("", False), ("山东省", False), (0, False), (0.0, False), (np.int64(0), False), (False, False),
    ([], False), ({}, False), (["政府网站"], False), (np.array([np.nan]), False),
])
def test_missing_is_a_scalars_missing_value_only(value, expected):
    assert missing(value) is expected


@pytest.mark.parametrize(("value", "default", "expected"), [
    (float("nan"), "（不明）", "（不明）"),  # `nan or "（不明）"` gave nan: NaN is truthy
    (pd.NA, "（不明）", "（不明）"),         # `pd.NA or …` raised: its truth value is ambiguous
    (None, "（不明）", "（不明）"),
    ("", "（不明）", "（不明）"),
    ("山东省", "（不明）", "山东省"),
    (0, "—", 0),                          # a stated zero is a value, never the default
    (float("nan"), [], []), ([], {}, {}), (["微信"], [], ["微信"]), ({"a": 1}, {}, {"a": 1}),
])
def test_given_falls_back_on_every_kind_of_nothing(value, default, expected):
    assert given(value, default) == expected
    marker = object()
    assert blank(value) is (given(value, marker) is marker)


def test_nan_slips_past_an_or_guard_but_not_past_given():
    value = float("nan")
    assert (value or "（不明）") is value  # the bug the helper exists for
    assert given(value, "（不明）") == "（不明）"


@pytest.mark.parametrize("dtype", [object, "str"])
def test_labels_fill_every_blank_name(dtype):
    names = pd.Series(["山东省", None, "", "北京市"], dtype=dtype)
    assert labels(names, "（不明）").tolist() == ["山东省", "（不明）", "（不明）", "北京市"]
    assert labels(pd.Series(["a", np.nan, pd.NA], dtype=object), "x").tolist() == ["a", "x", "x"]
