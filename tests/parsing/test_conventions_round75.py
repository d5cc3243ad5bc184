"""Conventions met in blind round 75 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a 镇's flood-season plan giving
its leading group's duties under `(一)镇防汛工作领导小组职责`, a 镇's working group notice whose member units'
duties are unnumbered `单位:负责…` paragraphs, and a 街道's plan from a sharing site whose copy lost the colon
after `责任单位` / `配合单位`). At the round's first look the leading group's duties were no clause, the working
group's notice was refused, and the 街道's tasks named no unit.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from policy_tasks.parsing.run_in_labels import colon_run_in_labels
from policy_tasks.parsing.sources.unwrap import unwrap
from tests.sources.corpus_prose import hard_wrapped


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _units(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


_FOREST_FIRE = (
    "某乡2024年森林防火工作安排\n"
    "一、加强领导\n"
    "乡人民政府成立森林防火工作领导小组,下设办公室负责日常工作。\n"
    "二、明确职责\n"
    "(一)乡森林防火指挥部职责\n"
    "1、负责全乡森林防火工作的统一指挥;\n"
    "2、负责组织扑救队伍开展扑火行动。\n"
    "(二)乡林业站工作职责\n"
    "1、负责火情监测和信息报送;\n"
    "2、负责防火物资的储备管理。\n"
)


def test_a_duty_heading_naming_a_body_set_up_for_the_work_with_its_place_leads_its_duties():
    """A 镇's or a 乡's plan gives the body it set up (`乡森林防火指挥部`, `镇防汛工作领导小组`) its duties
    under a heading with its full name and 职责, as it gives an office's: the body leads each numbered duty."""
    doc = _parse(_FOREST_FIRE)
    assert _units(doc) == [
        ("(一)1", ["乡森林防火指挥部"], []),
        ("(一)2", ["乡森林防火指挥部"], []),
        ("(二)1", ["乡林业站"], []),
        ("(二)2", ["乡林业站"], []),
    ]
    doc = _parse(_FOREST_FIRE.replace("乡森林防火指挥部职责", "镇防汛工作领导小组职责"))
    assert doc.tasks[0].lead_units == ["镇防汛工作领导小组"]


def test_a_body_named_only_by_its_kind_is_still_no_office():
    # `领导小组` / `工作领导小组` alone refers back to a group: no place, no unit (round 68's rule stands).
    doc = _parse(_FOREST_FIRE.replace("乡森林防火指挥部职责", "工作领导小组职责"))
    assert all(t.lead_units == [] for t in doc.tasks if t.label.startswith("(一)"))


_WORKING_GROUP = (
    "为做好秋冬季森林防火工作,成立某镇森林防火工作专班:\n"
    "组 长:张某镇长\n"
    "副组长:李某副镇长\n"
    "成员单位:林业站、派出所、应急办、各村(社区)。\n"
    "林业站:负责火源管控技术指导,每日报送火情巡查记录。\n"
    "派出所:负责查处野外违规用火行为。\n"
    "应急办:负责扑火物资调配和应急队伍值守。\n"
    "各村(社区):组织护林员开展巡山,劝导制止违规用火。\n"
)


def test_unnumbered_paragraphs_each_opening_with_a_unit_and_a_colon_are_one_clause_each():
    """A working group's notice gives each member unit its duty in a paragraph opening `单位:`, with no number:
    one clause a paragraph in order, the unit leading; the group's 组长 and 成员单位 lines are none."""
    doc = _parse(_WORKING_GROUP)
    assert _units(doc) == [
        ("1", ["林业站"], []),
        ("2", ["派出所"], []),
        ("3", ["应急办"], []),
        ("4", ["各村(社区)"], []),
    ]
    assert doc.tasks[1].text.startswith("派出所:负责查处野外")
    assert not any("组 长" in t.text or "成员单位" in t.text for t in doc.tasks)


def test_a_numbered_item_opening_with_a_placeless_office_and_a_colon_charges_it():
    doc = _parse("某镇秸秆禁烧工作方案\n三、职责\n1、农业服务中心:负责技术指导。\n2、财政所:负责资金保障。\n")
    assert _units(doc) == [("1", ["农业服务中心"], []), ("2", ["财政所"], [])]


def test_a_single_unit_colon_paragraph_or_titles_before_colons_are_no_list():
    with pytest.raises(ParseError):
        _parse("某镇关于开展森林防火工作的通知\n各村、镇直各单位:\n财政所:负责资金保障。\n请认真落实。\n")
    with pytest.raises(ParseError):
        _parse("某镇工作安排\n加强宣传:广泛发动群众。\n工作目标:实现零火情。\n联系电话:12345678。\n")


_STREET_PLAN = (
    "某街道市容整治方案\n"
    "一、工作任务\n"
    "(一)开展背街小巷卫生整治清理垃圾死角,做到日产日清责任单位城管科、各社区居委会,环卫所\n"
    "(二)开展门前三包检查督促沿街商户落实门前三包责任牵头单位城管中队配合单位市场监管所、各社区居委会\n"
    "二、工作要求\n"
    "各科室要明确责任单位和责任人,确保整治取得实效。\n"
)


def test_a_unit_label_a_copy_ran_into_the_text_without_its_colon_is_still_the_label():
    """A copy that lost its punctuation runs `责任单位` / `牵头单位` / `配合单位` straight into the item's text and
    the units: the label still names them (the first listed leads, a 配合单位 helps)."""
    doc = _parse(_STREET_PLAN)
    assert _units(doc) == [
        ("(一)", ["城管科"], ["各社区居委会", "环卫所"]),
        ("(二)", ["城管中队"], ["市场监管所", "各社区居委会"]),
    ]


def test_prose_speaking_of_a_label_stays_prose():
    # The label's words followed by anything but unit names up to the line's end are prose.
    for line in (
        "各科室要明确责任单位和责任人,确保整治取得实效。",
        "该目标责任单位为市经委。",
        "牵头单位要加强调度,配合单位积极配合。",
        "落实责任单位主体责任",
    ):
        assert colon_run_in_labels(line) == line
    assert colon_run_in_labels("清理垃圾责任单位环卫所") == "清理垃圾 责任单位:环卫所"
    assert colon_run_in_labels("门前积存垃圾责任单位环卫分公司配合单位办事处、城管中队。") == (
        "门前积存垃圾 责任单位:环卫分公司 配合单位:办事处、城管中队。"
    )


def test_a_field_line_after_a_field_line_that_filled_the_page_width_is_the_next_field():
    """A 镇's inspection groups each set out as field lines (`责任单位:` then `检查范围:`), copied out of a PDF at 28
    characters a line: a unit list that happens to fill the line is not broken, and the next field is its own line."""
    units = "责任单位:综治办、派出所、市场监督管理所、供电所、农业办"  # 28 characters, a full line
    assert len(units) == 28
    lines = [
        "某镇关于开展安全生产大检查的通知",
        "(一)第一检查组;",
        "责任领导:张  某",
        units,
        "检查范围:加油站、液化气站、道路安全、渡口安全、营运车",
        "辆、工业企业、宾馆酒店。",
        "(二)第二检查组;",
        "责任领导:李某",
        "责任单位:城建办、卫生院",
        "检查范围:学校、医院、商超、农贸市场、在建工地、燃气管",
        "网建设工地。",
    ]
    assert unwrap(lines)[3:5] == [
        units,
        "检查范围:加油站、液化气站、道路安全、渡口安全、营运车辆、工业企业、宾馆酒店。",
    ]
    doc = parse_bytes("\n".join(lines).encode(), filename="doc.txt", year=2021)
    assert _units(doc) == [
        ("(一)", ["综治办"], ["派出所", "市场监督管理所", "供电所", "农业办"]),
        ("(二)", ["城建办"], ["卫生院"]),
    ]


def test_a_unit_paragraph_after_one_that_ended_at_the_page_width_starts_anew():
    # `单位:负责…` paragraphs copied at 28 characters a line: one that ends exactly at the width is whole.
    paragraphs = [
        "为做好秋冬季森林防火工作,成立某镇森林防火工作专班,明确各成员单位职责如下:",
        "林业站:负责火源管控技术指导,组织护林员每日巡山,做好火情监测和信息报送工作,确保早发现、早报告、早处置早扑救。",
        "派出所:负责查处野外违规用火行为,依法打击故意放火等违法犯罪活动。",
        "各村(社区):组织护林员开展巡山,劝导制止违规用火,发现火情第一时间上报。",
    ]
    lines = hard_wrapped("\n".join(paragraphs), 56, indent=False).splitlines()
    assert len(lines[3]) >= 27 and lines[4].startswith("派出所:")  # the paragraph's last line runs to the width
    assert unwrap(lines) == paragraphs
