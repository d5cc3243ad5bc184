"""Conventions met in blind round 77 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the documents that showed them (a county's 督查 notice whose items close
with `(责任单位:A、B)` brackets, one typed with a semicolon after the label; campaign plans' schedules whose stages
each open with their span in a bracket over sentences naming who does the stage's work). At the round's first look 6
of 20 clauses and 13 of 19 dated milestones read right.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int | None = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


_NOTICE = "\n".join(
    [
        "某县人民政府办公室关于开展城乡环境整治督查的通知",
        "各乡镇人民政府,县直有关部门:",
        "一、督办事项",
        "1.清理河道沿岸垃圾,建立长效保洁机制。(责任单位:水利局、各乡镇)",
        "2.整治集贸市场周边占道经营问题。(责任单位;市场监管局、城管局、各乡镇)",
        "3.推进农村户厕改造,提升改厕质量。(责任单位:卫健局、农业农村局)",
    ]
)


def test_a_semicolon_typed_for_the_colon_after_a_label_keeps_the_label():
    """`(责任单位;A、B)`: a typist's slip of `;` for `:` after a label opening the bracket; the label is no unit and
    the first name after it leads, as with the colon."""
    assert _units(_parse(_NOTICE)) == [
        ("1", ["水利局"], ["各乡镇"]),
        ("2", ["市场监管局"], ["城管局", "各乡镇"]),
        ("3", ["卫健局"], ["农业农村局"]),
    ]


def test_a_semicolon_after_a_field_label_at_a_line_start_is_its_colon():
    """A field line typed `牵头单位;A` under its item reads as `牵头单位:A`."""
    text = "\n".join(
        [
            "一、重点任务",
            "1.完善垃圾转运体系。",
            "牵头单位;县城管局",
            "配合单位:各乡镇",
            "2.开展河道清淤。",
            "牵头单位:县水利局",
        ]
    )
    assert _units(_parse(text)) == [("1", ["县城管局"], ["各乡镇"]), ("2", ["县水利局"], [])]


def test_clauses_run_together_on_one_line_each_with_host_and_assist_labels_are_no_site_footer():
    """A page that ran the notice's items into one line, each closed by `(主办:A;协办:B)`: a line naming 主办 twice is
    the items' own labels; only a line naming both 主办 and 承办 is a site's host line."""
    text = (
        "某县督查室关于开展专项督查的通知\n各单位: 现将有关事宜通知如下: 一、督办事项 "
        "1.清理河道沿岸垃圾,建立长效保洁机制。(主办:水利局;协办:各乡镇) "
        "2.整治集贸市场周边占道经营问题。(主办:市场监管局;协办:城管局、各乡镇)"
    )
    assert _units(_parse(text)) == [("1", ["水利局"], ["各乡镇"]), ("2", ["市场监管局"], ["城管局", "各乡镇"])]
    footer = "\n".join(
        ["一、督办事项", "1.清理河道垃圾。(责任单位:水利局)", "主办:某县人民政府办公室 承办:某县信息中心"]
    )
    assert _units(_parse(footer)) == [("1", ["水利局"], [])]


def test_a_year_naming_the_report_the_work_writes_dates_nothing():
    """`完成2022年专项整治工作总结报告,于11月20日前报送…`: the year names the report, as a plan's year names the plan
    drafted; the report is due by its own date, and no year's end is a milestone. A year's plan achieved
    (`完成2022年投资计划`) is still due with the year."""
    text = "\n".join(
        [
            "一、工作安排",
            "1.各乡镇对整治情况进行总结,完成2022年专项整治工作总结报告,于11月20日前报送县整治办。(责任单位:各乡镇)",
            "2.完成2022年农村公路投资计划。(责任单位:县交通局)",
        ]
    )
    doc = _parse(text, year=2022)
    assert [m.due_date.isoformat() for m in doc.tasks[0].milestones if m.due_date] == ["2022-11-20"]
    assert [m.due_date.isoformat() for m in doc.tasks[1].milestones if m.due_date] == ["2022-12-31"]
