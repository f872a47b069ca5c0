"""The national template's tables — 表二 (主动公开), 表三 (依申请), 表四 (复议诉讼) — read from every form they
arrive in, each cell with how it was known.

A table's rows are found by their labels (the template's fixed, ordered row labels, parsing/data/template.toml).
What follows a label up to the next one is the row's printed values, in one of these forms:
- a grid row (tab or pipe cells: an HTML/DOCX/PDF table or a Markdown table): positions are real, blank cells
  are real; the row's values are its last cells;
- values one per line (a crawler's text: a line equal to the line before it is dropped, an empty cell leaves no
  line), or spaced on one line (text from a PDF: empty cells vanish), or digits squashed together.
A row printing as many values as it has cells is *read*. Otherwise every reading the form allows is tried
(parsing/template/recover.py) and the template's identities (parsing/template/model.py) decide: a cell every
surviving reading agrees on is *derived* (the note says how); the others are *unknown* (null, with why).
A blank cell, "/", "—" and 0 stay different values: blank is None, the markers stay strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from parsing.document import Span
from parsing.extract.sections import headings
from parsing.schema import Evidence
from parsing.template import recover
from parsing.template.model import (
    APPEAL_BLOCKS,
    APPEAL_RESULTS,
    APPLICANT_COLUMNS,
    EDITION_2021_CUE,
    TABLE2_2019,
    TABLE2_2021,
    TABLE2_HEADER_NAMES,
    TABLE2_LABELS,
    TABLE3_COLUMNS,
    TABLE3_COLUMNS_LOCAL,
    TABLE3_ROWS_2019,
    TABLE3_ROWS_2021,
    table3_columns_ok,
    table3_row_ok,
    table4_block_ok,
)

__all__ = ["APPEAL_BLOCKS", "APPEAL_RESULTS", "APPLICANT_COLUMNS", "TABLE2_2019", "TABLE2_2021", "TABLE3_COLUMNS",
           "TABLE3_COLUMNS_LOCAL", "TABLE3_ROWS_2019", "TABLE3_ROWS_2021", "READ", "DERIVED", "UNKNOWN", "Table",
           "Tables", "cell_value", "is_value", "number", "parse_tables", "table2_value", "penalty_decisions"]

Value = int | float | str | None  # number, "/" or "—" marker, or None for a blank cell

READ, DERIVED, UNKNOWN = "read", "derived", "unknown"

NUMBER_CELL = re.compile(r"^[+-]?\d+(?:\.\d+)?(?:元)?$")
MARKERS = {"/": "/", "／": "/", "—": "—", "——": "—", "-": "—", "－": "—", "–": "—"}
SQUASHED_LABEL = re.compile(r"^(.*[^\d\s.,，、．(（])(\d{2,})$")  # 一、本年新收…数量512000053
_NUM = r"(?:[+-]?\d+(?:\.\d+)?元?|/|—|－|-)"
LABEL_NUMBERS = re.compile(rf"^(.*?[^\d\s.,/—-])\s+({_NUM}(?:\s+{_NUM})*)$")
# "一、本年新收政府信息公开申请数量2 0 0 2 0 0 4": the space after a Chinese label is lost in normalising; two or
# more spaced numbers after it are still the row's cells (one glued number is the squashed form's, not this)
LABEL_GLUED_NUMBERS = re.compile(rf"^(.*?[\u4e00-\u9fff”）)])(\d+(?:\.\d+)?(?:\s+{_NUM})+)$")
ROW_START = re.compile(r"(?<=\d)\s*(?=[（(][一二三四五六七][）)]|\d{1,2}[.．、][\u4e00-\u9fff]|[一二三四五]、)")
MD_SEPARATOR = re.compile(r"\|?[\s:|-]+\|?")
PAGE_FIRST = set("-—–－第0123456789")
VALUE_CHAR = re.compile(r"[\d/／—－–-]")
PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
                         r"|\d{1,3}\s*/\s*\d{1,3})$")
UNIT_ONLY = {"元", "万元", "件", "条", "项"}


@lru_cache(maxsize=4096)
def cell_value(raw: str) -> Value:
    """A cell's value; cached: a template report reads the same few cells ("0", "", "/") ~200 times."""
    text = raw.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    if text in MARKERS:
        return MARKERS[text]
    if NUMBER_CELL.match(text):
        text = text.removesuffix("元")
        number = float(text)
        return int(number) if number.is_integer() and "." not in text else number
    return text  # a label or other text


@lru_cache(maxsize=8192)
def _is_text(cell: str) -> bool:
    return not is_value(cell_value(cell))


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
    tabbed: bool = False  # cells came from tabs (a reader's grid row)


def _segments(text: str, span: Span):
    """The part's lines as (start, raw) — a line that joined several rows (a PDF's lines run together: "…0 0 0
    （六）其他处理1.申请人…0 0 0 2.申请人…") cut before each row label that follows a number."""
    pos = span.start
    for raw in text[span.start:span.end].split("\n"):
        start, pos = pos, pos + len(raw) + 1
        if "\t" in raw or raw.lstrip().startswith("|"):
            yield start, raw
            continue
        cut = 0
        for m in ROW_START.finditer(raw):
            if m.start() > cut:
                yield start + cut, raw[cut:m.start()]
                cut = m.start()
        yield start + cut, raw[cut:]


def _lines(text: str, span: Span) -> list[Line]:
    out = []
    for start, raw in _segments(text, span):
        stripped = raw.strip()
        if not stripped:
            continue
        if "-" in stripped and MD_SEPARATOR.fullmatch(stripped):
            continue  # a Markdown separator row
        if stripped[0] in PAGE_FIRST and PAGE_NUMBER.match(stripped):
            continue  # a page break inside the table: "- 3 -", "第 3 页", "3/12"
        if "\t" in raw:
            cells, tabular = raw.split("\t"), True
        elif stripped.startswith("|"):
            cells, tabular = stripped.strip("|").split("|"), True
        else:
            tokens = stripped.split()
            if not VALUE_CHAR.search(stripped):
                cells, tabular = [stripped], False  # no digit and no "/" or "—": a label, a header piece, prose
            elif all(not _is_text(t) for t in tokens):
                cells, tabular = tokens, False
            else:
                # "1.属于国家秘密 0 0 0": a label followed by numbers on one line
                m = LABEL_NUMBERS.match(stripped) or LABEL_GLUED_NUMBERS.match(stripped)
                cells = [m.group(1), *m.group(2).split()] if m else [stripped]
                tabular = False
        out.append(Line(start, start + len(raw), [c.strip() for c in cells], tabular, "\t" in raw))
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
    how: dict[str, list[str]] = field(default_factory=dict)  # row → read / derived / unknown per cell
    notes: dict[str, str] = field(default_factory=dict)  # row → why its cells are derived or unknown
    row_columns: dict[str, list[str]] = field(default_factory=dict)  # 表二: each row's own columns

    def columns_of(self, row: str) -> list[str]:
        return self.row_columns.get(row, self.columns)

    def cell(self, row: str, column: str) -> Value:
        values = self.rows.get(row)
        if values is None:
            return None
        try:
            return values[self.columns_of(row).index(column)]
        except (ValueError, IndexError):  # not a column of this row
            return None

    def how_of(self, row: str, column: str) -> str:
        codes = self.how.get(row)
        if codes is None:
            return UNKNOWN if row not in self.rows else READ
        try:
            return codes[self.columns_of(row).index(column)]
        except (ValueError, IndexError):
            return UNKNOWN

    def to_dict(self) -> dict:
        out = {"layout": self.layout, "columns": self.columns, "rows": self.rows, "how": self.how}
        if self.notes:
            out["notes"] = self.notes
        return out


def _find(text: str, pattern: str, stop: str) -> Span | None:
    """The body under the first top-level heading matching pattern (else a second-level one), up to
    the next heading matching stop — not merely the next numbered line: a table row such as
    "四、结转下年度继续办理" looks like a heading once PDF extraction drops its cells."""
    heads = [h for h in headings(text) if h.level <= 2]
    matches = [i for i, h in enumerate(heads) if re.search(pattern, h.title)]
    if not matches:
        # "二、" on a line of its own and the title on the next (a crawler's text node per line)
        m = re.search(r"(?m)^[ \t]*[一二三四五六七八]\s*[、.．][ \t]*\n[ \t]*(?:" + pattern + r").*$", text)
        if m is None:
            return None
        end = next((h.start for h in heads if h.start > m.end() and re.search(stop, h.title)), len(text))
        return Span(m.end(), end)
    i = min(matches, key=lambda k: (heads[k].level, k))
    end = next((other.start for other in heads[i + 1:] if re.search(stop, other.title)), len(text))
    return Span(heads[i].end, end)


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@lru_cache(maxsize=8192)
def _squeeze(cell: str) -> str:
    return "".join(cell.split())


# ------------------------------------------------------------------------ rows and their printed values

@dataclass
class Printed:
    """What a row printed after its label: grid cells (blanks real) or a run of values (blanks gone)."""

    grid: list[Value] | None = None
    tokens: list[Value] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    spaced: bool = False  # two or more values on one line: blanks vanish but repeats stay
    squashed: bool = False  # a value was glued to its label (digits with no separator)
    span: tuple[int, int] | None = None
    line_cells: list[str] | None = None  # the whole tab row of the label (a grid row), labels included
    label_end: int = 0  # the index in line_cells after the last label cell

    def add_grid(self, values: list[Value]) -> None:
        self.grid = (self.grid or []) + values

    def add_run(self, raws: list[str], spaced: bool) -> None:
        for raw in raws:
            value = cell_value(raw)
            if value is None:
                continue
            self.tokens.append(value)
            self.raw.append(raw.strip())
        self.spaced = self.spaced or (spaced and len(raws) > 1)


def _split_label(cell: str) -> tuple[str, str | None]:
    """"一、本年新收政府信息公开申请数量512000053" → (label, "512000053"); other cells unchanged."""
    m = SQUASHED_LABEL.match(cell.strip())
    if m and re.search(r"[\u4e00-\u9fff]", m.group(1)):
        return m.group(1), m.group(2)
    return cell, None


def _label_of(cells: list[str], row_defs, done: int) -> tuple[str | None, int, str | None]:
    """The row key named by the line's text cells (rows are matched in template order after the last one
    found), the index after the last label cell, and digits glued to the label (squashed form)."""
    last_text = -1
    for i, cell in enumerate(cells):
        if _is_text(cell):
            last_text = i
    if last_text < 0:
        return None, 0, None
    label, glued = _split_label(cells[last_text])
    key = _row_named(_squeeze("".join(cells[:last_text]) + label), row_defs is TABLE3_ROWS_2021, done)
    return key, last_text + 1, glued if key is not None else None


@lru_cache(maxsize=8192)
def _row_named(text: str, edition_2021: bool, done: int) -> str | None:
    """The first row after done whose label pattern the text matches (cached: every report of the template
    prints the same labels, so a corpus asks the same few hundred questions)."""
    row_defs = TABLE3_ROWS_2021 if edition_2021 else TABLE3_ROWS_2019
    allowed = row_defs[done + 1:] if done >= 0 else row_defs[:1]  # headers (其他, 总计) come before row 一
    for row_key, pattern in allowed:
        if _compiled(pattern).search(text):
            return row_key
    return None


def _collect(lines: list[Line], row_defs) -> dict[str, Printed]:
    """Each row's printed values, by walking the lines: a label opens a row, values join the open row, other
    text (headers, parts of a split label) neither opens nor closes one."""
    rows: dict[str, Printed] = {}
    order = [k for k, _p in row_defs]
    current: str | None = None
    done = -1
    for ln in lines:
        key, after, glued = _label_of(ln.cells, row_defs, done)
        if key is not None:
            # two labels joined on one line (a PDF's line join): the earlier row opens empty
            while True:
                later, _a, _g = _label_of(ln.cells, row_defs, order.index(key))
                if later is None or not _compiled(dict(row_defs)[later]).search(_squeeze("".join(ln.cells[:after]))):
                    break
                rows[key] = Printed(span=(ln.start, ln.end))
                key = later
            current = key
            done = order.index(key)
            rows[key] = Printed(span=(ln.start, ln.end))
            rest = ln.cells[after:]
            if glued is not None:
                rows[key].add_run([glued], spaced=False)
                rows[key].squashed = True
            if ln.tabular:
                rows[key].add_grid([cell_value(c) for c in rest])
                rows[key].line_cells = ln.cells if ln.tabbed else None
                rows[key].label_end = after
            elif rest:
                rows[key].add_run(rest, spaced=True)
            continue
        if current is None:
            continue
        values = ln.cells if after == 0 else []
        if not values:
            continue  # text: a header piece or part of the next label
        parsed = [cell_value(c) for c in values]
        if not all(is_value(v) for v in parsed):
            continue
        printed = rows[current]
        if ln.tabular:
            printed.add_grid(parsed)
        else:
            printed.add_run(values, spaced=len(values) > 1)
        printed.span = (printed.span[0], ln.end)
    return rows


@dataclass
class Reading:
    """A row's candidate readings and how the row was known."""

    candidates: list[tuple]
    read: bool
    note: str = ""


def _digits(printed: Printed) -> str | None:
    joined = "".join(printed.raw)
    return joined if joined.isdigit() else None


def _read_row(printed: Printed, n: int, checks: recover.Checks, value_start: int | None = None) -> Reading:
    """All readings of one row's printed values. value_start: the grid column of the first value column (the
    header's 自然人), which places a tab row whose trailing blank cells were trimmed with the line's end."""
    if printed.grid is not None:
        grid = list(printed.grid)
        cells = printed.line_cells
        if value_start is not None and cells is not None and printed.label_end <= value_start \
                and len(cells) <= value_start + n:
            # the row's cells by the header's columns; blank cells trimmed from the line's end are blank
            row = [cell_value(c) for c in cells[value_start:value_start + n]]
            return Reading([tuple((row + [None] * n)[:n])], read=True)
        if len(grid) >= n:
            return Reading([tuple(grid[-n:])], read=True)
        filled = [v for v in grid if v is not None]
        if len(filled) == n:
            return Reading([tuple(filled)], read=True)
        got = recover.expansions(filled, n, checks, collapse=False, blanks=True)
        return Reading(got or [], read=False, note=f"表格行只有 {len(grid)} 格（应为 {n} 格），按合计关系定位")
    tokens, k = printed.tokens, len(printed.tokens)
    if printed.squashed or (k == 1 and len(printed.raw[0]) > 1 and n > 1):
        digits = _digits(printed)
        if digits and len(digits) >= n:
            split = recover.splits(digits, n, checks)
            if split:
                return Reading(split, read=False, note=f"数字连在一起（{digits}），按合计关系拆分")
            if printed.squashed:
                return Reading([], read=False, note=f"数字连在一起（{digits}），没有唯一的拆法")
    if k == n:
        return Reading([tuple(tokens)], read=True)
    if k == 0:
        return Reading([], read=False, note="该行没有印出数字")
    if k > n:
        got = recover.without_extra(tokens, n, checks)
        return Reading(got, read=False, note=f"该行印出 {k} 个数（应为 {n} 个），多出的数按合计关系去除")
    if printed.spaced:
        got = recover.expansions(tokens, n, checks, collapse=False, blanks=True)
        note = f"该行只印出 {k} 个数（应为 {n} 个，空白格未印出），按合计关系定位"
    else:
        got = recover.expansions(tokens, n, checks, collapse=True, blanks=False)
        note = f"该行印出 {k} 个数（应为 {n} 个；逐行抓取时相邻相同的数只留一个），按合计关系还原"
        if got == []:
            got = recover.expansions(tokens, n, checks, collapse=True, blanks=True)
            note = f"该行印出 {k} 个数（应为 {n} 个；相邻相同的数只留一个、空白格不留行），按合计关系还原"
    if got is None:
        return Reading([], read=False, note=note + f"：符合合计关系的读法超过 {recover.CAP} 种，单元格未知")
    if not got and (printed.squashed or any(len(r) > 1 for r in printed.raw)):
        digits = _digits(printed)
        if digits:
            split = recover.splits(digits, n, checks)
            if split:
                return Reading(split, read=False, note=f"数字连在一起（{digits}），按合计关系拆分")
    return Reading(got or [], read=False, note=note)


def _settle(table: Table, row: str, reading: Reading, n: int) -> None:
    """A row's cells from its readings: read, derived where all readings agree, unknown elsewhere."""
    if reading.read:
        table.rows[row] = list(reading.candidates[0])
        table.how[row] = [READ] * n
        return
    if not reading.candidates:
        table.rows[row] = [None] * n
        table.how[row] = [UNKNOWN] * n
        table.notes[row] = reading.note if reading.note.endswith("单元格未知") else \
            reading.note + "：没有符合合计关系的读法，单元格未知"
        return
    values, known = recover.agreed(reading.candidates, n)
    table.rows[row] = values
    table.how[row] = [DERIVED if k else UNKNOWN for k in known]
    unknown = n - sum(known)
    if unknown:
        table.notes[row] = reading.note + f"：{len(reading.candidates)} 种读法，{unknown} 格无法确定"
    else:
        table.notes[row] = reading.note + ("：唯一读法" if len(reading.candidates) == 1 else "：各读法一致")


# ------------------------------------------------------------------------ 表三

def _table3_checks(columns: list[str]) -> recover.Checks:
    n = len(columns)
    return {n - 1: lambda cells: table3_row_ok(cells, columns)}


def parse_table3(text: str) -> Table | None:
    span = _find(text, r"收到和处理政府信息公开申请|依申请公开政府信息情况|政府信息公开申请情况",
                 r"复议|诉讼|存在的主要问题|其他需要报告")
    if span is None:
        return None
    body = text[span.start:span.end]
    if not re.search(r"本年度?新收", _squeeze(body)):
        return None
    lines = _lines(text, span)
    first = next((i for i, ln in enumerate(lines) if re.search(r"本年度?新收", _squeeze("".join(ln.cells)))), 0)
    header = _squeeze("".join(c for ln in lines[:first] for c in ln.cells))
    columns = TABLE3_COLUMNS_LOCAL if "小计" in header else TABLE3_COLUMNS
    layout = "2021" if EDITION_2021_CUE.search(_squeeze(body)) else "2019"
    row_defs = TABLE3_ROWS_2021 if layout == "2021" else TABLE3_ROWS_2019
    n = len(columns)
    table = Table("表三", layout, list(columns), {}, span=(span.start, span.end))
    printed = _collect(lines, row_defs)
    if not printed:
        return None
    _one_form(printed, lines)
    checks = _table3_checks(columns)
    if _column_lost(table, printed, row_defs, n) or _stream(table, printed, row_defs, n):
        return table
    readings: dict[str, Reading] = {}
    value_start = _value_start(lines[:first])
    if value_start is not None:
        for p in printed.values():
            if p.grid is None and not p.tokens:
                # a grid row of blank cells only: the line's trailing tabs were trimmed with its end
                p.grid, p.line_cells, p.label_end = [], [""], 1
    for key, _p in row_defs:
        if key not in printed:
            continue
        readings[key] = _read_row(printed[key], n, checks, value_start)
        table.spans[key] = printed[key].span
    _by_columns(readings, row_defs, layout, n)
    for key, _p in row_defs:
        if key in readings:
            _settle(table, key, readings[key], n)
        else:
            table.rows[key] = [None] * n
            table.how[key] = [UNKNOWN] * n
            table.notes[key] = "没有找到该行的标签"
    missing = [k for k, _p in row_defs if k not in printed]
    if missing:
        table.warnings.append(f"表三有 {len(missing)} 行没有找到（{'、'.join(missing[:3])}{'…' if len(missing) > 3 else ''}），"
                              "其单元格未知")
    unknown = sum(code == UNKNOWN for k in printed for code in table.how.get(k, []))
    derived = sum(code == DERIVED for codes in table.how.values() for code in codes)
    if derived:
        table.warnings.append(f"表三有 {derived} 个单元格由合计关系推定（原文的排版未印出其位置），已标为推定")
    if unknown:
        table.warnings.append(f"表三有 {unknown} 个单元格无法从原文确定，按未知处理，相关检查无法判断")
    if all(code == UNKNOWN for codes in table.how.values() for code in codes):
        table.rows = {}
        table.how = {}
    return table


def _spaced_part(lines: list[Line]) -> bool:
    """A part whose text lines carry two or more values each is a PDF's text (blank cells vanish, repeats
    stay), not a crawler's (one value per line): a row printing a single value there is read the same way."""
    return any(not ln.tabular and sum(is_value(cell_value(c)) and cell_value(c) is not None for c in ln.cells) > 1
               for ln in lines)


def _one_form(printed: dict[str, Printed], lines: list[Line]) -> None:
    if _spaced_part(lines):
        for p in printed.values():
            p.spaced = True


def _stream(table: Table, printed: dict[str, Printed], row_defs, n: int) -> bool:
    """Every label first, then every number (a PDF's text layer read column by column): exactly rows × columns
    numbers after the last label are the rows in order."""
    filled = {k: _filled(p) for k, p in printed.items()}
    with_values = [k for k, v in filled.items() if v]
    if len(printed) != len(row_defs) or len(with_values) != 1:
        return False
    stream = filled[with_values[0]]
    if len(stream) != len(row_defs) * n:
        return False
    for i, (key, _p) in enumerate(row_defs):
        table.rows[key] = stream[i * n:(i + 1) * n]
        table.how[key] = [DERIVED] * n
        table.notes[key] = f"原文先列出全部行标签、再列出全部数字：{len(stream)} 个数 = {len(row_defs)} 行 × {n} 列，按顺序对应"
        table.spans[key] = printed[with_values[0]].span
    table.warnings.append(f"表三按数字个数还原（{len(stream)} 个数 = {len(row_defs)} 行 × {n} 列）")
    return True


def _value_start(header: list[Line]) -> int | None:
    """The grid column of 自然人 in 表三's header tab rows."""
    for ln in header:
        if ln.tabbed:
            for i, cell in enumerate(ln.cells):
                if _squeeze(cell) == "自然人":
                    return i
    return None


def _filled(printed: Printed) -> list[Value]:
    return [v for v in (printed.grid if printed.grid is not None else printed.tokens) if v is not None]


def _column_lost(table: Table, printed: dict[str, Printed], row_defs, n: int) -> bool:
    """Every row prints the same n - 1 values (a converted grid lost a whole column, the 总计 column as the
    header's last): the values are placed in order and the last column is unknown, with a warning."""
    if len(printed) < len(row_defs) - 2:
        return False
    counts = {len(_filled(p)) for p in printed.values()}
    if counts != {n - 1}:
        return False
    for key, _p in row_defs:
        if key not in printed:
            table.rows[key], table.how[key] = [None] * n, [UNKNOWN] * n
            table.notes[key] = "没有找到该行的标签"
            continue
        table.rows[key] = _filled(printed[key]) + [None]
        table.how[key] = [DERIVED] * (n - 1) + [UNKNOWN]
        table.notes[key] = f"每行都只有 {n - 1} 个数（表头 {n} 列），判断为整列缺失：按顺序对应前 {n - 1} 列，最后一列未知"
        table.spans[key] = printed[key].span
    table.warnings.append(f"表三每行只有 {n - 1} 个数（表头 {n} 列），判断为整列缺失；按顺序对应前 {n - 1} 列，"
                          f"“{table.columns[-1]}”列未知，相关检查无法判断")
    return True


def _by_columns(readings: dict[str, Reading], row_defs, layout: str, n: int, cap: int = 50_000) -> None:
    """Rows with several readings: keep only the combinations that satisfy 表三's column identities."""
    needed = [k for k, _p in row_defs]
    if any(k not in readings or not readings[k].candidates for k in needed):
        return
    open_rows = [k for k in needed if len(readings[k].candidates) > 1]
    if not open_rows:
        return
    size = 1
    for k in open_rows:
        size *= len(readings[k].candidates)
        if size > cap:
            return
    fixed = {k: list(readings[k].candidates[0]) for k in needed if k not in open_rows}
    kept: list[tuple] = []
    for combo in product(*(readings[k].candidates for k in open_rows)):
        rows = dict(fixed)
        rows.update({k: list(v) for k, v in zip(open_rows, combo, strict=True)})
        if table3_columns_ok(rows, layout, n):
            kept.append(combo)
    if not kept:
        return
    for i, k in enumerate(open_rows):
        survivors = sorted({combo[i] for combo in kept}, key=repr)
        if len(survivors) < len(readings[k].candidates):
            readings[k].candidates = survivors
            readings[k].note += "，再按各列合计关系（一+二=七+四，七=（一）至（六）之和）筛选"


# ------------------------------------------------------------------------ 表四

def _table4_checks() -> recover.Checks:
    return {4: lambda c: table4_block_ok(c[0:5]), 9: lambda c: table4_block_ok(c[5:10]),
            14: lambda c: table4_block_ok(c[10:15])}


def parse_table4(text: str) -> Table | None:
    span = _find(text, r"行政复议.{0,6}行政诉讼|复议.{0,4}诉讼", r"存在的主要问题|问题|其他需要报告")
    if span is None:
        return None
    lines = _lines(text, span)
    columns = list(APPEAL_RESULTS)
    table = Table("表四", "2019", columns, {}, span=(span.start, span.end))
    printed = Printed()
    first = last = -1
    grid_row = None
    wide = any(ln.tabbed and len(ln.cells) == 15 for ln in lines)
    for ln in lines:
        parsed = [cell_value(c) for c in ln.cells]
        if wide and ln.tabbed and len(parsed) < 15 and all(is_value(v) for v in parsed):
            parsed = parsed + [None] * (15 - len(parsed))  # trailing blank cells trimmed with the line's end
        if ln.tabular:
            if len(parsed) >= 15 and all(is_value(v) for v in parsed[-15:]) and any(v is not None for v in parsed):
                grid_row = (parsed[-15:], ln.start, ln.end)
            elif all(is_value(v) for v in parsed) and any(v is not None for v in parsed):
                printed.add_grid(parsed)
                first = ln.start if first < 0 else first
                last = ln.end
            continue
        glued = None
        if not all(is_value(v) for v in parsed):
            _label, glued = _split_label(ln.cells[-1])
            if glued is None or len(ln.cells) > 1:
                continue
        raws = [glued] if glued is not None else ln.cells
        printed.add_run(raws, spaced=len(raws) > 1)
        printed.squashed = printed.squashed or glued is not None
        first = ln.start if first < 0 else first
        last = ln.end
    printed.spaced = printed.spaced or (not printed.squashed and _spaced_part(lines))
    if grid_row is not None:
        reading = Reading([tuple(grid_row[0])], read=True)
        first, last = grid_row[1], grid_row[2]
    elif printed.grid is not None and not printed.tokens:
        grid = printed.grid
        filled = [v for v in grid if v is not None]
        if len(grid) == 15 or len(filled) == 15:
            reading = Reading([tuple(grid if len(grid) == 15 else filled)], read=True)
        else:
            reading = _read_row(Printed(tokens=filled, raw=[str(v) for v in filled], spaced=True), 15,
                                _table4_checks())
    elif printed.tokens:
        reading = _read_row(printed, 15, _table4_checks())
    else:
        return None
    flat = Table("表四", "2019", [f"c{i}" for i in range(15)], {})
    _settle(flat, "all", reading, 15)
    for i, block in enumerate(APPEAL_BLOCKS):
        table.rows[block] = flat.rows["all"][i * 5:(i + 1) * 5]
        table.how[block] = flat.how["all"][i * 5:(i + 1) * 5]
        table.spans[block] = (first, last)
        if "all" in flat.notes:
            table.notes[block] = flat.notes["all"]
    if not reading.read:
        derived = sum(code == DERIVED for codes in table.how.values() for code in codes)
        unknown = sum(code == UNKNOWN for codes in table.how.values() for code in codes)
        if derived:
            table.warnings.append(f"表四有 {derived} 个单元格由合计关系推定（{flat.notes.get('all', '')}）")
        if unknown:
            table.warnings.append(f"表四有 {unknown} 个单元格无法从原文确定，按未知处理")
    return table


# ------------------------------------------------------------------------ 表二

def _header_columns(header: str) -> list[str]:
    """The model's column names found in a printed 表二 header, in print order."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, name in TABLE2_HEADER_NAMES:
        for m in pattern.finditer(header):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), name))
    return [name for _s, name in sorted(found)]


def parse_table2(text: str) -> Table | None:
    span = _find(text, r"主动公开政府信息情况", r"收到和处理|依申请|复议|诉讼|存在的主要问题")
    if span is None:
        return None
    body = text[span.start:span.end]
    if "第二十条" not in body and "本年制发" not in _squeeze(body) and "本年新制作" not in _squeeze(body):
        return None
    layout = "2019" if re.search(r"本年新制作|上一年.{0,2}目数量|本年新公开", _squeeze(body)) else "2021"
    spec = TABLE2_2019 if layout == "2019" else TABLE2_2021
    table = Table("表二", layout, [], {}, span=(span.start, span.end))
    printed: dict[str, Printed] = {}
    header: list[str] = []
    columns_now: list[str] = []
    current = None
    lines = _lines(text, span)
    for ln in lines:
        at = next((i for i, c in enumerate(ln.cells) if c and _is_text(c)), None)
        if at is not None:
            label, glued = _split_label(ln.cells[at])
            name = _table2_row(_squeeze(label), layout)
            if name is None:
                header.append(" ".join(c for c in ln.cells if c))
                current = None
                continue
            if header:
                columns_now = _header_columns(_squeeze("".join(header)))
                header = []
            current = name
            printed[name] = Printed(span=(ln.start, ln.end))
            table.row_columns[name] = _row_columns(spec[name], columns_now)
            after = ln.cells[at + 1:]
            if glued is not None:
                printed[name].add_run([glued], spaced=False)
                printed[name].squashed = True
            if ln.tabular:
                printed[name].add_grid([cell_value(c) for c in after])
            elif after:
                printed[name].add_run(after, spaced=True)
            continue
        if current is None:
            continue
        values = [c for c in ln.cells if c.strip() not in UNIT_ONLY]
        if not values:
            continue
        if ln.tabular:
            printed[current].add_grid([cell_value(c) for c in values])
        else:
            printed[current].add_run(values, spaced=len(values) > 1)
        printed[current].span = (printed[current].span[0], ln.end)
    _one_form(printed, lines)
    for name in spec:
        if name not in printed:
            continue
        cols = table.row_columns[name]
        n = len(cols)
        table.spans[name] = printed[name].span
        reading = _read_table2_row(printed[name], n)
        _settle(table, name, reading, n)
    table.columns = sorted({c for cols in table.row_columns.values() for c in cols})
    unknown = sum(code == UNKNOWN for codes in table.how.values() for code in codes)
    if unknown:
        table.warnings.append(f"表二有 {unknown} 个单元格无法从原文确定（原文排版未印出其位置），按未知处理")
    return table if table.rows else None


@lru_cache(maxsize=4096)
def _table2_row(label: str, layout: str) -> str | None:
    spec = TABLE2_2019 if layout == "2019" else TABLE2_2021
    return next((k for k in spec if _compiled(TABLE2_LABELS[k]).search(label)), None)


def _row_columns(spec_cols: tuple[str, ...], printed: list[str]) -> list[str]:
    """A row's columns: the printed header's when it names a different set (项目数量 without 本年增减)."""
    if not printed or list(spec_cols) == printed:
        return list(spec_cols)
    allowed = set(spec_cols) | {"项目数量"}
    mine = [c for c in printed if c in allowed]
    if mine and len(mine) <= len(spec_cols) and ("项目数量" in mine or len(mine) < len(spec_cols)) \
            and len(set(mine)) == len(mine):
        return mine
    return list(spec_cols)


def _read_table2_row(printed: Printed, n: int) -> Reading:
    """表二 has no identity between its columns: only the printed count can place a value."""
    if printed.grid is not None:
        grid = printed.grid
        filled = [v for v in grid if v is not None]
        if len(filled) == n:
            return Reading([tuple(filled)], read=True)  # colspans differ between header and data: by order
        if len(grid) >= n and len(grid) == n:
            return Reading([tuple(grid)], read=True)
        return Reading([], read=False, note=f"该行印出 {len(filled)} 个数（应为 {n} 个）")
    return _read_row(printed, n, {})


# ------------------------------------------------------------------------ access

def table2_value(table: Table | None, row: str, column: str) -> Value:
    if table is None or row not in table.rows:
        return None
    return table.cell(row, column)


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
            out["表二"] = {"layout": self.table2.layout, "columns": self.table2.row_columns,
                          "rows": self.table2.rows, "how": self.table2.how}
            if self.table2.notes:
                out["表二"]["notes"] = self.table2.notes
        if self.table3 and self.table3.rows:
            out["表三"] = self.table3.to_dict()
        if self.table4 and self.table4.rows:
            out["表四"] = {"columns": self.table4.columns, "rows": self.table4.rows, "how": self.table4.how}
            if self.table4.notes:
                out["表四"]["notes"] = self.table4.notes
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
