"""The record's shape: FIELDS is the only field list (name, type, Chinese label, one-line doc). It builds the
Report dataclass and drives the CLI's key list, the CSV/Excel columns and labels, the field table of
docs/字段与规则.md (tests/docs/test_docs.py checks it) and the DataFrame's dtypes. Evidence, LoadError and ParsedReport live here too."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

FORMAT_PROSE = "prose"
FORMAT_TEMPLATE = "template2019"


@dataclass(frozen=True)
class Field:
    """One field of a record. kind: str, int, float, bool, list, dict (the frame's dtype follows it)."""

    name: str
    kind: str
    nullable: bool
    label: str  # Chinese, as shown in the app and in CSV/Excel headers
    doc: str  # one line for the field table of docs/字段与规则.md
    export: bool = True  # a column of the CSV/Excel download (nested tables, checks, evidence are not)
    required: bool = False  # no default: every record names it
    value: Any = None  # the default of a non-nullable scalar, when not the kind's empty value

    @property
    def annotation(self) -> str:
        """The dataclass annotation: the kind is a Python type name (str, int, float, bool, list, dict)."""
        return self.kind + (" | None" if self.nullable else "")

    @property
    def type_text(self) -> str:
        shown = {"str": "str", "int": "int", "float": "number", "bool": "bool", "list": "list", "dict": "object"}
        return shown[self.kind] + ("/null" if self.nullable else "")

    def default(self):
        if self.kind == "list":
            return field(default_factory=list)
        if self.kind == "dict":
            return field(default_factory=dict)
        if self.nullable:
            return None
        if self.value is not None:
            return self.value
        return {"str": "", "bool": False}[self.kind]


F = Field
FIELDS: tuple[Field, ...] = (
    F("file", "str", False, "文件", "the file's name as given", required=True),
    F("sha256", "str", False, "sha256", "of the file's bytes", required=True),
    F("agency", "str", True, "机构", "canonical full name with region prefix (淄博市张店区安全生产监督管理局); "
      "区安监局 and 张店区安监局 map to the same name"),
    F("agency_type", "str", True, "机构类型", "short type: 安监, 应急, 教育, 环保 … (from `parsing/data/agency_types.csv`)"),
    F("admin_level", "str", True, "行政层级", "省, 市, 县区 or 功能区"),
    F("province", "str", True, "省份", "resolved through the national adcode table shipped by `cpca`"),
    F("city", "str", True, "城市", "as province; also from 发布机构 lines, addresses and e-mail domains"),
    F("district", "str", True, "区县/功能区", "as province; functional zones (度假区, 开发区) keep the name from the text"),
    F("adcode", "str", True, "区划代码", "six-digit division code; null for functional zones, which are not divisions"),
    F("year", "int", True, "年份", "the year covered (statistics period, then the title, then the most frequent "
      "year, with a warning)"),
    F("format", "str", False, "报告格式", "`prose`, or `template2019` for the national template (第二十条 tables)",
      value=FORMAT_PROSE),
    F("proactive_total", "int", True, "主动公开条数", "主动公开政府信息 N 条 in the report's year. 累计 inside one "
      "year's sentence is that year's figure (with a warning); a running total (截至…累计) is used only when no "
      "year's figure is stated (with a warning); 其中本年度新增 N 条 beats the running total beside it; a count "
      "stated for one channel only is used with a warning, and not at all when other channels have their own counts"),
    F("proactive_total_approx", "bool", False, "主动公开为约数",
      "true when the report gives only an approximate figure (400余条 → 400, shown as 约400)"),
    F("proactive_total_cumulative", "bool", False, "主动公开为累计数",
      "true when the figure is worded as 累计 (it may cover more than the year); charts mark it"),
    F("proactive_breakdown", "dict", False, "主动公开分类",
      "category → count, as stated after the total (其中…N条); a warning when it does not add up"),
    F("channels", "list", False, "公开渠道", "canonical channel names the report says it used (not plans, not deficits)"),
    F("channel_counts", "dict", False, "渠道数量", "channel → number, only where a clause ties a number to that one channel"),
    F("applications_received", "int", True, "收到申请数", "依申请公开 requests received (0 for 无/未收到)"),
    F("fees", "float", True, "收费（元）", "fees charged for disclosure in 元 (0 for 未收取)"),
    F("reconsideration", "int", True, "行政复议数", "行政复议 cases about disclosure (表四 total in template reports)"),
    F("litigation", "int", True, "行政诉讼数", "行政诉讼 cases about disclosure (表四 totals in template reports)"),
    F("applications_carried_in", "int", True, "上年结转申请数", "表三 二、上年结转 (总计 column)"),
    F("applications_closed", "int", True, "办理结果总计", "表三 （七）总计 (总计 column)"),
    F("applications_carried_out", "int", True, "结转下年度申请数", "表三 四、结转下年度 (总计 column)"),
    F("tables", "dict", False, "模板表格", "template reports: `表二` {layout, columns (each row's own), rows, how}, "
      "`表三` {layout, columns, rows, how}, `表四` {columns, rows, how}, each with `notes` where a row was not read "
      "as printed; `how` gives every cell as `read` (printed in its place), `derived` (placed by the table's sums; "
      "the row's note says how) or `unknown` (null: the printed form cannot show it; the note says why); a blank "
      "cell is null and read, \"/\" and \"—\" stay strings", export=False),
    F("checks", "list", False, "检查结果", "`{\"rule\", \"status\": PASS/FAIL/NOT_ASSESSABLE, \"detail\", \"cells\", "
      "\"rule_id\", \"severity\": FAIL/WARN/INFO, \"basis\"}`: the template tables' checks and the checklist of "
      "`parsing/data/rules.toml`; each cell names its table, row, column, value and text offsets. Checks between "
      "years (`\"scope\": \"years\"`) are computed on the corpus", export=False),
    F("problems", "str", False, "存在的问题", "the problems part (存在的主要问题, 不足, 差距 …)"),
    F("measures", "str", False, "改进措施", "the improvement part (改进措施, 下一步 …), never mixed into problems"),
    F("evidence", "dict", False, "依据", "for every non-null scalar, and for each breakdown category "
      "(`proactive_breakdown.X`), channel (`channels.X`) and channel count (`channel_counts.X`): "
      "`{\"text\", \"start\", \"end\"}`, offsets into the decoded text", export=False),
    F("warnings", "list", False, "提示", "human-readable notes: cumulative totals, partial breakdowns, a missing "
      "section, an inferred year …"),
)
del F
FIELD_BY_NAME = {f.name: f for f in FIELDS}


def field_table() -> str:
    """The field table of docs/字段与规则.md (Markdown), generated so it cannot drift from FIELDS."""
    lines = ["| key | type | 中文 | meaning |", "|---|---|---|---|"]
    lines += [f"| {f.name} | {f.type_text} | {f.label} | {f.doc} |" for f in FIELDS]
    return "\n".join(lines)


@dataclass(frozen=True)
class Evidence:
    """Where a value came from: a snippet of the decoded text and its offsets."""

    text: str
    start: int
    end: int

    @classmethod
    def span(cls, text: str, start: int, end: int) -> Evidence:
        return cls(text=text[start:end], start=start, end=end)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


_COPIED = tuple(f.name for f in FIELDS if f.kind in ("list", "dict") and f.name not in ("checks", "evidence"))


def _to_dict(self, lazy_checks: bool = False) -> dict[str, Any]:
    """The record as plain data, in FIELDS order. lazy_checks keeps cached checks unread (for the app's table)."""
    out = {name: getattr(self, name) for name in _REPORT_KEYS}
    out["evidence"] = {k: v.to_dict() for k, v in self.evidence.items()}
    for name in _COPIED:
        out[name] = type(out[name])(out[name])  # a copy: the record stays unchanged
    out["checks"] = self.checks if lazy_checks else list(self.checks)
    return out


def _detached(self):
    """A copy whose lists and dicts are its own: corpus-level steps (conflicts, cross-year checks) may
    change it without touching a record that other sessions share."""
    checks = self.checks.copy_lazy() if isinstance(self.checks, LazyChecks) else [dict(c) for c in self.checks]
    return dataclasses.replace(self, checks=checks, evidence=dict(self.evidence),
                               **{name: type(getattr(self, name))(getattr(self, name)) for name in _COPIED})


def _keys(cls) -> list[str]:
    return list(_REPORT_KEYS)


def _from_dict(cls, data: dict[str, Any]):
    """Inverse of to_dict; raises KeyError/TypeError on a record of another shape."""
    if data.keys() != _REPORT_KEY_SET:
        raise KeyError(f"record keys differ: {sorted(set(data) ^ _REPORT_KEY_SET)}")
    values = dict(data)
    values["evidence"] = {k: Evidence(v["text"], v["start"], v["end"]) for k, v in data["evidence"].items()}
    return cls(**values)


Report = dataclasses.make_dataclass(
    "Report",
    [(f.name, f.annotation) if f.required else (f.name, f.annotation, f.default()) for f in FIELDS],
    namespace={"__doc__": "One annual report as a record: the fields of FIELDS, in that order (the public key order).",
               "__module__": __name__, "to_dict": _to_dict, "detached": _detached,
               "keys": classmethod(_keys), "from_dict": classmethod(_from_dict)},
)
_REPORT_KEYS = tuple(f.name for f in FIELDS)
_REPORT_KEY_SET = frozenset(_REPORT_KEYS)


# ---- the one validator: whether stored data (the parse cache, a snapshot) has the record's shape, from FIELDS

_KINDS = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "list": lambda v: isinstance(v, list),
    "dict": lambda v: isinstance(v, dict),
}
STATUSES = frozenset({"PASS", "FAIL", "NOT_ASSESSABLE"})
SEVERITIES = frozenset({"FAIL", "WARN", "INFO"})
_TEXT_LISTS = ("channels", "warnings")  # lists of text
_COUNTS = ("proactive_breakdown", "channel_counts")  # name → number


def record_problem(data: Any) -> str | None:
    """Why data is not a record of FIELDS's shape (its keys, each value's kind, the evidence spans, the checks),
    or None. A record that passes is one Report.from_dict takes."""
    if not isinstance(data, dict):
        return "记录不是对象"
    if data.keys() != _REPORT_KEY_SET:
        return f"记录的字段不符：{sorted(set(data) ^ _REPORT_KEY_SET)}"
    for f in FIELDS:
        value = data[f.name]
        if value is None:
            if not f.nullable:
                return f"字段 {f.name} 为空"
            continue
        if not _KINDS[f.kind](value):
            return f"字段 {f.name} 的类型不是 {f.kind}"
    for name in _TEXT_LISTS:
        if not all(isinstance(v, str) for v in data[name]):
            return f"字段 {name} 不全是文字"
    for name in _COUNTS:
        if not all(isinstance(k, str) and _KINDS["float"](v) for k, v in data[name].items()):
            return f"字段 {name} 不是名称到数量的对应"
    for key, span in data["evidence"].items():
        if not (isinstance(span, dict) and span.keys() == {"text", "start", "end"} and isinstance(span["text"], str)
                and _KINDS["int"](span["start"]) and _KINDS["int"](span["end"])):
            return f"依据 {key} 的格式不符"
    return checks_problem(data["checks"])


def checks_problem(checks: Any) -> str | None:
    """Why checks is not a list of checks (each with its rule, status, detail and cells; a severity of FAIL, WARN or
    INFO where it has one), or None."""
    if not isinstance(checks, list):
        return "检查结果不是列表"
    for c in checks:
        if not (isinstance(c, dict) and isinstance(c.get("rule"), str) and c.get("status") in STATUSES
                and isinstance(c.get("detail"), str) and isinstance(c.get("cells"), list)
                and c.get("severity", "FAIL") in SEVERITIES):
            return "检查结果的格式不符"
    return None


BETWEEN_YEARS = "跨年衔接"


def _between_years(rule: str) -> bool:
    """A stored check between years: computed again on the corpus (LazyChecks.extra), so the stored one is dropped."""
    return rule.startswith(BETWEEN_YEARS)


class LazyChecks(Sequence):
    """A record's checks, read from the parse cache the first time anything looks at them.

    Not a list subclass: a list subclass reads as empty to C code (orjson, list + list, .copy()) before it is
    loaded. As a Sequence, every way of reading it (iter, len, in, index, +, ==) loads it first.
    extra holds checks computed after loading (year-to-year), which replace any stored ones."""

    def __init__(self, loader, key: str, extra: list[dict[str, Any]] | Callable[[], list] | None = None,
                 failed: list[dict[str, Any]] | str | None = None,
                 outcomes: list[list[str]] | str | Callable[[], str] | None = None):
        self.loader, self.key = loader, key
        self._extra = extra if callable(extra) else list(extra or [])  # a function: read when first needed
        self.failed = failed  # the stored checks that failed, when known without loading them all
        self.outcomes = outcomes  # [rule, outcome] of every stored check, likewise
        self._items: list[dict[str, Any]] | None = None

    @property
    def extra(self) -> list[dict[str, Any]]:
        if callable(self._extra):
            self._extra = list(self._extra())
        return self._extra

    @extra.setter
    def extra(self, checks: list[dict[str, Any]]) -> None:
        self._extra = list(checks)

    def outcome_pairs(self) -> list[tuple[str, str]]:
        """(rule, outcome) of every check, in order, from the stored summary when there is one (质量检查 counts
        them for every report: loading all checks took 4.6 s at 10,000 reports)."""
        if self._items is None and self.outcomes is not None:
            if callable(self.outcomes):  # a snapshot's column, read the first time a row of it is
                self.outcomes = self.outcomes()
            if isinstance(self.outcomes, str):  # a snapshot's JSON text, decoded the first time it is read
                self.outcomes = orjson.loads(self.outcomes)
            # inline, not _between_years: 500,000 pairs at 10,000 reports, a function call each cost 0.2 s
            return [(r, o) for r, o in self.outcomes if not r.startswith(BETWEEN_YEARS)] + [
                (c["rule"], outcome_of(c)) for c in self.extra]
        return [(c["rule"], outcome_of(c)) for c in self._load()]

    def failed_checks(self) -> list[dict[str, Any]]:
        """The checks whose status is FAIL, from the stored summary when there is one (the issue list's badge
        counts them for every report on each first load: loading all checks took 2.6 s at 10,000 reports)."""
        if self._items is None and self.failed is not None:
            if isinstance(self.failed, str):
                self.failed = orjson.loads(self.failed)
            return [c for c in self.failed if not _between_years(c["rule"])] + [
                c for c in self.extra if c["status"] == "FAIL"]
        return [c for c in self._load() if c["status"] == "FAIL"]

    @property
    def loaded(self) -> bool:
        return self._items is not None

    def copy_lazy(self) -> LazyChecks:
        """A new, independent LazyChecks (loaded or not) over the same stored checks."""
        out = LazyChecks(self.loader, self.key, self._extra, self.failed, self.outcomes)
        if self._items is not None:
            out._items = [dict(c) for c in self._items]
        return out

    def _load(self, stored: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        if self._items is None:
            stored = [c for c in (self.loader(self.key) if stored is None else stored) if not _between_years(c["rule"])]
            self._items = stored + self.extra
        return self._items

    @staticmethod
    def load_all(holders) -> None:
        """Load every not-yet-loaded LazyChecks among holders, one query per loader where the loader can
        (ChecksLoader.many), instead of one query per report."""
        waiting: dict[int, list[LazyChecks]] = {}
        for h in holders:
            if isinstance(h, LazyChecks) and h._items is None and hasattr(h.loader, "many"):
                waiting.setdefault(id(h.loader), []).append(h)
        for group in waiting.values():
            found = group[0].loader.many(list(dict.fromkeys(h.key for h in group)))
            for h in group:
                if h.key in found:
                    h._load(found[h.key])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())

    def __getitem__(self, index):
        return self._load()[index]

    def __add__(self, other) -> list[dict[str, Any]]:
        return self._load() + list(other)

    def __radd__(self, other) -> list[dict[str, Any]]:
        return list(other) + self._load()

    def __eq__(self, other) -> bool:
        return self._load() == (list(other) if isinstance(other, Sequence) else other)

    __hash__ = None  # mutable, like a list

    def __repr__(self) -> str:
        return "LazyChecks(…)" if self._items is None else repr(self._items)


def outcome_of(check: dict[str, Any]) -> str:
    """PASS / NOT_ASSESSABLE, or for a broken rule its severity: FAIL (不符), WARN (警告), INFO (提示)."""
    return check.get("severity", "FAIL") if check["status"] == "FAIL" else check["status"]


def check_outcomes(checks) -> list[tuple[str, str]]:
    """(rule, outcome) of a record's checks (a list, or LazyChecks without loading them when it can)."""
    if isinstance(checks, LazyChecks):
        return checks.outcome_pairs()
    return [(c["rule"], outcome_of(c)) for c in checks or []]


def failed_checks(checks) -> list[dict[str, Any]]:
    """The FAIL checks of a record's checks (a list, or LazyChecks without loading them when it can)."""
    if isinstance(checks, LazyChecks):
        return checks.failed_checks()
    return [c for c in checks or [] if c["status"] == "FAIL"]


@dataclass
class ParsedReport:
    """The record plus the decoded, normalised text its evidence offsets point into."""

    record: Report
    text: str


@dataclass(frozen=True)
class LoadError:
    """A file that could not be read, with a reason a non-programmer understands."""

    file: str
    reason: str
