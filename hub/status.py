"""Sync health for the county: communes and their installations (dashboard, `registru-hub status`)."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from hub.db import Database
from hub.models import Commune, Device, ReplicaRecord, utcnow

SKEW_WARN_MS = 120_000        # two minutes: registration times are legal facts
STALE_AFTER_S = 24 * 3600


@dataclass(frozen=True)
class InstallationStatus:
    node: str
    commune_code: str
    hostname: str
    app_version: str
    enrolled_at: datetime
    revoked: bool
    last_sync_at: datetime | None
    ack: int
    pending: int
    clock_skew_ms: int | None

    @property
    def lag_s(self) -> int | None:
        return None if self.last_sync_at is None else int((utcnow() - self.last_sync_at).total_seconds())

    @property
    def skew_warning(self) -> bool:
        return self.clock_skew_ms is not None and abs(self.clock_skew_ms) > SKEW_WARN_MS

    @property
    def stale(self) -> bool:
        return not self.revoked and (self.lag_s is None or self.lag_s > STALE_AFTER_S)


@dataclass(frozen=True)
class CommuneStatus:
    code: str
    name: str
    county: str
    installations: list[InstallationStatus]
    entries: int          # registry entries replicated at the hub (deleted ones excluded)

    @property
    def last_sync_at(self) -> datetime | None:
        times = [i.last_sync_at for i in self.installations if i.last_sync_at and not i.revoked]
        return max(times) if times else None

    @property
    def pending(self) -> int:
        return sum(i.pending for i in self.installations if not i.revoked)

    @property
    def skew_warning(self) -> bool:
        return any(i.skew_warning for i in self.installations if not i.revoked)


def collect(db: Database) -> list[CommuneStatus]:
    with db.read() as s:
        communes = list(s.scalars(select(Commune).order_by(Commune.name)))
        devices = s.execute(select(Device, Commune.code).join(Commune, Commune.id == Device.commune_id)
                            .order_by(Device.enrolled_at)).all()
        counts = dict(s.execute(select(ReplicaRecord.commune_id, func.count())
                                .where(ReplicaRecord.kind == "entry", ReplicaRecord.deleted.is_(False))
                                .group_by(ReplicaRecord.commune_id)).all())
    by_commune: dict[str, list[InstallationStatus]] = {}
    for d, code in devices:
        by_commune.setdefault(code, []).append(InstallationStatus(
            node=d.node, commune_code=code, hostname=d.hostname, app_version=d.app_version, enrolled_at=d.enrolled_at,
            revoked=d.revoked_at is not None, last_sync_at=d.last_sync_at, ack=d.ack, pending=d.pending,
            clock_skew_ms=d.clock_skew_ms))
    return [CommuneStatus(c.code, c.name, c.county, by_commune.get(c.code, []), counts.get(c.id, 0)) for c in communes]


def as_json(statuses: list[CommuneStatus]) -> list[dict[str, Any]]:
    out = []
    for c in statuses:
        out.append({"code": c.code, "name": c.name, "county": c.county, "entries": c.entries,
                    "last_sync_at": c.last_sync_at.isoformat() if c.last_sync_at else None, "pending": c.pending,
                    "installations": [{**{k: (v.isoformat() if isinstance(v, datetime) else v)
                                          for k, v in asdict(i).items()},
                                       "lag_s": i.lag_s, "skew_warning": i.skew_warning}
                                      for i in c.installations]})
    return out
