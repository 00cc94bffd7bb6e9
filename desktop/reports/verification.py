"""Verification code printed on a receipt (and encoded in its QR code).

The code is derived from facts the hub also holds in its replica (commune SIRUTA code, number, the
registration time to the second and the entry's uuid), so a receipt can later be checked against the
county's copy: a forged receipt cannot guess the uuid. Ten characters of Crockford base32 (no I, L, O,
U to misread), grouped 5-5.
"""
from __future__ import annotations

import hashlib

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def verification_code(siruta: str, ref: str, registered_at: str, entry_uuid: str) -> str:
    digest = hashlib.sha256(f"{siruta}|{ref}|{registered_at}|{entry_uuid}".encode()).digest()
    value = int.from_bytes(digest[:7], "big") >> 6  # 50 bits
    chars = "".join(ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(10)))
    return f"{chars[:5]}-{chars[5:]}"


def qr_payload(siruta: str, ref: str, registered_at: str, code: str) -> str:
    """What the receipt's QR code holds: `RG1;<siruta>;<number/year>;<registered at>;<code>`."""
    return f"RG1;{siruta};{ref};{registered_at};{code}"
