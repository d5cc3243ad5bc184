"""Round 146's conventions: a department's own yearly plan whose items close with a bracket charging its internal
sections (`(牵头科室:X;责任科室:…)`, `(牵头部门:X处)`). The README joins a list parted by `、` into one unit only under
one `各` over levels (round 140) or before one suffix written once (round 143); a qualifier written once before kinds
of body with neither (`局机关科室、中心、执法支队`) joins nothing, each kind being an addressee of its own (session 36,
settling round 146's gold, which had first written that field as one unit)."""

from policy_tasks.parsing import parse_bytes


def _units(text: str) -> list[tuple[str, list[str], list[str]]]:
    tasks = parse_bytes(text.encode(), filename="doc.txt", assume_year=2026).tasks
    return [(t.label, t.lead_units, t.co_units) for t in tasks]


def test_a_qualifier_before_kinds_of_body_joins_nothing() -> None:
    text = (
        "一、聚焦中心工作加大公开力度\n(一)围绕经济发展推进公开\n做好市场主体信息公开。"
        "(牵头科室:登记注册科;责任科室:局机关科室、中心、执法支队)\n"
        "(二)围绕民生福祉推进公开\n及时公开应急管理信息。(牵头科室:应急宣传科;责任科室:局机关科室、中心、执法支队)\n"
    )
    assert _units(text) == [
        ("(一)", ["登记注册科"], ["局机关科室", "中心", "执法支队"]),
        ("(二)", ["应急宣传科"], ["局机关科室", "中心", "执法支队"]),
    ]


def test_the_same_field_in_other_wordings() -> None:
    # Divisions (处室) instead of sections, a numbered item with its title in the line, two kinds after the qualifier.
    text = (
        "1.推进决策公开。做好重大决策信息公开。(牵头处室:法规处;配合处室:机关处室、直属单位、执法总队)\n"
        "2.推进执行公开。做好财政信息公开。(牵头处室:财务处;配合处室:局机关处室、检测中心)\n"
    )
    assert _units(text) == [
        ("1", ["法规处"], ["机关处室", "直属单位", "执法总队"]),
        ("2", ["财务处"], ["局机关处室", "检测中心"]),
    ]


def test_every_unit_under_the_lead_label_leads() -> None:
    text = (
        "二、主要任务\n(一)坚持政治为先\n1.持续强化思想理论武装。深入学习。(牵头单位:党建科、组织人事科;责任单位:局属各单位)\n"
        "2.建设模范机关。深入推进。(牵头单位:办公室;责任单位:局属各单位)\n"
    )
    assert _units(text) == [
        ("1", ["党建科", "组织人事科"], ["局属各单位"]),
        ("2", ["办公室"], ["局属各单位"]),
    ]


def test_unnumbered_paragraphs_each_closed_by_a_lead_division() -> None:
    text = (
        "一、全面推进公开\n(一)推进决策公开\n严格落实决策程序规定,建立目录清单制度。(牵头部门:综合规划处)\n"
        "做好规范性文件公开工作。(牵头部门:法规处)\n"
    )
    assert _units(text) == [("(一)-1", ["综合规划处"], []), ("(一)-2", ["法规处"], [])]


def test_near_cases_keep_their_reading() -> None:
    # Qualified bodies of one level stay three units; one `各` over levels (round 140) and one suffix written once
    # (round 143) still join.
    text = (
        "1.推进项目建设。(牵头单位:区发改局;责任单位:区发改局、区财政局、区住建局)\n"
        "2.推进基层治理。(牵头单位:区民政局;责任单位:各乡镇、街道)\n"
        "3.推进交通建设。(海东市、兰州市、临夏州发展改革部门负责)\n"
    )
    assert _units(text) == [
        ("1", ["区发改局"], ["区财政局", "区住建局"]),
        ("2", ["区民政局"], ["各乡镇、街道"]),
        ("3", ["海东市、兰州市、临夏州发展改革部门"], []),
    ]
