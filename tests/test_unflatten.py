"""Flattened text (line breaks lost) is cut into lines again before paragraphs are built."""

from __future__ import annotations

import pytest

from conftest import DATA, REPORTS, extracted
from fazhi.document.config import FlattenedConfig
from fazhi.document.load import build_document
from fazhi.document.model import Location, SourceLine
from fazhi.document.unflatten import is_flattened, unflatten
from fazhi.engine import Engine

FILLER = "我局认真落实各项工作要求，持续推进依法行政，依法履职能力明显提升。"  # 33 characters
# what makes a line count as flattened: length, and headings inside it
PAD = f" 九、附记 {FILLER * 30} 十、附记"
REAL = DATA / "flattened" / "pingtan-junshan-pianqu-2022.txt"


def _pieces(engine: Engine, body: str, title: str = "某镇2023年度法治政府建设情况报告") -> list[str]:
    """The pieces of a flattened ``body`` after ``title`` (padded with :data:`PAD` to
    count as flattened; the padding's pieces are left out)."""
    lines = unflatten(extracted(f"{title}\n{body}{PAD}").lines, engine.book.document)
    assert lines is not None
    texts = [x.text.strip() for x in lines[1:]]
    return texts[:texts.index("九、附记")]


def test_headings_and_their_numbering_are_cut_out(engine: Engine) -> None:
    body = ("现将有关情况报告如下。一、工作开展情况　（一）深入学习法治思想，扎实推进法治政府建设"
            "1.深入学习宣传。内容一。2.坚决贯彻落实。内容二。（二）完善机构职能1.深化改革。内容三。"
            "二、存在的问题和不足一是法治意识有待提高。二是力量不足。三、下一步工作计划（一）加强学习。")
    got = _pieces(engine, body)
    assert got[:12] == [
        "现将有关情况报告如下。", "一、工作开展情况", "（一）深入学习法治思想，扎实推进法治政府建设",
        "1.深入学习宣传。内容一。", "2.坚决贯彻落实。内容二。", "（二）完善机构职能",
        "1.深化改革。内容三。", "二、存在的问题和不足", "一是法治意识有待提高。二是力量不足。",
        "三、下一步工作计划", "（一）加强学习。"]


@pytest.mark.parametrize("heading", ["三、下一步工作计划", "三、2024年工作规划", "三、存在的不足"])
def test_a_lead_glued_to_a_heading_is_cut_off(engine: Engine, heading: str) -> None:
    """A plan heading ends in 计划 or 规划 as often as in 打算: 划一是 is no word there."""
    body = f"工作取得成效。{heading}一是继续深入学习，扎实落实纲要要求。二是加强执法监管。"
    assert _pieces(engine, body)[1:3] == [heading, "一是继续深入学习，扎实落实纲要要求。二是加强执法监管。"]


@pytest.mark.parametrize("lead", ["2023年，我们将继续推进依法行政。", "下一步，我局将做好以下工作。"])
def test_a_plan_numbered_again_after_its_lead_is_cut_off(engine: Engine, lead: str) -> None:
    """…（二）…。2023年，我们将…。（一）…（二）…: the plan's numbering starts again after
    the sentence that opens it; both are cut, so the outline can see the plan."""
    body = ("二、依法化解矛盾纠纷（一）做好应诉工作。内容一。（二）开展普法。内容二。"
            f"仍存在一定差距。{lead}（一）加强组织领导。（二）狠抓法治培训。")
    assert _pieces(engine, body)[:6] == [
        "二、依法化解矛盾纠纷", "（一）做好应诉工作。内容一。", "（二）开展普法。内容二。仍存在一定差距。",
        lead, "（一）加强组织领导。", "（二）狠抓法治培训。"]


def test_a_plan_s_first_list_after_a_colon_is_cut_off_with_its_lead(engine: Engine) -> None:
    body = ("五、提升应急处突能力。定期开展应急演练。2026年，我局将重点抓好以下工作："
            "（一）强化执法规范化建设。（二）强化法治宣传教育。")
    assert _pieces(engine, body)[:4] == [
        "五、提升应急处突能力。定期开展应急演练。", "2026年，我局将重点抓好以下工作：",
        "（一）强化执法规范化建设。", "（二）强化法治宣传教育。"]


def test_a_first_item_again_without_a_plan_lead_is_not_cut(engine: Engine) -> None:
    body = "二、依法化解矛盾纠纷（一）做好应诉工作。内容一。我局还开展了以下工作。（一）加强组织领导。"
    assert _pieces(engine, body)[:2] == [
        "二、依法化解矛盾纠纷", "（一）做好应诉工作。内容一。我局还开展了以下工作。（一）加强组织领导。"]


@pytest.mark.parametrize("gap", [" ", ""])
def test_a_year_opening_the_text_under_a_heading_is_cut_off(engine: Engine, gap: str) -> None:
    body = f"工作取得成效。三、2024年工作安排{gap}2024年，我局将继续推进依法行政。"
    got = _pieces(engine, body)
    assert got[1:3] == ["三、2024年工作安排", "2024年，我局将继续推进依法行政。"]


@pytest.mark.parametrize("body", [
    "全镇一、二审案件均依法办理。",  # 一、 inside a sentence
    "第1、2季度完成检查。",  # a list of numbers
    "于2022.12完成，增长1.5个百分点。",  # numbers with dots
    "思想统一是前提，制度完善是保障。",  # 统一是 is a word
    "标准整齐划一是前提，制度完善是保障。",  # so is 整齐划一
    "主要做法有：（1）公示；（2）记录；①审核。",  # items in a list after a colon
])
def test_numbers_and_items_inside_sentences_stay_whole(engine: Engine, body: str) -> None:
    assert _pieces(engine, body)[0].startswith(body)


def test_a_numbering_slip_is_not_a_cut(engine: Engine) -> None:
    body = "一、主要工作（一）学法用法。内容一。（一）依法决策。内容二。"
    assert _pieces(engine, body)[:2] == ["一、主要工作",
                                         "（一）学法用法。内容一。（一）依法决策。内容二。"]


def test_white_space_is_a_break_except_after_a_marker_or_a_number(engine: Engine) -> None:
    body = "一、 主要工作 共开展 12 次学法活动，覆盖 2022 年度全部干部。 二、存在的不足"
    got = _pieces(engine, body)
    assert got[:2] == ["一、 主要工作", "共开展 12 次学法活动，覆盖 2022 年度全部干部。"]
    assert got[2].startswith("二、存在的不足")


def test_title_and_signature_glued_to_the_text_are_cut_off(engine: Engine) -> None:
    text = ("中共某镇委员会 某镇人民政府关于2023年度法治政府建设情况的报告2023年，我镇坚持依法行政。"
            "一、主要工作" + FILLER * 30 + "二、存在的不足" + FILLER + "特此报告某镇人民政府2024年2月1日")
    lines = unflatten(extracted(text).lines, engine.book.document)
    assert lines is not None
    got = [x.text for x in lines]
    assert got[:3] == ["中共某镇委员会", "某镇人民政府关于2023年度法治政府建设情况的报告",
                       "2023年，我镇坚持依法行政。"]
    assert got[3].startswith("一、主要工作") and got[4].startswith("二、存在的不足")
    assert got[5:] == ["特此报告", "某镇人民政府", "2024年2月1日"]

    spaced = unflatten(extracted(text.replace("政府2024", "政府 2024").replace("告2023", "告 2023"))
                       .lines, engine.book.document)
    assert [x.text.strip() for x in spaced or []] == got
    assert {x.loc for x in lines} == {Location(line=1)}  # every piece keeps its line


def test_only_a_mostly_flattened_text_with_headings_inside_counts() -> None:
    cfg = FlattenedConfig(min_line_chars=800, min_share=0.6)
    with_headings = "字" * 1500 + "。二、存在的不足" + "字" * 500 + "。三、下一步工作计划" + "字" * 1000

    def lines(*texts: str) -> list[SourceLine]:
        return [SourceLine(text=t, loc=Location(line=i + 1)) for i, t in enumerate(texts)]

    assert is_flattened(lines("标题", with_headings), cfg)
    # a report that writes each section as one long paragraph under its own heading
    assert not is_flattened(lines("一、主要工作", "字" * 3000, "二、存在的不足", "字" * 1000), cfg)
    assert not is_flattened(lines(*["字" * 120] * 40, with_headings), cfg)  # one long paragraph
    assert not is_flattened(lines(with_headings[:799]), cfg)
    assert not is_flattened([], cfg)


def test_sample_reports_are_not_flattened(engine: Engine) -> None:
    for p in sorted(REPORTS.glob("*.txt")):
        doc = build_document(extracted(p.read_text("utf-8")), engine.book.document)
        assert "flattened" not in doc.warnings, p.name


def test_a_real_flattened_report_gets_its_outline_back(engine: Engine) -> None:
    report = engine.check_path(REAL)
    assert report.warnings == ["flattened"]
    tops = [(o.heading, o.kind) for o in report.outline if o.level == 1]
    assert tops == [("开头部分", "preamble"), ("一、工作开展情况", "measures"),
                    ("二、存在的问题和不足", "shortcomings"), ("三、下一步工作计划", "next_year_plan")]
    subs = [o.heading for o in report.outline if o.level == 2]
    assert len(subs) == 4 and subs[0].startswith("（一）深入学习贯彻党的二十大精神")
    status = {r.rule: r.status for r in report.results}
    for rule in ("sec.measures", "sec.shortcomings", "sec.next_year_plan"):
        assert status[rule] == "pass", rule
    # every piece of evidence is on the file's one long line
    assert {e.line for r in report.results for e in r.evidence if r.rule.startswith("sec.")} == {3}


def test_left_out_runs_end_only_where_the_places_go_back() -> None:
    """Pieces of one flattened line share its place and stay in one run; a later
    page's side line, read after the text, starts a run of its own."""
    from fazhi.document.load import removed_runs
    from fazhi.document.paragraphs import line_pieces

    places = [(None, 1), (None, 1), (None, 1), (1, 1), (1, 2), (3, 5), (2, 40), (2, 41)]
    pieces = line_pieces([SourceLine(text=f"第{i}段", loc=Location(line=ln, page=pg))
                          for i, (pg, ln) in enumerate(places)])
    kept = [pieces[2]]
    runs = removed_runs(pieces, kept)
    assert [[r.text for r in run] for run in runs] == [
        ["第0段", "第1段"], ["第3段", "第4段", "第5段"], ["第6段", "第7段"]]
