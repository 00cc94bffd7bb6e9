"""Hub settings: one frozen value built from CLI options or the environment.

`registru-hub serve` passes its options to uvicorn workers through `REGISTRU_HUB_*` environment
variables, so every worker process builds the same settings with `Settings.from_env()`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from platformdirs import user_data_dir

from sync.protocol import MAX_BLOB_BYTES, MAX_BODY_BYTES

ENV_PREFIX = "REGISTRU_HUB_"


def default_data_dir() -> Path:
    return Path(user_data_dir("registru-hub", appauthor=False))


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / 'hub.sqlite3').resolve()}"


@dataclass(frozen=True)
class Settings:
    db_url: str
    data_dir: Path
    max_body_bytes: int = MAX_BODY_BYTES        # decompressed JSON request body
    max_blob_bytes: int = MAX_BLOB_BYTES
    max_chunk_bytes: int = 8 * 1024 * 1024      # one blob PATCH
    max_admin_upload_bytes: int = 2 * MAX_BLOB_BYTES
    enrol_max_failures: int = 10                # failed enrolments per client IP per window
    enrol_window_s: int = 600
    login_max_failures: int = 10                # failed staff logins per IP (and per username) per window
    login_window_s: int = 900
    session_hours: int = 12
    enrol_code_hours: int = 72                  # default validity of a new enrolment code
    db_pool_size: int = 10

    @classmethod
    def create(cls, db_url: str | None, data_dir: str | Path | None, **overrides: object) -> "Settings":
        ddir = Path(data_dir) if data_dir else default_data_dir()
        return cls(db_url=db_url or sqlite_url(ddir), data_dir=ddir, **overrides)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls) -> "Settings":
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = os.environ.get(ENV_PREFIX + f.name.upper())
            if raw is None:
                continue
            values[f.name] = Path(raw) if f.name == "data_dir" else (raw if f.name == "db_url" else int(raw))
        return cls.create(values.pop("db_url", None), values.pop("data_dir", None), **values)  # type: ignore[arg-type]

    def to_env(self) -> dict[str, str]:
        return {ENV_PREFIX + f.name.upper(): str(getattr(self, f.name)) for f in fields(self)}

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"
