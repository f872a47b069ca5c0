"""会议简报: the current selection of reports as a Word (.docx) and a PDF document for a meeting.

Pure (no Streamlit, no pandas): records in, bytes out. Charts are drawn server-side with matplotlib and
embedded as PNG; Chinese is drawn with the Noto Sans CJK font that mplfonts ships (the PDF embeds it).
Contents: a title page with the scope (filters, report count, date, parser version), the headline figures
with their quality marks, the proactive-disclosure chart, channels, problem themes, the recurring problems
with example sentences, the findings that need a look (不符 / 冲突), and an appendix of every report used.
"""

from __future__ import annotations

import io
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from parsing.analysis.themes import tag
from parsing.corpus.figures import agency_label, total_quality, total_text


@dataclass(frozen=True)
class BriefFiles:
    docx: bytes
    pdf: bytes


@lru_cache(maxsize=1)
def cjk_font() -> Path:
    import mplfonts

    path = Path(mplfonts.__file__).parent / "fonts" / "NotoSansCJKsc-Regular.otf"
    if not path.exists():
        raise FileNotFoundError("mplfonts 中没有 NotoSansCJKsc-Regular.otf：请按 README 安装依赖")
    return path


def quality(record) -> str | None:
    return total_quality(vars(record))


def figure_text(record) -> str:
    return total_text(record.proactive_total, quality(record))


def short_name(record) -> str:
    return agency_label(vars(record))


def _charts(records) -> list[tuple[str, bytes]]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    font_manager.fontManager.addfont(str(cjk_font()))
    name = font_manager.FontProperties(fname=str(cjk_font())).get_name()
    plt.rcParams.update({"font.family": name, "font.size": 11, "axes.unicode_minus": False})
    out = []

    def png(fig) -> bytes:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=160, bbox_inches="tight")
        plt.close(fig)
        return buf.getvalue()

    known = sorted((r for r in records if r.proactive_total is not None), key=lambda r: (short_name(r), r.year or 0))
    if known:
        shown = known[:30]
        fig, ax = plt.subplots(figsize=(8, max(3, 0.32 * len(shown) + 1)))
        labels = [f"{short_name(r)} {r.year or '年份不明'}" for r in shown]
        hatches = {"stated": "", "approx": "..", "cumulative": "//", "conflict": "xx"}
        bars = ax.barh(labels, [r.proactive_total for r in shown], color="#0b5cad", edgecolor="#111418")
        for bar, r in zip(bars, shown, strict=True):
            bar.set_hatch(hatches[quality(r)])
            if quality(r) != "stated":
                bar.set_facecolor("#9ec3ea")
            ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, " " + figure_text(r), va="center")
        ax.invert_yaxis()
        ax.set_xlabel("主动公开条数（斜纹 = 累计，点纹 = 约数，叉纹 = 冲突）")
        ax.set_title("各报告主动公开政府信息数量" + ("（前30份）" if len(known) > 30 else ""))
        out.append(("主动公开数量", png(fig)))
    def counts_chart(name: str, counter: Counter, top: int, color: str, xlabel: str, title: str) -> None:
        if not counter:
            return
        items = counter.most_common(top)[::-1]
        fig, ax = plt.subplots(figsize=(8, 0.35 * len(items) + 1))
        ax.barh([c for c, _ in items], [n for _, n in items], color=color)
        for i, (_c, n) in enumerate(items):
            ax.text(n, i, f" {n}", va="center")
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        out.append((name, png(fig)))

    counts_chart("公开渠道", Counter(c for r in records for c in r.channels), 12, "#15803d", "提到该渠道的报告数", "公开渠道")
    counts_chart("问题主题", Counter(n for r in records for n in {h.name for h in tag(r.problems, "problem")}), 10,
                 "#b3261e", "提到该问题主题的报告数", "存在的问题：主题")
    return out


def _content(records, scope: str, version: str) -> dict:
    known = [r for r in records if r.proactive_total is not None]
    plain = [r.proactive_total for r in known if quality(r) == "stated"]
    years = sorted({r.year for r in records if r.year})
    headline = [
        ("报告数", str(len(records))),
        ("写明主动公开总数的报告", f"{len(known)} / {len(records)}"),
        ("每份报告主动公开（中位数，仅确切数字）", f"{int(statistics.median(plain)):,} 条" if plain else "—"),
        ("机构数", str(len({r.agency or r.file for r in records}))),
        ("覆盖年份", f"{years[0]}–{years[-1]}" if years else "—"),
    ]
    flagged = [f"{short_name(r)} {r.year}：{figure_text(r)}" for r in known if quality(r) != "stated"]
    recurring = recurring_problems(records)
    findings = []
    for r in records:
        for c in r.checks:
            if c["status"] == "FAIL" and c.get("severity", "FAIL") == "FAIL":
                findings.append(f"不符 · {short_name(r)} {r.year}：{c['rule']}：{c['detail']}")
        for w in r.warnings:
            if w.startswith("冲突"):
                findings.append(f"冲突 · {short_name(r)} {r.year}：{w}")
    appendix = [(r.agency or "（机构不明）", str(r.year or "年份不明"), figure_text(r), r.file)
                for r in sorted(records, key=lambda r: (r.agency or "", r.year or 0, r.file))]
    return {"title": "政府信息公开工作年度报告 会议简报", "scope": scope, "version": version,
            "date": date.today().isoformat(), "headline": headline, "flagged": flagged, "recurring": recurring,
            "findings": findings, "appendix": appendix}


RECURRING_REPORTS = 2  # a problem "recurs" when at least this many reports state it
RECURRING_SHOWN = 6


def recurring_problems(records) -> list[tuple[str, int, list[tuple[str, str]]]]:
    """(theme, reports, [(report, sentence), …]) of the problem themes that two or more reports state, most
    reports first; a theme found in one report only is not recurring, however many sentences it has."""
    sentences: dict[str, list[tuple[str, str]]] = {}
    files: dict[str, set[str]] = {}
    for r in records:
        for hit in tag(r.problems, "problem"):
            sentences.setdefault(hit.name, []).append((f"{short_name(r)} {r.year or '年份不明'}", hit.sentence))
            files.setdefault(hit.name, set()).add(r.file)
    shared = [(name, len(files[name]), sentences[name]) for name in sentences if len(files[name]) >= RECURRING_REPORTS]
    return sorted(shared, key=lambda item: (-item[1], item[0]))[:RECURRING_SHOWN]


NO_RECURRING = "无：没有在两份以上报告中都提到的问题主题。"


def build(records, scope: str = "全部报告", version: str = "") -> BriefFiles:
    """The brief for these records (parsing.types.Report) as .docx and .pdf bytes."""
    content = _content(records, scope, version)
    charts = _charts(records)
    return BriefFiles(_docx(content, charts), _pdf(content, charts))


def _docx(c: dict, charts) -> bytes:
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Noto Sans CJK SC"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Sans CJK SC")
    style.font.size = Pt(11)
    d.add_heading(c["title"], level=0)
    d.add_paragraph(f"范围：{c['scope']}")
    d.add_paragraph(f"生成日期：{c['date']}")
    d.add_paragraph(f"解析器版本：{c['version']}")
    d.add_heading("主要数字", level=1)
    table = d.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for name, value in c["headline"]:
        row = table.add_row().cells
        row[0].text, row[1].text = name, value
    if c["flagged"]:
        d.add_paragraph("以下数字不是确切的本年度数字（约数、累计或冲突），未计入中位数：" + "；".join(c["flagged"]))
    for title, image in charts:
        d.add_heading(title, level=1)
        d.add_picture(io.BytesIO(image), width=Cm(16))
    d.add_heading("反复出现的问题", level=1)
    for name, reports, items in c["recurring"]:
        d.add_paragraph(f"{name}（{reports} 份报告）", style="List Bullet")
        for who, sentence in items[:3]:
            d.add_paragraph(f"{who}：{sentence}", style="List Bullet 2")
    if not c["recurring"]:
        d.add_paragraph(NO_RECURRING)
    d.add_heading("需要核对的问题（不符、冲突）", level=1)
    for line in c["findings"] or ["无"]:
        d.add_paragraph(line, style="List Bullet")
    d.add_heading("附录：所用报告", level=1)
    table = d.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, ("机构", "年份", "主动公开", "文件"), strict=True):
        cell.text = head
    for values in c["appendix"]:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _pdf(c: dict, charts) -> bytes:
    import textwrap

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import image as mpimg
    from matplotlib import pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    font = font_manager.FontProperties(fname=str(cjk_font()))
    matplotlib.rcParams["pdf.fonttype"] = 42  # embed the font as TrueType, so the text stays selectable

    def page(lines: list[tuple[str, int]]) -> plt.Figure:
        fig = plt.figure(figsize=(8.27, 11.69))
        y = 0.95
        for text, size in lines:
            # never at a hyphen: a date (2024-05-01) or a version stays on one line
            for part in textwrap.wrap(text, 40 if size < 14 else 24, break_on_hyphens=False) or [""]:
                fig.text(0.07, y, part, fontproperties=font, fontsize=size, va="top")
                y -= 0.018 * size / 10 + 0.012
                if y < 0.05:
                    return fig
        return fig

    buf = io.BytesIO()
    with PdfPages(buf) as pdf:
        first = [(c["title"], 20), (f"范围：{c['scope']}", 11), (f"生成日期：{c['date']}", 11),
                 (f"解析器版本：{c['version']}", 11),
                 ("", 10), ("主要数字", 15)] + [(f"{n}：{v}", 12) for n, v in c["headline"]]
        if c["flagged"]:
            first += [("", 10), ("不是确切本年度数字的（未计入中位数）：", 11)] + [(f"· {x}", 10) for x in c["flagged"][:20]]
        pdf.savefig(page(first))
        for title, image in charts:
            fig = plt.figure(figsize=(8.27, 11.69))
            fig.text(0.07, 0.96, title, fontproperties=font, fontsize=15, va="top")
            ax = fig.add_axes([0.05, 0.1, 0.9, 0.82])
            ax.imshow(mpimg.imread(io.BytesIO(image)))
            ax.axis("off")
            pdf.savefig(fig)
            plt.close(fig)
        lines = [("反复出现的问题", 15)]
        for name, reports, items in c["recurring"]:
            lines.append((f"{name}（{reports} 份报告）", 12))
            lines += [(f"· {who}：{sentence}", 10) for who, sentence in items[:2]]
        if not c["recurring"]:
            lines.append((NO_RECURRING, 10))
        lines += [("", 10), ("需要核对的问题（不符、冲突）", 15)] + [(f"· {x}", 10) for x in (c["findings"] or ["无"])[:25]]
        pdf.savefig(page(lines))
        rows = [("附录：所用报告", 15)] + [(f"{a} · {y} · {t} · {f}", 9) for a, y, t, f in c["appendix"][:60]]
        if len(c["appendix"]) > 60:
            rows.append((f"……共 {len(c['appendix'])} 份报告，完整列表见 Word 版", 9))
        pdf.savefig(page(rows))
        plt.close("all")
    return buf.getvalue()
