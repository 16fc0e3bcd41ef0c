"""Load a rulebook from YAML, keeping line numbers so that every mistake is
reported as ``file:line:column: a plain sentence`` (in Chinese, for the
auditors who edit rulebooks).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from fazhi.rulebook.schema import Rulebook

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class RulebookError(Exception):
    """A rulebook that cannot be used; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class _Tree:
    """YAML → plain Python values, with the position of every node by path."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.marks: dict[Loc, tuple[int, int]] = {}
        self.key_marks: dict[Loc, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def build(self, node: yaml.Node, path: Loc = ()) -> Any:
        self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for k_node, v_node in node.value:
                key = k_node.value if isinstance(k_node, yaml.ScalarNode) else str(k_node.value)
                if key in out:
                    self.problems.append(Problem(
                        self.file, k_node.start_mark.line + 1, k_node.start_mark.column + 1,
                        f"键「{key}」重复出现；YAML 只会保留最后一个，请删除或合并"))
                self.key_marks[(*path, key)] = (k_node.start_mark.line + 1,
                                                k_node.start_mark.column + 1)
                out[key] = self.build(v_node, (*path, key))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(v, (*path, i)) for i, v in enumerate(node.value)]
        return yaml.SafeLoader.construct_object(_LOADER, node)  # type: ignore[no-untyped-call, unused-ignore]

    def where(self, loc: Loc, key: bool = False) -> tuple[int, int]:
        loc = tuple(loc)
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc:
            if loc in self.key_marks:
                return self.key_marks[loc]
            if loc in self.marks:
                return self.marks[loc]
            loc = loc[:-1]
        return self.marks.get((), (1, 1))


_LOADER = yaml.SafeLoader("")


def _field_names(model: type[BaseModel]) -> list[str]:
    names = []
    for name, f in model.model_fields.items():
        names.append(f.alias or name)
    return names


def _sentence(err: Mapping[str, Any], known: list[str]) -> str:
    loc = err["loc"]
    field = str(loc[-1]) if loc else ""
    typ = err["type"]
    if typ == "missing":
        return f"缺少必填字段「{field}」"
    if typ == "extra_forbidden":
        hint = difflib.get_close_matches(field, known, n=1)
        extra = f"，是否应为「{hint[0]}」？" if hint else f"；允许的字段：{'、'.join(known)}" if known else ""
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
    if typ.endswith("_type") or typ.endswith("_parsing"):
        return f"「{field}」的类型不对：{err['msg']}"
    if typ == "too_short":
        return f"「{field}」不能为空"
    return f"「{field}」：{err['msg']}"


def _model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that owns the last key of ``loc`` (for 'did you mean')."""
    model: Any = root
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        f = next((f for n, f in model.model_fields.items() if (f.alias or n) == part), None)
        if f is None:
            return None
        ann = f.annotation
        model = _inner_model(ann)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(ann: Any) -> Any:
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _problems(exc: ValidationError, tree: _Tree, model: type[BaseModel], prefix: Loc = ()
              ) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = (*prefix, *err["loc"])
        owner = _model_at(model, tuple(err["loc"]))
        known = _field_names(owner) if owner else []
        line, col = tree.where(loc, key=err["type"] == "extra_forbidden")
        out.append(Problem(tree.file, line, col, _sentence(err, known)))
    return out


def load_rulebook(path: Path, check_models: Mapping[str, type[BaseModel]]) -> Rulebook:
    """Parse, validate and cross-check a rulebook; raise :class:`RulebookError` on any mistake."""
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulebookError([Problem(file, 1, 1, f"无法读取规则文件：{exc}")]) from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise RulebookError([Problem(file, line, col, f"YAML 语法错误：{exc}")]) from exc
    if node is None:
        raise RulebookError([Problem(file, 1, 1, "规则文件是空的")])
    tree = _Tree(file)
    data = tree.build(node)
    if tree.problems:
        raise RulebookError(tree.problems)
    if not isinstance(data, dict):
        raise RulebookError([Problem(file, 1, 1, "规则文件的顶层应为键值映射（id、version、rules 等）")])
    try:
        book = Rulebook.model_validate(data)
    except ValidationError as exc:
        raise RulebookError(_problems(exc, tree, Rulebook)) from exc
    problems = cross_check(book, data, tree, check_models)
    if problems:
        raise RulebookError(problems)
    return book


def cross_check(book: Rulebook, data: dict[str, Any], tree: _Tree,
                check_models: Mapping[str, type[BaseModel]]) -> list[Problem]:
    """What one field alone cannot say: ids, references, check parameters."""
    problems: list[Problem] = []
    kinds = book.section_kinds()

    def at(loc: Loc, msg: str, key: bool = False) -> None:
        line, col = tree.where(loc, key=key)
        problems.append(Problem(tree.file, line, col, msg))

    for name, members in book.scopes.items():
        for j, k in enumerate(members):
            if k not in kinds:
                at(("scopes", name, j), f"范围「{name}」中的章节类型「{k}」不存在；可用：{'、'.join(kinds)}")
    kind_names = [k.name for k in book.document.kinds]
    for field in ("default_kind", "unstructured_kind"):
        if getattr(book.document, field) not in kind_names:
            at(("document", field), f"「{field}」须是 document.kinds 中的一个章节类型")
    seen: dict[str, int] = {}
    scope_names = set(book.scopes) | set(kinds) | {"all"}
    for i, rule in enumerate(book.rules):
        if rule.id in seen:
            at(("rules", i, "id"), f"规则编号「{rule.id}」与第 {seen[rule.id] + 1} 条规则重复")
        if rule.severity not in book.scoring.severities:
            at(("rules", i, "severity"),
               f"严重程度「{rule.severity}」未在 scoring.severities 中定义；可用：{'、'.join(book.scoring.severities)}")
        for j, req in enumerate(rule.requires):
            if req not in seen:
                hint = difflib.get_close_matches(req, [r.id for r in book.rules], n=1)
                more = f"，是否应为「{hint[0]}」？" if hint else ""
                later = " （前提规则须写在本规则之前）" if any(r.id == req for r in book.rules) else ""
                at(("rules", i, "requires", j), f"前提规则「{req}」不存在{later}{more}")
        seen[rule.id] = i
        check = rule.check
        loc = ("rules", i, "check")
        if not isinstance(check, dict) or "kind" not in check:
            at(loc, f"规则「{rule.id}」的 check 须是映射并写明 kind；可用的检查类型：{'、'.join(sorted(check_models))}")
            continue
        model = check_models.get(check["kind"])
        if model is None:
            hint = difflib.get_close_matches(str(check["kind"]), list(check_models), n=1)
            more = f"，是否应为「{hint[0]}」？" if hint else f"；可用：{'、'.join(sorted(check_models))}"
            at((*loc, "kind"), f"检查类型「{check['kind']}」不存在{more}")
            continue
        ctx = {"scopes": scope_names, "rules": set(seen) - {rule.id}}
        try:
            model.model_validate(check, context=ctx)
        except ValidationError as exc:
            problems.extend(_problems(exc, tree, model, loc))
    return problems


def parse_checks(book: Rulebook, check_models: Mapping[str, type[BaseModel]]) -> list[BaseModel]:
    """The validated parameter model of every rule's check, in rule order."""
    scope_names = set(book.scopes) | set(book.section_kinds()) | {"all"}
    ids = {r.id for r in book.rules}
    return [check_models[r.check["kind"]].model_validate(r.check, context={"scopes": scope_names,
                                                                          "rules": ids})
            for r in book.rules]
