"""Conventions met in blind round 114 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the documents that showed them:

- an unnumbered paragraph of sentences each opening with the unit charged (`A要…`, or `A` right before its deadline) and
  carrying its own deadline: a clause a sentence, a subject-less sentence going on with the unit before it, the works
  one deadline governs one milestone; fewer than three such sentences, vague subjects and undated ones stay unread;
- a numbered list of a breakdown's areas, each only the area and its task count (`在“…”方面(分解任务15项)`): no clauses;
- a covering notice issuing a breakdown, the page stopping before it: beside requirements charging the roles, one
  charging no one (`各单位要高度重视…`) is no clause;
- the heads of a role just charged, by post in a sentence or part of their own (`各责任单位要…。主要负责同志要…`): the
  item's leaders, the role leading; after a group of governments, no leader (round 106's near case).
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from policy_tasks.parsing.role_heads import role_heads
from policy_tasks.parsing.sources.unwrap import unwrap
from policy_tasks.parsing.subject_runs import subject_run_starts


def _parse(text: str, year: int | None = 2022):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


_DIGEST = """某市公布今年重点任务分工及时限
3月10日,某市人民政府公布2022年重点量化目标任务,要求各地各部门抓好落实。
根据目标任务要求,今年,某市水务局要在6月底完成管网改造40公里、新建泵站3座。9月底完成水厂扩建。某市城投公司要加快片区开发,\
11月底完成年度任务。某区文旅公司要在7月下旬建成投用文化中心。某市园区建管公司10月中旬全面开工物流园项目。某县政府12月底启动农贸市场改造。
其他重点任务还包括新建公交站点50个,年内新增绿地10万平方米等。
"""


def test_each_sentence_opening_with_its_unit_and_deadline_is_a_clause():
    tasks = _parse(_DIGEST).tasks
    assert [t.lead_units for t in tasks] == [
        ["某市水务局"],
        ["某市城投公司"],
        ["某区文旅公司"],
        ["某市园区建管公司"],
        ["某县政府"],
    ]
    assert tasks[0].text.startswith("某市水务局要在6月底")  # the basis and the year are no part of it
    # `9月底完成…` has no subject: the 水务局's; the two works after `6月底` are one commitment.
    assert [m.due_date for m in tasks[0].milestones] == [date(2022, 6, 30), date(2022, 9, 30)]
    assert [m.due_date for m in tasks[2].milestones] == [date(2022, 7, 31)]
    assert [m.due_date for m in tasks[3].milestones] == [date(2022, 10, 20)]
    assert all("其他重点任务" not in t.text for t in tasks)


def test_subject_run_near_cases():
    run = "某市水务局要在6月底完成改造。某市城投公司要在8月底完成。某县政府12月底启动改造。"
    assert len(subject_run_starts(run)) == 3
    assert subject_run_starts("某市水务局要在6月底完成改造。某市城投公司要在8月底完成。") == []  # two: a news item's
    assert subject_run_starts("各单位要在6月底完成。有关部门要在8月底完成。全市各地12月底完成。") == []  # vague
    # A subject with no deadline in its sentence, and a sentence opening with a date, open nothing.
    assert subject_run_starts("某市水务局要加快改造。某市城投公司要加强管理。某县政府要抓好落实。") == []
    assert subject_run_starts("3月10日,某市人民政府公布任务。6月底完成A。8月底完成B。12月底完成C。") == []


def test_a_paragraph_of_two_dated_subjects_is_still_refused():
    with pytest.raises(ParseError):
        _parse("某市新闻\n某市水务局要在6月底完成管网改造。某市城投公司要在8月底完成片区开发。\n")


_READING = """《某市2024年重点工作任务分工方案》政策解读
一、起草背景
为推动目标任务落实,市政府办公室形成了《分工方案》。
二、主要内容和要求
(一)主要内容。《分工方案》将报告分解为三个方面30项重点工作任务。
三个方面分别是:
1.在“聚焦对外开放,着力打造开放高地”方面(分解任务10项)。
2.在“聚焦产业发展,着力做强实体经济”方面(分解任务12项)。
3.民生保障领域(共8项)。
(二)工作要求。
1.提高政治站位,强化责任落实。各责任单位要切实加强组织领导,主要领导要亲自研究部署。
2.加强督促检查。市政府督查室要定期通报进展。
"""


def test_a_list_of_areas_with_their_task_counts_is_no_clause_list():
    tasks = _parse(_READING, year=2024).tasks
    assert [t.lead_units for t in tasks] == [["各责任单位"], ["市政府督查室"]]
    assert tasks[0].leaders == ["主要领导"]  # the role's heads, by post, in a part of their own


def test_an_area_counted_near_cases():
    near = """某县2024年重点工作安排
一、重点工作
1.完成老旧小区改造(共15项)。
2.在民生方面,要加快推进(3项)。
3.推进农村公路建设。
"""
    # A task counted in a bracket and an area with a verb of its own stay measures (no unit named anywhere).
    assert len(_parse(near, year=2024).tasks) == 3


_NOTICE = """某区人民政府办公室关于印发某区2025年重点民生实事工作目标任务的通知
各镇人民政府,各街道办事处,区级各部门:
《某区2025年重点民生实事工作目标任务》已经区政府同意,现印发给你们,并就有关工作通知如下:
一、提高政治站位,增进民生福祉。各单位要高度重视民生实事工作,切实办好每个项目。
二、及早启动实施,提升落实水平。各责任单位要加快制定实施方案,保质保量推进各项工作。主要负责同志要坚持质量导向,及时协调解决困难问题。
三、强化统筹调度,严格跟踪问效。区发展改革委要发挥牵头作用,定期开展检查评估。
附件:某区2025年重点民生实事工作目标任务
某区人民政府办公室
2025年4月25日
附件
某区2025年重点民生实事工作目标任
"""


def test_a_notice_whose_breakdown_the_page_lost_keeps_its_silent_requirement_out():
    tasks = _parse(_NOTICE, year=2025).tasks
    assert [(t.label, t.lead_units) for t in tasks] == [("二", ["各责任单位"]), ("三", ["区发展改革委"])]
    assert tasks[0].leaders == ["主要负责同志"]
    assert tasks[1].leaders == []


def test_role_heads_near_cases():
    assert role_heads("各责任单位要加强领导,主要领导要亲自部署。", ["各责任单位"]) == ["主要领导"]
    assert role_heads("各责任单位要加强领导。主要负责同志要亲自部署。", ["各责任单位"]) == ["主要负责同志"]
    assert role_heads("各乡镇要高度重视,主要领导要亲自抓、负总责。", ["各乡镇"]) == []  # no role: round 106
    assert role_heads("各责任单位要把方案报主要领导审定。", ["各责任单位"]) == []  # the post as an object
    assert role_heads("主要领导要亲自部署。各责任单位要加强领导。", ["各责任单位"]) == []  # no role before it
    assert role_heads("县发改局要加强领导,主要领导要亲自部署。", ["县发改局"]) == []  # a named unit, not a role


def test_a_year_written_before_the_month_is_the_same_deadline():
    assert (
        len(subject_run_starts("某市水务局2022年6月底完成改造。某市城投公司要在8月底完成。某县政府2022年12月底启动。"))
        == 3
    )


def test_an_annex_label_after_a_paragraph_ending_at_the_page_width_is_a_line_of_its_own():
    # A notice wrapped at 30 characters; its last paragraph's sentence happens to end at the width.
    body = [
        "三、强化统筹调度。区发展改革委要发挥牵头作用,建立清单管理制度",
        "定期开展检查评估积极听取群众意见建议把工作做到群众心坎上要综合",
    ] * 3
    last = "用多种方式加强宣传引导回应社会关切营造社会各界支持的良好氛围。"
    assert {len(line) for line in [*body, last]} == {len(last)}
    annex = "附件:1.某区2025年重点民生实事工作目标任务"
    assert unwrap([*body, last, annex, "2.某区实施方案"])[-2] == annex
    # A label where the page cut a sentence goes on with it.
    assert not unwrap([*body, last[:-1] + "见", annex])[-1].startswith("附件")
