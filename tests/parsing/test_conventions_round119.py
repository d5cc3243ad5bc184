"""Conventions met in blind round 119 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it: a county's assessment table of its departments
whose 考核项目 header spans two grid columns (a class of departments and the department, or the item's name over both),
its group rows `一、` headings, a group's bracket naming the parties its rows bind, a department merged over rows with a
task and score each, partners its criteria name, and a bonus/deduction group that is no one's work; and a city's
assessment rules copied from a PDF with half-width brackets, whose 考核程序 steps open with the step's name and a full
stop before the office doing it.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.assessment_years import assessment_year_spans
from policy_tasks.parsing.department_pair_columns import partners
from policy_tasks.parsing.milestones import find_milestones
from policy_tasks.parsing.run_on_sentences import runs_on, sentences
from policy_tasks.parsing.sources import Table
from policy_tasks.parsing.sources.unwrap import _narrowed_copy as unwrap_narrowed
from policy_tasks.parsing.sources.unwrap import unwrap
from policy_tasks.parsing.tables import table_lines
from policy_tasks.parsing.unit_names import looks_like_units
from policy_tasks.parsing.work_sentences import drop_alias, work_assignments

_HEADER = ("序号", "考核项目", "考核项目", "分值", "考核内容", "评分标准")


def _table(*rows: tuple[str, ...]) -> list[str]:
    return table_lines(Table((_HEADER, *rows)), above="某县2024年度生态保护工作责任单位目标管理考核细则")


_ROWS = (
    ("一、", "共性考核项目(全部责任单位)", "共性考核项目(全部责任单位)", "30", "", ""),
    ("1", "工作部署", "工作部署", "10", "部署工作", "年内至少部署2次(10分,少一次扣5分)。"),
    ("2", "信息报送", "信息报送", "20", "报送信息", "按时报送工作信息(20分)。"),
    ("二、", "部门职责考核项目", "部门职责考核项目", "70", "", ""),
    ("1", "重点部门", "县生态局", "40", "加强水源保护", "与县水务局、县监测站共同推进水源地建设(40分)。"),
    ("2", "重点部门", "县农业局", "20", "推进化肥减量", "推广测土配方施肥(20分)。"),
    ("2", "重点部门", "县农业局", "10", "开展渔政执法", "配合各乡镇开展巡查,年内查处案件5例以上(10分)。"),
    ("三、", "综合加扣分项目", "综合加扣分项目", "", "上级考核情况", "被省通报表扬的加5分。"),
)


def test_a_doubled_item_header_holds_the_department_in_its_second_column():
    lines = _table(*_ROWS)
    assert lines[0] == "一、共性考核项目(全部责任单位)"
    assert "二、部门职责考核项目" in lines
    at = lines.index("二、部门职责考核项目")
    assert lines[at + 1].startswith("1. 加强水源保护。")  # the class of departments is no part of the task
    assert lines[at + 2 : at + 4] == ["责任单位:县生态局", "配合单位:县水务局、县监测站"]


def test_a_group_bracket_binds_its_rows_and_the_item_name_spans_both_columns():
    lines = _table(*_ROWS)
    assert lines[1].startswith("1. 工作部署。部署工作。年内至少部署2次")  # the 评分标准 is the task's words
    assert lines[2] == "责任单位:全部责任单位"
    assert lines[4] == "责任单位:全部责任单位"


def test_a_department_merged_over_scored_rows_answers_for_each_row():
    lines = _table(*_ROWS)
    assert "2. 推进化肥减量。推广测土配方施肥(20分)。" in lines
    assert any(line.startswith("(2)开展渔政执法。") for line in lines)  # a task of its own, not merged into row 2


def test_a_bonus_and_deduction_group_is_no_clause():
    lines = _table(*_ROWS)
    assert not any("加扣分" in line or "上级考核情况" in line for line in lines)


def test_near_cases_keep_their_reading():
    # No score column: not an assessment table; a header of two different names: no pair.
    plain = table_lines(Table((("序号", "项目", "项目", "内容"), ("1", "重点部门", "县生态局", "加强水源保护"))))
    assert not any(line.startswith("责任单位:") for line in plain)
    other = table_lines(Table((("序号", "考核项目", "考核要点", "分值"), ("1", "水源", "加强水源保护", "10"))))
    assert not any(line.startswith("责任单位:") for line in other)
    # Partners are named departments; townships, groups and the chief system's own office are not.
    assert partners("与县水务局、县监测站共同推进水源地建设") == ["县水务局", "县监测站"]
    assert partners("协同县住建局加强执法") == ["县住建局"]
    assert partners("配合县水利局、水保局技术人员开展示范") == ["县水利局", "水保局"]
    assert partners("积极配合各乡镇开展巡查") == []
    assert partners("与乡镇加强用地查处") == []
    assert partners("配合县河长办开展督查") == []


def test_cases_are_counted():
    lines = _table(*_ROWS)
    text = "\n".join(["某县2024年度生态保护工作责任单位目标管理考核细则", *lines])
    parsed = parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)
    fishing = next(t for t in parsed.tasks if t.title.startswith("开展渔政执法"))
    assert [str(m.due_date) for m in fishing.milestones] == ["2024-12-31"]
    assert fishing.milestones[0].text.startswith("年内查处案件5例以上")
    assert fishing.co_units == []  # the townships it helps are no partners


# --- a 考核程序's steps --------------------------------------------------------------------------------------------


_RULES = """某市2024年度河长制考核实施细则
为做好2024年度河长制考核工作,制定本细则。
一、考核程序
(一)县级自评。各县(市、区)河长办组织开展2024年度河长制考核自评工作,形成自评报告,于9月底报市河长办。
(二)材料审核。10月10日前,市河长办组织对各县(市、区)上报的自评报告进行审核。
(三)实地核查。市河长办根据材料审核情况和2024年暗访工作情况,组织市河长制领导小组有关成员单位在10月20日前完成现场核查。
"""


def _read(doc) -> list[tuple[str, list[str], list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units), [str(m.due_date) for m in t.milestones]) for t in doc.tasks]


def test_a_step_named_and_closed_by_a_full_stop_is_charged_to_the_office_after_it():
    doc = parse_bytes(_RULES.encode(), filename="doc.txt", year=2024, assume_year=2026)
    assert _read(doc) == [
        ("(一)", ["各县(市、区)河长办"], [], ["2024-09-30"]),
        ("(二)", ["市河长办"], [], ["2024-10-10"]),
        ("(三)", ["市河长办"], ["市河长制领导小组有关成员单位"], ["2024-10-20"]),
    ]


def test_the_year_assessed_and_a_record_gone_by_date_nothing():
    assert assessment_year_spans("开展2024年度河长制考核自评工作") == [(2, 17)]
    assert assessment_year_spans("根据2024年暗访工作情况,组织核查") == [(2, 7)]
    assert assessment_year_spans("2024年9月底前开展自评") == []  # a point in the year still dates
    assert assessment_year_spans("完成2024年度考核") == []  # work on the year's assessment itself (`held_events`)


def test_a_title_sentence_that_names_no_step_keeps_its_reading():
    text = (
        "某市工作方案\n一、工作措施\n(一)加强宣传。市河长办组织开展宣传活动。\n(二)强化督查。市河长办对各县进行督查。\n"
    )
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)
    assert all(t.lead_units == [] for t in doc.tasks)


def test_half_width_brackets_are_measured_as_the_page_set_them():
    lines = [
        "为贯彻落实中央和省有关林长制的意见和要求，结合我市林长制工作实际，制",
        "定本实施细则，请各县（市、区）林长办认真抓好落实，确保各项工作取",
        "得实效，切实推动全市林长制工作走深走实，现将有关事项通知如下，请",
        "各县(市、区)林长办组织开展年度考核自查工作,编写自查报告,报",
        "市林长办审核。各县（市、区）要高度重视，认真组织，按时报送有关材",
        "料，不得弄虚作假，确保考核结果客观公正，真实反映工作成效，请认真",
        "贯彻执行，抓好落实，确保各项任务按期完成，取得实实在在的工作成",
        "效，推动全市林长制工作再上新台阶，为建设美丽城市作出积极贡献。",
    ]
    out = unwrap(lines)
    assert len(out) == 1  # the line with `(`, `)` and `,` ran to the page's width, as its neighbours did


def test_a_copy_is_measured_by_its_narrowed_punctuation_only_when_all_its_lines_fit_so():
    # Wrapped by a tool counting half-width `,` at one column: a line cut at the width with commas in it would run
    # past the page counted at full width, so the document is measured as written and a paragraph's short last line
    # (`…解决入学难问题`) does not join the next one.
    paragraph = "建成台湖公租房配套小学,提供学位1200个,解决入学难问题"
    wide = "全区集团化办学覆盖率达到百分之六十以上,进一步优化教育资源布局"
    lines = [wide[:27], wide[27:] + "促进区域教育优质均衡发展水平提升持续", paragraph, "责任单位:区教委"] * 3
    assert unwrap_narrowed(lines) is False
    narrowed = [
        "各县(市、区)林长办组织开展年度考核自查工作,编写自查报告,报",
        "市林长办审核后汇总形成考核结果报市林长制领导小组审定确保公正客观",  # the page, 31 characters
    ]
    assert unwrap_narrowed(narrowed) is True


def test_the_assessment_is_charged_to_the_office_that_organises_it_and_the_units_taking_part():
    text = (
        "某市2024年度河长制考核实施细则\n一、适用范围\n本细则适用于对各县(市、区)的考核。\n二、考核组织\n"
        "考核工作由市全面推行河长制工作领导小组办公室(以下简称“市河长办”)组织实施,"
        "市全面推行河长制工作领导小组(以下简称“市河长制领导小组”)有关成员单位参加。\n"
        "三、考核内容\n包括水资源保护、河湖岸线管理等内容。\n"
    )
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)
    assert _read(doc) == [
        ("二", ["市全面推行河长制工作领导小组办公室"], ["市全面推行河长制工作领导小组有关成员单位"], []),
    ]


def test_an_assessment_sentence_naming_no_unit_in_a_part_assigns_nothing():
    assert work_assignments("考核工作由市政府统一领导,各地配合。") == []
    assert work_assignments("考核工作要公平公正,由市河长办组织实施。") == []  # not the sentence's subject
    assert drop_alias("市林业局(以下简称“市局”)") == "市林业局"
    assert drop_alias("市林业局(下设办公室)") == "市林业局(下设办公室)"  # a bracket that names no alias stays


# --- a later deadline in a bracket; sentences a PDF's lines cut ------------------------------------------------------


def _dates(text: str) -> list[str]:
    found = find_milestones(text, year=2024, default_due=date(2024, 12, 31), warn=lambda *_: None)
    return [str(m.due_date) for m in found]


def test_a_later_deadline_in_a_bracket_after_a_dated_step_is_a_milestone_of_its_own():
    step = "于9月底连同相关材料(10月份的材料可在10月20日前报送市河长办)一并报市河长办。"
    assert _dates(step) == ["2024-09-30", "2024-10-20"]
    assert _dates("6月底前完成自评(新增项目可于7月15日前补报)并报市局。") == ["2024-06-30", "2024-07-15"]


def test_a_bracket_that_is_no_later_deadline_of_a_dated_step_adds_nothing():
    assert _dates("于9月底前报送自评报告(详见附件1)。") == ["2024-09-30"]
    assert _dates("于9月底前报送自评报告(2024年10月20日印发)。") == ["2024-09-30"]  # no deadline
    assert _dates("于9月底前报送自评报告(10月20日前的材料除外)。") == ["2024-09-30"]  # no act after the date
    assert _dates("报送自评报告(10月20日前报送市河长办)。") == ["2024-10-20"]  # the part's own date, read once


def test_a_sentence_runs_on_across_a_line_break_that_comes_mid_sentence():
    cut = "考核工作由市河长制办公室(以下简\n称“市河长办”)组织实施,各成员单位参加。"
    assert runs_on(cut, cut.index("\n"))
    assert list(sentences(cut)) == [(0, len(cut) - 1)]
    assert not runs_on("考核组织\n考核工作由市河长办组织实施。", 4)  # a heading's line
    assert not runs_on("材料由各县汇总,市河长办负责\n(二)材料审核。", 14)  # the next line opens an item
    assert runs_on("材料由各县汇总,市河长办负责\n各县配合。", 14)
    assert not runs_on("由市河长办负责:\n各县参加。", 8)  # a sentence end
    assert list(sentences("市河长办负责。\n各县配合。")) == [(0, 6), (8, 12)]


def test_indented_lines_of_a_pdf_read_as_the_sentences_they_cut():
    text = (
        "某市2024年度河长制考核实施细则\n"
        "\u3000\u3000二、考核组织\n"
        "\u3000\u3000考核工作由市全面推行河长制工作领导小组办公室(以下简\n"
        "\u3000\u3000称“市河长办”)组织实施,市全面推行河长制工作领导小组\n"
        "\u3000\u3000(以下简称“市河长制领导小组”)有关成员单位参加。\n"
        "\u3000\u3000三、考核程序\n"
        "\u3000\u3000(一)实地核查。市河长办根据材料审核情况和2024年暗访\n"
        "\u3000\u3000工作情况,组织市河长制领导小组有关成员单位在10月20日前完\n"
        "\u3000\u3000成现场核查。\n"
    )
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)
    assert _read(doc) == [
        ("二", ["市全面推行河长制工作领导小组办公室"], ["市全面推行河长制工作领导小组有关成员单位"], []),
        ("(一)", ["市河长办"], ["市河长制领导小组有关成员单位"], ["2024-10-20"]),
    ]
    assert assessment_year_spans("开展2024年度\n河长制考核自评工作") == [(2, 18)]


def test_a_verb_in_hang_ends_no_bank():
    assert not looks_like_units("本细则适用于对各县(市、区)2024年度落实全面推行")
    assert not looks_like_units("严格执行")
    assert looks_like_units("县农商行、县财政局") and looks_like_units("人民银行某县支行")


def test_a_copy_without_line_breaks_runs_the_heading_into_the_assessment_sentence():
    sentence = (
        "考核工作由市全面推行河长制工作领导小组办公室(以下简称“市河长办”)组织实施,"
        "市全面推行河长制工作领导小组 (以下简称“市河长制领导小组”)有关成员单位参加。"
    )
    for joiner in ("", " "):
        text = joiner.join(["某市2024年度河长制考核实施细则", "一、适用范围", "本细则适用于对各县(市、区)的考核。"])
        text += joiner + joiner.join(["二、考核组织", sentence, "三、考核内容", "包括水资源保护等内容。"])
        doc = parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)
        assert _read(doc)[0] == (
            "二",
            ["市全面推行河长制工作领导小组办公室"],
            ["市全面推行河长制工作领导小组有关成员单位"],
            [],
        )
    # Not after words that are no heading: a sentence of its own before the subject.
    assert work_assignments("为做好今年的考核,考核工作由市河长办组织实施。") == []
    assert work_assignments("各县要高度重视。加强宣传考核工作由市河长办组织实施。") == []  # not at the item's start
