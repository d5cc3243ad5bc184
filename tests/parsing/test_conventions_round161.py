"""Round 161's conventions: a publicity plan's sub-heading naming only the media outlet charged with the items below
it (`(一)市日报社(晨刊、手机报)`), the day a piece runs (`7月16日头版见报`, `发稿时间:…`), and a delivery window of two
periods joined by `或` (`7月底或8月上旬`), due by the later. Written from the conventions, with near cases that must
read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.outlet_headings import outlet_heading


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


PLAN = (
    "某景区宣传方案\n"
    "一、市内宣传\n"
    "(一)***日报社(晨刊、手机报、***在线)\n"
    "1.新闻宣传。对重要会议进行动态报道。每周至少2篇。\n"
    "2.专题报道。报道创建进展,字数不少于2000字,6月20日头版见报。\n"
    "3.整改报道。报道整改成效。发稿时间:7月底或8月上旬。\n"
    "(二)市广电台\n"
    "1.专题片。制作形象宣传片,9月5日前播出。\n"
)


def test_outlet_heading_leads_items_below() -> None:
    tasks = _parse(PLAN).tasks
    assert [t.label for t in tasks] == ["(一)1", "(一)2", "(一)3", "(二)1"]
    assert [t.lead_units for t in tasks] == [["日报社"]] * 3 + [["市广电台"]]


def test_press_days_and_windows() -> None:
    tasks = _parse(PLAN).tasks
    assert [str(m.due_date) for m in tasks[1].milestones] == ["2024-06-20"]
    assert [str(m.due_date) for m in tasks[2].milestones] == ["2024-08-10"]
    assert [str(m.due_date) for m in tasks[3].milestones] == ["2024-09-05"]


def test_outlet_heading_near_cases() -> None:
    assert outlet_heading("市日报社") is not None
    assert outlet_heading("市广播电视台(新闻频道、交通频率)") is not None
    # A goal heading mentioning an outlet, and a bracket of duties, name no outlet heading.
    assert outlet_heading("加强与日报社的合作") is None
    assert outlet_heading("日报社(负责新闻报道)") is None
    assert outlet_heading("积极整改并取得良好效果") is None


def test_near_dates_unchanged() -> None:
    text = (
        "一、工作任务\n"
        "1.开展宣传。县委宣传部负责,6月底前完成初稿或8月底前完成。\n"
        "2.迎接检查。县委宣传部负责。7月16日,省检查组来我县。\n"
        "3.开展宣传。县委宣传部负责,7月底至8月上旬完成。\n"
        "4.开展宣传。县委宣传部负责。明确时间:7月16日。\n"
    )
    tasks = _parse(text).tasks
    # Two commitments with words of their own: no window; a bare day with no work; a `至` range as ever; a
    # bare `时间:` with a word run into it is prose.
    assert [str(m.due_date) for m in tasks[0].milestones] == ["2024-06-30"]
    assert tasks[1].milestones == []
    assert [str(m.due_date) for m in tasks[2].milestones] == ["2024-08-10"]
    assert tasks[3].milestones == []


LEADER_PLAN = (
    "一、市内宣传\n"
    "(一)市日报社\n"
    "1.新闻宣传。对重要会议进行动态报道。\n"
    "责任人:张三\n"
    "2.专题报道\n"
    "(1)创新方式。报道我市积极努力。\n"
    "(2)积极整改。报道整改成效。\n"
    "责任人:李四\n"
    "3.文艺副刊宣传。加大稿件的刊发力度。\n"
    "责任人:王五\n"
)


def test_person_line_closing_an_item_and_under_an_outlet() -> None:
    tasks = _parse(LEADER_PLAN).tasks
    assert [t.leaders for t in tasks] == [["张三"], ["李四"], ["李四"], ["王五"]]
    assert all(t.lead_units == ["市日报社"] for t in tasks)


def test_person_line_near_cases() -> None:
    # Sub-items each closing with their own line keep theirs.
    own = LEADER_PLAN.replace("(1)创新方式。报道我市积极努力。\n", "(1)创新方式。报道我市积极努力。\n责任人:赵六\n")
    assert [t.leaders for t in _parse(own).tasks] == [["张三"], ["赵六"], ["李四"], ["王五"]]
    # A plan whose other items close with no such line: the line is the last sub-item's.
    bare = LEADER_PLAN.replace("责任人:张三\n", "").replace("责任人:王五\n", "")
    assert [t.leaders for t in _parse(bare).tasks] == [[], [], ["李四"], []]
