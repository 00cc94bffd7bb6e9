"""Wire protocol between an installation (sync client) and the county hub, version 1.

Shared by `sync/` (client) and `hub/` (server); importable without Qt. The hub serves these models in
its OpenAPI document at `/api/v1/openapi.json`. Everything is JSON; request bodies may be sent with
`Content-Encoding: gzip`.

Principle (DESIGN.md §4): every record has one owner, so nothing is merged.

* Up (push): the installation's transactional outbox, in sequence order. Each change carries the
  node's sequence number, the record kind, the record's uuid, its version and the full record payload
  (the newest state, not a diff). The hub stores changes unique on (node, seq), keeps per record the
  highest version, and answers the highest *contiguous* sequence it holds for the node (`ack`).
  A batch whose first sequence is beyond ack+1 is refused with 409 and the current ack; the client
  resumes from there. Replaying a batch changes nothing.
* Down (pull): county publications form streams (document types, filing-plan templates, localities,
  holidays, notices, circulars addressed to the commune). Each stream is an append-only log with a
  server sequence; the client holds an opaque cursor per stream. A cursor from a rebuilt stream
  answers 410 and the client re-downloads that stream only.
* Blobs: content-addressed by SHA-256, uploaded tus-style (create, ask offset, PATCH chunks, the hub
  verifies the whole hash at the end) and downloaded with HTTP Range.
* Messages: a circular arrives in the `circulars` stream; the commune registers it locally and posts a
  receipt (its own number and date) back.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

# --- record kinds -------------------------------------------------------------------------------

#: Kinds owned by the commune (flow up, replicated at the hub, restorable from it).
UP_KINDS: tuple[str, ...] = (
    "institution",    # the commune itself (name, SIRUTA, county)
    "compartment",
    "register",
    "doc_type",       # local document types (county ones flow down and are not pushed back)
    "user",           # roster only: username, full name, role; never a password hash
    "entry",          # a registry entry (the whole row, attachments listed inside)
    "attachment",     # attachment metadata (entry uuid, sha256, file name, size); bytes go as blobs
    "audit_event",    # the hash-chained audit log
    "plan_item",      # filing plan (archive)
    "dossier",        # archive dossiers
    "loan",
    "transfer",
    "disposal",
    "receipt",        # registration receipt of a county message (also posted directly)
)

#: Streams published by the county (flow down).
STREAMS: tuple[str, ...] = (
    "doc_types",       # document types with deadline rules; payload keys see DocTypePayload
    "plan_templates",  # filing-plan templates offered to archivists
    "localities",      # SIRUTA localities of the county
    "holidays",        # extra non-working days decided by government decision
    "notices",         # notices / release notes shown to the clerk
    "circulars",       # documents the county sends to this commune (to be registered)
)

MAX_PUSH_CHANGES = 2000           # per request
MAX_BODY_BYTES = 8 * 1024 * 1024  # decompressed request body limit (blobs excepted)
BLOB_CHUNK_BYTES = 256 * 1024     # recommended upload chunk
MAX_BLOB_BYTES = 100 * 1024 * 1024


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- errors -----------------------------------------------------------------------------------

class ErrorBody(_Model):
    """Every non-2xx answer of the API has this JSON body (never a stack trace)."""
    error: str = Field(description="machine-readable code, e.g. 'unauthorized', 'gap', 'not_found'")
    message: str = Field(description="human-readable explanation (Romanian by default)")
    ack: int | None = Field(default=None, description="on 409 'gap': the highest contiguous seq held")
    detail: Any | None = None


# --- enrolment --------------------------------------------------------------------------------

class EnrolRequest(_Model):
    code: str = Field(min_length=4, max_length=64, description="one-time enrolment code")
    node: str = Field(min_length=8, max_length=64, description="installation id (uuid) chosen by the client")
    hostname: str = Field(default="", max_length=200)
    app_version: str = Field(default="", max_length=50)
    commune: str | None = Field(default=None, max_length=10,
                                description="the commune (SIRUTA code) the installation expects; if the code "
                                            "belongs to another one the hub answers 409 'other_commune' and "
                                            "the code stays unused")


class CommuneInfo(_Model):
    code: str = Field(description="SIRUTA code of the commune")
    name: str
    county: str


class EnrolResponse(_Model):
    token: str = Field(description="device token; send as 'Authorization: Bearer <token>'")
    node: str
    commune: CommuneInfo


# --- push -------------------------------------------------------------------------------------

class Change(_Model):
    seq: int = Field(ge=1, description="per-installation outbox sequence")
    kind: str = Field(max_length=32)
    id: str = Field(min_length=1, max_length=64, description="record uuid")
    version: int = Field(ge=1, description="record version; the highest wins")
    payload: dict[str, Any] | None = Field(description="full record; null means the record was deleted")


class PushRequest(_Model):
    node: str
    changes: list[Change] = Field(max_length=MAX_PUSH_CHANGES)


class PushResponse(_Model):
    ack: int = Field(description="highest contiguous seq the hub holds for this node (0 = none)")
    applied: int = Field(default=0, description="changes newly stored by this request")
    pending_blobs: list[str] = Field(default_factory=list,
                                     description="sha256 of blobs referenced by records but not yet uploaded")


class EntryPayload(BaseModel):
    """The keys an `entry` change's payload carries (more may be added; unknown keys are kept)."""
    model_config = ConfigDict(extra="allow")
    id: str
    register_id: str = Field(description="register uuid")
    year: int
    number: int
    number_suffix: str = ""
    registered_at: str = Field(description="ISO 8601 with offset, local time of the town hall")
    direction: Literal["in", "out", "internal"]
    doc_type: str | None = Field(default=None, description="document type code")
    channel: str = "desk"
    sender_name: str = ""
    recipient_name: str = ""
    subject: str = ""
    summary: str = ""
    pages: int = 0
    annexes: int = 0
    compartment: str | None = Field(default=None, description="compartment code")
    status: Literal["registered", "assigned", "resolved", "filed", "cancelled"]
    deadline: str | None = Field(default=None, description="ISO date")
    attachments: list[dict[str, Any]] = Field(default_factory=list, description="[{sha256, filename, size}]")


class AuditEventPayload(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    seq: int = Field(description="position in the local chain")
    ts: str
    actor: str
    action: str
    object_kind: str
    object_id: str
    prev_hash: str
    hash: str


# --- pull -------------------------------------------------------------------------------------

class PubItem(_Model):
    seq: int
    kind: str
    id: str
    version: int
    payload: dict[str, Any] | None = Field(description="null = withdrawn")


class PullPage(_Model):
    stream: str
    items: list[PubItem]
    cursor: str = Field(description="opaque; send back as ?cursor= to continue")
    more: bool
    total: int = Field(default=0, description="items currently in the stream for this commune")
    checksum: str = Field(default="", description="stream_checksum() over all (id, version) for this commune")
    reset: bool = Field(default=False, description="the cursor sent was stale (stream rebuilt): this page starts "
                                                   "the stream again; drop the local copy of the stream first")


# --- publication payloads (what the county publishes in each stream; unknown keys are kept) ---------------

class DocTypePayload(BaseModel):
    """`doc_types` stream: a document type and its deadline rule (item id = code)."""
    model_config = ConfigDict(extra="allow")
    code: str = Field(min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=200)
    direction: Literal["in", "out", "internal", "any"] = "in"
    deadline_days: int | None = Field(default=None, ge=0, le=3650, description="null = no legal deadline")
    day_kind: Literal["calendar", "working"] = "calendar"
    extension_days: int = Field(default=0, ge=0, le=3650)
    roll_to_working_day: bool = Field(default=True, description="a deadline on a non-working day moves to the next working day")
    legal_basis: str = Field(default="", max_length=500)
    regime: str = Field(default="", max_length=50, description="e.g. 'petition', 'public_info', 'general'")


class PlanTemplateItem(BaseModel):
    model_config = ConfigDict(extra="allow")
    indicator: str = Field(min_length=1, max_length=32, description="e.g. 'I.A.7'")
    compartment: str = Field(default="", max_length=200)
    title: str = Field(min_length=1, max_length=500)
    retention_years: int | None = Field(default=None, ge=1, le=1000, description="null = permanent (P)")
    notes: str = Field(default="", max_length=1000)


class PlanTemplatePayload(BaseModel):
    """`plan_templates` stream: a filing-plan template (item id = code)."""
    model_config = ConfigDict(extra="allow")
    code: str = Field(min_length=1, max_length=32)
    name: str = Field(min_length=1, max_length=200)
    items: list[PlanTemplateItem] = Field(default_factory=list, max_length=5000)


class LocalityPayload(BaseModel):
    """`localities` stream: a SIRUTA locality (item id = siruta)."""
    model_config = ConfigDict(extra="allow")
    siruta: str = Field(pattern=r"^[0-9]{1,16}$")
    name: str = Field(min_length=1, max_length=200)
    kind: str = Field(default="", max_length=50, description="e.g. 'comună', 'sat', 'oraș'")


class HolidayPayload(BaseModel):
    """`holidays` stream: an extra non-working day (item id = the ISO date)."""
    model_config = ConfigDict(extra="allow")
    date: date
    name: str = Field(min_length=1, max_length=200)


class NoticePayload(BaseModel):
    """`notices` stream: a notice shown to the clerk (item id = uuid5 of title and time unless given)."""
    model_config = ConfigDict(extra="allow")
    title: str = Field(min_length=1, max_length=300)
    body: str = Field(default="", max_length=20000)
    published_at: datetime


# --- one-round-trip sync ------------------------------------------------------------------------

class SyncRequest(_Model):
    """Push a batch (possibly empty) and ask every stream for what follows its cursor."""
    node: str
    changes: list[Change] = Field(default_factory=list, max_length=MAX_PUSH_CHANGES)
    cursors: dict[str, str] = Field(default_factory=dict, description="stream -> cursor ('' = from start)")
    client_time: datetime | None = None
    pending: int = Field(default=0, description="outbox rows still waiting after this batch (for the dashboard)")
    app_version: str = ""


class SyncResponse(_Model):
    ack: int
    applied: int = 0
    pending_blobs: list[str] = Field(default_factory=list)
    pages: dict[str, PullPage] = Field(default_factory=dict, description="only streams with news")
    server_time: datetime
    features: list[str] = Field(default_factory=list, description="optional protocol features this hub accepts, "
                                                                  "e.g. 'after_refs' (see expand_refs)")


# --- blobs ------------------------------------------------------------------------------------

class BlobQuery(_Model):
    hashes: list[str] = Field(max_length=5000)


class BlobMissing(_Model):
    missing: list[str]


class BlobCreate(_Model):
    size: int = Field(ge=0, le=MAX_BLOB_BYTES)


class BlobStatus(_Model):
    sha256: str
    size: int
    offset: int = Field(description="bytes received so far; resume from here")
    complete: bool


# --- messages (circulars) -------------------------------------------------------------------------

class MessageAttachment(_Model):
    sha256: str
    filename: str
    size: int


class CircularPayload(_Model):
    """Payload of an item in the `circulars` stream."""
    message_id: str
    subject: str
    body: str = ""
    sender: str = Field(description="the county institution sending it")
    sent_at: datetime
    doc_type: str | None = None
    reference: str = Field(default="", description="the county's own number/date")
    attachments: list[MessageAttachment] = Field(default_factory=list)
    reply_to_entry: str | None = Field(default=None, description="commune entry uuid this answers, if any")


class Receipt(_Model):
    """The commune's registration receipt for a county message."""
    number: int
    year: int
    registered_at: datetime
    entry_id: str = Field(description="uuid of the local entry")
    delivered_at: datetime | None = None


class ReplyRequest(_Model):
    """A commune's answer to a county message (registered locally as an outgoing entry first)."""
    entry_id: str
    number: int
    year: int
    subject: str
    body: str = ""
    attachments: list[MessageAttachment] = Field(default_factory=list)


# --- replica (restore a dead PC) -----------------------------------------------------------------

class ReplicaKindSummary(_Model):
    count: int
    checksum: str = Field(description="stream_checksum() over (id, version) of the kind's live records")


class ReplicaSummary(_Model):
    """What the hub holds for the caller's commune, to compare with the local data after a sync."""
    kinds: dict[str, ReplicaKindSummary]


class ReplicaPage(_Model):
    kind: str
    records: list[Change] = Field(description="seq is the hub's order; payload is the newest version")
    after: str = Field(description="opaque continuation token")
    more: bool


# --- time, health -----------------------------------------------------------------------------------

class TimeResponse(_Model):
    now: datetime
    epoch_ms: int


class Health(_Model):
    status: Literal["ok", "degraded"]
    version: str
    database: str


# --- helpers shared by both sides -----------------------------------------------------------------

def canonical_json(obj: Any) -> bytes:
    """Deterministic JSON (sorted keys, no spaces, UTF-8) used for hashes and checksums."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def stream_checksum(pairs: list[tuple[str, int]]) -> str:
    """Order-independent checksum of a set of (id, version) pairs."""
    acc = 0
    for rid, ver in pairs:
        acc ^= int.from_bytes(hashlib.sha256(f"{rid}:{ver}".encode()).digest()[:8], "big")
    return f"{acc:016x}:{len(pairs)}"


# --- compact batches: audit 'after' by reference (feature "after_refs", additive) -------------------------

FEATURE_AFTER_REFS = "after_refs"
AFTER_REF_KEY = "$seq"


def expand_refs(changes: list[Change]) -> list[Change]:
    """An `audit_event` payload whose `after` is {"$seq": n} gets, in its place, the canonical JSON text of
    the payload of change n of the same batch (the client only sends a reference when that text is exactly
    what it stores). Raises ValueError for a reference to a change not in the batch. A hub that advertises
    FEATURE_AFTER_REFS calls this before storing; a client uses references only after seeing it."""
    by_seq = {c.seq: c for c in changes}
    out = []
    for c in changes:
        after = c.payload.get("after") if c.kind == "audit_event" and c.payload else None
        if isinstance(after, dict) and set(after) == {AFTER_REF_KEY}:
            ref = by_seq.get(after[AFTER_REF_KEY]) if isinstance(after[AFTER_REF_KEY], int) else None
            if ref is None or ref.payload is None:
                raise ValueError(f"change {c.seq}: 'after' refers to {after[AFTER_REF_KEY]!r}, not in the batch")
            c = c.model_copy(update={"payload": {**c.payload, "after": canonical_json(ref.payload).decode()}})
        out.append(c)
    return out


def encode_cursor(epoch: int, seq: int) -> str:
    return f"{epoch}.{seq}"


def decode_cursor(cursor: str) -> tuple[int, int]:
    """'' -> (0, 0). Raises ValueError on garbage."""
    if not cursor:
        return 0, 0
    epoch, _, seq = cursor.partition(".")
    return int(epoch), int(seq)
