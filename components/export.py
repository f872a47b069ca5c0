"""Every download of the app: one function (download) draws the button, and a table becomes CSV or Excel only here,
with no cell a spreadsheet would run as a formula.

A text cell that starts with = + - @, a tab or a carriage return is read by Excel and LibreOffice as a formula
(+1+1 is computed, =HYPERLINK(…) is a live link), so it is written with a leading ' and stays text. Numbers,
flags and dates are left alone (a negative number is a number). Word, PDF and JSON files have no cells and pass
through as they are."""

from __future__ import annotations

import io

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TABLE_SUFFIXES = (".csv", ".xlsx")
MIME = {".csv": "text/csv", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".json": "application/json", ".pdf": "application/pdf",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def neutralise(value):
    """A cell a spreadsheet would run as a formula is prefixed with ' so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def neutralised(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every formula-like text cell prefixed with ' and every missing value a blank cell.

    Only text can be a formula, so only text columns are looked at, column by column (a Python call per cell
    cost 0.4 s at 10,000 reports)."""
    out = table.copy()
    for col in out.columns:
        values = out[col]
        if values.dtype.kind in "biufcmM":
            continue  # numbers, flags and dates cannot be formulas
        if values.dtype == object:
            risky = values.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_START))
        else:  # a string column
            risky = values.str.startswith(FORMULA_START).fillna(False)
        risky = risky.astype(bool)
        if risky.any():
            out[col] = values.astype(object).where(~risky, "'" + values.astype(str))
    return out.astype(object).where(out.notna(), "")


def to_csv(table: pd.DataFrame) -> bytes:
    """CSV with a BOM (Excel then opens Chinese text correctly), formula cells neutralised."""
    return neutralised(table).to_csv(index=False).encode("utf-8-sig")


def to_excel(table: pd.DataFrame, sheet: str = "Sheet1") -> bytes:
    """An .xlsx of one sheet, formula cells neutralised (openpyxl writes a text starting with = as a formula)."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        neutralised(table).to_excel(writer, index=False, sheet_name=sheet)
    return buf.getvalue()


def file_bytes(data: pd.DataFrame | bytes | str, file_name: str, sheet: str = "Sheet1") -> bytes | str:
    """What a download of file_name serves: a table as CSV or Excel by the name's suffix; bytes or text as given
    (CSV or Excel bytes only as to_csv / to_excel made them)."""
    suffix = file_name[file_name.rfind("."):].lower() if "." in file_name else ""
    if isinstance(data, pd.DataFrame):
        if suffix == ".csv":
            return to_csv(data)
        if suffix == ".xlsx":
            return to_excel(data, sheet)
        raise ValueError(f"a table is downloaded as .csv or .xlsx, not as {file_name}")
    return data


def download(where, label: str, data: pd.DataFrame | bytes | str, file_name: str, mime: str | None = None, *,
             key: str | None = None, sheet: str = "Sheet1", **options):
    """st.download_button (on where: st, a column, the sidebar) for every download of the app."""
    suffix = file_name[file_name.rfind("."):].lower() if "." in file_name else ""
    return where.download_button(label, file_bytes(data, file_name, sheet), file_name=file_name,
                                 mime=mime or MIME.get(suffix, "application/octet-stream"), key=key, **options)
