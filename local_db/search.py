"""Search over the registry: FTS5 for words, SQL for filters, newest first.

User text never reaches FTS5 syntax: each word becomes a quoted phrase (inner quotes doubled), so
`"`, `*`, `AND`, `NEAR(`, `-`, `:` and unbalanced brackets are searched as text. The last word is
matched as a prefix, so results come as the clerk types. Words are ANDed. Results are ordered by
entry id descending (registration order), which SQLite walks in rowid order and stops after the
first page — fast on a million rows; relevance ranking is deliberately not the default.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

_WORD = re.compile(r"[^\s]+")
_HAS_TOKEN_CHAR = re.compile(r"\w", re.UNICODE)


def fts_query(text: str, prefix_last: bool = True) -> str | None:
    """Build a safe FTS5 MATCH expression from free text; None when there is nothing to search."""
    terms = []
    for word in _WORD.findall(text or ""):
        if not _HAS_TOKEN_CHAR.search(word):
            continue  # punctuation only: nothing the tokenizer would index
        terms.append('"' + word.replace('"', '""') + '"')
    if not terms:
        return None
    if prefix_last:
        terms[-1] += "*"
    return " ".join(terms)


@dataclass
class Filters:
    """What the registry table and `registru search` can filter on. Unset fields do not filter."""
    text: str = ""
    year: int | None = None
    register: str | None = None          # register code
    doc_type: str | None = None          # document type code
    compartment: str | None = None       # compartment code
    direction: str | None = None         # in | out | internal
    status: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    overdue: bool = False
    due_within_days: int | None = None   # "due soon": open entries due today … today+N
    assignee: str | None = None          # username
    include_cancelled: bool = True


def build_query(f: Filters, today: date, select_sql: str, order: str | None = "newest",
                uses: str = "") -> tuple[str, dict]:
    """Full SQL (without LIMIT) for `select_sql` over entries alias `e`, bound parameters only.

    With words to search, the query is driven from the FTS table in rowid order, so SQLite stops after
    the first page instead of collecting every match first. The joins to type, compartment and user
    names are added only when `select_sql`, the order or `uses` (an ORDER BY the caller appends) read
    them: SQLite 3.40 does not drop unused LEFT JOINs and they make a count of a million rows ~50× slower.
    (Filter conditions only read `e.` columns and sub-selects, never the joined names.)
    """
    from .entries import ROW_JOINS
    order_sql = ORDERS[order] if order else ""
    joins = ROW_JOINS if any(a in select_sql + order_sql + uses for a in ("dt.", "c.", "u.")) else ""
    where: list[str] = []
    p: dict = {}
    q = fts_query(f.text)
    if q:
        from_sql = f"FROM entry_fts JOIN entry e ON e.id = entry_fts.rowid {joins}"
        where.append("entry_fts MATCH :fts")
        p["fts"] = q
        order_col = "entry_fts.rowid"
    else:
        from_sql = f"FROM entry e {joins}"
        order_col = "e.id"
    if f.year is not None:
        where.append("e.year = :year"); p["year"] = f.year
    if f.register:
        where.append("e.register_id = (SELECT id FROM register WHERE code = :register)"); p["register"] = f.register
    if f.doc_type:
        where.append("e.doc_type_id = (SELECT id FROM doc_type WHERE code = :doc_type)"); p["doc_type"] = f.doc_type
    if f.compartment:
        where.append("e.compartment_id = (SELECT id FROM compartment WHERE code = :comp)"); p["comp"] = f.compartment
    if f.direction:
        where.append("e.direction = :direction"); p["direction"] = f.direction
    if f.status:
        names = []
        for i, st in enumerate(f.status):
            names.append(f":st{i}"); p[f"st{i}"] = st
        where.append(f"e.status IN ({', '.join(names)})")
    elif not f.include_cancelled:
        where.append("e.status <> 'cancelled'")
    if f.date_from:
        where.append("e.reg_date >= :dfrom"); p["dfrom"] = f.date_from.isoformat()
    if f.date_to:
        where.append("e.reg_date <= :dto"); p["dto"] = f.date_to.isoformat()
    if f.overdue:
        where.append("e.status IN ('registered','assigned') AND e.deadline < :today")
        p["today"] = today.isoformat()
    if f.due_within_days is not None:
        where.append("e.status IN ('registered','assigned') AND e.deadline >= :today AND e.deadline <= :soon")
        p["today"] = today.isoformat()
        p["soon"] = (today + timedelta(days=f.due_within_days)).isoformat()
    if f.assignee:
        where.append("e.assignee_id = (SELECT id FROM user WHERE username = :assignee)"); p["assignee"] = f.assignee
    sql = f"{select_sql} {from_sql}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    if order:
        sql += f" ORDER BY {ORDERS[order].format(id=order_col)}"
    return sql, p


ORDERS = {
    "newest": "{id} DESC",
    "oldest": "{id} ASC",
    "number_desc": "e.year DESC, e.number DESC, e.number_suffix DESC",
    "number_asc": "e.year ASC, e.number ASC, e.number_suffix ASC",
    "deadline": "e.deadline IS NULL, e.deadline ASC, {id} ASC",
}


def index_entries(conn, first_id: int = 0) -> None:  # noqa: ANN001 - a DB-API (sqlite3) connection
    """Add the entries with id ≥ `first_id` to the FTS index in one statement: for bulk loads, which
    suspend the per-row trigger (same columns and number text as the trigger in migration 0001)."""
    conn.execute(
        "INSERT INTO entry_fts(rowid, number, sender, recipient, subject, summary) "
        "SELECT id, number || CASE WHEN number_suffix <> '' THEN ' ' || number_suffix ELSE '' END || '/' || year, "
        "sender_name, recipient_name, subject, summary FROM entry WHERE id >= ? ORDER BY id", (first_id,))


def rebuild_index(conn) -> None:  # noqa: ANN001 - a DB-API (sqlite3) connection
    """Rebuild the FTS index from the entry table (after bulk loads that bypassed the triggers)."""
    conn.execute("DELETE FROM entry_fts")
    index_entries(conn)
