"""Security log (table + log line) and database-backed rate limits shared by all workers."""
from __future__ import annotations

import logging
import time

from sqlalchemy import case, delete, select

from hub.db import Database
from hub.models import RateLimit, SecurityEvent, utcnow

log = logging.getLogger("hub.security")


def record_event(db: Database, kind: str, *, commune_id: int | None = None, device_id: int | None = None,
                 ip: str = "", path: str = "", detail: str = "") -> None:
    """Write a security event in its own transaction (it must survive the failing request's rollback)."""
    log.warning("security %s commune=%s device=%s ip=%s path=%s %s", kind, commune_id, device_id, ip, path, detail)
    with db.write() as s:
        s.add(SecurityEvent(at=utcnow(), kind=kind, commune_id=commune_id, device_id=device_id,
                            ip=ip[:64], path=path[:500], detail=detail[:2000]))


class RateLimiter:
    """Fixed-window failure counters in the `rate_limits` table.

    `blocked()` is checked before an attempt; `hit()` counts a failed one. Two workers racing may let a
    handful of extra attempts through, which does not matter for codes with 60 bits of entropy.
    """

    def __init__(self, db: Database, scope: str, limit: int, window_s: int) -> None:
        self.db, self.scope, self.limit, self.window_s = db, scope, limit, window_s

    def _window(self) -> int:
        return int(time.time()) // self.window_s * self.window_s

    def retry_after(self) -> int:
        return max(1, self._window() + self.window_s - int(time.time()))

    def blocked(self, ident: str) -> bool:
        with self.db.read() as s:
            row = s.execute(select(RateLimit.window_start, RateLimit.count)
                            .where(RateLimit.key == f"{self.scope}:{ident}")).first()
        return row is not None and row.window_start == self._window() and row.count >= self.limit

    def hit(self, ident: str) -> None:
        window = self._window()
        table = RateLimit.__table__
        stmt = self.db.insert(table).values(key=f"{self.scope}:{ident}"[:200], window_start=window, count=1)
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={"count": case((table.c.window_start == stmt.excluded.window_start, table.c.count + 1), else_=1),
                  "window_start": window},
        )
        with self.db.write() as s:
            s.execute(stmt)
            s.execute(delete(RateLimit).where(RateLimit.window_start < window - self.window_s))

