"""Path → :class:`Document`: read, build paragraphs, outline, metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path

from fazhi.document.config import OutlineConfig
from fazhi.document.locate import evidence_at
from fazhi.document.metadata import extract_meta, find_title
from fazhi.document.model import Document, DocumentError, Extracted
from fazhi.document.outline import build_outline
from fazhi.document.paragraphs import build_paragraphs
from fazhi.document.readers import DEFAULT_MAX_BYTES, extract, read_bytes

MIN_REPORT_CHARS = 300


def build_document(ex: Extracted, cfg: OutlineConfig, path: str = "", sha256: str = "") -> Document:
    """Interpret extracted lines as a report."""
    paragraphs = build_paragraphs(ex.lines, cfg.join_min_chars)
    if not paragraphs:
        raise DocumentError("empty", "文件中没有可读的文字。请确认文件内容完整后重试。")
    title_index = find_title(paragraphs, cfg)
    sections, leads = build_outline(paragraphs, cfg, title_index)
    meta, where = extract_meta(paragraphs, sections, title_index, cfg)
    warnings = list(ex.warnings)
    total = sum(len(p.norm) for p in paragraphs)
    if total < MIN_REPORT_CHARS:
        warnings.append("too_short")
    doc = Document(path=path, sha256=sha256, format=ex.format, encoding=ex.encoding,
                   paragraphs=paragraphs, sections=sections, leads=leads, meta=meta,
                   warnings=warnings)
    doc.meta_evidence = {k: evidence_at(doc, *v) for k, v in where.items()}
    return doc


def load_document(path: Path, cfg: OutlineConfig, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read ``path`` and build its document, or raise :class:`DocumentError`."""
    data = read_bytes(path, max_bytes)
    sha = hashlib.sha256(data).hexdigest()
    ex = extract(path, data)
    return build_document(ex, cfg, str(path), sha)
