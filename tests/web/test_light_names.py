"""Each light has one name (selectors.lights_reasons.Light), and every page, filter, export form
and API description says it; a milestone's reason only narrows its badge (黄灯·滞后)."""

from __future__ import annotations

import re
from pathlib import Path

from django.template.loader import render_to_string

from accounts.models import User
from policy_tasks.api.filters import TaskFilter
from policy_tasks.api.serializers.common import LightField
from policy_tasks.selectors.lights_reasons import Light, LightReason, Reason, light_badge
from policy_tasks.web.exports import LedgerExportForm
from policy_tasks.web.forms import LIGHT_CHOICES

ROOT = Path(__file__).resolve().parents[2]
# A light's name written out: 红灯·…, 黄灯：…, 绿灯(…), 灰色：… (not 红黄绿灯, the word for all of them).
LIGHT_NAME = re.compile(r"(?<![红黄绿])(?:[红黄绿灰]灯|灰色)[·：:(（]")


def test_the_badge_is_the_lights_name_unless_a_reason_narrows_it():
    for light in Light:
        assert light_badge(light.value) == light.label
        badge = render_to_string("web/partials/light.html", {"light": light.value})
        assert f">{light.label}</span>" in badge
    assert light_badge("red", LightReason("red", Reason.OVERDUE, days=3)) == "红灯·逾期"
    assert light_badge("yellow", LightReason("yellow", Reason.BEHIND)) == "黄灯·滞后"
    assert light_badge("yellow", LightReason("yellow", Reason.DUE_SOON, days=2)) == "黄灯·临期"
    assert light_badge("grey", LightReason("grey", Reason.CLOSED)) == Light.GREY.label
    assert light_badge("grey", LightReason("grey", Reason.WITHDRAWN)) == "已作废"


def test_filters_export_forms_and_the_api_offer_the_same_names():
    labels = dict(Light.choices)
    assert {value: label for value, label in LIGHT_CHOICES if value in labels} == labels
    assert dict(LedgerExportForm.base_fields["light"].choices) == labels
    assert dict(TaskFilter.base_filters["light"].extra["choices"]) == labels
    assert dict(LightField().choices) == labels


def test_no_module_or_template_writes_a_lights_name_itself():
    found = []
    for folder, pattern in (("policy_tasks", "*.py"), ("notifications", "*.py"), ("templates", "*.html")):
        for path in (ROOT / folder).rglob(pattern):
            if path.name == "lights_reasons.py" or "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            found += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in LIGHT_NAME.finditer(text)]
    assert found == []


def test_the_supervision_legend_names_each_light(db, client, seeded):
    client.force_login(User.objects.get(username="duchashi"))
    page = client.get(f"/supervision/?document={seeded.pk}").content.decode()
    legend = page[page.index('class="legend"') :].split("</p>", 1)[0]
    for light in Light:
        assert f'<span class="light light-{light.value}">{light.label}</span>' in legend
