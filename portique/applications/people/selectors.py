"""Reads of a multi-person application: each person, the forms the rules ask of them, progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from portique.rules.forms.model import Form
from portique.rules.reasons import Severity

from .. import ports
from ..choices import PersonRole
from ..models import Application, Person
from ..selectors import section_state

# The sections in which a person's first form gives their name (IMM 1344's sponsor section;
# IMM 0008's, IMM 5444's and the guardian form's personal details).
_NAME_SECTIONS = ("sponsor", "personal")


def person_name(person: Person, definition=None) -> str:
    """The person's name as they gave it on their first form (in the program's order), else ""."""
    definition = definition or person.application.definition
    for form in definition.forms_for(person.role):
        answers = person.answers.get(form.code) or {}
        for code in _NAME_SECTIONS:
            section = answers.get(code) if isinstance(answers, dict) else None
            if isinstance(section, dict) and (section.get("given_names") or section.get("family_name")):
                parts = (section.get("given_names"), section.get("family_name"))
                return " ".join(str(part) for part in parts if part)
    return ""


def section_url(application: Application, person: Person, form: Form, section_code: str) -> str:
    """The page of one section of one person's form.

    In a program that starts with one applicant, their own form keeps its short address
    (``/form/<section>/``), the one links and bookmarks have always used; every other
    person and form is addressed by position and form. Both addresses serve the same page
    (``views.person_section``).
    """
    definition = application.definition
    own_form = definition.forms_for(definition.account_holder_role)[0].code
    if person.position == 0 and len(definition.starting_roles) == 1 and form.code == own_form:
        return reverse("applications:section", args=[application.public_id, section_code])
    return reverse(
        "applications:person_section", args=[application.public_id, person.position, form.code, section_code]
    )


def person_label(person: Person, language: str) -> str:
    role = PersonRole(person.role).label
    name = person_name(person)
    return f"{name} ({role})" if name else str(role)


@dataclass(frozen=True)
class SectionState:
    code: str
    title: str
    state: str  # "complete", "incomplete" or "not_started"
    url: str = ""


@dataclass(frozen=True)
class FormProgress:
    form: Form
    title: str
    sections: tuple[SectionState, ...]

    @property
    def complete(self) -> bool:
        return all(section.state == "complete" for section in self.sections)


@dataclass(frozen=True)
class PersonProgress:
    person: Person
    label: str
    forms: tuple[FormProgress, ...]
    accompanying: bool | None
    why_not_accompanying: str
    removable: bool
    # Forms this person completes only in some cases, not yet started: IMM 5476 when represented.
    optional: tuple[Form, ...] = ()


def people_progress(
    *, application: Application, on: date, language: str, evaluation=None
) -> tuple[PersonProgress, ...]:
    """``evaluation``: the rules' evaluation on ``on`` when the page already has it (asked once)."""
    from ..services import application_evaluate

    evaluation = evaluation or application_evaluate(application=application, on=on)
    open_subjects = [f.subject or "" for f in evaluation.form_findings if f.severity is Severity.BLOCKING]
    program = application.definition
    found = []
    for person in application.people.order_by("position"):
        pid = f"p{person.position}"
        codes = program.forms_required(person.role, pid, evaluation.details)
        forms = []
        optional = []
        for form in program.forms_for(person.role):
            if form.code not in codes:
                if form.code == "IMM5476":
                    optional.append(form)
                continue
            form_answers = person.answers.get(form.code) or {}
            sections = []
            for section in form.sections:
                if section.when is not None and not section.when.holds({}, form_answers):
                    continue
                prefix = f"{pid}/{form.code}/{section.subject_prefix}"
                is_open = any(s == prefix or s.startswith(prefix + ".") for s in open_subjects)
                given = section.answers_in(form_answers)
                state = section_state(is_open=is_open, given=given)
                url = section_url(application, person, form, section.code)
                sections.append(SectionState(section.code, section.title(language), state, url))
            forms.append(FormProgress(form, form.title(language), tuple(sections)))
        dependant = (person.answers.get("IMM0008") or {}).get("dependant") or {}
        accompanying = dependant.get("accompanying") if person.role == PersonRole.DEPENDENT_CHILD else None
        found.append(
            PersonProgress(
                person=person,
                label=person_label(person, language),
                forms=tuple(forms),
                accompanying=accompanying,
                why_not_accompanying=str(dependant.get("why_not_accompanying") or ""),
                removable=person.role in (PersonRole.DEPENDENT_CHILD, PersonRole.PARENT_OR_GUARDIAN),
                optional=tuple(optional),
            )
        )
    return tuple(found)


@dataclass(frozen=True)
class Signer:
    person: Person
    label: str
    signed: bool


@dataclass(frozen=True)
class SigningSteps:
    """Documents, fees, signatures and submission of a multi-person application, for its page."""

    documents_missing: int
    fees_due: object
    fees_paid: object
    ready_to_sign: bool
    signers: tuple[Signer, ...]
    blockers: tuple
    # What keeps the application from being ready to sign (answers, documents, fees).
    before_signing: tuple


def signing_steps(*, application: Application, on: date, language: str = "en") -> SigningSteps:
    from ..services import submission_blockers
    from ..signing import content as signing
    from ..signing.several_signers import before_signing

    readiness = before_signing(application, on=on)
    current = signing.content_hash(signing.signed_content(application))
    signed = set(
        application.signatures.filter(cleared_at__isnull=True, content_hash=current).values_list(
            "person_id", flat=True
        )
    )
    balance = ports.fee_balance(application, on)
    return SigningSteps(
        documents_missing=len(readiness.evaluation.details.get("documents_missing", ())),
        fees_due=balance.quote.due_now,
        fees_paid=balance.paid,
        ready_to_sign=readiness.ready,
        signers=tuple(Signer(p, person_label(p, language), p.pk in signed) for p in readiness.signers.people),
        blockers=submission_blockers(application=application, on=on, balance=balance),
        before_signing=readiness.reasons,
    )
