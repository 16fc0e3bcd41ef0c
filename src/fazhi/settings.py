"""The effective settings of a command: command line > config file > defaults.

The config file is ``fazhi.yaml`` in the working directory, or the file given
with ``--config``::

    rules: rules/henan.yaml      # rulebook (paths are relative to this file)
    profile: township            # one of the rulebook's profiles
    waivers: waivers.yaml
    out: scorecards              # folder for HTML scorecards
    fail_on: required            # never | required | recommended

Every value remembers where it came from, so that ``fazhi config`` can say.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from fazhi.rulebook.schema import Strict
from fazhi.rulebook.source import FileProblems, Problem, load_model

CONFIG_NAME = "fazhi.yaml"
PATH_KEYS = ("rules", "waivers", "out")
KEYS = ("rules", "profile", "waivers", "out", "fail_on")
DEFAULTS: dict[str, Any] = {"rules": None, "profile": None, "waivers": None,
                            "out": Path("scorecards"), "fail_on": "never"}
OPTION_NAMES = {"rules": "--rules", "profile": "--profile", "waivers": "--waivers",
                "out": "--out", "fail_on": "--fail-on"}


class ConfigFile(Strict):
    """What ``fazhi.yaml`` may set."""

    rules: str | None = None
    profile: str | None = None
    waivers: str | None = None
    out: str | None = None
    fail_on: Literal["never", "required", "recommended"] | None = None


@dataclass(frozen=True)
class Setting:
    value: Any
    source: str  # 命令行 --x | <file> 第 N 行 | 默认值


@dataclass(frozen=True)
class Settings:
    config_file: Path | None
    values: dict[str, Setting]

    def get(self, key: str) -> Any:
        return self.values[key].value

    @property
    def rules(self) -> Path | None:
        v = self.get("rules")
        return Path(v) if v is not None else None

    @property
    def profile(self) -> str | None:
        v = self.get("profile")
        return str(v) if v is not None else None

    @property
    def waivers(self) -> Path | None:
        v = self.get("waivers")
        return Path(v) if v is not None else None

    @property
    def out(self) -> Path:
        return Path(self.get("out"))

    @property
    def fail_on(self) -> str:
        return str(self.get("fail_on"))


def _relative(base: Path, value: str) -> Path:
    p = Path(value)
    return p if p.is_absolute() else base / p


def resolve_settings(cli: dict[str, Any], config: Path | None = None,
                     cwd: Path | None = None) -> Settings:
    """Merge the command line (``None`` = not given), the config file and the defaults.

    Raise :class:`FileProblems` for a config file that is missing (when named)
    or has a mistake.
    """
    here = cwd or Path(".")
    path = config
    if path is None and (here / CONFIG_NAME).is_file():
        path = here / CONFIG_NAME
    if config is not None and not config.is_file():
        raise FileProblems([Problem(str(config), 1, 1, f"找不到配置文件：{config}")])
    data: ConfigFile | None = None
    lines: dict[str, int] = {}
    if path is not None:
        data, tree = load_model(path, ConfigFile, "配置文件")
        lines = {k: tree.where((k,), key=True)[1] for k in data.model_fields_set}
    values: dict[str, Setting] = {}
    for key in KEYS:
        given = cli.get(key)
        if given is not None:
            values[key] = Setting(given, f"命令行 {OPTION_NAMES[key]}")
        elif data is not None and key in data.model_fields_set and getattr(data, key) is not None:
            assert path is not None
            raw = getattr(data, key)
            value = _relative(path.parent, raw) if key in PATH_KEYS else raw
            values[key] = Setting(value, f"{path} 第 {lines[key]} 行")
        else:
            values[key] = Setting(DEFAULTS[key], "默认值")
    return Settings(config_file=path, values=values)
