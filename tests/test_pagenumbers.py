"""Page numbers left in text copied out of a paged document are set aside."""

from __future__ import annotations

import pytest

from conftest import REPORTS, extracted, hard_wrap, numbered_pages
from fazhi.document.config import PageFurnitureConfig
from fazhi.document.load import build_document
from fazhi.document.pagenumbers import page_number, page_number_run
from fazhi.document.paragraphs import line_pieces
from fazhi.engine import Engine, source_lines

CFG = PageFurnitureConfig()
TEXT = (REPORTS / "zhengqi-2022.txt").read_text("utf-8").splitlines()


@pytest.mark.parametrize(("line", "number"), [
    ("- 3 -", 3), ("— 12 —", 12), ("－3－", 3), ("3", 3), ("第3页 共9页", 3), ("共9页 第3页", 3),
    ("3/9", 3), ("Page 3 of 9", 3), ("一、主要举措", None), ("2023年2月1日", None),
    ("共开展培训3次", None)])
def test_a_page_number_line(line: str, number: int | None) -> None:
    norm = line_pieces(extracted(line).lines)[0].norm
    assert page_number(norm) == number


@pytest.mark.parametrize("mark", ["- {n} -", "— {n} —", "{n}", "第{n}页 共9页", "{n}/9"])
def test_page_numbers_between_the_lines_are_set_aside(engine: Engine, mark: str) -> None:
    lines = numbered_pages(hard_wrap(TEXT, 56), 22, mark)
    doc = build_document(extracted("\n".join(lines)), engine.book.document, "t.txt", "0")
    numbers = [mark.format(n=n) for n in range(1, len(lines) // 22 + 1)]
    assert len(numbers) >= 3
    assert not any(p.text in numbers or p.text.endswith(numbers[0]) for p in doc.paragraphs)
    left_out = [ln.text for ln in source_lines(doc) if ln.block is None]
    assert [" ".join(x.split()) for x in left_out] == [" ".join(x.split()) for x in numbers]
    assert doc.meta.date == "2023-02-20"  # the closing ends the report again


def test_numbers_without_text_between_them_stay() -> None:
    rows = ["事项统计如下：", "1", "2", "3", "4", "合计完成四项。"]
    assert page_number_run(line_pieces(extracted("\n".join(rows)).lines), CFG) == []


def test_a_single_page_number_or_numbers_out_of_order_stay() -> None:
    text = TEXT[:6] + ["- 1 -"] + TEXT[6:12] + ["- 3 -"] + TEXT[12:]
    assert page_number_run(line_pieces(extracted("\n".join(text)).lines), CFG) == []


def test_the_sample_reports_have_none(engine: Engine) -> None:
    for path in sorted(REPORTS.glob("*.txt")):
        pieces = line_pieces(extracted(path.read_text("utf-8")).lines)
        assert page_number_run(pieces, CFG) == [], path.name
