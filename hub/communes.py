"""Communes, enrolment codes and installations: county administration and the enrolment exchange."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update

from hub.auth import hash_secret, new_device_token, new_enrol_code, normalise_code
from hub.db import Database
from hub.errors import HubError
from hub.models import Commune, Device, EnrolCode, HubConfig, utcnow
from sync.protocol import CommuneInfo, EnrolRequest, EnrolResponse

SIRUTA_RE = re.compile(r"^[0-9]{1,16}$")
CONFIG_KEYS = {"county": "the county's name (default for new communes)",
               "institution": "the sender shown on circulars, e.g. 'Consiliul Județean Cluj'"}


def get_config(db: Database, key: str, default: str = "") -> str:
    with db.read() as s:
        value = s.scalar(select(HubConfig.value).where(HubConfig.key == key))
    return value if value is not None else default


def set_config(db: Database, key: str, value: str) -> None:
    if key not in CONFIG_KEYS:
        raise HubError(422, "unknown_key", f"Cheie necunoscută: {key} (cunoscute: {', '.join(CONFIG_KEYS)}).")
    with db.write() as s:
        row = s.get(HubConfig, key)
        if row is None:
            s.add(HubConfig(key=key, value=value))
        else:
            row.value = value


def add_commune(db: Database, code: str, name: str, county: str = "") -> Commune:
    code, name = code.strip(), name.strip()
    if not SIRUTA_RE.fullmatch(code):
        raise HubError(422, "bad_code", "Codul SIRUTA trebuie să fie numeric.")
    if not name or len(name) > 200:
        raise HubError(422, "bad_name", "Numele comunei lipsește sau depășește 200 de caractere.")
    county = (county.strip() or get_config(db, "county"))[:100]
    with db.write() as s:
        if s.scalar(select(Commune.id).where(Commune.code == code)) is not None:
            raise HubError(409, "exists", f"Comuna cu codul {code} există deja.")
        commune = Commune(code=code, name=name, county=county, created_at=utcnow())
        s.add(commune)
    return commune


def list_communes(db: Database) -> list[Commune]:
    with db.read() as s:
        return list(s.scalars(select(Commune).order_by(Commune.name)))


def commune_by_code(db: Database, code: str) -> Commune:
    with db.read() as s:
        commune = s.scalar(select(Commune).where(Commune.code == code.strip()))
    if commune is None:
        raise HubError(404, "unknown_commune", f"Nu există comuna cu codul {code}.")
    return commune


@dataclass(frozen=True)
class NewCode:
    code: str          # shown once; only its hash is stored
    commune: Commune
    expires_at: datetime


def create_code(db: Database, commune_code: str, hours: int, created_by: str = "") -> NewCode:
    if not 1 <= hours <= 24 * 90:
        raise HubError(422, "bad_validity", "Valabilitatea trebuie să fie între 1 oră și 90 de zile.")
    commune = commune_by_code(db, commune_code)
    code = new_enrol_code()
    expires = utcnow() + timedelta(hours=hours)
    with db.write() as s:
        s.add(EnrolCode(commune_id=commune.id, code_hash=hash_secret(normalise_code(code)), hint=code[:4],
                        created_at=utcnow(), created_by=created_by, expires_at=expires))
    return NewCode(code=code, commune=commune, expires_at=expires)


@dataclass(frozen=True)
class CodeView:
    id: int
    hint: str
    commune_code: str
    commune_name: str
    created_at: datetime
    created_by: str
    expires_at: datetime
    used_at: datetime | None
    used_node: str | None
    cancelled_at: datetime | None

    @property
    def status(self) -> str:
        if self.used_at:
            return "used"
        if self.cancelled_at or self.expires_at <= utcnow():
            return "expired"
        return "active"


def list_codes(db: Database, limit: int = 200) -> list[CodeView]:
    with db.read() as s:
        rows = s.execute(select(EnrolCode, Commune.code, Commune.name)
                         .join(Commune, Commune.id == EnrolCode.commune_id)
                         .order_by(EnrolCode.id.desc()).limit(limit)).all()
    return [CodeView(c.id, c.hint, code, name, c.created_at, c.created_by, c.expires_at, c.used_at, c.used_node,
                     c.cancelled_at) for c, code, name in rows]


def expire_code(db: Database, code_id: int) -> None:
    with db.write() as s:
        done = s.execute(update(EnrolCode).where(EnrolCode.id == code_id, EnrolCode.used_at.is_(None),
                                                 EnrolCode.cancelled_at.is_(None))
                         .values(cancelled_at=utcnow())).rowcount
    if not done:
        raise HubError(404, "not_found", "Codul nu există sau nu mai este activ.")


def enrol(db: Database, req: EnrolRequest, ip: str) -> EnrolResponse:
    """Exchange a one-time code for a device token (single use even across workers: guarded UPDATE)."""
    now = utcnow()
    token = new_device_token()
    with db.write() as s:
        code = s.scalar(select(EnrolCode).where(EnrolCode.code_hash == hash_secret(normalise_code(req.code))))
        if code is None:
            raise HubError(401, "invalid_code", "Cod de înrolare necunoscut.")
        if code.used_at is not None:
            raise HubError(409, "code_used", "Codul de înrolare a fost deja folosit.")
        if code.cancelled_at is not None or code.expires_at <= now:
            raise HubError(410, "code_expired", "Codul de înrolare a expirat.")
        if req.commune:
            owner = s.get_one(Commune, code.commune_id)
            if owner.code != req.commune.strip():
                raise HubError(409, "other_commune", f"Codul de înrolare este pentru {owner.name} ({owner.code}), "
                                                     f"nu pentru comuna {req.commune.strip()}; codul nu a fost folosit.")
        claimed = s.execute(update(EnrolCode).where(EnrolCode.id == code.id, EnrolCode.used_at.is_(None))
                            .values(used_at=now, used_node=req.node)).rowcount
        if claimed != 1:
            raise HubError(409, "code_used", "Codul de înrolare a fost deja folosit.")
        commune = s.get_one(Commune, code.commune_id)
        device = s.scalar(select(Device).where(Device.node == req.node).with_for_update())
        if device is not None and device.commune_id != commune.id:
            raise HubError(409, "node_conflict", "Această instalare este înrolată la altă comună.")
        if device is None:
            s.add(Device(node=req.node, commune_id=commune.id, token_hash=hash_secret(token), hostname=req.hostname,
                         app_version=req.app_version, enrolled_at=now, ack=0, pending=0, last_ip=ip[:64]))
        else:  # the same installation enrols again (lost token): new token, same ack
            device.token_hash, device.revoked_at, device.enrolled_at = hash_secret(token), None, now
            device.hostname, device.app_version, device.last_ip = req.hostname, req.app_version, ip[:64]
    return EnrolResponse(token=token, node=req.node,
                         commune=CommuneInfo(code=commune.code, name=commune.name, county=commune.county))


def revoke_device(db: Database, node: str) -> None:
    with db.write() as s:
        done = s.execute(update(Device).where(Device.node == node, Device.revoked_at.is_(None))
                         .values(revoked_at=utcnow())).rowcount
    if not done:
        raise HubError(404, "not_found", f"Nu există o instalare activă cu id-ul {node}.")

