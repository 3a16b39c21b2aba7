"""What a case's documents say about themselves: their language and translation, a photo's file.

Shared by the programs whose guide has the rules (IMM 5445 and IMM 5289): a document in
neither English nor French needs a translation, and unless a Canadian certified translator
made it, the translator's affidavit (X-01, ``translations.check_translation``); an uploaded
photo has the portal's format, size and pixel limits (PRC-62, ``photos.check_online_photo``);
a paper application's photos come as prints in a named envelope (PRC-63,
``photos.check_paper_photos``).
Each finding's subject is ``<person>/documents/<code>`` so a page can put it by the document.
"""

from __future__ import annotations

from typing import Any

from .. import photos, translations
from ..case import Case, CaseDocument
from ..guides import Guide
from ..reasons import Reason

# The guides that carry the translation rules (X-01: IMM 5445 and IMM 5289).
TRANSLATION_GUIDES = (Guide.PR_CARD, Guide.SPONSORSHIP)

# The image format a library reports for each uploaded content type (photos.check_online_photo).
_IMAGE_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "application/pdf": "PDF"}


def _subject(document: CaseDocument) -> str:
    return f"{document.person or 'application'}/documents/{document.code}"


def _about(found: Reason, subject: str) -> Reason:
    return Reason(found.code, found.rule, found.citation, found.en, found.fr, found.severity, subject)


def _enum(kind, raw, default):
    try:
        return kind(raw)
    except ValueError:
        return default


def needs_translation(document: CaseDocument) -> bool:
    """A provided document said to be in neither English nor French."""
    return document.language == "other" and not document.explanation_only


def translation_findings(case: Case, guide: Guide) -> tuple[list[Reason], list[dict[str, Any]]]:
    """Every document in neither English nor French, checked against X-01 (and SP-182, SP-185).

    Returns the findings and, for ``details["translations"]``, one entry per such document:
    ``code``, ``person``, ``outcome`` (``accepted``, ``incomplete``, ``rejected``) and ``reasons``.
    """
    if guide not in TRANSLATION_GUIDES:
        return [], []
    findings: list[Reason] = []
    details: list[dict[str, Any]] = []
    for document in case.documents:
        if not needs_translation(document):
            continue
        given = document.translation
        provided = given is not None and given.provided
        translator_known = given is not None and given.translator is not None
        translator = (
            _enum(translations.TranslatorKind, given.translator, translations.TranslatorKind.FLUENT_PERSON)
            if translator_known
            # Reading: a translator not said to be certified in Canada swears an affidavit.
            else translations.TranslatorKind.FLUENT_PERSON
        )
        affidavit = None
        if given is not None and given.affidavit is not None:
            affidavit = translations.Affidavit(
                sworn_in=_enum(translations.Place, given.affidavit.sworn_in, translations.Place.CANADA),
                sworn_before=_enum(
                    translations.Officiant, given.affidavit.sworn_before, translations.Officiant.NOT_AUTHORIZED
                ),
                attests_language_proficiency=given.affidavit.attests_language_proficiency,
                attests_accuracy=given.affidavit.attests_accuracy,
            )
        check = translations.check_translation(
            guide=guide,
            translator=translator,
            translator_relationship=_enum(
                translations.Relationship,
                given.translator_relationship if given is not None else "none",
                translations.Relationship.NONE,
            ),
            affidavit=affidavit,
            document_kind=translations.DocumentKind.POLICE_CERTIFICATE
            if document.code.startswith("POLICE_CERTIFICATE")
            else translations.DocumentKind.GENERAL,
            translation_provided=provided,
            certified_copy_of_original=given is not None and given.certified_copy_of_original,
            checklist_waives_certified_copy=given is not None and given.checklist_waives_certified_copy,
        )
        reasons = list(check.reasons)
        if not provided and not translator_known:
            # Nothing is known of a translation not yet made: ask for it, not for its affidavit.
            reasons = [r for r in reasons if r.code != "TRANSLATOR_AFFIDAVIT_MISSING"]
        subject = _subject(document)
        located = [_about(r, subject) for r in reasons]
        findings.extend(located)
        details.append(
            {
                "code": document.code,
                "person": document.person,
                "outcome": check.outcome.value,
                "reasons": [r.code for r in located],
            }
        )
    return findings, details


def photo_findings(case: Case, photo_codes: frozenset[str]) -> tuple[list[Reason], list[dict[str, Any]]]:
    """Each uploaded photo whose file facts the case gives, against the portal's limits (PRC-62).

    The check needs the pixel size and the day the photo was taken (its age counts too); a
    document whose ``file`` lacks either is left to the upload, which asks for both.
    """
    findings: list[Reason] = []
    details: list[dict[str, Any]] = []
    on = case.application_date
    for document in case.documents:
        if document.code not in photo_codes or document.file is None or document.explanation_only:
            continue
        file = document.file
        if file.width_px is None or file.height_px is None or file.taken_on is None:
            continue
        check = photos.check_online_photo(
            width_px=int(file.width_px),
            height_px=int(file.height_px),
            size_bytes=file.size_bytes,
            file_format=_IMAGE_FORMATS.get(file.content_type, file.content_type),
            taken_on=file.taken_on,
            application_date=on,
        )
        subject = _subject(document)
        located = [_about(r, subject) for r in check.reasons]
        findings.extend(located)
        details.append(
            {
                "code": document.code,
                "person": document.person,
                "compliant": check.compliant,
                "reasons": [r.code for r in located],
            }
        )
    return findings, details


def paper_photo_findings(case: Case, photo_codes: frozenset[str]) -> tuple[list[Reason], list[dict[str, Any]]]:
    """A paper application's photos, as the envelope received holds them (PRC-63; AS-36).

    Each photo document with its ``prints`` (photos that came on paper, whatever the case's
    ``channel`` says: the portal's own case of a paper application does not carry its channel
    yet) is checked by ``photos.check_paper_photos``: the number of identical prints, the day
    they were taken, the small envelope with the applicant's name, no staples. Online the
    photo is a file (``photo_findings``).
    """
    findings: list[Reason] = []
    details: list[dict[str, Any]] = []
    for document in case.documents:
        prints = document.prints
        if document.code not in photo_codes or prints is None or document.explanation_only:
            continue
        check = photos.check_paper_photos(
            photo_count=prints.count,
            identical=prints.identical,
            taken_on=prints.taken_on,
            application_date=case.application_date,
            in_small_envelope=prints.in_small_envelope,
            name_on_envelope=prints.name_on_envelope,
            stapled_or_clipped=prints.stapled_or_clipped,
        )
        subject = _subject(document)
        located = [_about(r, subject) for r in check.reasons]
        findings.extend(located)
        details.append(
            {
                "code": document.code,
                "person": document.person,
                "on_paper": True,
                "count": prints.count,
                "compliant": check.compliant,
                "reasons": [r.code for r in located],
            }
        )
    return findings, details


def sponsorship_photo_findings(case: Case, photo_codes: frozenset[str]) -> tuple[list[Reason], list[dict[str, Any]]]:
    """Each sponsorship photo whose print the case measures, against Appendix C (SP-190).

    The check needs the print's size, the face's height, the day it was taken and what its
    back shows; a photo without them is left to the officer, who holds the print.
    """
    findings: list[Reason] = []
    details: list[dict[str, Any]] = []
    counts: dict[str | None, int] = {}
    for document in case.documents:
        if document.code in photo_codes and not document.explanation_only:
            counts[document.person] = counts.get(document.person, 0) + 1
    for document in case.documents:
        file = document.file
        if document.code not in photo_codes or file is None or document.explanation_only:
            continue
        if None in (file.width_mm, file.height_mm, file.face_height_mm, file.taken_on, file.back):
            continue
        check = photos.check_sponsorship_photo(
            width_mm=file.width_mm,
            height_mm=file.height_mm,
            face_height_mm=file.face_height_mm,
            taken_on=file.taken_on,
            application_date=case.application_date,
            back=photos.PhotoBack(
                name_and_date_of_birth=file.back.name_and_date_of_birth,
                studio_name_and_full_address=file.back.studio_name_and_full_address,
                date_taken=file.back.date_taken,
                marking=_enum(photos.BackMarking, file.back.marking, photos.BackMarking.STICKER),
            ),
            professional_photographer=file.professional_photographer,
            photo_count=counts.get(document.person, 1),
        )
        subject = _subject(document)
        located = [_about(r, subject) for r in check.reasons]
        findings.extend(located)
        details.append(
            {"code": document.code, "person": document.person, "compliant": check.compliant, "reasons": [r.code for r in located]}
        )
    return findings, details
