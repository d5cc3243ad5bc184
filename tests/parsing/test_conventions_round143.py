"""Round 143's conventions: an activity plan's items opening with the day they are held (`2、5月12日,在…`), days
written about (`5月8日左右`) or as a span of one month (`5月7-13日`), a year span whose dash a copy lost
(`20242025年`), a group qualified by the work it concerns (`涉及到的地级以上市人民政府`), and a name a page blanked
after its place (`永荣镇xxx`)."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.unit_names import unit_form
from tests.parsing.milestone_text import milestones_in


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


HELD_ON = (
    "1、5月12日,在某中学开展一次应急救援队伍快速集结演练。\n"
    "牵头单位:区应急局\n"
    "参与单位:区教委、区公安局、某镇xxx等相关部门单位。\n"
    "2、5月7-13日,组织开展森林火灾扑救、防汛抗洪等专项演练。\n"
    "牵头部门:区林业局、区水务局,各镇xxx、街道办事处。\n"
    "3、5月8日左右,邀请专家作防灾减灾专场报告会。\n"
    "牵头单位:区气象局\n"
)


def test_items_opening_with_their_day_are_clauses() -> None:
    tasks = _parse(HELD_ON).tasks
    assert [t.label for t in tasks] == ["1", "2", "3"]
    assert [[m.due_date.isoformat() for m in t.milestones if m.due_date] for t in tasks] == [
        ["2026-05-12"],
        ["2026-05-13"],
        ["2026-05-08"],
    ]
    # A blanked name after its place stands for the place; `等相关部门单位` names no one.
    assert tasks[0].co_units[-1] == "某镇"
    assert tasks[1].lead_units == ["区林业局", "区水务局", "各镇", "街道办事处"]


def test_day_led_items_in_another_layout() -> None:
    # Days written with their 日 on both ends, under a section heading, no labels.
    text = "一、活动安排\n1、5月7日至13日,开展宣传周活动(区应急局负责)。\n2、5月20日,召开总结会(区政府办负责)。\n"
    tasks = _parse(text).tasks
    assert [(t.label, [m.due_date.isoformat() for m in t.milestones if m.due_date]) for t in tasks] == [
        ("1", ["2026-05-13"]),
        ("2", ["2026-05-20"]),
    ]


def test_listed_months_are_no_items() -> None:
    # `1、2月` lists months and `3月1日-5月31日` spans months: neither is read as a day-led item or a day span.
    text = "1、开展调查摸底。\n牵头单位:区应急局\n2、3月,完成整改。\n10、11月份,开展复查。\n"
    assert [t.text[:4] for t in _parse(text).tasks] == ["开展调查"]
    found, _ = milestones_in("3月1日-5月31日,开展专项整治。", 2026)
    assert [m.due_date.isoformat() for m in found if m.due_date] == ["2026-05-31"]


def test_about_a_day_and_a_span_of_days() -> None:
    for text, due in (
        ("5月8日左右,邀请专家来作报告会。", "2026-05-08"),
        ("6月10日左右完成验收。", "2026-06-10"),
        ("5月7-13日,组织开展专项演练。", "2026-05-13"),
        ("9月1日~5日,开展安全检查。", "2026-09-05"),
    ):
        found, _ = milestones_in(text, 2026)
        assert [m.due_date.isoformat() for m in found if m.due_date] == [due], text
    # A figure `左右` is no day: `增长6%左右` is a target, no day's deadline.
    found, _ = milestones_in("地区生产总值增长6%左右。", 2026)
    assert [m.kind for m in found] == ["target"]


def test_year_span_that_lost_its_dash() -> None:
    for text in ("20232025年,按比例完成100个乡镇调查。", "1.20232025年,按比例完成100个乡镇调查。"):
        found, _ = milestones_in(text, 2023)
        assert [m.due_date.isoformat() for m in found if m.due_date] == ["2025-12-31"], text
    # Not a span: the same year twice, a span no plan writes, a decimal.
    for text in ("共20252025年", "20202045年,完成调查。", "增长1.2023倍"):
        found, _ = milestones_in(text, 2023)
        assert "2025-12-31" not in [m.due_date.isoformat() for m in found if m.due_date], text


def test_group_qualified_by_the_work_it_concerns() -> None:
    text = (
        "任务分工表\n1.开展地质灾害早期识别。\n2025年底前完成识别。\n"
        "省自然资源厅牵头,省地质局参与,涉及到的地级以上市人民政府负责落实。\n"
        "2.开展风险点调查。\n2024年底前完成调查。\n省住房城乡建设厅牵头,所涉及的县(区)政府负责落实。\n"
    )
    tasks = _parse(text, year=2023).tasks
    assert set(tasks[0].co_units) == {"省地质局", "地级以上市人民政府"}
    assert "县(区)政府" in tasks[1].co_units
    # `相关` written into a group's name stays, and a label `涉及部门` is no qualifier.
    tasks = _parse("1.开展调查。(省自然资源厅牵头,相关县(市、区)政府负责落实)\n", year=2023).tasks
    assert any(u.startswith("相关") for u in tasks[0].co_units)


def test_blanked_names() -> None:
    assert unit_form("永荣镇xxx").canonical == "永荣镇"
    assert unit_form("某街道××").canonical == "某街道"
    # A blank before the place (the place itself redacted) is kept as written.
    assert unit_form("XX市应急局").canonical == "XX市应急局"
