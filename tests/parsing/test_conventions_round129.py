"""Round 129's conventions: a covering notice's salutation groups charged as subjects with `都要`, parted by a comma, or
with `各单位` standing for the salutation's `各有关单位`; and a procedure's steps, each opening with the body doing it."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import group_subject, notice_groups
from policy_tasks.parsing.clause_doubts import review_marked
from policy_tasks.parsing.procedure_steps import step_subject
from policy_tasks.parsing.textutil import normalise

TITLE = "某市人民政府关于印发《贯彻落实若干意见分工方案》的通知\n"
SALUTATION = "各县、区人民政府,市政府各部门,各有关单位:\n"
PREAMBLE = "市政府制定了分工方案,现予以印发,请各县区、市有关部门、单位做好贯彻落实。\n"


def _tasks(text: str) -> list:
    return list(parse_bytes(text.encode(), filename="doc.txt", year=2010, assume_year=2026).tasks)


def _notice(items: str, salutation: str = SALUTATION) -> list:
    return _tasks(TITLE + salutation + PREAMBLE + items)


def test_groups_charged_all_together() -> None:
    tasks = _notice(
        "一、加强组织领导,完善工作机制。全面贯彻落实好《若干意见》,事关长远发展。各县区、各部门都要高度重视,建立工作机构。\n"
        "二、强化督促检查。各县区也要结合实际,认真做好衔接。\n"
    )
    assert tasks[0].lead_units == ["各县区"] and tasks[0].co_units == ["各部门"]
    assert tasks[1].lead_units == ["各县区"]


def test_groups_parted_by_comma_and_units_standing_for_the_salutation() -> None:
    tasks = _notice(
        "一、明确责任分工。项目建设是总抓手。各部门、各单位要深入挖掘政策内容。各县区,各部门要采取有力措施,做好衔接。\n"
        "二、加强组织领导。各县区,各部门要高度重视。\n"
    )
    assert tasks[0].lead_units == ["各部门"] and tasks[0].co_units == ["各单位", "各县区"]
    assert tasks[1].lead_units == ["各县区"] and tasks[1].co_units == ["各部门"]


def test_group_subject_near_cases() -> None:
    groups = notice_groups([(2, SALUTATION.strip())])
    assert group_subject("各县区,各部门要采取措施", 0, groups) is not None
    assert group_subject("各县区、各部门都要高度重视", 0, groups) is not None
    # A bare `各单位` charges no one, even where the salutation names the units concerned (rounds 101, 113).
    assert group_subject("各单位要高度重视", 0, groups) is None
    # A comma run with a group the salutation does not name; a group and a comma before the verb's own part.
    assert group_subject("各县区,各司局要采取措施", 0, groups) is None
    assert group_subject("各县区,要采取措施", 0, groups) is None
    # `要求` is a word, no charge.
    assert group_subject("各县区、各部门都要求", 0, groups) is None


def test_units_need_the_salutations_units() -> None:
    # Near case: a salutation naming no units concerned leaves `各部门、各单位要…` unread (round 113's near case).
    groups = notice_groups([(2, "各县、区人民政府,市政府各部门:")])
    assert group_subject("各部门、各单位要深入挖掘", 0, groups) is None
    tasks = _notice(
        "一、明确责任分工。各部门、各单位要深入挖掘政策内容。\n二、加强领导。各县区要高度重视。\n",
        salutation="各县、区人民政府,市政府各部门:\n",
    )
    assert tasks[0].lead_units == []


PROCEDURE = (
    "(一)市县财政部门按照预算编制有关规定,会同生态环境部门将项目资金需求情况报送省财政厅及省生态环境厅。\n"
    "(二)省生态环境厅对市县申报的项目进行审查,将审查意见报送省财政厅审核。\n"
    "(三)省财政厅根据专项资金额度对市县项目进行审核,审核后编入政府年度预算。\n"
    "(四)省财政厅按照预算管理有关规定及时下达项目资金。\n"
)


def test_procedure_steps_led_by_their_bodies() -> None:
    tasks = _tasks(PROCEDURE)
    assert [t.lead_units for t in tasks] == [["市县财政部门"], ["省生态环境厅"], ["省财政厅"], ["省财政厅"]]
    # `会同`'s body helps; the bodies that only receive the step's work (`报送省财政厅审核`) are no units of it.
    assert tasks[0].co_units == ["生态环境部门"] and tasks[1].co_units == []


def test_procedure_near_cases() -> None:
    # One step opening with no body: no procedure, no step read (the clauses are left to the reviewer).
    broken = PROCEDURE.replace("(四)省财政厅按照", "(四)按照")
    assert all(t.lead_units == [] for t in _tasks(broken))
    # Two steps only: too few to tell a procedure.
    assert all(t.lead_units == [] for t in _tasks("\n".join(PROCEDURE.split("\n")[2:])))
    # Vague subjects and persons name no body.
    assert step_subject(normalise("有关部门根据规定进行审核")) is None
    assert step_subject(normalise("张三按照规定进行审核")) is None
    assert step_subject(normalise("省财政厅根据专项资金额度进行审核")) == (0, 4)


def test_clauses_with_no_unit_are_marked_for_review() -> None:
    # Round 129's first look: every clause read with no unit, `unsure marks 0` in the score, which counts only the
    # document's signs; the review page marks such a clause by itself (no lead unit), as `review_marked` says.
    broken = PROCEDURE.replace("(四)省财政厅按照", "(四)按照")
    parsed = parse_bytes(broken.encode(), filename="doc.txt", year=2024)
    assert review_marked(parsed) == {0, 1, 2, 3}
    assert review_marked(parse_bytes(PROCEDURE.encode(), filename="doc.txt", year=2024)) == set()
