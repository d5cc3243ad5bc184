"""Conventions met in blind round 21b (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (谯城 2023 科技 rows,
广东省卫健委 2021 政务公开 ledger, 华容 2021 文旅 plan, 云浮 2019 学前教育). At the round's first
look the parser refused a department's rows of a larger space-separated table (serials from 33, a
unit cell written a unit a line), read no unit in a cell ending `等按职责分工落实` or in a bracket
closing with its own reading rule (`排名第一位为牵头单位,下同`), took `宣传处会办公室` for one unit,
and chose the wrong items of a plan that assigns its items to persons only.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.units import read_responsibility


def _units(doc):
    return [(t.lead_units, t.co_units) for t in doc.tasks]


def test_a_space_table_excerpt_keeps_the_larger_lists_serials():
    # A bureau publishes its own rows of the county's table: they keep the table's numbers.
    doc = parse_document(
        "某县2024年重点工作任务分解表(县农业农村局部分)\n"
        "序号 重点工作任务 牵头单位 配合单位 完成时限\n"
        "17 新建高标准农田2万亩。 县农业农村局 县财政局、县自然资源局 2024年10月底\n"
        "18 培育县级以上农业产业化龙头企业5家。 县农业农村局 县市场监管局 2024年12月底\n",
    )
    assert [t.label for t in doc.tasks] == ["17", "18"]
    assert _units(doc) == [(["县农业农村局"], ["县财政局", "县自然资源局"]), (["县农业农村局"], ["县市场监管局"])]
    assert [m.due_date for m in doc.tasks[0].milestones if "时限" in m.text] == [date(2024, 10, 31)]


def test_a_unit_cell_written_a_unit_a_line_keeps_its_row_going():
    # The row's line ends with its first lead unit; the others follow a line each, then the
    # co units and the date on a line of their own. The next row starts at the next serial.
    doc = parse_document(
        "某区2022年重点任务分解表\n"
        "序号 重点任务 牵头单位 配合单位 完成时限\n"
        "5 建成区级数据共享平台,实现部门数据按需共享。 区大数据中心\n"
        "区政务服务中心\n"
        "区财政局\n"
        "区发改委、区司法局等有关部门。 2022年9月底\n"
        "6 完成政务服务事项标准化梳理。 区政务服务中心 各街道办事处 2022年6月底\n",
    )
    assert _units(doc) == [
        (["区大数据中心", "区政务服务中心", "区财政局"], ["区发改委", "区司法局"]),
        (["区政务服务中心"], ["各街道办事处"]),
    ]
    assert date(2022, 9, 30) in [m.due_date for m in doc.tasks[0].milestones]


def test_a_main_responsibility_column_beside_a_helping_one_leads():
    doc = parse_document(
        "某市文旅工作任务分解表\n"
        "序号 工作任务 主要责任单位 协同配合单位 完成期限\n"
        "1 创建省级全域旅游示范区。 市文旅局、市发改委 市自然资源局 2023年12月底\n",
    )
    assert _units(doc) == [(["市文旅局", "市发改委"], ["市自然资源局"])]


def test_an_etc_phrase_naming_the_rests_level_is_no_unit():
    # `等区政府有关部门` (the other departments of the district government) names no one, run into
    # the last name or standing as a name of its own.
    found = read_responsibility("建设智慧农业示范园。(责任单位:区农业局、区财政局等区政府有关部门)")
    assert found.roles["listed"][:1] == ["区农业局"]
    doc = parse_document(
        "某区任务分解表\n"
        "序号 重点任务 牵头单位 配合单位 完成时限\n"
        "1 推进智慧农业示范园建设。 区农业局 区财政局、区科技局、等区政府有关部门,区农投公司。 2023年12月底\n",
    )
    assert _units(doc) == [(["区农业局"], ["区财政局", "区科技局", "区农投公司"])]


def test_a_unit_cell_ending_in_its_shared_duty_names_its_units():
    # `…等按职责分工落实` as `…等按职责分工负责`: the listed offices answer for the row, the first
    # leading, also where a merged task cell leaves the rows' cells to be told apart by what they
    # hold (a page's table stored a row a line with ` |` after each cell, an empty 备注 a lone `|`).
    doc = parse_document(
        "某局2022年政务公开重点任务台账 |\n"
        "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |\n"
        "1 | 做好疫情防控信息发布 | 围绕隔离管控、精准防控发布权威信息 | 应急办、疾控处、医政处等按职责分工落实 | 长期推进 |\n"
        "|\n"
        "2 | 做好疫苗接种信息公开 | 疾控处 | 长期推进 |\n"
        "|\n"
        "3 | 政务公开常规事项 | 推进预算、决算信息公开 | 财务处 | 2022年8月底 |\n"
        "|\n"
        "4 | 规范性文件统一公开 | 政法处 | 长期推进 |\n"
        "|\n",
    )
    assert _units(doc) == [(["应急办"], ["疾控处", "医政处"]), (["疾控处"], []), (["财务处"], []), (["政法处"], [])]
    # The 细化分工 column is the row's task worked out: the row's text, not lost.
    assert "围绕隔离管控" in doc.tasks[0].text


def test_a_unit_that_works_together_with_another_leads_it():
    # `A会同B`: A organises the work, B joins in; a cell short of room writes `A会B`.
    assert read_responsibility("开展专项检查。(市教育局会同市市场监管局负责)").lead_and_co() == (
        ["市教育局"],
        ["市市场监管局"],
    )
    assert read_responsibility("规范信息发布。(责任处室:新闻处会办公室)").lead_and_co() == (["新闻处"], ["办公室"])
    # A bare 会 joins names only after a department's ending: 管委会 and 委员会 stay whole.
    assert read_responsibility("完善园区配套。(责任单位:开发区管委会)").lead_and_co() == (["开发区管委会"], [])
    assert read_responsibility("开展调研。(责任单位:市科学技术协会、市妇女联合会)").lead_and_co() == (
        ["市科学技术协会"],
        ["市妇女联合会"],
    )


def test_a_lists_own_reading_rule_is_no_unit_and_carries_no_units():
    # `(A,B,C,排名第一位为牵头单位,下同)`: the rule says the first leads; its 下同 carries the rule.
    doc = parse_document(
        "某市推进义务教育优质均衡发展行动方案\n"
        "一、优化资源配置\n"
        "(一)扩大学位供给。新建改扩建中小学10所。(市教育局,市发展改革局,各县<市、区>人民政府,排名第一位为牵头单位,下同)\n"
        "(二)加强教师配备。补充教师500名。(市人社局,市教育局)\n"
        "(三)推进集团化办学。组建教育集团5个。\n"
        "(四)改善办学条件。完成薄弱学校改造20所。(市财政局、市教育局,排在第一位的为牵头单位,其他为配合单位)\n",
        year=2021,
    )
    assert _units(doc) == [
        (["市教育局"], ["市发展改革局", "各县<市、区>人民政府"]),
        (["市人社局"], ["市教育局"]),
        ([], []),
        (["市财政局"], ["市教育局"]),
    ]


def test_items_assigned_to_persons_only_are_the_clauses():
    # A bureau's plan names who answers for each measure by name: `牵头责任人` and `具体责任人` are
    # leaders, and their items are the clauses, as items naming units would be. A measure written
    # as a paragraph of its own under its task's heading, after a blank line, is that task's.
    doc = parse_document(
        "某县文化局关于落实2022年县政府重点工作的实施方案\n"
        "一、指导思想\n"
        "\n"
        "以建设文化强县为目标,推动文化事业高质量发展。\n"
        "\n"
        "二、工作任务\n"
        "\n"
        "(一)建设乡镇综合文化站。\n"
        "\n"
        "全年建成乡镇综合文化站5个。(牵头责任人:李明,具体责任人:王芳、赵强)\n"
        "\n"
        "(二)提升景区服务水平。\n"
        "\n"
        "1.完善游客服务中心设施。(牵头责任人:陈刚,具体责任人:周丽)\n"
        "\n"
        "2.建设智慧景区导览系统。(牵头责任人:陈刚,具体责任人:孙伟)\n",
    )
    assert [t.title[:8] for t in doc.tasks] == ["建设乡镇综合文化", "完善游客服务中心", "建设智慧景区导览"]
    assert [t.leaders for t in doc.tasks] == [["李明", "王芳", "赵强"], ["陈刚", "周丽"], ["陈刚", "孙伟"]]
    assert _units(doc) == [([], [])] * 3
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2022, 12, 31)]
