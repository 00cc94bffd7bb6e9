"""Registry table over 1,000,000 entries: open time and the worst event-loop stall while scrolling.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_table.py [--rows 1000000] [--data bench/out/ui-1m]

The data dir is generated once (SQLAlchemy Core bulk inserts, FTS index rebuilt once; see
desktop.demo_data.fill_bulk) and reused. In the same run it prints a raw-SQLite baseline (count, the
first page, a page at a deep offset, on a bare sqlite3 connection) next to the desktop figures:

* open: from building the main window until the first page of rows is painted (DESIGN.md bar ≤ 300 ms),
  and until the whole key snapshot is in (in the background, the window already usable);
* stall: a 2 ms timer runs on the GUI thread while a script scrolls like a clerk (page down, drags,
  jumps to random places and to the end, column sort, a search as you type); the longest gap between
  its ticks beyond the interval is the worst stall (bar ≤ 50 ms).
"""
from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.qt_compat import protect_none  # noqa: E402

protect_none()

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

PASSWORD = "parola-bench-1"


def prepare(data_dir: Path, rows: int) -> None:
    from desktop.demo_data import fill_bulk
    from local_db import Registry
    with Registry.open(data_dir) as reg:
        if reg.is_initialised():
            if reg.entries.count() == rows:
                return
            raise SystemExit(f"{data_dir} holds another data set; remove it or choose --data")
    print(f"generating {rows:,} entries in {data_dir} (once) …", flush=True)
    t = time.perf_counter()
    with Registry.open(data_dir) as reg:
        reg.init("54975", "Comuna Florești", "Cluj", "admin", PASSWORD, admin_full_name="Ana Pop")
        year = reg.db.today().year
        years = list(range(year - 9, year + 1))
        fill_bulk(reg, rows, years=years, progress=lambda d, n: print(f"\r  {d:,}/{n:,}", end="", flush=True))
    print(f"\n  done in {time.perf_counter() - t:.0f} s", flush=True)


def raw_baseline(db: Path, rows: int) -> dict[str, float]:
    """The same reads on a bare sqlite3 connection, no Python layers, no Qt."""
    from local_db.entries import ROW_JOINS, ROW_SELECT
    out: dict[str, float] = {}
    con = sqlite3.connect(db)
    order = "ORDER BY e.year DESC, e.number DESC, e.number_suffix DESC"

    def timed(name: str, sql: str) -> None:
        t = time.perf_counter()
        con.execute(sql).fetchall()
        out[name] = (time.perf_counter() - t) * 1000
    timed("raw: count(*)", "SELECT count(*) FROM entry")
    timed("raw: first page (200 rows)", f"{ROW_SELECT} FROM entry e {ROW_JOINS} {order} LIMIT 200")
    out["raw: open = count + first page"] = out["raw: count(*)"] + out["raw: first page (200 rows)"]
    deep = rows // 2
    timed("raw: page at offset N/2 (LIMIT/OFFSET)",
          f"{ROW_SELECT} FROM entry e {ROW_JOINS} WHERE e.id IN (SELECT id FROM entry e {order} "
          f"LIMIT 200 OFFSET {deep}) {order}")
    timed("raw: all ids in register order", f"SELECT e.id FROM entry e {order}")
    con.close()
    return out


class StallMeter(QObject):
    """A fast timer on the GUI thread; a late tick means the event loop was blocked."""
    INTERVAL_MS = 2

    def __init__(self) -> None:
        super().__init__()
        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self.cpu: list[float] = []     # GUI thread CPU time spent within each gap
        self.proc: list[float] = []    # whole-process CPU time (GUI + workers) within each gap
        self._last_cpu = 0.0
        self._last_proc = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self._last = 0.0

    def start(self) -> None:
        self.gaps.clear()
        self.clock.start()
        self._last = self.clock.nsecsElapsed() / 1e6
        self._last_cpu = time.thread_time() * 1000
        self._last_proc = time.process_time() * 1000
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        cpu = time.thread_time() * 1000
        proc = time.process_time() * 1000
        self.gaps.append(now - self._last)
        self.cpu.append(cpu - self._last_cpu)
        self.proc.append(proc - self._last_proc)
        self._last, self._last_cpu, self._last_proc = now, cpu, proc

    def worst_stall_cpu(self) -> tuple[float, float]:
        """CPU time of the GUI thread and of the whole process inside the worst gap (what is left of
        the gap, the machine spent on other processes)."""
        if not self.gaps:
            return 0.0, 0.0
        i = max(range(len(self.gaps)), key=self.gaps.__getitem__)
        return self.cpu[i], self.proc[i]

    def worst_cpu(self) -> float:
        """The most CPU time the GUI thread itself spent between two ticks."""
        return max(0.0, max(self.cpu, default=0.0) - self.INTERVAL_MS)

    def worst_stall(self) -> float:
        return max(0.0, max(self.gaps, default=0.0) - self.INTERVAL_MS)

    def p99_stall(self) -> float:
        if len(self.gaps) < 100:
            return self.worst_stall()
        return max(0.0, statistics.quantiles(self.gaps, n=100)[98] - self.INTERVAL_MS)


class PaintTimer(QObject):
    """Measures every paint of the table's viewport (an event filter around QEvent.Paint)."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.durations: list[float] = []
        self._start = 0.0
        viewport.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._start = time.perf_counter()
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        if self._start:
            self.durations.append((time.perf_counter() - self._start) * 1000)
            self._start = 0.0


def run(data_dir: Path, rows: int, steps: int, seed: int) -> None:
    from desktop.app import garbage_collector, make_application
    from desktop.context import AppContext, Session
    from desktop.i18n import Language
    from desktop.settings import Settings
    from desktop.sync_state import SyncStatus
    from desktop.tasks import TaskManager
    from local_db import Registry
    from ui.main_window import MainWindow
    from ui.registry_model import RegistryModel

    baseline = raw_baseline(data_dir / "registru.sqlite", rows)

    app = make_application([])
    Language().install("ro")
    tasks = TaskManager()
    reg = Registry.open(data_dir)
    session = Session(reg.users.authenticate("admin", PASSWORD), reg.institution())
    ctx = AppContext(reg, tasks, Settings(Path(tempfile.mkdtemp()) / "settings.json"), session)

    def spin(until, timeout: float = 60.0) -> None:  # noqa: ANN001
        end = time.perf_counter() + timeout
        while not until():
            if time.perf_counter() > end:
                raise TimeoutError("the table did not settle")
            app.processEvents()

    # --- open ------------------------------------------------------------------------------------------
    garbage_collector().freeze()           # as desktop.app.Controller does right after the login
    t0 = time.perf_counter()
    window = MainWindow(ctx, SyncStatus())
    window.resize(1366, 768)
    window.show()
    built_ms = (time.perf_counter() - t0) * 1000
    model = window.panel.model
    table = window.panel.table
    spin(lambda: model.rowCount() > 0 and model.entry(0) is not None)
    table.viewport().repaint()
    opened_ms = (time.perf_counter() - t0) * 1000
    exact_at_open = model.exact and model.rowCount() == rows
    spin(lambda: model.has_snapshot)
    snapshot_ms = (time.perf_counter() - t0) * 1000

    # --- scripted scroll ---------------------------------------------------------------------------------
    rng = random.Random(seed)
    bar = table.verticalScrollBar()
    page = max(1, table.viewport().height())
    script: list[tuple[str, object]] = []
    for i in range(steps):
        kind = rng.random()
        if kind < 0.45:
            script.append(("page", page))                       # Page Down
        elif kind < 0.75:
            script.append(("drag", rng.randint(-20, 20) * page))  # dragging the thumb
        elif kind < 0.95:
            script.append(("jump", rng.random()))               # click somewhere on the scroll bar
        else:
            script.append(("end", None))
    script.insert(steps // 3, ("sort", RegistryModel.COLUMNS.index("date")))
    script.insert(2 * steps // 3, ("search", "cerere"))

    paint_ms = PaintTimer(table.viewport()).durations
    meter = StallMeter()
    step_ms: list[float] = []
    by_kind: dict[str, list[float]] = {}
    visible_rows_missing = 0
    position = iter(script)
    done = []

    def act() -> None:
        try:
            kind, arg = next(position)
        except StopIteration:
            done.append(True)
            return
        t = time.perf_counter()
        if kind == "page":
            bar.setValue(min(bar.maximum(), bar.value() + arg))
        elif kind == "drag":
            bar.setValue(max(0, min(bar.maximum(), bar.value() + arg)))
        elif kind == "jump":
            bar.setValue(int(bar.maximum() * arg))
        elif kind == "end":
            bar.setValue(bar.maximum())
        elif kind == "sort":
            table.sortByColumn(arg, table.horizontalHeader().sortIndicatorOrder())
        elif kind == "search":
            window.panel.search.setText(arg)
            window.panel.apply()
        step_ms.append((time.perf_counter() - t) * 1000)
        by_kind.setdefault(kind, []).append(step_ms[-1])

    driver = QTimer()
    driver.setInterval(16)   # a step per frame, as fast as a hand on the mouse wheel
    driver.timeout.connect(act)
    meter.start()
    driver.start()
    spin(lambda: bool(done), timeout=600)
    driver.stop()
    spin(lambda: tasks.running() == 0)
    meter.stop()

    # how many painted rows were still placeholders a moment after the last step
    top = table.rowAt(0)
    for r in range(max(0, top), max(0, top) + 30):
        if r < model.rowCount() and model.entry(r) is None:
            visible_rows_missing += 1

    print()
    print(f"Registry table, {rows:,} entries (offscreen, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end)")
    print("-" * 72)
    for name, ms in baseline.items():
        print(f"{name:48} {ms:8.1f} ms")
    print("-" * 72)
    print(f"{'desktop: open (first page painted, count known)':48} {opened_ms:8.1f} ms"
          f"   exact count at open: {exact_at_open}")
    print(f"{'  of which building and showing the window':48} {built_ms:8.1f} ms")
    print(f"{'desktop: key snapshot complete (background)':48} {snapshot_ms:8.1f} ms")
    print(f"{'desktop: open / raw open':48} {opened_ms / baseline['raw: open = count + first page']:8.1f} ×")
    print(f"{'scroll: steps (page/drag/jump/end/sort/search)':48} {len(step_ms):8d}")
    print(f"{'scroll: step handler, median':48} {statistics.median(step_ms):8.1f} ms")
    print(f"{'scroll: step handler, max':48} {max(step_ms):8.1f} ms")
    print(f"{'scroll: table repaint (1366x768), median / max':48} {statistics.median(paint_ms):8.1f} / "
          f"{max(paint_ms):.1f} ms")
    for kind, times in sorted(by_kind.items()):
        print(f"{'  step ' + kind + ': median / max':48} {statistics.median(times):8.1f} / {max(times):.1f} ms")
    gui_cpu, proc_cpu = meter.worst_stall_cpu()
    print(f"{'scroll: worst event-loop stall (wall clock)':48} {meter.worst_stall():8.1f} ms"
          f"   CPU in it: GUI thread {gui_cpu:.1f} ms, whole process {proc_cpu:.1f} ms")
    print(f"{'scroll: p99 event-loop stall (wall clock)':48} {meter.p99_stall():8.1f} ms")
    print(f"{'scroll: worst GUI-thread CPU between two ticks':48} {meter.worst_cpu():8.1f} ms")
    print(f"{'scroll: rows cached at the end (max 64 pages)':48} {sum(len(p) for p in model._pages.values()):8d}")
    print(f"{'scroll: placeholders left on screen after settling':48} {visible_rows_missing:8d}")
    window.close()
    tasks.shutdown()
    reg.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "out" / "ui-1m")
    parser.add_argument("--steps", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    prepare(args.data, args.rows)
    run(args.data, args.rows, args.steps, args.seed)


if __name__ == "__main__":
    main()
