"""When a delivery may go out: working days, SMS quiet hours, digests, backoff.

All wall-clock rules are in Asia/Shanghai (settings.TIME_ZONE). Nothing here reads
the clock; callers pass `now`.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from duban.lib import workdays
from notifications.models import Channel

# `run_reminders --as-of D` pretends it is D at this local time: offices are open,
# quiet hours are over, and a due-day reminder still arrives in the morning.
AS_OF_TIME = time(9, 0)


def local_tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def as_of(day: date) -> datetime:
    return datetime.combine(day, AS_OF_TIME, tzinfo=local_tz())


def local_date(moment: datetime) -> date:
    return moment.astimezone(local_tz()).date()


def parse_hhmm(value: str | time) -> time:
    if isinstance(value, time):
        return value
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def in_quiet_hours(moment: datetime, start: time, end: time) -> bool:
    clock = moment.astimezone(local_tz()).time()
    if start == end:
        return False
    if start < end:
        return start <= clock < end
    return clock >= start or clock < end  # the usual case: 22:00–08:00 spans midnight


def _quiet_end_after(moment: datetime, end: time) -> datetime:
    local = moment.astimezone(local_tz())
    candidate = datetime.combine(local.date(), end, tzinfo=local_tz())
    if candidate <= local:
        candidate += timedelta(days=1)
    return candidate


def _day_start(day: date) -> datetime:
    return datetime.combine(day, parse_hhmm(settings.NOTIFY_QUIET_END), tzinfo=local_tz())


def deliverable_at(moment: datetime, *, channel: str, quiet: tuple[time, time] | None = None) -> datetime:
    """The earliest time at or after `moment` when a delivery on `channel` may go out.

    Never on a non-working day (it moves to the next working day's morning); an SMS
    inside the recipient's quiet hours waits for their end.
    """
    result = moment
    for _ in range(400):  # a year of holidays is the most we could ever skip
        day = local_date(result)
        if not workdays.is_workday(day):
            result = _day_start(workdays.next_workday(day))
            continue
        if channel == Channel.SMS and quiet and in_quiet_hours(result, *quiet):
            result = _quiet_end_after(result, quiet[1])
            continue
        return result
    return result


def next_digest_at(moment: datetime) -> datetime:
    """Today's digest time if it is still ahead on a working day, else the next working day's."""
    digest = parse_hhmm(settings.NOTIFY_DIGEST_TIME)
    local = moment.astimezone(local_tz())
    candidate = datetime.combine(local.date(), digest, tzinfo=local_tz())
    if workdays.is_workday(local.date()) and candidate >= local:
        return candidate
    return datetime.combine(workdays.next_workday(local.date() + timedelta(days=1)), digest, tzinfo=local_tz())


def backoff_seconds(attempts: int) -> int:
    """Exponential: base, 2*base, 4*base … capped; `attempts` is how many tries failed so far."""
    base = max(1, settings.NOTIFY_BACKOFF_BASE_SECONDS)
    factor: int = 2 ** max(0, attempts - 1)  # a whole number: the exponent is never negative
    capped: int = min(settings.NOTIFY_BACKOFF_MAX_SECONDS, base * factor)
    return capped


def fire_date(anchor: date, offset: int, *, forward: bool = False) -> date:
    """The working day a rule fires for an anchor date.

    A due-day reminder (offset 0) for a due date on a holiday goes out on the working
    day before it; with `forward` (an urge issued on a holiday) on the working day after.
    """
    if offset == 0:
        if workdays.is_workday(anchor):
            return anchor
        return workdays.next_workday(anchor) if forward else workdays.add_workdays(anchor, -1)
    return workdays.add_workdays(anchor, offset)
