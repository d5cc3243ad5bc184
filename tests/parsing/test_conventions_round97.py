"""Conventions met in blind round 97 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it:
- a notice's close after its last item (the closing formula `特此通知`, or a copy's `此通知`; the 附件说明
  `附件:…` once the item's sentence has closed; the date of writing with no 落款 above it; a contact line) is
  no part of that item: the year in an attachment's title and the date of writing date nothing (near misses:
  the formula inside a sentence stays the item's text; a date cell under a task is still its deadline; the
  plan the notice issues after its close is read as before);
- a table flattened a cell a line whose header names no 序号 while each row carries a bare serial (twice where
  two columns are numbered) and a category cell numbered in its own run (`1.机构` / `信息`) groups the rows:
  the serials are the items, the category cells their headings, the unit cell each row's unit (near miss: a
  row closing with a time where the unit column stands is no such table);
- a ministry's or national bureau's department `…司` is a unit, never a person (`上司` names no body).
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.clause_doubts import is_doubt
from policy_tasks.parsing.sources.unwrap import unwrap
from policy_tasks.parsing.unheaded_serials import unheaded_serial_table
from policy_tasks.parsing.unit_names import looks_like_units
from tests.sources.corpus_prose import hard_wrapped


def _parse(text: str, year: int = 2026):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _dates(task) -> list[str]:
    return [m.due_date.isoformat() for m in task.milestones if m.due_date]


# -- The close of a notice ---------------------------------------------------------------------------------

_NOTICE = """某县人民政府办公室关于做好2026年重点工作落实的通知
各乡镇人民政府,县政府各部门:
现将有关事项通知如下。
一、各乡镇、各部门要落实主体责任,确保各项任务按期完成。(责任单位:县发改局)
二、县政府督查室要加强调度,及时汇总落实情况,推动各项工作落到实处。(责任单位:县政府督查室)
{formula}
附件:2026年重点任务落实推进情况表
2026年3月2日
(联系人:张三,联系电话:1234567)
(此件公开发布)
"""


@pytest.mark.parametrize("formula", ["特此通知。", "此通知"])
def test_the_close_after_the_last_item_is_none_of_its_text(formula):
    doc = _parse(_NOTICE.format(formula=formula))
    assert [t.label for t in doc.tasks] == ["一", "二"]
    last = doc.tasks[-1]
    assert list(last.lead_units) == ["县政府督查室"]
    assert _dates(last) == []
    assert "附件" not in last.text and "2026年3月2日" not in last.text and "联系人" not in last.text


def test_an_attachment_note_alone_ends_the_last_item():
    doc = _parse(_NOTICE.format(formula="").replace("\n\n", "\n"))
    last = doc.tasks[-1]
    assert _dates(last) == []
    assert "推进情况表" not in last.text and "2026年3月2日" not in last.text


def test_an_item_whose_sentence_has_not_closed_keeps_its_next_line():
    doc = _parse(
        """某县人民政府办公室关于报送材料的通知
一、各单位按要求报送以下材料,格式见
附件:材料报送模板,于2026年5月底前报县政府办。(责任单位:各乡镇)
二、县政府办负责汇总。(责任单位:县政府办)
"""
    )
    first = doc.tasks[0]
    assert "材料报送模板" in first.text and "2026-05-31" in _dates(first)


def test_the_formula_inside_a_sentence_stays_the_items_text():
    doc = _parse(
        """某县人民政府办公室关于开展检查的通知
一、县应急局牵头开展安全检查,特此通知各乡镇做好配合,6月底前完成。(责任单位:县应急局)
二、县住建局负责房屋排查,9月底前完成。(责任单位:县住建局)
"""
    )
    assert [t.label for t in doc.tasks] == ["一", "二"]
    assert "2026-06-30" in _dates(doc.tasks[0])


def test_a_date_cell_under_a_task_is_still_its_deadline():
    doc = _parse(
        """某县重点任务清单
1.完成老旧小区改造30个。
县住建局、县财政局
2026年6月30日
2.新建公办幼儿园2所。
县教育局、县发改局
2026年9月30日
"""
    )
    assert [set(_dates(t)) for t in doc.tasks] == [{"2026-06-30"}, {"2026-09-30"}]


def test_the_plan_after_the_notices_close_is_read_as_before():
    doc = _parse(
        """某县人民政府办公室关于印发某县2026年重点工作任务分解方案的通知
各乡镇人民政府,县政府各部门:
现将《某县2026年重点工作任务分解方案》印发给你们,请认真贯彻落实。
一、各单位要高度重视,按月报送进展。
二、县政府督查室要加强督查,年底通报。
特此通知。
附件:某县2026年重点工作任务分解方案
某县人民政府办公室
2026年2月10日
某县2026年重点工作任务分解方案
一、经济发展
1.新建5G基站200个,6月底前完成。(责任单位:县工信局)
2.完成固定资产投资50亿元,12月底前完成。(责任单位:县发改局)
"""
    )
    charged = [t for t in doc.tasks if t.lead_units]
    assert [list(t.lead_units) for t in charged] == [["县工信局"], ["县发改局"]]
    assert ["2026-06-30" in _dates(t) for t in charged] == [True, False]
    assert all("2026-02-10" not in _dates(t) for t in doc.tasks)


# -- Rows at serials a header does not name ----------------------------------------------------------------

_CATALOGUE = """某省统计局主动公开基本目录

类别

工作事项

公开内容

公开时限

公开方式

责任主体

1.机构

信息

1

机构职能

1

本局主要职责和内设机构

形成或变更之日起20个工作日内

局门户网站

人事处

2

领导

信息

2

本局领导简历及分工

形成或变更之日起20个工作日内

局门户网站

人事处、办公室

2.统计

数据

3

统计公报

3

年度统计公报

每年3月底前

局门户网站

综合处

4

统计

报表制度

4

形成或变更之日起20个工作日内

局门户网站

法规处

5

月度主要指标

形成或变更之日起20个工作日内

局门户网站

综合处
"""


def test_the_serials_are_the_items_and_the_categories_head_them():
    doc = _parse(_CATALOGUE)
    assert [t.label for t in doc.tasks] == ["1", "2", "3", "4", "5"]
    assert [(list(t.lead_units), list(t.co_units)) for t in doc.tasks] == [
        (["人事处"], []),
        (["人事处"], ["办公室"]),
        (["综合处"], []),
        (["法规处"], []),
        (["综合处"], []),
    ]
    areas = {a.number: a.title for a in doc.areas}
    assert [areas.get(t.area) for t in doc.tasks] == ["机构信息", "机构信息", "统计数据", "统计数据", "统计数据"]
    texts = [t.text for t in doc.tasks]
    assert "本局主要职责和内设机构" in texts[0] and "领导信息" in texts[1]
    assert "统计报表制度" in texts[3]  # a wrapped 工作事项 cell, its 公开内容 empty
    assert texts[4].startswith("月度主要指标")  # its 工作事项 merged over from the row above
    assert not [w for w in doc.warnings if is_doubt(w.message)]


def test_rows_closing_with_a_time_where_the_unit_stands_are_no_such_table():
    text = _CATALOGUE.replace("责任主体\n", "完成时限\n").replace("公开时限\n", "责任主体\n")
    lines = [(line, True) for line in text.splitlines()]
    assert unheaded_serial_table(lines, 2) is None


# -- A ministry's department ------------------------------------------------------------------------------


def test_a_ministrys_department_is_a_unit():
    assert looks_like_units("人事司")
    assert looks_like_units("规划财务司、办公室")
    assert not looks_like_units("上司")


# -- The close in a copy broken at a page's width ----------------------------------------------------------


_LONG_NOTICE = """某县人民政府办公室关于做好2026年重点工作落实的通知
各乡镇人民政府,县政府各部门:
现将有关事项通知如下,请结合实际认真贯彻落实,确保各项工作取得实效。
一、各乡镇、各部门要高度重视重点任务落实工作,主要负责同志要亲自抓、负总责,采取有力措施,确保各项任务按期完成。(责任单位:县发改局)
二、县政府督查室要加强对重点工作的日常调度,建立重点任务落实台账,及时汇总落实情况后向县政府主要领导报告,推动各项工作落到实处。(责任单位:县政府督查室)
此通知
附件:2026年重点任务落实推进情况表
2026年3月2日
(联系人:张三,联系电话:1234567,电子邮箱:abcdefghijklmno@163.com)
(此件公开发布)
"""


def test_a_wrapped_copy_keeps_the_formula_and_a_broken_address_apart_from_the_items():
    wrapped = hard_wrapped(_LONG_NOTICE, 56, indent=False)
    assert "\n63.com)" in wrapped  # the page broke the address after `@1`
    out = unwrap(wrapped.splitlines())
    assert "此通知" in out and any(line.endswith("abcdefghijklmno@163.com)") for line in out)
    doc = _parse(wrapped)
    assert [t.label for t in doc.tasks] == ["一", "二"] and _dates(doc.tasks[-1]) == []
