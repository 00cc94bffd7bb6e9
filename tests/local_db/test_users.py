"""Local accounts: Argon2id hashes, login, roles."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from local_db import Registry, SYSTEM
from local_db.errors import PermissionDenied, ValidationError


def test_passwords_are_stored_as_argon2id(registry: Registry, data_dir: Path) -> None:
    con = sqlite3.connect(data_dir / "registru.sqlite")
    hashes = [r[0] for r in con.execute("SELECT password_hash FROM user")]
    con.close()
    assert hashes and all(h.startswith("$argon2id$") and "m=65536" in h for h in hashes)
    assert not any("parola" in h for h in hashes)


def test_login(registry: Registry) -> None:
    actor = registry.users.authenticate("Maria ", "parola-maria-1")
    assert (actor.username, actor.role, actor.full_name) == ("maria", "clerk", "Maria Registrator")
    for user, pw in (("maria", "gresita"), ("nimeni", "parola-maria-1"), ("maria", "")):
        with pytest.raises(PermissionDenied) as exc:
            registry.users.authenticate(user, pw)
        assert exc.value.code == "login_failed"  # the same answer for a wrong user and a wrong password


def test_disabled_accounts_cannot_log_in(registry: Registry) -> None:
    registry.users.set_active(SYSTEM, "maria", False)
    with pytest.raises(PermissionDenied) as exc:
        registry.users.authenticate("maria", "parola-maria-1")
    assert exc.value.code == "user_inactive"


@pytest.mark.parametrize("username,password,role,field", [
    ("ab cd", "parola-lunga", "clerk", "username"), ("x", "parola-lunga", "clerk", "username"),
    ("nou", "scurta", "clerk", "password"), ("nou", "parola-lunga", "emperor", "role"),
    ("maria", "parola-lunga", "clerk", "username"),
])
def test_bad_accounts_are_refused(registry: Registry, username: str, password: str, role: str, field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        registry.users.add(SYSTEM, username, password, role)
    assert exc.value.field == field


def test_change_password(registry: Registry) -> None:
    maria = registry.users.authenticate("maria", "parola-maria-1")
    registry.users.set_password(maria, "maria", "alta-parola-9")
    assert registry.users.authenticate("maria", "alta-parola-9").username == "maria"
    with pytest.raises(PermissionDenied):
        registry.users.set_password(maria, "ion", "parola-furata")
