"""`manage.py run_reminders` for operators: catch-up, dry run, idempotence."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from notifications.models import Delivery

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("run_reminders", *args, stdout=out)
    return out.getvalue()


def test_as_of_sends_by_file_backend_and_second_run_sends_nothing(world, rules, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    first = run("--as-of", "2023-10-31")
    assert "已发送 2" in first
    [written] = list(tmp_path.iterdir())
    text = written.read_text()
    assert "To: lead_clerk@example.gov.cn" in text and "Message-ID: <duban.delivery." in text
    second = run("--as-of", "2023-10-31")
    assert "新增 0 条投递; 已发送 0" in second
    assert len(list(tmp_path.iterdir())) == 1


def test_dry_run_lists_and_writes_nothing(world, rules):
    out = run("--as-of", "2023-10-31", "--dry-run")
    assert "将新增 2 条投递" in out and "到期当日提醒" in out
    assert Delivery.objects.count() == 0


def test_holiday_says_so(world, rules):
    assert "不是工作日" in run("--as-of", "2023-10-02")
