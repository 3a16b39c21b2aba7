"""Reads of a multi-person application: each person, the forms the rules ask of them, progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portique.rules.forms.model import Form
from portique.rules.reasons import Severity

from .. import ports
from ..choices import PersonRole
from ..models import Application, Person
from ..question_links import QuestionLinks, section_url
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


def person_label(person: Person, language: str) -> str:
    role = PersonRole(person.role).label
    name = person_name(person)
    return f"{name} ({role})" if name else str(role)


def _first_open_page(links: QuestionLinks, section, open_subjects: list[str]) -> str:
    """A long section is opened at its first page with a question still open (where the person
    stopped), rather than at its first page."""
    pages = [page.code for page in section.pages]
    open_pages = set()
    for subject in open_subjects:
        where = links.where(subject)
        holding = section.page_of(where[3]) if where and where[2].code == section.code and where[3] else None
        if holding is not None:
            open_pages.add(holding.code)
    return next((code for code in pages if code in open_pages), "")


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
    links = QuestionLinks(application)
    found = []
    for person in application.people.all():  # in position order (``Person.Meta``)
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
                open_here = [s for s in open_subjects if s == prefix or s.startswith(prefix + ".")]
                given = section.answers_in(form_answers)
                state = section_state(is_open=bool(open_here), given=given)
                url = section_url(
                    application, person, form, section.code, page=_first_open_page(links, section, open_here)
                )
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
    # What keeps the application from being ready to sign (answers, documents, fees): each
    # finding with the address of its question ("" when it is not about a question).
    before_signing: tuple[tuple[object, str], ...]


def signing_steps(*, application: Application, on: date, language: str = "en") -> SigningSteps:
    from ..services import submission_blockers
    from ..signing import content as signing
    from ..signing.several_signers import before_signing

    readiness = before_signing(application, on=on)
    links = QuestionLinks(application)
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
        before_signing=tuple((found, links.url(found.subject)) for found in readiness.reasons),
    )
