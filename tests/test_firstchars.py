"""The first-character look-ahead changes no match, only speed."""

from __future__ import annotations

import random
import re

import pytest

from conftest import REPORTS, extracted
from fazhi.checks.base import pattern_lists
from fazhi.document.firstchars import first_chars, with_first_chars
from fazhi.document.load import build_document
from fazhi.engine import Engine


@pytest.mark.parametrize(("pattern", "chars"), [
    (r"(主要|究其|根本)?原因|根源", "[主究根原]"),
    (r"(?<![\d第])\d+(余)?次", r"[\d]"),
    (r"\d{4}年|[〇零]{4}年", r"[\d〇零]"),
    (r"(主观|客观)(上|方面)?原因", "[主客]"),
    (r"^年度?报告$", "[年]"),
    (r"a*b", "[ab]"),
    (r"[a-c\]]x", r"[a-c\]]"),
])
def test_first_chars(pattern: str, chars: str) -> None:
    assert first_chars(pattern) == chars


@pytest.mark.parametrize("pattern", [
    r".{0,4}整改",  # any character
    r"[^。]+原因",  # a negated class
    r"(?P<x>a)?(?(x)b|c)",  # a conditional
    r"a?",  # can match empty text
    r"(?i)abc",  # case-insensitive
])
def test_unknowable_first_chars_give_no_prefix(pattern: str) -> None:
    assert first_chars(pattern) is None
    assert with_first_chars(pattern) == pattern


def test_patterns_with_a_prefix_of_their_own_are_left_alone() -> None:
    for pattern in ["普法|法治宣传", "[一二三]是", "第一责任人"]:
        assert with_first_chars(pattern) == pattern
    assert with_first_chars("(主要)?原因") == "(?=[主原])(?:(主要)?原因)"


def test_the_rulebooks_patterns_find_the_same_matches(engine: Engine) -> None:
    texts = [p.norm for f in sorted(REPORTS.glob("*.txt"))
             for p in build_document(extracted(f.read_text("utf-8")),
                                     engine.book.document).paragraphs]
    rnd = random.Random(7)
    alphabet = "".join(dict.fromkeys("".join(texts)))
    texts += ["".join(rnd.choice(alphabet) for _ in range(300)) for _ in range(200)]
    lists = {tuple(p) for params in engine.checks for p in pattern_lists(params) if p}
    assert lists
    changed = 0
    for patterns in sorted(lists):
        plain = re.compile("|".join(f"(?:{p})" for p in patterns))
        fast = re.compile(with_first_chars(plain.pattern))
        changed += fast.pattern != plain.pattern
        for t in texts:
            assert [m.span() + m.groups() for m in fast.finditer(t)] == \
                [m.span() + m.groups() for m in plain.finditer(t)], patterns
    assert changed  # some of the rulebook's lists do get the look-ahead
