"""The admin speaks Chinese: app and model headings, object names and audit actions."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts.models import User

CJK = re.compile(r"[\u4e00-\u9fff]")
# Words an English admin would show; none may reach an administrator.
ENGLISH = ["object (", "AXES", "Axes", "KNOX", "Knox", "ACTOR UNIT", "Actor unit", "Django_celery_beat", "Periodic"]


@pytest.fixture
def admin_client(client, seeded):
    user = User.objects.create_superuser("root", "root@example.com", "Root-password-1")
    client.force_login(user)
    return client


def _assert_chinese(html: str, url: str) -> None:
    for word in ENGLISH:
        assert word not in html, f"{url} shows {word!r}"


@pytest.mark.django_db
def test_every_app_and_model_is_named_in_chinese():
    for model, _ in admin.site._registry.items():
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
