"""Rulebook inheritance: ``extends`` a base rulebook and change only what differs.

An extending file may replace ``id``/``version``/``title``, merge ``scoring``
and ``scopes``, append ``not_evidence`` patterns, append wordings to the base's
section kinds and metadata (``document``), add ``rules``, change existing rules
(``override``: severity, weight, texts, check parameters, or ``enabled: false``)
and add or extend ``profiles``. The merge works on the raw YAML data and moves every value's
position with it, so that a later mistake is reported in the file that has it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from fazhi.rulebook.source import Loc, Problem, SourceTree, close_match


def _rule_refs(value: Any) -> Iterator[str]:
    """Rule ids a check refers to through ``rule:<id>`` scopes."""
    if isinstance(value, str) and value.startswith("rule:"):
        yield value[5:]
    elif isinstance(value, dict):
        for v in value.values():
            yield from _rule_refs(v)
    elif isinstance(value, list):
        for v in value:
            yield from _rule_refs(v)


def apply_overrides(data: dict[str, Any], tree: SourceTree, overrides: dict[str, Any],
                    src: SourceTree, src_loc: Loc) -> list[Problem]:
    """Apply ``override`` entries (validated shapes) to ``data['rules']`` in place."""
    rules: list[dict[str, Any]] = data["rules"]
    ids = [r.get("id") for r in rules]
    problems: list[Problem] = []
    for rid in overrides:
        if rid not in ids:
            problems.append(src.problem(
                (*src_loc, rid), f"要修改的规则「{rid}」不存在{close_match(rid, [str(i) for i in ids])}",
                key=True))
    disabled = {rid for rid, ov in overrides.items()
                if rid in ids and isinstance(ov, dict) and ov.get("enabled") is False}
    for r in rules:
        if r.get("id") in disabled:
            continue
        needs = [d for d in r.get("requires", []) if d in disabled]
        needs += [d for d in _rule_refs(r.get("check")) if d in disabled]
        for d in dict.fromkeys(needs):
            problems.append(src.problem(
                (*src_loc, d, "enabled"),
                f"停用规则「{d}」后，规则「{r.get('id')}」依赖的前提或查找范围不复存在；"
                f"请一并停用「{r.get('id')}」，或修改它的 requires / scope"))
    if disabled:
        for prof in (data.get("profiles") or {}).values():
            for rid in disabled:
                if isinstance(prof, dict) and isinstance(prof.get("override"), dict):
                    prof["override"].pop(rid, None)
        snapshot = tree.copy()
        kept = [(i, r) for i, r in enumerate(rules) if r.get("id") not in disabled]
        tree.drop(("rules",))
        data["rules"] = rules = [r for _, r in kept]
        for n, (i, _) in enumerate(kept):
            tree.graft(("rules", n), snapshot, ("rules", i))
    for n, r in enumerate(rules):
        ov = overrides.get(r.get("id"))  # type: ignore[arg-type]
        if not isinstance(ov, dict):
            continue
        for key, value in ov.items():
            if key == "enabled":
                continue
            if key in ("messages", "check") and isinstance(value, dict) \
                    and isinstance(r.get(key), dict):
                for k2, v2 in value.items():
                    r[key][k2] = copy.deepcopy(v2)
                    tree.graft(("rules", n, key, k2), src, (*src_loc, r["id"], key, k2))
            else:
                r[key] = copy.deepcopy(value)
                tree.graft(("rules", n, key), src, (*src_loc, r["id"], key))
    return problems


def _deep_merge(dst: dict[str, Any], src_data: dict[str, Any], tree: SourceTree, dst_loc: Loc,
                src: SourceTree, src_loc: Loc) -> None:
    for k, v in src_data.items():
        if isinstance(v, dict) and isinstance(dst.get(k), dict):
            _deep_merge(dst[k], v, tree, (*dst_loc, k), src, (*src_loc, k))
        else:
            dst[k] = copy.deepcopy(v)
            tree.graft((*dst_loc, k), src, (*src_loc, k))


def _append(dst: list[Any], items: list[Any], tree: SourceTree, dst_loc: Loc,
            src: SourceTree, src_loc: Loc) -> None:
    for j, item in enumerate(items):
        dst.append(copy.deepcopy(item))
        tree.graft((*dst_loc, len(dst) - 1), src, (*src_loc, j))


def _patch_document(data: dict[str, Any], tree: SourceTree, patch: dict[str, Any],
                    src: SourceTree) -> list[Problem]:
    problems: list[Problem] = []
    doc = data["document"]
    kinds: list[dict[str, Any]] = doc["kinds"]
    names = [k["name"] for k in kinds]
    for kname, kp in (patch.get("kinds") or {}).items():
        if kname not in names:
            problems.append(src.problem(
                ("document", "kinds", kname),
                f"章节类型「{kname}」不存在{close_match(kname, names)}；可用：{'、'.join(names)}",
                key=True))
            continue
        i = names.index(kname)
        for field in ("headings", "subheadings", "content", "opens", "exclude", "not_after"):
            _append(kinds[i].setdefault(field, []), kp.get(field) or [], tree,
                    ("document", "kinds", i, field), src, ("document", "kinds", kname, field))
        for field in ("label", "min_content_hits", "next_year"):
            if kp.get(field) is not None:
                kinds[i][field] = kp[field]
                tree.graft(("document", "kinds", i, field), src,
                           ("document", "kinds", kname, field))
    meta = patch.get("meta") or {}
    for field, value in meta.items():
        if isinstance(value, list):
            _append(doc["meta"].setdefault(field, []), value, tree, ("document", "meta", field),
                    src, ("document", "meta", field))
        elif value is not None:
            doc["meta"][field] = value
            tree.graft(("document", "meta", field), src, ("document", "meta", field))
    for field, value in patch.items():
        if field in ("kinds", "meta") or value is None:
            continue
        if isinstance(value, list):  # combine_joiners: added to the base's
            _append(doc.setdefault(field, []), value, tree, ("document", field), src, ("document", field))
            continue
        doc[field] = value
        tree.graft(("document", field), src, ("document", field))
    return problems


def _merge_profiles(data: dict[str, Any], tree: SourceTree, profiles: dict[str, Any],
                    src: SourceTree) -> None:
    mine: dict[str, Any] = data.setdefault("profiles", {})
    for name, prof in profiles.items():
        if name not in mine:
            mine[name] = copy.deepcopy(prof)
            tree.graft(("profiles", name), src, ("profiles", name))
            continue
        target = mine[name]
        for key in ("title", "description"):
            if key in prof:
                target[key] = prof[key]
                tree.graft(("profiles", name, key), src, ("profiles", name, key))
        over = target.setdefault("override", {})
        for rid, ov in (prof.get("override") or {}).items():
            if rid in over and isinstance(over[rid], dict) and isinstance(ov, dict):
                _deep_merge(over[rid], ov, tree, ("profiles", name, "override", rid), src,
                            ("profiles", name, "override", rid))
            else:
                over[rid] = copy.deepcopy(ov)
                tree.graft(("profiles", name, "override", rid), src,
                           ("profiles", name, "override", rid))


def merge(base: dict[str, Any], base_tree: SourceTree, child: dict[str, Any],
          child_tree: SourceTree) -> tuple[dict[str, Any], SourceTree, list[Problem]]:
    """The base rulebook's data changed by an extending file's (shape already validated)."""
    data = copy.deepcopy(base)
    tree = base_tree.copy()
    tree.file = child_tree.file
    problems: list[Problem] = []
    for key in ("schema_version", "id", "version", "title"):
        if key in child:
            data[key] = child[key]
            tree.graft((key,), child_tree, (key,))
    if isinstance(child.get("scoring"), dict):
        _deep_merge(data["scoring"], child["scoring"], tree, ("scoring",), child_tree,
                    ("scoring",))
    for name, members in (child.get("scopes") or {}).items():
        data["scopes"][name] = copy.deepcopy(members)
        tree.graft(("scopes", name), child_tree, ("scopes", name))
    if isinstance(child.get("document"), dict):
        problems += _patch_document(data, tree, child["document"], child_tree)
    shields = data.setdefault("not_evidence", [])
    for j, pattern in enumerate(child.get("not_evidence") or []):
        shields.append(pattern)
        tree.graft(("not_evidence", len(shields) - 1), child_tree, ("not_evidence", j))
    ids = [r.get("id") for r in data["rules"]]
    for j, r in enumerate(child.get("rules") or []):
        rid = r.get("id") if isinstance(r, dict) else None
        if rid in ids:
            problems.append(child_tree.problem(
                ("rules", j, "id"), f"规则「{rid}」已在基础规则集中；要修改它，请写在 override: 下"))
            continue
        data["rules"].append(copy.deepcopy(r))
        tree.graft(("rules", len(data["rules"]) - 1), child_tree, ("rules", j))
    problems += apply_overrides(data, tree, child.get("override") or {}, child_tree,
                                ("override",))
    if child.get("profiles"):
        _merge_profiles(data, tree, child["profiles"], child_tree)
    return data, tree, problems
