"""The default reminder rules (issue 6); operators change them in the admin."""

from django.db import migrations

DEFAULTS = [
    # code, name, subject, anchor, offset, repeat, units, clerks, heads, supervisors
    ("milestone_before_7", "到期前7个工作日提醒", "milestone", "due", -7, None, "lead", True, False, False),
    (
        "milestone_before_3",
        "到期前3个工作日提醒(含配合单位)",
        "milestone",
        "due",
        -3,
        None,
        "lead_and_co",
        True,
        False,
        False,
    ),
    ("milestone_before_1", "到期前1个工作日提醒", "milestone", "due", -1, None, "lead", True, False, False),
    ("milestone_due_day", "到期当日提醒", "milestone", "due", 0, None, "lead", True, False, False),
    ("milestone_overdue", "逾期提醒(每3个工作日重复)", "milestone", "due", 1, 3, "lead", True, True, False),
    ("milestone_escalation", "逾期5个工作日升级至督查室", "milestone", "due", 5, None, "none", False, False, True),
    ("report_missing", "进展逾期未报提醒(每3个工作日重复)", "report", "due", 1, 3, "lead", True, True, False),
    ("urge_issued", "催办督办单下发通知", "urge", "issued", 0, None, "recipients", True, True, False),
    ("urge_reply_due", "催办督办单回复到期前1个工作日提醒", "urge", "due", -1, None, "recipients", True, True, False),
]


def create(apps, schema_editor):
    Rule = apps.get_model("notifications", "ReminderRule")
    for code, name, subject, anchor, offset, repeat, units, clerks, heads, supervisors in DEFAULTS:
        Rule.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "subject_type": subject,
                "anchor": anchor,
                "offset_workdays": offset,
                "repeat_every_workdays": repeat,
                "units": units,
                "notify_clerks": clerks,
                "notify_heads": heads,
                "notify_supervisors": supervisors,
            },
        )


def remove(apps, schema_editor):
    apps.get_model("notifications", "ReminderRule").objects.filter(code__in=[d[0] for d in DEFAULTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
