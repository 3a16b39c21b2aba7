"""What a restarted application shows of the returned one it was started from (IRPR 12).

The grounds of the return (the screening findings the officer confirmed), each with a link to
the page where it is fixed; the documents of the returned application that were not carried
over; and, section by section, which answers changed since it was returned. The returned
application itself stays as it was submitted: read-only, its status page and copy as submitted.

Reads only; the caller has checked that the actor may read ``application``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.urls import reverse

from . import ports
from .models import Application
from .question_links import QuestionLinks, section_url

PHOTO_ITEMS = frozenset({"PHOTO", "PHOTO_BACK"})
# Grounds an officer adds by hand carry no subject: the page where each one is fixed.
_OFFICER_GROUND_PAGE = {
    "OFFICER_DOCUMENT_MISSING": "documents",
    "OFFICER_COPY_ILLEGIBLE": "documents",
    "OFFICER_PHOTO_NOT_COMPLIANT": "documents",
    "OFFICER_QUESTION_UNANSWERED": "answers",
    "OFFICER_SIGNATURE_MISSING": "answers",
    "OFFICER_FEE_NOT_PAID": "fees",
}


@dataclass(frozen=True)
class Ground:
    message: str
    detail: str
    citation: str
    url: str
    place: str  # "section", "documents", "fees" or "answers": the link's words
    section_title: str = ""


@dataclass(frozen=True)
class SectionChange:
    title: str
    person: str
    fields: tuple[str, ...]
    url: str


@dataclass(frozen=True)
class RestartPin:
    returned: Application
    grounds: tuple[Ground, ...]
    not_carried: tuple[dict, ...]
    carried: int
    changes: tuple[SectionChange, ...] = field(default_factory=tuple)


def _title(thing, language: str) -> str:
    return thing.fr if language.startswith("fr") else thing.en


def _form_of(application: Application, position: int, form_code: str | None):
    person = application.people.filter(position=position).first()
    if person is None:
        return None, None
    forms = application.definition.forms_for(person.role)
    for form in forms:
        if form_code is None or form.code == form_code:
            return person, form
    return person, None


def _ground(application: Application, found: dict, language: str) -> Ground:
    message = found["fr"] if language.startswith("fr") else found["en"]
    base = {"message": message, "detail": found.get("detail", ""), "citation": found.get("citation", "")}
    documents = Ground(url=reverse("documents:index", args=[application.public_id]), place="documents", **base)
    parts = (found.get("subject") or "").split("/")
    code = found.get("code") or ""
    if code.startswith("PAYMENT") or _OFFICER_GROUND_PAGE.get(code) == "fees":
        return Ground(url=reverse("payments:pay", args=[application.public_id]), place="fees", **base)
    if _OFFICER_GROUND_PAGE.get(code) == "answers" or code.startswith("SIGNATURE"):
        return Ground(url=reverse("applications:check_answers", args=[application.public_id]), place="answers", **base)
    if len(parts) < 2 or not parts[0].startswith("p") or not parts[0][1:].isdigit() or parts[1] == "documents":
        return documents
    position = int(parts[0][1:])
    # "p0/IMM5444/personal.family_name" (a form's question) or "p0/personal" (a section).
    form_code, location = (parts[1], parts[2]) if len(parts) > 2 else (None, parts[1])
    section_code = location.split(".", 1)[0]
    person, form = _form_of(application, position, form_code)
    if form is None or section_code not in {section.code for section in form.sections}:
        return documents
    # The question itself when the ground names one (on the page of a long section that asks it).
    url = QuestionLinks(application).url(found.get("subject")) or section_url(application, person, form, section_code)
    return Ground(
        url=url,
        place="section",
        section_title=_title(form.section(section_code), language),
        **base,
    )


def _differing_fields(section, before, after, language: str) -> tuple[str, ...]:
    if section.repeating or not isinstance(before, dict) or not isinstance(after, dict):
        return ()
    return tuple(
        _title(question, language)
        for question in section.fields
        if (before.get(question.code) or "") != (after.get(question.code) or "")
    )


def _changes(application: Application, returned: Application, language: str) -> tuple[SectionChange, ...]:
    before = {person.position: person for person in returned.people.all()}
    changes = []
    named = application.definition.family_members
    for person in application.people.order_by("position"):
        earlier = before.get(person.position)
        who = person.get_role_display() if named or person.position else ""
        for form in application.definition.forms_for(person.role):
            old_answers = earlier.answers.get(form.code, {}) if earlier is not None else {}
            new_answers = person.answers.get(form.code, {})
            for section in form.sections:
                old, new = old_answers.get(section.code), new_answers.get(section.code)
                if (old or None) == (new or None):
                    continue
                changes.append(
                    SectionChange(
                        title=_title(section, language),
                        person=str(who),
                        fields=_differing_fields(section, old, new, language),
                        url=section_url(application, person, form, section.code),
                    )
                )
    return tuple(changes)


def restart_pin(application: Application, language: str) -> RestartPin | None:
    """What ``application`` shows of the returned application it was started from; None if it was not."""
    returned = application.restarted_from
    if returned is None:
        return None
    grounds = tuple(_ground(application, found, language) for found in ports.return_grounds(returned))
    # Matched by content, file by file (two files of the returned application may be the same).
    now = Counter((entry["item"], entry["name"], entry["sha256"]) for entry in ports.documents_content(application))
    then = [entry for entry in ports.documents_content(returned) if entry["purpose"] == "evidence"]
    not_carried = []
    for entry in then:
        key = (entry["item"], entry["name"], entry["sha256"])
        if now[key] > 0:
            now[key] -= 1
        else:
            not_carried.append({"name": entry["name"], "photo": entry["item"] in PHOTO_ITEMS})
    return RestartPin(
        returned=returned,
        grounds=grounds,
        not_carried=tuple(not_carried),
        carried=len(then) - len(not_carried),
        changes=_changes(application, returned, language),
    )
