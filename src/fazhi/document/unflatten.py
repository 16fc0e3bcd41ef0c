"""Text whose line breaks were lost → lines again.

A report scraped from a web page, or passed through a tool that drops line
breaks, can arrive as one huge line in which the title, headings, paragraphs
and signature run into each other::

    …报告如下。一、工作开展情况　(一)深入学习…扎实推进法治政府建设1.深入学习宣传…。 …

Read as it is, such a report has no outline, and every rule that looks for a
section fails. When most of a document's text stands in lines of at least
``min_line_chars`` characters (:class:`~fazhi.document.config.FlattenedConfig`)
and headings stand inside those lines (at least two 一、, 第一部分 or (一) after a
sentence end or a space), those lines are cut again:

* at every run of white space (what is left of a line break), except after a
  heading marker (1、 推进…) and next to a number (共开展 12 次 stays whole);
* before a 一、 or 第一部分 marker that follows a sentence end (一、二审 stays
  whole), and before a (一), 1、 or 1. marker that continues its numbering:
  (二) after (一), 2. after 1.; a numbering starts again at 1 under each new
  heading of a higher level (levels in the order the numberings first
  appear). These may follow a heading directly (…建设1.深入学习), but not a
  digit or 第 (2022.12, 第1、2季度). (1) and ① are cut only where they are glued
  to a heading (…主要举措和成效(1)依法治镇…), not in a list after a colon;
* before a 一是 or a sentence-opening year glued to a short heading
  (二、存在的不足一是…, 三、2024年工作安排2024年，…);
* before a (一) or 1、 (a first item, or one that starts its numbering again)
  right after a sentence that opens a plan (…（四）…。2023年，我们将…。（一）…,
  …。2026年，我局将重点抓好以下工作：（一）…), and before that sentence: a plan
  written without a heading of its own;
* after a title that opens the text (the rulebook's ``title`` patterns:
  …法治政府建设情况报告2022年来，…), and before a signature glued to the last
  sentence (…台阶。特此报告某某局2023年3月29日: the ``closing`` patterns and a date).

Other items inside a sentence (一是 after a stop, (1), ①) are not cut. The
paragraph stage joins the pieces of a sentence that a cut broke, as it does
for wrapped lines. Every piece keeps the location of the line it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fazhi.document.config import FlattenedConfig, OutlineConfig
from fazhi.document.dates import DATE_RE
from fazhi.document.model import SourceLine
from fazhi.document.normalize import normalize
from fazhi.document.numerals import cn_to_int
from fazhi.document.outline import HEADING_MAX, HEADING_STYLES

_SPACE_RE = re.compile(r"\s+")
_ENDS_IN_MARKER = re.compile(r"(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]"
                             r"|\d{1,2}[、.．])$")
_OPENING_YEAR = re.compile(r"\d{4}年(?:[，,]|以来)")  # 2024年，… opens a paragraph
_SENTENCE_BREAK = "。!?;:"
# a heading inside a line, in the raw text: 一、 or 第一部分 or (一) after a sentence end
# or a space (what a lost line break leaves)
_INLINE_HEADING = re.compile(r"(?:[。！？；!?;]|\s)\s*(?:[一二三四五六七八九十]+[、，,]"
                             r"|第[一二三四五六七八九十]+(?:部分|章)|[（(][一二三四五六七八九十]+[）)])")
# numberings that may be cut out of running text, and those that need a sentence end first
_INLINE_STYLES = ("cn_paren", "ar_dot", "ar_dun")
_AFTER_BREAK_STYLES = ("chapter", "cn_dun")
_NOT_BEFORE = "0123456789第.(、"  # a marker right after these is part of a number or list
_START_RE = re.compile(r"[一二三四五六七八九十(\d第]")  # where a marker can begin
_TITLE_PIECES = 3
_PUNCT_RE = re.compile(r"[。!?;:,、\"“”]")
# 统一是…, 整齐划一是… are words, not a lead (but 工作计划一是… is one)
_WORD_BEFORE_ONE = (*"统唯第之同万单专归合", "齐划")


def is_flattened(lines: list[SourceLine], cfg: FlattenedConfig) -> bool:
    """Whether most of the text stands in overlong lines, and headings stand inside
    them (…报告如下。一、工作开展情况 (一)…): a report that writes each section as one
    long paragraph under headings of their own is not flattened."""
    sizes = [len(line.text.strip()) for line in lines]
    total = sum(sizes)
    long = [line.text for line, n in zip(lines, sizes, strict=True) if n >= cfg.min_line_chars]
    if not total or sum(map(len, long)) < cfg.min_share * total:
        return False
    inline = 0
    for text in long:
        inline += sum(1 for _ in _INLINE_HEADING.finditer(text))
        if inline >= 2:
            return True
    return False


@dataclass
class _Numbering:
    """The numberings seen so far: the last number of each style, styles in level order."""

    last: dict[str, int]
    order: list[str]

    def continues(self, style: str, ordinal: int | None) -> bool:
        return ordinal is not None and ordinal == self.last.get(style, 0) + 1

    def take(self, style: str, ordinal: int) -> None:
        if style not in self.order:
            self.order.append(style)
        self.last[style] = ordinal
        for deeper in self.order[self.order.index(style) + 1:]:
            self.last[deeper] = 0


def _marker(norm: str, pos: int) -> tuple[str, int | None, int] | None:
    """The heading marker that starts at ``pos`` of normalised text: style, number, end."""
    for style, rx in HEADING_STYLES:
        m = rx.match(norm, pos)
        if m:
            if style.startswith("ar_") and m.end() < len(norm) and norm[m.end()].isdigit():
                return None  # 1、2季度
            return style, cn_to_int(m.group(1)), m.end()
    return None


def _closing_cuts(norm: str, cfg: OutlineConfig) -> list[int]:
    """Where a signature glued to the last sentence begins (…台阶。特此报告某某局2023年3月29日):
    after the last sentence, after a closing phrase (the rulebook's ``closing``
    patterns) that opens it, and before its date."""
    last = max(norm.rfind(c) for c in "。!?") + 1
    tail = norm[last:]
    if not tail or len(tail) > cfg.meta.closing_max_chars:
        return []
    date = next((m for m in DATE_RE.finditer(tail) if m.end() == len(tail)), None)
    phrase = cfg.closing_re.match(tail) if cfg.closing_re is not None else None
    if date is None and phrase is None:
        return []
    cuts = {last, last + date.start() if date else last, last + phrase.end() if phrase else last}
    return sorted(cuts - {0, len(norm)})


def _title_end(norm: str, title: re.Pattern[str] | None) -> int | None:
    """Where a title that opens the text ends (…法治政府建设情况报告2022年来，…): the
    longest unpunctuated start, of heading length, that the rulebook's ``title``
    patterns match."""
    if title is None:
        return None
    stop = _PUNCT_RE.search(norm)
    limit = min(stop.start() if stop else len(norm), HEADING_MAX)
    return next((i for i in range(limit, 0, -1) if title.search(norm, 0, i)), None)


def _cuts(norm: str, numbering: _Numbering, cfg: OutlineConfig) -> list[int]:
    """Offsets in ``norm`` (one piece, no white space) where a heading, the first lead
    glued to a heading, or the signature starts."""
    out: list[int] = _closing_cuts(norm, cfg)
    title_start: int | None = None  # where the text after the last heading marker begins
    for m in _START_RE.finditer(norm):
        pos = m.start()
        before = norm[pos - 1] if pos else ""
        if title_start is not None and _glued_lead(norm, title_start, pos):
            out.append(pos)
            title_start = None
            continue
        found = _marker(norm, pos)
        if found is None or (pos and before in _NOT_BEFORE):
            continue
        style, ordinal, end = found
        after_break = not before or before in _SENTENCE_BREAK
        if style in _AFTER_BREAK_STYLES:
            cut = after_break  # 。二、 opens a section even where 一、 was written 1、
        elif style in _INLINE_STYLES:
            cut = numbering.continues(style, ordinal)
            lead = _plan_lead(norm, pos, cfg) if ordinal == 1 and before in ("。", ":") else None
            if lead is not None:  # …（四）…。2023年，我们将…。（一）…: a list under a plan's lead
                cut = True
                out.append(lead)
        else:  # (1) ①: only glued to a heading (…主要举措和成效(1)依法治镇…), not in a list
            cut = not after_break and before.isalpha() and numbering.continues(style, ordinal)
        if cut:
            numbering.take(style, ordinal or 0)
            title_start = end
            if pos:
                out.append(pos)
    return sorted(set(out))


def _glued_lead(norm: str, title_start: int, pos: int) -> bool:
    """Whether the text under a heading that runs into it starts at ``pos``: a 一是
    (二、存在的不足一是法治意识…; not the end of a word: 统一是, 唯一是) or a year
    that opens a sentence (三、2024年工作安排2024年，我局…). The heading's words
    since ``title_start`` must be short and unpunctuated."""
    title = norm[title_start:pos]
    if not 0 < len(title) <= HEADING_MAX or _PUNCT_RE.search(title):
        return False
    if norm.startswith("一是", pos):
        return not title.endswith(_WORD_BEFORE_ONE)
    return bool(_OPENING_YEAR.match(norm, pos))


def _plan_lead(norm: str, pos: int, cfg: OutlineConfig) -> int | None:
    """Where the sentence before ``pos`` starts, when it opens a plan written without
    a heading (a year, or a ``next_year`` kind's ``opens``: 2023年，我们将…,
    下一步，…): the numbering that starts again at ``pos`` is the plan's."""
    start = max(norm.rfind(c, 0, pos - 1) for c in "。!?") + 1
    opens = (k.opens_re for k in cfg.kinds if k.next_year and k.opens_re is not None)
    if _OPENING_YEAR.match(norm, start) or any(rx.match(norm, start) for rx in opens):
        return start
    return None


def _chunks(text: str) -> list[str]:
    """``text`` cut at its runs of white space, except after a marker (1、 推进…) and
    next to a number (the space typesetting puts around numbers: 共开展 12 次,
    郑旗乡 2022 年度) unless the number is a year opening a sentence (…工作安排
    2024年，…). A title or a date that stays glued to its neighbour this way is
    cut off by :func:`_title_end` and :func:`_closing_cuts`."""
    out: list[str] = []
    start = 0
    for m in _SPACE_RE.finditer(text):
        a, b = m.start(), m.end()
        number_next = text[b].isdigit() if b < len(text) else False
        if 0 < a and b < len(text) and not text[a - 1].isdigit() \
                and (not number_next or _OPENING_YEAR.match(text, b)) \
                and not _ENDS_IN_MARKER.search(text, start, a):
            out.append(text[start:a])
            start = b
    out.append(text[start:])
    return [c for c in out if c.strip()]


def _split_line(line: SourceLine, numbering: _Numbering, cfg: OutlineConfig,
                find_title: bool) -> list[SourceLine]:
    """``line`` cut into pieces; ``find_title``: the report's title may open it."""
    pieces: list[SourceLine] = []
    for k, chunk in enumerate(_chunks(line.text.strip())):
        norm, norm_map = normalize(chunk)
        cuts = _cuts(norm, numbering, cfg)
        # the title is among the first pieces (after the issuer's names, 中共某镇委员会 某镇人民政府)
        title_end = _title_end(norm, cfg.title_re) if find_title and k < _TITLE_PIECES else None
        if title_end is not None:
            find_title = False
            if title_end < len(norm):
                cuts = sorted({title_end, *cuts})
        starts = [0, *(norm_map[i] for i in cuts), len(chunk)]
        pieces.extend(SourceLine(text=chunk[a:b], loc=line.loc)
                      for a, b in zip(starts, starts[1:], strict=False) if chunk[a:b].strip())
    if pieces:
        pieces[-1] = replace(pieces[-1], wrapped=line.wrapped)
    return pieces


def unflatten(lines: list[SourceLine], cfg: OutlineConfig) -> list[SourceLine] | None:
    """The lines cut again where breaks were lost, or None when the text is not flattened."""
    if not is_flattened(lines, cfg.flattened):
        return None
    numbering = _Numbering({}, [])
    out: list[SourceLine] = []
    title_seen = False  # a line before holds the title already
    for line in lines:
        if len(line.text.strip()) >= cfg.flattened.min_line_chars:
            out.extend(_split_line(line, numbering, cfg, not title_seen))
            title_seen = True
        else:
            out.append(line)
            norm = normalize(line.text.strip())[0]
            title_seen = title_seen or bool(cfg.title_re is not None and len(norm) <= HEADING_MAX
                                            and cfg.title_re.search(norm))
    return out
