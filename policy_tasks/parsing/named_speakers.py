"""A news report's leader demanding by name alone, his points numbered inline with the numeral joined to 要 (round 156).

A county's news report of a work meeting names the leader once with his post (`政府副县长乔新光出席会议并讲意见`) and
then by his name alone as he demands (`乔新光强调,一要高度重视、迅速行动。要全面…。二要全面排查、摸清底数。…三要…`):
the paragraph is the speaker's head over his points, as round 136's `县长张某强调:一是…` is, and the numeral may be joined
to 要 as a covering notice's `一要…` requirements are (README rounds 96/97). The name counts as a speaker only where an
earlier line writes it right after a post: a paragraph opening with two words and a verb (`工作要求:一是…`, a plan's
own words) or a name never introduced by a post is no speaker.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .purpose_leads import after_purpose
from .textutil import normalise

# `乔新光强调,一要`: a name of two or three characters opening the paragraph, the demanding verb, the first point.
_NAMED_HEAD_RE = lazy_compile(
    r"^\s*(?P<name>[\u4e00-\u9fff]{2,3})(?:强调|要求|指出|提出)\s*[,:]\s*(?=一是|一要)", needs="一是|一要"
)
_CUT_NAMED_HEAD_RE = lazy_compile(
    r"^(?P<name>[\u4e00-\u9fff]{2,3})(?:强调|要求|指出|提出)\s*[,:]$", needs="强调|要求|指出|提出"
)
# The posts a report introduces a leader by (`副县长`, `党委书记`, `局长`), the name following at once.
_POSTS = ("县长", "市长", "区长", "镇长", "乡长", "旗长", "州长", "书记", "主任", "局长", "主席", "部长")


def named_head_line(header: list[tuple[int, str]]) -> bool:
    """The header's last line is such a head cut from its points (`乔新光强调,`): the report is a minute."""
    if not header:
        return False
    earlier = "".join(normalise(text) for _, text in header[:-1])
    last = normalise(header[-1][1]).strip()
    # `为了更好地落实…,郑文红强调,`: the purpose the demands serve may open the head (`purpose_leads`, round 158).
    for start in after_purpose(last):
        m = _CUT_NAMED_HEAD_RE.match(last[start:])
        if m is not None and introduced(m["name"], earlier):
            return True
    return False


def named_head_end(norm: str, earlier: str) -> int | None:
    """Where the head `乔新光强调,` of a paragraph ends, when `earlier` (the report's preceding text) introduced that
    name after a post; None otherwise."""
    for start in after_purpose(norm):  # `为…,郑文红强调,一要…` (`purpose_leads`, round 158)
        m = _NAMED_HEAD_RE.match(norm[start:])
        if m is not None and introduced(m["name"], earlier):
            return start + m.end()
    return None


def introduced(name: str, earlier: str) -> bool:
    """Whether `earlier` (the report's text before) wrote `name` right after a post (`副县长乔新光`)."""
    return any(post + name in earlier for post in _POSTS)
