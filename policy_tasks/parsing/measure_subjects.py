"""The township's own leadership and bodies as the subjects of its reported measures (`measure_reports`).

A 街道's or a 镇's report of its measures names the doers of its own work short, as its members know them, the place
cut to its level's first character (`街“两违”查控联合执法队`, `街纪检部门`, `镇综治办`), and charges them as its
sentences' subjects (README rounds 89/152):

    街道主要领导组建违法建设专项工作领导小组,…          the township's leadership acting: the body it heads, 街道, answers
    充分发挥街“两违”查控联合执法队作用,率先制止…          the body whose role the measure brings into play
    街“两违”查控联合执法中队与全体驻片干部下沉到村,…      the body acting with the cadres (posts: leaders, `cadre_posts`)
    对情况严重、影响恶劣的街纪检部门介入严查。            the body stepping in for the cases the sentence sets out

Near cases that charge no one: the township named inside a sentence (`上报街道`, `加强街道与区各有关职能部门之间的协调`:
whom it reports to or liaises with), its staff as a whole (`全街上下要…`), a role of no body (`充分发挥党员先锋模范作用`),
a body of another level (`区纪检部门`), and a leadership described (`街道主要领导的重视`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The township's leadership opening a part, then its act (not `的`, not a list going on): the body it heads answers.
_LEADERSHIP_RE = lazy_compile(r"(?P<body>街道|镇|乡)(?:党政|党工委|党委)?主要领导(?![的、和与及])(?=[\u4e00-\u9fff])")
# The township's own body, named short: its level's first character (or the level), then a name ending in a body's word.
_OWN = r"(?:街道?|镇|乡)[“”\u4e00-\u9fff]{1,14}?(?:中队|大队|队|部门|办公室|办|所|站|中心|工委)"
# A part opening with the body (perhaps `由`, perhaps with others after `与`/`和`), then its act.
_OWN_OPENING_RE = lazy_compile(rf"由?(?P<name>{_OWN})(?![的、])(?=[与和]|[\u4e00-\u9fff])")
# `充分发挥X作用`: the body whose role the measure brings into play.
_ROLE_RE = lazy_compile(rf"(?:充分)?发挥(?P<name>{_OWN})(?:的)?(?:职能)?作用", needs="发挥")
# `对…的X介入严查`: a condition (`对…的`) whose comma was not written, then the body acting on it.
_CONDITION_RE = lazy_compile(rf"对[^,;。]{{2,30}}?的(?P<name>{_OWN})(?![的、])(?=[\u4e00-\u9fff])", needs="对")


def own_subjects(text: str, norm: str, start: int) -> list[tuple[int, str]]:
    """(position, name as written) of the township's leadership's body or its own body opening the part of `norm` at
    `start`; none where the part opens otherwise."""
    for pattern, group in (
        (_LEADERSHIP_RE, "body"),
        (_OWN_OPENING_RE, "name"),
        (_ROLE_RE, "name"),
        (_CONDITION_RE, "name"),
    ):
        if (m := pattern.match(norm, start)) is not None:
            return [(m.start(group), text[m.start(group) : m.end(group)])]
    return []
