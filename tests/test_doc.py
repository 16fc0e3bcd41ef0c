"""Word 97-2003 (.doc) files: read as their text, judged as their text.

The fixtures in tests/data/office were saved by LibreOffice (tests/data/office/make.py,
which also checks fazhi's reading of each against LibreOffice's own): the five
dev reports with every heading number as automatic numbering, and a page with a
table, fields, a footnote, a line break, a header and a footer.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import olefile
import pytest
from click.testing import CliRunner

from conftest import OFFICE, REPORTS, statuses, tables_fields_lines
from conftest import office_lines as lines
from fazhi.cli import main
from fazhi.document.model import DocumentError
from fazhi.document.normalize import normalize_text
from fazhi.document.readers import Limits, extract
from fazhi.document.readers.docprops import Pap, apply, sprms
from fazhi.engine import Engine

HERE = OFFICE
NAMES = [p.stem for p in sorted(REPORTS.glob("*.txt"))]


@pytest.mark.parametrize("fmt", ["doc", "rtf", "odt"])
@pytest.mark.parametrize("name", NAMES)
def test_a_numbered_doc_is_judged_as_its_text(engine: Engine, name: str, fmt: str) -> None:
    """Every heading number of these files is automatic numbering, stored outside
    the text (.doc: list tables; .odt: list styles) or as a listtext group beside
    it (.rtf): the reader writes it out (一、 （一） 1、 （1）) as Word shows it, so
    the paragraphs, the outline and every judgement are those of the .txt."""
    doc, txt = HERE / f"{name}.{fmt}", REPORTS / f"{name}.txt"
    result, base = engine.check_path(doc), engine.check_path(txt)
    assert result.status == "checked" and result.format == fmt and result.encoding is None
    assert statuses(result) == statuses(base)
    assert result.meta == base.meta and result.warnings == []
    assert [p.norm for p in engine.load(doc).paragraphs] == \
        [p.norm for p in engine.load(txt).paragraphs]
    assert [(normalize_text(e.heading), e.kind) for e in result.outline] == \
        [(normalize_text(e.heading), e.kind) for e in base.outline]


def test_numbers_come_out_as_word_shows_them() -> None:
    got = lines(HERE / "yuanquan-2022.doc")
    typed = [ln.strip(" \u3000") for ln in (REPORTS / "yuanquan-2022.txt").read_text("utf-8")
             .splitlines() if ln.strip()]
    assert "二、党政主要负责人履行推进法治建设第一责任人职责情况" in got
    assert [normalize_text(x) for x in got] == [normalize_text(x) for x in typed]


def test_tables_fields_footnotes_headers() -> None:
    """A table row is one line (cells joined by " | ", as for .docx); a field shows its
    result, not its code; a footnote's mark and text, the header and the footer are
    left out; a line break inside a paragraph starts a new line."""
    assert lines(HERE / "tables-fields.doc") == tables_fields_lines("1")
    ex = extract(HERE / "tables-fields.doc", (HERE / "tables-fields.doc").read_bytes(), Limits())
    assert [ln.loc.paragraph for ln in ex.lines] == [1, 2, 3, 4, 4, 5, 6, 7, 8, 9]


@pytest.mark.parametrize("name", ["report.wps", "report.docx", "report", "report.DOC"])
def test_a_word_binary_file_is_read_whatever_its_name(tmp_path: Path, name: str) -> None:
    """WPS saves .wps in Word's binary format, and users rename files: the content decides."""
    p = tmp_path / name
    shutil.copy(HERE / "zhengqi-2022.doc", p)
    assert lines(p) == lines(HERE / "zhengqi-2022.doc")


def _with_word_stream(tmp_path: Path, change: int, bit: int) -> Path:
    p = tmp_path / "changed.doc"
    shutil.copy(HERE / "zhengqi-2022.doc", p)
    with olefile.OleFileIO(str(p), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        word[change] |= bit
        ole.write_stream("WordDocument", bytes(word))
    return p


def test_a_password_protected_doc_is_encrypted(tmp_path: Path) -> None:
    p = _with_word_stream(tmp_path, 0x0B, 0x01)  # the FIB's fEncrypted
    with pytest.raises(DocumentError) as err:
        extract(p, p.read_bytes(), Limits())
    assert err.value.code == "encrypted" and "密码" in err.value.message


def test_an_office_file_without_a_word_document_is_unsupported(tmp_path: Path) -> None:
    data = (HERE / "zhengqi-2022.doc").read_bytes()
    name = "WordDocument".encode("utf-16-le")
    assert data.count(name) == 1
    p = tmp_path / "sheet.et"
    p.write_bytes(data.replace(name, "SheetContent".encode("utf-16-le")))
    with pytest.raises(DocumentError) as err:
        extract(p, p.read_bytes(), Limits())
    assert err.value.code == "unsupported_format"
    assert "没有 Word 正文" in err.value.message and "另存为" in err.value.message
    assert ".doc" in err.value.message and ".docx" in err.value.message


@pytest.mark.parametrize(("cut", "code"), [(0.3, "corrupt"), (0.9, "corrupt")])
def test_a_cut_doc_is_corrupt(tmp_path: Path, cut: float, code: str) -> None:
    data = (HERE / "jiangjia-2022.doc").read_bytes()
    p = tmp_path / "cut.doc"
    p.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(DocumentError) as err:
        extract(p, p.read_bytes(), Limits())
    assert err.value.code == code and "Word 97-2003" in err.value.message


def test_a_web_page_saved_as_doc_is_read_as_a_web_page(tmp_path: Path) -> None:
    """Some sites serve a page of HTML (Word's "save as web page") named .doc."""
    text = (REPORTS / "zhengqi-2022.txt").read_text("utf-8")
    body = "".join(f"<p>{ln}</p>\n" for ln in text.splitlines() if ln.strip())
    p = tmp_path / "report.doc"
    p.write_text('<html xmlns:w="urn:schemas-microsoft-com:office:word"><head>'
                 f'<meta charset="utf-8"></head><body>{body}</body></html>', "utf-8")
    ex = extract(p, p.read_bytes(), Limits())
    assert ex.format == "html"
    assert [normalize_text(ln.text) for ln in ex.lines][:3] == \
        [normalize_text(ln) for ln in text.splitlines() if ln.strip()][:3]


def test_property_modifiers() -> None:
    """sprms in a grpprl: the operand's size from the sprm, a variable one from its
    first byte, sprmTDefTable's from two bytes; one that runs past the end stops."""
    grpprl = bytes.fromhex(
        "1624" "01"  # sprmPFInTable 1
        "08d6" "0300" "aabb"  # sprmTDefTable: two-byte length 3 → 2 more bytes
        "0a26" "02"  # sprmPIlvl 2
        "0b46" "0500"  # sprmPIlfo 5
        "1724" "01"  # sprmPFTtp 1
        "0bc6" "02aa")  # a variable-length sprm cut short: ignored
    assert [hex(s) for s, _ in sprms(grpprl)] == ["0x2416", "0xd608", "0x260a", "0x460b",
                                                  "0x2417"]
    assert apply(grpprl, Pap()) == Pap(in_table=True, row_end=True, ilfo=5, ilvl=2)


def test_a_folder_of_doc_files_is_checked(tmp_path: Path) -> None:
    for name in ("yuanquan-2022", "zhengqi-2022"):
        shutil.copy(HERE / f"{name}.doc", tmp_path / f"{name}.doc")
    r = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    reports = json.loads(r.stdout)["reports"]
    assert [x["status"] for x in reports] == ["checked", "checked"]
    assert {x["format"] for x in reports} == {"doc"}


def test_tracked_deletions_and_hidden_text_are_left_out() -> None:
    """As Word shows the document (and as the .docx reader reads w:del and w:vanish):
    a deletion still tracked and hidden text are not read; a tracked insertion is."""
    assert lines(HERE / "tracked-changes.doc") == [
        "第一段保留，这里接着写。",
        "第二段新插入的文字也保留。",
        "第三段有不显示。",
    ]


def test_a_word_95_document_says_to_save_it_again(tmp_path: Path) -> None:
    p = tmp_path / "old.doc"
    shutil.copy(HERE / "zhengqi-2022.doc", p)
    with olefile.OleFileIO(str(p), write_mode=True) as ole:
        word = bytearray(ole.openstream("WordDocument").read())
        word[2:4] = (0x68).to_bytes(2, "little")  # nFib of Word 95
        ole.write_stream("WordDocument", bytes(word))
    with pytest.raises(DocumentError) as err:
        extract(p, p.read_bytes(), Limits())
    assert err.value.code == "unsupported_format" and "Word 6.0/95" in err.value.message


def test_compressed_and_unicode_pieces() -> None:
    """Word stores a stretch of plain Latin text one byte a character ("compressed",
    its position doubled in the piece table) and the rest as UTF-16; a surrogate
    pair counts as two characters of the document until the text is cleaned."""
    from fazhi.document.readers.doc import _clean, _pieces, _text

    word = b"\0" * 16 + b"Plain 2023\r" + "法治𠀀\r".encode("utf-16-le")
    # Clx: one Prc to skip, then the Pcdt: 3 character positions, 2 piece descriptors
    plc = (b"".join(n.to_bytes(4, "little") for n in (0, 11, 16))
           + b"\0\0" + ((16 * 2) | 0x40000000).to_bytes(4, "little") + b"\0\0"
           + b"\0\0" + (27).to_bytes(4, "little") + b"\0\0")
    clx = b"\x01\x02\x00ab" + b"\x02" + len(plc).to_bytes(4, "little") + plc
    pieces = _pieces(clx)
    assert [(p.first, p.after, p.offset, p.compressed) for p in pieces] == \
        [(0, 11, 16, True), (11, 16, 27, False)]
    assert pieces[0].fc(5) == 21 and pieces[1].fc(12) == 29
    text = _text(word, pieces, 16)
    assert len(text) == 16 and _clean(text) == "Plain 2023\r法治𠀀\r"


def test_list_levels_count_and_restart() -> None:
    """A second level (（一）) under a first (一、): each counts on its own, and the
    first level goes on from where it was."""
    assert lines(HERE / "list-levels.doc") == [
        "平安县司法局关于2023年度法治政府建设情况的报告",
        "一、主要举措和成效",
        "全年办理行政复议案件12件。",
        "（一）加强法治宣传",
        "开展普法活动30场。",
        "二、存在的不足和原因",
        "执法力量不足。",
    ]


def test_a_styles_numbering_applies_to_its_paragraphs() -> None:
    """A paragraph style's list and level (a heading style tied to a multilevel list,
    as Word templates do) hold for paragraphs of that style, through its base style;
    a paragraph's own properties override them."""
    from fazhi.document.readers.docprops import styles

    def std(stk_base: int, name: str, papx: bytes) -> bytes:
        base = (0).to_bytes(2, "little") + stk_base.to_bytes(2, "little") \
            + (2 | (0 << 4)).to_bytes(2, "little") + b"\0" * 4 + b"\0" * 8  # StdfBase + Post2000
        xstz = len(name).to_bytes(2, "little") + name.encode("utf-16-le") + b"\0\0"
        upx = (0).to_bytes(2, "little") + papx  # UpxPapx: istd, then the sprms
        body = base + xstz + len(upx).to_bytes(2, "little") + upx
        return len(body).to_bytes(2, "little") + body

    normal = std(1 | (0x0FFF << 4), "Normal", b"")
    heading = std(1 | (0 << 4), "heading 1", bytes.fromhex("0b46" "0300" "0a26" "01"))
    child = std(1 | (1 << 4), "heading child", bytes.fromhex("1624" "01"))
    character = std(2 | (0x0FFF << 4), "Default Font", bytes.fromhex("0b46" "0900"))
    stshi = (4).to_bytes(2, "little") + (18).to_bytes(2, "little") + b"\0" * 14
    stsh = len(stshi).to_bytes(2, "little") + stshi + normal + heading + child + character
    table = b"\0" * 7 + stsh
    got = styles(table, (7, len(stsh)))
    assert got[0] == Pap()
    assert got[1] == Pap(ilfo=3, ilvl=1)
    assert got[2] == Pap(in_table=True, ilfo=3, ilvl=1)  # through its base style
    assert 3 not in got  # a character style holds no paragraph properties
    assert apply(bytes.fromhex("0b46" "0000"), got[1]).ilfo == 0  # the paragraph says: none


def test_field_codes_are_masked_and_results_kept() -> None:
    """Nested fields, a field with no result, and one a damaged file never closes
    (its code runs to the end of its paragraph, not of the document)."""
    from fazhi.document.readers.doc import _mask_field_codes

    text = ("a\x13 HYPERLINK x \x14link\x15b\x13 IF \x13 REF y \x14r\x15 \x14shown\x15"
            "c\x13 TOC \x15d\x13 code\rmore")
    out = _mask_field_codes(text)
    assert len(out) == len(text)  # one for one: positions keep matching the document's
    assert out.replace("\x00", "") == "alinkbshowncd\rmore"


@pytest.mark.parametrize(("source", "name", "fmt"), [
    ("docx", "report.doc", "docx"), ("docx", "report.wps", "docx"), ("rtf", "report.docx", "rtf"),
    ("doc", "report.rtf", "doc"), ("html", "report.docx", "html")])
def test_a_word_name_is_read_by_what_the_file_is(tmp_path: Path, engine: Engine, source: str,
                                                 name: str, fmt: str) -> None:
    """Users rename files (a .docx saved as "report.doc"), and some systems save RTF
    or a web page under a Word name: the content decides the reader."""
    import docbuild

    lines = docbuild.report_lines(REPORTS / "zhengqi-2022.txt")
    src = {"docx": lambda: docbuild.make_docx(lines, tmp_path / "s.docx"),
           "html": lambda: docbuild.make_html(lines, tmp_path / "s.html"),
           "rtf": lambda: HERE / "zhengqi-2022.rtf", "doc": lambda: HERE / "zhengqi-2022.doc"}[source]()
    p = tmp_path / name
    shutil.copy(src, p)
    result = engine.check_path(p)
    assert result.status == "checked" and result.format == fmt
    assert statuses(result) == statuses(engine.check_path(REPORTS / "zhengqi-2022.txt"))


def test_wps_files(tmp_path: Path) -> None:
    """WPS Writer's .wps is Word's binary format with extensions: read as a .doc.
    An older, non-OLE .wps says what it is; a folder of .wps files is checked."""
    shutil.copy(HERE / "zhengqi-2022.doc", tmp_path / "郑旗乡.wps")
    old = tmp_path / "old.wps"
    old.write_bytes(b"\xff\x00WPS DOS document" * 50)
    with pytest.raises(DocumentError) as err:
        extract(old, old.read_bytes(), Limits())
    assert err.value.code == "unsupported_format" and "早期 WPS" in err.value.message
    old.unlink()
    r = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["reports"][0]["format"] == "doc"
