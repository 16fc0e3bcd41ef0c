"""Bytes → text: detect the encoding, never guess silently.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; then strict UTF-8;
UTF-16 without a mark; then UTF-8 with a few damaged bytes (a download cut in
the middle of a character, a flipped byte: at most one in 100 of the non-ASCII
characters replaced by U+FFFD, and counted, so that the reader can warn); then
GB18030 or Big5, whichever decodes (when both do, the one whose Chinese
characters are the everyday ones of its encoding, when that is clear); when
neither decodes, either one with a few damaged bytes, on the same terms as
UTF-8 (and its Chinese clearly that encoding's everyday characters); then
charset-normalizer's detection. GB2312 and GBK are read as GB18030, their
superset, so that characters outside GB2312 still decode. A GBK file read as
UTF-8 replaces nearly every Chinese character, far above the damage limit.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from charset_normalizer import from_bytes

from fazhi.document.model import DocumentError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class Decoded(NamedTuple):
    text: str
    encoding: str
    replaced: int = 0  # characters that could not be decoded, shown as U+FFFD


_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "hz": "gb18030"}


def _clean(name: str) -> str:
    name = name.lower().replace("-", "").replace("_", "")
    table = {"gb2312": "gb2312", "gbk": "gbk", "gb18030": "gb18030", "big5": "big5",
             "utf8": "utf-8", "utf16": "utf-16", "cp950": "big5", "big5hkscs": "big5hkscs"}
    return table.get(name, name)


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``: its text, the encoding used, how many characters were replaced."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name.replace("-sig", "") + " (BOM)")
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    "decode_error",
                    f"文件以 {name} 字节顺序标记开头，但内容无法按该编码解码（第 {exc.start} 字节）。"
                    "请用文本编辑器另存为 UTF-8 后重试。",
                ) from exc
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-16 without BOM: NUL bytes (ASCII characters) and a decoding that reads as text.
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(data.decode(utf16), utf16)
    damaged = data.decode("utf-8", errors="replace")
    replaced = damaged.count("\ufffd")
    decoded_wide = len(_NON_ASCII.findall(damaged)) - replaced
    # at most one in a hundred of the non-ASCII characters lost: text in another
    # encoding read as UTF-8 loses nearly all of them, however much ASCII is around
    if replaced <= max(2, decoded_wide // 100) and _mostly_text(damaged):
        return Decoded(damaged, "utf-8", replaced)
    # Chinese government text that is not UTF-8 is nearly always GB18030 (GBK,
    # GB2312) or Big5; try those strictly first, and let the detector decide
    # between them when both decode.
    candidates = []
    for name in ("gb18030", "big5"):
        try:
            candidates.append((name, data.decode(name)))
        except UnicodeDecodeError:
            continue
    if len(candidates) == 1 and _mostly_text(candidates[0][1]):
        return Decoded(candidates[0][1], candidates[0][0])
    if len(candidates) == 2:
        clear = _clearly_chinese(candidates)
        if clear is not None and _mostly_text(clear[1]):
            return Decoded(clear[1], clear[0])
    if not candidates:
        damaged_chinese = _damaged_chinese(data)
        if damaged_chinese is not None:
            return damaged_chinese
    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "utf_8"] if candidates else None).best()
    if best is not None:
        enc = _clean(best.encoding)
        enc = _WIDEN.get(enc, enc)
        try:
            text = data.decode(enc)
            if _mostly_text(text):
                return Decoded(text, enc)
        except (UnicodeDecodeError, LookupError):
            pass
    for name, text in candidates:
        if _mostly_text(text):
            return Decoded(text, name)
    raise DocumentError(
        "decode_error",
        "无法识别文件的文字编码（不是 UTF-8、GB18030/GBK、UTF-16 或 Big5 文本）。"
        "请确认这是一份文本报告，或用文本编辑器另存为 UTF-8 后重试。",
    )


# Where each encoding keeps the characters in everyday use: GB2312's first level
# (3,755 characters, lead bytes B0-D7) and Big5's frequent characters (A440-C67E).
# Text decoded with its own encoding is almost all in there; decoded with the
# other one, only about 40 % of it lands there by chance.
_COMMON_SHARE, _COMMON_MARGIN = 0.9, 0.3


def _common_share(text: str, encoding: str) -> float:
    cjk = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not cjk:
        return 0.0
    common = 0
    for ch in cjk:
        try:
            b = ch.encode("gb2312" if encoding == "gb18030" else "big5")
        except UnicodeEncodeError:
            continue
        code = int.from_bytes(b, "big")
        common += 0xB0A1 <= code <= 0xD7FE if encoding == "gb18030" else 0xA440 <= code <= 0xC67E
    return common / len(cjk)


def _clearly_chinese(candidates: list[tuple[str, str]]) -> tuple[str, str] | None:
    """Of a GB18030 and a Big5 decoding of the same bytes, the one whose Chinese
    characters are the everyday ones of its encoding, when that is clear (the
    detector weighs the whole file, and a page of markup with a few lines of
    Chinese can tip it the wrong way)."""
    shares = [(_common_share(text, name), name, text) for name, text in candidates]
    shares.sort(reverse=True)
    (best, name, text), (other, _, _) = shares
    if best >= _COMMON_SHARE and best - other >= _COMMON_MARGIN:
        return name, text
    return None


def _damaged_chinese(data: bytes) -> Decoded | None:
    """GB18030 or Big5 text with a few bytes that do not decode (a download cut inside
    a character, a damaged byte), those characters replaced and counted: when at most
    one in a hundred of its Chinese characters is lost, and the rest are clearly the
    everyday characters of that encoding (so that neither is taken for the other)."""
    for name in ("gb18030", "big5"):
        text = data.decode(name, errors="replace")
        replaced = text.count("\ufffd")
        chinese = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        if replaced <= max(2, chinese // 100) and _mostly_text(text) \
                and _common_share(text, name) >= _COMMON_SHARE:
            return Decoded(text, name, replaced)
    return None


def _plausible(ch: str) -> bool:
    o = ord(ch)
    return (0x20 <= o < 0x7F or ch in "\r\n\t" or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F or 0xA0 <= o <= 0xFF)


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" if ``data`` reads as Chinese or Western text in it, else None."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data[:65536]:
        return None
    best, best_score = None, 0.0
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        sample = text[:20000]
        score = sum(map(_plausible, sample)) / max(len(sample), 1)
        if score > best_score:
            best, best_score = name, score
    return best if best_score >= 0.95 else None


# Control characters other than tab, line feed, form feed and carriage return, and
# the replacement character: what text in the wrong encoding is full of.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def _mostly_text(text: str) -> bool:
    if not text:
        return False
    return len(_NOT_TEXT.findall(text)) <= max(2, len(text) // 100)
