"""Running headers and footers left in text copied out of a paged document are set aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, REPORTS, extracted, hard_wrap, numbered_pages
from fazhi.document.config import PageFurnitureConfig
from fazhi.document.furniture import drop_page_furniture
from fazhi.document.load import build_document
from fazhi.document.pagenumbers import page_number
from fazhi.document.paragraphs import line_pieces
from fazhi.document.readers.layout import running_key
from fazhi.engine import Engine, source_lines

TEXT = (REPORTS / "zhengqi-2022.txt").read_text("utf-8").splitlines()
TITLE = next(ln.strip() for ln in TEXT if ln.strip())
PAGE = 22


def _left_out(engine: Engine, lines: list[str]) -> list[str]:
    doc = build_document(extracted("\n".join(lines)), engine.book.document, "t.txt", "0")
    assert doc.meta.date == "2023-02-20"  # the closing still ends the report
    return [" ".join(ln.text.split()) for ln in source_lines(doc) if ln.block is None]


def _kept(lines: list[str], cfg: PageFurnitureConfig | None = None) -> list[str] | None:
    kept = drop_page_furniture(line_pieces(extracted("\n".join(lines)).lines),
                               cfg or PageFurnitureConfig())
    return None if kept is None else [p.norm for p in kept]


@pytest.mark.parametrize(("header", "footer"), [
    (TITLE, ""), ("法治政府建设年度报告（公开）", ""), ("", "某某乡人民政府办公室　2023年2月印发"),
    ("某某乡人民政府", "第{n}页"), ("", "http://www.example.gov.cn/art/2023/2/20/art_1.html {n}/9")])
def test_headers_and_footers_beside_the_page_numbers_are_set_aside(
        engine: Engine, header: str, footer: str) -> None:
    lines = numbered_pages(hard_wrap(TEXT, 56), PAGE, "- {n} -", header, footer)
    pages = len(hard_wrap(TEXT, 56)) // PAGE
    assert pages >= 3
    left_out = _left_out(engine, lines)
    expected = [" ".join(x.format(n=n).split()) for n in range(1, pages + 1)
                for x in (footer, "- {n} -", header) if x]
    assert left_out == expected


def test_a_footer_on_pages_numbered_at_the_top_is_set_aside_on_the_last_page_too(
        engine: Engine) -> None:
    body = hard_wrap(TEXT, 56)
    pages = [body[i:i + PAGE] for i in range(0, len(body), PAGE)]
    footer = "某某乡人民政府办公室　2023年2月印发"
    lines = [x for n, page in enumerate(pages, 1) for x in [f"第{n}页", *page, footer]]
    assert _left_out(engine, lines) == [" ".join(x.split()) for n in range(1, len(pages) + 1)
                                        for x in (f"第{n}页", footer)]


@pytest.mark.parametrize("per", [17, 22])
def test_a_signature_that_reads_like_the_footer_stays(engine: Engine, per: int) -> None:
    lines = numbered_pages(hard_wrap(TEXT, 56), per, "- {n} -", footer="郑旗乡人民政府")
    doc = build_document(extracted("\n".join(lines)), engine.book.document, "t.txt", "0")
    assert (doc.meta.issuer, doc.meta.date) == ("郑旗乡人民政府", "2023-02-20")
    assert [p.text for p in doc.paragraphs[-2:]] == ["郑旗乡人民政府", "2023年2月20日"]


def test_the_title_atop_every_page_without_numbers_is_set_aside(engine: Engine) -> None:
    lines = numbered_pages(TEXT, 8, "", TITLE)
    assert _left_out(engine, lines) == [" ".join(TITLE.split())] * (len(TEXT) // 8)


def test_the_first_line_itself_stays() -> None:
    lines = [TITLE, "正文第一段。", TITLE, "正文第二段。", TITLE, "正文第三段。"]
    assert _kept(lines) == [line_pieces(extracted(TITLE).lines)[0].norm, "正文第一段。",
                            "正文第二段。", "正文第三段。"]


@pytest.mark.parametrize("lines", [
    [TITLE, "正文第一段。", TITLE, "正文第二段。"],  # once more is not a running header
    [TITLE, TITLE, "正文第一段。", TITLE, "正文第二段。"],  # straight after: not a page apart
    ["公开", "正文第一段。", "公开", "正文第二段。", "公开"],  # too short to tell
])
def test_a_first_line_repeated_too_few_times_or_too_close_stays(lines: list[str]) -> None:
    assert _kept(lines) is None


def test_a_line_beside_fewer_than_half_of_the_page_numbers_stays(engine: Engine) -> None:
    lines = numbered_pages(hard_wrap(TEXT, 56), PAGE, "- {n} -")
    pages = [i for i, x in enumerate(lines) if x.startswith("- ")]
    assert len(pages) >= 4
    for i in reversed(pages[:1]):  # a line beside one number of four or more
        lines.insert(i + 1, "某某乡人民政府")
    assert _left_out(engine, lines) == [f"- {n} -" for n in range(1, len(pages) + 1)]


@pytest.mark.parametrize("path", sorted(REPORTS.glob("*.txt")) + sorted(
    (DATA / "heldout").glob("*.txt")), ids=lambda p: Path(p).name)
def test_the_sample_reports_have_none(path: Path, engine: Engine) -> None:
    pieces = line_pieces(extracted(path.read_text("utf-8")).lines)
    assert drop_page_furniture(pieces, engine.book.document.page_furniture) is None


def test_the_rulebook_sets_the_numbers(engine: Engine) -> None:
    shipped = engine.book.document.page_furniture
    assert shipped.model_copy(update={"contents_title": []}) == PageFurnitureConfig()  # as documented
    lines = [TITLE, "正文第一段。", TITLE, "正文第二段。", TITLE, "正文第三段。"]
    assert _kept(lines, PageFurnitureConfig(title_repeats=3)) is None
    assert _kept(lines, PageFurnitureConfig(title_min_chars=len(TITLE) + 1)) is None
    numbered = numbered_pages(hard_wrap(TEXT, 56), PAGE, "- {n} -", footer="某某乡人民政府办公室")
    assert _kept(numbered, PageFurnitureConfig(min_gap=PAGE + 1)) is None
    kept = _kept(numbered, PageFurnitureConfig(edge_lines=1))
    assert kept is not None and "某某乡人民政府办公室" not in kept


_LINES = [ln for ln in TEXT if ln.strip()][:12] + [
    TITLE, "- {n} -", "第{n}页", "{n}", "某某乡人民政府", "某某乡人民政府办公室　2023年2月印发",
    "目录", "一、法治政府建设情况……………{n}"]


@settings(max_examples=300, deadline=None)
@given(picks=st.lists(st.tuples(st.sampled_from(_LINES), st.integers(1, 9)), max_size=80))
def test_only_page_furniture_goes_and_the_first_line_stays_unless_it_is_some(
        picks: list[tuple[str, int]]) -> None:
    pieces = line_pieces(extracted("\n".join(x.format(n=n) for x, n in picks)).lines)
    kept = drop_page_furniture(pieces, PageFurnitureConfig())
    if kept is None:
        return
    it = iter(pieces)
    assert all(any(k is p for p in it) for k in kept)  # in order, nothing added
    keys = [running_key(p.norm) for p in pieces]
    ids = {id(k) for k in kept}
    for i, (p, key) in enumerate(zip(pieces, keys, strict=True)):
        if id(p) in ids:
            continue
        entry = p.norm.endswith(f"...{p.norm[-1]}")  # a contents entry
        assert page_number(p.norm) is not None or entry or (i > 0 and keys.count(key) >= 2), p.norm


@pytest.mark.parametrize("per", [13, 16, 17])
def test_headers_that_alternate_between_odd_and_even_pages_are_set_aside(
        engine: Engine, per: int) -> None:
    """A printed book's headers alternate: a mark atop odd pages, the issuing office
    atop even ones (page one has none). With an even number of page numbers and text
    after the last, each header stands beside fewer than half of them; each is beside
    half of its side's."""
    body = hard_wrap(TEXT, 56)
    numbers = len(body) // per
    assert numbers % 2 == 0 and numbers >= 6 and len(body) % per > 2

    def header(n: int) -> str:  # atop page n + 1
        return "某某乡人民政府办公室" if (n + 1) % 2 == 0 else "法治政府建设年度报告（公开）"

    lines: list[str] = []
    for i, line in enumerate(body, 1):
        lines.append(line)
        if i % per == 0:
            lines += [f"- {i // per} -", header(i // per)]
    expected = [" ".join(x.split()) for n in range(1, numbers + 1) for x in (f"- {n} -", header(n))]
    assert _left_out(engine, lines) == expected

