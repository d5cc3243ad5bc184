"""督办单 numbers: one sequence per issuing office and year (services/urges_numbering.py).

Notices issued before this migration are numbered in the order they were issued, year by
year (the year of their issue in the project's time zone), under today's issuer and pattern.
"""

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def number_existing(apps, schema_editor):
    UrgeNotice = apps.get_model("policy_tasks", "UrgeNotice")
    office = getattr(settings, "DUBAN_BULLETIN_ISSUER", "") or "督查室"
    pattern = getattr(settings, "DUBAN_URGE_NUMBER_PATTERN", "") or "柯督〔{year}〕第{n}号"
    counters: dict[int, int] = {}
    for notice in UrgeNotice.objects.using(schema_editor.connection.alias).order_by("issued_at", "pk"):
        year = timezone.localtime(notice.issued_at).year
        counters[year] = counters.get(year, 0) + 1
        notice.number_office = office
        notice.number_year = year
        notice.number_seq = counters[year]
        notice.number = pattern.format(year=year, n=counters[year])
        notice.save(update_fields=["number", "number_office", "number_year", "number_seq"])


class Migration(migrations.Migration):
    dependencies = [
        ("policy_tasks", "0010_verbose_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="urgenotice",
            name="number",
            field=models.CharField(default="", max_length=64, verbose_name="编号"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="urgenotice",
            name="number_office",
            field=models.CharField(default="", max_length=100, verbose_name="编号所属机关"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="urgenotice",
            name="number_year",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="编号年度"),
        ),
        migrations.AddField(
            model_name="urgenotice",
            name="number_seq",
            field=models.PositiveIntegerField(null=True, verbose_name="年度序号"),
        ),
        migrations.RunPython(number_existing, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="urgenotice",
            name="number_year",
            field=models.PositiveSmallIntegerField(verbose_name="编号年度"),
        ),
        migrations.AlterField(
            model_name="urgenotice",
            name="number_seq",
            field=models.PositiveIntegerField(verbose_name="年度序号"),
        ),
        migrations.AddConstraint(
            model_name="urgenotice",
            constraint=models.UniqueConstraint(
                fields=("number_office", "number_year", "number_seq"), name="urgenotice_number_unique"
            ),
        ),
    ]
