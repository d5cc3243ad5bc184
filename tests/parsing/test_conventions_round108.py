"""Conventions met in blind round 108 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it: a county office's covering notice issuing
a project's tasks and fund plan to named townships and the county's departments, whose requirements name their units
as sentence subjects. Its duties are divided in one item as `;`-separated parts each opening with its own units and
`负责` (`A、B负责…;C负责…;D负责会同各项目主管部门…;E要负责…;F等有…任务的县级部门要…`): a clause a part, as round 62's
orders and round 82's projects are. Its salutation's groups are its first requirement's subject, joined by `和`
(`各参建乡镇和部门要…`), and its last requirement names the discipline body that holds the work to account
(`对…的,县纪委监委将严肃追责问责`). At the round's first look the item of parts was one clause with the first part's
units, and the other two requirements were read as no clause.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import DEPARTMENTS, PLACES, group_subject, notice_groups
from policy_tasks.parsing.discipline_bodies import discipline_charge
from policy_tasks.parsing.textutil import normalise
from policy_tasks.parsing.unit_names import ETC_RE


def _parse(text: str, year: int = 2021):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _read(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units)) for t in doc.tasks]


_NOTICE = """某县人民政府办公室
关于下达某县2021年农村供水保障工程建设任务的通知
某府办函〔2021〕12号
城关镇、河西乡人民政府,县级有关部门:
《某县2021年农村供水保障工程建设任务》已经县政府同意,现下达给你们,并提出以下要求。
一、加强协调配合。各参建乡镇和部门要密切配合,加快工程建设进度,确保工程按期建成。
二、落实工作责任。城关镇、河西乡负责做好工程征地、施工环境保障等工作;县水利局负责做好工程设计审查和质量监管;县财政局负责会同各项目主管部门管好用好资金;县审计局要负责对项目资金进行跟踪审计;县农业农村局等有建设任务的县级部门要加强项目监管,任何单位不得擅自变更建设内容。
三、严格追责问责。对工作推进不力、影响工程建设的,县纪委监委将严肃追责问责。
某县人民政府办公室
2021年3月2日
"""


def test_a_covering_notices_requirements_and_its_divided_duties():
    assert _read(_parse(_NOTICE)) == [
        # The salutation's groups as the subject, joined by 和: the first leads, `部门` (its 各 shared) kept as written.
        ("一", ["各参建乡镇"], ["部门"]),
        # One clause a `;` part, each part's own units; `会同` names the group that works with the lead.
        ("二-1", ["城关镇"], ["河西乡"]),
        ("二-2", ["县水利局"], []),
        ("二-3", ["县财政局"], ["各项目主管部门"]),
        ("二-4", ["县审计局"], []),  # `要负责` charges as `负责` does
        ("二-5", ["县农业农村局"], []),  # `等有建设任务的县级部门` names no further unit
        ("三", ["县纪委监委"], []),  # the discipline body's commitment: its clause
    ]


def test_each_part_holds_its_own_words():
    parts = _parse(_NOTICE).tasks[1:6]
    assert parts[1].text == "县水利局负责做好工程设计审查和质量监管;"
    assert parts[4].text.startswith("县农业农村局等有建设任务") and parts[4].text.endswith("变更建设内容。")


def test_a_part_that_only_helps_or_a_single_charge_stays_in_the_item():
    # Beside the opening's charge alone, a `;` part charging with `要` is a demand on a helper, as before.
    doc = _parse(
        "一、加强保障。县水利局负责做好工程设计审查;县财政局要积极配合做好资金拨付。\n二、强化监管。县审计局负责跟踪审计。\n"
    )
    assert _read(doc) == [("一", ["县水利局"], []), ("二", ["县审计局"], [])]
    doc = _parse(
        "一、加强保障。县水利局负责做好工程设计审查;县财政局要做好资金拨付。\n二、强化监管。县审计局负责跟踪审计。\n"
    )
    assert [t.label for t in doc.tasks] == ["一", "二"]


def test_a_helping_or_repeated_unit_after_the_charged_parts_is_no_part_of_its_own():
    doc = _parse(
        "一、明确责任。县水利局负责工程设计审查;县财政局负责资金拨付;县发改局要积极配合做好立项;县水利局要加强质量监管。\n"
        "二、强化监管。县审计局负责跟踪审计。\n"
    )
    assert _read(doc) == [("一-1", ["县水利局"], []), ("一-2", ["县财政局"], []), ("二", ["县审计局"], [])]


def test_a_sentence_charging_with_yao_after_the_opening_stays_as_before():
    doc = _parse(
        "一、明确责任。县水利局负责工程设计审查。县财政局要做好资金拨付。\n二、强化监管。县审计局负责跟踪审计。\n"
    )
    assert [t.label for t in doc.tasks] == ["一", "二"]


def test_what_the_other_units_do_closing_a_list_names_none():
    assert ETC_RE.sub("", "县农业农村局等有建设任务的县级部门") == "县农业农村局"
    assert ETC_RE.sub("", "县住建局等承担改造任务的单位") == "县住建局"
    # No kind after the words: no closing `等…部门`; a place's `等市` keeps its place.
    assert ETC_RE.sub("", "县住建局等承担改造任务的") == "县住建局等承担改造任务的"
    assert ETC_RE.sub("", "宁波等市") == "宁波等市"


def test_named_townships_and_a_levels_departments_are_the_salutations_groups():
    assert notice_groups([(4, "城关镇、河西乡人民政府,县级有关部门:")]) >= {PLACES, DEPARTMENTS}
    assert DEPARTMENTS in notice_groups([(4, "各乡镇人民政府,市直有关部门:")])
    assert notice_groups([(4, "县发改局、县财政局:")]) == frozenset()


def test_a_group_subject_needs_the_salutations_groups():
    towns = frozenset({PLACES})
    both = frozenset({PLACES, DEPARTMENTS})
    norm = normalise("各参建乡镇和部门要密切配合")
    assert group_subject(norm, 0, both) is not None
    assert group_subject(norm, 0, towns) is None  # the departments are no addressee of a notice to the towns
    # A bare `部门` first, or `有关部门` after the group: no group of the salutation's kind.
    assert group_subject(normalise("部门和各参建乡镇要密切配合"), 0, both) is None
    assert group_subject(normalise("各参建乡镇和有关部门要密切配合"), 0, both) is None


def test_the_same_group_subject_in_a_plan_charges_no_one():
    doc = _parse(
        "某县农村供水保障工程实施方案\n一、加强协调。各参建乡镇和部门要密切配合。\n二、加快建设。各参建乡镇和部门要加快进度。\n"
    )
    assert _read(doc) == [("一", [], []), ("二", [], [])]  # no salutation: the measures, naming no one


def test_the_discipline_body_and_its_near_cases():
    def charge(text: str) -> list[str] | None:
        found = discipline_charge(text, normalise(text))
        return found.lead_and_co()[0] if found is not None else None

    assert charge("严格追责问责。对工作推进不力的,县纪委监委将严肃追责问责。") == ["县纪委监委"]
    assert charge("强化监督。市纪委要加强对项目资金使用的监督检查。") == ["市纪委"]
    assert charge("严格追责问责。对工作推进不力的,将严肃追责问责。") is None  # no body named
    assert charge("严格追责问责。对工作推进不力的,移交县纪委监委严肃追责问责。") is None  # the cases go to it
    assert charge("严格追责问责。各乡镇要加强督查,县纪委监委将严肃追责问责。") is None  # not the item's subject


def test_the_discipline_body_in_a_plans_closing_section_is_no_clause():
    doc = _parse(
        "某县农村供水保障工程实施方案\n一、重点任务\n(一)新建水厂。县水利局负责新建水厂2座。\n(二)改造管网。县住建局负责改造管网30公里。\n"
        "二、保障措施\n(一)严格追责问责。对工作推进不力的,县纪委监委将严肃追责问责。\n"
    )
    assert _read(doc) == [("(一)", ["县水利局"], []), ("(二)", ["县住建局"], [])]
