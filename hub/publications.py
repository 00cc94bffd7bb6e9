"""County publications: validate items for each stream and read them from a form, CSV or JSON.

Item ids: doc_types and plan_templates by `code`, localities by `siruta`, holidays by `date`, notices by
`id` if given, else a uuid5 of title and time (so uploading the same file twice changes nothing).
"""
from __future__ import annotations

import csv
import io
import json
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from hub.errors import HubError
from hub.streams import Publication
from sync.protocol import (DocTypePayload, HolidayPayload, LocalityPayload, NoticePayload, PlanTemplateItem,
                           PlanTemplatePayload)

PUBLISHABLE = ("doc_types", "plan_templates", "localities", "holidays", "notices")
MAX_ITEMS = 20_000
_NOTICE_NS = uuid.UUID("5b0c8d1e-6a8f-4f3e-9d0a-7c1e2b3a4d5f")


class DocTypeIn(DocTypePayload):
    model_config = ConfigDict(extra="forbid")


class PlanTemplateItemIn(PlanTemplateItem):
    model_config = ConfigDict(extra="forbid")


class PlanTemplateIn(PlanTemplatePayload):
    model_config = ConfigDict(extra="forbid")
    items: list[PlanTemplateItemIn]  # type: ignore[assignment]


class LocalityIn(LocalityPayload):
    model_config = ConfigDict(extra="forbid")


class HolidayIn(HolidayPayload):
    model_config = ConfigDict(extra="forbid")


class NoticeIn(NoticePayload):
    model_config = ConfigDict(extra="forbid")


SCHEMAS: dict[str, type[BaseModel]] = {"doc_types": DocTypeIn, "plan_templates": PlanTemplateIn,
                                       "localities": LocalityIn, "holidays": HolidayIn, "notices": NoticeIn}
KINDS = {"doc_types": "doc_type", "plan_templates": "plan_template", "localities": "locality",
         "holidays": "holiday", "notices": "notice"}
# Columns a CSV file has, per stream (plan_templates: one row per filing-plan item).
CSV_COLUMNS = {
    "doc_types": ["code", "name", "direction", "deadline_days", "day_kind", "extension_days", "roll_to_working_day",
                  "legal_basis", "regime"],
    "plan_templates": ["code", "name", "indicator", "compartment", "title", "retention_years", "notes"],
    "localities": ["siruta", "name", "kind"],
    "holidays": ["date", "name"],
    "notices": ["title", "body", "published_at"],
}


def _check(stream: str) -> None:
    if stream not in PUBLISHABLE:
        raise HubError(422, "unknown_stream", f"Flux necunoscut: {stream} (posibile: {', '.join(PUBLISHABLE)}).")


def item_id(stream: str, payload: dict[str, Any], given: Any = None) -> str:
    if stream in ("doc_types", "plan_templates"):
        return str(payload["code"])
    if stream == "localities":
        return str(payload["siruta"])
    if stream == "holidays":
        return str(payload["date"])
    if isinstance(given, str) and 0 < len(given) <= 64:
        return given
    return str(uuid.uuid5(_NOTICE_NS, f"{payload['title']}|{payload['published_at']}"))


def validate(stream: str, raw: list[dict[str, Any]]) -> list[Publication]:
    """Validated publications, or a 422 naming the first bad item and field."""
    _check(stream)
    if not raw:
        raise HubError(422, "empty", "Fișierul nu conține nicio înregistrare.")
    if len(raw) > MAX_ITEMS:
        raise HubError(422, "too_many", f"Cel mult {MAX_ITEMS} înregistrări într-o publicare.")
    out: dict[str, Publication] = {}
    for n, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise HubError(422, "invalid", f"Înregistrarea {n} nu este un obiect.")
        given_id = item.get("id") if stream == "notices" else None
        try:
            model = SCHEMAS[stream].model_validate({k: v for k, v in item.items() if k != "id" or given_id is None})
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            raise HubError(422, "invalid", f"Înregistrarea {n}, câmpul {where}: {err['msg']}") from None
        payload = model.model_dump(mode="json")
        key = item_id(stream, payload, given_id)
        out[key] = Publication(item_id=key, kind=KINDS[stream], payload=payload)
    return list(out.values())


def _blank_to_none(row: dict[str, Any]) -> dict[str, Any]:
    return {k.strip(): (v.strip() if isinstance(v, str) else v) for k, v in row.items()
            if k is not None and not (isinstance(v, str) and v.strip() == "")}


def _bool(value: str) -> bool | str:
    low = value.lower()
    if low in ("1", "true", "da", "yes", "y"):
        return True
    if low in ("0", "false", "nu", "no", "n"):
        return False
    return value


def _retention(value: str | None) -> int | None | str:
    if value is None or value.upper() in ("P", "PERMANENT"):
        return None
    return value


def _csv_rows(text: str) -> list[dict[str, Any]]:
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return [_blank_to_none(r) for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)]


def plan_items(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Filing-plan items from CSV rows (`retention_years` empty or P = permanent)."""
    return [{"indicator": r.get("indicator", ""), "compartment": r.get("compartment", ""),
             "title": r.get("title", ""), "retention_years": _retention(r.get("retention_years")),
             "notes": r.get("notes", "")} for r in rows if r.get("indicator") or r.get("title")]


def parse_plan_items(text: str) -> list[dict[str, Any]]:
    """The web form's item lines: `indicator,compartment,title,retention_years,notes` without a header."""
    return plan_items(_csv_rows("indicator,compartment,title,retention_years,notes\n" + text))


def parse_csv(stream: str, text: str) -> list[dict[str, Any]]:
    _check(stream)
    rows = _csv_rows(text)
    if stream == "doc_types":
        for r in rows:
            if "roll_to_working_day" in r:
                r["roll_to_working_day"] = _bool(r["roll_to_working_day"])
    if stream != "plan_templates":
        return rows
    templates: dict[str, dict[str, Any]] = {}
    for r in rows:
        code = r.get("code", "")
        templates.setdefault(code, {"code": code, "name": r.get("name", ""), "rows": []})["rows"].append(r)
    return [{"code": t["code"], "name": t["name"], "items": plan_items(t["rows"])} for t in templates.values()]


def parse_file(stream: str, filename: str, data: bytes) -> list[Publication]:
    """A .json (a list, or {"items": [...]}) or .csv file (header row; ',' or ';') for a stream."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HubError(422, "bad_file", "Fișierul trebuie să fie UTF-8.") from None
    if filename.lower().endswith(".json") or text.lstrip()[:1] in ("[", "{"):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise HubError(422, "bad_file", f"JSON invalid: {exc.msg} (linia {exc.lineno}).") from None
        raw = doc.get("items") if isinstance(doc, dict) else doc
        if not isinstance(raw, list):
            raise HubError(422, "bad_file", "JSON-ul trebuie să fie o listă sau {\"items\": [...]}.")
        return validate(stream, raw)
    return validate(stream, parse_csv(stream, text))
