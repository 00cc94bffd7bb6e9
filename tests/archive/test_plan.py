"""The filing plan: validation, editing, copying last year's plan into the next, county templates."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from local_db import PermissionDenied, Registry, StateError, ValidationError
from local_db.archive_common import LEGAL_RETENTION_YEARS, parse_retention
from local_db.archive_views import PlanItemInput

from .conftest import ARCHIVIST, CLERK, PLAN


def test_items_come_back_in_natural_order_with_their_retention(plan: Registry) -> None:
    items = plan.archive.plan.items(2024)
    assert [i.indicator for i in items] == ["I.A.1", "I.A.2", "I.A.3", "II.B.1", "II.B.2", "III.C.1"]
    by = {i.indicator: i for i in items}
    assert by["I.A.1"].retention == "P" and by["I.A.1"].permanent and by["I.A.1"].retention_years is None
    assert by["I.A.2"].retention == "5" and by["I.A.2"].retention_years == 5
    assert by["III.C.1"].retention == "CS 3" and by["III.C.1"].retention_kind == "cs"
    assert by["II.B.1"].compartment == "URB" and by["II.B.1"].doc_types == ("URB-CU",)
    assert plan.archive.plan.years() == [2024]


def test_indicators_sort_naturally(reg: Registry) -> None:
    for ind in ("I.A.10", "I.A.2", "IV.A.1", "II.A.1", "III/12", "III/2"):
        reg.archive.plan.add(ARCHIVIST, 2025, PlanItemInput(ind, f"Dosar {ind}", "10"))
    assert [i.indicator for i in reg.archive.plan.items(2025)] == [
        "I.A.2", "I.A.10", "II.A.1", "III/2", "III/12", "IV.A.1"]


@pytest.mark.parametrize("value,expected", [
    ("P", ("permanent", None)), ("permanent", ("permanent", None)), ("Permanent", ("permanent", None)),
    ("CS", ("cs", None)), ("cs 10", ("cs", 10)), ("10 CS", ("cs", 10)), (10, ("years", 10)),
    ("10", ("years", 10)), ("10 ani", ("years", 10)), ("100", ("years", 100)),
])
def test_retention_values(value: object, expected: tuple) -> None:
    assert parse_retention(value) == expected


@pytest.mark.parametrize("value", [4, "4", "7 ani", "200", "X", "P10", True, "-5", "0"])
def test_retention_must_be_a_legal_period(value: object) -> None:
    with pytest.raises(ValidationError) as exc:
        parse_retention(value)
    assert exc.value.code == "arch_bad_retention" and exc.value.field == "retention"


def test_every_legal_period_is_accepted() -> None:
    for years in LEGAL_RETENTION_YEARS:
        assert parse_retention(years) == ("years", years)


def test_validation_refuses_missing_retention_duplicates_and_bad_indicators(plan: Registry) -> None:
    p = plan.archive.plan
    with pytest.raises(ValidationError) as exc:
        p.add(ARCHIVIST, 2024, PlanItemInput("I.A.9", "Fără termen", None))
    assert exc.value.code == "arch_retention_required"
    with pytest.raises(ValidationError) as exc:
        p.add(ARCHIVIST, 2024, PlanItemInput("I.A.9", "Fără termen", ""))
    assert exc.value.code == "arch_retention_required"
    with pytest.raises(ValidationError) as exc:
        p.add(ARCHIVIST, 2024, PlanItemInput("i.a.2", "Alt titlu", "5"))  # same indicator, other case
    assert exc.value.code == "arch_duplicate_indicator" and "I.A.2" in str(exc.value)
    for bad in ("I..A", "I A 7", "I:A", "", "x" * 40):
        with pytest.raises(ValidationError) as exc:
            p.add(ARCHIVIST, 2024, PlanItemInput(bad, "Titlu", "5"))
        assert exc.value.field == "indicator"
    with pytest.raises(ValidationError) as exc:
        p.add(ARCHIVIST, 2024, PlanItemInput("I.A.9", "", "5"))
    assert exc.value.field == "title"
    with pytest.raises(ValidationError) as exc:
        p.add(ARCHIVIST, 2024, PlanItemInput("I.A.9", "Titlu", "5", doc_types=["NU-EXISTA"]))
    assert exc.value.code == "unknown_doc_type"
    # the same indicator is fine in another year
    assert p.add(ARCHIVIST, 2025, PlanItemInput("I.A.2", "Petiții", "5")).year == 2025
    assert len(p.items(2024)) == len(PLAN)


def test_a_compartment_name_is_stored_as_its_code(reg: Registry) -> None:
    item = reg.archive.plan.add(ARCHIVIST, 2024, PlanItemInput("V.1", "Stare civilă", "P", "stare civila"))
    assert item.compartment == "SCIV"
    other = reg.archive.plan.add(ARCHIVIST, 2024, PlanItemInput("V.2", "Alt compartiment", "5", "Cultură"))
    assert other.compartment == "Cultură"  # a county template may name one the commune lacks


def test_only_the_archive_roles_change_the_plan(reg: Registry) -> None:
    with pytest.raises(PermissionDenied):
        reg.archive.plan.add(CLERK, 2024, PlanItemInput("I.A.1", "Registru", "P"))


def test_edit_is_audited_and_an_item_in_use_keeps_its_indicator(plan: Registry) -> None:
    p = plan.archive.plan
    v = p.edit(ARCHIVIST, "I.A.3", 2024, retention="10", notes="din 2024: 10 ani")
    assert v.retention == "10" and v.version == 2 and v.notes == "din 2024: 10 ani"
    assert p.edit(ARCHIVIST, "I.A.3", 2024, retention="10").version == 2  # no change, no event
    plan.archive.dossiers.open(ARCHIVIST, 2024, "I.A.3")
    with pytest.raises(StateError) as exc:
        p.edit(ARCHIVIST, "I.A.3", 2024, indicator="I.A.30")
    assert exc.value.code == "arch_plan_item_in_use"
    with pytest.raises(StateError):
        p.remove(ARCHIVIST, "I.A.3", 2024)
    p.remove(ARCHIVIST, "I.A.1", 2024)
    assert "I.A.1" not in [i.indicator for i in p.items(2024)]
    with plan.db.read() as s:
        from sqlalchemy import text
        actions = [a for a, in s.execute(text("SELECT action FROM audit_event WHERE object_kind = 'plan_item'"))]
        kinds = [k for k, in s.execute(text("SELECT DISTINCT kind FROM outbox"))]
    assert actions.count("plan_add") == len(PLAN) and "plan_edit" in actions and "plan_remove" in actions
    assert "plan_item" in kinds


def test_copy_last_years_plan_into_the_next(plan: Registry) -> None:
    p = plan.archive.plan
    p.add(ARCHIVIST, 2025, PlanItemInput("I.A.2", "Petiții (titlu nou)", "5", "REG"))
    rep = p.copy(ARCHIVIST, 2024, 2025)
    assert sorted(rep.added) == ["I.A.1", "I.A.3", "II.B.1", "II.B.2", "III.C.1"]
    assert rep.conflicts == ["I.A.2"]  # 2025 already had it with another title: left alone
    items = {i.indicator: i for i in p.items(2025)}
    assert items["I.A.2"].title == "Petiții (titlu nou)"
    assert items["II.B.1"].retention == "10" and items["II.B.1"].doc_types == ("URB-CU",)
    assert items["I.A.1"].source == "copy:2024"
    again = p.copy(ARCHIVIST, 2024, 2025)
    assert not again.added and "I.A.1" in again.unchanged
    with pytest.raises(StateError):
        p.copy(ARCHIVIST, 2023, 2025)  # nothing to copy
    with pytest.raises(ValidationError):
        p.copy(ARCHIVIST, 2025, 2025)


def _hub_template() -> dict:
    return {"code": "CJ-CLUJ-2025", "name": "Nomenclator-cadru comune",
            "items": [{"indicator": "I.A.1", "compartment": "Registratură", "title": "Registrul general",
                       "retention_years": None, "notes": "P"},
                      {"indicator": "I.A.2", "compartment": "REG", "title": "Petiții", "retention_years": 5, "notes": ""},
                      {"indicator": "II.A.1", "compartment": "Contabilitate, impozite și taxe",
                       "title": "Dosare fiscale", "retention_years": 10, "notes": ""}]}


def test_import_a_county_template_json_in_the_hubs_shape(reg: Registry, tmp_path: Path) -> None:
    f = tmp_path / "plan.json"
    f.write_text(json.dumps(_hub_template(), ensure_ascii=False), "utf-8")
    rep = reg.archive.plan.import_template(ARCHIVIST, 2025, path=f)
    assert rep.added == ["I.A.1", "I.A.2", "II.A.1"] and rep.template == "template:CJ-CLUJ-2025"
    items = {i.indicator: i for i in reg.archive.plan.items(2025)}
    assert items["I.A.1"].permanent  # retention_years null = permanent (the hub's convention)
    assert items["I.A.1"].compartment == "REG" and items["II.A.1"].compartment == "CONT"
    # a list of templates needs a choice
    f.write_text(json.dumps([_hub_template(), {**_hub_template(), "code": "ALT"}]), "utf-8")
    with pytest.raises(ValidationError) as exc:
        reg.archive.plan.import_template(ARCHIVIST, 2026, path=f)
    assert exc.value.code == "arch_template_choose"
    rep = reg.archive.plan.import_template(ARCHIVIST, 2026, path=f, template="ALT")
    assert len(rep.added) == 3


def test_import_a_county_template_csv_with_the_hubs_columns(reg: Registry, tmp_path: Path) -> None:
    f = tmp_path / "plan.csv"
    f.write_text("code;name;indicator;compartment;title;retention_years;notes\n"
                 "CJ;Nomenclator;I.A.1;REG;Registrul general;P;\n"
                 "CJ;Nomenclator;I.A.2;REG;Petiții;5;\n"
                 "CJ;Nomenclator;III.C.1;SEC;Informații publice;CS;comisia decide\n", "utf-8-sig")
    rep = reg.archive.plan.import_template(ARCHIVIST, 2025, path=f)
    assert rep.added == ["I.A.1", "I.A.2", "III.C.1"]
    items = {i.indicator: i for i in reg.archive.plan.items(2025)}
    assert items["III.C.1"].retention == "CS" and items["I.A.2"].title == "Petiții"


def test_a_bad_template_item_refuses_the_whole_file(reg: Registry, tmp_path: Path) -> None:
    tpl = _hub_template()
    tpl["items"].append({"indicator": "II.A.2", "title": "Fără termen legal", "retention_years": 7})
    with pytest.raises(ValidationError) as exc:
        reg.archive.plan.import_template(ARCHIVIST, 2025, data=json.dumps(tpl))
    assert exc.value.code == "arch_template_invalid" and exc.value.params["item"] == 4
    assert reg.archive.plan.items(2025) == []
    tpl["items"][-1] = {"indicator": "I.A.1", "title": "Dublură", "retention_years": 5}
    with pytest.raises(ValidationError):
        reg.archive.plan.import_template(ARCHIVIST, 2025, data=json.dumps(tpl))
    assert reg.archive.plan.items(2025) == []


def test_a_dry_run_reports_without_writing(reg: Registry) -> None:
    rep = reg.archive.plan.import_template(ARCHIVIST, 2025, data=json.dumps(_hub_template()), dry_run=True)
    assert len(rep.added) == 3
    assert reg.archive.plan.items(2025) == []
