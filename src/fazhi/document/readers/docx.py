"""Word documents (.docx): body paragraphs in order, tables as text rows.

Only the main document part is read: headers, footers, footnotes, comments,
text boxes and deleted revisions are left out, hidden text too. A paragraph
with automatic numbering gets its number written out as Word shows it
(一、 （一） 1. …, see :mod:`numbering`), so the outline sees the same
headings as in the text copy. Locations are paragraph numbers (non-empty
paragraphs and table rows, counted from 1).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from fazhi.document.model import Extracted
from fazhi.document.readers.blocks import paragraph_lines
from fazhi.document.readers.limits import Limits
from fazhi.document.readers.numbering import Numbering, W
from fazhi.document.readers.package import Package, corrupt

WHAT = "Word 文档（.docx）"
_R = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_SKIP_RUN_PARENTS = {W + "del", W + "moveFrom", W + "pPr", W + "rPr"}
_CONTAINERS = {W + "hyperlink", W + "ins", W + "smartTag", W + "customXml", W + "fldSimple",
               W + "moveTo", W + "dir", W + "bdo"}


@dataclass
class _Style:
    based_on: str | None
    num_id: str | None
    ilvl: int | None


def _on(el: Any) -> bool:
    return el is not None and el.get(W + "val", "true") not in ("0", "false", "off")


def _rels(pkg: Package, part: str) -> dict[str, str]:
    """Relationship type (last path segment) → target part name, for ``part``."""
    folder, name = posixpath.split(part)
    rel_name = pkg.find(posixpath.join(folder, "_rels", name + ".rels"))
    out: dict[str, str] = {}
    if rel_name is None:
        return out
    for rel in pkg.xml(rel_name).iter(_R + "Relationship"):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(folder, target))
        out.setdefault(kind, path)
    return out


def _styles(root: Any | None) -> tuple[dict[str, _Style], str | None, dict[str, str]]:
    styles: dict[str, _Style] = {}
    numbering_styles: dict[str, str] = {}
    default: str | None = None
    if root is None:
        return styles, default, numbering_styles
    for s in root.iter(W + "style"):
        sid = s.get(W + "styleId")
        if sid is None:
            continue
        ppr = s.find(W + "pPr")
        num = ppr.find(W + "numPr") if ppr is not None else None
        num_id = ilvl = None
        if num is not None:
            n = num.find(W + "numId")
            i = num.find(W + "ilvl")
            num_id = n.get(W + "val") if n is not None else None
            ilvl = _safe_int(i.get(W + "val")) if i is not None else None
        based = s.find(W + "basedOn")
        styles[sid] = _Style(based.get(W + "val") if based is not None else None, num_id, ilvl)
        kind = s.get(W + "type")
        if kind == "numbering" and num_id:
            numbering_styles[sid] = num_id
        if kind == "paragraph" and s.get(W + "default") in ("1", "true", "on"):
            default = sid
    return styles, default, numbering_styles


def _safe_int(s: str | None) -> int | None:
    try:
        return int(s) if s is not None else None
    except ValueError:
        return None


class _Reader:
    def __init__(self, numbering: Numbering, styles: dict[str, _Style],
                 default_style: str | None) -> None:
        self.numbering = numbering
        self.styles = styles
        self.default_style = default_style

    # -- numbering ------------------------------------------------------------
    def _style_num(self, style_id: str | None) -> tuple[str | None, int | None]:
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            s = self.styles.get(style_id)
            if s is None:
                break
            if num_id is None and s.num_id is not None:
                num_id = s.num_id
            if ilvl is None and s.ilvl is not None:
                ilvl = s.ilvl
            style_id = s.based_on
        return num_id, ilvl

    def label(self, p: Any) -> str:
        ppr = p.find(W + "pPr")
        style_id = self.default_style
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            if ps is not None and ps.get(W + "val"):
                style_id = ps.get(W + "val")
            num = ppr.find(W + "numPr")
            if num is not None:
                n = num.find(W + "numId")
                i = num.find(W + "ilvl")
                num_id = n.get(W + "val") if n is not None else None
                ilvl = _safe_int(i.get(W + "val")) if i is not None else None
        if num_id is None or ilvl is None:
            s_num, s_ilvl = self._style_num(style_id)
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
        if num_id is None:
            return ""
        return self.numbering.label(num_id, ilvl or 0)

    # -- text -------------------------------------------------------------------
    def paragraph(self, p: Any) -> str:
        parts: list[str] = []
        self._inline(p, parts)
        text = "".join(parts)
        if not text.strip():
            # An empty numbered paragraph still advances Word's counter.
            self.label(p)
            return ""
        return self.label(p) + text

    def _inline(self, el: Any, parts: list[str]) -> None:
        for c in el:
            tag = c.tag
            if tag == W + "r":
                self._run(c, parts)
            elif tag in _CONTAINERS:
                self._inline(c, parts)
            elif tag == W + "sdt":
                content = c.find(W + "sdtContent")
                if content is not None:
                    self._inline(content, parts)

    def _run(self, r: Any, parts: list[str]) -> None:
        rpr = r.find(W + "rPr")
        if rpr is not None and (_on(rpr.find(W + "vanish")) or _on(rpr.find(W + "webHidden"))):
            return
        for c in r:
            tag = c.tag
            if tag == W + "t":
                parts.append(c.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "sym":
                code = c.get(W + "char") or ""
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    continue
                if not 0xE000 <= ord(ch) <= 0xF8FF and ch.isprintable():
                    parts.append(ch)

    def blocks(self, el: Any) -> Iterator[str]:
        """Text blocks (paragraphs and table rows) under a block container, in order."""
        for c in el:
            tag = c.tag
            if tag == W + "p":
                yield self.paragraph(c)
            elif tag == W + "tbl":
                yield from self.table(c)
            elif tag == W + "sdt":
                content = c.find(W + "sdtContent")
                if content is not None:
                    yield from self.blocks(content)
            elif tag in (W + "customXml", W + "ins", W + "moveTo"):
                yield from self.blocks(c)

    def table(self, tbl: Any) -> Iterator[str]:
        for tr in _rows(tbl):
            cells = []
            for tc in _cells(tr):
                text = " ".join(" ".join(b.split()) for b in self.blocks(tc) if b.strip())
                if text:
                    cells.append(text)
            yield " | ".join(cells)


def _rows(tbl: Any) -> Iterator[Any]:
    for c in tbl:
        if c.tag == W + "tr":
            yield c
        elif c.tag in (W + "sdt", W + "customXml"):
            inner = c.find(W + "sdtContent") if c.tag == W + "sdt" else c
            if inner is not None:
                yield from _rows(inner)


def _cells(tr: Any) -> Iterator[Any]:
    for c in tr:
        if c.tag == W + "tc":
            yield c
        elif c.tag in (W + "sdt", W + "customXml"):
            inner = c.find(W + "sdtContent") if c.tag == W + "sdt" else c
            if inner is not None:
                yield from _cells(inner)


def read(data: bytes, path: str, limits: Limits) -> Extracted:
    pkg = Package(data, WHAT, limits)
    main = _rels(pkg, "").get("officeDocument") if pkg.find("_rels/.rels") else None
    main_name = pkg.find(main or "word/document.xml") or pkg.find("word/document.xml")
    if main_name is None:
        raise corrupt(WHAT, "压缩包中没有正文 word/document.xml，可能不是 Word 文档")
    doc = pkg.xml(main_name)
    body = doc.find(W + "body")
    if body is None:
        raise corrupt(WHAT, "正文中没有 w:body")
    rels = _rels(pkg, main_name)
    styles_name = pkg.find(rels.get("styles", "word/styles.xml"))
    numbering_name = pkg.find(rels.get("numbering", "word/numbering.xml"))
    styles, default, numbering_styles = _styles(pkg.xml(styles_name) if styles_name else None)
    numbering = Numbering(pkg.xml(numbering_name) if numbering_name else None, numbering_styles)
    reader = _Reader(numbering, styles, default)
    return Extracted(format="docx", encoding=None, lines=paragraph_lines(reader.blocks(body), limits))
