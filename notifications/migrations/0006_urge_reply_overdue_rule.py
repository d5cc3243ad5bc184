"""A 督办单 past its reply date and still unanswered: its units' clerks and heads and the
supervision office hear of it every 3 working days (issue 16). Below 督办 the notice is also
raised a level (policy_tasks/services/urge_escalation.py); at 督办 this is what remains."""

from django.db import migrations

CODE = "urge_reply_overdue"


def create(apps, schema_editor):
    apps.get_model("notifications", "ReminderRule").objects.update_or_create(
        code=CODE,
        defaults={
            "name": "催办督办单逾期未回复(通知单位负责人和督查室,每3个工作日重复)",
            "subject_type": "urge",
            "anchor": "due",
            "offset_workdays": 1,
            "repeat_every_workdays": 3,
            "units": "recipients",
            "notify_clerks": True,
            "notify_heads": True,
            "notify_supervisors": True,
        },
    )


def remove(apps, schema_editor):
    apps.get_model("notifications", "ReminderRule").objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("notifications", "0005_verbose_names")]
    operations = [migrations.RunPython(create, remove)]
