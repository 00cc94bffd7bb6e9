"""API: content-addressed blobs — which are missing, resumable tus-style upload, download with Range."""
from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterator
from pathlib import Path as FsPath

from fastapi import APIRouter, Depends, Header, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from starlette.requests import ClientDisconnect

from hub import blobs
from hub.api_common import SHA256_PATTERN, errors
from hub.auth import Caller, deny, require_device
from hub.blobstore import is_sha256
from hub.errors import HubError
from hub.state import HubState, get_state
from sync.protocol import API_PREFIX, BlobCreate, BlobMissing, BlobQuery, BlobStatus

router = APIRouter(prefix=API_PREFIX + "/blobs", tags=["blobs"])
Sha = Path(pattern=SHA256_PATTERN, description="lower-case hex SHA-256 of the whole file")
READ_BUF = 256 * 1024


def _not_found(state: HubState, caller: Caller, request: Request, sha256: str) -> HubError:
    if blobs.exists_anywhere(state.db, sha256):
        deny(state, caller, request, f"blob {sha256}")
    return HubError(404, "not_found", "Fișierul nu există.")


@router.post("/missing", response_model=BlobMissing, responses=errors(401))
def missing(query: BlobQuery, request: Request, caller: Caller = Depends(require_device)) -> BlobMissing:
    """Which of these hashes this commune still has to upload."""
    bad = [h for h in query.hashes if not is_sha256(h)]
    if bad:
        raise HubError(422, "bad_hash", "Hash SHA-256 invalid.", detail=bad[:10])
    return BlobMissing(missing=blobs.missing(get_state(request).db, caller.commune_id, query.hashes))


@router.post("/{sha256}", response_model=BlobStatus, status_code=201,
             responses={200: {"model": BlobStatus, "description": "The upload existed: its status"}, **errors(401, 409)})
def create(body: BlobCreate, request: Request, response: Response, sha256: str = Sha,
           caller: Caller = Depends(require_device)) -> BlobStatus:
    """Start an upload (or get the existing one's offset); 201 if created, 200 if it existed."""
    state = get_state(request)
    if body.size > state.settings.max_blob_bytes:
        raise HubError(413, "too_large", f"Fișierul depășește {state.settings.max_blob_bytes} octeți.")
    status, created = blobs.create_upload(state.db, caller.commune_id, sha256, body.size)
    response.status_code = 201 if created else 200
    response.headers["Upload-Offset"] = str(status.offset)
    return status


def _status(request: Request, sha256: str, caller: Caller) -> BlobStatus:
    state = get_state(request)
    status = blobs.status(state.db, caller.commune_id, sha256)
    if status is None:
        raise _not_found(state, caller, request, sha256)
    return status


@router.get("/{sha256}/status", response_model=BlobStatus, responses=errors(401, 404))
def upload_status(request: Request, response: Response, sha256: str = Sha,
                  caller: Caller = Depends(require_device)) -> BlobStatus:
    """How much of an upload the hub holds (resume from `offset`), or `complete`."""
    status = _status(request, sha256, caller)
    response.headers["Upload-Offset"] = str(status.offset)
    return status


@router.head("/{sha256}", response_class=Response,
             responses={200: {"description": "Upload-Offset / Upload-Length headers, no body", "content": {}},
                        **errors(401, 404)})
def head(request: Request, sha256: str = Sha, caller: Caller = Depends(require_device)) -> Response:
    """tus-style offset query: `Upload-Offset`, `Upload-Length` (and `Content-Length` once complete)."""
    status = _status(request, sha256, caller)
    headers = {"Upload-Offset": str(status.offset), "Upload-Length": str(status.size), "Cache-Control": "no-store"}
    if status.complete:
        headers["Accept-Ranges"] = "bytes"
        headers["Content-Length"] = str(status.size)
    return Response(status_code=200, headers=headers)


def _chunk_digest(header: str | None) -> bytes | None:
    """`Upload-Checksum: sha256 <base64 or hex>` → digest bytes."""
    if header is None:
        return None
    algo, _, value = header.strip().partition(" ")
    value = value.strip()
    if algo.lower() != "sha256":
        raise HubError(400, "bad_checksum", "Upload-Checksum acceptă doar sha256.")
    try:
        digest = bytes.fromhex(value) if len(value) == 64 else base64.b64decode(value, validate=True)
    except (ValueError, binascii.Error):
        digest = b""
    if len(digest) != 32:
        raise HubError(400, "bad_checksum", "Upload-Checksum invalid.")
    return digest


@router.patch("/{sha256}", response_model=BlobStatus, responses=errors(400, 401, 404, 409),
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
async def upload_chunk(request: Request, response: Response, sha256: str = Sha,
                       upload_offset: int = Header(alias="Upload-Offset", ge=0),
                       upload_checksum: str | None = Header(default=None, alias="Upload-Checksum",
                                                            description="sha256 <base64 or hex> of this chunk"),
                       caller: Caller = Depends(require_device)) -> BlobStatus:
    """Append a chunk at `Upload-Offset` (any content type; tus clients send application/offset+octet-stream).
    A cut connection keeps the bytes received (unless a chunk
    checksum was sent). On the last byte the whole SHA-256 is checked: a mismatch discards the upload
    (422 'hash_mismatch'); create it again to retry."""
    state = get_state(request)
    digest = _chunk_digest(upload_checksum)
    if await run_in_threadpool(blobs.status, state.db, caller.commune_id, sha256) is None:
        raise await run_in_threadpool(_not_found, state, caller, request, sha256)
    data = bytearray()
    disconnected = False
    try:
        async for part in request.stream():
            data += part
    except ClientDisconnect:
        disconnected = True
    if disconnected and (digest is not None or not data):
        return BlobStatus(sha256=sha256, size=0, offset=upload_offset, complete=False)  # nobody is listening
    if digest is not None and hashlib.sha256(data).digest() != digest:
        raise HubError(422, "chunk_checksum_mismatch", "Fragmentul nu corespunde sumei de control; retrimiteți-l.")
    result = await run_in_threadpool(blobs.write_chunk, state.db, state.blobs, caller.commune_id, sha256,
                                     upload_offset, bytes(data))
    if result.mismatch:
        raise HubError(422, "hash_mismatch", "Conținutul nu corespunde hash-ului SHA-256; încărcarea a fost "
                                             "anulată, reîncepeți-o.")
    response.headers["Upload-Offset"] = str(result.status.offset)
    return result.status


def _parse_range(header: str, size: int) -> tuple[int, int] | None:
    """A single `bytes=a-b` / `bytes=a-` / `bytes=-n` range → (start, end inclusive); None if unsatisfiable."""
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    first, _, last = spec.strip().partition("-")
    try:
        if first == "":
            n = int(last)
            return (max(0, size - n), size - 1) if n > 0 and size > 0 else None
        start = int(first)
        end = int(last) if last else size - 1
    except ValueError:
        return None
    if start < 0 or start >= size or end < start:
        return None
    return start, min(end, size - 1)


def _read(path: FsPath, start: int, length: int) -> Iterator[bytes]:
    with path.open("rb") as f:
        f.seek(start)
        while length > 0:
            chunk = f.read(min(READ_BUF, length))
            if not chunk:
                return
            length -= len(chunk)
            yield chunk


@router.get("/{sha256}", response_class=StreamingResponse, responses={
    200: {"content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
    206: {"description": "Partial content (Range)",
          "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
    **errors(401, 404, 416)})
def download(request: Request, sha256: str = Sha, range_header: str | None = Header(default=None, alias="Range"),
             caller: Caller = Depends(require_device)) -> StreamingResponse:
    """Download a blob the commune uploaded or was sent; supports a single `Range: bytes=...`."""
    state = get_state(request)
    size = blobs.has_access(state.db, caller.commune_id, sha256)
    if size is None:
        raise _not_found(state, caller, request, sha256)
    path = state.blobs.path(sha256)
    headers = {"Accept-Ranges": "bytes", "ETag": f'"{sha256}"', "Cache-Control": "private, max-age=31536000"}
    if range_header is None:
        return StreamingResponse(_read(path, 0, size), media_type="application/octet-stream",
                                 headers={**headers, "Content-Length": str(size)})
    parsed = _parse_range(range_header, size)
    if parsed is None:
        raise HubError(416, "range_not_satisfiable", "Interval invalid.", headers={"Content-Range": f"bytes */{size}"})
    start, end = parsed
    return StreamingResponse(_read(path, start, end - start + 1), status_code=206, media_type="application/octet-stream",
                             headers={**headers, "Content-Length": str(end - start + 1),
                                      "Content-Range": f"bytes {start}-{end}/{size}"})
