"""A reviewer's decisions, kept in a small file beside the data (never in the parse cache):
rules switched off for this corpus, and individual findings marked as reviewed with a reason.

    <data folder>/.reviews.json  {"disabled_rules": ["DEADLINE", …],
                                  "reviewed": {"<file>|<finding>": {"reason": "…", "when": "2026-12-01"}}}

Writes are atomic (a temporary file renamed over the old one), so a crash never leaves half a file."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

FILE = ".reviews.json"


@dataclass(frozen=True)
class Reviews:
    disabled_rules: frozenset[str] = frozenset()
    reviewed: dict[str, dict[str, str]] = field(default_factory=dict)


def finding_key(file: str, finding: str) -> str:
    return f"{file}|{finding}"


def load(folder: str | Path) -> Reviews:
    path = Path(folder) / FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Reviews()
    return Reviews(frozenset(data.get("disabled_rules", [])), dict(data.get("reviewed", {})))


def save(folder: str | Path, reviews: Reviews) -> None:
    folder = Path(folder)
    payload = {"disabled_rules": sorted(reviews.disabled_rules), "reviewed": reviews.reviewed}
    fd, tmp = tempfile.mkstemp(prefix=".reviews-", suffix=".part", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, ensure_ascii=False, indent=1)
    os.replace(tmp, folder / FILE)


def with_rules_disabled(reviews: Reviews, rule_ids: list[str]) -> Reviews:
    return Reviews(frozenset(rule_ids), reviews.reviewed)


def with_reviewed(reviews: Reviews, key: str, reason: str) -> Reviews:
    reviewed = {**reviews.reviewed, key: {"reason": reason.strip(), "when": date.today().isoformat()}}
    return Reviews(reviews.disabled_rules, reviewed)
