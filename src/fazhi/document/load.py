"""Path → :class:`Document`: read, build paragraphs, outline, metadata, warnings."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fazhi.document.config import OutlineConfig
from fazhi.document.furniture import drop_page_furniture
from fazhi.document.locate import evidence_at
from fazhi.document.metadata import (
    extract_meta,
    find_title,
    only_bodies,
    title_breaks,
    title_lines,
    title_start,
)
from fazhi.document.model import Document, DocumentError, Extracted, Paragraph, Section, SourceLine
from fazhi.document.outline import build_outline
from fazhi.document.paragraphs import Piece, group_paragraphs, line_pieces, merge_paragraphs
from fazhi.document.readers import DEFAULT_MAX_BYTES, Limits, extract, is_report_file, read_bytes
from fazhi.document.readers.archive import is_archive
from fazhi.document.readers.archive import problem as archive_problem
from fazhi.document.rewrap import mark_wrapped
from fazhi.document.unflatten import unflatten
from fazhi.document.webpage import strip_web_page


def _headings(sections: list[Section]) -> set[int]:
    out: set[int] = set()
    for s in sections:
        if s.heading is not None and not s.heading.run_in:
            out.add(s.heading.paragraph)
        out |= _headings(s.children)
    return out


def is_truncated(paragraphs: list[Paragraph], sections: list[Section], cfg: OutlineConfig) -> bool:
    """Whether the text stops inside its first sections (see :class:`CompletenessConfig`)."""
    if not paragraphs or (sections and sections[-1].kind in ("closing", "attachments")):
        return False
    comp = cfg.completeness
    last = paragraphs[-1]
    on_heading = last.index in _headings(sections)
    cut = on_heading or not comp.sentence_end_re.search(last.norm)
    if not cut:
        return False
    kinds = {s.kind for s in sections}
    return not comp.end_kinds or any(k not in kinds for k in comp.end_kinds)


def document_warnings(ex: Extracted, paragraphs: list[Paragraph], sections: list[Section],
                      cfg: OutlineConfig, flattened: bool = False, hard_wrapped: bool = False,
                      web_page: bool = False) -> list[str]:
    warnings = list(ex.warnings)
    if flattened:
        warnings.append("flattened")
    if hard_wrapped:
        warnings.append("hard_wrapped")
    if web_page:
        warnings.append("web_page")
    if sum(len(p.norm) for p in paragraphs) < cfg.completeness.min_chars:
        warnings.append("too_short")
    if is_truncated(paragraphs, sections, cfg):
        warnings.append("truncated")
    return warnings


def build_document(ex: Extracted, cfg: OutlineConfig, path: str = "", sha256: str = "") -> Document:
    """Interpret extracted lines as a report."""
    lines = unflatten(ex.lines, cfg)
    pieces = line_pieces(ex.lines if lines is None else lines)
    article = strip_web_page(pieces, cfg.web_page, cfg.title_re,
                             lambda norm: only_bodies(norm, cfg),
                             lambda norms, end: title_start(norms, end, cfg))
    kept = pieces if article is None else article
    kept = drop_page_furniture(kept, cfg.page_furniture, ex.laid_out) or kept
    wrapped = mark_wrapped(kept, cfg) if lines is None and not ex.laid_out else None
    lined = kept if wrapped is None else wrapped
    heads = [p.norm for p in lined[:cfg.meta.title_search_lines]]
    titles = title_lines(heads, cfg)
    paragraphs = group_paragraphs(lined, cfg.join_min_chars, titles, title_breaks(heads, titles))
    if not paragraphs:
        raise DocumentError("empty", "文件中没有可读的文字。请确认文件内容完整后重试。")
    title_index = find_title(paragraphs, cfg)
    if title_index is not None:
        start = title_start([p.norm for p in paragraphs], title_index, cfg)
        if start < title_index:
            paragraphs = merge_paragraphs(paragraphs, start, title_index + 1)
            title_index = start
    sections, leads = build_outline(paragraphs, cfg, title_index)
    meta, where = extract_meta(paragraphs, sections, title_index, cfg)
    doc = Document(path=path, sha256=sha256, format=ex.format, encoding=ex.encoding,
                   paragraphs=paragraphs, sections=sections, leads=leads, meta=meta,
                   warnings=document_warnings(ex, paragraphs, sections, cfg,
                                              flattened=lines is not None,
                                              hard_wrapped=wrapped is not None,
                                              web_page=article is not None))
    doc.meta_evidence = {k: evidence_at(doc, *v) for k, v in where.items()}
    if kept is not pieces:  # a web page's chrome or page furniture set aside
        doc.removed = removed_runs(pieces, kept)
    return doc


def removed_runs(pieces: list[Piece], kept: list[Piece]) -> list[list[SourceLine]]:
    """The lines of ``pieces`` with nothing in ``kept``, in runs of consecutive ones
    (a line whose part is kept, a web page's title field, is no removed line). A run
    also ends where the places go back (a PDF's side-column lines come after the
    text, each numbered on its own page), so that each run reads first to last."""
    ids = {id(p.line) for p in kept}
    runs: list[list[SourceLine]] = []
    previous_removed = False
    for p in pieces:
        if id(p.line) in ids:
            previous_removed = False
            continue
        if previous_removed and p.line.loc.place >= runs[-1][-1].loc.place:
            runs[-1].append(p.line)
        else:
            runs.append([p.line])
        previous_removed = True
    return runs


def load_document(path: Path, cfg: OutlineConfig, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read ``path`` and build its document, or raise :class:`DocumentError` (an
    archive that is an input of its own says why it was not unpacked)."""
    if is_archive(path):
        raise archive_problem(path, max_bytes, is_report_file)
    data = read_bytes(path, max_bytes)
    sha = hashlib.sha256(data).hexdigest()
    ex = extract(path, data, Limits.for_size(max_bytes))
    return build_document(ex, cfg, str(path), sha)
