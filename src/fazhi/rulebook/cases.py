"""Rule test cases: short report snippets, each with the status a rule must give.

They live next to the rulebook, one file per rule, ``tests/<rule-id>.yaml``::

    rule: content.example
    cases:
      - name: pass-counsel-reviewed-contracts
        note: 聘请法律顾问并写明审查合同，属于已开展的工作
        expect: pass
        text: |
          关于2023年度法治政府建设情况的报告
          一、主要举措和成效
          ……

``name`` is a short slug (letters, digits, ``-``, ``_``) that names the case
in reports and in pytest ids; ``note`` says in Chinese why the expected status
is right; ``text`` is a whole mini-report (title, numbered headings), since
rules depend on the outline.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from fazhi.rulebook.schema import RULE_ID_RE, Status, Strict, Text
from fazhi.rulebook.source import FileProblems, Problem, SourceTree, load_model

CASE_NAME_RE = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"


class Case(Strict):
    """One snippet and the status the rule must give it."""

    name: str = Field(pattern=CASE_NAME_RE)
    expect: Status
    note: str | None = None
    text: Text


class CaseFile(Strict):
    """The test cases of one rule."""

    rule: str = Field(pattern=RULE_ID_RE)
    cases: list[Case] = Field(min_length=1)


@dataclass(frozen=True)
class RuleCase:
    """A case ready to run, with where it is written."""

    rule: str
    name: str
    expect: str
    text: str
    note: str | None
    file: str
    line: int
    rule_line: int
    text_line: int | None  # file line of the snippet's first line (block scalars)

    @property
    def id(self) -> str:
        return f"{self.rule}-{self.name}"

    def file_line(self, snippet_line: int | None) -> int:
        """The line in the case file of a line of the snippet (1-based), if known."""
        if self.text_line is None or snippet_line is None:
            return self.line
        return self.text_line + snippet_line - 1


def case_files(dirs: list[Path]) -> list[Path]:
    """Every ``*.yaml`` in the given folders, once, sorted."""
    seen: set[Path] = set()
    out: list[Path] = []
    for d in dirs:
        if not d.is_dir():
            continue
        for p in sorted(d.glob("*.y*ml")):
            key = p.resolve()
            if key not in seen and p.suffix in (".yaml", ".yml"):
                seen.add(key)
                out.append(p)
    return out


def load_case_file(path: Path) -> list[RuleCase]:
    """The cases of one file; raise :class:`FileProblems` for any mistake in it."""
    data, tree = load_model(path, CaseFile, "用例文件")
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    out: list[RuleCase] = []
    if path.stem != data.rule:
        problems.append(tree.problem(("rule",), (
            f"用例文件名「{path.name}」与规则编号「{data.rule}」不一致；请命名为 {data.rule}.yaml"),
            level="warning"))
    for i, c in enumerate(data.cases):
        if c.name in seen:
            problems.append(tree.problem(("cases", i, "name"),
                                         f"用例名称「{c.name}」与第 {seen[c.name] + 1} 个用例重复"))
        seen[c.name] = i
        out.append(RuleCase(rule=data.rule, name=c.name, expect=c.expect, text=c.text,
                            note=c.note, file=str(path), line=tree.where(("cases", i))[1],
                            rule_line=tree.where(("rule",))[1],
                            text_line=_text_line(tree, ("cases", i, "text"))))
    errors = [p for p in problems if p.level == "error"]
    if errors:
        raise FileProblems(problems)
    if problems:
        raise CaseWarnings(out, problems)
    return out


class CaseWarnings(Exception):
    """Cases that load, with doubtful points to report."""

    def __init__(self, cases: list[RuleCase], problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.cases = cases
        self.problems = problems


def _text_line(tree: SourceTree, loc: tuple[str | int, ...]) -> int | None:
    if tree.styles.get(loc) not in ("|", ">"):
        return None
    return tree.value_where(loc)[1] + 1


def load_cases(dirs: list[Path]) -> tuple[list[RuleCase], list[Problem]]:
    """Every case under ``dirs`` and the problems of the files that have any."""
    cases: list[RuleCase] = []
    problems: list[Problem] = []
    for f in case_files(dirs):
        try:
            cases += load_case_file(f)
        except CaseWarnings as w:
            cases += w.cases
            problems += w.problems
        except FileProblems as exc:
            problems += exc.problems
    return cases, problems
