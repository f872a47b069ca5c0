"""The one exception a reader raises: a file that cannot be read as a report, with a reason in plain Chinese."""

from __future__ import annotations


class ReportReadError(Exception):
    """Raised with a human-readable reason when a file cannot be read as a report."""


EMPTY_FILE = "文件为空（0 字节）"  # the one message for a 0-byte file, whichever reader meets it
