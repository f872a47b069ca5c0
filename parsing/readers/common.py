"""What the readers share: counting Chinese characters, legacy Office files, merged-cell spans, layout grids."""

from __future__ import annotations

import re

CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
LAYOUT_CELL_CJK = 200  # a table cell holding more Chinese characters than this is page layout, not data
DOC_REASON = ("不支持旧版 Word 文档（.doc）；请用 Word 或 WPS 打开后“另存为” .docx（Word 文档）"
               "或 .pdf 再上传")
WS = re.compile(r"[ \t\n\r\f\v]+")


def cjk_count(text: str) -> int:
    return len(CJK.findall(text))


def ole_reason(data: bytes, suffix: str) -> str:
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "Word 文档已加密（设置了打开密码）；请在 Word 或 WPS 中去掉密码后另存为 .docx 再上传"
    if "WordDocument".encode("utf-16-le") in data or suffix in (".doc", ".docx"):
        return DOC_REASON
    return "文件内容是旧版 Office 文档（如 .doc、.xls），不支持；请另存为 .docx 或 .pdf 再上传"


def cell_span(value, limit: int) -> int:
    match = re.match(r"\s*(\d+)", str(value or ""))
    n = int(match.group(1)) if match else 1
    if n == 0:  # rowspan="0": to the end of the table
        return max(1, limit)
    return max(1, min(n, limit))


def is_layout_grid(grid: list[list[str]], nested: bool) -> bool:
    """A table used for page layout (one column, one row, nested tables, or long prose in a cell)."""
    if nested:
        return True
    filled_rows = [row for row in grid if any(row)]
    if len(filled_rows) < 2 or max((sum(1 for c in row if c) for row in filled_rows), default=0) < 2:
        return True
    return any(cjk_count(c) > LAYOUT_CELL_CJK for row in grid for c in row)
