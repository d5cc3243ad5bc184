"""A flood plan's teams called out by the water level, each a duty's unit (round 152).

A town's flood plan sets up tiers of standby teams (`各村成立一、二、三线民工抢险队`) and lists what each does when the
forecast water reaches a mark: `1、预报水情达到警戒水位时,一线民工抢险队上堤巡逻。` / `2、…以上的,二线民工抢险队上堤
待命。`. The team named as the duty's subject after its trigger is that duty's unit, as a meeting's own group given a
duty is (README round 65): it leads alone. Near cases: a team only counted or set up (`充实应急队伍`, `成立…抢险队`,
no trigger before it), a team's members (`抢险队人员`), and a standing agency (`县消防救援大队`, another reader's
unit) are not this.

A township's measures charge the teams its villages set up the same way, qualified by who set them up: `各村成立的巡防队
要深入村、组、农户、地块,…` (round 171). The team opening the item's sentence, then its charge, leads; the qualifier
(`各村成立的`, `各村组建的`) is no part of its name, as round 143's `涉及到的…` is not. Near cases: a team being set up
(`各村要成立巡防队`), its members (`巡防队员要…`), a team with no charge after it (`各村成立的巡防队已达30支`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED

# The trigger (`…时,`, `…以上的,`, `…后,`), then the team and its action (a verb, not `的` / `人员` / a list).
_CALLED_OUT_RE = lazy_compile(
    r"(?:时|的|后)\s*,\s*(?P<team>(?:[一二三四五]线)?[\u4e00-\u9fff]{0,4}?(?:抢险|突击|巡堤|护堤)(?:分)?队)"
    r"(?![的和与、人员])(?=[\u4e00-\u9fff])",
    needs="队",
)

# `各村成立的巡防队要…`: a team some body set up (the qualifier dropped), then its charge, opening a sentence.
_SET_UP_TEAM_RE = lazy_compile(
    r"(?:^|(?<=[。;\n]))\s*[\u4e00-\u9fff()]{1,10}?(?:成立|组建|组织)的\s*"
    r"(?P<team>[\u4e00-\u9fff]{0,6}?(?:巡防|巡查|巡逻|巡护|抢险|突击|应急|志愿服务|宣传|督查|专业)(?:分)?队)"
    r"(?:要(?![求点])|须|应当|负责(?![同人]))",
    needs="成立|组建|组织 & 队",
)


def called_team_charge(text: str) -> Responsibility | None:
    """The standby team a duty calls out after its water-level trigger; None where no team is so named."""
    norm = normalise(text)
    m = _CALLED_OUT_RE.search(norm) or _SET_UP_TEAM_RE.search(norm)
    if m is None:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED].append(text[m.start("team") : m.end("team")])
    return found
