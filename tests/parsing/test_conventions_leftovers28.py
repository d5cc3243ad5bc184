"""What session 27 left read wrong (docs/parsing.md), each convention on made-up documents.

A page's continuation mark (`[接上页]`, `(续表)`, `(下转第5页)`) is no text of the document
(`continuation_marks`); a page that goes on inside a section may run the next section's heading and
its restarted list into one line (`outline._restarted_under`); silent points at a page's top, before
clauses of a higher rank, are the points of the clause the page before held (`clauses`); a closing
section (`保障措施`, `工作措施和要求`) that names no unit of its own is no clause beside clauses that do.
A Roman area `Ⅰ、` and a serial `Ⅰ-1` are outline numbers to the reader of a web page's tail too
(`sources.unwrap.OUTLINE_RE`): a page mark (`浏览次数`) above them is no footer.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.continuation_marks import drop_continuation_marks, is_continuation_line


def _tasks(text: str) -> list[tuple[str, list[str], list[str]]]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024)
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


# --- continuation marks -------------------------------------------------------------------------


def test_a_page_opening_with_its_mark_keeps_its_first_item():
    for mark in ("[接上页]", "（接上页）", "【续上页】", "(上接第3页)", "续上页:"):
        text = f"""{mark} (五)加强信息报送。(牵头单位:县环保局)
(六)严格督查考核。(牵头单位:县督查室)
"""
        assert _tasks(text) == [("(五)", ["县环保局"], []), ("(六)", ["县督查室"], [])], mark


def test_a_mark_on_a_line_of_its_own_is_passed_over():
    text = """某县2024年重点工作任务分解
1.新建标准厂房2万平方米。
牵头单位:县工信局
(续表)
配合单位:县自然资源局
2.引进工业项目5个。
牵头单位:县商务局
[转下页]
配合单位:县发改局
"""
    assert _tasks(text) == [
        ("1", ["县工信局"], ["县自然资源局"]),
        ("2", ["县商务局"], ["县发改局"]),
    ]


def test_a_mark_closing_a_page_goes():
    assert drop_continuation_marks([("1.新建标准厂房。(牵头单位:县工信局)(下转第5页)", True)]) == [
        ("1.新建标准厂房。(牵头单位:县工信局)", True)
    ]


def test_words_of_a_sentence_are_no_mark():
    lines = [("接上页所述要求,各乡镇要抓好落实。", True), ("续表彰先进集体10个。", True), ("(续表)", False)]
    assert drop_continuation_marks(lines) == lines
    assert not is_continuation_line("续表彰先进集体10个。")
    assert is_continuation_line("续表2") and is_continuation_line(" 〔接上页〕 ")


def test_a_run_together_page_restarts_its_list_under_the_next_heading():
    text = (
        "[接上页] (五)加强信息报送。县环保局要每月向市环保局报送工作进展。 四、时间安排 "
        "(一)动员部署阶段(5月)。各乡镇要制定具体实施方案。 (二)集中整治阶段(6月-8月)。各乡镇要开展集中整治。\n"
    )
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024)
    assert [(t.label, t.lead_units, t.area) for t in doc.tasks] == [
        ("(五)", ["县环保局"], None),
        ("(一)", ["各乡镇"], 4),
        ("(二)", ["各乡镇"], 4),
    ]
    assert [(a.number, a.title) for a in doc.areas] == [(4, "时间安排")]


def test_a_sentence_before_a_restarted_list_is_no_heading():
    # `四、` inside a long sentence with a full stop is no heading: the run stays one item's text.
    text = (
        "(五)加强信息报送。县环保局要每月报送。 四、要求各乡镇按时报送进展,不得延误。 "
        "(一)动员部署。 (二)集中整治。\n"
        "(六)严格督查。县督查室要开展督查。\n"
    )
    labels = [label for label, _, _ in _tasks(text)]
    assert "四" not in labels and "四.(一)" not in labels


def test_silent_points_at_a_pages_top_belong_to_the_clause_before():
    text = (
        "[接上页] (2)培育一批产业集群。依托龙头企业,延伸产业链。 2.推动现代物流业发展。加快建设集疏运体系。"
        "(配合单位:县发改局) 3.拓展旅游合作。整合旅游资源。(配合单位:县文旅局)\n"
    )
    assert [label for label, _, _ in _tasks(text)] == ["2", "3"]


# --- closing sections ---------------------------------------------------------------------------

_STAGES = """某县2024年环保专项行动实施方案
四、时间安排
(一)动员部署阶段(5月)。各乡镇要制定具体实施方案。
(二)集中整治阶段(6月-8月)。各乡镇要开展集中整治,县环保局负责督导。
(三)总结阶段(11月)。县环保局要对各乡镇进行考核。
"""


def test_a_closing_section_that_only_exhorts_is_no_clause():
    text = (
        _STAGES
        + """五、保障措施
(一)提高认识。各地、各部门的负责同志要站在以人为本的高度,切实抓紧抓好落实工作。
"""
    )
    assert [label for label, _, _ in _tasks(text)] == ["(一)", "(二)", "(三)"]


def test_a_requirements_section_cut_before_its_measures_is_no_clause():
    text = (
        _STAGES
        + """五、工作措施和要求
各乡镇要认真贯彻落实县委县政府的决策部署,确保专项行动取得实效。
"""
    )
    assert [label for label, _, _ in _tasks(text)] == ["(一)", "(二)", "(三)"]


def test_a_closing_section_naming_its_own_unit_stays_a_clause():
    text = (
        _STAGES
        + """五、保障措施
县财政局要保障专项行动经费。(牵头单位:县财政局)
"""
    )
    assert ("五", ["县财政局"], []) in _tasks(text)


def test_a_measures_section_is_no_closing_section():
    text = (
        _STAGES
        + """五、工作措施
县财政局要保障专项行动经费。
"""
    )
    assert ("五", ["县财政局"], []) in _tasks(text)


# --- Roman serials under a web page's marks ---------------------------------------------------------


def test_roman_serials_after_a_web_pages_marks_are_the_plan():
    for first, second in (("Ⅰ-1 ", "Ⅰ-2 "), ("Ⅰ-1、", "Ⅰ-2、")):
        text = f"""某县人民政府关于印发某县分工方案的通知
发布时间:2024-03-01 浏览次数:
各乡镇人民政府,县直各单位:
现将《某县分工方案》印发给你们,请认真贯彻执行。
某县人民政府
2024年3月1日
某县分工方案
Ⅰ、工作分工
{first}加快重点区域开发建设,改善投资创业环境。(县发展改革委)
"""
        assert _tasks(text) == [("Ⅰ-1", ["县发展改革委"], [])], first
        text = text + f"{second}加强生态环境保护。(县生态环境局)\n"
        assert [label for label, _, _ in _tasks(text)] == ["Ⅰ-1", "Ⅰ-2"]


def test_a_footer_after_roman_serials_is_still_a_tail():
    text = """某县分工方案
Ⅰ、工作分工
Ⅰ-1 加快重点区域开发建设。(县发展改革委)
Ⅰ-2 加强生态环境保护。(县生态环境局)
【打印本页】【关闭窗口】
主办单位:某县人民政府办公室 承办单位:某县大数据中心
"""
    assert _tasks(text) == [("Ⅰ-1", ["县发展改革委"], []), ("Ⅰ-2", ["县生态环境局"], [])]


# --- a body that takes an order on -------------------------------------------------------------------

_ORDERS = "\n".join(
    [
        "市政府确定4件重点办理建议",
        "本报讯 今年确定4件市人大代表建议进行重点办理,分别由市政府领导和市直部门领办,市政府有关部门具体办理。",
        "这4件建议中,关于加快老旧小区改造的建议,由市住建局领办;关于推进农村养老服务设施建设的建议,由副市长吴敏领办;"
        "关于完善公交线网的建议,由市交通运输局、市公安局领衔办理;关于加强小型水库安全管理的建议,由市政府办公室牵头督办。",
    ]
)


def test_a_body_that_takes_an_order_on_leads_it():
    doc = parse_bytes(_ORDERS.encode(), filename="doc.txt", year=2021)
    assert [(t.lead_units, t.leaders) for t in doc.tasks] == [
        (["市住建局"], []),
        (["市政府有关部门"], ["副市长吴敏"]),
        (["市交通运输局", "市公安局"], []),
        # A body that only 督办 oversees: the units stated for the list carry the order out.
        (["市政府有关部门"], []),
    ]
    assert not {"市住建局", "市交通运输局"} & {name for t in doc.tasks for name in t.leaders}


def test_a_vague_body_takes_no_order_on():
    text = "\n".join(
        [
            "市政府领导领办重点提案",
            "今年确定3件重点提案。关于建设城市绿道的提案,由副市长孙立领办;关于治理黑臭水体的提案,由副市长李红领办;"
            "关于规范共享单车停放的提案,由有关部门领办。",
        ]
    )
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2021)
    assert (doc.tasks[0].leaders, doc.tasks[0].lead_units) == (["副市长孙立"], [])
    assert all("有关部门" not in t.lead_units + t.co_units for t in doc.tasks)
