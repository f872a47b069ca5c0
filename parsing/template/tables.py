"""The national template's tables — 表二 (主动公开), 表三 (依申请), 表四 (复议诉讼).

Cells are read from tab rows, Markdown pipes, HTML-derived tab rows, or — after PDF
extraction — a flat stream of numbers recovered by counting. A blank cell, "/", "—" and 0
are different values and stay different: blank is None, the markers stay strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from parsing.document import Span
from parsing.extract.sections import headings
from parsing.schema import Evidence

Value = int | float | str | None  # number, "/" or "—" marker, or None for a blank cell

NUMBER_CELL = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
MARKERS = {"/": "/", "／": "/", "—": "—", "——": "—", "-": "—", "－": "—", "–": "—"}

TABLE3_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
TABLE3_COLUMNS_LOCAL = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
                        "法人或其他组织小计", "总计"]
APPLICANT_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]

# Row key → pattern of its label, in template order (2021 layout; 2019 replaces （六）1–3 by one row).
TABLE3_ROWS_2021 = [
    ("一、本年新收", r"本年新收"), ("二、上年结转", r"上年结转"),
    ("（一）予以公开", r"予以公开"), ("（二）部分公开", r"部分公开"),
    ("（三）1", r"国家秘密"), ("（三）2", r"法律行政法规禁止"), ("（三）3", r"三安全一稳定|危及"),
    ("（三）4", r"第三方合法权益"), ("（三）5", r"三类内部事务"), ("（三）6", r"四类过程性"),
    ("（三）7", r"行政执法案卷"), ("（三）8", r"行政查询事项"),
    ("（四）1", r"不掌握相关政府信息"), ("（四）2", r"没有现成信息"), ("（四）3", r"补正后申请内容仍不明确"),
    ("（五）1", r"信访举报投诉"), ("（五）2", r"重复申请"), ("（五）3", r"公开出版物"),
    ("（五）4", r"大量反复申请"), ("（五）5", r"确认或重新出具"),
    ("（六）1", r"逾期不补正"), ("（六）2", r"收费通知|缴纳费用"), ("（六）3", r"^\s*\d?\s*[.．、]?\s*其他\s*$"),
    ("（七）总计", r"^\s*[（(]?\s*七\s*[）)]?\s*总计|^\s*总计\s*$"), ("四、结转下年度", r"结转下年度"),
]
TABLE3_ROWS_2019 = TABLE3_ROWS_2021[:20] + [("（六）其他处理", r"其他处理")] + TABLE3_ROWS_2021[23:]

APPEAL_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
APPEAL_BLOCKS = ("行政复议", "未经复议直接起诉", "复议后起诉")

TABLE2_2021 = {"规章": ("本年制发", "本年废止", "现行有效"), "行政规范性文件": ("本年制发", "本年废止", "现行有效"),
               "行政许可": ("本年处理决定数量",), "行政处罚": ("本年处理决定数量",), "行政强制": ("本年处理决定数量",),
               "行政事业性收费": ("金额（万元）",)}
TABLE2_2019 = {"规章": ("本年新制作", "本年新公开", "对外公开总数量"),
               "规范性文件": ("本年新制作", "本年新公开", "对外公开总数量"),
               "行政许可": ("上一年项目数量", "本年增减", "处理决定数量"),
               "其他对外管理服务事项": ("上一年项目数量", "本年增减", "处理决定数量"),
               "行政处罚": ("上一年项目数量", "本年增减", "处理决定数量"),
               "行政强制": ("上一年项目数量", "本年增减", "处理决定数量"),
               "行政事业性收费": ("上一年项目数量", "本年增减"),
               "政府集中采购": ("采购项目数量", "采购总金额")}
TABLE2_LABELS = {"规章": r"^规章$", "行政规范性文件": r"行政规范性文件", "规范性文件": r"^规范性文件$",
                 "行政许可": r"^行政许可$", "其他对外管理服务事项": r"其他对外管理服务", "行政处罚": r"^行政处罚$",
                 "行政强制": r"^行政强制$", "行政事业性收费": r"行政事业性收费", "政府集中采购": r"政府集中采购"}


@lru_cache(maxsize=4096)
def cell_value(raw: str) -> Value:
    """A cell's value; cached: a template report reads the same few cells ("0", "", "/") ~200 times."""
    text = raw.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    if text in MARKERS:
        return MARKERS[text]
    if NUMBER_CELL.match(text):
        number = float(text)
        return int(number) if number.is_integer() and "." not in text else number
    return text  # a label or other text


def is_value(value: Value) -> bool:
    return value is None or isinstance(value, (int, float)) or value in ("/", "—")


def number(value: Value) -> float | None:
    return value if isinstance(value, (int, float)) else None


@dataclass
class Line:
    start: int
    end: int
    cells: list[str]
    tabular: bool  # cells came from tabs or pipes (blank cells are real)


def _lines(text: str, span: Span) -> list[Line]:
    out = []
    pos = span.start
    for raw in text[span.start:span.end].split("\n"):
        start, pos = pos, pos + len(raw) + 1
        stripped = raw.strip()
        if not stripped or re.fullmatch(r"\|?[\s:|-]+\|?", stripped) and "-" in stripped:
            continue  # blank line or a Markdown separator row
        if "\t" in raw:
            cells, tabular = raw.split("\t"), True
        elif stripped.startswith("|"):
            cells, tabular = stripped.strip("|").split("|"), True
        else:
            tokens = stripped.split()
            if tokens and all(is_value(cell_value(t)) for t in tokens):
                cells, tabular = tokens, False
            else:
                # "1.属于国家秘密 0 0 0": a label followed by numbers on one line
                m = re.match(r"^(.*?[^\d\s.,/—-])\s+((?:[+-]?\d+(?:\.\d+)?|/|—|－|-)(?:\s+(?:[+-]?\d+(?:\.\d+)?|/|—|－|-))*)$",
                             stripped)
                cells = [m.group(1), *m.group(2).split()] if m else [stripped]
                tabular = False
        out.append(Line(start, start + len(raw), [c.strip() for c in cells], tabular))
    return out


@dataclass
class Table:
    name: str
    layout: str
    columns: list[str]
    rows: dict[str, list[Value]]
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    span: tuple[int, int] = (0, 0)
    warnings: list[str] = field(default_factory=list)

    def cell(self, row: str, column: str) -> Value:
        values = self.rows.get(row)
        if values is None:
            return None
        try:
            return values[self.columns.index(column)]
        except ValueError:  # not a column of this table
            return None

    def to_dict(self) -> dict:
        return {"layout": self.layout, "columns": self.columns, "rows": self.rows}


def _find(text: str, pattern: str, stop: str) -> Span | None:
    """The body under the first top-level heading matching pattern (else a second-level one), up to
    the next heading matching stop — not merely the next numbered line: a table row such as
    "四、结转下年度继续办理" looks like a heading once PDF extraction drops its cells."""
    heads = [h for h in headings(text) if h.level <= 2]
    matches = [i for i, h in enumerate(heads) if re.search(pattern, h.title)]
    if not matches:
        return None
    i = min(matches, key=lambda k: (heads[k].level, k))
    end = next((other.start for other in heads[i + 1:] if re.search(stop, other.title)), len(text))
    return Span(heads[i].end, end)


# ------------------------------------------------------------------------ 表三

def parse_table3(text: str) -> Table | None:
    span = _find(text, r"收到和处理政府信息公开申请|依申请公开政府信息情况|政府信息公开申请情况",
                 r"复议|诉讼|存在的主要问题|其他需要报告")
    if span is None:
        return None
    lines = _lines(text, span)
    header = " ".join(c for ln in lines[:8] for c in ln.cells)
    if "本年新收" not in text[span.start:span.end]:
        return None
    columns = TABLE3_COLUMNS_LOCAL if "小计" in header else TABLE3_COLUMNS
    layout = "2021" if re.search(r"逾期不补正|收费通知", text[span.start:span.end]) else "2019"
    row_defs = TABLE3_ROWS_2021 if layout == "2021" else TABLE3_ROWS_2019
    table = Table("表三", layout, columns, {}, span=(span.start, span.end))
    by_label = _rows_by_label(lines, row_defs, len(columns), table)
    if by_label is not None:
        table.rows = by_label
        return table
    stream, first, last = _stream(lines, after=_first_label_line(lines, row_defs))
    expected = len(row_defs) * len(columns)
    if len(stream) == expected:
        table.rows = {key: stream[i * len(columns):(i + 1) * len(columns)] for i, (key, _p) in enumerate(row_defs)}
        table.spans = {key: (first, last) for key, _p in row_defs}
        table.warnings.append(f"表三按数字个数还原（{len(stream)} 个数 = {len(row_defs)} 行 × {len(columns)} 列）")
        return table
    table.warnings.append(f"表三无法还原：找到 {len(stream)} 个数，应为 {expected} 个（{len(row_defs)} 行 × {len(columns)} 列）")
    table.rows = {}
    return table


def _first_label_line(lines: list[Line], row_defs) -> int:
    first = re.compile(row_defs[0][1])
    for i, ln in enumerate(lines):
        if any(first.search(c) for c in ln.cells):
            return i
    return 0


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    """A row label's pattern, compiled once (re.search's own cache lookup cost more than the search)."""
    return re.compile(pattern)


def _label_of(cells: list[str], row_defs, taken: set[str]) -> tuple[str | None, int]:
    """The row key named by the line's text cells, and the index after the last label cell.

    Rows are matched in template order, starting with 一、本年新收, so the column headers above
    the first row ("其他", "总计") are never taken for row labels."""
    order = [k for k, _p in row_defs]
    done = [order.index(k) for k in taken if k in order]
    allowed = row_defs[max(done) + 1:] if done else row_defs[:1]
    key, last = None, -1
    for i, cell in enumerate(cells):
        value = cell_value(cell)
        if is_value(value):
            continue
        for row_key, pattern in allowed:
            if _compiled(pattern).search(cell):
                key, last = row_key, i
        if key is None:
            last = i
    return key, last + 1


def _rows_by_label(lines: list[Line], row_defs, ncols: int, table: Table) -> dict[str, list[Value]] | None:
    rows: dict[str, list[Value]] = {}
    raw_runs: dict[str, list[Value]] = {}
    current = None
    for ln in lines:
        key, after = _label_of(ln.cells, row_defs, set(rows))
        values = [cell_value(c) for c in ln.cells[after:]] if key or current else []
        if key:
            current = key
            rows[key] = []
            raw_runs[key] = []
            table.spans[key] = (ln.start, ln.end)
        elif current is None or not values or not all(is_value(v) for v in values):
            if key is None and any(not is_value(cell_value(c)) for c in ln.cells):
                current = None if current and rows[current] else current
            continue
        if current is None:
            continue
        raw_runs[current].extend(values if ln.tabular else [v for v in values if v is not None])
        table.spans[current] = (table.spans[current][0], ln.end)
    if len(rows) != len(row_defs):
        return None
    runs = {key: _trim_edges(raw_runs[key]) for key, _p in row_defs}
    filled = {len(r) for r in runs.values()}
    inner_blanks = any(v is None for r in runs.values() for v in r)
    if len(filled) == 1 and not inner_blanks and (k := filled.pop()) < ncols:
        # Every row carries the same k < ncols numbers: a whole column was lost in conversion.
        # Which one cannot be known; the numbers are kept in order and the last column is left blank.
        missing = table.columns[k:]
        table.warnings.append(f"表三每行只有 {k} 个数（表头 {ncols} 列），判断为整列缺失；"
                              f"按顺序对应前 {k} 列，“{'、'.join(missing)}”列留空，相关检查无法判断")
        for key in runs:
            rows[key] = runs[key]
    else:
        short = []
        for key, _p in row_defs:
            run = raw_runs[key]
            while run and run[-1] is None:
                run.pop()
            while len(run) > ncols and run[0] is None:
                run.pop(0)
            if len(run) > ncols:
                return None
            rows[key] = run
            if len(run) < ncols:
                short.append(key)
        if short:
            table.warnings.append(f"表三有 {len(short)} 行的数字少于 {ncols} 个，缺少的单元格按空白处理")
    for key in rows:
        rows[key] = (rows[key] + [None] * ncols)[:ncols]
    if all(all(v is None for v in rows[k]) for k in rows):
        return None
    return rows


def _trim_edges(run: list[Value]) -> list[Value]:
    start, end = 0, len(run)
    while start < end and run[start] is None:
        start += 1
    while end > start and run[end - 1] is None:
        end -= 1
    return run[start:end]


def _stream(lines: list[Line], after: int = 0) -> tuple[list[Value], int, int]:
    values: list[Value] = []
    first = last = -1
    for ln in lines[after:]:
        got = [cell_value(c) for c in ln.cells]
        found = [v for v in got if v is not None and is_value(v)]
        if found:
            values.extend(found)
            first = ln.start if first == -1 else first
            last = ln.end
    return values, first, last


# ------------------------------------------------------------------------ 表四

def parse_table4(text: str) -> Table | None:
    span = _find(text, r"行政复议.{0,6}行政诉讼|复议.{0,4}诉讼", r"存在的主要问题|问题|其他需要报告")
    if span is None:
        return None
    lines = _lines(text, span)
    columns = list(APPEAL_RESULTS)
    table = Table("表四", "2019", columns, {}, span=(span.start, span.end))
    stream, first, last = _stream(lines)
    if len(stream) != 15:
        for ln in lines:  # a tab row of 15 cells may carry blanks
            vals = [cell_value(c) for c in ln.cells]
            if ln.tabular and len(vals) >= 15 and all(is_value(v) for v in vals[-15:]):
                stream, first, last = vals[-15:], ln.start, ln.end
                break
    if len(stream) != 15:
        if stream:
            table.warnings.append(f"表四无法还原：找到 {len(stream)} 个数，应为 15 个")
            return table
        return None
    for i, block in enumerate(APPEAL_BLOCKS):
        table.rows[block] = stream[i * 5:(i + 1) * 5]
        table.spans[block] = (first, last)
    return table


# ------------------------------------------------------------------------ 表二

def parse_table2(text: str) -> Table | None:
    span = _find(text, r"主动公开政府信息情况", r"收到和处理|依申请|复议|诉讼|存在的主要问题")
    if span is None:
        return None
    body = text[span.start:span.end]
    if "第二十条" not in body and "本年制发" not in body and "本年新制作" not in body:
        return None
    layout = "2019" if "本年新制作" in body or "上一年项目数量" in body else "2021"
    spec = TABLE2_2019 if layout == "2019" else TABLE2_2021
    table = Table("表二", layout, [], {}, span=(span.start, span.end))
    current = None
    for ln in _lines(text, span):
        label = next((c for c in ln.cells if c and not is_value(cell_value(c))), None)
        if label is not None:
            current = next((name for name in spec if re.search(TABLE2_LABELS[name], label)), None)
            if current is None:
                continue
            table.rows[current] = []
            table.spans[current] = (ln.start, ln.end)
            after = ln.cells[ln.cells.index(label) + 1:]
        elif current is not None:
            after = ln.cells
        else:
            continue
        values = [cell_value(c) for c in after]
        if not all(is_value(v) for v in values):
            current = None
            continue
        if current in table.rows:
            table.rows[current].extend(values)
            table.spans[current] = (table.spans[current][0], ln.end)
    for name, cols in spec.items():
        if name in table.rows:
            run = table.rows[name]
            while run and run[-1] is None and len(run) > len(cols):
                run.pop()
            table.rows[name] = (run + [None] * len(cols))[:len(cols)]
    table.columns = sorted({c for cols in spec.values() for c in cols})
    return table if table.rows else None


def table2_value(table: Table | None, row: str, column: str) -> Value:
    if table is None or row not in table.rows:
        return None
    spec = TABLE2_2019 if table.layout == "2019" else TABLE2_2021
    return table.rows[row][spec[row].index(column)] if column in spec[row] else None


def penalty_decisions(table: Table | None) -> Value:
    column = "处理决定数量" if table is not None and table.layout == "2019" else "本年处理决定数量"
    return table2_value(table, "行政处罚", column)


@dataclass
class Tables:
    table2: Table | None
    table3: Table | None
    table4: Table | None

    def to_dict(self) -> dict:
        out = {}
        if self.table2:
            out["表二"] = {"layout": self.table2.layout, "rows": self.table2.rows}
        if self.table3 and self.table3.rows:
            out["表三"] = self.table3.to_dict()
        if self.table4 and self.table4.rows:
            out["表四"] = {"columns": self.table4.columns, "rows": self.table4.rows}
        return out

    @property
    def warnings(self) -> list[str]:
        return [w for t in (self.table2, self.table3, self.table4) if t for w in t.warnings]

    def evidence(self, text: str, table: str, row: str) -> Evidence | None:
        t = {"表二": self.table2, "表三": self.table3, "表四": self.table4}[table]
        if t is None or row not in t.spans:
            return None
        s, e = t.spans[row]
        return Evidence.span(text, s, e)


def parse_tables(text: str) -> Tables:
    return Tables(parse_table2(text), parse_table3(text), parse_table4(text))
