"""Local user accounts. Passwords are hashed with Argon2id (memory-hard, argon2-cffi defaults:
64 MiB, 3 passes); hashes are upgraded on login when the parameters change."""
from __future__ import annotations

import re
import uuid as uuidlib

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from . import roles
from .audit import Actor, record_change
from .database import Database
from .errors import PermissionDenied, ValidationError
from .models import ROLES, Compartment, User
from .records import user_payload
from .text import clean_text
from .views import UserView

MIN_PASSWORD = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


class Users:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _payload(self, s, u: User) -> dict:  # noqa: ANN001
        code = s.get(Compartment, u.compartment_id).code if u.compartment_id else None
        return user_payload(u, code)

    def add(self, actor: Actor, username: str, password: str, role: str, full_name: str = "",
            compartment: str | None = None) -> UserView:
        roles.require(actor.role, "manage_users")
        return self._add(actor, username, password, role, full_name, compartment)

    def _add(self, actor: Actor, username: str, password: str, role: str, full_name: str,
             compartment: str | None) -> UserView:
        username = (username or "").strip().lower()
        if not _USERNAME.match(username):
            raise ValidationError("bad_choice", field="username", value=username, allowed="a-z 0-9 . _ -")
        if role not in ROLES:
            raise ValidationError("bad_choice", field="role", value=role, allowed=", ".join(ROLES))
        if len(password or "") < MIN_PASSWORD:
            raise ValidationError("password_too_short", field="password", min=MIN_PASSWORD)
        pw_hash = hash_password(password)  # slow on purpose: outside the write lock
        with self.db.write() as s:
            if s.execute(select(User.id).where(User.username == username)).scalar():
                raise ValidationError("duplicate", field="username", value=username)
            comp_id = None
            if compartment:
                comp = s.execute(select(Compartment).where(Compartment.code == compartment)).scalar()
                if comp is None:
                    raise ValidationError("unknown_compartment", field="compartment", value=compartment)
                comp_id = comp.id
            ts = self.db.now_iso()
            u = User(uuid=str(uuidlib.uuid4()), username=username, full_name=clean_text(full_name)[:120],
                     role=role, password_hash=pw_hash, compartment_id=comp_id, active=True, created_at=ts)
            s.add(u)
            s.flush()
            record_change(s, actor, ts, "user_add", "user", u.uuid, u.version, None, self._payload(s, u))
            return _view(u, compartment)

    def authenticate(self, username: str, password: str) -> Actor:
        username = (username or "").strip().lower()
        with self.db.read() as s:
            u = s.execute(select(User).where(User.username == username)).scalar()
        if u is None:
            _hasher.hash("timing-equaliser")
            raise PermissionDenied("login_failed", field="password")
        try:
            _hasher.verify(u.password_hash, password or "")
        except (VerificationError, InvalidHashError):
            raise PermissionDenied("login_failed", field="password") from None
        if not u.active:
            raise PermissionDenied("user_inactive", field="username", value=username)
        if _hasher.check_needs_rehash(u.password_hash):
            new_hash = hash_password(password)
            with self.db.write() as s:
                s.get(User, u.id).password_hash = new_hash
        return Actor(u.username, u.role, u.id, u.full_name)

    def set_password(self, actor: Actor, username: str, password: str) -> None:
        if actor.username != username:
            roles.require(actor.role, "manage_users")
        if len(password or "") < MIN_PASSWORD:
            raise ValidationError("password_too_short", field="password", min=MIN_PASSWORD)
        pw_hash = hash_password(password)
        with self.db.write() as s:
            u = self._get(s, username)
            u.password_hash = pw_hash
            record_change(s, actor, self.db.now_iso(), "set_password", "user", u.uuid, u.version, None, None,
                          replicate=False)

    def set_active(self, actor: Actor, username: str, active: bool) -> UserView:
        roles.require(actor.role, "manage_users")
        with self.db.write() as s:
            u = self._get(s, username)
            before = self._payload(s, u)
            u.active = active
            u.version += 1
            record_change(s, actor, self.db.now_iso(), "user_update", "user", u.uuid, u.version, before,
                          self._payload(s, u))
            comp = s.get(Compartment, u.compartment_id).code if u.compartment_id else None
            return _view(u, comp)

    @staticmethod
    def _get(s, username: str) -> User:  # noqa: ANN001
        u = s.execute(select(User).where(User.username == username)).scalar()
        if u is None:
            raise ValidationError("unknown_user", field="username", value=username)
        return u

    def list(self) -> list[UserView]:
        with self.db.read() as s:
            comps = {c.id: c.code for c in s.execute(select(Compartment)).scalars()}
            return [_view(u, comps.get(u.compartment_id)) for u in
                    s.execute(select(User).order_by(User.username)).scalars()]


def _view(u: User, compartment: str | None) -> UserView:
    return UserView(u.id, u.username, u.full_name, u.role, compartment, u.active)
