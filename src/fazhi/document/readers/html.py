"""Government web pages (.html, .htm, .shtml): the article body as lines.

Encoding: a byte-order mark, else the page's own ``<meta charset>`` (or
``http-equiv`` content type, or XML declaration), GB2312/GBK read as their
superset GB18030; a page whose declaration is wrong falls back to UTF-8 and
then to detection. The body is the first container a known publishing system
marks (TRS_Editor, #zoom, #UCAP-CONTENT, .article/.content …) that holds at
least half the text of the densest text block; otherwise that densest block.
Scripts, navigation, breadcrumbs, headers, footers, share and related-link
boxes and hidden elements are dropped. Block elements and ``<br>`` end lines;
table rows become one line with cells joined by " | ". The article title,
when it stands outside the body, is put in front of it. Locations are line
numbers of the extracted text.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from fazhi.document.decode import Decoded, decode_bytes
from fazhi.document.model import DocumentError, Extracted, Location, SourceLine
from fazhi.document.normalize import normalize_text
from fazhi.document.readers.limits import Limits

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{2,40})""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""")
_XML_DECL_TEXT = re.compile(r"^\s*<\?xml[^>]*\?>")
_BREAK_CONTROLS = re.compile("[\x0b\x0c]")
_OTHER_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
          "gb_2312-80": "gb18030", "big5": "big5hkscs", "iso-8859-1": "cp1252",
          "us-ascii": "utf-8", "ascii": "utf-8"}

# Containers that publishing systems of government sites use for the article text,
# in order of trust: (attribute, lower-case value); "tag" names an element.
_BODY_MARKS = [
    ("class", "trs_editor"), ("class", "trs_ueditor"), ("id", "zoom"), ("id", "ucap-content"),
    ("id", "fontzoom"), ("class", "pages_content"), ("class", "article-content"),
    ("class", "article_content"), ("class", "news_content"), ("class", "article-con"),
    ("id", "article"), ("class", "article"), ("tag", "article"), ("id", "content"),
    ("class", "content"), ("class", "detail"), ("tag", "main"),
]
_DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "select",
              "button", "input", "textarea", "nav", "header", "footer", "aside", "head", "svg",
              "map", "audio", "video", "canvas"}
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:share|bdshare|fenxiang|print|related|xgwz|xgxx|xglj|breadcrumb|crumb|"
    r"dqwz|location|position|sidebar|footer|header|nav|navbar|menu|toolbar|comment|pagebar|"
    r"prev|next|close)(?:$|[\s_-])", re.IGNORECASE)
_CHROME_LINE = re.compile(
    r"^[【\[]?(?:打印本页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回|收藏|纠错|"
    r"分享到.*|字体[:：].*|字号[:：].*|[【\[]?大[】\]]?[【\[]?中[】\]]?[【\[]?小[】\]]?|"
    r"扫一扫.*|上一篇.*|下一篇.*|相关(?:链接|阅读|文章|新闻|附件).*|当前位置[:：].*|"
    r"您现在的位置.*)[】\]]?$")
_BLOCK = {"p", "div", "li", "ul", "ol", "table", "tbody", "thead", "tfoot", "h1", "h2", "h3",
          "h4", "h5", "h6", "section", "article", "blockquote", "pre", "dd", "dt", "dl", "center",
          "form", "hr", "main", "figure", "figcaption", "address", "caption", "body", "html"}
_CONTAINERS = {"div", "td", "section", "article", "main", "body", "center", "form", "font"}
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _declared(data: bytes) -> str | None:
    head = data[:65536]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if not m:
        return None
    return codec_for(m.group(1).decode("ascii", "ignore"))


def codec_for(charset: str) -> str | None:
    """Python's codec for a declared charset, GB2312/GBK read as GB18030 (pages
    declared GB2312 hold GBK characters), or None when it is unknown."""
    name = charset.strip().lower()
    name = _WIDEN.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(data: bytes) -> Decoded:
    """The text of a web page, the encoding used, how many characters were replaced."""
    if data[:3] == codecs.BOM_UTF8 or data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return decode_bytes(data)
    declared = _declared(data)
    if declared is not None:
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared is not None:
        text = data.decode(declared, errors="replace")
        replaced = text.count("\ufffd")
        if replaced <= max(2, len(text) // 1000):
            return Decoded(text, declared, replaced)
    return decode_bytes(data)


def _xml_text(text: str) -> str:
    """``text`` without the control characters lxml refuses in text it is given: a
    vertical tab (Word's Shift+Enter, which pages made from Word keep) or a form
    feed becomes a line break, the others go; a browser shows none of them. They
    come in as characters and as references (``&#11;``), which the parser turns
    into them, so what goes into the tree (text that pruning moves) and what comes
    out of it (the lines, the title) is cleaned, not the page before parsing."""
    return _OTHER_CONTROLS.sub("", _BREAK_CONTROLS.sub("\n", text))


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _hidden(el: Any) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or el.get("hidden") is not None


def _prune(root: Any, chrome_classes: bool) -> None:
    """Remove elements that are never article text (in place)."""
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments, processing instructions
            continue
        if el is root:
            continue
        tag = _tag(el)
        if tag in _DROP_TAGS or _hidden(el):
            doomed.append(el)
        elif chrome_classes and _CHROME.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        # Keep the text that follows the removed element.
        tail = el.tail
        prev = el.getprevious()
        parent.remove(el)
        if tail:
            if prev is not None:
                prev.tail = _xml_text((prev.tail or "") + tail)
            else:
                parent.text = _xml_text((parent.text or "") + tail)


def _cjk(s: str) -> int:
    return len(_CJK.findall(s))


def _in_link(el: Any) -> bool:
    while el is not None:
        if _tag(el) == "a":
            return True
        el = el.getparent()
    return False


def _box(el: Any) -> Any:
    """The nearest container (see :func:`_container`) at or above ``el``, or None."""
    while el is not None and not _container(el):
        el = el.getparent()
    return el


def _densest(root: Any) -> Any:
    """The container that holds the most non-link text directly or in its paragraphs;
    or the one above it, where that one holds twice as much in all (a page that sets
    each paragraph in a <div> of its own: the article is what holds them all)."""
    scores: dict[Any, int] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or _in_link(el):
            continue
        pieces = [el.text or ""] + [c.tail or "" for c in el if _tag(c) != "a"]
        n = sum(_cjk(p) for p in pieces)
        if not n:
            continue
        box = _box(el)
        if box is not None:
            scores[box] = scores.get(box, 0) + n
    if not scores:
        return root
    totals: dict[Any, int] = {}  # a container's text and that of the containers in it
    for box, n in scores.items():
        while box is not None:
            totals[box] = totals.get(box, 0) + n
            box = _box(box.getparent())
    best = max(scores, key=lambda e: scores[e])
    while (up := _box(best.getparent())) is not None and totals[up] >= 2 * totals[best]:
        best = up
    return best


def _container(el: Any) -> bool:
    """Whether ``el`` can hold an article: a <font> only where it holds lines or
    blocks (<font id=zoom> around the article, or one left open over the paragraphs
    after it), not where it colours one paragraph's words: in a page that sets each
    paragraph in a <font> of its own, the article is what holds them all."""
    tag = _tag(el)
    if tag != "font":
        return tag in _CONTAINERS
    return any(_tag(c) in _BLOCK or _tag(c) == "br" for c in el)


def _text_len(el: Any) -> int:
    return _cjk(el.text_content())


def _marked(root: Any) -> Iterator[Any]:
    """Elements marked as article bodies, most trusted mark first."""
    for attr, value in _BODY_MARKS:
        found = []
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            if attr == "tag":
                ok = _tag(el) == value
            elif attr == "class":
                ok = value in (el.get("class") or "").lower().split()
            else:
                ok = (el.get("id") or "").lower() == value
            if ok:
                found.append(el)
        if found:
            yield max(found, key=_text_len)


def find_body(root: Any) -> Any:
    dense = _densest(root)
    floor = max(1, _text_len(dense) // 2)
    for el in _marked(root):
        if _text_len(el) >= floor:
            return el
    return dense


def _title(root: Any) -> str | None:
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() in ("articletitle", "title") and meta.get("content"):
            return " ".join(str(meta.get("content")).split())
    for h1 in root.iter("h1"):
        chrome = any(_tag(a) in ("header", "nav") or "logo" in (a.get("class") or "").lower()
                     for a in h1.iterancestors())
        t = " ".join(h1.text_content().split())
        if t and not chrome:
            return t
    for el in root.iter():
        if isinstance(el.tag, str) and "title" in (el.get("class") or "").lower().split():
            t = " ".join(el.text_content().split())
            if t:
                return t
    for t_el in root.iter("title"):
        t = (t_el.text or "").strip()
        if t:
            return re.split(r"\s*[_|｜]\s*|\s+-\s+", t)[0].strip() or None
    return None


def _lines(el: Any) -> list[str]:
    """Text of an element with block structure as line breaks."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        line = _SPACE.sub(" ", "".join(buf)).strip()
        buf.clear()
        if line:
            out.append(line)

    # depth first with a stack of its own: pages nest elements deeper than Python
    # recurses (old pages leave a <font> open in every paragraph); each element is
    # entered, then left after its children, and its tail follows it
    stack: list[tuple[Any, bool]] = [(el, False)]
    while stack:
        e, leaving = stack.pop()
        tag = _tag(e)
        if leaving:
            if tag in _BLOCK:
                flush()
        elif tag == "br":
            flush()
        elif tag == "tr":
            flush()
            cells = [" ".join(c.text_content().split()) for c in e if _tag(c) in ("td", "th")]
            row = " | ".join(c for c in cells if c)
            if row:
                out.append(row)
        elif tag == "pre":
            flush()
            out.extend(x.strip() for x in e.text_content().splitlines() if x.strip())
        else:
            if tag in _BLOCK:
                flush()
            if e.text:
                buf.append(e.text)
            stack.append((e, True))
            stack.extend((c, False) for c in reversed(e))
            continue
        if e is not el and e.tail:
            buf.append(e.tail)
    flush()
    return out


def read(data: bytes, path: str, limits: Limits) -> Extracted:
    if b"\x00" in data[:4096] and data[:2] not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        raise DocumentError("binary", "文件内容是二进制数据，不是网页（扩展名可能有误）。请确认文件格式后重试。")
    return read_page(decode_html(data), limits)


def read_page(decoded: Decoded, limits: Limits, fmt: str = "html") -> Extracted:
    """The article of a decoded page as lines (``fmt``: the format to report)."""
    text, encoding, replaced = decoded
    text = _XML_DECL_TEXT.sub("", text.lstrip("\ufeff"))
    if not text.strip():
        raise DocumentError("empty", "网页为空。请确认下载完整后重试。")
    limits.check_markup(text.count("<"))  # before the parser holds every element
    # huge_tree: elements nested up to 2048 deep rather than 256 (libxml2 drops what is
    # deeper, and old pages that leave a <font> open in every paragraph get there);
    # the markup count above bounds what the parser may hold
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentError("empty", "网页中没有可读的内容。请确认下载完整后重试。") from exc
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise DocumentError(
            "corrupt", "网页的标签嵌套过深（超过 2048 层），后面的内容无法读取，没有检查。"
            "请在浏览器中打开该网页，另存为 PDF 或把正文复制到 Word 后再检查。")
    title = _title(root)
    title = " ".join(_xml_text(title).split()) if title else None
    _prune(root, chrome_classes=False)
    body = find_body(root)
    _prune(body, chrome_classes=True)
    lines = [ln for ln in (_xml_text(x).strip() for x in _lines(body))
             if ln and not (len(ln) <= 60 and _CHROME_LINE.match(normalize_text(ln)))]
    if title:
        t = normalize_text(title)
        head = [normalize_text(ln) for ln in lines[:6]]
        if len(t) >= 6 and not any(t in h or (len(h) >= 6 and h in t) for h in head):
            lines.insert(0, title)
    limits.check_lines(len(lines))  # before a record is made for each
    return Extracted(format=fmt, encoding=encoding,
                     lines=[SourceLine(text=t, loc=Location(line=i + 1)) for i, t in enumerate(lines)],
                     warnings=["damaged_bytes"] if replaced else [])
