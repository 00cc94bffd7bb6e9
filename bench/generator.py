"""Realistic synthetic registers for benchmarks and demos: Romanian names and localities, subjects with
diacritics, a year's mix of document types (petitions, certificates, urbanism, taxes, correspondence).

    rows = list(generate_rows(10_000, year=2026, seed=1))   # dicts ready for Core insert into `entry`
    bulk_load(data_dir, 1_000_000)                           # fast load into an initialised data dir

`bulk_load` uses raw executemany with the FTS triggers suspended and one set-based FTS insert at
the end (CONVENTIONS.md: per-row triggers cost ~5x more on a million rows). Bulk-loaded rows carry no
audit events (they are benchmark data, not registrations), so `verify` reports them as unaudited.
"""
from __future__ import annotations

import random
import sqlite3
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator

from local_db.search import index_entries

FIRST = ["Ion", "Maria", "Gheorghe", "Elena", "Vasile", "Ioana", "Constantin", "Ana", "Mihai", "Mihaela", "Ștefan",
         "Floarea", "Nicolae", "Viorica", "Dumitru", "Rodica", "Petru", "Cristina", "Alexandru", "Lăcrămioara",
         "Gavril", "Aurelia", "Teodor", "Ileana", "Radu", "Paraschiva", "Cosmin", "Anișoara", "Sorin", "Tămâița"]
LAST = ["Pop", "Popescu", "Moldovan", "Mureșan", "Rus", "Pășcuț", "Țurcanu", "Crișan", "Sălăjan", "Bălan", "Chiș",
        "Fărcaș", "Oltean", "Câmpean", "Tămaș", "Bogdan", "Șerban", "Dumitrescu", "Ștefănescu", "Mărginean", "Pârvu",
        "Hoțopan", "Morar", "Lupșe", "Suciu", "Vlad", "Ardelean", "Covaci", "Țăranu", "Mocanu"]
VILLAGES = ["Florești", "Luna de Sus", "Tăuți", "Gârbău", "Săliștea Nouă", "Vâlcele", "Sânpaul", "Chinteni",
            "Feleacu", "Ciurila", "Sălicea", "Aiton", "Mărișel", "Bădeni", "Deușu", "Măguri-Răcătău"]
INSTITUTIONS = ["Instituția Prefectului Județul Cluj", "Consiliul Județean Cluj", "AJFP Cluj",
                "Oficiul de Cadastru și Publicitate Imobiliară Cluj", "ISU Someș Cluj", "DGASPC Cluj",
                "Direcția Județeană de Statistică Cluj", "Serviciul Județean Cluj al Arhivelor Naționale",
                "Judecătoria Cluj-Napoca", "Agenția de Plăți și Intervenție pentru Agricultură",
                "SC Apa Someș SA", "Inspectoratul Școlar Județean Cluj", "Curtea de Conturi - Camera Cluj",
                "Garda Națională de Mediu", "Direcția Sanitar-Veterinară Cluj"]
PETITION_TOPICS = ["starea drumului comunal", "iluminatul public", "câinii fără stăpân", "colectarea deșeurilor",
                   "scurgerea apelor pluviale", "zgomotul de la localul din centru", "podețul deteriorat",
                   "tăierea arborilor de pe marginea drumului", "racordarea la rețeaua de apă",
                   "transportul școlar", "curățarea șanțurilor", "pășunatul pe terenul vecinului"]
TEMPLATES = [
    ("PETITIE", "in", 0.22, "Sesizare privind {topic} în satul {village}"),
    ("PETITIE", "in", 0.06, "Reclamație privind {topic}"),
    ("INFO-544", "in", 0.05, "Solicitare informații de interes public privind {info}"),
    ("CERT-ATEST", "in", 0.14, "Cerere eliberare adeverință de rol agricol pentru {purpose}"),
    ("CERT-FISCAL", "in", 0.08, "Cerere certificat de atestare fiscală pentru {purpose}"),
    ("URB-CU", "in", 0.06, "Cerere certificat de urbanism pentru construire locuință în satul {village}"),
    ("URB-AC", "in", 0.03, "Cerere autorizație de construire anexă gospodărească, satul {village}"),
    ("TAXE-DECL", "in", 0.07, "Declarație de impunere clădiri persoane fizice"),
    ("REG-AGRICOL", "in", 0.05, "Declarație registrul agricol – efective de animale"),
    ("AJUTOR-SOCIAL", "in", 0.04, "Cerere ajutor pentru încălzirea locuinței"),
    ("CORESP-PREFECT", "in", 0.04, "Adresă privind {circular}"),
    ("CORESP-CJ", "in", 0.03, "Circulară privind {circular}"),
    ("CORESP-INST", "out", 0.04, "Răspuns la adresa privind {circular}"),
    ("RASPUNS", "out", 0.05, "Răspuns la sesizarea privind {topic}"),
    ("DISPOZITIE", "internal", 0.02, "Dispoziția primarului privind {internal}"),
    ("NOTA-INTERNA", "internal", 0.02, "Referat privind {internal}"),
]
INFO = ["bugetul local pe anul {year}", "contractele de achiziție publică", "lucrările de asfaltare",
        "salarizarea personalului", "hotărârile consiliului local", "proiectele cu finanțare europeană"]
PURPOSES = ["APIA", "succesiune", "dosar de bursă", "bancă", "notariat", "ajutor social", "instanță"]
CIRCULARS = ["recensământul general agricol", "situațiile de urgență", "ședința colegiului prefectural",
             "raportarea execuției bugetare", "inventarierea bunurilor din domeniul public",
             "organizarea alegerilor", "prevenirea incendiilor", "vaccinarea antirabică"]
INTERNAL = ["constituirea comisiei de inventariere", "convocarea ședinței ordinare a consiliului local",
            "aprobarea planului de achiziții", "numirea comisiei de selecție a documentelor"]

_WEIGHTS = [t[2] for t in TEMPLATES]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(LAST)} {rng.choice(FIRST)}"


def generate_rows(n: int, year: int = 2026, seed: int = 1, start_number: int = 1,
                  doc_type_ids: dict[str, int] | None = None, register_id: int = 1,
                  compartment_ids: list[int] | None = None) -> Iterator[dict]:
    """Dicts with the `entry` table's columns, numbers from `start_number`, dates spread over the year."""
    rng = random.Random(seed)
    day0 = date(year, 1, 2)
    span = max(1, (date(year, 12, 30) - day0).days)
    for i in range(n):
        code, direction, _, template = rng.choices(TEMPLATES, weights=_WEIGHTS)[0]
        d = day0 + timedelta(days=span * i // max(n, 1))
        at = datetime(d.year, d.month, d.day, 8 + rng.randint(0, 8), rng.randint(0, 59), rng.randint(0, 59))
        subject = template.format(topic=rng.choice(PETITION_TOPICS), village=rng.choice(VILLAGES),
                                  info=rng.choice(INFO).format(year=year), purpose=rng.choice(PURPOSES),
                                  circular=rng.choice(CIRCULARS), internal=rng.choice(INTERNAL))
        person = _person(rng)
        inst = rng.choice(INSTITUTIONS)
        from_institution = code.startswith("CORESP")
        sender = "" if direction == "out" else (inst if from_institution else person)
        recipient = (inst if from_institution else person) if direction == "out" else ""
        deadline = (d + timedelta(days=30)).isoformat() if code in ("PETITIE", "URB-AC", "CERT-ATEST") else None
        status = rng.choices(["registered", "assigned", "resolved", "cancelled"], weights=[10, 25, 63, 2])[0]
        yield {
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "register_id": register_id, "year": year,
            "number": start_number + i, "number_suffix": "", "registered_at": at.isoformat() + "+02:00",
            "reg_date": d.isoformat(), "direction": direction,
            "doc_type_id": (doc_type_ids or {}).get(code), "channel": rng.choice(["desk", "desk", "desk", "post", "email"]),
            "issuer_ref": f"{rng.randint(100, 9999)}/{(d - timedelta(days=rng.randint(1, 9))):%d.%m.%Y}" if from_institution else "",
            "sender_kind": "institution" if from_institution else "person", "sender_name": sender, "sender_idno": "",
            "sender_address": f"sat {rng.choice(VILLAGES)}, nr. {rng.randint(1, 400)}" if sender == person else "",
            "recipient_kind": "institution" if from_institution else "person", "recipient_name": recipient,
            "recipient_idno": "", "recipient_address": "", "subject": subject,
            "summary": "", "pages": rng.randint(1, 12), "annexes": rng.randint(0, 3),
            "compartment_id": rng.choice(compartment_ids) if compartment_ids and status != "registered" else None,
            "assignee_id": None, "instruction": "", "deadline": deadline, "deadline_original": deadline,
            "status": status, "resolution_kind": "answered" if status == "resolved" else "",
            "resolution": "", "resolved_at": None, "reply_entry_id": None, "dispatch_date": None, "joined_to": "",
            "dossier_indicator": "", "cancelled_reason": "Înregistrare greșită" if status == "cancelled" else "",
            "cancelled_at": None, "cancelled_by": "", "source": "import", "created_by": "bench",
            "updated_at": at.isoformat() + "+02:00", "version": 1,
        }


FTS_TRIGGERS = ("entry_fts_ai", "entry_fts_au", "entry_fts_ad")


def bulk_load(db_path: Path, n: int, years: tuple[int, ...] = (2026,), seed: int = 1, batch: int = 20000,
              progress=None) -> None:  # noqa: ANN001
    """Append `n` generated entries (split across `years`) to an initialised database, fast."""
    con = sqlite3.connect(db_path)
    try:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=OFF")
        doc_ids = dict(con.execute("SELECT code, id FROM doc_type"))
        comp_ids = [r[0] for r in con.execute("SELECT id FROM compartment")]
        reg_id = con.execute("SELECT id FROM register WHERE kind = 'general' ORDER BY id").fetchone()[0]
        triggers = {name: sql for name, sql in con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?, ?)", FTS_TRIGGERS)}
        for name in triggers:
            con.execute(f"DROP TRIGGER {name}")
        cols = None
        done = 0
        first_id = con.execute("SELECT COALESCE(MAX(id), 0) FROM entry").fetchone()[0]
        per_year = n // len(years)
        for k, year in enumerate(years):
            count = per_year if k < len(years) - 1 else n - per_year * (len(years) - 1)
            start = (con.execute("SELECT COALESCE(MAX(number), 0) FROM entry WHERE year = ?", (year,)).fetchone()[0]) + 1
            rows = generate_rows(count, year, seed + k, start, doc_ids, reg_id, comp_ids)
            buf: list[tuple] = []
            for row in rows:
                if cols is None:
                    cols = list(row)
                    sql = f"INSERT INTO entry ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
                buf.append(tuple(row[c] for c in cols))
                if len(buf) >= batch:
                    con.executemany(sql, buf)
                    con.commit()
                    done += len(buf)
                    buf.clear()
                    if progress:
                        progress(done, n)
            if buf:
                con.executemany(sql, buf)
                con.commit()
                done += len(buf)
        index_entries(con, first_id + 1)  # only the rows added here, in one statement
        for sql in triggers.values():
            con.execute(sql)
        con.commit()
        con.execute("PRAGMA optimize")
    finally:
        con.close()
