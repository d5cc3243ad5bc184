"""Conventions met in blind round 113 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (黑龙江 2025 突破年 covering notice, a
province's 政务服务规范化 opinions). At the round's first look the parser refused a notice numbering its requirements
`一要…` `二要…`, read no group in `各地各部门要…` (groups written run together), and dated a later aim of a sentence
that a date opens (`…,实现A、B等16个要素统一`) as a second commitment, its heading line glued to the date.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.addressee_groups import glued_title_end, notice_groups
from policy_tasks.parsing.outline import enumerates, line_marker
from policy_tasks.parsing.textutil import normalise

_NOTICE = "某省委办公厅 某省人民政府办公厅关于印发《某省突破年行动方案》的通知\n各市(地)委和人民政府,省委各部委:\n"


def test_requirements_numbered_with_the_numeral_joined_to_yao_are_items():
    doc = parse_document(
        _NOTICE + "《某省突破年行动方案》已经省委、省政府同意,现印发给你们,请认真贯彻落实。\n"
        "一要统一思想认识。开展突破年行动是重要举措。各地要统筹谋划、一体推进。\n"
        "二要强化责任担当。各部门要把突破年行动作为年度重点工作。\n",
        year=2025,
    )
    assert [(t.label, t.text[:6]) for t in doc.tasks] == [("一", "要统一思想认"), ("二", "要强化责任担")]


@pytest.mark.parametrize(
    ("lines", "styles"),
    [
        (["一要统一思想认识。", "二要强化责任担当。"], {"yao"}),
        (["一是统一思想认识。", "二是强化责任担当。"], {"shi"}),
        # `二要素`, `二要点` are words (the two elements), no second requirement.
        (["一要素齐全。", "二要素完整。"], set()),
        (["一要点明确。", "二要点清楚。"], set()),
        # A lone `一要…` is its paragraph's prose: nothing numbers a second one.
        (["一要统一思想认识。", "要强化责任担当。"], set()),
    ],
)
def test_a_yao_enumeration_is_read_only_where_a_line_opens_its_second_point(lines, styles):
    assert enumerates(lines) == frozenset(styles)


def test_a_yao_line_is_no_item_in_a_document_enumerating_with_shi():
    # `二是` opening lines makes `一是` items, not a line that opens `一要`.
    assert line_marker("一要统一思想认识。", enumerated=frozenset({"shi"})) is None
    marker = line_marker("一要统一思想认识。", enumerated=frozenset({"yao"}))
    assert marker is not None and (marker.written, marker.end) == ("一", 1)


_SALUTATION = "各市(州)人民政府,各县(市)人民政府,省政府各厅委办、各直属机构:"


def _opinions(salutation: str, subject: str) -> str:
    return (
        "某省人民政府办公厅关于进一步巩固政务服务规范化成果的实施意见\n"
        f"{salutation}\n"
        "为巩固政务服务规范化成果,经省政府同意,提出如下实施意见。\n"
        "一、全面实行政府权责清单制度\n"
        f"{subject}要巩固和完善省市县三级政府部门权责清单。\n"
        "二、持续推进政务服务事项规范化\n"
        f"{subject}要建立健全政务服务事项录入审核等工作制度。\n"
    )


def test_groups_written_run_together_are_each_an_addressee():
    doc = parse_document(
        _opinions("各市(州)人民政府,各县(市)人民政府,省政府各厅委办、各直属机构:", "各地各部门"), year=2021
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [(["各地"], ["各部门"])] * 2


@pytest.mark.parametrize(
    ("salutation", "subject"),
    [
        # The salutation names no departments: `各部门` is no addressee, so neither is the run.
        ("各市(州)人民政府,各县(市)人民政府:", "各地各部门"),
        # Not a group: `各类` sorts the bodies, it opens no second group.
        (_SALUTATION, "各地各类主体"),
    ],
)
def test_a_run_of_groups_is_read_only_where_each_is_an_addressee(salutation, subject):
    doc = parse_document(_opinions(salutation, subject), year=2021)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [([], [])] * 2


def _dated(body: str) -> list[tuple[date | None, str]]:
    doc = parse_document(
        "某省关于加强政务服务的实施意见\n一、规范政务服务事项\n"
        + body
        + "\n二、加强监督检查\n省政务服务局要开展检查。\n",
        year=2021,
    )
    return [(m.due_date, m.text) for m in doc.tasks[0].milestones]


def test_a_date_opening_the_paragraph_under_a_heading_dates_its_commitment_and_not_a_listed_aim():
    assert _dated("2021年6月底前,各地要完成高频事项梳理工作,建立健全工作制度,实现编码、名称等16个要素统一。") == [
        (date(2021, 6, 30), "各地要完成高频事项梳理工作")
    ]


@pytest.mark.parametrize(
    ("body", "dated"),
    [
        # A measure after the opening date is a commitment of its own on that day, as ever.
        (
            "到2025年底,全市新增学位1000个,改造校舍20所。",
            [(date(2025, 12, 31), "全市新增学位1000个"), (date(2025, 12, 31), "改造校舍20所")],
        ),
        # A listed aim with a date of its own keeps it.
        (
            "2021年6月底前,各地要完成梳理工作,年内实现编码、名称等16个要素统一。",
            [(date(2021, 6, 30), "各地要完成梳理工作"), (date(2021, 12, 31), "年内实现编码、名称等16个要素统一")],
        ),
        # A list's count after a date the sentence's first commitment writes in its own words, no opening date,
        # is a commitment as ever.
        (
            "6月底前完成梳理工作,开工甲、乙等3个项目。",
            [(date(2021, 6, 30), "6月底前完成梳理工作"), (date(2021, 6, 30), "开工甲、乙等3个项目")],
        ),
    ],
)
def test_near_cases_of_a_listed_aim_keep_their_dates(body, dated):
    assert _dated(body) == dated


def test_each_unit_stands_for_a_salutations_units_of_a_level():
    doc = parse_document(
        _NOTICE.replace("省委各部委:", "省委各部委,省直各单位:")
        + "一要统一思想认识。各地各部门各单位要统筹谋划、一体推进。\n二要强化责任担当。各地各部门各单位要真抓实干。\n",
        year=2025,
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [(["各地"], ["各部门", "各单位"])] * 2


def test_a_bare_each_unit_charges_no_one_where_the_salutation_names_no_units():
    doc = parse_document(
        _NOTICE + "一要统一思想认识。各地各部门各单位要统筹谋划。\n二要强化责任担当。各单位要真抓实干。\n", year=2025
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [([], [])] * 2


@pytest.mark.parametrize(
    ("later", "co"),
    [
        ("省政务服务局自2021年7月起,对事项规范化进行检查。", ["省政务服务局"]),
        # No body named: a time the check starts charges no one.
        ("自2021年7月起,对事项规范化进行检查。", []),
    ],
)
def test_a_named_body_whose_sentence_says_when_its_part_starts_helps(later, co):
    doc = parse_document(
        _opinions(_SALUTATION, "各地各部门").replace("工作制度。\n", "工作制度。" + later + "\n"),
        year=2021,
    )
    assert (doc.tasks[1].lead_units, doc.tasks[1].co_units) == (["各地"], ["各部门", *co])


@pytest.mark.parametrize("joiner", ["", " "])
def test_a_title_glued_to_a_dated_group_sentence_ends_before_the_date(joiner):
    # A copy that lost the line break after an item's title (`…规范化2021年6月底前,各地各部门要…`), or wrote one
    # space there, still opens the sentence with the date and its groups.
    norm = normalise(f"持续推进政务服务事项规范化{joiner}2021年6月底前,各地各部门要完成梳理工作。")
    assert glued_title_end(norm, notice_groups([(1, _SALUTATION)])) == 13 + len(joiner)
    # A title ending in a verb governing the groups is a sentence of its own.
    assert (
        glued_title_end(
            normalise("加强工作督促2021年6月底前,各地各部门要完成梳理工作。"), notice_groups([(1, _SALUTATION)])
        )
        is None
    )
