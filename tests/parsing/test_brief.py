"""parsing/brief.py and `python -m parsing brief`: the meeting brief opens in Word and PDF readers."""

import io
import subprocess
import sys

import docx
import pdfplumber
from conftest import DATA, ROOT

from parsing import parse_file
from parsing.brief import build


def records():
    return [parse_file(p).record for p in sorted(DATA.glob("*.txt"))]


def test_the_docx_holds_the_scope_figures_with_their_quality_charts_and_every_report():
    files = build(records(), scope="全部报告（5 份报告）", version="1.4.0+test")
    document = docx.Document(io.BytesIO(files.docx))
    text = "\n".join(p.text for p in document.paragraphs)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[:2] == ["政府信息公开工作年度报告 会议简报", "主要数字"]
    assert {"主动公开数量", "公开渠道", "问题主题", "反复出现的问题", "附录：所用报告"} <= set(headings)
    assert "范围：全部报告（5 份报告）" in text
    assert "张店区安监 2018：280（累计）" in text and "聊城市安监 2018：1,000（累计）" in text
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "每份报告主动公开（中位数，仅确切数字）" in cells and "57 条" in cells
    assert {"淄博市张店区安全生产监督管理局", "临沂市罗庄区安全生产监督管理局", "聊城市安全生产监督管理局",
            "聊城江北水城旅游度假区安全生产监督管理局"} <= set(cells)
    assert len(document.inline_shapes) == 3  # the three charts, drawn server-side


def test_the_pdf_embeds_a_cjk_font_and_reads_back():
    files = build(records(), scope="全部报告", version="1.4.0+test")
    with pdfplumber.open(io.BytesIO(files.pdf)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        fonts = {c["fontname"] for page in pdf.pages for c in page.chars}
    assert "政府信息公开工作年度报告 会议简报" in text
    assert "写明主动公开总数的报告：5 / 5" in text
    assert "聊城江北水城旅游度假区安全生产监督管理局" in text  # the appendix
    assert any("Noto" in f for f in fonts)


def test_the_command_line_writes_both_files(tmp_path):
    out = tmp_path / "简报"
    result = subprocess.run([sys.executable, "-m", "parsing", "brief", str(DATA), "--out", str(out), "--no-cache"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "简报.docx").read_bytes()[:2] == b"PK"
    assert (tmp_path / "简报.pdf").read_bytes()[:5] == b"%PDF-"


def test_recurring_problems_are_themes_two_or_more_reports_state():
    from parsing.brief import recurring_problems

    recurring = [(name, reports) for name, reports, _items in recurring_problems(records())]
    # 认识不到位, 公开内容不全面 and 政策解读不足 are each in one report: not recurring
    assert recurring == [("便民性不足", 3), ("及时性不够", 3), ("人员力量不足", 2)]
    one = [r for r in records() if r.file.startswith("004")]  # four problem sentences, three themes, one report
    assert recurring_problems(one) == []


def test_one_report_brief_says_no_problem_recurs():
    one = [r for r in records() if r.file.startswith("004")]
    files = build(one, scope="一份报告", version="1.4.0+test")
    document = docx.Document(io.BytesIO(files.docx))
    paragraphs = [p.text for p in document.paragraphs]
    after = paragraphs[paragraphs.index("反复出现的问题") + 1]
    assert after == "无：没有在两份以上报告中都提到的问题主题。"


def test_the_pdfs_date_and_version_each_stay_on_one_line():
    from datetime import date

    version = "1.4.0+0123456789abcdef"  # as long as a real fingerprint
    files = build(records(), scope="全部报告", version=version)
    with pdfplumber.open(io.BytesIO(files.pdf)) as pdf:
        lines = (pdf.pages[0].extract_text() or "").splitlines()
    assert f"生成日期：{date.today().isoformat()}" in lines  # it was cut at a hyphen: "…2024-05-" / "01…"
    assert f"解析器版本：{version}" in lines
