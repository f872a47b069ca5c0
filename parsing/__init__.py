"""Parse 政府信息公开工作年度报告 into typed records. Pure Python: no Streamlit here."""

from parsing.corpus.files import iter_report_paths
from parsing.errors import ReportReadError
from parsing.pipeline import PARSER_VERSION, parse_bytes, parse_file, parse_text
from parsing.readers.text import decode_bytes
from parsing.schema import Evidence, LoadError, ParsedReport, Report

__all__ = [
    "PARSER_VERSION",
    "Evidence",
    "LoadError",
    "ParsedReport",
    "Report",
    "ReportReadError",
    "decode_bytes",
    "iter_report_paths",
    "parse_bytes",
    "parse_file",
    "parse_text",
]
