"""Pattern lint: catastrophic backtracking and patterns that cannot match."""

from __future__ import annotations

import re
import time

import pytest

from conftest import DEFAULT
from fazhi.authoring import load
from fazhi.rulebook.lint import pattern_values, regex_problems, whole_line_fields

CATASTROPHIC = [r"(a+)+b", r"(a*)*b", r"(a|a)*b", r"(a|aa)+$", r"(\d+\.?)+件", r"(a+b?)+",
                r"(.*,)*x", r"(?:[一二三]是.{0,20})+x", r"(短|板|短板)+"]
SAFE = [r"(\w|\d)+", r"(ab|a)*c", r"(?:ab+c)+", r"([\u4e00-\u9fff]+。)+", r"(\d+、)+",
        r"(?:\d{4}年)+", r"(执法|执法公示)+", r"\d+(\.\d+)?(万|亿)?元", r"(工作)?开展情况",
        r"^主要举措", r"报告$", r"(?:x|^)a", r"\bISO\b", r"年\s*度"]
IMPOSSIBLE = [r"法\b治", r"\b法治", r"a^b", r"法治$建设", r"法 治", r"法\s治", r"[^\s\S]", r"(?!)a",
              r"(?:法\s|治\s)"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_catastrophic(pattern: str) -> None:
    found = regex_problems(pattern)
    assert [lvl for lvl, _ in found] == ["error"]
    assert "灾难性回溯" in found[0][1]


@pytest.mark.parametrize("pattern", SAFE)
def test_safe(pattern: str) -> None:
    assert regex_problems(pattern) == []


@pytest.mark.parametrize("pattern", IMPOSSIBLE)
def test_impossible(pattern: str) -> None:
    found = regex_problems(pattern)
    assert [lvl for lvl, _ in found] == ["error"]
    assert "匹配不到" in found[0][1]


def test_the_flagged_shapes_really_are_slow() -> None:
    """The lint is not crying wolf: one flagged shape takes visibly long, its fix does not."""
    text = "a" * 22 + "!"
    t0 = time.perf_counter()
    re.search(r"(a+)+b", text)
    slow = time.perf_counter() - t0
    t0 = time.perf_counter()
    re.search(r"a+b", text)
    fast = time.perf_counter() - t0
    assert slow > 20 * fast


def test_every_default_pattern_is_found_and_clean() -> None:
    res = load(DEFAULT)
    found = list(pattern_values(res.book.document, ("document",)))
    for params in res.checks:
        found += pattern_values(params, ())
    assert len(found) > 200
    line = whole_line_fields(res.book.document, ("document",))
    for params in res.checks:
        line |= whole_line_fields(params, ())
    assert ("document", "meta", "closing") in line and ("document", "meta", "imprint") in line
    assert ("next_year_mentions",) in line  # tried right after a year only
    assert [p for loc, p in found if regex_problems(p, loc[:-1] in line)] == []


@pytest.mark.parametrize("pattern", [r".{0,12}ICP备", r"[^,。]{2,8}局", r"(?:.*)原因"])
def test_a_pattern_that_may_start_anywhere_is_slow(pattern: str) -> None:
    found = regex_problems(pattern)
    assert [lvl for lvl, _ in found] == ["warning"]
    assert regex_problems(pattern, whole_line=True) == []  # tried at a line's start only
    assert "任意字符开始" in found[0][1]


@pytest.mark.parametrize("pattern", [r"[京沪渝]?ICP备", r"(主要|究其)?原因", r"\d{4}年", r"(?<!第)\d+次"])
def test_a_pattern_with_known_first_characters_is_not_slow(pattern: str) -> None:
    assert regex_problems(pattern) == []


def test_validate_names_a_slow_pattern_with_its_line(mutated) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from fazhi.cli import main

    old = "'((ICP)?备案号:)?[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]?(ICP备|ICP证|公网安备)'"
    slow = "'.{0,12}(ICP备|ICP证|公网安备)'"
    book, text = mutated(old, slow)
    res = CliRunner().invoke(main, ["rules", "validate", str(book)])
    line = text[:text.index(slow)].count("\n") + 1
    assert f"book.yaml:{line}:" in res.output and "任意字符开始" in res.output
    assert res.exit_code == 0  # a warning, not an error


def test_a_pattern_tried_after_a_year_may_start_anywhere(mutated) -> None:  # type: ignore[no-untyped-def]
    """``next_year_mentions`` are matched right after a year, never searched for: the
    same wording that is slow in ``mentions`` is fine there."""
    from click.testing import CliRunner

    from fazhi.cli import main

    after = r"'度?,?[^\W\d_月日]{0,8}?(将|要(?!求)|拟|计划(?!生育)|打算|力争)'"
    old = "'今后', '接下来']"
    book, text = mutated(old, f"'今后', '接下来', {after}]")
    res = CliRunner().invoke(main, ["rules", "validate", str(book)])
    line = text[:text.index(after)].count("\n") + 1
    assert f"book.yaml:{line}:" in res.output and "任意字符开始" in res.output
    assert res.output.count("任意字符开始") == 1  # not the same wording in next_year_mentions


@pytest.mark.parametrize("patterns, slow", [
    (["法制审核", "[诉访]调对接", "公示"], [1]),
    (["法制审核", "诉调对接", "访调对接"], []),
    (["(主要|究其)原因", "根源在于"], [0]),
    (["法制(审核|审查)", "诉调|访调"], [1]),
    ([r"(?<!第)\d+次", "场次"], [0]),
    ([r"\d(?<![\d年])\d*(万|亿)?元"], []),  # one wording: re skips by its class
    ([r"[京沪]ICP备", r"[京沪]公网安备"], []),  # the same first class: re takes it out
    ([r"[京沪]ICP备", "备案号"], [0]),
])
def test_slow_wordings_in_a_list(patterns: list[str], slow: list[int]) -> None:
    """re skips to a list's matches only when every wording starts with a fixed
    character (or the list is one wording with a prefix of its own)."""
    from fazhi.document.firstchars import has_prefix
    from fazhi.rulebook.lint import slow_wordings

    assert slow_wordings(patterns) == slow
    parsed = re._parser.parse("|".join(f"(?:{p})" for p in patterns))  # type: ignore[attr-defined]
    assert has_prefix(parsed) == (not slow)


def test_validate_names_a_wording_that_slows_its_list(mutated) -> None:  # type: ignore[no-untyped-def]
    """[诉访]调对接 in a list searched over whole sections keeps re from skipping to
    the list's first characters; in a heading list, where speed does not matter, it
    is fine."""
    from click.testing import CliRunner

    from fazhi.cli import main

    old = "'诉调对接', '访调对接', '警调对接',"
    book, text = mutated(old, "'[诉访]调对接', '警调对接',")
    res = CliRunner().invoke(main, ["rules", "validate", str(book)])
    line = text[:text.index("'[诉访]调对接'")].count("\n") + 1
    assert f"book.yaml:{line}:" in res.output and "不以确定的字开头" in res.output, res.output
    assert res.output.count("不以确定的字开头") == 1 and res.exit_code == 0
    book, text = mutated("      headings: ['不足', ", "      headings: ['[诉访]调对接', '不足', ")
    res = CliRunner().invoke(main, ["rules", "validate", str(book)])
    assert "不以确定的字开头" not in res.output and res.exit_code == 0
    # not_evidence is searched over every paragraph: its wordings are linted too
    old = "'发布机构[^。;,|]{0,30}',"
    book, text = mutated(old, old + " '(主题|信息)分类:',")
    res = CliRunner().invoke(main, ["rules", "validate", str(book)])
    line = text[:text.index("'(主题|信息)分类:'")].count("\n") + 1
    assert f"book.yaml:{line}:" in res.output and "不以确定的字开头" in res.output, res.output
