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
