"""The county staff web admin: server-rendered pages over the same services as the CLI."""
from __future__ import annotations

import json
import math
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import select

from hub import blobs, communes, messages, publications, staff, status, store, streams
from hub.admin.i18n import DEFAULT_LANGUAGE, LANGUAGES, translator
from hub.admin.session import (LANG_COOKIE, LOGIN_CSRF_COOKIE, SESSION_COOKIE, check_csrf, cookie_args,
                               new_login_csrf, require_staff)
from hub.blobstore import is_sha256
from hub.errors import HubError
from hub.models import Commune, SecurityEvent
from hub.security import record_event
from hub.staff import StaffIdentity
from hub.state import client_ip, get_state

router = APIRouter(prefix="/admin", include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
LOCAL_TZ = ZoneInfo("Europe/Bucharest")
PER_PAGE = 50


def _fmt_dt(value: datetime | None) -> str:
    return value.astimezone(LOCAL_TZ).strftime("%d.%m.%Y %H:%M") if value else ""


def _fmt_lag(seconds: int | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    if seconds < 172800:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} z"


def _fmt_skew(ms: int | None) -> str:
    if ms is None:
        return "—"
    seconds = ms / 1000
    if abs(seconds) < 120:
        return f"{seconds:+.1f} s"
    if abs(seconds) < 7200:
        return f"{seconds / 60:+.0f} min"
    return f"{seconds / 3600:+.1f} h"


def _fmt_iso(value: str | None) -> str:
    """An ISO timestamp from a commune's record, shown in the town hall's own time (its offset)."""
    if not value:
        return ""
    try:
        return datetime.fromisoformat(value).strftime("%d.%m.%Y %H:%M")
    except ValueError:
        return value


templates.env.filters["dt"] = _fmt_dt
templates.env.filters["iso"] = _fmt_iso
templates.env.filters["lag"] = _fmt_lag
templates.env.filters["skew"] = _fmt_skew


def language(request: Request) -> str:
    lang = request.cookies.get(LANG_COOKIE, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def render(request: Request, name: str, user: StaffIdentity | None, status_code: int = 200,
           **context: Any) -> HTMLResponse:
    lang = language(request)
    return templates.TemplateResponse(request, name, {"_": translator(lang), "lang": lang, "user": user,
                                                      "csrf": user.csrf_token if user else "", **context},
                                      status_code=status_code)


def error_page(request: Request, status_code: int, message: str) -> Response:
    return render(request, "error.html", None, status_code=status_code, status=status_code, message=message)


def _see(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


# --- sign in / out, language ------------------------------------------------------------------------

@router.get("/login")
def login_form(request: Request, next: str = Query("/admin/", max_length=300)) -> Response:
    token = new_login_csrf()
    response = render(request, "login.html", None, login_csrf=token, next=next, error="")
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, **cookie_args(request))  # type: ignore[arg-type]
    return response


@router.post("/login")
def login(request: Request, username: str = Form(max_length=64), password: str = Form(max_length=1024),
          csrf_token: str = Form(""), next: str = Form("/admin/", max_length=300)) -> Response:
    state = get_state(request)
    check_csrf(request.cookies.get(LOGIN_CSRF_COOKIE, ""), csrf_token)
    ip = client_ip(request)
    target = next if next.startswith("/admin/") and not next.startswith("//") else "/admin/"
    limiter = state.login_limiter
    if limiter.blocked(ip) or limiter.blocked("user:" + username.lower()):
        record_event(state.db, "rate_limited", ip=ip, path=request.url.path, detail="login " + username[:64])
        return render(request, "login.html", None, 429, login_csrf=csrf_token, next=target,
                      error="Too many attempts; try again later.")
    user_id = staff.authenticate(state.db, username, password)
    if user_id is None:
        limiter.hit(ip)
        limiter.hit("user:" + username.lower())
        record_event(state.db, "login_failed", ip=ip, path=request.url.path, detail=username[:64])
        return render(request, "login.html", None, 401, login_csrf=csrf_token, next=target,
                      error="Wrong username or password.")
    token = staff.open_session(state.db, user_id, state.settings.session_hours)
    response = _see(target)
    response.set_cookie(SESSION_COOKIE, token, max_age=state.settings.session_hours * 3600,
                        **cookie_args(request))  # type: ignore[arg-type]
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/admin")
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: str = Form(""), user: StaffIdentity = Depends(require_staff)) -> Response:
    check_csrf(user.csrf_token, csrf_token)
    staff.close_session(get_state(request).db, request.cookies.get(SESSION_COOKIE, ""))
    response = _see("/admin/login")
    response.delete_cookie(SESSION_COOKIE, path="/admin")
    return response


@router.get("/lang/{lang}")
def set_language(request: Request, lang: str, back: str = Query("/admin/", max_length=300)) -> Response:
    response = _see(back if back.startswith("/admin/") and not back.startswith("//") else "/admin/")
    if lang in LANGUAGES:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, **cookie_args(request))  # type: ignore[arg-type]
    return response


# --- dashboard, communes, installations, registry ----------------------------------------------------

@router.get("/")
def dashboard(request: Request, user: StaffIdentity = Depends(require_staff)) -> Response:
    rows = status.collect(get_state(request).db)
    installs = [i for c in rows for i in c.installations if not i.revoked]
    return render(request, "dashboard.html", user, communes=rows,
                  totals={"communes": len(rows), "installations": len(installs),
                          "stale": sum(i.stale for i in installs), "skew": sum(i.skew_warning for i in installs),
                          "pending": sum(i.pending for i in installs)})


@router.get("/communes")
def communes_page(request: Request, user: StaffIdentity = Depends(require_staff)) -> Response:
    return render(request, "communes.html", user, communes=status.collect(get_state(request).db))


@router.post("/communes")
def add_commune(request: Request, code: str = Form(max_length=16), name: str = Form(max_length=200),
                county: str = Form("", max_length=100), csrf_token: str = Form(""),
                user: StaffIdentity = Depends(require_staff)) -> Response:
    check_csrf(user.csrf_token, csrf_token)
    communes.add_commune(get_state(request).db, code, name, county)
    return _see("/admin/communes")


def _commune_status(request: Request, code: str) -> status.CommuneStatus:
    for c in status.collect(get_state(request).db):
        if c.code == code:
            return c
    raise HubError(404, "not_found", "Nu există comuna.")


@router.get("/communes/{code}")
def commune_page(request: Request, code: str, user: StaffIdentity = Depends(require_staff)) -> Response:
    return render(request, "commune.html", user, commune=_commune_status(request, code))


@router.post("/devices/{node}/revoke")
def revoke(request: Request, node: str, csrf_token: str = Form(""), back: str = Form("/admin/"),
           user: StaffIdentity = Depends(require_staff)) -> Response:
    check_csrf(user.csrf_token, csrf_token)
    communes.revoke_device(get_state(request).db, node)
    return _see(back if back.startswith("/admin/") else "/admin/")


@router.get("/communes/{code}/registry")
def registry(request: Request, code: str, q: str = Query("", max_length=200), year: str = Query("", max_length=4),
             page: int = Query(1, ge=1, le=100_000), user: StaffIdentity = Depends(require_staff)) -> Response:
    state = get_state(request)
    commune = communes.commune_by_code(state.db, code)
    year_n = int(year) if year.isdigit() else None
    rows, total, years = store.search_entries(state.db, commune.id, q, year_n, page, PER_PAGE)
    pages = max(1, math.ceil(total / PER_PAGE))
    return render(request, "registry.html", user, commune=commune, rows=rows, total=total, years=years, q=q,
                  year=year_n, page=page, pages=pages,
                  query=lambda p: f"?q={quote(q)}&year={year_n or ''}&page={p}")


@router.get("/communes/{code}/registry/{record_id}")
def registry_entry(request: Request, code: str, record_id: str, user: StaffIdentity = Depends(require_staff)) -> Response:
    state = get_state(request)
    commune = communes.commune_by_code(state.db, code)
    record = store.replica_record(state.db, commune.id, "entry", record_id)
    if record is None or record.payload is None:
        raise HubError(404, "not_found", "Înregistrarea nu există.")
    fields = [(k, v if isinstance(v, (str, int, float, bool)) or v is None else json.dumps(v, ensure_ascii=False))
              for k, v in record.payload.items() if k != "attachments"]
    return render(request, "entry.html", user, commune=commune, record=record, fields=fields,
                  attachments=store.entry_attachments(state.db, commune.id, record.payload))


# --- enrolment codes --------------------------------------------------------------------------------------

@router.get("/codes")
def codes_page(request: Request, user: StaffIdentity = Depends(require_staff)) -> Response:
    state = get_state(request)
    return render(request, "codes.html", user, codes=communes.list_codes(state.db),
                  communes=communes.list_communes(state.db), new=None, hours=state.settings.enrol_code_hours)


@router.post("/codes")
def create_code(request: Request, commune: str = Form(max_length=16), hours: int = Form(72, ge=1, le=24 * 90),
                csrf_token: str = Form(""), user: StaffIdentity = Depends(require_staff)) -> Response:
    check_csrf(user.csrf_token, csrf_token)
    state = get_state(request)
    new = communes.create_code(state.db, commune, hours, created_by=user.username)
    return render(request, "codes.html", user, codes=communes.list_codes(state.db),
                  communes=communes.list_communes(state.db), new=new, hours=hours)


@router.post("/codes/{code_id}/expire")
def expire_code(request: Request, code_id: int, csrf_token: str = Form(""),
                user: StaffIdentity = Depends(require_staff)) -> Response:
    check_csrf(user.csrf_token, csrf_token)
    communes.expire_code(get_state(request).db, code_id)
    return _see("/admin/codes")


# --- publications -------------------------------------------------------------------------------------

@router.get("/publications")
def publications_page(request: Request, user: StaffIdentity = Depends(require_staff)) -> Response:
    return render(request, "publications.html", user, overview=streams.stream_overview(get_state(request).db),
                  publishable=publications.PUBLISHABLE)


def _publishable(stream: str) -> str:
    if stream not in publications.PUBLISHABLE:
        raise HubError(404, "unknown_stream", "Flux necunoscut.")
    return stream


def _target_ids(request: Request, send_to: str, targets: list[str]) -> list[int] | None:
    if send_to == "all":
        return None
    db = get_state(request).db
    ids = [communes.commune_by_code(db, code).id for code in targets]
    if not ids:
        raise HubError(422, "no_targets", "Alegeți cel puțin o comună destinatară.")
    return ids


@router.get("/publications/{stream}")
def stream_page(request: Request, stream: str, done: str = Query("", max_length=100),
                user: StaffIdentity = Depends(require_staff)) -> Response:
    db = get_state(request).db
    return render(request, "stream.html", user, stream=_publishable(stream), items=streams.current_items(db, stream),
                  communes=communes.list_communes(db), columns=publications.CSV_COLUMNS[stream], done=done)


@router.get("/publications/{stream}/items/{item_id}")
def item_page(request: Request, stream: str, item_id: str, user: StaffIdentity = Depends(require_staff)) -> Response:
    versions = streams.item_history(get_state(request).db, _publishable(stream), item_id)
    if not versions:
        raise HubError(404, "not_found", "Publicația nu există.")
    return render(request, "item.html", user, stream=stream, item_id=item_id, versions=versions,
                  dumps=lambda p: json.dumps(p, ensure_ascii=False, indent=2))


def _item_from_form(stream: str, form: dict[str, str]) -> dict[str, Any]:
    def num(key: str) -> int | None:
        value = form.get(key, "").strip()
        return int(value) if value.lstrip("-").isdigit() else (None if not value else value)  # type: ignore[return-value]

    if stream == "doc_types":
        return {"code": form.get("code", ""), "name": form.get("name", ""), "direction": form.get("direction", "in"),
                "deadline_days": num("deadline_days"), "day_kind": form.get("day_kind", "calendar"),
                "extension_days": num("extension_days") or 0, "roll_to_working_day": form.get("roll") == "on",
                "legal_basis": form.get("legal_basis", ""), "regime": form.get("regime", "")}
    if stream == "plan_templates":
        return {"code": form.get("code", ""), "name": form.get("name", ""),
                "items": publications.parse_plan_items(form.get("items", ""))}
    if stream == "localities":
        return {"siruta": form.get("siruta", ""), "name": form.get("name", ""), "kind": form.get("kind", "")}
    if stream == "holidays":
        return {"date": form.get("date", ""), "name": form.get("name", "")}
    return {"title": form.get("title", ""), "body": form.get("body", ""),
            "published_at": form.get("published_at") or datetime.now(LOCAL_TZ).isoformat()}


@router.post("/publications/{stream}/item")
async def publish_item(request: Request, stream: str, user: StaffIdentity = Depends(require_staff)) -> Response:
    pairs = [(k, v) for k, v in (await request.form()).multi_items() if isinstance(v, str)]
    return await run_in_threadpool(_publish_item, request, stream, user, pairs)


def _publish_item(request: Request, stream: str, user: StaffIdentity, pairs: list[tuple[str, str]]) -> Response:
    form = dict(pairs)
    check_csrf(user.csrf_token, form.get("csrf_token", ""))
    items = publications.validate(_publishable(stream), [_item_from_form(stream, form)])
    targets = _target_ids(request, form.get("send_to", "all"), [v for k, v in pairs if k == "targets"])
    result = streams.publish(get_state(request).db, stream, items, targets, user.username)
    return _see(f"/admin/publications/{stream}?done={result.published}-{result.unchanged}")


@router.post("/publications/{stream}/upload")
def publish_file(request: Request, stream: str, file: UploadFile = File(), send_to: str = Form("all"),
                 targets: list[str] = Form(default_factory=list), csrf_token: str = Form(""),
                 user: StaffIdentity = Depends(require_staff)) -> Response:
    check_csrf(user.csrf_token, csrf_token)
    _publishable(stream)
    data = file.file.read(get_state(request).settings.max_body_bytes + 1)
    if len(data) > get_state(request).settings.max_body_bytes:
        raise HubError(413, "too_large", "Fișierul este prea mare.")
    items = publications.parse_file(stream, file.filename or "", data)
    result = streams.publish(get_state(request).db, stream, items, _target_ids(request, send_to, targets),
                             user.username)
    return _see(f"/admin/publications/{stream}?done={result.published}-{result.unchanged}")


@router.post("/publications/{stream}/withdraw")
def withdraw(request: Request, stream: str, item_id: str = Form(max_length=64), csrf_token: str = Form(""),
             user: StaffIdentity = Depends(require_staff)) -> Response:
    check_csrf(user.csrf_token, csrf_token)
    kind = publications.KINDS[_publishable(stream)]
    result = streams.publish(get_state(request).db, stream, [streams.Publication(item_id, kind, None)], None,
                             user.username)
    return _see(f"/admin/publications/{stream}?done={result.published}-{result.unchanged}")


# --- circulars --------------------------------------------------------------------------------------------

@router.get("/circulars")
def circulars_page(request: Request, user: StaffIdentity = Depends(require_staff)) -> Response:
    db = get_state(request).db
    return render(request, "circulars.html", user, circulars=messages.list_circulars(db),
                  communes=communes.list_communes(db))


@router.post("/circulars")
def send_circular(request: Request, subject: str = Form(max_length=500), body: str = Form("", max_length=100_000),
                  reference: str = Form("", max_length=200), doc_type: str = Form("", max_length=64),
                  send_to: str = Form("all"), targets: list[str] = Form(default_factory=list),
                  files: list[UploadFile] = File(default_factory=list), csrf_token: str = Form(""),
                  user: StaffIdentity = Depends(require_staff)) -> Response:
    check_csrf(user.csrf_token, csrf_token)
    state = get_state(request)
    target_ids = _target_ids(request, send_to, targets)
    stored = [blobs.store_county_file(state.db, state.blobs, f.file, Path(f.filename or "document").name,
                                      state.settings.max_blob_bytes) for f in files if f.filename]
    message_id = messages.send_circular(state.db, subject=subject, body=body, files=stored, targets=target_ids,
                                        by=user.username, doc_type=doc_type or None, reference=reference)
    return _see(f"/admin/circulars/{message_id}")


@router.get("/circulars/{message_id}")
def circular_page(request: Request, message_id: str, user: StaffIdentity = Depends(require_staff)) -> Response:
    return render(request, "circular.html", user, c=messages.circular_detail(get_state(request).db, message_id))


@router.get("/blobs/{sha256}")
def county_download(request: Request, sha256: str, name: str = Query("document", max_length=255),
                    user: StaffIdentity = Depends(require_staff)) -> Response:
    state = get_state(request)
    if not is_sha256(sha256) or messages.county_blob_known(state.db, sha256) is None:
        raise HubError(404, "not_found", "Fișierul nu există.")
    return FileResponse(state.blobs.path(sha256), filename=Path(name).name or "document",
                        media_type="application/octet-stream")


@router.get("/security")
def security_page(request: Request, user: StaffIdentity = Depends(require_staff)) -> Response:
    with get_state(request).db.read() as s:
        events = s.execute(select(SecurityEvent, Commune.code).outerjoin(Commune, Commune.id == SecurityEvent.commune_id)
                           .order_by(SecurityEvent.id.desc()).limit(300)).all()
    return render(request, "security.html", user, events=events)

