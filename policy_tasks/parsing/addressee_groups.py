"""A notice's group addressees as the subject of its items' sentences.

A notice charges the offices its salutation (主送) names, taken together, and its items may say so only as the
subject of a sentence: `各地区、各部门要高度重视…`, `各司局和直属单位要明确责任处室…`, `各地要切实落实好…`. Such a group
is one addressee, as `各有关单位` or `各乡镇(街道)` is (corpus README): the localities (`各地`, `各地区`), a level's
governments (`各县(市、区)`, `各乡镇`, `group_openings`) and a locality's standing body (`各地疫情防控指挥部`); the
departments (`各部门`); a ministry's departments (`各司局`), a bureau's offices (`各处室`) and the bodies under them
(`(各)直属单位`); the kind of enterprises the notice regulates (`各生活保供类电商及快递企业`, a market actor charged by
name, corpus README round 62). Each must be of a kind the salutation names (`notice_groups`: `各市、县…指挥部` and
`各苏木乡镇人民政府` name places, `旗政府各部门` the departments, `…各司局、各直属单位` the ministry's and its
affiliates); the enterprises go with any salutation of groups. A plan, or a notice with no salutation of groups,
charges no one so (`各地要…`, `各部门要…` stay unread, rounds 37 and 73). Townships named one by one
(`亭子镇、浙水乡人民政府`) stand for the township group, and a level's departments concerned (`县级有关部门`) for its
departments; the townships taking part (`各参建乡镇`) are that group (round 108). Joined by `、` or `和`, the first leads
and the others help (so written run together, each with its own `各`: `各地各部门要…`, round 113; parted by a comma
for the `、`, `各县区,各部门要…`, or charged all together, `各县区、各部门都要…`, round 129), the first's `各` going with a group written without one (`各参建乡镇和部门`: `部门`, as written); the heads of the groups as subject (`各司局和直属单位主要负责人要…`) charge the groups: a post of every
unit, no leader.

A request to the groups (`请各区按照…要求,…`, `请各区于2月20日前上报…`) charges them as `要` does (round 132).

The subject opens the item (after its title line or sentence, `role_sentences.opening_starts`), possibly after the
basis and the time of its sentence (`按照…要求,2018年年内,各司局和直属单位要…`), or opens a later sentence of an item
whose opening names no one; a later group's sentence after the first helps. The verb is a charge: `要`, `应当`,
`(必)须`; a directive may leave it unwritten, the group followed by the basis its work follows or by its deadline
(`各部门根据附件格式,细化分解全年任务`, `各部门于5月20日前将…报办公室`, round 137), unless its sentence reports work done
(`各部门根据要求,已完成自查`). A copy that lost its line breaks runs an item's short title straight into the subject (`一、确保…企业正常运转
各地要切实落实…`): the subject still opens the sentence when the words before it are a short title (no punctuation, 4
to 24 characters, or two short phrases parted by one comma, `加强领导,落实责任`; not ending in a verb governing the
group such as `督促`, `指导`).

Near cases that charge no one: `各地要素` and `各部门要求` (要素, 要求 are words), a group inside a quoted title or
quotation (`《关于各地要…的通知》`, `“…。各地要…”`), a group with no charge (`各地经验表明`, `…,各地纷纷…`), a bare
`各单位` or `有关部门` (`各单位` stands for a salutation's `省直各单位`, a level's units all, round 113), a group of a kind
the salutation does not name (`各司局要…` in a notice to the counties).
"""

from __future__ import annotations

import re

from .concerned_units import concerned_kind
from .dated_group_directives import dated_directive, dated_part
from .group_openings import government_group
from .lazy_patterns import lazy_compile
from .role_sentences import CHARGING_YAO
from .textutil import normalise
from .unit_names import continues_group

PLACES, DEPARTMENTS, MINISTRY, AFFILIATES, OFFICES, UNITS, ENTERPRISES = (
    "places",
    "departments",
    "ministry",
    "affiliates",
    "offices",
    "units",
    "enterprises",
)
# The groups a notice is sent to, each one addressee, by the kind of the salutation's group they stand for.
_GROUP_KINDS = (
    (PLACES, lazy_compile(r"^各(?:地|地区)$")),
    (DEPARTMENTS, lazy_compile(r"^各(?:部门|委办局|厅局)$")),
    # The level's departments that lead the breakdown's tasks (`省政府各牵头部门`), a part of the departments (round 111).
    (DEPARTMENTS, lazy_compile(r"^[省市县区州旗盟](?:人民)?政府各牵头部门$")),
    # The departments the work concerns, of the level (`省直有关部门`, round 90's one unit) or all (`各有关部门`, as
    # `各有关单位` is): a part of the departments, charged as a subject where the salutation names them (round 150).
    (DEPARTMENTS, lazy_compile(r"^(?:[省市县区州旗盟](?:直|级|(?:人民)?政府)|各)(?:有关|相关)部门$")),
    # A level's departments all (`市直各部门`), as a salutation's `市直各单位` is its units (round 182).
    (DEPARTMENTS, lazy_compile(r"^[省市县州旗盟](?:直|级)各部门$")),
    (MINISTRY, lazy_compile(r"^各司局$")),
    (AFFILIATES, lazy_compile(r"^各?直属(?:单位|机构)$")),
    (OFFICES, lazy_compile(r"^各(?:处室|科室|股室)$")),
)
# The salutation's groups, searched in each of its parts (`各市、县…指挥部`, `旗政府各部门`, `国家林业和草原局各司局`).
# Townships named one by one (`亭子镇、浙水乡人民政府`) are the township group, and a level's departments concerned
# (`县级有关部门`, `市直有关部门`, `县政府有关部门`) its departments (round 108).
_SALUTATION_KINDS = (
    (PLACES, lazy_compile(r"各(?:省|自治区|直辖市|设区市|市|县|区|乡镇|乡|镇|苏木|盟|旗|州|地|街道)")),
    (PLACES, lazy_compile(r"[镇乡](?:人民政府|政府)$")),
    # A zone's towns and 街道 named one by one (`吴圩镇人民政府、那洪及金凯街道办事处`, round 120).
    (PLACES, lazy_compile(r"[镇乡](?:人民)?政府、[\u4e00-\u9fff及和、]{2,20}?街道办事处$")),
    # `各办局室`: a zone's offices and bureaus, its departments (round 120).
    (DEPARTMENTS, lazy_compile(r"各(?:有关)?(?:部门|委办局|部委|厅局|厅委办|办局室)")),
    # `市各委、办、局`: a city's commissions, offices and bureaus parted by `、`, its departments (round 149).
    (DEPARTMENTS, lazy_compile(r"各委、办、局")),
    # The government's own bodies (`区政府直属局以上单位`, `县政府直属各单位`): its departments and units all, as `县直各单位`
    # (rounds 113, 117); written with 政府 the level is a government's, not a 自治区's (round 120).
    (DEPARTMENTS, lazy_compile(r"^[省市县区州旗盟](?:人民)?政府直属[\u4e00-\u9fff]{0,6}?单位$")),
    (UNITS, lazy_compile(r"^[省市县区州旗盟](?:人民)?政府直属[\u4e00-\u9fff]{0,6}?单位$")),
    (DEPARTMENTS, lazy_compile(r"^[省市县区州旗盟](?:直|级|(?:人民)?政府)(?:有关|相关)部门$")),
    # The level's own units (`市直各有关单位`, `县直各单位`): its departments and the bodies under them (round 117);
    # `区直` is left out: a 自治区's or a district's, and round 98 reads `区直各有关单位` as no group.
    (DEPARTMENTS, lazy_compile(r"^[省市县州旗盟](?:直|级)各(?:有关|相关)?单位$")),
    (MINISTRY, lazy_compile(r"各司")),
    (AFFILIATES, lazy_compile(r"直属")),
    (OFFICES, lazy_compile(r"各(?:处室|科室|股室)")),
    # A level's units all (`省直各单位`, `市直各单位`): `各单位` as subject stands for them (round 113).
    (UNITS, lazy_compile(r"^[省市县区州旗盟]直各单位$")),
    # The salutation's last group, the units concerned (`…,市政府各部门,各有关单位:`): `各单位` written after another
    # group as subject (`各部门、各单位要…`) stands for it (round 129); alone it is still no group. A salutation's plain
    # `各单位` names no kind (round 117's near case).
    (UNITS, lazy_compile(r"^各(?:有关|相关)单位$")),
    # `区各有关部门和单位`: a level's departments and its units under one `各`; `各单位` run together with `各部门` as
    # subject stands for those units (round 182).
    (UNITS, lazy_compile(r"各(?:有关|相关)?部门和单位$")),
)
# What a salutation's last addressee ends in: a body, a group of them, a place's government; a bureau's institution
# (`各区民政局,市养老服务发展中心:`, round 132).
_ADDRESSEE_END_RE = lazy_compile(
    r"(?:单位|部门|机构|政府|指挥部|委员会|办公室|司局|司|处室|科室|股室|党委|管委会|街道|乡镇|村|社区|局|厅|委|企业|中心|团体)$"
)
# A locality's standing body (`各地疫情防控指挥部`, `各地区应急管理部门`); a second `各` after the places opens a group of
# its own (`各地各有关部门`: the places, then the departments concerned, two addressees, round 182).
_LOCAL_BODY_RE = lazy_compile(
    r"^各(?:地|地区)(?!有关|相关|各)[\u4e00-\u9fff]{2,12}?(?:指挥部|领导小组办公室|办公室|部门|机构)$"
)
# The townships taking part in the work (`各参建乡镇`, `各项目乡镇`): the township group.
_TOWNSHIPS_RE = lazy_compile(r"^各[\u4e00-\u9fff]{1,4}?(?:乡镇|街道)(?:人民政府|政府)?$")
# The kind of enterprises the notice regulates (`各生活保供类电商及快递企业`, `各类物流企业`).
_ENTERPRISES_RE = lazy_compile(r"^各(?!有关|相关)[\u4e00-\u9fff]{2,16}?企业$")
# The owners of the projects a notice pushes (`相关业主单位`, `各项目业主单位`), market actors it charges by their role, as
# it charges its enterprises (round 141); round 74's `项目业主` column beside a 责任单位 column is no subject.
_OWNERS_RE = lazy_compile(r"^(?:各|各有关|各相关|相关|有关)(?:项目)?业主(?:单位)?$")
# A salutation of the units concerned alone (`各有关单位:`) names no kind of group, so it stands for every group the
# notice goes on to charge by name (`各县区及相关业主单位要…`, round 141).
_CATCH_ALL_RE = lazy_compile(r"^各(?:有关|相关)单位$")
# The departments the work concerns, all of them (`各有关部门`), a part of the salutation's units concerned.
_CONCERNED_DEPARTMENTS_RE = lazy_compile(r"^(?:各(?:有关|相关)|[省市县州旗盟](?:直|级)各)部门$")
# `各级` opens a group only run together before another (`各级各部门`: the levels' governments, then the departments).
_EACH_RE = lazy_compile(r"各(?![种类项级个])|各级(?=各)")
# A place before run-together groups, the level they are of (`经开区各级各部门`, `全市各级各部门`), written with the first
# group (round 120).
_PLACE_PREFIX_RE = lazy_compile(
    r"(?:全(?:省|市|县|区|州|盟|旗|镇)|[\u4e00-\u9fff]{0,6}?(?:经开区|开发区|高新区|新区|园区|示范区))$"
)
# The groups' heads may be named their first answerable before the charge (`各地、各部门主要领导是抓落实的第一责任人,
# 要…`, round 149): still a post of every unit, no leader.
_HEADS = r"(?:主要负责人|主要负责同志|负责同志|主要领导)(?:(?:是|为|作为)[^。;,:\n]{0,8}?第一责任人,)?"
# The subject, then the charge: `要` (`role_sentences.CHARGING_YAO`), `应当`, `(必)须`.
# `各县区、各部门都要…`: an adverb saying the charge is on them all (`都`, `也`, `还`, `均`) before the verb (round 129).
# `全省各地各部门务必认真贯彻…`: `务必` charges as `必须` does (round 149, as round 135 reads it of a role).
_CHARGE = rf"(?:都|也|还|均)?(?:{CHARGING_YAO}|应当|必须|务必|须(?!知))"
_SUBJECT_RE = lazy_compile(rf"(?P<names>[\u4e00-\u9fff()、]{{2,40}}?)(?P<heads>{_HEADS})?{_CHARGE}")
# `各县区,各部门要…`: groups a writer parted with a comma for the `、`, each opening with its own `各` (round 129).
_COMMA_RUN_RE = lazy_compile(
    rf"(?P<names>各[\u4e00-\u9fff()]{{1,12}}?(?:,各[\u4e00-\u9fff()]{{1,12}}?)+)(?P<heads>{_HEADS})?{_CHARGE}"
)
# A notice's directive may leave the charge unwritten (round 137): the group, then the basis its work follows or its
# deadline, then the work (`各部门根据附件格式,细化分解全年任务`, `各部门于5月20日前将…报办公室`).
_DIRECTIVE_RE = lazy_compile(
    r"(?P<names>[\u4e00-\u9fff()、]{2,40}?)"
    r"(?=(?:根据|按照|依照|依据|对照|结合)[^。;,:\n]{2,30}?,|于[^。;,:\n]{2,16}?前)",
    needs="根据|按照|依照|依据|对照|结合|于",
)
# Work reported done (`各部门根据要求,已完成自查`, `…开展了…`): no directive.
_REPORTED_RE = lazy_compile(r"已|了(?!解)", needs="已|了")
# What a sentence may open with before its subject: the basis the work follows, then its time
# (`按照…相关要求,2018年年内,各司局和直属单位要…`, `今后,各地要…`).
_LEAD_IN_RE = lazy_compile(
    r"(?:(?:按照|根据|依据|依照)[^。,;:\n]{2,40}?(?:要求|部署|规定|安排|精神),)?"
    r"(?:(?:(?:\d{4}|今|明)年[^。,;:\n]{0,8}?|今后|同时|此外|另外|届时),)?"
)
# `请各区按照…要求`, `请各区于2月20日前上报…`: the notice asks its groups what `各区要…` charges them with (round 132), the
# request going on with a time, a manner or a charge, as a request to a breakdown's roles does (`role_requests`).
_REQUEST_RE = lazy_compile(
    r"请(?P<names>[\u4e00-\u9fff()、]{2,40}?)"
    r"(?=于|在|按|要|将|务必|认真|及时|切实|抓紧|尽快|根据|对照|结合|做好|加强|进一步)",
    needs="请",
)
_SENTENCE_END_RE = re.compile(r"[。;!\n]")
_COMMA_RE = re.compile(r",")
# A heading may be two short phrases parted by a comma (`加强领导,落实责任`, round 182), as a heading line writes it.
_TITLE_RE = lazy_compile(r"^(?:[\u4e00-\u9fff]{4,24}|[\u4e00-\u9fff]{2,10},[\u4e00-\u9fff]{2,10})$")
# A title ending in a verb that governs the group is a sentence of its own (`督促各地要…`).
_GOVERNING_RE = lazy_compile(
    r"(?:督促|指导|要求|鼓励|支持|推动|组织|帮助|引导|号召|动员|协调|通知|请|由|对|向|与|和|及)$"
)
_TITLE_MAX = 24
_QUOTES = (("《", "》"), ("“", "”"), ("「", "」"))


def group_kind(name: str) -> str | None:
    """The kind of salutation group `name` stands for as one addressee (`各地`: places, `各司局`: the ministry's,
    `各县(市、区)`, `各地疫情防控指挥部`, `各参建乡镇`: places), or None when it is no group addressee."""
    for kind, pattern in _GROUP_KINDS:
        if pattern.match(name):
            return kind
    if _LOCAL_BODY_RE.match(name) or government_group(name) or _TOWNSHIPS_RE.match(name):
        return PLACES
    if (concerned := concerned_kind(name)) is not None:
        return concerned  # `各有关单位要…` in a notice to named groups (`concerned_units`, round 160)
    return ENTERPRISES if _ENTERPRISES_RE.match(name) or _OWNERS_RE.match(name) else None


def notice_groups(header: list[tuple[int, str]]) -> frozenset[str]:
    """The kinds of group the notice's salutation names (`各苏木乡镇人民政府,旗政府各部门,…:`: places and
    departments): the first header line's part before a colon that lists addressees; a copy that ran its title into
    the salutation keeps the title before the first one (`…疫情防控各市、县…指挥部,中直、区直各有关单位:`)."""
    for _, line in header:
        norm = normalise(line).replace(" ", "")
        if ":" not in norm:
            continue
        head = norm.split(":", 1)[0]
        if norm.endswith(":") and "[" in norm:
            # `…浏览次数:字体【各县市人民政府,…管委会:`: a copy that ran the salutation on from the page's font widget
            # (【 normalised to [), round 128.
            head = norm[:-1].rsplit("[", 1)[1]
        parts = head.split(",")
        if "。" in head or any(len(p) > 40 for p in parts[1:]) or not _ADDRESSEE_END_RE.search(parts[-1]):
            continue
        if len(parts) == 1 and _CATCH_ALL_RE.match(parts[0]):
            return frozenset((PLACES, DEPARTMENTS, MINISTRY, AFFILIATES, OFFICES, UNITS, ENTERPRISES))
        kinds = {kind for kind, pattern in _SALUTATION_KINDS for part in parts if pattern.search(part)}
        if kinds:
            return frozenset(kinds | {ENTERPRISES})
    return frozenset()


def _parts(norm: str, s: int, e: int) -> list[tuple[int, int]] | None:
    """The spans of the groups `norm[s:e]` joins by `、`, `和` or `及` (a group's own bracket kept whole), or None."""
    found, at, depth = [], s, 0
    for i in range(s, e + 1):
        ch = norm[i] if i < e else ""
        depth += ch == "("
        depth -= ch == ")"
        if i == e or (depth == 0 and ch in "、和及"):
            found.append((at, i))
            at = i + 1
    if all(_kinds(norm, found)):
        return found
    # `各地各部门要…`: groups written run together, each opening with its own `各` (rounds 111, 113).
    if (run := _run_together(norm, s, e)) is not None:
        return run
    # `各生活保供类电商及快递企业`: a group's own words may hold 和 (`…电商和快递企业`); read it whole.
    return [(s, e)] if group_kind(norm[s:e]) else None


def _comma_parts(norm: str, s: int, e: int) -> list[tuple[int, int]]:
    """The spans of the groups `norm[s:e]` parts with commas (`各县区,各部门`)."""
    found, at = [], s
    for i in range(s, e + 1):
        if i == e or norm[i] == ",":
            found.append((at, i))
            at = i + 1
    return found


def _run_together(norm: str, s: int, e: int) -> list[tuple[int, int]] | None:
    """The spans of groups written with no mark between them, each opening with `各` and each a group of its own
    (`各地各部门`, `各县区各部门`), or None (`各地区` stays one group: `区` opens none; `各种`, `各级` open none)."""
    starts = [m.start() for m in _EACH_RE.finditer(norm, s, e)]
    if len(starts) < 2 or (starts[0] != s and not _PLACE_PREFIX_RE.match(norm[s : starts[0]])):
        return None
    spans = list(zip(starts, [*starts[1:], e], strict=True))
    if not all(_kinds(norm, spans)):
        return None
    return [(s, spans[0][1]), *spans[1:]]  # the place goes with the first group, as written


def _kinds(norm: str, parts: list[tuple[int, int]]) -> list[str | None]:
    """The kind of each joined group; the first's `各` goes with those after it that are written without one
    (`各参建乡镇和部门`: the departments, kept as written; round 108, as `各司局和直属单位`)."""
    names = [norm[a:b] for a, b in parts]
    if len(names) > 1 and (at := names[0].find("各")) > 0 and _PLACE_PREFIX_RE.match(names[0][:at]):
        names[0] = names[0][at:]  # `经开区各级`: the group after the place it is of
    each = names[0].startswith("各")
    # `各单位` after other groups (`各地各部门各单位要…`) stands for a salutation's `省直各单位`; alone it is no group.
    return [
        group_kind(n)
        # Written first before the departments (`各单位各部门要…`) it is the salutation's units all the same: what
        # leaves a bare `各单位` vague is standing alone for everyone (round 182).
        or (UNITS if n == "各单位" and (i or _before_departments(names)) else None)
        or (PLACES if not i and n == "各级" and len(names) > 1 else None)  # `各级各部门`: the levels' governments
        # `各参建乡镇和有关部门`: a bare `有关部门` takes no `各` from the group before it (round 108's near case).
        or (group_kind(f"各{n}") if i and each and not n.startswith(("各", "有关", "相关")) else None)
        for i, n in enumerate(names)
    ]


def _before_departments(names: list[str]) -> bool:
    """Whether a first `各单位` is run together or joined with the departments after it (`各单位各部门`)."""
    return len(names) > 1 and any(group_kind(n) == DEPARTMENTS for n in names[1:])


def group_subject(norm: str, start: int, groups: frozenset[str]) -> tuple[list[tuple[int, int]], int] | None:
    """The groups a sentence opening at `start` charges (`各地区、各部门要…`) and where the charge's verb ends, or None;
    each must be of a kind in `groups` (the salutation's, `notice_groups`)."""
    if _quoted(norm, start):
        return None
    lead_in = _LEAD_IN_RE.match(norm, start)
    at = lead_in.end() if lead_in else start
    if (comma := _COMMA_RUN_RE.match(norm, at)) is not None:
        parted = _comma_parts(norm, comma.start("names"), comma.end("names"))
        if _all_saluted(norm, parted, groups):
            return parted, comma.end()
    m = _SUBJECT_RE.match(norm, at) or _REQUEST_RE.match(norm, at) or _directive(norm, at)
    # `各县、区2023年底前…`, `各县、区做好…`, `…力度,各县、区2023年底前…`: no verb written (`dated_group_directives`).
    m = m or dated_directive(norm, at) or dated_part(norm, at)
    if m is None:
        return None
    parts = _parts(norm, m.start("names"), m.end("names"))
    if not parts or not _all_saluted(norm, parts, groups):
        return None
    return _levels_joined(norm, parts), m.end()


def _all_saluted(norm: str, parts: list[tuple[int, int]], groups: frozenset[str]) -> bool:
    """Whether every joined group is of a kind the salutation names. The units concerned (`各有关单位`) after a level of
    places hold the departments concerned: `各有关部门要…`, `市直各部门要…` are a part of them (round 182)."""
    return all(
        kind in groups or (kind == DEPARTMENTS and UNITS in groups and _CONCERNED_DEPARTMENTS_RE.match(norm[s:e]))
        for kind, (s, e) in zip(_kinds(norm, parts), parts, strict=True)
    )


def _levels_joined(norm: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The groups with a level after the `、` under the one `各` joined back to it (`各县、区`: every county and
    district, one addressee, round 140), as a unit list joins them (`unit_names.continues_group`)."""
    joined = parts[:1]
    for s, e in parts[1:]:
        if continues_group(norm[joined[-1][0] : joined[-1][1]], norm[s:e]):
            joined[-1] = (joined[-1][0], e)
        else:
            joined.append((s, e))
    return joined


def _directive(norm: str, at: int) -> re.Match[str] | None:
    """`各部门根据附件格式,细化…`: a group's directive with no charge written, unless its sentence reports work done."""
    m = _DIRECTIVE_RE.match(norm, at)
    end = _SENTENCE_END_RE.search(norm, at)
    return m if m is not None and not _REPORTED_RE.search(norm, at, end.start() if end else len(norm)) else None


def glued_title_end(norm: str, groups: frozenset[str]) -> int | None:
    """Where an item's short title run straight into its first sentence's group subject ends
    (`确保…企业正常运转各地要…`, or after one space, as a copy joining lines with one writes it), or None."""
    for i in range(4, min(_TITLE_MAX + 1, len(norm))):
        at = i + 1 if norm[i] == " " and i + 1 < len(norm) else i
        # The subject may follow the sentence's time (`…规范化2021年6月底前,各地各部门要…`, round 113).
        if (
            not (norm[at] in "各直" or norm[at].isdigit())
            or not _TITLE_RE.match(norm[:i])
            or _GOVERNING_RE.search(norm[:i])
        ):
            continue
        if group_subject(norm, at, groups) is not None:
            return at
    return None


def comma_groups(norm: str, after: int, groups: frozenset[str]) -> list[list[tuple[int, int]]]:
    """The group subjects opening the comma-parted clauses of `norm` after `after` (`各区要…,市直各部门要…`), each
    with its own charge: a later part's group helps as a later sentence's does (round 182)."""
    return [found[0] for m in _COMMA_RE.finditer(norm, after) if (found := group_subject(norm, m.end(), groups))]


def later_groups(norm: str, after: int, groups: frozenset[str]) -> list[tuple[list[tuple[int, int]], int]]:
    """The group subjects opening the sentences of `norm` after `after`, in order."""
    ends = _SENTENCE_END_RE.finditer(norm, after)
    return [found for end in ends if (found := group_subject(norm, end.end(), groups))]


def _quoted(norm: str, at: int) -> bool:
    before = norm[:at]
    return any(before.count(o) > before.count(c) for o, c in _QUOTES)


def bare_groups(name: str) -> bool:
    """Whether `name` is the notice's bare groups only (`各地、各部门`, `各地各部门`, `各司局和直属单位`): their heads by
    post are a post of every unit and no leader (rounds 96/97). A group of governments by name (`各乡镇人民政府`) is
    not: its head answerable by post is a leader (round 95)."""
    parts = [p for p in re.split(r"[、和及]|(?=各)", normalise(name).replace(" ", "")) if p]
    return bool(parts) and all(any(pattern.match(p) for _, pattern in _GROUP_KINDS[:2]) for p in parts)
