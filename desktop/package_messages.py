"""Texts of provisioning, `registru provision` and `registru self-check` (Romanian default, English).

They join the core's catalogue (`local_db.messages.MESSAGES`) at import, like sync's, so `tr()` and the
placeholder test cover them.
"""
from __future__ import annotations

from typing import Any

from local_db import messages as _core

MESSAGES: dict[str, tuple[str, str]] = {
    # --- provisioning file ---------------------------------------------------------------------------------
    "pkg.prov.unusable": ("Fișierul de provizionare {path} nu poate fi folosit: {problems}",
                          "The provisioning file {path} cannot be used: {problems}"),
    "pkg.prov.not_found": ("fișierul nu există", "the file does not exist"),
    "pkg.prov.unreadable": ("fișierul nu poate fi citit ({detail})", "the file cannot be read ({detail})"),
    "pkg.prov.bad_json": ("nu este JSON valid (rândul {line}, coloana {col}: {detail})",
                          "it is not valid JSON (line {line}, column {col}: {detail})"),
    "pkg.prov.not_object": ("trebuie să fie un obiect JSON {{…}}", "it must be a JSON object {{…}}"),
    "pkg.prov.newer_format": ("formatul {format} este mai nou decât această versiune (înțelege formatul {known})",
                              "format {format} is newer than this release understands (format {known})"),
    "pkg.prov.missing": ("lipsește câmpul „{field}”", "the field „{field}” is missing"),
    "pkg.prov.wrong_type": ("câmpul „{field}” trebuie să fie {kind}", "the field „{field}” must be {kind}"),
    "pkg.prov.unknown_field": ("câmp necunoscut „{field}” (greșit scris?)", "unknown field „{field}” (misspelt?)"),
    "pkg.prov.bad_siruta": ("codul SIRUTA „{value}” trebuie să aibă doar cifre (1–10)",
                            "the SIRUTA code „{value}” must be digits only (1–10)"),
    "pkg.prov.bad_username": ("numele de utilizator „{value}” poate avea doar a-z 0-9 . _ -",
                              "the user name „{value}” may only contain a-z 0-9 . _ -"),
    "pkg.prov.short_password": ("parola administratorului trebuie să aibă cel puțin {min} caractere",
                                "the administrator's password must be at least {min} characters long"),
    "pkg.prov.bad_url": ("adresa hub-ului „{value}” nu este o adresă http(s)://… validă",
                         "the hub address „{value}” is not a valid http(s)://… address"),
    "pkg.prov.ca_both": ("dați fie „hub.ca_bundle” (fișier), fie „hub.ca_pem” (text), nu amândouă",
                         "give either „hub.ca_bundle” (a file) or „hub.ca_pem” (text), not both"),
    "pkg.prov.ca_missing": ("certificatul CA {path} nu există", "the CA certificate {path} does not exist"),
    "pkg.prov.ca_invalid": ("„{field}” nu conține un certificat PEM (-----BEGIN CERTIFICATE-----)",
                            "„{field}” holds no PEM certificate (-----BEGIN CERTIFICATE-----)"),
    "pkg.prov.already_used": ("fișierul a fost deja folosit la {when}; cereți județului un cod nou",
                              "the file was already used on {when}; ask the county for a new code"),
    "pkg.prov.not_writable": ("fișierul nu poate fi șters după folosire (fără drept de scriere în {path}); "
                              "copiați-l într-un dosar al utilizatorului",
                              "the file cannot be removed after use (no write permission in {path}); "
                              "copy it to a folder of the user"),
    "pkg.prov.already_installed": ("în {path} există deja registrul „{name}”; provizionarea se face doar pe o "
                                   "instalare nouă", "{path} already holds the registry of „{name}”; provisioning "
                                   "is only for a new installation"),
    "pkg.prov.value_refused": ("valoare refuzată: {detail}", "value refused: {detail}"),
    "pkg.prov.type.text": ("text", "text"),
    "pkg.prov.type.object": ("un obiect {{…}}", "an object {{…}}"),
    "pkg.prov.type.bool": ("true sau false", "true or false"),
    # --- provisioning steps -------------------------------------------------------------------------------
    "pkg.hub.unreachable": ("hub-ul {url} nu poate fi contactat ({detail}); verificați adresa și conexiunea",
                            "the hub {url} cannot be reached ({detail}); check the address and the connection"),
    "pkg.hub.not_a_hub": ("la adresa {url} nu răspunde un hub Registru (HTTP {status}); verificați adresa",
                          "no Registru hub answers at {url} (HTTP {status}); check the address"),
    "pkg.hub.unhealthy": ("hub-ul {url} nu funcționează acum ({detail}); reîncercați mai târziu",
                          "the hub {url} is not working now ({detail}); try again later"),
    "pkg.hub.tls": ("conexiunea securizată cu {url} a eșuat ({detail}); verificați certificatul CA al județului",
                    "the secure connection to {url} failed ({detail}); check the county's CA certificate"),
    "pkg.hub.invalid_code": ("codul de înrolare nu este cunoscut de hub; verificați-l sau cereți unul nou",
                             "the hub does not know this enrolment code; check it or ask for a new one"),
    "pkg.hub.code_used": ("codul de înrolare a fost deja folosit; cereți județului un cod nou",
                          "the enrolment code was already used; ask the county for a new one"),
    "pkg.hub.code_expired": ("codul de înrolare a expirat; cereți județului un cod nou",
                             "the enrolment code has expired; ask the county for a new one"),
    "pkg.hub.rate_limited": ("prea multe încercări eșuate de înrolare; reîncercați peste câteva minute",
                             "too many failed enrolment attempts; try again in a few minutes"),
    "pkg.hub.other_commune": ("codul de înrolare este al altei comune ({detail}); corectați codul SIRUTA din "
                              "fișier sau cereți codul potrivit — codul nu a fost folosit",
                              "the enrolment code belongs to another commune ({detail}); fix the SIRUTA code in the "
                              "file or ask for the right code — the code was not used"),
    "pkg.hub.error": ("hub-ul a refuzat înrolarea: {detail}", "the hub refused the enrolment: {detail}"),
    "pkg.hub.code_spent": ("Codul de înrolare a fost consumat de hub; cereți județului un cod nou.",
                           "The hub has consumed the enrolment code; ask the county for a new one."),
    "pkg.prov.nothing_changed": ("Nu s-a instalat nimic; dosarul de date a rămas ca înainte.",
                                 "Nothing was installed; the data folder is as it was."),
    "pkg.prov.step.validated": ("Fișier de provizionare verificat: {path}", "Provisioning file checked: {path}"),
    "pkg.prov.step.hub_ok": ("Hub-ul răspunde: {url}", "The hub answers: {url}"),
    "pkg.prov.step.created": ("Registru creat pentru {name} ({county}), SIRUTA {code}, în {path}",
                              "Registry created for {name} ({county}), SIRUTA {code}, in {path}"),
    "pkg.prov.step.restored": ("Registrul {name} ({county}), SIRUTA {code}, restaurat de la hub: {entries} "
                               "înregistrări, în {path}", "The registry of {name} ({county}), SIRUTA {code}, "
                               "restored from the hub: {entries} entries, in {path}"),
    "pkg.prov.other_commune": ("codul de înrolare este pentru comuna cu codul SIRUTA {code}, dar fișierul spune "
                               "{local}", "the enrolment code is for the commune with SIRUTA code {code}, but the "
                               "file says {local}"),
    "pkg.prov.step.enrolled": ("Înrolat la hub-ul {url} (instalarea {node})",
                               "Enrolled with the hub {url} (installation {node})"),
    "pkg.prov.step.no_hub": ("Fără hub în fișier: instalare locală; înrolați mai târziu cu „registru enrol”",
                             "No hub in the file: a local installation; enrol later with „registru enrol”"),
    "pkg.prov.step.admin": ("Administrator: {username}{change}", "Administrator: {username}{change}"),
    "pkg.prov.step.must_change": (" (trebuie să își schimbe parola la prima autentificare)",
                                  " (must change the password at the first login)"),
    "pkg.prov.step.consumed": ("Fișierul de provizionare a fost consumat (secretele șterse): {path}",
                               "The provisioning file was consumed (secrets erased): {path}"),
    "pkg.prov.step.not_consumed": ("ATENȚIE: fișierul {path} nu a putut fi șters ({detail}); ștergeți-l manual",
                                   "WARNING: the file {path} could not be removed ({detail}); delete it by hand"),
    "pkg.prov.gui_failed": ("Provizionarea automată nu a reușit:\n{detail}\n\nContinuați cu asistentul de "
                            "configurare sau corectați fișierul și reporniți aplicația.",
                            "Automatic provisioning did not succeed:\n{detail}\n\nGo on with the set-up wizard, "
                            "or fix the file and start the application again."),
    # --- first login with a one-time password ------------------------------------------------------------
    "pkg.pw.title": ("Schimbați parola", "Change your password"),
    "pkg.pw.intro": ("Parola primită la instalare este de unică folosință. Alegeți acum parola dumneavoastră.",
                     "The password given at installation is for one use only. Choose your own password now."),
    "pkg.pw.new": ("Parola nouă", "New password"),
    "pkg.pw.repeat": ("Repetați parola", "Repeat the password"),
    "pkg.pw.cancel": ("Renunță", "Cancel"),
    "pkg.pw.mismatch": ("Parolele nu coincid.", "The passwords do not match."),
    "pkg.pw.same": ("Alegeți o parolă diferită de cea primită la instalare.",
                    "Choose a password different from the one given at installation."),
    # --- self-check ---------------------------------------------------------------------------------------
    "pkg.sc.title": ("Registru {version} — verificare a instalării", "Registru {version} — installation self-check"),
    "pkg.sc.python": ("Program: {exe} ({kind}, Python {py}, Qt {qt})", "Program: {exe} ({kind}, Python {py}, Qt {qt})"),
    "pkg.sc.frozen": ("pachet instalat", "installed bundle"),
    "pkg.sc.source": ("din surse", "from source"),
    "pkg.sc.database": ("Bază de date temporară creată și migrată la revizia {rev} ({ms} ms)",
                        "Temporary database created and migrated to revision {rev} ({ms} ms)"),
    "pkg.sc.upgrade": ("Actualizare de la o bază de date mai veche: copie de siguranță + migrare ({ms} ms)",
                       "Upgrade from an older database: backup + migration ({ms} ms)"),
    "pkg.sc.register": ("Înregistrare și căutare fără diacritice: nr. {ref} găsit ({ms} ms)",
                        "Registration and diacritics-free search: no. {ref} found ({ms} ms)"),
    "pkg.sc.window": ("Fereastra principală desenată ({platform}, {w}×{h}, {ms} ms)",
                      "Main window rendered ({platform}, {w}×{h}, {ms} ms)"),
    "pkg.sc.pdf": ("PDF cu diacritice generat ({pages} pagină, fontul {font}, {ms} ms)",
                   "PDF with diacritics rendered ({pages} page, font {font}, {ms} ms)"),
    "pkg.sc.translations": ("Traducerile interfeței: {langs}", "Interface translations: {langs}"),
    "pkg.sc.keyring_ok": ("Seiful de parole al sistemului: {backend}", "System password store: {backend}"),
    "pkg.sc.keyring_weak": ("Seiful de parole NU este sigur ({backend}): tokenul hub-ului nu poate fi păstrat; "
                            "sincronizarea nu va funcționa", "The password store is NOT secure ({backend}): the hub "
                            "token cannot be kept; sync will not work"),
    "pkg.sc.data_dir": ("Dosarul de date: {path} ({state})", "Data folder: {path} ({state})"),
    "pkg.sc.data_initialised": ("registrul „{name}”, {entries} înregistrări", "registry „{name}”, {entries} entries"),
    "pkg.sc.data_empty": ("neconfigurat încă", "not set up yet"),
    "pkg.sc.data_error": ("Dosarul de date {path} nu poate fi deschis: {detail}",
                          "The data folder {path} cannot be opened: {detail}"),
    "pkg.sc.hub_none": ("Hub: instalarea nu este înrolată (nimic de verificat)",
                        "Hub: this installation is not enrolled (nothing to check)"),
    "pkg.sc.hub_ok": ("Hub {url}: funcționează (versiunea {version}), ceasul diferă cu {skew} s, tokenul este acceptat",
                      "Hub {url}: working (version {version}), clock differs by {skew} s, the token is accepted"),
    "pkg.sc.hub_skew": ("Hub {url}: ceasul calculatorului diferă cu {skew} s de al hub-ului; corectați data și ora",
                        "Hub {url}: this computer's clock differs by {skew} s from the hub's; fix the date and time"),
    "pkg.sc.hub_token": ("Hub {url}: tokenul lipsește sau a fost revocat; reînrolați instalarea",
                         "Hub {url}: the token is missing or was revoked; enrol this installation again"),
    "pkg.sc.hub_down": ("Hub {url}: nu poate fi contactat ({detail})", "Hub {url}: cannot be reached ({detail})"),
    "pkg.sc.log": ("Jurnalul aplicației: {path} (rotit, 5 × 2 MB)", "Application log: {path} (rotated, 5 × 2 MB)"),
    "pkg.sc.failed_step": ("{step}: {detail}", "{step}: {detail}"),
    "pkg.sc.ok": ("Toate verificările au trecut ({seconds} s).", "All checks passed ({seconds} s)."),
    "pkg.sc.failed": ("{count} verificări au eșuat; detalii în jurnal.", "{count} checks failed; details in the log."),
    "pkg.sc.step.database": ("Baza de date", "Database"),
    "pkg.sc.step.upgrade": ("Actualizarea bazei de date", "Database upgrade"),
    "pkg.sc.step.register": ("Înregistrare și căutare", "Registration and search"),
    "pkg.sc.step.window": ("Fereastra principală", "Main window"),
    "pkg.sc.step.pdf": ("PDF", "PDF"),
    "pkg.sc.step.translations": ("Traduceri", "Translations"),
    "pkg.sc.step.keyring": ("Seiful de parole", "Password store"),
    "pkg.sc.step.data": ("Dosarul de date", "Data folder"),
    "pkg.sc.step.hub": ("Hub", "Hub"),
}

_core.MESSAGES.update(MESSAGES)


def tr(key: str, lang: str | None = None, **params: Any) -> str:
    return _core.tr(key, lang, **params)
