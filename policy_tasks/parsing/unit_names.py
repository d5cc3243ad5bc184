"""Unit names as written, made canonical.

`区经信局<商务局>` is one bureau with two names, every spelling of `各乡镇(街道)` is one group, a
trailing `等部门` is no part of a name. `UnitBook` gathers a document's units in the order they
are first named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .lazy_patterns import lazy_compile
from .org_ends import ORG_END_RE
from .person_names import NAMED_PLACE_RE, TITLE_RE
from .place_names import is_place_name
from .result import UnitRef
from .textutil import is_han, normalise, split_top
from .zone_committees import is_place_zone_committee

# What surrounds a name in a list and is never part of it.
TRIM = " \n,;、.。:"
# Marks of the lead unit, before or after its name (`★区发改委、统计局`, `县财政局、县交通局△`); offices
# use stars, triangles and asterisks alike, with a note such as `标△的为牵头单位` or none.
LEAD_MARKS = "★☆*※▲△"
# `A(牵头)`, `A〔牵头〕`, `A[牵头]`: a mark of the lead in a bracket after the name.
LEAD_BRACKET = r"[(（\[〔](?:牵头|牵头单位|主办|主责)[)）\]〕]"

_TOWNSHIPS_RE = re.compile(r"各?乡镇[<(\[]?街道[>)\]]?")
_ALIAS_RE = re.compile(r"(?P<name>[^<(]+)[<(](?P<alias>[^<>()]+)[>)]")
# `各县(市、区)`, `各镇(街道)`, `各村(社区)`: a group whose bracket names the other levels it takes in
# is one group under its whole name, not a unit with another name (`区经信局(商务局)`). A zone's
# committee after governments (`各县、区人民政府(管委会)`) is their other name, as round 6 read it.
_LEVEL = r"(?:县级市|市州|乡镇|街道|社区|村居|村|居|市|区|县|州|旗|盟|镇|乡|场|园区|开发区|片区)"
_LEVELS_GROUP_RE = re.compile(rf"各[^<(]+[<(]{_LEVEL}(?:[、/]{_LEVEL})*[>)]")
# `等部门`, `等有关单位`, and with the level the rest belong to: `等区政府有关部门`, `等市直相关单位`,
# `等省有关部门` (a bare level only before 有关 / 相关, so that `宁波等市` keeps its place).
# What the rest do may come first, closed by 的 (`等有资金整合任务的县级部门`, round 108): then the kind is written.
ETC_RE = re.compile(
    r"等(?:(?:[\u4e00-\u9fff]{2,16}?的)(?=[省市区县州旗乡镇]?(?:政府|直|级)?(?:有关|相关)?(?:职能|成员|责任)?(?:部门|单位)))?"
    r"(?:[省市区县州旗乡镇](?:政府|直|级)|[省市区县州旗乡镇](?=有关|相关))?"
    # `等10个部门`, `等有关职能部门`, `等成员单位`: how many or what kind, still no name.
    r"(?:\d+个|[一二三四五六七八九十两]+个)?(?:有关|相关)?(?:职能|成员|责任)?"
    r"(?:(?:部门|单位)(?:[和及、]?(?:部门|单位))?)?$"
)
# A name a page blanked after its place (`永荣镇xxx`, `各镇xxx`, `某街道××`): the place stands for its government.
_BLANKED_AFTER_PLACE_RE = re.compile(r"(?<=[镇乡村县区市州旗道])\s*(?:[xX×*]{2,}|某某)$")
# The 片 a body is assigned under a 包片 system, written after its name (`消防大队包涵东片`, round 148): no part of the
# name, as `包片单位` before one is none (README round 61).
_ASSIGNED_AREA_RE = re.compile(r"(?<=[队局所站办委院])包[\u4e00-\u9fff]{1,4}片$")
TOWNSHIPS = "各乡镇街道"


@dataclass(frozen=True)
class UnitForm:
    canonical: str
    aliases: tuple[str, ...]
    kind: str


def unit_form(written: str) -> UnitForm | None:
    """Canonical name, aliases and kind of one name as written.

    `区经信局<商务局>` is one bureau acting under two names: canonical 区经信局,
    aliases 商务局 and the written form. Every spelling of 各乡镇(街道) is the
    one group 各乡镇街道. A trailing 等/等部门 belongs to no name.
    """
    written = ETC_RE.sub("", written.strip(TRIM + LEAD_MARKS)).strip(TRIM)
    written = _BLANKED_AFTER_PLACE_RE.sub("", ETC_RE.sub("", written).strip(TRIM))
    written = _ASSIGNED_AREA_RE.sub("", written)
    if written.startswith("由"):
        written = written[1:]
    norm = normalise(written)
    if not norm or not re.search(r"\w", norm):
        return None
    aliases = []
    if _TOWNSHIPS_RE.fullmatch(norm):
        canonical = TOWNSHIPS
        aliases = [written]
    elif _LEVELS_GROUP_RE.fullmatch(norm):
        canonical = norm.replace("<", "(").replace(">", ")")
        aliases = [written]
    elif m := _ALIAS_RE.fullmatch(norm):
        canonical = written[: m.end("name")].strip()
        aliases = [written[m.start("alias") : m.end("alias")], written, f"{canonical}<{m['alias']}>"]
    else:
        canonical = written
    kept = tuple(dict.fromkeys(a for a in aliases if a and a != canonical))
    return UnitForm(canonical, kept, unit_kind(canonical))


def unit_kind(name: str) -> str:
    if name == TOWNSHIPS or name.endswith("成员单位") or name.startswith("各"):
        return "group"
    if _ASSIGNED_RE.fullmatch(name):
        return "group"  # `包保单位`: the units the 包保 system assigns to each place, one addressee
    if "、" in name and continues_group(*normalise(name).rsplit("、", 1)):
        return "group"  # `相关市、县政府`: the governments concerned, a group as `各市、县人民政府` is
    if name.endswith("公司"):
        return "company"
    return "department"


# The units a 包保 (包联, 包片, 挂点) system assigns to each place, named by that role alone.
_ASSIGNED_RE = re.compile(r"(?:包保|包联|包片|包抓|挂包|挂点)(?:责任)?单位")


class UnitBook:
    """Every distinct unit of a document, in the order it is first named.

    Built from all names at once so that an alias learnt late (`商务局` seen
    alone before `区经信局<商务局>`) still resolves to the one unit.
    """

    def __init__(self, written_names: Iterable[str]):
        forms = [(w, unit_form(w)) for w in written_names]
        alias_of: dict[str, str] = {}
        for _, form in forms:
            if form:
                for alias in form.aliases:
                    alias_of.setdefault(alias, form.canonical)
        self._name_of: dict[str, str] = {}
        self._units: dict[str, UnitRef] = {}
        for written, form in forms:
            if form is None:
                continue
            name = alias_of.get(form.canonical, form.canonical)
            ref = self._units.setdefault(name, UnitRef(name, [], unit_kind(name)))
            for alias in (form.canonical, *form.aliases):
                if alias != name and alias not in ref.aliases:
                    ref.aliases.append(alias)
            self._name_of[written] = name

    def names(self, written: Iterable[str]) -> list[str]:
        """Canonical names for names as written, dropping empties and repeats."""
        return list(dict.fromkeys(self._name_of[w] for w in written if w in self._name_of))

    @property
    def units(self) -> list[UnitRef]:
        return list(self._units.values())


# --- lists of names ------------------------------------------------------------

# A note inside the list, not a name.
NOTE_RE = re.compile(r"下同|同上|第一(?:责任)?单位为牵头|排名第一|为牵头单位|不再|逐条|列出")
# `相关部门配合`: no unit in particular (`各有关部门` and `市级各部门` are addressees, and kept).
VAGUE_RE = re.compile(r"(?:其他|其它)?(?:相关|有关)(?:部门|单位|部门和单位|单位和部门)")

# `改造学校食堂10所`, `新建站点3处`: a count of what is built ends the sentence; no body is named.
_COUNT_END_RE = re.compile(r"\d+(?:个|座|家|间|栋|批)?(?:所|站|室|馆|处|院|校|中心)$")


def organisation(name: str) -> bool:
    """A body by its name's end (`…局`, `…管委会`) or a group (`各区政府`, `相关管委会`); a bare place
    (`鄞州`, `高新区`) is not one by itself."""
    name = name.strip(TRIM)
    return bool(ORG_END_RE.search(name)) or (name.startswith(("各", "相关")) and len(name) <= 12)


# A 民生实事 task names the facility it builds after the verb finishing it (`建成启用…中心`, `完成…指挥中心`); no
# unit's name opens with such a verb (`建设局` names its remit, `新建区` a place: neither is here).
_WORK_START_RE = re.compile(r"^(?:建成|建好|完成|启用|投用|新增|开展)")


_BRACKET_SPACES_RE = re.compile(r" *([()<>]) *")


def looks_like_units(inner: str, least: int = 1) -> bool:
    """Every name in the list is a unit (`…局`, `…委`, `…政府`, `各县(市、区)`), or a place
    standing for its government (`宜昌市`) beside at least one unit."""
    names = [inner[a:b].strip(TRIM + LEAD_MARKS) for a, b in split_top(inner, "、,;")]
    merged: list[str] = []
    for name in names:
        if merged and continues_group(merged[-1], name):
            merged[-1] += "、" + name
        elif name:
            merged.append(name)
    # `省发改委(省能源局)`: a unit with its other name in brackets, also before its lead mark
    # (`县发改局(粮食局)(牵头)`).
    # `各市 (地) 、县 (市) 政府 (行署) `: a copy's stray spaces around brackets are no part of a name (round 188).
    names = [re.sub(LEAD_BRACKET + "$", "", _BRACKET_SPACES_RE.sub(r"\1", n).strip()) for n in merged]
    names = [ETC_RE.sub("", re.sub(r"[(<〔\[][^()<>〔〕\[\]]*[)>〕\]]$", "", n)) for n in names]
    # `A、B、等区政府有关部门`: an `等…部门` standing as a name of its own closes the list, naming none.
    names = [n for n, m in zip(names, merged, strict=True) if n or not m.startswith("等")]
    if len(names) < least or any(len(n) > 30 or not n for n in names):
        return False
    if any(_WORK_START_RE.match(n) for n in names):
        return False  # `建成启用区级老年活动中心`: the work of building a 中心, a task's words, no unit's name
    units = [
        n
        for n in names
        if (ORG_END_RE.search(n) and not _COUNT_END_RE.search(n)) or (n.startswith("各") and len(n) <= 12)
    ]
    places = [n for n in names if n not in units and (_ends_in_place_level(n) or is_place_name(n))]
    places += [n for n in _sharing_a_government(names) if n not in places]
    return bool(units) and len(units) + len(places) == len(names)


def _sharing_a_government(names: list[str]) -> list[str]:
    """`哈尔滨、黑河、绥芬河市政府`: cities written without their level before the government of
    the last, which they share; each is a place, as `海东市` is. So are places before a place's
    zone committee (`临汾、侯马、洪洞经济开发区管委会`, `zone_committees`)."""
    shared: list[str] = []
    run: list[str] = []
    for name in names:
        norm = normalise(name).replace(" ", "")
        if (NAMED_PLACE_RE.fullmatch(norm) and norm.endswith("政府")) or is_place_zone_committee(norm):
            shared += run
        bare = 2 <= len(norm) <= 4 and is_han(norm) and not ORG_END_RE.search(norm)
        run = [*run, name] if bare and not TITLE_RE.search(norm) else []
    return shared


def _ends_in_place_level(name: str) -> bool:
    r"""`re.search(r"[\u4e00-\u9fff]{1,8}\d*(?:市|县|区|州|旗)$", name)`: a place by its level (`海东市`,
    `第2区`), without compiling that pattern in every process (`textutil.is_han`)."""
    name = name[:-1] if name.endswith("\n") else name  # where `$` matches
    if not name.endswith(("市", "县", "区", "州", "旗")):
        return False
    head = name[:-1]
    while head and head[-1].isdecimal():  # `\d`
        head = head[:-1]
    return is_han(head[-1:])


def without_note(name: str) -> str:
    """`市卫生健康委(列第一位为牵头单位,下同)`: a note in brackets after the last name."""
    m = re.search(r"[(（][^()（）]*[)）]$", name)
    if m and (NOTE_RE.search(m.group()) or len(m.group()) > 14):
        return name[: m.start()].strip(TRIM)
    return name


def space_split(piece: str) -> list[str]:
    """Spaces separate names in a table cell (`区发改局 区财政局`) but are noise inside one that a
    web page or PDF spaced out (`市 财政局`, `钱 宇`): a space ends a name only after a unit suffix."""
    parts = [p for p in re.split(r"\s+", piece) if p]
    out: list[str] = []
    for part in parts:
        # `政府 (行署)`: a bracket alone after a space is the name's own (its other name), spaced out by the copy.
        if out and (
            not (_ends_a_spaced_name(out[-1]) and len(part) >= 2)
            or _PLACELESS_RE.fullmatch(part)
            or _OWN_BRACKET_RE.fullmatch(part)
        ):
            out[-1] += part
        else:
            out.append(part)
    return out


_OWN_BRACKET_RE = re.compile(r"[(<][^()<>\s]{1,12}[)>]")
# `各市(州) 人民政府`: a government is its place's; after a space it still ends the name before it.
_PLACELESS_RE = re.compile(r"(?:人民)?政府")
# `住房城乡 建设厅`: 城乡 (town and country, a sector: 住房城乡建设, 城乡规划) is no township's 乡.
_SECTOR_END_RE = lazy_compile(r"城乡$")


def is_placeless_government(text: str) -> bool:
    """`人民政府` alone: a government names its place, so it ends the name before it."""
    return bool(_PLACELESS_RE.fullmatch(normalise(text).strip()))


def _ends_a_spaced_name(text: str) -> bool:
    return len(text) >= 3 and bool(_NAME_END_RE.search(text)) and not _SECTOR_END_RE.search(text)


# A unit, or a place that stands for its administration (`经开区`, `高新园(邹区镇)`), ends here.
_NAME_END_RE = re.compile(
    ORG_END_RE.pattern.rstrip("$") + r"(?:[(<][^()<>]{1,12}[)>])?$|(?:区|县|市|园|港)(?:[(<][^()<>]{1,12}[)>])?$"
)


def ends_like_a_name(text: str) -> bool:
    """`…局`, `…街道`, `高新园(邹区镇)`: text that could end a unit's name."""
    return bool(_NAME_END_RE.search(normalise(text).rstrip()))


# `各县、市、区人民政府`, `各区、县级市` (a city's districts and county-level cities), also qualified
# (`各有关区、县级市`): one addressee whose 、 parts are levels, not units. The same list of levels
# under another quantifier names the governments concerned, one addressee as well: `相关市、县政府`,
# `有关市、县(区)政府`, `沿线市、县人民政府`, `所在地市、县人民政府`. A level may carry the other
# level it also covers in brackets before the 、 (`各市(县)、区政府`, `各县(市)、区人民政府`: every
# county-level city or county, and every district), as it may before the suffix (`县(市)人民政府`).
# A count of the places a district holds (`13个街道、镇`: its 13 sub-districts and towns) names them
# as 各 does. A county's zones are a level beside its towns (`各开发区、镇(街道)`, `各乡镇、园区`, round 140): every
# zone and every town is one addressee as `各乡镇、街道` is; a zone's committee after the 、 (`各县区、开发区管委会`)
# is a body of its own, and a second 各 (`各开发区、各镇`) parts two groups. A 特区 is a county-level place of its own
# kind (a city's `各县、特区、区人民政府`, round 155), a level as 县 is.
_GROUP_LEVEL = r"(?:县级市|县|市|区|乡|镇|旗|州|街道|市州|行署|开发区|园区|特区)"
_GROUP_RE = re.compile(
    r"^(?:各(?:有关|相关)?|(?:有关|相关|沿线|所在地|属地|涉及)|\d{1,3}个)"
    # `各市(地)、县(市)`: a prefecture (地区) is the other level beside a city in its bracket (round 188).
    rf"(?:{_GROUP_LEVEL}(?:[(<](?:{_GROUP_LEVEL}|地)(?:、{_GROUP_LEVEL})*[)>])?、?)+$"
)
_GROUP_TAIL_RE = re.compile(
    r"^(?:(?:县级市|县|市|区|乡|镇|旗|州|街道|特区)(?:[(<][^()<>]{1,8}[)>])?(?:人民政府|政府|党委|管委会)?"
    r"(?:[(<][^()<>]{1,8}[)>])?|(?:开发区|园区)(?:[(<][^()<>]{1,8}[)>])?)$"
)


def continues_group(previous: str, piece: str) -> bool:
    # `县 (市) 政府 (行署) `: a copy's stray spaces around the brackets are no part of the level (round 188).
    return bool(_GROUP_RE.match(normalise(previous).replace(" ", "")) and _GROUP_TAIL_RE.match(piece.replace(" ", "")))


def starred(names: list[str]) -> tuple[list[str], list[str]] | None:
    """`★区发改委、统计局`, `▲县交通局`: a mark (`LEAD_MARKS`) names the lead; None when no name carries one."""
    marks = LEAD_MARKS

    def marked(name: str) -> bool:
        # A run of asterisks is a page's redaction of the place (`****体育局`, `****监管局` in a list the page masked),
        # no lead mark: the mark is one sign (round 180).
        return name[:1] in marks and not name.startswith("**")

    if not any(marked(n) for n in names):
        return None
    lead = [n.lstrip(marks) for n in names if marked(n)]
    return lead, [n for n in names if not marked(n)]


# A unit's name names its place first (`州政府督查室`, `市发改委`, `各县政府`); a 街道 is a place level as a 镇
# is (`吕仙亭街道办事处`, a minute's `…街道办事处要组织专门班子`).
PLACE_FIRST_RE = lazy_compile(r"^各?[\u4e00-\u9fff]{0,5}?(?:自治区|省|市|县|区|州|盟|旗|镇|乡|街道)")


_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,10}(?:市|县|区|州|旗|盟|镇|乡|街道)")


def names_units(value: str) -> bool:
    """Units, or places standing for their governments (a county's name in a 责任单位 cell), in a
    list or a name a line (readers give a cell's lines as spaces)."""
    names = [n for n in re.split(r"[、,，;；\s]+", normalise(value)) if n]
    if not names:
        return False
    return looks_like_units("、".join(names)) or all(_PLACE_RE.fullmatch(n) or is_place_name(n) for n in names)
