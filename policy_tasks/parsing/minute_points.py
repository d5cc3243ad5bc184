"""A meeting minute's numbered points: decisions, or reports of work already done.

A 会议纪要 records first what was reported to the meeting and then what it decided, often under a heading
in the meeting's own words (`三、会议强调`, `会议要求`, `会议决定`), one numbered point a decision:

    一、某某汇报政府后坡治理的前期准备工作:…目前招投标治理准备就绪。
    三、会议强调
    1、前期征地和滑坡体的卸载已全面到位,费用共计15万元,…对方案进行了从新设计。
    2、成立…领导小组,…党政办负责外围环境,社会管理办公室负责质量监督,财政所负责资金兑付。
    3、要尽快做好治理的前期工作:治理方案的评审要求本周完成;…

The points under such a heading are the meeting's decisions, each a clause where it names its doers
(`minute_subjects`) and a clause naming no one where it does not (`3、要尽快做好…`, as a measure list's silent
points are, `clauses`). A point that only reports work done (`已全面到位`, `进行了…设计`, with no demand on anyone:
no `要`, `负责`, `须`) and an item reporting to the meeting (`某某汇报…`, `听取了…汇报`) assign nothing: no clause.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .outline_node import Node
from .textutil import normalise

# The meeting's own heading over its decisions (a line of its own, the verb and perhaps `如下` / a colon).
_DECISIONS_RE = lazy_compile(
    r"^(?:会议)(?:强调|要求|决定|明确|议定|确定|指出|认为|商定)(?:如下|以下(?:事项|几点))?\s*[。:]?\s*$"
)
# An item reporting to the meeting: `某某汇报…`, `某某汇报了…`, `听取了…的汇报`, `某某通报了…`.
_REPORTED_RE = lazy_compile(r"^[^,;。:]{0,20}?(?:汇报|通报了|听取了)")
# Work done: `已全面到位`, `已完成`, `已基本就绪`, `进行了从新设计`.
_DONE_RE = lazy_compile(
    r"已(?:全面|全部|基本|经)?(?:完成|到位|就绪|落实|结束|竣工|实施|建成|完工|到岗|办结)|进行了|完成了"
)
# A demand on someone: `要`, `负责`, `须`, `应`, `确保`, `尽快`, `抓紧`, `务必`, `力争` (not `主要`, `重要`, `需要` alone).
_DEMAND_RE = lazy_compile(r"(?<![主重需])要(?!点)|负责|必须|务必|须|应当|(?<![反对])应(?!急|用)|确保|尽快|抓紧|力争")


def decisions_heading(node: Node) -> bool:
    """`三、会议强调`: a heading in the meeting's words over its numbered decisions."""
    return bool(node.children) and bool(_DECISIONS_RE.match(normalise(node.own_text).strip()))


def reports_work(node: Node) -> bool:
    """A point that reports to the meeting or reports work done, demanding nothing of anyone."""
    text = normalise(node.own_text).strip()
    if _REPORTED_RE.match(text):
        return True
    return bool(_DONE_RE.search(text)) and not _DEMAND_RE.search(text)
