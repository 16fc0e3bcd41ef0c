"""Word 97-2003 documents (.doc, and .wps files saved in the same binary format).

The file is an OLE2 compound file (read with olefile); its ``WordDocument``
stream starts with the File Information Block (FIB), which says where the
piece table lies in the table stream (``0Table`` or ``1Table``). The piece
table maps the document's characters to stretches of the ``WordDocument``
stream, stored as UTF-16 or, for "compressed" pieces, one byte per character
(Windows-1252). Only the main document text is read (the FIB's ``ccpText``
characters): headers, footers, footnotes, comments and text boxes come after
it and are left out, and so are tracked deletions and hidden text. Fields
keep their shown result, not their code; paragraph marks, line, page and
column breaks end a line.

The numbers that Word's automatic numbering draws before a paragraph are not
in the text stream: they come from the paragraph's properties (its own or its
style's list and level) and the document's list definitions, which
:mod:`docprops` reads, and are written out as Word shows them (一、 （一） 1.),
as the .docx reader does; without them the outline would be misjudged. Table
rows are one line each, their cells joined by " | ". Locations are paragraph
numbers (non-empty paragraphs and table rows, counted from 1), as for .docx.

Specification: [MS-DOC], Word (.doc) Binary File Format, sections 2.4.1
(retrieving text), 2.5.1 (FIB), 2.9.38 (Clx), 2.8.35 (PlcPcd), 2.9.177 (Pcd).
"""

from __future__ import annotations

import bisect
import io
import os
import re
import struct
from dataclasses import dataclass

import olefile

from fazhi.document.model import DocumentError, Extracted
from fazhi.document.readers import encrypted, not_word
from fazhi.document.readers.blocks import paragraph_lines
from fazhi.document.readers.docprops import Damaged, Pap, Paragraphs, numbering, styles, unseen
from fazhi.document.readers.limits import Limits
from fazhi.document.readers.numbering import Numbering
from fazhi.document.readers.package import corrupt

WHAT = "Word 97-2003 文档（.doc）"
_W_IDENT = 0xA5EC  # the FIB's magic number
_NFIB_WORD97 = 0x00C1  # the FIB's version from Word 97 on; Word 6.0/95 wrote less
_F_ENCRYPTED = 0x0100
_F_WHICH_TABLE = 0x0200  # set: the table stream is 1Table, else 0Table
# fc/lcb pairs of FibRgFcLcb97, by their place: the style sheet, the character and
# paragraph properties' pages, the piece table, the lists and the list instances
_STSH_PAIR = 1
_BTE_CHPX_PAIR = 12
_BTE_PAPX_PAIR = 13
_CLX_PAIR = 33
_LST_PAIR = 73
_LFO_PAIR = 74
_PCD_SIZE = 8
_COMPRESSED = 0x40000000

# Characters that mark structure in the text stream.
_PARAGRAPH_END, _CELL_END = "\r", "\x07"
_FIELD_BEGIN, _FIELD_SEP, _FIELD_END = "\x13", "\x14", "\x15"
_HIDDEN = "\x00"  # what a field's code is masked with before the text is split
_DROP = str.maketrans({
    _HIDDEN: None, "\x01": None, "\x02": None, "\x03": None, "\x04": None, "\x05": None,
    "\x08": None,
    "\x1f": None,  # an optional hyphen, shown only at a line end
    "\x1e": "-",  # a non-breaking hyphen
    "\xa0": " ",
    # line, page and column breaks inside a paragraph
    "\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\u2028": "\n", "\u2029": "\n",
})


@dataclass(frozen=True)
class _Fib:
    ccp_text: int  # characters of the main document
    table: str  # the table stream's name
    clx: tuple[int, int]  # the piece table's offset and size in the table stream
    stsh: tuple[int, int]  # the style sheet, likewise (0, 0 where the FIB has none)
    bte_chpx: tuple[int, int]  # the character properties' page table
    bte_papx: tuple[int, int]  # the paragraph properties' page table
    lists: tuple[int, int]  # PlfLst
    instances: tuple[int, int]  # PlfLfo


@dataclass(frozen=True)
class _Piece:
    first: int  # its first character
    after: int  # the character after its last
    offset: int  # where its bytes start in the WordDocument stream
    compressed: bool  # one byte a character (Windows-1252), else UTF-16

    def fc(self, cp: int) -> int:
        """Where character ``cp`` of this piece is in the WordDocument stream."""
        return self.offset + (cp - self.first) * (1 if self.compressed else 2)


def _fib(word: bytes) -> _Fib:
    if len(word) < 0x22 or struct.unpack_from("<H", word, 0)[0] != _W_IDENT:
        raise corrupt(WHAT, "文件头不是 Word 文档的格式")
    n_fib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 0x0A)[0]
    if n_fib < _NFIB_WORD97:
        raise DocumentError("unsupported_format",
                            "这是 Word 6.0/95 格式的旧文档，无法直接读取。"
                            "请用 WPS 或 Word 打开后“另存为” .docx，再重新检查。")
    if flags & _F_ENCRYPTED:
        raise encrypted()
    pos = 0x20
    csw = struct.unpack_from("<H", word, pos)[0]
    pos += 2 + csw * 2
    cslw = struct.unpack_from("<H", word, pos)[0]
    lw = pos + 2
    pos = lw + cslw * 4
    cb_fc_lcb = struct.unpack_from("<H", word, pos)[0]
    blob = pos + 2
    if cslw < 4 or cb_fc_lcb <= _CLX_PAIR or len(word) < blob + (_CLX_PAIR + 1) * 8:
        raise corrupt(WHAT, "文件头不完整")

    def pair(i: int) -> tuple[int, int]:
        if i >= cb_fc_lcb or len(word) < blob + (i + 1) * 8:
            return 0, 0
        fc, lcb = struct.unpack_from("<II", word, blob + i * 8)
        return fc, lcb

    return _Fib(ccp_text=struct.unpack_from("<i", word, lw + 12)[0],
                table="1Table" if flags & _F_WHICH_TABLE else "0Table",
                clx=pair(_CLX_PAIR), stsh=pair(_STSH_PAIR), bte_chpx=pair(_BTE_CHPX_PAIR),
                bte_papx=pair(_BTE_PAPX_PAIR),
                lists=pair(_LST_PAIR), instances=pair(_LFO_PAIR))


def _pieces(clx: bytes) -> list[_Piece]:
    """The piece table, in character order."""
    pos = 0
    while pos < len(clx) and clx[pos] == 0x01:  # Prc: property modifiers, skipped
        if pos + 3 > len(clx):
            break
        pos += 3 + struct.unpack_from("<h", clx, pos + 1)[0]
    if pos + 5 > len(clx) or clx[pos] != 0x02:
        raise corrupt(WHAT, "找不到正文的分段表")
    lcb = struct.unpack_from("<I", clx, pos + 1)[0]
    plc = clx[pos + 5:pos + 5 + lcb]
    n = (len(plc) - 4) // (4 + _PCD_SIZE)
    if n < 1 or len(plc) != n * (4 + _PCD_SIZE) + 4:
        raise corrupt(WHAT, "正文的分段表不完整")
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    out = []
    for i in range(n):
        fc = struct.unpack_from("<I", plc, (n + 1) * 4 + i * _PCD_SIZE + 2)[0]
        compressed = bool(fc & _COMPRESSED)
        offset = (fc & ~_COMPRESSED) // 2 if compressed else fc
        out.append(_Piece(cps[i], cps[i + 1], offset, compressed))
    return out


def _text(word: bytes, pieces: list[_Piece], end: int) -> str:
    """The characters [0, ``end``) of the document, one string character per
    character of the document (a surrogate pair stays two until the end)."""
    parts = []
    for piece in pieces:
        if piece.first >= end:
            break
        count = min(piece.after, end) - piece.first
        if count <= 0:
            continue
        size = count if piece.compressed else count * 2
        raw = word[piece.offset:piece.offset + size]
        if len(raw) < size:
            raise corrupt(WHAT, "正文超出了文件的范围")
        if piece.compressed:
            parts.append(raw.decode("cp1252", "replace"))
            continue
        chars = raw.decode("utf-16-le", "surrogatepass")
        if len(chars) != count:  # a surrogate pair became one character: keep them two
            chars = "".join(map(chr, struct.unpack(f"<{count}H", raw)))
        parts.append(chars)
    return "".join(parts)


def _mask_field_codes(text: str) -> str:
    """``text`` with every field's code and marks replaced by :data:`_HIDDEN` (its
    shown result stays; fields nest), one character for one, so that positions
    keep matching the document's."""
    if _FIELD_BEGIN not in text:
        return text
    hidden: list[tuple[int, int]] = []  # [start, end) stretches to mask
    open_fields: list[list[int]] = []  # per open field: [its begin, its separator or -1]
    for m in _FIELD_MARKS.finditer(text):
        at, mark = m.start(), m.group()
        if mark == _FIELD_BEGIN:
            open_fields.append([at, -1])
        elif not open_fields:
            continue  # a stray separator or end
        elif mark == _FIELD_SEP:
            open_fields[-1][1] = at
        else:
            begin, sep = open_fields.pop()
            hidden += [(begin, at + 1)] if sep < 0 else [(begin, sep + 1), (at, at + 1)]
    for begin, sep in open_fields:  # never closed (a damaged file): to its paragraph's end
        if sep < 0:
            stop = _PARAGRAPH_MARK.search(text, begin)
            hidden.append((begin, stop.start() if stop else len(text)))
        else:
            hidden.append((begin, sep + 1))
    out = list(text)
    for start, end in hidden:
        out[start:end] = _UNMARKED.sub(_HIDDEN, text[start:end])
    return "".join(out)


def _mask_unseen(text: str, pieces: list[_Piece], ranges: list[tuple[int, int]]) -> str:
    """``text`` with the characters stored in ``ranges`` of the WordDocument stream
    (tracked deletions, hidden text) replaced by :data:`_HIDDEN`, paragraph and cell
    marks kept."""
    if not ranges:
        return text
    out = list(text)
    for piece in pieces:
        width = 1 if piece.compressed else 2
        first, after = piece.offset, piece.fc(min(piece.after, len(text)))
        for start, end in ranges[max(bisect.bisect_left(ranges, (first, -1)) - 1, 0):]:
            if start >= after:
                break
            if end <= first:
                continue
            a = piece.first + (max(start, first) - first) // width
            b = piece.first + (min(end, after) - first + width - 1) // width
            for i in range(max(a, 0), min(b, len(out))):
                if out[i] not in (_PARAGRAPH_END, _CELL_END):
                    out[i] = _HIDDEN
    return "".join(out)


def _clean(text: str) -> str:
    """A stretch of text as a line shows it: marks dropped, surrogate pairs joined."""
    text = text.translate(_DROP)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def _blocks(text: str, pieces: list[_Piece], paragraphs: Paragraphs,
            numbers: Numbering) -> list[str]:
    """The document's paragraphs (each with its automatic number written out) and
    table rows (cells joined by " | ", a cell's paragraphs by spaces), in order;
    line breaks inside stay as newlines."""
    out: list[str] = []
    cells: list[str] = []  # the current row's finished cells
    cell: list[str] = []  # the current cell's paragraphs
    k = 0  # the piece holding the current position
    start = 0
    for m in _PARAGRAPH_MARK.finditer(text):
        end = m.start()
        while k + 1 < len(pieces) and pieces[k].after <= end:
            k += 1
        pap = paragraphs.at(pieces[k].fc(end)) if pieces else Pap()
        body = _clean(text[start:end])
        start = m.end()
        if pap.ilfo and pap.ilfo > 0:  # an empty numbered paragraph still counts
            label = numbers.label(str(pap.ilfo), pap.ilvl or 0)
            body = label + body if body.strip() else body
        if pap.row_end:
            out.append(" | ".join(c for c in cells if c))
            cells, cell = [], []
        elif pap.in_table or m.group() == _CELL_END:
            cell.append(" ".join(body.split()))
            if m.group() == _CELL_END:
                cells.append(" ".join(p for p in cell if p))
                cell = []
        else:
            if cells or cell:  # a row that never got its end mark
                out.append(" | ".join(c for c in [*cells, " ".join(cell)] if c))
                cells, cell = [], []
            out.append(body)
    rest = [*cells, " ".join(cell), _clean(text[start:])]
    out.append(" | ".join(c for c in rest if c.strip()))
    return out


_PARAGRAPH_MARK = re.compile("[\r\x07]")
_FIELD_MARKS = re.compile("[\x13\x14\x15]")
_UNMARKED = re.compile("[^\r\x07]")  # what a masked stretch hides: all but paragraph marks


def read(data: bytes, path: str, limits: Limits) -> Extracted:
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, struct.error, IndexError, TypeError) as exc:
        raise corrupt(WHAT, "不是有效的 OLE 复合文档") from exc
    try:
        if not ole.exists("WordDocument"):
            raise not_word(os.path.splitext(path)[1].lower())
        word = _stream(ole, "WordDocument", limits)
        fib = _fib(word)
        if not ole.exists(fib.table):
            raise corrupt(WHAT, f"文件中缺少 {fib.table}")
        table = _stream(ole, fib.table, limits)
    except (struct.error, IndexError) as exc:  # a FIB that does not fit its stream
        raise corrupt(WHAT, "文件头不完整") from exc
    finally:
        ole.close()
    try:
        blocks = _document(word, table, fib)
    except Damaged as exc:
        raise corrupt(WHAT, f"{exc}部分损坏") from exc
    except (struct.error, IndexError) as exc:  # a structure that does not fit its stream
        raise corrupt(WHAT, "格式信息不完整") from exc
    return Extracted(format="doc", encoding=None, lines=paragraph_lines(blocks, limits))


def _document(word: bytes, table: bytes, fib: _Fib) -> list[str]:
    """The main document's paragraphs and table rows (see :func:`_blocks`)."""
    fc, lcb = fib.clx
    if lcb == 0 or fc + lcb > len(table):
        raise corrupt(WHAT, "找不到正文的分段表")
    pieces = _pieces(table[fc:fc + lcb])
    text = _text(word, pieces, fib.ccp_text)
    text = _mask_field_codes(_mask_unseen(text, pieces, unseen(word, table, fib.bte_chpx)))
    paragraphs = Paragraphs(word, table, fib.bte_papx, styles(table, fib.stsh))
    return _blocks(text, pieces, paragraphs, numbering(table, fib.lists, fib.instances))


def _stream(ole: olefile.OleFileIO, name: str, limits: Limits) -> bytes:
    """A stream's bytes; one that claims more than the unpacked-size limit is corrupt
    (a stream lies within its file, and the file is within the size limit)."""
    try:
        if ole.get_size(name) > limits.max_unpacked:
            raise corrupt(WHAT, f"{name} 的长度超出文件本身")
        with ole.openstream(name) as f:
            data: bytes = f.read()
    except (OSError, ValueError, struct.error, IndexError, TypeError) as exc:
        raise corrupt(WHAT, f"{name} 无法读取") from exc
    return data
