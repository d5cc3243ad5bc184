"""What a decision notice says (退回, 销号, 延期批准/不予批准), built from the decided request."""

from __future__ import annotations

from datetime import date

from notifications.models import Decision, Delivery
from policy_tasks.models import CompletionRequest, ExtensionRequest, Milestone

# (title, lines, short status, the date that matters)
_Content = tuple[str, list[str], str, date]


def _fmt(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _about(milestone: Milestone) -> tuple[str, list[str]]:
    """(`第12条 标题` or the area's name, the lines naming the document, clause and milestone)."""
    task, area = milestone.task, milestone.area
    # A milestone belongs to a task or, as an area-wide target, to an area.
    clause = f"第{task.ref}条 {task.title}" if task is not None else f"{area.title if area else ''}(领域目标)"
    return clause, [
        f"文件：{milestone.document.doc_number} {milestone.document.title}",
        f"条款：{clause}",
        f"节点：{milestone.text}",
    ]


def _completion(delivery: Delivery, request: CompletionRequest) -> _Content:
    clause, lines = _about(request.milestone)
    decided = request.decided_at.date() if request.decided_at else delivery.due_date
    if delivery.subject_type == Decision.RETURNED:
        reason = request.decision_reason.strip()
        title = f"【退回】{clause}：节点“{request.milestone.text[:40]}”的完成申请被退回：理由 {reason[:60]}"
        lines += [f"退回理由：{reason}", "请按意见补充佐证材料后重新申请办结。"]
        return title, lines, "已退回", decided
    title = f"【销号】{clause}：节点“{request.milestone.text[:40]}”已核销（销号）"
    if request.decision_reason.strip():
        lines.append(f"审核意见：{request.decision_reason.strip()}")
    lines.append(f"销号日期：{_fmt(decided)}")
    return title, lines, "已销号", decided


def _extension(delivery: Delivery, request: ExtensionRequest) -> _Content:
    clause, lines = _about(request.milestone)
    note = request.decision_note.strip()
    if delivery.subject_type == Decision.EXT_GRANTED:
        title = f"【延期批准】{clause}：节点“{request.milestone.text[:40]}”延期至{_fmt(request.proposed_date)}"
        lines += [f"原完成时限：{_fmt(request.current_due_date)}", f"新完成时限：{_fmt(request.proposed_date)}"]
        if note:
            lines.append(f"审批意见：{note}")
        return title, lines, "延期已批准", request.proposed_date
    # An extension is only asked of a dated milestone; its date at the request stands in if it has none now.
    due = request.milestone.due_date or request.current_due_date
    title = f"【延期未批准】{clause}：节点“{request.milestone.text[:40]}”的延期申请不予批准：理由 {note[:60]}"
    lines += [f"不予批准理由：{note}", f"完成时限仍为：{_fmt(due)}，请按期办结。"]
    return title, lines, "延期不予批准", due


def decision_content(delivery: Delivery) -> tuple[str, list[str], str, date, Milestone] | None:
    """(title, lines, short status, the date that matters, milestone), or None if the request is gone."""
    related = ("milestone", "milestone__task", "milestone__area", "milestone__document")
    if delivery.subject_type in (Decision.RETURNED, Decision.VERIFIED):
        completion = CompletionRequest.objects.select_related(*related).filter(pk=delivery.subject_id).first()
        if completion is None:
            return None
        return (*_completion(delivery, completion), completion.milestone)
    extension = ExtensionRequest.objects.select_related(*related).filter(pk=delivery.subject_id).first()
    if extension is None:
        return None
    return (*_extension(delivery, extension), extension.milestone)
