"""The device token, kept only in the operating system's keyring (never a file, never the database).

`TokenStore` is the one door to it. It refuses to store a token when the only keyring available is one
that fails every call (headless Linux without a Secret Service) or one that writes secrets to a plain
file (keyrings.alt's PlaintextKeyring and friends): the user is told so, in plain words, and nothing is
written anywhere else instead.
"""
from __future__ import annotations

import logging

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from .messages import tr

log = logging.getLogger(__name__)

SERVICE = "registru-hub"
_WEAK_NAMES = ("plaintext", "encryptedfile", "fail", "null", "uncrypted")


class KeyringUnavailable(Exception):
    """No secure keyring on this machine: the token cannot be stored."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        super().__init__(tr("sync.keyring_unavailable", backend=backend))


def _leaves(backend: KeyringBackend) -> list[KeyringBackend]:
    children = getattr(backend, "backends", None)
    if isinstance(children, (list, tuple)):
        return [leaf for child in children for leaf in _leaves(child)]
    return [backend]


def backend_name(backend: KeyringBackend | None = None) -> str:
    b = backend or keyring.get_keyring()
    return f"{type(b).__module__}.{type(b).__name__}"


def is_secure(backend: KeyringBackend | None = None) -> bool:
    """True unless every backend is a fail/null/plaintext-file one."""
    b = backend or keyring.get_keyring()
    leaves = _leaves(b)
    if not leaves:
        return False
    for leaf in leaves:
        name = f"{type(leaf).__module__}.{type(leaf).__name__}".lower()
        if name.startswith("keyrings.alt") or any(w in name for w in _WEAK_NAMES):
            continue
        try:
            if float(getattr(leaf, "priority", 1)) <= 0:
                continue
        except Exception:  # noqa: BLE001 - a backend whose priority property raises is not usable
            continue
        return True
    return False


class TokenStore:
    """Device token per installation (node id) in the OS keyring."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def check(self) -> None:
        if not is_secure():
            raise KeyringUnavailable(backend_name())

    def save(self, node: str, token: str) -> None:
        self.check()
        try:
            keyring.set_password(self.service, node, token)
        except Exception as exc:  # noqa: BLE001 - backends raise their own errors (e.g. no D-Bus session)
            raise KeyringUnavailable(f"{backend_name()}: {type(exc).__name__}: {exc}"[:300]) from exc

    def load(self, node: str) -> str | None:
        if not node:
            return None
        try:
            return keyring.get_password(self.service, node)
        except Exception as exc:  # noqa: BLE001 - a backend that cannot start reads as "no token here"
            log.warning("keyring read failed (%s): %s", backend_name(), exc)
            return None

    def delete(self, node: str) -> None:
        try:
            keyring.delete_password(self.service, node)
        except (PasswordDeleteError, KeyringError):
            pass
        except Exception as exc:  # noqa: BLE001
            log.warning("keyring delete failed (%s): %s", backend_name(), exc)
