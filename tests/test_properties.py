"""Property tests: whatever the bytes, reading ends in a document or a coded error.

Random bytes under every supported extension, damaged copies of real .docx,
.doc, .rtf, .odt, .pdf, .ofd and .html files and of a .zip of reports, and random cuts, insertions and encodings of the
dev reports, and web pages with control characters and references spliced in,
never raise out of the readers or the engine. The readers' own
errors must be coded (the engine's ``internal_error`` guard is not needed).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docbuild
from conftest import REPORTS
from fazhi.document.load import build_document
from fazhi.document.model import DocumentError
from fazhi.document.readers import Limits, extract, supported_suffixes
from fazhi.engine import Engine

CODES = {"empty", "binary", "decode_error", "corrupt", "encrypted", "no_text_layer", "zip_bomb",
         "too_large", "unsupported_format", "unreadable"}
TEXTS = {p.name: p.read_text("utf-8") for p in sorted(REPORTS.glob("*.txt"))}
DOC_FIXTURES = Path(__file__).parent / "data" / "office"
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def read_all_the_way(engine: Engine, name: str, data: bytes) -> None:
    """Reader + document stage + engine on ``data`` saved as ``name``."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / name
        path.write_bytes(data)
        try:
            build_document(extract(path, data, Limits()), engine.book.document)
        except DocumentError as exc:
            assert exc.code in CODES, exc.code
            assert exc.message
        result = engine.check_path(path)
        if result.status == "error":
            assert result.error is not None and result.error.code in CODES, result.error
        else:
            assert len(result.results) == len(engine.book.rules)


@SETTINGS
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(supported_suffixes() + [".doc", ""]))
def test_random_bytes_under_every_extension(engine: Engine, data: bytes, suffix: str) -> None:
    read_all_the_way(engine, f"random{suffix}", data)


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    d = tmp_path_factory.mktemp("samples")
    lines = docbuild.report_lines(REPORTS / "yuanquan-2022.txt")
    return {
        ".docx": docbuild.make_docx(lines, d / "s.docx").read_bytes(),
        ".pdf": docbuild.make_pdf(lines, d / "s.pdf").read_bytes(),
        ".ofd": docbuild.make_ofd(lines, d / "s.ofd").read_bytes(),
        ".html": docbuild.make_html(lines, d / "s.html").read_bytes(),
        ".doc": (DOC_FIXTURES / "yuanquan-2022.doc").read_bytes(),
        ".wps": (DOC_FIXTURES / "tables-fields.doc").read_bytes(),  # tables and fields
        ".rtf": (DOC_FIXTURES / "tables-fields.rtf").read_bytes(),
        ".odt": (DOC_FIXTURES / "list-levels.odt").read_bytes(),
        ".zip": _zip_of(REPORTS / "yuanquan-2022.txt", DOC_FIXTURES / "tables-fields.doc"),
    }


def _zip_of(*files: Path) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for f in files:
            z.write(f, f"乡镇/{f.name}")
    return buf.getvalue()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suffix=st.sampled_from([".docx", ".doc", ".wps", ".rtf", ".odt", ".pdf", ".ofd", ".html",
                               ".zip"]),
       cut=st.floats(0, 1), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(1, 255)),
                                           max_size=8))
def test_damaged_real_files(engine: Engine, samples: dict[str, bytes], suffix: str, cut: float,
                            flips: list[tuple[float, int]]) -> None:
    data = bytearray(samples[suffix])
    for where, mask in flips:
        i = min(int(where * len(data)), len(data) - 1)
        data[i] ^= mask
    data = data[: max(1, int(len(data) * (0.05 + 0.95 * cut)))]
    read_all_the_way(engine, f"damaged{suffix}", bytes(data))


def excerpt(name: str, start: float, length: float) -> str:
    """A stretch of a dev report: from ``start`` (0–1) for ``length`` (0–1) of the rest."""
    text = TEXTS[name]
    a = int(start * len(text))
    return text[a: a + int(length * (len(text) - a)) + 1]


ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "big5"]


@SETTINGS
@given(name=st.sampled_from(sorted(TEXTS)), start=st.floats(0, 1), length=st.floats(0, 1),
       insert=st.text(max_size=200), where=st.floats(0, 1), encoding=st.sampled_from(ENCODINGS),
       crlf=st.booleans())
def test_cut_insert_and_encode_a_report(engine: Engine, name: str, start: float, length: float,
                                        insert: str, where: float, encoding: str,
                                        crlf: bool) -> None:
    text = excerpt(name, start, length)
    i = int(where * len(text))
    text = text[:i] + insert + text[i:]
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding, errors="replace")
    read_all_the_way(engine, "report.txt", data)


@SETTINGS
@given(name=st.sampled_from(sorted(TEXTS)), start=st.floats(0, 1), length=st.floats(0, 1),
       encoding=st.sampled_from(["utf-8", "gb18030", "gbk"]),
       junk=st.text(alphabet=st.sampled_from("<>/&;\"'=pdivbrtable \n一、（）。"), max_size=80))
def test_web_page_fragments(engine: Engine, name: str, start: float, length: float,
                            encoding: str, junk: str) -> None:
    body = excerpt(name, start, length)
    page = (f'<html><head><meta charset="{encoding}"></head><body>{junk}'
            f'<div class="TRS_Editor">{body.replace(chr(10), "<br>")}</div>{junk}</body></html>')
    read_all_the_way(engine, "page.html", page.encode(encoding, errors="replace"))


# What a page can hold that lxml refuses in text it is given: control characters, as
# characters and as references, around elements the reader drops (whose tails move).
PAGE_TOKENS = ["<script>x</script>", "<style>p{}</style>", "<p>", "</p>", "<br>", "<div>",
               "</div>", "&#11;", "&#1;", "&#0;", "&#12;", "&#xFFFE;", "&#xD800;", "&amp;",
               "\x0b", "\x0c", "\x01", "\x1f", "\u2028", "<!--", "-->", "一、", "（一）", "。"]


@SETTINGS
@given(name=st.sampled_from(sorted(TEXTS)), start=st.floats(0, 1), length=st.floats(0, 1),
       where=st.floats(0, 1), suffix=st.sampled_from([".html", ".mht"]),
       junk=st.lists(st.sampled_from(PAGE_TOKENS), max_size=30).map("".join))
def test_web_page_with_controls_and_references(engine: Engine, name: str, start: float,
                                               length: float, where: float, suffix: str,
                                               junk: str) -> None:
    body = excerpt(name, start, length)
    i = int(where * len(body))
    body = body[:i] + junk + body[i:]
    page = ('<html><head><meta charset="utf-8"></head><body><script>x</script>'
            f'{junk}<div class="TRS_Editor">{body.replace(chr(10), "<p>")}</div></body></html>')
    if suffix == ".mht":
        page = ('MIME-Version: 1.0\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n'
                + page)
    read_all_the_way(engine, f"page{suffix}", page.encode("utf-8"))


_DATE_ENDS = ["二〇二三年十二月三十一日", "2023年12月31日", "2023年1月", "2023-12-31", "2023.1.5",
              "二〇二三年十二月", "12023-12-31", "2023年12月31", "一二三四年五月六号"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="2024年12月31日号一二〇零十.-/ 报告镇", max_size=40), st.sampled_from(_DATE_ENDS))
def test_a_date_at_the_end_is_found_in_the_tail_as_in_the_whole_line(s: str, end: str) -> None:
    """``date_at_end`` searches only a line's last characters: the same match as a
    search of the whole line."""
    from fazhi.document.dates import DATE_AT_END_RE, date_at_end

    for line in (s, s + end):
        whole, tail = DATE_AT_END_RE.search(line), date_at_end(line)
        assert (whole and whole.span()) == (tail and tail.span())
