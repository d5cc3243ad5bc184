"""Round 152's conventions: a town's flood plan charging the leaders it assigns to each work (包保责任制: `镇包库领导、
所属行政村负责人及相关责任人要…`, `由镇协调X做好…`), and the standby teams a plan calls out by water level
(`…警戒水位时,一线民工抢险队上堤巡逻`). Written from the conventions, with near cases that must read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.assigned_posts import held_post_charge
from policy_tasks.parsing.standby_teams import called_team_charge


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


PLAN = (
    "某镇2021年防汛工作实施方案\n"
    "一、工作措施\n"
    "(一)小型水库防汛。石门水库属于小型水库,镇包库领导、所在行政村负责人及相关责任人要落实防汛责任制,"
    "汛期确定专人看管;其他塘坝镇包坝段领导及相关责任人要做好抢险准备。\n"
    "(二)干渠防汛。由镇协调灌区管理所做好干渠沿线检查维修工作,沿渠有关行政村密切关注隐患及时上报。\n"
)


def test_assigned_posts_are_leaders_and_their_bodies_answer() -> None:
    tasks = _parse(PLAN, year=2021).tasks
    assert [(t.lead_units, t.co_units, t.leaders) for t in tasks] == [
        (["镇"], ["所在行政村"], ["镇包库领导", "所在行政村负责人", "镇包坝段领导"]),
        (["镇"], ["灌区管理所", "沿渠有关行政村"], []),
    ]


def test_assigned_post_near_cases() -> None:
    # A post holding a work alone: the town answers for it.
    found = held_post_charge("镇包村干部要逐户排查危房")
    assert found is not None and found.lead_and_co() == (["镇"], []) and found.leaders == ["镇包村干部"]
    # No 包X post in the run: a head made answerable, another reader's (`notice_issuers`).
    assert held_post_charge("行政村负责人要加强巡查") is None
    # A post not charged (no `要` closing the run) and a town coordinating no body.
    assert held_post_charge("镇包库领导名单附后") is None
    assert held_post_charge("由镇协调解决") is None
    # A county body coordinating: not the town's own level.
    assert held_post_charge("由县协调水利局做好检查") is None


DUTIES = (
    "某镇防汛工作方案\n"
    "三、队伍组织\n"
    "各村成立一、二线民工抢险队。抢险队的责任是:\n"
    "1、预报水情达到警戒水位时,一线民工抢险队上堤巡逻。\n"
    "2、预报水情达到警戒水位以上的,二线民工抢险队上堤待命。\n"
)


def test_standby_teams_called_out_lead_their_duties() -> None:
    tasks = _parse(DUTIES, year=2020).tasks
    assert [(t.lead_units, t.co_units) for t in tasks][-2:] == [(["一线民工抢险队"], []), (["二线民工抢险队"], [])]


def test_standby_team_near_cases() -> None:
    found = called_team_charge("遇大险情时,突击队赶赴现场")
    assert found is not None and found.lead_and_co() == (["突击队"], [])
    # Set up or counted, with no trigger before it; its members; a standing agency.
    assert called_team_charge("各村成立一线民工抢险队") is None
    assert called_team_charge("汛期时,抢险队人员要登记造册") is None
    assert called_team_charge("发生火情时,县消防救援大队赶赴现场") is None


REPORT = (
    "某某镇三举措做好秋冬防火工作\n"
    "发布日期:2021-10-08 信息来源:某县某某镇政府\n"
    "为做好秋冬防火工作,我镇三举措强化防火工作。\n"
    "一是强化领导。我镇成立了以党委书记为组长的防火工作领导小组。\n"
    "二是储备物资。各村按照任务进行筹集,其中各村要于10月30日前将灭火器材缴到镇应急站。\n"
    "三是组织队伍。各村成立扑火队,由镇人武部组织做好民兵应急分队。扑火队的责任是:\n"
    "1、发生火情时,一线扑火突击队赶赴现场。\n"
    "2、火情扩大时,二线扑火突击队上山待命。\n"
)


def test_a_towns_counted_measures_are_clauses_charged_by_their_subjects() -> None:
    tasks = _parse(REPORT).tasks
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
        ("二是", ["各村"], []),
        ("三是", ["各村"], ["镇人武部"]),
        ("1", ["一线扑火突击队"], []),
        ("2", ["二线扑火突击队"], []),
    ]
    assert [str(m.due_date) for m in tasks[0].milestones] == ["2021-10-30"]


def test_measure_report_near_cases() -> None:
    from policy_tasks.parsing.measure_reports import MEASURES, measure_charge, measure_report_kind

    assert measure_report_kind([(1, "某某镇三举措做好秋冬防火工作")]) == {MEASURES}
    assert measure_report_kind([(1, "某某镇多措并举做好防汛工作")]) == {MEASURES}
    # No count, or no township: not this report.
    assert measure_report_kind([(1, "某某镇强化防汛措施")]) == frozenset()
    assert measure_report_kind([(1, "某某县三举措做好防汛工作")]) == frozenset()
    text = "各村民要自觉遵守防火规定。"
    # Villagers name no one; outside such a report the reader is silent.
    assert measure_charge(text, text, frozenset({MEASURES})) is None
    text = "各村要于10月30日前上报。"
    assert measure_charge(text, text, frozenset()) is None


def test_a_places_bracket_before_its_colon_heads_its_problems() -> None:
    from policy_tasks.parsing.units import peek_responsibility

    # A 督查通报's point: the place's short name and its bracket of units in words before the colon.
    found = peek_responsibility("人民医院(县人民医院牵头,县卫健委配合):前期通报该片区存在问题已整改到位。")
    assert found.lead_and_co() == (["县人民医院"], ["县卫健委"])
    assert peek_responsibility("联盛快乐城(县商务局 负责):前期通报该点位存在问题。").lead_and_co() == (["县商务局"], [])
    # Deep in a sentence, the same bracket before a colon is an aside.
    assert not peek_responsibility("会议强调,某项工作由某某(县商务局负责):前期通报").found
