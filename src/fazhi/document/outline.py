"""Paragraphs → an outline of sections, top level classified by kind.

Heading levels are decided by the document, not by the marker: the top level is
the 一、 series (or 第一部分…) when the report has one; if that series starts at
二、, the earliest earlier heading numbered 1 in another style (1、, (一)) is its
first member (a top level written "1、"). Below the top level, each new marker
style opens a deeper level in the order it first appears inside its section.
Items numbered in the top level's style under a section (1、 / (1) / 1、, or
run-in 1、…。 items under a heading that stands alone) are items, not sections
(see :func:`_top_series`). A report without a 一、 series whose short unnumbered lines name at least two
section kinds (主要举措和成效, 存在的问题和不足…) has those lines as its top level,
with its numbered headings ((一), 1、) below them. A report without numbered
headings is outlined by its short unnumbered heading lines; one without any
headings is a single section without a heading. The enumerated leads inside
paragraphs (一是…, 首先…) are found by :mod:`fazhi.document.leads`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from fazhi.document.config import OutlineConfig, SectionKind
from fazhi.document.dates import YEAR_MONTH_RE, date_at_end, first_year, year_pattern, years_in
from fazhi.document.leads import SENTENCE_END, find_leads, phrase_end
from fazhi.document.model import Heading, Lead, Paragraph, Section
from fazhi.document.numerals import cn_to_int

_CN = "一二三四五六七八九十百零〇"
# Heading markers by style, matched where a heading may start (``rx.match(text, pos)``).
HEADING_STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("chapter", re.compile(r"第([一二三四五六七八九十]+)(?:部分|章|节)[、.:]?")),
    # 四.2023年… is a heading; 二〇二三.12.30 (four numerals, a digit after the dot) a
    # date; 一，(a comma for 、) is a heading too
    ("cn_dun", re.compile(rf"([{_CN}]+)(?:、|,|\.(?!\d)|(?<![{_CN}]{{4}})\.)")),
    ("cn_paren", re.compile(r"\(([一二三四五六七八九十]+)\)[、.]?")),
    ("ar_dun", re.compile(r"(\d{1,2})、")),
    # 4.2023年工作安排 is a heading, 1.5 a number
    ("ar_dot", re.compile(r"(\d{1,2})\.(?:(?!\d)|(?=\d{4}年))")),
    ("ar_paren", re.compile(r"\((\d{1,2})\)[、.]?")),
    ("circled", re.compile(r"([①-⑳])")),
]
_TOP_PREFERENCE = ("chapter", "cn_dun")
HEADING_MAX = 60  # a heading standing on its own line


@dataclass
class _Cand:
    paragraph: int
    style: str
    ordinal: int | None
    title_start: int
    title_end: int
    run_in: bool
    top: bool = False
    level: int = 0
    sep: str = ""  # what follows the number: 、 . , ) (一、 and 一. are one style)


def _marker(p: Paragraph) -> _Cand | None:
    for style, rx in HEADING_STYLES:
        m = rx.match(p.norm)
        if not m:
            continue
        start = m.end()
        rest = p.norm[start:]
        if len(rest) <= HEADING_MAX and not SENTENCE_END.search(rest):
            end, run_in = len(p.norm), False
        else:
            end = phrase_end(p.norm, start)
            run_in = bool(p.norm[end:].lstrip("。!?;"))
        return _Cand(p.index, style, cn_to_int(m.group(1)), start, end, run_in,
                     sep=p.norm[m.end() - 1])
    return None

def _is_plain_heading(p: Paragraph, cfg: OutlineConfig) -> bool:
    n = p.norm
    if len(n) > cfg.plain_heading_max_chars or "。" in n or "," in n:
        return False
    return not _closing_or_date(n, cfg)


def _plain_heading(p: Paragraph, level: int) -> Heading:
    return Heading(paragraph=p.index, style="plain", ordinal=None, level=level, title=p.norm,
                   title_start=0, title_end=len(p.norm), run_in=False)


def _kind_headings(paragraphs: list[Paragraph], cfg: OutlineConfig, numbered: set[int],
                   n: int) -> list[Heading]:
    """Unnumbered lines that name a section kind by their wording, as top-level
    headings, when they name at least two kinds, each once (one such line alone, or
    lines repeated in every section, are labels, not a level). A heading line that
    the paragraph builder joined to the text after it (履行第一责任人职责，加强法治政府
    建设的有关情况 reads like a broken sentence) heads the rest of its paragraph, as a
    run-in heading does."""
    found: list[Heading] = []
    kinds: list[str] = []
    for p in paragraphs:
        if p.index in numbered or p.index + 1 >= n:
            continue
        end = _first_line_end(p)
        line = p.norm[:end]
        kind = _named_kind(line, cfg) if _is_heading_line(line, cfg) else None
        if kind is not None:
            found.append(Heading(paragraph=p.index, style="plain", ordinal=None, level=1,
                                 title=line, title_start=0, title_end=end,
                                 run_in=end < len(p.norm)))
            kinds.append(kind)
    # the parts of a report are named once each; labels repeated in every numbered
    # section (工作情况, 下一步打算 under each (一)…) are not its top level
    return found if len(set(kinds)) >= 2 and len(set(kinds)) == len(kinds) else []


def _first_line_end(p: Paragraph) -> int:
    """Where the paragraph's first source line ends in its normalised text."""
    if len(p.line_starts) < 2:
        return len(p.norm)
    return bisect.bisect_left(p.norm_map, p.line_starts[1])


def _named_kinds(title: str, cfg: OutlineConfig) -> list[SectionKind]:
    """The section kinds a heading's wording names, in the rulebook's order."""
    return [k for k in cfg.kinds if title and k.names(title)]


def _named_kind(title: str, cfg: OutlineConfig) -> str | None:
    """The first section kind a heading's wording names, if any."""
    kinds = _named_kinds(title, cfg)
    return kinds[0].name if kinds else None


def _is_heading_line(n: str, cfg: OutlineConfig) -> bool:
    """Whether normalised line ``n`` can be a heading of its own: as long as a heading,
    no sentence end, not a lead-in (…如下:), at most one comma (履行第一责任人职责，
    加强法治政府建设的有关情况)."""
    if len(n) > HEADING_MAX or SENTENCE_END.search(n) or n.endswith(":") or n.count(",") > 1:
        return False
    return not _closing_or_date(n, cfg)


def _closing_or_date(n: str, cfg: OutlineConfig) -> bool:
    """A signature line or a line with a date: part of the closing, never a heading."""
    return bool(cfg.closing_re is not None and cfg.closing_re.fullmatch(n)) or \
        bool(YEAR_MONTH_RE.search(n))


def _top_series(tops: list[_Cand], cands: list[_Cand]) -> list[_Cand]:
    """The top-level members of a marker style. Items numbered in the same style
    under a section are not sections: a number that goes back (1、 after 2、) after
    headings of another style (1、 / (1) / 1、), or as a run-in item (1、严格落实…。
    text) under a heading that stands alone, or written with another mark after it
    (一. after 四、), starts a run of items, and the run goes on while its numbers
    do (2、…。 3、…。); a number beyond the last section's that stands alone
    (3、存在的不足) is the next section."""
    out: list[_Cand] = []
    between = False  # a heading of another style since the last top one
    run: int | None = None  # the last number of a run of items, if one is open
    styled = {c.paragraph for c in tops}
    for c in cands:
        if c.paragraph not in styled:
            between = between or bool(out)
            continue
        last = out[-1] if out else None
        goes_back = last is not None and c.ordinal is not None and last.ordinal is not None \
            and c.ordinal <= last.ordinal
        if run is not None and c.ordinal == run + 1 and \
                (c.run_in or (last is not None and c.sep != last.sep)):
            run = c.ordinal  # the run of items goes on
        elif goes_back and last is not None and \
                (between or c.sep != last.sep or (c.run_in and not last.run_in)):
            run = c.ordinal
        else:
            out.append(c)
            run = None
        between = False
    return out


def _assign_levels(cands: list[_Cand]) -> list[_Cand]:
    """Mark the top level and give every other candidate a level; return the kept ones."""
    if not cands:
        return []
    top_style = next((s for s in _TOP_PREFERENCE if sum(c.style == s for c in cands) >= 2), None)
    if top_style is None:
        top_style = cands[0].style
    tops = _top_series([c for c in cands if c.style == top_style], cands)
    for c in tops:
        c.top = True
    first = tops[0]
    k = first.ordinal or 1
    while k > 1:
        before = [c for c in cands if c.paragraph < first.paragraph and c.ordinal == k - 1
                  and c.style != top_style]
        if not before:
            break
        first = before[0]
        first.top = True
        k -= 1
    kept: list[_Cand] = []
    stack: list[str] = []
    seen_top = False
    for c in cands:
        if c.top:
            c.level = 1
            stack = []
            seen_top = True
        elif not seen_top:
            continue  # a numbered line before the first top heading belongs to the preamble
        else:
            if c.style in stack:
                del stack[stack.index(c.style) + 1:]
            else:
                stack.append(c.style)
            c.level = 1 + len(stack)
        kept.append(c)
    return kept


def _heading(p: Paragraph, c: _Cand) -> Heading:
    return Heading(paragraph=p.index, style=c.style, ordinal=c.ordinal, level=c.level,
                   title=p.norm[c.title_start:c.title_end], title_start=c.title_start,
                   title_end=c.title_end, run_in=c.run_in)


def _tree(headings: list[Heading], start: int, end: int, prefix: str) -> list[Section]:
    """The sections that the headings in paragraphs [start, end) open, nested by level
    (in time proportional to the headings times the depth, for reports of any size)."""
    headings = sorted(headings, key=lambda h: h.paragraph)
    paras = [h.paragraph for h in headings]

    def build(lo: int, hi: int, end: int, prefix: str) -> list[Section]:
        if lo >= hi:
            return []
        level = min(headings[k].level for k in range(lo, hi))
        tops = [k for k in range(lo, hi) if headings[k].level == level]
        out: list[Section] = []
        for i, k in enumerate(tops):
            nxt = tops[i + 1] if i + 1 < len(tops) else hi
            s_end = headings[nxt].paragraph if i + 1 < len(tops) else end
            sid = f"{prefix}{i + 1}"
            out.append(Section(id=sid, heading=headings[k], start=headings[k].paragraph,
                               end=s_end, children=build(k + 1, nxt, s_end, sid + ".")))
        return out

    return build(bisect.bisect_left(paras, start), bisect.bisect_left(paras, end), end, prefix)


def _closing_start(paragraphs: list[Paragraph], floor: int, cfg: OutlineConfig) -> int:
    """Index where the trailing signature block (特此报告, issuer, date) begins, an
    attachment note of several items above it included."""
    i = len(paragraphs)
    while i - 1 > floor and _in_closing(paragraphs[i - 1].norm, cfg):
        i -= 1
    return _note_start(paragraphs, floor, i, cfg)


_NOTE_ITEM = re.compile(r"\d{1,2}[.、]")


def _note_start(paragraphs: list[Paragraph], floor: int, end: int, cfg: OutlineConfig) -> int:
    """Where an attachment note that lists several attachments (附件：1.…表 / 2.…表)
    stands right above ``end``, or ``end``: its numbered lines are the closing's,
    not items of the last section."""
    rx, short = cfg.attachment_re, cfg.meta.closing_max_chars
    j = end - 1
    while j > floor and len(paragraphs[j].norm) <= short and _NOTE_ITEM.match(paragraphs[j].norm):
        j -= 1
    if rx is not None and floor < j < end - 1 and len(paragraphs[j].norm) <= short \
            and rx.match(paragraphs[j].norm):
        return j
    return end


_NOTE_AT_END = re.compile(r"\([^()]{1,14}\)$")


def signature_line(n: str, cfg: OutlineConfig) -> str:
    """A signature line without the bracketed closing phrase after it (某某镇人民政府
    （盖章）, 2023年2月1日（此件公开发布）): the note ends the line and is one of the
    rulebook's ``closing`` phrases."""
    m = _NOTE_AT_END.search(n)
    if m is None or m.start() == 0 or cfg.closing_re is None or not cfg.closing_re.fullmatch(m.group()):
        return n
    return n[:m.start()].rstrip()


def _in_closing(n: str, cfg: OutlineConfig) -> bool:
    """A line the signature block may hold: a closing phrase, a date, an issuer, or
    an issuer and the date on one line (某某镇人民政府 2023年2月1日), each of them
    perhaps with a bracketed closing phrase after it (（盖章）)."""
    if len(n) > cfg.meta.closing_max_chars:
        return False
    if cfg.closing_re is not None and cfg.closing_re.fullmatch(n):
        return True
    n = signature_line(n, cfg)
    if cfg.closing_re is not None and cfg.closing_re.fullmatch(n):
        return True
    date = date_at_end(n)
    signer = n[:date.start()] if date is not None else n
    return bool(cfg.issuer_re is not None and signer and cfg.issuer_re.fullmatch(signer))


def attachments_start(paragraphs: list[Paragraph], cfg: OutlineConfig, floor: int) -> int:
    """Index of the paragraph that opens attachments after the signature (it starts
    with the rulebook's ``attachment``: 附件1, 附件：…表), or the number of
    paragraphs if there are none.
    Such a line counts only right after a signature block that holds a date: an
    attachment note above the signature (附件：1.…) is part of the closing."""
    rx = cfg.attachment_re
    if rx is None:
        return len(paragraphs)
    for j in range(floor + 1, len(paragraphs)):
        if not rx.match(paragraphs[j].norm):  # a table's first row may have joined it
            continue
        i = j - 1
        while i > floor and _in_closing(paragraphs[i].norm, cfg):
            if YEAR_MONTH_RE.search(paragraphs[i].norm):
                return j
            i -= 1
    return len(paragraphs)


def _sub_kind(title: str, section: Section, cfg: OutlineConfig,
              year: int | None = None) -> str | None:
    """The kind a second-level heading names: another kind than its section's, by the
    kinds' ``subheadings``; in a section whose heading names several kinds, any kind
    by its ``subheadings``, or one of those kinds by its ``headings`` ((一)存在的问题 /
    (二)2023年主要安排 under 存在的问题及下一步打算) or, for a ``next_year`` kind, by
    naming only the year after the report's ``year`` ((二)2023年主要措施 in a report
    on 2022, as a top-level heading is read by :func:`_by_year`)."""
    if not title:
        return None
    kind = next((k.name for k in cfg.kinds
                 if (section.also or k.name != section.kind) and k.names(title, sub=True)),
                None)
    if kind is None and section.also:
        own = {section.kind, *section.also}
        kind = next((k.name for k in cfg.kinds if k.name in own and k.names(title)), None) or \
            next((k.name for k in _by_year(title, [], cfg, year) if k.name in own), None)
    return kind


def _sub_kinds(section: Section, cfg: OutlineConfig, year: int | None = None) -> Section:
    """Second-level sections whose heading names a kind get that kind (see :func:`_sub_kind`)."""
    children = []
    for c in section.children:
        kind = _sub_kind(c.heading.title if c.heading else "", section, cfg, year)
        if kind is not None:
            c = replace(c, kind=kind, classified_by="heading")
        children.append(c)
    return replace(section, children=children)


def _heading_order(section: Section, cfg: OutlineConfig) -> list[tuple[str, int]]:
    """The kinds a combined heading names, in the order it names them, each with
    where (in the paragraph's ``norm``) the heading starts naming it."""
    h = section.heading
    if h is None:
        return []
    named = {section.kind, *section.also}
    found = []
    for k in cfg.kinds:
        m = k.names(h.title) if k.name in named else None
        if m is not None:
            found.append((h.title_start + m.start(), k.name))
    return [(name, at) for at, name in sorted(found)]


def _named_stretch(section: Section, order: list[tuple[str, int]],
                   kind: str) -> tuple[int, int] | None:
    """The stretch of the combined heading that names ``kind``: from where it names it
    (the heading's start, for the first kind) to where it names the next."""
    h = section.heading
    names = [name for name, _ in order]
    if h is None or kind not in names:
        return None
    i = names.index(kind)
    start = h.title_start if i == 0 else order[i][1]
    end = order[i + 1][1] if i + 1 < len(order) else h.title_end
    return start, end


def _part(section: Section, kind: str, start: int, end: int,
          first: Section | None, named: tuple[int, int] | None) -> Section:
    """The part of ``section`` in [start, end) that is ``kind``'s: led by its
    sub-section ``first`` (whose heading names the kind), with the sub-sections
    after it; or, with none, under the section's own heading."""
    if first is not None:
        after = [c for c in section.children if start <= c.start < end and c is not first]
        return replace(first, kind=kind, end=end, children=_clipped(first.children + after, end))
    return replace(section, id=f"{section.id}:{kind}", kind=kind, also=[], start=start,
                   end=end, children=_within(section.children, start, end),
                   classified_by="opening", named=named)


def _clipped(sections: list[Section], end: int) -> list[Section]:
    """``sections`` cut off at paragraph ``end`` (where a paragraph opens the next part)."""
    return [replace(c, end=min(c.end, end), children=_clipped(c.children, end))
            if c.end > end else c for c in sections if c.start < end]


def _within(sections: list[Section], start: int, end: int) -> list[Section]:
    """The sub-sections in [start, end): those that start there (cut off at ``end``),
    and of one that began before ``start`` and runs into it, its own that start there
    (a plan's items numbered on from the shortcomings' after 下一步，我镇将…)."""
    out: list[Section] = []
    for c in sections:
        if start <= c.start < end:
            out.extend(_clipped([c], end))
        elif c.start < start < c.end:
            out.extend(_within(c.children, start, end))
    return out


Start = tuple[int, str, Section | None]


def _child_starts(section: Section, order: list[str]) -> list[Start]:
    """Sub-sections whose heading names one of the section's kinds ((一)存在的问题
    (二)下一步打算)."""
    return [(c.start, c.kind, c) for c in section.children if c.kind is not None and c.kind in order]


def _opening_starts(section: Section, paragraphs: list[Paragraph], cfg: OutlineConfig,
                    order: list[str]) -> list[Start]:
    """Paragraphs that open one of the section's kinds (下一步，我镇将…)."""
    openers = [(k.name, k.opens_re) for k in cfg.kinds
               if k.name in order and k.opens_re is not None]
    starts: list[Start] = []
    for i in range(section.start + 1, section.end):
        kind = next((name for name, rx in openers if rx.match(paragraphs[i].norm)), None)
        if kind is not None:
            starts.append((i, kind, None))
    return starts


def _held_back(opening: Start, section: Section, children: list[Start]) -> bool:
    """Whether an opening stands inside a sub-section that names another kind while a
    later sub-heading names its own: (一)存在的问题 … 针对以上问题，… (二)原因分析 …
    (三)下一步打算 turns to the plan at (三), not inside (一)."""
    at, kind, _ = opening
    inside = any(c.start < at < c.end and c.kind is not None and c.kind != kind
                 for c in section.children)
    return inside and any(k == kind and start > at for start, k, _ in children)


def _turns(starts: list[Start], first: str) -> list[Start]:
    """Of sub-headings and openings in paragraph order, those that turn to another kind
    than the part before them: after 同时，还存在一些不足：, a shortcoming item whose
    heading names the kind ((七)基层法治建设存在薄弱环节) is an item, not a turn."""
    out: list[Start] = []
    current = first
    for start in sorted(starts, key=lambda s: (s[0], s[2] is None)):
        if start[1] != current:
            out.append(start)
            current = start[1]
    return out


def divide(section: Section, paragraphs: list[Paragraph], cfg: OutlineConfig) -> Section:
    """Tell apart the parts of a section whose heading names several kinds.

    A sub-section whose heading names another of them than the part before it, or a
    paragraph that opens another of them (the kind's ``opens``: 下一步，我镇将…),
    starts that kind's part, which runs to the next part (sub-sections that do not
    turn to another kind are items of the parts). What stands before the first part
    is the part of the kind the heading names first. A section whose parts cannot be
    told apart keeps none: all of it counts for every kind it names."""
    named = _heading_order(section, cfg) if section.also else []
    if len(named) < 2:
        return section
    order = [name for name, _ in named]
    children = _child_starts(section, order)
    openings = [o for o in _opening_starts(section, paragraphs, cfg, order)
                if not _held_back(o, section, children)]
    starts = _turns(children + openings, order[0])
    if not starts:
        return section
    # a first sub-heading that names the first kind leads its part: where sub-headings
    # divide the section ((一)存在的问题 (二)原因分析 (三)下一步打算), and where a
    # paragraph does (下一步，我镇将…) when it is the only one before it, the items under
    # it ((一)存在的不足 1.… 2.… 下一步…); several are items ((一)执法力量不足 (二)…)
    lead = next((c for c in section.children[:1] if c.kind == order[0]), None)
    if starts[0][2] is None and sum(c.start < starts[0][0] for c in section.children) > 1:
        lead = None
    starts.insert(0, (lead.start if lead else section.start, order[0], lead))
    ends = [start for start, _, _ in starts[1:]] + [section.end]
    parts = [_part(section, kind, start, end, first, _named_stretch(section, named, kind))
             for (start, kind, first), end in zip(starts, ends, strict=True)]
    intro = _intro(section, lead)
    if intro is not None:
        parts[0] = replace(parts[0], intro=intro)
    return replace(section, parts=parts)


def _intro(section: Section, lead: Section | None) -> tuple[int, int] | None:
    """The paragraphs between a combined heading on a line of its own and the
    sub-heading that leads its first part: the part's text, before its heading."""
    h = section.heading
    if lead is None or h is None or h.run_in or h.paragraph != section.start:
        return None
    return (section.start + 1, lead.start) if section.start + 1 < lead.start else None


def classify(section: Section, paragraphs: list[Paragraph], cfg: OutlineConfig,
             year: int | None = None) -> Section:
    """Give a top-level section its kind: by heading wording (and by the year it names,
    against the report's ``year``), else by content, else the default; name the kinds
    of its sub-sections, and tell apart its parts when its heading names several kinds."""
    return divide(_sub_kinds(_classify_top(section, paragraphs, cfg, year), cfg, year),
                  paragraphs, cfg)


def _classify_top(section: Section, paragraphs: list[Paragraph], cfg: OutlineConfig,
                  year: int | None) -> Section:
    title = section.heading.title if section.heading else ""
    matched = _by_year(title, _named_kinds(title, cfg), cfg, year)
    if matched:
        also = [k.name for k in matched[1:]
                if k.combine and matched[0].combine and _joined(title, matched[0], k, cfg)]
        return replace(section, kind=matched[0].name, also=also, classified_by="heading")
    body = "".join(p.norm for p in paragraphs[section.start:section.end])
    best, hits = None, 0
    for kind in cfg.kinds:
        n = sum(len(rx.findall(body)) for rx in kind.content_res)
        if n >= kind.min_content_hits and n > hits:
            best, hits = kind.name, n
    if best is not None:
        return replace(section, kind=best, classified_by="content")
    return replace(section, kind=cfg.default_kind, classified_by="default")


def _joined(title: str, a: SectionKind, b: SectionKind, cfg: OutlineConfig) -> bool:
    """Whether a heading names kinds ``a`` and ``b`` as two parts, one of the rulebook's
    ``combine_joiners`` standing between their wordings (工作开展情况及下一步打算),
    rather than in one phrase (下一步主要措施: its 主要措施 are the plan's), unless the
    kind named second lists the first in its ``not_after`` (下一步工作重点和主要措施:
    measures named after the plan are the plan's). Without joiners in the rulebook,
    any two kinds a heading names are combined."""
    rx = cfg.combine_joiners_re
    ma, mb = a.names(title), b.names(title)
    if ma is None or mb is None:
        return rx is None
    (first, k1), (second, k2) = sorted(((ma, a), (mb, b)), key=lambda x: x[0].start())
    if k1.name in k2.not_after:
        return False
    if rx is None:
        return True
    return first.end() <= second.start() and rx.search(title, first.end(), second.start()) is not None


def _by_year(title: str, matched: list[SectionKind], cfg: OutlineConfig,
             year: int | None) -> list[SectionKind]:
    """The kinds a top-level heading names, with the ``next_year`` kinds in place of the
    default kind (or of none) when it names the year after the report's ``year`` and
    not ``year`` itself: 2023年推进法治政府建设的主要措施 in a report on 2022 is its plan."""
    if year is None or not title or any(k.name != cfg.default_kind for k in matched):
        return matched
    named = years_in(title)
    if year + 1 not in named or year in named:
        return matched
    return [k for k in cfg.kinds if k.next_year and not k.excludes(title)] or matched


def _headless_plan(headings: list[Heading], paragraphs: list[Paragraph], cfg: OutlineConfig,
                   year: int | None) -> list[Heading]:
    """The heading of a plan written without one at the end of the last top-level
    section (one that is not the plan already): …（四）…。2023年，我们将… （一）…
    （二）…, or …。2026年，我局将重点抓好以下工作： （一）… in a section with no
    sub-headings before. The paragraph before that list's （一） that opens the plan
    (a ``next_year`` kind's ``opens``, or the year after the report's and a comma;
    no other year), and not the section's first, heads a section of its own, as a
    run-in heading."""
    tops = [h for h in headings if h.level == 1]
    kinds = [k for k in cfg.kinds if k.next_year and k.opens_re is not None]
    if not tops or year is None or not kinds or any(k.names(tops[-1].title) for k in kinds):
        return []  # (a plan's own sub-numbering may start again: it is the plan already)
    top = tops[-1]
    subs = [h for h in headings if h.level == 2 and h.paragraph > top.paragraph]
    next_year = re.compile(year_pattern(year + 1) + "度?,")
    for prev, h in zip([top, *subs], subs, strict=False):
        if h.ordinal != 1 or (prev is not top and (h.style != prev.style or (prev.ordinal or 0) < 2)):
            continue
        # the section's own text comes first: its heading runs into it, or a paragraph follows
        first = prev.paragraph + (1 if prev is not top or top.run_in else 2)
        for p in paragraphs[first:h.paragraph]:
            n = p.norm
            opened = first_year(n)
            if opened is not None and opened[1][0] == 0 and opened[0] != year + 1:
                continue  # 2022年，我局将… in a report on 2022 opens work, not the plan
            if next_year.match(n) or any(k.opens_re.match(n) for k in kinds if k.opens_re):
                end = phrase_end(n, 0)
                return [Heading(paragraph=p.index, style="plain", ordinal=None, level=1,
                                title=n[:end], title_start=0, title_end=end,
                                run_in=end < len(n))]
    return []


def build_outline(paragraphs: list[Paragraph], cfg: OutlineConfig,
                  title_index: int | None) -> tuple[list[Section], list[Lead]]:
    """Return the top-level sections (preamble, body sections, closing, attachments)
    and the leads. Attachments after the signature are outlined as one part: their
    tables and numbered rows are not the report's sections."""
    n = attachments_start(paragraphs, cfg, title_index if title_index is not None else 0)
    sections, leads = _outline(paragraphs[:n], cfg, title_index)
    if n < len(paragraphs):
        sections.append(Section(id="attachments", heading=None, kind="attachments",
                                classified_by="position", start=n, end=len(paragraphs)))
    return sections, leads


def _preamble(end: int, title_index: int | None) -> Section:
    """What stands before the first heading, with its opening (the paragraphs after
    the title, or all of them without a title) as a part: the title and a web page's
    lines above it (breadcrumbs, 公开方式：主动公开) are not the report's words."""
    start = title_index + 1 if title_index is not None and title_index < end else 0
    parts = [Section(id="preamble.opening", heading=None, kind="opening",
                     classified_by="position", start=start, end=end)] if start < end else []
    return Section(id="preamble", heading=None, kind="preamble", classified_by="position",
                   start=0, end=end, parts=parts)


def _outline(paragraphs: list[Paragraph], cfg: OutlineConfig,
             title_index: int | None) -> tuple[list[Section], list[Lead]]:
    n = len(paragraphs)
    cands = [c for p in paragraphs if (c := _marker(p)) is not None
             and (title_index is None or p.index > title_index)]
    kept = _assign_levels(cands)
    headings = [_heading(paragraphs[c.paragraph], c) for c in kept]
    body_start = (title_index + 1) if title_index is not None else 0
    if headings and not any(c.style in _TOP_PREFERENCE for c in kept) and \
            len({_named_kind(h.title, cfg) for h in headings if h.level == 1} - {None}) < 2:
        # No 一、 series, and the numbered top level does not name the report's parts:
        # lines that stand alone and name section kinds (存在的问题和不足) are the top
        # level, and the numbered headings ((一), 1、) sit under them.
        named = _kind_headings(paragraphs[body_start:], cfg, {h.paragraph for h in headings}, n)
        if named:
            start = named[0].paragraph  # numbered headings before it keep their level
            headings = [*named, *(h if h.paragraph < start
                                  else replace(h, level=h.level + 1)
                                  for h in headings)]
            headings.sort(key=lambda h: h.paragraph)
    if not headings:
        plain = [p for p in paragraphs[body_start:] if _is_plain_heading(p, cfg)
                 and p.index + 1 < n]
        headings = [_plain_heading(p, 1) for p in plain]
    else:
        # Unnumbered sub-headings (原因剖析：, 整改情况：) inside numbered sections.
        numbered = {h.paragraph for h in headings}
        first_top = headings[0].paragraph
        for p in paragraphs[first_top + 1:]:
            if p.index not in numbered and p.index + 1 < n and _is_plain_heading(p, cfg) \
                    and p.norm.endswith(":"):
                headings.append(Heading(paragraph=p.index, style="plain", ordinal=None, level=9,
                                        title=p.norm[:-1], title_start=0,
                                        title_end=len(p.norm) - 1, run_in=False))
        headings.sort(key=lambda h: h.paragraph)
    found = first_year(paragraphs[title_index].norm) if title_index is not None else None
    year = found[0] if found else None
    headings = sorted([*headings, *_headless_plan(headings, paragraphs, cfg, year)],
                      key=lambda h: h.paragraph)
    tops = [h for h in headings if h.level == 1]
    floor = tops[-1].paragraph if tops else body_start
    close = _closing_start(paragraphs, floor, cfg)
    leads = find_leads(paragraphs, {h.paragraph for h in headings})
    sections: list[Section] = []
    first = tops[0].paragraph if tops else None
    pre_end = first if first is not None else min(body_start, close)
    if pre_end > 0:
        sections.append(_preamble(pre_end, title_index))
    if tops:
        body = _tree([h for h in headings if h.paragraph < close], pre_end, close, "")
        sections.extend(classify(s, paragraphs, cfg, year) for s in body)
    elif pre_end < close:
        sections.append(Section(id="1", heading=None, kind=cfg.unstructured_kind,
                                classified_by="unstructured", start=pre_end, end=close))
    if close < n:
        sections.append(Section(id="closing", heading=None, kind="closing",
                                classified_by="position", start=close, end=n))
    return sections, leads
