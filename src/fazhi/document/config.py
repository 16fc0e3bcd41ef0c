"""The rulebook's knowledge about documents: section kinds and their wordings,
title, issuer and closing patterns. Defined here (the document stage reads it)
and embedded in the rulebook schema. Patterns are Python regular expressions
matched against normalised text (see :mod:`fazhi.document.normalize`).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from fazhi.document.firstchars import with_first_chars
from fazhi.document.normalize import changes_under_normalization


def check_pattern(value: str) -> str:
    """Validate a rulebook pattern: it compiles, is half-width, cannot match empty text."""
    if not value:
        raise ValueError("模式不能为空")
    try:
        rx = re.compile(value)
    except re.error as exc:
        where = f"第 {exc.pos + 1} 个字符处" if exc.pos is not None else "某处"
        raise ValueError(f"正则表达式无法编译（{where}）：{exc.msg}") from exc
    changed = changes_under_normalization(value)
    if changed:
        chars = "、".join(changed)
        raise ValueError(
            f"模式中含有全角或兼容字符「{chars}」。报告文本在匹配前已统一为半角（如（一）→(一)、"
            "：→:），这样的模式永远匹配不到；请改写为半角形式（括号写作 \\( \\)）"
        )
    if rx.match(""):
        raise ValueError("模式可以匹配空字符串，会在任何位置命中；请改写")
    if _refers_back(value):
        raise ValueError(
            "模式中引用了前面的分组（如 \\1、(?P=名称)）。同一处的几个模式会合并成一个表达式，"
            "分组的编号随之改变，引用会指向别的分组；请不用引用，把各种写法分别列出")
    return value


def _refers_back(pattern: str) -> bool:
    """Whether ``pattern`` refers to one of its groups (\\1, (?P=name), (?(1)…)): the
    reference would point elsewhere once the patterns of a list are joined into one."""
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if not in_class and pattern[i + 1:i + 2].isdigit() and pattern[i + 1] != "0":
                return True
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            # a ] first in the class ([]…] or [^]…]) is one of its characters
            i += 2 if pattern.startswith("^]", i + 1) else int(pattern.startswith("]", i + 1))
        elif pattern.startswith(("(?P=", "(?("), i):
            return True
        i += 1
    return False


Regex = Annotated[str, AfterValidator(check_pattern)]
"""A regular expression matched against normalised text (validated on load)."""


class WholeLine:
    """Marks a pattern that is only tried at one place (the start of a short line,
    or right after a year the check found first), never searched for."""


LineRegex = Annotated[str, AfterValidator(check_pattern), WholeLine()]
"""A pattern tried only at the start of a short line (match, fullmatch): nothing is
skipped over, so it may begin with any character (…办公室2023年2月21日印发)."""

class Scanned:
    """Marks a list of wordings searched for over whole sections. ``re`` skips quickly
    to their matches only when every wording starts with a fixed character (see
    :mod:`fazhi.document.firstchars`); the rulebook lint warns at one that does not."""


ScannedRegexes = Annotated[list[Regex], Scanned()]
"""A check's wordings searched for over whole sections (``any``, ``bundle``, ``mentions``)."""

AfterYearRegex = Annotated[str, AfterValidator(check_pattern), WholeLine()]
"""A pattern tried only right after a year (2024年, 二〇二四年): it may begin with any
character too (,我镇将)."""


POSITION_KINDS = {"preamble": "开头", "opening": "开头段落", "closing": "落款",
                  "attachments": "附件"}
"""Parts of a report found by their place rather than by a heading, with their
labels: what stands before the first heading, the signature block, and the
attachments after it; and, of what stands before the first heading, the part after
the title (the addressee and the opening paragraph, not a web page's lines above the
title). Reserved: no section kind of a rulebook may take these names."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def compile_any(patterns: list[str]) -> re.Pattern[str] | None:
    """One alternation of all ``patterns`` (None if empty), led by a look-ahead of the
    characters a match can start with (:mod:`fazhi.document.firstchars`): the same
    matches, found several times faster where the wordings start with a group."""
    if not patterns:
        return None
    return re.compile(with_first_chars("|".join(f"(?:{p})" for p in patterns)))


class SectionKind(Strict):
    """A kind of top-level section and how to recognise it.

    ``headings``: patterns that classify a top-level heading as this kind (the
    first kind in the list whose pattern matches wins; kinds named ``combine``
    that match too are recorded as well, where one of the document's
    ``combine_joiners`` stands between the two wordings: 工作开展情况及下一步打算
    names two parts, 下一步主要措施 one). ``subheadings``: stricter patterns
    that give a second-level section a kind of its own inside a section of
    another kind. ``content``: patterns counted in
    the body of a section whose heading matched no kind; with at least
    ``min_content_hits`` hits, the kind with most hits is chosen. ``opens``:
    paragraph openings (matched at a paragraph's start) that begin this kind's
    part inside a section whose heading names several kinds and whose
    sub-headings name none (存在的问题及下一步打算 … 下一步，我镇将…).
    ``exclude``: patterns that keep a heading or sub-heading from being this kind
    although ``headings`` or ``subheadings`` match it (2022年工作计划完成情况 reports
    work done, not a plan). ``next_year``: a top-level heading that names the year
    after the report's (its title's) and not the report's own year is this kind,
    unless its wording names a kind other than ``default_kind`` or ``exclude``
    matches it (2023年推进法治政府建设的主要措施 in a report on 2022).
    ``not_after``: kinds after whose wording this kind's names no part of its own
    in a combined heading (下一步工作重点和主要措施: measures named after the plan
    are the plan's).
    """

    name: str
    label: str
    headings: list[Regex] = Field(default_factory=list)
    subheadings: list[Regex] = Field(default_factory=list)
    combine: bool = False
    content: list[Regex] = Field(default_factory=list)
    min_content_hits: int = 3
    opens: list[Regex] = Field(default_factory=list)
    exclude: list[Regex] = Field(default_factory=list)
    next_year: bool = False
    not_after: list[str] = Field(default_factory=list)

    @cached_property
    def heading_re(self) -> re.Pattern[str] | None:
        return compile_any(self.headings)

    @cached_property
    def subheading_re(self) -> re.Pattern[str] | None:
        return compile_any(self.subheadings)

    @cached_property
    def opens_re(self) -> re.Pattern[str] | None:
        return compile_any(self.opens)

    @cached_property
    def content_res(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.content]

    @cached_property
    def exclude_re(self) -> re.Pattern[str] | None:
        return compile_any(self.exclude)

    def names(self, title: str, sub: bool = False) -> re.Match[str] | None:
        """Where a heading's title (a sub-heading's, with ``sub``) names this kind, or
        None when it does not or when an ``exclude`` pattern matches it."""
        rx = self.subheading_re if sub else self.heading_re
        m = rx.search(title) if rx is not None else None
        if m is None or self.excludes(title):
            return None
        return m

    def excludes(self, title: str) -> bool:
        return self.exclude_re is not None and self.exclude_re.search(title) is not None


class MetaConfig(Strict):
    """Patterns for the report's metadata.

    ``title``: a line is the title if it matches one of these (searched in the
    first ``title_search_lines`` paragraphs). ``issuer``: patterns whose whole
    match is an issuing body (…人民政府, …委员会, …局), looked for in the
    lines before the title, in a line under it made only of issuers, and in the
    closing. ``place``: a place name at the start of the title (…镇, …县).
    ``closing``: short lines that belong to the signature block (特此报告, a
    date, an issuer). ``imprint``: lines of the imprint below the signature
    (抄送：…, …办公室2023年2月21日印发, 联系人：…): they close the report too, but
    the office and date they name are not its issuer and date (成文日期).
    ``attachment``: how a paragraph opens the attachments placed after the
    signature and its date (附件1, 附件：…情况表); from there to the end the text
    is the report's attachments, not its last section; above the signature, a
    line so opened starts an attachment note. ``title_issuer_before``: issuers
    that open the title count
    as named when one of these, or the title's year, follows them (…司法局关于…,
    …自然资源局2022年度…). ``issuer_joiners``: what may stand between joint
    issuers opening a title (中共…委员会、…人民政府关于…); they may also follow
    one another directly. ``issuer_parts``: a body written straight after
    another whose whole name matches one of these is part of it, not a second
    issuer (广州市公安局增城区分局, 某区人民政府某街道办事处, 中共某县委组织部).
    ``year_cue``: where the title names no year, a year inside a stretch these match
    in the lines before the first section is the report's (现将我镇2024年法治政府建设
    情况报告如下, although 在2023年工作基础上 came first). ``issuer_fields``: labels of a
    web page's information field that names the issuing body (发文机关:某市人民政府), read
    when no line above the title, under it or in the signature names one.
    """

    title: list[Regex]
    title_search_lines: int = 6
    issuer: list[Regex]
    place: list[Regex]
    title_issuer_before: list[Regex] = Field(default_factory=list)
    issuer_joiners: list[str] = Field(default_factory=list)
    issuer_parts: list[Regex] = Field(default_factory=list)
    year_cue: list[Regex] = Field(default_factory=list)
    issuer_fields: list[str] = Field(default_factory=list)

    @field_validator("issuer_joiners", "issuer_fields")
    @classmethod
    def _words_normalised(cls, v: list[str], info: ValidationInfo) -> list[str]:
        what = "连接字" if info.field_name == "issuer_joiners" else "字段名"
        for j in v:
            changed = changes_under_normalization(j)
            if not j.strip() or changed:
                raise ValueError(f"{what}「{j}」为空或含有全角、兼容字符或空白（{'、'.join(changed)}），"
                                 "报告文本规范化后不会出现这样的字；请改写为规范化后的形式")
        return v
    closing: list[LineRegex]
    closing_max_chars: int = 40
    imprint: list[LineRegex] = Field(default_factory=list)
    attachment: list[Regex] = Field(default_factory=list)


class CompletenessConfig(Strict):
    """When a document is flagged as incomplete.

    ``too_short``: fewer than ``min_chars`` characters of (normalised) text.
    ``truncated``: the text visibly stops (its last paragraph ends without a
    sentence-final mark, or on a heading with nothing under it), no closing
    block follows, and one of ``end_kinds`` (the sections a complete report
    has towards its end) is missing, i.e. the file ends inside its first
    sections. With ``end_kinds`` empty, a visible stop alone is enough.
    """

    min_chars: int = Field(default=300, ge=0)
    end_kinds: list[str] = Field(default_factory=list)
    sentence_end: str = r"[。!?;…」』\"”)]$"

    @field_validator("sentence_end")
    @classmethod
    def _compiles(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as exc:
            raise ValueError(f"正则表达式有误：{exc}") from exc
        return v

    @cached_property
    def sentence_end_re(self) -> re.Pattern[str]:
        return re.compile(self.sentence_end)


class FlattenedConfig(Strict):
    """When a text counts as flattened (its line breaks lost, see
    :mod:`fazhi.document.unflatten`): at least ``min_share`` of its characters
    stand in lines of at least ``min_line_chars`` characters."""

    min_line_chars: int = Field(default=800, ge=100)
    min_share: float = Field(default=0.6, gt=0, le=1)


class HardWrapConfig(Strict):
    """When a text without page layout counts as hard-wrapped at a fixed width (see
    :mod:`fazhi.document.rewrap`): at least ``min_lines`` lines, and at least
    ``min_share`` of the lines of ``min_chars`` characters or more, are as wide
    as one another, within one character."""

    min_lines: int = Field(default=8, ge=2)
    min_share: float = Field(default=0.5, gt=0, le=1)
    min_chars: int = Field(default=10, ge=1)


class PageFurnitureConfig(Strict):
    """When lines of a text are what a page prints around the report (see
    :mod:`fazhi.document.pagenumbers`, :mod:`fazhi.document.runningheads` and
    :mod:`fazhi.document.contents`; page numbers and running lines only where
    there is no page layout): page numbers that go up by one with at
    least ``min_gap`` lines of text between one and the next; running headers
    and footers among the ``edge_lines`` lines on either side of a page number;
    without page numbers, the text's first line (of ``title_min_chars``
    characters or more) standing again at least ``title_repeats`` times; a
    table of contents (lines ending in dot leaders and a page number, see
    :mod:`fazhi.document.contents`) and the line above it that names it
    (``contents_title``)."""

    min_gap: int = Field(default=3, ge=1)
    edge_lines: int = Field(default=2, ge=1)
    title_min_chars: int = Field(default=6, ge=1)
    title_repeats: int = Field(default=2, ge=1)
    contents_title: list[Regex] = Field(default_factory=list)

    @cached_property
    def contents_title_re(self) -> re.Pattern[str] | None:
        return compile_any(self.contents_title)


class WebPageConfig(Strict):
    """What a web page adds around a report printed or copied from it (see
    :mod:`fazhi.document.webpage`). Patterns match at the start of a normalised
    line. ``position``: the breadcrumb (当前位置…); ``info``: the information
    bar under the page's title (发布时间…, 来源…, 【字体…】, 【打印】【关闭】);
    ``tail``: the lines that follow the article (打印本页, 相关链接, the site's
    footer). ``bullet``: a list bullet a line of the page may open with
    (• 索引号:), passed over before the patterns. ``title_field``: the labels
    of the bar whose value is the page's title (标题:), for pages and saved
    copies that give the title only there. ``head_lines`` and ``tail_lines``:
    how many lines at the start and at the end are looked at. With no
    patterns, nothing is removed."""

    head_lines: int = Field(default=60, ge=1)
    tail_lines: int = Field(default=60, ge=1)
    bullet: Regex | None = None
    position: list[Regex] = Field(default_factory=list)
    info: list[Regex] = Field(default_factory=list)
    tail: list[Regex] = Field(default_factory=list)
    title_field: list[Regex] = Field(default_factory=list)

    def _compiled(self, patterns: list[str]) -> re.Pattern[str] | None:
        if self.bullet is None:
            return compile_any(patterns)
        return compile_any([f"(?:{self.bullet})?(?:{p})" for p in patterns])

    @cached_property
    def bullet_re(self) -> re.Pattern[str] | None:
        return re.compile(self.bullet) if self.bullet is not None else None

    @cached_property
    def position_re(self) -> re.Pattern[str] | None:
        return self._compiled(self.position)

    @cached_property
    def info_re(self) -> re.Pattern[str] | None:
        return self._compiled(self.info)

    @cached_property
    def tail_re(self) -> re.Pattern[str] | None:
        return self._compiled(self.tail)

    @cached_property
    def title_field_re(self) -> re.Pattern[str] | None:
        return self._compiled(self.title_field)

    @cached_property
    def any_re(self) -> re.Pattern[str] | None:
        """All three kinds at once: most lines match none, and are passed over in one test."""
        return self._compiled(self.position + self.info + self.tail)


class OutlineConfig(Strict):
    """How the document stage builds the outline and classifies sections."""

    kinds: list[SectionKind]
    default_kind: str
    unstructured_kind: str
    plain_heading_max_chars: int = 30
    join_min_chars: int = 15
    combine_joiners: list[Regex] = Field(default_factory=list)
    meta: MetaConfig
    completeness: CompletenessConfig = Field(default_factory=CompletenessConfig)
    flattened: FlattenedConfig = Field(default_factory=FlattenedConfig)
    hard_wrapped: HardWrapConfig = Field(default_factory=HardWrapConfig)
    page_furniture: PageFurnitureConfig = Field(default_factory=PageFurnitureConfig)
    web_page: WebPageConfig = Field(default_factory=WebPageConfig)

    @model_validator(mode="after")
    def _known_end_kinds(self) -> OutlineConfig:
        names = {k.name for k in self.kinds}
        unknown = [k for k in self.completeness.end_kinds if k not in names]
        if unknown:
            raise ValueError(f"completeness.end_kinds 中有未定义的章节类型：{'、'.join(unknown)}")
        return self

    def compile(self) -> None:
        """Compile every pattern now rather than on first use."""
        for kind in self.kinds:
            _ = kind.heading_re, kind.subheading_re, kind.content_res, kind.exclude_re
        _ = (self.title_re, self.combine_joiners_re, self.issuer_re, self.place_re, self.closing_re,
             self.imprint_re, self.attachment_re, self.title_issuer_before_re)
        web = self.web_page
        _ = web.position_re, web.info_re, web.tail_re, web.any_re, web.title_field_re
        _ = self.page_furniture.contents_title_re

    @cached_property
    def title_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.title)

    @cached_property
    def combine_joiners_re(self) -> re.Pattern[str] | None:
        return compile_any(self.combine_joiners)

    @cached_property
    def issuer_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.issuer)

    @cached_property
    def issuer_parts_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.issuer_parts)

    @cached_property
    def issuer_field_re(self) -> re.Pattern[str] | None:
        labels = [re.escape(f) for f in self.meta.issuer_fields if f]
        return re.compile(f"(?:{'|'.join(labels)}):\\s*") if labels else None

    @cached_property
    def year_cue_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.year_cue)

    @cached_property
    def place_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.place)

    @cached_property
    def title_issuer_before_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.title_issuer_before)

    @cached_property
    def closing_re(self) -> re.Pattern[str] | None:
        """A line of the closing: a closing phrase, a date, or a line of the imprint."""
        return compile_any(self.meta.closing + self.meta.imprint)

    @cached_property
    def imprint_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.imprint)

    @cached_property
    def attachment_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.attachment)
