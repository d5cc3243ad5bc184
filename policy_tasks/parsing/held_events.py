"""A year naming an event the work holds names that event, not a deadline.

A river-chief office's work points, a bureau's plan, a minute tell a unit to hold the year's meetings and events:
`召开2024年度河长制工作会议`, `举办2023年全市职工运动会`, `组织召开2022年安全生产工作推进会`. The year there is part of
the event's name, as a plan's year is in `制定2024年工作要点` (`drafted_plans`): the meeting is that year's, and
nothing says it must be held by the year's end; the item dates it where it says when (`于3月底前召开…`). A name is
such only right after a verb of holding (召开, 举办, 举行, 承办, 筹办), holds a bare year (not `2024年底`,
`2024年6月`) and ends in a kind of gathering (会议, 大会, 推进会, 座谈会, 论坛, 运动会, 培训班 …) before any
punctuation. A competition is such an event too, its name often quoted (`做好2025年“数据要素×”大赛广东分赛组织`,
`组织2024年全省职业技能大赛`, round 102): the verb may be the work of putting it on (做好, 办好, 组织), and the
quotes and a `×` are part of the name. A year with a point in it still dates (`2024年6月召开…会议`), and so does work on the year's own
figures (`完成2024年度考核`), which is no gathering.

The year's work named as a whole after a verb of doing it well is named the same way (`全力做好2019年度政务公开政务服务的
推进和迎评工作`, `抓好2021年安全生产工作`, round 169; corpus README rounds 72/93): the year says whose work, not when it
ends, and a speaker's demand to do it well dates nothing (`year_work_spans`: the work is no event). Work ending in something counted or finished (`完成2024年度考核`,
`2023年度全部完工`) still dates, as does a point in the year (`做好2024年底前…工作`).

The year's funds named after a verb of securing them (`落实本年度民族团结进步创建工作办公室及各示范点的创建工作经费`,
`安排2022年度…专项资金`, round 178) are the same: the year says whose budget the funds are, not when they must be in
place. A point in the year (`本年度内落实…经费`, `2023年底前落实…资金`) still dates, as does a sum due
(`落实2024年度资金500万元`, the name not closed at a stop).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# A bare year, not a point in it; the event's scope may follow (`召开2024年度全市河长制工作会议`).
_YEAR = r"(?:(?:19|20)\d{2}年|今年|本年|当年|明年)度?(?![底末内前初中上下半1-9一二三四]|全年)"
# The verbs of holding; `做好` / `办好` / `组织` before the event, its name then closed by the work on it
# (`做好2025年“数据要素×”大赛广东分赛组织`, round 102).
_VERBS = ("召开", "举办", "举行", "承办", "筹办", "做好", "办好", "组织")
_EVENT_RE = lazy_compile(
    r"(?:(?:组织|筹备)?(?:召开|举办|举行|承办|筹办)|做好|办好|组织(?:开展)?)"
    r"(?P<name>[\u4e00-\u9fff]{0,12}?" + _YEAR + r"[\u4e00-\u9fff、“”\"‘’《》×·A-Za-z]{0,30}?"
    r"(?:会议|大会|推进会|座谈会|现场会|调度会|部署会|总结会|年会|论坛|峰会|博览会|交易会|洽谈会|展会|运动会|培训班"
    r"|比赛|竞赛|大赛|联赛|赛事))",
    needs="会议|大会|推进会|座谈会|现场会|调度会|部署会|总结会|年会|论坛|峰会|博览会|交易会|洽谈会|展会|运动会|培训班"
    "|比赛|竞赛|大赛|联赛|赛事",
)

# `做好2019年度…工作`: the verb of doing the year's work well, the work's name closed by 工作 at a stop.
_WORK_RE = lazy_compile(
    r"(?:做好|抓好|干好|办好)(?P<name>" + _YEAR + r"[\u4e00-\u9fff、“”\"‘’]{0,30}?工作)(?=[,。;:!\n]|$)",
    needs="做好|抓好|干好|办好",
)

# `落实本年度…经费`: the verb of securing the year's funds, their name closed by 经费 / 资金 at a stop (round 178).
_FUNDS_RE = lazy_compile(
    r"(?:落实|安排|保障|筹措|筹集)(?P<name>" + _YEAR + r"[\u4e00-\u9fff、“”\"‘’]{0,40}?(?:经费|资金))(?=[,。;:!\n]|$)",
    needs="经费|资金",
)


def held_event_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) that name, with its year, an event the work holds."""
    if not any(verb in norm for verb in _VERBS):
        return []
    return [(m.start("name"), m.end("name")) for m in _EVENT_RE.finditer(norm)]


def year_work_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` that name the year's work done well (`做好2019年度…工作`) or the year's funds secured
    (`落实本年度…经费`): no event, no deadline either."""
    spans = [(m.start("name"), m.end("name")) for m in _FUNDS_RE.finditer(norm)]  # the year's funds (round 178)
    if not any(verb in norm for verb in ("做好", "抓好", "干好", "办好")):
        return spans
    return spans + [(m.start("name"), m.end("name")) for m in _WORK_RE.finditer(norm)]
