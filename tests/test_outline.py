"""Outline: heading styles and levels, run-in headings, leads, classification."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.document.model import Document, Section


def flat(doc: Document) -> list[tuple[int, str, str]]:
    out: list[tuple[int, str, str]] = []

    def walk(s: Section, depth: int) -> None:
        if s.heading is not None:
            out.append((depth, s.heading.style, s.heading.title))
        for c in s.children:
            walk(c, depth + 1)

    for s in doc.sections:
        walk(s, 1)
    return out


def kinds(doc: Document) -> list[str | None]:
    return [s.kind for s in doc.sections]


TITLE = "××镇关于2023年度法治政府建设情况的报告\n"


@pytest.mark.parametrize(
    ("top", "sub", "subsub"),
    [
        ("一、", "（一）", "1、"),
        ("一、", "(一)", "1."),
        ("一、", "（一）", "（1）"),
        ("第一部分 ", "一、", "（一）"),
        ("一、", "1.", "(1)"),
        ("一、", "（一）", "①"),
    ],
)
def test_numbering_styles_nest(make_doc, top: str, sub: str, subsub: str) -> None:  # type: ignore[no-untyped-def]
    def num(marker: str, n: int) -> str:
        cn = "一二三"[n - 1]
        circ = "①②③"[n - 1]
        if marker.startswith("第"):
            return f"第{cn}部分 "
        return (marker.replace("一", cn).replace("1", str(n)).replace("①", circ))

    text = TITLE + "\n".join([
        f"{num(top, 1)}主要举措和成效",
        f"{num(sub, 1)}加强组织领导",
        f"{num(subsub, 1)}成立领导小组。全年召开会议3次。",
        f"{num(subsub, 2)}完善制度。制定办法2项。",
        f"{num(sub, 2)}推进依法行政",
        "全年审查合同10件。",
        f"{num(top, 2)}存在的不足和原因",
        "一是意识不强。二是力量不足。",
        f"{num(top, 3)}2024年工作安排",
        "一是加强学习。二是规范执法。三是强化监督。",
    ])
    doc = make_doc(text)
    levels = [(d, t) for d, _, t in flat(doc)]
    assert levels[:5] == [(1, "主要举措和成效"), (2, "加强组织领导"), (3, "成立领导小组"),
                          (3, "完善制度"), (2, "推进依法行政")]
    assert kinds(doc)[1:] == ["measures", "shortcomings", "next_year_plan"]


def test_top_level_written_1_with_siblings_two_three(make_doc) -> None:  # type: ignore[no-untyped-def]
    text = TITLE + "\n".join([
        "现将情况报告如下：",
        "1、 推进法治政府建设的主要举措和成效",
        "（1） 依法治镇统筹作用发挥明显",
        "1、做好统筹谋划。镇党委高度重视。2、提升法治意识。",
        "（2） 依法行政工作深入推进",
        "1、加大合法性审查工作力度。共审查合同86份。",
        "二、党政主要负责人履行推进法治建设第一责任人职责情况",
        "1、严格落实法治建设责任。主要负责人专题研究。",
        "三、存在的不足和原因",
        "一是执法力量不足。",
        "四、2024年主要安排",
        "一是加强培训。",
    ])
    doc = make_doc(text)
    tops = [s for s in doc.sections if s.heading is not None]
    assert [s.heading.title for s in tops if s.heading] == [
        "推进法治政府建设的主要举措和成效", "党政主要负责人履行推进法治建设第一责任人职责情况",
        "存在的不足和原因", "2024年主要安排"]
    assert [s.kind for s in tops] == ["measures", "first_responsible", "shortcomings",
                                      "next_year_plan"]
    assert [c.heading.title for c in tops[0].children if c.heading] == [
        "依法治镇统筹作用发挥明显", "依法行政工作深入推进"]


@pytest.mark.parametrize("top", ["、", "."])
def test_top_level_numbered_like_its_items(make_doc, top: str) -> None:  # type: ignore[no-untyped-def]
    """1、 sections with 1、 items under their (1) sub-headings or directly under them."""
    text = TITLE + "\n".join([
        f"1{top}推进法治政府建设的主要举措和成效",
        "（1）依法治镇统筹作用发挥明显",
        "1、做好统筹谋划。镇党委高度重视。",
        "2、提升法治意识。建立学法制度。",
        "（2）依法行政工作深入推进",
        "1、加大合法性审查工作力度。共审查合同86份。",
        f"2{top}党政主要负责人履行推进法治建设第一责任人职责情况",
        "1、严格落实法治建设责任。主要负责人专题研究。",
        "2、强化法治建设成效。带头学法。",
        "3、落实述法制度。年底述法。",
        f"3{top}存在的不足和原因",
        "一是执法力量不足。",
        f"4{top}2024年主要安排",
        "一是加强培训。",
    ])
    doc = make_doc(text)
    tops = [s for s in doc.sections if s.heading is not None]
    assert [s.kind for s in tops] == ["measures", "first_responsible", "shortcomings",
                                      "next_year_plan"]
    assert [c.heading.title for c in tops[0].children if c.heading] == [
        "依法治镇统筹作用发挥明显", "依法行政工作深入推进"]
    assert [c.heading.title for c in tops[1].children if c.heading] == [
        "严格落实法治建设责任", "强化法治建设成效", "落实述法制度"]


def test_a_slip_in_the_top_numbering_keeps_the_later_sections(make_doc) -> None:  # type: ignore[no-untyped-def]
    text = TITLE + "\n".join([
        "1、主要举措和成效", "全年审查合同10件。",
        "2、党政主要负责人履行推进法治建设第一责任人职责情况", "主要负责人专题研究3次。",
        "2、存在的不足和原因", "一是执法力量不足。",
        "4、2024年主要安排", "一是加强培训。",
    ])
    kinds_found = [s.kind for s in make_doc(text).sections if s.heading is not None]
    assert kinds_found == ["measures", "first_responsible", "shortcomings", "next_year_plan"]


def test_run_in_heading(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、工作开展情况\n（一）加强组织领导。全镇成立领导小组，召开会议5次。")
    sub = doc.sections[1].children[0]
    assert sub.heading is not None
    assert sub.heading.title == "加强组织领导" and sub.heading.run_in


def test_enumerated_leads_inline_and_continuation(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、2024年工作计划\n下一步，将扎实工作。一是强化队伍。二是健全体系。三深化改革，提升水平。")
    assert [ld.ordinal for ld in doc.leads] == [1, 2, 3]


@pytest.mark.parametrize("text, ordinals", [
    ("第一，强化队伍；第二，健全体系。第三、深化改革。", [1, 2, 3]),
    ("其一，强化队伍。其二，健全体系。", [1, 2]),
    ("党委书记履行第一责任人职责，第一时间研究。", []),
    ("一要强化队伍。二要健全体系；三要深化改革。", [1, 2, 3]),
    ("统一要求，规范执法。", []),
    ("首先，强化队伍。其次，健全体系；最后，深化改革。", [1, 2, 3]),
    ("首先，要提高认识。全年开展培训3次。", []),
    ("主要表现在：一方面，执法力量薄弱；另一方面，普法形式单一。", [1, 2]),
    ("一方面要提高认识。全年开展培训3次。", []),
    ("下一步，我镇将做好以下工作：1.强化队伍；2.健全体系。3.深化改革。", [1, 2, 3]),
    ("重点抓好：（1）强化队伍；（2）健全体系。", [1, 2]),
    ("重点抓好：（一）强化队伍；（二）健全体系。", [1, 2]),
    ("全年增长2.5万元。1.2万人参加。", []),
    ("重点抓好：1.强化队伍。", []),
])
def test_ordinal_leads(make_doc, text: str, ordinals: list[int]) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、2024年工作计划\n" + text)
    assert [ld.ordinal for ld in doc.leads] == ordinals


@pytest.mark.parametrize("text, leads", [
    ("1.强化队伍；2.健全体系；3.深化改革。", [(2, True), (3, True)]),
    ("①强化队伍。②健全体系。", [(2, True)]),
    ("（一）强化队伍。（二）健全体系。", [(2, True)]),
    ("（二）健全体系；（三）深化改革。", [(3, True)]),
    ("1.强化队伍；3.深化改革。", []),
    ("1.强化队伍，重点做好：（1）培训；（2）考核。", [(1, False), (2, False)]),
    ("（一）强化队伍。一是抓培训；二是抓考核。", [(1, False), (2, False)]),
    ("1.全年增长2.5万元。", []),
])
def test_numbers_that_go_on_inside_a_numbered_paragraph(  # type: ignore[no-untyped-def]
        make_doc, text: str, leads: list[tuple[int, bool]]) -> None:
    """1.…；2.…；3.… in one paragraph: 2 and 3 go on from the paragraph's own number
    (its siblings); numbers in another style are items under it."""
    doc = make_doc(TITLE + "一、2024年工作计划\n" + text)
    assert [(ld.ordinal, ld.continues) for ld in doc.leads] == leads


@pytest.mark.parametrize("body, leads", [
    # two paragraphs in a row, each opening with a short phrase of its own sentence
    ("深学笃行习近平法治思想。坚持把习近平法治思想作为党委理论学习中心组的必学内容，全年学习12次。\n"
     "切实履行第一责任人职责。市委、市政府多次召开常务会议听取法治政府建设工作汇报。",
     [(1, "深学笃行习近平法治思想"), (2, "切实履行第一责任人职责")]),
    # one such paragraph alone is a short sentence, not a heading
    ("切实履行第一责任人职责。市委、市政府多次召开常务会议听取法治政府建设工作汇报。", []),
    # one under each heading: the headings stand between them, each is numbered under its own
    ("落实第一责任人责任。市委市政府主要负责人积极履行第一责任人职责，对法治政府建设工作亲自部署。\n"
     "二、政府职能依法全面履行\n"
     "推进政府机构职能优化协同高效。在市政府网站上公布政府工作部门的权责清单。",
     [(1, "落实第一责任人责任"), (1, "推进政府机构职能优化协同高效")]),
    # a paragraph that opens otherwise ends the run
    ("落实第一责任人责任。市委市政府主要负责人积极履行第一责任人职责，对法治政府建设工作亲自部署。\n"
     "全年召开会议5次，研究法治政府建设工作，部署年度重点任务和责任分工。\n"
     "推进政府机构职能优化协同高效。在市政府网站上公布政府工作部门的权责清单。", []),
    # a phrase with a comma or a figure is a sentence
    ("全年召开会议5次。市委、市政府多次召开常务会议听取法治政府建设工作汇报。\n"
     "我们高度重视，统筹推进。市委、市政府多次召开常务会议听取法治政府建设工作汇报。", []),
])
def test_run_in_headings_without_numbers_are_leads(  # type: ignore[no-untyped-def]
        make_doc, body: str, leads: list[tuple[int, str]]) -> None:
    doc = make_doc(TITLE + "一、加强法治政府建设组织领导\n" + body)
    assert [(ld.ordinal, doc.paragraphs[ld.paragraph].norm[ld.start:ld.end]) for ld in doc.leads] == leads


def test_unnumbered_headings_outline_a_report_without_numbers(make_doc) -> None:  # type: ignore[no-untyped-def]
    text = TITLE + "\n".join([
        "今年以来，我局认真贯彻落实法治政府建设部署。",
        "主要工作开展情况",
        "全年开展普法活动12场，审查合同20件。",
        "存在的问题",
        "执法力量仍显不足，部分干部法治意识不强。",
        "下一步工作思路",
        "继续加强学习，规范执法行为。",
    ])
    doc = make_doc(text)
    assert [(s.heading.title if s.heading else None, s.kind) for s in doc.sections] == [
        (None, "preamble"), ("主要工作开展情况", "measures"), ("存在的问题", "shortcomings"),
        ("下一步工作思路", "next_year_plan")]


def test_no_headings_at_all_is_one_unheaded_section(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "今年以来，我镇开展普法活动12场。\n审查合同20件，调解纠纷30件。")
    body = [s for s in doc.sections if s.kind not in ("preamble", "closing")]
    assert len(body) == 1 and body[0].heading is None and body[0].kind == "measures"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("存在的问题及原因分析", "shortcomings"),
        ("存在的主要问题", "shortcomings"),
        ("推进法治政府建设存在的不足和原因", "shortcomings"),
        ("下一步工作思路", "next_year_plan"),
        ("2024年工作计划", "next_year_plan"),
        ("二〇二四年工作打算", "next_year_plan"),
        ("下一年度推进法治政府建设的主要安排", "next_year_plan"),
        ("工作开展情况", "measures"),
        ("2023年法治政府建设工作开展情况", "measures"),
        ("主要做法及成效", "measures"),
        ("上一年度推进法治政府建设的主要举措和成效", "measures"),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", "first_responsible"),
        ("区政府主要负责同志履行推进法治建设第一责任人职责情况", "first_responsible"),
        ("其他需要报告的情况", "other"),
        ("强化组织领导，夯实法治基础", "measures"),
        ("短板弱项及原因分析", "shortcomings"),
        ("工作中存在的短板弱项", "shortcomings"),
        ("薄弱环节及原因分析", "shortcomings"),
        ("面临的困难和挑战", "shortcomings"),
        ("补齐短板弱项，提升执法水平", "measures"),
        ("聚焦短板和弱项", "measures"),
        ("帮助企业解决面临的困难", "measures"),
        ("下一阶段工作重点", "next_year_plan"),
        ("2024年工作设想", "next_year_plan"),
        ("工作展望", "next_year_plan"),
        ("2024年工作目标", "next_year_plan"),
        ("今后努力的方向", "next_year_plan"),
        ("2023年工作计划完成情况", "measures"),
        ("落实2023年工作要点情况", "measures"),
        ("积极落实全市2023年全面依法治市工作要点", "measures"),
        ("2023年度重点任务完成情况", "measures"),
        ("党政一把手履行推进法治建设职责情况", "first_responsible"),
        ("党政主要领导干部履行推进法治建设职责情况", "first_responsible"),
        ("党政主要负责人落实法治建设责任情况", "first_responsible"),
        ("压紧压实法治建设第一责任", "first_responsible"),
    ],
)
def test_section_classification(make_doc, heading: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + f"一、{heading}\n这一部分的正文内容。\n二、其他需要报告的情况\n无。")
    assert doc.sections[1].kind == kind


@pytest.mark.parametrize(("heading", "kind"), [
    ("2024年推进法治政府建设的主要措施", "next_year_plan"),
    ("2024年工作举措", "next_year_plan"),
    ("二〇二四年法治政府建设", "next_year_plan"),
    ("2023年推进法治政府建设的主要措施", "measures"),
    ("2023年工作举措及2024年工作计划", "next_year_plan"),  # by its words: the plan and work
    ("2024年1月以来工作完成情况", "measures"),
    ("2024年存在的主要问题", "shortcomings"),
])
def test_a_heading_that_names_the_next_year_is_the_plan(make_doc, heading: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n开展普法。\n"
                   f"二、{heading}\n这一部分的正文内容。\n")
    assert doc.sections[-1].kind == kind


def test_without_a_year_in_the_title_the_year_decides_nothing(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("法治政府建设情况的报告\n一、主要举措和成效\n开展普法。\n"
                   "二、2024年推进法治政府建设的主要措施\n这一部分的正文内容。\n")
    assert doc.sections[-1].kind == "measures"


def test_unusual_heading_classified_by_content(make_doc) -> None:  # type: ignore[no-untyped-def]
    body = "执法力量有待进一步加强，存在的问题仍然不少，制度落实不够到位，队伍建设薄弱，普法方式有待提升。"
    doc = make_doc(TITLE + "一、主要举措和成效\n做了很多工作。\n二、回顾与反思\n" + body)
    assert doc.sections[2].kind == "shortcomings"
    assert doc.sections[2].classified_by == "content"


def test_closing_block(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、工作开展情况\n开展普法。\n特此报告\n××镇人民政府\n2024年2月1日")
    assert doc.sections[-1].kind == "closing"
    assert doc.meta.date == "2024-02-01"


ATTACHED = ("附件：2023年度法治政府建设重点工作完成情况表\n序号\t工作内容\t完成情况\n"
            "1\t制定年度普法计划\t已完成\n2\t开展合法性审查\t已完成\n"
            "一、组织领导\n成立领导小组。\n")


@pytest.mark.parametrize("date", ["2024年2月1日", "二〇二四年二月一日"])
def test_attachments_after_the_signature_are_a_part_of_their_own(make_doc, date: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、工作开展情况\n开展普法。\n二、存在的问题\n人员不足。\n"
                   f"张庄镇人民政府\n{date}\n" + ATTACHED)
    assert kinds(doc)[-3:] == ["shortcomings", "closing", "attachments"]
    closing, attachments = doc.sections[-2:]
    assert [p.text for p in doc.paragraphs[closing.start:closing.end]] == ["张庄镇人民政府", date]
    assert doc.paragraphs[attachments.start].text.startswith("附件：")
    assert attachments.end == len(doc.paragraphs)
    # the attachment's own numbered lines are not the report's sections
    assert [t for _, _, t in flat(doc)] == ["工作开展情况", "存在的问题"]
    assert doc.meta.date == "2024-02-01" and doc.meta.issuer == "张庄镇人民政府"


@pytest.mark.parametrize("tail", [
    "附件：1.重点工作完成情况表\n2.行政执法数据统计表\n张庄镇人民政府\n2024年2月1日\n",  # a note above the signature
    "特此报告。\n附件：重点工作完成情况表\n张庄镇人民政府\n2024年2月1日\n",
    "张庄镇人民政府\n附件：重点工作完成情况表\n序号\t工作内容\n",  # no date: not told apart
])
def test_an_attachment_note_in_the_closing_is_not_an_attachment(make_doc, tail: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、工作开展情况\n开展普法。\n" + tail)
    assert "attachments" not in kinds(doc)


NOTE = "附件：1.重点工作完成情况表\n      2.行政执法数据统计表\n"


@pytest.mark.parametrize("signature", ["张庄镇人民政府\n2024年2月1日\n", ""])
def test_a_note_listing_attachments_belongs_to_the_closing(make_doc, signature: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、工作开展情况\n开展普法。\n二、下一步打算\n1.加强学习。\n2.完善制度。\n"
                   + NOTE + signature)
    plan, closing = doc.sections[-2:]
    assert closing.kind == "closing"
    assert doc.paragraphs[closing.start].text.startswith("附件：1.")
    assert [p.text for p in doc.paragraphs[plan.start:plan.end]][-1] == "2.完善制度。"


def test_numbered_lines_without_an_attachment_note_stay_in_the_section(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、工作开展情况\n开展普法。\n二、下一步打算\n1.加强学习\n2.完善制度\n"
                   "张庄镇人民政府\n2024年2月1日\n")
    plan, closing = doc.sections[-2:]
    assert [p.text for p in doc.paragraphs[closing.start:closing.end]] == ["张庄镇人民政府", "2024年2月1日"]
    assert doc.paragraphs[plan.end - 1].text == "2.完善制度"


def test_combined_heading_has_both_kinds(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的问题及下一步打算\n（一）存在的问题\n执法力量不足。\n（二）下一步打算\n加强学习。")
    s = doc.sections[2]
    assert s.kind == "shortcomings" and s.also == ["next_year_plan"]


def _parts(section: Section, doc: Document) -> list[tuple[str | None, str]]:
    return [(p.kind, doc.paragraphs[p.start].text) for p in section.parts]


def test_combined_heading_is_divided_by_its_sub_headings(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的问题及下一步打算\n（一）存在的问题\n"
                   "执法力量不足。\n（二）原因分析\n投入不够。\n（三）2024年主要安排\n加强学习。")
    s = doc.sections[2]
    assert [c.kind for c in s.children] == ["shortcomings", None, "next_year_plan"]
    assert _parts(s, doc) == [("shortcomings", "（一）存在的问题"), ("next_year_plan", "（三）2024年主要安排")]
    short, plan = s.parts
    assert [c.heading.title for c in short.children if c.heading] == ["原因分析"]
    assert (short.end, plan.end) == (plan.start, s.end)


def test_an_intro_before_the_first_part_is_its_text(make_doc) -> None:  # type: ignore[no-untyped-def]
    """三、存在的问题及下一步打算 / 虽然…但仍存在不足，主要原因是… / （一）存在的问题 …: the
    intro belongs to the shortcomings as text (its cause counts), but the part still
    starts at its sub-heading, whose items are the part's items."""
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的问题及下一步打算\n"
                   "我镇取得了一定成效，但仍存在不足，主要原因是人员少。\n对照要求还有差距。\n（一）存在的问题\n"
                   "执法力量不足。\n（二）2024年主要安排\n加强学习。")
    s = doc.sections[2]
    short, plan = s.parts
    assert (short.intro, short.start, plan.intro) == ((s.start + 1, s.start + 3), s.start + 3, None)
    assert _parts(s, doc) == [("shortcomings", "（一）存在的问题"), ("next_year_plan", "（二）2024年主要安排")]


def test_combined_heading_is_divided_where_a_paragraph_opens_the_plan(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的问题及下一步打算\n执法力量不足。\n"
                   "普法形式单一。\n下一步，我镇将重点做好以下工作：\n（一）加强学习\n组织学法。\n（二）完善制度\n"
                   "修订制度。")
    s = doc.sections[2]
    assert _parts(s, doc) == [("shortcomings", "二、存在的问题及下一步打算"),
                              ("next_year_plan", "下一步，我镇将重点做好以下工作：")]
    assert [c.heading.title for c in s.parts[1].children if c.heading] == ["加强学习", "完善制度"]


@pytest.mark.parametrize("opening", ["新的一年，我们将重点做好以下工作：", "今年，我镇将重点做好以下工作：",
                                     "接下来，我们将从以下几个方面改进：", "2024年，我镇将着力抓好以下工作："])
def test_other_openings_of_the_plan(make_doc, opening: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的问题及下一步打算\n执法力量不足。\n"
                   "普法形式单一。\n" + opening + "\n（一）加强学习\n组织学法。\n（二）完善制度\n修订制度。")
    assert _parts(doc.sections[2], doc) == [("shortcomings", "二、存在的问题及下一步打算"),
                                            ("next_year_plan", opening)]


@pytest.mark.parametrize("opening", ["今年以来，我镇执法力量不足。", "接下来的检查中发现问题3个。"])
def test_a_paragraph_about_this_year_does_not_open_the_plan(make_doc, opening: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的问题及下一步打算\n执法力量不足。\n"
                   + opening + "\n普法形式单一。")
    assert [kind for kind, _ in _parts(doc.sections[2], doc)] in ([], ["shortcomings"])


def test_a_sub_heading_over_the_first_parts_items_leads_it(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的问题及下一步打算\n（一）存在的问题\n"
                   "1.执法力量不足。\n2.普法形式单一。\n下一步，我镇将重点做好以下工作：\n1.加强学习。\n"
                   "2.完善制度。")
    short, plan = doc.sections[2].parts
    assert _parts(doc.sections[2], doc) == [("shortcomings", "（一）存在的问题"),
                                            ("next_year_plan", "下一步，我镇将重点做好以下工作：")]
    assert [(c.heading.title, c.end) for c in short.children if c.heading] == \
        [("执法力量不足", short.end - 1), ("普法形式单一", short.end)]
    assert [c.heading.title for c in plan.children if c.heading] == ["加强学习", "完善制度"]


@pytest.mark.parametrize("opening", ["同时，我们也清醒地看到，工作中还存在一些不足：",
                                     "但对照上级要求，仍存在以下问题：", "存在的问题主要表现在：",
                                     "还存在一些短板和弱项。"])
def test_a_paragraph_opens_the_shortcomings_after_the_work(make_doc, opening: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、法治政府建设情况及存在的不足\n（一）强化组织领导\n召开会议3次。\n"
                   "（二）加强普法\n开展活动5场。\n" + opening + "\n1.执法力量不足。\n2.普法形式单一。\n"
                   "二、下一步工作打算\n加强学习。")
    work, short = doc.sections[1].parts
    assert (work.kind, short.kind) == ("measures", "shortcomings")
    assert doc.paragraphs[short.start].text == opening
    assert [c.heading.title for c in work.children if c.heading] == ["强化组织领导", "加强普法"]


def test_items_that_name_the_kind_after_the_opening_are_items(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、法治政府建设情况及存在的不足\n（一）强化组织领导\n召开会议3次。\n"
                   "同时，工作中还存在一些不足：\n（二）执法力量不足\n人员少。\n"
                   "（三）基层法治建设存在薄弱环节\n投入少。\n二、下一步工作打算\n加强学习。")
    work, short = doc.sections[1].parts
    assert doc.paragraphs[short.start].text == "同时，工作中还存在一些不足："
    assert [c.heading.title for c in short.children if c.heading] == ["执法力量不足", "基层法治建设存在薄弱环节"]


@pytest.mark.parametrize("line", ["针对执法中存在的问题，开展专项整治2次。", "存在问题的企业3家已全部整改。"])
def test_work_that_names_problems_does_not_open_the_shortcomings(make_doc, line: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、法治政府建设情况及存在的不足\n（一）强化组织领导\n召开会议3次。\n"
                   + line + "\n（二）加强普法\n开展活动5场。\n二、下一步工作打算\n加强学习。")
    assert doc.sections[1].parts == []


def test_an_opening_inside_the_shortcomings_waits_for_the_plans_sub_heading(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的问题及下一步打算\n（一）存在的问题\n"
                   "执法力量不足。\n针对以上问题，镇党委已专题研究。\n（二）原因分析\n投入不够。\n"
                   "（三）2024年主要安排\n加强学习。")
    assert _parts(doc.sections[2], doc) == [("shortcomings", "（一）存在的问题"),
                                            ("next_year_plan", "（三）2024年主要安排")]


def test_an_item_that_names_the_first_kind_does_not_divide(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的问题及下一步打算\n（一）执法力量不足\n"
                   "人员少。\n（二）基层法治建设存在薄弱环节\n投入少。\n下一步，将加强学习。")
    s = doc.sections[2]
    assert _parts(s, doc) == [("shortcomings", "二、存在的问题及下一步打算"),
                              ("next_year_plan", "下一步，将加强学习。")]


def test_a_combined_heading_without_a_divide_keeps_no_parts(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的问题及下一步打算\n执法力量不足，将加强学习。")
    assert doc.sections[2].also == ["next_year_plan"] and doc.sections[2].parts == []


@pytest.mark.parametrize("heading, kind, also", [
    ("下一步主要措施", "next_year_plan", []),
    ("下一步主要工作", "next_year_plan", []),
    ("2024年主要工作安排", "next_year_plan", []),
    ("今后工作的主要举措", "next_year_plan", []),
    ("工作开展情况及下一步打算", "next_year_plan", ["measures"]),
    ("主要举措和成效、存在的不足", "shortcomings", ["measures"]),
    ("存在的问题和2024年工作计划", "shortcomings", ["next_year_plan"]),
    ("2023年工作开展情况暨2024年工作思路", "next_year_plan", ["measures"]),
    # measures named after the plan are the plan's (measures: not_after next_year_plan)
    ("下一步工作重点和主要措施", "next_year_plan", []),
    ("下一步工作思路及主要举措", "next_year_plan", []),
    ("2024年工作打算和主要措施", "next_year_plan", []),
])
def test_a_heading_combines_kinds_only_where_a_joiner_parts_them(  # type: ignore[no-untyped-def]
        make_doc, heading: str, kind: str, also: list[str]) -> None:
    """下一步主要措施 is the plan: its 主要措施 is not a second part (measures), which made
    what the plan promises count as work done."""
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、" + heading + "\n加强学习，规范执法。")
    assert (doc.sections[2].kind, doc.sections[2].also) == (kind, also)


def test_each_part_has_the_stretch_of_the_heading_that_names_it(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、2023年存在的不足和原因及2024年工作打算\n"
                   "执法力量不足。\n下一步，将加强学习。")
    s = doc.sections[2]
    norm = doc.paragraphs[s.start].norm
    assert [norm[slice(*p.named)] for p in s.parts if p.named] == ["2023年存在的不足和原因及",
                                                                   "2024年工作打算"]


def test_sub_section_with_a_kind_of_its_own(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、2023年工作开展情况\n（一）加强组织领导\n成立领导小组。\n"
                   "（二）补齐短板，强化执法\n规范执法。\n（三）存在的不足\n一是力量不足。二是意识不强。\n"
                   "二、2024年工作计划\n一是加强学习。")
    kids = doc.sections[1].children
    assert [c.kind for c in kids] == [None, None, "shortcomings"]


@pytest.mark.parametrize("sub, kind", [
    ("（二）2024年主要措施", "next_year_plan"),
    ("（二）二〇二四年重点举措", "next_year_plan"),
    ("（二）2023年整改情况", None),  # the report's own year: not the plan
    ("（二）2023年和2024年工作", None),
])
def test_a_sub_heading_that_names_only_next_year_is_the_plan_part(  # type: ignore[no-untyped-def]
        make_doc, sub: str, kind: str | None) -> None:
    """Under 存在的问题和下一步打算, (二)2024年主要措施 (in a report on 2023) is the plan
    part, as a top-level heading that names only next year is the plan."""
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的问题和下一步打算\n"
                   "（一）存在的问题\n执法力量不足。\n" + sub + "\n1.加强学习。\n2.规范执法。")
    assert [c.kind for c in doc.sections[2].children] == ["shortcomings", kind]


def test_thematic_headings_are_not_shortcomings(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、补齐短板，推进依法行政\n正文。\n二、缩小差距，强化监督\n正文。\n三、存在的不足\n正文。")
    assert [s.kind for s in doc.sections[1:]] == ["measures", "measures", "shortcomings"]


def test_section_labels_agree_with_section_label() -> None:
    """The per-document table the checks use names each paragraph as section_label does."""
    from fazhi.document.load import load_document
    from fazhi.document.locate import section_label, section_labels
    from fazhi.engine import Engine
    from fazhi.rulebook.locate import default_rulebook

    cfg = Engine.from_file(default_rulebook()).book.document
    for path in sorted((Path(__file__).resolve().parent.parent / "reports").iterdir()):
        doc = load_document(path, cfg)
        assert section_labels(doc) == [section_label(doc, i) for i in range(len(doc.paragraphs))]


# -- unnumbered lines that name the report's parts ------------------------------
UNNUMBERED = TITLE + "\n".join([
    "现将2023年度法治政府建设情况报告如下：",
    "推进法治政府建设的主要举措和成效",
    "（一）加强组织领导",
    "成立领导小组，全年召开专题会议3次。",
    "（二）推进依法行政",
    "全年审查合同10件。",
    "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
    "镇党委书记专题研究法治建设2次，带头学法。",
    "存在的不足和原因",
    "（一）存在的不足",
    "一是意识不强。二是力量不足。",
    "（二）原因分析",
    "主要是学习不够。",
    "2024年工作安排",
    "一是加强学习。二是规范执法。三是强化监督。",
    "××镇人民政府",
    "2024年1月20日",
])


def test_unnumbered_lines_naming_parts_are_the_top_level(make_doc) -> None:  # type: ignore[no-untyped-def]
    """Bold unnumbered headings (the numbers lost, or never typed) above (一) headings."""
    doc = make_doc(UNNUMBERED)
    assert kinds(doc) == ["preamble", "measures", "first_responsible", "shortcomings",
                          "next_year_plan", "closing"]
    levels = [(d, t) for d, _, t in flat(doc)]
    assert (2, "加强组织领导") in levels and (2, "推进依法行政") in levels
    assert (1, "存在的不足和原因") in levels and (2, "原因分析") in levels
    # the lead-in line (…如下:) stays in the preamble
    assert all("如下" not in t for _, t in levels)


def test_one_unnumbered_line_alone_is_not_a_level(make_doc) -> None:  # type: ignore[no-untyped-def]
    text = TITLE + "\n".join([
        "（一）加强组织领导",
        "成立领导小组，全年召开专题会议3次。",
        "工作情况",
        "全年审查合同10件。",
        "（二）存在的不足和原因",
        "一是意识不强。二是力量不足。",
        "（三）2024年工作安排",
        "一是加强学习。二是规范执法。三是强化监督。",
    ])
    levels = [(d, t) for d, _, t in flat(make_doc(text))]
    assert [t for d, t in levels if d == 1] == ["加强组织领导", "存在的不足和原因", "2024年工作安排"]


def test_a_numbered_top_level_naming_parts_is_kept(make_doc) -> None:  # type: ignore[no-untyped-def]
    """1、2、3、 headings that name the parts are the top level; an unnumbered line
    that happens to name a kind does not take their place."""
    text = TITLE + "\n".join([
        "1、主要举措和成效",
        "全年审查合同10件。",
        "工作情况",
        "成立领导小组。",
        "2、存在的不足和原因",
        "一是意识不强。二是力量不足。",
        "下一步工作打算",
        "一是加强学习。二是规范执法。",
        "3、2024年工作安排",
        "一是加强学习。二是规范执法。三是强化监督。",
    ])
    levels = [(d, t) for d, _, t in flat(make_doc(text))]
    assert [t for d, t in levels if d == 1] == ["主要举措和成效", "存在的不足和原因", "2024年工作安排"]


def test_labels_repeated_in_each_numbered_section_are_not_a_level(make_doc) -> None:  # type: ignore[no-untyped-def]
    text = TITLE + "\n".join([
        "（一）加强组织领导",
        "工作情况",
        "成立领导小组，全年召开专题会议3次。",
        "下一步打算",
        "继续加强领导。",
        "（二）推进依法行政",
        "工作情况",
        "全年审查合同10件。",
        "下一步打算",
        "继续规范执法。",
        "（三）存在的不足和原因",
        "一是意识不强。二是力量不足。",
    ])
    levels = [(d, t) for d, _, t in flat(make_doc(text))]
    assert [t for d, t in levels if d == 1] == ["加强组织领导", "推进依法行政", "存在的不足和原因"]


def _naive_tree(headings, start, end, prefix):  # type: ignore[no-untyped-def]
    """The outline's tree as first written (quadratic), the reference for _tree."""
    from fazhi.document.model import Section as S
    inside = [h for h in headings if start <= h.paragraph < end]
    if not inside:
        return []
    level = min(h.level for h in inside)
    tops = [h for h in inside if h.level == level]
    out = []
    for i, h in enumerate(tops):
        s_end = tops[i + 1].paragraph if i + 1 < len(tops) else end
        sid = f"{prefix}{i + 1}"
        out.append(S(id=sid, heading=h, start=h.paragraph, end=s_end,
                     children=_naive_tree([x for x in inside if x.paragraph > h.paragraph],
                                          h.paragraph + 1, s_end, sid + ".")))
    return out


def test_tree_nests_like_the_reference() -> None:
    import random

    from fazhi.document.model import Heading
    from fazhi.document.outline import _tree
    rnd = random.Random(3)
    for _ in range(200):
        paras = sorted(rnd.sample(range(200), rnd.randint(0, 40)))
        heads = [Heading(paragraph=p, style="x", ordinal=None, level=rnd.randint(1, 4), title="t",
                         title_start=0, title_end=1, run_in=False) for p in paras]
        start, end = rnd.randint(0, 20), rnd.randint(150, 210)
        assert _tree(heads, start, end, "") == _naive_tree(heads, start, end, "")


# -- memory ----------------------------------------------------------------------
@pytest.mark.parametrize("kind, bound", [("prose", 1200), ("headings", 900)])
def test_a_document_holds_little_per_line(make_doc, kind: str, bound: int) -> None:  # type: ignore[no-untyped-def]
    """A document is built per line and per paragraph, so the weight of each record
    multiplies: with pydantic models for them a 20 MB text took 450 MB. Reading and
    building hold about 800 bytes a line of prose and 530 a one-line heading now
    (2,230 and 1,970 with pydantic records)."""
    import tracemalloc

    n = 10_000
    if kind == "prose":
        text = "".join(f"（{i}）第{i}项工作。推进依法行政，完善制度建设。\n" if i % 10 == 0
                       else f"本段是第{i}段正文，内容包括法治政府建设的各项工作安排。\n"
                       for i in range(n))
    else:
        text = "".join(f"{i}、标题\n" for i in range(1, n + 1))
    make_doc("热身。")  # caches and interned strings that any first document fills
    tracemalloc.start()
    try:
        doc = make_doc(text)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(doc.paragraphs) == n
    assert held / n < bound, f"{held / n:.0f} bytes a line"


def test_numbers_with_another_mark_under_a_section_are_its_items(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二、存在的不足\n人员少。\n三、下一步工作打算\n"
                   "一.持续加强学习\n组织学法。\n二.完善制度\n修订制度。\n三.加强普法\n开展活动。")
    assert [s.kind for s in doc.sections[1:]] == ["measures", "shortcomings", "next_year_plan"]
    plan = doc.sections[3]
    assert [c.heading.title for c in plan.children if c.heading] == ["持续加强学习", "完善制度", "加强普法"]


def test_a_section_numbered_with_another_mark_by_mistake_stays_a_section(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(TITLE + "一、主要举措和成效\n开展普法。\n二.存在的不足\n人员少。\n三、下一步工作打算\n加强学习。")
    assert [s.kind for s in doc.sections[1:]] == ["measures", "shortcomings", "next_year_plan"]


# The look-behind forms the sentence-start patterns had: _SentenceStart must find
# the same matches, found faster.
_LOOK_BEHIND = {
    "_LEAD_RE": r"(?<![^。;!?:])(?:([一二三四五六七八九十]{1,3})[是要]|[第其]([一二三四五六七八九十]{1,3})[,、])",
    "_CONT_RE": r"(?<![^。;!?:])([一二三四五六七八九十]{1,2})(?=[\u4e00-\u9fff])",
    "_SEQUENCE_RE": r"(?<![^。;!?:])(?:(首先|其次|再次|最后)[,、]|(一方面|另一方面))",
}


@pytest.mark.parametrize("name", sorted(_LOOK_BEHIND))
@given(text=st.text(alphabet="一二三十是要第其首先次最后另方面,、。;!?:加强a", max_size=40))
@settings(max_examples=300, deadline=None)
def test_sentence_starts_match_as_the_look_behind_did(name: str, text: str) -> None:
    import re

    from fazhi.document import leads

    new = getattr(leads, name)
    old = re.compile(_LOOK_BEHIND[name])
    assert [(m.span(), m.groups()) for m in new.finditer(text)] == \
        [(m.span(), m.groups()) for m in old.finditer(text)]
    assert bool(new.match(text)) == bool(old.match(text))

PLAN_AT_THE_END = """某某县人民政府关于2022年度法治政府建设情况的报告
2022年，我县坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下。
一、加强组织领导，持续推进法治政府建设
（一）全面部署法治政府建设工作。县政府常务会议研究法治政府建设3次。
（二）落实领导干部学法制度。全年开展会前学法12次。
二、坚持多措并举，依法化解社会矛盾纠纷
（一）做好行政应诉工作。全年应诉案件15件。
（二）深入开展全民普法。开展普法活动40场。
一年来，我县法治政府建设取得良好成效，但仍存在一定差距，比如：少数干部法治意识还不够强。
{lead}
（一）加强党对法治建设的领导，健全组织保障机制。
（二）狠抓法治教育培训，提升依法行政意识和能力。
（三）健全行政决策机制，推进决策科学化民主化法治化。
某某县人民政府
2023年3月20日
"""


@pytest.mark.parametrize("lead", ["2023年，我们坚持以习近平法治思想为指导，推进政府各项工作。",
                                  "2023年，我们将继续推进法治政府建设。",
                                  "下一步，我县将重点做好以下工作。"])
def test_a_plan_without_a_heading_after_the_last_section_is_the_plan(  # type: ignore[no-untyped-def]
        make_doc, lead: str) -> None:
    """County reports end the last work section with the shortcomings in a sentence and
    the plan as a lead paragraph and items numbered again from （一）: the lead heads a
    plan section of its own, and the items are the plan's."""
    doc = make_doc(PLAN_AT_THE_END.format(lead=lead))
    plan = doc.sections[-2]
    assert (plan.kind, plan.heading is not None and plan.heading.run_in) == ("next_year_plan", True)
    assert doc.paragraphs[plan.start].text == lead
    assert [c.heading.ordinal for c in plan.children if c.heading] == [1, 2, 3]
    work = doc.sections[-3]
    assert work.kind == "measures" and len(work.children) == 2 and work.end == plan.start


@pytest.mark.parametrize("lead", [
    "2022年，我们坚持以习近平法治思想为指导，推进政府各项工作。",  # the report's own year
    "我县还开展了以下工作。",  # no plan opens here
])
def test_numbering_that_starts_again_without_a_plan_lead_splits_nothing(  # type: ignore[no-untyped-def]
        make_doc, lead: str) -> None:
    doc = make_doc(PLAN_AT_THE_END.format(lead=lead))
    assert "next_year_plan" not in kinds(doc)


def test_a_plan_s_own_numbering_that_starts_again_stays_the_plan(make_doc) -> None:  # type: ignore[no-untyped-def]
    text = PLAN_AT_THE_END.format(lead="下一步，我县将重点做好以下工作。").replace(
        "二、坚持多措并举，依法化解社会矛盾纠纷", "二、2023年工作安排")
    doc = make_doc(text)
    assert kinds(doc).count("next_year_plan") == 1 and doc.sections[-2].heading is not None
    assert doc.sections[-2].heading.title == "2023年工作安排"


PLAN_IN_A_SECTION = """某某县公安局2025年度法治政府建设情况报告
2025年，我局坚持以习近平法治思想为指导，扎实推进法治公安建设。
一、聚焦科学理论指引，深入学习贯彻习近平法治思想
全年组织党委理论学习中心组专题学法4次。
二、聚焦突发事件应对体系，提升应急处突能力{runin}
定期开展应急演练，全年组织实战演练12次。
{lead}
（一）强化执法规范化建设。
（二）强化法治宣传教育。
（三）强化法治服务保障。
"""


@pytest.mark.parametrize("runin", ["", "。建立健全各类突发事件应急预案8个"])
def test_a_plan_s_list_in_a_section_with_no_list_before_is_the_plan(  # type: ignore[no-untyped-def]
        make_doc, runin: str) -> None:
    """…。2026年，我局将重点抓好以下工作：（一）… closing a work section that has no
    sub-headings of its own: the lead heads the plan, the list is the plan's."""
    doc = make_doc(PLAN_IN_A_SECTION.format(runin=runin, lead="2026年，我局将重点抓好以下几个方面工作："))
    assert kinds(doc)[-1] == "next_year_plan" and len(doc.sections[-1].children) == 3
    assert doc.sections[-2].kind == "measures" and doc.sections[-2].children == []


@pytest.mark.parametrize("lead", ["2025年，我局将执法规范化与法治宣传相结合，开展了以下工作：",
                                  "我局重点开展了以下工作："])
def test_a_work_list_after_an_opening_of_the_report_year_stays_work(  # type: ignore[no-untyped-def]
        make_doc, lead: str) -> None:
    doc = make_doc(PLAN_IN_A_SECTION.format(runin="", lead=lead))
    assert "next_year_plan" not in kinds(doc) and len(doc.sections[-1].children) == 3


def test_a_section_that_opens_with_the_plan_s_lead_is_not_split(make_doc) -> None:  # type: ignore[no-untyped-def]
    """The lead as the section's first paragraph: nothing of the section would be left."""
    text = PLAN_IN_A_SECTION.format(runin="", lead="").replace(
        "定期开展应急演练，全年组织实战演练12次。\n", "2026年，我局将重点抓好以下几个方面工作：\n")
    doc = make_doc(text)
    assert "next_year_plan" not in kinds(doc)


def test_the_preambles_opening_is_what_follows_the_title(make_doc) -> None:  # type: ignore[no-untyped-def]
    """The opening part of the preamble (a work section for the rulebook's scopes) starts
    after the title; the lines above the title and the title itself are not in it."""
    doc = make_doc("××县人民政府\n" + TITLE + "××县人民政府：\n2023年，我镇认真开展普法宣传。现报告如下。\n"
                   "一、主要举措和成效\n全年审查合同10件。\n")
    pre = doc.sections[0]
    assert pre.kind == "preamble" and [p.kind for p in pre.parts] == ["opening"]
    opening = pre.parts[0]
    assert [doc.paragraphs[i].norm for i in range(opening.start, opening.end)] == \
        ["××县人民政府:", "2023年,我镇认真开展普法宣传。现报告如下。"]
    assert opening.end == pre.end == doc.sections[1].start


def test_without_a_title_the_whole_preamble_is_the_opening(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("2023年，我镇认真开展普法宣传。现报告如下。\n一、主要举措和成效\n全年审查合同10件。\n"
                   "二、存在的不足\n执法力量薄弱。\n")
    pre = doc.sections[0]
    assert [(p.kind, p.start, p.end) for p in pre.parts] == [("opening", 0, pre.end)]
