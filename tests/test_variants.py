"""The same report, written the ways real reports vary, gets the same judgements.

Each variant rewrites a whole sample report the way another office, editor or
copy-and-paste would: punctuation in half-width, other heading numbering (一.
under 一、 too), an indent of full-width spaces, blank lines between paragraphs
or none, Windows line ends, lines hard-wrapped as a page wraps them (text
copied out of a PDF: at the 28 characters of a 公文 page, and narrower, with and
without the paragraphs' indent, with the page numbers, running headers and
footers copied along), the line breaks lost (text copied out of a web page),
digits in full width, the title in 《》 or with a note or a full stop after it or
a banner above it, a table of contents, a note listing attachments, a table
attached after the signature, an imprint below it, the signature and the date
on one line, the plan's heading naming its measures (下一步工作重点和主要措施),
the shortcomings and the plan in one section (with sub-headings,
or a 下一步 paragraph between them, or both), the work and the shortcomings in
one, enumerated leads written 第一，第二， or 一要、二要 rather than 一是、二是, or as 首先，其次，…
in one paragraph, a heading's number on a line of its own. Every rule must keep
the status it has on the report as written: a difference is a judgement that
hangs on layout rather than on what the report says.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

import pytest

from conftest import REPORTS, hard_wrap, numbered_pages, statuses
from fazhi.engine import Engine
from fazhi.results import ReportResult

Variant = Callable[[str], str]


def _lines(text: str) -> list[str]:
    return text.splitlines()


def half_width(text: str) -> str:
    return text.translate(str.maketrans("，：；（）！？", ",:;()!?"))


def numbered_with_dots(text: str) -> str:
    """一、 → 一.   and   1、 → 1."""
    text = re.sub(r"(?m)^(\s*[一二三四五六七八九十]+)、", r"\1.", text)
    return re.sub(r"(?m)^(\s*\d{1,2})[、．]", r"\1.", text)


def sub_headings_numbered_with_dots(text: str) -> str:
    """（一） → 一. under 一、 headings."""
    return re.sub(r"(?m)^(\s*)（([一二三四五六七八九十]+)）", r"\1\2.", text)


def half_width_brackets(text: str) -> str:
    """（一） → (一) at the start of a line."""
    return re.sub(r"(?m)^(\s*)（([一二三四五六七八九十]+)）", r"\1(\2)", text)


def indented(text: str) -> str:
    return "\n".join("　　" + ln.strip() if ln.strip() else ln for ln in _lines(text))


def blank_lines_between(text: str) -> str:
    return "\n\n".join(ln for ln in _lines(text) if ln.strip())


def no_blank_lines(text: str) -> str:
    return "\n".join(ln for ln in _lines(text) if ln.strip())


def windows_line_ends(text: str) -> str:
    return "\r\n".join(ln + "  " for ln in _lines(text))


def wrapped_at_28(text: str) -> str:
    """Hard line breaks every 28 characters, as copied from a 公文 PDF page."""
    return "\n".join(piece for ln in _lines(text) for piece in textwrap.wrap(ln, 28))


def wrapped_half_width(text: str) -> str:
    return wrapped_at_28(half_width(text))


def page_of_28(text: str) -> str:
    return "\n".join(hard_wrap(_lines(text), 56))


def page_of_28_indented(text: str) -> str:
    return "\n".join(hard_wrap(_lines(text), 56, "　　"))


def page_of_20(text: str) -> str:
    return "\n".join(hard_wrap(_lines(text), 40))


def page_of_16_half_width(text: str) -> str:
    return "\n".join(hard_wrap(_lines(half_width(text)), 32))


def pages_of_28_numbered(text: str) -> str:
    """Copied out of a 公文 PDF: 22 lines a page, "- 2 -" under each."""
    return "\n".join(numbered_pages(hard_wrap(_lines(text), 56), 22, "- {n} -"))


def page_numbers_between_paragraphs(text: str) -> str:
    """Copied out of a printed Word document: a bare page number every few paragraphs."""
    return "\n".join(numbered_pages(_lines(text), 6, "{n}"))


def _title(text: str) -> str:
    return next(ln.strip() for ln in _lines(text) if ln.strip())


def pages_with_running_header(text: str) -> str:
    """Copied out of a PDF that prints the title atop every page and the number below."""
    return "\n".join(numbered_pages(hard_wrap(_lines(text), 56), 22, "- {n} -", _title(text)))


def pages_with_running_footer(text: str) -> str:
    """Copied out of a PDF with a footer line above 第n页 共m页."""
    return "\n".join(numbered_pages(hard_wrap(_lines(text), 56), 22, "第{n}页 共9页",
                                    footer="某某县人民政府办公室印发"))


def title_atop_every_page(text: str) -> str:
    """Copied out of a PDF with no page numbers but the title atop every page."""
    return "\n".join(numbered_pages(_lines(text), 6, "", _title(text)))


_TOP = re.compile(r"^\s*([一二三四五六七八九十]+、[^。]{2,40})$")


def _contents(text: str, entry: str) -> str:
    lines = _lines(text)
    heads = [m.group(1).strip() for ln in lines if (m := _TOP.match(ln))]
    at = next(i for i, ln in enumerate(lines) if ln.strip()) + 1
    return "\n".join(lines[:at] + ["目　录"] + [entry.format(h=h, n=n) for n, h in enumerate(heads, 2)]
                     + lines[at:])


def contents_with_leaders(text: str) -> str:
    """A table of contents under the first line: headings, dot leaders, page numbers."""
    return _contents(text, "{h}……………………{n}")


def contents_without_leaders(text: str) -> str:
    """A table of contents under the first line: the headings alone."""
    return _contents(text, "{h}")


def attachment_after_the_signature(text: str) -> str:
    """A table attached after the date, its rows numbered, one of them a heading."""
    return text.rstrip() + (
        "\n\n附件：年度法治政府建设重点工作完成情况表\n序号\t工作内容\t完成情况\n"
        "1\t制定年度普法计划\t已完成\n2\t开展合法性审查\t已完成\n"
        "一、组织领导\n成立法治政府建设领导小组，主要负责人任组长。\n")


def attachment_note(text: str) -> str:
    """A note listing three attachments after the body, above the signature if any."""
    lines = _lines(text)
    end = max(i for i, ln in enumerate(lines) if ln.rstrip().endswith("。")) + 1
    note = ["附件：1.年度法治政府建设重点工作完成情况表", "　　　2.行政执法数据统计表",
            "　　　3.下一年度法治政府建设工作要点"]
    return "\n".join(lines[:end] + note + lines[end:])


def title_in_book_marks(text: str) -> str:
    """The title set in 《》, as a web page's list of documents names it."""
    return re.sub(r"(?m)^\s*(\S[^\n]*报告)\s*$", r"《\1》", text, count=1)


def title_with_a_full_stop(text: str) -> str:
    return text.replace(_title(text), _title(text) + "。", 1)


def banner_above_the_title(text: str) -> str:
    """A web page's column name standing above the report."""
    return "法治政府建设年度报告\n\n" + text


def title_with_a_note(text: str) -> str:
    """The title followed by a note in brackets: …报告（公开）."""
    return re.sub(r"(?m)^(\s*\S[^\n]*报告)\s*$", r"\1（公开）", text, count=1)


def imprint_below_the_signature(text: str) -> str:
    """The imprint of an official document (版记): copied to, printed by, contact."""
    return text.rstrip() + (
        "\n\n抄送：县委办公室，县人大常委会办公室，县政协办公室。\n"
        "某某县人民政府办公室　　　　2023年2月21日印发\n（联系人：张三，联系电话：0371-12345678）\n")


def signature_and_date_on_one_line(text: str) -> str:
    """The issuer and the date on one line, as a web page's right-aligned block gives them."""
    return re.sub(r"(\S+(?:人民政府|委员会))\s*\n\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*$", r"\1　　\2",
                  text.rstrip()) + "\n"


_NUMBER = re.compile(r"^\s*[一二三四五六七八九十]+、")


def _merge_gaps(text: str, plan_lead: Callable[[str], list[str]],
                shortcomings: Callable[[list[str]], list[str]]) -> str:
    """The shortcomings and the plan in one section, 存在的不足和原因及下一步打算, as
    many reports write them: the plan (each sample's last section) moved up under
    the shortcomings, its heading given by ``plan_lead``, the shortcomings' lines
    rewritten by ``shortcomings``."""
    lines = _lines(text)
    tops = [i for i, ln in enumerate(lines) if _NUMBER.match(ln)]
    short = next(i for i in tops if re.search("不足|问题", lines[i]))
    plan = next(i for i in tops if i > short and re.search("计划|安排|打算", lines[i]))
    after = next((i for i in tops if i > short), len(lines))
    number = _NUMBER.match(lines[short]).group(0).strip()  # type: ignore[union-attr]
    title = _NUMBER.sub("", lines[short]).strip()
    head = [number + title + "及下一步打算"]
    body = shortcomings(lines[short + 1:after])
    moved = plan_lead(_NUMBER.sub("", lines[plan]).strip()) + lines[plan + 1:]
    return "\n".join(lines[:short] + head + body + moved + lines[after:plan])


def _sub_numbered(lines: list[str]) -> list[str]:
    """（一）… → 1. …, to make room for a level above."""
    return [re.sub(r"^(\s*)[（(]([一二三四五六七八九])[）)]",
                   lambda m: f"{m[1]}{'一二三四五六七八九'.index(m[2]) + 1}.", ln) for ln in lines]


def gaps_in_one_section_with_subheadings(text: str) -> str:
    """存在的不足和原因及下一步打算, then （一）存在的不足和原因 … （二）下一步工作打算 …"""
    def short(lines: list[str]) -> list[str]:
        return ["（一）存在的不足和原因"] + _sub_numbered(lines)
    return _merge_gaps(text, lambda title: ["（二）" + title], short)


def gaps_in_one_section_with_a_lead(text: str) -> str:
    """存在的不足和原因及下一步打算: the shortcomings, then 下一步，我们将…： and the plan."""
    return _merge_gaps(text, lambda title: ["下一步，我们将重点做好以下工作："], lambda ls: ls)


def leads_written_yi_yao(text: str) -> str:
    """一是…二是… written 一要…二要…, as plans often are."""
    return re.sub(r"(?m)(^\s*|(?<=[。；：]))([一二三四五六七八九十])是", r"\1\2要", text)


def _leads_in_one_paragraph(text: str) -> str:
    """Paragraphs that open 二是、三是… joined to the one before."""
    return re.sub(r"\n\s*(?=[二三四五六七八九十]是)", "", text)


def sequence_words_in_one_paragraph(text: str) -> str:
    """一是…二是…三是… in one paragraph, written 首先，…其次，…再次，…"""
    words = {"一": "首先，", "二": "其次，", "三": "再次，", "四": "此外，", "五": "最后，"}
    return re.sub(r"(^|(?<=[。；：\s]))([一二三四五])是",
                  lambda m: m[1] + words[m[2]], _leads_in_one_paragraph(text))


def numbered_items_in_one_paragraph(text: str) -> str:
    """一是…二是… inside a paragraph (after its heading or a lead-in) written 1.…2.…"""
    def renumber(line: str) -> str:
        if not re.search(r"[。；：]一是", line):
            return line
        out, last = [], 0
        for piece in re.split(r"(?<=[。；：])(?=[一二三四五六七八九])", line):
            k = "一二三四五六七八九".find(piece[0])
            if k == last and (piece[1:2] == "是" or last):  # 一是… 二是… 三深化… (是 left out)
                last = k + 1
                piece = f"{last}." + piece[1:].removeprefix("是")
            out.append(piece)
        return "".join(out)
    return "\n".join(renumber(line) for line in _leads_in_one_paragraph(text).split("\n"))


def number_on_its_own_line(text: str) -> str:
    """一、 on a line of its own and the heading's title on the next, as some web pages set it."""
    return re.sub(r"(?m)^(\s*[一二三四五六七八九十]+、)\s*(?=\S)", r"\1\n", text)


def gaps_in_one_section_with_a_wrapper_and_a_lead(text: str) -> str:
    """存在的不足和原因及下一步打算, then （一）存在的不足和原因 over the shortcomings' items,
    then 下一步，我们将…： and the plan."""
    def short(lines: list[str]) -> list[str]:
        return ["（一）存在的不足和原因"] + _sub_numbered(lines)
    return _merge_gaps(text, lambda title: ["下一步，我们将重点做好以下工作："], short)


def work_and_gaps_in_one_section(text: str) -> str:
    """主要举措和成效及存在的不足: the shortcomings moved up under the last work section
    before them, after 同时…还存在一些不足： (left as written where no heading names
    the work)."""
    lines = _lines(text)
    tops = [i for i, ln in enumerate(lines) if _NUMBER.match(ln)]
    short = next(i for i in tops if re.search("不足|问题", lines[i]))
    works = [i for i in tops if i < short and re.search("举措|开展情况|建设情况", lines[i])]
    if not works:
        return text
    work = works[-1]
    end = next(i for i in tops if i > work)
    after = next((i for i in tops if i > short), len(lines))
    head = lines[work].rstrip() + "及存在的不足"
    lead = "同时，我们也清醒地看到，工作中还存在一些不足："
    return "\n".join(lines[:work] + [head] + lines[work + 1:end] + [lead]
                     + lines[short + 1:after] + lines[end:short] + lines[after:])


def plan_heading_naming_its_measures(text: str) -> str:
    """四、2023年工作计划 → 四、2023年工作重点和主要措施 (下一步工作重点和主要措施 where
    it names no year): the 主要措施 are the plan's, not a part reporting work done."""
    def heading(m: re.Match[str]) -> str:
        year = re.match(r"\d{4}年度?", m[2])
        return m[1] + (year[0] if year else "下一步") + "工作重点和主要措施"
    return re.sub(r"(?m)^(\s*[一二三四五六七八九十]+、)(.*(?:计划|打算|安排).*)$", heading, text)


def ordinal_leads(text: str) -> str:
    """一是…二是… written 第一，…第二，…"""
    return re.sub(r"(?m)(^\s*|(?<=[。；：]))([一二三四五六七八九十])是", r"\1第\2，", text)


def flattened(text: str) -> str:
    return "".join(ln.strip() for ln in _lines(text))


def flattened_with_spaces(text: str) -> str:
    return " ".join(ln.strip() for ln in _lines(text) if ln.strip())


def full_width_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def spaced_years(text: str) -> str:
    return re.sub(r"(\d{4})年", r"\1 年", text)


VARIANTS: list[Variant] = [
    half_width, numbered_with_dots, sub_headings_numbered_with_dots, half_width_brackets, indented, blank_lines_between,
    no_blank_lines, windows_line_ends, wrapped_at_28, wrapped_half_width, page_of_28,
    page_of_28_indented, page_of_20, page_of_16_half_width, pages_of_28_numbered,
    page_numbers_between_paragraphs, pages_with_running_header, pages_with_running_footer,
    title_atop_every_page, contents_with_leaders, contents_without_leaders,
    attachment_after_the_signature, attachment_note, title_in_book_marks, title_with_a_note,
    title_with_a_full_stop, banner_above_the_title,
    imprint_below_the_signature,
    signature_and_date_on_one_line,
    gaps_in_one_section_with_subheadings, gaps_in_one_section_with_a_lead,
    gaps_in_one_section_with_a_wrapper_and_a_lead, work_and_gaps_in_one_section,
    plan_heading_naming_its_measures, ordinal_leads,
    leads_written_yi_yao, sequence_words_in_one_paragraph, numbered_items_in_one_paragraph,
    number_on_its_own_line, flattened,
    flattened_with_spaces, full_width_digits, spaced_years,
]
NAMES = sorted(p.name for p in REPORTS.glob("*.txt"))
_AS_WRITTEN: dict[str, dict[str, str]] = {}


def _as_written(name: str, check_text: Callable[[str], ReportResult]) -> dict[str, str]:
    if name not in _AS_WRITTEN:
        _AS_WRITTEN[name] = statuses(check_text((REPORTS / name).read_text("utf-8")))
    return _AS_WRITTEN[name]


def test_every_variant_changes_the_text() -> None:
    text = (REPORTS / NAMES[0]).read_text("utf-8")
    for variant in VARIANTS:
        assert variant(text) != text, variant.__name__


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.__name__)
@pytest.mark.parametrize("name", NAMES)
def test_judgements_do_not_depend_on_layout(name: str, variant: Variant, engine: Engine,
                                            check_text: Callable[[str], ReportResult]) -> None:
    expected = _as_written(name, check_text)
    got = statuses(check_text(variant((REPORTS / name).read_text("utf-8"))))
    changed = {rule: (expected[rule], got[rule]) for rule in expected if got[rule] != expected[rule]}
    assert not changed, changed
