"""Conventions met in blind round 107 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it:
- a township's own short notice or rules names its doers as its items' sentence subjects: its offices and groups
  short (`街道党政办在每月例会上…通报`, `巡查组每周…`, `成立督查组,…每周…`, `每季度召开…领导小组例会`, `要求责任单位…`),
  the body that only checks co (`党建办负责审核`, `领导小组随机抽查`), persons by post the leaders (`街道领导、机关中层
  干部每月…`, `街道党工委书记作点评`); near cases: an office that only receives, posts in a sentence's object, a meeting
  of no body, a post held (`镇党委书记担任总河长`), the same items in a county's notice;
- a theme phrase opening each paragraph of a town's project list (`围绕“产业兴旺”,。由A负责的…项目`) opens that
  paragraph's item, never the end of the item before it nor the header;
- a `|` table's line holding an item's second indicator alone, its other cells merged down (`新增学位540个 | |||`), is
  the item's sub-item with the unit and target of the row above; a category name or a note alone is not;
- a notice's 落款 and its date (also a date a page stored as bare digits, `2020118`) and the page's footer after it
  (`信息来源:暂无来源`, `首页`) are no text of the last item.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.indicator_rows import lone_indicator
from policy_tasks.parsing.theme_phrases import theme_end, theme_start
from policy_tasks.parsing.township_subjects import TOWNSHIP, township_kind


def _parse(text: str, year: int = 2025):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _read(doc) -> list[tuple[str, list[str], list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units), list(t.leaders)) for t in doc.tasks]


def _dates(task) -> list[date]:
    return [m.due_date for m in task.milestones if m.due_date and m.kind != "target"]


# --- a township's own notice: its doers as its sentences' subjects ------------------------------------------------

_STREET = """各社区,机关各部门:
为压实联系社区工作责任,现就街道领导和机关中层干部联系社区走访工作有关事项通知如下:
一、定期走访。街道领导、机关中层干部每月不少于2次走访所联系社区,由街道领导及时协调解决社区反映的问题。走访记录报街道综治中心存档。
二、每月通报。街道党政办在每月例会上通报上月街道领导和机关中层干部走访情况。街道党工委书记作点评。
三、年终考核。街道领导须在年终述职报告中写明走访情况,机关中层干部在年度考核表中写明相关情况。党建办负责审核。
特此通知。
中共某某区某某街道工作委员会 某某区某某街道办事处
2025年3月1日
"""


def test_a_street_notices_subjects_are_its_units_and_its_posts_its_leaders():
    doc = _parse(_STREET)
    assert _read(doc) == [
        # the 综治中心 only keeps the records: no unit
        ("一", [], [], ["街道领导", "机关中层干部"]),
        # the posts in the object (`通报上月街道领导和机关中层干部走访情况`) are no leaders
        ("二", ["街道党政办"], [], ["街道党工委书记"]),
        # the office that only checks what the persons write helps; no one leads
        ("三", [], ["党建办"], ["街道领导", "机关中层干部"]),
    ]
    assert not [w for w in doc.warnings if "不像人名或职务" in w.message]  # cadres by post are persons


_TOWN_RULES = """某某镇河道保洁管理制度
为巩固河道整治成果,结合我镇实际,制定本制度。
1、建立巡查制度。巡查组每周巡查河道不少于一次,发现问题及时交办。
2、建立督办制度。成立督查组,对照保洁标准,每周通报各村保洁情况。
3、建立例会制度。原则上每季度召开河道保洁领导小组例会,研究解决存在问题。
4、建立整改制度。要求责任单位对照问题清单限期整改,领导小组随机抽查。
5、建立会商制度。重难点问题提请工作例会研究解决。
某某镇人民政府
2025年4月2日
"""


def test_a_towns_rules_charge_the_bodies_they_name_and_keep_the_silent_rule():
    doc = _parse(_TOWN_RULES)
    assert _read(doc) == [
        ("1", ["巡查组"], [], []),
        ("2", ["督查组"], [], []),  # `成立督查组,…`: the group set up does the work after it
        ("3", ["河道保洁领导小组"], [], []),  # the body whose meeting the item holds
        ("4", ["责任单位"], ["领导小组"], []),  # required of the role; the group that only spot-checks helps
        ("5", [], [], []),  # a meeting of no body names no one, and the silent rule is still one of the town's
    ]
    assert township_kind([(1, "某某镇河道保洁管理制度")]) == {TOWNSHIP}


def test_the_same_items_in_a_countys_notice_charge_no_one():
    county = _TOWN_RULES.replace("某某镇河道保洁管理制度", "某县河道保洁管理制度").replace(
        "某某镇人民政府", "某县水利局"
    )
    doc = _parse(county)
    assert all(not t.lead_units and not t.co_units for t in doc.tasks)
    street = _STREET.replace("中共某某区某某街道工作委员会 某某区某某街道办事处", "某某区人民政府办公室")
    assert all(not t.leaders for t in _parse(street).tasks)


_RIVER_PLAN = """{place}全面推行河长制实施方案
一、实施内容
(一)健全责任体系。镇党委书记担任总河长,班子成员分管重点河段,村级设置河道管理员。
(二)强化重点任务。年内完成河道划界确权,建成3个畜禽粪污集中处理点。
二、工作安排
(一)2025年重点任务:完成河道基础信息普查。
(二)2026年重点任务:建立水质监测预警系统。
"""


def test_posts_held_or_shared_out_are_no_charge_and_leave_the_clauses_as_they_were():
    town, county = _parse(_RIVER_PLAN.format(place="某某镇")), _parse(_RIVER_PLAN.format(place="某县"))
    assert [t.label for t in town.tasks] == [t.label for t in county.tasks] == ["一(一)", "一(二)", "二(一)", "二(二)"]
    assert all(not t.leaders for t in town.tasks)


def test_no_phrase_or_government_name_passes_for_a_townships_title():
    for line in (
        "推动数字城乡试点建设",
        "大力实施乡村振兴战略",
        "金乡县人民政府",
        "新型城镇化建设实施方案",
        "各乡镇人民政府",
    ):
        assert township_kind([(1, line)]) == frozenset(), line
    assert township_kind([(9, "某某区某某街道办事处")]) == {TOWNSHIP}


# --- a theme phrase opening each paragraph of a town's project list ---------------------------------------------

_THEMES = """[ 字体:大 中 小 时间:2025-05-06 10:00 稿源:某某镇党委 ]
今年我镇确定“我为群众办实事”重点项目8项。
围绕“产业兴旺”,。由镇农业服务中心负责的高标准农田建设项目,,新建高标准农田3000亩,,预计2025年9月份完成。
聚焦“生态宜居”,。由镇村建办负责的污水管网延伸项目,,新建污水管网8公里,,预计2025年10月份完成,。
聚焦“民生福祉”。由镇社会事务办负责的养老服务中心提升项目,,改造用房1200平方米,,预计2025年12月份完成。
"""


def test_the_theme_opens_its_paragraphs_item():
    doc = _parse(_THEMES)
    assert [t.text.split("。", 1)[0] for t in doc.tasks] == ["围绕“产业兴旺”,", "聚焦“生态宜居”,", "聚焦“民生福祉”"]
    assert all("聚焦" not in t.text[4:] for t in doc.tasks)  # no item ends with the next one's theme
    assert [list(t.lead_units) for t in doc.tasks] == [["镇农业服务中心"], ["镇村建办"], ["镇社会事务办"]]
    assert [_dates(t) for t in doc.tasks] == [[date(2025, 9, 30)], [date(2025, 10, 31)], [date(2025, 12, 31)]]


def test_a_copy_that_ran_the_paragraphs_together_reads_the_same():
    run_on = "".join(line.strip() for line in _THEMES.splitlines())
    doc = _parse(run_on)
    assert [t.text.split("。", 1)[0] for t in doc.tasks] == ["围绕“产业兴旺”,", "聚焦“生态宜居”,", "聚焦“民生福祉”"]
    assert [list(t.lead_units) for t in doc.tasks] == [["镇农业服务中心"], ["镇村建办"], ["镇社会事务办"]]


def test_a_group_phrase_or_a_plain_sentence_is_no_theme():
    text = "完成。聚焦“幸福民生”,。由A负责的项目"
    assert theme_start(text, text.index("由")) == text.index("聚焦")
    assert theme_end("聚焦“幸福民生”,。由A负责的项目") == len("聚焦“幸福民生”,。")
    group = "民生保障类4项实事中,由A负责的项目"  # round 98's lead-in to several projects
    assert theme_start(group, group.index("由")) == group.index("由")
    plain = "加快推进重点项目建设。由A负责的项目"
    assert theme_start(plain, plain.index("由")) == plain.index("由") and theme_end(plain) == 0
    quoted = "他说“好”,由A负责的项目"  # a quotation inside a sentence opens no item
    assert theme_start(quoted, quoted.index("由")) == quoted.index("由")
    assert theme_end("他说“好”") == 0  # nothing after it


# --- an item's further indicator on a row of its own ---------------------------------------------------------------

_INDICATORS = """2025年度民生实事二季度进展情况
序号 | 工作任务 | 责任单位 | 二季度目标 | 进展情况 |
1 | 新建公办幼儿园2所 | 区教育局 | 主体结构完工 | 已开工建设 |
新增学位540个 | |||
2 | 改造提升农贸市场3个 | 区商务局 | 完成招标 | 已完成设计 |
"""


def test_an_indicator_line_under_a_merged_row_is_the_items_second_task():
    doc = _parse(_INDICATORS)
    assert [t.text.split("。", 1)[0] for t in doc.tasks] == [
        "新建公办幼儿园2所",
        "新增学位540个",
        "改造提升农贸市场3个",
    ]
    assert [list(t.lead_units) for t in doc.tasks] == [["区教育局"], ["区教育局"], ["区商务局"]]
    # the merged 二季度目标 cell dates both of the item's tasks
    assert [_dates(t) for t in doc.tasks] == [[date(2025, 6, 30)]] * 3


def test_a_category_or_a_note_alone_on_a_row_is_no_indicator():
    kinds = ["number", "title", "listed", "due", "note"]
    assert lone_indicator(["新增学位540个", "", "", "", ""], kinds) == "新增学位540个"
    assert lone_indicator(["城乡建设类项目", "", "", "", ""], kinds) is None  # a category: no figure
    assert lone_indicator(["注:以上数据截至6月底", "", "", "", ""], kinds) is None
    assert lone_indicator(["二、民生类10项", "", "", "", ""], kinds) is None  # a heading
    assert lone_indicator(["新增学位540个", "区教育局", "", "", ""], kinds) is None  # a row with cells of its own
    doc = _parse(_INDICATORS.replace("新增学位540个 | |||", "城乡建设类项目 | |||"))
    assert [t.text.split("。", 1)[0] for t in doc.tasks] == ["新建公办幼儿园2所", "改造提升农贸市场3个"]


# --- a notice's close and the page's footer ---------------------------------------------------------------------

_CLOSE = """某某镇人居环境整治督办制度
1、建立周通报制度。督查组每周通报各村整治情况。
2、建立月考评制度。镇考评办每月对各村考评一次。
{close}
"""


def test_a_signature_over_a_date_stored_as_bare_digits_and_the_footer_are_no_items_text():
    close = "                 某某镇人民政府\n\n                          2020118\n\n\n信息来源:暂无来源\n首页"
    doc = _parse(_CLOSE.format(close=close), year=2020)
    last = doc.tasks[-1]
    assert last.text == "建立月考评制度。镇考评办每月对各村考评一次。"
    assert list(last.lead_units) == ["镇考评办"]


def test_a_signed_close_dates_the_notice_and_leaves_the_item():
    doc = _parse(_CLOSE.format(close="某某镇人民政府\n2020年11月8日"), year=2020)
    assert doc.tasks[-1].text.endswith("考评一次。")
    assert doc.issued_on == date(2020, 11, 8)


def test_the_footer_alone_after_the_last_item_is_the_pages():
    doc = _parse(_CLOSE.format(close="信息来源:暂无来源\n首页"), year=2020)
    assert doc.tasks[-1].text.endswith("考评一次。")
    # above the article, a source field is the page's header and the items follow it as before
    above = _parse("信息来源:某某镇\n" + _CLOSE.format(close=""), year=2020)
    assert [t.label for t in above.tasks] == ["1", "2"]
