"""文档: one report's full text with every extracted value next to its highlighted evidence."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from components.export import download
from components.frame import iter_columns
from components.labels import FIELD_LABELS, FORMAT_LABELS
from components.nulls import given, missing
from components.style import highlight, md_escape, year_label
from parsing.corpus.build import Corpus
from parsing.corpus.figures import total_text
from parsing.schema import Report
from parsing.template.tables import TABLE2_2019, TABLE2_2021
from parsing.text.normalize import is_table_line

SHOWN_FIELDS = ("agency", "agency_type", "admin_level", "province", "city", "district", "adcode", "year", "format",
                "proactive_total", "applications_received", "fees", "reconsideration", "litigation")


def _value(key: str, value) -> str:
    if missing(value):
        return "（报告未写明）"
    if key == "format":
        return FORMAT_LABELS.get(value, value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


MAX_PICK = 500  # reports offered in the picker at once (a list of 100,000 took 1.8 s to build and is no choice)


def picked(view: pd.DataFrame, query: str, keep: list[str]) -> pd.DataFrame:
    """The reports the picker offers: those whose agency or file name contains query (all when it is empty),
    the first MAX_PICK of them, and the reports in keep (the linked and the current one) wherever they are."""
    part = view
    if query:
        hit = (view["agency_label"].astype(str).str.contains(query, regex=False)
               | view["file"].astype(str).str.contains(query, regex=False))
        part = view[hit.fillna(False).astype(bool)]
    head = part.head(MAX_PICK)
    missing = [f for f in keep if f not in set(head["file"])]
    if missing:
        head = pd.concat([view[view["file"].isin(missing)], head])
    return head


def render(view: pd.DataFrame, corpus: Corpus) -> None:
    wanted = st.query_params.get("doc")
    in_view = set(view["file"])
    current = st.session_state.get("doc_file")
    query = ""
    if len(view) > MAX_PICK:
        query = st.text_input(f"查找报告（共 {len(view):,} 份；输入机构名或文件名，下面列出前 {MAX_PICK} 份）",
                              key="doc_query").strip()
    options = picked(view, query, [f for f in (wanted, current) if f in in_view])
    files = list(options["file"])
    labels = {r.file: f"{r.agency_label} · {year_label(r.year)} · {r.file}" + (" · 上传" if r.source == "上传" else "")
              for r in iter_columns(options, "file", "agency_label", "year", "source")}
    if query and len(files) == sum(f in (wanted, current) for f in files):
        st.caption(f"没有机构名或文件名含“{md_escape(query)}”的报告。")
    if current not in files:
        st.session_state["doc_file"] = wanted if wanted in files else files[0]
    file = st.selectbox("选择报告", files, key="doc_file", format_func=labels.get)
    row = view[view["file"] == file].iloc[0]
    text = corpus.text_of(file)
    evidence = row["evidence"]

    left, right = st.columns([2, 3])
    with left:
        st.subheader("提取结果与原文依据")
        rows = []
        for key in SHOWN_FIELDS:
            label = FIELD_LABELS[key]
            ev = evidence.get(key)
            shown = _value(key, row[key])
            if key == "proactive_total" and row.get("total_quality") not in (None, "stated"):
                shown = total_text(row[key], row["total_quality"])  # 约400 / 280（累计）/ 57（冲突）
            rows.append({"字段": label, "值": shown, "原文依据": ev["text"] if ev else ""})
        for prefix, label in (("proactive_breakdown", "分类"), ("channel_counts", "渠道数量")):
            for name, n in given(row[prefix], {}).items():
                ev = evidence.get(f"{prefix}.{name}")
                rows.append({"字段": f"{label}：{name}", "值": str(n), "原文依据": ev["text"] if ev else ""})
        rows.append({"字段": "公开渠道", "值": "、".join(given(row["channels"], [])) or "（未写明）", "原文依据": ""})
        st.dataframe(pd.DataFrame(rows), hide_index=True, height=560,
                     column_config={"原文依据": st.column_config.TextColumn(width="large")})
        st.subheader("提示")
        if row["warnings"]:
            for w in row["warnings"]:
                st.warning(md_escape(w))  # a warning quotes the report
        else:
            st.success("没有提示：各项都在原文中找到了依据。")
        with st.expander("问题与改进措施（解析结果）"):
            st.text(f"【存在的问题】\n{given(row['problems'], '（未找到）')}\n\n【改进措施】\n{given(row['measures'], '（未找到）')}")
        download(st, "下载此报告的记录（JSON）",
                 json.dumps({k: _jsonable(row[k]) for k in view.columns if k in Report.keys()}, ensure_ascii=False,
                            indent=1, default=str), f"{file}.json")
    with right:
        _render_text(file, text, row, evidence, wanted == file)


def _render_text(file: str, text: str, row, evidence: dict, linked: bool) -> None:
    """The report's text, opened at the chosen field's span with that one span highlighted; the template
    tables as tables, with the cells the linked check read marked."""
    focus = _focus_span(len(text)) if linked else None
    found = [key for key in evidence if evidence[key].get("end")]
    # the headline figures first (主动公开条数 before 年份), then categories and channels as found
    options = [k for k in ("proactive_total", *SHOWN_FIELDS) if k in found]
    options = list(dict.fromkeys(options + found))
    if focus:
        options.insert(0, FOCUS)
    wanted = st.query_params.get("field")
    state = f"doc_field_{file}"
    if wanted in options and state not in st.session_state:
        st.session_state[state] = wanted
    if not options:
        st.subheader("报告全文")
        with st.container(height=900):
            st.markdown(md_escape(text))
        return
    st.subheader("报告全文（高亮 = 所选字段的原文依据）")
    key = st.selectbox("在原文中定位", options, key=state, format_func=field_label)
    if key != FOCUS:
        st.query_params["field"] = key  # the view can be sent on: ?doc=…&field=…
    span = focus if key == FOCUS else (evidence[key]["start"], evidence[key]["end"])
    rule = st.query_params.get("check")
    marked = cells_in(row["checks"], focus, rule) if focus and row["tables"] else set()
    if key == FOCUS:
        if marked:  # the cells themselves are marked in the tables; their text is only rows of numbers
            st.info(f"质量检查所指的原文：{md_escape(rule or '该项检查')}读取的 {len(marked)} 个单元格，已在下方“模板表格”中标出")
        else:
            st.info(f"质量检查所指的原文：{md_escape(text[span[0]:span[1]][:300])}")
    if row["tables"]:
        with st.expander("模板表格（表二、表三、表四）", expanded=focus is not None):
            note = derived_note(row["tables"])
            if note:
                st.caption(note)
            for name, table in template_frames(row["tables"]):
                st.caption(name + ("（标出的单元格是该项检查读取的）" if any(c[0] == name for c in marked) else ""))
                st.dataframe(style_cells(table, {(r, c) for n, r, c in marked if n == name}), key=f"doc_{name}")
    opening = opening_of(text, span[0])
    if opening:
        with st.expander(f"前文（{text.count(chr(10), 0, opening) + 1} 行）"):
            st.markdown(collapse_tables(text, 0, opening, None))
    with st.container(height=900):
        st.markdown(collapse_tables(text, opening, len(text), span))


FOCUS = "__check__"
TABLE_RUN = 3  # this many tab/pipe lines in a row are a table: shown as a table above, not as "0 0 0"


def field_label(key: str) -> str:
    """proactive_total → 主动公开条数; channels.政务微信 → 公开渠道：政务微信; the linked check's span."""
    if key == FOCUS:
        return "质量检查所指的原文"
    name, _, item = key.partition(".")
    label = FIELD_LABELS.get(name, name)
    return f"{label}：{item}" if item else label


def opening_of(text: str, pos: int, context_lines: int = 2) -> int:
    """Where to open the text so that pos is near the top: the start of its line, two lines earlier."""
    at = text.rfind("\n", 0, pos) + 1
    for _ in range(context_lines):
        if at <= 0:
            break
        at = text.rfind("\n", 0, at - 1) + 1
    return at


def collapse_tables(text: str, start: int, end: int, span: tuple[int, int] | None) -> str:
    """Markdown of text[start:end], escaped, span highlighted, each run of table lines that does not hold
    the span replaced by one line pointing at the tables (their cells show as tables, not as 0 0 0)."""
    out, pos = [], start
    lines = text[start:end].split("\n")
    offsets, at = [], start
    for line in lines:
        offsets.append(at)
        at += len(line) + 1
    pieces: list[tuple[int, int, bool]] = []  # (start, end, is_table_run)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and is_table_line(lines[j]):
            j += 1
        if j - i >= TABLE_RUN:
            s, e = offsets[i], min(end, offsets[j - 1] + len(lines[j - 1]))
            holds = span is not None and span[0] < e and s < span[1]
            if not holds:
                pieces.append((pos, s, False))
                pieces.append((s, e, True))
                pos = e
            i = j
        else:
            i = max(j, i + 1)
    pieces.append((pos, end, False))
    for s, e, is_table in pieces:
        if is_table:
            out.append(f"*〔表格 {text.count(chr(10), s, e) + 1} 行：见上方“模板表格”〕*")
        elif e > s:
            inside = [(max(span[0], s) - s, min(span[1], e) - s)] if span and span[0] < e and s < span[1] else []
            out.append(highlight(text[s:e], inside))
    return "".join(out)


DERIVED_MARK, UNKNOWN_MARK = "（推定）", "？"


def template_frames(tables: dict) -> list[tuple[str, pd.DataFrame]]:
    """表二/表三/表四 of a record as DataFrames (rows × columns, the template's labels); a blank cell is "".
    A cell the reader derived (its place not printed, fixed by the table's sums) reads "2（推定）"; a cell the
    printed form cannot show reads "？"."""
    out = []
    t2 = tables.get("表二")
    if t2:
        heads = TABLE2_2021 if t2.get("layout") == "2021" else TABLE2_2019
        per_row = t2.get("columns") if isinstance(t2.get("columns"), dict) else {}
        cols_of = {row: list(per_row.get(row) or heads.get(row, ())) for row in t2["rows"]}
        columns = list(dict.fromkeys(c for row in t2["rows"] for c in cols_of[row]))
        data = {row: {c: _marked(v, h) for c, v, h in zip(cols_of[row], values, _how(t2, row, len(values)), strict=False)}
                for row, values in t2["rows"].items()}
        out.append(("表二", _frame(data, columns)))
    for name in ("表三", "表四"):
        t = tables.get(name)
        if t:
            data = {row: {c: _marked(v, h) for c, v, h in zip(t["columns"], values, _how(t, row, len(values)), strict=False)}
                    for row, values in t["rows"].items()}
            out.append((name, _frame(data, list(t["columns"]))))
    return out


def _how(table: dict, row: str, n: int) -> list[str]:
    return list((table.get("how") or {}).get(row) or ["read"] * n)


def _marked(value, how: str):
    if how == "unknown":
        return UNKNOWN_MARK
    if how == "derived" and value is not None:
        return f"{value}{DERIVED_MARK}"
    return value


def derived_note(tables: dict) -> str | None:
    """One line under the tables when any cell is derived or unknown, saying what the marks mean."""
    codes = {h for t in tables.values() if isinstance(t, dict) for row in (t.get("how") or {}).values() for h in row}
    if not codes & {"derived", "unknown"}:
        return None
    return ("“（推定）”：原文的排版没有印出该数的位置（如逐行抓取时相邻相同的数只留一个），由表格的合计关系唯一确定；"
            "“？”：原文无法确定该格，按未知处理，相关检查无法判断。")


def _frame(data: dict[str, dict], columns: list[str]) -> pd.DataFrame:
    """Cells as text as written: 0 stays "0" (never 0.0), "/" and "—" stay, a blank cell is ""."""
    shown = {row: {c: "" if cells.get(c) is None else str(cells[c]) for c in columns} for row, cells in data.items()}
    return pd.DataFrame.from_dict(shown, orient="index", columns=columns).fillna("")


def cells_in(checks, focus: tuple[int, int], rule: str | None = None) -> set[tuple[str, str, str]]:
    """(table, row, column) of the cells the linked check read: the check named rule whose cells span the
    focus (the 质量检查 link is their first start to their last end); else every cell inside the focus."""
    def cells(check):
        return [c for c in check.get("cells") or [] if c.get("end") and c.get("column")]

    exact = [check for check in given(checks, []) if cells(check) and check.get("rule") == rule
             and (min(c["start"] for c in cells(check)), max(c["end"] for c in cells(check))) == tuple(focus)]
    chosen = [c for check in exact for c in cells(check)] or [
        c for check in given(checks, []) for c in cells(check) if focus[0] <= c["start"] and c["end"] <= focus[1]]
    return {(c["table"], c["row"], c["column"]) for c in chosen}


def style_cells(table: pd.DataFrame, marked: set[tuple[str, str]]):
    """The table with the marked cells in the strong highlight (dark red on a light tint, 6.6:1)."""
    if not marked:
        return table

    def paint(frame: pd.DataFrame) -> pd.DataFrame:
        css = pd.DataFrame("", index=frame.index, columns=frame.columns)
        for r, c in marked:
            if r in css.index and c in css.columns:
                css.loc[r, c] = "background-color: #fbe9e7; color: #b3261e; font-weight: 700"
        return css

    return table.style.apply(paint, axis=None)


def _focus_span(length: int) -> tuple[int, int] | None:
    """?ev=start-end from a 质量检查 link: the table rows a check read."""
    try:
        start, end = (int(x) for x in st.query_params.get("ev", "").split("-"))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end <= length else None


def _jsonable(value):
    if isinstance(value, list):
        return list(value)  # reads cached checks that were not loaded yet
    if isinstance(value, (dict, str)):
        return value
    if missing(value):
        return None
    return value.item() if hasattr(value, "item") else value

