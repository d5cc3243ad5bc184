"""Conventions met in blind round 123 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it: a county paper's report of an inspection
whose problems are photo captions (`图①:<problem>。责任单位:X。`, also `图1:`), and the figure titles of a plan that
must stay no items; a county 常务会议纪要 opening `现将会议…纪要如下:`, its `会议要求,一是…。二是…` paragraph a point a
clause (silent points too) beside the `1.关于…问题。` items its `会议…如下:` line announces, whose decisions name their
doer as `由X提出…` or as a fund's payer (`县财政安排Y…经费N万元`: the payer leads, the holder helps).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.minute_funds import other_frames
from policy_tasks.parsing.minute_points import inline_points
from policy_tasks.parsing.photo_captions import captioned


def _parse(text: str, year: int = 2021):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _read(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units)) for t in doc.tasks]


# --- photo captions ----------------------------------------------------------------------------------------------

_REPORT = """某县开展背街小巷环境卫生暗访

某县日报 2021-06-02

近日,县创卫办对城区背街小巷进行暗访,发现部分问题(如图)。各有关单位要立行立改。

图①:幸福路菜市场门口垃圾堆放。责任单位:县城管局。

图②:人民路沿街商户占道经营。责任单位:城关街道。

图③:滨河小区下水道堵塞外溢。责任单位:县住建局。
"""


def test_photo_captions_are_the_reports_problems():
    doc = _parse(_REPORT)
    assert _read(doc) == [("图①", ["县城管局"], []), ("图②", ["城关街道"], []), ("图③", ["县住建局"], [])]
    assert doc.tasks[0].title.startswith("幸福路菜市场门口")


def test_photo_captions_numbered_with_figures():
    text = _REPORT.replace("图①", "图1").replace("图②", "图2").replace("图③", "图3")
    assert [label for label, _, _ in _read(_parse(text))] == ["图1", "图2", "图3"]


def test_a_caption_run_on_to_the_one_before_goes_on_the_list():
    # A page that ran `图③` on to `图②`'s line (a line ending at the width): the open caption list goes on.
    text = _REPORT.replace("城关街道。\n\n图③", "城关街道。图③")
    assert [label for label, _, _ in _read(_parse(text))] == ["图①", "图②", "图③"]
    # Inside a sentence a figure cited is no caption, even with the list open.
    text = _REPORT.replace("县住建局。\n", "县住建局。如图④所示:见附件。\n")
    assert [label for label, _, _ in _read(_parse(text))] == ["图①", "图②", "图③"]


def test_figure_titles_of_a_plan_are_no_captions():
    # A plan's figures name no unit: no list of problems.
    assert not captioned(["图1:组织架构图", "图2:工作流程图", "1.成立专班。责任单位:县发改局。"])
    # A single captioned photo is no list; a photo cited inside a sentence opens no line.
    assert not captioned(["图①:幸福路垃圾堆放。责任单位:县城管局。"])
    assert not captioned(["如图①所示,幸福路垃圾堆放。责任单位:县城管局。", "如图②所示。责任单位:县住建局。"])


# --- a minute's inline points and its decided items -------------------------------------------------------------

_MINUTE = """第8次
某县人民政府办公室 2021-5-10
5月6日,县长某某主持召开县人民政府第8次常务会议,研究创建省级文明县城等工作。现将会议形成的一致意见纪要如下:
一、研究创建省级文明县城工作
会议指出,近年来我县城市管理水平不断提升。
会议要求,一是要加强组织领导,县城管局要牵头制定创建方案。二是要营造创建氛围,每周开展一次集中清扫行动。三是要强化督查考核,定期通报情况。
会议就有关具体事项明确如下:
1.关于创建工作方案问题。创建工作方案由县文明城市创建工作领导小组提出后报县委审定。
2.关于创建工作经费问题。县财政安排县城管局创建工作经费30万元。
"""


def test_inline_points_after_the_meetings_verb_are_decisions():
    doc = _parse(_MINUTE)
    assert _read(doc) == [
        ("一是", ["县城管局"], []),
        ("二是", [], []),
        ("三是", [], []),
        ("1", ["县文明城市创建工作领导小组"], []),
        ("2", ["县财政"], ["县城管局"]),
    ]
    assert [m.recurrence for m in doc.tasks[1].milestones] == ["weekly"]


def test_inline_points_cut_only_in_order_after_the_meetings_verb():
    lines = [("会议要求,一是要加强领导。二是要营造氛围;三是要强化督查。", True)]
    assert inline_points(lines, [1])[0] == [
        ("会议要求,", True),
        ("一是要加强领导。", True),
        ("二是要营造氛围;", True),
        ("三是要强化督查。", True),
    ]
    # An assessment's words, a point alone, a list out of order, or a table's row: the paragraph stays whole.
    for text in (
        "会议认为,一是思想认识到位。二是工作措施有力。",
        "会议要求,一是要加强领导,确保工作落实。",
        "会议要求,一是要加强领导。三是要强化督查。",
    ):
        assert inline_points([(text, True)], [1])[0] == [(text, True)]
    assert inline_points([(lines[0][0], False)], [1])[0] == [(lines[0][0], False)]


def test_the_announcing_line_run_on_to_the_last_point_stands_alone():
    text = _MINUTE.replace("定期通报情况。\n会议就", "定期通报情况。会议就")
    assert [label for label, _, _ in _read(_parse(text))] == ["一是", "二是", "三是", "1", "2"]


def test_other_frames_of_a_minutes_decision():
    found = other_frames("相关设备配备由县创建工作领导小组提出具体方案后另行研究确定。")
    assert found is not None and found.roles["listed"] == ["县创建工作领导小组"]
    found = other_frames("市财政局拨付市卫健委防疫经费20万元。")
    assert found is not None and (found.roles["listed"], found.roles["co"]) == (["市财政局"], ["市卫健委"])
    found = other_frames("成立迎检工作领导小组,各责任单位相应成立专门班子。")
    assert found is not None and found.roles["listed"] == ["各责任单位"]
    # A person, a vague body, a fund with no sum or no payer, a group not the breakdown's: no one named.
    for text in (
        "由张副县长牵头组织实施。",
        "由有关部门提出方案。",
        "县财政安排专项经费予以保障。",
        "安排县卫健委经费10万元。",
        "各单位相应成立工作专班。",
        "工作任务相应调整。",
    ):
        assert other_frames(text) is None
