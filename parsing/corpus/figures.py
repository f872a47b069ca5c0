"""How a figure is labelled and how far it can be trusted, shared by the charts, the tables and the brief."""

from __future__ import annotations


def agency_label(row: dict) -> str:
    """A short label for charts: the place plus the agency type (张店区安监)."""
    place = row.get("district") or row.get("city") or row.get("province") or "地区不明"
    return f"{place}{row.get('agency_type') or ''}"


QUALITY_LABELS = {"stated": "写明", "approx": "约数", "cumulative": "累计", "conflict": "冲突"}


def total_quality(row: dict) -> str | None:
    """How far the proactive total can be trusted: stated, approx (约/余), cumulative (累计), conflict
    (two files for one agency-year). None when there is no figure."""
    if row.get("proactive_total") is None:
        return None
    if any(w.startswith("冲突") for w in row.get("warnings") or ()):
        return "conflict"
    if row.get("proactive_total_approx"):
        return "approx"
    if row.get("proactive_total_cumulative"):
        return "cumulative"
    return "stated"


def review_figures(tables) -> tuple[int | None, int | None]:
    """表四's 行政复议 block: (结果纠正, 总计) when both cells are numbers, else (None, None). The 复议纠错率 of
    依申请与复议诉讼 sums these, so a view need not decode every report's tables (3 s at 100,000 reports)."""
    block = (((tables or {}).get("表四") or {}).get("rows") or {}).get("行政复议")
    if not block or len(block) < 5:
        return None, None
    corrected, total = block[1], block[4]
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (corrected, total)):
        return None, None
    return int(corrected), int(total)


def total_text(total, quality: str | None) -> str:
    """The label a figure is shown with everywhere (charts, tables, the brief): 57 / 约400 / 280（累计） /
    1,000（冲突）; 未写明 when there is none."""
    if _missing(total):
        return "未写明"
    n = f"{int(total):,}"
    if quality == "approx":
        return f"约{n}"
    return n + ("" if quality in (None, "stated") else f"（{QUALITY_LABELS[quality]}）")


def _missing(value) -> bool:
    """None, NaN or pandas' NA (a table cell), without importing pandas."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except TypeError:  # pandas' NA: its truth value is ambiguous
        return True
