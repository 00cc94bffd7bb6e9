"""Entries: validation with the field named, identifiers, deadlines, assign/resolve/link/extend, roles."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from local_db import Filters, NewEntry, Party, Registry, SYSTEM
from local_db.errors import PermissionDenied, StateError, ValidationError

from .helpers import FakeClock, outgoing, petition


def test_register_returns_number_date_deadline_and_masks_the_cnp(registry: Registry) -> None:
    v = registry.entries.register(SYSTEM, petition(idno="1630615123457", pages=3, annexes=1))
    assert (v.number, v.status, v.pages, v.annexes) == (1, "registered", 3, 1)
    assert v.sender.idno == "1********3457"           # masked in the normal view
    assert registry.entries.search()[0].party == "Ion Popescu"
    full = registry.entries.get(v.ref, SYSTEM, reveal_identifiers=True)
    assert full.sender.idno == "1630615123457"
    assert [h.action for h in registry.entries.history(v.ref)] == ["register", "view_identifiers"]


@pytest.mark.parametrize("idno,kind,ok", [
    ("1630615123457", "person", True), ("1630615123458", "person", False), ("163061512345", "person", False),
    ("18547290", "institution", True), ("RO18547290", "institution", True), ("18547291", "institution", False),
    ("RO 1854 7290", "institution", True), ("abc", "institution", False),
])
def test_cnp_and_cui_are_checked_by_checksum(registry: Registry, idno: str, kind: str, ok: bool) -> None:
    new = NewEntry(direction="in", subject="Cerere", sender=Party("X", kind, idno))
    if ok:
        registry.entries.register(SYSTEM, new)
    else:
        with pytest.raises(ValidationError) as exc:
            registry.entries.register(SYSTEM, new)
        assert exc.value.field == "sender_idno"
        assert idno.strip() in str(exc.value) and ("CNP" in str(exc.value) or "CUI" in str(exc.value))
        assert registry.entries.count() == 0


@pytest.mark.parametrize("new,field", [
    (NewEntry(direction="in", subject="", sender=Party("A")), "subject"),
    (NewEntry(direction="in", subject="x", sender=Party("")), "sender_name"),
    (NewEntry(direction="out", subject="x"), "recipient_name"),
    (NewEntry(direction="sideways", subject="x"), "direction"),
    (NewEntry(direction="in", subject="x" * 501, sender=Party("A")), "subject"),
    (NewEntry(direction="in", subject="x", sender=Party("A"), doc_type="NU-EXISTA"), "doc_type"),
    (NewEntry(direction="in", subject="x", sender=Party("A"), compartment="ZZZ"), "compartment"),
    (NewEntry(direction="in", subject="x", sender=Party("A"), pages=-1), "pages"),
    (NewEntry(direction="in", subject="x", sender=Party("A"), reply_to="12-2026"), "reply_to"),
])
def test_bad_input_names_the_field_and_writes_nothing(registry: Registry, new: NewEntry, field: str) -> None:
    before = registry.outbox_pending()
    with pytest.raises(ValidationError) as exc:
        registry.entries.register(SYSTEM, new)
    assert exc.value.field == field
    assert registry.entries.count() == 0 and registry.outbox_pending() == before


def test_text_is_normalised_to_comma_below_letters(registry: Registry) -> None:
    v = registry.entries.register(SYSTEM, petition(subject="  Şedinţă consiliu\x00 ", sender="Ştefan Ţurcanu"))
    assert v.subject == "Ședință consiliu" and v.sender.name == "Ștefan Țurcanu"


def test_petition_deadline_is_30_days_rolled_to_a_working_day(data_dir: Path) -> None:
    clock = FakeClock(2026, 11, 25, 10, 0)   # +30 days = 25 Dec (Christmas) -> 26 holiday, 27 Sunday -> 28
    with Registry.open(data_dir, clock=clock) as reg:
        assert reg.entries.register(SYSTEM, petition()).deadline == "2026-12-28"
        assert reg.entries.deadline_for("INFO-544", date(2026, 3, 2)) == date(2026, 3, 12)
        # working-day rule: 2 working days from Friday 2026-05-29 skip the weekend and 1 June (Rusalii)
        assert reg.entries.deadline_for("CERT-FISCAL", date(2026, 5, 29)) == date(2026, 6, 3)
        assert reg.entries.register(SYSTEM, petition(doc_type="NOTA-INTERNA")).deadline is None


def test_extension_is_recorded_and_bounded_by_the_document_type(data_dir: Path) -> None:
    clock = FakeClock(2026, 3, 2, 10, 0)
    with Registry.open(data_dir, clock=clock) as reg:
        v = reg.entries.register(SYSTEM, petition())
        assert v.deadline == "2026-04-01"
        with pytest.raises(ValidationError) as exc:
            reg.entries.extend_deadline(SYSTEM, v.ref, 16, "Necesită verificare pe teren")
        assert exc.value.field == "days"
        e = reg.entries.extend_deadline(SYSTEM, v.ref, 15, "Necesită verificare pe teren")
        assert (e.deadline, e.deadline_original) == ("2026-04-16", "2026-04-01")
        ev = [h for h in reg.entries.history(v.ref) if h.action == "extend_deadline"]
        assert len(ev) == 1 and "Necesită verificare pe teren" in ev[0].before


def test_assign_resolve_with_new_reply_and_links(registry: Registry) -> None:
    a = registry.entries.register(SYSTEM, petition())
    v = registry.entries.assign(SYSTEM, a.ref, compartment="URB", assignee="ion", instruction="Verificați")
    assert (v.status, v.compartment, v.assignee, v.instruction) == ("assigned", "URB", "ion", "Verificați")
    r = registry.entries.resolve(SYSTEM, a.ref, "answered", "Răspuns favorabil",
                                 reply=outgoing("Răspuns la sesizarea privind drumul"))
    assert r.status == "resolved" and r.reply == "2/" + str(a.year)
    reply = registry.entries.get(r.reply)
    assert reply.direction == "out"
    assert [(l.kind, l.ref) for l in reply.links] == [("reply_to", a.ref)]
    assert [(l.kind, l.ref) for l in registry.entries.get(a.ref).links] == [("reply", reply.ref)]
    with pytest.raises(StateError):
        registry.entries.resolve(SYSTEM, a.ref, "answered")


def test_registering_a_reply_resolves_the_request(registry: Registry) -> None:
    a = registry.entries.register(SYSTEM, petition())
    b = registry.entries.register(SYSTEM, outgoing(reply_to=a.ref))
    got = registry.entries.get(a.ref)
    assert (got.status, got.resolution_kind, got.reply) == ("resolved", "answered", b.ref)


def test_resolve_links_an_existing_outgoing_entry_only(registry: Registry) -> None:
    a = registry.entries.register(SYSTEM, petition())
    b = registry.entries.register(SYSTEM, petition(subject="Alta"))
    with pytest.raises(ValidationError):
        registry.entries.resolve(SYSTEM, a.ref, "answered", reply_ref=b.ref)
    c = registry.entries.register(SYSTEM, outgoing())
    assert registry.entries.resolve(SYSTEM, a.ref, "answered", reply_ref=c.ref).reply == c.ref


def test_joined_and_related_links(registry: Registry) -> None:
    a = registry.entries.register(SYSTEM, petition())
    b = registry.entries.register(SYSTEM, petition(subject="Aceeași problemă, a doua oară"))
    v = registry.entries.link(SYSTEM, b.ref, a.ref, "joined")
    assert v.joined_to == a.ref and [(l.kind, l.ref) for l in v.links] == [("joined", a.ref)]
    with pytest.raises(ValidationError):
        registry.entries.link(SYSTEM, a.ref, a.ref)


def test_cancelled_entries_refuse_changes(registry: Registry) -> None:
    a = registry.entries.register(SYSTEM, petition())
    registry.entries.cancel(SYSTEM, a.ref, "greșeală")
    for call in (lambda: registry.entries.assign(SYSTEM, a.ref, "URB"),
                 lambda: registry.entries.resolve(SYSTEM, a.ref, "answered"),
                 lambda: registry.entries.extend_deadline(SYSTEM, a.ref, 5, "x")):
        with pytest.raises(StateError):
            call()


def test_roles_are_enforced_by_the_core(registry: Registry) -> None:
    clerk = registry.users.authenticate("maria", "parola-maria-1")
    staff = registry.users.authenticate("ion", "parola-ion-12")
    a = registry.entries.register(clerk, petition())
    with pytest.raises(PermissionDenied):
        registry.entries.extend_deadline(clerk, a.ref, 5, "x")
    with pytest.raises(PermissionDenied):
        registry.entries.cancel(staff, a.ref, "x")
    with pytest.raises(PermissionDenied):
        registry.users.add(clerk, "nou", "parola-noua-1", "admin")
    with pytest.raises(PermissionDenied):
        registry.entries.get(a.ref, staff, reveal_identifiers=True)
    assert registry.entries.resolve(staff, a.ref, "filed_no_action", "Clasat").status == "resolved"


def test_overdue_and_due_soon(data_dir: Path) -> None:
    clock = FakeClock(2026, 3, 2, 10, 0)
    with Registry.open(data_dir, clock=clock) as reg:
        info = reg.entries.register(SYSTEM, petition(doc_type="INFO-544"))       # due 12 March
        pet = reg.entries.register(SYSTEM, petition())                          # due 1 April
        done = reg.entries.register(SYSTEM, petition(doc_type="INFO-544"))
        reg.entries.resolve(SYSTEM, done.ref, "answered")
        clock.set(2026, 3, 10, 9, 0)
        assert [r.ref for r in reg.entries.search(Filters(due_within_days=3))] == [info.ref]
        assert reg.entries.search(Filters(overdue=True)) == []
        clock.set(2026, 3, 13, 9, 0)
        over = reg.entries.search(Filters(overdue=True))
        assert [r.ref for r in over] == [info.ref] and over[0].overdue
        assert reg.entries.get(info.ref).overdue and not reg.entries.get(pet.ref).overdue


def test_party_autocomplete_from_history(registry: Registry) -> None:
    for name in ("Primăria Cluj-Napoca", "Prefectura Cluj", "Prefectura Cluj", "Ion Pop"):
        registry.entries.register(SYSTEM, petition(sender=name, kind="institution"))
    assert [p.name for p in registry.entries.suggest_parties("Pre")] == ["Prefectura Cluj"]
    assert [p.name for p in registry.entries.suggest_parties("pr")][:2] == ["Prefectura Cluj", "Primăria Cluj-Napoca"]
    assert registry.entries.suggest_parties("%") == []
