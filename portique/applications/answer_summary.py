"""A person's answers as people read them: each form's sections with labels and values in
the page's language (a country's name, "Yes", an option's text), as submitted when the
application has been submitted. Officers read the file this way; a represented client
reviews what their representative prepared this way before signing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from portique.rules.forms.model import FieldKind, Form, Section
from portique.rules.forms.validate import NOT_APPLICABLE

from .form_rendering import countries
from .models import Application


def _value(field, raw: Any, language: str) -> str:
    if raw in (None, ""):
        return "—"
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
    headers: list[str] | None = None
    rows: list[list[str]] | None = None


def _section_view(section: Section, answers: Any, language: str) -> SectionView:
    view = SectionView(title=section.title(language))
    if answers == NOT_APPLICABLE:
        view.not_applicable = True
        return view
    if section.repeating:
        view.headers = [field.label(language) for field in section.fields]
        rows = answers if isinstance(answers, list) else []
        view.rows = [
            [_value(field, (row or {}).get(field.code), language) for field in section.fields] for row in rows
        ]
        return view
    answers = answers if isinstance(answers, dict) else {}
    view.pairs = [
        (field.label(language), _value(field, answers.get(field.code), language))
        for field in section.fields
        if field.code in answers or field.when is None
    ]
    return view


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
            [_section_view(section, answers.get(section.code), language) for section in form.sections]
            if form
            else []
        )
        views.append(
            PersonView(position=person["position"], role=person["role"], form=form, sections=sections)
        )
    return views
