"""What a document is, in plain language, and whose it is: the label officers read.

A document is stored with codes (its checklist item, the kind of document the person said
it is: ``CURRENT_PR_CARD_COPY``, ``POLICE_CERTIFICATE_NG``). No code reaches a page: the
label is, in order, the name of the kind of document (``applications.document_types``),
a police certificate with the country's name, the photo's or the paper forms' own name,
the title the rules give the checklist item (as frozen with the file at submission, else
as the rules give it for the application date), and at worst "Supporting document".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from babel import Locale
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portique.applications import document_types
from portique.applications.choices import PersonRole
from portique.applications.people.selectors import person_name

from . import items as checklist_items
from .choices import Purpose
from .models import Document

POLICE_CERTIFICATE = "POLICE_CERTIFICATE_"


@dataclass(frozen=True)
class DocumentLabel:
    title: str
    person: str

    def __str__(self) -> str:
        return f"{self.title} — {self.person}" if self.person else self.title


def country_name(code: str, language: str) -> str:
    names = Locale.parse("fr_CA" if language.startswith("fr") else "en_CA").territories
    return names.get(code.upper(), code)


def _item_titles(application, language: str) -> dict[tuple[str, int | None], str]:
    """The checklist's titles by (item code, person), as frozen at submission when it was."""
    frozen = getattr(application, "rules_assessment", None) if application.submitted_at else None
    raw = (frozen.evaluation.get("details") or {}).get("checklist") if frozen is not None else None
    on = timezone.localdate(application.submitted_at) if application.submitted_at else timezone.localdate()
    if isinstance(raw, list):
        found = [checklist_items.from_rules(entry, on) for entry in raw if isinstance(entry, dict)]
    else:
        from .selectors import checklist_for

        found = list(checklist_for(application, on))
    if application.on_paper:
        found.append(checklist_items.paper_forms())
    return {(item.code, item.person_position): item.title(language) for item in found}


def _kind_title(code: str, language: str) -> str | None:
    if code in document_types.LABELS:
        return document_types.label(code)
    if code.startswith(POLICE_CERTIFICATE):
        country = code[len(POLICE_CERTIFICATE) :]
        return _("Police certificate from %(country)s") % {"country": country_name(country, language)}
    if code == checklist_items.PHOTO_FRONT:
        return _("Photo (front)")
    if code == checklist_items.PHOTO_BACK:
        return _("Photo (back)")
    return None


def _people(application, language: str) -> dict[int, str]:
    definition = application.definition
    return {
        person.position: person_name(person, definition) or str(PersonRole(person.role).label)
        for person in application.people.all()
    }


def document_labels(application, documents: Iterable[Document], *, language: str) -> dict[int, DocumentLabel]:
    """Each document's label (by its primary key) in ``language``, in a handful of queries."""
    documents = list(documents)
    with translation.override(language):
        titles: dict[tuple[str, int | None], str] | None = None
        people = _people(application, language)
        labels = {}
        for document in documents:
            code = document.document_type or document.item_code
            title = _kind_title(code, language) if code else None
            if title is None:
                if titles is None:
                    titles = _item_titles(application, language)
                title = titles.get((document.item_code, document.person_position)) or _kind_title(
                    document.item_code, language
                )
            title = title or _("Supporting document")
            if document.purpose == Purpose.EXPLANATION:
                title = _("Letter explaining why this cannot be provided: %(document)s") % {"document": title}
            person = people.get(document.person_position, "") if document.person_position is not None else ""
            labels[document.pk] = DocumentLabel(title=title, person=person)
        return labels


def document_label(document: Document, *, language: str) -> DocumentLabel:
    return document_labels(document.application, [document], language=language)[document.pk]


_PERSON = re.compile(r"^p(\d+)$")


def finding_subject(application, subject: str, *, language: str) -> str:
    """What a rules' finding is about ("p0:CURRENT_PR_CARD_COPY", "p1", "PRIMARY_IDENTITY_DOCUMENT",
    a form's field path) in plain words: the document and whose it is, or the person; "" when
    the finding's own message says it all."""
    if not subject:
        return ""
    head, _sep, rest = subject.partition(":") if ":" in subject else subject.partition("/")
    # "p0:CODE" and "p0/documents/CODE" are a document of a person; "CODE" one of the application
    # or its person; any other "p0/…" is one of the person's answers.
    document_of_person = ":" in subject or rest.startswith("documents/")
    rest = rest.removeprefix("documents/")
    person_match = _PERSON.match(head)
    position = int(person_match.group(1)) if person_match else None
    code = rest if person_match else subject
    names_a_document = document_of_person or not person_match
    with translation.override(language):
        person = _people(application, language).get(position, "") if position is not None else ""
        title = ""
        if names_a_document and code:
            title = _kind_title(code, language)
            if not title:
                titles = _item_titles(application, language)
                title = titles.get((code, position)) or next(
                    (text for (item, _position), text in titles.items() if item == code), ""
                )
        return str(DocumentLabel(title=title, person=person)) if title else person
