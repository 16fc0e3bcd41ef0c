"""Hard-wrapped text (copied out of a PDF) gets its broken lines joined again."""

from __future__ import annotations

from collections.abc import Callable

from conftest import REPORTS, extracted, hard_wrap
from fazhi.document.config import HardWrapConfig
from fazhi.document.load import build_document
from fazhi.document.model import Document, Extracted
from fazhi.document.paragraphs import line_pieces
from fazhi.document.rewrap import display_width, mark_wrapped, wrap_width
from fazhi.engine import Engine

HEADING = "一、2024年度党政负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
BODY = ("一是落实党政班子领导责任。明确党政主要负责人为推进法治建设第一责任人，强化党政主要负责人"
        "推进法治政府建设的责任，层层细化工作任务，落实主体责任，定期召开专题学习，推进领导干部学法"
        "经常化、制度化，将党政主要负责人履行推进法治建设第一责任人职责情况列入年终述职内容。")
PLAN = ("二、下一年度工作打算", "下一步，我镇将继续深入学习贯彻习近平法治思想，严格落实重大行政决策程序，"
        "持续推进严格规范公正文明执法，加强法治宣传教育，不断提升法治政府建设水平。")


def report(columns: int) -> list[str]:
    return ["某镇人民政府关于2024年度法治政府建设情况的报告",
            *hard_wrap([HEADING, BODY, BODY, *PLAN, BODY], columns),
            "特此报告", "某镇人民政府", "2025年1月20日"]


def doc_of(lines: list[str], engine: Engine) -> Document:
    return build_document(extracted("\n".join(lines)), engine.book.document, "t.txt", "0")


def headings(doc: Document) -> list[str]:
    return [doc.paragraphs[s.heading.paragraph].norm[:s.heading.title_end]
            for s in doc.sections if s.heading is not None]


def test_display_width_counts_chinese_characters_twice() -> None:
    assert display_width("法治2024，a") == 2 + 2 + 4 + 2 + 1
    assert display_width("") == 0


def test_a_heading_cut_at_the_margin_is_whole_again(engine: Engine) -> None:
    lines = report(24)
    assert "第一责任人职责" not in "".join(ln for ln in lines if ln.startswith("一、"))
    doc = doc_of(lines, engine)
    assert any("第一责任人职责,加强法治政府建设的有关情况" in h for h in headings(doc))
    assert "hard_wrapped" in doc.warnings
    kinds = [s.kind for s in doc.sections]
    assert "next_year_plan" in kinds
    # the body is one paragraph again, the title and the closing stay apart
    assert any(p.norm.startswith("一是落实党政班子领导责任") and p.norm.endswith("年终述职内容。")
               for p in doc.paragraphs)
    assert doc.paragraphs[0].text == lines[0]
    assert [p.text for p in doc.paragraphs[-3:]] == ["特此报告", "某镇人民政府", "2025年1月20日"]


def test_the_judgement_is_the_same_as_unwrapped(engine: Engine,
                                                check_text: Callable[..., object]) -> None:
    def statuses(lines: list[str]) -> dict[str, str]:
        r = engine.check_extracted(extracted("\n".join(lines)), "t.txt", "0")
        return {x.rule: x.status for x in r.results}

    whole = statuses(report(10_000))
    for columns in (20, 28, 40, 56):
        assert statuses(report(columns)) == whole, columns


def test_lines_that_end_a_paragraph_or_lead_into_the_next_are_not_joined(engine: Engine) -> None:
    cfg = engine.book.document
    text = hard_wrap([BODY, BODY, BODY], 40) + [
        "（一）强化组织领导，成立法治政府建设工作领导小组",  # as wide, but the next is a heading
        "（二）推进依法行政，严格执行重大行政决策程序规定",  # as wide, the next is indented
        "　　推进严格规范公正文明执法，落实行政执法三项制度",
        "某镇人民政府关于2024年度法治政府建设情况的报告",  # a title
        "2025年1月20日"]
    pieces = line_pieces(extracted("\n".join(text)).lines)
    marked = mark_wrapped(pieces, cfg)
    assert marked is not None
    wrapped = [p.text for p in marked if p.line.wrapped]
    for line in text[-5:]:
        assert line.strip() not in wrapped
    assert not any(p.endswith("。") for p in wrapped)
    assert len(wrapped) >= 8


def test_a_report_with_a_paragraph_to_a_line_is_left_as_it_is(engine: Engine) -> None:
    for path in sorted(REPORTS.glob("*.txt")):
        pieces = line_pieces(extracted(path.read_text("utf-8")).lines)
        assert mark_wrapped(pieces, engine.book.document) is None, path.name


def test_the_thresholds_come_from_the_rulebook(engine: Engine) -> None:
    pieces = line_pieces(extracted("\n".join(report(24))).lines)
    assert wrap_width(pieces, engine.book.document.hard_wrapped) == 24
    assert wrap_width(pieces, HardWrapConfig(min_lines=1000)) is None
    assert wrap_width(pieces, HardWrapConfig(min_share=1.0)) is None


def test_text_laid_out_by_its_reader_is_left_to_it(engine: Engine) -> None:
    lines = report(24)
    ex = extracted("\n".join(lines))
    laid_out = Extracted(format="pdf", lines=ex.lines, laid_out=True)
    doc = build_document(laid_out, engine.book.document, "t.pdf", "0")
    assert not any("第一责任人职责,加强" in h for h in headings(doc))
    assert "hard_wrapped" not in doc.warnings
