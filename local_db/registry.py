"""`Registry`: the town hall's registry core, opened on a data dir. The documented Python API.

    reg = Registry.open(data_dir)
    reg.init("54975", "Comuna Florești", "Cluj", admin_username="admin", admin_password="…")
    clerk = reg.users.authenticate("ana", "…")
    view = reg.entries.register(clerk, NewEntry(direction="in", subject="Cerere", doc_type="PETITIE",
                                                sender=Party("Ion Pop")))
    reg.entries.search(Filters(text="cerere"))
    reg.verify()

Sub-services: `entries`, `users`, `nomenclator`, `archive`. Everything returns plain dataclasses (local_db.views).
"""
from __future__ import annotations

import uuid as uuidlib
from pathlib import Path

from sqlalchemy import func, select, text

from . import backup as _backup
from . import roles
from .archive import Archive
from .audit import SYSTEM, Actor, record_change
from .blobs import DEFAULT_MAX_BYTES
from .database import Clock, Database
from .entries import Entries
from .errors import StateError, ValidationError
from .integrity import verify
from .models import Institution, Meta, Register
from .nomenclator import Nomenclator, default_data
from .records import institution_payload, register_payload
from .text import clean_text
from .users import Users
from .views import InstitutionView, VerifyReport


class Registry:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.entries = Entries(db)
        self.users = Users(db)
        self.nomenclator = Nomenclator(db)
        self.archive = Archive(db)  # filing plan, dossiers, transfers, loans, disposal (local_db.archive)

    @classmethod
    def open(cls, data_dir: str | Path, clock: Clock | None = None,
             blob_max_bytes: int = DEFAULT_MAX_BYTES) -> "Registry":
        """Open (creating if needed) the database in `data_dir`, migrating it after a backup."""
        return cls(Database(Path(data_dir), clock=clock, blob_max_bytes=blob_max_bytes))

    @property
    def data_dir(self) -> Path:
        return self.db.data_dir

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Registry":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- institution ------------------------------------------------------------------------------

    def is_initialised(self) -> bool:
        with self.db.read() as s:
            return s.execute(select(func.count()).select_from(Institution)).scalar_one() > 0

    def init(self, commune_code: str, commune_name: str, county: str, admin_username: str,
             admin_password: str, admin_full_name: str = "", address: str = "",
             with_defaults: bool = True) -> InstitutionView:
        """First set-up: the institution, default compartments and document types, the general
        register and the first administrator — all in one transaction, so a failure leaves nothing."""
        code = (commune_code or "").strip()
        if not code.isdigit() or not 1 <= len(code) <= 10:
            raise ValidationError("bad_choice", field="commune_code", value=code, allowed="0-9")
        name, county = clean_text(commune_name), clean_text(county)
        if not name:
            raise ValidationError("required", field="commune_name")
        if not county:
            raise ValidationError("required", field="county")
        from .users import MIN_PASSWORD, _USERNAME, hash_password  # noqa: PLC0415
        from .models import User
        username = (admin_username or "").strip().lower()
        if not _USERNAME.match(username):
            raise ValidationError("bad_choice", field="username", value=username, allowed="a-z 0-9 . _ -")
        if len(admin_password or "") < MIN_PASSWORD:
            raise ValidationError("password_too_short", field="password", min=MIN_PASSWORD)
        pw_hash = hash_password(admin_password)
        with self.db.write() as s:
            existing = s.execute(select(Institution)).scalar()
            if existing is not None:
                raise StateError("already_initialised", name=existing.name)
            ts = self.db.now_iso()
            node = str(uuidlib.uuid4())
            s.add(Meta(key="node_id", value=node))
            inst = Institution(uuid=str(uuidlib.uuid4()), name=name, siruta=code, county=county,
                               address=clean_text(address), version=1)
            s.add(inst)
            s.flush()
            record_change(s, SYSTEM, ts, "init", "institution", inst.uuid, 1, None, institution_payload(inst))
            reg = Register(uuid=str(uuidlib.uuid4()), code="RG", name="Registrul general de intrări-ieșiri",
                           kind="general", active=True, version=1)
            s.add(reg)
            s.flush()
            record_change(s, SYSTEM, ts, "register_add", "register", reg.uuid, 1, None, register_payload(reg))
            if with_defaults:
                data = default_data()
                for c in data["compartments"]:
                    self.nomenclator.insert_compartment(s, SYSTEM, c["code"], c["name"])
                for d in data["doc_types"]:
                    self.nomenclator.upsert_doc_type(s, SYSTEM, d, source="default")
            u = User(uuid=str(uuidlib.uuid4()), username=username, full_name=clean_text(admin_full_name),
                     role="admin", password_hash=pw_hash, active=True, created_at=ts, version=1)
            s.add(u)
            s.flush()
            from .records import user_payload
            record_change(s, SYSTEM, ts, "user_add", "user", u.uuid, 1, None, user_payload(u, None))
            return _inst_view(inst, node)

    def institution(self) -> InstitutionView:
        with self.db.read() as s:
            inst = s.execute(select(Institution)).scalar()
            if inst is None:
                raise StateError("not_initialised")
            return _inst_view(inst, self._meta(s, "node_id"))

    @staticmethod
    def _meta(s, key: str) -> str:  # noqa: ANN001
        return s.execute(select(Meta.value).where(Meta.key == key)).scalar() or ""

    @property
    def node_id(self) -> str:
        with self.db.read() as s:
            return self._meta(s, "node_id")

    # --- integrity, backups, outbox -------------------------------------------------------------

    def verify(self, check_blobs: bool = True) -> VerifyReport:
        return verify(self.db, check_blobs)

    def backup(self, actor: Actor, label: str = "manual") -> Path:
        roles.require(actor.role, "backup")
        return _backup.make_backup(self.data_dir, label)

    def daily_backup(self) -> Path | None:
        """Automatic backup, at most one per day (the desktop app asks at every start)."""
        return _backup.daily_backup(self.data_dir, self.db.now().replace(tzinfo=None))

    def outbox_pending(self) -> int:
        with self.db.read() as s:
            return s.execute(text("SELECT count(*) FROM outbox")).scalar_one()


def _inst_view(i: Institution, node: str) -> InstitutionView:
    return InstitutionView(i.uuid, i.name, i.siruta, i.county, i.address, i.cui, node)


__all__ = ["Registry", "Actor", "SYSTEM", "record_change"]
