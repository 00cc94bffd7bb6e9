"""Legal deadlines: calendar or working days, Romanian public holidays, rollover, extensions.

Rules come from the document type (county nomenclator): `deadline_days`, `day_kind`
('calendar' | 'working'), `roll_to_working_day` (a deadline falling on a non-working day moves to the
next working day, as Law 544/2001 requires) and `extension_days` (e.g. +15 for petitions, OG 27/2002).
Public holidays come from the `holidays` package (Orthodox Easter and Pentecost included); extra
non-working days decided by government decision arrive from the county as data (table `holiday`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays as _holidays


@lru_cache(maxsize=64)
def _legal_holidays(year: int) -> frozenset[date]:
    return frozenset(_holidays.Romania(years=year).keys())


@dataclass(frozen=True)
class Calendar:
    """Working-day calendar: weekends and legal holidays off, adjusted by county-supplied days."""
    extra_off: frozenset[date] = field(default_factory=frozenset)
    extra_working: frozenset[date] = field(default_factory=frozenset)

    def is_working_day(self, d: date) -> bool:
        if d in self.extra_working:
            return True
        if d in self.extra_off or d in _legal_holidays(d.year):
            return False
        return d.weekday() < 5

    def next_working_day(self, d: date) -> date:
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def add_working_days(self, start: date, days: int) -> date:
        d = start
        remaining = days
        while remaining > 0:
            d += timedelta(days=1)
            if self.is_working_day(d):
                remaining -= 1
        return d


@dataclass(frozen=True)
class DeadlineRule:
    days: int | None
    day_kind: str = "calendar"
    roll_to_working_day: bool = False
    extension_days: int = 0


def compute_deadline(start: date, rule: DeadlineRule, cal: Calendar) -> date | None:
    """Deadline counted from the registration date (the registration day itself is not counted)."""
    if rule.days is None:
        return None
    if rule.day_kind == "working":
        return cal.add_working_days(start, rule.days)
    d = start + timedelta(days=rule.days)
    return cal.next_working_day(d) if rule.roll_to_working_day else d


def extend_deadline(current: date, days: int, rule: DeadlineRule, cal: Calendar) -> date:
    if rule.day_kind == "working":
        return cal.add_working_days(current, days)
    d = current + timedelta(days=days)
    return cal.next_working_day(d) if rule.roll_to_working_day else d
