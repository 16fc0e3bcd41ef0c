"""Zip archives of reports: unpacked for a run, or explained when they cannot be.

Reports are often collected zipped. :func:`unpack` writes the members that a
folder walk would take (reports in a supported format, documents to convert,
archives) into a folder of the run's own, and names each as the archive's
path and the member's path inside it ("乡镇报告.zip/郑旗乡.docx"). It is
written for archives from anywhere:

* a member's path is rebuilt from its names (no absolute paths, no "..", no
  hidden or __MACOSX entries), so nothing is written outside the folder;
* names that are not marked UTF-8 are read as GB18030 (zips made on Chinese
  Windows store GBK), as the folder walk shows such file names;
* symbolic links are skipped; a member larger than the size limit is not
  unpacked but stands as an empty file of that size, so that its entry says it
  is too large; the others are written up to one byte past the limit (a size
  that lies is caught there), and an archive that would unpack to more than
  :data:`UNPACK_FACTOR` times its own size, or to more than :data:`MAX_MEMBERS`
  reports, is not unpacked (a zip bomb).

An archive that cannot be unpacked (damaged, password-protected, a bomb) or
that is not a zip (.rar, .7z …) stays one entry, whose error (:func:`problem`)
says why and what to do.
"""

from __future__ import annotations

import lzma
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from fazhi.document.model import DocumentError
from fazhi.document.readers.limits import MAX_MEMBERS, UNPACK_FACTOR

ARCHIVES = (".zip", ".rar", ".7z", ".tar", ".gz", ".tgz")
_CHUNK = 1 << 16
_UTF8_NAME = 0x800  # general purpose flag: the name is UTF-8
_ENCRYPTED = 0x1
_SKIPPED_PART = re.compile(r"^(\.|__MACOSX$)")
_PART_MAX_BYTES = 200  # of a file name component written to disk


def is_archive(path: str | Path) -> bool:
    return os.path.splitext(path)[1].lower() in ARCHIVES


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's path as its maker wrote it: UTF-8 where the archive says so,
    else GB18030 (read by zipfile as code page 437)."""
    name = info.filename
    if not info.flag_bits & _UTF8_NAME:
        try:
            name = name.encode("cp437").decode("gb18030")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name


def _parts(name: str) -> list[str] | None:
    """The components of a member's path that are safe to write, or None for a
    member to leave out (a folder, a hidden or __MACOSX entry, nothing left)."""
    parts = [p for p in re.split(r"[\\/]", name.replace("\x00", "")) if p not in ("", ".", "..")]
    if not parts or name.endswith(("/", "\\")) or any(_SKIPPED_PART.match(p) for p in parts):
        return None
    return [p.encode("utf-8")[:_PART_MAX_BYTES].decode("utf-8", "ignore") or "_" for p in parts]


def unpack(path: Path, dest: Path | None, max_bytes: int,
           takes: Callable[[str], bool] | None = None) -> list[tuple[Path, str]]:
    """Write the members of zip ``path`` that ``takes(name)`` accepts into ``dest``
    and return (written file, member's path) in the member paths' order; with
    ``dest`` None only check that it can be done. Raises :class:`DocumentError`
    (corrupt, encrypted, zip_bomb) when the archive cannot be unpacked."""
    accept = takes or (lambda _name: True)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, struct.error, UnicodeDecodeError) as exc:
        raise _corrupt() from exc
    with zf:
        members = []
        for info in zf.infolist():
            name = member_name(info)
            parts = _parts(name)
            if parts is None or stat.S_ISLNK(info.external_attr >> 16) or not accept(parts[-1]):
                continue
            if info.flag_bits & _ENCRYPTED:
                raise DocumentError("encrypted", "压缩包设置了密码，无法解压。"
                                    "请用解压软件输入密码解压后，再检查解压出的文件夹。")
            members.append(("/".join(parts), parts, info))
        if len(members) > MAX_MEMBERS:
            raise _bomb()
        members.sort(key=lambda m: m[0])
        # one member may always reach the size limit and a byte
        budget = max(os.path.getsize(path) * UNPACK_FACTOR, max_bytes + 1)
        out: list[tuple[Path, str]] = []
        used: set[str] = set()
        for shown, parts, info in members:
            target = None
            if dest is not None:
                target = dest.joinpath(*parts)
                key = str(target).casefold()
                n = 1
                while key in used:  # two members that one file system would take as one
                    n += 1
                    target = target.with_name(f"{target.stem}-{n}{target.suffix}")
                    key = str(target).casefold()
                used.add(key)
            if info.file_size > max_bytes:  # too large to check: its entry says so
                if target is not None:
                    _placeholder(target, max_bytes + 1)
            else:  # a size that lies is caught by the cap and the budget
                budget -= _copy(zf, info, target, max_bytes + 1, budget)
            if target is not None:
                out.append((target, shown))
        return out


def _copy(zf: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path | None, cap: int,
          budget: int) -> int:
    """Write member ``info`` to ``target`` (or nowhere), at most ``cap`` bytes; return
    the bytes it took. Past ``budget`` the archive is a bomb."""
    done = 0
    try:
        with zf.open(info) as src, _sink(target) as out:
            while done < cap:
                chunk = src.read(min(_CHUNK, cap - done))
                if not chunk:
                    break
                done += len(chunk)
                if done > budget:
                    raise _bomb()
                out(chunk)
    except _WriteFailed as exc:
        raise exc.error() from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, RuntimeError, zlib.error, lzma.LZMAError,
            struct.error) as exc:  # damaged data, unknown compression
        raise _corrupt() from exc
    return done


class _WriteFailed(Exception):
    """Writing an unpacked member failed (the disk, not the archive)."""

    def __init__(self, exc: OSError) -> None:
        super().__init__(str(exc))
        self.reason = exc.strerror or str(exc)

    def error(self) -> DocumentError:
        return DocumentError("unreadable", f"解压压缩包时无法写入临时文件夹（{self.reason}），"
                             "其中的报告没有检查。请检查剩余空间后重试，或先手动解压。")


@contextmanager
def _sink(target: Path | None) -> Iterator[Callable[[bytes], object]]:
    """A writer of chunks into ``target`` (into nothing without one); a failure to
    create or write it raises :class:`_WriteFailed`."""
    if target is None:
        yield lambda _chunk: None
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        f = target.open("wb")
    except OSError as exc:
        raise _WriteFailed(exc) from exc
    with f:
        def write(chunk: bytes) -> None:
            try:
                f.write(chunk)
            except OSError as exc:
                raise _WriteFailed(exc) from exc
        yield write


def _placeholder(target: Path, size: int) -> None:
    """An empty file of ``size`` bytes (sparse: nothing is written) for a member too
    large to check, so that its entry says so."""
    try:
        with _sink(target):
            pass
        os.truncate(target, size)
    except _WriteFailed as exc:
        raise exc.error() from exc
    except OSError as exc:
        raise _WriteFailed(exc).error() from exc


def members(path: Path) -> list[str]:
    """The paths of the files in zip ``path`` that unpacking would consider (no
    folders, hidden or __MACOSX entries), in order; [] when it cannot be read."""
    try:
        with zipfile.ZipFile(path) as zf:
            return sorted("/".join(parts) for info in zf.infolist()
                          if (parts := _parts(member_name(info))) is not None)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, struct.error, UnicodeDecodeError):
        return []


def problem(path: Path, max_bytes: int,
            takes: Callable[[str], bool] | None = None) -> DocumentError:
    """Why the archive ``path`` is an entry of its own rather than its reports: it
    cannot be unpacked, it holds no file that ``takes`` (a folder walk's test)
    accepts, or it is not a zip."""
    if os.path.splitext(path)[1].lower() == ".zip":
        try:
            unpack(path, None, max_bytes)
        except DocumentError as exc:
            return exc
        inside = members(path)
        if takes is not None and not any(takes(name) for name in inside):
            return _no_reports(inside)
    return DocumentError(
        "unsupported_format",
        f"这是压缩包（{path.suffix.lower() or '无扩展名'}），其中的报告没有检查。"
        "请先解压，再检查解压出的文件夹（.zip 压缩包在检查文件夹时会自动解压）。")


def _no_reports(inside: list[str]) -> DocumentError:
    if not inside:
        return DocumentError("empty", "压缩包是空的，没有可检查的报告。请确认打包时选中了报告文件。")
    shown = "、".join(name.rsplit("/", 1)[-1] for name in inside[:5])
    more = f"等 {len(inside)} 个文件" if len(inside) > 5 else f"共 {len(inside)} 个文件"
    return DocumentError(
        "empty", f"压缩包中没有可检查的报告（其中是 {shown}，{more}）。请确认是否打包错了文件；"
        "扫描成图片的报告请向报送单位索取 Word 或带文字的 PDF 文件。")


def _corrupt() -> DocumentError:
    return DocumentError("corrupt", "压缩包已损坏或不完整，无法解压。请重新下载或重新打包后再试。")


def _bomb() -> DocumentError:
    return DocumentError("zip_bomb", "压缩包解压后的大小或文件数异常（可能是恶意构造的压缩包），没有解压。"
                         "请确认来源，确属正常文件时请手动解压后检查解压出的文件夹。")
