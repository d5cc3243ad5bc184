"""Leaders as offices write them in forms and tables: a label justified with spaces (`责 任 人:`),
names padded to line up (`王 嵘`) or set apart by spaces, and how the score compares persons."""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.label_spellings import spell_labels
from policy_tasks.parsing.scoring import leader_key


def _parse(text: str):
    return parse_bytes(text.encode(), filename="plan.txt", year=2025)


_FORM = """2025年重点工作分解
一、重点项目建设
1.加快重点项目建设进度,确保计划竣工项目按期投产。
责任领导:赵 刚
责任单位:市发改委
责 任 人:钱卫东 各县县长 孙 莉
2.推进产业园区基础设施建设。
责任领导:周 敏   吴海燕
牵 头 单 位:市工信局
"""


def test_a_spaced_label_and_padded_names_are_read_as_persons():
    first, second = _parse(_FORM).tasks
    assert first.leaders == ["赵刚", "钱卫东", "各县县长", "孙莉"]
    assert first.lead_units == ["市发改委"]
    assert second.leaders == ["周敏", "吴海燕"]
    assert second.lead_units == ["市工信局"]


def test_only_a_label_is_closed_up():
    assert spell_labels("责 任 人:张三") == "责任人:张三"
    assert spell_labels("  配 合 单 位：县财政局") == "  配合单位：县财政局"
    # Spaced words that are no field label stay as written.
    assert spell_labels("加 强 领 导:各地要") == "加 强 领 导:各地要"
    assert spell_labels("一 是:做好") == "一 是:做好"


def test_the_score_compares_persons_without_their_posts():
    assert leader_key("孟学农省长") == leader_key("孟学农") == "孟学农"
    assert leader_key("张盈军区政府党组成员") == "张盈军"
    assert leader_key("县委常委、常务副县长张三") == "张三"
    assert leader_key("努尔买买提·阿布来提(县人大常委会四级调研员)") == "努尔买买提·阿布来提"
    # A post with no person in it is compared as written.
    assert leader_key("三市州发展改革部门主要负责同志") == "三市州发展改革部门主要负责同志"


def test_a_progress_state_is_no_persons_name():
    from policy_tasks.parsing.person_names import is_person

    for state in ("已完成", "已完工", "未开工", "推进中", "完成", "在建"):
        assert not is_person(state), state
    for name in ("张三", "王建中", "钱宇"):
        assert is_person(name), name
