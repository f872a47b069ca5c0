"""Pure figure builders for the overview: a frame in, a plotly figure out (no Streamlit here).

Every proactive-disclosure figure carries its quality (parsing.corpus.total_quality): a stated figure is a
plain bar; an approximate one (400余) is dotted and labelled 约400; a cumulative one (累计) is hatched and
labelled 280 / 累计 on two lines (280（累计） in the hover); two files for one agency and year (冲突) are drawn side by side, crossed, never summed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from parsing.corpus.figures import total_text

__all__ = ["FEW", "bar_label", "few_faded_heatmap", "few_note", "headline_figures", "line_with_few", "proactive_bars", "proactive_trend",
           "year_counts"]

# quality → (pattern shape, label suffix, legend text)
QUALITY_STYLE = {
    "stated": ("", "", "实心：报告写明的本年度数量"),
    "approx": (".", "约", "点纹：约数（“400余条”），标为“约400”"),
    "cumulative": ("/", "（累计）", "斜纹：表述为“累计”，可能不只本年度"),
    "conflict": ("x", "（冲突）", "叉纹：同一机构同一年份有两份不同文件，并排显示、不相加"),
}
PLAIN = ("stated",)
FLAGGED = ("approx", "cumulative")


def bar_label(total, quality) -> str:
    """A bar's value label: total_text with its quality mark on a second line, without the brackets
    ("280<br>累计"): a grouped bar is narrower than "（累计）" at 18 px, and the next bar is drawn over it."""
    return total_text(total, quality).replace("（", "<br>", 1).replace("）", "", 1)


def proactive_bars(data: pd.DataFrame, colors: dict[str, str], years: list[str]) -> go.Figure:
    """Bars per agency and year. data: rows with a total (columns agency_key, agency_label, agency,
    year_label, total, total_quality, file).

    The traces are made as plain dicts and validated once by the figure (add_bar per trace and a pandas
    group per agency cost 0.6 s for 180 conflicting files of four agencies)."""
    cols = {c: data[c].tolist() for c in ("agency_key", "agency_label", "agency", "year_label", "total",
                                          "total_quality", "file")}
    by_agency: dict[str, list[int]] = {}
    for i, key in enumerate(cols["agency_key"]):
        by_agency.setdefault(key, []).append(i)
    traces = []
    for agency in sorted(by_agency):
        rows = by_agency[agency]
        label, full_name = cols["agency_label"][rows[0]], cols["agency"][rows[0]] or agency
        plain = [i for i in rows if cols["total_quality"][i] != "conflict"]
        groups = [(label, plain)] if plain else []
        # a conflicting pair: one trace per file, so the two values stand side by side and are named
        conflicts: dict[str, list[int]] = {}
        for i in rows:
            if cols["total_quality"][i] == "conflict":
                conflicts.setdefault(cols["file"][i], []).append(i)
        groups += [(f"{label} · {file}", conflicts[file]) for file in sorted(conflicts)]
        for name, part in groups:
            qualities = [cols["total_quality"][i] for i in part]
            traces.append({
                "type": "bar", "x": [cols["year_label"][i] for i in part], "y": [int(cols["total"][i]) for i in part],
                "name": name,
                # the mark on a line of its own: "280（累计）" on one line is wider than a grouped bar and ran into
                # the next bar's label
                "text": [bar_label(cols["total"][i], q) for i, q in zip(part, qualities, strict=True)],
                "textposition": "outside", "cliponaxis": False, "textfont": {"size": 18, "color": "#111418"},
                "marker": {"color": colors.get(agency), "line": {"color": "#111418", "width": 1.5},
                           # overlay: the hatch is drawn over the agency's own colour, which stays recognisable
                           "pattern": {"shape": [QUALITY_STYLE[q][0] for q in qualities], "fgcolor": "#111418",
                                       "solidity": 0.3, "fillmode": "overlay"}},
                "customdata": [[cols["file"][i], QUALITY_STYLE[q][2].split("：")[-1] if q != "stated" else "写明",
                                full_name] for i, q in zip(part, qualities, strict=True)],
                "hovertemplate": "%{customdata[2]}<br>%{x}：%{text}<br>%{customdata[1]}<br>%{customdata[0]}"
                                 "<extra></extra>",
            })
    fig = go.Figure(data=traces)
    _quality_legend(fig, set(cols["total_quality"]))
    # value labels never shrink below 16 px on narrow grouped bars (plotly shrinks them to fit by default)
    fig.update_layout(barmode="group", legend_title_text="机构", showlegend=True,
                      uniformtext={"minsize": 16, "mode": "show"})
    fig.update_xaxes(title="年份", type="category", categoryorder="array", categoryarray=years)
    fig.update_yaxes(title="主动公开条数")
    return fig


def proactive_trend(data: pd.DataFrame, colors: dict[str, str], include_flagged: bool = False) -> go.Figure:
    """A line per agency through its plain figures; approximate and cumulative ones join only when asked,
    drawn as open markers. Conflicting figures never join a line: both are marked with a cross."""
    fig = go.Figure()
    dated = data.dropna(subset=["year"]).sort_values("year")
    allowed = PLAIN + (FLAGGED if include_flagged else ())
    for agency, rows in dated.groupby("agency_key", sort=True):
        label = rows["agency_label"].iloc[0]
        line = rows[rows["total_quality"].isin(allowed)]
        if not line.empty:
            qualities = list(line["total_quality"])
            fig.add_scatter(
                x=[int(y) for y in line["year"]], y=[int(v) for v in line["total"]], name=label,
                mode="lines+markers+text", textposition="top center", textfont={"size": 18},
                text=[total_text(t, q) for t, q in zip(line["total"], qualities, strict=True)],
                marker={"size": 14, "color": colors.get(agency),
                        "symbol": ["circle" if q == "stated" else "circle-open" for q in qualities],
                        "line": {"width": 3, "color": colors.get(agency)}},
                line={"width": 3, "color": colors.get(agency)},
                hovertemplate=f"{rows['agency'].iloc[0] or agency}<br>%{{x}}年：%{{text}}<extra></extra>",
            )
        conflicts = rows[rows["total_quality"] == "conflict"]
        if not conflicts.empty:
            fig.add_scatter(
                x=[int(y) for y in conflicts["year"]], y=[int(v) for v in conflicts["total"]],
                name=f"{label}（冲突，不连线）", mode="markers+text", textposition="middle right",
                text=[f"{total_text(t, 'conflict')} {f}" for t, f in zip(conflicts["total"], conflicts["file"],
                                                                         strict=True)],
                marker={"size": 16, "symbol": "x", "color": colors.get(agency)},
            )
    fig.update_layout(legend_title_text="机构", showlegend=True)
    fig.update_xaxes(title="年份", dtick=1, tickformat="d")
    fig.update_yaxes(title="主动公开条数", rangemode="tozero")  # a count: from 0, so noise does not look like a trend
    return fig


def _quality_legend(fig: go.Figure, present: set) -> None:
    """Legend entries that explain the marks actually drawn (a hatched bar means 累计 …)."""
    for quality in ("approx", "cumulative", "conflict"):
        if quality not in present:
            continue
        shape, _suffix, text = QUALITY_STYLE[quality]
        fig.add_bar(x=[None], y=[None], name=text, legendgroup="quality", legendrank=2000,
                    marker={"color": "#ffffff", "line": {"color": "#111418", "width": 1.5},
                            "pattern": {"shape": shape, "fgcolor": "#111418"}}, hoverinfo="skip")


def compact(n: int) -> str:
    """A KPI's count as it fits its column: 1,990 as is, 10,000 and more in 万 (98,123 → 9.8万; exact in the
    help). "1990 / 1…" was cut at 1440 px with 2,000 reports."""
    if n < 10_000:
        return f"{n:,}"
    return f"{n / 10_000:.1f}".rstrip("0").rstrip(".") + "万"


def headline_figures(view: pd.DataFrame) -> dict[str, str]:
    """KPIs that mean something: no sum across years. Counts of 10,000 or more in 万 (compact); the exact
    counts are in "_exact", for the help."""
    known = view.dropna(subset=["proactive_total"])
    plain = known[known["total_quality"] == "stated"]
    years = view["year"].dropna()
    per_year = plain.groupby("year").agg(n=("proactive_total", "size"), median=("proactive_total", "median"))
    first, last = (int(years.min()), int(years.max())) if len(years) else (None, None)
    span = "—" if first is None else f"{first}" if first == last else f"{first}–{last}"  # one year: 2024
    agencies = view["agency_key"].nunique()
    return {
        "报告数": compact(len(view)),
        "写明总数": f"{compact(len(known))} / {compact(len(view))}",
        "每份报告中位数": f"{int(plain['proactive_total'].median()):,} 条" if len(plain) else "—",
        "机构数": compact(agencies),
        "覆盖年份": span,
        "_per_year": "；".join(f"{int(y)}年 {int(r['median']):,} 条（{int(r['n'])} 份报告）" for y, r in per_year.iterrows()),
        "_flagged": f"{len(known) - len(plain)}",
        "_exact": f"报告 {len(view):,} 份，写明总数的 {len(known):,} 份，机构 {agencies:,} 个。",
        "_n": f"{len(plain):,}",
    }


FEW = 5  # an aggregate (a share, a median) of fewer reports is drawn faded and left out of lines
FADED = 0.35


def few_note(n: int) -> str:
    """The hover's words for an aggregate of n reports."""
    return f"{n} 份报告" + ("（少于 5 份，仅供参考，不连线）" if n < FEW else "")


def line_with_few(x: list, y: list, n: list[int], name: str, color: str | None = None, unit: str = "",
                  width: int = 3) -> list[dict]:
    """A line through the points of FEW or more reports, and the points of fewer drawn faded and unjoined;
    every point says its n in the hover. Two traces (dicts), one legend entry."""
    solid = [v if k >= FEW else None for v, k in zip(y, n, strict=True)]
    faint = [v if k < FEW else None for v, k in zip(y, n, strict=True)]
    hover = f"{name}<br>%{{x}}：%{{y}}{unit}<br>%{{customdata}}<extra></extra>"
    notes = [few_note(k) for k in n]
    line = {"color": color, "width": width} if color else {"width": width}
    traces = [{"type": "scatter", "x": x, "y": solid, "name": name, "legendgroup": name, "mode": "lines+markers",
               "line": line, "marker": {"size": 10, **({"color": color} if color else {})}, "customdata": notes,
               "hovertemplate": hover, "connectgaps": False}]
    if any(v is not None for v in faint):
        traces.append({"type": "scatter", "x": x, "y": faint, "name": f"{name}（少于 {FEW} 份报告）",
                       "legendgroup": name, "showlegend": not any(v is not None for v in solid), "mode": "markers",
                       "opacity": FADED, "marker": {"size": 10, **({"color": color} if color else {})},
                       "customdata": notes, "hovertemplate": hover})
    return traces


def few_faded_heatmap(z, x: list, y: list, text: list, n: list[int], per: str, rows: bool = False) -> list[go.Heatmap]:
    """Shares (0–100) as a heatmap whose columns (or rows, rows=True) of fewer than FEW reports are drawn faded
    (a second layer at FADED opacity); every cell's hover says the n of its column (row). per: what the n
    counts ("年份", "省份")."""
    z = np.asarray(z, dtype=float)
    few = np.array([k < FEW for k in n])
    solid, faint = z.copy(), np.full_like(z, np.nan)
    if rows:
        solid[few, :], faint[few, :] = np.nan, z[few, :]
    else:
        solid[:, few], faint[:, few] = np.nan, z[:, few]
    hover = (f"%{{y}}<br>%{{x}}：%{{text}}（该{per}的报告中提到的比例）<br>%{{customdata}}<extra></extra>")
    note = [few_note(k).replace("，不连线", "") for k in n]
    notes = [[note[i] for _c in x] for i in range(len(y))] if rows else [note for _r in y]
    common = {"x": x, "y": y, "texttemplate": "%{text}", "colorscale": "Blues", "zmin": 0, "zmax": 100,
              "customdata": notes, "hovertemplate": hover}

    def own(faded: bool) -> list[list[str]]:
        """The layer's own cells' text ("" elsewhere: a layer draws its text on its empty cells too)."""
        return [[str(v) if bool(few[i] if rows else few[j]) == faded else "" for j, v in enumerate(row)]
                for i, row in enumerate(text)]

    layers = [go.Heatmap(z=solid, text=own(False), colorbar={"title": "报告占比 %"}, **common)]
    if few.any():
        # dark text: the faded cell is light whatever its value (plotly would write white on a 100 % cell)
        layers.append(go.Heatmap(z=faint, text=own(True), opacity=FADED, showscale=not (~few).any(),
                                 textfont={"color": "#111418"},
                                 colorbar={"title": "报告占比 %"}, **common))
    return layers


SELECTED, OUTSIDE = "#1f5fa8", "#c9cdd2"  # years inside the chosen range / outside it


def year_counts(years: pd.Series, chosen: tuple[int, int] | None) -> go.Figure:
    """The sidebar's small bar chart under the year slider: reports per year among those the other filters
    select, the chosen range in blue. Reports without a year are not drawn (their count is in the caption)."""
    counts = years.dropna().astype(int).value_counts().sort_index()
    inside = [chosen is None or chosen[0] <= y <= chosen[1] for y in counts.index]
    return go.Figure(
        data=[go.Bar(x=[int(y) for y in counts.index], y=[int(n) for n in counts.values],
                     marker={"color": [SELECTED if i else OUTSIDE for i in inside]},
                     hovertemplate="%{x}年：%{y} 份报告<extra></extra>")],
        layout={"height": 110, "margin": {"l": 4, "r": 4, "t": 4, "b": 22}, "showlegend": False,
                "bargap": 0.15, "plot_bgcolor": "#ffffff", "paper_bgcolor": "rgba(0,0,0,0)",
                "font": {"family": "Noto Sans CJK SC, sans-serif", "size": 12, "color": "#111418"},
                "xaxis": {"type": "category", "fixedrange": True, "tickfont": {"size": 11}},
                "yaxis": {"visible": False, "fixedrange": True}})
