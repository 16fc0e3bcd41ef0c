"""Where rulebooks are: the repository's rules/ folder when running from a
checkout, the installed ``fazhi.rules`` package data otherwise."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DEFAULT_NAME = "annual_report.yaml"
TESTS_DIR = "tests"


def rules_dir() -> Path:
    """The folder of the built-in rulebooks (rules/ in a checkout, fazhi.rules installed)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "rules" / DEFAULT_NAME
        if candidate.is_file() and (parent / "pyproject.toml").is_file():
            return candidate.parent
    try:
        res = resources.files("fazhi.rules") / DEFAULT_NAME
        with resources.as_file(res) as p:
            if Path(p).is_file():
                return Path(p).parent
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    raise FileNotFoundError(
        f"找不到默认规则文件 {DEFAULT_NAME}。请用 --rules 指定规则文件，或重新安装 fazhi。")


def default_rulebook() -> Path:
    """Path of the default rulebook (rules/annual_report.yaml)."""
    return rules_dir() / DEFAULT_NAME


def builtin_names() -> list[str]:
    """Names of the built-in rulebooks (``extends: <name>``)."""
    try:
        return sorted(p.stem for p in rules_dir().glob("*.yaml"))
    except FileNotFoundError:
        return []


def find_rulebook(ref: str, near: Path) -> Path | None:
    """The file an ``extends:`` names: a path relative to the extending file, or the
    name of a rulebook next to it or among the built-in ones."""
    p = Path(ref)
    if p.suffix in (".yaml", ".yml") or "/" in ref or "\\" in ref:
        cand = p if p.is_absolute() else near.parent / p
        return cand if cand.is_file() else None
    dirs = [near.parent]
    try:
        dirs.append(rules_dir())
    except FileNotFoundError:
        pass
    for d in dirs:
        for suffix in (".yaml", ".yml"):
            cand = d / f"{ref}{suffix}"
            if cand.is_file():
                return cand
    return None


def tests_dir(rulebook: Path) -> Path:
    """Where the rule test cases of a rulebook file live: ``tests/`` next to it."""
    return rulebook.parent / TESTS_DIR
