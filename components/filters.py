"""Sidebar filters: region hierarchy, agency, years, format. Their state lives in the URL."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from .charts import year_counts
from .labels import FORMAT_LABELS

ALL = "全部"


@dataclass(frozen=True)
class Selection:
    province: str
    city: str
    district: str
    agencies: tuple[str, ...]
    years: tuple[int, int] | None
    formats: tuple[str, ...]


OPTIONS_CAP = 200  # choices sent to the browser at once: 1,851 agencies cost ~0.2 s on every rerun


def searchable(options: list[str], keep: list[str], query: str, cap: int = OPTIONS_CAP,
               label: dict[str, str] | None = None) -> tuple[list[str], int]:
    """The choices to offer when there may be thousands: those already chosen (keep), then the options whose
    name (or label) contains query, at most cap in all. Returns (choices, how many matching ones were left out)."""
    query = query.strip()
    matching = [o for o in options if not query or query in o or (label is not None and query in label.get(o, ""))]
    kept = [o for o in keep if o in options]
    rest = [o for o in matching if o not in set(kept)]
    room = max(cap - len(kept), 0)
    return kept + rest[:room], max(len(rest) - room, 0)


def search_box(container, key: str, count: int, what: str = "机构") -> str:
    """A 查找 box shown only when there are more choices than one list should hold."""
    if count <= OPTIONS_CAP:
        return ""
    return container.text_input(f"查找{what}（共 {count:,} 个）", key=key, placeholder="输入名称中的字，如“张店”",
                                help=f"{what}较多时列表只列出 {OPTIONS_CAP} 个；输入名称中的字后按回车缩小列表。")


def _options(values: pd.Series) -> list[str]:
    # unique() first (10,000 rows, ~300 names), then tolist(): stepping through an Arrow column costs ~2 µs a value
    return [ALL] + sorted(v for v in values.dropna().unique().tolist() if v)


def _init_from_url(key: str, param: str, options: list[str]) -> None:
    if key in st.session_state:
        if st.session_state[key] not in options:
            st.session_state[key] = ALL
        return
    wanted = st.query_params.get(param, ALL)
    st.session_state[key] = wanted if wanted in options else ALL


def _int_param(name: str) -> int | None:
    try:
        return int(st.query_params.get(name, ""))
    except ValueError:
        return None


def render(frame: pd.DataFrame) -> pd.DataFrame:
    """Draw the filters in the sidebar and return the rows they select."""
    sb = st.sidebar
    sb.header("筛选")
    if sb.button("重置筛选", key="reset_filters", help="所有筛选回到“全部”，网址中的筛选也一并清除"):
        for key in [k for k in st.session_state if str(k).startswith("f_")]:
            del st.session_state[key]
        for name in FILTER_PARAMS:
            st.query_params.pop(name, None)
        st.rerun()
    view = frame

    provinces = _options(view["province"])
    _init_from_url("f_province", "province", provinces)
    province = sb.selectbox("省份", provinces, key="f_province")
    if province != ALL:
        view = view[view["province"] == province]

    cities = _options(view["city"])
    _init_from_url("f_city", "city", cities)
    city = sb.selectbox("城市", cities, key="f_city")
    if city != ALL:
        view = view[view["city"] == city]

    districts = _options(view["district"])
    _init_from_url("f_district", "district", districts)
    district = sb.selectbox("区县/功能区", districts, key="f_district",
                            help="市级机构没有区县；功能区（开发区、度假区等）也列在这里")
    if district != ALL:
        view = view[view["district"] == district]

    agencies = sorted(view["agency_key"].unique().tolist())
    if "f_agency" not in st.session_state:
        st.session_state["f_agency"] = [a for a in st.query_params.get_all("agency") if a in agencies]
    else:
        st.session_state["f_agency"] = [a for a in st.session_state["f_agency"] if a in agencies]
    offered, hidden = searchable(agencies, st.session_state["f_agency"],
                                 search_box(sb, "f_agency_q", len(agencies)))
    chosen = sb.multiselect("机构", offered, key="f_agency", placeholder="全部机构")
    if hidden:
        sb.caption(f"另有 {hidden} 个机构未列出：在“查找机构”中输入名称中的字，或先选省份、城市。")
    if chosen:
        view = view[view["agency_key"].isin(chosen)]

    # the years of the reports the filters above select: the slider spans them, not the whole folder's
    years = sorted(int(y) for y in view["year"].dropna().unique())
    year_range = None
    if len(years) >= 2:
        lo, hi = years[0], years[-1]
        _fit_years(lo, hi)
        year_range = sb.slider("年份范围", lo, hi, key="f_years")
        # reports per year among those the filters above select (drawn on every page, so Plotly's
        # JavaScript is loaded with the page, not on the first chart tab's click)
        sb.plotly_chart(year_counts(view["year"], year_range), key="year_counts", width="stretch",
                        config={"displayModeBar": False, "staticPlot": True})
        if tuple(year_range) != (lo, hi):  # the whole range keeps every row: no copy of the frame
            view = view[view["year"].between(year_range[0], year_range[1])]
    elif years:
        sb.caption(f"年份：{years[0]}")

    formats = sorted(frame["format"].unique())
    if "f_format" not in st.session_state:
        st.session_state["f_format"] = [f for f in st.query_params.get_all("format") if f in formats]
    fmt = sb.multiselect("报告格式", formats, key="f_format", format_func=lambda f: FORMAT_LABELS.get(f, f),
                         placeholder="全部格式")
    if fmt:
        view = view[view["format"].isin(fmt)]

    selection = Selection(province, city, district, tuple(chosen), year_range, tuple(fmt))
    _write_url(selection, years)
    sb.caption(f"已选 {len(view)} / {len(frame)} 份报告。复制浏览器地址即可分享当前视图。")
    return view


def _fit_years(lo: int, hi: int) -> None:
    """The slider's state within its bounds (lo–hi), before it is drawn: on first load from the URL; when the
    bounds move (another region), a range that spanned the old bounds spans the new ones, another range is
    clipped to them, and one left outside them spans them again."""
    state, bounds = st.session_state.get("f_years"), st.session_state.get("f_years_bounds")
    if state is None:
        a, b = _int_param("year_from") or lo, _int_param("year_to") or hi
        a, b = min(a, b), max(a, b)
    elif bounds == (lo, hi):
        return
    elif bounds is not None and tuple(state) == tuple(bounds):
        a, b = lo, hi
    else:
        a, b = state
    a, b = max(lo, a), min(hi, b)
    st.session_state["f_years"] = (a, b) if a <= b else (lo, hi)
    st.session_state["f_years_bounds"] = (lo, hi)


FILTER_PARAMS = ("province", "city", "district", "agency", "year_from", "year_to", "format")


def _write_url(sel: Selection, years: list[int]) -> None:
    """Mirror the filters into the URL; other parameters (the open tab, the document) are left alone."""
    wanted: dict[str, list[str]] = {}
    for name, value in (("province", sel.province), ("city", sel.city), ("district", sel.district)):
        if value != ALL:
            wanted[name] = [value]
    if sel.agencies:
        wanted["agency"] = list(sel.agencies)
    if sel.years and years and sel.years != (years[0], years[-1]):
        wanted["year_from"], wanted["year_to"] = [str(sel.years[0])], [str(sel.years[1])]
    if sel.formats:
        wanted["format"] = list(sel.formats)
    for name in FILTER_PARAMS:
        current = st.query_params.get_all(name)
        if name not in wanted:
            if current:
                del st.query_params[name]
        elif current != wanted[name]:
            st.query_params[name] = wanted[name] if len(wanted[name]) > 1 else wanted[name][0]
