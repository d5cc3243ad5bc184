"""In a 分工 section, a sub-heading that is nothing but an office's name heads that office's duties.

A 街道's or a 镇's own plan, or a bureau's for its 科室, often closes with its division of work:
a section headed `五、责任分工` (`职责分工`, `任务分工`, `部门职责`) whose sub-headings are the
offices alone, each over what that office is to do, in a paragraph or in numbered items:

    五、责任分工
    (一)党政办
    负责策划宣传造势,全面发动辖区群众……
    (二)城管中队、各社区
    1、重点对新港路进行整治……

The office heads its duties as a government's name heads a provincial list (`三、儋州市政府`,
`carried_units`): it leads the paragraph below it, or every item below it. Inside a 分工 section an
office's own words need no place before them (`党政办`, `财政所`, `各村`), as a heading elsewhere
would (`(一)组织领导` is a goal, not an office); a heading that says what to do (`(一)加强宣传`)
or holds more than names is no office's, and the section heading must name the division of work.

The genre also writes the sub-heading as the office's name and `职责:`, its duties run on after the
colon or set out below it (`(九)工商部门职责:依法确认…`, `(二)县公安局主要职责:`, `(三)广电局、日报社职责`).
The word 职责 says the heading lists whose duties, so it heads a division of work wherever it stands (a
web copy's later page opens inside the section, its heading left on the page before), and a name
without its place (`工商部门`, `城管部门`) is the office, as it is in the section. A vague subject (`相关部门`),
members alone (`各成员单位`) and a body of persons set up for the work named only by its kind (`领导小组`,
`指挥部`) name no office. A 镇's or a county's own plan often gives that body's duties first, under its
full name (`(一)镇防汛工作领导小组职责`, `(一)县防汛抗旱指挥部职责`): a name that opens with its place is
the body the plan set up, as answerable for its numbered duties as the office under the next heading.

A town's notice divides the work item by item instead (round 170): under `四、责任分工` each numbered item opens with
its doer, by whatever verb (`1.由保洁公司负责组织…`, `3.乡村振兴办公室做好组织协调工作,…`, `镇综治办牵头…`): that office
leads the item (`division_item`), as the notice's salutation group does not. Near cases: an item opening with a duty
(`1.加强巡查…`), a group or vague subject (`各部门做好…`, `相关单位要…`), an item of any other section.
"""

from __future__ import annotations

import re

from .body_lists import body_list_heading
from .lazy_patterns import lazy_compile
from .outline_node import Node
from .responsibility import Responsibility
from .textutil import normalise
from .unit_colon_items import unit_colon_charge
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import PLACE_FIRST_RE, VAGUE_RE, looks_like_units

# The section that divides the work: `五、责任分工`, `(三)明确职责分工`, `四、部门职责`.
# An emergency plan (应急预案) writes the members' duties under `2.2职责任务` (`成员单位职责`, `主要职责`),
# its 指挥部 set up in `2.1`: the same division of work in the plan's own words.
_DIVISION_RE = re.compile(
    r"^(?:明确|落实|细化)?(?:责任|职责|任务|工作|部门|单位)?分工(?:职责)?$"
    r"|^(?:部门|单位|成员单位|各成员单位|工作|主要)?职责(?:分工|任务|与任务|和任务)?$"
)
# An office of a 街道, a 镇 or a bureau, or a group of them: its name ends in an office's word. A city's
# plan names its own departments and the bodies it charges by name (`市委宣传部`, `市检察院`, `沈阳警备区`,
# `某移动通信公司某分公司`), a longer name.
_OFFICE = (
    r"(?:各)?[\u4e00-\u9fff]{0,20}?(?:办公室|办|中心|所|站|中队|大队|队|科室|科|股|室|处|局|委|"
    r"村委会|居委会|村|社区|部|厅|院|公司|警备区|军分区|会|社|台)(?:\([\u4e00-\u9fff、]{1,8}\))?"
)
_OFFICES_RE = lazy_compile(rf"^(?P<names>{_OFFICE}(?:、{_OFFICE}){{0,4}})$")
# Words that make a heading a goal or a duty, never an office's name.
_GOAL_RE = lazy_compile(
    r"的|^(?:着力|加快|推进|推动|构建|建设|打造|深化|加强|完善|提升|实施|强化|优化|健全|建立|成立|组织|开展|做好|抓好|落实)"
)

# `工商部门职责:`, `县公安局主要职责:`, `广电局、资阳日报社的职责` (a line of its own): whose duties follow.
_DUTIES_OF_RE = lazy_compile(
    r"^\s*(?P<names>[^,。;:!?\n]{2,30}?)(?:的)?(?:主要|工作|具体)?职责(?:是|为|如下)?\s*(?:[::]|$)", needs="职责"
)
# Not an office: members as such, a body of persons set up for the work, or a heading that sets duties
# (`(三)明确部门职责:`, `压实属地职责`).
_NO_OFFICE_RE = lazy_compile(r"成员单位|^(?:明确|压实|细化|分解|履行|夯实)")
_SET_UP_BODY_RE = lazy_compile(r"(?:领导小组|工作小组|小组|专班|指挥部)$")


def _heading(node: Node) -> str:
    return normalise(node.pieces[0][1] if node.pieces else "").strip().rstrip("。:")


def duty_heading(node: Node) -> Responsibility | None:
    """The office a sub-heading of a 分工 section names (`(一)党政办` under `五、责任分工`), as the
    responsibility for its text and every item below it; None for any other item."""
    text = node.pieces[0][1] if node.pieces else ""
    if (duties := _duties_of(text)) is not None:
        return duties
    if (opening := unit_colon_charge(text)) is not None:
        return opening  # `财政所:负责…`: the office before the colon (`unit_colon_items`)
    if (listed := body_list_heading(node)) is not None:
        return listed  # `一、文化馆党支部意识形态工作主体工作职责` over its duties (`body_lists`)
    parent = node.parent
    if parent is None or parent.style == "root" or not _DIVISION_RE.match(_heading(parent)):
        return None
    norm = normalise(text)
    name = _heading(node)
    m = _OFFICES_RE.match(name)
    if m is None or len(name) > 40 or _GOAL_RE.search(name) or not looks_like_units(name):
        return None
    start = len(norm) - len(norm.lstrip())
    found = Responsibility(origin="分工标题", whole_section=True)
    found.roles[LISTED] = split_names(text, norm, start, start + len(name))
    return found if found.found else None


def _duties_of(text: str) -> Responsibility | None:
    """The offices a sub-heading `X职责:` names as the ones whose duties follow, or None."""
    norm = normalise(text)
    m = _DUTIES_OF_RE.match(norm)
    if m is None:
        return None
    name = m["names"]
    if _GOAL_RE.search(name) or VAGUE_RE.search(name) or _NO_OFFICE_RE.search(name) or not looks_like_units(name):
        return None
    if _SET_UP_BODY_RE.search(name) and not PLACE_FIRST_RE.match(name):
        return None
    found = Responsibility(origin="分工标题", whole_section=True)
    found.roles[LISTED] = split_names(text, norm, m.start("names"), m.end("names"))
    return found if found.found else None


# A division item's doer: `由` or nothing, an office's name, then the verb charging it.
_DOER_RE = lazy_compile(
    rf"^\s*由?(?P<names>{_OFFICE}(?:、{_OFFICE}){{0,3}})(?=负责|做好|抓好|牵头|承担|要|应(?![急用对])|须|[,，]负责)",
    needs="负责|做好|抓好|牵头|承担|要|应|须",
)


def division_item(node: Node) -> tuple[Responsibility, str] | None:
    """The office a numbered item of a 分工 section opens with as its doer (`1.由保洁公司负责组织…`) and where it was
    read, or None."""
    parent = node.parent
    if node.children or parent is None or parent.style == "root" or not _DIVISION_RE.match(_heading(parent)):
        return None
    text = node.pieces[0][1] if node.pieces else ""
    norm = normalise(text)
    m = _DOER_RE.match(norm)
    if m is None:
        return None
    name = m["names"]
    if _GOAL_RE.search(name) or VAGUE_RE.search(name) or name.startswith(("各", "相关", "有关")):
        return None
    if not looks_like_units(name):
        return None
    found = Responsibility(origin="正文开头")  # the item's opening subject, as `sentence_charges` says
    found.roles[LISTED] = split_names(text, norm, m.start("names"), m.end("names"))
    return (found, found.origin) if found.found else None


def division_heading(head: str) -> bool:
    """`head` is the title of a section dividing the work (`职责分工`, `部门职责`), nothing more."""
    return bool(_DIVISION_RE.match(normalise(head).strip()))
