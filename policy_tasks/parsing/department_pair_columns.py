"""An assessment table whose item header spans two grid columns, the second holding the department assessed.

A county's assessment of its departments (`责任单位目标管理(绩效)考核细则`) writes no 责任单位 column. Its 考核项目
header is one cell over two grid columns, and the rows fill them two ways (round 119):

    序号 | 考核项目 (two columns)      | 各项分值 | 考核内容       | 评分标准
    一、 | 通用考核项目(全部责任单位)  | 40       |                |
    1    | 组织领导 (over both)        | 8        | 组织领导       | 积极配合…(8分)
    二、 | 部门履职差异考核项目        | 60       |                |
    1    | 重点考核部门 | 县委农工部   | 60       | 农村生活垃圾…  | 1.探索…(15分)
    2    | 重点考核部门 | 县农粮局     | 30       | 持续推进畜禽…  | …
    2    |  (merged)    | (merged)     | 15       | 持续推进农业…  | …

A row whose cell spans both columns names its item there; a row splitting them names a class of departments
(`重点考核部门`, merged down: it assigns nothing) and then the department, which answers for the row. The numbered
group rows (`一、`, their name spanning both columns and their score a subtotal) are headings, and a group row's
bracket naming the parties its rows bind (`(全部责任单位)`) is the unit of its rows that name none, one addressee as
`各责任单位` is. A group row of the score's bonuses and deductions (`综合奖扣分项目`: places in the province's ranking,
commendations) names no unit and no work: no clause, nor its criteria. A department merged over several rows, each
with its own task and score, answers for each row's task: one clause a row (round 58's sub-tasks).

Known by the doubled header over a score column (`分值`, `分数`, `权重`) in a table with no unit column, and by the
second column's cells, where the two differ, all naming units.
"""

from __future__ import annotations

import re

from .column_meanings import AREA, CO, CONTENT, GROUP, LEAD, LISTED, NUMBER, OTHER, TITLE, meaning
from .lazy_patterns import lazy_compile
from .textutil import normalise
from .unit_names import looks_like_units

# A score column: what each item is worth in the assessment.
_SCORE_RE = lazy_compile(r"分值|分数|权重|标准分", needs="分|权重")
# A group of the score's own bonuses and deductions, no work of anyone's.
_BONUS_RE = lazy_compile(r"奖扣分|加扣分|加减分|奖惩分|加分|扣分", needs="分")
# The criteria a row is scored by (`评分标准`, `评分细则`), not the office scoring it.
_CRITERIA_RE = lazy_compile(r"^评分(?:标准|细则|办法|依据|说明)$", needs="评分")
# A criterion naming who the department works with: `与A、B共同推进`, `协同A加强`, `配合A、B技术人员开展`.
_PARTNER_RE = lazy_compile(
    r"(?:与|协同|配合|会同|联合)(?P<names>[\u4e00-\u9fff()、]{2,40}?)(?:技术人员|工作人员|等(?:部门|单位))?"
    r"(?=共同|一起|一道|开展|做好|加强|推进|加大|实施|完成|对)",
    needs="与|协同|配合|会同|联合",
)
# A department by its own name, not a group (`各乡镇`, `有关责任单位`, `乡(镇)`).
_DEPARTMENT_RE = lazy_compile(r"^(?![各有相])[\u4e00-\u9fff()]{1,16}(?:局|站|委|办|部|中心|队|所|院)$")
# The chief system's office (`县河长办`, `市林长制办公室`).
_CHIEF_OFFICE_RE = lazy_compile(r"[河湖林田路]长(?:办|制办公室|制工作办公室)", needs="长")
# A group's bracket naming the parties its rows bind: `(全部责任单位)`, `(各责任单位)`, `(所有单位)`.
_BOUND_RE = lazy_compile(r"\((?P<party>(?:全部|各|所有|全体)(?:责任|考核|参考)?(?:单位|部门))\)$", needs="单位|部门")


def pair_header_row(rows: list[list[str]]) -> tuple[int, list[str | None]] | None:
    """A top row naming a 序号, a score column and an item header over two grid columns: the header that
    `column_meanings.header_row` does not take, as it names no unit column."""
    for i, row in enumerate(rows[:8]):
        kinds = [meaning(c) for c in row]
        if NUMBER in kinds and _pair(row, kinds) is not None and any(_SCORE_RE.search(normalise(h)) for h in row):
            return i, kinds
    return None


def _pair(header: list[str], kinds: list[str | None]) -> int | None:
    return next(
        (
            i
            for i in range(len(header) - 1)
            if header[i].strip() and header[i] == header[i + 1] and kinds[i] in (TITLE, GROUP, AREA)
        ),
        None,
    )


def department_pairs(
    header: list[str], rows: list[list[str]], kinds: list[str | None]
) -> tuple[list[str], list[list[str]], list[str | None]] | None:
    """The header, the rows below it and the kinds read as above (a 配合单位 column added for the partners the
    criteria name), or None for another table."""
    if any(k in (LEAD, LISTED, CO) for k in kinds) or NUMBER not in kinds:
        return None
    if not any(_SCORE_RE.search(normalise(h)) for h in header):
        return None
    pair = _pair(header, kinds)
    if pair is None:
        return None
    split = [r for r in rows if pair + 1 < len(r) and r[pair] and r[pair + 1] and r[pair] != r[pair + 1]]
    if len(split) < 2 or not all(looks_like_units(r[pair + 1]) for r in split):
        return None
    number = kinds.index(NUMBER)
    out: list[list[str]] = []
    bound = ""
    for row in rows:
        row = list(row)
        if pair + 1 >= len(row):
            out.append(row)
            continue
        first, second = row[pair], row[pair + 1]
        serial = normalise(row[number]).strip() if number < len(row) else ""
        if first and first == second and re.fullmatch(r"[一二三四五六七八九十]+、?", serial):
            name = "".join(normalise(first).split())
            if _BONUS_RE.search(name):
                bound = ""
                continue  # the score's bonuses and deductions: no one's work
            found = _BOUND_RE.search(name)
            bound = found.group("party") if found else ""
            heading = f"{serial.rstrip('、')}、{first.strip()}"
            out.append([heading] * len(row))  # a heading row across the table
            continue
        if first and first == second:
            row[pair + 1] = bound  # the item's name over both columns; its group's bracket binds it
        elif second:
            row[pair] = ""  # a class of departments merged down: it assigns nothing
            row[pair + 1] = "".join(
                second.split()
            )  # one department a row, whatever a narrow cell cut (`县工业园区` / `管委会`)
        out.append(row)
    kinds = list(kinds)
    kinds[pair], kinds[pair + 1] = TITLE, LISTED
    for i, h in enumerate(header):
        if kinds[i] == OTHER and _CRITERIA_RE.search(normalise(h)):
            kinds[i] = CONTENT  # `评分标准`: what the department must do for the score, its task's words
    texts = [i for i, k in enumerate(kinds) if k in (TITLE, CONTENT)]
    for row in out:
        own = row[pair + 1] if pair + 1 < len(row) else ""
        names = [n for i in texts if i < len(row) for n in partners(row[i]) if n != own]
        row.append(row[0] if len(set(row)) == 1 else "、".join(dict.fromkeys(names)))
    return [*header, "配合单位"], out, [*kinds, CO]


def partners(cell: str) -> list[str]:
    """The departments a criterion names as the assessed one's partners in its work (`与A、B共同推进…`, `协同A加强…`,
    `配合A、B技术人员开展…`): they help. Townships and other groups it guides or helps (`配合各乡镇开展…`, `与乡镇加强…`)
    and the chief system's own office, which runs the assessment (`配合县河长办…开展督查`), are no partners."""
    found: list[str] = []
    for m in _PARTNER_RE.finditer(normalise(cell)):
        names = re.split(r"[、和及]", m.group("names"))
        if all(_DEPARTMENT_RE.search(n) and looks_like_units(n) and not _CHIEF_OFFICE_RE.search(n) for n in names):
            found += names
    return found
