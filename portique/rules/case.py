"""The case: everything the rules need to know about one application, as plain data.

The web application builds a ``Case`` from its database rows; ``portique rules
evaluate CASE.json`` builds one from JSON (``docs/case.schema.json``). Both then
ask ``portique.rules.evaluate.evaluate``: one source of truth for forms, the
checklist, the Validate button, submission gating and officer screening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

SCHEMA_VERSION = "1.7"


@dataclass(frozen=True, slots=True)
class CasePerson:
    id: str
    role: str  # "principal_applicant", "spouse", "dependent_child", "sponsor", …
    # Answers to each form, by form code (e.g. "IMM5444"), then by section.
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CaseAffidavit:
    """The translator's affidavit (X-01): where and before whom it was sworn, what it attests."""

    sworn_in: str = "canada"  # translations.Place
    sworn_before: str = "authorized_under_local_law"  # translations.Officiant
    attests_language_proficiency: bool = False
    attests_accuracy: bool = False


@dataclass(frozen=True, slots=True)
class CaseTranslation:
    """The translation of a document in neither English nor French (X-01, SP-182, SP-185); from 1.6."""

    provided: bool = False
    translator: str | None = None  # translations.TranslatorKind; None: not said
    translator_relationship: str = "none"  # translations.Relationship
    affidavit: CaseAffidavit | None = None
    certified_copy_of_original: bool = False
    checklist_waives_certified_copy: bool = False


@dataclass(frozen=True, slots=True)
class CasePhotoBack:
    """What the back of a sponsorship photo shows (SP-190); from 1.6."""

    name_and_date_of_birth: bool = False
    studio_name_and_full_address: bool = False
    date_taken: bool = False
    marking: str = "stamp"  # photos.BackMarking


@dataclass(frozen=True, slots=True)
class CaseFile:
    """A document's own facts, as the upload checks read them (PRC-62); from 1.6."""

    content_type: str  # "image/jpeg", "image/png", "application/pdf"
    size_bytes: int
    width_px: int | None = None
    height_px: int | None = None
    taken_on: date | None = None  # a photo: the day it was taken
    # A sponsorship photo's print, measured (IMM 5289 Appendix C, SP-190): sizes in millimetres,
    # what its back shows, and whether a professional photographer took it.
    width_mm: Decimal | None = None
    height_mm: Decimal | None = None
    face_height_mm: Decimal | None = None
    back: CasePhotoBack | None = None
    professional_photographer: bool = True


@dataclass(frozen=True, slots=True)
class CasePrints:
    """The photos received with a paper PR card application, as the envelope holds them
    (IMM 5445 Step 1, PRC-63: two identical prints taken within 12 months, in a small
    envelope with the applicant's name on it, no staples or paper clips); from 1.7."""

    count: int
    identical: bool
    taken_on: date
    in_small_envelope: bool
    name_on_envelope: bool
    stapled_or_clipped: bool = False


@dataclass(frozen=True, slots=True)
class CaseDocument:
    code: str  # checklist item code
    person: str | None = None
    # True when the person explains instead of providing the document, as the guides allow.
    explanation_only: bool = False
    # "en", "fr" or "other" (from 1.6); None: not said, read as English or French.
    language: str | None = None
    translation: CaseTranslation | None = None
    file: CaseFile | None = None
    # The photos received on paper, as the envelope holds them (from 1.7; PRC-63).
    prints: CasePrints | None = None


@dataclass(frozen=True, slots=True)
class CasePayment:
    amount: Decimal
    method: str = "online"  # "online", "cheque", "money_order", "cash"
    payer_name: str | None = None
    receipt_uploaded: bool = False


@dataclass(frozen=True, slots=True)
class CaseSignature:
    person: str
    typed_name: str
    signed_on: date


@dataclass(frozen=True, slots=True)
class Case:
    program: str
    application_date: date
    people: tuple[CasePerson, ...]
    channel: str = "online"
    documents: tuple[CaseDocument, ...] = ()
    payments: tuple[CasePayment, ...] = ()
    signatures: tuple[CaseSignature, ...] = ()
    # The day a paid representative gave their declaration on this content (seed 004,
    # ACT-36, REP-12): a fact of the portal, not an answer of a form.
    representative_declared_on: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # Whether ``signatures`` is the application's whole record of its e-signatures, so a
    # program finds an unsigned application itself (IRPR 10(1)(b)). A JSON case always is
    # (no list: nobody signed). The portal's PR card case does not carry its signatures
    # yet: its submission gate checks them (applications.services.submission_blockers).
    signatures_recorded: bool = False

    def person(self, person_id: str) -> CasePerson:
        for candidate in self.people:
            if candidate.id == person_id:
                return candidate
        raise KeyError(person_id)

    def principal(self) -> CasePerson:
        for candidate in self.people:
            if candidate.role == "principal_applicant":
                return candidate
        raise KeyError("principal_applicant")


class CaseFormatError(ValueError):
    """The JSON case does not follow the schema; the message names the place."""


def _date(raw: Any, where: str) -> date:
    try:
        return date.fromisoformat(raw)
    except (TypeError, ValueError):
        if isinstance(raw, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw):
            raise CaseFormatError(f"{where}: this date does not exist ({raw})") from None
        raise CaseFormatError(f"{where}: expected a date YYYY-MM-DD, got {raw!r}") from None


def case_from_dict(data: dict[str, Any]) -> Case:
    """Build a case from its JSON form (see docs/case.schema.json)."""
    if not isinstance(data, dict):
        raise CaseFormatError("the case must be a JSON object")
    version = str(data.get("schema_version", SCHEMA_VERSION))
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise CaseFormatError(f"schema_version {version} is not supported (this is {SCHEMA_VERSION})")
    for required in ("program", "application_date", "people"):
        if required not in data:
            raise CaseFormatError(f"missing '{required}'")
    people = tuple(
        CasePerson(id=str(p["id"]), role=str(p["role"]), answers=dict(p.get("answers") or {}))
        for p in data["people"]
    )
    try:
        payments = tuple(
            CasePayment(
                amount=Decimal(str(p["amount"])),
                method=p.get("method", "online"),
                payer_name=p.get("payer_name"),
                receipt_uploaded=bool(p.get("receipt_uploaded", False)),
            )
            for p in data.get("payments", ())
        )
    except (KeyError, ArithmeticError) as error:
        raise CaseFormatError(f"payments: {error}") from None
    return Case(
        program=str(data["program"]),
        application_date=_date(data["application_date"], "application_date"),
        people=people,
        channel=data.get("channel", "online"),
        documents=tuple(_document(d, f"documents/{i}") for i, d in enumerate(data.get("documents", ()))),
        payments=payments,
        signatures=tuple(
            CaseSignature(person=s["person"], typed_name=s["typed_name"], signed_on=_date(s["signed_on"], "signatures"))
            for s in data.get("signatures", ())
        ),
        representative_declared_on=(
            _date(data["representative_declared_on"], "representative_declared_on")
            if data.get("representative_declared_on")
            else None
        ),
        extra={k: v for k, v in data.items() if k not in _KNOWN},
        signatures_recorded=True,
    )


def _mm(raw: Any) -> Decimal | None:
    return None if raw is None else Decimal(str(raw))


def _prints(raw: Any, where: str) -> CasePrints | None:
    if not isinstance(raw, dict):
        return None
    return CasePrints(
        count=int(raw["count"]),
        identical=bool(raw.get("identical", False)),
        taken_on=_date(raw.get("taken_on"), f"{where}/prints/taken_on"),
        in_small_envelope=bool(raw.get("in_small_envelope", False)),
        name_on_envelope=bool(raw.get("name_on_envelope", False)),
        stapled_or_clipped=bool(raw.get("stapled_or_clipped", False)),
    )


def _document(raw: dict[str, Any], where: str) -> CaseDocument:
    translation = raw.get("translation")
    affidavit = (translation or {}).get("affidavit")
    file = raw.get("file")
    return CaseDocument(
        code=raw["code"],
        person=raw.get("person"),
        explanation_only=bool(raw.get("explanation_only")),
        language=raw.get("language"),
        translation=None
        if translation is None
        else CaseTranslation(
            provided=bool(translation.get("provided", False)),
            translator=translation.get("translator"),
            translator_relationship=translation.get("translator_relationship", "none"),
            affidavit=None
            if affidavit is None
            else CaseAffidavit(
                sworn_in=affidavit.get("sworn_in", "canada"),
                sworn_before=affidavit.get("sworn_before", "authorized_under_local_law"),
                attests_language_proficiency=bool(affidavit.get("attests_language_proficiency", False)),
                attests_accuracy=bool(affidavit.get("attests_accuracy", False)),
            ),
            certified_copy_of_original=bool(translation.get("certified_copy_of_original", False)),
            checklist_waives_certified_copy=bool(translation.get("checklist_waives_certified_copy", False)),
        ),
        file=None
        if file is None
        else CaseFile(
            content_type=str(file["content_type"]),
            size_bytes=int(file["size_bytes"]),
            width_px=file.get("width_px"),
            height_px=file.get("height_px"),
            taken_on=_date(file["taken_on"], f"{where}/file/taken_on") if file.get("taken_on") else None,
            width_mm=_mm(file.get("width_mm")),
            height_mm=_mm(file.get("height_mm")),
            face_height_mm=_mm(file.get("face_height_mm")),
            back=None
            if not isinstance(file.get("back"), dict)
            else CasePhotoBack(
                name_and_date_of_birth=bool(file["back"].get("name_and_date_of_birth", False)),
                studio_name_and_full_address=bool(file["back"].get("studio_name_and_full_address", False)),
                date_taken=bool(file["back"].get("date_taken", False)),
                marking=str(file["back"].get("marking", "stamp")),
            ),
            professional_photographer=bool(file.get("professional_photographer", True)),
        ),
        prints=_prints(raw.get("prints"), where),
    )


_KNOWN = {
    "schema_version",
    "program",
    "application_date",
    "people",
    "channel",
    "documents",
    "payments",
    "signatures",
    "representative_declared_on",
}
