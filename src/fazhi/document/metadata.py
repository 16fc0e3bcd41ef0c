"""Metadata: the title, the issuing body, the report year and the date.

The wordings (what a title, an issuer, a place name looks like) come from the
rulebook's ``document.meta`` block; the date and year formats (Arabic or
Chinese numerals, 二〇二三年二月一日) are read by :mod:`fazhi.document.dates`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from fazhi.document.config import OutlineConfig
from fazhi.document.dates import date_at_end, first_year, parse_date
from fazhi.document.model import Meta, Paragraph, Section
from fazhi.document.outline import HEADING_MAX, signature_line
from fazhi.document.paragraphs import CELL_MARKS, MARKER_RE, reads_as_fields


def find_title(paragraphs: list[Paragraph], cfg: OutlineConfig) -> int | None:
    """Index of the title paragraph among the first lines, or None. A title-like
    line without a year above one with a year, with only short lines (an issuer)
    between them, is a banner over the title (a web page's column,
    法治政府建设年度报告): the line with the year is the title. Of a title written
    twice, the second is the document's own."""
    if cfg.title_re is None:
        return None
    found = [p.index for p in paragraphs[: cfg.meta.title_search_lines]
             if _title_like(p.norm, cfg)]
    if not found:
        return None
    # the same title again further down (a page's heading, then the document's own
    # with its issuer above it): the document's is the title
    first = max(k for k in found if paragraphs[k].norm == paragraphs[found[0]].norm)
    if first_year(paragraphs[first].norm) is not None:
        # a page's heading straight above the document's own title, both with the year
        # (2023年法治政府建设年度报告 / 某区城市管理局2023年法治政府建设情况报告): the
        # lower, where it says more (a title that names its body, over the same without)
        while first + 1 in found and first_year(paragraphs[first + 1].norm) is not None \
                and len(paragraphs[first + 1].norm) > len(paragraphs[first].norm):
            first += 1
        return first
    for k in range(first + 1, min(cfg.meta.title_search_lines, len(paragraphs))):
        norm = paragraphs[k].norm
        if k in found and first_year(norm) is not None and not MARKER_RE.match(norm):
            return k
        if len(norm) > HEADING_MAX or "。" in norm:
            break  # the body has begun
    return first


_CLAUSE_MARK = re.compile(r"[,;:]")


def title_lines(norms: list[str], cfg: OutlineConfig) -> frozenset[int]:
    """Among the first lines, those that read as a whole title and have no comma,
    semicolon or colon in them: each is a paragraph of its own, although a title
    with a 、 (中共某镇委员会、某镇人民政府关于……的报告) and no full stop at its end
    looks like a sentence broken off at the line's end."""
    if cfg.title_re is None:
        return frozenset()
    return frozenset(i for i, n in enumerate(norms[: cfg.meta.title_search_lines])
                     if _title_like(n, cfg) and not _CLAUSE_MARK.search(n))


def title_breaks(norms: list[str], lines: frozenset[int]) -> frozenset[int]:
    """Of the ``title_lines``, those that start a paragraph of their own too: the line
    before has a comma, semicolon or colon, so the two do not make one title (a web
    page's 2026-01-20 17:01 | 某局 above the title, with no full stop to end it)."""
    return frozenset(i for i in lines if i > 0 and _CLAUSE_MARK.search(norms[i - 1]))


def _title_end(norm: str, cfg: OutlineConfig) -> int:
    """Where a title line's own words end: before a date at its end (a page's list:
    …工作报告 2024-12-12, or in brackets: …情况报告 (2025-03-26)), before a field of a
    web page's information bar run onto it (…情况报告 信息来源: 发布时间:2024-01-02),
    or before the cell marks of a table it was copied from (| 某街道2024年度法治政府
    建设情况报告 | |||)."""
    end = len(norm.rstrip(CELL_MARKS))
    bracketed = norm.endswith(")")
    dated = date_at_end(norm[:-1] if bracketed else norm)
    if dated is not None and dated.start() > 0 and \
            (not bracketed or norm[dated.start() - 1] == "("):
        end = dated.start() - (1 if bracketed else 0)
    # a title is no longer than HEADING_MAX: a field further on leaves no title before it;
    # and a field is labelled (发布时间:): a line without a colon there has none
    look = min(end, HEADING_MAX + _FIELD_MAX)
    info = cfg.web_page.info_re
    if info is None or ":" not in norm[:look]:
        return end
    field = info.search(norm, 1, look)
    return field.start() if field is not None else end


_FIELD_MAX = 12  # room for the field's label itself past the longest title


def _title_like(norm: str, cfg: OutlineConfig) -> bool:
    """A short line in the title's words, with no full stop but, at most, one at its
    end (关于2022年度法治政府建设情况的报告。 as some pages set it), and not numbered:
    一、2023年法治政府建设工作情况 is a section's heading, in a copy without its title;
    with no colon or semicolon (分类:其他;报告 is a field of a page's information list)
    and no > (a breadcrumb's).
    A date or an information field after it (see :func:`_title_end`) is no part of its
    words."""
    words = norm[:_title_end(norm, cfg)]
    return len(words) <= HEADING_MAX and cfg.title_re is not None \
        and cfg.title_re.search(words) is not None \
        and "。" not in words.removesuffix("。") and MARKER_RE.match(norm) is None \
        and _LABELLED.search(words) is None


# a field of a page's information list (分类:其他;报告, 标题:…报告), or a breadcrumb
# (信息公开 > 其他主动公开内容 > 法治政府建设年度报告): not a title
_LABELLED = re.compile(r"[:;>»›]")

_TITLE_PART_MAX = 30
_NOT_IN_TITLE = re.compile(r"[。,;:!?]")


def title_start(norms: Sequence[str], title_index: int, cfg: OutlineConfig) -> int:
    """Where the title starts when it was set on several lines (关于2022年度法治政府建设 /
    工作情况的报告): up to two short lines just above the line that ends it, each
    without sentence punctuation, not a title, an issuer or a date on its own; the
    title starts at the line that opens it (with ``title_issuer_before``, or
    issuers and it), else at the furthest that names a year."""
    found = title_index
    k = title_index
    while k > 0 and title_index - k < 2:
        q = norms[k - 1]
        if len(q) > _TITLE_PART_MAX or _NOT_IN_TITLE.search(q) or parse_date(q)[0] \
                or (cfg.title_re is not None and cfg.title_re.search(q)):
            break
        opens = _issuers_opening(q, cfg)  # 某区人民政府关于法治政府 / 建设情况报告
        spans = issuers_in(q, cfg)
        if not opens and spans and sum(e - s for s, e in spans) == len(q):
            break
        k -= 1
        before = cfg.title_issuer_before_re
        if before is not None and (before.match(q) is not None or opens):
            return k
        if first_year(q) is not None:
            found = k
    return found


def issuers_in(text: str, cfg: OutlineConfig) -> list[tuple[int, int]]:
    if cfg.issuer_re is None:
        return []
    return _with_parts(text, [m.span() for m in cfg.issuer_re.finditer(text)], cfg)


def _with_parts(text: str, spans: list[tuple[int, int]],
                cfg: OutlineConfig) -> list[tuple[int, int]]:
    """``spans`` of issuing bodies, each joined to the one before it where it is a part
    of that body written straight after it (``issuer_parts``: 某市公安局某区分局)."""
    parts = cfg.issuer_parts_re
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] == s and parts is not None and parts.fullmatch(text, s, e):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


_DATE_RANK = {"day": 3, "figures": 2, "month": 1}  # which of two dates found is the report's


def extract_meta(paragraphs: list[Paragraph], sections: list[Section], title_index: int | None,
                 cfg: OutlineConfig) -> tuple[Meta, dict[str, tuple[int, int, int]]]:
    """Metadata and, per field, where it was found: (paragraph, norm start, norm end)."""
    where: dict[str, tuple[int, int, int]] = {}
    meta = Meta()
    if title_index is not None:
        tp = paragraphs[title_index]
        end = _title_end(tp.norm, cfg)  # …工作报告 2024-12-12, as a page lists it
        text = tp.text[:tp.norm_map[end]] if end < len(tp.norm) else tp.text
        start = tp.norm.rfind(CELL_MARKS, 0, end) + 1  # the last cell: 标题 | 某局…报告
        if (bullet := cfg.web_page.bullet_re) is not None and (b := bullet.match(tp.norm, start)):
            start = b.end()  # a page's list item: • 某局…报告
        meta.title = _once(" ".join(_spaced_lines_closed(text, tp.line_starts, tp.norm_map[start]).split()))
        where["title"] = (title_index, start, end)
        if cfg.place_re is not None and (pm := cfg.place_re.match(tp.norm, _subject(tp.norm, cfg))):
            meta.place = pm.group(0)
            where["place"] = (title_index, *pm.span())
        y = first_year(tp.norm)
        if y:
            meta.report_year = y[0]
            where["report_year"] = (title_index, *y[1])
    closing = next((s for s in sections if s.kind == "closing"), None)
    signature = [p for p in (paragraphs[closing.start:closing.end] if closing else [])
                 if cfg.imprint_re is None or not cfg.imprint_re.fullmatch(p.norm)]
    # the lines above the title (by position: header[i] is paragraph i); without a
    # title, the first lines that are nothing but bodies stand for them
    header = paragraphs[:title_index] if title_index is not None else []
    above_title = header if title_index is not None else _bodies_without_title(paragraphs, cfg)
    candidates = above_title + _byline(paragraphs, title_index, cfg) + signature
    info = cfg.web_page.info_re
    above = {p.index for p in above_title}
    for p in candidates:
        if p.norm.endswith(":"):
            continue  # 中共某市委、某市人民政府: is the addressee (主送机关), not the issuer
        if info is not None and p.index in above and info.match(p.norm):
            continue  # a page's information field (发布机构…): only issuer_fields name the issuer
        line = signature_line(p.norm, cfg)  # 某某镇人民政府（盖章）: the note aside
        date = date_at_end(line)  # 某某镇人民政府 2023年2月1日: the date aside
        signer = line[:date.start()] if date is not None else line
        spans = issuers_in(signer, cfg)
        if spans and sum(e - s for s, e in spans) >= len(signer) * 0.6:
            covered = len(p.norm) == sum(e - s for s, e in spans)
            meta.issuer = _words(p.text) if covered else \
                " ".join(p.norm[s:e] for s, e in spans)
            where["issuer"] = (p.index, spans[0][0], spans[-1][1])
            if covered:  # joint issuers on lines of their own, one under the other
                for q in _issuer_lines_after(p, candidates, cfg):
                    meta.issuer += " " + _words(q.text)
            break
    if meta.issuer is None and title_index is not None:
        spans = _issuers_opening(paragraphs[title_index].norm, cfg)
        if spans:
            norm = paragraphs[title_index].norm
            meta.issuer = " ".join(norm[s:e] for s, e in spans)
            where["issuer"] = (title_index, spans[0][0], spans[-1][1])
    if meta.issuer is None:
        field = _issuer_in_a_field(paragraphs[:title_index if title_index is not None
                                              else cfg.meta.title_search_lines], cfg)
        if field is not None:
            meta.issuer, where["issuer"] = field
    under_title = _under_title(paragraphs, title_index, cfg)
    best: tuple[str, str, int, tuple[int, int]] | None = None
    for p in under_title + signature:
        iso, precision, span = parse_date(p.norm)
        if precision == "figures" and p in under_title:
            continue  # 2023-02-20 under a title is a web page's publication date, not 成文日期
        if iso and precision and span and \
                (best is None or _DATE_RANK[precision] > _DATE_RANK[best[1]]):
            best = (iso, precision, p.index, span)
    if best is None and "issuer" in where:
        best = _cover_letter_date(header, where["issuer"][0])
    if best:
        meta.date, meta.date_precision = best[0], best[1]
        where["date"] = (best[2], *best[3])
    if meta.report_year is None:
        found = _year_without_title(paragraphs, sections, title_index, meta.date, where.get("date"),
                                    cfg.year_cue_re)
        if found is not None:
            meta.report_year, where["report_year"] = found
    return meta, where


_QUOTES = "《“\"'‘「『"


# a tag before a title: its document number in brackets ([天政发〔2026〕7号]), or
# before the title in title marks (浙卫〔2024〕3号《…》), or the page's column (【工作总结】)
_TAG = re.compile(r"[\[【][^\]】]{1,20}[\]】]|[\u4e00-\u9fff]{1,8}〔\d{4}〕\d{1,5}号(?=《)")


def _opening(title: str) -> int:
    """Where a title's words start: after a table's cell mark, the quotation or title
    marks it is set in, and a tag that opens it."""
    pos = len(title) - len(title.lstrip(CELL_MARKS + _QUOTES))
    tag = _TAG.match(title, pos)
    if tag is None:
        return pos
    return len(title) - len(title[tag.end():].lstrip(_QUOTES))


def _subject(title: str, cfg: OutlineConfig) -> int:
    """Where the body or place a title names would start: after the marks it is set
    in, and after a year (2022年度) or one of ``title_issuer_before`` (关于) that
    opens it."""
    pos = _opening(title)
    year = first_year(title)
    if year is not None and year[1][0] == pos:
        pos = year[1][1]
        if title.startswith("度", pos):
            pos += 1
    elif cfg.title_issuer_before_re is not None and \
            (lead := cfg.title_issuer_before_re.match(title, pos)) is not None:
        pos = lead.end()
    return pos


def _issuers_opening(norm: str, cfg: OutlineConfig) -> list[tuple[int, int]]:
    """The issuing bodies a title opens with, when one of ``title_issuer_before``
    or the title's year follows them (…司法局关于…, …生态环境局 2022年度…,
    …人民政府法治政府建设…; a joint report: 中共…委员会…人民政府关于…, the bodies
    one after another or apart by one of ``issuer_joiners``); else none. A year or
    one of ``title_issuer_before`` may come first (2022年度某镇人民政府法治政府建设…,
    关于某镇人民政府2022年度…)."""
    issuer, before = cfg.issuer_re, cfg.title_issuer_before_re
    if issuer is None:
        return []
    year = first_year(norm)
    spans: list[tuple[int, int]] = []
    pos = _subject(norm, cfg)
    while (m := issuer.match(norm, pos)) is not None and m.end() > pos:
        spans.append(m.span())
        pos = m.end()
        if (year is not None and year[1][0] == pos) or (before is not None and before.match(norm, pos)):
            return _with_parts(norm, spans, cfg)
        pos += len(next((j for j in cfg.meta.issuer_joiners if j and norm.startswith(j, pos)), ""))
    return []


def _issuer_in_a_field(header: list[Paragraph], cfg: OutlineConfig
                       ) -> tuple[str, tuple[int, int, int]] | None:
    """The body a web page's information field names as the issuer (发文机关:某市人民政府),
    in the lines above the title: the issuer pattern's match right after the label."""
    field, issuer = cfg.issuer_field_re, cfg.issuer_re
    if field is None or issuer is None:
        return None
    for p in header:
        for f in field.finditer(p.norm):
            m = issuer.match(p.norm, f.end())
            if m is not None:
                return m.group(0), (p.index, m.start(), m.end())
    return None


def _issuer_lines_after(p: Paragraph, candidates: list[Paragraph],
                        cfg: OutlineConfig) -> list[Paragraph]:
    """The lines straight under ``p`` among ``candidates`` that are nothing but issuing
    bodies (中共某区委教育工作委员会 / 某区教育委员会 / 关于…的报告, or the same two
    over a signature's date): joint issuers, each on a line of its own."""
    out: list[Paragraph] = []
    by_index = {q.index: q for q in candidates}
    k = p.index + 1
    while (q := by_index.get(k)) is not None and only_bodies(q.norm, cfg):
        out.append(q)
        k += 1
    return out


def only_bodies(norm: str, cfg: OutlineConfig) -> bool:
    """Whether a line is short (as a signature line) and nothing but issuing bodies."""
    if len(norm) > cfg.meta.closing_max_chars:
        return False
    spans = issuers_in(norm, cfg)
    return bool(spans) and sum(e - s for s, e in spans) == len(norm)


def _bodies_without_title(paragraphs: list[Paragraph], cfg: OutlineConfig) -> list[Paragraph]:
    """Of a report without a title, the first lines (where a title is looked for) that
    are nothing but issuing bodies: a report read to a congress opens with the
    occasion and the body that reports (…会议上 / 某市人民政府 / 主任、副主任…:)."""
    return [p for p in paragraphs[:cfg.meta.title_search_lines] if only_bodies(p.norm, cfg)]


def _byline(paragraphs: list[Paragraph], title_index: int | None,
            cfg: OutlineConfig) -> list[Paragraph]:
    """The line under the title when it is nothing but issuing bodies (a byline, as
    the header of a report may carry it instead of a line above the title)."""
    if title_index is None or title_index + 1 >= len(paragraphs):
        return []
    p = paragraphs[title_index + 1]
    return [p] if only_bodies(p.norm, cfg) else []


def _under_title(paragraphs: list[Paragraph], title_index: int | None,
                 cfg: OutlineConfig) -> list[Paragraph]:
    """The short lines under the title where its date may stand: the next line
    (关于…的报告 / （2023年2月1日）), or the one after a byline (关于…的报告 /
    某镇人民政府 / 2023年2月1日). A page's information line (2021年12月03日 来源:
    上海普陀) dates the page, not the report."""
    if title_index is None:
        return []
    end = title_index + 2 + len(_byline(paragraphs, title_index, cfg))
    return [p for p in paragraphs[title_index + 1:end]
            if len(p.norm) <= 20 and not reads_as_fields(p.norm)]


def _once(title: str) -> str:
    """A title a page sets twice on its line (某镇2024年…报告 某镇2024年…报告), once."""
    half, sep, rest = title.partition(" ")
    while sep:
        if half == rest:
            return half
        more, sep, rest = rest.partition(" ")
        half = f"{half} {more}"
    return title


def _spaced_lines_closed(text: str, line_starts: list[int], start: int) -> str:
    """``text`` from ``start``, each of its lines set with a space between every
    character closed up: a title's last line spaced out (关于…工作的 / 报 告)."""
    bounds = [start, *(b for b in line_starts if b > start), len(text)]
    lines = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return "".join("".join(words) if _spaced_out(words := line.split(), 2) else line for line in lines)


def _spaced_out(words: list[str], least: int) -> bool:
    """Whether a line's ``words`` are at least ``least`` single characters: the line set
    with a space between every character."""
    return len(words) >= least and all(len(w) == 1 for w in words)


def _words(text: str) -> str:
    """A line's words with single spaces between them; a line set with a space between
    every character (青 海 省 卫 生 健 康 委, as a letterhead spaces a body's name out)
    closed up."""
    words = text.split()
    return "".join(words) if _spaced_out(words, 3) else " ".join(words)


def _cover_letter_date(header: list[Paragraph], issuer_at: int
                       ) -> tuple[str, str, int, tuple[int, int]] | None:
    """The date of a cover letter above the title (…特此报告。/ 某局 / 2025年1月15日):
    a line that is only a full date, straight under the issuer's line in the header.
    The report's own date, under its title or in its signature, comes first."""
    if issuer_at + 1 >= len(header) or not _only_a_date(header[issuer_at + 1].norm):
        return None
    p = header[issuer_at + 1]
    iso, precision, span = parse_date(p.norm)
    return (iso, precision, p.index, span) if iso and precision == "day" and span else None


def _only_a_date(norm: str) -> bool:
    m = date_at_end(norm.strip())
    return m is not None and m.start() == 0


def _year_without_title(paragraphs: list[Paragraph], sections: list[Section],
                        title_index: int | None, dated: str | None,
                        date_at: tuple[int, int, int] | None,
                        cue: re.Pattern[str] | None = None,
                        ) -> tuple[int, tuple[int, int, int]] | None:
    """The report year of a report whose title names none (or that has no title): the
    year in a ``cue`` before the first section (现将我镇2024年法治政府建设情况报告如下);
    else the year that opens a paragraph before the first section (2022年，我镇…); else the
    year the date implies (a report dated January to September reports on the year
    before, one dated in its last quarter on its own year); else the first year in
    the first paragraphs (a year mentioned in passing, 2018年在全市考评中…, only then)."""
    body = sections[0].end if sections and sections[0].kind == "preamble" else 0
    start = title_index + 1 if title_index is not None else 0
    if cue is not None:
        for p in paragraphs[start:min(body, start + 6)]:
            for m in cue.finditer(p.norm):
                y = first_year(m.group(0))
                if y:
                    return y[0], (p.index, m.start() + y[1][0], m.start() + y[1][1])
    for p in paragraphs[start:min(body, start + 6)]:
        y = first_year(p.norm)
        # a line that is only a date (a cover letter's, 2025年1月15日) opens with no report's year
        if y and y[1][0] == 0 and not _only_a_date(p.norm):
            return y[0], (p.index, *y[1])
    if dated is not None and date_at is not None:
        year, month = int(dated[:4]), int(dated[5:7])
        return (year if month >= 10 else year - 1), date_at
    for p in paragraphs[:6]:
        y = first_year(p.norm)
        if y:
            return y[0], (p.index, *y[1])
    return None
