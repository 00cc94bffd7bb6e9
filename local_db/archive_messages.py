"""Messages of the archive (errors, CLI lines), Romanian and English, merged into the core catalogue
(`local_db.messages.MESSAGES`) when the archive is imported. Kept in their own table so the archive's
texts do not collide with edits others make to the shared catalogue; a key may never shadow one there."""
from __future__ import annotations

from .messages import MESSAGES, tr

ARCHIVE_MESSAGES: dict[str, tuple[str, str]] = {
    # field names
    "field.indicator": ("Indicativ", "Indicator"),
    "field.title": ("Titlul dosarului", "Dossier title"),
    "field.retention": ("Termen de păstrare", "Retention"),
    "field.notes": ("Observații", "Notes"),
    "field.year": ("Anul", "Year"),
    "field.dossier": ("Dosar", "Dossier"),
    "field.entries": ("Înregistrări", "Entries"),
    "field.setting": ("Setare", "Setting"),
    "field.room": ("Depozit / cameră", "Room"),
    "field.shelf": ("Raft", "Shelf"),
    "field.box": ("Cutie", "Box"),
    "field.sheets": ("Nr. file", "Sheets"),
    "field.remarks": ("Observații", "Remarks"),
    "field.handed_by": ("Predat de", "Handed over by"),
    "field.received_by": ("Primit de", "Received by"),
    "field.borrower": ("Împrumutat de", "Borrower"),
    "field.approved_by": ("Aprobat de", "Approved by"),
    "field.purpose": ("Scopul", "Purpose"),
    "field.due": ("Termen de restituire", "Due"),
    "field.president": ("Președintele comisiei", "Committee president"),
    "field.secretary": ("Secretarul comisiei", "Committee secretary"),
    "field.members": ("Membrii comisiei", "Committee members"),
    "field.minutes_number": ("Nr. procesului-verbal", "Minutes number"),
    "field.minutes_date": ("Data procesului-verbal", "Minutes date"),
    "field.act_number": ("Nr. actului de confirmare", "Approving act number"),
    "field.act_date": ("Data actului de confirmare", "Approving act date"),
    "field.status": ("Stare", "Status"),
    # dossier statuses (used inside messages)
    "arch.status.open": ("deschis", "open"),
    "arch.status.closed": ("închis", "closed"),
    "arch.status.archived": ("în arhivă", "in the archive"),
    "arch.status.lent": ("împrumutat", "lent"),
    "arch.status.disposed": ("eliminat", "disposed of"),
    "arch.status.proposed": ("propus", "proposed"),
    "arch.status.approved": ("aprobat", "approved"),
    "arch.status.executed": ("executat", "executed"),
    "arch.status.withdrawn": ("retras", "withdrawn"),
    # plan
    "arch_bad_indicator": ("indicativul „{value}” nu este valid (ex. I.A.7 sau III/12)",
                           "indicator „{value}” is not valid (e.g. I.A.7 or III/12)"),
    "arch_retention_required": ("termenul de păstrare este obligatoriu (P, CS sau un număr de ani)",
                                "retention is required (P, CS or a number of years)"),
    "arch_bad_retention": ("termenul de păstrare „{value}” nu este legal (P, CS sau 1, 2, 3, 5, 10, 15, 25, 30, 50, "
                           "75, 100 de ani)",
                           "retention „{value}” is not a legal one (P, CS or 1, 2, 3, 5, 10, 15, 25, 30, 50, 75, "
                           "100 years)"),
    "arch_setting_range": ("setarea {name} trebuie să fie între {min} și {max}",
                           "setting {name} must be between {min} and {max}"),
    "arch_bad_year": ("„{value}” nu este un an valid", "„{value}” is not a valid year"),
    "arch_duplicate_indicator": ("indicativul {value} există deja în nomenclatorul anului {year}",
                                 "indicator {value} already exists in the filing plan of {year}"),
    "arch_plan_item_in_use": ("din poziția {indicator} au fost deschise {count} dosare; nu mai poate fi ștearsă "
                              "sau renumerotată",
                              "{count} dossiers were opened from item {indicator}; it can no longer be removed "
                              "or renumbered"),
    "arch_plan_item_not_found": ("poziția {ref} nu există în nomenclator", "filing plan item {ref} does not exist"),
    "arch_copy_same_year": ("anul sursă și anul destinație sunt același ({year})",
                            "source and target year are the same ({year})"),
    "arch_plan_empty": ("nomenclatorul anului {year} este gol", "the filing plan of {year} is empty"),
    "arch_plan_item_other_year": ("poziția {indicator} aparține nomenclatorului din {year}, nu celui din {wanted}",
                                  "item {indicator} belongs to the filing plan of {year}, not {wanted}"),
    "arch_template_encoding": ("fișierul trebuie să fie UTF-8", "the file must be UTF-8"),
    "arch_template_invalid": ("modelul nu este valid (poziția {item}): {detail}",
                              "the template is not valid (item {item}): {detail}"),
    "arch_template_not_found": ("modelul „{code}” nu este în fișier (sunt: {codes})",
                                "template „{code}” is not in the file (it holds: {codes})"),
    "arch_template_choose": ("fișierul conține mai multe modele ({codes}); alegeți unul",
                             "the file holds several templates ({codes}); choose one"),
    "arch_template_empty": ("modelul „{code}” nu are nicio poziție", "template „{code}” has no items"),
    # dossiers and filing
    "arch_dossier_not_found": ("dosarul {ref} nu există", "dossier {ref} does not exist"),
    "arch_bad_dossier_ref": ("„{value}” nu este un dosar (scrieți AN:INDICATIV, ex. 2025:I.A.7)",
                             "„{value}” is not a dossier (write YEAR:INDICATOR, e.g. 2025:I.A.7)"),
    "arch_dossier_already_open": ("dosarul {ref} este deja deschis", "dossier {ref} is already open"),
    "arch_year_closed_open": ("anul {year} a fost închis; pentru a deschide un dosar nou indicați motivul",
                              "year {year} was closed; give a reason to open a new dossier"),
    "arch_dossier_closed": ("dosarul {ref} este închis; redeschideți-l (cu motiv, consemnat în jurnal) pentru a "
                            "mai îndosaria în el",
                            "dossier {ref} is closed; reopen it (with a reason, recorded in the audit log) to file "
                            "into it"),
    "arch_dossier_not_open": ("dosarul {ref} este {status}", "dossier {ref} is {status}"),
    "arch_dossier_reopen_refused": ("dosarul {ref} este {status} și nu poate fi redeschis",
                                    "dossier {ref} is {status} and cannot be reopened"),
    "arch_entry_other_year": ("înregistrarea {ref} nu este din anul dosarului ({year})",
                              "entry {ref} is not of the dossier's year ({year})"),
    "arch_entry_already_filed": ("înregistrarea {ref} este deja în dosarul {dossier}",
                                 "entry {ref} is already in dossier {dossier}"),
    "arch_entry_not_filed": ("înregistrarea {ref} nu este în niciun dosar", "entry {ref} is in no dossier"),
    # year closing
    "arch_year_in_future": ("anul {year} nu a început încă", "year {year} has not begun yet"),
    "arch_year_already_closed": ("anul {year} este deja închis", "year {year} is already closed"),
    "arch_year_unresolved": ("anul {year} are {unfiled} înregistrări neîndosariate și {unresolved} nerezolvate; "
                             "rezolvați-le sau confirmați închiderea cu ele",
                             "year {year} has {unfiled} entries in no dossier and {unresolved} unresolved; resolve "
                             "them or confirm closing with them"),
    # transfer
    "arch_transfer_mismatch": ("dosarul {ref} nu este din anul {year}, compartimentul {compartment}",
                               "dossier {ref} is not of year {year}, compartment {compartment}"),
    "arch_transfer_not_closed": ("dosarul {ref} este {status}; se predau doar dosare închise",
                                 "dossier {ref} is {status}; only closed dossiers are handed over"),
    "arch_transfer_too_early": ("dosarele anului {year} se predau la arhivă după încheierea anului",
                                "the dossiers of {year} go to the archive after the year is over"),
    "arch_transfer_nothing": ("nu există dosare închise de predat pentru anul {year}, compartimentul {compartment}",
                              "there are no closed dossiers to hand over for {year}, compartment {compartment}"),
    "arch_location_required": ("dosarul {ref} are nevoie de un loc în arhivă (depozit, raft, cutie)",
                               "dossier {ref} needs a place in the archive (room, shelf, box)"),
    "arch_transfer_not_found": ("predarea {ref} nu există", "transfer {ref} does not exist"),
    "arch_date_in_future": ("data {value} este în viitor", "date {value} is in the future"),
    # loans
    "arch_loan_not_found": ("împrumutul {ref} nu există", "loan {ref} does not exist"),
    "arch_dossier_not_lent": ("dosarul {ref} nu este împrumutat", "dossier {ref} is not lent"),
    "arch_dossier_already_lent": ("dosarul {ref} este deja împrumutat", "dossier {ref} is already lent"),
    "arch_dossier_not_lendable": ("dosarul {ref} este {status} și nu poate fi împrumutat",
                                  "dossier {ref} is {status} and cannot be lent"),
    "arch_due_before_lent": ("termenul {due} nu este după data împrumutului", "due date {due} is not after the loan"),
    "arch_loan_returned": ("dosarul {ref} a fost deja restituit", "dossier {ref} was already returned"),
    "arch_bad_return_date": ("data restituirii {value} nu este validă", "return date {value} is not valid"),
    # disposal
    "arch_committee_odd": ("comisia de selecționare are nevoie de un număr impar de membri (cel puțin 3, "
                           "președintele inclus); acum sunt {count}",
                           "the selection committee needs an odd number of members (at least 3, president "
                           "included); there are {count}"),
    "arch_dossier_permanent": ("dosarul {ref} se păstrează permanent și nu poate fi propus pentru eliminare",
                               "dossier {ref} is kept permanently and can never be proposed for disposal"),
    "arch_dossier_not_disposable": ("dosarul {ref} este {status} și nu poate fi eliminat",
                                    "dossier {ref} is {status} and cannot be disposed of"),
    "arch_dossier_not_expired": ("termenul de păstrare al dosarului {ref} nu a expirat (se păstrează până la "
                                 "sfârșitul anului {year})",
                                 "the retention of dossier {ref} has not expired (kept until the end of {year})"),
    "arch_dossier_already_proposed": ("dosarul {ref} este deja într-o propunere de eliminare",
                                      "dossier {ref} is already in a disposal proposal"),
    "arch_disposal_not_found": ("propunerea de eliminare {ref} nu există", "disposal proposal {ref} does not exist"),
    "arch_disposal_bad_status": ("propunerea nr. {number} este {status}", "proposal no. {number} is {status}"),
    "arch_disposal_not_approved": ("propunerea nr. {number} nu are confirmarea Arhivelor Naționale (nr. și data "
                                   "actului); nimic nu se elimină înainte de confirmare",
                                   "proposal no. {number} has no confirmation from the National Archives (act "
                                   "number and date); nothing is disposed of before it"),
    "arch_bad_act_date": ("data {value} nu este validă pentru acest act", "date {value} is not valid for this act"),
    "arch_not_in_proposal": ("dosarul {ref} nu este în propunerea nr. {number}",
                             "dossier {ref} is not in proposal no. {number}"),
    # texts stored in the archive register (always Romanian: an official register)
    "arch.register_inventory": ("Inventar predare nr. {number} din {date} (anul {year})",
                                "Handover inventory no. {number} of {date} (year {year})"),
    "arch.register_disposal": ("Propunere de eliminare nr. {number}", "Disposal proposal no. {number}"),
    "arch.register_act": ("Confirmare nr. {number} din {date}", "Confirmation no. {number} of {date}"),
    # CLI
    "cli.arch_plan_added": ("Poziția {indicator} a fost adăugată în nomenclatorul anului {year}",
                            "Item {indicator} was added to the filing plan of {year}"),
    "cli.arch_plan_import": ("Anul {year}: {added} poziții adăugate, {unchanged} existau deja, {conflicts} diferă "
                             "(lăsate neschimbate{list})",
                             "Year {year}: {added} items added, {unchanged} already there, {conflicts} differ "
                             "(left unchanged{list})"),
    "cli.arch_dossier_opened": ("Dosarul {ref} a fost deschis: {title}", "Dossier {ref} was opened: {title}"),
    "cli.arch_filed": ("{ref} → dosarul {dossier}", "{ref} → dossier {dossier}"),
    "cli.arch_skipped": ("{ref} era deja în dosar", "{ref} was already in the dossier"),
    "cli.arch_new_volume": ("Volum nou deschis: {ref}", "New volume opened: {ref}"),
    "cli.arch_year_report": ("Anul {year}: {open} dosare deschise, {unfiled} înregistrări neîndosariate, "
                             "{unresolved} nerezolvate",
                             "Year {year}: {open} open dossiers, {unfiled} entries in no dossier, {unresolved} "
                             "unresolved"),
    "cli.arch_year_closed": ("Anul {year} a fost închis", "Year {year} was closed"),
    "cli.arch_year_dry": ("Doar raport: folosiți --apply pentru a închide anul.",
                          "Report only: use --apply to close the year."),
    "cli.arch_transfer_done": ("Predarea nr. {number}: {count} dosare ({sheets} file) au intrat în arhivă",
                               "Transfer no. {number}: {count} dossiers ({sheets} sheets) went into the archive"),
    "cli.arch_pdf": ("PDF salvat: {path}", "PDF saved: {path}"),
    "cli.arch_lent": ("Dosarul {ref} a fost împrumutat lui {borrower} până la {due}",
                      "Dossier {ref} was lent to {borrower} until {due}"),
    "cli.arch_returned": ("Dosarul {ref} a fost restituit", "Dossier {ref} was returned"),
    "cli.arch_proposed": ("Propunerea de eliminare nr. {number}: {count} dosare", "Disposal proposal no. {number}: "
                                                                                  "{count} dossiers"),
    "cli.arch_approved": ("Propunerea nr. {number} a fost aprobată (act {act})", "Proposal no. {number} was approved "
                                                                                 "(act {act})"),
    "cli.arch_executed": ("Propunerea nr. {number} a fost executată: {count} dosare eliminate, {removed} fișiere "
                          "șterse, {kept} păstrate (folosite de alte înregistrări)",
                          "Proposal no. {number} was executed: {count} dossiers disposed of, {removed} files "
                          "removed, {kept} kept (used by other records)"),
    "cli.arch_setting": ("{name} = {value}", "{name} = {value}"),
}

_clash = sorted(set(ARCHIVE_MESSAGES) & set(MESSAGES) - {k for k in ARCHIVE_MESSAGES
                                                        if MESSAGES.get(k) == ARCHIVE_MESSAGES[k]})
if _clash:  # pragma: no cover - caught by the tests the day someone adds the same key
    raise RuntimeError(f"archive message keys already in the core catalogue: {_clash}")
for _key, _pair in ARCHIVE_MESSAGES.items():
    MESSAGES.setdefault(_key, _pair)


def status_label(status: str) -> str:
    """A dossier / proposal status in the current language (for messages)."""
    return tr(f"arch.status.{status}")
