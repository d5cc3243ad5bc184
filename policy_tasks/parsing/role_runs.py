"""A run of units that names its roles in words: `A、B牵头;C、D,E配合`, `A负责落实,B配合`.

A role word closing a part applies to every unit named since the last role (`A、B牵头`), parts
being cut at `,` / `;` and at a `、` or a space right after a role word (`A牵头、B配合`). Between
them stand the parts that read otherwise: a time (the clause's 完成时限), the units carrying the
work out after a lead (`各镇街落实`), those a lead works with (`会同B`), a leader overseeing
(`副县长李华督办`), a role noun (`A为牵头单位`), and a bare list closing a clause (the first
leads; its parts one list, `bare_unit_brackets`). `units` reads brackets, label values and prose sentences with it. After a unit charged or leading, a part naming
units by the supporting work they do (`B做好资金保障`, `supporting_parts`) helps; a role word standing alone after
units (`A,牵头;B,配合`) assigns them; an office overseeing the item (`县政府督查室督办`) is none of its units.
"""

from __future__ import annotations

import re

from .bare_unit_brackets import bare_unit_list
from .carry_out_parts import carry_out_names, shares_by_remit
from .convened_units import assisted_part, convened_part
from .deadlines import is_time_part
from .helper_brackets import without_spaced_persons
from .joint_units import joined_names
from .local_parts import local_names
from .person_names import is_person
from .responsibility import Responsibility
from .role_sentences import role_noun_part
from .supporting_parts import supporting_names
from .task_first_orders import led_by_persons, task_then_lead
from .textutil import bracket_depths, split_top, strip_span
from .trailing_units import trailing_units
from .unit_labels import CO, FREE_RE, LEAD, LISTED, free_role, role_alone
from .unit_lists import one_person_per_name, split_names
from .unit_names import TRIM as _TRIM
from .unit_names import looks_like_units

# Role words that are as often prose (`以政府投入为主`, `加强统筹`, `以…思想为指导`): in a sentence they assign
# only units.
_PROSE_ROLE_RE = re.compile(r"为主|统筹(?:协调|推进)?|(?:业务|技术)?指导")


# `信用社坚持以政府为主`, `坚持以…为主`: a `以X为主` inside a sentence (words before its `以`) is the principle the
# subject holds to, no assignment; `以县财政局为主,各乡镇配合` opening its part still names its lead.
_PRINCIPLE_RE = re.compile(r"\S以[^以]*$")


def free_part(part: str) -> re.Match[str] | None:
    """`FREE_RE`'s match of a part, where a role word as often prose ends it (`A为主`, `A统筹`) only
    after units (`以政府投入为主` names no one), and `为主` never after a sentence's words (`坚持以政府为主`)."""
    m = FREE_RE.match(part)
    if m and _PROSE_ROLE_RE.fullmatch(m["role"]) and not looks_like_units(m["names"].strip(_TRIM)):
        return None
    if m and m["role"] == "为主" and _PRINCIPLE_RE.search(m["names"].strip(_TRIM)):
        return None
    return m


def helping_part(part: str) -> bool:
    """`C配合`, `C、D协助`: units that help, a part of its own."""
    m = FREE_RE.match(part)
    return m is not None and free_role(m["role"]) == CO


# `责任单位:A牵头、B配合`: a role word closes its part though only a `、` follows it, or a space or a line
# break (a table cell written `县交通局牵头` / `县财政局配合` on two lines, or with a space between them).
_ROLE_THEN_COMMA_RE = re.compile(r"(?<=牵头|配合|参与|参加|协助|协办|主办|负责|协同)(?:、|\s+(?=\S))")


def role_parts(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a unit list that name roles in words, cut at `,` / `;` and at a `、` or a space right
    after a role word."""
    parts = []
    for part_start, e in split_top(norm, ",;", start, end):
        depths = bracket_depths(norm[part_start:e])
        s = part_start
        for m in _ROLE_THEN_COMMA_RE.finditer(norm, part_start, e):
            if not depths[m.start() - part_start]:
                parts.append((s, m.start()))
                s = m.end()
        parts.append((s, e))
    return parts


def roles_alone(norm: str, parts: list[tuple[int, int]]) -> bool:
    """`(县交通局,牵头;县财政局,配合)`: a part that is a role word alone (or a role noun, `牵头单位`) right
    after a part naming units gives them their role, as `县交通局牵头` would."""
    texts = [norm[s:e].strip(_TRIM) for s, e in parts]
    return any(i and role_alone(t) and looks_like_units(texts[i - 1]) for i, t in enumerate(texts))


# A leader overseeing an item, written among its units: `副县长李华督办`, `王明同志领衔`, `张三副县长指导`.
_OVERSEER_RE = re.compile(r"^(?P<names>.+?)(?:领衔督办|督办|领衔|挂帅|包抓|包联|指导)$")
# An office overseeing an item (`县政府督查室督办`, `县委督查室、县政府督查室跟踪督查`): it urges and audits the
# work, as Duban's own 督查员 do, and neither leads nor helps; no unit of the task (`unit_labels.OVERSEER`).
_OVERSEEING_OFFICE_RE = re.compile(r"^(?P<names>.+?)(?:负责|跟踪|全程|定期|专项)?(?:督办|督查|督导)$")


def overseeing_office(part: str) -> bool:
    """`县政府督查室督办`: a part naming the units that oversee the item, not those doing it."""
    m = _OVERSEEING_OFFICE_RE.match(part)
    return m is not None and looks_like_units(m["names"])


def read_free(text: str, norm: str, start: int, end: int, found: Responsibility) -> None:
    """`A、B牵头;C、D,E配合`: a role word at the end of a run applies to the whole run."""
    pending: list[tuple[int, int]] = []
    remit_shared = False  # a run before ends in `按职责分工负责`, no 牵头 named: its first unit leads
    for s, e in role_parts(norm, start, end):
        s, e = strip_span(norm, s, e, _TRIM)
        if s >= e:
            continue
        if pending and (alone := role_alone(norm[s:e])):
            # `(A,牵头;B、C,配合)`: the role word alone assigns the units named since the last role.
            for ps, pe in pending:
                found.roles[alone] += split_names(text, norm, ps, pe)
            pending = []
            continue
        if (found.roles[LEAD] or found.roles[LISTED]) and (support := supporting_names(norm[s:e])):
            # `由A负责组织实施,B做好资金保障`: the units doing a supporting part help (`supporting_parts`).
            found.roles[CO] += split_names(text, norm, s + support[0], s + support[1])
            continue
        if assisted := assisted_part(norm[s:e]):
            # `(A配合B落实)`: B carries the work out and leads, A helps; both help a lead named before.
            for role, ns, ne in assisted:
                found.roles[CO if found.roles[LEAD] else role] += split_names(text, norm, s + ns, s + ne)
            continue
        m = free_part(norm[s:e])
        if not m and is_time_part(norm[s:e]):
            # `(市政府各部门分别负责,年内持续推进)`: the bracket's time is the clause's 完成时限.
            found.due_fields.append((s, e, s, e))
            continue
        if not m and (found.roles[LEAD] or found.roles[LISTED]) and (local := local_names(norm[s:e])):
            # `(A、B按职责分工负责,各县(市、区)结合实际落实)`: the level carrying it out locally helps.
            found.roles[CO] += split_names(text, norm, s + local[0], s + local[1])
            continue
        if not m and (found.roles[LEAD] or remit_shared) and (carried := carry_out_names(norm[s:e])) is not None:
            # `(A牵头,B参加,各镇街落实)`: the units carrying the work out help (`carry_out_parts`); so after units
            # sharing the work by remit (`〔A、B按职责分工负责,各乡(街道)落实〕`, round 181); after a
            # person who 牵头 (`由王某某牵头,九重镇落实`, `task_first_orders`) they answer for it and lead.
            for ps, pe in pending:
                found.roles[CO] += split_names(text, norm, ps, pe)
            pending = []
            carrier = LISTED if led_by_persons(found.roles[LEAD]) else CO
            found.roles[carrier] += split_names(text, norm, s + carried[0], s + carried[1])
            continue
        if not m and found.roles[LEAD] and (joined := joined_names(norm[s:e])) is not None:
            # `(A牵头,会同B)`: the units the lead works with help (`joint_units`).
            found.roles[CO] += split_names(text, norm, s + joined[0], s + joined[1])
            continue
        if not m and (person := _OVERSEER_RE.match(norm[s:e])) and is_person(person["names"]):
            # `(A牵头,副县长李华督办)`: the leader who oversees the work, a person.
            found.leaders.append(text[s + person.start("names") : s + person.end("names")])
            continue
        if not m and overseeing_office(norm[s:e]):
            continue  # `(A牵头,B配合,县政府督查室督办)`: the overseeing office
        if not m and (convened := convened_part(norm[s:e])):
            # `(A会同B、C落实)`: A leads, the units it calls in help (`convened_units`).
            for role, ns, ne in convened:
                found.roles[role] += split_names(text, norm, s + ns, s + ne)
            continue
        if not m and (part := role_noun_part(norm[s:e])):
            # `(A为牵头单位,B为配合单位)`, `(责任单位为A)`: the role noun names the role.
            found.roles[part[0]] += split_names(text, norm, s + part[1], s + part[2])
            continue
        if not m:
            pending.append((s, e))
            continue
        role = m["role"]
        kind = free_role(role)
        remit_shared = remit_shared or (kind == LISTED and shares_by_remit(role))
        names_start = s + m.start("names")
        # `九重区域环境整治由王某某牵头`: the task named before `由` is no part of the names.
        names_start += task_then_lead(norm[names_start : s + m.end("names")])
        if norm.startswith("其中", names_start):
            # `(A、B,其中B牵头)`: the role of units among those just listed, not of the list.
            for ps, pe in pending:
                found.roles[LISTED] += split_names(text, norm, ps, pe)
            pending = []
            names_start += 2
        for ps, pe in pending:
            found.roles[kind] += split_names(text, norm, ps, pe)
        pending = []
        found.roles[kind] += split_names(text, norm, names_start, s + m.end("names"))
    # `(张三副县长,县交通局)`: the leader of a bare list is written first, a part of its own.
    # (`(县交通局 局长张三)` is a unit and its person, no person alone.)
    persons = [
        (ps, pe)
        for ps, pe in pending
        if one_person(norm[ps:pe].strip(_TRIM)) and not looks_like_units(without_spaced_persons(norm[ps:pe]))
    ]
    units = [(ps, pe) for ps, pe in pending if (ps, pe) not in persons]
    if units and (found.roles[LEAD] or found.roles[LISTED]) and all(trailing_units(norm[ps:pe]) for ps, pe in units):
        # `(A、B分工负责,C;各乡镇)`: units named bare after the roles help, in order (`trailing_units`).
        for ps, pe in units:
            found.roles[CO] += split_names(text, norm, ps, pe)
    elif units and not found.found and bare_unit_list([without_spaced_persons(norm[ps:pe]) for ps, pe in units]):
        # `(市发展改革委,各县〔市、区〕政府)`: a bare list of units closing a clause; the first leads.
        for ps, pe in units:
            found.roles[LISTED] += split_names(text, norm, ps, pe)
        found.leaders += [text[ps:pe].strip(_TRIM) for ps, pe in persons]
        found.origin = found.origin or "无标注括号"


def one_person(part: str) -> bool:
    """`张三副县长`, `县委常委、副县长张三`: one person, party titles and all."""
    persons = one_person_per_name([n for n in part.split("、") if n])
    return len(persons) == 1 and is_person(persons[0].split("、")[-1])
