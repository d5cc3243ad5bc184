"""One list of the headings that frame a plan's or a notice's work (`plan_frames`): the targets,
principles and guiding ideas of a plan, the purpose, scope, manner and time of a notice. A notice to
one group of offices (`各中队:`) whose measures name no unit leaves out the items under such a
section, whichever of the frames heads it, as it leaves out those under `一、工作目标` and
`二、整治范围`; a heading that says what is done (`二、整治重点`) is no frame."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.plan_frames import frames_the_plan
from tests.parsing.test_conventions_round31 import _BRIGADE_NOTICE


def _notice(first: str, second: str, items: tuple[str, str] = ("1.", "2.")) -> str:
    """Round 31's brigade notice with its two framing sections headed and numbered as given."""
    text = _BRIGADE_NOTICE.replace("一、工作目标", f"一、{first}").replace("二、整治范围", f"二、{second}")
    return text.replace("1.城区主次干道", f"{items[0]}城区主次干道").replace(
        "2.各镇集镇区域", f"{items[1]}各镇集镇区域"
    )


def _measures(text: str) -> list[tuple[str, list[str]]]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2023)
    return [(t.label, t.lead_units) for t in doc.tasks]


MEASURES = [("(一)", ["各中队"]), ("(二)", ["各中队"]), ("(三)", ["各中队"])]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("工作目标", "整治范围"),
        ("目标要求", "检查对象"),
        ("发展目标", "实施范围"),
        ("工作目的", "整治时间和方式"),
        ("指导思想", "公示范围、方式和时间"),
    ],
)
def test_the_sections_framing_a_notice_hold_none_of_its_measures(first, second):
    assert _measures(_notice(first, second)) == MEASURES


def test_a_section_that_says_what_is_done_is_no_frame():
    # Its items numbered as the measures are: under `二、整治范围` they are none, under `二、整治重点` (what the
    # brigade does) they are measures beside `三、具体任务`'s.
    assert len(_measures(_notice("工作目标", "整治范围", items=("(一)", "(二)")))) == 3
    measures = _measures(_notice("工作目标", "整治重点", items=("(一)", "(二)")))
    assert len(measures) == 5 and all(lead == ["各中队"] for _, lead in measures)


@pytest.mark.parametrize(
    "text", ["目标要求。到2025年,占道经营现象明显减少。", "主要目标:到2025年,…", "指导思想以习近平…为指导"]
)
def test_an_item_opening_with_the_plans_targets_frames_the_plan(text):
    assert frames_the_plan(text)


@pytest.mark.parametrize("text", ["目标管理要落实到人。", "加强要求落实", "工作要求"])
def test_an_item_that_only_starts_like_a_frame_does_not(text):
    assert not frames_the_plan(text)
