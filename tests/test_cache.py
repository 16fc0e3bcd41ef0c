"""--cache: unchanged files are taken from the cache, changed files and a changed
rulebook are checked again, and the output does not depend on the cache."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from fazhi.cache import Cache
from fazhi.cli import main
from fazhi.engine import Engine
from fazhi.inputs import discover
from fazhi.rulebook.locate import default_rulebook
from fazhi.runner import Checker, Outputs, Task, run_tasks

ROOT = Path(__file__).resolve().parent.parent


def _tasks(folder: Path) -> list[Task]:
    return [Task(i, Path(p), shown, f"{i}.html")
            for i, (p, shown) in enumerate(discover([str(folder)]))]


def _run(rules: Path, folder: Path, cache: Path, jobs: int = 2) -> list[tuple[str, bool, str]]:
    checker = Checker(Engine.from_file(rules), Outputs(json=True), 20 << 20, cache)
    return [(t.display, d.cached, (d.json or b"").decode())
            for t, d in zip(_tasks(folder), run_tasks(checker, _tasks(folder), jobs), strict=True)]


@pytest.fixture()
def setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder = tmp_path / "reports"
    shutil.copytree(ROOT / "reports", folder)
    (folder / "empty.txt").write_bytes(b"   ")
    rules = tmp_path / "rules.yaml"
    shutil.copy(default_rulebook(), rules)
    return folder, rules, tmp_path / "cache"


def test_second_run_takes_unchanged_files_from_the_cache(setup: tuple[Path, Path, Path]) -> None:
    folder, rules, cache = setup
    first = _run(rules, folder, cache)
    assert [c for _, c, _ in first] == [False] * 6
    second = _run(rules, folder, cache)
    # every checked report comes from the cache; the error entry is found again
    assert [(name, c) for name, c, _ in second] == [
        (name, not name.endswith("empty.txt")) for name, _, _ in first]
    assert [j for _, _, j in second] == [j for _, _, j in first]


def test_changed_and_new_files_are_checked_again(setup: tuple[Path, Path, Path]) -> None:
    folder, rules, cache = setup
    _run(rules, folder, cache)
    changed = sorted(folder.glob("*-20*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n补充一段。\n", encoding="utf-8")
    (folder / "zz-new.txt").write_text(changed.read_text(encoding="utf-8") + "又一段。\n",
                                       encoding="utf-8")
    again = {name: c for name, c, _ in _run(rules, folder, cache)}
    assert again[changed.as_posix()] is False
    assert again[(folder / "zz-new.txt").as_posix()] is False
    assert sum(again.values()) == 4  # the four unchanged reports


def test_a_changed_rulebook_checks_everything_again(setup: tuple[Path, Path, Path]) -> None:
    folder, rules, cache = setup
    _run(rules, folder, cache)
    text = rules.read_text(encoding="utf-8")
    assert "pass_label: 合规" in text
    rules.write_text(text.replace("pass_label: 合规", "pass_label: 基本合规"), encoding="utf-8")
    assert not any(c for _, c, _ in _run(rules, folder, cache))


def test_a_comment_in_the_rulebook_keeps_the_cache(setup: tuple[Path, Path, Path]) -> None:
    folder, rules, cache = setup
    _run(rules, folder, cache)
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# 修改\n", encoding="utf-8")
    assert sum(c for _, c, _ in _run(rules, folder, cache)) == 5


def test_a_changed_parent_rulebook_checks_everything_again(
        setup: tuple[Path, Path, Path], tmp_path: Path) -> None:
    folder, parent, cache = setup
    child = tmp_path / "child.yaml"
    child.write_text("extends: rules.yaml\nid: child\nversion: '1'\n", encoding="utf-8")
    _run(child, folder, cache)
    assert sum(c for _, c, _ in _run(child, folder, cache)) == 5
    text = parent.read_text(encoding="utf-8")
    parent.write_text(text.replace("pass_label: 合规", "pass_label: 基本合规"), encoding="utf-8")
    assert not any(c for _, c, _ in _run(child, folder, cache))


def test_the_key_names_the_profile_and_not_the_shown_path(tmp_path: Path) -> None:
    rules = default_rulebook()
    plain = Engine.from_file(rules, "rules/annual_report.yaml")
    assert plain.rulebook_hash == Engine.from_file(rules, "elsewhere.yaml").rulebook_hash
    hashes = {Engine.from_file(rules, profile=p).rulebook_hash
              for p in (None, "county", "township")}
    assert len(hashes) == 3


def test_cached_results_follow_the_path_they_are_found_under(setup: tuple[Path, Path, Path],
                                                             tmp_path: Path) -> None:
    folder, rules, cache = setup
    first = _run(rules, folder, cache)
    moved = tmp_path / "elsewhere"
    shutil.move(folder, moved)
    second = _run(rules, moved, cache)
    assert all(c for name, c, _ in second if not name.endswith("empty.txt"))
    for (old, _, j1), (new, _, j2) in zip(first, second, strict=True):
        assert j2 == j1.replace(old, new)


def test_cli_output_is_the_same_with_and_without_cache(setup: tuple[Path, Path, Path]) -> None:
    folder, rules, cache = setup
    runs = [CliRunner().invoke(main, ["check", str(folder), "--rules", str(rules), "--format",
                                      "json", *extra])
            for extra in ([], ["--cache", str(cache)], ["--cache", str(cache)])]
    assert runs[0].exit_code == 3
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert any(cache.rglob("*.json"))


def test_a_damaged_entry_is_a_miss(setup: tuple[Path, Path, Path]) -> None:
    folder, rules, cache = setup
    _run(rules, folder, cache)
    for entry in cache.rglob("*.json"):
        entry.write_text("{broken", encoding="utf-8")
    assert not any(c for _, c, _ in _run(rules, folder, cache))


def test_key_depends_on_content_extension_rulebook_and_limit(tmp_path: Path) -> None:
    a = Cache(tmp_path, "r1", 100)
    assert a.key("f", ".txt") == a.key("f", ".TXT")
    assert len({a.key("f", ".txt"), a.key("g", ".txt"), a.key("f", ".docx"),
                Cache(tmp_path, "r2", 100).key("f", ".txt"),
                Cache(tmp_path, "r1", 200).key("f", ".txt")}) == 5


def test_a_cached_html_rerun_leaves_unchanged_scorecards_alone(
        setup: tuple[Path, Path, Path], tmp_path: Path) -> None:
    folder, rules, cache = setup
    out = tmp_path / "out"

    def check() -> None:
        result = CliRunner().invoke(main, ["check", str(folder), "--rules", str(rules),
                                           "--out", str(out), "--cache", str(cache)])
        assert result.exit_code == 3, result.output

    check()
    pages = sorted(out.glob("*-20*.html"))
    assert len(pages) == 5
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    for p in pages:
        os.utime(p, ns=(1, 1))
    changed = sorted(folder.glob("*-20*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n补充一段。\n", encoding="utf-8")
    check()
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    rewritten = [p.name for p in pages if p.stat().st_mtime_ns != 1]
    assert rewritten == [f"{changed.stem}.html"]
    assert after[f"{changed.stem}.html"] != before[f"{changed.stem}.html"]
    assert all(after[p.name] == before[p.name] for p in pages if p.name not in rewritten)
