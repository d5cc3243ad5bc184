"""Conventions met in blind round 51 (docs/parsing.md): a progress report's numbered list under a
progress label (`推进情况:1.…` `2.…`) is what the item has done, not sub-items of it.

The synthetic reports are written from the convention (a city's quarterly report on its 民生实事,
an office's report on its 重点工作), not copied from the document that showed it; the last test reads
that document itself (tests/parsing/corpus/guizhou-liupanshui-minshengshishi-jinzhan-2023).
"""

from __future__ import annotations

from pathlib import Path

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.progress_lists import progress_spans
from policy_tasks.parsing.textutil import normalise

CORPUS = Path(__file__).parent / "corpus"


def _parse(text: str):
    return parse_bytes(text.encode(), filename="report.txt", year=2024)


def _report(label_lines: list[str], label_lines_2: list[str]) -> str:
    return (
        "某市2024年1-6月“十件民生实事”进展情况\n\n分项情况如下:\n\n"
        "一、新增城镇就业岗位5000个,开展职业技能培训3000人次。\n\n"
        "年度投资目标8000万元,1-6月完成投资3100万元。\n\n"
        + "\n\n".join(label_lines)
        + "\n\n二、新建改建农村公路120公里,完成危桥改造15座。\n\n"
        + "\n\n".join(label_lines_2)
        + "\n"
    )


_DONE_1 = ["1. 全市新增城镇就业岗位2160个。", "2. 开展职业技能培训1405人次,其中,甲县开展培训320人次。"]
_DONE_2 = ["1. 新建改建农村公路52公里。", "2. 完成危桥改造6座。", "3. 召开现场推进会2次。"]


def _inline(label: str, done: list[str]) -> list[str]:
    return [f"{label}:{done[0]}", *done[1:]]


# 1. The list under the label is the item's progress: the 一、 items are the clauses.


def test_a_list_opening_on_the_label_line_is_the_items_progress():
    parsed = _parse(_report(_inline("推进情况", _DONE_1), _inline("推进情况", _DONE_2)))
    assert [t.label for t in parsed.tasks] == ["一", "二"]
    assert parsed.areas == []
    assert "甲县开展培训320人次" in parsed.tasks[0].text
    assert "召开现场推进会2次" in parsed.tasks[1].text


def test_other_progress_labels_read_alike():
    for label in ("进展情况", "完成情况", "工作进展", "落实情况"):
        parsed = _parse(_report(_inline(label, _DONE_1), _inline(label, _DONE_2)))
        assert [t.label for t in parsed.tasks] == ["一", "二"], label


def test_a_list_starting_on_the_line_after_the_label_reads_alike():
    parsed = _parse(_report(["进展情况:", *_DONE_1], ["推进情况", *_DONE_2]))
    assert [t.label for t in parsed.tasks] == ["一", "二"]
    assert "全市新增城镇就业岗位2160个" in parsed.tasks[0].text


def test_the_paragraphs_between_the_item_and_its_progress_are_the_items():
    # Blank lines kept (not every line is followed by one): the investment line after a blank line
    # would close the item; its progress label shows it is still the item's report.
    text = (
        "某市2024年1-6月民生实事进展情况\n分项情况如下:\n"
        "一、新增城镇就业岗位5000个。\n\n年度投资目标8000万元,1-6月完成投资3100万元。\n\n"
        "推进情况:1. 全市新增城镇就业岗位2160个。\n2. 开展职业技能培训1405人次。\n"
        "二、新建改建农村公路120公里。\n\n年度投资目标9000万元。\n\n推进情况:\n1. 新建改建农村公路52公里。\n"
    )
    tasks = _parse(text).tasks
    assert [t.label for t in tasks] == ["一", "二"]
    assert "年度投资目标8000万元" in tasks[0].text and "开展职业技能培训1405人次" in tasks[0].text


def test_a_list_numbered_in_brackets_reads_alike():
    done = ["(1)全市新增城镇就业岗位2160个。", "(2)开展职业技能培训1405人次。"]
    parsed = _parse(_report(["推进情况:" + done[0], done[1]], ["完成情况:", "(1)新建改建农村公路52公里。"]))
    assert [t.label for t in parsed.tasks] == ["一", "二"]


# 2. What the list reports is done, not due: its figures are no milestones; the item's targets are.


def test_the_progress_figures_are_no_milestones():
    parsed = _parse(_report(_inline("推进情况", _DONE_1), _inline("推进情况", _DONE_2)))
    texts = [m.text for t in parsed.tasks for m in t.milestones]
    assert any("3000人次" in m for m in texts)  # the item's own target
    assert any("120公里" in m for m in texts)
    assert not any(figure in m for m in texts for figure in ("2160个", "1405人次", "320人次", "52公里", "6座", "2次"))


def test_an_items_units_stay_its_own():
    text = (
        "某县2024年重点工作推进情况\n"
        "(一)新建农贸市场3个。(责任单位:县商务局)\n"
        "推进情况:1.已完成选址3处。\n"
        "2.已开工建设2个。\n"
        "(二)改造老旧小区12个。(责任单位:县住建局)\n"
        "推进情况:(1)已完成设计招标。\n"
        "(2)已开工改造5个。\n"
    )
    parsed = _parse(text)
    assert [(t.label, t.lead_units) for t in parsed.tasks] == [("(一)", ["县商务局"]), ("(二)", ["县住建局"])]
    assert [[m.text for m in t.milestones] for t in parsed.tasks] == [["新建农贸市场3个"], ["改造老旧小区12个"]]


# 3. What stays as it was: a section headed by a progress word, a sentence of progress, a plan to come.


def test_a_section_headed_by_a_progress_word_keeps_its_items():
    text = (
        "某局2024年工作要点\n"
        "一、2023年工作完成情况\n"
        "1.完成培训1200人次。(责任单位:局办公室)\n"
        "2.建成服务站5个。(责任单位:局就业科)\n"
    )
    assert [t.label for t in _parse(text).tasks] == ["1", "2"]


def test_progress_spans():
    text = "新建公路120公里。\n推进情况:1.已建成52公里。\n2.完成危桥改造6座。\n下一步计划:年底前全部完工。"
    spans = progress_spans(text)
    norm = normalise(text)
    assert [norm[a:b] for a, b in spans] == ["推进情况:1.已建成52公里。\n2.完成危桥改造6座。"]
    # A sentence of progress opens no list; a plan to come is no progress.
    assert progress_spans("新建公路120公里。\n推进情况:目前已建成52公里。") == []
    assert progress_spans("新建公路120公里。\n下一步计划:1.年底前全部完工。") == []
    assert progress_spans("新建公路120公里。\n进度安排:\n1.6月底前开工。") == []


# 4. The document that showed the convention.


def test_the_round_51_document():
    folder = CORPUS / "guizhou-liupanshui-minshengshishi-jinzhan-2023"
    parsed = parse_bytes((folder / "source.txt").read_bytes(), filename="source.txt", year=2023)
    assert [(t.label, t.lead_units, t.co_units) for t in parsed.tasks] == [("一", [], [])]
    assert parsed.tasks[0].title.startswith("保障好重点群体就业")
    assert "3. 城镇公益性岗位安置就业困难人员3425人" in parsed.tasks[0].text
    texts = [m.text for m in parsed.tasks[0].milestones]
    assert not any(figure in m for m in texts for figure in ("5585人次", "484人次", "30人次", "3425人"))
