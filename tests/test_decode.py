import pytest

from fazhi.document.decode import decode_bytes
from fazhi.document.model import DocumentError

TEXT = "关于2022年度法治政府建设工作的报告\n一、主要举措和成效（一）加强组织领导。"


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8 (BOM)"),
        (TEXT.encode("utf-16"), "utf-16 (BOM)"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb2312"), "gb18030"),
    ],
)
def test_decodes_each_encoding(encoded: bytes, expected: str) -> None:
    text, enc, replaced = decode_bytes(encoded)
    assert text == TEXT
    assert enc == expected
    assert replaced == 0


def test_big5() -> None:
    trad = "關於2022年度法治政府建設工作的報告。一、主要舉措和成效：加強組織領導，推進依法行政。" * 3
    text, enc, _ = decode_bytes(trad.encode("big5"))
    assert text == trad
    assert enc.startswith("big5")


def test_gbk_with_characters_outside_gb2312() -> None:
    s = "镕基 喆 堃 𠀀" + TEXT
    text, enc, _ = decode_bytes(s.encode("gb18030"))
    assert text == s and enc == "gb18030"


def test_undecodable_is_a_coded_error() -> None:
    with pytest.raises(DocumentError) as exc:
        decode_bytes(bytes(range(128, 256)) * 20 + b"\x00\x01\x02" * 50)
    assert exc.value.code == "decode_error"


LONG = TEXT * 40


def test_utf8_cut_in_the_middle_of_a_character_is_read_with_one_replacement() -> None:
    """A download that stopped inside a character is a UTF-8 text with one bad end."""
    data = LONG.encode("utf-8")
    cut = data[:-2]  # inside the last character (3 bytes)
    text, enc, replaced = decode_bytes(cut)
    assert (enc, replaced) == ("utf-8", 1)
    assert text == LONG[:-1] + "\ufffd"


def test_a_few_flipped_bytes_in_utf8_are_replaced_and_counted() -> None:
    data = bytearray(LONG.encode("utf-8"))
    for i in (100, 900, 1700):
        data[i] = 0xFF
    text, enc, replaced = decode_bytes(bytes(data))
    assert enc == "utf-8" and 3 <= replaced <= 9  # a bad lead byte can cost its followers too
    assert text.count("法治政府") >= LONG.count("法治政府") - 3


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "big5"])
def test_other_encodings_are_not_taken_for_damaged_utf8(encoding: str) -> None:
    """Read as UTF-8, GBK or Big5 text loses nearly every Chinese character: far
    above the damage limit, so it is decoded as what it is."""
    source = "關於法治政府建設工作的報告。" * 40 if encoding == "big5" else LONG
    text, enc, replaced = decode_bytes(source.encode(encoding))
    assert replaced == 0 and text == source and enc != "utf-8"


def test_much_damaged_utf8_is_still_an_error() -> None:
    data = bytearray(LONG.encode("utf-8"))
    for i in range(0, len(data), 40):
        data[i] = 0xFF
    with pytest.raises(DocumentError):
        decode_bytes(bytes(data))


def test_a_gbk_page_mostly_ascii_is_not_taken_for_damaged_utf8() -> None:
    """Lots of ASCII (markup) around a little Chinese: the share of lost characters
    among the non-ASCII ones decides, not among all."""
    text = ("<p>" + "x" * 400 + "</p>\n") * 200 + LONG[:200]
    _, enc, replaced = decode_bytes(text.encode("gbk"))
    assert replaced == 0 and enc != "utf-8"


def test_gbk_page_with_little_chinese_in_much_markup_is_not_big5() -> None:
    """These GBK bytes are valid Big5 too; in 400 lines of markup the detector took Big5."""
    zh = "执法水平与法治政府建设要求存在一定差距，特别是运用法治思维和依法行政能力有待提升。"
    page = "<html><body>" + "<div class='nav'>home | news | about</div>\n" * 400 + \
        f"<p>{zh}</p></body></html>"
    data = page.encode("gbk")
    data.decode("big5")  # both decode: the choice is the point
    text, enc, _ = decode_bytes(data)
    assert enc == "gb18030" and zh in text


def test_big5_page_with_little_chinese_in_much_markup() -> None:
    trad = "關於2022年度法治政府建設工作的報告。一、主要舉措和成效：加強組織領導，推進依法行政。"
    page = "<html><body>" + "<div class='nav'>home | news | about</div>\n" * 400 + \
        f"<p>{trad}</p></body></html>"
    data = page.encode("big5")
    data.decode("gb18030")
    text, enc, _ = decode_bytes(data)
    assert enc.startswith("big5") and trad in text


# Chinese government text that is not UTF-8 is mostly GBK: a download cut inside a
# character or a few damaged bytes must not make it "an unknown encoding".
@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_cut_in_the_middle_of_a_character_is_read_with_one_replacement(encoding: str
                                                                          ) -> None:
    data = LONG.encode(encoding)[:-1]  # inside the last character (2 bytes)
    text, enc, replaced = decode_bytes(data)
    assert (enc, replaced) == ("gb18030", 1)
    assert text == LONG[:-1] + "\ufffd"


def test_a_few_damaged_bytes_in_gbk_are_replaced_and_counted() -> None:
    data = bytearray(LONG.encode("gbk"))
    for i in (101, 901, 1701):
        data[i] = 0xFF  # 0xFF is never part of a GBK character
    text, enc, replaced = decode_bytes(bytes(data))
    assert enc == "gb18030" and 1 <= replaced <= 6
    assert text.count("法治政府") >= LONG.count("法治政府") - 3


def test_big5_cut_in_the_middle_of_a_character_is_read_as_big5() -> None:
    trad = "關於2022年度法治政府建設工作的報告。一、主要舉措和成效：加強組織領導，推進依法行政。" * 20
    text, enc, replaced = decode_bytes(trad.encode("big5")[:-1])
    assert enc.startswith("big5") and replaced == 1 and text.startswith(trad[:-1])


def test_much_damaged_gbk_is_still_an_error() -> None:
    data = bytearray(LONG.encode("gbk"))
    for i in range(1, len(data), 20):
        data[i] = 0xFF
    with pytest.raises(DocumentError):
        decode_bytes(bytes(data))
