"""A plan saved or copied from a portal, or printed with its 版记, reads as the plan alone.

The site's furniture (breadcrumbs and a font switch above, print links, the host line, the
registration and `技术支持` below) and a notice's copy list (`抄送:`) name offices the way a plan's
labels do; none of them is a clause's unit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.document import parse_source
from policy_tasks.parsing.page_tail import tail_lines
from policy_tasks.parsing.sources import Source, read_source

CORPUS = Path(__file__).parent / "corpus"
SEED = Path(__file__).resolve().parents[2] / "fixtures" / "kecheng-2023-16.txt"
DOCUMENTS = sorted(p for p in CORPUS.iterdir() if p.is_dir())
ABOVE = ["首页 > 政府信息公开 > 政策文件 > 规范性文件", "【字体:大 中 小】 打印本页 关闭窗口", "分享到:微信 微博"]
BELOW = [
    "【打印本页】【关闭窗口】",
    "主办单位:某某市人民政府办公室 承办单位:某某市大数据中心",
    "网站标识码:3301000001 浙ICP备05012345号-1 浙公网安备 33010202000123号",
    "地址:某某市人民路1号 电话:0571-12345678",
    "技术支持:某某科技有限公司 网站地图 联系我们",
]
COLOPHON = [
    "抄送:区委各部门,区人大常委会办公室,区政协办公室,区法院,区检察院。",
    "某某区人民政府办公室 2023年3月1日印发",
]


def _tasks(parsed):
    return [
        (t.label, t.lead_units, t.co_units, t.leaders, [(m.due_date, m.kind) for m in t.milestones])
        for t in parsed.tasks
    ]


@pytest.mark.parametrize("folder", DOCUMENTS, ids=lambda p: p.name)
def test_a_plan_in_a_portals_page_reads_as_the_plan(folder):
    path = next(p for p in folder.iterdir() if p.name.startswith("source."))
    source = read_source(path.read_bytes(), path.name)
    plain = parse_source(source, assume_year=2026)
    page = Source(source.kind, source.filename, [*ABOVE, *source.blocks, *BELOW], list(source.page_headers))
    assert _tasks(parse_source(page, year=plain.year)) == _tasks(plain)


def test_a_notices_copy_list_is_no_units_and_its_issuing_date_stays():
    text = SEED.read_text(encoding="utf-8")
    plain = parse_document(text)
    printed = parse_document(text + "\n" + "\n".join(COLOPHON) + "\n")
    assert _tasks(printed) == _tasks(plain)
    names = {name for t in printed.tasks for name in (*t.lead_units, *t.co_units)}
    assert not names & {"区委各部门", "区人大常委会办公室", "区法院"}


def test_a_clauses_own_host_label_above_the_footer_stays():
    lines = ["1. 举办招商推介会。9月底前完成。", "主办单位:区商务局,协办单位:区财政局。", *BELOW]
    assert tail_lines(lines) == set(range(2, len(lines)))


def test_marks_above_a_plan_with_no_numbering_leave_the_plan():
    lines = [
        "发布时间:2023-07-12 信息来源:区科技局 浏览次数: 字体:[ ]",
        "序号 重点工作任务 主要责任单位 完成期限",
        "1 推进科技创新 区科技局 12月底前",
        "2 建设孵化平台 区经信局 10月底前",
    ]
    assert tail_lines(lines) == set()


@pytest.mark.parametrize("closing", ["（此件公开发布）", "某某市人民政府办公室 2011年3月18日印发"])
def test_a_notices_closing_line_after_a_table_flattened_a_cell_a_line_is_no_cell(closing):
    path = CORPUS / "jiangsu-suzhou-2011" / "source.txt"
    text = path.read_text(encoding="utf-8")
    plain = parse_document(text)
    closed = parse_document(text + "\n" + closing + "\n")
    assert _tasks(closed) == _tasks(plain)
    assert _tasks(closed)[-1][1:3] == (["市商务局"], [])
