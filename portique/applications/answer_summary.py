"""A person's answers as people read them: each form's sections with labels and values in
the page's language (a country's name, "Yes", an option's text), as submitted when the
application has been submitted. Officers read the file this way; a represented client
reviews what their representative prepared this way before signing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portique.rules.forms.model import FieldKind, Form, Section
from portique.rules.forms.validate import NOT_APPLICABLE, is_ongoing

from .form_rendering import countries
from .models import Application
from .question_links import section_url


def _yes_no(value: bool, language: str) -> str:
    if language.startswith("fr"):
        return "Oui" if value else "Non"
    return "Yes" if value else "No"


def _value(field, raw: Any, language: str) -> str:
    if raw is None or raw == "" or raw == []:
        return "—"
    if isinstance(raw, bool):
        # A flag (asked as Yes / No) is stored as true / false: never shown as "True".
        return _yes_no(raw, language)
    if isinstance(raw, list):
        # Several options chosen, or several dates.
        return ", ".join(_value(field, item, language) for item in raw)
    if field.options:
        for option in field.options:
            if option.value == raw:
                return option.fr if language.startswith("fr") else option.en
    if field.kind is FieldKind.COUNTRY:
        return dict(countries(language)).get(raw, str(raw))
    if field.kind is FieldKind.YES_NO:
        return {
            "yes": "Oui" if language.startswith("fr") else "Yes",
            "no": "Non" if language.startswith("fr") else "No",
        }.get(raw, str(raw))
    return str(raw)


@dataclass
class SectionView:
    title: str
    not_applicable: bool = False
    pairs: list[tuple[str, str]] | None = None
    # The question of each pair, in the same order.
    codes: list[str] | None = None
    headers: list[str] | None = None
    rows: list[list[str]] | None = None


def section_view(section: Section, answers: Any, language: str) -> SectionView:
    """One section's answers as people read them (the check-your-answers page reads them this way too)."""
    view = SectionView(title=section.title(language))
    if answers == NOT_APPLICABLE:
        view.not_applicable = True
        return view
    if section.repeating:
        # "I live here now" is read in the "To" column, not as a column of its own.
        shown = [field for field in section.fields if field.code != section.ongoing]
        view.headers = [field.label(language) for field in shown]
        rows = [row if isinstance(row, dict) else {} for row in answers] if isinstance(answers, list) else []
        view.rows = [[_cell(section, field, row, language) for field in shown] for row in rows]
        return view
    answers = answers if isinstance(answers, dict) else {}
    shown = [field for field in section.fields if field.code in answers or field.when is None]
    view.pairs = [(field.label(language), _value(field, answers.get(field.code), language)) for field in shown]
    view.codes = [field.code for field in shown]
    return view


def _cell(section: Section, field, row: dict, language: str) -> str:
    if section.period and field.code == section.period[1] and is_ongoing(section, row):
        return section.field(section.ongoing).label(language)
    return _value(field, row.get(field.code), language)


@dataclass
class PersonView:
    position: int
    role: str
    form: Form | None
    sections: list[SectionView]


def people_as_submitted(application: Application, language: str) -> list[PersonView]:
    """Each person with their answers exactly as submitted (the submission's snapshot)."""
    submission = getattr(application, "submission", None)
    people = (submission.snapshot.get("people") if submission else None) or [
        {"position": p.position, "role": p.role, "answers": p.answers} for p in application.people.all()
    ]
    program = application.definition
    views = []
    for person in people:
        forms = program.forms_for(person["role"])
        form = forms[0] if forms else None
        answers = person.get("answers", {}).get(form.code, {}) if form else {}
        sections = (
            [section_view(section, answers.get(section.code), language) for section in form.sections]
            if form
            else []
        )
        views.append(
            PersonView(position=person["position"], role=person["role"], form=form, sections=sections)
        )
    return views


@dataclass(frozen=True)
class CheckedSection:
    """A section on the check-your-answers page: its answers, whether the rules find it complete, its page."""

    title: str
    state: str  # "complete", "incomplete" or "not_started"
    url: str  # its "Change" link: back to this page once saved
    view: SectionView
    # A long section asked over several pages: each answer with the link to the page that
    # asks it (label, value, address), so that "Change" opens that page, not the first.
    paged: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class CheckedForm:
    title: str
    sections: tuple[CheckedSection, ...]


@dataclass(frozen=True)
class CheckedPerson:
    position: int
    label: str
    forms: tuple[CheckedForm, ...]


def application_answers(*, application: Application, on, language: str, evaluation=None) -> tuple[CheckedPerson, ...]:
    """Every person of a draft application with every form the rules ask of them, section by
    section, as people read it: what the applicant (and each signer) checks before signing."""
    from .people.selectors import people_progress

    people = []
    for entry in people_progress(application=application, on=on, language=language, evaluation=evaluation):
        forms = []
        for progress in entry.forms:
            answers = entry.person.answers.get(progress.form.code) or {}
            sections = []
            for state in progress.sections:
                section = progress.form.section(state.code)
                view = section_view(section, answers.get(section.code), language)
                change = section_url(application, entry.person, progress.form, section.code, from_check=True)
                paged = ()
                if section.pages and view.pairs is not None:
                    paged = tuple(
                        (label, value, section_url(
                            application, entry.person, progress.form, section.code, field=code, from_check=True
                        ))
                        for (label, value), code in zip(view.pairs, view.codes, strict=True)
                    )
                sections.append(
                    CheckedSection(title=state.title, state=state.state, url=change, view=view, paged=paged)
                )
            forms.append(CheckedForm(title=progress.title, sections=tuple(sections)))
        people.append(CheckedPerson(position=entry.person.position, label=entry.label, forms=tuple(forms)))
    return tuple(people)
