"""Command line: python -m parsing PATH [PATH ...] [--format jsonl|csv]."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from parsing.corpus.build import load_corpus
from parsing.schema import FIELDS, Report

DESCRIPTION = """\
把政府信息公开工作年度报告解析为结构化记录 / Parse annual reports on government information
disclosure into one record per report.

PATH may be a report file or a folder (every .txt/.md/.html/.htm/.docx/.pdf report in it, sorted by
name). Text in any common Chinese encoding is detected; a scanned PDF without a text layer is
refused with a message that it needs OCR.
Output goes to stdout: JSON Lines (one UTF-8 JSON object per report, the default) or CSV with
the same fields flattened (objects and lists as JSON text in their column).
A file that cannot be read is reported on stderr with its name and the reason; the other
files are still printed. Exit code: 0 if every file was read, 1 if any failed, 2 on bad usage.
"""

EPILOG = "\n".join(textwrap.wrap("record keys: " + ", ".join(f.name for f in FIELDS) + ".", 100)) + """
null means the report does not say; see docs/字段与规则.md for each field's meaning."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m parsing", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="report file or folder of reports")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                        help="output format (default: jsonl)")
    parser.add_argument("--cache-dir", metavar="DIR", default=None,
                        help="where parsed results are cached, keyed by each file's sha256 and the parser "
                             "version (default: $REPORT_CACHE_DIR or .cache/ in the project; shared with the app)")
    parser.add_argument("--no-cache", action="store_true", help="parse everything again; read and write no cache")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="parallel parser processes, each file within a time and memory limit "
                             "(default: number of CPU cores)")
    return parser


def flatten(record: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
            for k, v in record.items()}


def brief_main(argv: Sequence[str]) -> int:
    """python -m parsing brief PATH… [--out PREFIX]: a meeting brief (.docx and .pdf) of these reports."""
    from parsing.brief import build
    from parsing.corpus.fingerprint import parser_fingerprint

    parser = argparse.ArgumentParser(prog="python -m parsing brief",
                                     description="会议简报：把报告汇总为 Word（.docx）和 PDF 两份文件")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="report file or folder of reports")
    parser.add_argument("--out", default="会议简报", metavar="PREFIX", help="writes PREFIX.docx and PREFIX.pdf")
    parser.add_argument("--cache-dir", metavar="DIR", default=None)
    parser.add_argument("--no-cache", action="store_true")
    args = parser.parse_args(argv)
    corpus = load_corpus(args.paths, cache_dir=args.cache_dir, use_cache=not args.no_cache, isolate=True)
    if not corpus.verify():
        corpus = load_corpus(args.paths, use_cache=False, isolate=True)
    for error in corpus.errors:
        print(f"{error.file}: 无法读取：{error.reason}", file=sys.stderr)
    records = [p.record for p in corpus.reports]
    files = build(records, scope=f"{'、'.join(map(str, args.paths))}（{len(records)} 份报告）",
                  version=parser_fingerprint())
    for suffix, data in ((".docx", files.docx), (".pdf", files.pdf)):
        path = Path(args.out + suffix)
        path.write_bytes(data)
        print(f"已写出 {path}（{len(data) / 1024:.0f} KB）", file=sys.stderr)
    return 1 if corpus.errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["brief"]:
        return brief_main(argv[1:])
    args = build_parser().parse_args(argv)
    failed = 0
    out = sys.stdout
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=Report.keys(), lineterminator="\n")
        writer.writeheader()
    progress = _progress_printer() if sys.stderr.isatty() else None
    corpus = load_corpus(args.paths, cache_dir=args.cache_dir, use_cache=not args.no_cache,
                         workers=args.workers, progress=progress, isolate=True)
    if not corpus.verify():  # a cache row missing or damaged: it is dropped; this run parses without the cache
        print("提示：缓存中有缺失或损坏的记录，已从缓存删除；本次不用缓存重新解析", file=sys.stderr)
        corpus = load_corpus(args.paths, use_cache=False, workers=args.workers, progress=progress, isolate=True)
    for error in corpus.errors:
        failed += 1
        print(f"{error.file}: 无法读取：{error.reason}", file=sys.stderr)
    for note in corpus.notes:
        print(f"提示：{note}", file=sys.stderr)
    for parsed in corpus.reports:
        record = parsed.record.to_dict()
        if writer is not None:
            writer.writerow(flatten(record))
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return 1 if failed else 0


def _progress_printer():
    def show(done: int, total: int) -> None:
        if total:
            end = "\n" if done == total else ""
            print(f"\r解析 {done}/{total} 份报告", end=end, file=sys.stderr, flush=True)
    return show


def _stdout_utf8() -> None:
    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.encoding.lower() not in ("utf-8", "utf8"):
        sys.stdout.reconfigure(encoding="utf-8")
