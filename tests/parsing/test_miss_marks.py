"""Where a parse missed clauses altogether, the review page says so (issue 12; `list_doubts`): an item numbered as
the clauses beside it that no clause starts with. Each made-up reading below is a first-look misreading of the kind
blind rounds 89–109 found unmarked (rows after the third dropped, a one-line copy's first items lost, a notice's
item charging a body left out, two items run into one); the near cases are right readings that must raise nothing."""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.clause_doubts import is_doubt
from policy_tasks.parsing.list_doubts import list_doubts
from policy_tasks.parsing.result import ParsedArea, ParsedDocument, ParsedTask


def _reading(text: str, clauses: list[tuple[int, str]], areas: list[int] = ()) -> ParsedDocument:
    """A parse of `text` that read only `clauses` (line, label): the misreading to be marked."""
    lines = text.split("\n")
    tasks = []
    for n, (line, label) in enumerate(clauses, start=1):
        body = lines[line - 1].split("、", 1)[-1].split(".", 1)[-1].split(")", 1)[-1]
        tasks.append(ParsedTask(n, body[:10], None, ["区发改委"], [], [], body, [], line, label=label))
    heads = [ParsedArea(n, lines[a - 1], [], "", [], a) for n, a in enumerate(areas, start=1)]
    return ParsedDocument("", "", None, 2024, [], heads, tasks, [], None)


def _doubts(text: str, clauses: list[tuple[int, str]], areas: list[int] = ()) -> list[str]:
    return [
        w.message for w in list_doubts([(line, False) for line in text.split("\n")], _reading(text, clauses, areas))
    ]


ROWS = "\n".join(
    [
        "1、地区生产总值增长",
        "区发改委",
        "2、区级财政收入增长",
        "区财政局",
        "3、外商直接投资增长",
        "区商务委",
        "4、新增跨国公司地区总部",
        "区商务委",
    ]
)


def test_rows_after_the_last_clause_that_name_units_are_marked():
    found = _doubts(ROWS, [(1, "1"), (3, "2")])
    assert len(found) == 2
    assert found[0].startswith("第5行“3、外商直接投资增长”与条款同级编号,未读作条款")
    assert all(is_doubt(m) for m in found)


def test_a_gap_in_the_clauses_numbers_is_marked():
    found = _doubts(ROWS, [(1, "1"), (5, "3"), (7, "4")])
    assert [m.split("”")[0] for m in found] == ["第3行“2、区级财政收入增长"]


def test_the_first_items_of_a_one_line_copy_are_marked_once():
    text = "县政府将办好三件实事。(1)新建学校一所。(2)改造道路两条。(3)新建公厕十座。"
    reading = _reading(text, [(1, "(3)")])
    reading.tasks[0].text = "新建公厕十座。"
    found = list_doubts([(text, False)], reading)
    assert len(found) == 1 and "(1)新建学校一所" in found[0].message


def test_a_clause_holding_the_next_number_at_a_line_start_is_marked_as_two_items():
    text = "1.政务\n概况\n人事司\n2.政策\n法规\n办公室"
    reading = _reading(text, [(1, "1")])
    reading.tasks[0].text = "政务\n概况\n人事司\n政策\n法规\n办公室"
    found = list_doubts([(line, False) for line in text.split("\n")], reading)
    assert len(found) == 1 and found[0].task == 1 and "(numbered items read as one)" in found[0].message


def test_an_item_charging_no_one_is_rightly_no_clause():
    """A notice's `二、…各单位要…` between two requirements read as clauses: the vague group charges no one."""
    text = "\n".join(
        [
            "一、责任到人。各责任单位要逐项细化职责。",
            "二、节点管控。各单位要紧盯目标任务。",
            "三、协同破题。牵头单位负责制定攻坚方案。",
        ]
    )
    assert _doubts(text, [(1, "一"), (3, "三")]) == []


def test_an_item_heading_clauses_of_another_level_is_no_missed_clause():
    text = "\n".join(
        [
            "(一)投入57万元建设产业配套设施,由坛洛镇牵头实施。",
            "(二)投入183万元用于各单位项目管理费:",
            "1.双定镇项目管理费,由双定镇负责。",
            "2.金陵镇项目管理费,由金陵镇负责。",
        ]
    )
    assert _doubts(text, [(1, "(一)"), (3, "1"), (4, "2")]) == []


def test_numbers_starting_again_under_the_next_heading_are_another_list():
    text = "\n".join(
        [
            "一、主要任务",
            "1.建设学校,由区教育局负责。",
            "2.建设道路,由区交通局负责。",
            "二、保障措施",
            "1.加强领导,区发改委要统筹。",
        ]
    )
    assert _doubts(text, [(2, "一.1"), (3, "一.2")], areas=[1]) == []


def test_steps_numbered_inside_a_cell_are_no_items():
    text = "1 | 新建学校7所 | 1.4月底前主体完工。 2.8月底前竣工。 | 教育局 |\n2 | 新建驿站7家 | 1.3月底前建成2家。 2.9月底前建成7家。 3.筛查方案制定。 | 卫健局 |"
    assert _doubts(text, [(1, "1"), (2, "2")]) == []


def test_a_document_read_right_raises_no_such_mark():
    text = "\n".join(
        [
            "关于印发2024年重点工作任务分解的通知",
            "一、重点任务",
            "1.推进学校建设。(责任单位:区教育局)",
            "2.推进道路改造。(责任单位:区交通运输局)",
            "3.推进公厕新建。(责任单位:区城管局)",
            "二、工作要求",
            "1.加强组织领导。",
        ]
    )
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024)
    assert len(doc.tasks) == 3
    assert [w.message for w in doc.warnings if "编号" in w.message and is_doubt(w.message)] == []


def test_the_issuing_offices_own_supervision_left_unread_is_no_mark():
    # A covering notice closes with how the issuing office will supervise (`supervising_offices`): rightly no clause,
    # though it names a body. An office charged with `要` beside it is an item the parse should have read.
    notice = "\n".join(
        [
            "一、落实责任",
            "区发改委要牵头抓总,按期完成任务。",
            "二、密切配合",
            "区财政局要保障资金,按时拨付到位。",
            "三、加强督查",
            "区政府办公室将严格按照督查制度,加强跟踪督查,对工作不力的予以通报。",
        ]
    )
    assert _doubts(notice, [(1, "一"), (3, "二")]) == []
    charged = notice.replace("区政府办公室将严格按照督查制度", "区政府督查室要严格按照督查制度")
    assert [m.split("”")[0] for m in _doubts(charged, [(1, "一"), (3, "二")])] == ["第5行“三、加强督查"]
