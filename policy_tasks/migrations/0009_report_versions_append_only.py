from __future__ import annotations

from django.db import migrations

# A kept version of a progress report is what the unit filed: on PostgreSQL its row
# refuses UPDATE and DELETE, whoever asks (as the audit table does, migration 0002).
# SQLite (development) relies on the service never changing one. TRUNCATE stays
# allowed so the test runner can flush.
CREATE = """
CREATE OR REPLACE FUNCTION duban_reportversion_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'report versions are kept as filed (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER policy_tasks_reportversion_append_only
    BEFORE UPDATE OR DELETE ON policy_tasks_reportversion
    FOR EACH ROW EXECUTE FUNCTION duban_reportversion_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS policy_tasks_reportversion_append_only ON policy_tasks_reportversion;
DROP FUNCTION IF EXISTS duban_reportversion_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("policy_tasks", "0008_report_versions")]
    operations = [migrations.RunPython(forwards, backwards)]
