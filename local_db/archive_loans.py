"""Loans: a dossier lent to a person / compartment against an approval, for `loan_days` (30 by
default, renewable), returned; the overdue list. A lent dossier's status is 'lent' and its view carries
the open loan (who has it, since when, until when): that is where it is."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from . import roles
from .archive_common import (
    Base, compartment_code, dossier_change, dossier_payload, dossier_ref, find_dossier, load_settings,
    loan_payload, loan_view, new_uuid, parse_date, text_field,
)
from .archive_views import LoanView
from .archive_messages import status_label
from .audit import Actor, record_change
from .errors import NotFound, StateError, ValidationError
from .models_archive import Dossier, Loan

LENDABLE = ("closed", "archived")


class Loans(Base):
    def _find(self, s, ref: str | int, year: int | None = None) -> Loan:  # noqa: ANN001
        """A loan by id or uuid, or the open loan of a dossier reference."""
        loan = None
        if isinstance(ref, int):
            loan = s.get(Loan, ref)
        else:
            loan = s.execute(select(Loan).where(Loan.uuid == str(ref).strip())).scalar()
            if loan is None:
                d = find_dossier(s, ref, year)
                loan = s.execute(select(Loan).where(Loan.dossier_id == d.id, Loan.returned_at.is_(None))).scalar()
                if loan is None:
                    raise StateError("arch_dossier_not_lent", field="dossier", ref=dossier_ref(d))
        if loan is None:
            raise NotFound("arch_loan_not_found", ref=str(ref))
        return loan

    def lend(self, actor: Actor, dossier: str | int, borrower: str, approved_by: str, compartment: str = "",
             due: Any = None, purpose: str = "", on: Any = None, year: int | None = None) -> LoanView:
        roles.require(actor.role, "archive")
        who = text_field(borrower, "borrower", "name", required=True)
        approver = text_field(approved_by, "approved_by", "name", required=True)
        purpose = text_field(purpose, "purpose")
        with self.db.write() as s:
            d = find_dossier(s, dossier, year)
            if d.status == "lent":
                raise StateError("arch_dossier_already_lent", field="dossier", ref=dossier_ref(d))
            if d.status not in LENDABLE:
                raise StateError("arch_dossier_not_lendable", field="dossier", ref=dossier_ref(d), status=status_label(d.status))
            settings = load_settings(s)
            today = self.db.today()
            lent = parse_date(on, "date") if on else today
            if lent > today:
                raise ValidationError("arch_date_in_future", field="date", value=lent.isoformat())
            until = parse_date(due, "due") if due else lent + timedelta(days=settings.loan_days)
            if until < lent:
                raise ValidationError("arch_due_before_lent", field="due", due=until.isoformat())
            ts = self.db.now_iso()
            loan = Loan(uuid=new_uuid(), dossier_id=d.id, borrower=who,
                        borrower_compartment=compartment_code(s, compartment), purpose=purpose,
                        approved_by=approver, lent_at=lent.isoformat(), due=until.isoformat(), returned_at=None,
                        renewals=0, prior_status=d.status, lent_by=actor.username, returned_by="", created_at=ts,
                        updated_at=ts, version=1)
            s.add(loan)
            s.flush()
            record_change(s, actor, ts, "lend", "loan", loan.uuid, 1, None, loan_payload(s, loan))
            before = dossier_payload(s, d)
            d.status = "lent"
            dossier_change(s, actor, ts, "lend", d, before)
            return loan_view(loan, d, today)

    def renew(self, actor: Actor, loan_ref: str | int, due: Any = None, year: int | None = None) -> LoanView:
        """Extend an open loan: to `due`, or by another `loan_days` from the current due date."""
        roles.require(actor.role, "archive")
        with self.db.write() as s:
            loan = self._find(s, loan_ref, year)
            d = s.get(Dossier, loan.dossier_id)
            if loan.returned_at is not None:
                raise StateError("arch_loan_returned", field="dossier", ref=dossier_ref(d))
            settings = load_settings(s)
            current = date.fromisoformat(loan.due)
            until = parse_date(due, "due") if due else max(current, self.db.today()) + timedelta(days=settings.loan_days)
            if until <= current:
                raise ValidationError("arch_due_before_lent", field="due", due=until.isoformat())
            before = loan_payload(s, loan)
            ts = self.db.now_iso()
            loan.due, loan.renewals, loan.updated_at, loan.version = until.isoformat(), loan.renewals + 1, ts, loan.version + 1
            record_change(s, actor, ts, "renew", "loan", loan.uuid, loan.version, before, loan_payload(s, loan))
            return loan_view(loan, d, self.db.today())

    def return_(self, actor: Actor, loan_ref: str | int, on: Any = None, year: int | None = None) -> LoanView:
        """The dossier came back: the loan is closed and the dossier's status is what it was before."""
        roles.require(actor.role, "archive")
        with self.db.write() as s:
            loan = self._find(s, loan_ref, year)
            d = s.get(Dossier, loan.dossier_id)
            if loan.returned_at is not None:
                raise StateError("arch_loan_returned", field="dossier", ref=dossier_ref(d))
            today = self.db.today()
            back = parse_date(on, "date") if on else today
            if back > today or back.isoformat() < loan.lent_at:
                raise ValidationError("arch_bad_return_date", field="date", value=back.isoformat())
            before = loan_payload(s, loan)
            ts = self.db.now_iso()
            loan.returned_at, loan.returned_by = back.isoformat(), actor.username
            loan.updated_at, loan.version = ts, loan.version + 1
            record_change(s, actor, ts, "return", "loan", loan.uuid, loan.version, before, loan_payload(s, loan))
            d_before = dossier_payload(s, d)
            d.status = loan.prior_status if loan.prior_status in LENDABLE else "archived"
            dossier_change(s, actor, ts, "return", d, d_before)
            return loan_view(loan, d, today)

    def list(self, open_only: bool = True, overdue_only: bool = False) -> list[LoanView]:
        with self.db.read() as s:
            q = select(Loan, Dossier).join(Dossier, Dossier.id == Loan.dossier_id)
            if open_only or overdue_only:
                q = q.where(Loan.returned_at.is_(None))
            today = self.db.today()
            if overdue_only:
                q = q.where(Loan.due < today.isoformat())
            q = q.order_by(Loan.due if (open_only or overdue_only) else Loan.id.desc())
            return [loan_view(loan, d, today) for loan, d in s.execute(q).all()]

    def overdue(self) -> list[LoanView]:
        """Open loans past their due date, the longest overdue first."""
        return self.list(open_only=True, overdue_only=True)

    def get(self, ref: str | int, year: int | None = None) -> LoanView:
        with self.db.read() as s:
            loan = self._find(s, ref, year)
            return loan_view(loan, s.get(Dossier, loan.dossier_id), self.db.today())
