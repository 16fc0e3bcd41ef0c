"""OFD (.ofd, GB/T 33190): the text of each page's content, in reading order.

An OFD file is a zip package: OFD.xml names each document's root
(DocBody/DocRoot → Document.xml), which lists its pages (Pages/Page/@BaseLoc
→ Content.xml). A page's text is in TextObject elements (Boundary "x y w h"
in millimetres, optional CTM, Size) holding TextCode pieces (X, Y baseline
relative to the boundary, DeltaX glyph advances). Pieces are grouped into
lines by baseline and ordered top to bottom, left to right; templates,
annotations and signatures are left out. Then :mod:`layout` removes page
numbers and running headers/footers and marks wrapped lines. A page whose
content file is damaged is left out with the warning ``damaged_pages``.
Locations are page and line.
"""

from __future__ import annotations

import posixpath
from typing import Any

from fazhi.document.model import DocumentError, Extracted
from fazhi.document.readers.layout import group_lines, strip_furniture, to_source_lines
from fazhi.document.readers.limits import Limits
from fazhi.document.readers.package import Package, corrupt
from fazhi.document.readers.pdf import no_text_layer

WHAT = "OFD 文件"

Piece = tuple[float, float, float, float, str]


def _local(el: Any) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _children(el: Any, name: str) -> list[Any]:
    return [c for c in el if _local(c) == name]


def _descendants(el: Any, name: str) -> list[Any]:
    return [c for c in el.iter() if _local(c) == name]


def _floats(s: str | None) -> list[float]:
    out: list[float] = []
    for tok in (s or "").replace(",", " ").split():
        try:
            out.append(float(tok))
        except ValueError:
            return []
    return out


def _deltas(s: str | None) -> list[float]:
    """DeltaX/DeltaY: numbers, where "g N v" stands for N copies of v."""
    toks = (s or "").split()
    out: list[float] = []
    i = 0
    try:
        while i < len(toks) and len(out) < 100_000:
            if toks[i] == "g" and i + 2 < len(toks):
                out.extend([float(toks[i + 2])] * min(int(toks[i + 1]), 100_000))
                i += 3
            else:
                out.append(float(toks[i]))
                i += 1
    except ValueError:
        return []
    return out


def _width(ch: str, size: float) -> float:
    return size if ord(ch) > 0x2E7F else size * 0.5


def _text_pieces(obj: Any) -> list[Piece]:
    box = _floats(obj.get("Boundary"))
    if len(box) < 2:
        return []
    bx, by = box[0], box[1]
    size_v = _floats(obj.get("Size"))
    size = size_v[0] if size_v and size_v[0] > 0 else 3.5
    ctm = _floats(obj.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    scale = abs(a * d - b * c) ** 0.5 or 1.0
    pieces: list[Piece] = []
    x = y = 0.0
    for code in _children(obj, "TextCode"):
        text = code.text or ""
        xs = _floats(code.get("X"))
        ys = _floats(code.get("Y"))
        x = xs[0] if xs else x
        y = ys[0] if ys else y
        if not text:
            continue
        dx = _deltas(code.get("DeltaX"))
        gaps = len(text) - 1
        advance = sum(dx[:gaps]) + sum(_width(ch, size) for ch in text[len(dx):gaps])
        end = x + advance + _width(text[-1], size)
        x0, base = bx + a * x + c * y + e, by + b * x + d * y + f
        x1 = bx + a * end + c * y + e
        h = size * scale
        pieces.append((min(x0, x1), max(x0, x1), base - 0.8 * h, base + 0.2 * h, text))
        x = end
    return pieces


def _page_pieces(root: Any) -> list[Piece]:
    pieces: list[Piece] = []
    for content in _children(root, "Content"):
        for obj in _descendants(content, "TextObject"):
            if (obj.get("Visible") or "true").lower() == "false":
                continue
            pieces.extend(_text_pieces(obj))
    return pieces


def _resolve(pkg: Package, base_dir: str, loc: str) -> str | None:
    loc = (loc or "").strip().replace("\\", "/")
    if not loc:
        return None
    if loc.startswith("/"):
        return pkg.find(loc)
    return pkg.find(posixpath.normpath(posixpath.join(base_dir, loc))) or pkg.find(loc)


def read(data: bytes, path: str, limits: Limits) -> Extracted:
    pkg = Package(data, WHAT, limits)
    root_name = pkg.find("OFD.xml")
    if root_name is None:
        raise corrupt(WHAT, "压缩包中没有 OFD.xml，可能不是 OFD 文件")
    root = pkg.xml(root_name)
    pages: list[list[Any]] = []
    damaged = 0  # pages whose file in the package is damaged: left empty, as in a PDF
    found_doc = False
    for body in _descendants(root, "DocBody"):
        for doc_root in _children(body, "DocRoot"):
            doc_name = _resolve(pkg, "", doc_root.text or "")
            if doc_name is None:
                continue
            found_doc = True
            doc = pkg.xml(doc_name)
            doc_dir = posixpath.dirname(doc_name)
            for pages_el in _children(doc, "Pages"):
                for page in _children(pages_el, "Page"):
                    page_name = _resolve(pkg, doc_dir, page.get("BaseLoc") or "")
                    if page_name is None:
                        raise corrupt(WHAT, f"页面 {page.get('BaseLoc') or '?'} 缺失")
                    try:
                        page_xml = pkg.xml(page_name)
                    except DocumentError as exc:
                        if exc.code != "corrupt":
                            raise
                        damaged += 1
                        pages.append([])
                        continue
                    pages.append(group_lines(_page_pieces(page_xml)))
    if not found_doc:
        raise corrupt(WHAT, "OFD.xml 没有指向任何文档（DocRoot）")
    if not any(pages):
        if damaged:
            raise corrupt(WHAT, f"{damaged} 页的内容无法解析，其余页没有文字")
        raise no_text_layer(WHAT)
    return Extracted(format="ofd", encoding=None, lines=to_source_lines(strip_furniture(pages)),
                     warnings=["damaged_pages"] if damaged else [], laid_out=True)
