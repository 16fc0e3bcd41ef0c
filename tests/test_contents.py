"""A table of contents at the head of a report is set aside."""

from __future__ import annotations

from pathlib import Path

import pytest

import docbuild
from conftest import REPORTS, extracted, statuses
from fazhi.document.config import PageFurnitureConfig
from fazhi.document.contents import contents_lines
from fazhi.document.load import build_document
from fazhi.document.paragraphs import line_pieces
from fazhi.engine import Engine, source_lines

TEXT = (REPORTS / "zhengqi-2022.txt").read_text("utf-8").splitlines()
HEADINGS = [ln.strip() for ln in TEXT if ln.strip()[:2] in ("一、", "二、", "三、")]
CFG = PageFurnitureConfig(contents_title=["目录"])


def _with_contents(entries: list[str], title: str = "目  录") -> list[str]:
    at = next(i for i, ln in enumerate(TEXT) if ln.strip()) + 1  # under the title
    return TEXT[:at] + [title, *entries] + TEXT[at:]


def _found(lines: list[str]) -> list[str]:
    pieces = line_pieces(extracted("\n".join(lines)).lines)
    return [pieces[i].text for i in sorted(contents_lines(pieces, CFG))]


@pytest.mark.parametrize("leader", ["……………………", "..........", "·········", "—————", "____"])
def test_entries_with_leaders_and_their_title_are_found(leader: str) -> None:
    entries = [f"{h}{leader}{n}" for n, h in enumerate(HEADINGS, 1)]
    assert len(entries) >= 3
    assert _found(_with_contents(entries)) == ["目  录", *entries]
    assert _found(_with_contents(entries, title="")) == entries  # without a title line too


@pytest.mark.parametrize("page", ["", " {n}", "\t{n}"])  # a tab: Word's contents field
def test_entries_without_leaders_are_found_below_the_title(page: str) -> None:
    entries = [h + page.format(n=n) for n, h in enumerate(HEADINGS, 1)]
    assert _found(_with_contents(entries)) == ["目  录", *entries]


@pytest.mark.parametrize("lines", [
    ["一、主要工作……………3", "正文。"],  # one entry is not a table
    ["目录", "一、主要工作", "二、存在问题"],  # the entries stand nowhere else
    ["目录", "一、主要工作", "正文。", "一、主要工作"],  # one entry only
])
def test_no_table_of_contents(lines: list[str]) -> None:
    assert _found(lines) == []


def test_the_report_is_judged_as_without_it(engine: Engine) -> None:
    entries = [f"{h}……………………{n}" for n, h in enumerate(HEADINGS, 1)]
    doc = build_document(extracted("\n".join(_with_contents(entries))),
                         engine.book.document, "t.txt", "0")
    left_out = [ln.text for ln in source_lines(doc) if ln.block is None]
    assert left_out == ["目  录", *entries]
    assert doc.meta.title is not None and doc.meta.title.startswith("郑旗乡")
    assert [s.heading.title for s in doc.sections if s.heading is not None][0] == "法治政府建设情况"


def test_a_pdf_with_a_table_of_contents_is_judged_as_without_it(engine: Engine,
                                                                  tmp_path: Path) -> None:
    entries = [f"{h}　……………………　{n}" for n, h in enumerate(HEADINGS, 2)]
    plain = engine.check_path(docbuild.make_pdf(TEXT, tmp_path / "plain.pdf", font="ttf"))
    path = docbuild.make_pdf(_with_contents(entries), tmp_path / "toc.pdf", font="ttf")
    doc = engine.load(path)
    assert [" ".join(ln.text.split()) for ln in source_lines(doc) if ln.block is None] == \
        [" ".join(x.split()) for x in ["目  录", *entries]]
    assert statuses(engine.check_path(path)) == statuses(plain)
