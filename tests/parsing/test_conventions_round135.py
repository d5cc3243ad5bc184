"""Round 135's convention: a district's list of duties by department, one unnumbered paragraph a department, each
opening with the department it charges and whatever verb charges it (`负责`, `要`, `务必`, `应`…); and the 待核对 mark on
a paragraph of such a list that opens with a department yet starts no clause."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.clause_doubts import is_doubt
from policy_tasks.parsing.department_paragraphs import SIGN, department_charge, department_starts

LEAD_IN = "为确保按时完成村庄环境整治任务,现将各单位在村庄环境整治工作中的任务作如下明确:\n"
PARAGRAPHS = [
    "区住建局负责全区村庄环境整治总协调工作,指导督查康居乡村的创建。\n",
    "区委农办要结合全区“三新”建设任务,负责指导督查新社区建设。\n",
    "规划分局负责辖区规划布点村庄的确定,配合市住建局组织技术人员的培训。\n",
    "区财政局务必落实村庄环境整治专项经费,确保资金的安全运行。\n",
    "区环保局应加强工业污染源的环境管理,确保达标排放。\n",
    "区政府应急办负责村庄安全隐患的排查。\n",
]


def _parsed(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2025, assume_year=2026)


def _lines(text: str) -> list[tuple[str, bool]]:
    return [(line, False) for line in text.split("\n")]


def _doubts(parsed) -> list[str]:
    return [w.message for w in parsed.warnings if is_doubt(w.message)]


def test_each_department_opens_its_paragraph_whatever_its_verb() -> None:
    parsed = _parsed(LEAD_IN + "".join(PARAGRAPHS))
    leads = [t.lead_units for t in parsed.tasks]
    assert leads == [["区住建局"], ["区委农办"], ["规划分局"], ["区财政局"], ["区环保局"], ["区政府应急办"]]
    assert parsed.tasks[1].text.startswith("区委农办要结合全区")
    # A unit the paragraph's department only helps (`配合市住建局组织…`) is no unit of the clause (corpus README).
    assert parsed.tasks[2].co_units == []
    assert _doubts(parsed) == []


def test_the_lead_in_and_the_text_above_it_are_no_paragraph() -> None:
    # Near case: a sentence above the lead-in charging the district's leadership is the document's own, no duty.
    text = "区委区政府要高度重视村庄环境整治工作。\n" + LEAD_IN + "".join(PARAGRAPHS)
    assert department_starts(_lines(text))[0] == (3, 0)
    tasks = _parsed(text).tasks
    assert tasks[0].lead_units == ["区住建局"] and len(tasks) == len(PARAGRAPHS)


def test_group_subjects_charge_no_department() -> None:
    # Near cases: the preamble's `各部门要…` before the list and a closing `各部门要…` after it open nothing.
    text = "各部门要高度重视,形成统一合力。\n" + "".join(PARAGRAPHS[:4]) + "各部门要加强协作,确保按时完成任务。\n"
    parsed = _parsed(text)
    assert [t.lead_units for t in parsed.tasks] == [["区住建局"], ["区委农办"], ["规划分局"], ["区财政局"]]
    assert all("各部门" not in t.text for t in parsed.tasks)
    assert department_charge("各部门要加强协作。") is None
    assert department_charge("领导小组要定期研究。") is None


def test_prose_opening_with_a_department_is_no_clause_and_is_marked() -> None:
    # Near case: a paragraph of the list opening with a department but charging it with nothing is no clause of its
    # own; the review page marks it 待核对, as it may be a duty worded otherwise.
    text = LEAD_IN + "".join(PARAGRAPHS[:3]) + "区城管局去年已完成村庄垃圾收运体系的建设。\n" + "".join(PARAGRAPHS[3:5])
    parsed = _parsed(text)
    assert [t.lead_units[0] for t in parsed.tasks] == ["区住建局", "区委农办", "规划分局", "区财政局", "区环保局"]
    doubts = _doubts(parsed)
    assert len(doubts) == 1 and "区城管局去年" in doubts[0] and doubts[0].endswith(f"({SIGN})")


def test_two_paragraphs_are_no_list() -> None:
    # Near case: two sentences opening with departments in a notice's prose are no list of duties.
    text = "区住建局要加快进度。\n全区上下要形成合力,扎实推进整治工作。\n区财政局要保障经费。\n"
    assert department_starts(_lines(text)) == []


def test_mostly_prose_is_no_list() -> None:
    # Near case: three departments' sentences among more lines of prose are a notice's text, no list.
    prose = "整治工作事关群众切身利益,意义重大。\n"
    text = "区住建局要加快进度。\n" + prose * 3 + "区财政局要保障经费。\n" + prose + "区环保局要加强监管。\n"
    assert department_starts(_lines(text)) == []


def test_numbered_items_are_read_by_their_numbers() -> None:
    # Near case: a numbered item opening with its department is the numbering's, no paragraph of such a list.
    text = "".join(f"{n}、{p}" for n, p in zip("一二三", PARAGRAPHS, strict=False))
    assert department_starts(_lines(text)) == []
    parsed = _parsed(LEAD_IN + text)
    assert [t.label for t in parsed.tasks] == ["一", "二", "三"] and _doubts(parsed) == []


def test_a_department_paragraph_is_read_whole() -> None:
    # A later sentence of a department's paragraph (`。同时负责…`, `。另要…`) is its own, the last one's too; the closing
    # exhortation on a line of its own is none.
    text = (
        LEAD_IN
        + "区住建局负责总协调工作。同时负责督查康居乡村的创建。\n区委农办要指导新社区建设。\n"
        + "区财政局负责专项经费的落实。另要审计资金的使用情况。\n各部门要加强协作。\n"
    )
    parsed = _parsed(text)
    assert [t.text for t in parsed.tasks] == [
        "区住建局负责总协调工作。同时负责督查康居乡村的创建。",
        "区委农办要指导新社区建设。",
        "区财政局负责专项经费的落实。另要审计资金的使用情况。",
    ]


def test_a_paragraph_run_into_the_one_above_still_opens_its_part() -> None:
    # A copy that lost a break between two paragraphs (`…建设。区环保局要…`): the department's own part all the same;
    # the paragraph's own later sentence (`。同时负责…`) is still none.
    text = LEAD_IN + PARAGRAPHS[0] + PARAGRAPHS[1].strip() + PARAGRAPHS[4] + "".join(PARAGRAPHS[2:4])
    parsed = _parsed(text)
    assert [t.lead_units[0] for t in parsed.tasks] == ["区住建局", "区委农办", "区环保局", "规划分局", "区财政局"]
