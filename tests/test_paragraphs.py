from conftest import extracted
from fazhi.document.paragraphs import build_paragraphs


def paras(text: str) -> list[str]:
    return [p.text for p in build_paragraphs(extracted(text).lines)]


def test_one_paragraph_per_line() -> None:
    assert paras("第一段。\n第二段。\n\n第三段。") == ["第一段。", "第二段。", "第三段。"]


def test_sentence_broken_across_lines_is_rejoined() -> None:
    text = "(三) 加大宣传力度。牢牢抓住乡村振兴工作契机，开展\n\n法治课堂，提高全民法治意识。\n下一段。"
    assert paras(text) == ["(三) 加大宣传力度。牢牢抓住乡村振兴工作契机，开展法治课堂，提高全民法治意识。", "下一段。"]


def test_heading_and_title_lines_are_not_joined() -> None:
    text = ("关于2022年法治政府建设情况的报告\n2022年，我镇依法行政。\n"
            "（一）加强组织领导，强化理论学习\n始终把学习放在首位。\n"
            "三、2024年度推进法治政府建设存在的不足、原因和问题整改情况\n2024年在工作中存在差距：")
    assert len(paras(text)) == 6


def test_next_line_with_marker_starts_a_paragraph() -> None:
    text = "主要表现在以下几个方面，具体来说有\n一是意识不强。"
    assert len(paras(text)) == 2


def test_line_numbers_kept_for_joined_lines() -> None:
    ps = build_paragraphs(extracted("主要原因是：在推进过程中法律法规\n\n宣传力度不够。").lines)
    assert [loc.line for loc in ps[0].locs] == [1, 3]


def test_information_fields_are_not_a_broken_sentence() -> None:
    """A line whose only punctuation is a colon followed by a short value (a name, a
    source) is a page's or a letterhead's fields: the line under it starts a paragraph.
    A colon followed by a clause may be a sentence broken off."""
    assert paras("大府〔2023〕16号 签发人：唐紫薇\n大英县人民政府\n关于2022年度法治政府建设情况的报告") == \
        ["大府〔2023〕16号 签发人：唐紫薇", "大英县人民政府", "关于2022年度法治政府建设情况的报告"]
    assert paras("2021年12月03日 来源: 上海普陀\n\n区政府：") == ["2021年12月03日 来源: 上海普陀", "区政府："]
    assert len(paras("主要原因是：在推进过程中法律法规\n\n宣传力度不够。")) == 1


def test_a_heading_number_on_a_line_of_its_own_joins_its_title() -> None:
    text = "一、\n\n主要举措和成效\n（一）\n加强组织领导\n全年召开会议3次。"
    assert paras(text) == ["一、主要举措和成效", "（一）加强组织领导", "全年召开会议3次。"]


def test_a_bare_number_before_another_numbered_line_stays_apart() -> None:
    assert paras("一、\n（一）加强组织领导\n1.\n2.会议") == ["一、", "（一）加强组织领导", "1.", "2.会议"]
