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
