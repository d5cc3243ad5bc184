"""A township's own short notice or rules: the doers its items name as their sentences' subjects.

A 镇's or a 街道's notice setting a standing mechanism (下沉网格走访, 例会制度, 通报制度) numbers a few short items, each
opening with its title sentence (`二、每周通报情况。`), and says who does what only as the subjects of its sentences,
with no bracket, no label and no `要`:

    二、每周通报情况。街道指挥中心在每周例会上以清单的方式公布上周…情况。党工委书记作点评讲话。
    三、年度考核归档。党政领导须在年终述职报告…中写入…,机关中层干部在年度考核登记表中写入相关情况。党建工作办公室(组织)负责审核。
    2、建立通报制度。…。督查组每周汇总工作落实情况,…

As a 镇's minute does (round 89, `minute_subjects`), the notice names its own offices and groups short, without a
place, as its members know them (`街道指挥中心`, `党建工作办公室(组织)`, `督查组`, its own `领导小组`): such a body opening
a sentence or a part of one, then its verb, possibly after the time or the occasion of the work (`在每周例会上`, `每周`,
`定期`, `随机`), is charged. So is the body whose meeting the item holds at its set times (`原则上每月召开领导小组例会`),
the checking group an item sets up and gives the work that follows (`成立督查组,严格按照…,每天跟进…`), and the body the
notice requires the work of (`要求责任部门对照工作标准认真自查`; the departments answering for the tasks, one addressee
as round 95 reads `各责任单位`). The first that works leads; a body that only checks what the others did
(`党建工作办公室(组织)负责审核`, `领导小组随机抽查`) is co (README rounds 77 and 87). Persons by post opening a sentence
or a part of one (`党政领导、机关中层干部每周…下沉`, `由党政领导及时主持召开…`, `党工委书记作点评讲话`) are the clause's
leaders, never units (README: persons are leaders); a post described as held or shared out (`镇党委书记担任总河长`,
`班子成员分管重点流域`) is no charge. Persons alone do not make an item one that names its units when the clauses are
chosen (`clauses`).

The notice is a township's own where its title opens with a 镇, a 乡 or a 街道 and closes with the genre's word
(`东明镇人居环境整治例会制度`, also where a copy ran the page's fields on after it: `…例会制度发布日期:…`) or its signature is one's (`…东城街道办事处`, `东明镇人民政府`): `TOWNSHIP` joins the kinds of
the notice's groups (`notice_kinds`), as a breakdown's notice does (`notice_roles.BREAKDOWN`). Its items charged so
are its measures, and so are the silent ones beside them (`clauses`), as a heading's are beside one item a subject
charges.

Near cases that charge no one: an office named inside a sentence (`会议纪要报街道指挥中心备案`, it receives; posts in
the object, `公布上周党政领导和机关中层干部…情况`), a meeting of no body (`提请工作例会研究解决`, `召开专题会议`), a vague
subject (`各部门`, `有关单位`), and the same sentences in a county's or a city's notice, where a 领导小组 and offices with
no place name no one (`role_sentences`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .chief_posts import chief_post_at
from .lazy_patterns import lazy_compile
from .person_names import is_person
from .responsibility import Responsibility
from .role_groups import role_group
from .role_sentences import opening_starts, reads_as_units
from .textutil import normalise
from .unit_colon_items import office_names
from .unit_labels import CO, LISTED
from .unit_lists import split_names
from .unit_names import VAGUE_RE

# The kind `document` adds to the salutation's groups for a township's own notice.
TOWNSHIP = "township"

# A township's name: a few characters and its level (`东明镇`, `东城街道`); not `城镇`, `乡镇`, `城乡`, `乡村`.
_TOWNSHIP = r"[\u4e00-\u9fff]{1,4}?(?:(?<![城乡])镇|街道|(?<!城)乡(?![村镇]))"
# A title opening with the township's name and closing with the genre's word (`东明镇人居环境整治例会制度`,
# `某县某镇…实施方案`), not a government's name (`金乡县人民政府`) or a phrase (`推动数字城乡试点建设`).
# A copy that ran the page into one line keeps the title first, the page's fields after it (`…例会制度发布日期:…`).
_TITLE_RE = lazy_compile(
    rf"^(?:[\u4e00-\u9fff]{{1,8}}?[县市区旗])?{_TOWNSHIP}[\u4e00-\u9fff]{{2,40}}?"
    r"(?:方案|制度|通知|办法|意见|规定|细则|要点|计划|清单|机制|规则)(?:$|(?=\s|发布|来源|信息来源|时间|日期|浏览))"
)
# A signature: the township's party committee, its government or its office (two bodies may sign together, a space
# between them); no group (`各乡镇人民政府`).
_SIGNER_RE = lazy_compile(
    r"^(?!各|全)[^、]*?(?:(?:(?<!乡)镇|乡)(?:人民政府|党委|委员会)|街道(?:办事处|工作委员会|党工委))$"
)
_SIGNATURE_MAX = 60

# A sentence or a part of one opening with the office, then its verb or the time or occasion of the work.
_OFFICE_RE = lazy_compile(
    r"由?(?P<names>[\u4e00-\u9fff()、]{2,20}?)(?=要(?![求点])|须|应当?|将|负责(?![同人])|在[^,。;:\n]{1,20}?[上中内时]"
    r"|每(?:天|日|周|月|季度?|年)|定期|及时|随机)"
)
# A township's group set up to check the work (`督查组`, `督导组`), as a meeting's own group is (round 65).
_CHECKING_GROUP_RE = lazy_compile(r"(?:督查|督导|督办|巡查|检查|考核|验收)组")
# The township's own leading group for the work, which holds its meetings and checks the others (`领导小组`).
_LEADING_GROUP_RE = lazy_compile(r"[\u4e00-\u9fff]{0,12}?领导小组")
# `原则上每月召开领导小组例会`: the body whose meeting the item holds, at its set times.
_CONVENES_RE = lazy_compile(
    r"(?:原则上)?(?:每(?:天|日|周|月|季度?|年)(?:至少)?|定期)?(?:组织)?召开(?P<names>[\u4e00-\u9fff]{2,14}?)"
    r"(?:例会|会议|全体会议|专题会议?)"
)
# `要求责任部门对照工作标准认真自查`: the notice requires it of the body named after it.
_REQUIRES_RE = lazy_compile(r"(?:要求|责成)(?P<names>[\u4e00-\u9fff()、]{2,14})")
# `成立督查组,…每天跟进…`: the item sets up its checking group and gives it the work that follows.
_SET_UP_RE = lazy_compile(r"(?:成立|组建|设立)(?P<names>[\u4e00-\u9fff]{2,12}?组),")
# A duty that only checks what the others did, the whole of the part (`负责审核。`, `随机抽查,`).
_CHECKS_RE = lazy_compile(r"(?:负责|随机|定期)?(?:审核|审查|复核|把关|抽查|核查|考核)(?:工作)?(?=[,。;\n]|$)")
# Persons by post as a subject: the township's leadership and cadres, a secretary or a head.
_POST = (
    r"(?:(?:党政|班子|镇|乡|街道|村|社区|分管|包村|驻村)领导(?:干部)?"
    r"|(?:机关(?:中层)?|中层|科级|包村|驻村|村|社区)干部"
    r"|(?:镇|乡|街道)?(?:党工委|党委|党总支|党支部|村|社区)?副?书记|副?(?:镇长|乡长)|(?:领导)?班子成员)"
)
# Not a charge: the post a person holds or the share of the work a post has (`镇党委书记担任总河长`, `班子成员分管…`),
# which describe how the work is organised.
_POSTS_RE = lazy_compile(
    rf"由?(?P<names>{_POST}(?:[、和]{_POST})*)(?!小组|班子(?!成员)|的|[、和与及]|担任|兼任|任|分管|分别)"
)
_COMMA_RE = re.compile(r"[,。;\n]")


def township_kind(lines: Iterable[tuple[int, str]]) -> frozenset[str]:
    """`{TOWNSHIP}` where a title or a signature among `lines` (the header and the close) is a township's."""
    for _, line in lines:
        norm = normalise(line).strip()
        if _TITLE_RE.match(norm):
            return frozenset({TOWNSHIP})
        if norm and len(norm) <= _SIGNATURE_MAX and not re.search(r"[。,;:!?]", norm):
            if any(_SIGNER_RE.search(part) for part in norm.split()):
                return frozenset({TOWNSHIP})
    return frozenset()


def township_charge(text: str, norm: str, groups: frozenset[str]) -> Responsibility | None:
    """In a township's own notice, the offices opening an item's sentences (the first that works leads, one that only
    checks helps) and the persons by post opening its sentences or their parts (leaders); None where it names neither."""
    if TOWNSHIP not in groups:
        return None
    found = Responsibility(origin="正文开头")
    for start in _part_starts(norm):
        if (span := _subject(norm, start)) is None:
            continue
        role = CO if _CHECKS_RE.match(norm, span[1]) else LISTED
        named = found.roles[LISTED] + found.roles[CO]
        found.roles[role] += [n for n in split_names(text, norm, *span) if n not in named]
    for start in _part_starts(norm):
        if (m := _POSTS_RE.match(norm, start)) is not None:
            names = re.split(r"[、和]", text[m.start("names") : m.end("names")])
            found.leaders += [n for n in names if n and n not in found.leaders]
    return found if found.found or found.leaders else None


def _subject(norm: str, start: int) -> tuple[int, int] | None:
    """The span of the body the part of `norm` at `start` charges: the checking group it sets up (`成立督查组,…`), the
    body whose meeting it holds (`每月召开领导小组例会`), the body it requires the work of (`要求责任部门…自查`), or its
    subject before the verb (`督查组每周汇总`, `街道指挥中心在每周例会上…公布`); None where it charges no body."""
    if (m := _SET_UP_RE.match(norm, start)) is not None and _CHECKING_GROUP_RE.fullmatch(m["names"]):
        return m.span("names")
    if (m := _CONVENES_RE.match(norm, start)) is not None and _body(m["names"]):
        return m.span("names")
    if (m := _REQUIRES_RE.match(norm, start)) is not None:
        if chief_post_at(norm, m.start("names")):
            return None  # `要求镇、村两级河长…`: the chiefs asked are persons (`chief_posts`)
        # the shortest run of the words after `要求` that names a body: the verb follows it (`责任部门对照…`)
        end = next((e for e in range(m.start("names") + 2, m.end("names") + 1) if _body(norm[m.start("names") : e])), 0)
        return (m.start("names"), end) if end else None
    if (m := _OFFICE_RE.match(norm, start)) is not None and _body(m["names"]):
        return m.span("names")
    return None


def _body(names: str) -> bool:
    """The township's own office or group named short (`党建工作办公室(组织)`, `督查组`, `领导小组`), a unit read as
    elsewhere, or the role a task list gives the departments that answer for it (`责任部门`, one addressee)."""
    if names.startswith(("各", "全", "其他", "其它")) or VAGUE_RE.search(names) or is_person(names):
        return False
    groups = _CHECKING_GROUP_RE.fullmatch(names) or _LEADING_GROUP_RE.fullmatch(names)
    return office_names(names) or reads_as_units(names) or role_group(names) or bool(groups)


def _part_starts(norm: str) -> list[int]:
    """The item's opening and each later part's start, after a comma as after a sentence's end."""
    return sorted({*opening_starts(norm), *(m.end() for m in _COMMA_RE.finditer(norm))})
