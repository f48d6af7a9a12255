"""Times as the workspace lives them. Stored in UTC; shown and typed in the workspace's zone.

A local time is turned into UTC with the zone's rules for that very day, so a post written
for 10:00 in Casablanca stays at 10:00 when Morocco moves from UTC+1 to UTC+0 for Ramadan.
A time that does not exist (the hour skipped when clocks go forward) is read with the offset
in force just before the change, which lands it just after the change; a time that happens
twice (clocks going back) is the first of the two.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings

from majlis.core.models import Workspace


def zone_of(workspace: Workspace) -> ZoneInfo:
    try:
        return ZoneInfo(workspace.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)


def to_utc(day: date, at: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, at).replace(tzinfo=tz, fold=0).astimezone(UTC)


def local(moment: datetime, tz: ZoneInfo) -> datetime:
    return moment.astimezone(tz)


def day_start(day: date, tz: ZoneInfo) -> datetime:
    """The UTC instant the local day begins (midnight, or the first instant after it)."""
    return to_utc(day, time(0, 0), tz)


def week_of(day: date) -> list[date]:
    monday = day - timedelta(days=day.weekday())
    return [monday + timedelta(days=n) for n in range(7)]


def month_of(day: date) -> list[list[date]]:
    """The weeks (Monday first) that show the month of `day`."""
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    weeks: list[list[date]] = []
    start = first - timedelta(days=first.weekday())
    while start < following:
        weeks.append([start + timedelta(days=n) for n in range(7)])
        start += timedelta(days=7)
    return weeks
