"""Rich Text Format (.rtf, and the .doc files some systems save as RTF).

RTF is plain ASCII: groups in braces, control words (``\\par``, ``\\u8220``,
``\\'b7``) and text. Chinese text comes as ``\\'hh`` bytes in the document's
or the current font's code page (``\\ansicpg936``, ``\\fcharset134``: GBK) or
as ``\\uN`` with ``\\ucN`` fallback characters after it, which are skipped.

Read as a reader of the document sees it: the body's paragraphs; a table row
(``\\intbl`` … ``\\cell`` … ``\\row``) as one line with its cells joined by
" | ", as for .docx; ``\\line`` breaks a line. Left out: the font, colour and
style tables, document information, pictures and objects, headers, footers,
footnotes and comments, fields' instructions (their results stay), hidden
text (``\\v``) and tracked deletions (``\\deleted``), and every group marked
``{\\*\\…}`` that the reader does not know. Word writes the number of an
automatically numbered paragraph into a ``{\\listtext …}`` group for readers
that do not number lists themselves; that text is read, so headings keep
their 一、 and （一）. Locations are paragraph numbers, as for .docx.

Specification: Microsoft's Rich Text Format (RTF) Specification, version 1.9.1.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

from fazhi.document.model import DocumentError, Extracted, SourceLine
from fazhi.document.readers.blocks import paragraph_lines
from fazhi.document.readers.limits import Limits
from fazhi.document.readers.package import corrupt

WHAT = "RTF 文档（.rtf）"
_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+"
                    rb"|([^\\{}\r\n]+)", re.S)
# Groups whose text is not the document's body.
_SKIPPED = frozenset(
    "fonttbl colortbl stylesheet listtable listoverridetable revtbl rsidtbl info pict object "
    "header headerl headerr headerf footer footerl footerr footerf footnote annotation "
    "atnid atnauthor fldinst themedata colorschememapping latentstyles datastore "
    "xmlnstbl generator pgdsctbl shp shpinst shprslt nonshppict mmathPr filetbl "
    "userprops bkmkstart bkmkend docvar template pnseclvl".split())
_SPECIAL = {"emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’", "ldblquote": "“",
            "rdblquote": "”", "bullet": "•", "emspace": " ", "enspace": " ", "qmspace": " "}
_SYMBOLS = {b"~": " ", b"_": "-", b"-": "", b"{": "{", b"}": "}", b"\\": "\\"}
# \fcharsetN → code page (the ones Chinese reports use; others fall back on \ansicpg)
_CHARSETS = {134: "gb18030", 136: "cp950", 128: "cp932", 129: "cp949"}
_MAX_DEPTH = 4096
_PARAGRAPH, _LINE, _CELL, _ROW = "\x00P", "\x00L", "\x00C", "\x00R"


@dataclass(frozen=True)
class _State:
    """What a group sets, undone at its closing brace."""

    skip: bool = False  # the group's text is not the body's
    unseen: bool = False  # hidden text or a tracked deletion
    in_table: bool = False  # the paragraph is in a table cell (\intbl, until \pard)
    uc: int = 1  # fallback characters after \uN
    codec: str = "cp1252"


def _codec(name: str) -> str:
    """The Python codec of a Windows code page; GBK's superset GB18030 for GBK (a
    report may hold characters that only GB18030 encodes)."""
    try:
        found = codecs.lookup(name).name
    except LookupError:
        return "cp1252"
    return "gb18030" if found in ("gbk", "gb2312") else found


def read(data: bytes, path: str, limits: Limits) -> Extracted:
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise corrupt(WHAT, "文件开头不是 RTF 格式")
    return Extracted(format="rtf", encoding=None, lines=_lines(_Parser().run(data), limits))


class _Parser:
    """One pass over the tokens, keeping the body's text and structure marks
    (:data:`_PARAGRAPH` …) in order."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.stack: list[_State] = []
        self.state = _State()
        self.fonts: dict[int, str] = {}  # \fN → its code page, from the font table
        self.font_table: int | None = None  # the font table's depth while in it
        self.font_no: int | None = None
        self.default = "cp1252"
        self.pending = bytearray()  # \'hh bytes, decoded together (two make a GBK character)
        self.skip_chars = 0  # fallback characters still to skip after \uN
        self.first_in_group = False

    def emit(self, text: str) -> None:
        if text and not self.state.skip and not self.state.unseen:
            self.out.append(text)

    def flush(self) -> None:
        if self.pending:
            self.emit(self.pending.decode(self.state.codec, "replace"))
            self.pending.clear()

    def run(self, data: bytes) -> list[str]:
        pos, n = 0, len(data)
        while pos < n:
            m = _TOKEN.match(data, pos)
            if m is None:  # a lone backslash at the end
                break
            pos = m.end()
            word, arg, hexbyte, symbol, brace, text = m.groups()
            if hexbyte is not None:
                if self.skip_chars:
                    self.skip_chars -= 1
                else:
                    self.pending.append(int(hexbyte, 16))
                self.first_in_group = False
                continue
            self.flush()
            if brace is not None:
                self.brace(brace == b"{")
            elif text is not None:
                self.text(text.decode(self.state.codec, "replace"))
            elif symbol is not None:
                if symbol == b"*":  # {\*\dest …}: a destination a reader may ignore
                    self.state = replace(self.state, skip=True)
                elif symbol in (b"\r", b"\n"):  # a backslash before a line end is \par
                    self.control("par", None)
                else:
                    self.text(_SYMBOLS.get(symbol, ""))
            elif word is not None:
                skip = self.control(word.decode("ascii"), int(arg) if arg is not None else None)
                pos += skip
        self.flush()
        return self.out

    def brace(self, opening: bool) -> None:
        self.skip_chars = 0
        if opening:
            if len(self.stack) >= _MAX_DEPTH:
                raise corrupt(WHAT, "分组嵌套过深")
            self.stack.append(self.state)
            self.first_in_group = True
            return
        if self.font_table is not None and len(self.stack) <= self.font_table:
            self.font_table = None
        self.state = self.stack.pop() if self.stack else _State()
        self.first_in_group = False

    def text(self, chunk: str) -> None:
        if self.skip_chars:
            cut = min(self.skip_chars, len(chunk))
            chunk, self.skip_chars = chunk[cut:], self.skip_chars - cut
        self.emit(chunk)
        self.first_in_group = False

    def control(self, name: str, value: int | None) -> int:
        """Apply control word ``name``; return the raw bytes to pass over (\binN)."""
        st = self.state
        if self.first_in_group and name in _SKIPPED:
            st = self.state = replace(st, skip=True)
            if name == "fonttbl":
                self.font_table = len(self.stack)
        self.first_in_group = False
        if name == "ansicpg" and value:
            self.default = _codec(f"cp{value}")
            self.state = replace(st, codec=self.default)
        elif name == "f" and value is not None:
            if self.font_table is not None:
                self.font_no = value
            else:
                self.state = replace(st, codec=self.fonts.get(value, self.default))
        elif name == "fcharset" and self.font_table is not None and self.font_no is not None:
            self.fonts[self.font_no] = _CHARSETS.get(value or 0, self.default) if value \
                else self.default
        elif name == "u" and value is not None:
            self.emit(chr(value % 65536))
            self.skip_chars = st.uc
        elif name == "uc" and value is not None:
            self.state = replace(st, uc=max(value, 0))
        elif name in ("v", "deleted"):
            self.state = replace(st, unseen=value != 0)
        elif name == "plain":
            self.state = replace(st, unseen=False)
        elif name == "intbl":
            self.state = replace(st, in_table=True)
        elif name == "pard":
            self.state = replace(st, in_table=False)
        elif name == "bin" and value:
            return max(value, 0)
        elif name in ("par", "sect", "page"):
            self.emit(" " if st.in_table else _PARAGRAPH)  # a cell's paragraphs stay in it
        elif name == "line":
            self.emit(_LINE)
        elif name == "tab":
            self.emit("\t")
        elif name in ("cell", "nestcell"):
            self.emit(_CELL)
        elif name in ("row", "nestrow"):
            self.emit(_ROW)
        elif name in _SPECIAL:
            self.emit(_SPECIAL[name])
        return 0


def _lines(pieces: list[str], limits: Limits) -> list[SourceLine]:
    """Paragraphs and table rows from the body's text and marks."""
    blocks: list[str] = []
    cells: list[str] = []
    current: list[str] = []
    for piece in pieces:
        if piece == _PARAGRAPH:
            if cells:  # a row that never got its end mark
                blocks.append(" | ".join(c for c in cells if c))
                cells = []
            blocks.append("".join(current))
            current = []
        elif piece == _LINE:
            current.append("\n")
        elif piece == _CELL:
            cells.append(" ".join("".join(current).split()))
            current = []
        elif piece == _ROW:
            blocks.append(" | ".join(c for c in cells if c))
            cells, current = [], []
        else:
            current.append(piece)
    blocks.append(" | ".join(c for c in [*cells, "".join(current)] if c.strip()))
    lines = paragraph_lines(blocks, limits)
    if not lines:
        raise DocumentError("empty", "RTF 文档中没有正文文字。请确认文件完整后重试。")
    return lines
