"""Command line: python -m parsing PATH [PATH ...] [--format jsonl|csv]."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .corpus import parse_many
from .load import ReportReadError, iter_report_paths, read_report_bytes
from .types import Report

DESCRIPTION = """\
把政府信息公开工作年度报告解析为结构化记录 / Parse annual reports on government information
disclosure into one record per report.

PATH may be a report file or a folder (every .txt/.md report in it, sorted by name).
Output goes to stdout: JSON Lines (one UTF-8 JSON object per report, the default) or CSV with
the same fields flattened (objects and lists as JSON text in their column).
A file that cannot be read is reported on stderr with its name and the reason; the other
files are still printed. Exit code: 0 if every file was read, 1 if any failed, 2 on bad usage.
"""

EPILOG = """\
record keys: file, sha256, agency, agency_type, admin_level, province, city, district, adcode,
year, format, proactive_total, proactive_breakdown, channels, channel_counts,
applications_received, fees, reconsideration, litigation, applications_carried_in,
applications_closed, applications_carried_out, tables, checks, problems, measures, evidence, warnings.
null means the report does not say; see README.md for each field's meaning.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m parsing", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="report file or folder of reports")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                        help="output format (default: jsonl)")
    return parser


def flatten(record: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
            for k, v in record.items()}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    failed = 0
    out = sys.stdout
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=Report.keys(), lineterminator="\n")
        writer.writeheader()
    files = []
    for path in iter_report_paths(args.paths):
        try:
            files.append((str(path), read_report_bytes(path)))
        except ReportReadError as exc:
            failed += 1
            print(f"{path}: 无法读取：{exc}", file=sys.stderr)
        except OSError as exc:
            failed += 1
            print(f"{path}: 无法读取：{os_reason(exc)}", file=sys.stderr)
    corpus = parse_many((Path(name).name, data) for name, data in files)
    for error in corpus.errors:
        failed += 1
        print(f"{error.file}: 无法读取：{error.reason}", file=sys.stderr)
    for parsed in corpus.reports:
        record = parsed.record.to_dict()
        if writer is not None:
            writer.writerow(flatten(record))
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return 1 if failed else 0


def os_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹"
    return exc.strerror or str(exc)


def _stdout_utf8() -> None:
    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.encoding.lower() not in ("utf-8", "utf8"):
        sys.stdout.reconfigure(encoding="utf-8")
