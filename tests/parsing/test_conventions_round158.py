"""Round 158's conventions: a speaker's demands opened by the purpose they serve (`为了…,郑文红强调,一要…`), a year
counting an action among its rounds (`开展2022年的第一次联合执法`), and a working body's membership sub-heading
(`(一)成员单位` / `协调机制由…组成`) beside its members' duties. Written from the conventions, with near cases that must
read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.minute_points import inline_points
from policy_tasks.parsing.named_speakers import named_head_end
from policy_tasks.parsing.one_line_minutes import minute_cuts
from policy_tasks.parsing.purpose_leads import purpose_ends
from policy_tasks.parsing.year_ordinals import year_ordinal_spans


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2022, assume_year=2026)


REPORT = (
    "某县召开安全生产工作推进会\n"
    "本报讯 5月7日,某县召开安全生产工作推进会。相关单位负责人参加会议,县政府副县长王某某出席会议并讲话。\n"
    "县应急局局长李某通报了全县安全生产工作进展情况。\n"
    "为了更好地落实全省安全生产会议精神,强力推动此项工作落实落地,王某某强调,一要高度重视,提高站位。要正确认识当前形势。"
    "二要明确职责,密切配合。要于5月10日前完成隐患排查。三要扎实工作,认真落实。要干出好成绩。\n"
)


def test_purpose_before_named_speaker() -> None:
    tasks = _parse(REPORT).tasks
    assert [t.label for t in tasks] == ["一", "二", "三"]
    assert tasks[0].text.startswith("要高度重视")
    assert all((t.lead_units, t.co_units) == ([], []) for t in tasks)
    assert [str(m.due_date) for m in tasks[1].milestones] == ["2022-05-10"]


def test_purpose_before_named_speaker_on_one_line() -> None:
    one_line = REPORT.replace("\n", "")
    tasks = _parse(one_line).tasks
    assert [t.label for t in tasks] == ["一", "二", "三"]
    assert [str(m.due_date) for m in tasks[1].milestones] == ["2022-05-10"]


def test_purpose_before_post_speaker() -> None:
    text = "为确保工作落实,县长张某强调:一是要加强领导。二是县财政局要保障经费。"
    parts, _ = inline_points([(text, True)], [1])
    assert [p[:3] for p, _ in parts] == ["为确保", "一是要", "二是县"]


def test_purpose_near_cases() -> None:
    earlier = "副县长王某某出席会议并讲话。"
    # A purpose with no speaker after it (a plan's own words) heads nothing.
    assert named_head_end("为确保工作落实,一要高度重视。二要明确职责。", earlier) is None
    parts, _ = inline_points([("为确保工作落实,一是高度重视。二是明确职责。", True)], [1])
    assert len(parts) == 1
    # A speaker no post introduced, and a purpose clause cut by a sentence end before the speaker, are no head.
    assert named_head_end("为了落实会议精神,张某某强调,一要高度重视。", earlier) is None
    assert named_head_end("为了落实会议精神。王某某强调,一要高度重视。", earlier) is None
    # `为期…` is a span and `为主` a principle, no purpose.
    assert purpose_ends("为期一个月,王某某强调,一要高度重视。") == []
    assert purpose_ends("为了落实精神,强力推动,王某某强调,一要") == [7, 12, 18]
    # On one line the lead-in still follows a sentence end; a comma-closed purpose with no verb is none.
    assert minute_cuts("会议召开。为了落实精神,一要高度重视。二要明确职责。") == []


def test_year_counting_rounds() -> None:
    text = "各部门要理清工作职责。同时,要迅速开展2022年的第一次联合执法,加大督导力度。"
    assert _parse("某县双减工作会议\n一、工作要求\n" + text + "\n").tasks[0].milestones == []
    assert year_ordinal_spans("组织2023年首轮督查") == [(2, 9)]
    assert year_ordinal_spans("开展2024年度第二批验收") == [(2, 11)]


def test_year_counting_rounds_near_cases() -> None:
    # A quarter is a period and dates; a year opening the sentence is when the work is done; a deadline stays one.
    assert year_ordinal_spans("开展2022年第一季度联合执法") == []
    assert year_ordinal_spans("2022年首次开展联合执法") == []
    assert year_ordinal_spans("2022年底前开展第一次联合执法") == []
    text = "某县双减工作会议\n一、工作要求\n要在2022年底前开展第一次联合执法。\n"
    assert [str(m.due_date) for m in _parse(text).tasks[0].milestones] == ["2022-12-31"]


MECHANISM = (
    "某县人民政府办公室关于建立某县“双减”工作专门协调机制的通知\n"
    "县直有关单位:\n"
    "为加强部门统筹协调,决定建立某县“双减”工作专门协调机制。现将有关事项通知如下:\n"
    "一、主要职能\n"
    "统筹协调推进“双减”工作,研究解决问题,完善工作机制。\n"
    "二、成员单位及职责\n"
    "(一)成员单位\n"
    "协调机制由县委组织部、县委宣传部、县教育局、县公安局、县市场监管局等部门组成。\n"
    "协调机制召集人由县政府分管教育领导担任。协调机制办公室设在县教育局,承担协调机制日常工作。\n"
    "(二)职责分工\n"
    "县委组织部:负责发挥党组织战斗堡垒作用,加强对校外培训机构党建工作的指导。\n"
)


def test_membership_sub_heading_is_no_clause() -> None:
    tasks = _parse(MECHANISM).tasks
    assert [t.lead_units for t in tasks] == [["县委组织部"]]
    assert all("组成" not in t.text for t in tasks)


def test_membership_near_cases() -> None:
    # A members' duties heading over its paragraph, and a silent sub-heading that is no membership, stay clauses.
    duties = MECHANISM.replace("(一)成员单位\n", "(一)工作机制\n")
    assert any("组成" in t.text for t in _parse(duties).tasks)
    # A membership heading over a body that charges work, not how the group is made up, is a measure as before.
    charged = MECHANISM.replace(
        "协调机制由县委组织部、县委宣传部、县教育局、县公安局、县市场监管局等部门组成。\n"
        "协调机制召集人由县政府分管教育领导担任。协调机制办公室设在县教育局,承担协调机制日常工作。\n",
        "要加强协调配合,形成工作合力。\n",
    )
    assert any("协调配合" in t.text for t in _parse(charged).tasks)
