"""What the scorecard and the batch overview show, computed from a run result.

Pure functions from :mod:`fazhi.results` shapes to small view objects the
templates (and the CSV/XLSX writers) lay out. Everything that came from a
report is escaped here or in the templates; the only markup built in Python is
``<mark>``/``<a>`` around already-escaped report text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import PurePath
from typing import NamedTuple

from markupsafe import Markup, escape

from fazhi.document.model import Evidence
from fazhi.render.text import ICONS, LABELS, SEVERITY_LABELS
from fazhi.results import ReportResult, RuleResult, RunResult
from fazhi.rulebook.schema import Rulebook

STATUSES = ("fail", "partial", "pass", "not_applicable")
STATUS_RANK = {s: i for i, s in enumerate(STATUSES)}
SEVERITY_RANK = {"required": 0, "recommended": 1, "info": 2}
GAP_STATUSES = ("fail", "partial")

CLASSIFIED_LABELS = {
    "heading": "按标题措辞",
    "content": "按正文措辞",
    "default": "无法判断，按默认归类",
    "position": "按位置",
    "opening": "合并章节中，按段落开头",
    "unstructured": "报告没有编号章节",
}

# Names the output folder uses for itself; a report never gets one of them.
RESERVED_STEMS = {"index", "summary"}
_UNSAFE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                    *(f"lpt{i}" for i in range(10))}
_MAX_STEM = 80
_MAX_STEM_BYTES = 150  # 50 Chinese characters


def severity_label(severity: str) -> str:
    return SEVERITY_LABELS.get(severity, severity)


def gap_order(x: RuleResult) -> tuple[int, int]:
    """Fail before partial, then required before recommended before info."""
    return STATUS_RANK[x.status], SEVERITY_RANK.get(x.severity, 9)


# -- file names ---------------------------------------------------------------
def _safe_stem(path: str) -> str:
    stem = PurePath(path.replace("\\", "/")).stem
    stem = unicodedata.normalize("NFC", stem)
    stem = _UNSAFE_NAME.sub("_", stem).strip(" ._")[:_MAX_STEM]
    # file systems count bytes (255 in a name, the temporary name while writing included)
    stem = stem.encode("utf-8")[:_MAX_STEM_BYTES].decode("utf-8", "ignore").rstrip(" .") \
        or "report"
    return f"{stem}_" if stem.casefold() in _WINDOWS_DEVICES else stem


def scorecard_names(reports: Sequence[ReportResult | str]) -> list[str]:
    """A distinct, portable file name per report.

    The input's stem with characters that file systems or URLs treat specially
    replaced by ``_``; where stems collide (ignoring case, as a FAT-formatted
    USB stick does) or take a name the folder uses itself, a short hash of the
    input's path is added. Takes reports or their paths, so that a batch can name
    every scorecard before any report is checked.
    """
    paths = [r if isinstance(r, str) else r.path for r in reports]
    stems = [_safe_stem(p) for p in paths]
    counts: dict[str, int] = {}
    for s in stems:
        counts[s.casefold()] = counts.get(s.casefold(), 0) + 1
    out = []
    for path, s in zip(paths, stems, strict=True):
        if counts[s.casefold()] > 1 or s.casefold() in RESERVED_STEMS:
            s = f"{s}-{hashlib.sha256(path.encode('utf-8')).hexdigest()[:8]}"
        out.append(f"{s}.html")
    return out


# -- highlighting -------------------------------------------------------------
_SPECIAL = re.compile("[&<>'\"]")


def _esc(text: str) -> str:
    """``text`` escaped as :func:`markupsafe.escape` escapes it, as a plain string for
    pieces that are joined into one Markup later. Most report text has nothing to
    escape, and one search is cheaper than making a Markup object per piece."""
    return str(escape(text)) if _SPECIAL.search(text) else text


def highlight(text: str, match: str | None) -> Markup:
    """``text`` escaped, with every occurrence of ``match`` wrapped in ``<mark>``."""
    if not match or match not in text:
        return escape(text)
    marked = f"<mark>{_esc(match)}</mark>"
    return Markup(marked.join(_esc(part) for part in text.split(match)))


@cache  # four statuses: the same few bytes on every card
def status_badge(status: str) -> Markup:
    """The coloured status label (icon and word, so that black-and-white print keeps it)."""
    return Markup(f'<span class="badge st-{escape(status)}"><span class="icon" aria-hidden="true">'
                  f"{escape(ICONS[status])}</span>{escape(LABELS[status])}</span>")


def evidence_location(e: Evidence, row: str | None) -> Markup:
    """Where a piece of evidence stands: section, page, line (a link into the full
    text when ``row``, the id of the full text's row that holds it, is known)."""
    parts = [_esc(x) for x in (e.section, f"第 {e.page} 页" if e.page else None) if x]
    out = f'<p class="loc">位置：{" · ".join(parts)}{" · " if parts and e.line else ""}'
    if e.line:
        if row is not None:
            out += (f'<a href="#{_esc(row)}">第 {e.line} 行'
                    '<span class="no-print">（在全文中查看）</span></a>')
        else:
            out += f"第 {e.line} 行"
    return Markup(out + "</p>")


def rule_anchor(rule: str) -> str:
    return f"rule-{rule}"


def evidence_anchor(rule: str, k: int) -> str:
    return f"ev-{rule}-{k}"


def line_anchor(page: int | None, line: int | None) -> str:
    """The id of a line of the full text: lines are numbered per page in paged formats
    (PDF, OFD), so the page is part of the place."""
    return f"L{line}" if page is None else f"P{page}L{line}"


class Ref(NamedTuple):
    """A rule whose evidence lies on a line of the full text (a tuple: a report
    makes one per piece of evidence)."""

    rule: str
    title: str
    status: str
    anchor: str


@dataclass(slots=True)
class TextRow:
    """One line of the full text, ready to lay out. ``id``: its id on the page, the
    :func:`line_anchor` of its line, with "-2", "-3"… on the rows after the first
    that come from the same line of the file (a line that the document stage cut
    into pieces, such as a report whose line breaks were lost)."""

    line: int
    page: int | None
    html: Markup
    refs: list[Ref]
    block_start: bool
    page_start: bool
    id: str
    left_out: bool = False  # a web page's chrome or a page number, not read by the checks


def _find_all(haystack: str, needle: str) -> list[int]:
    out = []
    i = haystack.find(needle)
    while i >= 0 and needle:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def _evidence_span(block: str, start: int, end: int, e: Evidence) -> tuple[int, int] | None:
    """Where in its paragraph a piece of evidence stands: the matched words that begin
    on the evidence's line (inside the quoted sentence when it can be found)."""
    m = e.match or ""
    if m:
        cands = [p for p in _find_all(block, m) if start <= p < end]
        if not cands:
            return None
        for q in _find_all(block, e.text):
            for p in cands:
                if q <= p and p + len(m) <= q + len(e.text):
                    return p, p + len(m)
        return cands[0], cands[0] + len(m)
    for q in _find_all(block, e.text):
        if q < end and q + len(e.text) > start:
            return q, q + len(e.text)
    return None


def full_text(report: ReportResult) -> list[TextRow]:
    """The report's lines with every piece of evidence marked and linked to its rule."""
    return _full_text(report)[0]


def _full_text(report: ReportResult) -> tuple[list[TextRow], dict[str, str]]:
    """The rows of :func:`full_text`, and the id of the row each piece of evidence is
    on, by its :func:`evidence_anchor`. Where several rows come from the same line
    of the file, evidence goes to the row that holds its words."""
    src = report.source or []
    block_text: dict[int, str] = {}
    offset: list[int] = []
    for s in src:
        if s.block is None:  # left out of the checks: holds no evidence
            offset.append(0)
            continue
        before = block_text.get(s.block, "")
        offset.append(len(before))
        block_text[s.block] = before + s.text
    rows_of: dict[tuple[int | None, int], list[int]] = {}
    for i, s in enumerate(src):
        rows_of.setdefault((s.page, s.line), []).append(i)
    spans: dict[int, list[tuple[int, int, Ref]]] = {}
    refs: dict[int, list[Ref]] = {}
    placed: dict[str, int] = {}
    for r in report.results:
        for k, e in enumerate(r.evidence):
            candidates = rows_of.get((e.page, e.line), []) if e.line is not None else []
            if not candidates:
                continue
            ref = Ref(r.rule, r.title, r.status, evidence_anchor(r.rule, k))
            at, span = candidates[0], None
            for i in candidates:
                b = src[i].block
                if b is None:
                    continue
                span = _evidence_span(block_text[b], offset[i], offset[i] + len(src[i].text), e)
                if span is not None:
                    at = i
                    spans.setdefault(b, []).append((span[0], span[1], ref))
                    break
            placed[ref.anchor] = at
            row_refs = refs.setdefault(at, [])
            if all(x.rule != ref.rule for x in row_refs):
                row_refs.append(ref)
    rows = []
    prev_block: int | None = None
    prev_page: int | None = None
    seen: dict[str, int] = {}  # rows so far per line
    for i, s in enumerate(src):
        marks = spans.get(s.block) if s.block is not None else None
        html = _mark_line(s.text, offset[i], marks) if marks else escape(s.text)
        anchor = line_anchor(s.page, s.line)
        repeat = seen.get(anchor, 0)
        seen[anchor] = repeat + 1
        rows.append(TextRow(line=s.line, page=s.page, html=html, refs=refs.get(i, []),
                            block_start=s.block != prev_block and i > 0,
                            page_start=s.page is not None and s.page != prev_page,
                            id=f"{anchor}-{repeat + 1}" if repeat else anchor,
                            left_out=s.block is None))
        prev_block, prev_page = s.block, s.page
    return rows, {anchor: rows[i].id for anchor, i in placed.items()}


def fulltext_html(rows: Sequence[TextRow]) -> Markup:
    """The full text's rows laid out as the scorecard shows them: a line number that
    links to itself, the line with its evidence marked, and a chip per rule whose
    evidence is on it, linking back to the rule's quote.

    Built here rather than in the template: a report has hundreds of lines, and a
    template loop over them cost more than checking the report."""
    chips: dict[Ref, str] = {}  # a rule's chip is the same on every line it marks
    out: list[str] = []
    for row in rows:
        if row.page_start:
            out.append(f'<div class="page-break">第 {row.page} 页</div>\n')
        css = "ln para" if row.block_start else "ln"
        if row.left_out:
            css += ' out" title="网页内容、页码、页眉页脚或目录，未参与判定'
        rid = _esc(row.id)
        out.append(f'<div class="{css}" id="{rid}"><a class="num" href="#{rid}">{row.line}</a>'
                   f'<span class="tx">{row.html}</span>\n')
        if row.refs:
            out.append('<span class="backs">')
            for ref in row.refs:
                chip = chips.get(ref)
                if chip is None:
                    title = escape(ref.title)
                    chip = chips[ref] = (
                        f'<a class="chip st-{escape(ref.status)}" href="#{escape(ref.anchor)}" '
                        f'title="{escape(LABELS[ref.status])}：{title}"><span aria-hidden="true">'
                        f"{escape(ICONS[ref.status])}</span> {title}</a>")
                out.append(chip)
            out.append("</span>\n")
        out.append("</div>\n")
    return Markup("".join(out))


def _mark_line(text: str, start: int, spans: list[tuple[int, int, Ref]]) -> Markup:
    end = start + len(text)
    inside = [(max(a, start), min(b, end), ref) for a, b, ref in spans if a < end and b > start]
    if not inside:
        return escape(text)
    cuts = sorted({start, end, *(a for a, _, _ in inside), *(b for _, b, _ in inside)})
    out: list[str] = []  # escaped pieces, joined into one Markup at the end
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = _esc(text[a - start:b - start])
        covering = tuple((ref.status, ref.title) for x, y, ref in inside if x <= a and b <= y)
        out.append(f"{_mark_open(covering)}{piece}</mark>" if covering else piece)
    return Markup("".join(out))


@lru_cache(maxsize=4096)  # the same few rules mark the same words in report after report
def _mark_open(covering: tuple[tuple[str, str], ...]) -> str:
    """The ``<mark>`` that opens words which are evidence of the rules ``covering``
    (status, title): coloured by the worst status, every rule named in its title."""
    worst = min((status for status, _ in covering), key=lambda st: STATUS_RANK[st])
    labels = dict.fromkeys(f"{LABELS[status]}：{title}" for status, title in covering)
    return f'<mark class="hl st-{escape(worst)}" title="{escape("；".join(labels))}">'


# -- one report ---------------------------------------------------------------
@dataclass
class SeverityRow:
    severity: str
    label: str
    counts: dict[str, int]
    total: int


@dataclass(frozen=True, slots=True)
class RuleCard:
    """A rule's result and its card, laid out (:func:`rule_card`)."""

    result: RuleResult
    html: Markup


def rule_card(x: RuleResult, evidence_rows: Mapping[str, str]) -> RuleCard:
    """The card of ``x`` as the scorecard shows it: the rule (status, severity,
    title, id), why it was judged so, its legal basis, each piece of evidence (the
    quoted sentence with the matched words marked, and where it stands, linked to
    the full text's row in ``evidence_rows``, by the evidence's anchor: see
    :func:`_full_text`) and the suggestion.

    Laid out here rather than in the template: a report has some thirty cards,
    and a template expression costs a call per value, while a rule's heading and
    basis are the same on every report's card and are made once (:func:`_card_top`,
    :func:`_card_basis`)."""
    out = [_card_top(x.rule, x.title, x.status, x.severity),
           f"<dd>{_esc(x.message)}</dd>\n", _card_basis(tuple(x.basis))]
    if x.status != "not_applicable":
        out.append("<dt>原文证据</dt>\n<dd>\n")
        if x.evidence:
            out.append('<ul class="evidence">\n')
            for k, e in enumerate(x.evidence):
                anchor = evidence_anchor(x.rule, k)
                out.append(f'<li id="{_esc(anchor)}"><blockquote>{highlight(e.text, e.match)}'
                           f"</blockquote>\n{evidence_location(e, evidence_rows.get(anchor))}"
                           "</li>\n")
            out.append("</ul>\n")
        else:
            out.append('<p class="none">报告中没有找到相关文字。</p>\n')
        out.append("</dd>\n")
    if x.suggestion:
        out.append(f'<dt>整改建议</dt>\n<dd class="suggest">{_esc(x.suggestion)}</dd>\n')
    out.append("</dl>\n</article>\n")
    return RuleCard(x, Markup("".join(out)))


@lru_cache(maxsize=1024)
def _card_top(rule: str, title: str, status: str, severity: str) -> str:
    """A card's opening up to its reason: the rule's status badge, severity, title and id."""
    sev = escape(severity)
    return (f'<article class="rule st-{escape(status)}" id="{escape(rule_anchor(rule))}" '
            f'data-status="{escape(status)}" data-severity="{sev}">\n'
            f'<header class="rule-head">\n{status_badge(status)}\n'
            f'<span class="sev sev-{sev}">{escape(severity_label(severity))}</span>\n'
            f"<h3>{escape(title)}</h3>\n<code class=\"rule-id\">{escape(rule)}</code>\n</header>\n"
            f'<dl class="rule-body">\n'
            f"<dt>{'不适用原因' if status == 'not_applicable' else '判定理由'}</dt>\n")


@lru_cache(maxsize=1024)
def _card_basis(basis: tuple[str, ...]) -> str:
    """A card's legal basis, one item per provision."""
    if not basis:
        return ""
    items = "".join(f"<li>{escape(b)}</li>" for b in basis)
    return f'<dt>依据</dt>\n<dd><ul class="basis">{items}</ul></dd>\n'


@dataclass(frozen=True, slots=True)
class OutlineRow:
    """A section of the outline as the scorecard's table shows it: ``where`` is its
    line ("第2页 15" in paged formats), ``href`` the full text's row it links to
    (None when the full text does not show that line)."""

    level: int
    indent: int  # px
    heading: str
    kind_label: str | None
    classified: str
    where: str
    href: str | None


def outline_rows(report: ReportResult, lines: set[str]) -> list[OutlineRow]:
    """The report's outline; ``lines``: the ids of the full text's rows."""
    out = []
    for o in report.outline:
        where = f"第{o.page}页 {o.line}" if o.page and o.line else str(o.line or "")
        anchor = line_anchor(o.page, o.line) if o.line else None
        out.append(OutlineRow(
            level=o.level, indent=12 + (o.level - 1) * 24, heading=o.heading,
            kind_label=o.kind_label,
            classified=CLASSIFIED_LABELS.get(o.classified_by, o.classified_by)
            if o.classified_by else "",
            where=where, href=anchor if anchor in lines else None))
    return out


@dataclass
class ScorecardView:
    gaps: list[RuleCard]
    passes: list[RuleCard]
    not_applicable: list[RuleCard]
    by_severity: list[SeverityRow]
    required_fail: list[RuleResult]
    required_partial: list[RuleResult]
    rows: list[TextRow]
    fulltext: Markup = Markup()  # the rows laid out (:func:`fulltext_html`)
    lines: set[str] = field(default_factory=set)  # ids of the full text's lines
    outline: list[OutlineRow] = field(default_factory=list)
    left_out: bool = False  # some lines are a web page's chrome or page numbers, left out


def scorecard_view(report: ReportResult) -> ScorecardView:
    results = report.results
    severities = sorted({x.severity for x in results}, key=lambda s: (SEVERITY_RANK.get(s, 9), s))
    by_sev = []
    for sev in severities:
        xs = [x for x in results if x.severity == sev]
        by_sev.append(SeverityRow(sev, severity_label(sev),
                                  {s: sum(x.status == s for x in xs) for s in STATUSES}, len(xs)))
    rows, evidence_rows = _full_text(report)
    lines = {r.id for r in rows}

    def cards(xs: Iterable[RuleResult]) -> list[RuleCard]:
        return [rule_card(x, evidence_rows) for x in xs]

    return ScorecardView(
        gaps=cards(sorted((x for x in results if x.status in GAP_STATUSES), key=gap_order)),
        passes=cards(x for x in results if x.status == "pass"),
        not_applicable=cards(x for x in results if x.status == "not_applicable"),
        by_severity=by_sev,
        required_fail=[x for x in results if x.severity == "required" and x.status == "fail"],
        required_partial=[x for x in results
                          if x.severity == "required" and x.status == "partial"],
        rows=rows,
        fulltext=fulltext_html(rows),
        lines=lines,
        outline=outline_rows(report, lines),
        left_out=any(r.left_out for r in rows),
    )


# -- the batch ----------------------------------------------------------------
@dataclass(frozen=True)
class RuleInfo:
    """A rule as the batch overview shows it: the same for every report of a batch,
    so kept once per batch."""

    rule: str
    title: str
    severity: str
    basis: list[str]


def batch_rules(run: RunResult) -> list[RuleInfo]:
    """Every rule that any report was checked against, in rulebook order."""
    seen: dict[str, RuleInfo] = {}
    for r in run.reports:
        note_rules(seen, r)
    return list(seen.values())


def note_rules(seen: dict[str, RuleInfo], report: ReportResult) -> None:
    """Add the rules ``report`` was checked against that ``seen`` does not hold yet."""
    for x in report.results:
        if x.rule not in seen:
            seen[x.rule] = RuleInfo(x.rule, x.title, x.severity, x.basis)


def rulebook_rules(book: Rulebook) -> list[RuleInfo]:
    """The rules of ``book`` as every report checked against it carries them (the
    engine gives each report one result per rule, in this order): what
    :func:`batch_rules` finds in a batch checked against ``book``."""
    return [RuleInfo(r.id, r.title, r.severity, [b.document + (b.article or "") for b in r.basis])
            for r in book.rules]


@dataclass(frozen=True)
class Gap:
    """A rule a report fails or partly meets, as the workbook's 问题明细 lists it (the
    rule's title, severity and basis are the batch's :class:`RuleInfo`)."""

    rule: str
    status: str
    message: str
    suggestion: str | None
    lines: tuple[int, ...]  # where its evidence stands


@dataclass(frozen=True)
class OverviewRow:
    """What the batch overview (index.html, summary.csv, summary.xlsx) shows of one
    report, computed where the report is checked. The overview writes it out at
    once and keeps none of it: ``results`` and ``gaps`` exist only on the way."""

    path: str
    scorecard: str  # the scorecard's file name
    status: str  # "checked" or "error"
    error_code: str | None = None
    error_message: str | None = None  # None when the report could be checked
    issuer: str | None = None
    report_year: int | None = None
    date: str | None = None
    score: float | None = None
    grade: str | None = None
    verdict: str | None = None
    compliant: bool | None = None
    required_fail: int = 0
    required_partial: int = 0
    results: tuple[tuple[str, str], ...] = ()  # (rule, status) in the report's order
    gaps: tuple[Gap, ...] = ()  # fail before partial, required before recommended before info
    warnings: tuple[str, ...] = ()  # what reading the file gave reason to doubt (flattened…)

    @classmethod
    def of(cls, r: ReportResult, scorecard: str) -> OverviewRow:
        m = r.meta
        gaps = sorted((x for x in r.results if x.status in GAP_STATUSES), key=gap_order)
        return cls(
            path=r.path, scorecard=scorecard, status=r.status,
            error_code=r.error.code if r.error else None,
            error_message=r.error.message if r.error else None,
            issuer=m.issuer if m else None, report_year=m.report_year if m else None,
            date=m.date if m else None, score=r.score, grade=r.grade, verdict=r.verdict,
            compliant=r.compliant,
            required_fail=sum(x.severity == "required" and x.status == "fail" for x in r.results),
            required_partial=sum(x.severity == "required" and x.status == "partial"
                                 for x in r.results),
            results=tuple((x.rule, x.status) for x in r.results),
            gaps=tuple(Gap(x.rule, x.status, x.message, x.suggestion,
                           tuple(sorted({e.line for e in x.evidence if e.line is not None})))
                       for x in gaps),
            warnings=tuple(r.warnings))

    @property
    def checked(self) -> bool:
        return self.status == "checked"

    @property
    def short(self) -> str:
        """The scorecard's name without .html: how the matrix and lists name the report."""
        return self.scorecard.removesuffix(".html")

    @property
    def file_name(self) -> str:
        return self.path.replace("\\", "/").rpartition("/")[2]

    @property
    def folder(self) -> str:
        """The folder of the input as shown, with a trailing /, or ""."""
        folder = self.path.replace("\\", "/").rpartition("/")[0]
        return f"{folder}/" if folder else ""

    def statuses(self, rules: Sequence[RuleInfo]) -> list[str | None]:
        """This report's status on each of ``rules`` (None where it has no result)."""
        mine = dict(self.results)
        return [mine.get(info.rule) for info in rules]
