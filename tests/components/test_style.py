"""components/style.py: report text shown literally — no links, no HTML, no reordering, one strong highlight."""

import pytest

from components.style import highlight, md_escape


@pytest.mark.parametrize(("text", "shown"), [
    ("详见 http://www.jimei.gov.cn 。", "详见 http\\:\\/\\/www\\.jimei\\.gov\\.cn 。".replace("\\/", "/")),
    ("邮箱 ajj@zibo.gov.cn", "邮箱 ajj@zibo\\.gov\\.cn"),
    ("<b>粗体</b>", "\\<b\\>粗体\\<\\/b\\>".replace("\\/", "/")),
])
def test_urls_mail_and_markup_are_plain_text(text, shown):
    assert md_escape(text) == shown  # escaped ':' and '.' keep Markdown from turning them into links


def test_one_strong_highlight_per_span_line_by_line():
    out = highlight("甲乙丙\n丁戊", [(1, 5)])
    assert out == "甲:primary-background[:primary[**乙丙**]]  \n:primary-background[:primary[**丁**]]戊"
