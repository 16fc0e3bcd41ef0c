"""Where the default rulebook is: the repository's rules/ folder when running
from a checkout, the installed ``fazhi.rules`` package data otherwise."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DEFAULT_NAME = "annual_report.yaml"


def default_rulebook() -> Path:
    """Path of the default rulebook (rules/annual_report.yaml)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "rules" / DEFAULT_NAME
        if candidate.is_file() and (parent / "pyproject.toml").is_file():
            return candidate
    try:
        res = resources.files("fazhi.rules") / DEFAULT_NAME
        with resources.as_file(res) as p:
            if Path(p).is_file():
                return Path(p)
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    raise FileNotFoundError(
        f"找不到默认规则文件 {DEFAULT_NAME}。请用 --rules 指定规则文件，或重新安装 fazhi。")
