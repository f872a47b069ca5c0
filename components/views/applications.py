"""依申请与复议诉讼: applications by applicant type and outcome (表三), appeals and their results (表四)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.frame import iter_columns
from components.labels import FORMAT_LABELS
from components.nulls import missing
from components.style import PLOTLY_CONFIG, show_numbers, style_figure
from parsing.schema import FORMAT_TEMPLATE
from parsing.template.tables import APPEAL_BLOCKS, APPEAL_RESULTS, APPLICANT_COLUMNS

OUTCOMES = {"（一）": "予以公开", "（二）": "部分公开", "（三）": "不予公开", "（四）": "无法提供", "（五）": "不予处理",
            "（六）": "其他处理"}


def _label(row) -> str:
    return f"{row.agency_label} {'年份不明' if missing(row.year) else int(row.year)}"


def _num(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


MAX_REPORT_BARS = 30  # beyond this the per-report charts become barcodes: totals by year instead
MAX_TABLE_ROWS = 5000  # per-report rows drawn


def yearly_summary(view: pd.DataFrame) -> pd.DataFrame:
    """Totals and rates by year (pure): reports stating each figure, applications, 复议, 诉讼, per 100
    applications, and 复议纠错率 (表四 结果纠正 / 复议总计) where the tables give it."""
    rows = []
    for year, part in view.dropna(subset=["year"]).groupby("year"):
        apps = part["applications_received"].dropna()
        recon = part["reconsideration"].dropna()
        litig = part["litigation"].dropna()
        both = part["review_corrected"].notna() & part["review_total"].notna()  # parsing.corpus.figures
        corrected, total = int(part.loc[both, "review_corrected"].sum()), int(part.loc[both, "review_total"].sum())
        n_apps = int(apps.sum())
        rows.append({
            "年份": f"{int(year)}年", "报告数": len(part), "写明申请数的报告": len(apps), "收到申请": n_apps,
            "行政复议": int(recon.sum()), "行政诉讼": int(litig.sum()),
            "每百件申请的复议": round(100 * recon.sum() / n_apps, 1) if n_apps else None,
            "每百件申请的诉讼": round(100 * litig.sum() / n_apps, 1) if n_apps else None,
            "复议纠错率": f"{corrected / total:.0%}" if total else None,
        })
    return pd.DataFrame(rows)


def render(view: pd.DataFrame) -> None:
    summary = yearly_summary(view)
    if not summary.empty:
        st.subheader("按年份汇总")
        if (summary[["收到申请", "行政复议", "行政诉讼"]] == 0).all().all():
            st.info("当前筛选下写明的收到申请、行政复议、行政诉讼数量全部为 0。")
        show_numbers(summary, "—", hide_index=True)
        st.caption("只加总报告写明的数字；每百件申请的复议/诉讼和复议纠错率在有分母时才计算。")
    flat = view[["agency_label", "year", "format", "applications_received", "applications_carried_in",
                 "applications_closed", "applications_carried_out", "reconsideration", "litigation"]]
    st.subheader("各报告的申请与复议诉讼数量")
    if len(flat) > MAX_TABLE_ROWS:  # sending 100,000 rows took 3 s, and the year totals above say it
        st.caption(f"共 {len(flat):,} 份报告，下表列出前 {MAX_TABLE_ROWS:,} 份；全部报告的数字在“数据”页的下载中。")
        flat = flat.head(MAX_TABLE_ROWS)
    flat = flat.assign(format=flat["format"].map(lambda f: FORMAT_LABELS.get(f, f)))
    show_numbers(flat.rename(columns={
        "agency_label": "机构", "year": "年份", "format": "格式", "applications_received": "本年新收申请",
        "applications_carried_in": "上年结转", "applications_closed": "办理结果总计",
        "applications_carried_out": "结转下年度", "reconsideration": "行政复议", "litigation": "行政诉讼"}),
        "", hide_index=True)  # a missing figure is blank, never "None"
    st.caption("空白表示报告未写明（或表格中该格为空），不等于 0。")

    # only the national template has tables (parsing/pipeline.py); reading them stops once the charts would
    # be barcodes (decoding 35,000 reports' tables took 3 s)
    candidates = view[view["format"] == FORMAT_TEMPLATE]
    reports, template = [], []
    for r in iter_columns(candidates, "agency_label", "year", "tables"):
        if r.tables:
            reports.append(r)
            if "表三" in r.tables:
                template.append(r)
        if len(template) > MAX_REPORT_BARS:
            st.caption(f"带表三的报告超过 {MAX_REPORT_BARS} 份（当前筛选下国家模板报告共 {len(candidates):,} 份）："
                       "上面的按年汇总代替逐份报告的柱状图；选择城市、区县或机构可看到每份报告。")
            return
    if not template:
        st.info("当前筛选下没有带表三（依申请公开情况表）的报告；2019 年起的国家模板报告才有此表。")
    else:
        fig = go.Figure()
        for col in APPLICANT_COLUMNS:
            xs, ys = [], []
            for r in template:
                t3 = r.tables["表三"]
                if col in t3["columns"]:
                    xs.append(_label(r))
                    ys.append(_num(t3["rows"].get("一、本年新收", [None] * 9)[t3["columns"].index(col)]))
            fig.add_bar(x=xs, y=ys, name=col)
        fig.update_layout(barmode="stack", legend_title_text="申请人")
        fig.update_yaxes(title="本年新收申请（件）")
        st.plotly_chart(style_figure(fig, "本年新收申请：按申请人类型（表三）"), config=PLOTLY_CONFIG,
                        key="applications_by_applicant")

        fig = go.Figure()
        for prefix, name in OUTCOMES.items():
            xs, ys = [], []
            for r in template:
                t3 = r.tables["表三"]
                if "总计" not in t3["columns"]:
                    continue
                i = t3["columns"].index("总计")
                cells = [v[i] for k, v in t3["rows"].items() if k.startswith(prefix)]
                values = [_num(c) for c in cells]
                xs.append(_label(r))
                ys.append(sum(values) if cells and all(v is not None for v in values) else None)
            fig.add_bar(x=xs, y=ys, name=name)
        fig.update_layout(barmode="stack", legend_title_text="办理结果")
        fig.update_yaxes(title="件数（总计列）")
        st.plotly_chart(style_figure(fig, "申请办理结果（表三，总计列）"), config=PLOTLY_CONFIG,
                        key="applications_by_outcome")

    appeals = [r for r in reports if "表四" in r.tables]
    if appeals:
        fig = go.Figure()
        for block in APPEAL_BLOCKS:
            for result in APPEAL_RESULTS[:4]:
                xs = [_label(r) for r in appeals]
                ys = [_num(r.tables["表四"]["rows"][block][APPEAL_RESULTS.index(result)]) for r in appeals]
                fig.add_bar(x=xs, y=ys, name=f"{block}·{result}", legendgroup=block)
        fig.update_layout(barmode="stack", legend_title_text="类别·结果")
        fig.update_yaxes(title="件数")
        st.plotly_chart(style_figure(fig, "行政复议与行政诉讼的结果（表四）"), config=PLOTLY_CONFIG,
                        key="appeals_results")


