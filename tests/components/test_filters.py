"""components/filters.py: the sidebar filters read their state from the URL, narrow the frame, and write it
back; unknown values fall back to 全部."""

from streamlit.testing.v1 import AppTest


def _view(frame):
    import streamlit as st

    from components import filters

    view = filters.render(frame)
    st.write(sorted(view["file"]))


def _run(frame, **query) -> AppTest:
    at = AppTest.from_function(_view, args=(frame,), default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_the_url_selects_the_reports(bundled_frame):
    at = _run(bundled_frame, city="淄博市", year_from="2010")
    assert not at.exception
    assert at.sidebar.selectbox(key="f_city").value == "淄博市"
    assert at.sidebar.slider(key="f_years").value == (2010, 2023)
    assert at.sidebar.caption[-1].value.startswith("已选 1 / 5 份报告。")
    assert at.query_params["city"] in ("淄博市", ["淄博市"])


def test_an_unknown_value_means_everything(bundled_frame):
    at = _run(bundled_frame, city="火星市")
    assert at.sidebar.selectbox(key="f_city").value == "全部"
    assert at.sidebar.caption[-1].value.startswith("已选 5 / 5 份报告。")
    assert "city" not in at.query_params
