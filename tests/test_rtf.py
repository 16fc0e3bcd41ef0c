"""RTF files: read as the .doc of the same document.

The fixtures in tests/data/office were saved by LibreOffice from the same sources
as the .doc ones (see make.py there; the five reports are judged as their text
in test_doc.py); a Word-style snippet (GBK bytes under fonts of charset 134,
list numbers in listtext groups) is written here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import OFFICE, REPORTS
from conftest import office_lines as lines
from fazhi.document.model import DocumentError
from fazhi.document.normalize import normalize_text
from fazhi.document.readers import Limits, extract

HERE = OFFICE
NAMES = [p.stem for p in sorted(REPORTS.glob("*.txt"))]


@pytest.mark.parametrize("name", ["tables-fields", "tracked-changes", "list-levels"])
def test_reads_as_the_doc_of_the_same_document(name: str) -> None:
    """Tables, fields, footnotes, headers, tracked changes, hidden text and list
    levels: the same lines as the .doc that LibreOffice saved from the same source
    (but for the tab that RTF keeps after a list number)."""
    def bare(path: Path) -> list[str]:
        return [x.replace(" ", "") for x in lines(path)]

    assert bare(HERE / f"{name}.rtf") == bare(HERE / f"{name}.doc")


WORD_STYLE = (
    rb"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\froman\fcharset0 Times New Roman;}"
    rb"{\f13\fnil\fcharset134 \'cb\'ce\'cc\'e5;}}{\colortbl;\red0\green0\blue0;}"
    rb"{\*\generator Microsoft Word 11.0;}{\info{\title \'b1\'ea\'cc\'e2}}"
    rb"{\header \pard\plain \f13 \'d2\'b3\'c3\'bc\par}"
    rb"\pard\plain \f13 \'c6\'bd\'b0\'b2\'cf\'d8\'cb\'be\'b7\'a8\'be\'d6\par"
    rb"{\listtext\pard\plain \f13 \'d2\'bb\'a1\'a2\tab}\pard\plain \f13 \'d6\'f7\'d2\'aa\'be\'d9"
    rb"\'b4\'eb{\v \'d2\'fe\'b2\'d8}{\deleted \'c9\'be\'b3\'fd}\par"
    rb"\pard\plain\f0 Fields: {\field{\*\fldinst HYPERLINK \"http://x\"}{\fldrslt link}}"
    rb"\uc2\u27861\'3f\'3f\u27835 ?\'3f{\footnote \pard note\par}{\*\shppict{\pict\bin4 \x00}\x7d\x7b}"
    rb"\par\trowd\pard\intbl\plain\f13 \'ca\'c2\'cf\'ee\cell 12\par 3\cell\row"
    rb"\pard\plain\f13 \'bd\'e1\'ce\'b2\line \'cf\'c2\'d2\'bb\'d0\'d0\par}")


def test_word_style_rtf(tmp_path: Path) -> None:
    """GBK bytes under a font of charset 134; the list number from its listtext group;
    hidden text, a tracked deletion, a header, a footnote, document information and
    a field's instruction left out; \\ucN fallback characters skipped; a picture's
    \\binN bytes passed over even when they look like braces; a table row on one
    line, a cell's two paragraphs joined; a line break."""
    p = tmp_path / "word.rtf"
    p.write_bytes(WORD_STYLE)
    assert lines(p) == ["平安县司法局", "一、 主要举措", "Fields: link法治", "事项 | 12 3", "结尾",
                        "下一行"]


def test_an_rtf_saved_as_doc_is_read_as_rtf(tmp_path: Path) -> None:
    p = tmp_path / "report.doc"
    shutil.copy(HERE / "zhengqi-2022.rtf", p)
    ex = extract(p, p.read_bytes(), Limits())
    assert ex.format == "rtf"
    assert [normalize_text(ln.text) for ln in ex.lines] == \
        [normalize_text(ln) for ln in lines(HERE / "zhengqi-2022.rtf")]


@pytest.mark.parametrize(("data", "code"), [
    (b"not rtf at all", "corrupt"),
    (b"{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}}", "empty"),
    (b"{\\rtf1" + b"{" * 5000 + b"x" + b"}" * 5000 + b"}", "corrupt"),
])
def test_bad_rtf_is_a_coded_error(tmp_path: Path, data: bytes, code: str) -> None:
    p = tmp_path / "bad.rtf"
    p.write_bytes(data)
    with pytest.raises(DocumentError) as err:
        extract(p, data, Limits())
    assert err.value.code == code


def test_unbalanced_braces_and_a_cut_file_still_read(tmp_path: Path) -> None:
    data = (HERE / "zhengqi-2022.rtf").read_bytes()
    p = tmp_path / "cut.rtf"
    got = lines(p, data[: len(data) * 2 // 3] + b"}}}}}")
    assert got and got == lines(HERE / "zhengqi-2022.rtf")[: len(got) - 1] + got[-1:]


def test_a_backslash_before_a_line_end_ends_the_paragraph(tmp_path: Path) -> None:
    p = tmp_path / "a.rtf"
    data = b"{\\rtf1\\ansi\\ansicpg936 \\'c6\\'bd\\'b0\\'b2\\\n\\'cf\\'d8\\'81\\'30\\'81\\'30\\par}"
    # GB18030's four-byte characters read too (GBK has no 0x81 0x30 0x81 0x30)
    assert lines(p, data) == ["平安", "县\x80"]


def test_a_character_written_as_a_surrogate_pair(tmp_path: Path) -> None:
    """RTF writes a character beyond U+FFFF (𠀾, in a place name) as two \\uN: they
    are one character; a lone half (a damaged file) is U+FFFD. Either way the report
    is checked and its JSON written: a lone surrogate cannot be encoded as UTF-8."""
    import json

    from click.testing import CliRunner

    from fazhi.cli import main

    body = REPORTS.joinpath("zhengqi-2022.txt").read_text("utf-8").replace("\n", "\\par ")
    escaped = "".join(ch if ord(ch) < 128 else f"\\u{ord(ch) - 65536 if ord(ch) > 32767 else ord(ch)}?"
                      for ch in body)
    path = tmp_path / "r.rtf"
    path.write_text("{\\rtf1\\ansi\\uc1 \\u-10176?\\u-9154?\\u20065?\\u-10179? " + escaped + "}",
                    encoding="ascii")
    assert lines(path)[0].startswith("\U0002003e乡\ufffd")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    report, = json.loads(result.stdout)["reports"]
    assert report["status"] == "checked", report["error"]
