"""What a reminder says, in Chinese, built from the subject as it is now.

`load_item` also answers "is this still worth sending?": a milestone closed or
moved (extension), a report filed or an urge answered since the scan returns None
and the sender cancels the delivery instead of sending stale news.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings

from duban.lib import workdays
from notifications.models import Decision, Delivery, ReminderRule, Subject
from notifications.services.render_decisions import decision_content
from policy_tasks.models import Milestone, ProgressReport, ReportPeriod, Task, TaskUnit, UrgeNotice

SMS_NAME_MAX = 20  # Aliyun template variables are short; the link carries the rest.


@dataclass
class Item:
    title: str
    lines: list[str]
    link: str
    name: str
    status: str
    due: date


@dataclass
class Message:
    subject: str
    body: str
    link: str
    short: str
    sms_params: dict[str, str] = field(default_factory=dict)


def _fmt(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def due_status(due: date, today: date) -> str:
    if due == today:
        return "今天到期"
    if due > today:
        left = workdays.workdays_between(today, due)
        return f"还有{left}个工作日到期" if left else f"将于{_fmt(due)}到期"
    return f"已逾期{workdays.workdays_between(due, today)}个工作日"


def _prefix(rule: ReminderRule) -> str:
    if rule.offset_workdays > 0 and rule.notify_supervisors:
        return "【逾期督办】"
    if rule.offset_workdays > 0:
        return "【逾期提醒】"
    return "【督办提醒】"


def _clause(task: Task | None, milestone: Milestone | None = None) -> str:
    if task is not None:
        return f"第{task.ref}条 {task.title}"
    if milestone is not None and milestone.area is not None:
        return f"{milestone.area.title}(领域目标)"
    return ""


def _task_link(task: Task | None, document_id: int | None) -> str:
    if task is not None:
        return f"{settings.SITE_URL}/tasks/{task.pk}/"
    return f"{settings.SITE_URL}/documents/{document_id}/"


def _rule(delivery: Delivery) -> ReminderRule:
    """The rule of a reminder's delivery: only decision notices have none."""
    if delivery.rule is None:
        raise ValueError(f"delivery {delivery.pk} of a reminder has no rule")
    return delivery.rule


def _milestone_item(delivery: Delivery, today: date) -> Item | None:
    m = Milestone.objects.select_related("task", "area", "document").filter(pk=delivery.subject_id).first()
    if m is None or m.status != Milestone.Status.OPEN or m.due_date != delivery.due_date:
        return None
    status = due_status(m.due_date, today)
    lines = [
        f"文件：{m.document.doc_number} {m.document.title}",
        f"条款：{_clause(m.task, m)}",
        f"节点：{m.text}",
        f"完成时限：{_fmt(m.due_date)}（{status}）",
    ]
    rule = _rule(delivery)
    if rule.notify_supervisors and rule.offset_workdays > 0:
        lines.append("该节点逾期未办结，请督查室跟进督办。")
    return Item(
        title=f"{_prefix(rule)}{m.text[:40]}：{status}",
        lines=lines,
        link=_task_link(m.task, m.document_id),
        name=m.text,
        status=status,
        due=m.due_date,
    )


def _report_item(delivery: Delivery, today: date) -> Item | None:
    period = ReportPeriod.objects.filter(pk=delivery.subject_id).first()
    task = Task.objects.filter(pk=delivery.subject_ref, status=Task.Status.OPEN).first()
    if period is None or task is None:
        return None
    leads = TaskUnit.objects.filter(task=task, role=TaskUnit.Role.LEAD).values("unit_id")
    if ProgressReport.objects.filter(task=task, period=period, unit_id__in=leads).exists():
        return None
    status = due_status(period.due_on, today)
    return Item(
        title=f"【填报提醒】第{task.ref}条 {task.title}：{period}进展未报送",
        lines=[
            f"条款：{_clause(task)}",
            f"填报周期：{period}",
            f"报送截止：{_fmt(period.due_on)}（{status}）",
            "请牵头单位尽快填报进展情况。",
        ],
        link=_task_link(task, task.document_id),
        name=f"{task.title}进展",
        status=status,
        due=period.due_on,
    )


def _urge_item(delivery: Delivery, today: date) -> Item | None:
    notice = UrgeNotice.objects.select_related("task").filter(pk=delivery.subject_id).first()
    if notice is None or notice.task.status == Task.Status.WITHDRAWN:
        return None
    if _rule(delivery).anchor == ReminderRule.Anchor.DUE and not notice.recipients.filter(replied_at=None).exists():
        return None
    status = due_status(notice.reply_due, today)
    label = notice.get_level_display().split("(")[0]
    return Item(
        title=f"【{label}】第{notice.task.ref}条 {notice.task.title}",
        lines=[
            f"条款：{_clause(notice.task)}",
            f"督办事项：{notice.message}",
            f"要求回复日期：{_fmt(notice.reply_due)}（{status}）",
        ],
        link=_task_link(notice.task, notice.task.document_id),
        name=f"{notice.task.title}{label}",
        status=status,
        due=notice.reply_due,
    )


def _decision_item(delivery: Delivery, today: date) -> Item | None:
    """A decision stays news after it is made: sent unless the request itself is gone."""
    found = decision_content(delivery)
    if found is None:
        return None
    title, lines, status, day, milestone = found
    link = _task_link(milestone.task, milestone.document_id)
    return Item(title=title, lines=lines, link=link, name=milestone.text, status=status, due=day)


_LOADERS = {
    Subject.MILESTONE: _milestone_item,
    Subject.REPORT: _report_item,
    Subject.URGE: _urge_item,
    **{kind: _decision_item for kind in Decision.values},
}


def load_item(delivery: Delivery, today: date) -> Item | None:
    return _LOADERS[delivery.subject_type](delivery, today)


FOOTER = "本消息由督办系统自动发送，请勿直接回复。"


def compose(items: list[Item], today: date) -> Message:
    """One message for one item, or the daily digest for several."""
    if len(items) == 1:
        item = items[0]
        body = "\n".join([*item.lines, f"查看详情：{item.link}", "", FOOTER])
        return Message(
            subject=item.title,
            body=body,
            link=item.link,
            short=f"{item.title} {item.link}",
            sms_params={"name": item.name[:SMS_NAME_MAX], "date": item.due.isoformat(), "status": item.status},
        )
    lines = [f"{_fmt(today)}，您有{len(items)}项督办提醒：", ""]
    for number, item in enumerate(items, 1):
        lines += [f"{number}. {item.title}", *(f"   {line}" for line in item.lines), f"   查看详情：{item.link}", ""]
    link = f"{settings.SITE_URL}/"
    return Message(
        subject=f"【督办提醒】{_fmt(today)}提醒汇总（{len(items)}项）",
        body="\n".join([*lines, FOOTER]),
        link=link,
        short=f"【督办提醒】您有{len(items)}项督办提醒 {link}",
        sms_params={"name": f"{len(items)}项督办事项", "date": today.isoformat(), "status": "请登录督办系统查看"},
    )
