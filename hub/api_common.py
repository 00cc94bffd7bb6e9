"""Shared bits of the API routers: documented error responses, common parameters."""
from __future__ import annotations

from typing import Any

from sync.protocol import ErrorBody

_DESCRIPTIONS = {
    400: "Bad request (e.g. an invalid gzip body)",
    401: "Missing, unknown ('unauthorized') or revoked ('revoked') device token",
    403: "The request names another installation ('node_mismatch')",
    404: "Not found (also for another commune's data, which is logged)",
    409: "Conflict: 'gap' (with ack), 'code_used', 'offset_mismatch', 'size_conflict', ...",
    410: "Gone: expired enrolment code, or a stale cursor ('stale_cursor')",
    413: "Body too large",
    415: "Unsupported Content-Encoding",
    416: "Range not satisfiable",
    422: "Request does not match the schema ('invalid'), or hash mismatch ('hash_mismatch')",
    429: "Too many failed attempts ('rate_limited'); see Retry-After",
}

SHA256_PATTERN = r"^[0-9a-f]{64}$"
KIND_PATTERN = r"^[a-z_]{1,32}$"


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the listed error statuses (400, 413, 415 and 422 are always possible)."""
    return {code: {"model": ErrorBody, "description": _DESCRIPTIONS[code]}
            for code in sorted({*codes, 400, 413, 415, 422})}
