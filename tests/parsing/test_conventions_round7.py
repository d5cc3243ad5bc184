"""Conventions met in blind round 7 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document


def test_unnumbered_lines_under_a_heading_each_with_their_bracket_are_one_clause_each():
    # A 分工 notice lists its indicators as plain lines under `(一)…指标`, each closed by its own
    # bracket: one clause a line, the heading no clause's text.
    doc = parse_document(
        "某市2016年“十三五”规划纲要主要目标任务分工\n"
        "二、主要目标分工\n"
        "(一)约束性指标\n"
        "森林覆盖率达到45%。(市林业局牵头)\n"
        "城镇污水处理率达到95%。(市住建局、市水务局等部门按职责分工负责)\n"
        "(二)预期性指标\n"
        "地区生产总值年均增长7%。(市发展改革委牵头,市统计局配合)\n"
        "城镇新增就业5万人。(市人社局牵头)\n"
    )
    assert [(t.title[:6], t.lead_units, t.co_units) for t in doc.tasks] == [
        ("森林覆盖率达", ["市林业局"], []),
        ("城镇污水处理", ["市住建局"], ["市水务局"]),
        ("地区生产总值", ["市发展改革委"], ["市统计局"]),
        ("城镇新增就业", ["市人社局"], []),
    ]
    assert [t.label for t in doc.tasks] == ["(一)-1", "(一)-2", "(二)-1", "(二)-2"]


def test_a_heading_that_is_a_sentence_does_not_take_the_lines_after_its_own_bracket():
    # `(一)推进改革。(A牵头)` is a clause that is finished; a later unnumbered paragraph is not its.
    doc = parse_document(
        "2020年工作分工\n"
        "(一)推进农村改革。(县农业农村局牵头)\n"
        "(二)加快园区建设。(县发改局牵头)\n"
        "各单位要于每季度末报送进展情况。(县政府办汇总)\n"
    )
    assert [(t.label, t.lead_units) for t in doc.tasks] == [("(一)", ["县农业农村局"]), ("(二)", ["县发改局"])]


def test_a_leader_field_that_defers_to_another_documents_division_names_the_persons_in_its_bracket():
    doc = parse_document(
        "2009年政府工作报告重点任务\n"
        "1.建设物流园区。\n"
        "责任领导:按《县委工作要点》分工(李明、王小红);责任单位:县商务局;配合单位:县交通局。\n"
        "2.实施安居工程。\n"
        "责任领导:依《市政府领导分工》(张华);责任单位:县住建局。\n"
    )
    assert doc.tasks[0].leaders == ["李明", "王小红"]
    assert (doc.tasks[0].lead_units, doc.tasks[0].co_units) == (["县商务局"], ["县交通局"])
    assert doc.tasks[1].lead_units == ["县住建局"]


def test_a_complex_named_for_what_it_hosts_is_a_unit_not_a_person():
    # `科技城`, `物流港`, `产业园` run by their own administrations are listed among the units;
    # a two- or three-character name without such an ending is still a person.
    doc = parse_document(
        "2015年重点工作\n1.建设研发中心。\n责任单位:科技城、市科技局、物流港、产业园;配合单位:市财政局 张伟\n"
    )
    task = doc.tasks[0]
    assert task.lead_units == ["科技城"]
    assert task.co_units == ["市科技局", "物流港", "产业园", "市财政局"]
    assert task.leaders == ["张伟"]
