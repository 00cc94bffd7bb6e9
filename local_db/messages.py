"""Message catalogue of the Qt-free core (errors, CLI output), Romanian by default, English available.

The desktop UI has its own Qt translation files; the core cannot use them (no Qt here), so its
user-facing texts live in this one table keyed by a stable code. `tests/local_db/test_messages.py`
checks that both languages exist for every code and keep the same placeholders.
"""
from __future__ import annotations

import os
import string
from typing import Any

DEFAULT_LANG = "ro"
_lang = os.environ.get("REGISTRU_LANG", DEFAULT_LANG)

MESSAGES: dict[str, tuple[str, str]] = {
    # field names (used as "Field: problem")
    "field.cnp": ("CNP", "Personal numeric code (CNP)"),
    "field.cui": ("CUI/CIF", "Tax identification code (CUI)"),
    "field.sender_idno": ("Cod de identificare expeditor", "Sender identifier"),
    "field.recipient_idno": ("Cod de identificare destinatar", "Recipient identifier"),
    "field.sender_name": ("Expeditor / emitent", "Sender / issuer"),
    "field.recipient_name": ("Destinatar", "Recipient"),
    "field.subject": ("Conținutul pe scurt", "Subject"),
    "field.summary": ("Rezumat", "Summary"),
    "field.direction": ("Tip înregistrare", "Direction"),
    "field.doc_type": ("Tip document", "Document type"),
    "field.compartment": ("Compartiment", "Compartment"),
    "field.assignee": ("Responsabil", "Assignee"),
    "field.register": ("Registru", "Register"),
    "field.pages": ("Nr. file", "Sheets"),
    "field.annexes": ("Nr. anexe", "Annexes"),
    "field.reason": ("Motiv", "Reason"),
    "field.resolution": ("Mod de rezolvare", "Resolution"),
    "field.reply_to": ("Răspuns la", "Reply to"),
    "field.number": ("Număr de înregistrare", "Registration number"),
    "field.username": ("Utilizator", "User name"),
    "field.password": ("Parolă", "Password"),
    "field.role": ("Rol", "Role"),
    "field.file": ("Fișier", "File"),
    "field.commune_code": ("Cod SIRUTA", "SIRUTA code"),
    "field.commune_name": ("Denumirea comunei", "Commune name"),
    "field.county": ("Județ", "County"),
    "field.channel": ("Mod de primire", "Channel"),
    "field.date": ("Data", "Date"),
    "field.days": ("Zile", "Days"),
    "field.code": ("Cod", "Code"),
    "field.name": ("Denumire", "Name"),
    "field.kind": ("Tip", "Kind"),
    # validation
    "required": ("câmp obligatoriu", "required"),
    "too_long": ("prea lung (maximum {max} caractere)", "too long (at most {max} characters)"),
    "not_a_number": ("trebuie să fie un număr întreg ≥ 0", "must be a whole number ≥ 0"),
    "bad_choice": ("valoare nepermisă „{value}” (permise: {allowed})", "value „{value}” not allowed (allowed: {allowed})"),
    "cnp_invalid": ("CNP-ul „{value}” nu este valid (cifra de control sau data nu corespund)",
                    "CNP „{value}” is not valid (check digit or date do not match)"),
    "cui_invalid": ("CUI-ul „{value}” nu este valid (cifra de control nu corespunde)",
                    "CUI „{value}” is not valid (check digit does not match)"),
    "idno_invalid": ("„{value}” nu este nici CNP, nici CUI valid", "„{value}” is neither a valid CNP nor a valid CUI"),
    "bad_number_ref": ("„{value}” nu este un număr de forma NR/AN (ex. 125/2026)",
                       "„{value}” is not a number of the form NR/YEAR (e.g. 125/2026)"),
    "bad_date": ("„{value}” nu este o dată validă (zz.ll.aaaa)", "„{value}” is not a valid date (dd.mm.yyyy)"),
    "unknown_doc_type": ("tipul de document „{value}” nu există", "document type „{value}” does not exist"),
    "unknown_compartment": ("compartimentul „{value}” nu există", "compartment „{value}” does not exist"),
    "unknown_register": ("registrul „{value}” nu există", "register „{value}” does not exist"),
    "unknown_user": ("utilizatorul „{value}” nu există", "user „{value}” does not exist"),
    "duplicate": ("„{value}” există deja", "„{value}” already exists"),
    "password_too_short": ("parola trebuie să aibă cel puțin {min} caractere", "the password needs at least {min} characters"),
    "sender_required_incoming": ("o intrare trebuie să aibă expeditor", "an incoming entry needs a sender"),
    "recipient_required_outgoing": ("o ieșire trebuie să aibă destinatar", "an outgoing entry needs a recipient"),
    "extension_too_long": ("prelungirea depășește maximul de {max} zile al tipului de document",
                           "the extension exceeds the document type's maximum of {max} days"),
    "no_deadline": ("înregistrarea nu are termen", "the entry has no deadline"),
    # not found / state
    "entry_not_found": ("înregistrarea {ref} nu există", "entry {ref} does not exist"),
    "attachment_not_found": ("anexa {ref} nu există", "attachment {ref} does not exist"),
    "entry_cancelled": ("înregistrarea {ref} este anulată", "entry {ref} is cancelled"),
    "entry_already_cancelled": ("înregistrarea {ref} este deja anulată", "entry {ref} is already cancelled"),
    "entry_already_resolved": ("înregistrarea {ref} este deja rezolvată", "entry {ref} is already resolved"),
    "reply_must_be_outgoing": ("răspunsul {ref} trebuie să fie o ieșire", "the reply {ref} must be an outgoing entry"),
    "link_self": ("o înregistrare nu poate fi legată de ea însăși", "an entry cannot be linked to itself"),
    "not_initialised": ("baza de date nu este inițializată; rulați „registru init”",
                        "the database is not initialised; run „registru init”"),
    "already_initialised": ("baza de date este deja inițializată pentru {name}", "the database is already initialised for {name}"),
    # auth
    "login_failed": ("utilizator sau parolă greșită", "wrong user name or password"),
    "user_inactive": ("contul „{value}” este dezactivat", "account „{value}” is disabled"),
    "permission_denied": ("rolul „{role}” nu are dreptul: {action}", "role „{role}” may not: {action}"),
    # attachments
    "file_missing": ("fișierul „{path}” nu există sau nu poate fi citit", "file „{path}” does not exist or cannot be read"),
    "file_too_large": ("fișierul are {size} MB, peste limita de {limit} MB", "the file is {size} MB, over the {limit} MB limit"),
    "file_empty": ("fișierul „{path}” este gol", "file „{path}” is empty"),
    "blob_missing": ("fișierul anexei {sha} lipsește din depozit", "the attachment file {sha} is missing from the store"),
    "blob_corrupt": ("fișierul anexei {sha} este deteriorat (amprenta SHA-256 nu corespunde)",
                     "the attachment file {sha} is corrupted (SHA-256 does not match)"),
    # integrity / db
    "integrity_failed": ("verificarea integrității bazei de date a eșuat: {detail}", "database integrity check failed: {detail}"),
    "audit_chain_broken": ("jurnalul de audit a fost modificat la evenimentul #{seq} ({detail})",
                           "the audit log was altered at event #{seq} ({detail})"),
    "schema_too_new": ("baza de date a fost scrisă de o versiune mai nouă ({rev}); actualizați aplicația",
                       "the database was written by a newer release ({rev}); upgrade the application"),
    "migration_failed": ("actualizarea bazei de date a eșuat ({detail}); copia de siguranță {backup} a fost restaurată",
                         "upgrading the database failed ({detail}); the backup {backup} was restored"),
    "backup_invalid": ("copia de siguranță „{path}” nu este o bază de date Registru validă: {detail}",
                       "backup „{path}” is not a valid Registru database: {detail}"),
    "entry_unaudited": ("înregistrarea {ref} nu are niciun eveniment în jurnalul de audit (adăugată pe ocolite)",
                        "entry {ref} has no audit event (added behind the application's back)"),
    "entry_tampered": ("înregistrarea {ref} diferă de starea consemnată în jurnal la evenimentul #{seq} (câmpuri: {fields})",
                       "entry {ref} differs from the state recorded at audit event #{seq} (fields: {fields})"),
    "entry_deleted": ("înregistrarea {uuid} din jurnal (evenimentul #{seq}) a fost ștearsă din registru",
                      "entry {uuid} recorded at audit event #{seq} was deleted from the register"),
    "numbering_gap": ("numerotarea anului {year} are goluri: lipsesc {missing}",
                      "numbering of {year} has gaps: missing {missing}"),
    "path_outside": ("calea „{path}” nu este permisă", "path „{path}” is not allowed"),
    "db_locked": ("baza de date este ocupată de alt proces; încercați din nou", "the database is busy in another process; try again"),
    # CSV import
    "csv_no_header": ("fișierul nu are antet sau coloana „{column}” lipsește", "the file has no header or column „{column}” is missing"),
    "csv_encoding": ("codificarea fișierului nu a putut fi determinată", "the file's encoding could not be determined"),
    "csv_has_errors": ("importul a fost refuzat: {count} rânduri cu erori; nimic nu a fost importat",
                       "import refused: {count} rows with errors; nothing was imported"),
    "csv_bad_number": ("„{value}” nu este un număr de înregistrare", "„{value}” is not a registration number"),
    "csv_duplicate_number": ("numărul {value} apare de mai multe ori (prima dată pe linia {first})",
                             "number {value} appears more than once (first on line {first})"),
    "csv_number_exists": ("numărul {value} există deja în registru", "number {value} already exists in the register"),
    "csv_bad_date": ("„{value}” nu este o dată validă", "„{value}” is not a valid date"),
    "csv_date_wrong_year": ("data {value} nu este în anul registrului ({year})", "date {value} is not in the register's year ({year})"),
    "csv_short_row": ("rândul are {count} coloane în loc de {expected}", "the row has {count} columns instead of {expected}"),
    "csv_formula": ("textul începe ca o formulă de calcul tabelar; va fi păstrat ca text",
                    "the text starts like a spreadsheet formula; it will be kept as text"),
    "csv_too_long": ("textul are {length} caractere (maximum {max})", "the text has {length} characters (at most {max})"),
    "csv_unknown_column": ("coloana „{column}” nu este recunoscută: asociați-o cu --map „{column}=câmp” "
                           "sau ignorați-o cu --map „{column}=-”",
                           "column „{column}” is not recognised: map it with --map „{column}=field” "
                           "or ignore it with --map „{column}=-”"),
    "csv_duplicate_column": ("coloanele „{other}” și „{column}” au același rol ({field})",
                             "columns „{other}” and „{column}” have the same role ({field})"),
    "csv_decode_failed": ("fișierul nu poate fi citit cu codificarea {encoding} (octetul {pos})",
                          "the file cannot be read as {encoding} (byte {pos})"),
    "csv_malformed": ("fișierul nu este un CSV valid (linia {line}): {detail}",
                      "the file is not valid CSV (line {line}): {detail}"),
    "csv_long_row": ("rândul are {count} coloane în loc de {expected} (un separator în text fără ghilimele?)",
                     "the row has {count} columns instead of {expected} (a separator in unquoted text?)"),
    "csv_date_format": ("data „{value}” este scrisă altfel decât restul coloanei; verificați-o și scrieți-o ca {date}",
                        "date „{value}” is written unlike the rest of the column; check it and write it as {date}"),
    "csv_no_issuer": ("rândul nu are emitent: pentru un document primit scrieți cine l-a trimis, "
                      "pentru unul emis de primărie scrieți „Primăria comunei”",
                      "the row has no issuer: for a document received write who sent it, "
                      "for one the town hall issued write „Primăria comunei”"),
    "csv_joined_text": ("„{value}” nu este un număr de înregistrare; se păstrează ca text",
                        "„{value}” is not a registration number; kept as text"),
    "csv_joined_unknown": ("numărul conexat {value} nu există în registru; se păstrează ca text",
                           "joined number {value} does not exist in the register; kept as text"),
    "csv_write_failed": ("fișierul „{path}” nu poate fi scris: {detail}", "file „{path}” cannot be written: {detail}"),
    "csv_before_header": ("rândul de deasupra antetului (linia {header}) nu este importat",
                          "the line above the header (line {header}) is not imported"),
    "field.encoding": ("Codificare", "Encoding"),
    "field.delimiter": ("Separator", "Delimiter"),
    "field.map": ("Asociere coloane", "Column mapping"),
    "cli.import_file": ("Fișier {file}: codificare {encoding}, separator {delimiter}, anul {year}, {rows} rânduri",
                        "File {file}: encoding {encoding}, delimiter {delimiter}, year {year}, {rows} rows"),
    "cli.import_line": ("linia {line}", "line {line}"),
    "cli.import_compartment": ("Compartimentul „{name}” → {code}", "Compartment „{name}” → {code}"),
    "cli.import_compartment_new": ("Compartimentul „{name}” nu există; va fi creat cu codul {code}",
                                   "Compartment „{name}” does not exist; it will be created with code {code}"),
    "cli.import_next": ("Următoarea înregistrare din {year} va primi nr. {number}",
                        "The next registration of {year} will get no. {number}"),
    "cli.export_done": ("Exportate {count} înregistrări în {path}", "Exported {count} entries to {path}"),
    # CLI
    "cli.registered": ("Înregistrat cu nr. {number} din {date}", "Registered as no. {number} of {date}"),
    "cli.deadline": ("Termen de rezolvare: {date}", "Deadline: {date}"),
    "cli.no_deadline": ("Fără termen legal", "No legal deadline"),
    "cli.cancelled": ("Înregistrarea {ref} a fost anulată", "Entry {ref} was cancelled"),
    "cli.verify_ok": ("Verificare reușită: {entries} înregistrări, {events} evenimente de audit, {blobs} fișiere",
                      "Verification passed: {entries} entries, {events} audit events, {blobs} files"),
    "cli.verify_failed": ("Verificarea a găsit {count} probleme", "Verification found {count} problems"),
    "cli.backup_done": ("Copie de siguranță: {path}", "Backup written: {path}"),
    "cli.restore_done": ("Baza de date a fost restaurată din {path}", "The database was restored from {path}"),
    "cli.initialised": ("Registru inițializat pentru {name} ({county}), cod SIRUTA {code}",
                        "Registry initialised for {name} ({county}), SIRUTA code {code}"),
    "cli.password_set": ("Parola utilizatorului „{username}” a fost schimbată", "The password of „{username}” was changed"),
    "cli.user_added": ("Utilizatorul „{username}” ({role}) a fost creat", "User „{username}” ({role}) was created"),
    "cli.import_report": ("{ok} rânduri corecte, {bad} rânduri cu erori, {warn} avertismente",
                          "{ok} good rows, {bad} rows with errors, {warn} warnings"),
    "cli.import_dry": ("Simulare: nimic nu a fost importat. Folosiți --apply pentru import.",
                       "Dry run: nothing was imported. Use --apply to import."),
    "cli.import_done": ("Importate {count} înregistrări", "Imported {count} entries"),
    "cli.interrupted": ("Întrerupt", "Interrupted"),
    "cli.unexpected": ("Eroare neașteptată: {detail} (detalii în jurnal: {log})",
                       "Unexpected error: {detail} (details in the log: {log})"),
    "cli.password_prompt": ("Parola pentru {username}: ", "Password for {username}: "),
    "cli.password_repeat": ("Repetați parola: ", "Repeat the password: "),
    "cli.password_mismatch": ("parolele nu coincid", "the passwords do not match"),
}


def set_language(lang: str) -> None:
    global _lang
    _lang = lang if lang in ("ro", "en") else DEFAULT_LANG


def language() -> str:
    return _lang


def tr(_key: str, lang: str | None = None, **params: Any) -> str:
    pair = MESSAGES.get(_key)
    if pair is None:
        return _key if not params else f"{_key} {params}"
    text = pair[1] if (lang or _lang) == "en" else pair[0]
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
