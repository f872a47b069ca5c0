"""components/parts.py: a tab drawn in parts, the part kept in the URL."""

import pytest
from streamlit.testing.v1 import AppTest

PARTS = ("甲部分", "乙部分")


def _page(default=None):
    import streamlit as st

    from components.parts import chosen_part

    st.write(f"shown: {chosen_part('part', 'p', ('甲部分', '乙部分'), default=default)}")


def run(query=None, default=None) -> AppTest:
    at = AppTest.from_function(_page, kwargs={"default": default}, default_timeout=30)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    return at.markdown[0].value.removeprefix("shown: ")


@pytest.mark.parametrize(("query", "default", "expected"), [
    ({}, None, "甲部分"),                       # no parameter: the first part
    ({"p": "乙部分"}, None, "乙部分"),            # a link to the second part
    ({"p": "丙部分"}, None, "甲部分"),            # an unknown part falls back
    ({}, "乙部分", "乙部分"),                    # the caller's default (关键词 with ?term=)
    ({"p": "甲部分"}, "乙部分", "甲部分"),         # the URL wins over the default
])
def test_the_url_picks_the_part(query, default, expected):
    at = run(query, default)
    assert shown(at) == expected
    assert at.get("button_group")[0].value == expected


def test_choosing_a_part_writes_it_to_the_url_and_the_first_part_drops_it():
    at = run()
    at.get("button_group")[0].set_value("乙部分").run()
    assert shown(at) == "乙部分" and at.query_params["p"] in ("乙部分", ["乙部分"])
    at.get("button_group")[0].set_value("甲部分").run()
    assert shown(at) == "甲部分" and "p" not in at.query_params
