"""Zip archives of reports are unpacked for the run; other archives are entries.

Reports often arrive zipped. A .zip among the inputs is unpacked into a folder
of the run's own and its reports are checked in its place, shown as
"archive.zip/member"; one that cannot be unpacked, and a .rar or .7z, is an
entry that says why and what to do. Nothing is written outside that folder,
and it is gone after the run.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import OFFICE, REPORTS
from fazhi.cli import main
from fazhi.document.model import DocumentError
from fazhi.document.readers.archive import unpack
from fazhi.document.readers.limits import DEFAULT_MAX_BYTES

ONE = REPORTS / "zhengqi-2022.txt"
TWO = REPORTS / "jiangjia-2022.txt"


@pytest.fixture(autouse=True)
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The run's temporary folders go here, so that a test can see them gone."""
    d = tmp_path / "tmp"
    d.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(d))
    return d


def check(*args: str) -> tuple[int, list[dict]]:  # type: ignore[type-arg]
    r = CliRunner().invoke(main, ["check", *args, "--format", "json"])
    return r.exit_code, json.loads(r.stdout)["reports"] if r.stdout.startswith("{") else []


def test_a_zip_in_a_folder_is_checked_in_its_place(tmp_path: Path, own_temp: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(ONE.read_bytes())
    with zipfile.ZipFile(folder / "乡镇报告.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.write(TWO, "各乡镇/江家/jiangjia-2022.txt")
        z.write(OFFICE / "yuanquan-2022.doc", "各乡镇/源泉.doc")
        z.writestr("__MACOSX/各乡镇/._源泉.doc", b"junk")
        z.writestr(".hidden.txt", ONE.read_text("utf-8"))
        z.writestr("photo.jpg", b"\xff\xd8")
        z.writestr("各乡镇/", b"")
    (folder / "z.rar").write_bytes(b"Rar!\x1a\x07\x00" + b"\x00" * 50)
    code, reports = check(str(folder))
    assert code == 3
    assert [(r["path"], r["status"]) for r in reports] == [
        (f"{folder}/a.txt", "checked"),
        (f"{folder}/z.rar", "error"),
        (f"{folder}/乡镇报告.zip/各乡镇/江家/jiangjia-2022.txt", "checked"),
        (f"{folder}/乡镇报告.zip/各乡镇/源泉.doc", "checked"),
    ]
    assert "请先解压" in reports[1]["error"]["message"]
    single, = check(str(TWO))[1]
    assert reports[2]["results"] == single["results"]
    assert list(own_temp.iterdir()) == []  # the unpacked folder is gone


def test_same_archive_same_output(tmp_path: Path) -> None:
    z = tmp_path / "r.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.write(ONE, "a/one.txt")
        f.write(TWO, "two.txt")
    first = CliRunner().invoke(main, ["check", str(z), "--format", "json"]).stdout
    assert first == CliRunner().invoke(main, ["check", str(z), "--format", "json"]).stdout
    assert "tmp" not in first.replace(str(tmp_path), "")  # no temporary path in the output


def test_members_cannot_be_written_outside(tmp_path: Path) -> None:
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("../../escape.txt", "x")
        f.writestr("/abs/path.txt", "y")
        f.writestr("a/../../b.txt", "z")
        f.writestr("A.txt", "1")
        f.writestr("a.txt", "2")  # one file on a case-insensitive disk
    dest = tmp_path / "dest"
    got = unpack(z, dest, DEFAULT_MAX_BYTES)
    assert [name for _, name in got] == ["A.txt", "a.txt", "a/b.txt", "abs/path.txt", "escape.txt"]
    for file, _ in got:
        assert dest in file.parents
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dest", "evil.zip", "tmp"]
    assert len({str(f).casefold() for f, _ in got}) == len(got)


def gbk_named_zip(path: Path, name: str, data: bytes) -> None:
    """A zip as Chinese Windows makes it: the name in GBK, not marked UTF-8."""
    raw = name.encode("gbk")
    placeholder = "x" * len(raw)
    with zipfile.ZipFile(path, "w") as f:
        f.writestr(placeholder, data)
    path.write_bytes(path.read_bytes().replace(placeholder.encode("ascii"), raw))


def test_gbk_member_names(tmp_path: Path) -> None:
    z = tmp_path / "win.zip"
    gbk_named_zip(z, "郑旗乡报告.txt", ONE.read_bytes())
    code, reports = check(str(z))
    assert code == 0 and reports[0]["path"] == f"{z}/郑旗乡报告.txt"


@pytest.mark.parametrize("kind", ["cut", "encrypted", "bomb"])
def test_an_archive_that_cannot_be_unpacked_is_one_entry(tmp_path: Path, kind: str,
                                                         own_temp: Path) -> None:
    z = tmp_path / f"{kind}.zip"
    extra: list[str] = []
    if kind == "bomb":  # each member under the size limit, together far over the archive's
        with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as f:
            for i in range(30):
                f.writestr(f"r{i}.txt", b"\x00" * (900 << 10))
        extra = ["--max-size", "1"]
    else:
        with zipfile.ZipFile(z, "w") as f:
            f.write(ONE, "one.txt")
            f.write(TWO, "two.txt")
        data = z.read_bytes()
        if kind == "cut":
            data = data[: len(data) // 2]
        else:  # the encryption flag set in the local and central headers, as an encrypting zip sets it
            data = data.replace(b"PK\x03\x04\x14\x00\x00\x00", b"PK\x03\x04\x14\x00\x01\x00") \
                .replace(b"PK\x01\x02\x14\x03\x14\x00\x00\x00", b"PK\x01\x02\x14\x03\x14\x00\x01\x00")
        z.write_bytes(data)
    code, reports = check(str(z), str(ONE), *extra)
    assert code == 3
    assert [r["path"] for r in reports] == [str(z), str(ONE)]
    want = {"cut": "corrupt", "encrypted": "encrypted", "bomb": "zip_bomb"}[kind]
    assert reports[0]["error"]["code"] == want
    assert reports[1]["status"] == "checked"
    assert list(own_temp.iterdir()) == []


def test_a_member_over_the_size_limit_is_its_own_entry(tmp_path: Path) -> None:
    z = tmp_path / "big.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as f:
        f.writestr("huge.txt", "正文内容。" * 90_000)  # 1.35 MB
        f.write(ONE, "one.txt")
    code, reports = check(str(z), "--max-size", "1")
    assert [(r["path"].split("/")[-1], (r.get("error") or {}).get("code")) for r in reports] == \
        [("huge.txt", "too_large"), ("one.txt", None)]


def test_a_zip_without_reports_is_an_entry_that_says_what_is_in_it(tmp_path: Path,
                                                                   own_temp: Path) -> None:
    """A township's zip of scanned pages (or an empty one) must not vanish from the batch."""
    folder = tmp_path / "in"
    folder.mkdir()
    with zipfile.ZipFile(folder / "a-scans.zip", "w") as z:
        z.writestr("扫描件/第1页.jpg", b"\xff\xd8")
        z.writestr("扫描件/统计表.xlsx", b"PK")
        z.writestr("__MACOSX/._第1页.jpg", b"junk")
    with zipfile.ZipFile(folder / "b-empty.zip", "w"):
        pass
    with zipfile.ZipFile(folder / "c-nested.zip", "w") as z:
        z.writestr("inner.zip", (folder / "b-empty.zip").read_bytes())
    (folder / "d.txt").write_bytes(ONE.read_bytes())
    code, reports = check(str(folder))
    assert code == 3
    assert [(r["path"].removeprefix(f"{folder}/"), r["status"], (r["error"] or {}).get("code"))
            for r in reports] == [("a-scans.zip", "error", "empty"), ("b-empty.zip", "error", "empty"),
                                  ("c-nested.zip/inner.zip", "error", "empty"),
                                  ("d.txt", "checked", None)]
    assert "第1页.jpg、统计表.xlsx，共 2 个文件" in reports[0]["error"]["message"]
    assert "压缩包是空的" in reports[1]["error"]["message"]
    assert list(own_temp.iterdir()) == []


def test_a_folder_of_zips_is_not_a_usage_error_but_of_rars_it_is(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as f:
        f.write(ONE, "one.txt")
    assert check(str(tmp_path))[0] == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.rar").write_bytes(b"Rar!")
    r = CliRunner().invoke(main, ["check", str(other)])
    assert r.exit_code == 2 and "压缩包请先解压" in r.output and ".rar" in r.output


def test_unpack_checks_without_writing(tmp_path: Path) -> None:
    z = tmp_path / "r.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.write(ONE, "one.txt")
    assert unpack(z, None, DEFAULT_MAX_BYTES) == []
    z.write_bytes(z.read_bytes()[:40])
    with pytest.raises(DocumentError) as err:
        unpack(z, None, DEFAULT_MAX_BYTES)
    assert err.value.code == "corrupt"


def test_zips_inside_zips(tmp_path: Path) -> None:
    """A county's zip of the townships' zips: each is unpacked in its turn."""
    inner = tmp_path / "郑旗乡.zip"
    with zipfile.ZipFile(inner, "w") as f:
        f.write(ONE, "报告.txt")
    outer = tmp_path / "全县.zip"
    with zipfile.ZipFile(outer, "w") as f:
        f.write(inner, "乡镇/郑旗乡.zip")
        f.write(TWO, "江家.txt")
    inner.unlink()
    code, reports = check(str(outer))
    assert code == 0
    assert [r["path"] for r in reports] == [f"{outer}/乡镇/郑旗乡.zip/报告.txt", f"{outer}/江家.txt"]


def test_a_folder_that_cannot_be_written_leaves_the_archive_one_entry(tmp_path: Path) -> None:
    """Unpacking where the files cannot go (here a file stands where the folder
    should be; a full disk alike) is the disk's failure, not the archive's: a coded
    error, and discovery goes on with the archive as one entry."""
    from fazhi.inputs import discover

    z = tmp_path / "r.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.write(ONE, "a/one.txt")
        f.writestr("big.txt", "x" * 2000)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a folder")
    with pytest.raises(DocumentError) as err:
        unpack(z, blocked / "x", DEFAULT_MAX_BYTES)
    assert err.value.code == "unreadable" and "临时文件夹" in err.value.message
    with pytest.raises(DocumentError) as err:
        unpack(z, blocked / "y", 1000)  # big.txt's too-large placeholder first
    assert err.value.code == "unreadable"
    assert discover([str(z)], blocked) == [(str(z), str(z))]
