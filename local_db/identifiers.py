"""Romanian personal (CNP) and company (CUI/CIF) identifiers: validation and masking.

Checksums come from python-stdnum (`stdnum.ro.cnp`, `stdnum.ro.cui`), which implements the official
algorithms (DOMAIN.md "Identifiers"). A CNP is personal data (GDPR): lists and search results show it
masked; only the detail view of an authorised user shows it in full.
"""
from __future__ import annotations

import re

from stdnum.ro import cnp as _cnp
from stdnum.ro import cui as _cui

from .errors import ValidationError

_SPACES = re.compile(r"[\s.\-]")


def compact(value: str) -> str:
    return _SPACES.sub("", value or "").upper()


def is_valid_cnp(value: str) -> bool:
    v = compact(value)
    return len(v) == 13 and v.isdigit() and _cnp.is_valid(v)


def is_valid_cui(value: str) -> bool:
    v = compact(value)
    if v.startswith("RO"):
        v = v[2:]
    return 2 <= len(v) <= 10 and v.isdigit() and _cui.is_valid(v)


def normalise_idno(value: str, field: str, kind: str | None = None) -> str:
    """Validate an identifier for a person (CNP) or institution (CUI). Empty stays empty.

    `kind` is 'person', 'institution' or None (guess by length: 13 digits → CNP).
    Raises ValidationError naming `field` when the checksum does not match.
    """
    v = compact(value)
    if not v:
        return ""
    if kind == "person" or (kind is None and len(v) == 13 and v.isdigit()):
        if not is_valid_cnp(v):
            raise ValidationError("cnp_invalid", field=field, value=value.strip())
        return v
    if kind == "institution" or kind is None:
        if not is_valid_cui(v):
            raise ValidationError("cui_invalid" if kind else "idno_invalid", field=field, value=value.strip())
        return v if not v.startswith("RO") else "RO" + v[2:]
    raise ValidationError("idno_invalid", field=field, value=value.strip())


def mask(value: str) -> str:
    """Show a CNP as `1******123457`-style: sex digit and last 4 only; a CUI is public, shown as is."""
    v = compact(value)
    if len(v) == 13 and v.isdigit():
        return v[0] + "*" * 8 + v[-4:]
    return v
