"""County staff accounts (argon2id password hashes) and their server-side sessions."""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select

from hub.auth import hash_secret
from hub.db import Database
from hub.errors import HubError
from hub.models import StaffSession, StaffUser, utcnow

USERNAME_RE = re.compile(r"^[a-z0-9._-]{2,64}$")
MIN_PASSWORD = 10
_hasher = PasswordHasher()
# verified against when the user does not exist, so timing does not tell which usernames exist
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


@dataclass(frozen=True)
class StaffIdentity:
    user_id: int
    username: str
    full_name: str
    csrf_token: str


def add_user(db: Database, username: str, password: str, full_name: str = "") -> None:
    username = username.strip().lower()
    if not USERNAME_RE.fullmatch(username):
        raise HubError(422, "bad_username", "Numele de utilizator: 2–64 caractere a-z, 0-9, '.', '_', '-'.")
    if len(full_name) > 200:
        raise HubError(422, "bad_name", "Numele complet depășește 200 de caractere.")
    if len(password) < MIN_PASSWORD:
        raise HubError(422, "weak_password", f"Parola trebuie să aibă cel puțin {MIN_PASSWORD} caractere.")
    with db.write() as s:
        if s.scalar(select(StaffUser.id).where(StaffUser.username == username)) is not None:
            raise HubError(409, "exists", f"Utilizatorul {username} există deja.")
        s.add(StaffUser(username=username, full_name=full_name.strip(), password_hash=_hasher.hash(password),
                        active=True, created_at=utcnow()))


def list_users(db: Database) -> list[StaffUser]:
    with db.read() as s:
        return list(s.scalars(select(StaffUser).order_by(StaffUser.username)))


def authenticate(db: Database, username: str, password: str) -> int | None:
    """The user id if the password is right (rehashing it if the parameters changed)."""
    with db.read() as s:
        user = s.scalar(select(StaffUser).where(StaffUser.username == username.strip().lower(),
                                                StaffUser.active.is_(True)))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    with db.write() as s:
        row = s.get_one(StaffUser, user.id)
        row.last_login_at = utcnow()
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
    return user.id


def open_session(db: Database, user_id: int, hours: int) -> str:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with db.write() as s:
        s.execute(delete(StaffSession).where(StaffSession.expires_at < now))
        s.add(StaffSession(token_hash=hash_secret(token), user_id=user_id, csrf_token=secrets.token_urlsafe(32),
                           created_at=now, expires_at=now + timedelta(hours=hours)))
    return token


def session_identity(db: Database, token: str) -> StaffIdentity | None:
    with db.read() as s:
        row = s.execute(select(StaffSession.csrf_token, StaffSession.expires_at, StaffUser.id, StaffUser.username,
                               StaffUser.full_name)
                        .join(StaffUser, StaffUser.id == StaffSession.user_id)
                        .where(StaffSession.token_hash == hash_secret(token), StaffUser.active.is_(True))).first()
    if row is None or row.expires_at <= utcnow():
        return None
    return StaffIdentity(row.id, row.username, row.full_name, row.csrf_token)


def close_session(db: Database, token: str) -> None:
    with db.write() as s:
        s.execute(delete(StaffSession).where(StaffSession.token_hash == hash_secret(token)))
