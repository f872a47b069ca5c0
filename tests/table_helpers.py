"""Shared by tests/parsing/template/test_tables.py and test_checks.py: a template report built by
template_builder, parsed, and its table checks by rule."""

import template_builder as tb

from parsing import parse_text
from parsing.template.checklist import is_table_check


def table_checks(rec):
    return [c for c in rec.checks if is_table_check(c)]


FORMS = ["tab", "pipes", "flat", "stream"]


def record(**kwargs):
    return parse_text(tb.report(**kwargs)).record


def statuses(rec) -> dict[str, str]:
    return {c["rule"]: c["status"] for c in table_checks(rec)}
