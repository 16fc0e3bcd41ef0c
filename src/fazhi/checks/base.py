"""What every check kind shares: the parameter base, scopes, the evaluation
context and the outcome.

A check kind is a module with a ``Params`` model (its ``kind`` literal names
it in the rulebook) and an ``evaluate(params, ctx) -> Outcome`` function; the
module docstring is its documentation.

Scopes name where a check looks: ``all`` (the whole report), a section kind
(``shortcomings``), a named scope from the rulebook's ``scopes`` (``work``,
``gaps``), or ``rule:<id>``, the places where an earlier rule found its
evidence (see :class:`Region`). ``part`` narrows each section: ``all``, ``body`` (without the
section's own heading), ``heading`` (the top-level heading only) or
``headings`` (every heading at any level, run-in headings and enumerated
leads such as 一是…).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Annotated, Literal, NamedTuple, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo

from fazhi.document.config import ScannedRegexes, compile_any
from fazhi.document.locate import evidence_at, innermost, section_labels, top_section
from fazhi.document.model import Document, Evidence, Section
from fazhi.rulebook.schema import Regex

T = TypeVar("T", bound=Hashable)
Part = Literal["all", "body", "heading", "headings"]


def _check_scope(value: str, info: ValidationInfo) -> str:
    ctx = info.context or {}
    if value.startswith("rule:"):
        ref = value[5:]
        rules = ctx.get("rules")
        if rules is not None and ref not in rules:
            raise ValueError(f"范围引用的规则「{ref}」不存在或写在本规则之后")
        return value
    scopes = ctx.get("scopes")
    if scopes is not None and value not in scopes:
        raise ValueError(f"范围「{value}」不存在；可用：{'、'.join(sorted(scopes))}，或 rule:<规则编号>")
    return value


Scope = Annotated[str, AfterValidator(_check_scope)]
__all__ = ["CheckParams", "Context", "Outcome", "Part", "Regex", "Region", "ScannedRegexes", "Scope",
           "Span"]


class CheckParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Region(NamedTuple):
    """Where a match speaks for, for a later rule's ``rule:<id>`` scope: paragraphs
    [first, end), the first from character ``lo`` on and the last up to ``hi``
    (-1: to its end). A heading speaks for its whole section; an enumerated lead
    (二是认真履行第一责任人职责。…) for its item, up to the next lead in its paragraph
    (…；三是…), not for the items beside it; a match in a paragraph's text for the
    paragraph."""

    first: int
    end: int
    lo: int = 0
    hi: int = -1


class Span(NamedTuple):
    """A stretch of one paragraph's normalised text; ``region`` is what it speaks
    for (see :class:`Region`); ``heading``: the stretch is a heading or lead (a cited
    document's title there announces what the section reports, so ``not_evidence``
    does not apply)."""

    paragraph: int
    start: int
    end: int
    region: Region
    heading: bool = False


@dataclass
class Outcome:
    status: str
    evidence: list[Evidence] = field(default_factory=list)
    facts: dict[str, object] = field(default_factory=dict)
    message: str | None = None
    regions: list[Region] = field(default_factory=list)


@dataclass
class Context:
    """A document plus what the rulebook and earlier rules say about it."""

    doc: Document
    scopes: dict[str, list[str]]
    regions: dict[str, list[Region]] = field(default_factory=dict)
    not_evidence: re.Pattern[str] | None = None
    _cache: dict[tuple[str, str], list[Span]] = field(default_factory=dict)

    def sections(self, scope: str) -> list[Section]:
        """Sections in ``scope``: top-level ones and sub-sections with a kind of their own;
        of a section whose heading names kinds both in and out of the scope, the parts
        in it, where the outline could tell its parts apart."""
        if scope == "all":
            return list(self.doc.sections)
        kinds = set(self.scopes.get(scope, [scope]))
        out: list[Section] = []
        for s in self.doc.sections:
            own = {s.kind, *s.also}
            if s.parts and not own <= kinds:
                out.extend(p for p in s.parts if p.kind in kinds)
                out.extend(c for c in s.children if c.kind in kinds and c.kind not in own)
            elif s.kind in kinds or kinds.intersection(s.also):
                out.append(s)
            else:
                out.extend(c for c in s.children if c.kind in kinds)
        return out

    def _skipped(self, s: Section, scope: str) -> set[int]:
        """Paragraphs of sub-sections that have a kind outside ``scope`` (not this scope's text)."""
        if scope == "all":
            return set()
        kinds = set(self.scopes.get(scope, [scope]))
        return {i for c in s.children if c.kind is not None and c.kind not in kinds
                for i in range(c.start, c.end)}

    def spans(self, scope: str, part: Part = "all") -> list[Span]:
        key = (scope, part)
        if key not in self._cache:
            self._cache[key] = list(self._spans(scope, part))
        return self._cache[key]

    def _spans(self, scope: str, part: Part) -> Iterator[Span]:
        paras = self.doc.paragraphs
        if scope.startswith("rule:"):
            for r in self.regions.get(scope[5:], []):
                for i in range(r.first, r.end):
                    start = r.lo if i == r.first else 0
                    end = r.hi if i == r.end - 1 and r.hi >= 0 else len(paras[i].norm)
                    yield Span(i, start, end, Region(i, i + 1, start, end))
            return
        whole = self._whole_paragraphs
        for s in self.sections(scope):
            if part in ("heading", "headings"):
                yield from self._heading_spans(s, scope, deep=part == "headings")
                continue
            skip = self._skipped(s, scope)
            for i in [*range(*s.intro), *range(s.start, s.end)] if s.intro else range(s.start, s.end):
                if i in skip:
                    continue
                start = 0
                if part == "body" and s.heading is not None and i == s.heading.paragraph:
                    start = s.heading.title_end
                if start < len(paras[i].norm):
                    yield Span(i, start, len(paras[i].norm), whole[i])

    def _heading_spans(self, s: Section, scope: str, deep: bool) -> Iterator[Span]:
        """The heading of ``s``; with ``deep``, every heading and lead in it too."""
        if not deep:
            if s.heading is not None:
                h = s.heading
                start, end = s.named or (h.title_start, h.title_end)
                yield Span(h.paragraph, start, end, Region(s.start, s.end), True)
            return
        skip = self._skipped(s, scope)

        def walk(x: Section) -> Iterator[Span]:
            if x.heading is not None and x.heading.paragraph not in skip:
                h = x.heading
                yield Span(h.paragraph, h.title_start, h.title_end, Region(x.start, x.end), True)
            for c in x.children:
                yield from walk(c)

        yield from walk(s)
        leads, items = self.doc.leads, self._lead_items  # in paragraph order
        for k in range(bisect.bisect_left(self._lead_paragraphs, s.start),
                       bisect.bisect_left(self._lead_paragraphs, s.end)):
            lead = leads[k]
            if lead.paragraph not in skip:
                yield Span(lead.paragraph, lead.start, lead.end, items[k], True)

    @cached_property
    def _whole_paragraphs(self) -> list[Region]:
        """Each paragraph's region, made once: every scope's spans share them."""
        return [Region(i, i + 1) for i in range(len(self.doc.paragraphs))]

    @cached_property
    def _lead_paragraphs(self) -> list[int]:
        return [lead.paragraph for lead in self.doc.leads]

    @cached_property
    def _lead_items(self) -> list[Region]:
        """Each lead's item (one per ``doc.leads``): from the lead to the next lead of
        its paragraph (一是…；二是…), or to the paragraph's end."""
        leads = self.doc.leads
        ends = [nxt.start if nxt.paragraph == ld.paragraph else -1
                for ld, nxt in zip(leads, leads[1:], strict=False)] + [-1]
        return [Region(ld.paragraph, ld.paragraph + 1, ld.start, end)
                for ld, end in zip(leads, ends, strict=False)]

    @cached_property
    def _labels(self) -> list[str | None]:
        return section_labels(self.doc)

    def evidence(self, span: Span, start: int, end: int) -> Evidence:
        return self.evidence_at(span.paragraph, start, end)

    def evidence_at(self, paragraph: int, start: int, end: int) -> Evidence:
        """Evidence for [start, end) of a paragraph's normalised text."""
        return evidence_at(self.doc, paragraph, start, end, self._labels)

    def find(self, rx: re.Pattern[str], spans: list[Span],
             exclude: re.Pattern[str] | None = None,
             cited: bool = False) -> Iterator[tuple[Span, re.Match[str]]]:
        """Every match of ``rx`` in ``spans`` that does not overlap a match of ``exclude``
        and, outside headings and unless ``cited``, does not lie inside a match of the
        rulebook's ``not_evidence`` (a cited document's title in a sentence names a
        regulation; it does not report work)."""
        shielded, norms = self._shielded, self._norms
        for sp in spans:
            norm = norms[sp.paragraph]
            if rx.search(norm, sp.start, sp.end) is None:
                continue  # most spans hold no match: one search, no iterator
            for m in rx.finditer(norm, sp.start, sp.end):
                if exclude is not None and overlaps(exclude, norm, m.start(), m.end(),
                                                    sp.start, sp.end):
                    continue
                if not (cited or sp.heading) and shielded[sp.paragraph] and \
                        any(a <= m.start() and m.end() <= b for a, b in shielded[sp.paragraph]):
                    continue
                yield sp, m

    def listed(self, span: Span, m: re.Match[str]) -> bool:
        """Whether a match outside headings is one item of a list of topics (…、信访维稳、
        普法宣传等问题): weaker evidence than a sentence that reports the work."""
        if span.heading:
            return False
        norm = self._norms[span.paragraph]
        after = norm[m.end():m.end() + 2]
        return norm[m.start() - 1:m.start()] == "、" or after[:1] == "、" or "等" in after

    @cached_property
    def _norms(self) -> list[str]:
        return [p.norm for p in self.doc.paragraphs]

    @cached_property
    def _shielded(self) -> list[list[tuple[int, int]]]:
        """Per paragraph, the stretches that ``not_evidence`` matches (none without it)."""
        rx = self.not_evidence
        if rx is None:
            return [[] for _ in self.doc.paragraphs]
        return [[m.span() for m in rx.finditer(p.norm)] for p in self.doc.paragraphs]

    def section_of(self, paragraph: int) -> Section | None:
        top = top_section(self.doc, paragraph)
        return innermost(top, paragraph) if top else None


# How far on either side of a match an exclusion that overlaps it may reach: as far
# as the rulebook's longest (围绕行政执法监督、行政复议……等领域组织开展课题研究).
EXCLUDE_REACH = 60


def overlaps(rx: re.Pattern[str], text: str, s: int, e: int, lo: int, hi: int) -> bool:
    """Whether a match of ``rx`` near [s, e) (within [lo, hi), and no further than
    ``EXCLUDE_REACH`` either side) overlaps it."""
    return any(m.start() < e and m.end() > s
               for m in rx.finditer(text, max(lo, s - EXCLUDE_REACH), min(hi, e + EXCLUDE_REACH)))


@cache
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    return compile_any(list(patterns))


def any_of(patterns: list[str] | tuple[str, ...]) -> re.Pattern[str] | None:
    """One compiled alternation of ``patterns``: compiled on first use (the engine
    compiles all of a rulebook's when it loads it, see :func:`compile_patterns`)
    and shared by every check that uses the same list."""
    return _compiled(tuple(patterns))


def pattern_lists(params: BaseModel) -> Iterator[list[str]]:
    """Every list of patterns in a check's parameters, nested models included."""
    for name, info in type(params).model_fields.items():
        value = getattr(params, name)
        if info.annotation == list[Regex]:
            yield value
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                yield from pattern_lists(item)


def compile_patterns(checks: list[BaseModel]) -> dict[tuple[str, ...], re.Pattern[str] | None]:
    """Compile every pattern list of a rulebook's checks once; identical lists (the
    same wordings in several rules or tiers) share one compiled alternation."""
    return {tuple(p): any_of(p) for params in checks for p in pattern_lists(params)}


def distinct(words: list[T]) -> list[T]:
    """Words (or anything hashable) in first-seen order without repeats."""
    return list(dict.fromkeys(words))
