"""components/filters.py: the sidebar filters read their state from the URL, narrow the frame, and write it
back; unknown values fall back to 全部."""

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components import filters


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
    assert at.sidebar.slider(key="f_years").value == (2010, 2018)  # 淄博市's reports span 2009–2018
    assert at.sidebar.caption[-1].value.startswith("已选 1 / 5 份报告。")
    assert at.query_params["city"] in ("淄博市", ["淄博市"])


def test_an_unknown_value_means_everything(bundled_frame):
    at = _run(bundled_frame, city="火星市")
    assert at.sidebar.selectbox(key="f_city").value == "全部"
    assert at.sidebar.caption[-1].value.startswith("已选 5 / 5 份报告。")
    assert "city" not in at.query_params


@pytest.mark.parametrize(("options", "keep", "query", "cap", "offered", "hidden"), [
    (["甲局", "乙局", "丙局"], [], "", 200, ["甲局", "乙局", "丙局"], 0),  # few: all of them
    (["甲局", "乙局", "丙局"], [], "", 2, ["甲局", "乙局"], 1),  # many: the first cap, the rest counted
    (["甲局", "乙局", "丙局"], ["丙局"], "", 2, ["丙局", "甲局"], 1),  # a chosen one always stays offered
    (["张店区局", "淄川区局", "张店区二局"], [], "张店", 200, ["张店区局", "张店区二局"], 0),  # the search narrows
    (["张店区局", "淄川区局"], ["淄川区局"], "张店", 1, ["淄川区局"], 1),  # the chosen one fills the room
    (["甲局"], ["已不在列表的局"], "", 200, ["甲局"], 0),  # a choice no longer among the options is dropped
])
def test_searchable_offers_the_chosen_then_the_matching_up_to_the_cap(options, keep, query, cap, offered, hidden):
    assert filters.searchable(options, keep, query, cap) == (offered, hidden)


def test_searchable_matches_the_label_too():
    assert filters.searchable(["淄博市张店区安全生产监督管理局"], [], "张店区安监", label={
        "淄博市张店区安全生产监督管理局": "张店区安监"}) == (["淄博市张店区安全生产监督管理局"], 0)


def test_thousands_of_agencies_get_a_search_box_and_a_short_list(bundled_frame):
    many = pd.concat([bundled_frame.assign(agency_key=[f"第{i}{j}号安监局" for j in range(5)], file=[
        f"{i}_{j}.txt" for j in range(5)]) for i in range(60)], ignore_index=True)  # 300 agencies
    at = _run(many)
    assert len(at.sidebar.multiselect(key="f_agency").options) == filters.OPTIONS_CAP
    assert at.sidebar.caption[0].value.startswith("另有 100 个机构未列出")
    at.sidebar.text_input(key="f_agency_q").input("第59").run()
    assert at.sidebar.multiselect(key="f_agency").options == [f"第59{j}号安监局" for j in range(5)]
    at.sidebar.multiselect(key="f_agency").select("第592号安监局").run()
    at.sidebar.text_input(key="f_agency_q").input("第1").run()  # a new search keeps the chosen agency
    assert "第592号安监局" in at.sidebar.multiselect(key="f_agency").options
    assert at.sidebar.caption[-1].value.startswith("已选 1 / 300 份报告。")


@pytest.mark.parametrize(("year_from", "shown"), [
    (None, 6),  # the whole range: the report whose year is unknown is shown too
    ("2010", 4),  # a narrower range: only reports known to be in it (002 is of 2009; the unknown year is left out)
])
def test_a_report_of_unknown_year_is_kept_only_while_the_whole_range_is_chosen(bundled_frame, year_from, shown):
    unknown = bundled_frame.iloc[[0]].assign(year=pd.array([None], dtype="Int64"), file="年份不明.txt")
    frame = pd.concat([bundled_frame, unknown], ignore_index=True)
    at = _run(frame, **({"year_from": year_from} if year_from else {}))
    assert at.sidebar.caption[-1].value.startswith(f"已选 {shown} / 6 份报告。")
    assert ("年份不明.txt" in json.loads(at.json[0].value)) == (year_from is None)


def test_the_year_slider_spans_the_years_of_the_reports_the_other_filters_leave(bundled_frame):
    at = _run(bundled_frame)
    assert (at.sidebar.slider(key="f_years").min, at.sidebar.slider(key="f_years").max) == (2009, 2023)
    at.sidebar.selectbox(key="f_city").select("淄博市").run()
    slider = at.sidebar.slider(key="f_years")
    assert (slider.min, slider.max, slider.value) == (2009, 2018, (2009, 2018))  # the whole range follows
    slider.set_value((2018, 2018)).run()
    at.sidebar.selectbox(key="f_city").select("全部").run()
    slider = at.sidebar.slider(key="f_years")
    assert (slider.min, slider.max, slider.value) == (2009, 2023, (2018, 2018))  # a chosen range stays
    assert at.query_params["year_from"] in ("2018", ["2018"])


def test_one_report_left_has_no_slider_but_its_year(bundled_frame):
    at = _run(bundled_frame, city="临沂市")  # 罗庄区 2018 only
    assert not at.sidebar.slider  # a range of one year is no choice
    assert "年份：2018" in [c.value for c in at.sidebar.caption]
    assert "year_from" not in at.query_params and "year_to" not in at.query_params
