"""Round 156's conventions: a news report's leader demanding by name alone over inline points numbered `一要`
(`乔新光强调,一要…。二要…`), introduced earlier by his post, and the report's closing paragraph (`会上,…进行了安排部署。`,
the writer's credit after it). Written from the conventions, with near cases that must read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.named_speakers import named_head_end
from policy_tasks.parsing.report_closings import reported_closing


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2022, assume_year=2026)


REPORT = (
    "我县召开安全生产工作会议\n"
    "5月7日下午,我县召开安全生产工作会议。副县长王某某出席会议并讲话。县应急局等单位负责同志参加会议。\n"
    "\n"
    "王某某强调,一要高度重视。要迅速安排部署。二要全面排查。于5月10日前完成排查。三要彻底整治。要消除隐患。\n"
    "\n"
    "会上,县应急局局长李某就排查工作进行了安排部署。(政府办综合科)\n"
)


def test_named_leader_heads_inline_points() -> None:
    tasks = _parse(REPORT).tasks
    assert [t.label for t in tasks] == ["一", "二", "三"]
    assert all((t.lead_units, t.co_units) == ([], []) for t in tasks)
    assert [str(m.due_date) for m in tasks[1].milestones] == ["2022-05-10"]
    assert "会上" not in tasks[2].text


def test_named_leader_near_cases() -> None:
    earlier = "副县长王某某出席会议并讲话。"
    assert named_head_end("王某某强调,一要高度重视。", earlier) is not None
    # A name no post introduced, and a plan's own `工作要求:` (no speaker), are no head.
    assert named_head_end("张某某强调,一要高度重视。", earlier) is None
    assert named_head_end("工作要求:一是高度重视。", earlier) is None


def test_report_closing_near_cases() -> None:
    assert reported_closing("会上,县住建局局长刘某就排查工作进行了安排部署。(政府办综合三科)")
    assert reported_closing("会上,县住建局局长刘某就排查工作进行了安排部署。")
    # A speaker's head over inline points ends in a colon; a paragraph that demands is no report of work done.
    assert not reported_closing("会上,刘某对下一步工作进行了安排部署:一是…")
    assert not reported_closing("会上,刘某要求各乡镇要进行全面排查。")


WARD = (
    "某街道召开乱占耕地建房清查整治推进会\n"
    "会上,主管领导对核查情况进行了通报,并对专项整治工作再安排再部署。会议要求\n"
    "一要靠实工作责任管理区区长、包村干部要亲自抓,各驻村干部、村干部主动摸、实地核,靠实辖区村干部责任。\n"
    "二要广泛宣传动员各村要持续做好宣传引导工作。\n"
    "三要摸清底数情况,继续开展好摸底排查。\n"
)


def test_stopless_points_and_cadre_posts() -> None:
    tasks = _parse(WARD).tasks
    assert [(t.label, t.lead_units, t.leaders) for t in tasks] == [
        ("一", ["管理区"], ["管理区区长", "包村干部", "各驻村干部", "村干部"]),
        ("二", ["各村"], []),
        ("三", [], []),
    ]


def test_stopless_and_cadre_near_cases() -> None:
    from policy_tasks.parsing.cadre_posts import cadre_charge, headed_body_charge
    from policy_tasks.parsing.stopless_points import bare_decisions_tail, run_on_subject

    assert bare_decisions_tail("…再安排再部署。会议要求")
    assert not bare_decisions_tail("按照会议要求")
    assert run_on_subject("要广泛宣传动员各村要持续做好") == 7
    assert run_on_subject("要加强各村联系,做好宣传") is None
    # Cadres charged by post are leaders; only a ward's head names a body that leads.
    found = cadre_charge("三是网格管理,责任到人。执法中队与全体驻片干部下沉到村")
    assert (
        found is not None and found.leaders == ["全体驻片干部"] and headed_body_charge("村社干部切实做好维稳") is None
    )
    assert cadre_charge("靠实辖区村干部责任") is None
    assert cadre_charge("加强与村干部的联系") is None


def test_a_town_ward_group_is_one_addressee() -> None:
    text = (
        "某镇召开推进会\n会议要求,一是高度重视,强化意识;二是明确责任,各管区要及时召开会议;三是强化落实,依法依规开展。\n"
    )
    assert [t.lead_units for t in _parse(text).tasks] == [[], ["各管区"], []]
