"""Round 185's conventions: a township plan's 责任体系 lines (one body's head made first responsible and the posts by
their part, all leaders, the body leading; `各村(社区)为责任主体`; the town's `派出所要…`) and a discipline body holding
cases to account with no `要` (`乡纪委对…进行约谈问责`). Written from the conventions, with near cases."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.answerable_posts import answerable_posts
from policy_tasks.parsing.textutil import normalise


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=None, assume_year=2026)


def _plan(lines: str) -> str:
    return "某镇秸秆禁烧工作方案\n为做好禁烧工作,制定本方案。\n一、责任体系\n" + lines


def test_one_body_head_and_posts_by_part() -> None:
    text = _plan(
        "1.镇政府主要负责人为第一责任人,包片领导为主要责任人,驻村干部具体实施,加强巡查,发现及时制止。\n"
        "2.各村(社区)为责任主体,村支部书记为第一责任人,各村(社区)要组建巡查队伍。\n"
        "3.派出所要对焚烧行为依法查处。\n"
    )
    tasks = _parse(text).tasks
    assert [(t.lead_units, t.leaders) for t in tasks] == [
        (["镇政府"], ["镇政府主要负责人", "包片领导", "驻村干部"]),
        (["各村(社区)"], ["村支部书记"]),
        (["派出所"], []),
    ]


def test_parts_without_a_post_name_no_leader() -> None:
    # A part with no person's word, and a post after a sentence's end, are no answerable posts of the line.
    for line in (
        "镇政府主要负责人为第一责任人,积极开展宣传,包片领导为主要责任人。",
        "镇政府主要负责人为第一责任人。包片领导具体实施。",
    ):
        norm = normalise(line)
        assert answerable_posts(line, norm, norm.index("第一责任人")) == []


def test_discipline_body_holding_to_account() -> None:
    text = (
        "某乡大气污染防治方案\n为改善空气质量,制定本方案。\n二、明确责任\n"
        "1、乡纪委对工作不力的部门和村有关责任人进行约谈问责。\n"
        "2、对工作不力的,移交乡纪委约谈问责。\n"
        "3、乡纪委对此项工作的意义作出说明。\n"
    )
    tasks = _parse(text).tasks
    assert [t.lead_units for t in tasks] == [["乡纪委"], [], []]


def test_station_not_a_unit_inside_a_name_or_as_object() -> None:
    text = _plan("1.发现违法的要及时移交公安派出所处理。\n2.派出所辖区内的村要加强巡查。\n")
    tasks = _parse(text).tasks
    assert [t.lead_units for t in tasks] == [[], []]


RUN_ON = (
    "1大气污染防治方案按照区委要求,结合我乡实际,制定本方案。一、工作目标以改善大气环境质量为重心,提高空气质量。"
    "二、明确责任、履行“党政同责,一岗双责〞21、乡党委,政府每月至少召开一次专题会议,研究部署防治工作。"
    "2、党委、政府主要负责人每月至少两次到现场督查生态环境保护工作。3、对上级交办的问题要明确专人负责。\n"
)


def test_page_digit_before_glued_first_item_and_leadership_subjects() -> None:
    tasks = _parse(RUN_ON).tasks
    assert [(t.label, t.lead_units, t.leaders) for t in tasks] == [
        ("1", ["乡党委,政府"], []),
        ("2", ["党委、政府"], ["党委、政府主要负责人"]),
        ("3", [], []),
    ]
    assert [[m.recurrence for m in t.milestones] for t in tasks[:2]] == [["monthly"], ["monthly"]]


def test_glued_twenty_one_continuing_a_list_is_not_a_page_digit() -> None:
    # Only a glued 1 the list goes on from to 2 is read after a page's digit; no 2 follows here.
    text = "某乡方案\n二、明确责任、细化分工21、乡党委,政府加强领导。22、乡纪委对工作不力的进行约谈问责。\n"
    labels = [t.label for t in _parse(text).tasks]
    assert "1" not in labels


def test_leadership_near_cases() -> None:
    text = _plan(
        "1.各乡镇党委、政府要加强领导,压实责任。\n"
        "2.有关情况及时向乡党委、政府报告。\n"
        "3.每人每月补助100元,由村委会发放。\n"
    )
    tasks = _parse(text).tasks
    assert [t.leaders for t in tasks] == [[], [], []]
    assert tasks[1].lead_units == []
    assert [m.recurrence for m in tasks[2].milestones] == []


def test_page_digit_opening_a_reflowed_line() -> None:
    head = "某乡方案\n为做好工作,制定本方案。二、明确责任、履行“党政同责,一岗双责〞\n"
    tasks = _parse(head + "21、乡党委,政府每月召开一次专题会议。2、乡纪委对工作不力的进行约谈问责。\n").tasks
    assert [(t.label, t.lead_units) for t in tasks] == [("1", ["乡党委,政府"]), ("2", ["乡纪委"])]
    # A list really at 21 goes on to 22: no page digit.
    tasks = _parse(head + "21、乡党委,政府每月召开一次专题会议。22、乡纪委对工作不力的进行约谈问责。\n").tasks
    assert "1" not in [t.label for t in tasks]


def test_number_after_a_field_line_keeps_its_value() -> None:
    # `配合单位:县水利局` above `11. …。…2.…`: the list's item 11, no page digit (its line names its own points).
    from policy_tasks.parsing.page_marks import rejoin_page_marks

    lines = [("配合单位:县水利局", True), ("11. 推进管护常态化。1.加大保洁力度。 2.经费专用。", True)]
    assert rejoin_page_marks(lines)[1][0].startswith("11.")
    lines = [("二、明确责任、一岗双责〞", True), ("21、乡党委,政府每月召开会议。2、乡纪委约谈问责。", True)]
    assert rejoin_page_marks(lines)[1][0].startswith("1、")
