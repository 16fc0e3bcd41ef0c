import re

import pytest

from fazhi.document.dates import parse_date, year_pattern


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("2023年2月1日", "2023-02-01", "day"),
        ("二〇二三年二月十日", "2023-02-10", "day"),
        ("二○二四年三月二十一日", "2024-03-21", "day"),
        ("2023年12月", "2023-12", "month"),
        ("2023年2月30日", "2023-02", "month"),
        ("2023.2.20", "2023-02-20", "figures"),
        ("2023-02-20", "2023-02-20", "figures"),
        ("2023/2/20", "2023-02-20", "figures"),
        ("2023.2-20", None, None),  # two different separators: not a date
        ("2023.13.20", None, None),
        ("12023.2.20", None, None),
    ],
)
def test_parse_date(text: str, iso: str | None, precision: str | None) -> None:
    got, prec, _ = parse_date(text)
    assert (got, prec) == (iso, precision)


@pytest.mark.parametrize(
    ("text", "found"),
    [("2024年", True), ("二〇二四年", True), ("二零二四年", True), ("二○二四年", True),
     ("2023年", False), ("二〇二三年", False), ("2024", False), ("20245年", False)],
)
def test_year_pattern(text: str, found: bool) -> None:
    assert bool(re.match(year_pattern(2024), text)) is found


def test_issuer_above_title_and_year(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(" 中共源泉镇委员会  源泉镇人民政府\n关于2022年度法治政府建设工作的报告\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == "中共源泉镇委员会 源泉镇人民政府"
    assert doc.meta.report_year == 2022
    assert doc.meta.title == "关于2022年度法治政府建设工作的报告"


def test_issuer_in_a_byline_under_the_title(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("关于2022年度法治政府建设工作的报告\n中共源泉镇委员会  源泉镇人民政府\n"
                   "一、主要举措和成效\n正文。")
    assert doc.meta.issuer == "中共源泉镇委员会 源泉镇人民政府"
    assert doc.meta_evidence["issuer"].line == 2


@pytest.mark.parametrize("under", ["区委、区政府：", "平安县人民政府：", "（2023年1月5日）",
                                   "平安县司法局在县委、县政府的领导下推进法治建设"])
def test_a_line_under_the_title_that_is_not_only_an_issuer_is_no_byline(
        make_doc, under: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(f"关于2022年度法治政府建设工作的报告\n{under}\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer is None


def test_issuer_in_signature_and_chinese_date(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("郑旗乡 2022 年度法治政府建设情况报告\n一、法治政府建设情况\n正文。\n郑旗乡人民政府\n二〇二三年二月二十日")
    assert doc.meta.issuer == "郑旗乡人民政府"
    assert doc.meta.date == "2023-02-20"
    assert doc.meta.report_year == 2022


@pytest.mark.parametrize(("title", "place"), [
    ("静海镇2024年度法治政府建设工作报告", "静海镇"),
    ("山亭区徐庄镇2025年度法治政府建设情况报告", "山亭区徐庄镇"),  # the district and the town
    ("关于杭州市2024年度法治政府建设情况的报告", "杭州市"),
    ("塘栖镇法治政府建设年度报告（2024年度）", "塘栖镇"),
    # the year's summary and next year's plan under one title
    ("大岚镇2024年法治建设总结和2025年工作计划", "大岚镇"),
])
def test_place_only_in_title(make_doc, title: str, place: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(f"{title}\n一、2024年工作开展情况\n正文。")
    assert doc.meta.title == title
    assert doc.meta.issuer is None
    assert doc.meta.place == place


def test_date_directly_under_title(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("××县司法局2023年法治政府建设情况报告\n（2024年1月15日）\n一、主要举措和成效\n正文。")
    assert doc.meta.date == "2024-01-15"


def test_date_under_a_byline_under_the_title(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("关于2023年度法治政府建设情况的报告\n张庄镇人民政府\n2024年1月20日\n"
                   "一、主要举措和成效\n正文。")
    assert doc.meta.issuer == "张庄镇人民政府"
    assert doc.meta.date == "2024-01-20" and doc.meta_evidence["date"].line == 3


def test_a_date_two_lines_under_the_title_without_a_byline_is_not_its_date(  # type: ignore[no-untyped-def]
        make_doc) -> None:
    doc = make_doc("关于2023年度法治政府建设情况的报告\n各位领导：\n2024年1月20日\n一、主要举措和成效\n正文。")
    assert doc.meta.date is None


@pytest.mark.parametrize(("signature", "issuer"), [
    ("张庄镇党委 张庄镇政府", "张庄镇党委 张庄镇政府"),
    ("平安县综合行政执法大队", "平安县综合行政执法大队"),
])
def test_issuers_written_short_or_as_a_brigade(make_doc, signature: str, issuer: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n正文。\n" + signature + "\n2024年1月5日")
    assert doc.meta.issuer == issuer


def test_date_in_body_is_not_the_report_date(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("××镇2023年法治政府建设情况报告\n一、主要举措和成效\n2023年5月4日召开专题会议，研究部署法治建设工作，会议由镇长主持。")
    assert doc.meta.date is None


def test_a_bodys_office_in_the_signature_is_the_whole_office(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("平安县2023年度法治政府建设情况报告\n一、主要举措和成效\n正文。\n"
                   "平安县人民政府办公室\n2024年1月5日")
    assert doc.meta.issuer == "平安县人民政府办公室"  # not 平安县人民政府, the government itself


def test_issuer_named_in_the_title(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("平安县司法局关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == "平安县司法局"
    doc = make_doc("平安镇关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer is None and doc.meta.place == "平安镇"


@pytest.mark.parametrize("title", ["中共平安镇委员会平安镇人民政府关于2022年度法治政府建设情况的报告",
                                   "中共平安镇委员会、平安镇人民政府关于2022年度法治政府建设情况的报告"])
def test_joint_issuers_named_in_the_title(make_doc, title: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(f"{title}\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == "中共平安镇委员会 平安镇人民政府"
    doc = make_doc("中共平安镇委员会平安镇2022年度法治政府建设情况的报告\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer is None  # no 关于 after the bodies: not read as issuers


@pytest.mark.parametrize(("head", "title"), [
    ("关于2022年度法治政府建设\n工作情况的报告", "关于2022年度法治政府建设工作情况的报告"),
    ("平安镇2022年度法治政府\n建设工作报告", "平安镇2022年度法治政府建设工作报告"),
    ("中共平安镇委员会 平安镇人民政府\n关于2022年度法治政府建设\n工作情况的报告",
     "关于2022年度法治政府建设工作情况的报告"),
    ("中共平安镇委员会平安镇人民政府关于\n2022年度法治政府建设\n工作情况的报告",
     "中共平安镇委员会平安镇人民政府关于2022年度法治政府建设工作情况的报告"),
    # the first line is the issuer and 关于 and part of the title (the issuer pattern also
    # reads 关于法治政府 as a body: the line is not an issuer's line for that)
    ("平安县人民政府关于2022年度法治政府\n建设情况报告", "平安县人民政府关于2022年度法治政府建设情况报告"),
])
def test_a_title_set_on_several_lines_is_one_title(make_doc, head: str, title: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(f"{head}\n区委、区政府：\n一、主要举措和成效\n正文。")
    assert doc.meta.title == title
    assert doc.meta.report_year == 2022
    assert doc.paragraphs[doc.sections[0].start].index == 0
    assert [p.index for p in doc.paragraphs] == list(range(len(doc.paragraphs)))


def test_a_title_whose_first_line_ends_inside_a_body_s_name(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("上海市宝山区人民政府关于法治政府\n建设情况报告\n2023年，宝山区坚持依法行政。\n"
                   "一、主要举措和成效\n正文。")
    assert doc.meta.title == "上海市宝山区人民政府关于法治政府建设情况报告"
    assert doc.meta.issuer == "上海市宝山区人民政府"


@pytest.mark.parametrize("above", ["2026-01-20 17:01  |  武汉市水务局", "• 成文日期:2025-02-28",
                                   "发布时间：2025-02-28 来源：市司法局"])
def test_a_title_under_a_line_with_a_colon_is_a_paragraph_of_its_own(make_doc, above: str) -> None:  # type: ignore[no-untyped-def]
    """A web page's line above the title has no full stop; its colon (17:01, 成文日期:)
    says it is no part of a title set on two lines."""
    doc = make_doc(f"今天是:\n{above}\n\n市水务局2025年度法治政府建设情况报告\n\n"
                   "2025年，我局扎实推动法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.title == "市水务局2025年度法治政府建设情况报告"


def test_a_title_written_twice_is_the_document_s_own_the_second_time(make_doc) -> None:  # type: ignore[no-untyped-def]
    """A web page's heading, then the document as issued: its issuer above its title."""
    doc = make_doc("2023年法治政府建设工作年度报告\n政策法规科 2023-12-29\n\n广元市人力资源和社会保障局\n\n"
                   "2023年法治政府建设工作年度报告\n\n2023年，我局坚持依法行政。\n一、主要举措和成效\n正文。")
    assert doc.meta.title == "2023年法治政府建设工作年度报告"
    assert doc.meta.issuer == "广元市人力资源和社会保障局"
    assert doc.meta_evidence["title"].line == 6


def test_a_title_under_ten_lines_of_a_web_page_s_list(make_doc) -> None:  # type: ignore[no-untyped-def]
    """A page copied with its information list above the title; its column name
    法治政府 is no issuing body. The list (labels without colons, each value on the
    next line) goes as the page's bar, so the title names the issuer."""
    doc = make_doc("登录 | 注册\n• 法治政府\n• 索引号\nlcxlyhcyj/2025-00003\n• 发布机构\n绿春县林业和草原局\n"
                   "• 文号\n• 发布日期\n2025-03-19\n• 时效性\n有效\n绿春县林草局2024年度法治政府建设年度报告\n"
                   "2024年，我局扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.title == "绿春县林草局2024年度法治政府建设年度报告"
    assert doc.meta.issuer == "绿春县林草局"


@pytest.mark.parametrize("after", [" 2024-12-12", "  2024年12月12日"])
def test_a_date_after_the_title_on_its_line_is_no_part_of_it(make_doc, after: str) -> None:  # type: ignore[no-untyped-def]
    """A page's list of articles, copied: the title, then the date it was posted."""
    doc = make_doc(f"2024年度新江湾城街道法治政府建设工作报告{after}\n\n区法治政府建设工作领导小组办公室：\n"
                   "2024年，街道深入推进依法行政。\n一、主要举措和成效\n正文。")
    assert doc.meta.title == "2024年度新江湾城街道法治政府建设工作报告"
    assert doc.meta_evidence["title"].match == "2024年度新江湾城街道法治政府建设工作报告"


@pytest.mark.parametrize("after", [" 信息来源: 发布时间:2024-01-02", "　发布日期：2024-01-02　来源：区档案局",
                                   " 【字体：大 中 小】"])
def test_a_page_s_information_fields_after_the_title_on_its_line_are_no_part_of_it(  # type: ignore[no-untyped-def]
        make_doc, after: str) -> None:
    """A page whose information bar runs on after the title, on the title's line."""
    doc = make_doc(f"奉贤区档案局2023年度法治政府建设情况报告{after}\n\n"
                   "2023年，我局扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.title == "奉贤区档案局2023年度法治政府建设情况报告"
    assert doc.meta_evidence["title"].match == "奉贤区档案局2023年度法治政府建设情况报告"
    assert doc.meta.issuer == "奉贤区档案局"


def test_a_breadcrumb_with_the_page_s_fields_after_it_is_no_title(make_doc) -> None:  # type: ignore[no-untyped-def]
    """The column a page stands in, last in its breadcrumb, reads like a title."""
    doc = make_doc("政府信息公开 > 法定主动公开内容 > 其他主动公开内容 > 法治政府建设年度报告"
                   "日期:2025-02-28 14:30 字体:[ 大 中 小 ] 关闭窗口\n"
                   "2024年，武安镇扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.title is None


@pytest.mark.parametrize(("title", "issuer"), [
    ("高新区（新市区）人民政府2024年法治政府建设工作报告", "高新区(新市区)人民政府"),
    ("中牟县（中牟新区）白沙镇人民政府关于2024年法治政府建设情况的报告", "中牟县(中牟新区)白沙镇人民政府"),
])
def test_a_body_s_name_with_a_bracket_is_an_issuer(make_doc, title: str, issuer: str) -> None:  # type: ignore[no-untyped-def]
    """Two governments under one name (乌鲁木齐高新区 and 新市区) or a zone that runs a
    county's towns write the second in brackets inside the name."""
    doc = make_doc(title + "\n2024年，我区扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == issuer


def test_joint_issuers_on_lines_of_their_own_above_the_title(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("中共某区委教育工作委员会\n某区教育委员会\n关于2024年法治政府建设情况的报告\n"
                   "2024年，我委扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == "中共某区委教育工作委员会 某区教育委员会"


def test_a_page_s_heading_above_the_document_s_own_title(make_doc) -> None:  # type: ignore[no-untyped-def]
    """A page's list entry, then the document's own title that names its body: the
    latter is the title; the shorter line under a fuller one is not."""
    doc = make_doc("2023年法治政府建设年度报告\n某区城市管理局2023年法治政府建设情况报告\n"
                   "2023年，我局扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert (doc.meta.title, doc.meta.issuer) == ("某区城市管理局2023年法治政府建设情况报告", "某区城市管理局")
    doc = make_doc("某省农业农村厅2023年法治政府建设年度报告\n2023年法治政府建设年度报告\n"
                   "2023年，我厅扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.title == "某省农业农村厅2023年法治政府建设年度报告"


FIELDED = ("公文种类: 洛政文 文件编号: 洛政文〔2025〕11号 发文机关: 某市人民政府 索引号: C001-01-2025-00061\n"
           "关于2024年度法治政府建设情况的报告\n某市人大常委会：\n2024年，我市扎实推进法治政府建设。\n"
           "一、主要举措和成效\n正文。")


def test_the_issuer_named_by_a_page_s_information_field(make_doc) -> None:  # type: ignore[no-untyped-def]
    """No line names the issuer, but the page's 发文机关 field does."""
    assert make_doc(FIELDED).meta.issuer == "某市人民政府"


def test_the_issuer_fields_come_from_the_rulebook(mutated) -> None:  # type: ignore[no-untyped-def]
    from fazhi.document.load import build_document
    from fazhi.engine import Engine
    from fazhi.ruletests import extracted_from_text

    path, _ = mutated("    issuer_fields: ['发文机关', '发文单位']\n", "")
    doc = build_document(extracted_from_text(FIELDED), Engine.from_file(path).book.document, "t.txt", "0")
    assert doc.meta.issuer is None


def test_a_party_group_is_an_issuer(make_doc) -> None:  # type: ignore[no-untyped-def]
    """A department's report is often the party group's (党组) and the bureau's."""
    doc = make_doc("中共双牌县教育局党组2024年度法治政府建设年度报告\n"
                   "2024年，我局扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == "中共双牌县教育局党组"


@pytest.mark.parametrize(("head", "issuer"), [
    ("广州市公安局增城区分局关于2023年度法治政府建设情况的报告", "广州市公安局增城区分局"),
    ("鲤城区人民政府金龙街道办事处\n2023年度法治政府建设情况报告", "鲤城区人民政府金龙街道办事处"),
    ("中共平安县委组织部\n2023年度法治政府建设情况报告", "中共平安县委组织部"),
    # a city committee's street working committee (街道党工委) is one body, and so is a
    # district committee's education working committee (教育工委)
    ("中共南安市委柳城街道工作委员会\n2025年法治政府建设情况报告", "中共南安市委柳城街道工作委员会"),
    ("中共某区委教育工作委员会关于2024年法治政府建设情况的报告", "中共某区委教育工作委员会"),
    # a bureau of a new area's or a zone's management committee (管委会) is the committee's
    ("湖南湘江新区管理委员会应急管理局2022年度法治政府建设工作总结", "湖南湘江新区管理委员会应急管理局"),
    ("某某经济开发区管委会财政局关于2023年法治政府建设情况的报告", "某某经济开发区管委会财政局"),
    # and so is one of a prefecture's administrative office (行政公署, 行署; opening 1346)
    ("大兴安岭地区行政公署司法局2023年度法治政府建设年度工作报告", "大兴安岭地区行政公署司法局"),
    ("某某地区行署财政局关于2023年法治政府建设情况的报告", "某某地区行署财政局"),
    # a body's party committee (党委) written after it is the committee (opening 1432)
    ("海关总署党委 海关总署关于2022年度推进法治政府建设情况的报告", "海关总署党委 海关总署"),
    # joint issuers stay two
    ("中共东昌区委东昌区人民政府关于2024年度法治政府建设工作情况的报告", "中共东昌区委 东昌区人民政府"),
    ("某某新区管理委员会某某市自然资源局关于2023年法治政府建设情况的报告", "某某新区管理委员会 某某市自然资源局"),
    # a street office named in full (with its city or district) is a body of its own
    ("中共深圳市龙华区龙华街道工作委员会深圳市龙华区龙华街道办事处2023年法治政府建设年度报告",
     "中共深圳市龙华区龙华街道工作委员会 深圳市龙华区龙华街道办事处"),
    ("中共南安市委柳城街道工作委员会南安市柳城街道办事处关于2025年法治政府建设情况的报告",
     "中共南安市委柳城街道工作委员会 南安市柳城街道办事处"),
])
def test_a_part_of_a_body_written_after_it_is_one_issuer(  # type: ignore[no-untyped-def]
        make_doc, head: str, issuer: str) -> None:
    doc = make_doc(f"{head}\n2023年，我们扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == issuer


@pytest.mark.parametrize("tag", ["[天政发〔2026〕7号]", "【工作总结】", "［天政发〔2026〕7号］"])
def test_a_tag_in_brackets_before_the_title_hides_no_issuer(make_doc, tag: str) -> None:  # type: ignore[no-untyped-def]
    """A document number or a page's column in brackets opens the title; the body that
    follows it is the issuer."""
    doc = make_doc(f"{tag}天水市人民政府关于2025年法治政府建设情况的报告\n市委:\n"
                   "2025年，市政府扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == "天水市人民政府"
    assert doc.meta.title is not None and doc.meta.title.endswith("天水市人民政府关于2025年法治政府建设情况的报告")


@pytest.mark.parametrize(("line", "title"), [
    ("乐清市柳市镇2024年法治政府建设年度报告 乐清市柳市镇2024年法治政府建设年度报告 |", "乐清市柳市镇2024年法治政府建设年度报告"),
    ("某县 司法局2024年法治政府建设年度报告 某县 司法局2024年法治政府建设年度报告", "某县 司法局2024年法治政府建设年度报告"),
])
def test_a_title_set_twice_on_its_line_is_one_title(make_doc, line: str, title: str) -> None:  # type: ignore[no-untyped-def]
    """A page that sets the title twice on one line (opening 1028): the title once."""
    doc = make_doc(f"{line}\n中共乐清市委、乐清市人民政府:\n2024年，我镇扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.title == title


@pytest.mark.parametrize("button", ["回到顶部", "返回顶部"])
def test_a_page_s_back_to_top_button_is_no_issuer(make_doc, button: str) -> None:  # type: ignore[no-untyped-def]
    """回到顶部 above the title (opening 1049) ends in 部 but is a button, not a ministry."""
    doc = make_doc(f"手机版\n{button}\n广州市公安局2021年法治政府建设年度报告\n"
                   "2021年，我局扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == "广州市公安局"


def test_a_document_number_before_a_title_in_title_marks_hides_no_issuer(make_doc) -> None:  # type: ignore[no-untyped-def]
    """A copy heads the report with its document number and its title in title marks
    (浙卫〔2024〕3号《…》); the body that opens the title is the issuer."""
    doc = make_doc("浙卫〔2024〕3号《浙江省卫生健康委关于2023年度法治政府建设情况的报告》\n省委、省政府:\n"
                   "2023年，我委扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == "浙江省卫生健康委"
    assert doc.meta.report_year == 2023


def test_bodies_addressed_as_each_of_a_kind_are_no_issuer(make_doc) -> None:  # type: ignore[no-untyped-def]
    """各区县局, 各乡镇人民政府: the bodies a document is sent to, above its title."""
    doc = make_doc("各区县局\n重庆市市场监督管理局关于2025年法治政府建设情况的报告\n"
                   "2025年，我局扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == "重庆市市场监督管理局"


def test_a_field_of_an_information_list_is_no_title(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("索  引 号: 11220502013583620H/2025-05229\n分      类: 其他 ; 报告\n"
                   "2024年，我区扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.title is None


@pytest.mark.parametrize("column", ["法治政府", "数字政府", "阳光政府"])
def test_a_column_named_after_a_kind_of_government_is_no_issuer(make_doc, column: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(f"{column}\n关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer is None


@pytest.mark.parametrize("heading", ["一、2025年推进法治政府建设总体情况", "一、法治政府建设工作情况",
                                     "（一）2024年法治政府建设工作情况", "1.法治政府建设情况报告"])
def test_a_numbered_heading_is_not_the_title(make_doc, heading: str) -> None:  # type: ignore[no-untyped-def]
    """A copy without its title (a web page's text): the first section's heading stays one."""
    doc = make_doc(f"2025年，街道深入推进依法行政。现将有关情况报告如下：\n{heading}\n"
                   "2025年，街道健全工作机制。\n二、存在的不足\n力量不足。")
    assert doc.meta.title is None
    assert doc.paragraphs[doc.sections[1].start].norm.startswith(heading[:2].replace("（", "("))


@pytest.mark.parametrize("above", ["平政发〔2023〕5号", "2023年2月1日", "平安镇人民政府", "签发人：张三",
                                   "附件1", "现将2022年工作报告如下。"])
def test_a_line_above_a_whole_title_is_not_part_of_it(make_doc, above: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(f"{above}\n法治政府建设工作情况的报告\n一、主要举措和成效\n正文。")
    assert doc.meta.title == "法治政府建设工作情况的报告"


BODY_WITHOUT_TITLE = ("现将有关情况报告如下：\n一、主要工作情况\n"
                      "近年来我区法治政府建设水平逐年提高，2018年在全市考评中名列第二。\n"
                      "二、存在的问题\n一是力量不足。\n三、下一步工作计划\n2020年，我区将继续推进。\n"
                      "某区人民政府\n")


CUED = "在新区党工委的领导下，我镇在2023年工作基础上稳步提升，现将我镇2024年法治政府建设情况报告如下。\n"


@pytest.mark.parametrize(("text", "year"), [
    # a year that opens the report's first paragraph
    ("2022年，我镇坚持依法行政。\n" + BODY_WITHOUT_TITLE + "2023年2月1日", 2022),
    # none: the date says it; a year mentioned in passing does not
    (BODY_WITHOUT_TITLE + "2019年12月18日", 2019),  # written in the year's last quarter
    (BODY_WITHOUT_TITLE + "2020年3月1日", 2019),  # the usual: early in the year after
    # no date either: the first year in the first paragraphs, as before
    (BODY_WITHOUT_TITLE, 2018),
    # but not the end of a range: 纲要（2021—2025年） names no report's year
    ("根据《法治政府建设实施纲要（2021—2025年）》，现将市人社局2021年法治政府建设情况报告予以公开。\n"
     + BODY_WITHOUT_TITLE, 2021),
    # nor its start: 纲要（2021年—2025年） neither; the year of the first section's heading is
    ("根据《某省法治政府建设实施纲要（2021年—2025年）》等文件要求，现将法治政府建设工作情况报告如下。\n"
     "一、2023年总体情况\n我局坚持依法行政。\n二、存在的问题\n一是力量不足。\n", 2023),
    # the year that 现将……报告如下 names, although an earlier year comes first
    (CUED + BODY_WITHOUT_TITLE.split("\n", 1)[1], 2024),
])
def test_report_year_without_a_title(make_doc, text: str, year: int) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(text)
    assert doc.meta.title is None
    assert doc.meta.report_year == year
    assert "report_year" in doc.meta_evidence


COVER = "中共某市委、某市人民政府：\n现将我局《2024年度交通运输法治政府建设工作总结》随文上报。\n特此报告。\n某市交通运输局\n2025年1月15日\n"


def test_a_cover_letter_above_a_title_set_on_two_lines(make_doc) -> None:  # type: ignore[no-untyped-def]
    """A page that sends the report under a cover letter: 特此报告。 closes the letter
    (no title), and the title is set on two lines, the second only 工作总结."""
    doc = make_doc(COVER + "2024年度交通运输法治政府建设\n工作总结\n" + BODY_WITHOUT_TITLE.split("\n", 1)[1])
    assert (doc.meta.title, doc.meta.issuer, doc.meta.report_year) == \
        ("2024年度交通运输法治政府建设工作总结", "某市交通运输局", 2024)


def test_a_cover_letter_dates_a_report_that_has_no_date_of_its_own(make_doc) -> None:  # type: ignore[no-untyped-def]
    """The cover letter's date (某市交通运输局 / 2025年1月15日) is the report's date when
    neither its title nor its signature carries one; a signature's date comes first."""
    body = BODY_WITHOUT_TITLE.split("\n", 1)[1]
    doc = make_doc(COVER + "2024年度交通运输法治政府建设\n工作总结\n" + body)
    assert doc.meta.date == "2025-01-15"
    assert doc.meta_evidence["date"].text == "2025年1月15日"
    signed = make_doc(COVER + "2024年度交通运输法治政府建设\n工作总结\n" + body + "\n某市交通运输局\n2025年2月3日\n")
    assert signed.meta.date == "2025-02-03"


def test_a_date_line_in_a_header_is_no_cover_letter_date(make_doc) -> None:  # type: ignore[no-untyped-def]
    """A date line above the title that does not stand under the issuer's line (a
    page's publication date) dates nothing."""
    body = BODY_WITHOUT_TITLE.split("\n", 1)[1]
    doc = make_doc("2025年1月15日\n某市交通运输局\n2024年度交通运输法治政府建设\n工作总结\n" + body)
    assert doc.meta.issuer == "某市交通运输局"
    assert doc.meta.date is None


def test_a_pages_information_line_under_the_title_dates_nothing(make_doc) -> None:  # type: ignore[no-untyped-def]
    """2021年12月03日 来源: 上海普陀 under the title is the page's date and source, not
    the report's 成文日期; a date line of its own there is."""
    body = BODY_WITHOUT_TITLE.split("\n", 1)[1]
    title = "2021年度桃浦镇法治政府建设的情况报告\n"
    assert make_doc(title + "2021年12月03日 来源: 上海普陀\n" + body).meta.date is None
    assert make_doc(title + "2021年12月03日\n" + body).meta.date == "2021-12-03"


@pytest.mark.parametrize("line", ["某街道2024年度法治政府建设情况报告 |", "| 某街道2024年度法治政府建设情况报告 |",
                                  "某街道2024年度法治政府建设情况报告 | |||", "标??题 | 某街道2024年度法治政府建设情况报告 | ||"])
def test_a_title_copied_from_a_table_keeps_its_words(make_doc, line: str) -> None:  # type: ignore[no-untyped-def]
    """A page's table copied as text keeps its cell marks (|) around the title: the
    title is the words of its last cell."""
    doc = make_doc(line + "\n" + BODY_WITHOUT_TITLE.split("\n", 1)[1])
    assert doc.meta.title == "某街道2024年度法治政府建设情况报告"
    assert doc.meta.report_year == 2024


def test_an_issuer_spaced_out_is_closed_up(make_doc) -> None:  # type: ignore[no-untyped-def]
    """A letterhead spaces the body's name out (青 海 省 卫 生 健 康 委); the issuer is the
    name, while joint issuers keep the space between them."""
    body = BODY_WITHOUT_TITLE.split("\n", 1)[1]
    doc = make_doc("青 海 省 卫 生 健 康 委\n2023年法治政府建设工作总结\n" + body)
    assert doc.meta.issuer == "青海省卫生健康委"
    joint = make_doc("中共某县委 某县人民政府\n2023年法治政府建设工作总结\n" + body)
    assert joint.meta.issuer == "中共某县委 某县人民政府"


@pytest.mark.parametrize(("line", "title"), [
    ("2024年上海市司法局法治政府建设情况报告 (2025-03-26)", "2024年上海市司法局法治政府建设情况报告"),
    ("某局2024年法治政府建设情况报告（2025年3月26日）", "某局2024年法治政府建设情况报告"),
    # a bracket that is part of the title stays
    ("某局关于2024年法治政府建设情况的报告（2024年）", "某局关于2024年法治政府建设情况的报告（2024年）"),
])
def test_a_date_in_brackets_after_the_title_is_no_part_of_it(make_doc, line: str, title: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(line + "\n" + BODY_WITHOUT_TITLE.split("\n", 1)[1])
    assert doc.meta.title == title


def test_a_date_line_opens_no_report_year(make_doc) -> None:  # type: ignore[no-untyped-def]
    """Without a title: the cover letter's date line (2025年1月15日) is no paragraph that
    opens with the report's year; the body's 2024年，我局…is."""
    doc = make_doc(COVER + "2024年，我局坚持依法行政。\n" + BODY_WITHOUT_TITLE.split("\n", 1)[1])
    assert doc.meta.title is None
    assert doc.meta.report_year == 2024


def test_the_year_cue_comes_from_the_rulebook(mutated) -> None:  # type: ignore[no-untyped-def]
    from fazhi.document.load import build_document
    from fazhi.engine import Engine
    from fazhi.ruletests import extracted_from_text

    path, _ = mutated("    year_cue: ['[现特]将[^。;]{0,40}?(报告|汇报)如下']\n", "")
    book = Engine.from_file(path).book
    doc = build_document(extracted_from_text(CUED + BODY_WITHOUT_TITLE.split("\n", 1)[1]), book.document, "t.txt", "0")
    assert doc.meta.report_year == 2023  # the first year, without the cue


@pytest.mark.parametrize(("good", "bad", "named"), [
    # a joiner between issuers, and an issuer field's label, in full width
    ("issuer_joiners: ['、', '和', '与', '及']", "issuer_joiners: ['，', '和', '与', '及']", "连接字"),
    ("issuer_fields: ['发文机关', '发文单位']", "issuer_fields: ['发文机关：', '发文单位']", "字段名"),
])
def test_issuer_wordings_in_full_width_fail_loudly(  # type: ignore[no-untyped-def]
        mutated, good: str, bad: str, named: str) -> None:
    from click.testing import CliRunner

    from fazhi.cli import main

    book, text = mutated(good, bad)
    res = CliRunner().invoke(main, ["rules", "validate", str(book)])
    line = text[:text.index(bad)].count("\n") + 1
    assert res.exit_code == 2 and f"book.yaml:{line}:" in res.output and named in res.output


@pytest.mark.parametrize(("title", "issuer"), [
    ("平潭综合实验区自然资源与生态环境局 2022年度法治政府建设情况", "平潭综合实验区自然资源与生态环境局"),
    ("平安县司法局2023年度法治政府建设情况报告", "平安县司法局"),
    ("农业农村部2024年度法治政府建设情况的报告", "农业农村部"),  # a ministry
    ("海关总署关于2024年法治政府建设情况的报告", "海关总署"),
    ("平安县人民政府二〇二三年法治政府建设工作报告", "平安县人民政府"),
    ("平安县人民政府办公室2023年度法治政府建设情况报告", "平安县人民政府办公室"),
    ("中共平安县委办公室关于2023年度法治政府建设情况的报告", "中共平安县委办公室"),
    ("2023年度平安县人民政府法治政府建设工作报告", "平安县人民政府"),
    ("关于平安县人民政府2023年度法治政府建设情况的报告", "平安县人民政府"),
    ("平安县人民政府法治政府建设2023年度报告", "平安县人民政府"),
    ("平安县司法局法治政府建设年度报告（2023年）", "平安县司法局"),
])
def test_issuer_opening_a_title_before_its_year(make_doc, title: str, issuer: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(f"{title}\n一、主要举措和成效\n正文。")
    assert doc.meta.issuer == issuer
    for place_only in ("平安镇2023年度法治政府建设工作报告", "2023年度平安镇法治政府建设工作报告",
                       "关于平安镇2023年度法治政府建设情况的报告"):
        doc = make_doc(place_only + "\n一、主要举措和成效\n正文。")
        assert doc.meta.issuer is None and doc.meta.place == "平安镇"


BODY = "关于2022年度法治政府建设工作的报告\n一、主要举措和成效\n开展普法。\n"
IMPRINT = ("抄送：县委办公室，县人大常委会办公室。\n"
           "某某县人民政府办公室　　　　2023年2月21日印发\n（联系人：张三，联系电话：0371-12345678）\n")


def test_the_imprint_below_the_signature_closes_the_report(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(BODY + "源泉镇人民政府\n2023年2月1日\n" + IMPRINT)
    assert doc.sections[-1].kind == "closing"
    assert (doc.meta.issuer, doc.meta.date) == ("源泉镇人民政府", "2023-02-01")


def test_the_imprint_names_neither_the_issuer_nor_the_date(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(BODY + IMPRINT)  # printed by an office on a day: not signed, not dated
    assert doc.sections[-1].kind == "closing"
    assert (doc.meta.issuer, doc.meta.date) == (None, None)


@pytest.mark.parametrize("line", ["源泉镇人民政府　　2023年2月1日", "源泉镇人民政府 二〇二三年二月一日",
                                  "中共源泉镇委员会 源泉镇人民政府 2023年2月1日"])
def test_signature_and_date_on_one_line(make_doc, line: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(BODY + "二、存在的问题\n人员不足。\n" + line + "\n")
    assert doc.sections[-1].kind == "closing"
    assert doc.meta.date == "2023-02-01"
    assert doc.meta.issuer is not None and doc.meta.issuer.endswith("源泉镇人民政府")


@pytest.mark.parametrize("title", ["某某县财政局2022年法治工作情况", "某某县司法局2022年法治建设情况",
                                   "某某县审批局2022年法治政府建设工作总结",
                                   "某某县交通局2022年度法治政府部门建设工作情况"])
def test_a_department_s_title_without_report(make_doc, title: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(title + "\n一、主要举措和成效\n开展普法。\n")
    assert doc.meta.title == title and doc.meta.report_year == 2022
    assert doc.meta.issuer == title[:6]


@pytest.mark.parametrize("title", ["《源泉镇关于2022年度法治政府建设工作的报告》",
                                   "“源泉镇关于2022年度法治政府建设工作的报告”",
                                   "源泉镇法治政府建设工作报告（2022年度）",
                                   "源泉镇关于2022年度法治政府建设工作的报告（公开）",
                                   "源泉镇关于2022年度法治政府建设工作的报告。"])
def test_a_title_in_marks_or_with_a_note_after_it(make_doc, title: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(title + "\n一、主要举措和成效\n开展普法。\n")
    assert doc.meta.title == title
    assert (doc.meta.place, doc.meta.report_year) == ("源泉镇", 2022)


@pytest.mark.parametrize("note", ["（此页无正文）\n", ""])
def test_a_seal_mark_after_the_date_stays_in_the_closing(make_doc, note: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(BODY + note + "源泉镇人民政府\n2023年2月1日\n（盖章）\n")
    closing = doc.sections[-1]
    assert closing.kind == "closing"
    assert doc.paragraphs[closing.start].text == (note.strip() or "源泉镇人民政府")
    assert (doc.meta.issuer, doc.meta.date) == ("源泉镇人民政府", "2023-02-01")


@pytest.mark.parametrize("signature", ["源泉镇人民政府（盖章）\n2023年2月1日\n",
                                       "源泉镇人民政府 （章）\n2023年2月1日\n",
                                       "源泉镇人民政府\n2023年2月1日（此件公开发布）\n",
                                       "源泉镇人民政府\n（2023年2月1日）\n",
                                       "源泉镇人民政府　2023年2月1日（盖章）\n"])
def test_a_bracketed_note_after_the_signature_or_date(make_doc, signature: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(BODY + "二、存在的问题\n人员不足。\n" + signature)
    assert doc.sections[-1].kind == "closing"
    assert (doc.meta.issuer, doc.meta.date) == ("源泉镇人民政府", "2023-02-01")


def test_a_bracketed_note_that_is_no_closing_phrase_is_kept(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(BODY + "二、存在的问题\n人员不足。\n源泉镇人民政府（试行）\n")
    assert doc.meta.issuer is None


@pytest.mark.parametrize("title", ["中共源泉镇委员会、源泉镇人民政府关于2022年度法治政府建设情况的报告",
                                   "源泉镇党委、政府关于2022年度法治政府建设情况的报告",
                                   "源泉镇关于2022年度法治政府建设、依法行政工作情况的报告"])
def test_a_title_with_a_comma_of_enumeration_is_not_a_broken_sentence(make_doc, title: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(title + "\n2022年来，在县委、县政府的正确领导下，我镇认真推进法治政府建设，"
                   "现将有关情况报告如下。\n一、法治政府建设情况\n开展普法。\n")
    assert doc.meta.title == title
    assert [s.heading.title for s in doc.sections if s.heading] == ["法治政府建设情况"]


def test_a_sentence_broken_after_a_title_like_phrase_still_joins(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("关于2022年度法治政府建设情况的报告\n2022年，我镇依法行政、依法决策，"
                   "现就2022年法治政府建设情况报告\n如下：\n一、主要举措和成效\n开展普法。\n")
    assert doc.paragraphs[1].norm.endswith("报告如下:")


@pytest.mark.parametrize("between", ["", "中共源泉镇委员会  源泉镇人民政府\n"])
def test_a_banner_above_the_title_is_not_the_title(make_doc, between: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("法治政府建设年度报告\n" + between + "源泉镇关于2022年度法治政府建设工作的报告\n"
                   "一、主要举措和成效\n开展普法。\n")
    assert doc.meta.title == "源泉镇关于2022年度法治政府建设工作的报告"


@pytest.mark.parametrize("below", ["一、2022年法治政府建设情况\n开展普法。\n",
                                   "今年开展普法。\n二、2022年法治政府建设情况\n"])
def test_a_title_without_a_year_stays_the_title(make_doc, below: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("源泉镇法治政府建设工作报告\n" + below)
    assert doc.meta.title == "源泉镇法治政府建设工作报告"


@pytest.mark.parametrize("written", ["2023.2.20", "2023-02-20", "2023/2/20"])
def test_a_date_in_figures_closes_the_report(make_doc, written: str) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("关于2022年度法治政府建设工作的报告\n一、主要举措和成效\n开展普法。\n"
                   "源泉镇人民政府\n" + written + "\n")
    assert doc.sections[-1].kind == "closing"
    assert (doc.meta.issuer, doc.meta.date, doc.meta.date_precision) == \
        ("源泉镇人民政府", "2023-02-20", "figures")


def test_a_date_in_figures_under_the_title_is_not_the_report_date(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("关于2022年度法治政府建设工作的报告\n2023-02-20\n一、主要举措和成效\n开展普法。\n")
    assert doc.meta.date is None


def test_a_date_written_out_wins_over_one_in_figures(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("关于2022年度法治政府建设工作的报告\n一、主要举措和成效\n开展普法。\n"
                   "源泉镇人民政府\n2023年2月21日\n2023.2.20\n")
    assert (doc.meta.date, doc.meta.date_precision) == ("2023-02-21", "day")


def test_a_report_without_a_title_names_its_issuer_on_a_line_of_its_own(make_doc) -> None:  # type: ignore[no-untyped-def]
    """A report read to the people's congress opens with the occasion and the body that
    reports, and has no title: the line that is nothing but a body is the issuer."""
    doc = make_doc("(2023年4月27日在某市第十四届人民代表大会常务委员会第十次会议上)\n某市人民政府\n"
                   "主任、副主任、秘书长、各位委员:\n2022年，全市扎实推进法治政府建设。\n"
                   "一、主要举措和成效\n正文。")
    assert doc.meta.title is None
    assert doc.meta.issuer == "某市人民政府"


def test_without_a_title_a_sentence_naming_a_body_is_no_issuer(make_doc) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc("某镇人民政府高度重视法治政府建设\n2022年，全镇扎实推进法治政府建设。\n"
                   "一、主要举措和成效\n正文。")
    assert doc.meta.issuer is None


@pytest.mark.parametrize("field", ["发布机构:某某县新华乡人民政府", "发布机构某某县新华乡人民政府"])
def test_the_body_that_published_the_page_is_no_issuer(make_doc, field: str) -> None:  # type: ignore[no-untyped-def]
    """A page's 发布机构 field, with its colon or glued to its value, names who put the
    page up, not who issued the report (only the rulebook's issuer_fields do)."""
    doc = make_doc(f"- 乡镇信息公开\n-\n索引号pbxxhxrmzf/2026-00001\n-\n{field}\n-\n文号\n-\n"
                   "新华乡2025年法治政府建设工作情况报告\n"
                   "2025年，新华乡扎实推进法治政府建设。\n一、主要举措和成效\n正文。")
    assert doc.meta.title == "新华乡2025年法治政府建设工作情况报告"
    assert doc.meta.issuer is None


def test_a_title_s_spaced_out_last_line_is_closed_up(make_doc) -> None:  # type: ignore[no-untyped-def]
    """A title whose last line spaces its characters out (关于…工作的 / 报 告) reads as
    one title without the space; a space between words of a line stays."""
    body = BODY_WITHOUT_TITLE.split("\n", 1)[1]
    doc = make_doc("中共某县委\n某县人民政府\n关于某县2023年度法治政府建设工作的\n报 告\n" + body)
    assert doc.meta.title == "关于某县2023年度法治政府建设工作的报告"
    spaced = make_doc("某县人民政府 关于2023年度法治政府建设情况的报告\n" + body)
    assert spaced.meta.title == "某县人民政府 关于2023年度法治政府建设情况的报告"
