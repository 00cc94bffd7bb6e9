"""Fixtures of the archive tests: a registry on a copy of the template database with a settable clock,
a small filing plan, and every archive mutation followed by `verify` (the audit chain and each entry
against its last audited state must stay clean after every operation)."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Iterator

import pytest

from local_db import Registry
from local_db.archive_views import PlanItemInput
from local_db.audit import Actor

from ..local_db.helpers import FakeClock, outgoing, petition

ARCHIVIST = Actor("arhivar", "archivist")
CLERK = Actor("maria", "clerk")

#: Methods of the archive's sub-services that write; each is followed by a full `verify`.
MUTATIONS = {
    "plan": ("add", "edit", "remove", "copy", "import_template"),
    "dossiers": ("open", "file", "unfile", "locate", "annotate", "close", "reopen", "close_year"),
    "transfers": ("record",),
    "loans": ("lend", "renew", "return_"),
    "disposal": ("propose", "approve", "withdraw", "execute"),
}

PLAN = [
    PlanItemInput("I.A.1", "Registrul general de intrări-ieșiri", "P", "REG"),
    PlanItemInput("I.A.2", "Petiții, sesizări și răspunsurile la ele", "5", "REG", doc_types=["PETITIE"]),
    PlanItemInput("I.A.3", "Corespondență cu instituțiile", "3", "REG", doc_types=["CORESP-INST", "CORESP-CJ"]),
    PlanItemInput("II.B.1", "Certificate de urbanism și documentațiile lor", "10", "URB", doc_types=["URB-CU"]),
    PlanItemInput("II.B.2", "Autorizații de construire", "P", "URB", doc_types=["URB-AC"]),
    PlanItemInput("III.C.1", "Cereri de informații publice", "CS 3", "SEC", doc_types=["INFO-544"]),
]


class VerifyCounter:
    def __init__(self) -> None:
        self.calls = 0


def _verified(reg: Registry, counter: VerifyCounter, fn: Any) -> Any:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = fn(*args, **kwargs)
        report = reg.verify()
        assert report.ok, f"verify failed after {fn.__qualname__}: {report.problems}"
        counter.calls += 1
        return result
    return wrapper


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    """What `python3 dev.py setup` does: compile ui/translations/*.ts when the .qm is missing or older
    (the archive's documents and screens are Romanian through archive_ro.qm)."""
    import subprocess

    import PySide6
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    for ts in (Path(__file__).resolve().parents[2] / "ui" / "translations").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.check_call([str(lrelease), "-silent", str(ts), "-qm", str(qm)])


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(2024, 3, 4, 9, 30)


@pytest.fixture
def verified() -> VerifyCounter:
    return VerifyCounter()


@pytest.fixture
def reg(data_dir: Path, clock: FakeClock, verified: VerifyCounter) -> Iterator[Registry]:
    """The registry with every archive mutation wrapped in a `verify` check."""
    r = Registry.open(data_dir, clock=clock)
    for service, names in MUTATIONS.items():
        obj = getattr(r.archive, service)
        for name in names:
            setattr(obj, name, _verified(r, verified, getattr(obj, name)))
    yield r
    assert r.verify().ok
    r.close()


@pytest.fixture
def plan(reg: Registry) -> Registry:
    """The registry with the 2024 filing plan in place."""
    for item in PLAN:
        reg.archive.plan.add(ARCHIVIST, 2024, item)
    return reg


__all__ = ["ARCHIVIST", "CLERK", "PLAN", "petition", "outgoing", "FakeClock"]
