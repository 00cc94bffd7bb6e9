"""Text normalisation for everything stored: NFC, trimmed, control characters removed, and the old
cedilla letters ş ţ Ş Ţ (Windows-1250 era) replaced by the correct comma-below ș ț Ș Ț."""
from __future__ import annotations

import unicodedata

_CEDILLA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})
_CONTROL_OK = {"\n", "\t"}


def clean_text(value: str) -> str:
    v = unicodedata.normalize("NFC", value or "").translate(_CEDILLA)
    v = "".join(c for c in v if c in _CONTROL_OK or unicodedata.category(c)[0] != "C")
    return v.strip()
