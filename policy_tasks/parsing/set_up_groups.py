"""A plan's item that sets up its own leading group and then gives it the work: the group answers (round 127).

A one-project plan (`…工程实施方案`) often names no unit for its works and puts them in the hands of a group its
`组织领导` item sets up, names in full, staffs, and then charges by its short name:

    三、组织领导为加强工程调度和质量,成立门县茶山公园市民休闲广场建设领导组。组长:程银汉,副组长:李森,成员:…。
    领导组协调工程中有关事宜,保证工程进度,并对工程质量进行监督,确保工程按时保质完成。

As a meeting's own group given a duty (`督导组负责…`, round 65) and a town's group set up for a decision (round 89),
the group is the item's unit, written as the set-up sentence names it in full; its head (`组长:X`, `X任组长`) is the
item's leader, the deputies and members not.

An item whose units a field names may set a group up with its head in one phrase (`成立由局主要领导为组长的…专项工作小组`,
a register's quarter step, round 147): as round 139 reads `X成立…领导小组,组长由<post>担任`, the post heads it (a leader)
and the group helps (co), the field's units still leading. Near case: a group set up with no head named
(`成立林长制工作专班`) adds no one.

Near cases that charge no one: an item that only sets the group up (`成立…领导小组,由副州长任组长,…`, no duty given
it: `clauses` drops it as no clause), a duty given a group the item did not set up (`领导小组要定期研究`, a body of
persons named by its kind: `role_sentences`), and a group charged in a sentence before it is set up.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .person_names import is_person
from .responsibility import Responsibility
from .unit_labels import LISTED

_KINDS = r"领导小组|领导组|工作小组|工作专班|指挥部|工作组"
# `成立门县茶山公园市民休闲广场建设领导组。`: the group's full name, closing its sentence or part.
_SET_UP_RE = lazy_compile(
    rf"(?:成立|组建)(?P<name>[\u4e00-\u9fff()]{{2,40}}?(?:{_KINDS}))(?=[。,;:\n]|$)",
    needs="成立|组建",
)
# `领导组协调…`, `该领导小组负责…`: a later sentence opening with the group's short name and its work.
_CHARGED_RE = lazy_compile(
    rf"(?:^|[。;!?\n])\s*(?:该)?(?P<short>{_KINDS})(?:要(?![求点])|负责|协调|统筹|具体负责|全面负责)",
    needs="领导|工作|指挥",
)
# `组长:程银汉,副组长:李森`, `由副县长王某任组长`: the group's head, not its deputies (`副组长`).
_HEAD_RE = lazy_compile(
    r"(?:^|[。;,\n])\s*(?:组长|指挥长)[::](?P<who>[^,;。、:\s]{2,12})"
    r"|(?:^|[。;,\n:])\s*由?(?P<post>[^,;。:()、]{2,12}?)(?:担任|任)(?:组长|指挥长)",
    needs="组长|指挥长",
)


def set_up_group_charge(text: str, norm: str) -> Responsibility | None:
    """The group an item sets up and then gives a duty by its short name, with its head as the leader."""
    set_up = _SET_UP_RE.search(norm)
    if set_up is None:
        return None
    name = set_up["name"]
    charged = next((m for m in _CHARGED_RE.finditer(norm, set_up.end()) if name.endswith(m["short"])), None)
    if charged is None:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = [text[set_up.start("name") : set_up.end("name")]]
    for m in _HEAD_RE.finditer(norm, set_up.end(), charged.start()):
        group = "who" if m["who"] else "post"
        who = text[m.start(group) : m.end(group)].strip()
        if is_person(who) and who not in found.leaders:
            found.leaders.append(who)
    return found


# `成立由局主要领导为组长的全面推行林长制专项工作小组`: the group and its head in one phrase.
_HEADED_RE = lazy_compile(
    rf"(?:成立|组建)由(?P<post>[\u4e00-\u9fff]{{2,12}}?)(?:任|为|担任)组长的(?P<name>[\u4e00-\u9fff()]{{2,40}}?(?:{_KINDS}))"
    r"(?=[。,;:\n]|$)",
    needs="组长的",
)


def headed_group(text: str, norm: str) -> tuple[str, str] | None:
    """(group, head) of a group an item sets up with its head in one phrase, as written, or None."""
    m = _HEADED_RE.search(norm)
    if m is None or (not is_person(m["post"]) and not m["post"].endswith(("领导", "负责人", "负责同志"))):
        return None
    return text[m.start("name") : m.end("name")], text[m.start("post") : m.end("post")]
