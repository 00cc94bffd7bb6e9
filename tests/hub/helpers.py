"""Small builders shared by the hub tests."""
from __future__ import annotations

import gzip
import json
import uuid
from typing import Any


def entry_payload(number: int, subject: str = "Cerere certificat", **extra: Any) -> dict[str, Any]:
    rid = extra.pop("id", str(uuid.uuid4()))
    return {"id": rid, "register_id": "reg-1", "year": 2026, "number": number, "registered_at": "2026-03-02T09:15:00+02:00",
            "direction": "in", "doc_type": "petitie", "channel": "desk", "sender_name": "Ion Popescu",
            "recipient_name": "", "subject": subject, "summary": "", "pages": 1, "annexes": 0,
            "compartment": "URB", "status": "registered", "deadline": None, "attachments": [], **extra}


def change(seq: int, record_id: str | None = None, version: int = 1, kind: str = "entry",
           payload: dict[str, Any] | None = None, number: int | None = None) -> dict[str, Any]:
    rid = record_id or str(uuid.uuid4())
    if payload is None and kind == "entry":
        payload = entry_payload(number if number is not None else seq, id=rid)
    return {"seq": seq, "kind": kind, "id": rid, "version": version, "payload": payload}


def gz_json(body: Any) -> bytes:
    return gzip.compress(json.dumps(body).encode())
