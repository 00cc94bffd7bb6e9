"""One error shape for the whole API (`protocol.ErrorBody`), and the handlers that enforce it.

Every non-2xx answer under /api is JSON `{error, message, ...}`: domain errors raised as `HubError`,
HTTP errors (404 route, 405), request validation (422) and unexpected exceptions (500, logged with
its stack trace on the server, never sent to the client). The web admin gets an HTML page instead.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import ErrorBody

log = logging.getLogger("hub")

HTTP_CODES = {
    400: ("bad_request", "Cerere invalidă."),
    401: ("unauthorized", "Autentificare necesară."),
    403: ("forbidden", "Acces interzis."),
    404: ("not_found", "Resursa nu există."),
    405: ("method_not_allowed", "Metodă nepermisă."),
    406: ("not_acceptable", "Format de răspuns indisponibil."),
    409: ("conflict", "Conflict."),
    410: ("gone", "Resursa nu mai este disponibilă."),
    411: ("length_required", "Lipsește Content-Length."),
    413: ("too_large", "Cererea este prea mare."),
    415: ("unsupported_media_type", "Tip de conținut nesuportat."),
    416: ("range_not_satisfiable", "Interval de octeți invalid."),
    422: ("invalid", "Date invalide."),
    429: ("rate_limited", "Prea multe încercări; reîncercați mai târziu."),
    500: ("internal", "Eroare internă a serverului."),
    503: ("unavailable", "Serviciu indisponibil."),
}


class HubError(Exception):
    """A domain error with its HTTP status, machine code and Romanian message (API, admin and CLI)."""

    def __init__(self, status: int, error: str, message: str, *, ack: int | None = None,
                 detail: Any = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"{status} {error}: {message}")
        self.status, self.error, self.message = status, error, message
        self.ack, self.detail, self.headers = ack, detail, headers


def error_response(status: int, error: str, message: str, *, ack: int | None = None, detail: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = ErrorBody(error=error, message=message, ack=ack, detail=detail)
    return JSONResponse(body.model_dump(mode="json", exclude_none=True), status_code=status, headers=headers)


def _is_admin(request: Request) -> bool:
    return request.url.path.startswith("/admin")


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    out = []
    for err in exc.errors()[:20]:
        out.append({"loc": [str(p) for p in err.get("loc", ())], "msg": str(err.get("msg", "")),
                    "type": str(err.get("type", ""))})
    return out


def install_error_handlers(app: FastAPI, admin_error_page: Any) -> None:
    """`admin_error_page(request, status, message) -> Response` renders HTML errors for /admin."""

    @app.exception_handler(HubError)
    async def _api_error(request: Request, exc: HubError) -> Response:
        if _is_admin(request):
            return admin_error_page(request, exc.status, exc.message)
        return error_response(exc.status, exc.error, exc.message, ack=exc.ack, detail=exc.detail,
                              headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        error, message = HTTP_CODES.get(exc.status_code, ("error", "Eroare."))
        if _is_admin(request):
            return admin_error_page(request, exc.status_code, message)
        return error_response(exc.status_code, error, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        if _is_admin(request):
            return admin_error_page(request, 422, HTTP_CODES[422][1])
        return error_response(422, "invalid", "Cererea nu respectă schema.", detail=_validation_detail(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        if _is_admin(request):
            return admin_error_page(request, 500, HTTP_CODES[500][1])
        return error_response(500, "internal", HTTP_CODES[500][1])
