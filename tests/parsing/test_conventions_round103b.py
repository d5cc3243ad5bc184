"""Conventions of round 103's town campaign plan (docs/parsing.md), each stated in a made-up document.

A street's or a town's 集中整治方案 names its stages by their ordinals alone (`第一阶段。`) under the section that
announces them, each stage's dated steps after its name; a sharing site's preview runs the plan together on one line
and cuts a word with its page counter (`第二阶` / `2、段`); a step's subjects may share one suffix (`东湖、西湖社区居委会`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document

_SHARE = (
    "《某街道市容整治方案.doc》由会员分享,可在线阅读,更多相关《某街道市容整治方案.doc(2页珍藏版)》请在某某文库上搜索。"
)
_PREAMBLE = (
    "某街道市容整治方案为了改善街道市容环境,给辖区群众创造整洁有序的生活环境,经街道办事处研究,决定对辖区主次干道开展"
    "一次集中整治,整治结束后由城管中队、东湖社区居委会、西湖社区居委会分片负责,长效管理。整治方案如下:"
)
_STAGES = (
    "一、时间及步骤安排第一阶段。3 月 1 日,街道办事处成立整治工作领导小组,制定整治方案,明确责任分工。3 月 3 日动员部署,"
    "城管中队、东湖、西湖社区居委会对沿街商户逐户告知,督促自行整改。第二阶段。3 月 4 日至 3 月 10 日,集中力量开展整治,"
    "清理占道经营。第三阶段。3 月 12 日,街道整治工作领导小组对各片区进行检查验收。"
)
_STANDARDS = "二、整治标准1、无占道经营。商户不得出店经营。2、无乱扔垃圾。垃圾入桶,日产日清。"


def _stages(doc) -> dict[str, object]:
    return {t.label: t for t in doc.tasks if t.label.endswith("阶段")}


def _dates(task) -> list[str]:
    return sorted(m.due_date.isoformat() for m in task.milestones if m.due_date)


def test_ordinal_stages_in_a_run_on_preview_are_items_of_their_section():
    # The preview's first page opens with its counter 1、 and ends inside 第二阶段; page 2 opens with 2、.
    page1 = "1、" + _PREAMBLE + _STAGES[: _STAGES.index("第二阶段") + 3]
    page2 = "2、" + _STAGES[_STAGES.index("第二阶段") + 3 :] + _STANDARDS
    doc = parse_document("\n".join(["某街道市容整治方案.doc", _SHARE, page1, page2]), year=2023)
    stages = _stages(doc)
    assert list(stages) == ["第一阶段", "第二阶段", "第三阶段"]
    one, two, three = stages.values()
    assert one.text.startswith("第一阶段。3 月 1 日") or one.text.startswith("第一阶段。3月1日")
    assert two.text.startswith("第二阶段。")  # the page counter between 第二阶 and 段 is mended
    assert one.lead_units == ["街道办事处"]
    assert one.co_units == ["城管中队", "东湖社区居委会", "西湖社区居委会"]  # the shared suffix written out
    assert two.lead_units == [] and two.co_units == []
    assert three.lead_units == ["街道整治工作领导小组"]
    assert _dates(one) == ["2023-03-01", "2023-03-03"]
    assert _dates(two) == ["2023-03-10"]  # a span's step is due at its end
    assert _dates(three) == ["2023-03-12"]
    # The standards after the stages are still the section's items, no part of stage three.
    assert [t.label for t in doc.tasks if not t.label.endswith("阶段")] == ["1", "2"]
    assert "整治标准" not in three.text


def test_ordinal_stages_on_lines_of_their_own():
    text = "\n".join(
        [
            "某镇环境整治方案",
            "一、时间及阶段划分",
            "第一阶段。4月1日,镇政府成立领导小组。",
            "第二阶段。4月2日至4月20日,镇村联动集中整治。",
            "二、工作要求",
            "1、加强领导。镇党委负责统筹。",
        ]
    )
    stages = _stages(parse_document(text, year=2023))
    assert list(stages) == ["第一阶段", "第二阶段"]
    assert stages["第一阶段"].lead_units == ["镇政府"]
    assert _dates(stages["第二阶段"]) == ["2023-04-20"]


def test_a_stage_named_in_a_sentence_is_no_item():
    # `第一阶段` inside a sentence, or after a heading that names no stage, or closed by a comma: no stage item.
    for body in (
        "一、总体要求。按照方案要求,完成第一阶段。预期目标,进行阶段性总结。二、工作措施1、加强宣传。",
        "一、工作措施第一阶段。4月1日,镇政府成立领导小组。二、保障1、加强领导。",
        "整治行动分为三个阶段第一阶段,动员部署;第二阶段,全面实施。\n一、工作措施\n1、加强宣传。\n2、加强督查。",
    ):
        doc = parse_document("某镇整治方案\n" + body, year=2023)
        assert not _stages(doc), body


def test_shared_suffix_only_for_bare_names():
    # Names that are units of their own keep their names: `城管中队、派出所、东湖社区居委会` shares nothing.
    text = "\n".join(
        [
            "某镇环境整治方案",
            "一、时间及阶段划分",
            "第一阶段。4月1日,城管中队、派出所、东湖社区居委会对沿街商户逐户告知。",
            "第二阶段。4月5日,镇政府组织验收。",
        ]
    )
    stages = _stages(parse_document(text, year=2023))
    assert stages["第一阶段"].lead_units[:1] == ["城管中队"]
    assert "派出所社区居委会" not in stages["第一阶段"].lead_units + stages["第一阶段"].co_units
