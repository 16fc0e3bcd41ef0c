"""Shared fixtures: the default rulebook's engine and documents built from text."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi.document.load import build_document
from fazhi.document.model import Document, Extracted, Location, SourceLine
from fazhi.engine import Engine
from fazhi.results import ReportResult
from fazhi.rulebook.locate import default_rulebook

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.from_file(default_rulebook())


def extracted(text: str) -> Extracted:
    return Extracted(format="txt", encoding="utf-8",
                     lines=[SourceLine(text=t, loc=Location(line=i + 1))
                            for i, t in enumerate(text.splitlines())])


@pytest.fixture(scope="session")
def make_doc(engine: Engine):  # type: ignore[no-untyped-def]
    def make(text: str) -> Document:
        return build_document(extracted(text), engine.book.document, "t.txt", "0")
    return make


@pytest.fixture(scope="session")
def check_text(engine: Engine):  # type: ignore[no-untyped-def]
    def run(text: str) -> ReportResult:
        return engine.check_extracted(extracted(text), "t.txt", "0")
    return run


def hard_wrap(lines: list[str], columns: int, indent: str = "") -> list[str]:
    """Each line set on a page ``columns`` display columns wide (a Chinese character
    takes two) and broken at the margin, as copying text out of a PDF gives it;
    ``indent`` opens each paragraph (blank lines stay blank)."""
    from fazhi.document.rewrap import display_width

    out = []
    for line in lines:
        piece = indent if line.strip() else ""
        width = display_width(piece)
        for ch in line.strip():
            w = display_width(ch)
            if width + w > columns and piece.strip():
                out.append(piece)
                piece, width = "", 0
            piece += ch
            width += w
        out.append(piece)
    return out


def numbered_pages(lines: list[str], per: int, mark: str, header: str = "",
                   footer: str = "") -> list[str]:
    """``lines`` with a page number ``mark`` (holding {n}; none if empty) after every
    ``per`` of them, as text copied out of a paged document keeps it; a running
    ``footer`` above each number and a ``header`` at the top of every page but the first."""
    out = []
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % per == 0:
            out += [x.format(n=i // per) for x in (footer, mark, header) if x]
    return out


def statuses(result: ReportResult) -> dict[str, str]:
    """Every rule's status in ``result``, by rule id."""
    return {x.rule: x.status for x in result.results}


def status_of(result: ReportResult, rule: str) -> str:
    return next(r.status for r in result.results if r.rule == rule)


RULES = ROOT / "rules"
DEFAULT = RULES / "annual_report.yaml"
LABELS = ROOT / "tests" / "data" / "labels.yaml"


OFFICE = DATA / "office"  # .doc and .rtf files saved by LibreOffice (see make.py there)


def tables_fields_lines(page_number: str) -> list[str]:
    """What a reader gets from office/tables-fields.*: a table row per line, a
    field's result, no footnote, header or footer, a line break kept (the page
    number is the field's stored result, which the saving program chose)."""
    return ["平安县司法局关于2023年度法治政府建设情况的报告", "Plain ASCII paragraph, 2023.",
            "一、主要举措和成效", "详见平安县人民政府网站公开的目录。第一行", "第二行",
            "事项 | 件数", "行政复议 | 12", f"当前页码{page_number}。", "平安县司法局",
            "2024年1月5日"]


def office_lines(path: Path, data: bytes | None = None) -> list[str]:
    """The lines a reader gets from a word-processor file, whitespace runs as one space."""
    from fazhi.document.readers import Limits, extract

    data = path.read_bytes() if data is None else data
    return [" ".join(ln.text.split()) for ln in extract(path, data, Limits()).lines]


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the ``nth`` occurrence of ``needle`` in ``text``."""
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return text.count("\n", 0, pos) + 1


@pytest.fixture
def mutated(tmp_path: Path):
    """Write the default rulebook with one replacement; return (path, text)."""

    def make(old: str, new: str, name: str = "book.yaml") -> tuple[Path, str]:
        text = DEFAULT.read_text(encoding="utf-8")
        assert old in text, old
        text = text.replace(old, new, 1)
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path, text

    return make
