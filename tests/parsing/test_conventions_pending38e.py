"""Conventions taught so that documents waiting in tests/parsing/corpus_pending read right in every layout (session 38,
pass E): how a copy that lost its line breaks still shows a report's or a breakdown's structure.

Written from the convention, not copied from the documents that showed it:

- a meeting report's `会议要求,` may state the demands' aim in one sentence before its inline `一是` points
  (`minute_lead_ins`); run onto one line, the lead-in opens its paragraph after the account's full stop, the points
  running on in it (`one_line_minutes`). Near cases: a `一是` inside the aim's sentence, a lead-in with one point;
- a news report's leader, introduced by post, demanding by name in unnumbered paragraphs (`speaker_demands`): run onto
  one line, each speech opens at the name after a full stop. Near cases: a name no post introduced, speeches holding
  one demand in all;
- a breakdown's title (`…任务分解`, `…清单`, `…要点`) run into its salutation ends at its kind word, the `各…:` after it
  the offices addressed; the annex list (`附件:…`) after the last item's full stop or a space opens its own line.
  Near cases: a `各…:` after other words, an annex named inside a sentence (`见附件:`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.one_line_closings import closing_cuts
from policy_tasks.parsing.one_line_minutes import minute_cuts

_ACCOUNT = "3月2日,某县召开春季森林防火工作推进会议。县应急管理局通报了全县森林防火工作情况,各乡镇作交流发言。"
_LEAD_IN = "会议要求,要坚持预防为主,压紧压实防火责任,切实守住不发生重大森林火灾的底线。"
_POINTS = (
    "一是加强火源管控。各乡镇要在进山路口设置检查卡点,严查违规野外用火行为。"
    "二是强化值班值守。要严格执行领导带班和二十四小时值班制度。"
    "三是做好扑救准备。县林业局要组织专业扑火队伍开展实战演练,确保拉得出、打得赢。"
)


def _tasks(text: str) -> list[dict]:
    return parse_bytes(text.encode(), filename="报道.txt", assume_year=2026).to_dict()["tasks"]


def test_a_meeting_report_whose_lead_in_states_an_aim_reads_its_points_run_onto_one_line():
    for joiner in ("", " "):
        text = joiner.join([_ACCOUNT, _LEAD_IN, _POINTS])
        assert minute_cuts(text) == [text.index("会议要求")]
        tasks = _tasks(text)
        assert [task["label"] for task in tasks] == ["一是", "二是", "三是"]
        assert tasks[0]["lead_units"] == ["各乡镇"]
        assert tasks[2]["lead_units"] == ["县林业局"]


def test_a_point_inside_the_aim_sentence_or_a_single_point_is_no_lead_in():
    inside = _ACCOUNT + "会议要求,要抓好两项工作,一是排查隐患,二是落实责任。一是加强火源管控。各乡镇要严查违规用火。"
    assert minute_cuts(inside) == []
    single = _ACCOUNT + _LEAD_IN + "一是加强火源管控。各乡镇要严查违规用火。"
    assert minute_cuts(single) == []


_NEWS = (
    "某县部署秋冬季大气污染防治工作",
    "本报讯 11月5日,某县召开秋冬季大气污染防治工作部署会。副县长、县生态环境委员会主任王建平出席会议。",
    "会上,县生态环境局通报了全县空气质量情况。",
    "王建平指出,当前全县大气污染防治形势依然严峻。各乡镇要提高认识,把大气污染防治摆上重要位置。",
    "王建平强调,各乡镇要压实责任,落实网格化监管制度。严格落实扬尘管控各项措施。"
    "要强化督查,推动问题整改到位。对发现的问题建立台账、限期销号。",
)


def test_a_leader_demanding_by_name_reads_his_demands_run_onto_one_line():
    for joiner in ("", " "):
        text = joiner.join(_NEWS)
        cuts = minute_cuts(text)
        assert [text[at : at + 5] for at in cuts] == ["王建平指出", "王建平强调"]
        tasks = _tasks(text)
        assert [task["text"][:8] for task in tasks] == ["各乡镇要提高认识", "各乡镇要压实责任", "要强化督查,推动"]


def test_a_name_no_post_introduced_or_a_single_demand_is_no_speech():
    unintroduced = "".join(_NEWS).replace("副县长、县生态环境委员会主任王建平出席会议。", "相关部门负责同志参加会议。")
    assert minute_cuts(unintroduced) == []
    one_demand = "".join(_NEWS[:3]) + "王建平指出,当前形势依然严峻。各乡镇要提高认识,抓好落实。"
    assert minute_cuts(one_demand) == []


_BREAKDOWN = (
    "2024年度某市节水工作任务分解各县、区水行政主管部门:根据全省工作安排,现将任务分解如下:"
    "一、推进节水型单位建设。各县、区2024年底前建成节水型单位不少于5个。"
    "二、开展节水宣传。各县、区要组织开展节水宣传进机关活动。"
    "以上两项工作纳入年度考核。 附件:附件1.docx 附件2.docx"
)


def test_a_breakdown_title_run_into_its_salutation_and_its_annex_list_are_cut():
    body = _BREAKDOWN.index("一、")
    salutation = _BREAKDOWN.index("各县、区水行政")
    assert closing_cuts(_BREAKDOWN, body) == [salutation, _BREAKDOWN.index("根据"), _BREAKDOWN.index("附件:")]
    for joiner in ("", " "):
        tasks = _tasks(_BREAKDOWN.replace(" ", joiner))
        assert [task["label"] for task in tasks] == ["一", "二"]
        assert [task["lead_units"] for task in tasks] == [["各县、区"], ["各县、区"]]


def test_a_salutation_after_other_words_or_an_annex_inside_a_sentence_is_not_cut():
    text = "某市节水工作的通报现将各县、区情况通报如下:一、推进节水型单位建设,具体见附件:各县名单。二、开展宣传。"
    assert closing_cuts(text, text.index("一、")) == []
