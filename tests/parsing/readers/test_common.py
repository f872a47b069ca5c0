"""parsing/readers/common.py: what the readers share — Chinese character counts, the reasons given for
legacy Office files, merged-cell spans and the test for a layout (not data) table."""

from parsing.readers.common import DOC_REASON, cell_span, cjk_count, is_layout_grid, ole_reason


def test_cjk_count_counts_only_chinese_characters():
    assert cjk_count("abc 中文 123，。") == 2


def test_legacy_office_files_get_their_own_reason():
    assert ole_reason(b"..." + "WordDocument".encode("utf-16-le"), ".bin") == DOC_REASON
    assert ole_reason(b"...", ".doc") == DOC_REASON
    assert ole_reason(b"..." + "EncryptedPackage".encode("utf-16-le"), ".docx").startswith("Word 文档已加密")
    assert ole_reason(b"...", ".xls") == "文件内容是旧版 Office 文档（如 .doc、.xls），不支持；请另存为 .docx 或 .pdf 再上传"


def test_cell_span_is_clamped_to_the_table():
    assert cell_span("3", 10) == 3
    assert cell_span("99", 4) == 4
    assert cell_span("", 5) == 1  # no span written: one cell
    assert cell_span("0", 7) == 7  # rowspan="0": to the end of the table


def test_layout_grids_are_told_from_data_tables():
    assert not is_layout_grid([["规章", "13"], ["规范性文件", "2"]], nested=False)
    assert is_layout_grid([["规章", "13"], ["规范性文件", "2"]], nested=True)  # a table inside a table
    assert is_layout_grid([["只有一格"]], nested=False)
    assert is_layout_grid([["一列", ""], ["二列", ""]], nested=False)  # never two filled cells in a row
    assert is_layout_grid([["正文" * 101, "x"], ["y", "z"]], nested=False)  # prose in a cell
