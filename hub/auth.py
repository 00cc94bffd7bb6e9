"""Device tokens, enrolment codes and the `Caller` every API request is scoped to."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select

from hub.errors import HubError
from hub.models import Commune, Device
from hub.security import record_event
from hub.state import HubState, client_ip, get_state

TOKEN_PREFIX = "rgh_"
# Crockford base32: no I, L, O, U; what a person types is normalised (O→0, I/L→1) before hashing.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS, CODE_GROUP_LEN = 3, 4  # XXXX-XXXX-XXXX: 60 bits

bearer = HTTPBearer(auto_error=False, description="device token from /api/v1/enrol")


def hash_secret(secret: str) -> str:
    """Tokens and codes are high-entropy random values, so a plain SHA-256 is the right stored form."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_device_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def new_enrol_code() -> str:
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LEN)) for _ in range(CODE_GROUPS))
    return "-".join(groups)


def normalise_code(code: str) -> str:
    raw = "".join(ch for ch in code.upper() if ch.isalnum())
    return raw.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


@dataclass(frozen=True)
class Caller:
    device_id: int
    node: str
    commune_id: int
    commune_code: str
    ip: str


def require_device(request: Request,
                   credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Caller:
    state: HubState = get_state(request)
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise HubError(401, "unauthorized", "Lipsește tokenul dispozitivului.",
                       headers={"WWW-Authenticate": "Bearer"})
    with state.db.read() as s:
        row = s.execute(
            select(Device.id, Device.node, Device.commune_id, Device.revoked_at, Commune.code)
            .join(Commune, Commune.id == Device.commune_id)
            .where(Device.token_hash == hash_secret(credentials.credentials))
        ).first()
    ip = client_ip(request)
    if row is None:
        raise HubError(401, "unauthorized", "Token necunoscut.", headers={"WWW-Authenticate": "Bearer"})
    if row.revoked_at is not None:
        record_event(state.db, "revoked_token", commune_id=row.commune_id, device_id=row.id, ip=ip,
                     path=request.url.path)
        raise HubError(401, "revoked", "Tokenul acestui dispozitiv a fost revocat; reînrolați instalarea.",
                       headers={"WWW-Authenticate": "Bearer"})
    return Caller(device_id=row.id, node=row.node, commune_id=row.commune_id, commune_code=row.code, ip=ip)


def deny(state: HubState, caller: Caller, request: Request, what: str) -> None:
    """Log an attempt to reach another commune's data (the caller then gets a 404)."""
    record_event(state.db, "cross_commune", commune_id=caller.commune_id, device_id=caller.device_id,
                 ip=caller.ip, path=request.url.path, detail=what)
