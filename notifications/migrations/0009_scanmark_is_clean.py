# The field `clean` hid Model.clean(): renamed in Python only, its column stays "clean".

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0008_tick_scan_watermark"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RenameField(model_name="scanmark", old_name="clean", new_name="is_clean"),
                migrations.AlterField(
                    model_name="scanmark",
                    name="is_clean",
                    field=models.BooleanField(db_column="clean", default=False, verbose_name="候选已全部写入"),
                ),
            ],
            database_operations=[],
        ),
    ]
