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
    text, enc = decode_bytes(encoded)
    assert text == TEXT
    assert enc == expected


def test_big5() -> None:
    trad = "關於2022年度法治政府建設工作的報告。一、主要舉措和成效：加強組織領導，推進依法行政。" * 3
    text, enc = decode_bytes(trad.encode("big5"))
    assert text == trad
    assert enc.startswith("big5")


def test_gbk_with_characters_outside_gb2312() -> None:
    s = "镕基 喆 堃 𠀀" + TEXT
    text, enc = decode_bytes(s.encode("gb18030"))
    assert text == s and enc == "gb18030"


def test_undecodable_is_a_coded_error() -> None:
    with pytest.raises(DocumentError) as exc:
        decode_bytes(bytes(range(128, 256)) * 20 + b"\x00\x01\x02" * 50)
    assert exc.value.code == "decode_error"
