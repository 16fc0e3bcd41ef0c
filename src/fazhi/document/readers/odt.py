"""OpenDocument text (.odt: LibreOffice, WPS and 永中 Office on 信创 desktops; .fodt,
the same in one XML file).

The body of content.xml is read as a reader sees it: paragraphs and headings in
order, sections opened, a table row as one line with its cells joined by
" | " (as for .docx), line breaks, tabs and runs of spaces written out.
Left out: headers and footers (styles.xml), footnotes and endnotes, comments,
frames (text boxes, pictures), tracked deletions (kept apart in
``text:tracked-changes``), tables of contents and indexes (generated from the
headings) and text whose style hides it.

A list item's number is not in the text: it comes from the list style (one
per list, inherited by the lists nested in it) and the counters of the list
it continues (``text:continue-list``, ``text:continue-numbering``), with
``text:start-value`` overriding; a numbered heading outside a list takes its
number from the document's outline style. Numbers are written out as
LibreOffice shows them (一、 （一） 1.), as the .docx reader does. Locations
are paragraph numbers, as for .docx.

Specification: OASIS OpenDocument 1.3, part 3, sections 5.1–5.3 (paragraphs,
headings, lists), 9 (tables), 16.30–16.32 (list and outline styles).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from fazhi.document.model import Extracted
from fazhi.document.readers.blocks import paragraph_lines
from fazhi.document.readers.limits import Limits
from fazhi.document.readers.numbering import format_number
from fazhi.document.readers.package import Package, corrupt, parse_xml

WHAT = "OpenDocument 文档（.odt）"
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


# Elements whose text is not the body's.
_SKIPPED = {_q(n) for n in (
    "text:note", "office:annotation", "office:annotation-end", "text:tracked-changes",
    "text:table-of-content", "text:alphabetical-index", "text:illustration-index",
    "text:table-index", "text:object-index", "text:user-index", "text:bibliography",
    "text:sequence-decls", "text:variable-decls", "text:user-field-decls",
    "text:hidden-paragraph", "text:hidden-text")} | {
    f"{{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}}{n}" for n in ("frame", "a", "g",
                                                                          "custom-shape")}
# ODF number formats → numbering.py's names.
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman",
            "I": "upperRoman", "一, 二, 三, ...": "chineseCounting",
            "壹, 贰, 叁, ...": "chineseLegalSimplified", "①, ②, ③, ...": "decimalEnclosedCircle",
            "甲, 乙, 丙, ...": "ideographTraditional", "子, 丑, 寅, ...": "ideographZodiac",
            "〇, 一, 二, 三, ...": "ideographDigital", "": "none"}
_MAX_LEVEL = 10


@dataclass(frozen=True)
class _Level:
    fmt: str  # numbering.py's name; "bullet" or "none" draw no number
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    shown: int = 1  # text:display-levels: how many levels the label shows (1.2.3)


def _levels(style: Any) -> dict[int, _Level]:
    """A list or outline style's levels."""
    out: dict[int, _Level] = {}
    for el in style:
        if not isinstance(el.tag, str):
            continue
        level = _int(el.get(_q("text:level")), 1)
        if el.tag == _q("text:list-level-style-number") or el.tag == _q("text:outline-level-style"):
            fmt = el.get(_q("style:num-format"), "")
            out[level] = _Level(fmt=_FORMATS.get(fmt, "decimal" if fmt else "none"),
                                prefix=el.get(_q("style:num-prefix"), ""),
                                suffix=el.get(_q("style:num-suffix"), ""),
                                start=_int(el.get(_q("text:start-value")), 1),
                                shown=_int(el.get(_q("text:display-levels")), 1))
        elif el.tag in (_q("text:list-level-style-bullet"), _q("text:list-level-style-image")):
            out[level] = _Level(fmt="bullet")
    return out


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class _Chain:
    """The counters of a list and the lists that continue it."""

    levels: dict[int, _Level]
    counts: dict[int, int] = field(default_factory=dict)

    def label(self, level: int, start: int | None) -> str:
        """Advance ``level`` (from 1) and return its label; ``start``: text:start-value."""
        lvl = self.levels.get(level)
        if lvl is None or lvl.fmt in ("bullet", "none") and not lvl.prefix + lvl.suffix:
            return ""
        if start is not None:
            self.counts[level] = start
        elif level in self.counts:
            self.counts[level] += 1
        else:
            self.counts[level] = lvl.start
        for deeper in [k for k in self.counts if k > level]:
            del self.counts[deeper]
        if lvl.fmt in ("bullet", "none"):
            return lvl.prefix + lvl.suffix
        numbers = []
        for k in range(max(1, level - lvl.shown + 1), level + 1):
            ref = self.levels.get(k)
            value = self.counts.get(k, ref.start if ref else 1)
            numbers.append(format_number(value, ref.fmt if ref else "decimal"))
        return lvl.prefix + ".".join(numbers) + lvl.suffix


class _Reader:
    def __init__(self, list_styles: dict[str, dict[int, _Level]],
                 outline: dict[int, _Level], hidden: set[str]) -> None:
        self.list_styles = list_styles
        self.hidden = hidden  # automatic text styles that hide their text
        self.outline = _Chain(outline)
        self.chains: dict[str, _Chain] = {}  # by the xml:id of the list that began them
        self.last_of_style: dict[str, _Chain] = {}

    def blocks(self, container: Any, in_list: bool = False) -> Iterator[str]:
        """Paragraphs and table rows under ``container``; ``in_list``: the list numbers
        them, not the outline style."""
        for el in container:
            tag = el.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag in (_q("text:p"), _q("text:h")):
                label = ""
                if tag == _q("text:h") and not in_list and \
                        el.get(_q("text:is-list-header")) != "true":
                    label = self.outline.label(_int(el.get(_q("text:outline-level")), 1), None) \
                        if self.outline.levels else ""
                text = self.inline(el)
                yield label + text if text.strip() else ""
            elif tag == _q("text:list"):
                yield from self.items(el, None, 1)
            elif tag == _q("table:table"):
                yield from self.table(el)
            else:  # text:section, text:soft-page-break …: look inside
                yield from self.blocks(el)

    def items(self, el: Any, chain: _Chain | None, level: int) -> Iterator[str]:
        style = el.get(_q("text:style-name"))
        if chain is None:  # a list at the top: its own counters, or those it continues
            levels = self.list_styles.get(style or "", {})
            cont = el.get(_q("text:continue-list"))
            if cont is not None and cont in self.chains:
                chain = self.chains[cont]
            elif el.get(_q("text:continue-numbering")) == "true" and style in self.last_of_style:
                chain = self.last_of_style[style or ""]
            else:
                chain = _Chain(levels)
            own_id = el.get(_q("xml:id"))
            if own_id is not None:
                self.chains[own_id] = chain
            if style is not None:
                self.last_of_style[style] = chain
        for item in el:
            if item.tag not in (_q("text:list-item"), _q("text:list-header")):
                continue
            numbered = item.tag == _q("text:list-item")
            start = _int(item.get(_q("text:start-value")), 0) or None
            first = True
            for child in item:
                if not isinstance(child.tag, str) or child.tag in _SKIPPED:
                    continue
                if child.tag == _q("text:list"):
                    if level < _MAX_LEVEL:
                        yield from self.items(child, chain, level + 1)
                    continue
                label = chain.label(level, start) if numbered and first else ""
                first = False
                for block in self.blocks([child], in_list=True):
                    yield label + block if block.strip() else block
                    label = ""

    def table(self, tbl: Any) -> Iterator[str]:
        for row in tbl.iter(_q("table:table-row")):
            cells = []
            for cell in row:
                if cell.tag != _q("table:table-cell"):
                    continue
                text = " ".join(" ".join(b.split()) for b in self.blocks(cell) if b.strip())
                if text:
                    cells.append(text)
            yield " | ".join(cells)

    def inline(self, el: Any) -> str:
        parts: list[str] = []
        self._inline(el, parts)
        return "".join(parts)

    def _inline(self, el: Any, parts: list[str]) -> None:
        if el.text:
            parts.append(el.text)
        for c in el:
            tag = c.tag
            if isinstance(tag, str) and tag not in _SKIPPED:
                if tag == _q("text:s"):
                    parts.append(" " * max(_int(c.get(_q("text:c")), 1), 1))
                elif tag == _q("text:tab"):
                    parts.append("\t")
                elif tag == _q("text:line-break"):
                    parts.append("\n")
                elif c.get(_q("text:style-name")) not in self.hidden:
                    self._inline(c, parts)
            if c.tail:
                parts.append(c.tail)


def _styles(*roots: Any) -> tuple[dict[str, dict[int, _Level]], dict[int, _Level], set[str]]:
    """List styles by name, the outline style's levels, and the text styles that hide."""
    lists: dict[str, dict[int, _Level]] = {}
    outline: dict[int, _Level] = {}
    hidden: set[str] = set()
    for root in roots:
        if root is None:
            continue
        for st in root.iter(_q("text:list-style")):
            name = st.get(_q("style:name"))
            if name is not None:
                lists[name] = _levels(st)
        for st in root.iter(_q("text:outline-style")):
            outline = _levels(st)
        for st in root.iter(_q("style:style")):
            props = st.find(_q("style:text-properties"))
            if props is not None and props.get(_q("text:display")) == "none":
                hidden.add(st.get(_q("style:name"), ""))
    return lists, outline, hidden


def read(data: bytes, path: str, limits: Limits) -> Extracted:
    if path.lower().endswith(".fodt"):
        return _read_flat(data, limits)
    pkg = Package(data, WHAT, limits)
    content = pkg.find("content.xml")
    if content is None:
        raise corrupt(WHAT, "压缩包中没有正文 content.xml，可能不是 OpenDocument 文档")
    root = pkg.xml(content)
    text = _office_text(root)
    if text is None:
        raise corrupt(WHAT, "content.xml 中没有 office:text 正文")
    styles_name = pkg.find("styles.xml")
    return _extracted(text, _Reader(*_styles(pkg.xml(styles_name) if styles_name else None, root)), limits)


WHAT_FLAT = "OpenDocument 单文件文档（.fodt）"


def _read_flat(data: bytes, limits: Limits) -> Extracted:
    """A flat OpenDocument text (.fodt, LibreOffice's "Flat XML" save): the package's
    parts in one XML file, ``office:document`` holding the styles and the body."""
    limits.check_markup(data.count(b"<"))  # before the parser holds every element
    root = parse_xml(data, WHAT_FLAT, "文件")
    text = _office_text(root)
    if text is None:
        raise corrupt(WHAT_FLAT, "文件中没有 office:text 正文，可能不是 OpenDocument 文本文档")
    return _extracted(text, _Reader(*_styles(root)), limits)


def _office_text(root: Any) -> Any | None:
    """The ``office:body/office:text`` of a document's root, or None."""
    body = root.find(_q("office:body"))
    return body.find(_q("office:text")) if body is not None else None


def _extracted(text: Any, reader: _Reader, limits: Limits) -> Extracted:
    return Extracted(format="odt", encoding=None, lines=paragraph_lines(reader.blocks(text), limits))
