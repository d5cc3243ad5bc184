"""The admin speaks Chinese: app and model headings, object names and audit actions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from accounts.models import User
from policy_tasks.audit_labels import audit_label
from policy_tasks.models import AuditEvent

CJK = re.compile(r"[\u4e00-\u9fff]")
# Words an English admin would show; none may reach an administrator.
ENGLISH = [
    "object (",
    "AXES",
    "Axes",
    "KNOX",
    "Knox",
    "ACTOR UNIT",
    "Actor unit",
    "Django_celery_beat",
    "Periodic",
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
    "Model name",
    "Add link",
    "Locked Out",
    "Meta Data",
    "Form Data",
    "auth token",
    "access attempt",
]


@pytest.fixture
def admin_client(db, client, seeded):
    user = User.objects.create_superuser("root", "root@example.com", "Root-password-1")
    client.force_login(user)
    return client


def _assert_chinese(html: str, url: str) -> None:
    for word in ENGLISH:
        assert word not in html, f"{url} shows {word!r}"


@pytest.mark.django_db
def test_every_app_and_model_is_named_in_chinese():
    # Every model, not only the registered ones: the permission lists of users and groups name them all.
    for model in apps.get_models():
        meta = model._meta
        assert CJK.search(str(meta.app_config.verbose_name)), meta.app_label
        assert CJK.search(str(meta.verbose_name)), meta.label
        assert CJK.search(str(meta.verbose_name_plural)), meta.label


def test_every_changelist_and_one_change_page_is_chinese(admin_client):
    index = admin_client.get(reverse("admin:index"))
    assert index.status_code == 200
    _assert_chinese(index.content.decode(), "/admin/")
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        page = admin_client.get(url)
        assert page.status_code == 200, url
        _assert_chinese(page.content.decode(), url)
        obj = model_admin.get_queryset(page.wsgi_request).first()
        if obj is None:
            continue
        assert CJK.search(str(obj)) or str(obj)[:1].isdigit(), f"{meta.label}: {obj}"
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
        page = admin_client.get(url)
        assert page.status_code == 200, url
        _assert_chinese(page.content.decode(), url)


ROOT = Path(__file__).resolve().parents[2]
ACTION = re.compile(r'action\s*=\s*(?:\(|)?"([a-z_]+\.[a-z_.]+)"(?:\s+if\s+\w+\s+else\s+"([a-z_]+\.[a-z_.]+)")?')
WATCH = re.compile(r'watch\(\s*\w+,\s*"([a-z_]+\.[a-z_]+)"')


def _actions_in_code() -> set[str]:
    found = set()
    for package in ("accounts", "policy_tasks", "notifications", "duban"):
        for path in (ROOT / package).rglob("*.py"):
            # API views name the permission they check `action` too (task.view): not audit actions.
            if "migrations" in path.parts or "api" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            for match in ACTION.finditer(text):
                found.update(a for a in match.groups() if a)
            for name in WATCH.findall(text):
                found.update(f"{name}_{verb}" for verb in ("added", "changed", "deleted"))
    return found


def test_every_audit_action_in_the_code_has_a_chinese_label():
    actions = _actions_in_code()
    assert {"report.file", "auth.login", "account.user_changed"} <= actions  # the scan finds them
    missing = sorted(a for a in actions if not CJK.search(audit_label(a)))
    assert missing == []


def test_audit_events_show_their_label_in_the_list_and_the_detail(admin_client):
    event = AuditEvent.objects.filter(action="document.import").first()
    assert event is not None
    changelist = admin_client.get(reverse("admin:policy_tasks_auditevent_changelist")).content.decode()
    assert "导入文件" in changelist
    assert ">document.import<" not in changelist
    detail = admin_client.get(reverse("admin:policy_tasks_auditevent_change", args=[event.pk])).content.decode()
    assert "导入文件（document.import）" in detail
