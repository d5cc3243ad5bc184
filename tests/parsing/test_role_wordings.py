"""How offices word who leads and who helps, beyond `A牵头,B配合` and `牵头单位:A`.

Each wording below was found missing by trying the common variants of the genre on invented
documents (2026-12-05): the verb after the role (`牵头抓总`, `负总责`, `具体负责`, `协同推进`), a
plain charge followed by helpers after the item's title (`A负责落实,B配合`), the role noun first
(`责任单位为A`), labels set off by a bracket or a space instead of a colon (`【牵头单位】A`,
`牵头单位 A`), bare role labels (`(牵头:A;配合:B)`) and parts joined by `、` (`A牵头、B配合`).
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_document


def _first(assignment: str) -> tuple[list[str], list[str], int]:
    doc = (
        "某县2026年城乡建设工作实施方案\n"
        f"一、加快城乡道路建设。完成县道改造30公里。{assignment}\n"
        "二、提升公共服务水平。新建社区服务中心2个。(县民政局牵头,县财政局配合)\n"
    )
    parsed = parse_document(doc, assume_year=2026)
    task = parsed.tasks[0]
    return task.lead_units, task.co_units, len(parsed.tasks)


@pytest.mark.parametrize(
    "assignment",
    [
        "县交通局牵头抓总,县财政局配合。",
        "(县交通局牵头抓总,县财政局配合)",
        "县交通局牵头推进,县财政局配合。",
        "(县交通局牵头抓落实,县财政局协同配合)",
        "县交通局负总责,县财政局配合。",
        "(县交通局主抓,县财政局协同)",
        "县交通局具体负责,县财政局配合。",
        "县交通局负责落实,县财政局配合。",
        "县交通局负责推进,县财政局协同推进。",
        "(县交通局负责统筹,县财政局按职责配合)",
        "(县交通局牵头,县财政局按照各自职责分工协助)",
        "主要由县交通局负责,县财政局配合。",
        "(此项工作由县交通局负责,县财政局参与)",
    ],
)
def test_the_verb_after_a_role_keeps_its_role(assignment: str) -> None:
    assert _first(assignment) == (["县交通局"], ["县财政局"], 2)


def test_a_charge_opening_an_item_still_makes_each_sentence_its_own_clause() -> None:
    doc = (
        "某市2026年菜篮子工程实施方案\n"
        "(一)由市商务局负责,市农业局配合,组织实施蔬菜市场准入制度。由市商务局负责,组织基地技术培训。\n"
        "(二)由市农业局负责,做好蔬菜基地建设。\n"
    )
    tasks = parse_document(doc, assume_year=2026).tasks
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
        ("(一)-1", ["市商务局"], ["市农业局"]),
        ("(一)-2", ["市商务局"], []),
        ("(二)", ["市农业局"], []),
    ]


def test_the_units_carrying_it_out_help_after_a_lead_in_prose() -> None:
    assert _first("由县交通局牵头,各乡镇具体实施。") == (["县交通局"], ["各乡镇"], 2)


@pytest.mark.parametrize(
    "assignment",
    [
        "责任单位为县交通局、县财政局。",
        "(责任单位为县交通局、县财政局)",
        "(县交通局为责任单位,县财政局为配合单位)",
        "牵头单位是县交通局,配合单位是县财政局。",
    ],
)
def test_a_role_noun_names_the_role_either_way_round(assignment: str) -> None:
    assert _first(assignment) == (["县交通局"], ["县财政局"], 2)


@pytest.mark.parametrize(
    "assignment",
    [
        "\n【牵头单位】县交通局\n【配合单位】县财政局",
        "\n[牵头单位]县交通局 [配合单位]县财政局",
        "\n牵头单位 县交通局\n配合单位 县财政局",
        "\n牵头单位\u3000县交通局\n配合单位\u3000县财政局",
        "(牵头:县交通局;配合:县财政局)",
        "\n牵头:县交通局\n配合:县财政局",
        "\n责任单位:县交通局牵头、县财政局配合",
    ],
)
def test_a_label_without_its_colon_is_still_a_field(assignment: str) -> None:
    assert _first(assignment) == (["县交通局"], ["县财政局"], 2)


def test_a_header_row_of_labels_is_no_field() -> None:
    doc = (
        "某县2026年重点任务清单\n"
        "序号 重点任务 牵头单位 配合单位 完成时限\n"
        "1 县道改造30公里 县交通局 县财政局 2026年10月底前\n"
        "2 新建社区服务中心2个 县民政局 县住建局 2026年12月底前\n"
    )
    tasks = parse_document(doc, assume_year=2026).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [(["县交通局"], ["县财政局"]), (["县民政局"], ["县住建局"])]


def test_a_label_word_in_prose_stays_prose() -> None:
    doc = (
        "某县2026年城乡建设工作实施方案\n"
        "一、加快城乡道路建设。各牵头单位要加强调度,配合单位要主动对接。(县交通局牵头,县财政局配合)\n"
        "二、提升公共服务水平。(县民政局牵头)\n"
    )
    tasks = parse_document(doc, assume_year=2026).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [(["县交通局"], ["县财政局"]), (["县民政局"], [])]


@pytest.mark.parametrize("tail", ["等10个部门", "等三个单位", "等有关职能部门", "等成员单位"])
def test_how_many_or_what_kind_after_etc_is_no_name(tail: str) -> None:
    assert _first(f"(县交通局、县财政局{tail})") == (["县交通局"], ["县财政局"], 2)


def test_an_item_opening_with_a_unit_and_a_colon_is_that_units() -> None:
    doc = (
        "某县2026年安全生产工作职责分工\n"
        "1.县应急管理局:统筹全县安全生产综合监管,6月底前完成隐患排查。\n"
        "2.县交通运输局、县公安局交警大队:负责道路交通安全。\n"
        "3.工作要求:各单位要按时报送进展情况。\n"
    )
    tasks = parse_document(doc, assume_year=2026).tasks
    assert [(t.label, t.lead_units, t.co_units) for t in tasks][:2] == [
        ("1", ["县应急管理局"], []),
        ("2", ["县交通运输局"], ["县公安局交警大队"]),
    ]
    assert all(t.lead_units == [] for t in tasks[2:])


@pytest.mark.parametrize(
    ("assignment", "leaders"),
    [
        ("(县交通局牵头,副县长李华督办)", ["副县长李华"]),
        ("(县领导:张三;牵头单位:县交通局)", ["张三"]),
        ("\n县级领导:张三\n牵头单位:县交通局", ["张三"]),
        ("\n包联领导:张三\n责任单位:县交通局", ["张三"]),
        ("\n挂点领导:张三\n责任单位:县交通局", ["张三"]),
    ],
)
def test_a_leader_by_any_of_the_genres_titles_is_a_leader(assignment: str, leaders: list[str]) -> None:
    doc = (
        "某县2026年城乡建设工作实施方案\n"
        f"一、加快城乡道路建设。完成县道改造30公里。{assignment}\n"
        "二、提升公共服务水平。(县民政局牵头)\n"
    )
    task = parse_document(doc, assume_year=2026).tasks[0]
    assert (task.lead_units, task.co_units, task.leaders) == (["县交通局"], [], leaders)


def test_organising_leadership_is_no_leader_field() -> None:
    doc = (
        "某县2026年城乡建设工作实施方案\n"
        "一、加快城乡道路建设。(县交通局牵头)\n"
        "二、提升公共服务水平。(县民政局牵头)\n"
        "三、保障措施\n"
        "加强组织领导:成立工作专班,定期调度。\n"
    )
    assert all(t.leaders == [] for t in parse_document(doc, assume_year=2026).tasks)
