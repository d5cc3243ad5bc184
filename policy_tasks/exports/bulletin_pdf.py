"""The bulletin as a PDF, drawn with fpdf2 in the CJK font shipped with the project.

fpdf2 is pure Python (fontTools reads and subsets the font, Pillow is a self-contained
wheel): an intranet machine without apt needs no Pango, GObject or system font
(docs/decisions.md "Bulletin PDF with fpdf2"). The page carries what the printable HTML
page (templates/exports/bulletin.html) and the Word file show: masthead, the six
sections, the tables with their headers repeated on each page, overdue figures in red.

Every string is gathered before anything is drawn and checked against the font
(pdf_font.require_text): a bulletin with a character the font lacks is refused with its
name, never printed with an empty box.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from django.utils import timezone

from accounts.models import Unit
from policy_tasks.exports import pdf_font
from policy_tasks.exports.bulletin import Bulletin
from policy_tasks.exports.pdf_blocks import Block, Late, Table

# fontTools reports every table and glyph list it subsets at INFO: it would flood the log.
logging.getLogger("fontTools").setLevel(logging.WARNING)
logging.getLogger("fpdf").setLevel(logging.WARNING)


def _date(value) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def _cells(values: list[Any]) -> list[str]:
    return [v if isinstance(v, str) else "" if v is None else str(v) for v in values]


def _late_if(value: Any, late: bool) -> str:
    return Late(value) if late else str(value)


def blocks(b: Bulletin, ctx: dict[str, Any]) -> list[Block]:
    """The bulletin, section by section, as render_bulletin_docx lays it out."""
    f = b.figures
    out = [
        Block("masthead", ["督查通报"]),
        Block("docno", [ctx["issue_number"]]),
        Block("issue", [ctx["issuer"], ctx["date_label"]]),
        Block("rule"),
        Block("title", [b.title]),
        Block("heading", ["一、总体情况"]),
        Block(
            "para",
            [
                f"截至{ctx['cutoff_label']}，{b.document.doc_number}共分解任务{f.tasks}项（已办结{f.tasks_closed}项），"
                f"设时限节点{f.milestones}个。本月到期节点{f.due_in_period}个；累计到期节点{f.due_by_end}个，其中按期办结"
                f"{f.closed_on_time}个、逾期办结{f.closed_late}个、逾期未完成",
                Late(f.overdue),
                f"个，按期完成率{ctx['rate']}。本月办结（销号）节点{f.closed_in_period}个；"
                f"本月应报未按时报送进度{f.missing_reports}次；"
                f"截至月末累计仍未报送进度{b.reports.missing}期，逾期补报{b.reports.late}期。",
            ],
        ),
    ]
    if b.overdue_units:
        parts = ["逾期未完成事项的牵头单位："]
        for index, u in enumerate(b.overdue_units):
            parts += [Late(u.name), f"（{u.overdue}项，最长逾期{u.max_days_late}天）"]
            if index < len(b.overdue_units) - 1:
                parts.append("、")
        out.append(Block("para", [*parts, "。请以上单位抓紧推进，限期办结。"]))

    def section(heading: str, table: Table) -> None:
        out.append(Block("heading", [heading]))
        out.append(Block("table", table=table) if table.rows else Block("none", ["无。"]))

    section("二、分领域情况", Table(
        ["领域", "任务", "本月到期", "累计到期", "按期办结", "逾期办结", "逾期未完成", "未按时报送", "按期完成率"],
        [_cells([a["label"], a["f"].tasks, a["f"].due_in_period, a["f"].due_by_end, a["f"].closed_on_time,
                 a["f"].closed_late, _late_if(a["f"].overdue, a["f"].overdue), a["f"].missing_reports, a["rate"]])
         for a in ctx["areas"]],
        widths=(28, *[9] * 8), align=("L", *"R" * 8),
    ))  # fmt: skip
    section("三、责任单位排名", Table(
        ctx["ranking_header"],
        [_cells([r["rank"], r["s"].unit.name, r["s"].tasks_led, r["s"].milestones_due, r["s"].closed_on_time,
                 r["rate"], _late_if(r["s"].overdue_count, r["s"].overdue_count), r["s"].overdue_as_co,
                 r["s"].missing_reports, r["s"].late_reports, r["s"].returned_completions, r["s"].extensions,
                 r["score"]])
         for r in ctx["ranking"]],
        widths=(5, 17, *[7] * 10, 8), align=("C", "L", *"R" * 11),
    ))  # fmt: skip
    out.append(Block("para", [ctx["formula"]]))
    section("四、逾期未完成事项", Table(
        ["条款", "具体任务", "牵头单位", "配合单位", "完成时限", "逾期天数"],
        [_cells([f"{i.task_ref}. {i.clause}", i.milestone, i.lead_units, i.co_units,
                 _date(i.due) + (f"\n（原定\n{_date(i.original_due)}）"
                                 if i.original_due and i.original_due != i.due else ""),
                 Late(i.days_late)])
         for i in b.overdue],
        widths=(18, 29, 13, 18, 15, 7), align=("L", "L", "L", "L", "C", "R"),
    ))  # fmt: skip
    section("五、本月办结事项", Table(
        ["条款", "具体任务", "牵头单位", "完成时限", "销号日期", "是否按期"],
        [_cells([f"{i.task_ref}. {i.clause}", i.milestone, i.lead_units, _date(i.due), _date(i.closed_on),
                 Late(f"逾期{i.days_late}天") if i.days_late else "按期"])
         for i in b.closed],
        widths=(22, 30, 12, 12, 12, 12), align=("L", "L", "L", "C", "C", "C"),
    ))  # fmt: skip
    section("六、进度未按时报送情况", Table(
        ["条款", "牵头单位", "填报周期", "报送截止", "实际报送"],
        [_cells([f"{r.task.ref}. {r.task.title}", cast(Unit, r.unit).name,
                 f"{_date(r.period.starts_on)}至{_date(r.period.ends_on)}", _date(r.period.due_on),
                 f"{_date(timezone.localtime(r.filed_at))}（迟报）" if r.filed_at else "未报送"])
         for r in b.missing],
        widths=(22, 16, 26, 14, 22), align=("L", "L", "C", "C", "C"),
    ))  # fmt: skip
    out.append(
        Block("footer", [f"数据截至{ctx['cutoff_label']}，由督办系统根据办理记录生成于{ctx['generated_label']}。"])
    )
    out.append(Block("signature", [ctx["issuer"], ctx["date_label"]]))
    out.append(Block("colophon", [f"抄送：{ctx['cc']}", f"{ctx['issuer']}\n{ctx['date_label']}印发"]))
    return out


def render(b: Bulletin, ctx: dict[str, Any]) -> bytes:
    """The bulletin as PDF bytes; GlyphsMissing if the shipped font cannot show all of it."""
    content = [block.drawable() for block in blocks(b, ctx)]
    pdf_font.require_text(text for block in content for text in block.texts())
    # Imported on first use: fpdf2 costs a third of a second at import, which every web and
    # worker process would otherwise pay at start for a rarely asked format.
    from policy_tasks.exports.pdf_draw import draw

    return draw(content, title=b.title, created=b.generated_at)
