"""Texts the sync client shows (status, errors, CLI), Romanian by default, English available.

They join the core's catalogue (`local_db.messages.MESSAGES`) at import, so `tr()` works for them like for
every other code and the placeholder test covers them.
"""
from __future__ import annotations

from typing import Any

from local_db import messages as _core

MESSAGES: dict[str, tuple[str, str]] = {
    "sync.keyring_unavailable": (
        "Nu există un seif de parole sigur pe acest calculator ({backend}); tokenul hub-ului nu poate fi păstrat. "
        "Instalați/porniți serviciul de parole al sistemului (Windows Credential Manager, GNOME Keyring, KWallet) "
        "și încercați din nou.",
        "There is no secure password store on this computer ({backend}); the hub token cannot be kept. "
        "Install/start the system's password service (Windows Credential Manager, GNOME Keyring, KWallet) "
        "and try again."),
    "sync.not_enrolled": ("Instalarea nu este înrolată la hub-ul județului. Folosiți „registru enrol”.",
                          "This installation is not enrolled with the county hub. Use „registru enrol”."),
    "sync.reenrol": ("Accesul la hub a fost revocat sau tokenul lipsește; cereți un cod nou de înrolare "
                     "de la Consiliul Județean și reînrolați instalarea.",
                     "Access to the hub was revoked or the token is missing; ask the county for a new "
                     "enrolment code and enrol this installation again."),
    "sync.offline": ("Hub-ul nu poate fi contactat (fără conexiune). Se reîncearcă automat.",
                     "The hub cannot be reached (no connection). Retrying automatically."),
    "sync.hub_error": ("Hub-ul a răspuns cu o eroare: {detail}", "The hub answered with an error: {detail}"),
    "sync.hub_gap": ("Hub-ul nu mai are modificările de după nr. {ack}; anunțați Consiliul Județean.",
                     "The hub no longer holds the changes after no. {ack}; tell the county."),
    "sync.tls": ("Certificatul hub-ului nu a putut fi verificat: {detail}",
                 "The hub's certificate could not be verified: {detail}"),
    "sync.enrolled": ("Înrolat la {hub} pentru {name} ({county}), cod {code}",
                      "Enrolled with {hub} for {name} ({county}), code {code}"),
    "sync.enrol_other_commune": ("Codul de înrolare este pentru {name} ({code}), dar acest registru este al "
                                 "comunei cu codul {local}.",
                                 "The enrolment code is for {name} ({code}), but this registry belongs to the "
                                 "commune with code {local}."),
    "sync.done": ("Sincronizare reușită: {sent} modificări trimise, {received} primite, {pending} în așteptare",
                  "Sync done: {sent} changes sent, {received} received, {pending} waiting"),
    "sync.skew": ("Ceasul calculatorului diferă de al hub-ului cu {seconds} secunde; corectați data și ora "
                  "(datele de înregistrare sunt fapte juridice).",
                  "This computer's clock differs from the hub's by {seconds} seconds; correct the date and time "
                  "(registration dates are legal facts)."),
    "sync.restore_not_empty": ("Restaurarea de la hub se face doar într-o instalare nouă, goală; aici există "
                               "deja {entries} înregistrări.",
                               "Restoring from the hub needs a new, empty installation; this one already holds "
                               "{entries} entries."),
    "sync.restore_no_institution": ("Hub-ul nu are date pentru această comună.",
                                    "The hub holds no data for this commune."),
    "sync.restore_admin_unknown": ("Utilizatorul „{username}” nu este administrator în registrul restaurat "
                                   "(administratori: {admins}).",
                                   "User „{username}” is not an administrator in the restored registry "
                                   "(administrators: {admins})."),
    "sync.restore_done": ("Restaurat de la hub: {entries} înregistrări, {events} evenimente de audit, {blobs} "
                          "fișiere. Parola a fost setată doar pentru „{admin}”; ceilalți utilizatori primesc "
                          "parolă nouă de la administrator.",
                          "Restored from the hub: {entries} entries, {events} audit events, {blobs} files. "
                          "Only „{admin}” has a password; the administrator sets new passwords for the others."),
    "sync.restore_blob_failed": ("Fișierul {sha} nu a putut fi descărcat de la hub.",
                                 "File {sha} could not be downloaded from the hub."),
    "sync.blob_hash_mismatch": ("Fișierul descărcat {sha} nu corespunde sumei de control; a fost șters.",
                                "Downloaded file {sha} does not match its checksum; it was discarded."),
    # status words (status bar, `registru sync --status`)
    "sync.state.not_enrolled": ("Neînrolat", "Not enrolled"),
    "sync.state.reenrol": ("Reînrolare necesară", "Enrol again"),
    "sync.state.online": ("Conectat", "Online"),
    "sync.state.offline": ("Fără conexiune", "Offline"),
    "sync.state.syncing": ("Se sincronizează…", "Syncing…"),
    "sync.state.up_to_date": ("Sincronizat", "Up to date"),
    "sync.state.error": ("Eroare la sincronizare", "Sync error"),
    "sync.pending": ("{count} modificări de trimis", "{count} changes to send"),
    "sync.last_success": ("Ultima sincronizare: {when}", "Last sync: {when}"),
    "sync.never": ("niciodată", "never"),
    "sync.skew_short": ("ceasul diferă de al hub-ului", "the clock differs from the hub's"),
    "sync.action.now": ("Sincroni&zează acum", "Sy&nc now"),
    "sync.action.hub": ("Conexiunea cu &hub-ul județului…", "County &hub connection…"),
    "sync.action.inbox": ("Anunțuri și &circulare de la județ…", "County notices and &circulars…"),
    "sync.dialog.title": ("Hub-ul județului", "County hub"),
    "sync.dialog.state": ("Stare", "State"),
    "sync.dialog.commune": ("Comuna", "Commune"),
    "sync.dialog.hub": ("Adresa hub-ului", "Hub address"),
    "sync.dialog.code": ("Cod de înrolare", "Enrolment code"),
    "sync.dialog.ca": ("Certificat CA al județului (opțional)", "County CA certificate (optional)"),
    "sync.dialog.browse": ("Alege…", "Browse…"),
    "sync.dialog.enrol": ("Înrolează", "Enrol"),
    "sync.dialog.admin_only": ("Doar un administrator poate înrola instalarea.",
                               "Only an administrator can enrol this installation."),
    "sync.dialog.need_hub_code": ("Completați adresa hub-ului și codul de înrolare.",
                                  "Fill in the hub address and the enrolment code."),
    "sync.inbox.title": ("Anunțuri și circulare de la județ", "County notices and circulars"),
    "sync.inbox.circular": ("Circulară", "Circular"),
    "sync.inbox.notice": ("Anunț", "Notice"),
    "sync.inbox.registered": ("înregistrată cu nr. {ref}", "registered as no. {ref}"),
}

_core.MESSAGES.update(MESSAGES)


def tr(key: str, lang: str | None = None, **params: Any) -> str:
    return _core.tr(key, lang, **params)
