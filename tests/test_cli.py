"""CLI: outputs and exit codes (0 checked, 1 --fail-on met, 2 usage/rulebook, 3 unreadable)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import REPORTS
from fazhi.cli import main

ONE = REPORTS / "zhengqi-2022.txt"


def invoke(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.output


def test_help_documents_exit_codes() -> None:
    code, out = invoke("check", "--help")
    assert code == 0
    for n in ("0", "1", "2", "3"):
        assert re.search(rf"^\s+{n}\s", out, re.M)


def test_html_default_writes_scorecards_and_prints_summary(tmp_path: Path) -> None:
    code, out = invoke("check", str(REPORTS), "--out", str(tmp_path / "sc"))
    assert code == 0
    assert "得分" in out
    names = sorted(p.name for p in (tmp_path / "sc").iterdir())
    assert "index.html" in names and "zhengqi-2022.html" in names


def test_json_file_alongside(tmp_path: Path) -> None:
    out_json = tmp_path / "r.json"
    code, out = invoke("check", str(ONE), "--format", "text", "--json", str(out_json))
    assert code == 0
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["reports"][0]["path"].endswith("zhengqi-2022.txt")


def test_json_on_stdout_is_utf8_whatever_the_terminal_encoding() -> None:
    """JSON is UTF-8 (RFC 8259): a console set to GBK, as on Chinese Windows, does not
    change its bytes."""
    r = CliRunner(charset="gbk").invoke(main, ["check", str(ONE), "--format", "json"])
    assert r.exit_code == 0
    data = json.loads(r.stdout_bytes.decode("utf-8"))
    assert data["reports"][0]["meta"]["title"]
    assert "报告" in r.stdout_bytes.decode("utf-8")


def test_fail_on(tmp_path: Path) -> None:
    # zhengqi-2022 fails a required rule (sec.first_responsible) and recommended ones.
    assert invoke("check", str(ONE), "--format", "json", "--fail-on", "never")[0] == 0
    assert invoke("check", str(ONE), "--format", "json", "--fail-on", "required")[0] == 1
    assert invoke("check", str(ONE), "--format", "json", "--fail-on", "recommended")[0] == 1


def test_fail_on_recommended_only(tmp_path: Path) -> None:
    # jinghai-2024 has no required fail but recommended ones.
    p = REPORTS / "jinghai-2024.txt"
    assert invoke("check", str(p), "--format", "json", "--fail-on", "required")[0] == 0
    assert invoke("check", str(p), "--format", "json", "--fail-on", "recommended")[0] == 1


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert invoke("check", str(tmp_path / "missing.txt"))[0] == 2
    (tmp_path / "empty_dir").mkdir()
    assert invoke("check", str(tmp_path / "empty_dir"))[0] == 2
    assert invoke("check", str(ONE), "--format", "pdf")[0] == 2


def test_unreadable_input_exit_3_and_others_still_checked(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out = invoke("check", str(empty), str(ONE), "--format", "json")
    assert code == 3
    data = json.loads(out)
    statuses = [r["status"] for r in data["reports"]]
    assert statuses == ["error", "checked"]
    assert data["reports"][0]["error"]["code"] == "empty"
    assert data["summary"] == {"checked": 1, "errors": 1, "mean_score": data["reports"][1]["score"]}


def test_unsupported_format(tmp_path: Path) -> None:
    doc = tmp_path / "report.wps"
    doc.write_bytes(b"\xff\x00WPS DOS document" * 50)
    code, out = invoke("check", str(doc), "--format", "json")
    assert code == 3
    assert json.loads(out)["reports"][0]["error"]["code"] == "unsupported_format"


def test_a_folder_walk_lists_documents_that_must_be_converted(tmp_path: Path) -> None:
    """A .wps that no reader takes is an error entry that says how to convert it, not
    a report silently missing from the batch; a .doc and an .odt are read; other
    files stay out."""
    (tmp_path / "a.txt").write_text(ONE.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(Path(__file__).parent / "data" / "office" / "zhengqi-2022.doc", tmp_path / "b.doc")
    (tmp_path / "c.wps").write_bytes(b"\xff\x00WPS DOS document" * 50)
    shutil.copy(Path(__file__).parent / "data" / "office" / "jinghai-2024.odt", tmp_path / "d.odt")
    (tmp_path / "notes.xlsx").write_bytes(b"PK")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 3
    assert "已跳过（.jpg 1 个、.xlsx 1 个）" in result.stderr  # said, not listed as entries
    reports = json.loads(result.stdout)["reports"]
    assert [Path(r["path"]).name for r in reports] == ["a.txt", "b.doc", "c.wps", "d.odt"]
    assert [r["status"] for r in reports] == ["checked", "checked", "error", "checked"]
    assert reports[2]["error"]["code"] == "unsupported_format"
    assert "另存为" in reports[2]["error"]["message"]


def test_a_folder_of_only_archives_to_unpack_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "b.7z").write_bytes(b"7z\xbc\xaf\x27\x1c")
    (tmp_path / "c.rar").write_bytes(b"Rar!")
    assert invoke("check", str(tmp_path))[0] == 2


def test_file_names_in_another_encoding_do_not_stop_the_run(tmp_path: Path) -> None:
    """A GBK file name (a zip made on Chinese Windows, unpacked on Linux) is shown
    decoded; a name that is no text at all is shown with its bad bytes replaced.
    Both reports are checked, and every output is valid UTF-8."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = ONE.read_bytes()
    for raw in ("郑旗乡报告.txt".encode("gbk"), b"\xff\xfe.txt"):
        fd = os.open(os.fsencode(folder) + b"/" + raw, os.O_WRONLY | os.O_CREAT, 0o644)
        with os.fdopen(fd, "wb") as f:
            f.write(text)
    code, out = invoke("check", str(folder), "--format", "json")
    assert code == 0, out
    names = sorted(Path(r["path"]).name for r in json.loads(out)["reports"])
    assert names == ["郑旗乡报告.txt", "\ufffd\ufffd.txt"]
    html = tmp_path / "out"
    code, _ = invoke("check", str(folder), "--out", str(html))
    assert code == 0
    assert sorted(p.name for p in html.glob("*.html")) == [
        "index.html", "郑旗乡报告.html", "\ufffd\ufffd.html"]
    for p in html.iterdir():
        if p.suffix in (".html", ".csv"):
            p.read_bytes().decode("utf-8")


def test_a_utf8_report_cut_inside_a_character_is_checked_with_a_warning(tmp_path: Path) -> None:
    data = ONE.read_bytes()
    cut = next(i for i in range(len(data) * 2 // 3, len(data)) if data[i] >= 0xC0) + 1
    damaged = tmp_path / "cut.txt"
    damaged.write_bytes(data[:cut])  # stops after the first byte of a character
    code, out = invoke("check", str(damaged), "--format", "json")
    report = json.loads(out)["reports"][0]
    assert report["status"] == "checked" and report["encoding"] == "utf-8"
    assert "damaged_bytes" in report["warnings"]
    assert code == 0


def test_an_output_place_that_cannot_be_made_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    for args in (["--out", str(blocker / "cards")],
                 ["--format", "json", "--json", str(blocker / "r" / "run.json")]):
        result = CliRunner().invoke(main, ["check", str(ONE), *args])
        assert result.exit_code == 2, result.output
        assert "无法创建" in result.stderr and "请换一个可以写入的位置" in result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_directory_walk_is_sorted_and_deterministic(tmp_path: Path) -> None:
    code, out = invoke("check", str(REPORTS), "--format", "json")
    paths = [r["path"] for r in json.loads(out)["reports"]]
    assert paths == sorted(paths) and len(paths) == 5


def test_files_a_folder_walk_passes_over_are_named_on_stderr(tmp_path: Path) -> None:
    """A scanned report saved as .jpg beside the others is not checked: the run says
    so, instead of the report going missing from the batch unnoticed."""
    (tmp_path / "a.txt").write_bytes(ONE.read_bytes())
    for name in ("扫描件1.jpg", "扫描件2.JPG", "统计表.xlsx", "说明"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / ".DS_Store").write_bytes(b"x")
    (tmp_path / "~$a.docx").write_bytes(b"x")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0
    assert "4 个文件不是可检查的报告格式，已跳过（.jpg 2 个、.xlsx 1 个、无扩展名 1 个）" \
        in result.stderr
    assert [r["status"] for r in json.loads(result.stdout)["reports"]] == ["checked"]
    quiet = CliRunner().invoke(main, ["check", str(REPORTS), "--format", "json"])
    assert "已跳过" not in quiet.stderr
