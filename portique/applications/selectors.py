from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection

from portique.rules.forms.model import Form
from portique.rules.reasons import Reason, Severity, reason

from . import ports
from .models import Application, PaperFollower, Person


def applications_of(*, actor) -> list[Application]:
    """The actor's own applications, and the paper applications they linked to their account,
    newest first.

    One ``IN`` over the union of the two id lists, each read through its own index: ``owner = me
    OR follower = me`` over a join read every application (about 300 ms at 1,000,000 files, on
    every applicant's first page; issue 19). Neither list is ordered: SQLite refuses an ORDER BY
    inside a UNION.

    Written in SQL, not built by the ORM: resolving the union as a subquery cost about 4 million
    instructions on every request, a fifth of the applicant's list (``bench/README.md``).
    """
    return list(Application.objects.raw(_applications_of_sql(connection.vendor), [actor.pk, actor.pk]))


@functools.cache
def _applications_of_sql(vendor: str) -> str:
    quote = connection.ops.quote_name

    def column(model, field: str) -> str:
        return quote(model._meta.get_field(field).column)

    applications, followers = quote(Application._meta.db_table), quote(PaperFollower._meta.db_table)
    return (
        f"SELECT * FROM {applications} WHERE {column(Application, 'id')} IN ("
        f"SELECT {column(Application, 'id')} FROM {applications} WHERE {column(Application, 'owner')} = %s"
        f" UNION ALL SELECT {column(PaperFollower, 'application')} FROM {followers}"
        f" WHERE {column(PaperFollower, 'account')} = %s"
        f") ORDER BY {column(Application, 'created_at')} DESC"
    )


def history_of(*, application: Application):
    return application.history.select_related("actor").order_by("at", "id")


@dataclass(frozen=True)
class SectionProgress:
    code: str
    en: str
    fr: str
    # "complete", "incomplete" or "not_started", from the rules' own form findings.
    state: str


@dataclass(frozen=True)
class Progress:
    """Where an editable application stands: what the overview's checklist of steps shows."""

    sections: tuple[SectionProgress, ...]
    documents_missing: int
    fees_due: Decimal
    fees_paid: Decimal
    fees_outstanding: Decimal
    signed: bool
    # What still keeps the application from being submitted (answers, documents, fees, signature).
    blockers: tuple[Reason, ...]
    # A PR card applicant under 18: the parent or legal guardian who signs (pr_card_guardian).
    guardian: object = None

    @property
    def answers_complete(self) -> bool:
        return all(section.state == "complete" for section in self.sections)


def section_state(*, is_open: bool, given) -> str:
    """A section's state on the application pages: "complete" when the rules find nothing
    open in it, else "incomplete" once something is given, else "not_started"."""
    if not is_open:
        return "complete"
    return "incomplete" if given else "not_started"


def progress_of(
    *, application: Application, person: Person, form: Form, on: date, evaluation=None
) -> Progress:
    """``evaluation``: the rules' evaluation on ``on`` when the page already has it (asked once)."""
    from .services import application_evaluate, submission_blockers

    evaluation = evaluation or application_evaluate(application=application, on=on)
    prefix = f"p{person.position}/{form.code}/"
    open_sections = {
        (found.subject or "").removeprefix(prefix).split(".", 1)[0]
        for found in evaluation.form_findings
        if found.severity is Severity.BLOCKING
    }
    answers = person.answers.get(form.code, {})
    sections = tuple(
        SectionProgress(
            code=section.code,
            en=section.en,
            fr=section.fr,
            state=section_state(is_open=section.code in open_sections, given=answers.get(section.code)),
        )
        for section in form.sections
    )
    balance = ports.fee_balance(application, on)
    from .people.guardian import guardian_step
    from .services import applicant_birth_date
    from .signing.standing import standing_signatures

    return Progress(
        guardian=guardian_step(
            application, evaluation=evaluation, on=application.application_date(on), born=applicant_birth_date(application)
        ),
        sections=sections,
        documents_missing=len(evaluation.details.get("documents_missing", ())),
        fees_due=balance.quote.due_now,
        fees_paid=balance.paid,
        fees_outstanding=balance.outstanding,
        signed=bool(standing_signatures(application)),
        blockers=tuple(
            _as_next_step(found, balance.outstanding)
            for found in submission_blockers(application=application, on=on, evaluation=evaluation, balance=balance)
        ),
    )


def _as_next_step(found: Reason, outstanding: Decimal) -> Reason:
    """The rules word a missing payment as the officer finds it ("it is returned"); before
    submitting, the applicant is told what to do instead."""
    if found.code not in ("PAYMENT_MISSING", "PAYMENT_INSUFFICIENT"):
        return found
    from portique.core.money import format_cad

    return reason(
        "FEES_DUE_BEFORE_SUBMISSION",
        rule=found.rule,
        citation=found.citation,
        en="Pay the fees: {amount_en} is still due. An application sent without its fees is returned.",
        fr="Payez les frais : il reste {amount_fr} à payer. Une demande envoyée sans ses frais est retournée.",
        amount_en=format_cad(outstanding, "en"),
        amount_fr=format_cad(outstanding, "fr"),
    )


@dataclass(frozen=True)
class Correspondent:
    """Whom the department writes to about an application, and how.

    Online: the account holder (letters in the account, the e-mail announces them). On
    paper: the person named at intake, at the e-mail address they gave, else by mail to
    their mailing address (X-10: no account, then e-mail, then mail).
    """

    name: str
    email: str
    language: str
    account: object | None
    mailing_address: tuple[str, ...] = ()

    @property
    def by_mail(self) -> bool:
        return self.account is None and not self.email


def correspondent_of(application: Application) -> Correspondent:
    if application.owner_id is not None:
        owner = application.owner
        return Correspondent(
            name=owner.get_full_name() or owner.email,
            email=owner.email,
            language=owner.preferred_language,
            account=owner,
        )
    intake = application.paper_intake
    return Correspondent(
        name=intake.applicant_name,
        email=intake.email,
        language=intake.language,
        account=None,
        mailing_address=tuple(intake.address_lines()),
    )
