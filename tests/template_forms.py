"""Known template grids rendered in every physical form real collections hold, for table-driven tests.

A grid (表三 rows × columns and 表四's 15 cells, every identity satisfied) is made from a seed; `render` writes a
whole report whose tables take one damaged form:
- crawler:   one cell per line, a line equal to the line before it dropped, labels split after their marker
             ("(一" / ")" / "予以公开"), header words split per character;
- squashed:  a row's cells glued to its label with no separator, 表四 as one run of digits;
- spaced:    a PDF's text layer: label and numbers on one line, an empty cell leaves nothing;
- split:     the label on one line and its numbers on the next, page-break lines ("- 3 -", "第 3 页") inside;
- html:      an HTML page with rowspan/colspan label cells and &nbsp; blanks (read through the HTML reader);
- markdown:  a Markdown table made from a PDF (pipes, blank cells kept).
The truth of every cell is the grid itself, so a test can count right, wrong and unknown per form.
"""

from __future__ import annotations

import random

import template_builder as tb

COLS = tb.COLS
BLOCKS = ("行政复议", "未经复议直接起诉", "复议后起诉")


def grid(seed: int, layout: str = "2021", blanks: bool = False) -> tuple[dict[str, list], dict[str, list]]:
    """A 表三 and 表四 whose cells obey every identity; small agencies (mostly zeros) and busy ones alike.
    With blanks, some zero cells are printed empty (a blank counts as 0 in every sum)."""
    rnd = random.Random(seed)
    rows_def = tb.ROWS_2021 if layout == "2021" else tb.ROWS_2019
    outcome = [k for k, _l in rows_def if k.startswith(("（一）", "（二）", "（三）", "（四）", "（五）", "（六）"))]
    busy = rnd.random() < 0.5
    t3 = {k: [0] * 7 for k, _l in rows_def}
    closed = [0] * 6
    for key in outcome:
        if rnd.random() < (0.5 if busy else 0.15):
            cells = [rnd.choice([0, 0, 1, 2, 3, 5, 12, 40, 137]) if busy else rnd.choice([0, 1, 1, 2])]
            cells += [rnd.choice([0, 0, 0, 1, 2, 7]) if busy else 0 for _ in range(5)]
            t3[key] = cells + [sum(cells)]
            closed = [a + b for a, b in zip(closed, cells, strict=True)]
    t3["（七）总计"] = closed + [sum(closed)]
    carried_in = [rnd.choice([0, 0, 1, 3]) if c else 0 for c in closed]
    # requests carried over come mostly from citizens and companies, as in real tables
    carried_out = [rnd.choice([0, 0, 2]), rnd.choice([0, 0, 1]), 0, 0, 0, 0]
    new = [c + o - i for c, o, i in zip(closed, carried_out, carried_in, strict=True)]
    new = [max(v, 0) for v in new]
    carried_out = [n + i - c for n, i, c in zip(new, carried_in, closed, strict=True)]
    t3["一、本年新收"] = new + [sum(new)]
    t3["二、上年结转"] = carried_in + [sum(carried_in)]
    t3["四、结转下年度"] = carried_out + [sum(carried_out)]
    t4 = {}
    for block in BLOCKS:
        # most appeals end upheld (结果维持) or are pending (尚未审结); a corrected or other result is rarer
        cells = [rnd.choice([0, 0, 1, 3]) if busy else rnd.choice([0, 0, 0, 1]), rnd.choice([0, 0, 0, 0, 1]),
                 rnd.choice([0, 0, 0, 0, 1]), rnd.choice([0, 0, 1, 2]) if busy else 0]
        t4[block] = cells + [sum(cells)]
    if blanks:
        for key, values in t3.items():
            t3[key] = [None if v == 0 and rnd.random() < 0.6 else v for v in values]
        for key, values in t4.items():
            t4[key] = [None if v == 0 and rnd.random() < 0.6 else v for v in values]
    return t3, t4


def _v(v) -> str:
    return "" if v is None else str(v)


def _collapse(lines: list[str]) -> list[str]:
    """A crawler's text: one text node per line, a line equal to the line before it dropped, none for empty."""
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        if out and out[-1] == line:
            continue
        out.append(line)
    return out


def _split_marker(label: str) -> list[str]:
    """"（一）予以公开" → "(一", ")", "予以公开"; "1.属于国家秘密" → "1.", "属于国家秘密" (as crawls cut them)."""
    if label.startswith("（") and "）" in label:
        inner, rest = label[1:].split("）", 1)
        return [f"({inner}", ")", rest]
    if len(label) > 2 and label[0].isdigit() and label[1] == ".":
        return [label[:2], label[2:]]
    return [label]


def table3_text(t3: dict, layout: str, form: str) -> list[str]:
    rows_def = tb.ROWS_2021 if layout == "2021" else tb.ROWS_2019
    out = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
    if form == "crawler":
        head = ["申请人情况", "自", "然", "人", "法人或其他组织", "总计", "商", "业", "企", "业", "科", "研", "机", "构",
                "社会", "公益", "组织", "法律", "服", "务", "机构", "其他"]
        body: list[str] = []
        for key, labels in rows_def:
            for label in labels:
                if label:
                    body += _split_marker(label)
            body += [_v(v) for v in t3[key]]
        return out + head + _collapse(body)
    if form == "markdown":
        out += ["| 申请人情况 | | | " + " | ".join(COLS) + " |", "|" + "---|" * 10]
        for key, labels in rows_def:
            out.append("| " + " | ".join((labels + ["", "", ""])[:3] + [_v(v) for v in t3[key]]) + " |")
        return out
    out += ["申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    for i, (key, labels) in enumerate(rows_def):
        label = "".join(lbl for lbl in labels if lbl)
        values = [_v(v) for v in t3[key] if v is not None]
        if form == "squashed":
            out.append(label + "".join(values))
        elif form == "spaced":
            out.append(label + " " + " ".join(values))
        elif form == "split":
            out.append(label)
            if i in (6, 17):
                out.append("- 3 -" if i == 6 else "第 4 页")
            out.append(" ".join(values))
    return out


def table4_text(t4: dict, form: str) -> list[str]:
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    values = [t4[b][i] for b in BLOCKS for i in range(5)]
    if form == "crawler":
        head = ["行政复议", "行政诉讼", "结", "果", "维", "持", "结", "果", "纠", "正", "其", "他", "结", "果", "尚", "未",
                "审", "结", "总", "计", "未经复议直接起诉", "复议后起诉"]
        return head + _collapse([_v(v) for v in values])
    if form == "markdown":
        return ["| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |", "| " + " | ".join(heads * 3) + " |",
                "|" + "---|" * 15, "| " + " | ".join(_v(v) for v in values) + " |"]
    lines = ["行政复议", "行政诉讼", *heads, "未经复议直接起诉", *heads, "复议后起诉", *heads]
    printed = [_v(v) for v in values if v is not None]
    if form == "squashed":
        return lines + ["".join(printed)]
    if form == "split":
        return lines + [" ".join(printed[:8]), "- 5 -", " ".join(printed[8:])]
    return lines + [" ".join(printed)]


def html_report(t3: dict, t4: dict, layout: str = "2021", word: bool = False) -> bytes:
    """The report as an HTML page: 表三 with rowspan/colspan label cells, blanks as &nbsp;, 表四 in two header rows.
    word: as Word exports a page — every cell a <p class=MsoNormal> of <span>s splitting its words, <o:p></o:p>."""
    rows_def = tb.ROWS_2021 if layout == "2021" else tb.ROWS_2019

    def td(v, attrs: str = "") -> str:
        text = "&nbsp;" if v is None or v == "" else str(v)
        if word and len(text) > 3 and text != "&nbsp;":
            cut = len(text) // 2
            text = f"<span lang=EN-US>{text[:cut]}</span><span style='font-family:宋体'>{text[cut:]}</span>"
        if word:
            return f"<td{attrs} valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal>{text}<o:p></o:p></p></td>"
        return f"<td{attrs}><p>{text}</p></td>"

    rows = ['<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
            '<td colspan="7">申请人情况</td></tr>',
            '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
            "<tr>" + "".join(td(c) for c in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>"]
    groups: dict[str, int] = {}
    for key, _labels in rows_def:
        if key.startswith("（") and key[3:].isdigit():
            groups[key[:3]] = groups.get(key[:3], 0) + 1
    outcome_count = sum(1 for k, _l in rows_def if k.startswith("（"))
    seen: set[str] = set()
    for key, labels in rows_def:
        cells = ""
        if key in ("一、本年新收", "二、上年结转", "四、结转下年度"):
            cells = f'<td colspan="3">{labels[0]}</td>'
        else:
            if key == "（一）予以公开":
                cells += f'<td rowspan="{outcome_count}">三、本年度办理结果</td>'
            group = key[:3]
            if key[3:].isdigit():
                if group not in seen:
                    seen.add(group)
                    cells += f'<td rowspan="{groups[group]}">{[lbl for lbl in labels if lbl][0]}</td>'
                cells += f"<td>{labels[-1]}</td>"
            else:
                cells += f'<td colspan="2">{[lbl for lbl in labels if lbl][-1]}</td>'
        rows.append("<tr>" + cells + "".join(td(v) for v in t3[key]) + "</tr>")
    table3 = '<table border="1">' + "".join(rows) + "</table>"
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    t4rows = ['<tr><td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td></tr>',
              '<tr><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>',
              "<tr>" + "".join(td(h) for h in heads * 3) + "</tr>",
              "<tr>" + "".join(td(t4[b][i]) for b in BLOCKS for i in range(5)) + "</tr>"]
    table4 = '<table border="1">' + "".join(t4rows) + "</table>"
    text = tb.report(t3={k: [0] * 7 for k, _l in rows_def}, layout=layout,
                     t2=tb.TABLE2_2021 if layout == "2021" else tb.TABLE2_2019)
    head, rest = text.split("三、收到和处理政府信息公开申请情况", 1)
    tail = rest.split("五、存在的主要问题及改进情况", 1)[1]
    paras = "".join(f"<p>{line}</p>" for line in head.splitlines() if line.strip() and "\t" not in line)
    tail_paras = "".join(f"<p>{line}</p>" for line in tail.splitlines() if line.strip())
    page = (f"<html><head><meta charset='utf-8'><title>年报</title></head><body><div class='content'>{paras}"
            f"<p>三、收到和处理政府信息公开申请情况</p>{table3}<p>四、政府信息公开行政复议、行政诉讼情况</p>{table4}"
            f"<p>五、存在的主要问题及改进情况</p>{tail_paras}</div></body></html>")
    return page.encode("utf-8")


def render(t3: dict, t4: dict, form: str, layout: str = "2021") -> str:
    """A whole report's text whose 表三 and 表四 take the given form (not html: see html_report)."""
    text = tb.report(t3={k: [0] * 7 for k, _l in (tb.ROWS_2021 if layout == "2021" else tb.ROWS_2019)},
                     layout=layout, t2=tb.TABLE2_2021 if layout == "2021" else tb.TABLE2_2019)
    head, rest = text.split("三、收到和处理政府信息公开申请情况", 1)
    tail = rest.split("五、存在的主要问题及改进情况", 1)[1]
    lines = [head.rstrip("\n"), "三、收到和处理政府信息公开申请情况", *table3_text(t3, layout, form),
             "四、政府信息公开行政复议、行政诉讼情况", *table4_text(t4, form),
             "五、存在的主要问题及改进情况" + tail]
    return "\n".join(lines)


CHROMIUM = "/usr/bin/chromium"


def chromium_pdf(page: bytes, folder) -> bytes:
    """The HTML page printed to PDF by Chromium (ruled tables, a real text layer): the form a PDF made from a
    web page takes."""
    import subprocess
    from pathlib import Path

    html, pdf = Path(folder) / "page.html", Path(folder) / "page.pdf"
    html.write_bytes(page)
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
                   capture_output=True, timeout=120, check=True)
    return pdf.read_bytes()


# form → whether its grids may hold blank cells (a PDF's text layer loses blanks without a trace, and a crawl of a
# page with empty cells is not assumed: every real page in the development set has none)
FORMS = {"crawler": False, "squashed": False, "spaced": False, "split": False, "markdown": True, "html": True,
         "html-word": True}


def parsed_tables(t3: dict, t4: dict, form: str, layout: str) -> dict:
    """The record's tables of a report whose 表三/表四 take the given form."""
    from parsing import parse_bytes, parse_text

    if form in ("html", "html-word"):
        return parse_bytes(html_report(t3, t4, layout, word=form == "html-word"), "report.html").record.tables
    return parse_text(render(t3, t4, form, layout)).record.tables


def tally(form: str, layout: str, seeds) -> tuple[dict, list]:
    """Right, wrong and unknown cells of 表三 and 表四 over the grids of the seeds, and the wrong ones."""
    from collections import Counter

    counts: Counter = Counter()
    wrong = []
    for seed in seeds:
        t3, t4 = grid(seed, layout, blanks=FORMS[form])
        tables = parsed_tables(t3, t4, form, layout)
        for name, truth in (("表三", t3), ("表四", t4)):
            got = tables.get(name) or {}
            rows = got.get("rows", {})
            for row, values in truth.items():
                for c, want in enumerate(values):
                    if row not in rows or got["how"][row][c] == "unknown":
                        counts["unknown"] += 1
                    elif rows[row][c] == want:
                        counts["right"] += 1
                    else:
                        counts["wrong"] += 1
                        wrong.append((seed, name, row, c, want, rows[row][c], got["how"][row][c]))
    return counts, wrong
