"""Conventions met in blind round 29 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (芜湖's 2019 重点工作任务
分解表, 嘉兴's 民营经济 实施方案 as a document-sharing site previews it). At the round's first look the
parser did not find a table flattened a cell a line whose task column's header cell a justified
table had spread with spaces (`目   标   与   任   务`); read a preview's page counters (`1、`, `2、`) as
items; left the outline's opening run together (`。一、X(一)Y`); and read no unit from a bracket whose
reading rule is followed by a carry sentence (`…,列第一位的为牵头单位,下同。以下均需A落实,不再列出)`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.preview_pages import rejoin_preview_pages
from policy_tasks.parsing.spread_cells import unspread


def test_a_header_cell_spread_by_spaces_is_the_word_it_spells():
    assert unspread("  目   标   与   任   务 ") == "目标与任务"
    assert unspread("责 任 单 位") == "责任单位"
    # Words are not single characters: a cell of two words stays as it is.
    assert unspread("牵头单位 配合单位") == "牵头单位 配合单位"
    assert unspread("  12  ") == "12"


def test_a_cell_a_line_table_with_a_spread_task_header_is_read():
    doc = parse_bytes(
        (
            "某县人民政府办公室关于分解下达2018年度县政府重点工作任务的通知\n"
            "各乡镇人民政府,县政府各部门:\n"
            "现将2018年度县政府重点工作任务分解下达给你们,请认真组织实施。\n"
            "某县人民政府办公室\n"
            "2018年3月2日\n"
            "附件\n"
            "2018年度县政府重点工作任务分解表\n"
            "序    号\n"
            "工   作   任   务\n"
            "牵头责任单位\n"
            "责  任  单  位\n"
            "     1      \n"
            "新建改建农村公路120公里。\n"
            "县交通运输局\n"
            "各乡镇人民政府、县财政局\n"
            "     2      \n"
            "新增城镇就业3000人。\n"
            "县人社局\n"
            "县发改局\n"
        ).encode(),
        filename="doc.txt",
        year=2018,
    )
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["县交通运输局"], ["各乡镇人民政府", "县财政局"]),
        ("2", ["县人社局"], ["县发改局"]),
    ]


_PAGE_ONE = (
    "1、某市支持外贸稳规模优结构实施方案为贯彻落实省委省政府决策部署,稳住外贸基本盘,结合本市实际,制定本实施方案。"
    "一、强化外贸主体培育(一)壮大外贸经营主体。实施外贸主体培育行动,支持生产型企业取得进出口经营权,"
    "引导内贸企业拓展国际市场,培育一批年进出口额超亿元的骨干企业,对首次开展进出口业务的企业给予开办费用补助,"
    "对年进出口额增长较快的企业按增量给予奖励,鼓励各地建设外贸综合服务平台,为中小微外贸企业提供通关、物流、"
    "退税、结算、信保等一站式服务,对平台服务中小微企业达到一定数量的给予运营补"
)
_PAGE_TWO = (
    "2、助,支持企业参加境外重点展会。(市商务局、市财政局,各县(市、区)政府,列第一位的为牵头单位,下同。"
    "以下均需各县(市、区)政府落实,不再列出)"
)


def test_preview_page_counters_are_no_items_and_the_pages_run_on():
    lines = [
        ("某市支持外贸稳规模优结构实施方案.docx由会员分享,可在线阅读。", True),
        (_PAGE_ONE, True),
        (_PAGE_TWO, True),
    ]
    out = [text for text, _ in rejoin_preview_pages(lines)]
    assert out[1].startswith("某市支持外贸") and out[1].endswith("制定本实施方案。")
    assert out[2:4] == ["一、强化外贸主体培育", out[3]] and out[3].startswith("(一)壮大外贸经营主体")
    assert "运营补助,支持企业参加境外重点展会" in out[3]
    assert not any(text.startswith(("1、", "2、")) for text in out)
    # A copy that numbers the counters with a list writes them `1. ` / `2. `: the same pages.
    listed = [(text.replace("1、", "1. ", 1).replace("2、", "2. ", 1), True) for text, _ in lines]
    assert [text for text, _ in rejoin_preview_pages(listed)] == out


def test_short_numbered_lines_and_finished_items_are_no_preview_pages():
    lines = [("1、总体要求", True), ("2、主要任务", True), ("1、" + "加快建设。" * 50, True), ("2、完善机制。", True)]
    assert rejoin_preview_pages(lines) == lines


def test_a_preview_reads_its_first_measure_with_the_bracket_rule_and_carry():
    doc = parse_bytes(
        (
            "某市支持外贸稳规模优结构实施方案.docx由会员分享,可在线阅读。\n" + _PAGE_ONE + "\n" + _PAGE_TWO + "\n"
        ).encode(),
        filename="doc.txt",
        year=2024,
    )
    assert [(t.label, t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(一)", "壮大外贸经营主体", ["市商务局"], ["市财政局", "各县(市、区)政府"])
    ]


def test_a_reading_rule_before_a_carry_sentence_in_one_bracket_names_no_unit():
    doc = parse_bytes(
        (
            "某市促进消费若干措施\n"
            "一、扩大消费\n"
            "(一)发放消费券。分批次发放消费券。(市商务局、市财政局,列第一位的为牵头单位,下同。"
            "以下均需各区政府落实,不再列出)\n"
            "(二)办好促消费活动。举办购物节。(市商务局、市文旅局)\n"
        ).encode(),
        filename="doc.txt",
        year=2024,
    )
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(一)", ["市商务局"], ["市财政局"]),
        ("(二)", ["市商务局"], ["市文旅局", "各区政府"]),
    ]
