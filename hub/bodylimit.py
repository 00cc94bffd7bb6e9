"""ASGI middleware: request body size limits and `Content-Encoding: gzip` request bodies.

A body over its limit (by Content-Length, by bytes actually received, or once decompressed) answers
413 before the route runs; gzip (and zstd, when the `zstandard` package is installed — the sync client's
batches are ~30 % smaller with it) is decompressed with a bounded output so a small bomb cannot expand.
Limits depend on the path: JSON API bodies, blob chunks, web-admin uploads.
"""
from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from typing import Any

from hub.errors import error_response
from hub.settings import Settings

try:
    import zstandard as _zstd
except ImportError:  # pragma: no cover - zstd request bodies are then refused with 415
    _zstd = None

ENCODINGS = ("gzip", "zstd") if _zstd is not None else ("gzip",)

Scope = dict[str, Any]
Receive = Callable[[], Any]
Send = Callable[[dict[str, Any]], Any]


class BodyTooLargeError(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"body over {limit} bytes")


class BadEncoding(Exception):
    pass


class BodyLimitMiddleware:
    def __init__(self, app: Any, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    def limit_for(self, method: str, path: str) -> int:
        if path.startswith("/api/v1/blobs/") and method == "PATCH":
            return self.settings.max_chunk_bytes
        if path.startswith("/admin"):
            return self.settings.max_admin_upload_bytes
        return self.settings.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["method"], scope["path"])
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("identity", "", *ENCODINGS):
            await error_response(415, "unsupported_encoding",
                                 f"Se acceptă doar Content-Encoding: {', '.join(ENCODINGS)}.")(
                scope, receive, send)
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await self._too_large(scope, receive, send, limit)
            return
        if encoding in ENCODINGS and (scope["path"].startswith("/api/v1/blobs/") or scope["path"].startswith("/admin")):
            await error_response(415, "unsupported_encoding", "Fișierele nu se trimit comprimate.")(
                scope, receive, send)
            return
        if encoding not in ENCODINGS and declared.isdigit():
            await self.app(scope, receive, send)  # the server never reads past Content-Length
            return
        try:
            body = await _read_body(receive, limit, gzipped=encoding == "gzip")
            if encoding == "zstd":
                body = _unzstd(body, limit)
        except BodyTooLargeError:
            await self._too_large(scope, receive, send, limit)
            return
        except BadEncoding:
            await error_response(400, "bad_encoding", "Corp gzip invalid.")(scope, receive, send)
            return
        except ClientGone:
            return
        new_headers = [(k, v) for k, v in scope["headers"]
                       if k.lower() not in (b"content-encoding", b"content-length", b"transfer-encoding")]
        new_headers.append((b"content-length", str(len(body)).encode()))
        replayed = False

        async def replay() -> dict[str, Any]:
            nonlocal replayed
            if replayed:
                return await receive()  # type: ignore[no-any-return]
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(dict(scope, headers=new_headers), replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        await error_response(413, "too_large", f"Corpul cererii depășește {limit} octeți.",
                             headers={"Connection": "close"})(scope, receive, send)


class ClientGone(Exception):
    pass


def _unzstd(data: bytes, limit: int) -> bytes:
    """Decompress a zstd body, refusing more than `limit` bytes of output (bomb-safe: bounded read)."""
    try:
        with _zstd.ZstdDecompressor(max_window_size=1 << 24).stream_reader(io.BytesIO(data), read_across_frames=True) as reader:
            out = reader.read(limit + 1)
            while len(out) <= limit:
                more = reader.read(limit + 1 - len(out))
                if not more:
                    break
                out += more
    except _zstd.ZstdError:
        raise BadEncoding from None
    if len(out) > limit:
        raise BodyTooLargeError(limit)
    return out


async def _read_body(receive: Receive, limit: int, gzipped: bool) -> bytes:
    """The whole body (decompressed if `gzipped`), refusing more than `limit` bytes either way."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
    out = bytearray()
    received = 0
    more = True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            raise ClientGone
        chunk = message.get("body", b"")
        more = message.get("more_body", False)
        received += len(chunk)
        if received > limit:
            raise BodyTooLargeError(limit)
        if inflater is None:
            out += chunk
            continue
        try:
            out += inflater.decompress(chunk, limit + 1 - len(out))
        except zlib.error:
            raise BadEncoding from None
        if len(out) > limit or inflater.unconsumed_tail:
            raise BodyTooLargeError(limit)
    if inflater is not None and not inflater.eof:
        raise BadEncoding
    return bytes(out)
