"""Text in, one Report out: the pipeline that calls each extractor once."""

from __future__ import annotations

import re
from pathlib import Path

from parsing.corpus.files import read_report_bytes, sha256_of
from parsing.document import Document, Span
from parsing.extract import channels as ch
from parsing.extract import proactive, requests
from parsing.extract.agency import extract_agency
from parsing.extract.genre import extract_format, extract_year, settle_format_by_year
from parsing.extract.sections import problems_and_measures
from parsing.readers import extract_text
from parsing.schema import FORMAT_TEMPLATE, Evidence, ParsedReport, Report
from parsing.template import checks
from parsing.template.checklist import annotate, check_text
from parsing.template.tables import Tables, number, parse_tables
from parsing.text.furniture import page_meta_spans, strip_furniture
from parsing.text.normalize import control_warnings, normalize_text
from parsing.text.variants import is_traditional, to_simplified

PARSER_VERSION = "1.4.0"


def parse_text(text: str, file: str = "<text>", sha256: str | None = None,
               notes: list[str] | None = None) -> ParsedReport:
    """Parse decoded report text. Never raises on odd input; gaps become nulls plus warnings.

    notes: what reading the file had to work around (parsing.readers.extract_text), the record's first warnings."""
    # Page furniture (share bars, CMS credits, copyright lines…) out first, while the page's lines are as written.
    written = normalize_text(strip_furniture(text).text)
    # Rules read simplified characters; a traditional report is read through a same-length shadow.
    clean = to_simplified(written)
    digest = sha256 or sha256_of(text.encode("utf-8"))
    record = Report(file=file, sha256=digest)
    warnings = record.warnings  # every extractor adds its warnings here; deduplicated at the end
    warnings.extend(notes or [])
    warnings.extend(control_warnings(text))  # the controls normalize_text removed from inside numbers and names

    extract_format(clean, record)
    extract_year(clean, record)
    extract_agency(clean, record)
    settle_format_by_year(clean, record)

    if not is_disclosure_report(clean):
        warnings.append("这份文件看起来不是政府信息公开工作年度报告（没有该类报告的标志性用语），未提取数字")
        record.warnings = _dedupe(warnings)
        return ParsedReport(record=record, text=written)

    doc = Document(clean)  # split once: every extractor below reads the same sentences and headings
    pm = problems_and_measures(doc, record.year)
    record.problems = pm.problems.of(written) if pm.problems else ""
    record.measures = pm.measures.of(written) if pm.measures else ""
    warnings.extend(pm.warnings)
    not_current = [s for s in (pm.problems, pm.measures) if s is not None]

    # page data (来源 / 栏目 lines, a breadcrumb through 信息公开专栏) names the site the page is on, not a channel
    page_data = [Span(s, e) for s, e in page_meta_spans(clean)]
    hits = ch.find_channels(clean, not_current + page_data)
    record.channels = ch.channel_list(hits)
    if not record.channels:
        warnings.append("未找到公开渠道的表述")

    total, total_span = proactive.proactive_total(doc, hits, not_current)
    record.proactive_total = total.value
    record.proactive_total_approx = total.approximate
    record.proactive_total_cumulative = total.cumulative
    _keep(record, "proactive_total", total, warnings)
    breakdown, b_evidence, b_warnings = proactive.proactive_breakdown(doc, total_span, total.value)
    record.proactive_breakdown = breakdown
    record.evidence.update(b_evidence)
    warnings.extend(b_warnings)

    skip_for_channels = not_current + ([total_span] if total_span else [])
    record.channel_counts, c_evidence = ch.channel_counts(clean, hits, skip_for_channels)
    record.evidence.update(c_evidence)
    for name in record.channels:
        first = next(h for h in hits if h.channel == name)
        record.evidence.setdefault(f"channels.{name}", _sentence_evidence(doc, first.start))

    apps = requests.applications_received(doc, not_current)
    record.applications_received = apps.value
    _keep(record, "applications_received", apps, warnings)
    fee = requests.fees(doc, not_current)
    record.fees = fee.value
    _keep(record, "fees", fee, warnings)

    recon, litig = requests.appeals(doc, not_current)
    record.reconsideration = recon.value
    _keep(record, "reconsideration", recon, warnings)
    record.litigation = litig.value
    _keep(record, "litigation", litig, warnings)

    if record.format == FORMAT_TEMPLATE:
        tables = parse_tables(clean)
        record.tables = tables.to_dict()
        warnings.extend(tables.warnings)
        prose = {"applications_received": apps, "reconsideration": recon, "litigation": litig}
        _flat_from_tables(record, clean, tables, prose, warnings)
        record.checks = [annotate(c.to_dict()) for c in checks.check_report(tables, prose_numbers(doc, prose))]

    if record.format != FORMAT_TEMPLATE and "format" not in record.evidence:
        first_line = clean.split("\n", 1)[0]
        record.evidence["format"] = _span_evidence(clean, Span(0, len(first_line)))
    record.checks = list(record.checks) + check_text(record, clean)  # the checklist (parsing/data/rules.toml)
    if written is not clean:
        if is_traditional(written):
            warnings.append("报告为繁体字，已按简体字识别（原文照录）")
        record.evidence = {k: Evidence(written[v.start:v.end], v.start, v.end) for k, v in record.evidence.items()}
    record.warnings = _dedupe(warnings)
    return ParsedReport(record=record, text=written)


def parse_bytes(data: bytes, file: str = "<bytes>") -> ParsedReport:
    """Read any supported format (text in any Chinese encoding, HTML, .docx, .pdf; chosen by the
    name's suffix and the content) and parse. Raises load.ReportReadError with a reason otherwise."""
    notes: list[str] = []
    text = extract_text(data, file, notes)
    return parse_text(text, file=file, sha256=sha256_of(data), notes=notes)


def parse_file(path: str | Path) -> ParsedReport:
    path = Path(path)
    return parse_bytes(read_report_bytes(path), file=path.name)


GENRE = re.compile(r"信息公开|政务公开|主动公开|依申请|公开申请|政府信息|公开工作")


def is_disclosure_report(text: str) -> bool:
    """A document of some length that never speaks of 信息公开/主动公开/依申请… is not of the genre.

    (Short passages are given the benefit of the doubt: they are excerpts, not whole documents.)"""
    return len(text) < 200 or bool(GENRE.search(text))


def prose_numbers(doc: Document, prose: dict) -> dict:
    """Numbers the prose states, to compare with the tables."""
    out = {key: (c.value, c.evidence) for key, c in prose.items() if c.value is not None}
    penalty = requests.penalties(doc)
    if penalty.value is not None:
        out["penalties"] = (penalty.value, penalty.evidence)
    return out


def _flat_from_tables(record: Report, text: str, tables: Tables, prose: dict, warnings: list[str]) -> None:
    """Headline numbers come from the tables where the report has them."""
    t3, t4 = tables.table3, tables.table4
    picks = []
    if t3 is not None and t3.rows:
        for key, row in (("applications_received", "一、本年新收"), ("applications_carried_in", "二、上年结转"),
                         ("applications_closed", "（七）总计"), ("applications_carried_out", "四、结转下年度")):
            picks.append((key, number(t3.cell(row, "总计")), tables.evidence(text, "表三", row), f"表三“{row}”总计"))
    if t4 is not None and t4.rows:
        recon = number(t4.cell("行政复议", "总计"))
        direct, after = number(t4.cell("未经复议直接起诉", "总计")), number(t4.cell("复议后起诉", "总计"))
        litig = direct + after if direct is not None and after is not None else None
        ev = tables.evidence(text, "表四", "行政复议")
        picks += [("reconsideration", recon, ev, "表四行政复议总计"), ("litigation", litig, ev, "表四行政诉讼总计")]
    for key, value, ev, where in picks:
        if value is None:
            continue
        label = {"reconsideration": "行政复议", "litigation": "行政诉讼",
                 "applications_received": "依申请公开的申请数量"}.get(key)
        if label:  # the table answers what the prose left open
            warnings[:] = [w for w in warnings if w != f"未找到{label}情况" and w != f"未找到{label}"]
        value = int(value) if float(value).is_integer() else value
        stated = prose.get(key)
        if stated is not None and stated.value is not None and stated.value != value:
            warnings.append(f"{where}为{value}，正文写{stated.value}；采用表格")
        setattr(record, key, value)
        if ev is not None:
            record.evidence[key] = ev


def _keep(record: Report, key: str, counted: proactive.Counted, warnings: list[str]) -> None:
    if counted.evidence is not None and counted.value is not None:
        record.evidence[key] = counted.evidence
    warnings.extend(counted.warnings)


def _sentence_evidence(doc: Document, pos: int):
    start, end = doc.sentence_at(pos)
    return _span_evidence(doc.text, Span(start, end))


def _span_evidence(text: str, span: Span):
    s, e = span.start, span.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Evidence.span(text, s, e)


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
