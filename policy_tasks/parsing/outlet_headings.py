"""A publicity plan's sub-heading that is nothing but the media outlet charged with the items below it.

A 宣传方案 divides its work by the outlet that runs it: `(一)市日报社(晨刊、手机报、市在线)` over `1.新闻宣传。…`,
`(二)市广电台` over its programmes. The heading is the unit-name heading of the corpus README (`三、儋州市政府`,
rounds 68 and 88) in a publicity plan's form: the outlet leads every item below it, and the items name no unit of
their own. It differs from a government's heading in two ways the general rule (`carried_units`) refuses: the
outlet's name ends in a newspaper's or a station's word (`报社`, `电视台`, `融媒体中心`), no office's, and a bracket
after it lists the outlet's own papers and channels (`晨刊、手机报、***在线`), no further names of the body. A
范文 site's copy redacts the place before it (`***日报社`): the marks stand where a place stood, so the outlet is
still a name (round 161). The unit is written as the heading writes it, bracket kept.

Near cases left alone: a goal heading that mentions an outlet (`(一)加强与日报社的合作`, a verb and `的`), and a
heading whose bracket holds a sentence (`(一)日报社(负责…)`: a bracket of duties, no products).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The outlet's own word closes its name; a redaction mark or a place may stand before it.
_OUTLET = (
    r"(?:[*＊×]+|[\u4e00-\u9fff]){0,10}?"
    r"(?:日报社|晚报社|报社|报业集团|传媒集团|电视台|广播电台|广播电视台|广电台|广电总台|融媒体中心|新闻中心|新闻网)"
)
# The outlet's papers and channels: short names each ending in a medium's word, parted by `、`.
_PRODUCT = r"(?:[*＊×]+|[\u4e00-\u9fff]){0,8}?(?:刊|报|台|网|在线|客户端|公众号|频道|频率|号|APP|app)"
_OUTLET_HEADING_RE = lazy_compile(rf"^\s*(?P<name>{_OUTLET}(?:\((?:{_PRODUCT})(?:、{_PRODUCT}){{0,6}}\))?)\s*$")
# Words that open or fill a goal heading, never an outlet's name.
_GOAL_RE = lazy_compile(r"的|与|[,;:。]|^(?:加强|加大|强化|做好|推进|推动|发挥|利用|依托|借助|联合|组织|邀请)")


def outlet_heading(norm: str) -> tuple[int, int] | None:
    """The span of the outlet's name in a heading's normalised text after its number, or None."""
    m = _OUTLET_HEADING_RE.match(norm)
    if m is None or _GOAL_RE.search(m["name"]):
        return None
    return m.start("name"), m.end("name")
