"""A 责任清单's explanation (解读) names the office its list binds where it says why the list was made.

A township posts a 解读 of an office's responsibility list as numbered sections: `一、制定背景` (`…,制定杜村乡应急管理中心
责任清单。`), `二、起草过程`, `三、工作目标`, `四、主要内容` with the duties (`1、负责…` `2、协调…`) that name no unit, and
`五、下步工作` whose items are bare headings (`(一)加强领导,落实责任。`). The office whose list it is, named once in the
background sentence (`制定X责任清单`), does each duty, as a target letter's title names the office it binds
(`letter_titles`, round 88); the bare headings of the next steps charge no one and hold no measure (round 125).

Not such a name: a group (`制定各部门责任清单`, a list for many), a topic (`制定安全生产责任清单`, no office), a list
named in any other section (the text around the duties, where a sentence may quote another office's list).

A plan's closing requirement whose only subject is the bare group (`(一)提高思想认识。各部门要充分认识到…`) charges no one
either (in a plan `各部门` names no one, README rounds 96-98): beside requirements naming their doers it is no measure.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .outline_node import Node
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import VAGUE_RE, looks_like_units

_BACKGROUND_RE = lazy_compile(r"^(?:制定|起草|出台|编制)?(?:背景|依据|背景和依据|背景及依据)\s*(?:[。:\n]|$)")
# `制定杜村乡应急管理中心责任清单`: the verb of making, the office, and the list's kind right after it.
_MADE_RE = lazy_compile(
    r"(?:制定|编制|出台|梳理)(?:了|出)?《?(?P<unit>[\u4e00-\u9fff()]{2,30}?)(?:安全生产|应急管理|工作|职责)?(?:责任清单|权责清单)",
    needs="清单",
)
_NOT_OFFICE_RE = lazy_compile(r"^各|^本|^我|部门$|单位$|^安全生产|^应急管理")
# `加强领导,落实责任。`: two short phrases and nothing else, the heading of a step a 解读 only names.
_BARE_RE = lazy_compile(r"^[\u4e00-\u9fff]{2,8}[,、][\u4e00-\u9fff]{2,8}[。]?$")


def made_list_owner(root: Node) -> tuple[Responsibility, str] | None:
    """The office a 解读's background section names as the list's (`制定X责任清单`), leading, or None."""
    for section in root.children:
        if not section.pieces or not _BACKGROUND_RE.match(normalise(section.pieces[0][1]).strip()):
            continue
        text = section.own_text
        norm = normalise(text)
        for made in _MADE_RE.finditer(norm):
            unit = made["unit"]
            if _NOT_OFFICE_RE.search(unit) or VAGUE_RE.search(unit) or not looks_like_units(unit):
                continue
            resp = Responsibility(origin="清单名称")
            resp.roles[LISTED] = split_names(text, norm, made.start("unit"), made.end("unit"))
            if resp.found:
                return resp, "清单名称"
    return None


def bare_step(node: Node) -> bool:
    """A leaf whose siblings and itself are all bare headings (`(一)加强领导,落实责任。`): no measure."""
    parent = node.parent
    if node.children or parent is None or len(parent.children) < 2:
        return False
    return all(
        not k.children
        and _BARE_RE.match(normalise(k.own_text).strip().split("\n")[0]) is not None
        and len(normalise(k.own_text).strip().splitlines()) <= 2
        for k in parent.children
    )


# `各部门要…` opening a sentence: the bare group, with no `有关` / `相关` narrowing it to the work's departments.
_BARE_GROUP_RE = lazy_compile(r"(?:^|[。;!?])\s*各(?:部门|单位)(?:要(?![求点])|应当|必须|务必)", needs="各部门|各单位")
# Any other sentence subject owing a duty (`县消防救援大队每月…`, `各有关部门要…`): then the item charges someone.
_OTHER_SUBJECT_RE = lazy_compile(r"[。;]\s*(?!各(?:部门|单位))[\u4e00-\u9fff()]{2,20}?(?:要|每月|每季|负责|牵头|在\d)")


def charges_bare_group(text: str) -> bool:
    """Whether a requirement's sentences charge only the bare group (`各部门要…`)."""
    norm = normalise(text)
    return bool(_BARE_GROUP_RE.search(norm)) and not _OTHER_SUBJECT_RE.search(norm)
