"""Paragraph properties of Word 97-2003 documents: tables and automatic numbering.

A paragraph's properties are a list of property modifiers (sprms) stored on
its own (PapxFkp pages, found through PlcBtePapx) over those of its style (the
style sheet, STSH, each style over its base style). Of them the .doc reader
needs four: whether the paragraph is in a table cell (sprmPFInTable), whether
it is a table row's end mark (sprmPFTtp), and the list and level that number
it (sprmPIlfo, sprmPIlvl). The lists (PlfLst, with their levels' number format,
start and text) and their instances (PlfLfo, with start overrides) become a
:class:`~fazhi.document.readers.numbering.Numbering`, the counters that the
.docx reader uses, so a heading numbered automatically gets its 一、 or （一）
written out as Word shows it.

A structure that the FIB declares but that does not fit its stream raises
:class:`Damaged` (the reader reports the file as corrupt, as it does a .docx
whose numbering part is broken: without its numbers, the outline would be
misjudged); property modifiers past the end of their list are ignored.

Character properties are read for one thing: which stretches are a tracked
deletion or hidden text (:func:`unseen`), which Word does not show and the
.docx reader leaves out too.

Specification: [MS-DOC] 2.2.5 (sprms), 2.9.271 (STSH), 2.9.209 (PlcBtePapx),
2.9.175 (PapxFkp), 2.9.147 (LSTF), 2.9.150 (LVL), 2.9.131 (LFO), 2.9.132 (LFOData),
2.9.208 (PlcBteChpx), 2.9.32 (ChpxFkp).
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterator
from dataclasses import dataclass, replace

from fazhi.document.readers.numbering import Instance, Level, Numbering

_SPRM_DELETED = 0x0800  # sprmCFRMarkDel: a tracked deletion
_SPRM_VANISH = 0x083C  # sprmCFVanish: hidden text
_TOGGLE_ON = (0x01, 0x81)  # a character toggle's operand: on, or the opposite of the style's (off)
_SPRM_IN_TABLE = 0x2416  # sprmPFInTable
_SPRM_TTP = 0x2417  # sprmPFTtp
_SPRM_ILVL = 0x260A  # sprmPIlvl
_SPRM_ILFO = 0x460B  # sprmPIlfo
_SPRM_CHG_TABS = 0xC615  # sprmPChgTabs: its own operand length rules
_SPRM_DEF_TABLE = 0xD608  # sprmTDefTable: a two-byte operand length
_SPRA_SIZE = (1, 1, 2, 4, 2, 2, 0, 3)  # operand bytes by the sprm's top three bits; 6: variable
_FKP_SIZE = 512
_NO_BASE = 0x0FFF
_STYLE_DEPTH = 11  # base styles followed at most (a loop in a broken file ends)
_LSTF_SIZE = 28
_LVLF_SIZE = 28
_LFO_SIZE = 16

# Word's number formats (nfc, MS-OSHARED MSONFC) by number, as numbering.py names them.
_NFC = ("decimal upperRoman lowerRoman upperLetter lowerLetter ordinal cardinalText ordinalText "
        "hex chicago ideographDigital japaneseCounting aiueo iroha decimalFullWidth "
        "decimalHalfWidth japaneseLegal japaneseDigitalTenThousand decimalEnclosedCircle "
        "decimalFullWidth2 aiueoFullWidth irohaFullWidth decimalZero bullet ganada chosung "
        "decimalEnclosedFullstop decimalEnclosedParen decimalEnclosedCircleChinese "
        "ideographEnclosedCircle ideographTraditional ideographZodiac ideographZodiacTraditional "
        "taiwaneseCounting ideographLegalTraditional taiwaneseCountingThousand taiwaneseDigital "
        "chineseCounting chineseLegalSimplified chineseCountingThousand").split()
_NO_NUMBER = 0xFF  # nfc "none"
_FOLLOW = ("tab", "space", "nothing")  # ixchFollow


class Damaged(ValueError):
    """A declared structure that does not fit its stream; the message names it for
    auditors (样式, 段落格式, 自动编号)."""


@dataclass(frozen=True)
class Pap:
    """The paragraph properties the reader uses; ``ilfo``/``ilvl`` None where not set."""

    in_table: bool = False
    row_end: bool = False
    ilfo: int | None = None  # the list instance, from 1 (0: none)
    ilvl: int | None = None  # the level, 0 to 8


def sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(sprm, operand) for each property modifier of ``grpprl``, up to the first that
    runs past its end."""
    pos = 0
    n = len(grpprl)
    while pos + 2 <= n:
        sprm = struct.unpack_from("<H", grpprl, pos)[0]
        pos += 2
        size = _SPRA_SIZE[sprm >> 13]
        if sprm == _SPRM_DEF_TABLE:
            size = struct.unpack_from("<H", grpprl, pos)[0] + 1 if pos + 2 <= n else n
        elif sprm == _SPRM_CHG_TABS and pos < n and grpprl[pos] == 255:
            dels = grpprl[pos + 1] if pos + 1 < n else 0
            adds_at = pos + 2 + 4 * dels
            size = 2 + 4 * dels + 1 + 3 * (grpprl[adds_at] if adds_at < n else 0)
        elif size == 0:  # the operand's first byte is its length
            size = 1 + (grpprl[pos] if pos < n else n)
        if pos + size > n:
            return
        yield sprm, grpprl[pos:pos + size]
        pos += size


def apply(grpprl: bytes, base: Pap) -> Pap:
    """``base`` with what ``grpprl`` sets."""
    out = base
    for sprm, op in sprms(grpprl):
        if sprm == _SPRM_IN_TABLE:
            out = replace(out, in_table=op[0] != 0)
        elif sprm == _SPRM_TTP:
            out = replace(out, row_end=op[0] != 0)
        elif sprm == _SPRM_ILVL:
            out = replace(out, ilvl=op[0])
        elif sprm == _SPRM_ILFO:
            out = replace(out, ilfo=struct.unpack_from("<h", op)[0])
    return out


def styles(table: bytes, at: tuple[int, int]) -> dict[int, Pap]:
    """The paragraph properties of each paragraph style (STSH), by its index (istd),
    each over its base style's."""
    fc, lcb = at
    if not lcb:
        return {}
    stsh = table[fc:fc + lcb]
    if fc + lcb > len(table) or len(stsh) < 6:
        raise Damaged("样式")
    cb_stshi = struct.unpack_from("<H", stsh, 0)[0]
    cstd, cb_base = struct.unpack_from("<HH", stsh, 2)
    own: dict[int, tuple[int, bytes]] = {}  # istd → (base istd, its paragraph sprms)
    pos = 2 + cb_stshi
    for istd in range(cstd):
        if pos + 2 > len(stsh):
            raise Damaged("样式")
        cb = struct.unpack_from("<H", stsh, pos)[0]
        std = stsh[pos + 2:pos + 2 + cb]
        pos += 2 + cb
        if cb < cb_base or cb_base < 10:
            continue
        stk_base, cupx_next = struct.unpack_from("<HH", std, 2)
        if stk_base & 0x000F != 1 or cupx_next & 0x000F < 1:  # not a paragraph style
            continue
        name_at = cb_base
        if name_at + 2 > len(std):
            continue
        cch = struct.unpack_from("<H", std, name_at)[0]
        upx = name_at + 2 + 2 * cch + 2  # the name and its terminating zero
        if upx + 2 > len(std):
            continue
        cb_upx = struct.unpack_from("<H", std, upx)[0]
        papx = std[upx + 2:upx + 2 + cb_upx]
        own[istd] = (stk_base >> 4, papx[2:])  # UpxPapx: istd, then the sprms

    out: dict[int, Pap] = {}

    def resolve(istd: int, depth: int) -> Pap:
        if istd in out:
            return out[istd]
        if istd not in own or depth > _STYLE_DEPTH:
            return Pap()
        base, grpprl = own[istd]
        pap = apply(grpprl, resolve(base, depth + 1) if base != _NO_BASE else Pap())
        out[istd] = pap
        return pap

    for istd in own:
        resolve(istd, 0)
    return out


class Paragraphs:
    """Paragraph properties by where a paragraph's end mark is stored in the
    WordDocument stream (PlcBtePapx → PapxFkp pages → PapxInFkp, over the style's)."""

    def __init__(self, word: bytes, table: bytes, at: tuple[int, int],
                 style_paps: dict[int, Pap]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.paps: list[Pap] = []
        self.style_paps = style_paps
        for fkp in _pages(word, table, at, "段落格式"):
            self._page(fkp)

    def _page(self, fkp: bytes) -> None:
        crun = fkp[_FKP_SIZE - 1]
        if 4 * (crun + 1) + 13 * crun > _FKP_SIZE - 1:
            raise Damaged("段落格式")
        fcs = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
        for i in range(crun):
            off = fkp[4 * (crun + 1) + 13 * i] * 2
            pap = self.style_paps.get(0, Pap())  # no PapxInFkp: the Normal style
            if off:
                cb = fkp[off]
                start, size = (off + 1, 2 * cb - 1) if cb else (off + 2, 2 * fkp[off + 1])
                papx = fkp[start:min(start + size, _FKP_SIZE)]
                if len(papx) >= 2:
                    istd = struct.unpack_from("<H", papx, 0)[0]
                    pap = apply(papx[2:], self.style_paps.get(istd, Pap()))
            self.starts.append(fcs[i])
            self.ends.append(fcs[i + 1])
            self.paps.append(pap)

    def at(self, fc: int) -> Pap:
        """The properties of the paragraph whose end mark is at ``fc``."""
        i = bisect.bisect_right(self.starts, fc) - 1
        if i >= 0 and fc < self.ends[i]:
            return self.paps[i]
        return Pap()


def _pages(word: bytes, table: bytes, at: tuple[int, int], what: str) -> Iterator[bytes]:
    """The 512-byte pages a PlcBtePapx or PlcBteChpx at ``at`` points to."""
    fc, lcb = at
    if not lcb:
        return
    plc = table[fc:fc + lcb]
    n = (len(plc) - 4) // 8
    if fc + lcb > len(table) or n < 1 or len(plc) != n * 8 + 4:
        raise Damaged(what)
    for i in range(n):
        pn = struct.unpack_from("<I", plc, (n + 1) * 4 + i * 4)[0] & 0x3FFFFF
        page = word[pn * _FKP_SIZE:(pn + 1) * _FKP_SIZE]
        crun = page[_FKP_SIZE - 1] if len(page) == _FKP_SIZE else 0
        if not crun or 4 * (crun + 1) + crun > _FKP_SIZE - 1:
            raise Damaged(what)
        yield page


def unseen(word: bytes, table: bytes, at: tuple[int, int]) -> list[tuple[int, int]]:
    """The stretches of the WordDocument stream (start, end) whose characters are a
    tracked deletion or hidden, in order, from the character properties' pages
    (PlcBteChpx → ChpxFkp → Chpx)."""
    out: list[tuple[int, int]] = []
    for fkp in _pages(word, table, at, "文字格式"):
        crun = fkp[_FKP_SIZE - 1]
        fcs = struct.unpack_from(f"<{crun + 1}I", fkp, 0)
        for i in range(crun):
            off = fkp[4 * (crun + 1) + i] * 2
            if not off or off >= _FKP_SIZE - 1:
                continue
            grpprl = fkp[off + 1:off + 1 + fkp[off]]
            if any(sprm in (_SPRM_DELETED, _SPRM_VANISH) and op[0] in _TOGGLE_ON
                   for sprm, op in sprms(grpprl)):
                if out and out[-1][1] == fcs[i]:
                    out[-1] = (out[-1][0], fcs[i + 1])
                else:
                    out.append((fcs[i], fcs[i + 1]))
    out.sort()
    return out


def _level(data: bytes, pos: int) -> tuple[Level, int] | None:
    """The LVL at ``pos``, and where the next one starts."""
    if pos + _LVLF_SIZE > len(data):
        return None
    start, nfc, flags = struct.unpack_from("<iBB", data, pos)
    follow = data[pos + 15]
    cb_chpx, cb_papx, restart_lim = data[pos + 24], data[pos + 25], data[pos + 26]
    at = pos + _LVLF_SIZE + cb_papx + cb_chpx
    if at + 2 > len(data):
        return None
    cch = struct.unpack_from("<H", data, at)[0]
    raw = data[at + 2:at + 2 + 2 * cch]
    if len(raw) < 2 * cch:
        return None
    text = "".join(f"%{ord(ch) + 1}" if ord(ch) < 9 else ch
                   for ch in raw.decode("utf-16-le", "replace"))
    fmt = "none" if nfc == _NO_NUMBER else (_NFC[nfc] if nfc < len(_NFC) else "decimal")
    no_restart = bool(flags & 0x08)
    return Level(start=start, fmt=fmt, text=text,
                 restart=restart_lim if no_restart else None, legal=bool(flags & 0x04),
                 suffix=_FOLLOW[follow] if follow < len(_FOLLOW) else "tab"), at + 2 + 2 * cch


def numbering(table: bytes, lists: tuple[int, int], instances: tuple[int, int]) -> Numbering:
    """The document's lists (PlfLst and the LVLs after it) and list instances (PlfLfo)
    as counters that number paragraphs by (ilfo, ilvl): ``Numbering.label(str(ilfo), ilvl)``."""
    out = Numbering(None)
    fc, lcb = lists
    if not lcb:
        return out
    if fc + 2 > len(table):
        raise Damaged("自动编号")
    count = struct.unpack_from("<h", table, fc)[0]
    lstfs = []
    pos = fc + 2
    for _ in range(max(count, 0)):
        if pos + _LSTF_SIZE > len(table):
            raise Damaged("自动编号")
        lsid = struct.unpack_from("<i", table, pos)[0]
        simple = bool(table[pos + 26] & 0x01)
        lstfs.append((lsid, simple))
        pos += _LSTF_SIZE
    for lsid, simple in lstfs:  # the LVLs follow the PlfLst, list by list
        levels: dict[int, Level] = {}
        for ilvl in range(1 if simple else 9):
            got = _level(table, pos)
            if got is None:
                raise Damaged("自动编号")
            levels[ilvl], pos = got
        out.abstracts[str(lsid)] = levels
    fc, lcb = instances
    if not lcb:
        return out
    lfo_mac = struct.unpack_from("<i", table, fc)[0] if fc + 4 <= len(table) else -1
    if lfo_mac < 0 or fc + 4 + lfo_mac * _LFO_SIZE > len(table):
        raise Damaged("自动编号")
    data_at = fc + 4 + lfo_mac * _LFO_SIZE
    for i in range(lfo_mac):
        at = fc + 4 + i * _LFO_SIZE
        lsid = struct.unpack_from("<i", table, at)[0]
        clfolvl = table[at + 12]
        inst = Instance(abstract=str(lsid))
        data_at += 4  # LFOData.cp
        for _ in range(clfolvl):
            if data_at + 8 > len(table):
                raise Damaged("自动编号")
            start, flags = struct.unpack_from("<iI", table, data_at)
            data_at += 8
            ilvl = flags & 0x0F
            if flags & 0x10:  # fStartAt
                inst.overrides[ilvl] = start
            if flags & 0x20:  # fFormatting: a whole LVL follows, replacing the list's
                got = _level(table, data_at)
                if got is None:
                    raise Damaged("自动编号")
                inst.levels[ilvl], data_at = got
        out.instances[str(i + 1)] = inst
    return out
