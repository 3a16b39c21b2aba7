"""The only writers of documents. Each change is atomic, under the application's row
lock, and leaves an audit row; files are never deleted, only set aside."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.files.storage import default_storage
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.access import access_application
from portique.applications.choices import EDITABLE
from portique.applications.models import Application
from portique.applications.services import application_changed
from portique.rules.reasons import Reason, Severity
from portique.uploads.inspection import Inspected, Problem, UploadRejected, inspect

from . import photo_checks, photo_spec
from .choices import EXTENSIONS, Affidavit, DocumentState, EventKind, ItemKind, Purpose, Translator
from .formatting import file_size
from .items import ANY_DOCUMENT, PHOTO_CODES, Item, document_max_bytes
from .models import Document, DocumentEvent, Explanation, storage_name

log = logging.getLogger(__name__)

# The rules' findings that make a photo unusable rather than merely doubtful. The
# guide lists them among the reasons a photo "may be sent back", but the upload
# itself refuses them (issue 5, "Bad input": an oversized or out-of-range photo is
# refused and changes nothing), as the IRCC portal's image editor does.
_PHOTO_REFUSALS = frozenset({"PHOTO_FORMAT_NOT_ACCEPTED", "PHOTO_RESOLUTION_OUT_OF_RANGE", "PHOTO_FILE_TOO_LARGE"})


class DocumentError(Exception):
    """A request refused with reasons for the person, each at its form field."""

    def __init__(self, *problems: Problem):
        super().__init__("; ".join(p.code for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Uploaded:
    document: Document
    # Warnings found on a photo: when there are any, the document waits for the
    # person's "Confirmation" (state PENDING) and does not yet replace the previous one.
    warnings: tuple[Reason, ...]

    @property
    def needs_confirmation(self) -> bool:
        return self.document.state == DocumentState.PENDING


def _locked_editable(*, actor, public_id) -> Application:
    application = access_application(actor=actor, public_id=public_id, for_update=True)
    if application.status not in EDITABLE:
        raise DocumentError(
            Problem("not_editable", _("This application was submitted: its documents can no longer be changed."))
        )
    # Every document change is a change of the application: a new version, back to
    # draft, signatures cleared. Rolled back with the caller's transaction on failure.
    application_changed(application=application, actor=actor, reason="documents changed")
    return application


def _event(*, application, actor, kind: EventKind, item_code: str, document=None, explanation=None, detail=""):
    DocumentEvent.objects.create(
        application=application,
        actor=actor,
        kind=kind,
        item_code=item_code,
        document=document,
        explanation=explanation,
        detail=detail[:200],
    )


def _clean_name(name: str | None, inspected: Inspected) -> str:
    # Browsers send a base name already; control characters and separators are still
    # removed so the name is safe to show and to offer back in Content-Disposition.
    cleaned = re.sub(r"[\x00-\x1f\x7f/\\]", "", (name or "").strip())[-200:]
    return cleaned or f"document.{EXTENSIONS[inspected.content_type]}"


def _check_size(upload, *, limit: int, field: str = "file") -> None:
    if upload.size is not None and upload.size > limit:
        raise UploadRejected(
            Problem(
                "too_large",
                _("The file is %(size)s. The limit for this item is %(limit)s."),
                field,
                {"size": lambda: file_size(upload.size), "limit": lambda: file_size(limit)},
            )
        )


def _photo_findings(*, inspected: Inspected, taken_on: date, on: date) -> tuple[Reason, ...]:
    checked = photo_spec.check(
        width=inspected.width,
        height=inspected.height,
        size=inspected.size,
        content_type=inspected.content_type,
        taken_on=taken_on,
        on=on,
    )
    refusals = [r for r in checked.reasons if r.code in _PHOTO_REFUSALS]
    if refusals:
        raise UploadRejected(*(Problem(r.code.lower(), r) for r in refusals))
    from_rules = tuple(r for r in checked.reasons if r.severity is Severity.WARNING)
    return from_rules + photo_checks.warnings_for(inspected.image)


def _document_type(item: Item, chosen: str | None) -> str:
    if len(item.document_types) == 1:
        return item.document_types[0]
    if item.document_types:
        return str(chosen)
    return item.code


def _file_facts(inspected: Inspected) -> dict:
    """What the content check found about a file, as a document row keeps it."""
    return {
        "content_type": inspected.content_type,
        "size": inspected.size,
        "sha256": inspected.sha256,
        "page_count": inspected.page_count,
        "width": inspected.width,
        "height": inspected.height,
    }


def _store(upload, inspected: Inspected) -> str:
    """Stream the file to the default storage under a name nobody can guess."""
    upload.seek(0)
    name = storage_name(None, f"upload.{EXTENSIONS[inspected.content_type]}")
    return default_storage.save(name, upload)


def _set_aside(*, application, actor, item: Item, replaced_by: Document, states: tuple[str, ...], to: str) -> None:
    previous = application.documents.select_for_update().filter(
        item_code=item.code, person_position=item.person_position, purpose=Purpose.EVIDENCE, state__in=states
    ).exclude(pk=replaced_by.pk)
    now = timezone.now()
    for old in previous:
        old.state = to
        old.state_changed_at = now
        old.replaced_by = replaced_by
        old.save(update_fields=["state", "state_changed_at", "replaced_by"])
        kind = EventKind.REPLACED if to == DocumentState.SUPERSEDED else EventKind.DISCARDED
        _event(application=application, actor=actor, kind=kind, item_code=item.code, document=old)
        _translations_aside(application=application, actor=actor, item=item, original=old, to=DocumentState.REMOVED)


def _translations_aside(*, application, actor, item: Item, original: Document, to: str) -> None:
    """A file that no longer counts takes its translation with it (X-01: the pair is one document)."""
    now = timezone.now()
    for translation in original.translations.select_for_update().filter(state=DocumentState.CURRENT):
        translation.state, translation.state_changed_at = to, now
        translation.save(update_fields=["state", "state_changed_at"])
        _event(application=application, actor=actor, kind=EventKind.REMOVED, item_code=item.code, document=translation)


@dataclass(frozen=True)
class PrintFacts:
    """A sponsorship photo's print, as the person measured it (IMM 5289 Appendix C, SP-190).
    ``None`` is "not answered"; sizes in millimetres."""

    width_mm: Decimal | None = None
    height_mm: Decimal | None = None
    face_height_mm: Decimal | None = None
    name_and_date_of_birth: bool | None = None
    studio_name_and_full_address: bool | None = None
    date_taken: bool | None = None
    marking: str | None = None  # rules.photos.BackMarking
    professional_photographer: bool | None = None


_MARKINGS = ("stamp", "handwritten", "sticker")
# A print is a few centimetres across: a number outside this range is a mistyped one.
_MM_RANGE = (Decimal("1"), Decimal("300"))
_PRINT_QUESTIONS = {
    "width_mm": _("Enter the width of the printed photo in millimetres, for example 50."),
    "height_mm": _("Enter the height of the printed photo in millimetres, for example 70."),
    "face_height_mm": _("Enter the height of the face, from chin to crown, in millimetres, for example 34."),
    "name_and_date_of_birth": _("Say whether the back shows the person’s name and date of birth."),
    "studio_name_and_full_address": _("Say whether the back shows the studio’s name and full address."),
    "date_taken": _("Say whether the back shows the date the photo was taken."),
    "marking": _("Say how the information on the back was put there."),
    "professional_photographer": _("Say whether a professional photographer took the photo."),
}


def _print_problems(facts: PrintFacts) -> list[Problem]:
    problems = []
    for field, question in _PRINT_QUESTIONS.items():
        answer = getattr(facts, field)
        if answer is None or (field == "marking" and answer not in _MARKINGS):
            problems.append(Problem(f"{field}_missing", question, field))
        elif field.endswith("_mm") and not _MM_RANGE[0] <= answer <= _MM_RANGE[1]:
            problems.append(
                Problem(
                    f"{field}_out_of_range",
                    _("Measure the printed photo again: a size in millimetres is between 1 and 300."),
                    field,
                )
            )
    return problems


def _print_record(facts: PrintFacts) -> dict:
    return {
        "width_mm": str(facts.width_mm),
        "height_mm": str(facts.height_mm),
        "face_height_mm": str(facts.face_height_mm),
        "name_and_date_of_birth": facts.name_and_date_of_birth,
        "studio_name_and_full_address": facts.studio_name_and_full_address,
        "date_taken": facts.date_taken,
        "marking": facts.marking,
        "professional_photographer": facts.professional_photographer,
    }


def document_upload(
    *,
    actor,
    public_id,
    item: Item,
    upload,
    on: date,
    declaration: bool = False,
    taken_on: date | None = None,
    document_type: str | None = None,
    print_facts: PrintFacts | None = None,
) -> Uploaded:
    """Check ``upload`` by its content and add it to ``item`` of the application.

    A refused file raises ``DocumentError`` and stores nothing. For an item that takes
    one file (the photo) the new file replaces the current one, which is kept as
    superseded. A photo needs the "Declaration" box and the date it was taken; when
    the automated checks warn, it waits for ``document_confirm``. When the item accepts
    several kinds of document, ``document_type`` says which one this file is.
    """
    # Who may, before reading a byte of the file: 404 alike for "not found" and "not yours".
    application = access_application(actor=actor, public_id=public_id)
    # A paper application's scans are checked against the rules of the day it was received.
    on = application.application_date(on)
    problems: list[Problem] = []
    if item.kind == ItemKind.PHOTO:
        step = photo_spec.upload_step(compliant=True, declaration=declaration, confirmation=False)
        problems += [Problem(r.code.lower(), r, "declaration") for r in step.reasons if r.severity is Severity.BLOCKING]
        if taken_on is None:
            problems.append(Problem("taken_on_missing", _("Enter the date the photo was taken."), "taken_on"))
    # A sponsorship photo is a print scanned front and back: its measures and back are asked (SP-190).
    measured = item.kind == ItemKind.PHOTO and application.definition.photo_print_measured
    if measured:
        problems += _print_problems(print_facts or PrintFacts())
    if len(item.document_types) > 1 and document_type not in item.document_types:
        problems.append(Problem("document_type_missing", _("Choose what this document is."), "document_type"))
    if upload is None:
        problems.append(Problem("no_file", _("Choose a file to upload.")))
    if problems:
        raise DocumentError(*problems)
    inspected: Inspected | None = None
    try:
        _check_size(upload, limit=item.max_bytes(on))
        inspected = inspect(upload, accepts=item.accepts(on), keep_image=item.kind == ItemKind.PHOTO)
        warnings = _photo_findings(inspected=inspected, taken_on=taken_on, on=on) if item.kind == ItemKind.PHOTO else ()
    except UploadRejected as refused:
        raise DocumentError(*refused.problems) from refused
    finally:
        if inspected is not None and inspected.image is not None:
            inspected.image.close()
            inspected.image = None
    pending = bool(warnings)
    stored = _store(upload, inspected)
    try:
        with transaction.atomic():
            application = _locked_editable(actor=actor, public_id=public_id)
            document = Document.objects.create(
                application=application,
                person_position=item.person_position,
                item_code=item.code,
                document_type=_document_type(item, document_type),
                purpose=Purpose.EVIDENCE,
                state=DocumentState.PENDING if pending else DocumentState.CURRENT,
                file=stored,
                original_name=_clean_name(getattr(upload, "name", ""), inspected),
                **_file_facts(inspected),
                warnings=[r.as_dict() for r in warnings],
                declaration_accepted=declaration if item.kind == ItemKind.PHOTO else False,
                taken_on=taken_on if item.kind == ItemKind.PHOTO else None,
                print_facts=_print_record(print_facts) if measured and print_facts else {},
                uploaded_by=actor,
            )
            # An unconfirmed photo left from an earlier try no longer waits.
            _set_aside(
                application=application, actor=actor, item=item, replaced_by=document,
                states=(DocumentState.PENDING,), to=DocumentState.DISCARDED,
            )
            if pending:
                _event(
                    application=application, actor=actor, kind=EventKind.WARNED, item_code=item.code,
                    document=document, detail=",".join(r.code for r in warnings),
                )
            else:
                _event(application=application, actor=actor, kind=EventKind.UPLOADED, item_code=item.code, document=document)
                if item.single:
                    _set_aside(
                        application=application, actor=actor, item=item, replaced_by=document,
                        states=(DocumentState.CURRENT,), to=DocumentState.SUPERSEDED,
                    )
    except BaseException:
        # The row was not written: the stored file would belong to nothing.
        default_storage.delete(stored)
        raise
    return Uploaded(document=document, warnings=warnings)


def document_confirm(*, actor, public_id, document_id, item: Item, confirmation: bool) -> Document:
    """"Confirmation": upload anyway a photo the automated checks warned about (PRC-62)."""
    if not confirmation:
        step = photo_spec.upload_step(compliant=False, declaration=True, confirmation=False)
        raise DocumentError(
            *(Problem(r.code.lower(), r, "confirmation") for r in step.reasons if r.severity is Severity.BLOCKING)
        )
    with transaction.atomic():
        application = _locked_editable(actor=actor, public_id=public_id)
        document = _document_of(application, document_id=document_id, item=item, states=(DocumentState.PENDING,))
        document.state = DocumentState.CURRENT
        document.confirmed_at = document.state_changed_at = timezone.now()
        document.save(update_fields=["state", "confirmed_at", "state_changed_at"])
        _event(application=application, actor=actor, kind=EventKind.CONFIRMED, item_code=item.code, document=document)
        if item.single:
            _set_aside(
                application=application, actor=actor, item=item, replaced_by=document,
                states=(DocumentState.CURRENT,), to=DocumentState.SUPERSEDED,
            )
    return document


def _document_of(application, *, document_id, item: Item, states) -> Document:
    document = (
        application.documents.select_for_update()
        .filter(public_id=document_id, item_code=item.code, person_position=item.person_position, state__in=states)
        .first()
    )
    if document is None:
        raise DocumentError(Problem("not_found", _("This file is no longer waiting: upload it again.")))
    return document


def document_remove(*, actor, public_id, document_id, item: Item) -> Document:
    """Take a file out of the application (kept, no longer part of it nor served)."""
    with transaction.atomic():
        application = _locked_editable(actor=actor, public_id=public_id)
        document = _document_of(
            application, document_id=document_id, item=item, states=(DocumentState.CURRENT, DocumentState.PENDING)
        )
        document.state = DocumentState.REMOVED if document.state == DocumentState.CURRENT else DocumentState.DISCARDED
        document.state_changed_at = timezone.now()
        document.save(update_fields=["state", "state_changed_at"])
        _event(application=application, actor=actor, kind=EventKind.REMOVED, item_code=item.code, document=document)
        _translations_aside(application=application, actor=actor, item=item, original=document, to=DocumentState.REMOVED)
    return document


def _current_original(application, *, document_id, item: Item) -> Document:
    document = (
        application.documents.select_for_update()
        .filter(
            public_id=document_id,
            item_code=item.code,
            person_position=item.person_position,
            purpose=Purpose.EVIDENCE,
            state=DocumentState.CURRENT,
        )
        .first()
    )
    if document is None:
        raise DocumentError(Problem("not_found", _("This file is no longer part of the application.")))
    return document


def translation_asked(item: Item) -> bool:
    """Whether the documents page asks the language of this item's files (not the photo's)."""
    return item.kind == ItemKind.DOCUMENT


def document_language(*, actor, public_id, document_id, item: Item, other_language: str) -> Document:
    """The answer to "Is this document in English or French?" for one uploaded file (X-01)."""
    if not translation_asked(item):
        raise Http404
    if other_language not in ("yes", "no"):
        raise DocumentError(
            Problem("language_missing", _("Say whether this document is in English or French."), "language")
        )
    with transaction.atomic():
        application = _locked_editable(actor=actor, public_id=public_id)
        document = _current_original(application, document_id=document_id, item=item)
        document.other_language = other_language == "no"
        document.save(update_fields=["other_language"])
        _event(
            application=application, actor=actor, kind=EventKind.LANGUAGE_ANSWERED, item_code=item.code,
            document=document, detail="other" if document.other_language else "en_or_fr",
        )
    return document


def translation_upload(
    *,
    actor,
    public_id,
    document_id,
    item: Item,
    upload,
    on: date,
    translator: str | None,
    affidavit: str | None,
    not_related: bool,
    certified_copy: bool = False,
) -> Document:
    """Add the English or French translation of one file in another language (X-01).

    Who translated it and the affidavit in the same file are the person's answers; a
    translation by the applicant or a family member is refused (X-01). A new translation
    replaces the file's current one, which is kept as superseded.
    """
    application = access_application(actor=actor, public_id=public_id)
    on = application.application_date(on)
    if not translation_asked(item):
        raise Http404
    problems: list[Problem] = []
    if upload is None:
        problems.append(Problem("no_file", _("Choose the file of the translation."), "translation"))
    if translator not in Translator.values:
        problems.append(Problem("translator_missing", _("Say who translated the document."), "translator"))
    if affidavit not in Affidavit.values:
        problems.append(Problem("affidavit_missing", _("Say whether the translator’s affidavit is in the file."), "affidavit"))
    if not not_related:
        problems.append(
            Problem(
                "translator_related",
                _("A translation may not be done by the applicant or a member of their family: have it done by someone else, then tick the box."),
                "not_related",
            )
        )
    if problems:
        raise DocumentError(*problems)
    inspected: Inspected | None = None
    try:
        _check_size(upload, limit=document_max_bytes(), field="translation")
        inspected = inspect(upload, accepts=ANY_DOCUMENT, keep_image=False)
    except UploadRejected as refused:
        raise DocumentError(*(Problem(p.code, p.text, "translation", p.params) for p in refused.problems)) from refused
    stored = _store(upload, inspected)
    try:
        with transaction.atomic():
            application = _locked_editable(actor=actor, public_id=public_id)
            original = _current_original(application, document_id=document_id, item=item)
            translation = Document.objects.create(
                application=application,
                person_position=item.person_position,
                item_code=item.code,
                document_type=original.document_type,
                purpose=Purpose.TRANSLATION,
                state=DocumentState.CURRENT,
                file=stored,
                original_name=_clean_name(getattr(upload, "name", ""), inspected),
                content_type=inspected.content_type,
                size=inspected.size,
                sha256=inspected.sha256,
                page_count=inspected.page_count,
                translation_of=original,
                translator=translator,
                affidavit=affidavit,
                certified_copy_included=certified_copy,
                uploaded_by=actor,
            )
            now = timezone.now()
            for old in original.translations.select_for_update().filter(state=DocumentState.CURRENT).exclude(
                pk=translation.pk
            ):
                old.state, old.state_changed_at, old.replaced_by = DocumentState.SUPERSEDED, now, translation
                old.save(update_fields=["state", "state_changed_at", "replaced_by"])
                _event(application=application, actor=actor, kind=EventKind.REPLACED, item_code=item.code, document=old)
            _event(application=application, actor=actor, kind=EventKind.TRANSLATED, item_code=item.code, document=translation)
    except BaseException:
        default_storage.delete(stored)
        raise
    return translation


def item_explain(*, actor, public_id, item: Item, text: str, letter=None, on: date) -> Explanation:
    """Mark ``item`` "cannot provide", with the reason as text, as a letter, or both.

    A new explanation replaces the standing one. Files already uploaded for the item
    stay: the officer sees both.
    """
    access_application(actor=actor, public_id=public_id)
    text = (text or "").strip()
    if not item.explanation_allowed:
        raise DocumentError(Problem("explanation_not_allowed", _("This document cannot be replaced by an explanation."), "text"))
    if not text and letter is None:
        raise DocumentError(
            Problem("explanation_missing", _("Explain why you cannot provide this document, or upload a letter that explains it."), "text")
        )
    inspected = None
    if letter is not None:
        try:
            _check_size(letter, limit=document_max_bytes(), field="letter")
            inspected = inspect(letter, accepts=ANY_DOCUMENT)
        except UploadRejected as refused:
            raise DocumentError(*(Problem(p.code, p.text, "letter") for p in refused.problems)) from refused
    stored = _store(letter, inspected) if inspected is not None else None
    try:
        with transaction.atomic():
            application = _locked_editable(actor=actor, public_id=public_id)
            letter_document = None
            if inspected is not None:
                letter_document = Document.objects.create(
                    application=application,
                    person_position=item.person_position,
                    item_code=item.code,
                    document_type=item.code,
                    purpose=Purpose.EXPLANATION,
                    file=stored,
                    original_name=_clean_name(getattr(letter, "name", ""), inspected),
                    **_file_facts(inspected),
                    uploaded_by=actor,
                )
            _withdraw_standing(application=application, actor=actor, item=item)
            explanation = Explanation.objects.create(
                application=application,
                person_position=item.person_position,
                item_code=item.code,
                text=text,
                letter=letter_document,
                created_by=actor,
            )
            _event(
                application=application, actor=actor, kind=EventKind.EXPLAINED, item_code=item.code,
                explanation=explanation, document=letter_document,
            )
    except BaseException:
        if stored:
            default_storage.delete(stored)
        raise
    return explanation


def _withdraw_standing(*, application, actor, item: Item) -> bool:
    standing = (
        application.document_explanations.select_for_update()
        .filter(item_code=item.code, person_position=item.person_position, withdrawn_at__isnull=True)
    )
    now = timezone.now()
    withdrawn = False
    for explanation in standing:
        explanation.withdrawn_at = now
        explanation.save(update_fields=["withdrawn_at"])
        if explanation.letter is not None:
            explanation.letter.state = DocumentState.REMOVED
            explanation.letter.state_changed_at = now
            explanation.letter.save(update_fields=["state", "state_changed_at"])
        _event(
            application=application, actor=actor, kind=EventKind.EXPLANATION_WITHDRAWN, item_code=item.code,
            explanation=explanation,
        )
        withdrawn = True
    return withdrawn


def item_explanation_withdraw(*, actor, public_id, item: Item) -> bool:
    """Take back "cannot provide" for ``item``. False when there was none."""
    with transaction.atomic():
        application = _locked_editable(actor=actor, public_id=public_id)
        return _withdraw_standing(application=application, actor=actor, item=item)


def document_record_download(*, actor, document: Document) -> None:
    """Who read which file, and when (DESIGN.md: access logging)."""
    _event(
        application=document.application, actor=actor, kind=EventKind.DOWNLOADED, item_code=document.item_code,
        document=document,
    )


# --- A returned application's documents, carried into its restart (IRPR 12) -------------------


@dataclass(frozen=True)
class NotCarried:
    """A document of the returned application that was not copied into its restart, and why."""

    name: str
    item_code: str
    person_position: int | None
    reason: str  # "photo", "not_asked" or "refused": the pages word each one


def _open_copy(document: Document):
    from django.core.files.base import ContentFile

    with document.file.open("rb") as stored:
        copy = ContentFile(stored.read(), name=document.original_name)
    return copy


def documents_carry_over(*, actor, returned: Application, application: Application, on: date) -> list[NotCarried]:
    """Copy every current document of ``returned`` into ``application`` (its restart), each checked
    again by its content as a new upload is, against the checklist of the new application.

    Photos are not carried: the photo must be recent and its date of taking is declared with
    each upload (PRC-62). A file the checks refuse today, or an item the new application does not
    ask, stays only in the returned application. The caller holds both applications locked.
    Returns what was not carried, for the pages to say so.
    """
    from .selectors import checklist_for

    items = {(item.code, item.person_position): item for item in checklist_for(application, on)}
    left: list[NotCarried] = []
    copies: list[Document] = []
    try:
        _carry_each(actor=actor, returned=returned, application=application, on=on, items=items, left=left, copies=copies)
    except BaseException:
        # The restart's transaction will not commit: the rows go, so must the files copied for them.
        for copy in copies:
            default_storage.delete(copy.file.name)
        raise
    return left


def _carry_each(*, actor, returned, application, on, items, left: list[NotCarried], copies: list[Document]) -> None:
    originals = returned.documents.filter(
        state=DocumentState.CURRENT, purpose=Purpose.EVIDENCE, translation_of__isnull=True
    ).order_by("uploaded_at", "id")
    for original in originals:
        item = items.get((original.item_code, original.person_position))
        if original.item_code in PHOTO_CODES or (item is not None and item.kind in (ItemKind.PHOTO, ItemKind.PHOTO_BACK)):
            left.append(NotCarried(original.original_name, original.item_code, original.person_position, "photo"))
            continue
        if item is None:
            left.append(
                NotCarried(original.original_name, original.item_code, original.person_position, "not_asked")
            )
            continue
        copy = _carry_one(actor=actor, original=original, application=application, item=item, on=on)
        if copy is None:
            left.append(NotCarried(original.original_name, original.item_code, original.person_position, "refused"))
            continue
        copies.append(copy)
        for translation in original.translations.filter(state=DocumentState.CURRENT).order_by("uploaded_at", "id"):
            carried = _carry_one(
                actor=actor, original=translation, application=application, item=item, on=on, translation_of=copy
            )
            if carried is None:
                left.append(
                    NotCarried(translation.original_name, original.item_code, original.person_position, "refused")
                )
            else:
                copies.append(carried)


def _carry_one(*, actor, original: Document, application: Application, item: Item, on: date, translation_of=None):
    """One file copied and checked again; ``None`` when the checks refuse it now."""
    try:
        upload = _open_copy(original)
    except OSError:
        log.warning("document %s of a returned application could not be read", original.pk)
        return None
    try:
        _check_size(upload, limit=item.max_bytes(on))
        inspected = inspect(upload, accepts=item.accepts(on))
    except (UploadRejected, DocumentError):
        return None
    stored = _store(upload, inspected)
    try:
        document = Document.objects.create(
            application=application,
            person_position=original.person_position,
            item_code=original.item_code,
            document_type=original.document_type,
            purpose=Purpose.EVIDENCE,
            state=DocumentState.CURRENT,
            file=stored,
            original_name=original.original_name,
            **_file_facts(inspected),
            other_language=original.other_language,
            translation_of=translation_of,
            translator=original.translator,
            affidavit=original.affidavit,
            certified_copy_included=original.certified_copy_included,
            uploaded_by=actor,
        )
        _event(
            application=application,
            actor=actor,
            kind=EventKind.UPLOADED,
            item_code=item.code,
            document=document,
            detail=f"carried over from {original.application.number}",
        )
    except BaseException:
        default_storage.delete(stored)
        raise
    return document
