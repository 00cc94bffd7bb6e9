"""Per-process state of a running hub: settings, database, blob store (no other in-process state)."""
from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from hub.blobstore import BlobStore
from hub.db import Database
from hub.security import RateLimiter
from hub.settings import Settings


@dataclass
class HubState:
    settings: Settings
    db: Database
    blobs: BlobStore
    enrol_limiter: RateLimiter
    login_limiter: RateLimiter

    @classmethod
    def create(cls, settings: Settings) -> "HubState":
        db = Database(settings)
        return cls(settings=settings, db=db, blobs=BlobStore(settings.blob_dir, settings.upload_dir),
                   enrol_limiter=RateLimiter(db, "enrol", settings.enrol_max_failures, settings.enrol_window_s),
                   login_limiter=RateLimiter(db, "login", settings.login_max_failures, settings.login_window_s))


def get_state(request: Request) -> HubState:
    return request.app.state.hub  # type: ignore[no-any-return]


def client_ip(request: Request) -> str:
    return request.client.host if request.client else ""
