"""Text normalisation for everything stored: NFC, trimmed, control characters removed, and the old
cedilla letters ş ţ Ş Ţ (Windows-1250 era) replaced by the correct comma-below ș ț Ș Ț."""
from __future__ import annotations

import unicodedata

_CEDILLA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})
_CONTROL_OK = {"\n", "\t"}


def bounded_text(value: object, field: str, limit: int, required: bool = False) -> str:
    """`clean_text` of a form field, refused (naming the field) when required and empty or over `limit`."""
    from .errors import ValidationError  # noqa: PLC0415 - errors imports messages, not text
    v = clean_text(str(value) if value is not None else "")
    if required and not v:
        raise ValidationError("required", field=field)
    if len(v) > limit:
        raise ValidationError("too_long", field=field, max=limit)
    return v


def clean_text(value: str) -> str:
    v = unicodedata.normalize("NFC", value or "").translate(_CEDILLA)
    v = "".join(c for c in v if c in _CONTROL_OK or unicodedata.category(c)[0] != "C")
    return v.strip()
