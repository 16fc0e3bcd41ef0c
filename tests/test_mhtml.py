"""Web archives (.mht/.mhtml): the page part of a MIME message, read as a web page."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi.document.model import DocumentError
from fazhi.document.readers import extract, is_report_file

PAGE = ("<html><head><meta charset='utf-8'><title>{t}</title></head><body>"
        "<div class='TRS_Editor'><p>{t}</p><p>一、主要举措和成效</p><p>正文。</p></div></body></html>")


def message(*parts: tuple[str, str, bytes], start: str | None = None) -> bytes:
    """A multipart/related message of (content type, extra headers, body) parts."""
    b = "----=_Part_0"
    head = ("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            f'\ttype="text/html";\r\n\tboundary="{b}"'
            + (f';\r\n\tstart="<{start}>"' if start else "") + "\r\n\r\n")
    out = head.encode()
    for ctype, extra, body in parts:
        out += (f"--{b}\r\nContent-Type: {ctype}\r\n{extra}"
                "Content-Transfer-Encoding: 8bit\r\n\r\n").encode() + body + b"\r\n"
    return out + f"--{b}--\r\n".encode()


def lines(data: bytes, name: str = "a.mht") -> list[str]:
    ex = extract(Path(name), data)
    assert ex.format == "mhtml"
    return [ln.text for ln in ex.lines]


def test_the_page_part_is_read() -> None:
    html = PAGE.format(t="关于2022年法治政府建设情况的报告").encode("utf-8")
    data = message(("image/gif", "", b"GIF89a"), ("text/html; charset=utf-8", "", html))
    assert lines(data) == ["关于2022年法治政府建设情况的报告", "一、主要举措和成效", "正文。"]


def test_the_part_named_by_start_is_the_page() -> None:
    ad = PAGE.format(t="广告").encode("utf-8")
    page = PAGE.format(t="关于2022年法治政府建设情况的报告").encode("utf-8")
    data = message(("text/html; charset=utf-8", "Content-ID: <frame-1>\r\n", ad),
                   ("text/html; charset=utf-8", "Content-ID: <main-0>\r\n", page), start="main-0")
    assert lines(data, "a.mhtml")[0] == "关于2022年法治政府建设情况的报告"


def test_the_part_charset_wins_over_the_page_s_own_declaration() -> None:
    page = PAGE.replace("charset='utf-8'", "charset='gb2312'").format(t="法治政府建设报告")
    data = message(("text/html; charset=utf-8", "", page.encode("utf-8")))
    ex = extract(Path("a.mht"), data)
    assert ex.encoding == "utf-8" and ex.lines[0].text == "法治政府建设报告"


def test_a_page_saved_under_the_name_mht_is_read_as_a_page() -> None:
    assert lines(PAGE.format(t="法治政府建设报告").encode("utf-8"))[0] == "法治政府建设报告"


def test_an_archive_without_a_page_is_corrupt() -> None:
    with pytest.raises(DocumentError) as exc:
        extract(Path("a.mht"), message(("image/gif", "", b"GIF89a")))
    assert exc.value.code == "corrupt" and "另存为" in exc.value.message


def test_binary_data_under_the_name_mht() -> None:
    with pytest.raises(DocumentError) as exc:
        extract(Path("a.mht"), b"\x00\x01\x02PK\x00" * 100)
    assert exc.value.code == "binary"


@pytest.mark.parametrize("name", ["报告.mht", "报告.MHTML"])
def test_a_folder_walk_takes_archives(name: str) -> None:
    assert is_report_file(name)
