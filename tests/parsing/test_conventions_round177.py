"""Rounds 177/178 (session 39): a duty every few days (`不少于每15天一次`, a week or more) recurs daily with its interval (round 74's
reading); a river chief system's posts written `各级河长`, `各村级河长`, `镇村级河长` (levels run together) or charged beside
a body (`各村委会、镇村级河长要…`) are leaders; the year's funds secured (`落实本年度…经费`) date nothing. Written in
wordings the round's documents do not use, with near cases that stay as they were."""

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.chief_posts import chief_leaders
from policy_tasks.parsing.milestones import find_milestones


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2022, assume_year=2026)


def _dates(text: str) -> list[str]:
    found = find_milestones(text, year=2022, default_due=date(2022, 12, 31), warn=lambda *_: None)
    return [m.due_date.isoformat() if m.due_date else "" for m in found]


def _recurrences(text: str) -> list[str]:
    found = find_milestones(text, year=2022, default_due=date(2022, 12, 31), warn=lambda *_: None)
    return [m.recurrence or "" for m in found]


NOTICE = (
    "某镇关于加强山塘巡查工作的通知\n"
    "各村委会、村级河长:\n"
    "一、落实巡查责任\n"
    "各级河长要在汛期对辖区内山塘开展巡查,每10天至少巡查一次。\n"
    "二、加强信息报送\n"
    "各村委会、村级河长要及时报送巡查情况。\n"
    "某镇人民政府\n"
    "2022年6月1日\n"
)


def test_a_duty_every_few_days_recurs_daily() -> None:
    assert _recurrences("汛期内各村每10天至少巡查一次。") == ["daily"]
    assert _recurrences("每七天向镇政府报送一次排查情况。") == ["daily"]
    assert _recurrences("巡查频次不少于每7天1次。") == ["daily"]
    # Near cases: a rate, a daily count, a span with no routine's `一次`, a relative deadline.
    assert _recurrences("每15天发放补助500元。") == []
    assert _recurrences("每三天向镇政府报送一次排查情况。") == []  # shorter than a week: left unread (issue 12)
    assert _recurrences("每天巡查不少于3次。") == []
    assert _recurrences("每10天为一个周期开展评比。") == []
    assert "daily" not in _recurrences("请于10天内完成整改。")


def test_chiefs_by_level_run_together_or_beside_a_body() -> None:
    assert chief_leaders("各级河长要加强巡查。") == ["各级河长"]
    assert chief_leaders("请各乡村级河长于6月10日前完成巡查。") == ["各乡村级河长"]
    assert chief_leaders("各村委会、村级河长要及时报送巡查情况。") == ["村级河长"]
    # Near cases: a post with no level, a chief that only receives, a chief after `、` with no charge of its own.
    assert chief_leaders("河长要加强巡查。") == []
    assert chief_leaders("巡查情况报送镇级河长。") == []
    assert chief_leaders("会议通报了各村委会、村级河长的履职情况。") == []


def test_notice_to_committees_and_chiefs() -> None:
    tasks = _parse(NOTICE).tasks
    assert [t.label for t in tasks] == ["一", "二"]
    assert tasks[0].leaders == ["各级河长"]
    assert [m.recurrence for m in tasks[0].milestones] == ["daily"]
    assert tasks[1].leaders == ["村级河长"]
    assert tasks[1].lead_units == ["各村委会"]  # the body beside the chiefs leads


def test_the_years_funds_date_nothing() -> None:
    assert _dates("二是要抓好示范点建设,落实本年度示范点创建经费。") == []
    assert _dates("要统筹安排2022年度农村公路养护资金。") == []
    # Near cases: a point in the year, funds due by a day the item states.
    assert _dates("要在本年度内落实示范点创建经费。") == ["2022-12-31"]
    assert _dates("2022年底前落实配套资金。") == ["2022-12-31"]
    assert _dates("于6月底前落实本年度示范点创建经费。") == ["2022-06-30"]


FLOOD_NOTICE = (
    "某镇关于做好防汛工作的通知\n"
    "各村委会、有关单位:\n"
    "一、健全防汛组织。镇政府成立9人抗旱防汛指挥部。指挥长:李某某;副指挥长:王某某;成员:张某、赵某。"
    "各村委会要成立防汛小组。\n"
    "二、落实工程责任。各山塘分级负责,大坑山塘、小坑山塘,安全责任人陈某某;石门山塘,安全责任人刘某某、黄某某;"
    "其余山塘由各所在村的村委会书记担任安全责任人。\n"
    "三、储备防汛物资。现将今年防汛器材、物资任务分解下达到各村(详见附表)。\n"
    "四、加强值班。各单位要落实汛期值班制度。\n"
)


def test_flood_notice_roster_holders_and_quotas() -> None:
    tasks = _parse(FLOOD_NOTICE).tasks
    assert [t.label for t in tasks] == ["一", "二", "三", "四"]
    assert (tasks[0].lead_units, tasks[0].co_units) == (["镇政府"], ["抗旱防汛指挥部", "各村委会"])
    assert tasks[0].leaders == ["李某某", "王某某"]
    assert tasks[1].lead_units == ["各所在村的村委会"]
    assert tasks[1].leaders == ["陈某某", "刘某某", "黄某某", "各所在村的村委会书记"]
    assert tasks[2].lead_units == ["各村"]
    # Near case: the bare `各单位` names no one.
    assert (tasks[3].lead_units, tasks[3].co_units, tasks[3].leaders) == ([], [], [])


def test_roster_holders_and_quotas_near_cases() -> None:
    from policy_tasks.parsing.handed_quotas import quota_charge
    from policy_tasks.parsing.headed_groups import roster_charge
    from policy_tasks.parsing.work_holders import holder_charge

    # A group set up by no named body, members only: no roster charge.
    assert roster_charge("成立防汛领导组。组长:张三,副组长:李四,成员:王五。") is None
    assert roster_charge("镇政府成立防汛指挥部。成员:张某、赵某。") is None
    # One named person alone is a field label; a role with no name after it names no one.
    assert holder_charge("行政责任人张某某。") is None
    assert holder_charge("各山塘要明确行政责任人;落实安全责任人。") is None
    # Quotas handed to the issuer by the level above, or already handed down, charge no one.
    assert quota_charge("各单位要按镇下达指标,抓紧落实。") is None
    assert quota_charge("上级下达的任务已下达各村。") is None
    assert quota_charge("现将任务下达各单位。") is None


def test_roster_and_holders_with_their_posts() -> None:
    from policy_tasks.parsing.headed_groups import roster_charge
    from policy_tasks.parsing.work_holders import holder_charge

    roster = roster_charge(
        "镇政府成立13人防汛指挥所。所长:江海彬(副镇长);副所长:副镇长江锐锋、陈伟生 副镇长;成员:张三。"
    )
    assert roster is not None and roster.leaders == ["江海彬(副镇长)", "副镇长江锐锋", "陈伟生 副镇长"]
    held = holder_charge(
        "甲水库,行政责任人,副镇长杨松辉;乙水库,行政责任人谢奕武、谢创鹏(副镇长);丙闸,行政责任人林锦水 副镇长。"
    )
    assert held is not None and held.leaders == ["副镇长杨松辉", "谢奕武", "谢创鹏(副镇长)", "林锦水 副镇长"]
