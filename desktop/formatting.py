"""Dates as Romanian offices write them (dd.mm.yyyy), for screens and documents alike."""
from __future__ import annotations

from datetime import date


def ro_date(iso: str | date | None) -> str:
    """'2026-11-25' (or an ISO timestamp, or a date) -> '25.11.2026'; empty for None."""
    if not iso:
        return ""
    text = iso.isoformat() if isinstance(iso, date) else iso
    y, m, d = text[:10].split("-")
    return f"{d}.{m}.{y}"


def ro_time(iso: str) -> str:
    """The HH:MM of an ISO timestamp."""
    return iso[11:16] if len(iso) >= 16 else ""


def ro_datetime(iso: str | None) -> str:
    return f"{ro_date(iso)} {ro_time(iso)}".strip() if iso else ""
