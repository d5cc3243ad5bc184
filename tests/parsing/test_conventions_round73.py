"""Conventions met in blind round 73 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the documents that showed them (a city's 督办通知 whose attachment names
an inspected place with its units in a bracket over the problems found there; county notices that name who must act
as the subjects of their sentences: a circumstance before `要`, enterprises listed with what put them on the list,
sector departments after a prefixed first, the units a subject works with, a later sentence's addressee). At the
round's first look 3 of 9 clauses read right and the place's six problems read as five clauses more.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.clause_doubts import doubtful


def _parse(text: str, year: int | None = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


_PLACES = "\n".join(
    [
        "督办通知〔2023〕5号",
        "",
        "区应急管理局:",
        "",
        "省安全生产督查组对我市检查时发现了一些问题,请你们督促整改,有关情况于6月30日前报市安委办。",
        "",
        "附件:督查发现的问题",
        "",
        "城南农贸市场(责任单位:城东区,市市场监管局)",
        "",
        "1.消防通道堆放杂物;",
        "",
        "2.灭火器压力不足。",
        "",
        "江滨体育馆(责任单位:城西区)",
        "",
        "(1)应急照明损坏;",
        "(2)疏散指示标志缺失;",
        "(3)监控室无人值守。",
    ]
)


def test_a_place_heading_with_its_units_in_a_bracket_over_numbered_problems_is_one_clause():
    """An inspected place written as an unnumbered heading closed by its units' bracket, over the problems found
    there numbered from 1: the place is the clause, in order; its problems are its text, no clauses."""
    doc = _parse(_PLACES)
    assert _units(doc) == [("1", ["城东区"], ["市市场监管局"]), ("2", ["城西区"], [])]
    assert doc.tasks[0].text.startswith("城南农贸市场")
    assert "灭火器压力不足" in doc.tasks[0].text and "应急照明损坏" not in doc.tasks[0].text
    assert "监控室无人值守" in doc.tasks[1].text
    # The covering letter's reporting date is no milestone of any place.
    assert all(not t.milestones for t in doc.tasks)


def test_a_place_heading_with_the_units_roles_in_words_reads_the_same():
    """The bracket may name the roles in words (`(A牵头,B配合)`) or set them in another bracket."""
    text = _PLACES.replace("(责任单位:城东区,市市场监管局)", "(城东区牵头,市市场监管局配合)").replace(
        "(责任单位:城西区)", "【责任单位:城西区】"
    )
    assert _units(_parse(text)) == [("1", ["城东区"], ["市市场监管局"]), ("2", ["城西区"], [])]


def test_problems_naming_their_own_units_are_the_clauses():
    """Where the numbered problems name units of their own, they are the clauses, as before."""
    text = _PLACES.replace("1.消防通道堆放杂物;", "1.消防通道堆放杂物(责任单位:市消防救援支队);")
    doc = _parse(text)
    assert doc.tasks[0].text.startswith("消防通道堆放杂物")
    assert doc.tasks[0].lead_units == ["市消防救援支队"]


def test_a_place_heading_is_read_only_where_every_numbered_line_is_a_problem_under_one():
    """A document numbering items of its own besides (`一、`) is left to the outline."""
    text = _PLACES.replace("附件:督查发现的问题", "一、督查发现的问题")
    doc = _parse(text)
    assert not any(t.text.startswith("城南农贸市场") for t in doc.tasks)


_NOTICE = "\n".join(
    [
        "某县人民政府关于对重大安全隐患单位挂牌整治的通知",
        "各乡镇人民政府,县各部门:",
        "为遏制重特大事故发生,现将有关事项通知如下:",
        "一、列入市级重大事故隐患单位的县红星化工厂、县远大建材有限公司,列入用电整治单位的县青山砖厂,"
        "以及本次公布的县级重大安全隐患单位(名单附后),要尽快制定整改方案,在规定期限内完成整改。"
        "届时,县府办将组织有关部门检查验收。",
        "二、县安监、经信、公安、住建等有关职能部门要按照职责分工,加强跟踪检查;各乡镇政府要加大督办力度。",
        "三、各乡镇政府、各部门要认真抓好隐患排查治理工作,及时消除隐患。",
        "四、强化排查。县住建局要协同县应急局、县消防救援大队加大检查频次。其他各行业主管部门要举一反三,建立台账。",
    ]
)


def test_units_named_as_the_subject_of_an_items_sentences_charge_it():
    """A notice naming no bracket and no label says who must act as its sentences' subjects: enterprises listed over
    several parts, each after what put it on the list (the first leads, a closing aside in brackets no name); sector
    departments after a prefixed first in a list closed by `等有关职能部门`; a group of governments with the departments
    beside it (which help together); the units the subject works with (`要协同A、B`) and a later sentence's addressee
    (`;各乡镇政府要`, `届时,县府办将`, `其他各行业主管部门要`) help."""
    doc = _parse(_NOTICE, year=2008)
    assert _units(doc) == [
        ("一", ["县红星化工厂"], ["县远大建材有限公司", "县青山砖厂", "县级重大安全隐患单位", "县府办"]),
        ("二", ["县安监"], ["经信", "公安", "住建", "各乡镇政府"]),
        ("三", ["各乡镇政府"], ["各部门"]),
        ("四", ["县住建局"], ["县应急局", "县消防救援大队", "各行业主管部门"]),
    ]
    # The sector names written after a prefixed first name their departments: no 待核对 mark.
    assert not [w for w in doc.warnings if "不像单位名称" in w.message]
    assert not any(doubtful(name) for name in ("县安监", "经信", "公安", "住建"))


def test_the_departments_together_or_a_vague_subject_charge_no_one_alone():
    """`各部门要…` alone, and `有关部门要…`, name no addressee that answers."""
    text = "\n".join(
        [
            "某县关于做好安全检查的通知",
            "一、各部门要认真开展自查自纠。",
            "二、有关部门要加强督导检查。",
        ]
    )
    assert [(t.lead_units, t.co_units) for t in _parse(text).tasks] == [([], []), ([], [])]


_TASKS = "\n".join(
    [
        "某县林长制办公室关于进一步落实林长制工作任务的通知",
        "一、完善组织体系",
        "1、完善镇级工作方案。各乡镇在制定本级方案时,要参照县级方案,结合自身实际科学制定。",
        "2、构建组织体系。乡镇设林长和副林长,明确责任区域。",
        "3、健全工作制度。结合乡镇实际,制定出台林长会议制度等6项制度。",
    ]
)


def test_a_subject_before_the_circumstance_of_its_duty_charges_its_item_and_its_siblings_stay_clauses():
    """`各乡镇在制定本级方案时,要…`: the subject, then when the duty applies, then `要`: the subject charges that item.
    A sentence's subject charges its own item only, so the heading's other items are measures too (no units)."""
    doc = _parse(_TASKS)
    assert _units(doc) == [("1", ["各乡镇"], []), ("2", [], []), ("3", [], [])]
