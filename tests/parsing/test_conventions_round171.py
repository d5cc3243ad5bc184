"""Round 171's conventions for plans and agreements: a section's unnumbered duty lines under its lead-in
(`具体职责如下:` over `政治处:负责…`) are each a clause, the office before the colon leading (round 174's plan);
a 责任书 whose preamble signs the book itself (`镇政府与各村(社区)签定本责任书`) is held by that party; its
penalty term (`四、严格责任追究,…的,对村主要责任人进行诫勉谈话`) names no target. Written from the conventions,
with near cases that must read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.criterion_items import sanction_only


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2020, assume_year=2026)


def _read(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units) for t in _parse(text).tasks]


def test_duty_lines_under_a_sections_lead_in_are_clauses() -> None:
    text = (
        "某某县市场监管局食品安全专项整治方案\n"
        "一、工作目标\n"
        "全面排查辖区食品经营主体,消除一批风险隐患。\n"
        "二、组织领导和职责分工\n"
        "局成立专项整治领导小组,由局长任组长,各科室负责人为成员。\n"
        "各科室职责分工如下:\n"
        "办公室:负责专项整治的宣传报道和信息报送。\n"
        "食品科:负责制定检查清单,组织开展日常检查。\n"
        "执法大队:负责查处违法案件,依法从严处罚。\n"
    )
    assert _read(text) == [
        ("二-1", ["办公室"], []),
        ("二-2", ["食品科"], []),
        ("二-3", ["执法大队"], []),
    ]


def test_duty_lines_run_together_by_a_copy() -> None:
    text = (
        "某某区应急管理局防汛工作方案\n"
        "一、工作任务。全面排查辖区防汛隐患。\n"
        "二、职责分工。局成立防汛工作专班,统筹推进。各股室分工如下:综合股:负责信息汇总和值班值守。"
        "救援股:负责抢险队伍调度和物资保障。执法大队:负责督促企业落实防汛措施。\n"
    )
    assert _read(text) == [
        ("二-1", ["综合股"], []),
        ("二-2", ["救援股"], []),
        ("二-3", ["执法大队"], []),
    ]


def test_one_duty_line_is_no_list() -> None:
    text = (
        "某某县市场监管局食品安全专项整治方案\n"
        "一、加强组织领导。局成立专项整治领导小组,统筹推进整治工作。\n"
        "二、明确职责分工。具体要求如下:\n"
        "执法大队:负责查处违法案件,依法从严处罚。\n"
        "三、强化督查考核。局办公室要定期通报整治进展。\n"
    )
    labels = [t.label for t in _parse(text).tasks]
    assert "二-1" not in labels


def test_a_book_signed_as_such_is_held_by_its_party() -> None:
    text = (
        "某某镇2021年防汛工作目标责任书\n"
        "为做好全镇防汛工作,镇政府与各村签订本责任书。具体要求如下:\n"
        "一、要落实防汛责任,村党支部书记是第一责任人,包村干部为直接责任人,建立村级防汛责任制。\n"
        "二、要组织开展汛前隐患排查,及时整改到位。\n"
        "三、严格责任追究,因工作不力发生人员伤亡的,对村主要负责人给予党纪政纪处分。\n"
        "本责任书一式两份,自签订之日起生效。\n"
        "某某镇人民政府(签章)\n"
    )
    assert _read(text) == [("一", ["各村"], []), ("二", ["各村"], [])]
    assert [t.leaders for t in _parse(text).tasks] == [["村党支部书记", "包村干部"], []]
    # A copy run into one line keeps the book's closing off the penalty term.
    assert _read(text.replace("\n", "")) == _read(text)


def test_sanction_terms() -> None:
    assert sanction_only("严格责任追究,发现焚烧秸秆的,对村主要责任人进行诫勉谈话。")
    assert sanction_only("强化责任追究。对工作不力造成损失的,给予相关责任人通报批评;情节严重的,追究有关人员责任。")
    # A body named to impose the sanction (round 108), or a duty beside it, keeps the item a clause.
    assert not sanction_only("严格责任追究,对工作不力的,县纪委监委将严肃追责问责。")
    assert not sanction_only("严格责任追究,各村要建立责任追究制度,对工作不力的严肃问责。")
    assert not sanction_only("对发现焚烧秸秆的,对村主要责任人进行诫勉谈话。")  # no accountability heading


def test_villages_answerable_with_no_charge_and_the_teams_they_set_up() -> None:
    text = (
        "某某镇2023年森林防火工作措施\n"
        "一、压实防火责任。各行政村是本村森林防火工作的责任主体,对辖区防火工作负总责。镇政府将定期开展督查,"
        "对工作不力的进行通报。\n"
        "二、强化宣传发动。通过广播、标语、微信群等形式,广泛宣传森林防火知识。\n"
        "三、加强野外巡护。各村组建的巡护队要加强重点时段、重点区域巡查,发现火情立即报告。\n"
    )
    assert _read(text) == [
        ("一", ["各行政村"], ["镇政府"]),
        ("二", [], []),
        ("三", ["巡护队"], []),
    ]


def test_near_cases_of_answerable_villages_and_set_up_teams() -> None:
    text = (
        "某某镇2023年森林防火工作措施\n"
        "一、明确责任主体。层层签订责任书,确保责任落实到人。\n"
        "二、组建巡护队伍。各村要成立巡护队,巡护队员要熟悉辖区地形。\n"
        "三、镇林业站要加强技术指导,定期开展检查。\n"
    )
    read = _read(text)
    assert ("三", ["镇林业站"], []) in read
    assert all("巡护队" not in lead for _, lead, _ in read)
    assert all("各村" not in lead for label, lead, _ in read if label == "一")
