"""The judgements do not depend on how a report is laid out.

Each sample report, rewritten the ways real copies of the same report differ
(half-width punctuation, traditional characters, stray spaces, CRLF and blank
lines, 第一部分, 一., 一，, 1、 or 1. instead of 一、, 1., ① or （1） instead of （一）, hard-wrapped
lines, full-width indents, page numbers pasted in between, top-level headings
without their numbers, the last two sections in the other order, the whole text
on one line as a scraped web page has it),
gets the same status on every rule as the original.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest

from conftest import REPORTS, extracted
from fazhi.document.load import build_document
from fazhi.document.normalize import _traditional_to_simplified
from fazhi.engine import Engine

_S2T: dict[str, str] = {}
for _t, _s in sorted(_traditional_to_simplified().items()):
    _S2T.setdefault(_s, _t)
_HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"})
_TOP = re.compile(r"(?m)^\s*([一二三四五六七八九十]+)、")
_SUB = re.compile(r"(?m)^\s*[（(]([一二三四五六七八九十])[）)]")
_CN = "一二三四五六七八九十"


def _spaces(text: str) -> str:
    rnd = random.Random(1)
    return "".join(c + (" " if rnd.random() < 0.05 else "") for c in text)


def _wrap(text: str, width: int = 38) -> str:
    out = []
    for line in text.splitlines():
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def _page_numbers(text: str) -> str:
    out = []
    for i, line in enumerate(text.splitlines()):
        out.append(line)
        if i % 12 == 11:
            out.append(f"— {i // 12 + 1} —")
    return "\n".join(out)


def _whole_top_series(text: str) -> str:
    # one sample writes its first top heading "1、" before 二、三、: make the series whole
    return re.sub(r"\n1、\s*推进法治政府建设的主要举措", "\n一、推进法治政府建设的主要举措", text)


def _chapters(text: str) -> str:
    return _TOP.sub(r"第\1部分 ", _whole_top_series(text))


def _swap_last_sections(text: str) -> str:
    """The last two top-level sections in the other order (a plan before the
    shortcomings), renumbered; the signature lines stay at the end."""
    lines = _whole_top_series(text).splitlines()
    tops = [i for i, ln in enumerate(lines) if _TOP.match(ln)]
    end = len(lines)
    while end > 0 and len(lines[end - 1].strip()) <= 30:  # the signature block
        end -= 1
    a, b = tops[-2], tops[-1]
    lines = lines[:a] + lines[b:end] + lines[a:b] + lines[end:]
    numbers = iter(_CN)
    return "\n".join(_TOP.sub(lambda m: f"{m.group(0)[:-len(m.group(1)) - 1]}{next(numbers)}、",
                              ln) for ln in lines)


def _arabic(text: str, top: str, sub: bool) -> str:
    """Top-level headings numbered 1、 or 1. (the same style as the items 1、 under
    them in some samples), and (一) written (1) when ``sub``."""
    text = _TOP.sub(lambda m: f"{_CN.index(m.group(1)) + 1}{top}", _whole_top_series(text))
    return _SUB.sub(lambda m: f"（{_CN.index(m.group(1)) + 1}）", text) if sub else text


TRANSFORMS: dict[str, Callable[[str], str]] = {
    "half-width punctuation": lambda t: t.translate(_HALF),
    "traditional characters": lambda t: "".join(_S2T.get(c, c) for c in t),
    "stray spaces": _spaces,
    "CRLF and blank lines": lambda t: t.replace("\n", "\r\n\r\n"),
    "no blank lines": lambda t: "\n".join(ln for ln in t.splitlines() if ln.strip()),
    "第一部分 for 一、": _chapters,
    "hard-wrapped lines": _wrap,
    "full-width indents": lambda t: "\n".join("\u3000\u3000" + ln if ln.strip() else ln
                                              for ln in t.splitlines()),
    "page numbers pasted in": _page_numbers,
    "top-level headings without numbers": lambda t: _TOP.sub("", t),
    "一. for 一、": lambda t: _TOP.sub(r"\1.", t),
    "一， for 一、": lambda t: _TOP.sub(r"\1，", t),
    "1. for （一）": lambda t: _SUB.sub(lambda m: f"{_CN.index(m.group(1)) + 1}.", t),
    "① for （一）": lambda t: _SUB.sub(lambda m: "①②③④⑤⑥⑦⑧⑨⑩"[_CN.index(m.group(1))], t),
    "1、 for 一、": lambda t: _arabic(t, "、", sub=False),
    "1、 and （1） for 一、 and （一）": lambda t: _arabic(t, "、", sub=True),
    "1. and （1） for 一、 and （一）": lambda t: _arabic(t, ".", sub=True),
    "the last two sections swapped": _swap_last_sections,
    # a web page scraped into one line: breaks left as spaces, or gone without a trace
    "line breaks lost, spaces left": lambda t: " ".join(ln.strip() for ln in t.splitlines()),
    "line breaks lost entirely": lambda t: "".join(ln.strip() for ln in t.splitlines()),
}


def _statuses(engine: Engine, text: str) -> dict[str, str]:
    doc = build_document(extracted(text), engine.book.document, "x.txt", "")
    return {r.rule: r.status for r in engine.check_document(doc, source=False).results}


@pytest.fixture(scope="module")
def originals(engine: Engine) -> dict[str, tuple[str, dict[str, str]]]:
    return {p.name: (t, _statuses(engine, t))
            for p in sorted(REPORTS.glob("*.txt")) for t in [p.read_text("utf-8")]}


@pytest.mark.parametrize("transform", TRANSFORMS)
@pytest.mark.parametrize("name", sorted(p.name for p in REPORTS.glob("*.txt")))
def test_same_judgements_whatever_the_layout(engine: Engine, originals, name: str,  # type: ignore[no-untyped-def]
                                            transform: str) -> None:
    text, want = originals[name]
    got = _statuses(engine, TRANSFORMS[transform](text))
    assert {k: (want[k], got[k]) for k in want if got[k] != want[k]} == {}
