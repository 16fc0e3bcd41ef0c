"""Chinese and Arabic ordinals as they appear in heading markers and dates."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "○": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}


def cn_to_int(s: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 二〇二三 → 2023 (digit by digit); None if not a numeral."""
    if not s:
        return None
    if s in _CIRCLED:
        return _CIRCLED[s]
    if s.isdigit():
        return int(s)
    if "十" in s or "百" in s:
        total = 0
        if "百" in s:
            head, s = s.split("百", 1)
            total += (_DIGITS.get(head, 1) if head else 1) * 100
        if "十" in s:
            head, tail = s.split("十", 1)
            if head and head not in _DIGITS:
                return None
            total += (_DIGITS[head] if head else 1) * 10
            s = tail
        if s:
            if s not in _DIGITS:
                return None
            total += _DIGITS[s]
        return total
    value = 0
    for ch in s:
        if ch not in _DIGITS:
            return None
        value = value * 10 + _DIGITS[ch]
    return value
