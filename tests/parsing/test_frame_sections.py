"""One list of the headings that frame a plan's or a notice's work (`plan_frames`): the targets,
principles and guiding ideas of a plan, the purpose, scope, manner and time of a notice. A notice to
one group of offices (`各中队:`) whose measures name no unit leaves out the items under such a
section, whichever of the frames heads it, as it leaves out those under `一、工作目标` and
`二、整治范围`; a heading that says what is done (`二、整治重点`) is no frame."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.plan_frames import frames_the_plan


def _notice(first: str, second: str, items: tuple[str, str] = ("1.", "2.")) -> str:
    return (
        "各中队:\n"
        "根据上级部署,近期在全区开展占道经营集中整治,现结合执法职能,明确如下:\n"
        f"一、{first}\n"
        "1.查处一批典型案件\n"
        "2.占道经营现象明显减少\n"
        f"二、{second}\n"
        f"{items[0]}城区主次干道;\n"
        f"{items[1]}各镇集镇区域。\n"
        "三、具体任务\n"
        "(一)每日巡查责任路段,劝离流动摊贩;\n"
        "(二)对屡教不改的经营户依法立案查处;\n"
        "(三)每周五前报送整治台账。\n"
        "执法大队\n"
        "2023年5月8日\n"
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
