"""A fault-injecting TCP proxy on loopback, for sync tests and the link benchmark.

    proxy = FaultProxy(("127.0.0.1", hub_port), bandwidth_bps=384_000, rtt_ms=300, loss=0.02, seed=1)
    proxy.start()                  # listens on 127.0.0.1:<proxy.port>; proxy.url is http://127.0.0.1:<port>
    proxy.cut_next(after_bytes=50_000, direction="up")   # the next connection dies after 50 kB uploaded
    proxy.duplicate_next()         # the next connection's request bytes are also replayed to the server
    proxy.set_offline(True)        # refuse new connections and reset open ones (the 3G is gone)
    proxy.stats                    # bytes up/down, connections, cuts, duplicates
    proxy.stop()

What it simulates, per direction ("up" = client → server, "down" = server → client):
* bandwidth: one shared link per direction (all connections queue on it), serialisation time = bytes / rate;
* latency: half the round-trip time added to every chunk in each direction;
* loss: each 1,460-byte segment is lost with probability `loss`; TCP recovers it by fast retransmit, which
  holds the stream (and everything behind it) up by one round trip — that is what loss costs a TCP flow;
  the retransmitted bytes are counted on the wire;
* drops: with probability `drop` per chunk the connection is reset (a dropped 3G session);
* cuts: `cut_next` / `cut_every` reset a connection after N bytes in one direction;
* duplicates: `duplicate_next` replays the bytes of a connection's first request on a second upstream
  connection (the answer is discarded) — a request the network delivered twice.
Bytes on the wire are the TCP payload bytes forwarded (plus retransmissions); `wire_estimate()` adds 52
bytes of IP/TCP header per segment for a closer figure.
"""
from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import threading
import time
from dataclasses import dataclass

SEGMENT = 1460
HEADER_PER_SEGMENT = 52
READ_SIZE = 16 * 1024
QUEUE_LIMIT = 64 * 1024  # bytes in flight per pipe before the reader stops (a TCP window, roughly)


@dataclass
class Stats:
    bytes_up: int = 0
    bytes_down: int = 0
    retransmitted: int = 0
    segments: int = 0
    connections: int = 0
    cuts: int = 0
    drops: int = 0
    duplicates: int = 0
    refused: int = 0

    @property
    def total(self) -> int:
        return self.bytes_up + self.bytes_down + self.retransmitted

    def wire_estimate(self) -> int:
        return self.total + self.segments * HEADER_PER_SEGMENT

    def copy(self) -> "Stats":
        return Stats(**self.__dict__)

    def since(self, earlier: "Stats") -> "Stats":
        return Stats(**{k: getattr(self, k) - getattr(earlier, k) for k in self.__dict__})


@dataclass
class _Link:
    """One direction of the simulated line: when it is free next."""
    free_at: float = 0.0


@dataclass
class _Cut:
    after: int
    direction: str
    every: bool = False
    jitter: int = 0


class FaultProxy:
    def __init__(self, target: tuple[str, int], *, bandwidth_bps: float | None = None, rtt_ms: float = 0.0,
                 loss: float = 0.0, drop: float = 0.0, seed: int | None = None, host: str = "127.0.0.1",
                 port: int = 0) -> None:
        self.target = target
        self.bandwidth_bps = bandwidth_bps
        self.rtt_ms = rtt_ms
        self.loss = loss
        self.drop = drop
        self.rng = random.Random(seed)
        self.host = host
        self.port = port or _free_port(host)
        self.stats = Stats()
        self._links = {"up": _Link(), "down": _Link()}
        self._cut: _Cut | None = None
        self._dup_next = False
        self._offline = False
        self._conns: set[asyncio.Task] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._lock = threading.Lock()

    # --- control (any thread) ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def configure(self, **kw: float | None) -> None:
        """Change bandwidth_bps, rtt_ms, loss or drop while running."""
        with self._lock:
            for k, v in kw.items():
                if k not in ("bandwidth_bps", "rtt_ms", "loss", "drop"):
                    raise TypeError(k)
                setattr(self, k, v)

    def cut_next(self, after_bytes: int, direction: str = "up") -> None:
        """Reset the first connection (new or kept alive) that moves data in `direction` from now on, once it
        has moved `after_bytes` more."""
        with self._lock:
            self._cut = _Cut(after_bytes, direction)

    def cut_every(self, after_bytes: int, direction: str = "up", jitter: int = 0) -> None:
        """Reset every connection after `after_bytes` (± a random `jitter`) in `direction`; None to stop."""
        with self._lock:
            self._cut = _Cut(after_bytes, direction, every=True, jitter=jitter)

    def clear_cuts(self) -> None:
        with self._lock:
            self._cut = None

    def duplicate_next(self) -> None:
        with self._lock:
            self._dup_next = True

    def set_offline(self, offline: bool) -> None:
        """Offline: new connections are refused and open ones reset."""
        self._offline = offline
        if offline and self._loop is not None:
            self._loop.call_soon_threadsafe(self._reset_all)

    def retarget(self, target: tuple[str, int]) -> None:
        self.target = target

    # --- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> "FaultProxy":
        self._thread = threading.Thread(target=self._run, name="faultproxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("proxy did not start")
        return self

    def stop(self) -> None:
        if self._loop is None:
            return
        loop = self._loop

        async def _shutdown() -> None:
            if self._server is not None:
                self._server.close()
            me = asyncio.current_task()
            tasks = [t for t in asyncio.all_tasks() if t is not me]
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            loop.stop()

        loop.call_soon_threadsafe(lambda: asyncio.ensure_future(_shutdown()))
        if self._thread is not None:
            self._thread.join(10)
        self._loop = None

    def __enter__(self) -> "FaultProxy":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._server = loop.run_until_complete(asyncio.start_server(self._handle, self.host, self.port,
                                                                    reuse_address=True))
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            with contextlib.suppress(Exception):
                loop.run_until_complete(asyncio.sleep(0))
            loop.close()

    def _reset_all(self) -> None:
        for t in list(self._conns):
            t.cancel()

    # --- the pipes -----------------------------------------------------------------------------------

    async def _handle(self, creader: asyncio.StreamReader, cwriter: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        if self._offline:
            self.stats.refused += 1
            _abort(cwriter)
            return
        self._conns.add(task)
        self.stats.connections += 1
        swriter = None
        try:
            try:
                sreader, swriter = await asyncio.open_connection(*self.target)
            except OSError:
                _abort(cwriter)
                return
            with self._lock:
                dup, self._dup_next = self._dup_next, False
            conn_state = {"up": 0, "down": 0}
            replay = bytearray() if dup else None
            up = asyncio.ensure_future(self._pipe(creader, swriter, "up", conn_state, replay))
            down = asyncio.ensure_future(self._pipe(sreader, cwriter, "down", conn_state, None))
            if dup:
                asyncio.ensure_future(self._replay_later(replay))  # type: ignore[arg-type]
            done, pending = await asyncio.wait({up, down}, return_when=asyncio.FIRST_COMPLETED)
            if any(t.result() == "cut" for t in done if not t.cancelled() and t.exception() is None):
                for p in pending:
                    p.cancel()
                _abort(cwriter)
                _abort(swriter)
                return
            # one side finished normally (EOF): let the other drain
            await asyncio.wait(pending, timeout=120)
            for p in pending:
                p.cancel()
        except asyncio.CancelledError:
            _abort(cwriter)
            if swriter is not None:
                _abort(swriter)
        finally:
            self._conns.discard(task)
            for w in (cwriter, swriter):
                if w is not None:
                    with contextlib.suppress(Exception):
                        w.close()

    def _take_cut(self, direction: str, already: int) -> int | None:
        """The byte count (on this connection, in `direction`) at which it must die, if a cut is armed."""
        with self._lock:
            cut = self._cut
            if cut is None or cut.direction != direction:
                return None
            if not cut.every:
                self._cut = None  # one-shot: bound to the first connection that moves bytes this way
            jitter = self.rng.randint(-cut.jitter, cut.jitter) if cut.jitter else 0
            return already + max(1, cut.after + jitter)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, direction: str,
                    conn_state: dict[str, int], replay: bytearray | None) -> str:
        queue: asyncio.Queue[tuple[float, bytes] | None] = asyncio.Queue()
        inflight = {"bytes": 0}
        space = asyncio.Event()
        space.set()
        sender = asyncio.ensure_future(self._deliver(queue, writer, inflight, space))
        result = "eof"
        limit: int | None = None
        try:
            while True:
                data = await reader.read(READ_SIZE)
                if not data:
                    break
                if limit is None:
                    limit = self._take_cut(direction, conn_state[direction])
                if limit is not None and conn_state[direction] + len(data) >= limit:
                    data = data[: max(0, limit - conn_state[direction])]
                    if data:
                        queue.put_nowait((self._schedule(direction, data), data))
                        conn_state[direction] += len(data)
                    self.stats.cuts += 1
                    result = "cut"
                    break
                if self.drop and self.rng.random() < self.drop:
                    self.stats.drops += 1
                    result = "cut"
                    break
                if replay is not None and len(replay) < 1 << 20:
                    replay += data
                conn_state[direction] += len(data)
                queue.put_nowait((self._schedule(direction, data), data))
                inflight["bytes"] += len(data)
                if inflight["bytes"] > QUEUE_LIMIT:
                    space.clear()
                    await space.wait()
        except (ConnectionError, asyncio.IncompleteReadError):
            result = "cut"
        finally:
            queue.put_nowait(None)
            if result == "cut":
                # what was already on the line arrives; then the connection dies
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(sender, timeout=self._one_way() + 5)
            else:
                with contextlib.suppress(Exception):
                    await sender
                    if writer.can_write_eof():
                        writer.write_eof()
        return result

    def _one_way(self) -> float:
        return self.rtt_ms / 2000.0

    def _schedule(self, direction: str, data: bytes) -> float:
        """When this chunk has fully arrived at the other end (serialisation + loss recovery + latency)."""
        now = time.monotonic()
        link = self._links[direction]
        segments = -(-len(data) // SEGMENT)
        lost = sum(1 for _ in range(segments) if self.loss and self.rng.random() < self.loss)
        wire = len(data) + lost * SEGMENT
        if direction == "up":
            self.stats.bytes_up += len(data)
        else:
            self.stats.bytes_down += len(data)
        self.stats.retransmitted += lost * SEGMENT
        self.stats.segments += segments + lost
        start = max(now, link.free_at)
        tx = wire * 8 / self.bandwidth_bps if self.bandwidth_bps else 0.0
        recovery = lost * max(self.rtt_ms / 1000.0, 0.05)  # each loss stalls the stream ~one RTT
        link.free_at = start + tx + recovery
        return link.free_at + self._one_way()

    async def _deliver(self, queue: asyncio.Queue, writer: asyncio.StreamWriter, inflight: dict[str, int],
                       space: asyncio.Event) -> None:
        while True:
            item = await queue.get()
            if item is None:
                return
            at, data = item
            delay = at - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            writer.write(data)
            await writer.drain()
            inflight["bytes"] -= len(data)
            if inflight["bytes"] <= QUEUE_LIMIT:
                space.set()

    async def _replay_later(self, replay: bytearray) -> None:
        """Send the first request's bytes again on a fresh upstream connection; discard the answer."""
        data = b""
        for _ in range(1000):  # as soon as the first request is complete (it may still be in flight)
            data = _first_request(bytes(replay))
            if data:
                break
            await asyncio.sleep(0.01)
        if not data:
            return
        self.stats.duplicates += 1
        try:
            r, w = await asyncio.open_connection(*self.target)
            w.write(data)
            await w.drain()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(r.read(1 << 20), timeout=30)
            w.close()
        except OSError:
            pass


def _first_request(buf: bytes) -> bytes:
    """The first complete HTTP/1.1 request in `buf` (by Content-Length), or b'' if incomplete."""
    end = buf.find(b"\r\n\r\n")
    if end < 0:
        return b""
    head = buf[:end].decode("latin-1")
    length = 0
    for line in head.split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip() or 0)
    total = end + 4 + length
    return buf[:total] if len(buf) >= total else b""


def _abort(writer: asyncio.StreamWriter | None) -> None:
    if writer is None:
        return
    with contextlib.suppress(Exception):
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        writer.transport.abort()


def _free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])
