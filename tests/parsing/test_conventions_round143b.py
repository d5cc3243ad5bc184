"""Round 143's conventions, second part: a township's notice whose lead-in charges one group before its items
(`…,各村(居)委会要高度重视…:`), a heading's title on its own line above a paragraph opening with its day
(`(四)举行…报告会` / `5月8日左右,邀请…`), and an activity section whose paragraph opens with its days dating the
activities under it (`(五)开展…活动` / `5月7-13日,在全区…` / `1、进校园活动。`)."""

from policy_tasks.parsing import parse_bytes


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", assume_year=2026)


def _leads(text: str) -> list[tuple[str, list[str]]]:
    return [(t.label, t.lead_units) for t in _parse(text).tasks]


def _dates(text: str) -> list[tuple[str, list[str]]]:
    return [(t.label, [m.due_date.isoformat() for m in t.milestones if m.due_date]) for t in _parse(text).tasks]


LEAD_IN = (
    "加强森林防火通知\n"
    "近期,天气连晴,森林防火形势严峻。因此,经乡党政联席会议研究,决定在当前及今后一段时期内,"
    "{group}要高度重视森林防火工作、认真落实相关措施:\n"
    "一、责任到位\n"
    "明确到村民小组,名单报乡防火办。\n"
    "二、宣传到位:\n"
    "1.发放一封信到每家每户;\n"
    "2.在醒目的地方刷写宣传标语;\n"
    "3.各学校每周上好一堂森林防火宣传课。\n"
    "三、巡查到位:\n"
    "组织专人进行巡查。\n"
)


def test_a_lead_in_charging_one_group_leads_every_measure() -> None:
    leads = _leads(LEAD_IN.format(group="各村(居)委会"))
    # The lowest items whatever their level: 一 and 三's paragraphs beside 二's points.
    village = ["各村(居)委会"]
    # A point opening with its own group of institutions is theirs.
    assert leads == [("一", village), ("1", village), ("2", village), ("3", ["各学校"]), ("三", village)]


def test_a_lead_in_group_run_into_one_paragraph() -> None:
    text = LEAD_IN.format(group="各村(社区)").replace("\n", " ").replace("通知 ", "通知\n", 1)
    assert [lead for _, lead in _leads(text)] == [["各村(社区)"]] * 3 + [["各学校"], ["各村(社区)"]]
    # `二、宣传到位:` run on before its points, which are read, is no item left unread (`list_doubts`).
    assert not [w for w in _parse(text).warnings if "未读作条款" in w.message]


def test_lead_ins_that_charge_no_office() -> None:
    # A bare group of units, two groups, and a group in a sentence that does not open the items (`各学校` still
    # is left out: no lead-in group to set it apart from).
    for group in ("各单位", "各村、各站所"):
        assert all(lead == [] for label, lead in _leads(LEAD_IN.format(group=group)) if label != "3")
    closed = LEAD_IN.format(group="各村").replace("相关措施:\n", "相关措施。现通知如下:\n")
    assert all(lead == [] for label, lead in _leads(closed) if label != "3")


TITLED = (
    "(四)举行一场应急管理、防灾减灾的知识专题报告会\n"
    "{day},邀请市级防灾减灾专家作专场报告会。\n"
    "牵头单位:区应急办、区气象局\n"
    "(五)开展一次防灾减灾知识“四进”活动\n"
    "{span},在全区广泛开展防灾减灾知识进校园、进企业活动,通过印发宣传资料等形式普及知识。\n"
    "1、进校园活动。\n"
    "开展学校防灾减灾宣传教育活动。\n"
    "牵头单位:区教委\n"
    "2、进企业活动。\n"
    "组织企业开展应急演练,6月10日前完成。\n"
    "牵头单位:区应急局\n"
)


def test_a_title_line_above_its_day_and_a_section_dating_its_activities() -> None:
    assert _dates(TITLED.format(day="5月8日左右", span="5月7-13日")) == [
        ("(四)", ["2026-05-08"]),
        ("1", ["2026-05-13"]),
        ("2", ["2026-06-10"]),  # an activity with its own day keeps it alone
    ]


def test_the_same_in_another_layout() -> None:
    # Days written in full, the span with 至.
    assert _dates(TITLED.format(day="5月20日", span="5月7日至13日")) == [
        ("(四)", ["2026-05-20"]),
        ("1", ["2026-05-13"]),
        ("2", ["2026-06-10"]),
    ]


def test_days_that_date_no_title_or_section() -> None:
    # The title closed its sentence before the day; a deadline opening the section's paragraph is its own.
    text = TITLED.format(day="5月8日左右", span="5月底前").replace("专题报告会\n", "专题报告会,\n")
    got = dict(_dates(text))
    assert got["1"] == [] and got["2"] == ["2026-06-10"]


def test_a_title_run_into_its_day_by_a_pdf_reader() -> None:
    # The reader joined each title to the paragraph below: the day still opens it, and the section's days date 1.
    text = TITLED.format(day="5月8日左右", span="5月7-13日").replace("报告会\n5月", "报告会5月")
    text = text.replace("活动\n5月", "活动5月")
    assert _dates(text) == [("(四)", ["2026-05-08"]), ("1", ["2026-05-13"]), ("2", ["2026-06-10"])]
