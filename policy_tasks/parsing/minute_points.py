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

A county's 常务会议纪要 often runs that heading and its points into one paragraph, the points numbered inline
(round 123):

    会议要求,一是要进一步加强组织领导,…。二是要进一步浓厚迎复审工作氛围,…。三是要进一步明确工作责任,…。
    会议就有关具体事项明确如下:
    1.关于迎复审工作经费问题。县财政安排县卫计局迎复审工作经费50万元。

The paragraph is the heading `会议要求` over its points, each a decision as a numbered one is (`inline_points`
cuts it before each, in order after a sentence end: a `一是` inside a point's sentence is its own prose). The
paragraph after the last point announcing the meeting's next list (`会议就…明确如下:`) is the section's, not the
point's (`announces_decisions`), so the list below it goes beside the points.

A county's news report of a work meeting writes its decisions the same way in the words of the leader who closed it,
`石宏敏常务副县长在总结讲话中要求:一是各单位会后…于2月9日下午下班前报县发改局汇总;二是县发改局要…` (round 136): the
paragraph opening with who demands (a speech, `会上`, or a post: `县长张某强调:`) and its demanding verb is that heading,
its points the report's clauses, each charged by its own subject (`semicolon_runs`: a point's subject charges no point
before it). Near cases: a plan's `工作要求:一是…` (no speaker), `会议认为,一是…`, a lone `一是`.

A town's news report writes them after `会上,` and the speaker's other doings, the head closing with the arrangements'
verb (`会上,某某传达了…精神,并对下一步的工作进行了安排部署:一是…`, round 139): the head may run over commas from `会上,`
to that verb (`部署` joins the demanding verbs), never over a sentence end, and the report is a minute (`speaker_head`,
read by `minute_subjects.is_minute`), its points charged by their subjects.
"""

from __future__ import annotations

import itertools

from .acting_speakers import acting_head, acting_head_end
from .capital_numerals import CAPITAL_DIGITS, ordinal_value
from .issued_demands import issued_head_end, progress_account, progress_start, run_in_issued_span
from .lazy_patterns import lazy_compile
from .minute_lead_ins import lead_in_end, lead_in_head, lead_in_span
from .named_speakers import named_head_end, pronoun_head_span
from .outline_node import Node
from .purpose_leads import after_purpose
from .target_points import announces_targets
from .textutil import normalise

# The meeting's own heading over its decisions (a line of its own, the verb and perhaps `如下` / a colon).
_DECISIONS_RE = lazy_compile(
    r"^(?:会议)(?:强调|要求|决定|明确|议定|确定|指出|认为|商定)(?:如下|以下(?:事项|几点))?\s*[。:]?\s*$"
)
# An item reporting to the meeting: `某某汇报…`, `某某汇报了…`, `听取了…的汇报`, `某某通报了…`.
# `某某汇报…` reports to the meeting; `各参会联合部门要向主要领导汇报…` (a 要 before it) is a demand to report (round 164).
_REPORTED_RE = lazy_compile(r"^[^,;。:要]{0,20}?(?:汇报|通报了|听取了)")
# Work done: `已全面到位`, `已完成`, `已基本就绪`, `进行了从新设计`.
_DONE_RE = lazy_compile(
    r"已(?:全面|全部|基本|经)?(?:完成|到位|就绪|落实|结束|竣工|实施|建成|完工|到岗|办结)|进行了|完成了"
)
# A demand on someone: `要`, `负责`, `须`, `应`, `确保`, `尽快`, `抓紧`, `务必`, `力争` (not `主要`, `重要`, `需要` alone).
_DEMAND_RE = lazy_compile(r"(?<![主重需])要(?!点)|负责|必须|务必|须|应当|(?<![反对])应(?!急|用)|确保|尽快|抓紧|力争")


def decisions_heading(node: Node) -> bool:
    """`三、会议强调`: a heading in the meeting's words over its numbered decisions."""
    if not node.children:
        return False
    # `会议要求,` cut from its inline points (`inline_points`): a line of the section's body over them.
    return bool(_DECISIONS_RE.match(normalise(node.own_text).strip())) or any(
        inline_head(text) for _, text in node.pieces[1:]
    )


# The same heading closing the line before the first item, where a copy ran it on after the report's opening
# (`…(征求意见稿)》会议确定:`, a page wrapped or copied on one line): after a sentence end, a title's close or a space.
_DECISIONS_TAIL_RE = lazy_compile(
    r"(?:^|[。;!?》>”\x22)\s])\s*会议(?:强调|要求|决定|明确|议定|确定|商定)(?:如下|以下(?:事项|几点))?\s*:\s*$",
    needs="会议",
)


def decisions_line(text: str) -> bool:
    """`会议确定:` on a line of its own over the points numbered from `1、` (round 151): no item's heading, the line
    before the first item, so the page's items are the meeting's decisions as a numbered heading's are."""
    norm = normalise(text).strip()
    return bool(_DECISIONS_RE.match(norm) or _DECISIONS_TAIL_RE.search(norm))


def speaker_head(text: str) -> bool:
    """`会上,某某…对下一步的工作进行了安排部署:`, a news report's paragraph cut before its inline points (round 139)."""
    return bool(_REPORT_HEAD_RE.match(normalise(text).strip()))


def inline_head(text: str) -> bool:
    """`会议要求,` cut before its inline `一是…` points (`inline_points`, round 123): the meeting's head over decisions;
    so is the head with the one sentence of its demands' aim (`会议要求,要坚持…工作。`, `minute_lead_ins`)."""
    norm = normalise(text).strip()
    # `为…,会议要求,`: the purpose the demands serve may open the head (`purpose_leads`, round 158).
    # `…局长某某进行了再部署,并强调:`: a leader who acts, then demands (`acting_speakers`, round 164).
    return (
        any(_CUT_HEAD_RE.match(norm[start:]) for start in after_purpose(norm))
        or lead_in_head(norm)
        or acting_head(norm)
    )


def reports_work(node: Node) -> bool:
    """A point that reports to the meeting or reports work done, demanding nothing of anyone."""
    text = normalise(node.own_text).strip()
    if _REPORTED_RE.match(text):
        return True
    return bool(_DONE_RE.search(text)) and not _DEMAND_RE.search(text)


# Who demands: the meeting itself, or a leader speaking at it (`石宏敏常务副县长在总结讲话中要求:`, `县长张某强调:`), told by
# the speech or by the post (round 136).
_DEMANDER = r"(?:会议|会上\s*,[^。;:!?\n]{0,80}?|[^。;:,!?\n]{0,40}?(?:讲话|发言|总结|会上|县长|市长|区长|镇长|乡长|书记|主任|局长|主席|负责人)[^。;:,!?\n]{0,16}?)"
_DEMANDS = r"(?:要求|强调|决定|明确|议定|确定|商定|提出[一二三四五六七八九十两几]点(?:意见|要求)|提出|部署)"
# `会议要求,一是…`: the meeting's demanding verb, then its first point in the same paragraph.
_INLINE_HEAD_RE = lazy_compile(rf"^\s*{_DEMANDER}{_DEMANDS}\s*[,:]\s*(?=一[是要])", needs="一是|一要")
_CUT_HEAD_RE = lazy_compile(rf"^{_DEMANDER}{_DEMANDS}\s*[,:]$", needs=":|,")
_REPORT_HEAD_RE = lazy_compile(rf"^会上\s*,[^。;:!?\n]{{0,80}}?{_DEMANDS}\s*[,:]$", needs="会上")
# The same head run on after the report's opening sentences (a copy that lost the breaks, a re-wrapped page): it
# starts after a sentence end, never inside one.
# So is the meeting's own `会议要求,` in a one-line copy whose photo captions it follows with no stop (`…工作部署 会议要求,
# 一是…;二是…`, round 162): after a sentence end or a caption's last word (its space lost where a page wrapped there),
# never as the object of a verb (`按照会议要求,一是…`: the writer's own points). A stored page's tag closing the
# paragraph before it (`…</h3><h3>会议要求,一是…`, round 184) ends it as a stop does.
_RUN_IN_REPORT_HEAD_RE = lazy_compile(
    rf"(?:(?<=[。;!?])\s*(?P<h>会上\s*,[^。;:!?\n]{{0,80}}?{_DEMANDS}\s*[,:])"
    rf"|(?<!落实)(?<!贯彻)(?<![按照据])"
    rf"(?:(?<=[。;!?>])|(?<=[\u4e00-\u9fff”\s]))\s*(?P<m>会议{_DEMANDS}\s*[,:]))\s*(?=一是)",
    needs="一是",
)
# A point's ordinal may be a banker's numeral (`叁是`, `capital_numerals`).
_INLINE_POINT_RE = lazy_compile(rf"[。;]\s*(?P<n>[二三四五六七八九十{CAPITAL_DIGITS}])(?P<s>[是要])", needs="是|要")
_RUN_ON_ANNOUNCE_RE = lazy_compile(
    r"[。;]\s*(?P<a>会议[^。;:]{0,30}(?:如下|以下[\u4e00-\u9fff]{0,6})\s*:)\s*$", needs="会议"
)
# `会议就有关具体事项明确如下:`, `会议议定以下事项:`: a line of the meeting's own words announcing a list.
_ANNOUNCES_RE = lazy_compile(r"^会议[^。;]{0,30}(?:如下|以下[\u4e00-\u9fff]{0,6})\s*:$", needs="会议")


def inline_points(lines: list[tuple[str, bool]], origins: list[int]) -> tuple[list[tuple[str, bool]], list[int]]:
    """The lines with a minute's `会议要求,一是…。二是…` paragraph cut before each point (see above); each part
    keeps its line's number in `origins`."""
    out: list[tuple[str, bool]] = []
    out_origins: list[int] = []
    earlier: list[str] = []
    for i, ((text, splittable), origin) in enumerate(zip(lines, origins, strict=True)):
        following = normalise(lines[i + 1][0]).strip() if i + 1 < len(lines) else ""
        parts = _points(text, earlier, following) if splittable else [text]
        out += [(part, splittable) for part in parts]
        out_origins += [origin] * len(parts)
        earlier.append(normalise(text))
    return out, out_origins


def _points(text: str, earlier: list[str], following: str = "") -> list[str]:
    norm = normalise(text)
    # `为…,县长张某强调,一是…`: the purpose the demands serve may open the head (`purpose_leads`, round 158).
    head_end = next(
        (start + m.end() for start in after_purpose(norm) if (m := _INLINE_HEAD_RE.match(norm[start:])) is not None),
        None,
    )
    if head_end is None:
        head_end = acting_head_end(norm)  # `…局长某某进行了再部署,并强调:一是…` (`acting_speakers`, round 164)
    if head_end is None:
        head_end = issued_head_end(norm)  # `林长令要求各级林长,一要…` (`issued_demands`, round 179)
    run_in = _RUN_IN_REPORT_HEAD_RE.search(norm) if head_end is None else None
    issued = run_in_issued_span(norm) if head_end is None and run_in is None else None  # a one-line copy (round 179)
    # `…参加了会议。 会议要求,各地要…任务:一是…`: the head and its aim run on after the opening (round 166), before any
    # later head of the paragraph (`…七是…。 会议强调:一是…`, read after its points below).
    run_in_aim = lead_in_span(norm) if head_end is None else None
    if run_in_aim is not None and run_in is not None and run_in.start() < run_in_aim[0]:
        run_in_aim = None
    if run_in_aim is not None:
        run_in = None
    # `乔新光强调,一要…。二要…`: a leader named by a post earlier in the report (`named_speakers`, round 156).
    named = named_head_end(norm, "".join(earlier)) if head_end is None and run_in is None else None
    # `…成果。他强调,一是要…`: the speaker named in the sentence before, demanding by a pronoun (round 166).
    pronoun = pronoun_head_span(norm, "".join(earlier)) if head_end is None and run_in is None else None
    if named is None and pronoun is not None:
        named = pronoun[1]
    # `会议要求,要坚持…工作。一是…`: the demands' aim in one sentence before the points (`minute_lead_ins`).
    lead_in = lead_in_end(norm) if head_end is None and run_in is None and named is None else None
    if run_in_aim is not None:
        named = lead_in = None
    style = "是"
    if run_in_aim is not None:
        cuts = list(run_in_aim)
        lead_in = run_in_aim[1]
    elif lead_in is not None:
        cuts = [lead_in]
    elif named is not None:
        cuts = [named] if pronoun is None or pronoun[0] == 0 else [pronoun[0], named]
        style = norm[named + 1]
    elif head_end is not None:
        cuts = [head_end]
        style = norm[head_end + 1]
    elif issued is not None:
        cuts = list(issued)
        style = norm[issued[1] + 1]
    elif run_in is not None:
        # `…共计24人。会上,某某…安排部署:一是…`: the report's opening sentences stand apart from the head.
        head_group = "h" if run_in["h"] is not None else "m"
        cuts = [run_in.start(head_group), run_in.end(head_group)]
    else:
        return [text]
    if announces_targets(norm, cuts[-1]):
        return [text]  # `…总体目标是实现“五个确保”:一是…`: targets, no decisions (`target_points`, round 184)
    expected = 2
    for m in _INLINE_POINT_RE.finditer(norm, cuts[-1]):
        if m["s"] == style and ordinal_value(m["n"]) == expected:
            cuts.append(m.start("n"))
            expected += 1
    # `会议强调,一要深化认识…。` over `二要…` opening the next paragraph (round 178): the head's first point alone in its
    # paragraph, the others a paragraph each; a lone `一要` with no `二要` after it stays the paragraph's prose.
    lone_first = head_end is not None and len(cuts) == 1 and following.startswith(f"二{style}")
    if len(cuts) < (2 if head_end is not None or named is not None or lead_in is not None else 3) and not lone_first:
        return [text]  # `会议要求,一是…` alone: the paragraph's own prose
    # `…七是…。 会议强调:一是…;二是…`: the meeting's second head over points of its own after the first list's last.
    if run_in_aim is not None and (second := _RUN_IN_REPORT_HEAD_RE.search(norm, cuts[-1])) is not None:
        group = "h" if second["h"] is not None else "m"
        more = [second.start(group), second.end(group)]
        expected = 2
        for m in _INLINE_POINT_RE.finditer(norm, more[-1]):
            if m["s"] == "是" and ordinal_value(m["n"]) == expected:
                more.append(m.start("n"))
                expected += 1
        cuts += more if len(more) > 2 else []
    # `…三要…。将乐县…截至10月底,…已全面建立…` where a copy ran the progress account on: it stands alone again.
    if (issued is not None or head_end is not None) and (progress := progress_start(norm, cuts[-1])) is not None:
        cuts.append(progress)
    # `…三是…定期通报情况。会议就有关具体事项明确如下:` where a copy ran the next line on: that line stands alone again.
    if (announce := _RUN_ON_ANNOUNCE_RE.search(norm, cuts[-1])) is not None:
        cuts.append(announce.start("a"))
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


# `会上,某村总网格长…作交流发言。某某通报了今年以来…情况,并就下一步工作作具体部署。`: the report's account of the
# meeting's other business after the speaker's last point (round 178), demanding nothing.
_ACCOUNT_RE = lazy_compile(
    r"^会上\s*,[^。;:]{0,60}?(?:作(?:了)?(?:交流|表态|典型)?发言|通报了|汇报了|介绍了|交流了)", needs="会上"
)


def announces_decisions(node: Node, norm: str) -> bool:
    """`会议就有关具体事项明确如下:` after a minute's last `三是…` point: the section's next list, no part of the point;
    so is the report's account of the meeting's other business (`会上,…作交流发言。`), no demand in it, and its account
    of the progress so far after an order's inline `三要…` (`progress_account`, round 179)."""
    if node.style not in ("shi", "yao") or node.parent is None:
        return False
    norm = norm.strip()
    if progress_account(norm):
        return True
    if node.style != "shi":
        return False
    return bool(_ANNOUNCES_RE.match(norm)) or bool(_ACCOUNT_RE.match(norm) and not _DEMAND_RE.search(norm))
