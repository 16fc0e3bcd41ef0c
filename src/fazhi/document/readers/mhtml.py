"""Web archives (.mht, .mhtml): a web page a browser saved as one file.

Internet Explorer and the browsers built on it (360 and others common in
government offices) save a page as "网页，单个文件" (.mht); Chrome and Edge as
.mhtml. Either is a MIME message (RFC 2557): the page's HTML in one part,
quoted-printable or base64, and its images and styles in the others. The
HTML part (the one the message's ``start`` parameter names, else the first
``text/html`` part) is decoded with the charset its part declares (GB2312 and
GBK read as their superset GB18030), since a browser may re-encode the page
and leave its ``<meta charset>`` as it was; without a usable charset, as a
page decodes itself (:func:`~fazhi.document.readers.html.decode_html`). Then
it is read as a web page (:mod:`fazhi.document.readers.html`). A file named
.mht that is a page itself, not a MIME message, is read as that page.
"""

from __future__ import annotations

import codecs
import email
import re
from email import policy
from email.message import Message

from fazhi.document.decode import Decoded
from fazhi.document.model import DocumentError, Extracted
from fazhi.document.readers.html import codec_for, decode_html, read_page
from fazhi.document.readers.limits import Limits

_MIME_HEAD = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?content-type:\s*multipart/",
                        re.IGNORECASE)


def _is_mime(data: bytes) -> bool:
    return _MIME_HEAD.match(data[:8192].lstrip()) is not None


def _html_part(msg: Message) -> Message | None:
    parts = [p for p in msg.walk() if not p.is_multipart() and p.get_content_type() == "text/html"]
    start = msg.get_param("start")
    if isinstance(start, str) and start:
        want = start.strip().strip("<>")
        for p in parts:
            ids = {(p.get("Content-ID") or "").strip().strip("<>"), (p.get("Content-Location") or "").strip()}
            if want in ids:
                return p
    return parts[0] if parts else None


def _decode(part: Message, payload: bytes) -> Decoded:
    charset = part.get_content_charset()
    codec = codec_for(charset) if charset else None
    if codec is not None:
        try:
            return Decoded(payload.decode(codec), codec)
        except UnicodeDecodeError:
            pass
    return decode_html(payload)


def read(data: bytes, path: str, limits: Limits) -> Extracted:
    if not _is_mime(data):
        if b"\x00" in data[:4096] and data[:2] not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            raise DocumentError("binary", "文件内容是二进制数据，不是网页存档（扩展名可能有误）。"
                                "请确认文件格式后重试。")
        return read_page(decode_html(data), limits, fmt="mhtml")
    msg = email.message_from_bytes(data, policy=policy.compat32)
    part = _html_part(msg)
    payload = part.get_payload(decode=True) if part is not None else None
    if part is None or not isinstance(payload, bytes) or not payload.strip():
        raise DocumentError("corrupt", "网页存档中没有网页正文（文件可能保存或下载不完整）。"
                            "请用浏览器打开该文件，另存为 .html 或打印为 PDF 后重试。")
    return read_page(_decode(part, payload), limits, fmt="mhtml")
