"""The sync engine: enrolment, push + pull in as few round trips as the data allows, attachments,
clock skew, status. No Qt: the desktop worker and the CLI both drive it.

One `sync_once()`:

1. read the oldest outbox rows (a batch sized to the link) and every stream cursor — one short read;
2. POST /sync with the batch and the cursors — no transaction open; the answer carries the ack, the first
   page of every stream with news, the hub's clock and the blobs it still lacks;
3. trim the outbox up to the ack (one transaction); for each page: download the attachments of any
   circulars (verified), then apply the page and move its cursor (one transaction);
4. repeat while the outbox has rows or a stream has more; a sync with nothing to do is ONE round trip;
5. upload the blobs the hub lacks (tus-style, resumable), then check each stream that moved against the
   hub's count/checksum (a mismatch forgets that stream and pulls it again).

A cut anywhere re-sends at most the one batch that was in flight: the outbox is trimmed only on an ack.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from local_db import sync_store as store
from local_db.registry import Registry

from . import messages  # noqa: F401 - registers the texts
from .messages import tr
from .protocol import AFTER_REF_KEY, FEATURE_AFTER_REFS, canonical_json
from .protocol import (BLOB_CHUNK_BYTES, MAX_PUSH_CHANGES, STREAMS, CircularPayload, EnrolRequest, EnrolResponse,
                       PullPage, SyncResponse, stream_checksum)
from .secrets import KeyringUnavailable, TokenStore
from .transport import HubError, Offline, Transport, Unauthorized, compress

log = logging.getLogger(__name__)

APP_VERSION = "0.1.0"
DEFAULT_SKEW_WARN_S = 180.0

# Batch sizing (DESIGN.md §4): ≈128–256 KB compressed or ~1,000 records, adapted to measured throughput.
MIN_BATCH, MAX_BATCH = 50, MAX_PUSH_CHANGES
TARGET_SECONDS = 6.0          # aim for batches that take about this long on the measured link
SLOW_LINK_BPS = 200_000       # below this, spend CPU on zstd level 19 (it overlaps the previous request)
MIN_TARGET_BYTES, MAX_TARGET_BYTES = 16 * 1024, 256 * 1024
MAX_ROUNDS = 10_000           # a runaway guard, never reached in practice

ProgressFn = Callable[[str, int, int], None]


class NotEnrolled(Exception):
    def __init__(self) -> None:
        super().__init__(tr("sync.not_enrolled"))


class ReenrolNeeded(Exception):
    def __init__(self, detail: str = "") -> None:
        super().__init__(tr("sync.reenrol"))
        self.detail = detail


class HubGap(Exception):
    def __init__(self, ack: int) -> None:
        super().__init__(tr("sync.hub_gap", ack=ack))
        self.ack = ack


@dataclass
class SyncConfig:
    hub_url: str = ""
    node: str = ""
    commune_code: str = ""
    commune_name: str = ""
    county: str = ""
    ca_bundle: str = ""
    state: str = "not_enrolled"      # not_enrolled | enrolled | reenrol
    skew_warn_s: float = DEFAULT_SKEW_WARN_S

    @property
    def enrolled(self) -> bool:
        return self.state == "enrolled" and bool(self.hub_url)


@dataclass
class SyncResult:
    sent: int = 0
    received: int = 0
    registered: list[str] = field(default_factory=list)   # "number/year" of circulars registered
    round_trips: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    blobs_uploaded: int = 0
    blobs_downloaded: int = 0
    pending: int = 0
    skew_s: float | None = None
    rechecked: list[str] = field(default_factory=list)    # streams pulled again after a checksum mismatch
    seconds: float = 0.0


@dataclass
class SyncStatus:
    enrolment: str
    hub: str
    node: str
    commune_code: str
    commune_name: str
    county: str
    pending: int
    last_success: str | None
    last_attempt: str | None
    last_error: str | None
    online: bool | None
    clock_skew_s: float | None
    skew_warning: bool
    pending_blobs: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class LinkMeter:
    """Measured payload throughput (bytes/s, exponentially smoothed) → the next batch's byte budget."""

    def __init__(self) -> None:
        self.rate: float | None = None
        self.bytes_per_change: float = 100.0
        self.cap: float = float(MAX_TARGET_BYTES)  # halved after a failed request, doubled after a success

    def failed(self) -> None:
        """A request died on the wire: the next batch is half as big (a link that cuts every N bytes
        still lets batches smaller than N through)."""
        self.cap = max(MIN_TARGET_BYTES / 4, min(self.cap, self.target_bytes()) / 2)

    def succeeded(self) -> None:
        self.cap = min(float(MAX_TARGET_BYTES), self.cap * 2)

    def observe(self, sent_bytes: int, seconds: float, changes: int) -> None:
        if seconds > 0 and sent_bytes > 4096:
            r = sent_bytes / seconds
            self.rate = r if self.rate is None else 0.5 * self.rate + 0.5 * r
        if changes:
            per = max(20.0, sent_bytes / changes)
            self.bytes_per_change = 0.5 * self.bytes_per_change + 0.5 * per

    def target_bytes(self) -> int:
        base = 64 * 1024 if self.rate is None else min(MAX_TARGET_BYTES, max(MIN_TARGET_BYTES, self.rate * TARGET_SECONDS))
        return int(min(base, self.cap))

    def batch_size(self) -> int:
        return int(min(MAX_BATCH, max(10, self.target_bytes() / self.bytes_per_change)))


class SyncEngine:
    """Drives sync for one opened registry. Thread-safe: one sync at a time (a lock)."""

    def __init__(self, registry: Registry, tokens: TokenStore | None = None,
                 transport_factory: Callable[..., Transport] | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.registry = registry
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.db = registry.db
        self.tokens = tokens or TokenStore()
        self._factory = transport_factory or Transport
        self._transport: Transport | None = None
        self._transport_key: tuple[str, str, str] | None = None
        self._lock = threading.Lock()
        self.meter = LinkMeter()
        self.online: bool | None = None
        self.pending_blobs: set[str] = set()
        self.refs = False  # the hub accepts audit 'after' by reference (learnt from its answers)

    # --- configuration ------------------------------------------------------------------------------

    def config(self) -> SyncConfig:
        m = store.meta_prefix(self.db, "sync.")
        node = store.get_meta(self.db, "node_id").get("node_id", "")
        try:
            skew = float(m.get("sync.skew_warn_s") or DEFAULT_SKEW_WARN_S)
        except ValueError:
            skew = DEFAULT_SKEW_WARN_S
        return SyncConfig(hub_url=m.get("sync.hub_url", ""), node=node, commune_code=m.get("sync.commune_code", ""),
                          commune_name=m.get("sync.commune_name", ""), county=m.get("sync.county", ""),
                          ca_bundle=m.get("sync.ca_bundle", ""), state=m.get("sync.state", "not_enrolled"),
                          skew_warn_s=skew)

    def transport(self, cfg: SyncConfig | None = None, token: str | None = None) -> Transport:
        cfg = cfg or self.config()
        tok = token if token is not None else (self.tokens.load(cfg.node) or "")
        key = (cfg.hub_url, cfg.ca_bundle, tok)
        if self._transport is None or self._transport_key != key:
            if self._transport is not None:
                self._transport.close()
            self._transport = self._factory(cfg.hub_url, token=tok or None, ca_bundle=cfg.ca_bundle or None,
                                            user_agent=f"registru/{APP_VERSION}")
            self._transport_key = key
        return self._transport

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    # --- enrolment ----------------------------------------------------------------------------------

    def enrol(self, hub_url: str, code: str, ca_bundle: str | None = None, commune: str | None = None) -> EnrolResponse:
        """Exchange a one-time code for this installation's token (kept in the OS keyring only).
        `commune` (default: this registry's own SIRUTA code, if initialised) makes the hub refuse a code of
        another commune without spending it."""
        self.tokens.check()  # refuse before spending the one-time code
        node = store.ensure_node_id(self.db)
        expected = commune or self._local_commune_code() or None
        hub_url = hub_url.strip().rstrip("/")
        with self._factory(hub_url, token=None, ca_bundle=ca_bundle or None) as t:
            body = EnrolRequest(code=code.strip(), node=node, hostname=platform.node()[:200],
                                app_version=APP_VERSION, commune=expected).model_dump()
            resp = EnrolResponse.model_validate(t.post_json("/enrol", body))
        local = self._local_commune_code()
        if local and local != resp.commune.code:
            raise HubError(409, "other_commune", tr("sync.enrol_other_commune", name=resp.commune.name,
                                                   code=resp.commune.code, local=local))
        self.tokens.save(node, resp.token)
        store.set_meta(self.db, {"sync.hub_url": hub_url, "sync.ca_bundle": ca_bundle or "",
                                 "sync.commune_code": resp.commune.code, "sync.commune_name": resp.commune.name,
                                 "sync.county": resp.commune.county, "sync.state": "enrolled",
                                 "sync.enrolled_at": _now_iso(), "sync.last_error": None})
        self.close()
        return resp

    def _local_commune_code(self) -> str:
        with self.db.read() as s:
            from local_db.db import raw
            row = raw(s).execute("SELECT siruta FROM institution LIMIT 1").fetchone()
        return row[0] if row else ""

    def _require_enrolled(self) -> tuple[SyncConfig, Transport]:
        cfg = self.config()
        if cfg.state == "reenrol":
            raise ReenrolNeeded()
        if not cfg.enrolled:
            raise NotEnrolled()
        token = self.tokens.load(cfg.node)
        if not token:
            store.set_meta(self.db, {"sync.state": "reenrol", "sync.last_error": tr("sync.reenrol")})
            raise ReenrolNeeded("no token in the keyring")
        return cfg, self.transport(cfg, token)

    # --- status -------------------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        cfg = self.config()
        m = store.meta_prefix(self.db, "sync.")
        skew = float(m["sync.skew_s"]) if m.get("sync.skew_s") else None
        online = self.online if self.online is not None else (
            None if not m.get("sync.online") else m.get("sync.online") == "1")
        with self.db.read() as s:
            from local_db.db import raw
            pending = raw(s).execute("SELECT count(*) FROM outbox").fetchone()[0]
            pblobs = raw(s).execute("SELECT count(*) FROM sync_blob WHERE state = 'pending'").fetchone()[0]
        return SyncStatus(enrolment=cfg.state if cfg.hub_url or cfg.state != "enrolled" else "not_enrolled",
                          hub=cfg.hub_url, node=cfg.node, commune_code=cfg.commune_code,
                          commune_name=cfg.commune_name, county=cfg.county, pending=pending,
                          last_success=m.get("sync.last_success") or None,
                          last_attempt=m.get("sync.last_attempt") or None,
                          last_error=m.get("sync.last_error") or None, online=online, clock_skew_s=skew,
                          skew_warning=skew is not None and abs(skew) > cfg.skew_warn_s, pending_blobs=pblobs)

    # --- sync ---------------------------------------------------------------------------------------

    def sync_once(self, progress: ProgressFn | None = None, cancelled: Callable[[], bool] | None = None) -> SyncResult:
        with self._lock:
            started = time.monotonic()
            store.set_meta(self.db, {"sync.last_attempt": _now_iso()})
            try:
                cfg, t = self._require_enrolled()
                before = t.counters.snapshot()
                result = self._sync(cfg, t, progress, cancelled or (lambda: False))
                spent = t.counters.since(before)
            except Offline:
                self.online = False
                store.set_meta(self.db, {"sync.online": "0", "sync.last_error": tr("sync.offline")})
                raise
            except Unauthorized as exc:
                self.online = True
                store.set_meta(self.db, {"sync.online": "1", "sync.state": "reenrol",
                                         "sync.last_error": tr("sync.reenrol")})
                raise ReenrolNeeded(exc.message) from exc
            except HubGap as exc:
                store.set_meta(self.db, {"sync.online": "1", "sync.last_error": str(exc)})
                raise
            except HubError as exc:
                self.online = exc.status != 0
                msg = tr("sync.tls", detail=exc.message[:200]) if exc.code == "tls" else \
                    tr("sync.hub_error", detail=f"{exc.status} {exc.message}"[:300])
                store.set_meta(self.db, {"sync.online": "1" if self.online else "0", "sync.last_error": msg})
                raise
            result.round_trips, result.bytes_sent, result.bytes_received = (spent.round_trips, spent.bytes_sent,
                                                                            spent.bytes_received)
            result.seconds = time.monotonic() - started
            self.online = True
            store.set_meta(self.db, {"sync.online": "1", "sync.last_success": _now_iso(), "sync.last_error": ""})
            return result

    def _prepare(self, node: str, encoding: str, after_seq: int, total_pending: int) -> "_Prepared":
        """Read the next batch and the cursors, and encode + compress the request (off the network)."""
        batch = store.read_outbox(self.db, self.meter.batch_size(), self.meter.target_bytes() * 12, after_seq)
        curs = store.cursors(self.db, STREAMS)
        raw_json = _sync_body(node, batch, curs, max(0, total_pending - len(batch)), refs=self.refs)
        level = 19 if (self.meter.rate is None or self.meter.rate < SLOW_LINK_BPS) else 6
        return _Prepared(batch, curs, compress(raw_json, encoding, level) if encoding else raw_json, encoding)

    def _sync(self, cfg: SyncConfig, t: Transport, progress: ProgressFn | None,
              cancelled: Callable[[], bool]) -> SyncResult:
        res = SyncResult()
        final_pages: dict[str, PullPage] = {}
        rechecked: set[str] = set()
        total_pending = store.outbox_count(self.db)
        gap_retry = False
        nxt: Future[_Prepared] | None = None
        with ThreadPoolExecutor(1, thread_name_prefix="sync-prepare") as pool:
            for _round in range(MAX_ROUNDS):
                if cancelled():
                    break
                prepared = nxt.result() if nxt is not None else None
                nxt = None
                first = store.outbox_first_seq(self.db)
                if prepared is None or prepared.encoding != t.encoding or \
                        (prepared.batch and prepared.batch[0].seq != first) or \
                        (not prepared.batch and first is not None) or \
                        prepared.cursors != store.cursors(self.db, STREAMS):
                    prepared = self._prepare(cfg.node, t.encoding, 0, total_pending)
                batch = prepared.batch
                if batch and total_pending - len(batch) > 0:
                    # compress the next batch while this one is on the wire (assumes it will be acked)
                    nxt = pool.submit(self._prepare, cfg.node, t.encoding, batch[-1].seq, total_pending - len(batch))
                headers = {"Content-Type": "application/json"}
                if prepared.encoding:
                    headers["Content-Encoding"] = prepared.encoding
                t0 = time.monotonic()
                sent0 = t.counters.bytes_sent
                try:
                    raw_resp = t.request("POST", "/sync", data=prepared.body, headers=headers)
                except HubError as exc:
                    nxt = _drop(nxt)
                    if exc.status == 415 and prepared.encoding == "zstd":
                        t.encoding = "gzip"
                        continue
                    if exc.status == 409 and exc.code == "gap" and exc.ack is not None:
                        store.trim_outbox(self.db, exc.ack)
                        if gap_retry:
                            raise HubGap(exc.ack) from exc
                        gap_retry = True
                        continue
                    raise
                except Offline:
                    nxt = _drop(nxt)
                    self.meter.failed()
                    raise
                except BaseException:
                    nxt = _drop(nxt)
                    raise
                elapsed = time.monotonic() - t0
                t_recv = self.clock()
                resp = SyncResponse.model_validate_json(raw_resp.content)
                self.meter.observe(t.counters.bytes_sent - sent0, elapsed, len(batch))
                self.meter.succeeded()
                if len(prepared.body) < 8192:  # a big upload's time would blur the estimate
                    self._note_clock(resp.server_time, t_recv, elapsed, res)
                if batch:
                    trimmed = store.trim_outbox(self.db, resp.ack)
                    res.sent += trimmed
                    total_pending = max(0, total_pending - trimmed)
                    if trimmed == 0 and resp.ack < batch[0].seq:
                        # the hub acked nothing of this batch and saw no gap: it is at an older seq than us
                        raise HubGap(resp.ack)
                self.pending_blobs = set(resp.pending_blobs)
                self.refs = FEATURE_AFTER_REFS in resp.features
                more = False
                for name, page in resp.pages.items():
                    self._apply(t, name, page, res)
                    if page.more:
                        more = True
                    else:
                        final_pages[name] = page
                if progress:
                    progress("push", res.sent, res.sent + total_pending)
                if nxt is None and store.outbox_count(self.db) == 0 and not more:
                    # checksum check of every stream that moved this sync; a mismatch pulls it again
                    bad = [n for n, p in final_pages.items() if n not in rechecked and not self._stream_ok(n, p)]
                    if not bad:
                        break
                    for n in bad:
                        log.warning("stream %s checksum mismatch; pulling it again", n)
                        store.reset_stream(self.db, n)
                        rechecked.add(n)
                        res.rechecked.append(n)
                        final_pages.pop(n, None)
                total_pending = store.outbox_count(self.db)
        if self.pending_blobs and not cancelled():
            res.blobs_uploaded = self.upload_pending(t, self.pending_blobs, cancelled)
        res.pending = store.outbox_count(self.db)
        return res

    def _note_clock(self, server_time: datetime, received: datetime, rtt: float, res: SyncResult) -> None:
        if server_time.tzinfo is None:
            server_time = server_time.replace(tzinfo=timezone.utc)
        # the hub stamped its answer about half a round trip before it arrived
        skew = (received - server_time).total_seconds() - rtt / 2
        res.skew_s = round(skew, 1)
        store.set_meta(self.db, {"sync.skew_s": f"{skew:.1f}"})

    def _stream_ok(self, name: str, page: PullPage) -> bool:
        if not page.checksum:
            return True
        return stream_checksum(store.stream_pairs(self.db, name)) == page.checksum

    def _apply(self, t: Transport, name: str, page: PullPage, res: SyncResult) -> None:
        items = [store.PageItem(i.seq, i.kind, i.id, i.version, i.payload) for i in page.items]
        sizes: dict[str, int] = {}
        if name == "circulars":
            for it in items:
                if it.payload is None or store.message_registered(self.db, str(it.payload.get("message_id"))):
                    continue
                CircularPayload.model_validate(it.payload)  # refuse a malformed circular before registering it
                for a in store.circular_attachments(it.payload):
                    sizes[a["sha256"]] = self.download_blob(t, a["sha256"], int(a.get("size") or 0))
                    res.blobs_downloaded += 1
        out = store.apply_page(self.db, name, items, page.cursor, reset=page.reset, blob_sizes=sizes)
        res.received += out.applied
        res.registered.extend(r for _, r in out.registered or [])

    # --- blobs --------------------------------------------------------------------------------------

    def upload_pending(self, t: Transport, hashes: set[str], cancelled: Callable[[], bool]) -> int:
        done = 0
        for sha in sorted(hashes):
            if cancelled():
                break
            size = store.local_blob_size(self.db, sha)
            if size is None or not self.db.blobs.exists(sha):
                continue  # not ours (yet): nothing to send
            self.upload_blob(t, sha, size)
            self.pending_blobs.discard(sha)
            done += 1
        return done

    def upload_blob(self, t: Transport, sha: str, size: int, chunk: int = BLOB_CHUNK_BYTES) -> None:
        """tus-style: create (or find) the upload, ask the offset, PATCH the rest in checksummed chunks.
        The offset is kept in SQLite after every chunk, so a power cut resumes where it stopped."""
        store.set_blob_state(self.db, sha, "up", size, (store.blob_state(self.db, sha, "up") or (0, 0, ""))[1],
                             "pending")
        status = t.request("POST", f"/blobs/{sha}", json_body={"size": size}, compress_body=False).json()
        offset = int(status["offset"])
        path = self.db.blobs.path(sha)
        with open(path, "rb") as f:
            while not status.get("complete"):
                f.seek(offset)
                data = f.read(chunk)
                if not data:
                    break
                digest = hashlib.sha256(data).hexdigest()
                try:
                    resp = t.request("PATCH", f"/blobs/{sha}", data=data, compress_body=False, headers={
                        "Upload-Offset": str(offset), "Upload-Checksum": f"sha256 {digest}",
                        "Content-Type": "application/offset+octet-stream"})
                    status = resp.json()
                except HubError as exc:
                    if exc.status == 409:  # offset mismatch: ask where the hub is and go on from there
                        status = t.get_json(f"/blobs/{sha}/status")
                    elif exc.status == 422 and exc.code == "hash_mismatch":
                        store.set_blob_state(self.db, sha, "up", size, 0, "failed", exc.message)
                        raise
                    else:
                        raise
                offset = int(status["offset"])
                store.set_blob_state(self.db, sha, "up", size, offset, "pending")
        store.set_blob_state(self.db, sha, "up", size, size, "done")

    def download_blob(self, t: Transport, sha: str, size_hint: int = 0, attempts: int = 4) -> int:
        """Download (resuming with Range from a partial file), verify the SHA-256, then store. Returns size.
        A cut mid-body resumes from the bytes already on disk, up to `attempts` times in this call."""
        for attempt in range(attempts):
            try:
                return self._download_once(t, sha, size_hint)
            except Offline:
                if attempt == attempts - 1:
                    raise
                time.sleep(min(5.0, 0.2 * 2 ** attempt))
        raise AssertionError("unreachable")

    def _download_once(self, t: Transport, sha: str, size_hint: int) -> int:
        if self.db.blobs.exists(sha):
            try:
                self.db.blobs.verify(sha)
                return self.db.blobs.path(sha).stat().st_size
            except Exception:  # noqa: BLE001 - a corrupt local copy is fetched again
                self.db.blobs.remove(sha)
        part_dir = self.db.blobs.root / "tmp"
        part_dir.mkdir(parents=True, exist_ok=True)
        part = part_dir / f"dl-{sha}.part"
        offset = part.stat().st_size if part.exists() else 0
        store.set_blob_state(self.db, sha, "down", size_hint, offset, "pending")
        headers = {"Range": f"bytes={offset}-"} if offset else {}
        try:
            resp = t.request("GET", f"/blobs/{sha}", headers=headers, stream=True, ok=(416,))
        except HubError:
            raise
        with resp:
            if resp.status_code == 416:  # partial is complete or longer than the file: start over
                part.unlink(missing_ok=True)
                return self._download_once(t, sha, size_hint)
            mode = "ab" if resp.status_code == 206 else "wb"
            received = 0
            try:
                with open(part, mode) as f:
                    for data in resp.iter_content(64 * 1024):
                        f.write(data)
                        received += len(data)
                    f.flush()
                    os.fsync(f.fileno())
            except Exception as exc:  # noqa: BLE001 - a cut mid-body: keep the partial for a Range resume
                t.add_received(received)
                raise Offline(f"download of {sha[:12]} cut: {exc}") from exc
            t.add_received(received)
        h = hashlib.sha256()
        with open(part, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        if h.hexdigest() != sha:
            part.unlink(missing_ok=True)
            store.set_blob_state(self.db, sha, "down", size_hint, 0, "failed", "hash mismatch")
            raise HubError(422, "hash_mismatch", tr("sync.blob_hash_mismatch", sha=sha[:12]))
        stored, size = self.db.blobs.put_file(part)
        part.unlink(missing_ok=True)
        store.set_blob_state(self.db, sha, "down", size, size, "done")
        return size


@dataclass
class _Prepared:
    batch: list[store.OutRow]
    cursors: dict[str, str]
    body: bytes
    encoding: str


def _drop(fut: "Future[_Prepared] | None") -> None:
    if fut is not None:
        fut.cancel()
    return None


def _sync_body(node: str, batch: list[store.OutRow], cursors: dict[str, str], pending: int,
               refs: bool = False) -> bytes:
    """The SyncRequest as JSON text, with the stored payload texts spliced in unparsed (they are JSON).
    With `refs` (the hub advertised FEATURE_AFTER_REFS) an audit event whose `after` is byte for byte the
    stored payload of a change earlier in the batch sends {"$seq": n} instead (~17 % fewer bytes)."""
    parts = []
    texts: dict[str, int] = {}
    for r in batch:
        payload = r.payload if r.payload is not None else "null"
        if refs and r.payload is not None:
            if r.kind != "audit_event":
                texts[r.payload] = r.seq
            else:
                p = json.loads(r.payload)
                seq = texts.get(p.get("after") or "")
                if seq is not None and canonical_json(json.loads(p["after"])).decode() == p["after"]:
                    p["after"] = {AFTER_REF_KEY: seq}
                    payload = json.dumps(p, ensure_ascii=False, separators=(",", ":"))
        parts.append('{"seq":%d,"kind":%s,"id":%s,"version":%d,"payload":%s}' % (
            r.seq, json.dumps(r.kind), json.dumps(r.record_id), r.version, payload))
    head = json.dumps({"node": node, "cursors": cursors, "pending": pending, "app_version": APP_VERSION,
                       "client_time": _now_iso()}, ensure_ascii=False, separators=(",", ":"))
    return (head[:-1] + ',"changes":[' + ",".join(parts) + "]}").encode()


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


__all__ = ["SyncEngine", "SyncConfig", "SyncResult", "SyncStatus", "NotEnrolled", "ReenrolNeeded", "HubGap",
           "KeyringUnavailable", "Offline", "HubError", "Unauthorized"]
