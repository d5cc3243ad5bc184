"""A minute's decisions naming their doer in other frames than `X要` / `X负责` (`minute_subjects`), round 123.

A county's 常务会议纪要 settles matters item by item (`1.关于…问题。<decision>`), and two frames of its decisions
name the doer with no `要` or `负责`:

    1.关于迎复审相关单位设备配备问题。相关单位设备配备由迎接国家卫生县城复审工作领导小组提出具体方案后另行研究确定。
    2.关于迎复审工作经费问题。县财政安排县卫计局迎复审工作经费50万元。

- `由X<verb>` anywhere in a sentence (`…由X提出具体方案`, `由X牵头组织`): the agent 由 marks does the work, as
  `由X负责` says; the group the meeting set up given a duty is that unit (round 65's `督导组负责…`).
- `X相应成立…` (`相应建立`, `相应组建`): a body told to set up its own team to mirror the group the decision sets up
  (`成立…领导小组,各责任单位相应成立专门班子`) is charged by it; a breakdown's roles taken together (`各责任单位`) are
  one addressee, as round 95 reads them with `要`.
- A fund decision, `X安排Y…经费N万元` (also `拨付`, `下达`, `解决`, `补助`): X, the subject that pays, leads, as
  written; a place's finance office is written `县财政` / `市财政` as often as with its 局. Y, the body the fund is
  given to (round 105's holder of a fee), answers for spending it: co.

Neither frame is read in a decision naming a person (`由张副县长牵头`), a vague body (`由有关部门提出`), or no sum.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .org_ends import ORG_END_RE
from .person_names import is_person
from .responsibility import Responsibility
from .role_groups import role_group
from .role_sentences import reads_as_units
from .textutil import normalise
from .unit_colon_items import office_names
from .unit_labels import CO, LISTED
from .unit_names import VAGUE_RE

_AGENT_RE = lazy_compile(
    r"由(?P<names>[\u4e00-\u9fff()、]{2,40}?)(?:研究|牵头|统一|具体)?(?:提出|组织|制定|拟定|统筹|承办|办理|实施)",
    needs="由",
)
# `各责任单位相应成立专门班子`: the subject mirrors the group set up (after a part's start: a comma or a sentence end).
_MIRRORS_RE = lazy_compile(
    r"(?:^|[,;。:])\s*(?P<names>[\u4e00-\u9fff()、]{2,30}?)相应(?:成立|建立|组建|设立)", needs="相应"
)
# The group a meeting sets up and gives a duty (`…工作领导小组`, `督导组`, `指挥部`): a body though no place opens it.
_GROUP_RE = lazy_compile(r"(?:领导小组|工作小组|工作组|督导组|督查组|指挥部|工作专班)$")
_FUND_RE = lazy_compile(
    r"(?:^|[,;。:])\s*(?P<payer>[\u4e00-\u9fff]{1,8}?财政(?:局)?)(?:统筹)?(?:安排|拨付|下达|解决|补助|追加)"
    r"(?P<rest>[\u4e00-\u9fff()]{0,40}?)(?:经费|资金|专款)\s*\d+(?:\.\d+)?\s*(?:万|亿)?元",
    needs="财政 & 元",
)


def other_frames(text: str) -> Responsibility | None:
    """The units a minute's decision names as `由X<verb>`'s agent or a fund's payer and holder (see above)."""
    norm = normalise(text)
    found = Responsibility(origin="纪要正文")
    for m in _AGENT_RE.finditer(norm):
        names = m["names"]
        if _body(names) and names not in found.roles[LISTED]:
            found.roles[LISTED].append(text[m.start("names") : m.end("names")])
    for m in _MIRRORS_RE.finditer(norm):
        names = m["names"]
        if (role_group(names) or _body(names)) and names not in found.roles[LISTED]:
            found.roles[LISTED].append(text[m.start("names") : m.end("names")])
    for m in _FUND_RE.finditer(norm):
        payer = text[m.start("payer") : m.end("payer")]
        if payer not in found.roles[LISTED]:
            found.roles[LISTED].append(payer)
        holder = _holder(m["rest"])
        if holder and holder not in found.roles[LISTED] + found.roles[CO]:
            found.roles[CO].append(holder)
    return found if found.roles[LISTED] else None


def _body(names: str) -> bool:
    if VAGUE_RE.search(names) or is_person(names) or names.startswith(("各", "有关", "相关")):
        return False
    return reads_as_units(names) or office_names(names) or bool(_GROUP_RE.search(names))


def _holder(rest: str) -> str:
    """`县卫计局迎复审工作`: the longest opening that is a unit's name (`县卫计局`), or none."""
    for end in range(len(rest), 1, -1):
        head = rest[:end]
        if ORG_END_RE.search(head) and reads_as_units(head):
            return head
    return ""
