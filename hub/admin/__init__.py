"""County staff web admin (server-rendered, Romanian by default)."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response


def error_page(request: Request, status: int, message: str) -> Response:
    return HTMLResponse(f"<h1>{status}</h1><p>{message}</p>", status_code=status)


def mount(app: FastAPI) -> None:
    pass
