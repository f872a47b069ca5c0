"""Typed records produced by the parser: one module holds every type."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

FORMAT_PROSE = "prose"
FORMAT_TEMPLATE = "template2019"


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


@dataclass
class Report:
    """One annual report as a record. Field order is the public key order."""

    file: str
    sha256: str
    agency: str | None = None
    agency_type: str | None = None
    admin_level: str | None = None
    province: str | None = None
    city: str | None = None
    district: str | None = None
    adcode: str | None = None
    year: int | None = None
    format: str = FORMAT_PROSE
    proactive_total: int | None = None
    proactive_total_approx: bool = False
    proactive_total_cumulative: bool = False
    proactive_breakdown: dict[str, int] = field(default_factory=dict)
    channels: list[str] = field(default_factory=list)
    channel_counts: dict[str, int] = field(default_factory=dict)
    applications_received: int | None = None
    fees: float | None = None
    reconsideration: int | None = None
    litigation: int | None = None
    applications_carried_in: int | None = None
    applications_closed: int | None = None
    applications_carried_out: int | None = None
    tables: dict[str, Any] = field(default_factory=dict)
    checks: list[dict[str, Any]] = field(default_factory=list)
    problems: str = ""
    measures: str = ""
    evidence: dict[str, Evidence] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self, lazy_checks: bool = False) -> dict[str, Any]:
        """The record as plain data. lazy_checks keeps cached checks unread (for the app's table)."""
        out = {name: getattr(self, name) for name in _REPORT_KEYS}
        out["evidence"] = {k: {"text": v.text, "start": v.start, "end": v.end} for k, v in self.evidence.items()}
        for name in ("proactive_breakdown", "channels", "channel_counts", "tables", "warnings"):
            out[name] = type(out[name])(out[name])  # a copy: the record stays unchanged
        out["checks"] = self.checks if lazy_checks else list(self.checks)
        return out

    def detached(self) -> Report:
        """A copy whose lists and dicts are its own: corpus-level steps (conflicts, cross-year checks) may
        change it without touching a record that other sessions share."""
        checks = self.checks
        if isinstance(checks, LazyChecks):
            checks = checks.copy_lazy()
        else:
            checks = [dict(c) for c in checks]
        return dataclasses.replace(self, warnings=list(self.warnings), checks=checks,
                                   proactive_breakdown=dict(self.proactive_breakdown), channels=list(self.channels),
                                   channel_counts=dict(self.channel_counts), evidence=dict(self.evidence))

    @classmethod
    def keys(cls) -> list[str]:
        return list(_REPORT_KEYS)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Inverse of to_dict; raises KeyError/TypeError on a record of another shape."""
        if data.keys() != _REPORT_KEY_SET:
            raise KeyError(f"record keys differ: {sorted(set(data) ^ _REPORT_KEY_SET)}")
        values = dict(data)
        values["evidence"] = {k: Evidence(v["text"], v["start"], v["end"]) for k, v in data["evidence"].items()}
        return cls(**values)


class LazyChecks(list):
    """A record's checks, read from the parse cache the first time anything looks at them.

    extra holds checks computed after loading (year-to-year), which replace any stored ones."""

    def __init__(self, loader, key: str, extra: list[dict[str, Any]] | None = None):
        super().__init__()
        self.loader, self.key, self.extra, self.loaded = loader, key, list(extra or []), False

    def copy_lazy(self) -> LazyChecks:
        """A new, independent LazyChecks (loaded or not) over the same stored checks."""
        out = LazyChecks(self.loader, self.key, self.extra)
        if self.loaded:
            out.loaded = True
            list.extend(out, [dict(c) for c in list.__iter__(self)])
        return out

    def _load(self) -> None:
        if not self.loaded:
            self.loaded = True
            stored = [c for c in self.loader(self.key) if not c["rule"].startswith("跨年衔接")]
            super().extend(stored + self.extra)

    def __iter__(self):
        self._load()
        return super().__iter__()

    def __len__(self) -> int:
        self._load()
        return super().__len__()

    def __getitem__(self, index):
        self._load()
        return super().__getitem__(index)

    def __eq__(self, other) -> bool:
        self._load()
        return list.__eq__(self, other)

    def __repr__(self) -> str:
        return "LazyChecks(…)" if not self.loaded else list.__repr__(self)


_REPORT_KEYS = tuple(f.name for f in dataclasses.fields(Report))
_REPORT_KEY_SET = frozenset(_REPORT_KEYS)


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
