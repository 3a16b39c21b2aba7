"""Reads of documents: the checklist as the pages show it, and the files a person may download."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.http import Http404

from portique.applications.access import Capability, access_application
from portique.applications.models import Application
from portique.core.request_memo import remember
from portique.rules.case import CaseAffidavit, CaseDocument, CaseFile, CasePhotoBack, CaseTranslation

from . import items as checklist_items
from .choices import Affidavit, DocumentState, Purpose
from .items import Item
from .models import Document, Explanation

PORTAL_FORMS = frozenset({"IMM0008", "IMM5669", "IMM5406", "IMM5562", "IMM1344", "IMM5476"})


def checklist_for(application: Application, on: date) -> tuple[Item, ...]:
    """The documents the rules ask of this application on ``on``, as upload slots.

    The list comes from ``evaluation.details["checklist"]``; the PR card's photo
    (front and back, IMM 5445 — Step 1) is added when the rules' list lacks it.
    """
    from portique.applications.services import application_evaluate

    evaluation = application_evaluate(application=application, on=on)
    not_uploaded = PORTAL_FORMS
    if application.definition.several_signers:
        from portique.applications.signing.several_signers import represented

        if represented(application):
            # Through a representative the sponsor's IMM 1344 is signed by hand and uploaded (seed 004).
            not_uploaded = PORTAL_FORMS - {"IMM1344"}
    found = [
        checklist_items.from_rules(raw, on)
        for raw in evaluation.details.get("checklist", ()) or ()
        # Forms filled in the portal, and the sponsor's undertaking signed in it, are not uploads.
        if raw.get("code") not in not_uploaded
    ]
    if application.on_paper:
        found.append(checklist_items.paper_forms())
    return tuple(found)


def item_in(checklist: tuple[Item, ...], *, code: str, position: int | None) -> Item:
    """The checklist item for a URL's ``code`` and person, or 404 (an item the rules do not ask for)."""
    for item in checklist:
        if item.code == code and item.person_position == position:
            return item
    raise Http404


@dataclass
class ItemRow:
    item: Item
    documents: list[Document] = field(default_factory=list)
    pending: Document | None = None
    explanation: Explanation | None = None

    @property
    def done(self) -> bool:
        return bool(self.documents) or self.explanation is not None


def item_rows(application: Application, checklist: tuple[Item, ...]) -> list[ItemRow]:
    """Each item with its current files, a photo waiting for confirmation, and a standing
    "cannot provide" explanation: three queries, whatever the number of items."""
    rows = {(item.code, item.person_position): ItemRow(item=item) for item in checklist}
    documents = application.documents.filter(
        purpose=Purpose.EVIDENCE, state__in=(DocumentState.CURRENT, DocumentState.PENDING)
    ).order_by("uploaded_at", "id")
    for document in documents:
        row = rows.get((document.item_code, document.person_position))
        if row is None:
            continue
        if document.state == DocumentState.PENDING:
            row.pending = document
        else:
            row.documents.append(document)
    explanations = application.document_explanations.filter(withdrawn_at__isnull=True).select_related("letter")
    for explanation in explanations:
        row = rows.get((explanation.item_code, explanation.person_position))
        if row is not None:
            row.explanation = explanation
    return list(rows.values())


def document_for_download(*, actor, public_id, document_id) -> Document:
    """A file that is part of the application, if ``actor`` may read it; 404 alike
    for "no such file", "not part of the application any more" and "not yours"."""
    application = access_application(actor=actor, public_id=public_id, capability=Capability.READ)
    document = (
        Document.objects.filter(application=application, public_id=document_id, state=DocumentState.CURRENT)
        .select_related("application")
        .first()
    )
    if document is None:
        raise Http404
    return document


def provided_document_codes(application: Application, *, person_position: int | None = 0) -> dict[str, int]:
    """How many current files of each kind the person provided: what the rules'
    ``pr_card_documents.missing_documents(checklist, provided, …)`` counts (by the
    document codes of the items' alternatives, or the item code)."""
    counts: dict[str, int] = {}
    for code in application.documents.filter(
        purpose=Purpose.EVIDENCE, state=DocumentState.CURRENT, person_position=person_position
    ).values_list("document_type", flat=True):
        counts[code] = counts.get(code, 0) + 1
    return counts


def explained_item_codes(application: Application, *, person_position: int | None = 0) -> set[str]:
    """The items marked "cannot provide" with an explanation (``missing_documents``' ``explanations``)."""
    return set(
        application.document_explanations.filter(withdrawn_at__isnull=True, person_position=person_position).values_list(
            "item_code", flat=True
        )
    )


def case_person(position: int | None) -> str:
    """The rules' id of the person at ``position`` (``p0``…), or ``application`` for its own items."""
    return "application" if position is None else f"p{position}"


def _case_translation(translation: Document | None) -> CaseTranslation:
    """A file's current translation as the rules read it (X-01; ``programs.case_documents``)."""
    if translation is None:
        return CaseTranslation(provided=False)
    sworn = {
        Affidavit.CANADA: ("canada", "authorized_under_local_law"),
        Affidavit.ABROAD_NOTARY: ("abroad", "notary_public"),
        Affidavit.ABROAD_OTHER: ("abroad", "authorized_under_local_law"),
    }.get(translation.affidavit)
    return CaseTranslation(
        provided=True,
        translator=translation.translator or None,
        # The upload refuses a translation by the applicant or a family member.
        translator_relationship="none",
        # The options name the oath and what it attests: the person's answer is the affidavit's content.
        affidavit=None
        if sworn is None
        else CaseAffidavit(
            sworn_in=sworn[0], sworn_before=sworn[1], attests_language_proficiency=True, attests_accuracy=True
        ),
        certified_copy_of_original=translation.certified_copy_included,
    )


def current_translations(application: Application) -> dict[int, Document]:
    """Each file's current translation, by the translated file's id."""
    return {
        t.translation_of_id: t
        for t in application.documents.filter(purpose=Purpose.TRANSLATION, state=DocumentState.CURRENT).order_by(
            "uploaded_at", "id"
        )
    }


def _printed_photo(document: dict) -> CaseFile | None:
    """A sponsorship photo's print as measured at upload (SP-190), for the rules' Appendix C check."""
    facts = document["print_facts"]
    if not facts:
        return None
    return CaseFile(
        content_type=document["content_type"],
        size_bytes=document["size"],
        taken_on=document["taken_on"],
        width_mm=Decimal(facts["width_mm"]),
        height_mm=Decimal(facts["height_mm"]),
        face_height_mm=Decimal(facts["face_height_mm"]),
        back=CasePhotoBack(
            name_and_date_of_birth=bool(facts["name_and_date_of_birth"]),
            studio_name_and_full_address=bool(facts["studio_name_and_full_address"]),
            date_taken=bool(facts["date_taken"]),
            marking=str(facts["marking"]),
        ),
        professional_photographer=bool(facts["professional_photographer"]),
    )


def case_documents_for(application: Application) -> tuple[CaseDocument, ...]:
    """What the rules' ``Case.documents`` needs: each kind of document provided (by the
    code the rules count) with its language and translation, and each item explained instead."""
    # One entry per file, not per kind: some items need two documents of a kind.
    # In upload order first (the documents' own order), as the sort below keeps ties in it.
    provided = sorted(
        (document for document in _current_documents(application) if document["purpose"] == Purpose.EVIDENCE),
        key=lambda document: (document["uploaded_at"], document["id"]),
    )
    translations = current_translations(application) if any(d["other_language"] for d in provided) else {}
    explained = {
        (code, position)
        for code, position in application.document_explanations.filter(withdrawn_at__isnull=True).values_list(
            "item_code", "person_position"
        )
    }
    found = [
        CaseDocument(
            code=document["document_type"],
            person=None if document["person_position"] is None else f"p{document['person_position']}",
            language="other" if document["other_language"] else None,
            translation=_case_translation(translations.get(document["id"])) if document["other_language"] else None,
            file=_printed_photo(document),
        )
        for document in sorted(provided, key=lambda d: (d["document_type"], d["person_position"] or 0))
    ]
    found += [
        CaseDocument(code=code, person=None if position is None else f"p{position}", explanation_only=True)
        for code, position in sorted(explained, key=lambda pair: (pair[0], pair[1] or 0))
    ]
    return tuple(found)


def _current_documents(application: Application) -> tuple[dict, ...]:
    """The application's current files, in the signed content's order, with what the rules'
    Case and the signed content read of them: once per request (core.request_memo), as the
    application page, the submit gate and the record kept with a submission ask both."""

    def read() -> tuple[dict, ...]:
        # The order is SQL's (where a file with no person sorts differs between databases):
        # the signed content's hash, and so every signature given, depends on it.
        return tuple(
            application.documents.filter(state=DocumentState.CURRENT)
            .order_by("item_code", "person_position", "uploaded_at", "id")
            .values(
                "id", "item_code", "document_type", "person_position", "purpose", "sha256", "original_name",
                "other_language", "content_type", "size", "taken_on", "print_facts", "uploaded_at",
            )  # fmt: skip
        )

    if application.pk is None:
        return ()
    return remember(("current documents", application.pk, application.version), read)


def documents_content(application: Application) -> list[dict]:
    """The files that are part of the application, by hash: what a signature or a
    submission snapshot should cover so that a changed file is a changed application."""
    return [
        {
            "item": document["item_code"],
            "type": document["document_type"],
            "person": document["person_position"],
            "purpose": document["purpose"],
            "sha256": document["sha256"],
            "name": document["original_name"],
        }
        for document in _current_documents(application)
    ]


def documents_of(application: Application):
    """The files that are part of the application (what was submitted), each with its item."""
    return Document.objects.filter(application=application, state=DocumentState.CURRENT).order_by(
        "person_position", "item_code", "uploaded_at", "id"
    )
