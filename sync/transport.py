"""HTTP transport to the county hub: one `requests` session per hub, reused for every request.

* explicit timeouts: connect 10 s, read 45 s — a read timeout is the time with *no bytes* arriving, so a
  slow link that keeps moving is never cut, a stalled one is (DESIGN.md §4: abort on a stall, not on a
  total time);
* TLS verification always on; a county that runs its own CA gives its bundle (`ca_bundle`);
* request bodies compressed: zstd when the `zstandard` package is present and the hub accepts it, else gzip
  (a hub answering 415 to zstd is remembered and gets gzip); attachments are never recompressed;
* retries with exponential backoff and jitter on connection errors and on 429/5xx (Retry-After respected),
  never on another 4xx; every request of the protocol is idempotent, so a retried POST duplicates nothing;
* counters: round trips, bytes sent and received (bodies plus an estimate of the headers), retries.
"""
from __future__ import annotations

import gzip
import json
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Mapping

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .protocol import API_PREFIX, ErrorBody

log = logging.getLogger(__name__)

try:  # optional accelerator: ~30 % fewer bytes than gzip on outbox batches (docs/performance.md)
    import zstandard as _zstd
except ImportError:  # pragma: no cover - gzip is always there
    _zstd = None

CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 45.0
RETRY_STATUSES = (429, 500, 502, 503, 504)
HEADER_ESTIMATE = 250  # request line + headers each way, for the byte counters


class HubError(Exception):
    """The hub answered with an error (4xx/5xx after retries). `code` is the ErrorBody code."""

    def __init__(self, status: int, code: str, message: str, ack: int | None = None, detail: Any = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message, self.ack, self.detail = status, code, message, ack, detail


class Unauthorized(HubError):
    """401: the token is unknown or revoked — the installation must enrol again."""

    @property
    def revoked(self) -> bool:
        return self.code == "revoked"


class Offline(Exception):
    """The hub could not be reached (DNS, refused, cut, timeout) after the retries."""


@dataclass
class Counters:
    round_trips: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    requests_failed: int = 0
    by_path: dict[str, int] = field(default_factory=dict)

    def snapshot(self) -> "Counters":
        return Counters(self.round_trips, self.bytes_sent, self.bytes_received, self.requests_failed,
                        dict(self.by_path))

    def since(self, earlier: "Counters") -> "Counters":
        return Counters(self.round_trips - earlier.round_trips, self.bytes_sent - earlier.bytes_sent,
                        self.bytes_received - earlier.bytes_received,
                        self.requests_failed - earlier.requests_failed)


class _CountingRetry(Retry):
    """Retry that tells the transport how many extra attempts went over the wire."""
    on_retry: Any = None

    def increment(self, *args: Any, **kwargs: Any) -> Retry:  # noqa: D401
        new = super().increment(*args, **kwargs)
        if self.on_retry is not None:
            self.on_retry()
        new.on_retry = self.on_retry
        return new


def make_retry(total: int = 4, backoff: float = 0.5, on_retry: Any = None) -> Retry:
    r = _CountingRetry(total=total, connect=total, read=total, status=total, other=0,
                       backoff_factor=backoff, backoff_jitter=backoff, backoff_max=30,
                       status_forcelist=RETRY_STATUSES, allowed_methods=None,  # every call is idempotent
                       respect_retry_after_header=True, raise_on_status=False, raise_on_redirect=True)
    r.on_retry = on_retry
    return r


def compress(body: bytes, encoding: str, level: int | None = None) -> bytes:
    if encoding == "zstd":
        if _zstd is None:
            raise ValueError("zstandard is not installed")
        return _zstd.ZstdCompressor(level=level or 12).compress(body)
    if encoding == "gzip":
        return gzip.compress(body, level or 9, mtime=0)
    return body


def zstd_available() -> bool:
    return _zstd is not None


class Transport:
    """A connection to one hub. Thread-safe for the counters; use one per sync engine."""

    def __init__(self, base_url: str, token: str | None = None, ca_bundle: str | None = None,
                 connect_timeout: float = CONNECT_TIMEOUT_S, read_timeout: float = READ_TIMEOUT_S,
                 retries: int = 4, backoff: float = 0.5, encoding: str = "auto", user_agent: str = "") -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = (connect_timeout, read_timeout)
        self.counters = Counters()
        self._lock = threading.Lock()
        self.encoding = ("zstd" if zstd_available() else "gzip") if encoding == "auto" else encoding
        self.session = requests.Session()
        self.session.verify = ca_bundle or True          # never False: TLS is always verified
        self.session.trust_env = False                    # no surprise proxies from the environment
        adapter = HTTPAdapter(max_retries=make_retry(retries, backoff, self._count_retry), pool_connections=2,
                              pool_maxsize=4)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)
        self.session.headers.update({"User-Agent": user_agent or "registru-sync/1", "Accept-Encoding": "gzip"})
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    # --- plumbing ----------------------------------------------------------------------------------

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "Transport":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _count_retry(self) -> None:
        with self._lock:
            self.counters.round_trips += 1
            self.counters.requests_failed += 1

    def url(self, path: str) -> str:
        return self.base_url + (path if path.startswith("/api/") else API_PREFIX + path)

    def request(self, method: str, path: str, *, json_body: Any = None, data: bytes | None = None,
                raw_json: bytes | None = None, headers: Mapping[str, str] | None = None,
                params: Mapping[str, Any] | None = None, compress_body: bool = True, stream: bool = False,
                ok: tuple[int, ...] = ()) -> requests.Response:
        """One logical request (retried inside on connection errors / 5xx / 429). Raises HubError,
        Unauthorized or Offline; returns the response for 2xx and for statuses listed in `ok`.
        `json_body` is encoded here; `raw_json` is JSON already encoded; `data` is sent as is."""
        hdrs = dict(headers or {})
        body = data
        if json_body is not None:
            raw_json = json.dumps(json_body, separators=(",", ":"), ensure_ascii=False, default=str).encode()
        if raw_json is not None:
            hdrs["Content-Type"] = "application/json"
            body = raw_json
            if compress_body and len(raw_json) > 512:
                body = self._compressed(raw_json, hdrs)
        try:
            resp = self.session.request(method, self.url(path), data=body, headers=hdrs, params=params,
                                        timeout=self.timeout, stream=stream, allow_redirects=False)
        except requests.exceptions.SSLError as exc:
            self._account(body, None)
            raise HubError(0, "tls", f"TLS: {exc}") from exc
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                requests.exceptions.ChunkedEncodingError) as exc:
            self._account(body, None)
            raise Offline(str(exc)) from exc
        if resp.status_code == 415 and raw_json is not None and hdrs.get("Content-Encoding") == "zstd":
            log.info("hub refuses zstd request bodies; using gzip")
            self._account(body, resp)
            self.encoding = "gzip"
            return self.request(method, path, raw_json=raw_json, headers=headers, params=params,
                                compress_body=compress_body, stream=stream, ok=ok)
        self._account(body, None if stream else resp)
        if resp.status_code < 300 or resp.status_code in ok:
            return resp
        err = _error(resp)
        resp.close()
        raise err

    def _compressed(self, raw: bytes, hdrs: dict[str, str]) -> bytes:
        if self.encoding in ("zstd", "gzip"):
            hdrs["Content-Encoding"] = self.encoding
            return compress(raw, self.encoding)
        return raw

    def _account(self, body: bytes | None, resp: requests.Response | None) -> None:
        with self._lock:
            self.counters.round_trips += 1
            self.counters.bytes_sent += HEADER_ESTIMATE + (len(body) if body else 0)
            if resp is not None:
                n = resp.headers.get("Content-Length")
                self.counters.bytes_received += HEADER_ESTIMATE + (int(n) if n and n.isdigit() else len(resp.content))

    def add_received(self, n: int) -> None:
        with self._lock:
            self.counters.bytes_received += n

    def get_json(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.request("GET", path, params=params).json()

    def post_json(self, path: str, body: Any, ok: tuple[int, ...] = ()) -> Any:
        return self.request("POST", path, json_body=body, ok=ok).json()


def _error(resp: requests.Response) -> HubError:
    try:
        body = ErrorBody.model_validate(resp.json())
        code, message, ack, detail = body.error, body.message, body.ack, body.detail
    except Exception:  # noqa: BLE001 - a proxy's HTML page, an empty body
        code, message, ack, detail = f"http_{resp.status_code}", (resp.text or resp.reason or "")[:200], None, None
    cls = Unauthorized if resp.status_code == 401 else HubError
    return cls(resp.status_code, code, message, ack=ack, detail=detail)


def wait_backoff(attempt: int, base: float = 2.0, cap: float = 600.0) -> float:
    """Seconds to wait before the next try while offline: exponential with full jitter."""
    import random
    return random.uniform(base / 2, min(cap, base * (2 ** min(attempt, 16))))


def monotonic() -> float:
    return time.monotonic()
