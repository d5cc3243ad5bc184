"""An assignment written as prose: who a clause names when no bracket and no label does.

`units` asks here after the brackets and label fields of a clause name no one. The forms, first that
names a unit wins: a sentence about the item's own work (`此项工作由A负责组织,B具体实施`, `work_sentences`); the
units signing the item after a dash (`dashed_units`); a run of `X牵头` / `Y配合` parts opening a sentence,
with the parts after a lead or a charge that name units carrying the work out (`各镇街具体实施`), working with the
lead (`会同B`) or doing a supporting part (`B做好资金保障`, `supporting_parts`); then units as the subject of a role
noun (`A为牵头单位`, `role_sentences`), a sentence closing in its units (`closing_units`) and a lead calling others
in (`由A会同B等部门负责落实`, `convened_units`), and a charge closing the item after a comma
(`…建设项目,由X牵头实施。`, `closing_charges`). A meeting's word stating its decision (`会议明确,`) may open the run's
sentence, as a part of its own (round 167).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .carry_out_parts import carry_out_names
from .closing_charges import closing_charge_parts
from .closing_units import closing_unit_spans
from .convened_units import convened_assignment
from .dashed_units import dashed_unit_span
from .joint_units import joined_names
from .responsibility import Responsibility
from .retold_brackets import retold_parts
from .role_runs import free_part, read_free
from .role_sentences import role_noun_parts
from .supporting_parts import supporting_names
from .task_first_orders import task_then_lead
from .textutil import split_top, strip_span
from .unit_labels import CHARGE_RE, CO, LEAD, LISTED, free_role
from .unit_lists import split_names
from .unit_names import TRIM as _TRIM
from .unit_names import looks_like_units
from .work_sentences import without_aliases, work_assignments

_SENTENCE_RE = re.compile(r"[^。;\n]+")
# The meeting's own word stating its decision, a part of its own before the assignment it states (round 167).
_MEETING_LEAD_RE = re.compile(r"会议(?:明确|决定|确定|议定|研究决定|同意)")


def read_sentences(text: str, norm: str, found: Responsibility) -> None:
    """`由副市长负责,市发改委牵头,相关部门配合,尽快完成…` or `…。省水利厅牵头,省发改委等单位配合。`:
    an assignment written as prose, a run of `X牵头` / `Y配合` parts opening a sentence; else
    units as the subject of a role noun (`A为牵头单位…。B、C为协办单位`, `role_sentences`); a sentence
    about the item's own work (`此项工作由A负责组织,B具体实施`, `work_sentences`) comes first."""
    if work := work_assignments(norm):
        for role, s, e, _, _ in work:
            found.roles[role] += split_names(*without_aliases(text, norm, s, e))  # `A(以下简称“A办”)`: A
        found.spans.append(work[0][3:])
        found.origin = found.origin or "正文"
        return
    if dashed := dashed_unit_span(norm):
        # `…改造30公里。——县交通局`: the units signing the item after a dash (`dashed_units`).
        read_free(text, norm, dashed[1], dashed[2], found)
        if found.found:
            found.spans.append((dashed[0], dashed[2]))
            found.origin = "正文"
            return
    for sentence in _SENTENCE_RE.finditer(norm):
        parts = [strip_span(norm, s, e, _TRIM) for s, e in split_top(norm, ",", sentence.start(), sentence.end())]
        if len(parts) > 1 and _MEETING_LEAD_RE.fullmatch(norm[parts[0][0] : parts[0][1]]):
            parts = parts[1:]  # `会议明确,此次…工作由A牵头,…`: the meeting's word over its assignment (round 167)
        run = []
        for s, e in parts:
            m = free_part(norm[s:e])
            # A long part is prose that happens to end in a role word, unless all it names are units
            # (`B、C、…、各县(市)区人民政府配合`: a plan's helpers may run past sixty characters).
            if m and (len(norm[s:e]) <= 60 or looks_like_units(m["names"].strip(_TRIM), 2)):
                run.append((s, e, m["role"]))
            elif run and free_role(run[0][2]) == LEAD and carry_out_names(norm[s:e]) is not None:
                run.append((s, e, ""))  # `由A牵头,各镇街具体实施`: the units carrying it out help
            elif run and free_role(run[0][2]) == LEAD and joined_names(norm[s:e]) is not None:
                run.append((s, e, ""))  # `由A牵头,会同B推进`: the units the lead works with help
            elif run and free_role(run[0][2]) != CO and supporting_names(norm[s:e]) is not None:
                run.append((s, e, ""))  # `由A负责组织实施,B做好资金保障`: a supporting part's units help
            else:
                break
        leads = any(free_role(role) == LEAD for _, _, role in run if role)
        if (
            (len(run) >= 2 and (leads or (sentence.start() > 0 and _charged_then_helped(run))))
            or (len(run) == len(parts) == 1 and leads)
            or (len(run) == len(parts) == 1 and sentence.start() > 0 and _charge_alone(norm, run[0]))
        ):
            read_free(text, norm, run[0][0], run[-1][1], found)
            found.spans.append((_after_task(norm, run[0][0], run[0][1]), run[-1][1]))
            found.origin = found.origin or "正文"
            return
    # The sentence forms in turn, the first that names a unit wins: `A为牵头单位`, `4项目标的责任单位均为A`,
    # `由A会同B等部门负责落实`.
    forms: tuple[Callable[[], list[tuple[str, int, int, int, int]]], ...] = (
        lambda: role_noun_parts(norm),
        lambda: [(LISTED, *span) for span in closing_unit_spans(norm)],
        lambda: convened_assignment(norm),
        lambda: retold_parts(norm),  # `《意见》要求A、B等按职责分工负责,年内持续推进` (`retold_brackets`)
        lambda: closing_charge_parts(norm),  # `…建设项目,由坛洛镇牵头实施。` (`closing_charges`)
    )
    for form in forms:
        for role, s, e, part_start, part_end in form():
            found.roles[role] += split_names(text, norm, s, e)
            found.spans.append((part_start, part_end))
            found.origin = found.origin or "正文"
        if found.found:
            return


def _charged_then_helped(run: list[tuple[int, int, str]]) -> bool:
    """`A负责落实,B、C配合`: a unit charged with the work and others helping is an assignment as plain
    as `A牵头,B配合`; a run of `负责` parts alone (`A负责…,B负责…`) may be two parts of the work. Only
    after the item's first sentence (`强化项目建设。A负责落实,B配合。`): a charge that opens the item is
    `opening_charge`'s, where each sentence so opened is a clause of its own."""
    roles = [role for _, _, role in run]
    # A part with no role word after a charge names units doing a supporting part (`B做好资金保障`): they help.
    return bool(CHARGE_RE.fullmatch(roles[0])) and all(not role or free_role(role) == CO for role in roles[1:])


_HOW_RE = re.compile(r"由|自行|各自|自主|统一|全面")


def _charge_alone(norm: str, part: tuple[int, int, str]) -> bool:
    """`…。由A负责。`: a sentence that is only a charge of units, after the item's first sentence, is the
    item's bracket moved out (`(责任单位:A)`). Only names: an adverb before the charge says how, not who
    (`由企业自行负责`), and a `由` inside them follows a task (`其余工作由A负责`), which opens no assignment."""
    m = free_part(norm[part[0] : part[1]])
    if m is None or not CHARGE_RE.fullmatch(part[2]) or _HOW_RE.search(m["names"]):
        return False
    return looks_like_units(m["names"].strip(_TRIM))


def _after_task(norm: str, start: int, end: int) -> int:
    """Where the assignment of a run's first part starts: at its `由` when the part names its task before it
    (`九重区域环境整治由王某某牵头`, `task_first_orders`), the task being the item's title, not its assignment."""
    m = free_part(norm[start:end])
    if m is None or not (after := task_then_lead(m["names"])):
        return start
    return start + m.start("names") + after - 1
