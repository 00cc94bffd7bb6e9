"""API: county circulars addressed to the caller's commune — fetch, registration receipt, reply."""
from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel

from hub import messages
from hub.api_common import errors
from hub.auth import Caller, deny, require_device
from hub.errors import HubError
from hub.state import HubState, get_state
from sync.protocol import API_PREFIX, CircularPayload, Receipt, ReplyRequest

router = APIRouter(prefix=API_PREFIX + "/messages", tags=["messages"])
MessageId = Path(min_length=1, max_length=36)


class Accepted(BaseModel):
    status: str = "ok"


def _not_found(state: HubState, caller: Caller, request: Request, message_id: str) -> HubError:
    if messages.message_exists(state.db, message_id):
        deny(state, caller, request, f"message {message_id}")
    return HubError(404, "not_found", "Mesajul nu există.")


@router.get("/{message_id}", response_model=CircularPayload, responses=errors(401, 404))
def get_message(request: Request, message_id: str = MessageId,
                caller: Caller = Depends(require_device)) -> CircularPayload:
    """A circular sent to the caller's commune."""
    state = get_state(request)
    payload = messages.circular_for(state.db, message_id, caller.commune_id)
    if payload is None:
        raise _not_found(state, caller, request, message_id)
    return payload


@router.post("/{message_id}/receipt", response_model=Accepted, responses=errors(401, 404, 409))
def post_receipt(receipt: Receipt, request: Request, message_id: str = MessageId,
                 caller: Caller = Depends(require_device)) -> Accepted:
    """The commune registered the circular under its own number and date (idempotent)."""
    state = get_state(request)
    if not messages.record_receipt(state.db, message_id, caller.commune_id, receipt):
        raise _not_found(state, caller, request, message_id)
    return Accepted()


@router.post("/{message_id}/reply", response_model=Accepted, responses=errors(401, 404, 409))
def post_reply(reply: ReplyRequest, request: Request, message_id: str = MessageId,
               caller: Caller = Depends(require_device)) -> Accepted:
    """The commune's answer to a circular (registered locally as an outgoing entry; idempotent per entry)."""
    state = get_state(request)
    if not messages.record_reply(state.db, message_id, caller.commune_id, reply):
        raise _not_found(state, caller, request, message_id)
    return Accepted()
