"""A notice issuing a year's key projects: the project roles its requirements charge as their subjects (round 127).

A district's notice that hands out its key projects (`经研究,决定下达区20xx年重点建设项目`, `公布…重点项目名单`) names
no unit of its own: each project already has its 业主单位 (the owner building it), its 承办单位 and its 责任协调单位
(the office that pushes it). Its 工作要求 charge those roles taken together, often under headings naming them
(`(一)项目业主单位` / `(二)项目责任协调单位`), each requirement opening with the role as its subject:

    1、各重点项目业主单位务必制定和倒排详细工作方案,…。
    各重点前期项目承办单位务必按计划节点完成规划、土地、环评等审批环节,…。
    1、各责任协调单位要采取切实可行的措施,…督促和推动项目业主单位全面完成重点项目填报。

As round 95 reads a breakdown's `各责任单位要…`, each role is one addressee written as the text writes it: the first
subject leads, a later sentence's subject helps, also in a paragraph of its own under the item, which stays the item's
after a blank line (a portal's copy keeps one between paragraphs: `outline_lines`). `务必` charges as `要` does. The role headings themselves name no unit:
they group the requirements, whose subjects say who answers.

Near cases that charge no one: a role inside a sentence (`督促和推动项目业主单位全面完成…`, the object the coordinators
push), a role with no `各` (`业主单位要…`, a project's own owner in a plan's prose), and the same requirements in a
notice that issues no project list (`关于加快推进重点项目建设的通知`), where `各项目业主单位` stays a role of no one.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .role_sentences import opening_starts
from .textutil import normalise
from .unit_labels import CO, LISTED

# The kind `notice_kinds` adds for a notice issuing its key projects.
PROJECTS = "projects"
# `决定下达区20xx年重点建设项目。`, `现将20xx年重点项目名单公布如下`: the notice hands out the projects themselves,
# not a plan to speed them up (`印发…重点项目建设推进措施` names no list).
_ISSUES_RE = lazy_compile(
    r"(?:下达|公布|印发)[^。;,《》\n]{0,12}?重点(?:建设|前期)?项目(?:和重点(?:建设|前期)?项目)?(?:名单|计划|清单)?(?=[。;,]|$)",
    needs="下达|公布|印发 & 重点",
)
_BOOK_RE = lazy_compile(r"《[^《》]*》", needs="《")
# `各重点项目业主单位`, `各重点前期项目承办单位`, `各重点建设项目业主单位`, `各责任协调单位`.
_ROLE = r"各(?:重点)?(?:建设|前期)?(?:项目)?(?:业主|承办|责任协调)单位"
_VERB = r"(?:也|还|都)?(?:务必|要(?![求素点件务])|必须|须|应当)"
_SUBJECT_RE = lazy_compile(rf"(?P<names>{_ROLE}){_VERB}", needs="单位")
_LATER_RE = lazy_compile(rf"(?:^|[。;!?\n])\s*(?P<names>{_ROLE}){_VERB}", needs="单位")


def project_list_kind(header: list[tuple[int, str]]) -> frozenset[str]:
    """`{PROJECTS}` where a header line hands out the year's key projects, the titles it cites aside."""
    for _, line in header:
        if _ISSUES_RE.search(_BOOK_RE.sub("", normalise(line))):
            return frozenset({PROJECTS})
    return frozenset()


def next_role(item: str, paragraph: str) -> bool:
    """Whether an item and the paragraph after it each open with a project role as subject (`各…承办单位务必…`)."""
    return all(_SUBJECT_RE.match(norm.strip()) is not None for norm in (item, paragraph))


def project_role_charge(text: str, norm: str, groups: frozenset[str]) -> Responsibility | None:
    """In such a notice, the project role an item opens with (`各重点项目业主单位务必…`) leads; the roles later
    sentences open with help."""
    if PROJECTS not in groups:
        return None
    first = next((m for start in opening_starts(norm) if (m := _SUBJECT_RE.match(norm, start)) is not None), None)
    if first is None:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = [text[first.start("names") : first.end("names")]]
    for m in _LATER_RE.finditer(norm, first.end()):
        name = text[m.start("names") : m.end("names")]
        if name not in found.roles[LISTED] + found.roles[CO]:
            found.roles[CO].append(name)
    return found
