"""Faster scanning for the rulebook's alternations: a look-ahead of the characters
a match can start with.

Python's ``re`` skips quickly over text only when a pattern starts with a
literal, a character class, or alternatives that each start with a literal
(its "prefix").
Many rulebook wordings start otherwise: an optional word ((主要|究其)?原因), a
group of alternatives ((主观|客观)上), a class repeated (\\d{4}年) or a
look-behind ((?<!第)\\d+次). ``re`` then tries the whole alternation at every
character, three to six times slower. Prefixing ``(?=[…])`` with the characters
a match can start with lets it reject most positions at once. Patterns that
have a prefix already are left alone: for them the look-ahead is slower.

The prefix changes no match: the look-ahead only states what the pattern
requires of its first character. It is computed from the parsed pattern and
left out (``None``) whenever that is not certain: a pattern that may start with
any character (., a negated class), a back-reference, or anything unfamiliar.
"""

from __future__ import annotations

import re
from re import _compiler, _parser  # type: ignore[attr-defined]
from re import _constants as c  # type: ignore[attr-defined]
from typing import Any

_CATEGORIES = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s", c.CATEGORY_WORD: r"\w"}
_ZERO_WIDTH = (c.AT, c.ASSERT, c.ASSERT_NOT)


class _Unknown(Exception):
    """The first characters cannot be told for certain."""


def _escape(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in "\\]^-[" else ch


def _items(items: list[tuple[Any, Any]]) -> tuple[list[str], bool]:
    """The first characters of a sequence of parsed items, and whether the whole
    sequence can match the empty string (so that what follows it counts too)."""
    out: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is c.LITERAL:
            return [*out, _escape(av)], False
        if op is c.IN:
            return [*out, *_class(av)], False
        if op is c.SUBPATTERN:
            chars, empty = _items(av[3])
        elif op is c.BRANCH:
            chars, empty = [], False
            for alt in av[1]:
                got, alt_empty = _items(alt)
                chars += got
                empty = empty or alt_empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            chars, empty = _items(av[2])
            empty = empty or av[0] == 0
        elif op is c.ATOMIC_GROUP:
            chars, empty = _items(av)
        else:  # ANY, NOT_LITERAL, GROUPREF, conditionals…
            raise _Unknown(op)
        out += chars
        if not empty:
            return out, False
    return out, True


def _class(items: list[tuple[Any, Any]]) -> list[str]:
    out: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            out.append(_escape(av))
        elif op is c.RANGE:
            out.append(f"{_escape(av[0])}-{_escape(av[1])}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:  # NEGATE, other categories
            raise _Unknown(op)
    return out


def has_prefix(parsed: Any) -> bool:
    """Whether ``re`` finds a prefix of its own for the pattern (see the module docstring)."""
    flags = parsed.state.flags
    literal = _compiler._get_literal_prefix(parsed, flags)[0]
    return bool(literal) or bool(_compiler._get_charset_prefix(parsed, flags))


def first_chars(pattern: str) -> str | None:
    """A character class of the characters a match of ``pattern`` can start with,
    or None when that cannot be told (or the pattern can match empty text)."""
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
            return None
        chars, empty = _items(list(parsed))
    except (_Unknown, re.error, AttributeError, TypeError, IndexError, ValueError):
        return None
    if empty or not chars:
        return None
    return "[" + "".join(dict.fromkeys(chars)) + "]"


def with_first_chars(pattern: str) -> str:
    """``pattern`` led by the look-ahead of its first characters, when ``re`` finds no
    prefix of its own and the characters are known; otherwise ``pattern`` itself."""
    try:
        if has_prefix(_parser.parse(pattern)):
            return pattern
    except (re.error, AttributeError, TypeError, ValueError):  # private API changed
        return pattern
    chars = first_chars(pattern)
    return pattern if chars is None else f"(?={chars})(?:{pattern})"
