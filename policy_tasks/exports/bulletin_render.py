"""The bulletin on paper: printable HTML (a Django template), PDF and Word.

PDF is drawn by fpdf2 (bulletin_pdf), pure Python, in the CJK font shipped with the
project (pdf_font): no system library or font is needed, and a bulletin with a character
the font lacks is refused rather than printed with an empty box (docs/exports.md). It
carries the same sections and tables as the HTML page and the Word file. Word is built
with python-docx, because offices edit the bulletin before issuing it.
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from policy_tasks.exports import bulletin_pdf, pdf_font
from policy_tasks.exports.bulletin import Bulletin, Figures

FORMATS = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
DOCX_FONT = "宋体"


def _percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


def _number(value: Decimal) -> str:
    """100.00 as 100, 97.50 as 97.5: normalize() alone would print 100 as 1E+2."""
    return f"{value.normalize():f}"


def _issuer() -> str:
    return getattr(settings, "DUBAN_BULLETIN_ISSUER", "") or "督查室"


def _cutoff_label(b: Bulletin) -> str:
    return f"{b.period.end.year}年{b.period.end.month}月{b.period.end.day}日24时"


def _area_rate(f: Figures) -> str:
    return _percent(f.on_time_rate)


def context(b: Bulletin, *, font_url: str | None = None) -> dict[str, Any]:
    """What the template shows, formatted once here so HTML, PDF and Word read the same.

    `font_url` is where the page finds the shipped font (the site's static URL by default).
    """
    ranking = []
    for index, s in enumerate(b.ranking, start=1):
        rate = None if s.on_time_rate is None else (s.on_time_rate * 100).quantize(Decimal("0.1"))
        ranking.append({"rank": index, "s": s, "rate": _percent(rate), "score": _number(s.score)})
    return {
        "b": b,
        "f": b.figures,
        "rate": _percent(b.figures.on_time_rate),
        "areas": [{"label": a.label, "f": a.figures, "rate": _area_rate(a.figures)} for a in b.areas],
        "ranking": ranking,
        "issuer": _issuer(),
        "cutoff_label": _cutoff_label(b),
        "generated_label": timezone.localtime(b.generated_at).strftime("%Y-%m-%d %H:%M"),
        "font_family": pdf_font.FAMILY,
        "font_url": font_url or static(pdf_font.STATIC_PATH),
    }


def render_bulletin_html(b: Bulletin, *, font_url: str | None = None) -> str:
    return render_to_string("exports/bulletin.html", context(b, font_url=font_url))


def render_bulletin_pdf(b: Bulletin) -> bytes:
    return bulletin_pdf.render(b, context(b))


# Word ----------------------------------------------------------------------------------


def _font(run, *, size: float | None = None, bold: bool = False, color: RGBColor | None = None) -> None:
    run.font.name = DOCX_FONT
    # Word picks the font of Chinese characters from the eastAsia slot, not from `name`.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), DOCX_FONT)
    if size:
        run.font.size = Pt(size)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color


def _para(doc, text: str, *, size: float = 12, bold=False, align=None, indent=True, color=None):
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    _font(p.add_run(text), size=size, bold=bold, color=color)
    return p


def _table(doc, header: list[str], rows: list[list[Any]]) -> None:
    if not rows:
        _para(doc, "无。")
        return
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        _font(cell.paragraphs[0].add_run(text), size=9, bold=True)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            _font(cell.paragraphs[0].add_run("" if value is None else str(value)), size=9)


def _date(value) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def render_bulletin_docx(b: Bulletin) -> bytes:
    ctx = context(b)
    f = b.figures
    doc = Document()
    red = RGBColor(0xCC, 0, 0)
    _para(doc, "督查通报", size=26, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False, color=red)
    _para(doc, f"{ctx['issuer']}    {b.period.label}", size=12, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _para(doc, b.title, size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)

    _para(doc, "一、总体情况", size=14, bold=True, indent=False)
    _para(
        doc,
        f"截至{ctx['cutoff_label']}，{b.document.doc_number}共分解任务{f.tasks}项（已办结{f.tasks_closed}项），"
        f"设时限节点{f.milestones}个。本月到期节点{f.due_in_period}个；累计到期节点{f.due_by_end}个，其中按期办结"
        f"{f.closed_on_time}个、逾期办结{f.closed_late}个、逾期未完成{f.overdue}个，按期完成率{ctx['rate']}。"
        f"本月办结（销号）节点{f.closed_in_period}个；本月应报未按时报送进度{f.missing_reports}次。",
    )
    if b.overdue_units:
        names = "、".join(f"{u.name}（{u.overdue}项，最长逾期{u.max_days_late}天）" for u in b.overdue_units)
        _para(doc, f"逾期未完成事项的牵头单位：{names}。请以上单位抓紧推进，限期办结。")

    _para(doc, "二、分领域情况", size=14, bold=True, indent=False)
    _table(
        doc,
        ["领域", "任务", "本月到期", "累计到期", "按期办结", "逾期办结", "逾期未完成", "未按时报送", "按期完成率"],
        [
            [a["label"], a["f"].tasks, a["f"].due_in_period, a["f"].due_by_end, a["f"].closed_on_time,
             a["f"].closed_late, a["f"].overdue, a["f"].missing_reports, a["rate"]]
            for a in ctx["areas"]
        ],
    )  # fmt: skip
    _para(doc, "三、责任单位排名", size=14, bold=True, indent=False)
    _table(
        doc,
        ["名次", "责任单位", "牵头任务", "到期节点", "按期办结", "按期完成率", "牵头逾期", "配合逾期", "未按时报送", "延期", "得分"],
        [
            [r["rank"], r["s"].unit.name, r["s"].tasks_led, r["s"].milestones_due, r["s"].closed_on_time, r["rate"],
             r["s"].overdue_count, r["s"].overdue_as_co, r["s"].missing_reports, r["s"].extensions, r["score"]]
            for r in ctx["ranking"]
        ],
    )  # fmt: skip
    _para(doc, "四、逾期未完成事项", size=14, bold=True, indent=False)
    _table(
        doc,
        ["条款", "具体任务", "牵头单位", "配合单位", "完成时限", "逾期天数"],
        [[f"{i.task_ref}. {i.clause}", i.milestone, i.lead_units, i.co_units, _date(i.due), i.days_late]
         for i in b.overdue],
    )  # fmt: skip
    _para(doc, "五、本月办结事项", size=14, bold=True, indent=False)
    _table(
        doc,
        ["条款", "具体任务", "牵头单位", "完成时限", "销号日期", "是否按期"],
        [[f"{i.task_ref}. {i.clause}", i.milestone, i.lead_units, _date(i.due), _date(i.closed_on),
          f"逾期{i.days_late}天" if i.days_late else "按期"] for i in b.closed],
    )  # fmt: skip
    _para(doc, "六、进度未按时报送情况", size=14, bold=True, indent=False)
    _table(
        doc,
        ["条款", "牵头单位", "填报周期", "报送截止", "实际报送"],
        [[f"{r.task.ref}. {r.task.title}", r.unit.name,
          f"{_date(r.period.starts_on)}至{_date(r.period.ends_on)}", _date(r.period.due_on),
          f"{_date(timezone.localtime(r.filed_at))}（迟报）" if r.filed_at else "未报送"] for r in b.missing],
    )  # fmt: skip
    _para(doc, f"数据截至{ctx['cutoff_label']}，由督办系统根据办理记录生成于{ctx['generated_label']}。", size=9)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def render_bulletin(b: Bulletin, fmt: str) -> bytes:
    """The bulletin as bytes in `fmt` (html, pdf or docx)."""
    if fmt == "html":
        return render_bulletin_html(b).encode("utf-8")
    if fmt == "pdf":
        return render_bulletin_pdf(b)
    if fmt == "docx":
        return render_bulletin_docx(b)
    raise ValueError(f"不支持的通报格式：{fmt}（可选 html、pdf、docx）")
