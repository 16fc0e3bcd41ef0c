"""--cache: unchanged files are taken from the cache, changed files and a changed
rulebook are checked again, and the output does not depend on the cache."""

from __future__ import annotations

import json
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


def _contexts(cache: Path) -> list[Path]:
    return sorted(p.parent for p in cache.glob("*/context.json"))


def test_each_rulebook_has_its_own_folder_and_only_the_recent_ones_are_kept(
        setup: tuple[Path, Path, Path]) -> None:
    from fazhi.cache import KEEP_CONTEXTS
    folder, rules, cache = setup
    text = rules.read_text(encoding="utf-8")
    for n in range(KEEP_CONTEXTS + 2):
        rules.write_text(text.replace("pass_label: 合规", f"pass_label: 合规{n}"), encoding="utf-8")
        _run(rules, folder, cache, jobs=1)
        assert len(_contexts(cache)) == min(n + 1, KEEP_CONTEXTS)
    current = Cache(cache, Engine.from_file(rules).rulebook_hash, 20 << 20).folder
    assert current in _contexts(cache)
    assert len(list(current.rglob("*/*.json"))) == 5  # the five checked reports
    about = json.loads((current / "context.json").read_text(encoding="utf-8"))["about"]
    assert about["rulebook"] == Engine.from_file(rules).book.id
    assert about["path"] == str(rules)
    assert (cache / "CACHEDIR.TAG").read_text().startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")
    # the most recently used contexts stay, whatever order their names sort in
    assert sum(c for _, c, _ in _run(rules, folder, cache)) == 5


def test_a_context_used_again_is_kept(setup: tuple[Path, Path, Path]) -> None:
    from fazhi.cache import KEEP_CONTEXTS
    folder, rules, cache = setup
    text = rules.read_text(encoding="utf-8")
    _run(rules, folder, cache, jobs=1)  # the original rulebook, first
    for n in range(KEEP_CONTEXTS - 1):
        rules.write_text(text.replace("pass_label: 合规", f"pass_label: 合规{n}"), encoding="utf-8")
        _run(rules, folder, cache, jobs=1)
    rules.write_text(text, encoding="utf-8")
    assert sum(c for _, c, _ in _run(rules, folder, cache, jobs=1)) == 5  # used again: newest
    rules.write_text(text.replace("pass_label: 合规", "pass_label: 合规x"), encoding="utf-8")
    _run(rules, folder, cache, jobs=1)  # one more context: the oldest other one goes
    rules.write_text(text, encoding="utf-8")
    assert sum(c for _, c, _ in _run(rules, folder, cache, jobs=1)) == 5


def test_opening_removes_the_old_layout_and_leaves_other_files_alone(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    old = cache / "ab"
    old.mkdir(parents=True)
    (old / f"{'ab' * 32}.json").write_text("{}", encoding="utf-8")
    mine = cache / "cd"  # two hex digits, but holds something that is not an entry
    mine.mkdir()
    (mine / "notes.txt").write_text("x", encoding="utf-8")
    (cache / "readme.txt").write_text("x", encoding="utf-8")
    stray = cache / ("e" * 16)  # a context's name, without context.json
    stray.mkdir()
    removed = Cache(cache, "r", 100).open()
    assert removed == [old]
    assert not old.exists() and mine.exists() and stray.exists()
    assert (cache / "readme.txt").exists()


def test_an_entry_that_cannot_be_written_is_left_out(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", "r", 100)
    cache.open()
    shutil.rmtree(cache.folder)
    cache.folder.write_text("not a folder", encoding="utf-8")
    report = Engine.from_file(default_rulebook()).check_path(
        sorted((ROOT / "reports").glob("*.txt"))[0], "a.txt", 20 << 20, source=True)
    assert report.status == "checked"
    cache.put(report, ".txt")  # no error
    assert cache.get(report.sha256 or "", ".txt", "a.txt") is None


def test_a_cache_folder_that_cannot_be_made_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(ROOT / "reports"), "--format", "json",
                                       "--cache", str(blocker / "cache")])
    assert result.exit_code == 2
    assert "缓存文件夹" in result.stderr
    assert result.stdout == ""
