"""From a match in normalised text back to the report's own words and place."""

from __future__ import annotations

import bisect
import re

from fazhi.document.config import POSITION_KINDS
from fazhi.document.model import Document, Evidence, Paragraph, Section

_STOPS = "。!?;！？；"
_STOP = re.compile(f"[{_STOPS}]")
_UP_TO_LAST_STOP = re.compile(f".*[{_STOPS}]", re.S)  # greedy: ends after the last stop
_EXCERPT_MAX = 120

SPECIAL_LABELS = {kind: f"{label}部分" for kind, label in POSITION_KINDS.items()}


def top_section(doc: Document, paragraph: int) -> Section | None:
    for s in doc.sections:
        if s.start <= paragraph < s.end:
            return s
    return None


def innermost(section: Section, paragraph: int) -> Section:
    for c in section.children:
        if c.start <= paragraph < c.end:
            return innermost(c, paragraph)
    return section


def heading_text(doc: Document, section: Section) -> str:
    """The heading as the report writes it (marker included), or a label for unheaded parts."""
    if section.heading is None:
        return SPECIAL_LABELS.get(section.kind or "", "正文")
    p = doc.paragraphs[section.heading.paragraph]
    end = section.heading.title_end
    orig_end = p.norm_map[end - 1] + 1 if end > 0 else len(p.text)
    return " ".join(p.text[:orig_end].split())


def opening_text(doc: Document, section: Section, limit: int = 30) -> str:
    """The first words of a section's first paragraph, for a part of a section that
    starts at a paragraph rather than under a heading of its own."""
    text = " ".join(doc.paragraphs[section.start].text.split())
    return text if len(text) <= limit else text[:limit] + "……"


def section_label(doc: Document, paragraph: int) -> str | None:
    s = top_section(doc, paragraph)
    return heading_text(doc, s) if s else None


def section_labels(doc: Document) -> list[str | None]:
    """The label of each paragraph's top-level section (None outside every section)."""
    labels: list[str | None] = [None] * len(doc.paragraphs)
    for s in reversed(doc.sections):  # the first section that holds a paragraph names it
        label = heading_text(doc, s)
        for i in range(max(s.start, 0), min(s.end, len(labels))):
            labels[i] = label
    return labels


def _orig_span(p: Paragraph, start: int, end: int) -> tuple[int, int]:
    if not p.norm_map:
        return 0, 0
    start = min(max(start, 0), len(p.norm_map) - 1)
    end = min(max(end, start + 1), len(p.norm_map))
    return p.norm_map[start], p.norm_map[end - 1] + 1


def evidence_at(doc: Document, paragraph: int, start: int, end: int,
                labels: list[str | None] | None = None) -> Evidence:
    """Evidence for the normalised span [start, end) of a paragraph: the sentence around it.
    ``labels``: the document's :func:`section_labels`, when the caller keeps them."""
    p = doc.paragraphs[paragraph]
    o_start, o_end = _orig_span(p, start, end)
    text = p.text
    m1 = _UP_TO_LAST_STOP.match(text, 0, o_start)
    s = m1.end() if m1 else 0  # after the last stop before it
    m2 = _STOP.search(text, o_end)
    e = m2.end() if m2 else len(text)
    if e - s > _EXCERPT_MAX:
        s = max(s, o_start - _EXCERPT_MAX // 2)
        e = min(e, max(o_end, s + _EXCERPT_MAX))
    line_i = max(bisect.bisect_right(p.line_starts, o_start) - 1, 0)
    loc = p.locs[line_i]
    return Evidence(text=text[s:e].strip(), match=text[o_start:o_end], line=loc.line, page=loc.page,
                    paragraph=loc.paragraph,
                    section=labels[paragraph] if labels is not None else section_label(doc, paragraph))
