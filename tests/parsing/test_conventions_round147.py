"""Round 147's conventions: a key-work register's page for one task numbered on a line alone (`任务163`), a notice to the
chiefs by level that numbers nothing, a chief system's posts by level and its staff as leaders, the season a recurring
duty runs in (`每年的3月至12月每月`), a duty kept every other month (`每单月10日前`), and the levels' chief offices as a
group (`各省(自治区、直辖市)河长制办公室每两月…`)."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.chief_posts import chief_leaders, office_group, staff_owner
from policy_tasks.parsing.deadlines import find_time_phrases
from policy_tasks.parsing.season_spans import season_spans


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


TASK_PAGE = (
    "任务{n}\n\n"
    "{field}: 推进某项重点工作。\n"
    "牵头单位: 市某某局\n"
    "{schedule}: 第一季度:制定工作方案,启动工作。\n"
    "第二季度:完成试点,总结经验。\n"
    "第三季度:全面推开。\n"
    "第四季度:完成全年任务。\n"
    "{report}\n"
    "已完成。至12月31日,已建成三级体系。\n"
)


def test_a_task_register_page_is_its_one_numbered_task() -> None:
    for n, field, schedule, report in (
        ("163", "重点工作", "年度阶段性工作目标", "进展情况、存在问题\n及下一步工作建议:"),
        ("7", "工作任务", "阶段目标", "落实情况:"),
    ):
        page = TASK_PAGE.format(n=n, field=field, schedule=schedule, report=report)
        tasks = _parse(page, year=2021).tasks
        assert [t.label for t in tasks] == [n]
        assert tasks[0].lead_units == ["市某某局"]
        dates = [m.due_date.isoformat() for m in tasks[0].milestones if m.due_date]
        assert dates == ["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"]


def test_a_number_line_over_prose_is_no_task_page() -> None:
    # No task field after the number line: left to the other readers (the report's 12月31日 is not read as the task's).
    page = "任务5\n\n近年来,我市推进某项工作。\n牵头单位: 市某某局\n第一季度:启动。\n第二季度:推进。\n"
    tasks = _parse(page, year=2021).tasks
    assert [t.label for t in tasks] != ["5"]


CHIEF_NOTICE = (
    "某某镇关于做好{chiefs}巡河工作的通知\n\n"
    "{chiefs}及相关单位:\n\n"
    "根据上级有关要求,现就做好巡河工作通知如下:\n\n"
    "我镇河长制工作体系已全面建立,要求{chiefs}按照所负责的河道,镇级河长每月巡河不少于3次,村级河长每周巡河不少于1次,"
    "镇河长制办公室制定了巡河方案,并安排专人进行巡河信息上报工作。\n\n"
    "巡河是考核的重要内容,请{chiefs}务必引起高度重视。镇河长制办公室将在每月月底将巡河情况统计汇总报镇总河长。\n\n"
    "某某镇人民政府\n"
)


def test_a_notice_to_the_chiefs_is_read_by_its_asking_paragraphs() -> None:
    for chiefs in ("镇、村两级河长", "镇级、村级河长"):
        tasks = _parse(CHIEF_NOTICE.format(chiefs=chiefs), year=2018).tasks
        assert [t.label for t in tasks] == ["1", "2"]
        for task in tasks:
            assert task.lead_units == ["镇河长制办公室"]
            assert task.leaders == [chiefs]  # the levels it parts later (`镇级河长`) are not written again
        assert sorted(m.recurrence for m in tasks[0].milestones if m.recurrence) == ["monthly", "weekly"]


def test_chiefs_by_level_are_leaders() -> None:
    assert chief_leaders("县、乡级、村级河长巡河不少于30分钟。") == ["县、乡级、村级河长"]
    text = "县(市)级河湖长每季度巡查不少于1次;乡(镇)级河湖长每月巡查;各县(市)设置的专职(兼职)巡河员、河湖保洁员等每周巡查。"
    assert chief_leaders(text) == ["县(市)级河湖长", "乡(镇)级河湖长", "专职(兼职)巡河员", "河湖保洁员"]
    assert staff_owner(text) == "各县(市)"
    assert chief_leaders("请镇、村两级林长务必高度重视。") == ["镇、村两级林长"]


def test_what_names_no_chief() -> None:
    # A post with no level, the system and its office, a post a report goes to, `各级高度重视`.
    assert chief_leaders("河长巡河不少于30分钟。") == []
    assert chief_leaders("镇河长制办公室统计汇总报镇总河长。") == []
    assert chief_leaders("全面推行河长制,各级高度重视。") == []
    assert chief_leaders("每月将情况报送县级河长。") == []
    assert staff_owner("巡河员每周巡查不少于1次。") is None


def test_the_levels_chief_offices_are_one_group() -> None:
    assert office_group("做好月报工作\n各省(自治区、直辖市)河长制办公室每两月将进展情况报送水利部。") == (
        "各省(自治区、直辖市)河长制办公室"
    )
    assert office_group("各县(市、区)林长办要于10月底前完成自查。") == "各县(市、区)林长办"
    # Near cases: the group the reports go to, and a group with no verb or period after it.
    assert office_group("每月10日前报各县(市、区)林长办。") is None
    assert office_group("指导各县(市、区)河长办建立台账。") is None


def _phrases(text: str, year: int = 2022) -> list[tuple[str, str, str | None]]:
    return [(p.text, p.level, p.recurrence) for p in find_time_phrases(text, year)]


def test_the_season_of_a_recurring_duty_dates_nothing() -> None:
    for text, every in (
        ("乡(镇)级河湖长每年的3月至12月每月巡查不少于1次。", "monthly"),
        ("村级林长每年4-10月每周开展一次巡林。", "weekly"),
    ):
        task = _parse(f"一、{text}\n二、其他工作按要求开展。\n", year=2022).tasks[0]
        assert [m.recurrence for m in task.milestones if m.due_date] == [every]
    assert season_spans("每年的3月至12月每月巡查") == [(3, 9)]


def test_a_span_that_is_no_season_keeps_its_reading() -> None:
    # No `每年` before it, or no recurring period after it.
    assert season_spans("3月至12月每月巡查") == []
    assert season_spans("每年3月至5月开展专项整治") == []
    task = _parse("一、3月至6月完成河道清理。\n二、其他工作按要求开展。\n", year=2022).tasks[0]
    assert [m.due_date.isoformat() for m in task.milestones if m.due_date] == ["2022-06-30"]


def test_a_duty_kept_every_other_month_is_monthly() -> None:
    odd = [p for p in find_time_phrases("每单月10日前将进展情况表报送水利部。", 2017) if p.recurrence]
    assert [d.isoformat() for d in odd[0].occurrences] == [f"2017-{m:02d}-10" for m in (1, 3, 5, 7, 9, 11)]
    even = [p for p in find_time_phrases("每双月5日前报送。", 2017) if p.recurrence]
    assert [d.month for d in even[0].occurrences] == [2, 4, 6, 8, 10, 12]
    assert [p[2] for p in _phrases("每两个月报送一次。")] == ["monthly"]
    assert [p[2] for p in _phrases("隔月检查一次。")] == ["monthly"]


def test_what_is_no_duty_every_other_month() -> None:
    # A rate per person, and every two years.
    assert [p for p in _phrases("每人每两月补贴100元。") if p[2] == "monthly"] == []
    assert [p for p in _phrases("每两年开展一次评估。") if p[2] == "monthly"] == []


def test_a_group_set_up_with_its_head_helps_the_fields_units() -> None:
    page = TASK_PAGE.format(n="12", field="重点工作", schedule="年度阶段性工作目标", report="落实情况:").replace(
        "制定工作方案", "成立由局主要领导为组长的某某专项工作小组"
    )
    task = _parse(page, year=2021).tasks[0]
    assert (task.lead_units, task.co_units, task.leaders) == (["市某某局"], ["某某专项工作小组"], ["局主要领导"])
    # Near case: a group set up with no head named adds no one.
    plain = TASK_PAGE.format(n="12", field="重点工作", schedule="年度阶段性工作目标", report="落实情况:").replace(
        "制定工作方案", "成立某某工作专班"
    )
    task = _parse(plain, year=2021).tasks[0]
    assert (task.lead_units, task.co_units, task.leaders) == (["市某某局"], [], [])
