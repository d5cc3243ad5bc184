"""Conventions met in blind round 53 (docs/parsing.md): targets under a heading naming a five-year
plan's period are due at its end; figures a 分别 pairs with the things before them are one
commitment (each on the corpus document that showed it and on a variant written from the convention).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from policy_tasks.parsing import parse_bytes

_CORPUS = Path(__file__).parent / "corpus"


def _liaoning():
    path = _CORPUS / "liaoning-sheng-dongbeizhenxing-fengong-2012" / "source.txt"
    return parse_bytes(path.read_bytes(), filename=path.name, assume_year=2026)


def _parse(text: str, year: int):
    return parse_bytes(text.encode(), filename="plan.txt", year=year)


_PERIOD = """关于落实“十四五”规划任务分工的通知
一、主要目标和任务分工
(一)“十四五”时期主要目标。
1.城镇新增就业人数达到12万人。
责任单位:市人力资源社会保障局。
2.化学需氧量、氨氮排放分别减少8%、9.5%。
责任单位:市生态环境局。
(二)2022年重点工作。
3.新建改建农村公路200公里。
责任单位:市交通运输局。
"""


# 1. `(一)“十二五”时期主要规划指标`: the targets below it are due at the period's end.


def test_liaoning_plan_period_targets_are_due_at_its_end():
    tasks = _liaoning().tasks
    dated = [[m.due_date for m in t.milestones] for t in tasks]
    # ⑶ sets two targets (`森林覆盖率提高到42%,森林蓄积量达到3.2亿立方米`), the second read since round 115 knows `亿立方米`.
    assert dated[:8] == [[date(2015, 12, 31)]] * 2 + [[date(2015, 12, 31)] * 2] + [[date(2015, 12, 31)]] * 5
    assert not any(d == date(2012, 12, 31) for ds in dated for d in ds)


def test_a_period_heading_dates_its_targets_and_no_other_section():
    tasks = _parse(_PERIOD, 2022).tasks
    assert [[m.due_date for m in t.milestones] for t in tasks] == [
        [date(2025, 12, 31)],
        [date(2025, 12, 31)],
        [date(2022, 12, 31)],
    ]


def test_a_heading_only_naming_the_plan_dates_nothing():
    text = _PERIOD.replace("(一)“十四五”时期主要目标。", "(一)加快“十四五”规划重大项目建设。")
    tasks = _parse(text, 2022).tasks
    assert [m.due_date for m in tasks[0].milestones] == [date(2022, 12, 31)]


def test_a_period_over_in_the_documents_year_is_no_default():
    text = _PERIOD.replace("“十四五”时期", "“十三五”时期")
    tasks = _parse(text, 2022).tasks
    assert [m.due_date for m in tasks[0].milestones] == [date(2022, 12, 31)]


# 2. `排放分别减少9.2%、10.7%、11%、13.7%`: one commitment, not one a figure.


def test_liaoning_respective_figures_are_one_milestone():
    sixth = _liaoning().tasks[5]
    assert sixth.text.startswith("化学需氧量")
    assert len(sixth.milestones) == 1
    assert sixth.milestones[0].text.endswith("13.7%(系国家分解指标)")


def test_respective_figures_stay_with_their_things():
    second = _parse(_PERIOD, 2022).tasks[1]
    assert [m.text for m in second.milestones] == ["化学需氧量、氨氮排放分别减少8%、9.5%"]


def test_figures_without_respectively_are_still_split():
    text = "2022年工作要点\n1.粮食产量达到50万吨、新增高标准农田2万亩。(县农业农村局)\n"
    milestones = _parse(text, 2022).tasks[0].milestones
    assert [m.text for m in milestones] == ["粮食产量达到50万吨", "新增高标准农田2万亩"]
