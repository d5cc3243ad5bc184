"""Conventions met in blind round 68 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a city's 专项整治 plan whose
stored page opens inside its division of work, each sub-heading `(N)X部门职责:…`, and a county's 职责清单
whose 责任单位 cell wraps a joint office's name after the place's organs). At the round's first look the
duties named no unit and the campaign's scope after them was read as clauses; the wrapped office was two.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.wrapped_unit_lines import joined_wrapped_names
from tests.sources.builders import xlsx_bytes


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _units(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


# A web copy's later page: the 分工 section's heading and its first items are on the page before.
_LATER_PAGE = (
    "(六)教育部门职责:负责校园周边流动摊贩的排查,督促学校落实接送车辆管理制度;配合公安部门做好学生安全教育。\n"
    "(七)卫健部门职责:负责餐饮从业人员健康证明的核查。\n"
    "(八)融媒体中心、县电视台职责:负责整治工作的宣传报道,曝光典型案例。\n"
    "三、整治重点\n"
    "各乡镇要结合实际,选择问题最突出的区域作为突破口。整治重点:\n"
    "(一)查处无证无照经营的流动摊点。\n"
    "(二)查处占道经营、店外经营行为。\n"
    "(三)查处售卖过期变质食品行为。\n"
    "四、实施步骤\n"
    "整治行动自2024年3月1日起\n"
)


def test_a_duty_sub_heading_naming_a_department_and_its_duties_is_that_departments_clause():
    doc = _parse(_LATER_PAGE)
    assert _units(doc) == [
        ("(六)", ["教育部门"], []),  # a department the duties only help (`配合公安部门`) is no unit of it
        ("(七)", ["卫健部门"], []),
        ("(八)", ["融媒体中心"], ["县电视台"]),  # the first named leads
    ]
    assert all(t.unit_origin.startswith("分工标题") for t in doc.tasks)


def test_the_scope_after_a_division_of_work_whose_heading_the_page_lost_is_no_clause():
    # The run `(六)`…`(八)` before `三、` is one section whose `二、` the page lost: the silent `三、` and `四、`
    # beside it, and their unit-less items, are the campaign's scope and schedule.
    doc = _parse(_LATER_PAGE)
    assert "(一)" not in [t.label for t in doc.tasks] and "三" not in [t.label for t in doc.tasks]


_WHOLE_PLAN = (
    "某县校园周边环境专项整治工作方案\n"
    "一、工作目标\n"
    "校园周边环境明显改善。\n"
    "二、职责分工\n"
    "(一)县公安局主要职责:\n"
    "1.负责校园周边治安巡逻。\n"
    "2.负责查处接送学生车辆超员行为。\n"
    "(二)县市场监管局的职责\n"
    "1.负责校园周边食品经营者的检查。\n"
    "2.负责查处无照经营。\n"
    "三、工作要求\n"
    "各单位要加强协作。\n"
)


def test_a_duty_sub_heading_over_numbered_duties_leads_each_of_them():
    doc = _parse(_WHOLE_PLAN)
    assert _units(doc) == [
        ("(一)1", ["县公安局"], []),
        ("(一)2", ["县公安局"], []),
        ("(二)1", ["县市场监管局"], []),
        ("(二)2", ["县市场监管局"], []),
    ]


def test_duties_of_no_office_name_no_unit():
    doc = _parse(
        "某镇环境整治方案\n"
        "(一)领导小组职责:负责整治工作的统筹协调。\n"
        "(二)相关部门职责:按照各自职能做好整治工作。\n"
        "(三)各成员单位职责:落实领导小组的部署。\n"
        "(四)明确部门职责:各部门要各司其职。\n"
    )
    assert all(t.lead_units == [] and t.co_units == [] for t in doc.tasks)


def _xlsx(rows: list[list[str | None]]) -> bytes:
    def build(book) -> None:
        for row in rows:
            book.active.append(row)

    return xlsx_bytes(build)


def test_a_joint_office_a_narrow_cell_wrapped_after_the_places_organs_is_one_unit():
    data = _xlsx(
        [
            ["某县2024年扬尘污染整治职责清单", None, None],
            ["工作任务和内容", "责任单位", "完成时间"],
            ["负责整治工作的督查督办和考核。", "县委县政府\n督查室", "持续开展"],
            ["负责整治工作的信息报送。", "县政府\n办公室", "6月底前"],
            ["负责整治资金的保障。", "县发改局\n县财政局", "持续开展"],
            ["负责整治工作的统一部署。", "县委\n县政府", "持续开展"],
            ["负责建筑工地扬尘的查处。", "县住房和\n城乡建设局", "持续开展"],
        ]
    )
    doc = parse_bytes(data, filename="list.xlsx", year=2024)
    assert _units(doc) == [
        ("1", ["县委县政府督查室"], []),
        ("2", ["县政府办公室"], []),
        # A cell a name a line: each line names its place, a list.
        ("3", ["县发改局"], ["县财政局"]),
        ("4", ["县委"], ["县政府"]),
        ("5", ["县住房和城乡建设局"], []),
    ]
    assert [m.kind for m in doc.tasks[0].milestones] == ["ongoing"]


def test_only_an_inner_office_with_no_place_continues_the_organs_before_it():
    assert joined_wrapped_names(["市委市政府", "督查室"]) == ["市委市政府督查室"]
    assert joined_wrapped_names(["县委", "宣传部"]) == ["县委宣传部"]
    assert joined_wrapped_names(["县委县政府", "县督查室"]) == ["县委县政府", "县督查室"]
    assert joined_wrapped_names(["县委县政府", "各乡镇"]) == ["县委县政府", "各乡镇"]
    assert joined_wrapped_names(["县公安局", "督查室"]) == ["县公安局", "督查室"]
