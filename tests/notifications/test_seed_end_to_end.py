"""The issue's "done when": the seed document and demo accounts, reminded on 2023-10-31."""

from __future__ import annotations

from email import message_from_bytes
from email.header import decode_header, make_header
from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import Membership

pytestmark = pytest.mark.django_db


def _subject(raw: bytes) -> tuple[str, str, str]:
    msg = message_from_bytes(raw)
    body = msg.get_payload(decode=True).decode(msg.get_content_charset() or "utf-8")
    return str(make_header(decode_header(msg["Subject"]))), msg["To"], body


def test_seed_due_day_reminder_reaches_the_development_bureau_clerks_once(rules, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    call_command("load_demo", "--force", stdout=StringIO())
    clerks = {
        m.user.email for m in Membership.objects.filter(unit__name="区发改局", role="clerk").select_related("user")
    }
    assert clerks, "load_demo gives 区发改局 a clerk"

    call_command("run_reminders", "--as-of", "2023-10-31", stdout=StringIO())
    messages = []
    for path in tmp_path.iterdir():
        # The file backend writes every message of a connection into one file, separated by a line of dashes.
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                messages.append(_subject(chunk))
    due_day = [
        (to, body)
        for subject, to, body in messages
        if "抽蓄项目10月底前开工" in subject and subject.endswith("今天到期")
    ]
    assert {to for to, _ in due_day} == clerks
    assert all("2023年10月31日" in body for _, body in due_day)

    before = sum(1 for _ in tmp_path.iterdir())
    out = StringIO()
    call_command("run_reminders", "--as-of", "2023-10-31", stdout=out)
    assert "已发送 0" in out.getvalue()
    assert sum(1 for _ in tmp_path.iterdir()) == before
