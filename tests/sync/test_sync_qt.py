"""pytest-qt: the background worker syncs off the GUI thread and the status bar follows
offline → syncing → up to date, in plain Romanian words; local changes trigger a (debounced) sync."""
from __future__ import annotations

import threading

import pytest

pytest.importorskip("pytestqt")

from desktop.sync_worker import SyncWorker, UiSyncState  # noqa: E402
from sync.transport import Transport  # noqa: E402
from ui.sync_status import CountyInbox, HubDialog, SyncStatusWidget  # noqa: E402

from .conftest import register  # noqa: E402


def test_status_bar_offline_syncing_up_to_date(qtbot, make_site, hub, proxy) -> None:
    site = make_site()
    register(site.reg, 20)
    site.engine._factory = lambda *a, **k: Transport(*a, retries=0, **k)
    site.engine.close()
    worker = SyncWorker(site.reg, engine=site.engine, start_delay_ms=0, debounce_ms=50, period_ms=60_000,
                        backoff_base_ms=60_000)
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    seen: list[str] = []
    threads: list[bool] = []
    worker.state_changed.connect(widget.set_state)
    worker.state_changed.connect(lambda s: seen.append(s.phase))
    real = site.engine.sync_once

    def spy(*a, **k):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*a, **k)
    site.engine.sync_once = spy
    try:
        proxy.set_offline(True)
        worker.start()
        qtbot.waitUntil(lambda: widget.phase == "offline", timeout=20_000)
        assert "Fără conexiune" in widget.text() and "20" in widget.text() or "modificări" in widget.text()
        assert worker.failures == 1 and worker._next.isActive()  # retry scheduled with backoff
        proxy.set_offline(False)
        worker.sync_now()  # "Sincronizează acum"
        assert widget.phase == "syncing" and "Se sincronizează" in widget.text()
        qtbot.waitUntil(lambda: widget.phase == "up_to_date", timeout=20_000)
        assert "Sincronizat" in widget.text() and "Ultima sincronizare" in widget.text()
        assert seen[-3:] == ["offline", "syncing", "up_to_date"] or seen[-2:] == ["syncing", "up_to_date"]
        assert worker.failures == 0
        assert threads and not any(threads)  # never on the GUI thread
        # a local change → a debounced sync a moment later
        register(site.reg, 3, start=20)
        n = len(threads)
        worker.local_change()
        worker.local_change()
        qtbot.waitUntil(lambda: len(threads) == n + 1 and widget.phase == "up_to_date", timeout=20_000)
        assert site.reg.outbox_pending() == 0
    finally:
        worker.shutdown()


def test_backoff_grows_and_is_capped(qtbot, make_site) -> None:
    site = make_site(enrol=False)
    worker = SyncWorker(site.reg, engine=site.engine, backoff_base_ms=1000, backoff_max_ms=8000)
    try:
        delays = [worker.backoff_delay(n) for n in range(1, 8)]
        assert all(500 <= d <= 8000 for d in delays)
        assert max(delays[4:]) <= 8000 and worker.backoff_delay(1) <= 1000
    finally:
        worker.shutdown()


def test_not_enrolled_and_hub_dialog_enrols(qtbot, make_site, hub, proxy) -> None:
    site = make_site(enrol=False)
    worker = SyncWorker(site.reg, engine=site.engine, start_delay_ms=0)
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    worker.state_changed.connect(widget.set_state)
    try:
        worker.start()
        qtbot.waitUntil(lambda: widget.phase == "not_enrolled", timeout=10_000)
        assert "Neînrolat" in widget.text()
        dialog = HubDialog(worker, can_enrol=True)
        qtbot.addWidget(dialog)
        dialog.hub.setText(proxy.url)
        dialog.code.setText(hub.new_code(site.code))
        with qtbot.waitSignal(worker.enrol_finished, timeout=20_000) as blocker:
            dialog.enrol_button.click()
        assert blocker.args[0] is True and "Înrolat" in dialog.message.text()
        qtbot.waitUntil(lambda: widget.phase == "up_to_date", timeout=20_000)
        readonly = HubDialog(worker, can_enrol=False)
        qtbot.addWidget(readonly)
        assert not readonly.enrol_button.isEnabled() and "administrator" in readonly.message.text()
    finally:
        worker.shutdown()


def test_widget_words_for_every_state(qtbot) -> None:
    w = SyncStatusWidget()
    qtbot.addWidget(w)
    w.set_state(UiSyncState("reenrol", error="Tokenul acestui dispozitiv a fost revocat"))
    assert "Reînrolare necesară" in w.text() and "revocat" in w.toolTip()
    w.set_state(UiSyncState("up_to_date", pending=0, last_success="2026-11-25T12:00:00+00:00", skew_s=400.0,
                            skew_warning=True))
    assert "ceasul diferă" in w.text() and "400 secunde" in w.toolTip()
    w.set_state(UiSyncState("error", error="Hub-ul a răspuns cu o eroare: 500"))
    assert "Eroare la sincronizare" in w.text() and "500" in w.toolTip()


def test_county_inbox_shows_notices(qtbot, make_site, hub) -> None:
    from desktop.tasks import TaskManager
    from tests.sync.test_county import publish

    site = make_site()
    publish(hub, "notices", [{"title": "Ședință de instruire", "body": "Joi, la ora 10.",
                              "published_at": "2026-11-21T08:00:00Z"}], to=[site.code])
    site.engine.sync_once()

    class App:
        registry = site.reg
        tasks = TaskManager()
    try:
        inbox = CountyInbox(App)
        qtbot.addWidget(inbox)
        qtbot.waitUntil(lambda: inbox.list.count() == 1, timeout=10_000)
        assert "Ședință de instruire" in inbox.list.item(0).text()
        inbox.list.setCurrentRow(0)
        assert "Joi, la ora 10." in inbox.body.toPlainText()
    finally:
        App.tasks.shutdown()
