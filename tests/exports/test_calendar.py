"""Calendar feeds: a calendar library reads the unit feed; tokens are secret, hashed and revocable."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import recurring_ical_events
from django.urls import reverse
from icalendar import Calendar

from accounts.models import Membership
from policy_tasks.exports.calendar_feed import calendar_token_create, calendar_token_revoke, hash_token
from policy_tasks.models import AuditEvent, CalendarToken, Milestone
from tests import factories as f
from tests.exports.conftest import at

pytestmark = pytest.mark.django_db


def feed_url(raw: str) -> str:
    return reverse("exports:calendar-feed", args=[raw])


def fetch(client, raw: str) -> Calendar:
    response = client.get(feed_url(raw))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_a_calendar_library_finds_the_milestone_on_its_due_date(client, world):
    _, raw = calendar_token_create(user=world.lead_clerk, unit=world.lead_unit)
    cal = fetch(client, raw)
    events = recurring_ical_events.of(cal).at(date(2023, 10, 31))
    assert [str(e["SUMMARY"]) for e in events] == ["抽蓄项目10月底前开工"]
    event = events[0]
    assert event["DTSTART"].dt == date(2023, 10, 31)  # an all-day event
    assert "区发改局" in str(event["DESCRIPTION"]) and "区财政局" in str(event["DESCRIPTION"])
    triggers = sorted(alarm["TRIGGER"].dt for alarm in event.walk("VALARM"))
    assert triggers == [timedelta(days=-3), timedelta(days=-1)]
    assert not recurring_ical_events.of(cal).at(date(2023, 10, 30))


def test_seed_unit_feed_has_the_pumped_storage_start(client, seed):
    ndrc = f.UnitFactory(name="区发改局")
    clerk = f.UserFactory(username="ndrc_clerk")
    f.MembershipFactory(user=clerk, unit=ndrc)
    _, raw = calendar_token_create(user=clerk, unit=ndrc)
    events = recurring_ical_events.of(fetch(client, raw)).at(date(2023, 10, 31))
    assert any("抽蓄项目10月底前开工" in str(e["SUMMARY"]) for e in events)


def test_uid_is_stable_and_follows_an_extension(client, world):
    _, raw = calendar_token_create(user=world.lead_clerk, unit=world.lead_unit)
    first = [e for e in fetch(client, raw).walk("VEVENT")]
    Milestone.objects.filter(pk=world.milestone.pk).update(due_date=date(2023, 12, 31), version=2)
    second = [e for e in fetch(client, raw).walk("VEVENT")]
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]
    assert second[0]["DTSTART"].dt == date(2023, 12, 31)


def test_closed_milestones_leave_the_feed(client, world):
    _, raw = calendar_token_create(user=world.lead_clerk, unit=world.lead_unit)
    Milestone.objects.filter(pk=world.milestone.pk).update(status=Milestone.Status.CLOSED, closed_at=at(2023, 10, 20))
    assert fetch(client, raw).walk("VEVENT") == []


def test_personal_feed_covers_what_the_user_may_see(client, world):
    _, raw = calendar_token_create(user=world.co_clerk)
    assert [str(e["SUMMARY"]) for e in fetch(client, raw).walk("VEVENT")] == ["抽蓄项目10月底前开工"]
    _, raw = calendar_token_create(user=world.other_clerk)
    assert fetch(client, raw).walk("VEVENT") == []


def test_only_the_hash_of_the_token_is_stored(world):
    token, raw = calendar_token_create(user=world.lead_clerk, unit=world.lead_unit)
    assert token.token_hash == hash_token(raw) != raw
    assert not CalendarToken.objects.filter(token_hash=raw).exists()


def test_revoked_token_gets_404(client, world):
    token, raw = calendar_token_create(user=world.lead_clerk, unit=world.lead_unit)
    calendar_token_revoke(user=world.lead_clerk, token=token)
    assert client.get(feed_url(raw)).status_code == 404


def test_unknown_token_gets_404(client, world):
    assert client.get(feed_url("not-a-real-token")).status_code == 404


def test_leaving_the_unit_ends_the_feed(client, world):
    _, raw = calendar_token_create(user=world.lead_clerk, unit=world.lead_unit)
    Membership.objects.filter(user=world.lead_clerk, unit=world.lead_unit).delete()
    assert client.get(feed_url(raw)).status_code == 404


def test_a_clerk_cannot_subscribe_to_another_units_feed(client, world):
    client.force_login(world.other_clerk)
    response = client.post("/api/v1/calendar-subscriptions/", {"unit": world.lead_unit.pk})
    assert response.status_code == 404
    assert not CalendarToken.objects.exists()


def test_token_views_show_the_url_once_and_revoke(client, world):
    client.force_login(world.lead_clerk)  # signed in as on the pages: the API takes the session
    created = client.post("/api/v1/calendar-subscriptions/", {"unit": world.lead_unit.pk})
    assert created.status_code == 201
    url = created.json()["feed_url"]
    assert client.get(url).status_code == 200
    listed = client.get("/api/v1/calendar-subscriptions/").json()["results"]
    assert "feed_url" not in listed[0]
    revoke = f"/api/v1/calendar-subscriptions/{created.json()['id']}/revoke/"
    client.force_login(world.co_clerk)
    assert client.post(revoke).status_code == 404  # not theirs
    client.force_login(world.lead_clerk)
    assert client.post(revoke).status_code == 200
    assert client.get(url).status_code == 404
    assert client.post(revoke).status_code == 409


def test_creating_and_revoking_each_leave_one_audit_event(world):
    before = AuditEvent.objects.count()
    token, _ = calendar_token_create(user=world.lead_clerk, unit=world.lead_unit)
    calendar_token_revoke(user=world.lead_clerk, token=token)
    actions = list(AuditEvent.objects.order_by("id").values_list("action", flat=True)[before:])
    assert actions == ["calendar_token.create", "calendar_token.revoke"]
