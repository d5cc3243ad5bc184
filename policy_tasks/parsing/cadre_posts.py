"""A 街道's or a town's cadres charged by their posts, not by bodies (round 156).

A 街道 or a 镇 puts its own cadres on the ground and charges them by what they hold, the subject of a point's sentence:

    一要靠实工作责任管理区区长、包村干部要亲自抓、亲自督,各驻村干部、村干部主动摸、实地核,…
    二是迅速行动,铁腕整治。街道主要领导组建违法建设专项工作领导小组,…
    三是…街“两违”查控联合执法中队与全体驻片干部下沉到村,…
    四是…村社干部切实做好整治期间的维稳工作…

The posts are the clause's leaders, as a staff post charged is (README round 139; rounds 95/106 read a head made
answerable), written as the page writes them (`各驻村干部`, `全体驻片干部`, as `各村蹲点领导`). Where the post is the
head of a body the page names (`管理区区长`, the ward's head; `街道主要领导`, the 街道's), that body answers and leads;
a cadre holding or stationed in villages (`包村干部`, `驻村干部`, `驻片干部`) or the villages' own cadres (`村干部`,
`村社干部`) name no body. A post is a subject where it opens a part of a sentence (after a stop or a comma, or right
after a point's short heading run on with no stop, `stopless_points`) or joins a subject with `与`, and acts (a verb
follows, not `的` or `责任`; a 分工 item may set its posts off with a comma, `各包村干部、村干部,负责…`, round 170). A body charged with the cadres in one subject (`镇交通劝导站及各村两委干部要…`) is the
unit, the cadres its leaders; the villages' leadership team (`村级两委班子要…`) is the villages' body, one addressee as
`各村` is (round 166). Near cases: `靠实辖区村干部责任` (no subject), `加强与村干部的联系`.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED

# `各村两委干部`: the villages' committee members, as `村干部` (round 166).
# A town's grid posts taken together (`所有网格长`, `全体网格员`, round 178) are its cadres on the ground too; a bare
# `网格员` (`通过…网格员入户等多种形式`) is a means, no subject.
_CADRE = r"(?:(?:各|全体)?(?:(?:包|驻)(?:村|片|点|社区)|村(?:社|组)?(?:两委)?)干部|(?:各|全体|所有)网格(?:长|员))"
_HEAD = r"(?P<body>管(?:理)?区|街道)(?:区长|主任|书记|(?:党政)?主要领导)"
# The leaders given villages to look after (`包村领导`, `全体包村联席会领导`, round 184) are cadres on the ground too; a
# facility's keeper charged with `要` (`水库管理员要…`, round 184) is a post held by a person, no body.
_VILLAGE_LEADER = r"(?:各|全体)?(?:包|驻)(?:村|片|点|社区)(?:联席会)?领导"
_KEEPER = r"[\u4e00-\u9fff]{1,4}?(?:管理员|巡查员|看护员)(?=要(?![求点])|负责(?![同人]))"
_POST = rf"(?:{_HEAD}|{_CADRE}|{_VILLAGE_LEADER}|{_KEEPER})"
_WARD_RE = lazy_compile(r"^管(?:理)?区$")
# A post opening a part (or after a run-on heading of four to six characters, or joined by `与`), then acting.
_POST_RE = lazy_compile(
    rf"(?:^\s*(?:[一二三四五六七八九十]{{1,2}}[是要])?(?:要|希望)?(?:[\u4e00-\u9fff]{{4,6}}?)?|[,;。:、与及]\s*)"
    rf"(?P<post>{_POST})(?=[、与和及]|[\u4e00-\u9fff]|[,，]负责)(?!的|责任|队伍)",
    needs="干部|网格|区长|主任|书记|主要领导|领导|员",
)


# A body and the cadres charged beside it in one subject (`镇交通劝导站及各村两委干部要…`, round 166).
_BODY_AND_CADRES_RE = lazy_compile(rf"^(?P<body>[^、及和与]{{2,20}}?)(?:及|和|与|、)(?:{_CADRE})$", needs="干部|网格")
# The villages' leadership team (`村级两委班子要…`): the villages' committees, one addressee as `各村` (round 166);
# also named by the party branch and the committee together, the 村支部 and the 村委会 (`各行政村支两委`, round 179).
_VILLAGE_TEAM_RE = lazy_compile(r"^(?:各(?:行政)?村|村级|村)支?两委(?:班子)?$", needs="两委")


def body_before_cadres(names: str) -> str | None:
    """`镇交通劝导站及各村两委干部`: the body named before the cadres (who are `cadre_charge`'s leaders), or None."""
    m = _BODY_AND_CADRES_RE.match(normalise(names))
    return None if m is None else m["body"]


def village_team(names: str) -> bool:
    """`村级两委班子`, `各村两委`: the villages' committees as a body, one addressee."""
    return bool(_VILLAGE_TEAM_RE.match(normalise(names)))


def cadre_charge(text: str) -> Responsibility | None:
    """The cadres a point charges by post (its leaders) and the body whose head is among them (leading); None where
    no post is a subject."""
    norm = normalise(text)
    found = Responsibility(origin="正文开头")
    for m in _POST_RE.finditer(norm):
        post = text[m.start("post") : m.end("post")]
        if post not in found.leaders:
            found.leaders.append(post)
        if m["body"] is not None and (body := text[m.start("body") : m.end("body")]) not in found.roles[LISTED]:
            found.roles[LISTED].append(body)
    return found if found.leaders else None


def headed_body_charge(text: str) -> Responsibility | None:
    """`cadre_charge` where a post heads a ward (`管理区区长`): the ward leads. `街道主要领导` charged alone leaves the
    clause to the readers of the 街道's own bodies (`各村成立…`, `充分发挥X作用`), its post a leader: the 街道 is no unit
    of its own report's measure unless those readers name it."""
    found = cadre_charge(text)
    if found is None or not any(_WARD_RE.match(body) for body in found.roles[LISTED]):
        return None
    return found
