"""The printable 督办单 (urge notice) as PDF and Word, on the GB/T 9704 page.

One notice as the office sends it: the issuer's name and the kind of notice in red
(版头), its number (柯督〔2026〕第3号) over the red rule, a title, the units addressed
(主送), why (the document and clause, the milestone and its deadline, the supervisor's
reason), the date a reply is due, a table of the same facts, 落款 and date, and 版记.
The PDF is drawn as the bulletin is (pdf_draw, the shipped open font, refused with the
missing character's name if the font lacks one); Word via docx_official.

Who may download it: whoever may see the notice (its task is visible to them), as on the
task page and in the API; anyone else gets 404, as for a notice that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.utils import timezone

from accounts.models import User
from policy_tasks.exports import docx_official as w
from policy_tasks.exports import pdf_font
from policy_tasks.exports.jobs import ExportFile
from policy_tasks.exports.pdf_blocks import Block, Table
from policy_tasks.exports.pdf_official import chinese_date
from policy_tasks.models import TaskSource, TaskUnit, UrgeNotice
from policy_tasks.permissions import visible_tasks
from policy_tasks.services.urges_numbering import urge_office

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
KIND = {"remind": ("提醒单", "提醒函"), "urge": ("催办单", "催办通知"), "supervise": ("督办单", "督办通知")}


@dataclass(frozen=True)
class NoticeText:
    """Every string printed on the notice, formatted once for both formats."""

    masthead: str
    number: str
    title: str
    addressee: str
    paragraphs: list[str]
    facts: list[tuple[str, str]]
    issuer: str
    date_label: str


def urge_notice_for(user: User, pk: int) -> UrgeNotice:
    """The notice if `user` may see it; Http404 otherwise (a unit outside it learns nothing)."""
    notice = (
        UrgeNotice.objects.filter(pk=pk, task__in=visible_tasks(user).values("pk"))
        .select_related("task__document", "milestone", "issued_by")
        .prefetch_related("recipients__unit")
        .first()
    )
    if notice is None:
        raise Http404("督办单不存在或无权查看")
    return notice


def notice_text(notice: UrgeNotice) -> NoticeText:
    task, document, milestone = notice.task, notice.task.document, notice.milestone
    office = notice.number_office or urge_office()
    form, letter = KIND.get(notice.level, KIND["supervise"])
    recipients = [r.unit.name for r in notice.recipients.all()]
    roles = {
        tu.unit_id: tu.get_role_display()
        for tu in TaskUnit.objects.filter(task=task, unit_id__in=[r.unit_id for r in notice.recipients.all()])
    }
    units = "、".join(f"{r.unit.name}（{roles.get(r.unit_id, '责任单位')}）" for r in notice.recipients.all())
    issued = timezone.localtime(notice.issued_at).date()
    reply_due = chinese_date(notice.reply_due)
    source = TaskSource.objects.filter(task=task).first()
    if source is not None:  # a leader's instruction, a meeting's decision…: no clause of a plan
        what = task.title.removeprefix(source.number).strip() or task.title
        basis = f"根据{source.number}“{what}”的要求，你单位负责该项任务"
        subject = f"落实{source.number}"
    else:
        basis = f"根据{document.doc_number}第{task.ref}条“{task.title}”的分工，你单位负责该项任务"
        subject = task.title
    if milestone is not None and milestone.due_date:
        basis += f"，其中“{milestone.text}”的完成时限为{chinese_date(milestone.due_date)}"
    elif milestone is not None:
        basis += f"，其中“{milestone.text}”尚未完成"
    reason = notice.message.strip()
    paragraphs = [
        basis + "。",
        f"{letter[:2]}事由：{reason}{'' if reason[-1:] in '。！？；.!?;' else '。'}",
        f"请你单位高度重视，抓紧推进，于{reply_due}前将办理情况书面回复{office}（注明编号{notice.number}）。",
    ]
    # The facts a reply is checked against, in a table the unit can fill in beside.
    facts = [("等级", notice.get_level_display()), ("责任单位", units), ("要求回复日期", reply_due)]
    return NoticeText(
        masthead=f"{office}{form}",
        number=notice.number,
        title=f"关于{subject}的{letter}",
        addressee="、".join(recipients) + "：",
        paragraphs=paragraphs,
        facts=facts,
        issuer=office,
        date_label=chinese_date(issued),
    )


def blocks(t: NoticeText) -> list[Block]:
    return [
        Block("masthead", [t.masthead]),
        Block("docno", [t.number]),
        Block("rule"),
        Block("title", [t.title]),
        Block("addressee", [t.addressee]),
        *(Block("para", [p]) for p in t.paragraphs),
        Block("table", table=Table(["项目", "内容"], [[k, v] for k, v in t.facts], widths=(20, 80), align=("C", "L"))),
        Block("signature", [t.issuer, t.date_label]),
        Block("colophon", [f"{t.issuer}\n{t.date_label}印发"]),
    ]


def render_pdf(notice: UrgeNotice) -> bytes:
    t = notice_text(notice)
    content = [block.drawable() for block in blocks(t)]
    pdf_font.require_text((text for block in content for text in block.texts()), what="督办单")
    from policy_tasks.exports.pdf_draw import draw  # fpdf2 costs a third of a second to import

    return draw(content, title=f"{t.number} {t.title}", created=notice.issued_at)


def render_docx(notice: UrgeNotice) -> bytes:
    t = notice_text(notice)
    doc = w.new_document()
    w.masthead(doc, t.masthead, [t.number])
    w.title(doc, t.title)
    w.para(doc, t.addressee, indent=False)
    for text in t.paragraphs:
        w.para(doc, text)
    w.para(doc)
    w.table(doc, ["项目", "内容"], [[k, v] for k, v in t.facts])
    w.signature(doc, t.issuer, t.date_label)
    w.colophon(doc, [f"{t.issuer}\t{t.date_label}印发"])
    return w.save(doc)


def urge_notice_file(notice: UrgeNotice, fmt: str) -> ExportFile:
    """The notice as a file named by its number (柯督〔2023〕第1号.pdf)."""
    data = render_pdf(notice) if fmt == "pdf" else render_docx(notice)
    return ExportFile(name=f"{notice.number}.{fmt}", content_type=FORMATS[fmt], data=data)
