"""Session 39's probes of two layouts (fixer fix2): a portal's page around an unnumbered meeting report, and a copy
whose lines were broken at a width, so that an account's paragraph ending at a full line ran on into the next.

- A portal's head (`首页 > …`, a font switch with `打印本页`) is no tail: a tail follows the article's text, and a
  day's deadline (`每月25日前`) is a plan's line as `完成` and `月底` are (`page_tail`).
- A body's own arrangement (`会上,我委对…力争于6月30日前完成…`) run on after the account's last sentence is read as
  its own paragraph, as a speaker's head run on is (`speaker_demands`).
Written in wordings the corpus's documents do not use, with near cases."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.page_tail import tail_lines
from policy_tasks.parsing.result import ParseError

ABOVE = ["首页 > 新闻中心 > 部门动态", "【字体:大 中 小】 打印本页 关闭窗口"]
BELOW = ["【打印本页】【关闭窗口】", "主办单位:某某县人民政府办公室 承办单位:某某县信息中心", "技术支持:某某网络公司"]
REPORT = [
    "6月3日,某县召开农村人居环境整治推进会,各乡镇、县直有关单位分管同志参加会议。",
    "会议提出,要聚焦村庄清洁行动,通过开展评比、曝光后进等方式,在全县营造比学赶超的良好氛围。"
    "会议强调要开展“美丽庭院”创建活动,组织一次现场观摩,全面推进村容村貌提升。",
    "会议对评比标准、组织实施、结果运用等提出了具体要求,要求各乡镇每月25日前向县农业农村局报送整治进展,"
    "全县每月评出5个“最美村庄”,通报表扬。",
]


def _tasks(text: str):
    parsed = parse_bytes(text.encode(), filename="doc.txt", year=2021, assume_year=2026)
    return [(t.text[:8], t.lead_units, t.co_units, [m.due_date for m in t.milestones]) for t in parsed.tasks]


def test_a_meeting_report_under_a_portals_head_reads_as_the_report() -> None:
    plain = _tasks("\n".join(REPORT))
    assert plain and plain[-1][1] == ["各乡镇"]
    assert _tasks("\n".join([*ABOVE, *REPORT, *BELOW])) == plain
    # A title above the font switch: the report's deadline still tells its lines from a footer's.
    assert _tasks("\n".join(["某县召开农村人居环境整治推进会", ABOVE[1], *REPORT, *BELOW])) == plain
    # A report dating nothing, in no word of a plan's: under the head alone, still the report.
    undated = [REPORT[0], "会议强调,各乡镇要开展村庄清洁行动,做到村内无垃圾堆放;县住建局要加快农村改厕,逐村验收。"]
    assert _tasks("\n".join(undated))
    assert _tasks("\n".join([*ABOVE, *undated, *BELOW])) == _tasks("\n".join(undated))


def test_a_portals_footer_after_the_report_is_still_its_tail() -> None:
    lines = [*ABOVE, *REPORT, *BELOW]
    assert tail_lines(lines) == set(range(len(ABOVE) + len(REPORT), len(lines)))
    # Near case: a footer line naming a date with no deadline (`更新日期`) stays the footer's.
    dated = [*ABOVE, *REPORT, "更新日期:2021年6月4日 【打印本页】", *BELOW[1:]]
    assert tail_lines(dated) == set(range(len(ABOVE) + len(REPORT), len(dated)))


OWN = [
    "为加快推进审计整改工作,我委于2021年5月6日上午召开党组会议,研究部署审计反馈问题整改工作。",
    "会上,我委对审计反馈的问题逐项分析,明确责任科室和整改措施,建立整改台账,力争于6月30日前完成全部问题整改。",
    "张某某主任强调,抓好审计整改是一项严肃的政治任务,必须坚持问题导向,逐条整改到位,确保整改取得实效。",
]


def test_own_arrangement_run_on_after_the_account() -> None:
    plain = _tasks("\n".join(OWN))
    assert [t[:2] for t in plain] == [("我委对审计反馈的", ["我委"]), ("必须坚持问题导向", [])]
    assert _tasks(OWN[0] + OWN[1] + "\n" + OWN[2]) == plain
    # Near cases: the body's account run on with no day aimed at (one demand left: a news item's, no list), and
    # another body's arrangement, are no items.
    told = OWN[0] + "会上,我委通报了审计反馈的问题,明确责任科室和整改措施。\n" + OWN[2]
    with pytest.raises(ParseError):
        _tasks(told)
    other = OWN[0] + OWN[1].replace("我委对", "县审计局对") + "\n" + OWN[2]
    with pytest.raises(ParseError):
        _tasks(other)
