"""A news report's leader demanding by name alone, his points numbered inline with the numeral joined to 要 (round 156).

A county's news report of a work meeting names the leader once with his post (`政府副县长乔新光出席会议并讲意见`) and
then by his name alone as he demands (`乔新光强调,一要高度重视、迅速行动。要全面…。二要全面排查、摸清底数。…三要…`):
the paragraph is the speaker's head over his points, as round 136's `县长张某强调:一是…` is, and the numeral may be joined
to 要 as a covering notice's `一要…` requirements are (README rounds 96/97). The name counts as a speaker only where an
earlier line writes it right after a post: a paragraph opening with two words and a verb (`工作要求:一是…`, a plan's
own words) or a name never introduced by a post is no speaker.

The head may open with the occasion (`在各部门积极讨论后,朱小良强调讲话:一是…`) and its verb may name the speech
(`强调讲话`); a town's report may name the speaker by post and name in one sentence and demand by a pronoun in the next,
run on in the same paragraph (`会上,该镇镇长马青松简要回顾了前期创建成果。他强调,一是要…。二是要…`, round 166): the
pronoun is the speaker where the sentence right before it names a post and a name. A pronoun after a sentence naming no
post (`他们强调,…`, `会议认为…。他强调,`) is no speaker.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .purpose_leads import after_purpose
from .textutil import normalise

# `乔新光强调,一要`: a name of two or three characters opening the paragraph, the demanding verb, the first point.
# The occasion may open it (`在各部门积极讨论后,`) and the verb name the speech (`强调讲话:`, round 166).
_OCCASION = r"(?:在[^。;:,!?\n]{1,20}?(?:后|时|中|上)\s*,\s*)?"
# The speaker may name his topic after 就 and count his demands (`陈鑫就做好…工作提出几点要求:一是要…`, round 179): the
# topic is the head's, as round 174's `张万冬就…提出三点意见:` is under a posted speaker.
_VERB = (
    r"(?:就[^。;:,!?\n]{2,30}?)?"
    r"(?:强调|要求|指出|提出[一二三四五六七八九十两几]点(?:意见|要求)|提出)(?:讲话)?"
)
_NAMED_HEAD_RE = lazy_compile(
    rf"^\s*{_OCCASION}(?P<name>[\u4e00-\u9fff]{{2,3}}){_VERB}\s*[,:]\s*(?=一是|一要)", needs="一是|一要"
)
_CUT_NAMED_HEAD_RE = lazy_compile(
    rf"^{_OCCASION}(?P<name>[\u4e00-\u9fff]{{2,3}}){_VERB}\s*[,:]$", needs="强调|要求|指出|提出"
)
# The speaker's view and frame before his points, one to three sentences (`黄沛华强调,“五经普”将…意义。要准确把握…。
# 各部门、各单位要牢固树立…。 一要…`, round 174): the head's, no clause, as a meeting's lead-in sentence is.
_FRAME = r"(?:[^。;:!?\n]{4,120}?。\s*){1,3}"
_FRAMED_HEAD_RE = lazy_compile(
    rf"^\s*{_OCCASION}(?P<name>[\u4e00-\u9fff]{{2,3}}){_VERB}\s*,(?P<f>{_FRAME})(?=一是|一要)", needs="一是|一要"
)
_CUT_FRAMED_HEAD_RE = lazy_compile(rf"^{_OCCASION}(?P<name>[\u4e00-\u9fff]{{2,3}}){_VERB}\s*,{_FRAME}$", needs="。")
# `…前期创建成果。他强调,一是要…`: a pronoun's head run on after the sentence naming the speaker, or opening a paragraph
# of its own (a one-line copy parted at it, `one_line_minutes`), the sentence before it the previous paragraph's last.
_PRONOUN_HEAD_RE = lazy_compile(rf"(?:^|(?<=[。!?]))\s*(?P<h>[他她]{_VERB}\s*[,:])\s*(?=一是|一要)", needs="一是|一要")
# A named head run on after the account before it where a re-wrapped copy joined a line closed by `;`
# (`…进行了解释说明;在各部门积极讨论后,朱小良强调讲话:一是…`).
_RUN_IN_NAMED_RE = lazy_compile(
    rf"(?<=[。;!?])\s*(?P<h>{_OCCASION}(?P<name>[\u4e00-\u9fff]{{2,3}}){_VERB}\s*[,:])\s*(?=一是|一要)",
    needs="一是|一要",
)
# A leader named with his post after the name (`…会议由张俊超主任主持,…。张俊超主任强调:一要…`, round 172), run on after
# the account: the post in the head tells the speaker, as `县长张某强调:` does.
_RUN_IN_POSTED_RE = lazy_compile(
    r"(?:^|(?<=[。;!?]))\s*(?P<h>(?P<name>[\u4e00-\u9fff]{2,3}?)(?:县长|市长|区长|镇长|乡长|书记|主任|局长|部长)"
    rf"{_VERB}\s*[,:])\s*(?=一是|一要)",
    needs="一是|一要",
)
_CUT_PRONOUN_HEAD_RE = lazy_compile(rf"^[他她]{_VERB}\s*[,:]$", needs="他|她")
# The posts a report introduces a leader by (`副县长`, `党委书记`, `局长`), the name following at once; a working
# group's head (`县征兵工作领导小组组长吴某某`, round 173) too; so is a headquarters' commander (`县防汛抗旱指挥部总指挥
# 刘某某`, `指挥长`, round 184), the last post of a leader's list.
_POSTS = (
    "县长",
    "市长",
    "区长",
    "镇长",
    "乡长",
    "旗长",
    "州长",
    "书记",
    "主任",
    "局长",
    "主席",
    "部长",
    "组长",
    "总指挥",
    "指挥长",
)


def named_head_line(header: list[tuple[int, str]]) -> bool:
    """The header's last line is such a head cut from its points (`乔新光强调,`): the report is a minute."""
    if not header:
        return False
    earlier = "".join(normalise(text) for _, text in header[:-1])
    last = normalise(header[-1][1]).strip()
    if _CUT_PRONOUN_HEAD_RE.match(last):
        return _names_speaker(earlier)
    # `为了更好地落实…,郑文红强调,`: the purpose the demands serve may open the head (`purpose_leads`, round 158).
    for start in after_purpose(last):
        m = _CUT_NAMED_HEAD_RE.match(last[start:]) or _framed(_CUT_FRAMED_HEAD_RE.match(last[start:]))
        if m is not None and introduced(m["name"], earlier):
            return True
    return False


def named_head_end(norm: str, earlier: str) -> int | None:
    """Where the head `乔新光强调,` of a paragraph ends, when `earlier` (the report's preceding text) introduced that
    name after a post; None otherwise."""
    for start in after_purpose(norm):  # `为…,郑文红强调,一要…` (`purpose_leads`, round 158)
        m = _NAMED_HEAD_RE.match(norm[start:]) or _framed(_FRAMED_HEAD_RE.match(norm[start:]))
        if m is not None and introduced(m["name"], earlier):
            return start + m.end()
    return None


def _framed(m: re.Match[str] | None) -> re.Match[str] | None:
    """The framed head, unless its frame holds points of its own (`…,一是…。`: the paragraph's prose)."""
    if m is None or any(f"{n}{w}" in m.group(0) for n in "一二三" for w in "是要"):
        return None
    return m


def pronoun_head_span(norm: str, earlier: str) -> tuple[int, int] | None:
    """Where the head `他强调,` run on in a paragraph starts and ends, when the sentence right before it (in the
    paragraph, or `earlier`'s last) names the speaker by post and name; or where a named head run on after a clause
    end (`…;在…后,朱小良强调讲话:`) does, the name introduced by a post before it. None otherwise."""
    m = _PRONOUN_HEAD_RE.search(norm)
    if m is not None and _names_speaker(earlier + norm[: m.start("h")]):
        return m.start("h"), m.end("h")
    # A leader's name run on after a clause end, introduced by his post before it.
    for m in _RUN_IN_NAMED_RE.finditer(norm):
        if introduced(m["name"], earlier + norm[: m.start("h")]):
            return m.start("h"), m.end("h")
    for m in _RUN_IN_POSTED_RE.finditer(norm):
        if m["name"] in earlier + norm[: m.start("h")]:
            return m.start("h"), m.end("h")
    return None


def _names_speaker(text: str) -> bool:
    """Whether the last sentence of `text` names a post and a name after it (`该镇镇长马青松简要回顾了…。`)."""
    sentences = [s for s in re.split(r"[。!?]", text.strip()) if s.strip()]
    return bool(sentences) and any(
        (at := sentences[-1].find(post)) >= 0 and re.match(r"[\u4e00-\u9fff]{2,3}", sentences[-1][at + len(post) :])
        for post in _POSTS
    )


def introduced(name: str, earlier: str) -> bool:
    """Whether `earlier` (the report's text before) wrote `name` right after a post (`副县长乔新光`)."""
    return any(post + name in earlier for post in _POSTS)
