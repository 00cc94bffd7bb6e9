"""Staff sessions (server-side, cookie holds a random token) and CSRF tokens for every form.

Logged-in forms carry the session's CSRF token; the login form uses a double-submit cookie. Cookies
are HttpOnly, SameSite=Strict, and Secure when the request came over HTTPS.
"""
from __future__ import annotations

import hmac
import secrets
from urllib.parse import quote

from fastapi import Request

from hub import staff
from hub.errors import HubError
from hub.staff import StaffIdentity
from hub.state import get_state

SESSION_COOKIE = "registru_hub_session"
LOGIN_CSRF_COOKIE = "registru_hub_login_csrf"
LANG_COOKIE = "registru_hub_lang"


class LoginRequired(Exception):
    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def require_staff(request: Request) -> StaffIdentity:
    token = request.cookies.get(SESSION_COOKIE)
    identity = staff.session_identity(get_state(request).db, token) if token else None
    if identity is None:
        raise LoginRequired(quote(request.url.path))
    return identity


def check_csrf(expected: str, given: str) -> None:
    if not given or not hmac.compare_digest(expected.encode(), given.encode()):
        raise HubError(403, "csrf", "The form expired; please try again.")


def new_login_csrf() -> str:
    return secrets.token_urlsafe(24)


def cookie_args(request: Request) -> dict[str, object]:
    return {"httponly": True, "samesite": "strict", "secure": request.url.scheme == "https", "path": "/admin"}
