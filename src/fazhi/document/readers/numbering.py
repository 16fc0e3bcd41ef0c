"""Word automatic numbering (word/numbering.xml) rendered as a reader sees it.

A numbered paragraph stores no number in its text: it points (w:numPr, on the
paragraph or on its style) to a numbering instance (w:num) whose abstract
definition (w:abstractNum) gives, per level, the start value, the number format
(decimal, chineseCounting …) and the level text ("%1、", "（%2）"). Counters
run per abstract definition; a level restarts when a higher level is used
(unless w:lvlRestart says otherwise), and an instance with w:startOverride
starts its level afresh the first time it is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def cn_counting(n: int, digits: str = _CN_DIGITS, ten: str = "十", hundred: str = "百",
                thousand: str = "千", legal: bool = False) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 101 → 一百零一 (legal: 壹拾壹)."""
    if n <= 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    units = [(1000, thousand), (100, hundred), (10, ten)]
    out: list[str] = []
    rest = n
    zero = False
    for value, name in units:
        d, rest = divmod(rest, value)
        if d:
            if zero:
                out.append(digits[0])
                zero = False
            if not (value == 10 and d == 1 and not out and not legal):
                out.append(digits[d])
            out.append(name)
        elif out:
            zero = True
    if rest:
        if zero:
            out.append(digits[0])
        out.append(digits[rest])
    return "".join(out)


def _letters(n: int) -> str:
    if n <= 0:
        return str(n)
    # Word repeats the letter: 27 → aa, 28 → bb.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _enclosed(n: int, base: int, count: int) -> str:
    return chr(base + n - 1) if 1 <= n <= count else str(n)


def format_number(n: int, fmt: str) -> str:
    """The number ``n`` in Word's number format ``fmt``."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting"):
        return cn_counting(n)
    if fmt == "chineseLegalSimplified":
        return cn_counting(n, _CN_LEGAL, "拾", "佰", "仟", legal=True)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(c)] for c in str(max(n, 0)))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _enclosed(n, 0x2460, 20)
    if fmt == "decimalEnclosedParen":
        return _enclosed(n, 0x2474, 20)
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(n, 0x2488, 20)
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart (0 = never); None = after any higher level
    legal: bool = False
    suffix: str = "tab"


@dataclass
class Instance:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)  # ilvl → startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # ilvl → w:lvlOverride/w:lvl


def _val(el: Any, tag: str) -> str | None:
    child = el.find(W + tag) if el is not None else None
    if child is None:
        return None
    v = child.get(W + "val")
    return str(v) if v is not None else None


def _int(s: str | None, default: int) -> int:
    try:
        return int(s) if s is not None else default
    except ValueError:
        return default


def _level(el: Any) -> Level:
    restart = _val(el, "lvlRestart")
    legal = el.find(W + "isLgl")
    return Level(start=_int(_val(el, "start"), 1), fmt=_val(el, "numFmt") or "decimal",
                 text=_val(el, "lvlText") or "",
                 restart=_int(restart, 1) if restart is not None else None,
                 legal=legal is not None and legal.get(W + "val", "1") not in ("0", "false"),
                 suffix=_val(el, "suff") or "tab")


_PLACEHOLDER = re.compile(r"%([1-9])")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


class Numbering:
    """The numbering definitions of a document and the running counters."""

    def __init__(self, root: Any | None, style_num: dict[str, str] | None = None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.style_links: dict[str, str] = {}  # abstractNumId → numbering style id
        self.instances: dict[str, Instance] = {}
        self.style_num = style_num or {}  # numbering style id → numId
        self.counters: dict[str, dict[int, int]] = {}
        self.seen: set[str] = set()
        if root is None:
            return
        for a in root.iter(W + "abstractNum"):
            aid = a.get(W + "abstractNumId")
            if aid is None:
                continue
            levels = {}
            for lvl in a.iter(W + "lvl"):
                levels[_int(lvl.get(W + "ilvl"), 0)] = _level(lvl)
            self.abstracts[aid] = levels
            link = _val(a, "numStyleLink")
            if link:
                self.style_links[aid] = link
        for n in root.iter(W + "num"):
            nid = n.get(W + "numId")
            aid = _val(n, "abstractNumId")
            if nid is None or aid is None:
                continue
            inst = Instance(abstract=aid)
            for ov in n.iter(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                so = _val(ov, "startOverride")
                if so is not None:
                    inst.overrides[ilvl] = _int(so, 1)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    inst.levels[ilvl] = _level(lvl)
            self.instances[nid] = inst

    def _resolve(self, num_id: str) -> tuple[str, Instance] | None:
        inst = self.instances.get(num_id)
        if inst is None:
            return None
        aid = inst.abstract
        # An abstract definition that only links to a numbering style: follow the style once.
        if aid in self.style_links and not self.abstracts.get(aid):
            target = self.instances.get(self.style_num.get(self.style_links[aid], ""))
            if target is not None:
                aid = target.abstract
        return aid, inst

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counters for a paragraph numbered (num_id, ilvl); return its label."""
        if num_id in ("", "0") or not 0 <= ilvl <= 8:
            return ""
        resolved = self._resolve(num_id)
        if resolved is None:
            return ""
        aid, inst = resolved
        levels = dict(self.abstracts.get(aid, {}))
        levels.update(inst.levels)
        lvl = levels.get(ilvl)
        if lvl is None:
            return ""
        counters = self.counters.setdefault(aid, {})
        if num_id not in self.seen:
            self.seen.add(num_id)
            for k, v in inst.overrides.items():
                counters[k] = v - 1
        start = inst.overrides.get(ilvl, lvl.start) if ilvl not in counters else None
        counters[ilvl] = (start if start is not None else counters[ilvl] + 1)
        for deeper in [k for k in counters if k > ilvl]:
            d = levels.get(deeper)
            restart = d.restart if d is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        if lvl.fmt == "bullet":
            return ""

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            ref = levels.get(k)
            if ref is None:
                return ""
            value = counters.get(k, inst.overrides.get(k, ref.start))
            return format_number(value, "decimal" if lvl.legal else ref.fmt)

        text = _PRIVATE_USE.sub("", _PLACEHOLDER.sub(sub, lvl.text))
        if text and lvl.suffix != "nothing" and text[-1].isascii() and text[-1].isalnum():
            text += " "
        return text
