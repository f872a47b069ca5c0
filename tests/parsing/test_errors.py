"""parsing/errors.py: the one exception a reader raises, and the one message for an empty file, whichever
reader meets it."""

import pytest

from parsing.errors import EMPTY_FILE, ReportReadError
from parsing.readers import extract_text


def test_the_empty_file_message_is_exact():
    assert EMPTY_FILE == "文件为空（0 字节）"
    assert issubclass(ReportReadError, Exception)


@pytest.mark.parametrize("name", ["report.txt", "report.html", "report.docx", "report.pdf"])
def test_every_reader_refuses_an_empty_file_with_the_same_message(name):
    with pytest.raises(ReportReadError) as caught:
        extract_text(b"", name)
    assert str(caught.value) == EMPTY_FILE
