"""Provisioning file: lets an installer set a new PC up without the first-run wizard.

Looked for, in order: `--provision FILE`, env REGISTRU_PROVISION, `provision.json` in the config dir,
then in the data dir. The packaging issue will define the final format (hub address, enrolment code);
for now it is JSON:

    {"commune_code": "54975", "commune_name": "Comuna Florești", "county": "Cluj",
     "address": "str. Principală nr. 1",                      (optional)
     "admin": {"username": "admin", "full_name": "Ana Pop", "password": "…"}}

It is read only while the data dir is empty; an initialised registry ignores it.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .paths import config_dir

FILENAME = "provision.json"


class ProvisioningError(Exception):
    """The file is missing, not JSON, or lacks a required key (the message names it)."""


@dataclass(frozen=True)
class Provisioning:
    commune_code: str
    commune_name: str
    county: str
    admin_username: str
    admin_password: str
    admin_full_name: str = ""
    address: str = ""
    source: Path | None = None


def find(explicit: str | None, data_dir: Path) -> Path | None:
    """The provisioning file to use, if any (an explicit path must exist)."""
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ProvisioningError(f"{path}: not found")
        return path
    env = os.environ.get("REGISTRU_PROVISION")
    candidates = [Path(env).expanduser()] if env else []
    candidates += [config_dir() / FILENAME, data_dir / FILENAME]
    return next((p for p in candidates if p.is_file()), None)


def load(path: Path) -> Provisioning:
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise ProvisioningError(f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ProvisioningError(f"{path}: expected a JSON object")
    admin = data.get("admin")
    if not isinstance(admin, dict):
        raise ProvisioningError(f"{path}: missing key 'admin'")

    def need(obj: dict, key: str, where: str = "") -> str:
        value = obj.get(key)
        if not isinstance(value, (str, int)) or not str(value).strip():
            raise ProvisioningError(f"{path}: missing key '{where}{key}'")
        return str(value).strip()

    return Provisioning(
        commune_code=need(data, "commune_code"), commune_name=need(data, "commune_name"),
        county=need(data, "county"), admin_username=need(admin, "username", "admin."),
        admin_password=str(admin.get("password") or ""), admin_full_name=str(admin.get("full_name") or ""),
        address=str(data.get("address") or ""), source=path)
