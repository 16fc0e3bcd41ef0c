"""YAML files with positions: every value keeps the file, line and column it came
from, so that a mistake is reported as ``file:line:column: a plain sentence``
(in Chinese, for the auditors who edit rulebooks, waivers and configs).

A :class:`SourceTree` maps each path into the parsed data (``("rules", 3,
"severity")``) to its position. Positions may come from several files: when a
rulebook extends another, values from the base keep the base file's
positions and overridden values the extending file's (see :meth:`graft`).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

Loc = tuple[str | int, ...]
Mark = tuple[str, int, int]  # file, line, column (1-based)
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One mistake (``level`` error) or doubtful point (``level`` warning) in a file."""

    file: str
    line: int
    column: int
    message: str
    level: str = "error"

    def __str__(self) -> str:
        tag = "警告：" if self.level == "warning" else ""
        if not self.file:
            return f"{tag}{self.message}"
        return f"{self.file}:{self.line}:{self.column}: {tag}{self.message}"


class FileProblems(Exception):
    """A file that cannot be used; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class SourceTree:
    """YAML → plain Python values, with the position of every node by path."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Loc, Mark] = {}
        self.key_marks: dict[Loc, Mark] = {}
        self.styles: dict[Loc, str | None] = {}
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: Loc = ()) -> Any:
        self.marks[path] = (self.file, node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for k_node, v_node in node.value:
                key = k_node.value if isinstance(k_node, yaml.ScalarNode) else str(k_node.value)
                if key in out:
                    self.problems.append(Problem(
                        self.file, k_node.start_mark.line + 1, k_node.start_mark.column + 1,
                        f"键「{key}」重复出现；YAML 只会保留最后一个，请删除或合并"))
                self.key_marks[(*path, key)] = (self.file, k_node.start_mark.line + 1,
                                                k_node.start_mark.column + 1)
                out[key] = self.build(v_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(v, (*path, i)) for i, v in enumerate(node.value)]
        self.styles[path] = getattr(node, "style", None)
        try:
            return _LOADER.construct_object(node)
        except ValueError as exc:  # e.g. a date such as 2025-13-01
            self.problems.append(Problem(self.file, node.start_mark.line + 1,
                                         node.start_mark.column + 1,
                                         f"取值「{node.value}」无效（{exc}）；日期请写作 YYYY-MM-DD"))
            return node.value

    def where(self, loc: Loc, key: bool = False) -> Mark:
        """Position of ``loc`` (of its key when ``key``), else of its nearest ancestor."""
        loc = tuple(loc)
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc:
            if loc in self.key_marks:
                return self.key_marks[loc]
            if loc in self.marks:
                return self.marks[loc]
            loc = loc[:-1]
        return self.marks.get((), (self.file, 1, 1))

    def value_where(self, loc: Loc) -> Mark:
        """Position of the value at ``loc`` itself (not its key)."""
        loc = tuple(loc)
        return self.marks.get(loc) or self.where(loc)

    def problem(self, loc: Loc, message: str, key: bool = False,
                level: str = "error") -> Problem:
        return Problem(*self.where(loc, key=key), message, level)

    def copy(self) -> SourceTree:
        t = SourceTree(self.file)
        t.marks, t.key_marks, t.styles = dict(self.marks), dict(self.key_marks), dict(self.styles)
        return t

    def drop(self, prefix: Loc) -> None:
        """Forget every position under ``prefix`` (the value there is being replaced)."""
        n = len(prefix)
        for table in (self.marks, self.key_marks, self.styles):
            for k in [k for k in table if k[:n] == prefix and len(k) > n]:
                del table[k]

    def graft(self, dst: Loc, src: SourceTree, src_loc: Loc) -> None:
        """Positions at and under ``dst`` now come from ``src`` at ``src_loc``."""
        self.drop(dst)
        n = len(src_loc)
        for k, v in list(src.marks.items()):
            if k[:n] == src_loc:
                self.marks[(*dst, *k[n:])] = v
        for k, v in list(src.key_marks.items()):
            if k[:n] == src_loc:
                self.key_marks[(*dst, *k[n:])] = v
        for k, s in list(src.styles.items()):
            if k[:n] == src_loc:
                self.styles[(*dst, *k[n:])] = s


_LOADER = yaml.SafeLoader("")
# libyaml's parser where PyYAML was built with it (several times faster; the same
# nodes, positions and error marks), else the pure-Python one
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, what: str = "文件") -> tuple[Any, SourceTree]:
    """Parse ``path`` keeping positions; raise :class:`FileProblems` on any YAML mistake."""
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise FileProblems([Problem(file, 1, 1, f"找不到{what}：{file}")]) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise FileProblems([Problem(file, 1, 1, f"无法读取{what}：{exc}")]) from exc
    try:
        node = yaml.compose(text, Loader=_COMPOSER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise FileProblems([Problem(file, line, col, f"YAML 语法错误：{exc}")]) from exc
    tree = SourceTree(file)
    if node is None:
        raise FileProblems([Problem(file, 1, 1, f"{what}是空的")])
    try:
        data = tree.build(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise FileProblems([Problem(file, line, col, f"YAML 取值有误：{exc}")]) from exc
    if tree.problems:
        raise FileProblems(tree.problems)
    return data, tree


# -- pydantic errors as sentences -------------------------------------------------

FIELD_HINTS = {
    "basis": "法律依据（basis：依据的文件名和条款）",
    "messages": "判定说明（messages：各判定结果给审核人员看的话）",
    "suggestion": "整改建议（suggestion）",
    "title": "标题（title）",
    "severity": "严重程度（severity）",
    "check": "检查方式（check）",
    "pass": "达标时的说明（pass）",
    "fail": "缺失时的说明（fail）",
}


def field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _sentence(err: Mapping[str, Any], known: list[str]) -> str:
    loc = err["loc"]
    field = str(loc[-1]) if loc else ""
    typ = err["type"]
    if typ == "missing":
        hint = FIELD_HINTS.get(field)
        return f"缺少{hint}，请补上" if hint else f"缺少必填字段「{field}」"
    if typ == "extra_forbidden":
        close = difflib.get_close_matches(field, known, n=1)
        extra = f"，是否应为「{close[0]}」？" if close else f"；允许的字段：{'、'.join(known)}" if known else ""
        return f"未知字段「{field}」{extra}"
    if typ == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"「{field}」的取值「{err.get('input')}」无效，应为 {expected}"
    if typ == "string_pattern_mismatch":
        return f"「{field}」的取值「{err.get('input')}」格式不对（应匹配 {err['ctx']['pattern']}）"
    if typ in ("value_error", "assertion_error"):
        return f"「{field}」：{str(err['msg']).removeprefix('Value error, ')}"
    if typ == "union_tag_invalid":
        return f"检查类型「{err.get('input')}」不存在"
    if typ in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return f"「{field}」的日期「{err.get('input')}」无效，应写作 YYYY-MM-DD（如 2025-12-31）"
    if typ.endswith("_type") or typ.endswith("_parsing"):
        return f"「{field}」的类型不对：{err['msg']}"
    if typ == "too_short":
        hint = FIELD_HINTS.get(field)
        return f"{hint}不能为空" if hint else f"「{field}」不能为空"
    if typ in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return f"「{field}」的取值「{err.get('input')}」超出范围：{err['msg']}"
    return f"「{field}」：{err['msg']}"


def _inner_model(ann: Any) -> Any:
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that owns the last key of ``loc`` (for 'did you mean')."""
    model: Any = root
    for part in loc[:-1]:
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        f = next((f for n, f in model.model_fields.items() if (f.alias or n) == part), None)
        if f is None:
            # a dict key or list index: stay with the model of the container's values
            continue
        model = _inner_model(f.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def problems_from(exc: ValidationError, tree: SourceTree, model: type[BaseModel],
                  prefix: Loc = ()) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = (*prefix, *err["loc"])
        owner = model_at(model, tuple(err["loc"]))
        known = field_names(owner) if owner else []
        out.append(tree.problem(loc, _sentence(err, known), key=err["type"] == "extra_forbidden"))
    return out


def validate_as(model: type[M], data: Any, tree: SourceTree, prefix: Loc = (),
                context: dict[str, Any] | None = None) -> tuple[M | None, list[Problem]]:
    """``model`` validated from ``data``, or the problems with their positions."""
    try:
        return model.model_validate(data, context=context), []
    except ValidationError as exc:
        return None, problems_from(exc, tree, model, prefix)


def load_model(path: Path, model: type[M], what: str = "文件") -> tuple[M, SourceTree]:
    """Read and validate a YAML file as ``model``; raise :class:`FileProblems`."""
    data, tree = read_yaml(path, what)
    if not isinstance(data, dict):
        raise FileProblems([tree.problem((), f"{what}的顶层应为键值映射")])
    obj, problems = validate_as(model, data, tree)
    if obj is None:
        raise FileProblems(problems)
    return obj, tree


def close_match(word: str, choices: list[str]) -> str:
    """'，是否应为「x」？' for a likely typo, else ''."""
    hint = difflib.get_close_matches(word, choices, n=1)
    return f"，是否应为「{hint[0]}」？" if hint else ""
