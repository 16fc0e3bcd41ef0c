"""Lint for rulebook patterns: what compiles but will not work.

Patterns are matched against normalised report text: one paragraph at a time,
whitespace removed, full-width forms made half-width. Two kinds of mistakes
pass ``re.compile`` and still hurt:

* **catastrophic backtracking**: a repeated group whose body can match the
  same text in more than one way, ``(a+)+``, ``(a*)*``, ``(\\d+\\.?)+``,
  ``(a|a)*``, ``(a|aa)+``. On a long paragraph that almost matches, the regex
  engine tries exponentially many splits and the check hangs;
* **slow patterns** (a warning): one that may start with any character
  (``.{0,12}ICP备``) gives the engine nothing to skip text by, so the whole
  pattern is tried at every position (see :mod:`fazhi.document.firstchars`);
  and in a list of wordings searched for over whole sections (``Scanned``),
  one that does not start with a fixed character (``[诉访]调对接``,
  ``(主要|究其)原因``, ``诉调|访调``) keeps the engine from skipping to the
  whole list's first characters;
* **patterns that cannot match anything** (or not what the author meant):
  ``\\b`` next to a Chinese character (every Chinese character is a "word"
  character, so ``\\b`` only holds next to punctuation), ``^`` after
  required text or ``$`` before it, a required space or ``\\s`` (whitespace
  is removed before matching), an empty character class (``[^\\s\\S]``),
  ``(?!)``.

The analysis walks Python's own parse of the pattern (``re._parser``), so
what it sees is what the engine runs. It is a heuristic on the side of
caution: it reports the common shapes, not every possible one.
"""

from __future__ import annotations

import importlib
import typing
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import AfterValidator, BaseModel

from fazhi.document.config import Scanned, WholeLine, check_pattern
from fazhi.document.firstchars import first_chars, has_prefix
from fazhi.rulebook.schema import Rulebook
from fazhi.rulebook.source import Loc, Problem, SourceTree

_P: Any = importlib.import_module("re._parser")
_C: Any = importlib.import_module("re._constants")

_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT}
_CHAR_OPS = {_C.LITERAL, _C.NOT_LITERAL, _C.ANY, _C.IN}
_BEGIN = {_C.AT_BEGINNING, _C.AT_BEGINNING_STRING}
_END = {_C.AT_END, _C.AT_END_STRING}
_CATEGORY_TESTS: dict[Any, Callable[[str], bool]] = {
    _C.CATEGORY_DIGIT: lambda c: c.isdecimal(),
    _C.CATEGORY_NOT_DIGIT: lambda c: not c.isdecimal(),
    _C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    _C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
    _C.CATEGORY_SPACE: lambda c: c.isspace(),
    _C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
}
_REPRESENTATIVES = "0a_Z中一(、。,%:.-\t \n"
_BIG = 10  # a repeat allowing more than this many rounds counts as unbounded

Item = tuple[Any, Any]


# -- characters ---------------------------------------------------------------

def _matches(item: Item, ch: str) -> bool:
    op, av = item
    if op is _C.LITERAL:
        return bool(ord(ch) == av)
    if op is _C.NOT_LITERAL:
        return bool(ord(ch) != av)
    if op is _C.ANY:
        return ch != "\n"
    if op is _C.IN:
        negate = False
        hit = False
        for sop, sav in av:
            if sop is _C.NEGATE:
                negate = True
            elif sop is _C.LITERAL:
                hit = hit or ord(ch) == sav
            elif sop is _C.RANGE:
                hit = hit or sav[0] <= ord(ch) <= sav[1]
            elif sop is _C.CATEGORY:
                test = _CATEGORY_TESTS.get(sav)
                hit = hit or (test(ch) if test else True)
            else:  # anything unusual: assume it may match
                hit = True
        return hit != negate
    return True


def _candidates(items: list[Item]) -> set[str]:
    out = set(_REPRESENTATIVES)
    for op, av in items:
        if op in (_C.LITERAL, _C.NOT_LITERAL):
            out.add(chr(av))
        elif op is _C.IN:
            for sop, sav in av:
                if sop is _C.LITERAL:
                    out.add(chr(sav))
                elif sop is _C.RANGE:
                    out.update((chr(sav[0]), chr(sav[1])))
    return out


def _overlap(a: list[Item], b: list[Item]) -> bool:
    """Whether some character can start both (``a``/``b``: alternative first characters)."""
    return any(any(_matches(x, ch) for x in a) and any(_matches(y, ch) for y in b)
               for ch in _candidates(a + b))


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _cjk_item(item: Item) -> bool:
    op, av = item
    if op is _C.LITERAL:
        return _is_cjk(chr(av))
    if op is _C.IN:
        return any(_is_cjk(ch) and _matches(item, ch) for ch in _candidates([item]))
    return False


# -- widths and first characters -------------------------------------------------

def _width(state: Any, items: list[Item]) -> tuple[int, int]:
    lo, hi = _P.SubPattern(state, list(items)).getwidth()
    return int(lo), int(hi)


def _first(state: Any, items: list[Item]) -> list[Item] | None:
    """The single-character items that can start ``items`` (None: could be anything)."""
    out: list[Item] = []
    for item in items:
        op, av = item
        if op in _CHAR_OPS:
            out.append(item)
            return out
        if op is _C.AT or op in (_C.ASSERT, _C.ASSERT_NOT):
            continue
        if op is _C.SUBPATTERN:
            sub = _first(state, list(av[3].data))
            if sub is None:
                return None
            out += sub
        elif op in _REPEATS or op is _C.POSSESSIVE_REPEAT:
            sub = _first(state, list(av[2].data))
            if sub is None:
                return None
            out += sub
        elif op is _C.BRANCH:
            for alt in av[1]:
                sub = _first(state, list(alt.data))
                if sub is None:
                    return None
                out += sub
        elif op is _C.ATOMIC_GROUP:
            sub = _first(state, list(av.data))
            if sub is None:
                return None
            out += sub
        else:
            return None
        if _width(state, [item])[0] > 0:
            return out
    return out


# -- catastrophic backtracking ------------------------------------------------------

def _flatten(state: Any, items: list[Item]) -> list[Item]:
    """A body with capturing/non-capturing groups opened up (same matching)."""
    out: list[Item] = []
    for op, av in items:
        if op is _C.SUBPATTERN and not av[1] and not av[2]:
            out += _flatten(state, list(av[3].data))
        else:
            out.append((op, av))
    return out


def _chars(items: list[Item]) -> list[Item] | None:
    """Every single-character item inside ``items`` (None: something unanalysed)."""
    out: list[Item] = []
    for op, av in items:
        if op in _CHAR_OPS:
            out.append((op, av))
        elif op is _C.SUBPATTERN:
            sub = _chars(list(av[3].data))
        elif op in _REPEATS or op is _C.POSSESSIVE_REPEAT:
            sub = _chars(list(av[2].data))
        elif op is _C.BRANCH:
            sub = []
            for a in av[1]:
                got = _chars(list(a.data))
                if got is None:
                    return None
                sub += got
        elif op is _C.ATOMIC_GROUP:
            sub = _chars(list(av.data))
        elif op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue
        else:
            return None
        if op not in _CHAR_OPS:
            if sub is None:
                return None
            out += sub
    return out


def _single_chars(state: Any, items: list[Item]) -> list[Item] | None:
    """``items`` as a sequence of single characters (groups opened), or None."""
    out: list[Item] = []
    for op, av in _flatten(state, items):
        if op not in _CHAR_OPS:
            return None
        out.append((op, av))
    return out


def _composable(state: Any, alts: list[list[Item]]) -> bool:
    """Whether one alternative can be spelled as two or more alternatives in a row."""
    seqs = [s for a in alts if (s := _single_chars(state, a))]
    for x in seqs:
        if len(x) < 2:
            continue
        parts = [y for y in seqs if y is not x and len(y) < len(x)]
        can = [True] + [False] * len(x)  # can[i]: x[:i] is a concatenation of parts
        for i in range(len(x)):
            if not can[i]:
                continue
            for y in parts:
                j = i + len(y)
                if j <= len(x) and all(_overlap([x[i + k]], [y[k]]) for k in range(len(y))):
                    can[j] = True
        if can[len(x)]:
            return True
    return False


def _ambiguous_body(state: Any, body: list[Item]) -> str | None:
    """Why the body of an unbounded repeat can split text in several ways, or None.

    A variable-length part (``x+``, ``.{0,20}``) is ambiguous when the
    characters it repeats can also be matched by what follows it, in this
    round or, when the rest of the body can be empty, in the next round.
    """
    items = _flatten(state, body)
    first = _first(state, items)
    for i, (op, av) in enumerate(items):
        after = items[i + 1:]
        follow = _first(state, after)
        if follow is not None and _width(state, after)[0] == 0:
            follow = None if first is None else follow + first
        if op in _REPEATS and (av[1] is _C.MAXREPEAT or av[1] > av[0]):
            chars = _chars(list(av[2].data))
            if follow is None or chars is None or _overlap(chars, follow):
                return ("重复的组里有可长可短的部分，它匹配的字符和紧随其后的部分（或下一轮重复的开头）"
                        "可以相同（如 (a+)+、(.*,)*、(\\d+\\.?)+）")
        if op is _C.BRANCH:
            alts = [list(a.data) for a in av[1]]
            reprs = [repr(a) for a in alts]
            if len(set(reprs)) < len(reprs):
                return "重复的组里有两个相同的选项（如 (a|a)*）"
            if _composable(state, alts):
                return "重复的组里的选项可以由其他选项拼成（如 (短|板|短板)+）"
            if any(_width(state, a)[0] == 0 for a in alts):
                for a in alts:
                    f = _first(state, a)
                    if a and (f is None or follow is None or _overlap(f, follow)):
                        return "重复的组里的选项可以用不同方式拼出同一段文字（如 (a|aa)+）"
    return None


def _backtracking(state: Any, items: list[Item]) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, body = av
            if hi is _C.MAXREPEAT or hi > _BIG:
                why = _ambiguous_body(state, list(body.data))
                if why:
                    return why
            found = _backtracking(state, list(body.data))
        elif op is _C.SUBPATTERN:
            found = _backtracking(state, list(av[3].data))
        elif op is _C.BRANCH:
            found = next((w for a in av[1] if (w := _backtracking(state, list(a.data)))), None)
        elif op in (_C.ASSERT, _C.ASSERT_NOT):
            found = _backtracking(state, list(av[1].data))
        else:
            found = None
        if found:
            return found
    return None


# -- patterns that cannot match -------------------------------------------------------

def _impossible(state: Any, items: list[Item], before: int, after: int) -> str | None:
    widths = [_width(state, [it])[0] for it in items]
    for i, (op, av) in enumerate(items):
        pre = before + sum(widths[:i])
        post = after + sum(widths[i + 1:])
        why: str | None = None
        if op is _C.AT and av in _BEGIN and pre > 0:
            why = "「^」（或 \\A）前面还要求有文字，永远不会成立；^ 只能写在模式开头"
        elif op is _C.AT and av in _END and post > 0:
            why = "「$」（或 \\Z）后面还要求有文字，永远不会成立；$ 只能写在模式末尾"
        elif op is _C.AT and av is _C.AT_BOUNDARY:
            near = [items[j] for j in (i - 1, i + 1) if 0 <= j < len(items)]
            if any(_cjk_item(x) for x in near):
                why = ("\\b 紧挨着汉字：汉字都算“单词字符”，汉字之间没有词边界，\\b 只在标点旁成立；"
                       "报告文本已删除空白，请去掉 \\b")
        elif op in _CHAR_OPS:
            cands = _candidates([(op, av)]) | {" ", "\u3000"}
            hits = [c for c in cands if _matches((op, av), c)]
            if not hits:
                why = "字符类是空的（如 [^\\s\\S]），什么都匹配不到"
            elif all(c.isspace() for c in hits):
                why = "模式要求空白（空格、\\s 等），但报告文本在匹配前已删除所有空白，永远匹配不到"
        elif op is _C.SUBPATTERN:
            why = _impossible(state, list(av[3].data), pre, post)
        elif op is _C.BRANCH:
            reasons = [_impossible(state, list(a.data), pre, post) for a in av[1]]
            if all(reasons):
                why = reasons[0]
        elif op in _REPEATS and av[0] >= 1:
            why = _impossible(state, list(av[2].data), pre, post)
        elif op is _C.ASSERT_NOT and _width(state, list(av[1].data))[0] == 0 \
                and not av[1].data:
            why = "(?!) 永远不成立"
        elif op is _C.ASSERT and av[0] == 1:
            why = _impossible(state, list(av[1].data), pre, post)
        if why:
            return why
    return None


def regex_problems(pattern: str, whole_line: bool = False) -> list[tuple[str, str]]:
    """(level, message) for a pattern that compiles; empty when it looks fine.
    ``whole_line``: the pattern is only tried at the start of a line, so it may
    start with any character."""
    try:
        parsed = _P.parse(pattern)
    except Exception:  # noqa: BLE001 - compile errors are reported by the schema
        return []
    out: list[tuple[str, str]] = []
    items = list(parsed.data)
    why = _backtracking(parsed.state, items)
    if why:
        out.append(("error", f"模式「{pattern}」可能引起灾难性回溯：{why}。遇到长段落时检查会卡住；"
                             "请去掉嵌套的重复，例如把 (a+)+ 改为 a+"))
    why = _impossible(parsed.state, items, 0, 0)
    if why:
        out.append(("error", f"模式「{pattern}」匹配不到任何报告文字：{why}"))
    if not out and not whole_line and not has_prefix(parsed) and first_chars(pattern) is None:
        out.append(("warning", f"模式「{pattern}」可以从任意字符开始（例如以 . 或 [^…] 开头），"
                               "检查时无法跳过不相干的文字，每一处都要把整个模式试一遍，会拖慢检查；"
                               "请让它以具体的字开头（可以列出可能的开头字，如 [京沪渝]?ICP备）"))
    return out


# -- where the patterns are --------------------------------------------------------

def _marked(ann: Any, metadata: list[Any] | None, mark: Callable[[Any], bool]) -> bool:
    """Whether a field's annotation carries metadata for which ``mark`` holds, at any
    depth (``list[Regex]``, ``Regex | None``)."""
    if any(mark(m) for m in metadata or []):
        return True
    if typing.get_origin(ann) is typing.Annotated:
        args = typing.get_args(ann)
        if _marked(args[0], list(args[1:]), mark):
            return True
    return any(_marked(a, None, mark) for a in typing.get_args(ann))


def _is_regex(ann: Any, metadata: list[Any] | None = None) -> bool:
    return _marked(ann, metadata, lambda m: isinstance(m, AfterValidator) and m.func is check_pattern)


def marked_fields(obj: BaseModel, loc: Loc, mark: type) -> set[Loc]:
    """Paths of the fields of a model (in nested models and lists of them too) whose
    annotation carries a ``mark`` (:class:`WholeLine`, :class:`Scanned`)."""
    out: set[Loc] = set()
    for name, f in type(obj).model_fields.items():
        key = f.alias or name
        value = getattr(obj, name)
        if _marked(f.annotation, list(f.metadata), lambda m: isinstance(m, mark)):
            out.add((*loc, key))
        elif isinstance(value, BaseModel):
            out |= marked_fields(value, (*loc, key), mark)
        elif isinstance(value, list):
            for j, v in enumerate(value):
                if isinstance(v, BaseModel):
                    out |= marked_fields(v, (*loc, key, j), mark)
    return out


def whole_line_fields(obj: BaseModel, loc: Loc) -> set[Loc]:
    """Paths of the pattern lists in a model that are only tried at a line's start."""
    return marked_fields(obj, loc, WholeLine)


def _skips(alternation: str) -> bool:
    try:
        return bool(has_prefix(_P.parse(alternation)))
    except Exception:  # noqa: BLE001 - compile errors are reported by the schema
        return True


def slow_wordings(patterns: list[str]) -> list[int]:
    """The wordings (their indexes) that keep ``re`` from skipping to the first
    characters of a list compiled as ``(?:a)|(?:b)…`` (see
    :func:`fazhi.document.config.compile_any`): where the list has no such prefix,
    those that do not start with a fixed character."""
    if _skips("|".join(f"(?:{p})" for p in patterns)):
        return []
    return [j for j, p in enumerate(patterns) if not _skips(f"(?:{p})|(?:\x00)")]


def pattern_values(obj: BaseModel, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every pattern in a model (``Regex`` fields, at any depth) with its path."""
    for name, f in type(obj).model_fields.items():
        key = f.alias or name
        value = getattr(obj, name)
        if _is_regex(f.annotation, list(f.metadata)):
            if isinstance(value, str):
                yield (*loc, key), value
            elif isinstance(value, list):
                for j, v in enumerate(value):
                    if isinstance(v, str):
                        yield (*loc, key, j), v
            continue
        if isinstance(value, BaseModel):
            yield from pattern_values(value, (*loc, key))
        elif isinstance(value, list):
            for j, v in enumerate(value):
                if isinstance(v, BaseModel):
                    yield from pattern_values(v, (*loc, key, j))
        elif isinstance(value, dict):
            for k, v in value.items():
                if isinstance(v, BaseModel):
                    yield from pattern_values(v, (*loc, key, k))


def pattern_problems(book: Rulebook, checks: list[BaseModel], tree: SourceTree) -> list[Problem]:
    """Lint every pattern of a rulebook (document wordings, ``not_evidence`` and every
    rule's check). ``not_evidence`` is searched over every paragraph, as a check's
    wordings are over whole sections."""
    found: list[tuple[Loc, str]] = list(pattern_values(book.document, ("document",)))
    found += [(("not_evidence", j), p) for j, p in enumerate(book.not_evidence)]
    whole_line = whole_line_fields(book.document, ("document",))
    scanned: set[Loc] = {("not_evidence",)}
    for i, params in enumerate(checks):
        found += pattern_values(params, ("rules", i, "check"))
        whole_line |= whole_line_fields(params, ("rules", i, "check"))
        scanned |= marked_fields(params, ("rules", i, "check"), Scanned)
    problems: list[Problem] = []
    seen: dict[Loc, set[str]] = {}
    lists: dict[Loc, list[str]] = {}
    for loc, pattern in found:
        if loc[:-1] in scanned:
            lists.setdefault(loc[:-1], []).append(pattern)
    slow = {(*parent, j) for parent, patterns in lists.items() for j in slow_wordings(patterns)}
    for loc, pattern in found:
        found_problems = regex_problems(pattern, bool({loc, loc[:-1]} & whole_line))
        for level, msg in found_problems:
            problems.append(tree.problem(loc, msg, level=level))
        parent = loc[:-1]
        if not found_problems and loc in slow:
            problems.append(tree.problem(loc, (
                f"措辞「{pattern}」不以确定的字开头（以字符组、可选的词、括号里的几种写法或 | 开头），"
                "它所在的整组措辞在检查时就不能直接跳到这些措辞可能的开头字，要在正文的每个字处都试一遍，"
                "检查会变慢；请把它拆成几条各以确定的字开头的措辞（例如把 [诉访]调对接 写成 诉调对接、"
                "访调对接，把 (主要|究其)原因 写成 主要原因、究其原因）"), level="warning"))
        if isinstance(loc[-1], int):
            bucket = seen.setdefault(parent, set())
            if pattern in bucket:
                problems.append(tree.problem(loc, f"模式「{pattern}」在同一列表中重复出现，可删除",
                                             level="warning"))
            bucket.add(pattern)
    return problems
