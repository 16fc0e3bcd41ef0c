"""Reports printed or copied from a web page: the page around the article is removed
(fazhi.document.webpage), and the report then reads as the report itself does."""

from __future__ import annotations

import pytest

from conftest import REPORTS, extracted
from fazhi.document.config import WebPageConfig
from fazhi.document.load import build_document
from fazhi.document.model import Document, Extracted, Location, SourceLine
from fazhi.document.paragraphs import line_pieces
from fazhi.document.webpage import strip_web_page
from fazhi.engine import Engine

HEAD = """某某县人民政府
请输入关键字 搜索
首页
政务公开
办事服务
当前位置：首页 > 政务公开 > 法治政府建设
通知公告
政策文件
{title}
发布时间：2023-02-20 09:30　来源：县司法局　【字体：大 中 小】
"""
TAIL = """【打印本页】【关闭窗口】
相关链接
关于印发法治政府建设实施方案的通知
2021年法治政府建设情况的报告
主办单位：某某县人民政府办公室　版权所有
网站标识码：4100000001　豫ICP备00000000号
"""


def report(name: str) -> str:
    return (REPORTS / name).read_text("utf-8")


def title_of(text: str) -> str:
    return next(ln.strip() for ln in text.splitlines() if ln.strip().endswith("报告"))


def as_page(text: str, title: str | None = None) -> str:
    return HEAD.format(title=title or title_of(text)) + text.rstrip("\n") + "\n" + TAIL


def doc_of(text: str, engine: Engine) -> Document:
    return build_document(extracted(text), engine.book.document, "t.txt", "0")


def stripped(text: str, cfg: WebPageConfig, engine: Engine | None = None) -> list[str] | None:
    title_re = None if engine is None else engine.book.document.title_re
    out = strip_web_page(line_pieces(extracted(text).lines), cfg, title_re)
    return None if out is None else [p.text for p in out]


@pytest.mark.parametrize("name", sorted(p.name for p in REPORTS.glob("*.txt")))
def test_a_copied_page_reads_as_the_report(name: str, engine: Engine) -> None:
    """Every sample report inside a government page: the same paragraphs, metadata and
    judgements as the report alone, with the web_page warning."""
    text = report(name)
    alone = doc_of(text, engine)
    page = doc_of(as_page(text), engine)
    assert [p.text for p in page.paragraphs] == [p.text for p in alone.paragraphs]
    assert page.meta == alone.meta
    assert page.warnings == ["web_page", *alone.warnings]
    a = engine.check_document(alone, source=False)
    b = engine.check_document(page, source=False)
    assert [(r.rule, r.status) for r in b.results] == [(r.rule, r.status) for r in a.results]


@pytest.mark.parametrize("name", sorted(p.name for p in REPORTS.glob("*.txt")))
def test_a_report_is_not_taken_for_a_web_page(name: str, engine: Engine) -> None:
    assert "web_page" not in doc_of(report(name), engine).warnings


def test_evidence_keeps_the_page_line_numbers(engine: Engine) -> None:
    text = report("zhengqi-2022.txt")
    page = as_page(text)
    doc = doc_of(page, engine)
    at = next(i for i, ln in enumerate(page.splitlines(), 1)
              if ln.strip() == title_of(text) and i > 10)
    assert doc.meta_evidence["title"].line == at


def test_the_page_title_stays_when_the_article_does_not_repeat_it(engine: Engine) -> None:
    """Many sites show the title only above the information bar: it is kept, and found."""
    text = report("zhengqi-2022.txt")
    title = title_of(text)
    body = "\n".join(ln for ln in text.splitlines() if ln.strip() != title)
    doc = doc_of(as_page(body, title), engine)
    assert doc.paragraphs[0].text == title
    assert doc.meta.title == " ".join(title.split())
    assert doc.meta.report_year == 2022
    assert "web_page" in doc.warnings


def test_a_page_title_copied_from_a_table_is_kept(engine: Engine) -> None:
    """A page whose head was a table keeps its cell marks after the title
    (…情况的报告 | ||||): the title is kept, and read without them."""
    text = ("保定市人民政府关于保定市2023年度法治政府建设情况的报告 | ||||\n"
            "发布时间:2024/5/14 13:54:30 来源:保定市司法局 | 【字体:大 中 小】 打印 | |||\n"
            "河北省人民政府：\n2023年以来，保定市政府坚持依法行政。现将具体情况报告如下：\n"
            "一、主要举措和成效\n全年办理行政复议案件12件。\n")
    doc = doc_of(text, engine)
    assert doc.meta.title == "保定市人民政府关于保定市2023年度法治政府建设情况的报告"
    assert doc.meta.issuer == "保定市人民政府"
    assert "web_page" in doc.warnings


def test_the_bar_s_bulleted_lines_may_stand_under_the_title(engine: Engine) -> None:
    """A bar set as a bulleted list whose first lines are no fields (• 听全文 /
    • 2024-01-23 / • 来源:…): the title above them is kept."""
    text = ("当前位置:首页 > 政务公开 > 法治政府建设 > 市政府\n\n"
            "广州市人民政府关于2023年度法治政府建设情况的报告\n\n"
            "  • 听全文\n  • 2024-01-23\n  • 来源:广州市司法局\n  • 分享到\n\n"
            "2023年，广州坚持依法行政。\n一、主要工作成效\n全年办理行政复议案件120件。\n")
    doc = doc_of(text, engine)
    assert doc.meta.title == "广州市人民政府关于2023年度法治政府建设情况的报告"
    assert doc.meta.issuer == "广州市人民政府"


def test_a_title_given_as_an_item_of_the_page_s_list_has_no_bullet(engine: Engine) -> None:
    """A page that lists the bar's values as bullets, the title among them (• 某局…报告),
    and the article's title under it: the title is read without the bullet."""
    text = ("• 005254130/2024-00001\n  • 某市某局\n  • 某市某局2023年法治政府建设工作报告\n"
            "  • 2023-12-14\n某市某局2023年法治政府建设工作报告\n"
            "2023年以来，我局坚持依法行政。\n一、主要举措和成效\n全年办理行政复议案件12件。\n")
    doc = doc_of(text, engine)
    assert doc.meta.title == "某市某局2023年法治政府建设工作报告"


def test_the_issuers_line_above_the_page_s_title_stays(engine: Engine) -> None:
    """A title set under its issuer's line, the page's bar under both (尼山镇人民政府 /
    关于…的情况报告 / 来源:…): the issuer's line stays with the title; a menu line does not."""
    body = "\n来源:曲阜市尼山镇 浏览: 日期:2025-01-03 11:16\n\n2024年，尼山镇坚持依法行政。\n一、主要举措和成效\n正文。\n"
    doc = doc_of("尼山镇人民政府\n关于2024年度法治政府建设的情况报告\n" + body, engine)
    assert (doc.meta.title, doc.meta.issuer) == ("关于2024年度法治政府建设的情况报告", "尼山镇人民政府")
    menu = doc_of("首页 政务公开 政务服务\n关于2024年度法治政府建设的情况报告\n" + body, engine)
    assert menu.paragraphs[0].text == "关于2024年度法治政府建设的情况报告"


def test_a_title_opened_by_its_issuer_on_a_line_of_its_own_stays_whole(engine: Engine) -> None:
    """长春市人民政府关于 / 2023年度法治政府建设情况的报告, the bar under it (opening 1348):
    the line that opens the title stays, and the title is both lines."""
    doc = doc_of("当前位置: 首页 > 政务 > 通知公告\n长春市人民政府关于\n2023年度法治政府建设情况的报告\n"
                 "时间:2024-04-01 15:02 来源:\n【字体: 打印\n2023年，市政府坚持依法行政。\n"
                 "一、主要举措和成效\n正文。\n", engine)
    assert (doc.meta.title, doc.meta.issuer) == ("长春市人民政府关于2023年度法治政府建设情况的报告", "长春市人民政府")


def test_a_bar_copied_as_a_table_with_its_rule_goes_whole(engine: Engine) -> None:
    """索取号 | … / ---|---|---| / 产生日期 | … under the page's title (a Shanghai bureau's
    page, opening 1378), the article on one run-on line: the bar goes, rule and all,
    and the article's own title is the title."""
    body = ("上海市某某局关于2024年度法治政府建设情况的报告 市委,市政府: 2024年,市某某局坚持依法行政。"
            "现将有关情况报告如下: 一、主要举措和成效 (一)加强学习。" + "全年组织集中学法4次,开展法治讲座2场。" * 25
            + " (二)规范执法。" + "严格落实行政执法三项制度,全年办理行政处罚案件120件。" * 10
            + " 二、存在的不足和原因 执法力量不足。 三、2025年工作安排 一是加强学习。二是规范执法。")
    doc = doc_of("上海市某某局关于2024年度法治政府建设情况的报告\n索取号 | AC6040203-2025-001 | 文 号 | 沪某20240540号 |\n"
                 "---|---|---|---|\n产生日期 | 2025-01-03 | ||\n" + body + "\n", engine)
    assert doc.meta.title == "上海市某某局关于2024年度法治政府建设情况的报告"
    assert "web_page" in doc.warnings
    assert not any("|" in p.norm for p in doc.paragraphs)


def test_a_title_set_on_lines_under_its_issuers_stays_whole_above_the_bar(engine: Engine) -> None:
    """Two issuers' lines, then 关于…2022年度 / 法治政府建设情况的报告, the bar under it
    (opening 1390): the title is both lines, the issuers are both bodies."""
    doc = doc_of("您的位置: 首页 > 政务公开 > 通知公示\n中共某某实验区工作委员会\n某某实验区管委会\n"
                 "关于某某实验区2022年度\n法治政府建设情况的报告\n来源:党政办 日期:2023-03-29 20:15\n"
                 "中共某省委:\n2022年，实验区坚持依法行政。\n一、主要举措和成效\n正文。\n", engine)
    assert (doc.meta.title, doc.meta.issuer) == ("关于某某实验区2022年度法治政府建设情况的报告",
                                                 "中共某某实验区工作委员会 某某实验区管委会")


def test_a_title_wrapped_over_two_printed_lines_stays_whole(engine: Engine) -> None:
    cfg = engine.book.document.web_page
    lines = ["首页", "当前位置：首页 > 政务公开", "政策文件", "某某县人民政府关于2022年度法治政府",
             "建设情况的报告", "发布日期：2023-01-31", "各位领导：", "现将有关情况报告如下。"]
    src = [SourceLine(text=t, loc=Location(page=1, line=i + 1), wrapped=(i == 3))
           for i, t in enumerate(lines)]
    out = strip_web_page(line_pieces(src), cfg, engine.book.document.title_re)
    assert out is not None
    assert [p.text for p in out] == lines[3:5] + lines[6:]
    doc = build_document(Extracted(format="pdf", lines=src), engine.book.document)
    assert doc.meta.title == "某某县人民政府关于2022年度法治政府建设情况的报告"


def test_the_title_field_of_a_bar_with_nothing_above_it_is_the_title(engine: Engine) -> None:
    """Some sites and saved copies give the title only as the bar's 标题: field; its
    value stays as the first line, keeping the line's number."""
    cfg = engine.book.document.web_page
    title = "某某县司法局2023年法治政府建设工作情况总结"
    text = (f"标题：{title}\n发布时间：2024-01-25 15:52\n发布机构：某某县司法局\n"
            f"本地目录：zwgk/202401/86511_{title}\n2023年以来，我局扎实推进法治政府建设。\n")
    assert stripped(text, cfg, engine) == [title, f"本地目录：zwgk/202401/86511_{title}",
                                           "2023年以来，我局扎实推进法治政府建设。"]
    doc = doc_of(text, engine)
    assert doc.meta.title == title and doc.meta.issuer == "某某县司法局"
    assert doc.paragraphs[0].locs[0].line == 1 and doc.paragraphs[0].text == title
    # the line the title stands on is read, not set aside with the page's chrome
    assert [[x.loc.line for x in run] for run in doc.removed] == [[2, 3]]
    # not when the article repeats it, and not when the value reads as no report's title
    again = text.replace("2023年以来", f"{title}\n2023年以来")
    assert stripped(again, cfg, engine) == [f"本地目录：zwgk/202401/86511_{title}", title,
                                            "2023年以来，我局扎实推进法治政府建设。"]
    marked = text.replace("2023年以来", f"《{title}》\n2023年以来")
    assert stripped(marked, cfg, engine)[1] == f"《{title}》"
    notice = text.replace(title, "关于开展2024年普法培训的通知")
    assert stripped(notice, cfg, engine)[0].startswith("本地目录")


def test_the_title_field_wins_over_a_menu_line_above_the_bar(engine: Engine) -> None:
    """A government information list copied as text (opening 151): a menu line with >>
    above the bar, labels spaced out to line up (索  引 号, 分      类, 标      题), and
    the title only in the 标题 field. The menu line is no title; the field is, and
    every line of the bar (分类 too) is set aside."""
    title = "中共某某区委某某区人民政府关于2024年度法治政府建设工作情况的报告"
    text = ("某某区人民政府信息公开专栏 >> 某某区人民政府办公室 >> 政府信息公开基础平台\n\n"
            "索  引 号: 11220502013583620H/2025-05229\n分      类: 其他 ; 报告\n"
            "发文机关: 某某区人民政府\n成文日期: 2025年02月27日\n"
            f"标      题: {title}\n发文字号: 某委〔2025〕1号\n发布日期: 2025年02月27日\n"
            "中共某某市委、某某市人民政府:\n2024年，某某区依法履行职能，推进法治政府建设。\n")
    doc = doc_of(text, engine)
    assert doc.meta.title == title
    assert doc.meta.issuer == "中共某某区委 某某区人民政府"
    assert [p.text for p in doc.paragraphs][:2] == [title, "中共某某市委、某某市人民政府:"]
    assert [[x.loc.line for x in run] for run in doc.removed] == [[1, 3, 4, 5, 6], [8, 9]]



def test_a_title_field_alone_on_its_line_with_the_bar_going_on_under_the_title(
        engine: Engine) -> None:
    """Openings 180 and 1289: a menu line, then 名称: alone on its line, the title on the
    next, and the rest of the bar (索引号, 发布机构, …) under the title, each label on a
    line of its own above its value. The whole bar goes, so the publisher in 发布机构
    (a 司法局 publishing the district government's report) is not read as the issuer:
    the title names it."""
    title = "某某区人民政府2021年法治政府建设情况报告"
    text = ("政务公开 > 政策文件 > 某某区文件 > 区司法局\n名    称 :\n" + title + "\n"
            "索   引  号 :\n1112010200014504XG/2022-00014\n发 布 机 构 :\n某某市某某区司法局\n"
            "成 文 日 期 :\n有   效  性 :\n有效\n\n" + title + "\n"
            "2021年，某某区坚持依法行政，推进法治政府建设。\n")
    doc = doc_of(text, engine)
    assert doc.meta.title == title
    assert doc.meta.issuer == "某某区人民政府"
    assert [p.text for p in doc.paragraphs][:2] == [title, "2021年，某某区坚持依法行政，推进法治政府建设。"]


def test_an_information_list_copied_with_dashes_as_bullets(engine: Engine) -> None:
    """A page's list copied with its items marked "- " (opening 258): the bar is found
    and its title field read, as with • bullets."""
    title = "济南市生态环境局2024年度法治政府建设报告"
    text = ("- 索引号: 11370100004189250W/2025-00638 组配分类: 公示公告\n"
            "- 成文日期: 2025-03-24 发布日期: 2025-03-24\n- 发布机构: 济南市生态环境局\n"
            f"- 标题: {title}\n- 发文字号:\n"
            "2024年，市生态环境局扎实推进法治政府建设。现将有关情况报告如下:\n一、主要举措和成效\n正文。\n")
    doc = doc_of(text, engine)
    assert doc.meta.title == title and doc.meta.issuer == "济南市生态环境局"
    assert "web_page" in doc.warnings
    # a dash before a number or a line of dashes is no bullet
    assert strip_web_page(line_pieces(extracted("-2024年发布时间:\n---\n正文。").lines),
                          engine.book.document.web_page) is None

def test_a_breadcrumb_alone_cuts_the_head(engine: Engine) -> None:
    cfg = engine.book.document.web_page
    text = "某某镇人民政府网\n首页\n您现在的位置：首页>信息公开\n关于2022年法治政府建设情况的报告\n正文。\n"
    assert stripped(text, cfg, engine) == ["关于2022年法治政府建设情况的报告", "正文。"]


def test_a_bar_of_several_lines_goes_whole(engine: Engine) -> None:
    cfg = engine.book.document.web_page
    text = ("关于2022年法治政府建设情况的报告\n发布时间：2023-01-05\n信息来源：县司法局\n"
            "【字体：大 中 小】\n【打印】【关闭】\n一、主要举措\n正文。\n")
    assert stripped(text, cfg, engine) == ["关于2022年法治政府建设情况的报告", "一、主要举措", "正文。"]


def test_a_bar_set_as_a_table_goes_whole(engine: Engine) -> None:
    """Government pages often show the bar as a table: each label on its own line (with
    a bullet), its value on the next. The values go with their labels; a line after an
    empty label that reads as the title (the article repeating it) is no value."""
    cfg = engine.book.document.web_page
    title = "某某县人民政府关于2023年度法治政府建设情况的报告"
    text = (f"返回顶部\n{title}\n• 索引号:\n11410423MB1234567X/2024-00012\n• 主题分类:\n"
            "• 发文机构:\n县政府办公室\n• 发文字号:\n某政〔2024〕7号\n• 发文日期:\n"
            f"2024年03月06日 16:40\n• 有效性:\n• 内容概述:\n{title}\n一、主要举措\n正文。\n")
    assert stripped(text, cfg, engine) == [title, "一、主要举措", "正文。"]
    doc = doc_of(text, engine)
    assert doc.meta.title == title and doc.meta.issuer == "某某县人民政府" and doc.meta.date is None
    # what follows an empty last label is no value when it is a heading or an addressee
    for first in ("一、主要举措", "（一）加强组织领导", "县委、县政府："):
        page = f"{title}\n• 发布日期：2024-03-06\n• 有效性：\n{first}\n正文。\n"
        assert stripped(page, cfg, engine) == [title, first, "正文。"]


def test_a_bar_of_a_line_and_a_table_goes_whole(engine: Engine) -> None:
    """A bar on a few lines, then the same fields again as a table whose labels have
    a prefix (• 信息索引号:, • 文件登记号:), above the title (opening 1027)."""
    cfg = engine.book.document.web_page
    title = "绍兴市柯桥区湖塘街道办事处2024年法治政府建设年度报告"
    text = ("索引号: 00258242-X/2025-74457 公开方式: 主动公开\n发布机构: 湖塘街道 发文日期: 2025-02-10\n"
            "• 信息索引号:\n00258242-X/2025-74457\n• 主题分类:\n其他-\n• 文号:\n• 文件登记号:\n"
            f"• 公开方式:\n主动公开\n• 有效性:\n{title}\n一、主要举措\n正文。\n")
    assert stripped(text, cfg, engine) == [title, "一、主要举措", "正文。"]
    assert doc_of(text, engine).meta.title == title


def test_a_publisher_s_line_without_a_colon_is_the_bar_not_the_issuer(engine: Engine) -> None:
    """发布单位 湖南省交通运输厅 来源 厅法制处 (opening 1009): a line of the bar copied
    without colons; the publisher it names is no issuer."""
    cfg = engine.book.document.web_page
    title = "关于2022年度法治政府部门建设工作情况的报告"
    text = ("当前位置: 首页>信息公开\n索引号 430S00/2023-018790 文号\n发布单位 湖南省交通运输厅 来源 厅法制处\n"
            f"公开日期 2023-03-01 08:11 公开方式 主动公开\n公开时限 长期公开 统一登记号\n{title}\n一、主要举措\n正文。\n")
    assert stripped(text, cfg, engine) == [title, "一、主要举措", "正文。"]
    assert doc_of(text, engine).meta.issuer is None


def test_a_bar_above_and_under_the_page_s_title_goes_whole(engine: Engine) -> None:
    """The bar above the page's title and more of it under (发布日期: / 信息来源:), then
    the document's own heading: its issuer on a line above its title (opening 1009)."""
    cfg = engine.book.document.web_page
    title = "关于2022年度法治政府部门建设工作情况的报告"
    text = ("当前位置: 首页>信息公开\n索引号 430S00/2023-018790 文号\n发布单位 湖南省交通运输厅 来源 厅法制处\n"
            f"{title}\n发布日期:2023-03-01 08:11\n信息来源:厅法制处\n湖南省交通运输厅\n{title}\n"
            "2022年，我厅扎实推进法治政府建设。\n一、主要举措\n正文。\n")
    assert stripped(text, cfg, engine) == ["湖南省交通运输厅", title, "2022年，我厅扎实推进法治政府建设。",
                                           "一、主要举措", "正文。"]
    doc = doc_of(text, engine)
    assert doc.meta.title == title and doc.meta.issuer == "湖南省交通运输厅"


def test_a_bar_copied_without_colons_goes_whole(engine: Engine) -> None:
    """A bar copied from a table loses its colons: labels in brackets ([ 索引号 ] …,
    opening 536) or bare (索 引 号 …, opening 521), a label alone on its line taking the
    next line as its value ([ 发文字号 ] / 荣教工委发〔2025〕1号)."""
    cfg = engine.book.document.web_page
    title = "重庆市大足区卫生健康委员会关于2025年法治政府建设情况的报告"
    rows = ("[ 索引号 ] 11500111MB15011811/2026-00005 [ 发文字号 ]\n[ 主题分类 ] 卫生 [ 体裁分类 ] 工作报告\n"
            "[ 发布机构 ] 大足区卫生健康委 [ 发布日期 ] 2026-01-13\n[ 发文字号 ]\n渝足卫〔2026〕1号\n[ 有效性 ]\n")
    text = f"首页\n您当前位置：首页>政务公开\n{rows}{title}\n一、主要举措\n正文。\n"
    assert stripped(text, cfg, engine) == [title, "一、主要举措", "正文。"]
    bare = ("索 引 号 10001-01-2024-00122 失效时间\n发文机关 河南省人民政府 成文日期\n"
            "标  题 河南省人民政府关于2023年度法治政府建设情况的报告\n"
            "发文字号 豫政文〔2024〕46号 发布时间 2024年03月22日\n")
    doc = doc_of(bare + "河南省人民政府关于2023年度法治政府建设情况的报告\n一、主要举措\n正文。\n", engine)
    assert doc.meta.title == "河南省人民政府关于2023年度法治政府建设情况的报告"
    assert doc.meta.issuer == "河南省人民政府"


def test_the_page_date_between_the_title_and_the_bar_goes(engine: Engine) -> None:
    """2024-03-27 14:21 湖北省司法厅 between the page's title and its bar (opening 353): the
    title above it stays, the date line goes."""
    cfg = engine.book.document.web_page
    title = "【法治建设报告】湖北省司法厅2023年法治政府建设年度报告"
    text = (f"12348湖北法网 无障碍阅读\n{title}\n2024-03-27 14:21 湖北省司法厅\n"
            "索 引 号 011043217/2024-15822 分 类 政务公开\n发布机构 湖北省司法厅 发文日期 2024-03-27\n"
            "2023年，省司法厅扎实推进法治政府建设。\n一、主要举措\n正文。\n")
    assert stripped(text, cfg, engine)[0] == title


def test_one_footer_like_line_in_a_report_is_left_alone(engine: Engine) -> None:
    """Without a breadcrumb or information bar, one footer-looking line is not enough."""
    cfg = engine.book.document.web_page
    text = "关于2022年法治政府建设情况的报告\n一、主要举措\n正文。\n技术支持：县信息中心\n"
    assert stripped(text, cfg, engine) is None
    two = text + "网站标识码：4100000001\n"
    assert stripped(two, cfg, engine) == ["关于2022年法治政府建设情况的报告", "一、主要举措", "正文。"]


def test_bar_words_beyond_the_head_are_the_report_s_own(engine: Engine) -> None:
    cfg = engine.book.document.web_page
    filler = "".join(f"（{i}）开展普法活动。\n" for i in range(1, 71))
    text = "关于2022年法治政府建设情况的报告\n" + filler + "来源：县司法局统计\n" + filler
    assert stripped(text, cfg, engine) is None


def test_nothing_that_reads_as_a_sentence_is_removed(engine: Engine) -> None:
    """The head ends before the first sentence and the footer starts after the last:
    bar- or footer-like lines among the report's own text stay."""
    cfg = engine.book.document.web_page
    text = ("关于2022年法治政府建设情况的报告\n现将有关情况报告如下。\n来源：县统计局\n"
            "一、主要举措\n正文。\n")
    assert stripped(text, cfg, engine) is None
    page = ("当前位置：首页 > 政务公开\n关于2022年法治政府建设情况的报告\n发布时间：2023-01-05\n"
            "一、主要举措\n举办法治讲座：\n主办单位：县司法局\n参加人员共120人。\n特此报告\n"
            "【打印本页】【关闭窗口】\n主办单位：某某县人民政府办公室\n")
    assert stripped(page, cfg, engine) == ["关于2022年法治政府建设情况的报告", "一、主要举措", "举办法治讲座：",
                                   "主办单位：县司法局", "参加人员共120人。", "特此报告"]


@pytest.mark.parametrize("crumb", ["当前位置：首页 > 政务公开", "您现在的位置：首页>>信息公开",
                                   "您当前所在位置：首页 > 法治政府", "您的位置是：首页",
                                   "首页 > 政务公开 > 法治政府建设", "所在位置：首页",
                                   # a site's search box: the site's name above it is no issuer
                                   "热门搜索："])
def test_breadcrumbs(crumb: str, engine: Engine) -> None:
    cfg = engine.book.document.web_page
    assert stripped(f"某某县人民政府\n{crumb}\n关于2022年法治政府建设情况的报告\n正文。\n", cfg, engine) == \
        ["关于2022年法治政府建设情况的报告", "正文。"]


@pytest.mark.parametrize("bar", ["发布日期：2023-01-05", "日期：2023年01月05日 来源：本站", "信息来源：县司法局",
                                 "作者：县司法局 浏览次数：120", "索引号：11410423MB1234567X/2023-00012",
                                 "字号：大 中 小", "【字体：大 中 小】【打印】", "[打印] [关闭]",
                                 "点击数：35", "分享到：微信 微博", "时间：2023-03-30 16:56 微信\n微博\nQQ空间",
                                 "· 发布日期：2023-01-05", "● 信息来源：县司法局",
                                 # a bar copied as a table: its rows open with a cell mark, its labels may lack a colon
                                 "| 索引号:000014349/2026-02861 | |",
                                 "| 索引号 | 6207250034/2026-00051 | 发文字号 | |\n| 关键词 | 发布机构 | 某镇 | |\n"
                                 "| 公开形式 | 公开目录 | ||\n| 生成日期 | 2026-01-30 09:03:18 | 是否有效 |",
                                 "索引号 79954841-2/2024-117203\n组配分类 政府建设 发布机构 中河街道\n"
                                 "生成日期 2024-03-14 公开方式 主动公开\n信息分类 报告\n公开范围 面向全社会",
                                 # a Fujian government site's list (openings 463, 817)
                                 "- 发布机构:某市人民政府\n- 公文生成日期:2025-01-22\n- 备注/文号:某政综〔2025〕6号"])
def test_information_bars(bar: str, engine: Engine) -> None:
    cfg = engine.book.document.web_page
    assert stripped(f"首页\n关于2022年法治政府建设情况的报告\n{bar}\n正文。\n", cfg, engine) == \
        ["关于2022年法治政府建设情况的报告", "正文。"]


@pytest.mark.parametrize("footer", ["【打印本页】 【关闭窗口】", "[打印] [关闭]", "相关链接：", "上一篇：关于某某的通知",
                                    "主办：某某县人民政府办公室", "网站标识码：4100000001", "豫ICP备12345678号",
                                    "京公网安备 11010202000001号", "备案号：渝ICP备00000000号-1", "ICP备案号：琼ICP备1234号", "版权所有：某某县人民政府",
                                    "Copyright © 2023 某某县", "技术支持：某某网络公司", "网站地图 | 联系我们",
                                    "政府网站找错", "建议使用1920*1080分辨率浏览", "来源：某某县司法局",
                                    "附件下载 2022年法治政府建设情况报告.pdf"])
def test_footers(footer: str, engine: Engine) -> None:
    cfg = engine.book.document.web_page
    head = "当前位置：首页\n关于2022年法治政府建设情况的报告\n"
    assert stripped(f"{head}正文。\n特此报告\n{footer}\n其他链接\n", cfg, engine) == \
        ["关于2022年法治政府建设情况的报告", "正文。", "特此报告"]


@pytest.mark.parametrize("above", ["某某县人民政府\n首页\n政务公开", "某某县人民政府"])
def test_a_line_above_the_bar_that_is_no_title_goes(above: str, engine: Engine) -> None:
    """Some sites put the bar above the title, under a menu or the site's name: that
    line does not read as a report's title and goes, so the site's name is not taken
    for the issuer."""
    cfg = engine.book.document.web_page
    text = (f"{above}\n发布时间：2023-02-01 来源：某某镇\n"
            "关于2022年法治政府建设情况的报告\n一、主要举措\n正文。\n")
    assert stripped(text, cfg, engine) == ["关于2022年法治政府建设情况的报告", "一、主要举措", "正文。"]
    doc = doc_of(text, engine)
    assert doc.meta.title == "关于2022年法治政府建设情况的报告" and doc.meta.issuer is None


def test_a_page_of_nothing_but_chrome_is_kept_whole(engine: Engine) -> None:
    cfg = engine.book.document.web_page
    assert stripped("当前位置：首页 > 政务公开\n", cfg, engine) is None


def test_without_patterns_nothing_is_removed() -> None:
    assert stripped(as_page(report("zhengqi-2022.txt")), WebPageConfig()) is None


def test_the_rulebook_pattern_lists_are_checked(mutated) -> None:  # type: ignore[no-untyped-def]
    """A full-width colon in a web_page pattern can never match normalised text: the
    rulebook is refused with its line."""
    from click.testing import CliRunner

    from fazhi.cli import main

    bad = "'(信息|文章|稿件)?来源：'"
    book, text = mutated("'(信息|文章|稿件)?来源:'", bad)
    res = CliRunner().invoke(main, ["rules", "validate", str(book)])
    assert res.exit_code == 2, res.output
    line = text[:text.index(bad)].count("\n") + 1
    assert f"book.yaml:{line}:" in res.output and "全角" in res.output


def test_the_scorecard_shows_the_left_out_lines_where_they_stood(engine: Engine) -> None:
    """The auditor sees on the scorecard what was left out as the page's chrome: the
    lines stand in the full text, in file order, struck through and with no
    evidence; they survive the results file, and a report has none."""
    from fazhi.engine import make_run
    from fazhi.render.html import render_scorecard
    from fazhi.render.json_out import from_json, to_json
    from fazhi.render.views import full_text

    text = report("zhengqi-2022.txt")
    page = as_page(text)
    result = engine.check_document(doc_of(page, engine))
    assert result.source is not None
    # every non-blank line of the page, once, in file order
    expected = [(i, ln.strip()) for i, ln in enumerate(page.splitlines(), 1) if ln.strip()]
    assert [(s.line, s.text) for s in result.source] == expected
    left_out = {s.text for s in result.source if s.block is None}
    assert {"当前位置：首页 > 政务公开 > 法治政府建设", "【打印本页】【关闭窗口】"} <= left_out
    # the page's title above the bar goes (the article repeats it), the article's stays
    assert [s.block is None for s in result.source if s.text == title_of(text)] == [True, False]
    rows = full_text(result)
    out_rows = [r for r in rows if r.left_out]
    assert len(out_rows) == len(left_out) and not any(r.refs or "<mark" in r.html for r in out_rows)
    html = render_scorecard(make_run(engine.info(), [result]), result)
    assert html.count('class="ln out"') + html.count('class="ln para out"') == len(out_rows)
    assert "未参与判定" in html
    run = make_run(engine.info(), [result])
    again = from_json(to_json(run, include_source=True)).reports[0]
    assert again.source == result.source

    alone = engine.check_document(doc_of(text, engine))
    assert alone.source is not None and all(s.block is not None for s in alone.source)
    assert "未参与判定" not in render_scorecard(make_run(engine.info(), [alone]), alone)
