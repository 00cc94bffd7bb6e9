"""Realistic demo data for screenshots, benchmarks and UI tests (a developer tool, not used at run time).

Two ways in:

* `register_demo(registry, actor, count)` registers entries through the real core API (numbered,
  audited, in the outbox) — what screenshots and user-guide pictures use.
* `fill_bulk(registry, count)` writes many entries fast with SQLAlchemy Core bulk inserts, the FTS
  triggers dropped and the index rebuilt afterwards. These rows bypass the audit log on purpose (a
  million audited registrations would take hours), so `verify()` reports them as unaudited: use it only
  on throw-away data dirs (benchmarks, table tests).
"""
from __future__ import annotations

import random
import uuid as uuidlib
from datetime import date, datetime, time, timedelta
from typing import Callable, Iterator

from sqlalchemy import insert, select, text

from local_db import Actor, NewEntry, Party, Registry
from local_db.models import Compartment, DocType, Entry, Register, User
from local_db.search import rebuild_index

FIRST_NAMES = ("Ion", "Maria", "Gheorghe", "Elena", "Vasile", "Ioana", "Constantin", "Ana", "Dumitru", "Mihaela",
               "Nicolae", "Florica", "Ștefan", "Cristina", "Petru", "Rodica", "Mircea", "Viorica", "Tudor",
               "Lăcrămioara", "Răzvan", "Ileana", "Costică", "Aurelia", "Sorin", "Paraschiva", "Țică", "Anișoara")
LAST_NAMES = ("Popescu", "Pop", "Moldovan", "Rus", "Mureșan", "Chiriac", "Ionescu", "Țurcanu", "Bălan",
              "Stănescu", "Dumitrescu", "Crăciun", "Vlădescu", "Oprea", "Mărginean", "Sârbu", "Pădureanu",
              "Cîmpeanu", "Nistor", "Șerban", "Tănase", "Lungu", "Iordache", "Bârlea", "Zăgrean", "Florea")
VILLAGES = ("Florești", "Luna de Sus", "Tăuți", "Sânmărtin", "Vâlcele", "Gârbău", "Dezmir", "Șardu")
STREETS = ("Principală", "Libertății", "Morii", "Bisericii", "Școlii", "Avram Iancu", "Pădurii", "Florilor")
INSTITUTIONS = (
    "Instituția Prefectului — Județul Cluj", "Consiliul Județean Cluj", "AJFP Cluj — Administrația Finanțelor",
    "OCPI Cluj — Oficiul de Cadastru", "ISU „Avram Iancu” Cluj", "DGASPC Cluj", "Direcția Județeană de Statistică",
    "Serviciul Județean Cluj al Arhivelor Naționale", "Judecătoria Cluj-Napoca", "Agenția pentru Protecția Mediului",
    "Poliția comunală", "Școala Gimnazială „Ion Creangă”", "SC Apă-Canal SA", "Direcția Silvică Cluj",
    "Casa Județeană de Pensii", "AJOFM Cluj", "Camera Notarilor Publici", "Garda de Mediu",
)
SUBJECTS = {
    "PETITIE": ("Sesizare privind starea drumului comunal DC 140", "Reclamație câini fără stăpân pe ulița Morii",
                "Cerere iluminat public pe strada Pădurii", "Sesizare groapă de gunoi necontrolată lângă pârâu",
                "Reclamație zgomot de la atelierul de tâmplărie", "Cerere reparare podeț peste șanț",
                "Sesizare privind deszăpezirea în satul Tăuți", "Propunere amenajare loc de joacă"),
    "INFO-544": ("Solicitare informații privind bugetul local pe anul în curs",
                 "Cerere copie după contractul de salubrizare", "Informații despre proiectele de investiții"),
    "CERT-ATEST": ("Cerere adeverință de rol agricol", "Cerere adeverință pentru APIA",
                   "Cerere certificat de producător", "Cerere adeverință de venit agricol"),
    "CERT-FISCAL": ("Cerere certificat de atestare fiscală pentru notar",
                    "Certificat fiscal pentru vânzare autoturism"),
    "URB-CU": ("Cerere certificat de urbanism pentru construire casă", "Certificat de urbanism — alipire terenuri",
               "Certificat de urbanism pentru branșament gaz"),
    "URB-AC": ("Cerere autorizație de construire anexă gospodărească", "Autorizație de desființare șură veche"),
    "TAXE-CERERE": ("Cerere scutire impozit clădire — veteran", "Cerere restituire sumă plătită în plus",
                    "Cerere compensare impozit teren"),
    "AJUTOR-SOCIAL": ("Cerere ajutor pentru încălzirea locuinței", "Cerere venit minim de incluziune",
                      "Cerere alocație pentru susținerea familiei"),
    "REG-AGRICOL": ("Declarație registrul agricol — efective de animale", "Declarație suprafețe cultivate"),
    "SUCCESIUNE": ("Sesizare deschidere procedură succesorală", "Solicitare sentință de moștenitor"),
    "CIRCULARA": ("Circulară privind recensământul general agricol", "Adresă privind pregătirea sezonului rece",
                  "Circulară privind plata indemnizațiilor", "Instrucțiuni pentru alegerile locale"),
    "INSTANTA": ("Citație în dosarul civil nr. 1234/211/2026", "Comunicare sentință civilă de partaj"),
    "CORESP-INST": ("Solicitare situație statistică trimestrială", "Adresă privind actualizarea cadastrului",
                    "Raport privind inspecția ISU la școală"),
}
OUT_SUBJECTS = ("Răspuns la sesizarea privind drumul comunal", "Comunicare privind soluționarea petiției",
                "Transmitere situație statistică", "Adresă către Prefectură privind dispozițiile emise",
                "Înștiințare privind amânarea termenului de răspuns", "Răspuns la cererea de informații publice")
INTERNAL_SUBJECTS = ("Referat de necesitate achiziție materiale de birou", "Dispoziția primarului privind concediile",
                     "Notă internă privind programul cu publicul", "Proiect de hotărâre privind bugetul local")


def person(rng: random.Random) -> Party:
    village = rng.choice(VILLAGES)
    return Party(f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", "person", "",
                 f"sat {village}, str. {rng.choice(STREETS)} nr. {rng.randint(1, 250)}")


def institution(rng: random.Random) -> Party:
    return Party(rng.choice(INSTITUTIONS), "institution", "", "")


def random_new_entry(rng: random.Random, compartments: list[str]) -> NewEntry:
    """One plausible registration: mostly incoming petitions and requests, some outgoing and internal."""
    roll = rng.random()
    if roll < 0.78:
        doc_type = rng.choice(list(SUBJECTS))
        from_institution = doc_type in ("CIRCULARA", "INSTANTA", "CORESP-INST")
        sender = institution(rng) if from_institution else person(rng)
        return NewEntry(direction="in", subject=rng.choice(SUBJECTS[doc_type]), doc_type=doc_type, sender=sender,
                        channel=rng.choice(("desk", "desk", "desk", "post", "email")),
                        issuer_ref=f"{rng.randint(100, 9999)}/{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}"
                        if from_institution else "",
                        pages=rng.randint(1, 12), annexes=rng.randint(0, 4),
                        compartment=rng.choice(compartments) if rng.random() < 0.7 else None)
    if roll < 0.93:
        return NewEntry(direction="out", subject=rng.choice(OUT_SUBJECTS), doc_type="RASPUNS",
                        recipient=institution(rng) if rng.random() < 0.5 else person(rng),
                        channel=rng.choice(("post", "email", "desk")), pages=rng.randint(1, 4))
    return NewEntry(direction="internal", subject=rng.choice(INTERNAL_SUBJECTS), doc_type="NOTA-INTERNA",
                    pages=rng.randint(1, 5), compartment=rng.choice(compartments))


def register_demo(registry: Registry, actor: Actor, count: int, seed: int = 3) -> list[str]:
    """Register `count` realistic entries through the core API; returns their references."""
    rng = random.Random(seed)
    compartments = [c.code for c in registry.nomenclator.compartments()]
    return [registry.entries.register(actor, random_new_entry(rng, compartments)).ref for _ in range(count)]


def _bulk_rows(rng: random.Random, count: int, years: list[int], ids: dict,
               today: date) -> Iterator[dict]:
    per_year = max(1, count // len(years))
    compartments = ids["compartment"]            # code -> id
    codes = list(compartments)
    users = ids["user"] or [None]
    doc_types = ids["doc_type"]
    n = 0
    for yi, year in enumerate(years):
        in_year = per_year if yi < len(years) - 1 else count - per_year * (len(years) - 1)
        last_day = min(date(year, 12, 31), today)
        span = max(1, (last_day - date(year, 1, 1)).days)
        for number in range(1, in_year + 1):
            day = date(year, 1, 1) + timedelta(days=span * number // max(1, in_year))
            at = datetime.combine(day, time(8, 0)) + timedelta(seconds=rng.randint(0, 8 * 3600))
            ts = at.isoformat(timespec="seconds")
            new = random_new_entry(rng, codes)
            deadline = (day + timedelta(days=30)).isoformat() if new.direction == "in" else None
            status = rng.choices(("registered", "assigned", "resolved", "cancelled"), (1, 3, 10, 0.3))[0]
            if deadline and deadline >= today.isoformat() and status == "resolved":
                status = "assigned"
            n += 1
            yield {
                "uuid": str(uuidlib.UUID(int=rng.getrandbits(128), version=4)), "register_id": ids["register"][0],
                "year": year, "number": number, "number_suffix": "", "registered_at": ts,
                "reg_date": day.isoformat(), "direction": new.direction,
                "doc_type_id": doc_types.get(new.doc_type or ""), "channel": new.channel,
                "issuer_ref": new.issuer_ref, "sender_kind": new.sender.kind, "sender_name": new.sender.name,
                "sender_idno": "", "sender_address": new.sender.address, "recipient_kind": new.recipient.kind,
                "recipient_name": new.recipient.name, "recipient_idno": "", "recipient_address": "",
                "subject": new.subject, "summary": "", "pages": new.pages, "annexes": new.annexes,
                "compartment_id": (compartments[new.compartment or rng.choice(codes)]
                                   if status != "registered" else None),
                "assignee_id": rng.choice(users) if status != "registered" and rng.random() < 0.5 else None,
                "instruction": "", "deadline": deadline, "deadline_original": deadline, "status": status,
                "resolution_kind": "answered" if status == "resolved" else "", "resolution": "",
                "resolved_at": ts if status == "resolved" else None, "reply_entry_id": None,
                "dispatch_date": None, "joined_to": "", "dossier_indicator": "",
                "cancelled_reason": "Înregistrare greșită" if status == "cancelled" else "",
                "cancelled_at": ts if status == "cancelled" else None,
                "cancelled_by": "admin" if status == "cancelled" else "", "source": "import",
                "created_by": "import", "updated_at": ts, "version": 1,
            }


def fill_bulk(registry: Registry, count: int, years: list[int] | None = None, seed: int = 11,
              batch: int = 20000, progress: Callable[[int, int], None] | None = None) -> None:
    """Insert `count` unaudited demo entries fast (Core inserts, FTS rebuilt once at the end)."""
    rng = random.Random(seed)
    today = registry.db.today()
    years = years or [today.year]
    with registry.db.write() as s:
        ids = {
            "register": list(s.execute(select(Register.id).order_by(Register.id)).scalars()),
            "compartment": dict(s.execute(select(Compartment.code, Compartment.id)).all()),
            "user": list(s.execute(select(User.id)).scalars()),
            "doc_type": dict(s.execute(select(DocType.code, DocType.id)).all()),
        }
        if s.execute(select(Entry.id).limit(1)).first() is not None:
            raise ValueError("fill_bulk needs a registry without entries")
        triggers = [r[0] for r in s.execute(text(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'entry_fts_%'"))]
        for name in s.execute(text("SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE 'entry_fts_%'")
                              ).scalars().all():
            s.execute(text(f'DROP TRIGGER "{name}"'))
        rows: list[dict] = []
        done = 0
        for row in _bulk_rows(rng, count, years, ids, today):
            rows.append(row)
            if len(rows) >= batch:
                s.execute(insert(Entry.__table__), rows)
                done += len(rows)
                rows = []
                if progress:
                    progress(done, count)
        if rows:
            s.execute(insert(Entry.__table__), rows)
        rebuild_index(s.connection().connection.driver_connection)
        for sql in triggers:
            s.execute(text(sql))
    if progress:
        progress(count, count)
