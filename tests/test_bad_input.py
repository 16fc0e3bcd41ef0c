"""Every kind of bad input is a coded error entry; the rest of the batch is still checked.

Each test runs `fazhi check BAD GOOD --format json` and asserts the exit code
3, BAD's error code and Chinese message, and that GOOD was checked in the
same run.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import docbuild
from conftest import REPORTS
from fazhi.cli import main
from fazhi.document import readers
from fazhi.document.model import DocumentError, Extracted
from fazhi.document.readers.limits import Limits
from fazhi.engine import Engine
from fazhi.results import RunResult

GOOD = REPORTS / "zhengqi-2022.txt"
DOC_FIXTURES = Path(__file__).parent / "data" / "office"
LINES = docbuild.report_lines(REPORTS / "jinghai-2024.txt")


def run_cli(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout


def assert_coded_error(bad: Path, code: str, *extra: str) -> dict:  # type: ignore[type-arg]
    exit_code, out = run_cli("check", str(bad), str(GOOD), "--format", "json", *extra)
    data = json.loads(out)
    by_name = {Path(r["path"]).name: r for r in data["reports"]}
    entry = by_name[bad.name]
    assert entry["status"] == "error", entry
    assert entry["error"]["code"] == code, entry["error"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in entry["error"]["message"])
    assert entry["results"] == [] and entry["score"] is None
    good = by_name[GOOD.name]
    assert good["status"] == "checked" and len(good["results"]) > 10
    assert data["summary"]["errors"] >= 1 and data["summary"]["checked"] == 1
    assert exit_code == 3
    return entry  # type: ignore[no-any-return]


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert_coded_error(p, "empty")


@pytest.mark.parametrize("content", [b"  \n\t\r\n  ", "\u3000\u3000\n\u3000\n".encode(),
                                     " \n\n ".encode("utf-16"), b"\xef\xbb\xbf\r\n"])
def test_whitespace_only(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "blank.txt"
    p.write_bytes(content)
    assert_coded_error(p, "empty")


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    assert_coded_error(docbuild.make_docx([], tmp_path / "blank.docx", header="只有页眉"), "empty")


BINARY = bytes(range(256)) * 64  # contains NUL and every other byte value


@pytest.mark.parametrize(("suffix", "code"), [(".txt", "binary"), (".html", "binary"),
                                              (".htm", "binary"), (".docx", "corrupt"),
                                              (".pdf", "corrupt"), (".ofd", "corrupt")])
def test_binary_file_with_a_report_extension(tmp_path: Path, suffix: str, code: str) -> None:
    p = tmp_path / f"photo{suffix}"
    p.write_bytes(BINARY)
    assert_coded_error(p, code)


def test_png_named_txt(tmp_path: Path) -> None:
    p = tmp_path / "scan.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + BINARY[:2000])
    assert_coded_error(p, "binary")


@pytest.mark.parametrize("suffix", [".docx", ".ofd"])
def test_truncated_zip(tmp_path: Path, suffix: str) -> None:
    full = tmp_path / f"full{suffix}"
    (docbuild.make_docx if suffix == ".docx" else docbuild.make_ofd)(LINES, full)
    data = full.read_bytes()
    p = tmp_path / f"truncated{suffix}"
    p.write_bytes(data[: len(data) // 2])
    assert_coded_error(p, "corrupt")


def _corrupt_member(src: Path, dst: Path, member: str) -> None:
    """Copy a zip, flipping bytes inside one member's compressed data (its CRC no longer fits)."""
    data = bytearray(src.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo(member)
    # Local header: 30 bytes + name + extra, then the compressed data.
    name_len = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    for i in range(start + 10, start + min(info.compress_size - 1, 200)):
        data[i] ^= 0x5A
    dst.write_bytes(bytes(data))


def test_corrupt_zip_member(tmp_path: Path) -> None:
    full = docbuild.make_docx(LINES, tmp_path / "full.docx")
    p = tmp_path / "damaged.docx"
    _corrupt_member(full, p, "word/document.xml")
    assert_coded_error(p, "corrupt")


def test_corrupt_page_of_an_ofd_costs_that_page(tmp_path: Path) -> None:
    """An OFD keeps each page in its own member: a damaged one leaves that page out,
    with a warning, and the report is still checked; all pages damaged is corrupt."""
    full = docbuild.make_ofd(LINES, tmp_path / "full.ofd")
    p = tmp_path / "damaged.ofd"
    _corrupt_member(full, p, "Doc_0/Pages/Page_0/Content.xml")
    exit_code, out = run_cli("check", str(p), "--format", "json")
    entry = json.loads(out)["reports"][0]
    assert entry["status"] == "checked" and entry["warnings"] == ["damaged_pages"]
    assert exit_code == 0
    with zipfile.ZipFile(full) as z:
        pages = [n for n in z.namelist() if n.endswith("/Content.xml")]
    all_bad = tmp_path / "all-pages.ofd"
    all_bad.write_bytes(full.read_bytes())
    for member in pages:
        _corrupt_member(all_bad, all_bad, member)
    assert len(pages) > 1
    assert_coded_error(all_bad, "corrupt")


def test_truncated_pdf(tmp_path: Path) -> None:
    full = docbuild.make_pdf(LINES, tmp_path / "full.pdf")
    p = tmp_path / "truncated.pdf"
    p.write_bytes(full.read_bytes()[:400])
    entry = assert_coded_error(p, "corrupt")
    assert "PDF" in entry["error"]["message"]


def test_encrypted_pdf(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    font = docbuild._pdf_font("ttf")
    p = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(p), encrypt=pdfencrypt.StandardEncryption("user-pw", ownerPassword="o"))
    c.setFont(font, 12)
    c.drawString(72, 700, "关于2022年法治政府建设情况的报告")
    c.showPage()
    c.save()
    entry = assert_coded_error(p, "encrypted")
    assert "密码" in entry["error"]["message"]


def test_scanned_pdf(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p))
    c.rect(50, 50, 400, 700, fill=1)
    c.showPage()
    c.save()
    entry = assert_coded_error(p, "no_text_layer")
    assert "OCR" in entry["error"]["message"]


def test_encrypted_word_document(tmp_path: Path) -> None:
    # Word stores a password-protected .docx inside an OLE2 container with an EncryptedPackage stream.
    p = tmp_path / "locked.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
                  + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500)
    assert_coded_error(p, "encrypted")


def not_word_ole() -> bytes:
    """A real OLE2 compound file (as .xls, .et and old WPS files are) holding no Word
    document: a .doc fixture whose WordDocument stream is renamed."""
    data = (DOC_FIXTURES / "zhengqi-2022.doc").read_bytes()
    return data.replace("WordDocument".encode("utf-16-le"), "SheetContent".encode("utf-16-le"))


@pytest.mark.parametrize(("name", "content"), [
    ("old.wps", "ole"), ("renamed.docx", "ole"), ("sheet.xlsx", "ole"), ("noext", "ole"),
    ("old.wps", "dos"), ("report.pages", "zip")])
def test_unsupported_formats_name_the_supported_ones(tmp_path: Path, name: str,
                                                     content: str) -> None:
    p = tmp_path / name
    p.write_bytes({"ole": not_word_ole(), "dos": b"\xff\x00WPS DOS document" * 50,
                   "zip": b"PK\x03\x04" + b"\x00" * 200}[content])
    entry = assert_coded_error(p, "unsupported_format")
    for suffix in (".docx", ".doc", ".rtf", ".odt", ".pdf", ".txt", ".ofd", ".html"):
        assert suffix in entry["error"]["message"]
    assert "另存为" in entry["error"]["message"]


@pytest.mark.parametrize("name", ["old.doc", "old.wps", "renamed.docx"])
def test_a_damaged_office_binary_file_is_corrupt(tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    entry = assert_coded_error(p, "corrupt")
    assert "Word 97-2003" in entry["error"]["message"] and "重新" in entry["error"]["message"]


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    p.write_bytes(("正文内容。" * 90_000).encode("utf-8"))  # 1.35 MB
    assert_coded_error(p, "too_large", "--max-size", "1")


def test_text_over_the_line_limit(tmp_path: Path) -> None:
    # 5,001 one-line headings in 60 KB: small on disk, but every line opens a
    # section; --max-size 1 allows 2,500 lines
    p = tmp_path / "headings.txt"
    p.write_text("".join(f"{i}、标题\n" for i in range(1, 2502)), encoding="utf-8")
    assert p.stat().st_size < 100_000
    entry = assert_coded_error(p, "too_large", "--max-size", "1")
    assert "2501 行" in entry["error"]["message"] and "2500 行" in entry["error"]["message"]
    assert "--max-size" in entry["error"]["message"]


def test_text_at_the_line_limit_is_checked(tmp_path: Path) -> None:
    p = tmp_path / "headings.txt"
    p.write_text("".join(f"{i}、标题\n" for i in range(1, 2501)), encoding="utf-8")
    exit_code, out = run_cli("check", str(p), "--format", "json", "--max-size", "1")
    assert json.loads(out)["reports"][0]["status"] == "checked"
    assert exit_code == 0


def test_the_line_limit_follows_the_size_limit() -> None:
    assert Limits().max_lines == 50_000
    assert Limits.for_size(20 * 1048576) == Limits()
    assert Limits.for_size(1048576).max_lines == 2_500
    assert Limits().max_markup == 1_000_000
    assert Limits.for_size(1048576).max_markup == 200_000  # never fewer


def refused_at_peak(path: Path, data: bytes) -> tuple[DocumentError, int]:
    """The error reading ``data`` as ``path`` raises with --max-size 1, and the peak
    of Python's allocations until then."""
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as exc:
            readers.extract(path, data, Limits.for_size(1048576))
        return exc.value, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_blank_lines_over_the_limit_are_refused_before_they_are_made() -> None:
    # two million line breaks in 2 MB: refused on their count, not after a record
    # for each of them (19 MB of blank lines took 3.7 GB and 50 s before)
    data = "\n".join(["一、法治建设"] + [""] * 2_000_000).encode("utf-8")
    error, peak = refused_at_peak(Path("blank.txt"), data)
    assert error.code == "too_large" and "2000000 行" in error.message
    assert peak < 30 * 1048576, peak



def test_word_processor_lines_over_the_limit_are_counted_not_made() -> None:
    # .docx, .doc, .odt and .rtf share paragraph_lines: past the limit it counts
    # the lines without making a record for each (2.5 million took 600 MB before)
    data = ("{\\rtf1\\ansi " + "a\\par " * 300_000 + "}").encode("ascii")
    error, peak = refused_at_peak(Path("many.rtf"), data)
    assert error.code == "too_large" and "300000 行" in error.message
    assert peak < 25 * 1048576, peak

def _markup_heavy(kind: str, path: Path, count: int) -> Path:
    """A small report file that holds ``count`` empty elements (no text, no lines)."""
    if kind == "html":
        docbuild.make_html(LINES, path)
        page = path.read_bytes()
        path.write_bytes(page.replace(b"</body>", b"<br>" * count + b"</body>"))
        return path
    docbuild.make_docx(LINES, path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"</w:body>", b"<w:p/>" * count + b"</w:body>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_markup_over_the_limit_is_refused_before_parsing(tmp_path: Path, kind: str) -> None:
    # 16 MB of <br> took 530 MB in the parser and ran past the time limit; empty
    # elements make no lines, so the line limit never saw them
    p = _markup_heavy(kind, tmp_path / f"markup.{kind}", 210_000)
    assert p.stat().st_size < 1048576
    entry = assert_coded_error(p, "too_large", "--max-size", "1")
    assert "排版标记" in entry["error"]["message"] and "200000 个" in entry["error"]["message"]


@pytest.mark.parametrize("kind", ["html", "docx"])
def test_markup_under_the_limit_is_read(tmp_path: Path, kind: str) -> None:
    p = _markup_heavy(kind, tmp_path / f"markup.{kind}", 150_000)
    exit_code, out = run_cli("check", str(p), "--format", "json", "--max-size", "1")
    assert json.loads(out)["reports"][0]["status"] == "checked"


def test_zip_bomb(tmp_path: Path) -> None:
    p = tmp_path / "bomb.docx"
    docbuild.make_docx(LINES, p)
    with zipfile.ZipFile(p, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/image1.bin", b"\x00" * (12 * 1024 * 1024))
    assert p.stat().st_size < 1024 * 1024
    entry = assert_coded_error(p, "zip_bomb", "--max-size", "1")
    assert "解压" in entry["error"]["message"]


def test_ofd_zip_bomb(tmp_path: Path) -> None:
    p = tmp_path / "bomb.ofd"
    docbuild.make_ofd(LINES, p)
    with zipfile.ZipFile(p, "a", zipfile.ZIP_DEFLATED) as z:
        for i in range(3):
            z.writestr(f"Doc_0/Res/blank{i}.xml", b" " * (5 * 1024 * 1024))
    assert_coded_error(p, "zip_bomb", "--max-size", "1")


def test_same_docx_is_fine_within_the_default_limit(tmp_path: Path) -> None:
    p = tmp_path / "big-media.docx"
    docbuild.make_docx(LINES, p)
    with zipfile.ZipFile(p, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/image1.bin", b"\x00" * (12 * 1024 * 1024))
    code, out = run_cli("check", str(p), "--format", "json")
    assert code == 0 and json.loads(out)["reports"][0]["status"] == "checked"


# -- permissions -------------------------------------------------------------------------
def test_unreadable_permissions_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "secret.txt"
    p.write_bytes(GOOD.read_bytes())
    real_open = Path.open

    def guarded(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", guarded)
    entry = assert_coded_error(p, "unreadable")
    assert "权限" in entry["error"]["message"]


def _run_as_nobody(engine: Engine, paths: list[Path]) -> RunResult:
    """engine.run in a forked child that dropped root privileges (root ignores chmod)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        try:
            os.close(r)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            run = engine.run([(p, p.name) for p in paths])
            os.write(w, run.model_dump_json(by_alias=True).encode())
        finally:
            os._exit(0)
    os.close(w)
    chunks = []
    while chunk := os.read(r, 1 << 16):
        chunks.append(chunk)
    os.close(r)
    os.waitpid(pid, 0)
    return RunResult.model_validate_json(b"".join(chunks))


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    d = Path(tempfile.mkdtemp(prefix="fazhi-perm-"))
    d.chmod(0o755)
    yield d
    for p in d.iterdir():
        p.chmod(0o644)
        p.unlink()
    d.rmdir()


def test_unreadable_permissions_real_chmod(engine: Engine, shared_dir: Path) -> None:
    locked = shared_dir / "locked.txt"
    locked.write_bytes(GOOD.read_bytes())
    locked.chmod(0)
    good = shared_dir / GOOD.name
    good.write_bytes(GOOD.read_bytes())
    good.chmod(0o644)
    if os.geteuid() == 0:
        run = _run_as_nobody(engine, [locked, good])
    else:
        run = engine.run([(locked, locked.name), (good, good.name)])
    assert [r.status for r in run.reports] == ["error", "checked"]
    assert run.reports[0].error is not None and run.reports[0].error.code == "unreadable"


# -- directories -------------------------------------------------------------------------
def test_directory_without_supported_files_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes.pages").write_bytes(b"PK\x03\x04")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    code = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    assert code.exit_code == 2
    assert ".docx" in code.output and ".doc、" in code.output and ".wps" in code.output


def _cli_subprocess(args: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fazhi", *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


def test_symlink_loops_while_walking(tmp_path: Path) -> None:
    root = tmp_path / "in"
    sub = root / "sub"
    sub.mkdir(parents=True)
    (sub / GOOD.name).write_bytes(GOOD.read_bytes())
    (sub / "loop").symlink_to(root, target_is_directory=True)  # a directory loop
    (root / "self.txt").symlink_to(root / "self.txt")  # a file link to itself
    (root / "a.txt").symlink_to(root / "b.txt")
    (root / "b.txt").symlink_to(root / "a.txt")
    proc = _cli_subprocess(["check", str(root), "--format", "json"], timeout=60)  # must not hang
    assert proc.returncode == 3, proc.stderr
    data = json.loads(proc.stdout)
    by_name = {Path(r["path"]).name: r for r in data["reports"]}
    assert by_name[GOOD.name]["status"] == "checked"
    for name in ("self.txt", "a.txt", "b.txt"):
        assert by_name[name]["error"]["code"] == "symlink_loop"
    assert len(data["reports"]) == 4  # the looping directory was not walked into


def test_symlink_loop_given_directly(tmp_path: Path) -> None:
    p = tmp_path / "loop.txt"
    p.symlink_to(p)
    assert_coded_error(p, "symlink_loop")


def test_fifo_with_a_report_extension_does_not_hang(tmp_path: Path) -> None:
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    proc = _cli_subprocess(["check", str(p), str(GOOD), "--format", "json"], timeout=60)
    assert proc.returncode == 3
    reports = json.loads(proc.stdout)["reports"]
    assert reports[0]["error"]["code"] == "unreadable" and reports[1]["status"] == "checked"


# -- the guard in the engine -------------------------------------------------------------
def test_unexpected_exception_in_a_reader_is_an_error_entry(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(data: bytes, path: str, limits: readers.Limits) -> Extracted:
        raise RuntimeError("reader bug")

    monkeypatch.setitem(readers.READERS, ".html", boom)
    p = tmp_path / "page.html"
    p.write_text("<html><body><p>正文</p></body></html>", encoding="utf-8")
    entry = assert_coded_error(p, "internal_error")
    assert "RuntimeError" in entry["error"]["message"]


# -- the scorecard index lists the errors ------------------------------------------------
def test_errors_on_the_scorecard_index(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    scan = tmp_path / "broken.docx"
    scan.write_bytes(BINARY)
    out = tmp_path / "sc"
    code, _ = run_cli("check", str(empty), str(scan), str(GOOD), "--out", str(out))
    assert code == 3
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "empty" in index and "corrupt" in index and "zhengqi-2022" in index


def test_office_lock_files_are_not_inputs(tmp_path: Path) -> None:
    (tmp_path / GOOD.name).write_bytes(GOOD.read_bytes())
    (tmp_path / "~$report.docx").write_bytes(b"\x0bAdministrator" + b"\x00" * 150)
    code, out = run_cli("check", str(tmp_path), "--format", "json")
    assert code == 0 and [Path(r["path"]).name for r in json.loads(out)["reports"]] == [GOOD.name]
