"""The ASGI application: API routers, county web admin, error handlers, body limits.

`create_app(settings)` for tests and embedding; `app_from_env()` is the uvicorn factory used by
`registru-hub serve` (every worker process builds its own engine from REGISTRU_HUB_* variables).
"""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

import hub
from hub import admin, api_blobs, api_messages, api_sync
from hub.bodylimit import BodyLimitMiddleware
from hub.errors import install_error_handlers
from hub.settings import Settings
from hub.state import HubState
from sync.protocol import API_PREFIX, PROTOCOL_VERSION

DESCRIPTION = f"""County hub of Registru, sync protocol v{PROTOCOL_VERSION}.

Authenticate with `Authorization: Bearer <device token>` (from `POST {API_PREFIX}/enrol`). Every request is
scoped to the token's commune. Request bodies may be sent with `Content-Encoding: gzip`. Every error is
JSON `{{"error": code, "message": text}}` (`ErrorBody`). See docs/protocol.md.
"""


def create_app(settings: Settings) -> FastAPI:
    state = HubState.create(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.db.dispose()

    app = FastAPI(title="Registru hub", version=hub.__version__, description=DESCRIPTION, lifespan=lifespan,
                  openapi_url=API_PREFIX + "/openapi.json", docs_url=None, redoc_url=None)
    app.state.hub = state
    install_error_handlers(app, admin.error_page)
    app.include_router(api_sync.router)
    app.include_router(api_blobs.router)
    app.include_router(api_messages.router)
    admin.mount(app)
    app.add_middleware(BodyLimitMiddleware, settings=settings)

    return app


def app_from_env() -> FastAPI:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    return create_app(Settings.from_env())
