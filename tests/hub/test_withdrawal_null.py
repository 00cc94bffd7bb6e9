"""A withdrawn publication (payload None) is SQL NULL: the stream's count and checksum leave it out,
a rebuild drops it, and publishing the item again works (the checksum a client compares with)."""
from __future__ import annotations

from hub import streams
from hub.publications import validate
from sync.protocol import stream_checksum

from .conftest import HubServer


def test_withdrawn_items_leave_the_checksum(sqlite_hub: HubServer) -> None:
    dev = sqlite_hub.enrol(sqlite_hub.new_commune())
    streams.publish(sqlite_hub.db, "holidays", validate("holidays", [{"date": "2026-12-24", "name": "Liber"},
                                                                    {"date": "2026-12-31", "name": "Liber"}]),
                    None, by="test")
    streams.publish(sqlite_hub.db, "holidays", [streams.Publication("2026-12-24", "holiday", None)], None, by="test")
    page = dev.client.get("/api/v1/streams/holidays").json()
    assert page["total"] == 1
    assert page["checksum"] == stream_checksum([("2026-12-31", 1)])
    streams.rebuild(sqlite_hub.db, "holidays")
    page = dev.client.get("/api/v1/streams/holidays").json()
    assert [i["id"] for i in page["items"]] == ["2026-12-31"] and page["total"] == 1
    # published again after the withdrawal: a new version, visible
    streams.publish(sqlite_hub.db, "holidays", validate("holidays", [{"date": "2026-12-24", "name": "Liber"}]),
                    None, by="test")
    page = dev.client.get("/api/v1/streams/holidays").json()
    assert page["total"] == 2
