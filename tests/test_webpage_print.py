"""A report on a government web page, printed to PDF by a real Chromium (with the
date, title, address and page numbers the print dialog adds), copied from it
as text (the page's innerText, what select-all and copy give) and saved as a
web archive (.mhtml): fazhi reads the report out of each, with the judgements
and metadata of the report's own text.

Under CI (CI=true) a missing Chromium fails these tests; elsewhere they are
skipped with the reason.
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

import chromium
from conftest import REPORTS
from docbuild import SIDE_LINKS, make_html, make_info_page, report_lines
from fazhi.document.load import load_document
from fazhi.document.readers import pdf
from fazhi.document.readers.layout import (
    PlacedLine,
    set_side_columns_apart,
    strip_furniture,
    to_source_lines,
)
from fazhi.engine import Engine, source_lines
from fazhi.results import ReportResult

chromium.require("web page print tests")

NAMES = sorted(p.stem for p in REPORTS.glob("*.txt"))
KINDS = ["pdf", "copied text", "mhtml"]


def _title(lines: list[str]) -> str:
    return next(ln for ln in lines[:5] if ln.strip().endswith("报告"))


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, Path]]:
    """Per case: (the printed PDF, the copied text, the page saved by Chromium as a web
    archive). Cases: the five reports on an
    article page and on an information-disclosure page, and the first without a
    title in its article."""
    root = tmp_path_factory.mktemp("pages")
    cases = {n: report_lines(REPORTS / f"{n}.txt") for n in NAMES}
    first = cases[NAMES[0]]
    titles = {"untitled": _title(first)}
    cases["untitled"] = [ln for ln in first if ln != titles["untitled"]]
    out: dict[str, tuple[Path, Path, Path]] = {}
    for n in NAMES:
        cases[f"info:{n}"] = cases[n]
    # a short report that prints on one page: its print header and footer cannot be
    # told by their repeating on every page
    cases["one-page"] = ONE_PAGE
    with chromium.chromium() as driver:
        for name, lines in cases.items():
            make = make_info_page if name.startswith("info:") else make_html
            page = make(lines, root / f"{name.replace(':', '-')}.html", title=titles.get(name))
            driver.get(page.as_uri())
            pdf = page.with_suffix(".pdf")
            pdf.write_bytes(chromium.print_pdf(driver, header_footer=True))
            copied = page.with_suffix(".txt")
            copied.write_text(driver.execute_script("return document.body.innerText"), "utf-8")
            archive = page.with_suffix(".mhtml")
            snapshot = driver.execute_cdp_cmd("Page.captureSnapshot", {"format": "mhtml"})
            archive.write_bytes(snapshot["data"].encode("utf-8"))
            out[name] = (pdf, copied, archive)
    return out


ONE_PAGE = [*report_lines(REPORTS / f"{NAMES[1]}.txt")[:5], "静海镇人民政府",
            "2025年2月20日"]


def _facts(r: ReportResult) -> tuple[list[tuple[str, str]], dict[str, object]]:
    meta = {k: re.sub(r"\s", "", v) if isinstance(v, str) else v
            for k, v in r.meta.model_dump().items()}
    return [(x.rule, x.status) for x in r.results], meta


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("page", ["article", "info"])
@pytest.mark.parametrize("name", NAMES)
def test_the_page_reads_as_the_report(name: str, page: str, kind: str, engine: Engine,
                                      printed: dict[str, tuple[Path, Path, Path]]) -> None:
    own = engine.check_path(REPORTS / f"{name}.txt")
    path = printed[name if page == "article" else f"info:{name}"][KINDS.index(kind)]
    got = engine.check_path(path)
    assert got.status == "checked", got.error
    assert _facts(got) == _facts(own)
    if kind != "mhtml":  # the archive is read as a page: its reader leaves the chrome out
        assert "web_page" in got.warnings


@pytest.mark.parametrize("kind", KINDS)
def test_the_title_above_the_bar_is_the_title(kind: str, engine: Engine,
                                              printed: dict[str, tuple[Path, Path, Path]]) -> None:
    own = engine.check_path(REPORTS / f"{NAMES[0]}.txt")
    got = engine.check_path(printed["untitled"][KINDS.index(kind)])
    assert got.meta.title == own.meta.title
    assert _facts(got) == _facts(own)


@pytest.mark.parametrize("kind", KINDS)
def test_a_page_printed_on_one_page_reads_as_its_text(
        kind: str, engine: Engine, printed: dict[str, tuple[Path, Path, Path]],
        tmp_path: Path) -> None:
    path = printed["one-page"][KINDS.index(kind)]
    if kind == "pdf":
        assert len(pdfium.PdfDocument(path)) == 1
        checked = load_document(path, engine.book.document).paragraphs
        assert not [p.text for p in checked if "file://" in p.text or re.search(r"\d:\d\d", p.text)]
    text = tmp_path / "one-page.txt"
    text.write_text("\n".join(ONE_PAGE) + "\n", encoding="utf-8")
    own = engine.check_path(text)
    got = engine.check_path(path)
    assert got.status == "checked", got.error
    assert own.meta.date == "2025-02-20"
    assert _facts(got) == _facts(own)


@pytest.fixture(scope="module")
def with_side_column(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Per report and side: the article page with a column of links beside it
    (docbuild.SIDE_LINKS, wordings of the rulebook), printed by Chromium."""
    root = tmp_path_factory.mktemp("side")
    out = {}
    with chromium.chromium() as driver:
        for name in NAMES:
            for side in ("left", "right"):
                page = make_html(report_lines(REPORTS / f"{name}.txt"),
                                 root / f"{name}-{side}.html", side=side)
                driver.get(page.as_uri())
                pdf = page.with_suffix(".pdf")
                pdf.write_bytes(chromium.print_pdf(driver, header_footer=True))
                out[(name, side)] = pdf
    return out


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("name", NAMES)
def test_a_side_column_printed_beside_the_article_is_read_apart(
        name: str, side: str, engine: Engine,
        with_side_column: dict[tuple[str, str], Path]) -> None:
    """Its links share rows with the article's lines: read row by row, they would sit
    inside the report's paragraphs and could be taken for evidence."""
    path = with_side_column[(name, side)]
    own = engine.check_path(REPORTS / f"{name}.txt")
    got = engine.check_path(path)
    assert got.status == "checked", got.error
    assert _facts(got) == _facts(own)
    checked = load_document(path, engine.book.document).paragraphs
    numbered = re.compile("|".join(f"{w}[1-4]" for w in SIDE_LINKS))
    assert not [p.text for p in checked if numbered.search(p.text)]


@pytest.mark.parametrize("side", ["left", "right"])
@pytest.mark.parametrize("name", NAMES)
def test_side_column_lines_keep_their_page(
        name: str, side: str, engine: Engine,
        with_side_column: dict[tuple[str, str], Path]) -> None:
    """The side column's lines are read after the text but keep the page they are
    printed on: the left-out runs read first to last, and in the scorecard's full
    text a page's side lines come after the paragraphs that begin on that page (one
    that runs on to the next page included) and before those of later pages."""
    path = with_side_column[(name, side)]
    doc = load_document(path, engine.book.document)
    links = re.compile("|".join(f"{w}[1-4]" for w in SIDE_LINKS))
    side = [r for run in doc.removed for r in run if links.search(r.text)]
    assert len({r.loc.page for r in side}) >= 2, "the column should reach a second page"
    printed = pdfium.PdfDocument(path)
    try:
        texts = [re.sub(r"\s", "", page.get_textpage().get_text_range()) for page in printed]
    finally:
        printed.close()
    for r in side:
        assert r.loc.page is not None
        assert re.sub(r"\s", "", r.text) in texts[r.loc.page - 1], (r.text, r.loc)
    for run in doc.removed:
        assert [r.loc.place for r in run] == sorted(r.loc.place for r in run)
    begins = [doc.paragraphs[s.block].locs[0].page if s.block is not None else s.page
              for s in source_lines(doc)]  # the left-out lines' own places
    assert begins == sorted(begins)


@pytest.mark.parametrize("side", ["left", "right"])
def test_pdfplumber_reads_a_side_column_apart_too(
        side: str, with_side_column: dict[tuple[str, str], Path]) -> None:
    """The reader falls back to pdfplumber where PDFium is unsure of a file."""
    data = with_side_column[(NAMES[1], side)].read_bytes()
    fast, slow = pdf._pdfium_pages(data), pdf._pdfminer_pages(data)
    assert fast is not None

    def read(pages: list[list[PlacedLine]]) -> list[str]:
        return [ln.text for ln in to_source_lines(set_side_columns_apart(strip_furniture(pages)))]

    numbered = re.compile("|".join(f"{w}[1-4]" for w in SIDE_LINKS))
    got = read(slow.lines)
    assert [t for t in got if numbered.search(t) and not numbered.fullmatch(t)] == []
    assert [t for t in got if numbered.fullmatch(t)] == [t for t in read(fast.lines)
                                                          if numbered.fullmatch(t)]
