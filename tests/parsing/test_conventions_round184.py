"""Round 184's flood-season meeting conventions (fixer g184): a counted point's body named right after its `是` with
no `要`, a standby team's state in a later part, the leaders given villages to look after and a facility's keeper
charged by post. Written from the conventions in wordings the round's documents do not use, with near cases that must
read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.counted_subjects import counted_subject


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2023, assume_year=2026)


_REPORT = """某镇召开防汛工作会议
6月3日,某镇召开防汛工作会议。
会议要求,一是全体包片领导、驻村干部立即下沉到村开展排查;二是防汛专班对集镇排水管网进行清淤;三是派出所对下穿通道设置警示标志;四是各社区(村)做好转移安置准备;五是对敬老院、中小学加强巡查,镇应急分队随时待命;六是加强对塘坝的巡查,塘坝管理员要坚持每日巡查。
"""


def _read(tasks) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, t.lead_units, t.leaders) for t in tasks]


def test_a_counted_points_body_after_its_shi_leads_and_posts_are_leaders() -> None:
    assert _read(_parse(_REPORT).tasks) == [
        ("一是", [], ["全体包片领导", "驻村干部"]),
        ("二是", ["防汛专班"], []),
        ("三是", ["派出所"], []),
        ("四是", ["各社区(村)"], []),
        ("五是", ["镇应急分队"], []),
        ("六是", [], ["塘坝管理员"]),
    ]


def test_a_point_opening_with_its_work_names_no_body() -> None:
    assert counted_subject("一是全面落实防汛责任制", "一是全面落实防汛责任制") == []
    assert counted_subject("三是加强对水库的巡查", "三是加强对水库的巡查") == []
    # The places inspected after `对` are no subject.
    assert counted_subject("二是对福利院、学校加强巡查", "二是对福利院、学校加强巡查") == []
    # A bare `各部门` beside the villages names no one; alone it names nothing.
    assert counted_subject("五是各村各部门做好值守", "五是各村各部门做好值守") == ["各村"]
    assert counted_subject("五是各部门做好值守", "五是各部门做好值守") == []


def test_a_keeper_not_charged_is_no_leader() -> None:
    text = _REPORT.replace("塘坝管理员要坚持每日巡查", "聘请塘坝管理员")
    assert _read(_parse(text).tasks)[5] == ("六是", [], [])


_SPEECH = """某县召开防汛工作调度会
6月1日,某县防汛工作调度会召开,县委副书记、县长、县防汛抗旱指挥部总指挥王明出席并讲话。
王明强调,认识上务必要高度重视。当前,我县已进入主汛期,各乡镇、各部门单位要克服麻痹思想,做实做细各项防范工作。措施上务必要落实到位。气象部门要加强雨情水情监测,及时发布预警;交通部门要加强道路巡查;各乡镇要抓好山塘巡查,做好转移准备。
"""


def test_a_headline_grouping_charged_semicolon_parts_is_no_demand_of_its_own() -> None:
    tasks = _parse(_SPEECH).tasks
    assert [(t.text[:6], t.lead_units) for t in tasks] == [
        ("认识上务必要", ["各乡镇"]),
        ("气象部门要加", ["气象部门"]),
        ("交通部门要加", ["交通部门"]),
        ("各乡镇要抓好", ["各乡镇"]),
    ]


def test_a_headline_followed_by_its_own_elaboration_stays_a_demand() -> None:
    # No `;` parts after it, each charged: the headline opens its own demand.
    text = _SPEECH.replace("及时发布预警;交通部门要加强道路巡查;各乡镇要抓好山塘巡查,做好转移准备。", "及时发布预警。")
    assert [t.text[:6] for t in _parse(text).tasks] == ["认识上务必要", "措施上务必要", "气象部门要加"]


_TARGETS = """某镇召开防汛工作会议
6月2日,某镇召开防汛工作会议。
会议要求,今年防汛工作的总体目标是实现“三个确保”:一是确保人民群众生命安全;二是确保河道不决堤;三是确保学校安全。同时,各成员单位要认真做好堤防检查,供电所、卫生院及各企业要服从防汛指挥部统一安排,确保今年汛期安全度过。
"""


def test_counted_targets_are_no_clauses_and_the_demand_after_them_is() -> None:
    tasks = _parse(_TARGETS).tasks
    assert [(t.lead_units, t.co_units, [m.due_date for m in t.milestones]) for t in tasks] == [
        (["各成员单位"], ["供电所", "卫生院", "各企业"], []),
    ]


def test_counted_points_announced_as_work_stay_the_meetings_decisions() -> None:
    text = _TARGETS.replace("今年防汛工作的总体目标是实现“三个确保”:", "")
    assert len(_parse(text).tasks) >= 3


def test_this_years_end_stays_a_deadline_beside_its_flood_season() -> None:
    text = _TARGETS.replace("确保今年汛期安全度过", "今年底前完成堤防加固")
    assert [str(m.due_date) for m in _parse(text).tasks[0].milestones] == ["2023-12-31"]


def test_a_standby_team_charged_raises_no_unsure_mark() -> None:
    from policy_tasks.parsing.clause_doubts import doubtful

    assert not doubtful("民兵应急队伍")
    assert doubtful("干部队伍建设")


def test_a_stored_pages_tag_closing_the_paragraph_before_the_head_ends_it() -> None:
    text = _REPORT.replace(
        "6月3日,某镇召开防汛工作会议。\n会议要求,", "<h3>6月3日,某镇召开防汛工作会议。</h3><h3>会议要求,"
    )
    assert [t.label for t in _parse(text).tasks] == ["一是", "二是", "三是", "四是", "五是", "六是"]


def test_counted_targets_stay_uncut_in_a_one_line_copy() -> None:
    one_line = " ".join(line for line in _TARGETS.splitlines() if line.strip())
    assert [t.lead_units for t in _parse(one_line).tasks] == [["各成员单位"]]
