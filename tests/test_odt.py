"""OpenDocument text (.odt): read as the .doc of the same document.

The fixtures in tests/data/office were saved by LibreOffice from the same sources
as the .doc ones (see make.py there; the five reports are judged as their text
in test_doc.py). Lists here are written by hand to pin the numbering rules.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from conftest import OFFICE, tables_fields_lines
from conftest import office_lines as lines
from fazhi.document.model import DocumentError
from fazhi.document.readers import Limits, extract


@pytest.mark.parametrize("name", ["tracked-changes", "list-levels"])
def test_reads_as_the_doc_of_the_same_document(name: str) -> None:
    assert lines(OFFICE / f"{name}.odt") == lines(OFFICE / f"{name}.doc")


def test_tables_fields_footnotes_headers() -> None:
    # LibreOffice stored 0 as the page-number field's result in the .odt
    assert lines(OFFICE / "tables-fields.odt") == tables_fields_lines("0")


@pytest.mark.parametrize("name", ["tracked-changes", "list-levels"])
def test_a_flat_odt_reads_as_the_odt_libreoffice_saved_from_it(name: str) -> None:
    """.fodt (LibreOffice's one-file XML): the sources the .odt fixtures were saved from."""
    assert lines(OFFICE / f"{name}.fodt") == lines(OFFICE / f"{name}.odt")


def test_a_flat_odt_with_tables_fields_footnotes_headers() -> None:
    # the source holds 1 as the page-number field's result (LibreOffice stored 0 in the .odt)
    assert lines(OFFICE / "tables-fields.fodt") == tables_fields_lines("1")


@pytest.mark.parametrize(("data", "detail"), [
    (b"<office:document", "不是有效的 XML"),
    (b'<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>', "office:text"),
])
def test_a_broken_flat_odt_is_corrupt(data: bytes, detail: str) -> None:
    with pytest.raises(DocumentError) as err:
        extract(Path("r.fodt"), data, Limits())
    assert err.value.code == "corrupt" and detail in err.value.message


CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:xml="http://www.w3.org/XML/1998/namespace" office:version="1.3">
<office:automatic-styles>
<text:list-style style:name="L1">
<text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>
<text:list-level-style-number text:level="2" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）"/>
<text:list-level-style-number text:level="3" style:num-format="1" style:num-suffix="." text:display-levels="2"/>
</text:list-style>
<text:list-style style:name="B1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:h text:outline-level="1">标题</text:h>
<text:list xml:id="a" text:style-name="L1"><text:list-item><text:p>第一章</text:p>
<text:list><text:list-item><text:p>第一节</text:p>
<text:list><text:list-item><text:p>条</text:p></text:list-item><text:list-item><text:p>条</text:p>
<text:p>同一项的第二段</text:p></text:list-item></text:list>
</text:list-item><text:list-item><text:p>第二节</text:p></text:list-item></text:list>
</text:list-item></text:list>
<text:p>中间的段落<text:span text:style-name="T1">隐藏</text:span>，<text:s text:c="2"/>两个空格<text:tab/>制表<text:note><text:note-body><text:p>脚注</text:p></text:note-body></text:note></text:p>
<text:list text:continue-list="a" text:style-name="L1"><text:list-item><text:p>第二章</text:p></text:list-item></text:list>
<text:list text:style-name="L1"><text:list-item><text:p>新的列表</text:p></text:list-item></text:list>
<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item><text:p>接着上一个</text:p></text:list-item>
<text:list-item text:start-value="9"><text:p>从九开始</text:p></text:list-item><text:list-header><text:p>无编号</text:p></text:list-header></text:list>
<text:list text:style-name="B1"><text:list-item><text:p>圆点项</text:p></text:list-item></text:list>
<text:section><text:p>节中的段落</text:p></text:section>
<text:table-of-content><text:index-body><text:p>目录……1</text:p></text:index-body></text:table-of-content>
</office:text></office:body></office:document-content>
"""


def odt(tmp_path: Path, content: str, styles: str | None = None) -> Path:
    p = tmp_path / "t.odt"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
        if styles is not None:
            z.writestr("styles.xml", styles)
    return p


def test_list_numbering_rules(tmp_path: Path) -> None:
    """Levels from the list style (a nested list takes its parent's), the second
    paragraph of an item unnumbered, text:continue-list and continue-numbering
    going on, a list without either starting afresh, text:start-value, a list
    header and bullets without a number; hidden text, footnotes and the table of
    contents left out; spaces and tabs written out; sections opened."""
    got = [ln.text for ln in extract(odt(tmp_path, CONTENT), odt(tmp_path, CONTENT).read_bytes(),
                                     Limits()).lines]
    assert got == ["标题", "一、第一章", "（一）第一节", "一.1.条", "一.2.条", "同一项的第二段",
                   "（二）第二节", "中间的段落，  两个空格\t制表", "二、第二章", "一、新的列表",
                   "二、接着上一个", "九、从九开始", "无编号", "圆点项", "节中的段落"]


OUTLINE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.3">
<office:styles><text:outline-style style:name="Outline">
<text:outline-level-style text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>
<text:outline-level-style text:level="2" style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）"/>
</text:outline-style></office:styles></office:document-styles>
"""


def test_headings_numbered_by_the_outline_style(tmp_path: Path) -> None:
    content = CONTENT.split("<office:body>")[0] + (
        "<office:body><office:text><text:h text:outline-level=\"1\">主要举措</text:h>"
        "<text:h text:outline-level=\"2\">依法行政</text:h><text:h text:outline-level=\"2\">普法"
        "</text:h><text:h text:outline-level=\"1\">存在的不足</text:h>"
        "<text:h text:outline-level=\"2\">执法</text:h></office:text></office:body>"
        "</office:document-content>")
    p = odt(tmp_path, content, OUTLINE)
    assert [ln.text for ln in extract(p, p.read_bytes(), Limits()).lines] == \
        ["一、主要举措", "（一）依法行政", "（二）普法", "二、存在的不足", "（一）执法"]


@pytest.mark.parametrize(("content", "code"), [
    (None, "corrupt"), ("<not-xml", "corrupt"), ("<a/>", "corrupt")])
def test_bad_odt_is_a_coded_error(tmp_path: Path, content: str | None, code: str) -> None:
    p = tmp_path / "bad.odt"
    if content is None:
        p.write_bytes(b"PK\x03\x04 not a zip")
    else:
        odt(tmp_path, content).rename(p)
    with pytest.raises(DocumentError) as err:
        extract(p, p.read_bytes(), Limits())
    assert err.value.code == code
