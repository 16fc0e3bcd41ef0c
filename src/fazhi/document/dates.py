"""Dates and years as reports write them: Arabic or Chinese numerals
(2023年2月1日, 二〇二三年二月一日), read by the outline (a date line belongs to the
closing) and by the metadata (the report's year and date)."""

from __future__ import annotations

import re
from datetime import date

from fazhi.document.numerals import cn_to_int

_YNUM = r"(\d{4}|[〇零○O一二三四五六七八九]{4})"
_MNUM = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
DATE_RE = re.compile(_YNUM + r"年" + _MNUM + r"月" + _MNUM + r"[日号]")
MONTH_RE = re.compile(_YNUM + r"年" + _MNUM + r"月(?![\d一二三四五六七八九十]{0,3}[日号])")
YEAR_RE = re.compile(_YNUM + r"年")
YEAR_MONTH_RE = re.compile(_YNUM + r"年" + _MNUM + r"月")
# A full date in figures only (2023.2.20, 2023-02-20, 2023/2/20): a date, but not one
# written out as 公文 format asks (年月日标全); only the signature's is taken as the report's.
_FIGURES = r"(?<!\d)\d{4}(?:\.\d{1,2}\.|-\d{1,2}-|/\d{1,2}/)\d{1,2}"
FIGURES_DATE_RE = re.compile(_FIGURES + r"(?![\d.])")
DATE_AT_END_RE = re.compile(_YNUM + r"年" + _MNUM + r"月(?:" + _MNUM + r"[日号])?$|" + _FIGURES + "$")
_DATE_MAX = 13  # 二〇二三年十二月三十一日 and 2023-12-31 are no longer


def date_at_end(s: str) -> re.Match[str] | None:
    """A date that ends ``s`` (DATE_AT_END_RE), looked for in its last characters
    only: the same match as a search of the whole line, without a scan of a long
    paragraph's every 一 and digit."""
    return DATE_AT_END_RE.search(s, max(0, len(s) - _DATE_MAX))


_CN_DIGITS = ("[〇零○O]", "一", "二", "三", "四", "五", "六", "七", "八", "九")


def year_pattern(year: int) -> str:
    """A pattern for ``year`` as reports write it: 2024年, 二〇二四年 (or 二零二四年)."""
    return f"(?:{year}|{''.join(_CN_DIGITS[int(d)] for d in str(year))})年"


def _plausible_year(m: re.Match[str]) -> int | None:
    y = cn_to_int(m.group(1))
    return y if y and 1949 < y < 2200 else None


# what stands before the year that ends a range: 2023年至 / 2023— / 2023年度-
_RANGE_START = re.compile(_YNUM + r"年?度?(?:至|到|—|–|-|~)$")


def ends_range(text: str, start: int, lo: int = 0) -> bool:
    """Whether the year written at ``start`` of ``text`` ends a range (the 2025 of
    2023年至2025年 or 纲要（2021—2025年）), looking no further back than ``lo``."""
    return _RANGE_START.search(text, max(lo, start - 7), start) is not None


# what follows the year that starts a range: 2021年—2025年 / 2021年至2025年
_RANGE_END = re.compile(r"度?(?:至|到|—|–|-|~)" + _YNUM + "年")


def starts_range(text: str, end: int) -> bool:
    """Whether the year written up to ``end`` of ``text`` (its 年 included) starts a
    range of years (the 2021 of 纲要（2021年—2025年）)."""
    return _RANGE_END.match(text, end) is not None


def first_year(text: str) -> tuple[int, tuple[int, int]] | None:
    """The first plausible year written in ``text`` (2022年, 二〇二二年) and its span;
    not a range's start or end (纲要（2021年—2025年） names no year of a report)."""
    for m in YEAR_RE.finditer(text):
        if (y := _plausible_year(m)) is not None and not ends_range(text, m.start()) \
                and not starts_range(text, m.end()):
            return y, m.span()
    return None


def years_in(text: str) -> set[int]:
    """Every plausible year written in ``text``, but a range's end."""
    return {y for m in YEAR_RE.finditer(text)
            if (y := _plausible_year(m)) is not None and not ends_range(text, m.start())}


def parse_date(text: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """Find a date in normalised ``text``: (iso, precision, span) or (None, None, None).
    Precision: ``day`` (年月日), ``figures`` (a full date in figures only, 2023.2.20),
    ``month`` (年月, or an impossible day)."""
    m = DATE_RE.search(text)
    if m:
        y, mo, d = (cn_to_int(g) for g in m.groups())
        if y and mo and d:
            try:
                return date(y, mo, d).isoformat(), "day", m.span()
            except ValueError:
                if 1 <= mo <= 12:  # an impossible day (2月30日): only the month is usable
                    return f"{y:04d}-{mo:02d}", "month", m.span()
    m = FIGURES_DATE_RE.search(text)
    if m:
        try:
            y, mo, d = (int(x) for x in re.split(r"[./-]", m.group()))
            return date(y, mo, d).isoformat(), "figures", m.span()
        except ValueError:
            pass
    m = MONTH_RE.search(text)
    if m:
        y, mo = cn_to_int(m.group(1)), cn_to_int(m.group(2))
        if y and mo and 1 <= mo <= 12:
            return f"{y:04d}-{mo:02d}", "month", m.span()
    return None, None, None


