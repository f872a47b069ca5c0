"""Web pages (.html, .htm, saved fragments): the report's body as lines, page chrome dropped, tables as tab rows."""

from __future__ import annotations

import codecs
import re
from collections import defaultdict

from parsing.errors import EMPTY_FILE, ReportReadError
from parsing.readers.common import WS, cell_span, cjk_count, is_layout_grid
from parsing.readers.text import decode_bytes

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
        raise ReportReadError(EMPTY_FILE)
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
                out.append(WS.sub(" ", meta["content"]).strip())
    if soup.title and soup.title.string:
        whole = WS.sub(" ", soup.title.string).strip()
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
        text = WS.sub(" ", tag.get_text(" ")).strip()
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
    total = max(1, cjk_count(root.get_text()))
    for tag in root.find_all(True):
        if _gone(tag) or tag.name in ("body", "html"):
            continue
        attrs = _attr_text(tag)
        # Never remove what holds much of the page's Chinese text: a "print-area" class on the body is not chrome.
        if attrs and _CHROME_ATTR.search(attrs) and cjk_count(tag.get_text()) < total * 0.3:
            tag.decompose()
    for string in root.find_all(string=re.compile(f"{_CHROME_TEXT.pattern}|{_CHROME_PREFIX.pattern[1:]}", re.I)):
        block = string.parent
        while block is not None and block.name not in _BLOCK_TAGS:
            block = block.parent
        if block is None or _gone(block) or block.name in ("body", "html", "table", "tbody", "tr"):
            continue
        text = _compact(block.get_text())
        if cjk_count(text) <= _CHROME_TEXT_MAX_CJK and (_CHROME_TEXT.search(text) or _CHROME_PREFIX.match(text)):
            block.decompose()
    for tag in root.find_all(["ul", "ol", "dl", "div", "p", "table", "section", "span"]):
        if _gone(tag):
            continue
        links = tag.find_all("a")
        if len(links) >= 3:
            text = _compact(tag.get_text())
            linked = sum(len(_compact(a.get_text())) for a in links)
            if text and linked >= 0.7 * len(text) and cjk_count(text) < total * 0.3:
                tag.decompose()  # a menu or link list


def _report_body(root):
    """The element holding the report: a content-like id/class holding most of the text, else the
    tightest element that still holds nearly all of it."""
    from bs4 import Tag

    total = cjk_count(root.get_text())
    if total == 0:
        return root
    counts = {}
    for tag in root.find_all(True):
        counts[id(tag)] = cjk_count(tag.get_text())
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
        line = WS.sub(" ", "".join(buf)).strip(" ")
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
                    if is_layout_grid(grid, nested=child.find("table") is not None):
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
                buf.append(WS.sub(" ", str(child)))

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
    return WS.sub(" ", "".join(parts)).strip()




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
            colspan = cell_span(cell.get("colspan"), 1000)
            rowspan = cell_span(cell.get("rowspan"), len(rows) - r)
            cells[c] = _cell_text(cell).replace("\t", " ")
            for i in range(rowspan):
                occupied[r + i].update(range(c, c + colspan))
            c += colspan
        width = max(occupied[r] | set(cells), default=-1) + 1
        grid.append([cells.get(k, "") for k in range(width)])
    return grid




# ============================================================================ DOCX
