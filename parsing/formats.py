"""Report files of other types — web pages, Word .docx, PDF — turned into the plain text the parser reads.

The output looks like a .txt report: one line per paragraph (or heading, list item, <br> break) and
one line per table row with the cells joined by tabs, which is what the table parser expects.

Merged table cells: a merged cell's text is written ONCE, in the first (top-left) grid position it
covers; the other positions it spans are left empty. Repeating the text would put a spanned number
into neighbouring columns (or rows) and shift every later number; leaving them empty keeps each
number in its own grid column, and the table parser already skips empty cells before the numbers
("三、本年度办理结果" spanning 22 rows just leaves the first cell of those rows empty).

The file type is taken from the name's suffix and checked against the content's magic bytes: a PDF,
a .docx or a legacy Office file is recognised by its content whatever it is called (government sites
often serve a .docx or a web page under the wrong extension), while a file named .pdf or .docx whose
content is neither is refused with a reason. Every failure is a load.ReportReadError whose reason is
plain Chinese and names the problem, not the file (the caller adds the file name).
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections import defaultdict
from pathlib import PurePosixPath

from .load import ReportReadError, decode_bytes

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")

_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LAYOUT_CELL_CJK = 200  # a table cell holding more Chinese characters than this is page layout, not data
_SUPPORTED_LIST = "、".join(SUPPORTED_SUFFIXES)


def _cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def extract_text(data: bytes, name: str) -> str:
    """Bytes of a report file → plain text, by file type (suffix of name, checked against the content's magic bytes).

    .txt/.md → load.decode_bytes; .html/.htm → html_to_text; .docx → docx_to_text; .pdf → pdf_to_text.
    Raises load.ReportReadError with a clear Chinese reason naming the problem (not the file; the caller
    adds the file name)."""
    suffix = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if not data:
        raise ReportReadError("文件为空（0 字节）")
    kind = _sniff(data)
    if kind == "pdf":
        return pdf_to_text(data)
    if kind == "zip":
        inner = _zip_kind(data)
        if inner == "docx":
            return docx_to_text(data)
        if suffix == ".docx":
            raise ReportReadError(f"不是有效的 Word 文档（.docx）：文件内容是{inner}")
        raise ReportReadError(f"文件内容是{inner}，不是报告文件；支持的类型：{_SUPPORTED_LIST}")
    if kind == "ole":
        raise ReportReadError(_ole_reason(data, suffix))
    if kind == "rtf":
        raise ReportReadError("不支持 RTF 格式的文档；请用 Word 或 WPS 打开后另存为 .docx（或 .txt）再上传")
    if kind == "mht":
        raise ReportReadError("不支持网页存档格式（.mht / 单个文件网页）；请用浏览器打开后另存为“网页，仅 HTML”（.html）再上传")
    if suffix == ".pdf":
        raise ReportReadError("不是有效的 PDF 文件：文件内容不是 PDF 格式（可能只是改了扩展名，或文件已损坏）")
    if suffix == ".docx":
        raise ReportReadError("不是有效的 Word 文档（.docx）：文件内容不是 Word 格式（可能只是改了扩展名，或文件已损坏）")
    if suffix == ".doc":
        if kind == "html":  # Word's "save as web page" kept the .doc name; common on government sites
            return html_to_text(data)
        raise ReportReadError(_DOC_REASON)
    if kind == "html" or suffix in (".html", ".htm"):
        return html_to_text(data)
    if suffix in (".txt", ".md"):
        return decode_bytes(data)
    shown = suffix or "无扩展名"
    raise ReportReadError(f"不支持的文件类型（{shown}）；支持的类型：{_SUPPORTED_LIST}")


_DOC_REASON = ("不支持旧版 Word 文档（.doc）；请用 Word 或 WPS 打开后“另存为” .docx（Word 文档）"
               "或 .pdf 再上传")


def _sniff(data: bytes) -> str | None:
    """What the content is, by its magic bytes: pdf, zip, ole, rtf, mht, html — or None (text, or unknown)."""
    head = data[:1024]
    if b"%PDF-" in head:  # the PDF header may follow a little junk within the first 1024 bytes
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(_OLE_MAGIC):
        return "ole"
    text = _ascii_head(data)
    if text.startswith("{\\rtf"):
        return "rtf"
    if text.startswith("mime-version:") or "multipart/related" in text[:600]:
        return "mht"
    if text.startswith(("<!doctype html", "<html")) or (text.startswith("<?xml") and "<html" in text):
        return "html"
    # A page fragment saved as text (<p>…</p><table>…): markup from the first character on
    if HTML_FRAGMENT.match(text) and len(HTML_TAG.findall(text)) >= 3:
        return "html"
    return None


HTML_FRAGMENT = re.compile(r"\s*<(?:p|div|table|span|h[1-6]|section|article|body|head|meta|title|center|font|strong|br)\b")
HTML_TAG = re.compile(r"</?(?:p|div|table|tr|td|span|br|h[1-6]|section|article|strong|font)\b[^>]*>")


def _ascii_head(data: bytes) -> str:
    head = data[:2048]
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(enc, errors="ignore").lstrip().lower()
    if head[:200].count(b"\x00") > 50:  # UTF-16 without a BOM
        head = head.replace(b"\x00", b"")
    return head.decode("latin-1").lstrip().lower()


def _zip_kind(data: bytes) -> str:
    """docx, or a description of the other kind of zip (for the reason)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "损坏的压缩包（无法打开）"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return " Excel 表格（.xlsx）"
    if "ppt/presentation.xml" in names:
        return " PowerPoint 演示文稿（.pptx）"
    if "content.xml" in names and "mimetype" in names:
        return " OpenDocument 文档（.odt/.ods），请另存为 .docx"
    return "压缩包（.zip）"


def _ole_reason(data: bytes, suffix: str) -> str:
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "Word 文档已加密（设置了打开密码）；请在 Word 或 WPS 中去掉密码后另存为 .docx 再上传"
    if "WordDocument".encode("utf-16-le") in data or suffix in (".doc", ".docx"):
        return _DOC_REASON
    return "文件内容是旧版 Office 文档（如 .doc、.xls），不支持；请另存为 .docx 或 .pdf 再上传"


# ============================================================================ HTML

_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
              "svg", "canvas", "map", "select", "button", "input", "textarea", "form", "nav", "aside",
              "head", "title", "meta", "link")
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_\-])(?:nav|navs|navbar|nav\d*|menu|menus|submenu|topbar|header|top_?head|footer|foot|"
    r"breadcrumbs?|crumbs?|bread|location|position|dqwz|weizhi|daohang|share|sharebar|bdshare|fenxiang|"
    r"social|copyright|banquan|toolbar|tools|sidebar|side|aside|banner|login|search|ads?|advert|gotop|"
    r"backtop|qrcode|ewm|friendlinks?|yqlj|related|xgwz|xglj|comment|skip|wza|print|pages?_?tools)"
    r"(?:$|[\s_\-\d])", re.I)
_CONTENT_ATTR = re.compile(
    r"content|article|zoom|trs_?editor|main|detail|text|conent|xxgk|news_?con|con_?text|info|view|"
    r"artibody|wzy|zw|nr|body", re.I)
# Page-furniture phrases. Only unambiguous ones count anywhere in a short block; words that report prose
# also uses (技术支持, 无障碍, 适老化, 联系…) count only where a block starts with them.
_CHROME_TEXT = re.compile(
    r"版权所有|Copyright|©|ICP\s*备|公网安备|网站标识码|网站地图|设为首页|加入收藏|分享到\s*[：:]|"
    r"【\s*打印|【\s*关闭|打印本页|关闭窗口|返回顶部|字\s*[体号]\s*[：:]\s*[【\[]?\s*大|当前位置\s*[：:]|"
    r"现在的位置|您的位置\s*[：:]|所在位置\s*[：:]", re.I)
_CHROME_PREFIX = re.compile(
    r"^(?:上一篇|下一篇|相关链接|相关文章|相关阅读|扫一扫|主办单位|主办\s*[：:]|承办单位|承办\s*[：:]|"
    r"技术支持\s*[：:]|联系我们|无障碍|适老化|网站导航|站点导航|友情链接)")
_CHROME_TEXT_MAX_CJK = 150  # a block with a chrome marker is removed only if it is this short
_TITLE_ATTR = re.compile(r"title|tit\b|biaoti|bt\b|headline", re.I)
_WS = re.compile(r"[ \t\n\r\f\v]+")
_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)


def html_to_text(data: bytes) -> str:
    """A web page → the report's text: page chrome dropped, report body found, tables as tab rows."""
    try:
        from bs4 import BeautifulSoup
    except ImportError as exc:  # pragma: no cover - requirements.txt installs it
        raise ReportReadError("服务器缺少读取网页所需的组件（beautifulsoup4），请联系管理员") from exc
    markup = _flatten_deep_nesting(decode_html(data))
    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception:  # lxml missing (FeatureNotFound) or choking: the standard library parser
        soup = BeautifulSoup(markup, "html.parser")
    titles = _page_titles(soup)
    root = soup.body or soup
    _drop_chrome(root)
    body = _report_body(root)
    lines = _render(body)
    titles = _heading_titles(root, body) + titles  # the page's own heading first, then its metadata
    title = next((t for t in titles if _compact(t) not in _compact("".join(lines))), None)
    if title:
        lines.insert(0, title)
    text = "\n".join(lines).strip()
    if not text:
        raise ReportReadError("网页中没有找到正文文字")
    return text + "\n"


def decode_html(data: bytes) -> str:
    """Decode a web page: BOM, strict UTF-8, the declared <meta> charset (GBK/GB2312 → GB18030), detection."""
    if not data:
        raise ReportReadError("文件为空（0 字节）")
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:1024]:
        return decode_bytes(data)
    try:
        return data.decode("utf-8")  # GBK text is practically never valid UTF-8, so this wins when it fits
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data[:16384])
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            text = data.decode(declared, errors="replace")
            if text.count("\ufffd") <= max(3, len(text) // 1000):  # a few stray bytes in a right declaration
                return text
    return decode_bytes(data)


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower().strip("-_.:")
    if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "ms936", "euc-cn", "gb18030", "x-euc-cn",
                "csgb2312", "chinese", "gb_2312"):
        return "gb18030"  # the superset: pages labelled GB2312 routinely use GBK/GB18030 characters
    if name in ("big5", "x-x-big5", "big5-hkscs", "cp950", "csbig5"):
        return "big5hkscs"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A Chinese report labelled Latin-1/Windows-1252 is mislabelled (the bytes decode to mojibake): detect.
    return None if codec in ("latin-1", "iso8859-1", "cp1252", "ascii") else codec


def _page_titles(soup) -> list[str]:
    """Candidate report titles from the page's metadata, in order of trust."""
    out = []
    for key in ("articletitle", "title", "og:title"):
        for meta in soup.find_all("meta"):
            label = (meta.get("name") or meta.get("property") or "").lower()
            if label == key and meta.get("content"):
                out.append(_WS.sub(" ", meta["content"]).strip())
    if soup.title and soup.title.string:
        whole = _WS.sub(" ", soup.title.string).strip()
        out.append(re.split(r"\s*[_|｜]\s*|\s+[-—–]+\s+", whole)[0])  # drop the "_网站名" suffix
    return [t for t in out if "报告" in t and len(t) <= 100]


def _heading_titles(root, body) -> list[str]:
    """Headings outside the report body that name a report: sites often put the title above the text box."""
    out = []
    for tag in root.find_all(True):
        if _gone(tag) or not (tag.name in ("h1", "h2", "h3") or _TITLE_ATTR.search(_attr_text(tag))):
            continue
        if tag is body or body in tag.parents or tag in body.parents:
            continue
        text = _WS.sub(" ", tag.get_text(" ")).strip()
        if "报告" in text and len(text) <= 100:
            out.append(text)
    return out


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _attr_text(tag) -> str:
    parts = [tag.get("id") or ""]
    classes = tag.get("class") or []
    parts.extend(classes if isinstance(classes, list) else [classes])
    return " ".join(p for p in parts if p)


def _is_hidden(tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return tag.has_attr("hidden") or "display:none" in style or "visibility:hidden" in style


MAX_NESTING = 200  # real report pages nest a few dozen levels; thousands are a hostile or broken page
_NESTING_TAG = re.compile(r"<(/?)(div|span|section|article|font|center|blockquote|ul|ol|li)\b[^>]*?(/?)>", re.I)


def _flatten_deep_nesting(markup: str) -> str:
    """Pages nested thousands of levels deep make every tree walk quadratic (5,000 nested <div>s took 43 s).
    Measured in one linear pass; beyond MAX_NESTING the layout tags go (their text and tables stay)."""
    depth = deepest = 0
    for m in _NESTING_TAG.finditer(markup):
        if m.group(3):
            continue
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        deepest = max(deepest, depth)
    if deepest <= MAX_NESTING:
        return markup
    return _NESTING_TAG.sub("\n", markup)


def _gone(element) -> bool:
    """Whether bs4 decomposed this element. (bs4's own .decomposed property looks up a missing attribute
    through Tag.__getattr__, which searches the whole subtree for a child tag: quadratic on nested pages.)"""
    return bool(element.__dict__.get("_decomposed", False))


def _drop_chrome(root) -> None:
    """Remove scripts, navigation, headers/footers, share bars, copyright lines and other page furniture."""
    from bs4 import Comment

    for comment in root.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in root.find_all(_DROP_TAGS):
        if not _gone(tag):
            tag.decompose()
    for tag in root.find_all(["header", "footer"]):
        if not _gone(tag) and tag.find_parent("article") is None:  # an <article>'s header holds its title
            tag.decompose()
    for tag in root.find_all(True):
        if not _gone(tag) and tag.attrs is not None and _is_hidden(tag):
            tag.decompose()
    total = max(1, _cjk_count(root.get_text()))
    for tag in root.find_all(True):
        if _gone(tag) or tag.name in ("body", "html"):
            continue
        attrs = _attr_text(tag)
        # Never remove what holds much of the page's Chinese text: a "print-area" class on the body is not chrome.
        if attrs and _CHROME_ATTR.search(attrs) and _cjk_count(tag.get_text()) < total * 0.3:
            tag.decompose()
    for string in root.find_all(string=re.compile(f"{_CHROME_TEXT.pattern}|{_CHROME_PREFIX.pattern[1:]}", re.I)):
        block = string.parent
        while block is not None and block.name not in _BLOCK_TAGS:
            block = block.parent
        if block is None or _gone(block) or block.name in ("body", "html", "table", "tbody", "tr"):
            continue
        text = _compact(block.get_text())
        if _cjk_count(text) <= _CHROME_TEXT_MAX_CJK and (_CHROME_TEXT.search(text) or _CHROME_PREFIX.match(text)):
            block.decompose()
    for tag in root.find_all(["ul", "ol", "dl", "div", "p", "table", "section", "span"]):
        if _gone(tag):
            continue
        links = tag.find_all("a")
        if len(links) >= 3:
            text = _compact(tag.get_text())
            linked = sum(len(_compact(a.get_text())) for a in links)
            if text and linked >= 0.7 * len(text) and _cjk_count(text) < total * 0.3:
                tag.decompose()  # a menu or link list


def _report_body(root):
    """The element holding the report: a content-like id/class holding most of the text, else the
    tightest element that still holds nearly all of it."""
    from bs4 import Tag

    total = _cjk_count(root.get_text())
    if total == 0:
        return root
    counts = {}
    for tag in root.find_all(True):
        counts[id(tag)] = _cjk_count(tag.get_text())
    hinted = [t for t in root.find_all(True)
              if _CONTENT_ATTR.search(_attr_text(t)) and counts[id(t)] >= max(50, 0.5 * total)]
    if hinted:
        best = max(counts[id(t)] for t in hinted)
        # The innermost that loses almost nothing: a tighter box must not drop the tables beside the text.
        near = [t for t in hinted if counts[id(t)] >= 0.97 * best]
        return max(near, key=lambda t: len(list(t.parents)))
    node = root
    while True:
        children = [c for c in node.children if isinstance(c, Tag)]
        if not children:
            return node
        top = max(children, key=lambda c: counts.get(id(c), 0))
        if counts.get(id(top), 0) < 0.93 * total:
            return node
        node = top


def _render(node) -> list[str]:
    """Block elements as lines, tables as tab rows, <br> as a line break."""
    from bs4 import NavigableString, Tag

    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _WS.sub(" ", "".join(buf)).strip(" ")
        buf.clear()
        if line.strip():
            lines.append(line)

    def walk(tag) -> None:
        for child in tag.children:
            if isinstance(child, Tag):
                name = child.name
                if name == "br":
                    flush()
                elif name == "table":
                    flush()
                    grid = _html_grid(child)
                    if _is_layout_grid(grid, nested=child.find("table") is not None):
                        walk(child)
                    else:
                        caption = child.find("caption")
                        if caption is not None and caption.get_text(strip=True):
                            lines.append(_cell_text(caption))
                        lines.extend("\t".join(row) for row in grid if any(row))
                elif name == "pre":
                    flush()
                    lines.extend(line.rstrip() for line in child.get_text().splitlines() if line.strip())
                elif name in _BLOCK_TAGS:
                    flush()
                    walk(child)
                    flush()
                else:
                    walk(child)
            elif type(child) is NavigableString:
                buf.append(_WS.sub(" ", str(child)))

    try:
        walk(node)
        flush()
    except RecursionError:  # absurdly deep markup: fall back to the plain text of the body
        return [line.strip() for line in node.get_text("\n").splitlines() if line.strip()]
    return lines


def _cell_text(cell) -> str:
    """A table cell's text on one line: <br> and blocks become spaces, tabs and newlines go."""
    from bs4 import NavigableString, Tag

    parts: list[str] = []

    def walk(tag) -> None:
        for child in tag.children:
            if isinstance(child, Tag):
                if child.name == "br" or child.name in _BLOCK_TAGS:
                    parts.append(" ")
                walk(child)
                if child.name in _BLOCK_TAGS:
                    parts.append(" ")
            elif type(child) is NavigableString:
                parts.append(str(child))

    walk(cell)
    return _WS.sub(" ", "".join(parts)).strip()


def _span(value, limit: int) -> int:
    match = re.match(r"\s*(\d+)", str(value or ""))
    n = int(match.group(1)) if match else 1
    if n == 0:  # rowspan="0": to the end of the table
        return max(1, limit)
    return max(1, min(n, limit))


def _html_grid(table) -> list[list[str]]:
    """The table's rows on its grid: rowspan/colspan expanded, a merged cell's text in its first position only."""
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    occupied: dict[int, set[int]] = defaultdict(set)
    grid = []
    for r, tr in enumerate(rows):
        cells: dict[int, str] = {}
        c = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while c in occupied[r]:
                c += 1
            colspan = _span(cell.get("colspan"), 1000)
            rowspan = _span(cell.get("rowspan"), len(rows) - r)
            cells[c] = _cell_text(cell).replace("\t", " ")
            for i in range(rowspan):
                occupied[r + i].update(range(c, c + colspan))
            c += colspan
        width = max(occupied[r] | set(cells), default=-1) + 1
        grid.append([cells.get(k, "") for k in range(width)])
    return grid


def _is_layout_grid(grid: list[list[str]], nested: bool) -> bool:
    """A table used for page layout (one column, one row, nested tables, or long prose in a cell)."""
    if nested:
        return True
    filled_rows = [row for row in grid if any(row)]
    if len(filled_rows) < 2 or max((sum(1 for c in row if c) for row in filled_rows), default=0) < 2:
        return True
    return any(_cjk_count(c) > _LAYOUT_CELL_CJK for row in grid for c in row)


# ============================================================================ DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NUMERIC_CELL = re.compile(r"^\s*(?:[+-]?\d+(?:[.,]\d+)*%?|/|／|—+|-|－)\s*$")


MAX_UNPACKED_MB = 200  # a real .docx report unpacks to a few MB; more is a "zip bomb" or not a report
MAX_RATIO = 400  # text XML compresses about 10×; hundreds of times is a bomb


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a .docx whose parts would unpack to more than MAX_UNPACKED_MB, before inflating anything.
    zipfile never yields more than an entry's declared size, so the declared sizes bound what is read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReportReadError("不是有效的 Word 文档（.docx）：文件已损坏或不完整，无法打开") from exc
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > MAX_UNPACKED_MB * 1024 * 1024 or (unpacked > 20 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
        raise ReportReadError(f"Word 文档解压后约 {unpacked / 1024 / 1024:,.0f} MB（压缩比 {unpacked / packed:,.0f} 倍），"
                              f"超过上限 {MAX_UNPACKED_MB} MB，疑似“压缩炸弹”，未读取")


def docx_to_text(data: bytes) -> str:
    """A Word .docx → text: paragraphs and tables in document order, tables as tab rows."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - requirements.txt installs it
        raise ReportReadError("服务器缺少读取 Word 文档所需的组件（python-docx），请联系管理员") from exc
    if not data:
        raise ReportReadError("文件为空（0 字节）")
    if not data.startswith(b"PK"):
        if data.startswith(_OLE_MAGIC):
            raise ReportReadError(_ole_reason(data, ".docx"))
        raise ReportReadError("不是有效的 Word 文档（.docx）：文件内容不是 Word 格式（可能只是改了扩展名，或文件已损坏）")
    _check_unpacked_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as exc:
        raise ReportReadError("不是有效的 Word 文档（.docx）：文件已损坏或不完整，无法打开") from exc
    except ValueError as exc:  # python-docx: "file ... is not a Word file, content type is ..."
        raise ReportReadError("不是有效的 Word 文档（.docx）：文件内容是其他类型的 Office 文件"
                              "（如带宏的 .docm 或模板 .dotx），请另存为 .docx") from exc
    except Exception as exc:  # lxml XMLSyntaxError and the like
        raise ReportReadError("不是有效的 Word 文档（.docx）：文档内容已损坏，无法读取") from exc
    numbering = _Numbering(document)
    lines: list[str] = []
    _docx_blocks(document.element.body, numbering, lines)
    text = "\n".join(lines).strip()
    if not text:
        raise ReportReadError("Word 文档中没有文字（可能只有图片或扫描件），需要先做文字识别（OCR）")
    return text + "\n"


def _docx_blocks(container, numbering: _Numbering, lines: list[str]) -> None:
    for child in container.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            text = _docx_paragraph(child, numbering)
            lines.extend(part for part in text.split("\n") if part.strip())
        elif tag == _W + "tbl":
            _docx_table(child, numbering, lines)
        elif tag in (_W + "sdt", _W + "customXml", _W + "ins", _W + "smartTag"):
            content = child.find(_W + "sdtContent")
            _docx_blocks(content if content is not None else child, numbering, lines)


def _docx_paragraph(p, numbering: _Numbering | None) -> str:
    """A paragraph's visible text: runs, hyperlinks and inserted text; its list number if Word numbers it.

    Tabs are kept only where they separate cells of typed-in tabular data (a label and numbers);
    elsewhere (indents after "一、") they become spaces so that prose is not mistaken for a table row."""
    parts = []
    for node in p.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen"):
        if not _in_paragraph_body(node, p):
            continue
        name = node.tag[len(_W):]
        if name == "t":
            parts.append(node.text or "")
        elif name == "tab":
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        else:
            parts.append("-")
    text = "".join(parts)
    if "\t" in text:
        lines = []
        for line in text.split("\n"):
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            tabular = len(cells) >= 2 and any(_NUMERIC_CELL.match(c) for c in cells[1:])
            lines.append(line if tabular else line.replace("\t", " "))
        text = "\n".join(lines)
    label = numbering.label(p) if numbering is not None else ""
    return label + text if text.strip() and label else text


def _in_paragraph_body(node, p) -> bool:
    """True for text of p's own runs: not tab-stop definitions, text boxes or compatibility fallbacks."""
    parent = node.getparent()
    while parent is not None and parent is not p:
        tag = parent.tag
        if tag in (_W + "pPr", _W + "rPr", _W + "txbxContent", _MC_FALLBACK, _W + "del", _W + "instrText"):
            return False
        parent = parent.getparent()
    return parent is p


def _docx_table(tbl, numbering: _Numbering, lines: list[str]) -> None:
    # Decide data vs. layout on a dry run first: list numbers must be counted once, in document order.
    nested = tbl.find(f".//{_W}tc//{_W}tbl") is not None
    if _is_layout_grid(_docx_grid(tbl, None), nested):
        for tr in tbl.iterchildren(_W + "tr"):  # page layout in a table: its cells are ordinary blocks
            for tc in _row_cells(tr):
                _docx_blocks(tc, numbering, lines)
        return
    lines.extend("\t".join(row) for row in _docx_grid(tbl, numbering) if any(row))


def _docx_grid(tbl, numbering: _Numbering | None) -> list[list[str]]:
    """The table's rows on its grid: a merged cell's text in its first position, the rest empty."""
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(_W + "tr"):
        row: list[str] = []
        before = tr.find(f"{_W}trPr/{_W}gridBefore")
        if before is not None:
            row.extend([""] * _span(before.get(_W + "val"), 100))
        for tc in _row_cells(tr):
            props = tc.find(_W + "tcPr")
            span = merge = None
            if props is not None:
                span, merge = props.find(_W + "gridSpan"), props.find(_W + "vMerge")
            width = _span(span.get(_W + "val"), 100) if span is not None else 1
            continued = merge is not None and merge.get(_W + "val", "continue") != "restart"
            row.append("" if continued else _docx_cell_text(tc, numbering))
            row.extend([""] * (width - 1))
        rows.append(row)
    return rows


def _row_cells(tr):
    for child in tr.iterchildren():
        if child.tag == _W + "tc":
            yield child
        elif child.tag in (_W + "sdt", _W + "customXml"):
            content = child.find(_W + "sdtContent")
            yield from (content if content is not None else child).iterchildren(_W + "tc")


def _docx_cell_text(tc, numbering: _Numbering | None) -> str:
    parts = [_docx_paragraph(p, numbering) for p in tc.iter(_W + "p") if _in_cell_body(p, tc)]
    return _WS.sub(" ", " ".join(p for p in parts if p.strip())).strip()


def _in_cell_body(p, tc) -> bool:
    """Paragraphs of the cell (and of tables nested in it), not of its text boxes."""
    parent = p.getparent()
    while parent is not None and parent is not tc:
        if parent.tag in (_W + "txbxContent", _MC_FALLBACK):
            return False
        parent = parent.getparent()
    return True


_CN_DIGITS = "零一二三四五六七八九"


def _chinese_number(n: int) -> str:
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _CN_DIGITS[ones]
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographDigital",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese_number(n)
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return "".join("零壹贰叁肆伍陆柒捌玖"[int(d)] for d in str(n))
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        out, rest = "", n
        for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            while rest >= value:
                out, rest = out + sym, rest - value
        return out if fmt == "upperRoman" else out.lower()
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x245F + n) if 1 <= n <= 20 else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)  # decimal, decimalFullWidth, and anything unknown


class _Numbering:
    """Word's automatic paragraph numbering (“一、” “（二）” “3.”), which is not in the text itself.

    Headings numbered this way must keep their numbers: the parser finds sections by them."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstractNumId → ilvl → (fmt, text, start)
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, start overrides)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for abstract in root.iterchildren(_W + "abstractNum"):
                levels = {}
                for lvl in abstract.iterchildren(_W + "lvl"):
                    fmt, text, start = lvl.find(_W + "numFmt"), lvl.find(_W + "lvlText"), lvl.find(_W + "start")
                    levels[_int(lvl.get(_W + "ilvl"))] = (
                        fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                        text.get(_W + "val", "") if text is not None else "",
                        _int(start.get(_W + "val"), 1) if start is not None else 1)
                self.levels[abstract.get(_W + "abstractNumId", "")] = levels
            for num in root.iterchildren(_W + "num"):
                ref = num.find(_W + "abstractNumId")
                overrides = {}
                for over in num.iterchildren(_W + "lvlOverride"):
                    start = over.find(_W + "startOverride")
                    if start is not None:
                        overrides[_int(over.get(_W + "ilvl"))] = _int(start.get(_W + "val"), 1)
                if ref is not None:
                    self.nums[num.get(_W + "numId", "")] = (ref.get(_W + "val", ""), overrides)
        try:
            styles = list(document.styles.element.iterchildren(_W + "style"))
        except (KeyError, NotImplementedError, AttributeError):
            styles = []
        by_id = {s.get(_W + "styleId"): s for s in styles}
        for style_id in by_id:
            found = self._style_numpr(style_id, by_id, 0)
            if found:
                self.style_num[style_id] = found

    def _style_numpr(self, style_id, by_id, depth) -> tuple[str, int] | None:
        style = by_id.get(style_id)
        if style is None or depth > 10:
            return None
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            num_id, ilvl = num_pr.find(_W + "numId"), num_pr.find(_W + "ilvl")
            if num_id is not None:
                return num_id.get(_W + "val", ""), _int(ilvl.get(_W + "val")) if ilvl is not None else 0
        based = style.find(_W + "basedOn")
        return self._style_numpr(based.get(_W + "val"), by_id, depth + 1) if based is not None else None

    def label(self, p) -> str:
        ppr = p.find(_W + "pPr")
        if ppr is None or not self.nums:
            return ""
        num_id, ilvl = None, 0
        style = ppr.find(_W + "pStyle")
        if style is not None and style.get(_W + "val") in self.style_num:
            num_id, ilvl = self.style_num[style.get(_W + "val")]
        num_pr = ppr.find(_W + "numPr")
        if num_pr is not None:
            nid, lvl = num_pr.find(_W + "numId"), num_pr.find(_W + "ilvl")
            if nid is not None:
                num_id = nid.get(_W + "val")
            if lvl is not None:
                ilvl = _int(lvl.get(_W + "val"))
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.levels.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        starts = {lvl: overrides.get(lvl, spec[2]) for lvl, spec in levels.items()}
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else starts[ilvl]
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _start = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return ""

        def level_value(match: re.Match) -> str:
            lvl = int(match.group(1)) - 1
            value = counters.get(lvl, starts.get(lvl, 1))
            return _format_number(value, levels.get(lvl, ("decimal", "", 1))[0])

        return re.sub(r"%([1-9])", level_value, text)


def _int(value, default: int = 0) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


# ============================================================================ PDF

_SCANNED = "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）"


MAX_PDF_PAGES = 300  # annual reports run to 10–40 pages; a 2,000-page PDF would take minutes


def pdf_to_text(data: bytes) -> str:
    """A PDF → its text layer in reading order, pages joined by newlines; ruled tables as tab rows."""
    try:
        import pdfplumber
        from pdfplumber.utils.exceptions import PdfminerException
    except ImportError as exc:  # pragma: no cover - requirements.txt installs it
        raise ReportReadError("服务器缺少读取 PDF 所需的组件（pdfplumber），请联系管理员") from exc
    if not data:
        raise ReportReadError("文件为空（0 字节）")
    if b"%PDF-" not in data[:1024]:
        raise ReportReadError("不是有效的 PDF 文件：文件内容不是 PDF 格式（可能只是改了扩展名，或文件已损坏）")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        raise ReportReadError(_pdf_reason(exc.args[0] if exc.args else exc)) from exc
    except Exception as exc:
        raise ReportReadError(_pdf_reason(exc)) from exc
    pages_text = []
    with pdf:
        try:
            pages = pdf.pages
            if not pages:
                raise ReportReadError("PDF 文件中没有页面")
            for page in pages[:MAX_PDF_PAGES]:
                pages_text.append(_pdf_page_text(page))
                page.close()
            if len(pages) > MAX_PDF_PAGES:
                pages_text.append(f"（PDF 共 {len(pages)} 页，只读取了前 {MAX_PDF_PAGES} 页）")
        except ReportReadError:
            raise
        except PdfminerException as exc:
            raise ReportReadError(_pdf_reason(exc.args[0] if exc.args else exc)) from exc
        except Exception as exc:
            raise ReportReadError(_pdf_reason(exc)) from exc
    text = "\n".join(t.strip("\n") for t in pages_text)
    visible = re.sub(r"\s+", "", text)
    if len(visible) < 20 * len(pages_text):
        raise ReportReadError(_SCANNED)  # blank, or only page numbers / a watermark on scanned pages
    unmapped = sum(len(m) for m in re.findall(r"\(cid:\d+\)", visible))
    if unmapped > 0.3 * len(visible):
        raise ReportReadError("PDF 的文字层无法转换成文字（字体缺少编码表），需要先做文字识别（OCR），"
                              "或从原网页复制文字另存为 .txt")
    return text.strip("\n") + "\n"


def _pdf_reason(exc: BaseException) -> str:
    name = type(exc).__name__
    if name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning") or "password" in str(exc).lower():
        return "PDF 已加密（需要打开密码）；请去掉密码后再上传"
    return "PDF 文件已损坏或不完整，无法读取"


def _pdf_page_text(page) -> str:
    try:
        page = page.dedupe_chars()  # bold drawn twice ("政政府府") by some PDF makers
    except Exception:  # dedupe is an improvement only
        pass
    tables = _pdf_tables(page)
    if not tables:
        return page.extract_text() or ""
    boxes = [bbox for bbox, _rows in tables]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    items = [(line["top"], line["text"]) for line in page.filter(outside).extract_text_lines()]
    items += [(bbox[1], "\n".join("\t".join(row) for row in rows)) for bbox, rows in tables]
    items.sort(key=lambda item: item[0])
    return "\n".join(text for _top, text in items)


def _pdf_tables(page) -> list[tuple[tuple[float, float, float, float], list[list[str]]]]:
    """Ruled tables found by pdfplumber, as grids of cell text (merged cells: text in the first position).

    Only tables that look like data are kept: ≥ 2 rows with ≥ 2 filled cells, no cell holding prose."""
    try:
        found = page.find_tables()
    except Exception:
        return []
    out = []
    for table in found:
        try:
            raw = table.extract()
        except Exception:  # a table the finder cannot read stays plain text
            continue
        rows = [[_join_cell_lines(cell or "") for cell in row] for row in raw]
        if _is_layout_grid(rows, nested=False):
            continue
        out.append((table.bbox, [row for row in rows if any(row)]))
    return out


def _join_cell_lines(text: str) -> str:
    """A cell's wrapped lines joined: nothing between Chinese characters, a space between Latin words."""
    parts = [p.strip() for p in text.replace("\t", " ").split("\n") if p.strip()]
    out = ""
    for part in parts:
        if out and out[-1].isascii() and part[0].isascii() and out[-1].isalnum() and part[0].isalnum():
            out += " "
        out += part
    return out
