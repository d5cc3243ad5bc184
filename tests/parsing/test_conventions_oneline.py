"""A plan whose copy removed every line break (tests/sources/test_one_line_copies.py), each convention stated in a
document of its own, written from the convention, not copied from a corpus document (`one_line`):
- the title, salutation and preamble before the first heading are the header: the one line is cut before the
  first heading's number after a stop (its second follows on the line, or it is a plan of one section), or before a
  `一、` after the notice's signing date and the plan's title; near cases: a page that opens inside a plan
  (`[接上页] (五)…`, `(2)…`), a date in a sentence (`自…日起统一、规范…`), a line of many lines' document;
- an annexed plan (`附件1`, its title) numbers again after the notice's own requirements;
- measures counted on across sections after a heading's short title and a space (`二、某局牵头工作 3.…`);
- a page that goes on from the one before runs its list on from any number (`28.…29.…`);
- a page's mark (`浏览次数`) on a line of a page's length is no footer; near case: a short footer line still goes.
The first three cases read right before too (kept as guards); the others did not.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.one_line import one_line_cut
from policy_tasks.parsing.page_tail import tail_lines

_TITLE = "某市人民政府办公室关于印发某市营商环境提升行动方案的通知某府办〔2023〕8号"
_SALUTATION = "各县(区)人民政府,市政府各部门:"
_PREAMBLE = (
    "经市政府同意,现将《某市营商环境提升行动方案》印发给你们,请认真贯彻落实。为持续优化营商环境,现提出如下方案。"
)
_HEAD = _TITLE + _SALUTATION + _PREAMBLE
_HEAD_LINES = [_TITLE, _SALUTATION, _PREAMBLE]
_BODY = (
    "一、提升政务服务效能1.推行企业开办一日办结,2023年6月底前全面实现。(责任单位:市行政审批局、市市场监管局)"
    "2.推进工程建设项目审批改革,2023年9月底前完成系统升级。(责任单位:市住建局)"
    "二、优化法治环境3.开展涉企执法检查专项整治,2023年12月底前完成。(责任单位:市司法局)"
)


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2023, assume_year=2026)


def _read(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units)) for t in _parse(text).tasks]


def test_a_plan_with_no_line_breaks_reads_its_items_under_its_headings():
    for joined in (_HEAD + _BODY, _HEAD.replace("。", "。 ") + " " + _BODY.replace(")", ") ")):
        assert _read(joined) == [
            ("1", ["市行政审批局"], ["市市场监管局"]),
            ("2", ["市住建局"], []),
            ("3", ["市司法局"], []),
        ]


_SECTION = (
    "一、提升政务服务效能 (一)推行企业开办一日办结,2023年6月底前全面实现。(责任单位:市行政审批局、市市场监管局)"
    " (二)推进工程建设项目审批改革,2023年9月底前完成系统升级。(责任单位:市住建局)"
)


def test_a_plan_of_one_section_reads_its_items():
    for joined in (_HEAD + _SECTION.replace(" ", ""), _HEAD.replace("。", "。 ") + " " + _SECTION):
        assert _read(joined) == [("(一)", ["市行政审批局"], ["市市场监管局"]), ("(二)", ["市住建局"], [])]


def test_a_signed_notice_runs_into_its_plans_title_and_first_heading():
    notice = _HEAD.replace(
        "为持续优化营商环境,现提出如下方案。", "某市人民政府办公室2023年3月1日某市营商环境提升行动方案"
    )
    assert _read(notice + _SECTION.replace(" ", "")) == [
        ("(一)", ["市行政审批局"], ["市市场监管局"]),
        ("(二)", ["市住建局"], []),
    ]
    # A date inside a sentence, a number of no heading after it: nothing is cut there.
    prose = "某县人民政府关于做好防汛工作的通知各乡镇:自2023年5月1日起统一、规范汛期值班,请各地认真落实。" * 4
    assert one_line_cut([(prose, True)])[0] == [(prose, True)]


def test_an_annexed_plan_numbers_again_after_the_notices_requirements():
    notice = [
        "某县人民政府办公室关于印发2025年重点任务清单的通知",
        "各乡镇人民政府,县直各有关单位:",
        "现将任务清单印发给你们,请认真抓好落实。",
        "一、压实责任。各单位要明确专人,逐项抓好落实。",
        "二、强化调度。各单位要按月报送进展。",
        "附件:1.2025年重点任务清单",
        "某县人民政府办公室",
        "2025年5月18日",
        "(此件公开发布)",
    ]
    plan = [
        "附件1",
        "2025年重点任务清单",
        "一、县发展改革局牵头工作(2项)",
        "1.建设物流园区,年底前投入运营。",
        "2.推进新能源项目,10月底前并网发电。",
        "二、县农业农村局牵头工作(1项)",
        "3.新建高标准农田2万亩,年底前完成。",
    ]
    as_lines = _read("\n".join(notice + plan))
    assert as_lines[-3:] == [("1", ["县发展改革局"], []), ("2", ["县发展改革局"], []), ("3", ["县农业农村局"], [])]
    for joiner in ("", " "):
        assert _read(joiner.join(notice + plan)) == as_lines


def test_the_header_is_cut_before_the_first_heading_after_a_stop():
    lines, origins = one_line_cut([(_HEAD + _BODY, True)])
    assert [text for text, _ in lines] == [*_HEAD_LINES, _BODY]
    assert origins == [0, 0, 0, 0]


def test_a_plan_of_one_section_is_cut_before_its_heading():
    text = (
        _HEAD
        + "一、提升政务服务效能 推行企业开办一日办结,年底前全面实现。推进工程建设项目审批改革,年底前完成系统升级。" * 2
    )
    lines, _ = one_line_cut([(text, True)])
    assert [t for t, _ in lines] == [*_HEAD_LINES, text[len(_HEAD) :]]


def test_near_cases_keep_their_lines():
    # A page that opens inside a plan: the text before the first `(一)` holds `(五)`, no header.
    page = (
        "[接上页] (五)加强信息报送工作,各地要确定专人负责信息报送。四、时间安排 (一)动员部署阶段(5月) 各县制定方案。"
        * 3
    )
    assert one_line_cut([(page, True)])[0] == [(page, True)]
    # A document of many lines is no one-line copy, however long one of them.
    lines = [(_HEAD, True), *[(line, True) for line in _BODY.replace(")", ")\n").splitlines()]]
    assert one_line_cut(lines)[0] == lines
    # A line with no heading after a stop (a number inside a word, a figure) is left whole.
    prose = "某市人民政府关于做好2023年防汛工作的通知各县:今年汛期降雨偏多1.5倍,请各地切实做好防汛工作。" * 5
    assert one_line_cut([(prose, True)])[0] == [(prose, True)]


def test_a_heading_runs_into_its_only_item_after_a_space():
    text = _HEAD + " 一、提升政务服务效能 1.推行企业开办一日办结,2023年6月底前全面实现。(责任单位:市行政审批局)"
    assert _read(text) == [("1", ["市行政审批局"], [])]


def test_a_page_mark_on_a_page_long_line_is_no_footer():
    more = "4.建立涉企政策兑现平台,2023年12月底前上线运行,实现惠企政策免申即享。(责任单位:市发展改革委)"
    line = "来源:某市政府网 浏览次数: 发布时间:2023-03-01 " + _HEAD + _BODY + more
    assert tail_lines([line]) == set()
    assert [label for label, _, _ in _read(line)] == ["1", "2", "3", "4"]
    # A footer's short line after the plan still goes.
    assert tail_lines([_HEAD, _BODY, "浏览次数: 打印本页 关闭窗口"]) == {2}


def test_a_page_that_goes_on_from_the_one_before_runs_its_list_on_from_any_number():
    lines = [
        "某市人民政府办公室关于2011年重点工作任务完成情况的通报",
        "28.加强生态环境建设,年底前新建污水处理厂3座。主办单位:市水务局。",
        "完成情况:已建成2座,1座正在调试。",
        "29.推进区域一体化建设,年内召开联席会议。主办单位:市发改委。",
        "完成情况:已召开联席会议。",
    ]
    as_lines = _read("\n".join(lines))
    assert [label for label, _, _ in as_lines] == ["28", "29"]
    assert _read(" ".join(lines)) == as_lines
    # A page whose text opens inside a numbered item (`[接上页] (2)…`) keeps its one line.
    page = "[接上页] (2)培育重点产业集群,年底前认定5个。(责任单位:市工信局) 3.推进园区建设,10月底前完成规划。" * 3
    assert one_line_cut([(page, True)])[0] == [(page, True)]


def test_the_salutation_is_cut_from_the_title_and_the_preamble():
    lines = [
        "某区公安分局关于开展不文明养犬行为集中整治的通知",
        "各派出所:",
        "根据上级工作部署,近期将开展不文明养犬行为集中整治,现明确如下:",
        "一、具体任务",
        "(一)迅速对接各社区,排查重点养犬户;",
        "(二)加强街面巡逻,依法查处阻碍执法的行为。",
        "二、工作要求",
        "(一)各派出所要于2023年11月30日前报送整治情况。",
        "(二)各派出所要于2023年12月31日前总结整治成效。",
    ]
    as_lines = _read("\n".join(lines))
    assert {lead for _, leads, _ in as_lines for lead in leads} == {"各派出所"}
    for joiner in ("", " "):
        assert _read(joiner.join(lines)) == as_lines
    header = "".join(lines[:3])
    assert [text for text, _ in one_line_cut([("".join(lines), True)])[0]][:3] == lines[:3]
    # No salutation: a sentence's `各…:` after a stop is left in the preamble.
    assert len(one_line_cut([(header.replace(lines[1], ""), True)])[0]) <= 2


def test_items_with_no_stop_at_their_ends_run_on_in_their_lists_order():
    lines = [
        "某区人民政府关于开展市容环境集中整治的通知",
        "各街道办事处:现将有关事项通知如下:",
        "一、工作目标",
        "1.打击治理一批典型",
        "2.营造浓厚整治的氛围",
        "3.乱堆乱放现象大幅减少。",
        "二、具体任务",
        "(一)各街道办事处要于2023年11月30日前完成辖区排查。",
        "(二)区城管局要加强巡查,12月底前完成整治。",
    ]
    assert _read("".join(lines)) == _read("\n".join(lines))
    # A figure glued to a word is no item (`增长2.5%`, `建设2个`).
    near = [
        "某区人民政府关于印发2023年经济社会发展目标任务的通知",
        "各街道办事处,区政府各部门:现将目标任务印发给你们,请认真抓好落实。",
        "一、工作目标",
        "1.地区生产总值增长2.5%以上,新建2个产业园,全年新增规模以上工业企业3家。(责任单位:区发改委)",
        "2.新增城镇就业3000人,城镇登记失业率控制在3.5%以内。(责任单位:区人社局)",
    ]
    assert _read("".join(near)) == _read("\n".join(near)) == [("1", ["区发改委"], []), ("2", ["区人社局"], [])]
