"""Templates compare and link lights through `Light` (issue 17), never by spelling "red": the
heading of the overdue ledger, the workbench's red badges and links, the supervision legend."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from accounts.models import User
from policy_tasks.selectors.lights_reasons import Light, LightReason, Reason

ROOT = Path(__file__).resolve().parents[2]
VALUES = "|".join(Light.values)
# A light's value written out: quoted, as a query parameter, or in a light's CSS class.
SPELLED = re.compile(rf"""['"]({VALUES})['"]|light=({VALUES})\b|\b(light|stat)-({VALUES})\b""")


def test_no_template_spells_a_lights_value():
    found = [
        f"{path.relative_to(ROOT)}: {m.group(0)}"
        for path in (ROOT / "templates").rglob("*.html")
        for m in SPELLED.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_a_badge_shows_its_reason_unless_the_light_is_grey():
    """The partial decides without any page context (no context processor needed)."""
    overdue = render_to_string(
        "web/partials/light.html", {"light": Light.RED, "reason": LightReason(Light.RED, Reason.OVERDUE, days=3)}
    )
    assert 'class="light light-red"' in overdue and 'data-code="overdue">逾期3天</small>' in overdue
    closed = render_to_string(
        "web/partials/light.html", {"light": Light.GREY, "reason": LightReason(Light.GREY, Reason.CLOSED)}
    )
    assert closed.strip() == f'<span class="light light-grey">{Light.GREY.label}</span>'


@pytest.mark.django_db
def test_the_ledger_is_headed_overdue_only_for_the_red_light(client, seeded):
    client.force_login(User.objects.get(username="duchashi"))
    heading = re.compile(r'<h2 id="ledger-h">([^<]*)<small>')
    for light, title in [(Light.RED, "逾期台账"), (Light.GREEN, "任务清单"), ("", "任务清单")]:
        page = client.get(f"/milestones/?document={seeded.pk}&light={light}").content.decode()
        assert heading.search(page).group(1).strip() == title, light
    supervision = client.get(f"/supervision/?document={seeded.pk}").content.decode()
    assert heading.search(supervision).group(1).strip() == "逾期台账"
    assert f"&amp;light={Light.RED}&amp;" in supervision


@pytest.mark.django_db
def test_the_workbench_shows_overdue_work_with_the_red_light(client, seeded):
    client.force_login(User.objects.get(username="qfgj_clerk"))
    page = client.get("/workbench/").content.decode()
    overdue = page[page.index('id="overdue-h"') :].split("</section>", 1)[0]
    assert f'<span class="light light-red">{Light.RED.label}</span>' in overdue
    assert 'class="stat stat-red" href="#overdue"' in page
    assert 'class="stat stat-yellow" href="#upcoming"' in page
