"""The bulletin on paper: printable HTML (a Django template), PDF and Word.

PDF is drawn by fpdf2 (bulletin_pdf), pure Python, in the CJK font shipped with the
project (pdf_font): no system library or font is needed, and a bulletin with a character
the font lacks is refused rather than printed with an empty box (docs/exports.md). It
carries the same sections and tables as the HTML page and the Word file. Word is built
with python-docx, because offices edit the bulletin before issuing it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone

from accounts.models import Unit
from policy_tasks.exports import bulletin_pdf, pdf_font
from policy_tasks.exports import docx_official as w
from policy_tasks.exports.bulletin import Bulletin, Figures
from policy_tasks.exports.pdf_official import chinese_date
from policy_tasks.selectors.scoring_formula import UNRANKED, scoring_formula

FORMATS = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
CC = "区委、区政府有关领导，各责任单位。"
# 三、责任单位排名: the same columns in HTML (templates/exports/bulletin.html), PDF and Word.
RANKING_HEADER = [
    "名次", "责任单位", "牵头任务", "到期节点", "按期办结", "按期完成率",
    "牵头逾期", "配合逾期", "缺报", "迟报", "退回", "延期", "得分",
]  # fmt: skip  # 版记 抄送 line; offices edit the Word file if theirs differs


def _percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


def _number(value: Decimal) -> str:
    """100.00 as 100, 97.50 as 97.5: normalize() alone would print 100 as 1E+2."""
    return f"{value.normalize():f}"


def _issuer() -> str:
    return getattr(settings, "DUBAN_BULLETIN_ISSUER", "") or "督查室"


def issue_number(b: Bulletin) -> str:
    """期号: the bulletin is monthly, so the month is its number within the year (2023年第10期)."""
    return f"{b.period.year}年第{b.period.month}期"


def _cutoff_label(b: Bulletin) -> str:
    return f"{b.period.end.year}年{b.period.end.month}月{b.period.end.day}日24时"


def _area_rate(f: Figures) -> str:
    return _percent(f.on_time_rate)


def context(b: Bulletin, *, font_url: str | None = None) -> dict[str, Any]:
    """What the template shows, formatted once here so HTML, PDF and Word read the same.

    `font_url` is where the page finds the shipped font (the site's static URL by default).
    """
    ranking = []
    for s in b.ranking:
        # A unit with nothing to answer for has no score and no rank (selectors/scoreboard.py).
        score = UNRANKED if s.score is None else _number(s.score)
        ranking.append(
            {"rank": "—" if s.rank is None else s.rank, "s": s, "rate": _percent(s.on_time_percent), "score": score}
        )
    return {
        "b": b,
        "f": b.figures,
        "rate": _percent(b.figures.on_time_rate),
        "areas": [{"label": a.label, "f": a.figures, "rate": _area_rate(a.figures)} for a in b.areas],
        "ranking": ranking,
        "ranking_header": RANKING_HEADER,
        "formula": f"计分办法：{scoring_formula(b.document)}。",
        "issuer": _issuer(),
        "issue_number": issue_number(b),
        "date_label": chinese_date(timezone.localtime(b.generated_at).date()),
        "cc": CC,
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


def _date(value) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def render_bulletin_docx(b: Bulletin) -> bytes:
    """The bulletin in Word on the GB/T 9704 page (docx_official): A4, `— N —` page numbers,
    the red masthead with 期号, 落款 and 版记, in the fonts DUBAN_OFFICIAL_FONTS names."""
    ctx = context(b)
    f = b.figures
    doc = w.new_document()
    w.masthead(doc, "督查通报", [ctx["issue_number"], f"{ctx['issuer']}\t{ctx['date_label']}"])
    w.title(doc, b.title)

    w.heading(doc, "一、总体情况")
    w.para(
        doc,
        f"截至{ctx['cutoff_label']}，{b.document.doc_number}共分解任务{f.tasks}项（已办结{f.tasks_closed}项），"
        f"设时限节点{f.milestones}个。本月到期节点{f.due_in_period}个；累计到期节点{f.due_by_end}个，其中按期办结"
        f"{f.closed_on_time}个、逾期办结{f.closed_late}个、逾期未完成{f.overdue}个，按期完成率{ctx['rate']}。"
        f"本月办结（销号）节点{f.closed_in_period}个；本月应报未按时报送进度{f.missing_reports}次；"
        f"截至月末累计仍未报送进度{b.reports.missing}期，逾期补报{b.reports.late}期。",
    )
    if b.overdue_units:
        names = "、".join(f"{u.name}（{u.overdue}项，最长逾期{u.max_days_late}天）" for u in b.overdue_units)
        w.para(doc, f"逾期未完成事项的牵头单位：{names}。请以上单位抓紧推进，限期办结。")

    w.heading(doc, "二、分领域情况")
    w.table(
        doc,
        ["领域", "任务", "本月到期", "累计到期", "按期办结", "逾期办结", "逾期未完成", "未按时报送", "按期完成率"],
        [
            [a["label"], a["f"].tasks, a["f"].due_in_period, a["f"].due_by_end, a["f"].closed_on_time,
             a["f"].closed_late, a["f"].overdue, a["f"].missing_reports, a["rate"]]
            for a in ctx["areas"]
        ],
    )  # fmt: skip
    w.heading(doc, "三、责任单位排名")
    w.table(
        doc,
        RANKING_HEADER,
        [
            [r["rank"], r["s"].unit.name, r["s"].tasks_led, r["s"].milestones_due, r["s"].closed_on_time, r["rate"],
             r["s"].overdue_count, r["s"].overdue_as_co, r["s"].missing_reports, r["s"].late_reports,
             r["s"].returned_completions, r["s"].extensions, r["score"]]
            for r in ctx["ranking"]
        ],
    )  # fmt: skip
    w.para(doc, ctx["formula"])
    w.heading(doc, "四、逾期未完成事项")
    w.table(
        doc,
        ["条款", "具体任务", "牵头单位", "配合单位", "完成时限", "逾期天数"],
        [[f"{i.task_ref}. {i.clause}", i.milestone, i.lead_units, i.co_units, _date(i.due), i.days_late]
         for i in b.overdue],
    )  # fmt: skip
    w.heading(doc, "五、本月办结事项")
    w.table(
        doc,
        ["条款", "具体任务", "牵头单位", "完成时限", "销号日期", "是否按期"],
        [[f"{i.task_ref}. {i.clause}", i.milestone, i.lead_units, _date(i.due), _date(i.closed_on),
          f"逾期{i.days_late}天" if i.days_late else "按期"] for i in b.closed],
    )  # fmt: skip
    w.heading(doc, "六、进度未按时报送情况")
    w.table(
        doc,
        ["条款", "牵头单位", "填报周期", "报送截止", "实际报送"],
        [[f"{r.task.ref}. {r.task.title}", cast(Unit, r.unit).name,
          f"{_date(r.period.starts_on)}至{_date(r.period.ends_on)}", _date(r.period.due_on),
          f"{_date(timezone.localtime(r.filed_at))}（迟报）" if r.filed_at else "未报送"] for r in b.missing],
    )  # fmt: skip
    w.para(doc, f"数据截至{ctx['cutoff_label']}，由督办系统根据办理记录生成于{ctx['generated_label']}。", size=10.5)
    w.signature(doc, ctx["issuer"], ctx["date_label"])
    w.colophon(doc, [f"抄送：{ctx['cc']}", f"{ctx['issuer']}\t{ctx['date_label']}印发"])
    return w.save(doc)


def render_bulletin(b: Bulletin, fmt: str) -> bytes:
    """The bulletin as bytes in `fmt` (html, pdf or docx)."""
    if fmt == "html":
        return render_bulletin_html(b).encode("utf-8")
    if fmt == "pdf":
        return render_bulletin_pdf(b)
    if fmt == "docx":
        return render_bulletin_docx(b)
    raise ValueError(f"不支持的通报格式：{fmt}（可选 html、pdf、docx）")
