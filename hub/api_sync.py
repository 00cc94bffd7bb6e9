"""API: enrolment, push, one-round-trip sync, stream pulls, the replica, time and health."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

import hub
from hub import communes, messages, store, streams
from hub.api_common import KIND_PATTERN, errors
from hub.auth import Caller, deny, require_device
from hub.errors import HubError
from hub.models import utcnow
from hub.security import record_event
from hub.state import HubState, client_ip, get_state
from sync.protocol import FEATURE_AFTER_REFS, expand_refs
from sync.protocol import (API_PREFIX, STREAMS, Change, EnrolRequest, EnrolResponse, Health, PubItem, PullPage,
                           PushRequest, PushResponse, ReplicaKindSummary, ReplicaPage, ReplicaSummary, SyncRequest,
                           SyncResponse, TimeResponse, decode_cursor)

router = APIRouter(prefix=API_PREFIX)


@router.post("/enrol", response_model=EnrolResponse, tags=["enrolment"], responses=errors(401, 409, 410, 429))
def enrol(req: EnrolRequest, request: Request) -> EnrolResponse:
    """Exchange a one-time enrolment code for this installation's device token."""
    state = get_state(request)
    ip = client_ip(request)
    if state.enrol_limiter.blocked(ip):
        record_event(state.db, "rate_limited", ip=ip, path=request.url.path, detail="enrol")
        raise HubError(429, "rate_limited", "Prea multe încercări eșuate de înrolare; reîncercați mai târziu.",
                       headers={"Retry-After": str(state.enrol_limiter.retry_after())})
    try:
        return communes.enrol(state.db, req, ip)
    except HubError as exc:
        state.enrol_limiter.hit(ip)
        record_event(state.db, "enrol_failed", ip=ip, path=request.url.path, detail=f"{exc.error} node={req.node}")
        raise


def _expanded(changes: list[Change]) -> list[Change]:
    """Audit events sent with `after` by reference (sync client's compact batches) get their text back."""
    try:
        return expand_refs(changes)
    except ValueError as exc:
        raise HubError(422, "bad_reference", str(exc)[:200]) from None


def _check_node(state: HubState, caller: Caller, node: str, request: Request) -> None:
    if node != caller.node:
        record_event(state.db, "node_mismatch", commune_id=caller.commune_id, device_id=caller.device_id,
                     ip=caller.ip, path=request.url.path, detail=f"claimed node {node[:64]}")
        raise HubError(403, "node_mismatch", "Tokenul aparține altei instalări.")


def _apply_receipts(state: HubState, caller: Caller, changes: list[Change], request: Request) -> None:
    payloads = [c.payload for c in changes if c.kind == "receipt" and c.payload]
    if payloads:
        for message_id in messages.apply_pushed_receipts(state.db, caller.commune_id, payloads):
            deny(state, caller, request, f"receipt for message {message_id[:64]}")


@router.post("/push", response_model=PushResponse, tags=["sync"], responses=errors(401, 403, 409))
def push(req: PushRequest, request: Request, caller: Caller = Depends(require_device)) -> PushResponse:
    """Apply a batch of outbox changes idempotently; answers the node's contiguous ack."""
    state = get_state(request)
    _check_node(state, caller, req.node, request)
    result = store.push(state.db, caller.device_id, caller.commune_id, _expanded(req.changes), store.SyncReport())
    _apply_receipts(state, caller, req.changes, request)
    return PushResponse(ack=result.ack, applied=result.applied, pending_blobs=result.pending_blobs)


@router.post("/sync", response_model=SyncResponse, tags=["sync"], responses=errors(401, 403, 409))
def sync(req: SyncRequest, request: Request, caller: Caller = Depends(require_device)) -> SyncResponse:
    """Push a batch (possibly empty) and get the ack plus the first page of every stream with news."""
    state = get_state(request)
    _check_node(state, caller, req.node, request)
    for cursor in req.cursors.values():
        try:
            decode_cursor(cursor)
        except ValueError:
            raise HubError(422, "bad_cursor", "Cursor invalid.") from None
    report = store.SyncReport(pending=req.pending, client_time=req.client_time, app_version=req.app_version)
    result = store.push(state.db, caller.device_id, caller.commune_id, _expanded(req.changes), report)
    _apply_receipts(state, caller, req.changes, request)
    pages: dict[str, PullPage] = {}
    asked = {name: cursor for name, cursor in req.cursors.items() if name in STREAMS}
    current = streams.unchanged_streams(state.db, asked)
    for stream, cursor in sorted(asked.items()):
        if stream in current:
            if stream == "circulars" and cursor:
                streams.mark_delivered(state.db, caller.commune_id, decode_cursor(cursor)[1])
            continue
        page = streams.read_page(state.db, caller.commune_id, stream, cursor, streams.SYNC_PAGE_ITEMS,
                                 reset_on_stale=True)
        if page.items or page.reset or page.cursor != cursor:
            pages[stream] = page
    return SyncResponse(ack=result.ack, applied=result.applied, pending_blobs=result.pending_blobs, pages=pages,
                        features=[FEATURE_AFTER_REFS],
                        server_time=utcnow())


@router.get("/streams/{stream}", response_model=PullPage, tags=["pull"], responses=errors(401, 404, 410))
def pull(request: Request, stream: str = Path(max_length=32), cursor: str = Query("", max_length=64),
         limit: int = Query(streams.DEFAULT_PAGE_ITEMS, ge=1, le=streams.MAX_PAGE_ITEMS),
         caller: Caller = Depends(require_device)) -> PullPage:
    """The next page of a publication stream after `cursor`, only items that target the caller's commune."""
    return streams.read_page(get_state(request).db, caller.commune_id, stream, cursor, limit)


@router.get("/streams/{stream}/items/{item_id}", response_model=PubItem, tags=["pull"], responses=errors(401, 404))
def publication(request: Request, stream: str = Path(max_length=32), item_id: str = Path(max_length=64),
                caller: Caller = Depends(require_device)) -> PubItem:
    """The newest version of one publication, if it targets the caller's commune."""
    state = get_state(request)
    item = streams.visible_item(state.db, caller.commune_id, stream, item_id)
    if item is None:
        if streams.item_exists(state.db, stream, item_id):
            deny(state, caller, request, f"publication {stream}/{item_id}")
        raise HubError(404, "not_found", "Publicația nu există.")
    return item


@router.get("/replica", response_model=ReplicaPage, tags=["replica"], responses=errors(401))
def replica(request: Request, kind: str = Query(pattern=KIND_PATTERN), after: str = Query("", pattern=r"^[0-9]{0,18}$"),
            limit: int = Query(500, ge=1, le=1000), caller: Caller = Depends(require_device)) -> ReplicaPage:
    """The commune's records of one kind, newest version each, in hub order (restore a dead PC)."""
    return store.replica_page(get_state(request).db, caller.commune_id, kind, after, limit)


@router.get("/replica/summary", response_model=ReplicaSummary, tags=["replica"], responses=errors(401))
def replica_summary(request: Request, caller: Caller = Depends(require_device)) -> ReplicaSummary:
    """Count and checksum per kind of what the hub holds for the commune (compare with the local data)."""
    summary = store.replica_summary(get_state(request).db, caller.commune_id)
    return ReplicaSummary(kinds={k: ReplicaKindSummary(count=n, checksum=c) for k, (n, c) in summary.items()})


@router.get("/replica/{kind}/{record_id}", response_model=Change, tags=["replica"], responses=errors(401, 404))
def replica_record(request: Request, kind: str = Path(pattern=KIND_PATTERN),
                   record_id: str = Path(min_length=1, max_length=64),
                   caller: Caller = Depends(require_device)) -> Change:
    """One record of the caller's commune."""
    state = get_state(request)
    record = store.replica_record(state.db, caller.commune_id, kind, record_id)
    if record is None:
        if store.record_exists_elsewhere(state.db, caller.commune_id, kind, record_id):
            deny(state, caller, request, f"record {kind}/{record_id}")
        raise HubError(404, "not_found", "Înregistrarea nu există.")
    return record


@router.get("/time", response_model=TimeResponse, tags=["misc"])
def server_time() -> TimeResponse:
    """The hub's clock (UTC), for clock-skew detection."""
    now = utcnow()
    return TimeResponse(now=now, epoch_ms=int(now.timestamp() * 1000))


@router.get("/health", response_model=Health, tags=["misc"], responses={503: {"model": Health}})
def health(request: Request) -> JSONResponse | Health:
    """Liveness and database reachability."""
    state = get_state(request)
    try:
        with state.db.read() as s:
            s.execute(text("SELECT 1"))
    except Exception:  # the database is down: say so instead of failing
        body = Health(status="degraded", version=hub.__version__, database=state.db.engine.dialect.name)
        return JSONResponse(body.model_dump(), status_code=503)
    return Health(status="ok", version=hub.__version__, database=state.db.engine.dialect.name)
