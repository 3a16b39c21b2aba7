"""Photo specifications as numbers: the PR card (online and paper) and the sponsorship kit.

IMM 5445 Step 1 "Photo(s)" (seed 002; PRC-62, PRC-63) and IMM 5289 Appendix C (seed 003;
SP-190). Only what can be checked from the file or from the applicant's answers is
checked here (format, pixels, bytes, millimetres, dates, counts, what is on the back);
what the picture shows (darkness, background, reflections) is examined elsewhere.

A photo that misses a specification "may be sent back" (the guide's words), and the
portal lets the applicant submit it anyway after ticking "Confirmation" (AS-35): so the
findings are warnings, and ``compliant`` says whether any was found.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import lru_cache

from .dates import add_months
from .parameters import value
from .reasons import Reason, Severity, reason

# Reasons are immutable, and most repeat from case to case (same code, same numbers):
# building each once keeps a batch of cases fast (formatting two messages costs more
# than every rule's arithmetic).
_reason = lru_cache(maxsize=4096)(reason)

PR_CARD_PHOTO = "IMM 5445 — Step 1: Photo(s)"
SPONSORSHIP_PHOTO = "IMM 5289 — Appendix C: Spécifications pour photographies"


@dataclass(frozen=True, slots=True)
class PhotoCheck:
    """``compliant`` is true when no specification is missed; ``reasons`` say which."""

    compliant: bool
    reasons: tuple[Reason, ...]


def _result(found: list[Reason], ok_code: str, rule: str, citation: str) -> PhotoCheck:
    compliant = not any(r.severity is not Severity.INFO for r in found)
    if compliant:
        found.append(
            _reason(
                ok_code,
                rule=rule,
                citation=citation,
                en="The photo meets the specifications that can be checked here.",
                fr="La photo respecte les spécifications qui peuvent être vérifiées ici.",
                severity=Severity.INFO,
            )
        )
    return PhotoCheck(compliant, tuple(found))


def _age_findings(
    taken_on: date, application_date: date, rule: str, citation: str, found: list[Reason]
) -> None:
    months = value("photos.max_age_months", application_date)
    # Reading (ℹ): "dans les 12 mois précédant la date de votre demande" includes the day
    # exactly 12 months before the application date.
    oldest = add_months(application_date, -months)
    if taken_on > application_date:
        found.append(
            _reason(
                "PHOTO_DATE_AFTER_APPLICATION",
                rule=rule,
                citation=citation,
                en="The date the photo was taken ({taken}) is after the application date; check it.",
                fr="La date à laquelle la photo a été prise ({taken}) est postérieure à la date de la demande ; vérifiez-la.",
                severity=Severity.WARNING,
                subject="taken_on",
                taken=taken_on.isoformat(),
            )
        )
    elif taken_on < oldest:
        found.append(
            _reason(
                "PHOTO_OLDER_THAN_12_MONTHS",
                rule=rule,
                citation=citation,
                en="The photo was taken on {taken}, more than {months} months before the application date (it must be taken on or after {oldest}).",
                fr="La photo a été prise le {taken}, plus de {months} mois avant la date de la demande (elle doit avoir été prise le {oldest} ou après).",
                severity=Severity.WARNING,
                subject="taken_on",
                taken=taken_on.isoformat(),
                months=months,
                oldest=oldest.isoformat(),
            )
        )


@lru_cache(maxsize=1024)
def _online_limits(on: date) -> tuple:
    """The online photo limits in force on a date: formats, min and max pixels, max bytes."""
    return (
        tuple(value("photos.online_formats", on)),
        value("photos.online_min_width_px", on),
        value("photos.online_min_height_px", on),
        value("photos.online_max_width_px", on),
        value("photos.online_max_height_px", on),
        value("photos.online_max_file_bytes", on),
    )


def check_online_photo(
    *,
    width_px: int,
    height_px: int,
    size_bytes: int,
    file_format: str,
    taken_on: date,
    application_date: date,
    back_provided: bool = True,
) -> PhotoCheck:
    """An uploaded PR card photo against the portal's numbers (PRC-62; AS-32 to AS-34).

    ``file_format`` is the image format as a library reports it ("JPEG", "PNG", …);
    ``back_provided`` is whether the back of the photo (or the studio's confirmation,
    e.g. a receipt) was uploaded under "téléchargez votre photo (verso)".
    """
    found: list[Reason] = []
    formats, min_w, min_h, max_w, max_h, max_bytes = _online_limits(application_date)
    if file_format.upper() not in formats:
        found.append(
            _reason(
                "PHOTO_FORMAT_NOT_ACCEPTED",
                rule="PRC-62",
                citation=PR_CARD_PHOTO,
                en="The photo is a {format} file; upload a professional digital photo in {formats}.",
                fr="La photo est un fichier {format}; téléversez une photo numérique professionnelle en format {formats_fr}.",
                severity=Severity.WARNING,
                subject="file_format",
                format=file_format,
                formats=" or ".join(formats),
                formats_fr=" ou ".join(formats),
            )
        )
    if not (min_w <= width_px <= max_w and min_h <= height_px <= max_h):
        found.append(
            _reason(
                "PHOTO_RESOLUTION_OUT_OF_RANGE",
                rule="PRC-62",
                citation=PR_CARD_PHOTO,
                en="The photo is {w} × {h} pixels; it must be between {min_w} × {min_h} and {max_w} × {max_h} pixels.",
                fr="La photo mesure {w} × {h} pixels ; sa résolution doit être entre {min_w} × {min_h} et {max_w} × {max_h} pixels.",
                severity=Severity.WARNING,
                subject="resolution",
                w=width_px,
                h=height_px,
                min_w=min_w,
                min_h=min_h,
                max_w=max_w,
                max_h=max_h,
            )
        )
    if size_bytes > max_bytes:
        found.append(
            _reason(
                "PHOTO_FILE_TOO_LARGE",
                rule="PRC-62",
                citation=PR_CARD_PHOTO,
                en="The file is {size} bytes; it must not exceed {max} bytes ({mb} MB).",
                fr="Le fichier fait {size} octets ; il ne doit pas dépasser {max} octets ({mb} Mo).",
                severity=Severity.WARNING,
                subject="size_bytes",
                size=size_bytes,
                max=max_bytes,
                mb=f"{max_bytes / 1_000_000:g}",
            )
        )
    _age_findings(taken_on, application_date, "PRC-62", PR_CARD_PHOTO, found)
    if not back_provided:
        found.append(
            _reason(
                "PHOTO_BACK_MISSING",
                rule="PRC-62",
                citation=PR_CARD_PHOTO,
                en="Upload the back of the photo too, or for a digital photo the studio’s confirmation (e.g. a receipt), under “upload your photo (back)”.",
                fr="Téléversez aussi le verso de la photo ou, pour une photo numérique, la confirmation du studio (p. ex. un reçu), dans la section « téléchargez votre photo (verso) ».",
                severity=Severity.WARNING,
                subject="back",
            )
        )
    return _result(found, "ONLINE_PHOTO_MEETS_SPECIFICATIONS", "PRC-62", PR_CARD_PHOTO)


def check_paper_photos(
    *,
    photo_count: int,
    identical: bool,
    taken_on: date,
    application_date: date,
    in_small_envelope: bool,
    name_on_envelope: bool,
    stapled_or_clipped: bool = False,
) -> PhotoCheck:
    """The photos of a paper PR card application (PRC-63; AS-36): two identical photos
    taken within 12 months, in a small envelope with the applicant's name, no staples
    or paper clips."""
    found: list[Reason] = []
    needed = value("photos.paper_photo_count", application_date)
    if photo_count != needed or not identical:
        found.append(
            _reason(
                "PAPER_PHOTOS_NOT_TWO_IDENTICAL",
                rule="PRC-63",
                citation=PR_CARD_PHOTO,
                en="A paper application needs {needed} identical photos; {count} provided{identical}.",
                fr="Une demande papier exige {needed} photos identiques ; {count} fournie(s){identical_fr}.",
                severity=Severity.WARNING,
                subject="photo_count",
                needed=needed,
                count=photo_count,
                identical="" if identical else ", not identical",
                identical_fr="" if identical else ", non identiques",
            )
        )
    _age_findings(taken_on, application_date, "PRC-63", PR_CARD_PHOTO, found)
    if not in_small_envelope or not name_on_envelope or stapled_or_clipped:
        found.append(
            _reason(
                "PAPER_PHOTOS_PACKAGING",
                rule="PRC-63",
                citation=PR_CARD_PHOTO,
                en="Put both photos in a small envelope, without staples or paper clips, and write the applicant’s name on the envelope.",
                fr="Placez les deux photos dans une petite enveloppe, sans agrafe ni trombone, et écrivez le nom du demandeur sur l’enveloppe.",
                severity=Severity.WARNING,
                subject="envelope",
            )
        )
    return _result(found, "PAPER_PHOTOS_MEET_SPECIFICATIONS", "PRC-63", PR_CARD_PHOTO)


class BackMarking(str, Enum):
    """How the information on the back of a sponsorship photo was put there (SP-190)."""

    STAMP = "stamp"
    HANDWRITTEN = "handwritten"
    STICKER = "sticker"  # not accepted


@dataclass(frozen=True, slots=True)
class PhotoBack:
    """What the back of a sponsorship photo shows (IMM 5289 Appendix C)."""

    name_and_date_of_birth: bool
    studio_name_and_full_address: bool
    date_taken: bool
    marking: BackMarking


def check_sponsorship_photo(
    *,
    width_mm: Decimal,
    height_mm: Decimal,
    face_height_mm: Decimal,
    taken_on: date,
    application_date: date,
    back: PhotoBack,
    professional_photographer: bool = True,
    photo_count: int = 1,
) -> PhotoCheck:
    """A sponsorship photo against Appendix C of IMM 5289 (SP-190; AS-37).

    Sizes are measured on the print: 50 mm × 70 mm, face 31 to 36 mm from chin to crown
    (both ends included). The guide gives no tolerance, so the size must be exact.
    ``photo_count`` is the number of photos for the person (one, front and back scanned).
    """
    on = application_date
    found: list[Reason] = []
    needed = value("photos.sponsorship_online_photo_count", on)
    if photo_count != needed:
        found.append(
            _reason(
                "SPONSORSHIP_PHOTO_COUNT",
                rule="SP-190",
                citation=SPONSORSHIP_PHOTO,
                en="Provide {needed} photo per person (scan and upload its front and back); {count} provided.",
                fr="Fournissez {needed} photo par personne (numérisez et téléversez-en le recto et le verso) ; {count} fournie(s).",
                severity=Severity.WARNING,
                subject="photo_count",
                needed=needed,
                count=photo_count,
            )
        )
    width, height = value("photos.sponsorship_width_mm", on), value("photos.sponsorship_height_mm", on)
    if Decimal(width_mm) != width or Decimal(height_mm) != height:
        found.append(
            _reason(
                "SPONSORSHIP_PHOTO_SIZE",
                rule="SP-190",
                citation=SPONSORSHIP_PHOTO,
                en="The photo measures {w} mm × {h} mm; it must measure {width} mm × {height} mm.",
                fr="La photo mesure {w_fr} mm par {h_fr} mm ; elle doit mesurer {width} mm par {height} mm.",
                severity=Severity.WARNING,
                subject="size",
                w=width_mm,
                h=height_mm,
                w_fr=str(width_mm).replace(".", ","),
                h_fr=str(height_mm).replace(".", ","),
                width=width,
                height=height,
            )
        )
    low, high = value("photos.sponsorship_face_min_mm", on), value("photos.sponsorship_face_max_mm", on)
    if not low <= Decimal(face_height_mm) <= high:
        found.append(
            _reason(
                "SPONSORSHIP_PHOTO_FACE_HEIGHT",
                rule="SP-190",
                citation=SPONSORSHIP_PHOTO,
                en="The face measures {face} mm from chin to crown; it must measure {low} to {high} mm.",
                fr="Le visage mesure {face_fr} mm du menton au sommet de la tête ; il doit mesurer de {low} à {high} mm.",
                severity=Severity.WARNING,
                subject="face_height_mm",
                face=face_height_mm,
                face_fr=str(face_height_mm).replace(".", ","),
                low=low,
                high=high,
            )
        )
    if not professional_photographer:
        found.append(
            _reason(
                "SPONSORSHIP_PHOTO_NOT_PROFESSIONAL",
                rule="SP-190",
                citation=SPONSORSHIP_PHOTO,
                en="The photo must be taken by a professional photographer.",
                fr="La photo doit avoir été prise par un photographe professionnel.",
                severity=Severity.WARNING,
            )
        )
    _age_findings(taken_on, application_date, "SP-190", SPONSORSHIP_PHOTO, found)
    if back.marking is BackMarking.STICKER:
        found.append(
            _reason(
                "PHOTO_BACK_STICKER_NOT_ACCEPTED",
                rule="SP-190",
                citation=SPONSORSHIP_PHOTO,
                en="Sticker labels are not accepted on the back of the photo: the photographer stamps or handwrites the information.",
                fr="Les étiquettes autocollantes ne sont pas acceptées au verso de la photo : le photographe utilise une estampille ou inscrit les renseignements à la main.",
                severity=Severity.WARNING,
                subject="back",
            )
        )
    if not (back.name_and_date_of_birth and back.studio_name_and_full_address and back.date_taken):
        found.append(
            _reason(
                "PHOTO_BACK_INFORMATION_MISSING",
                rule="SP-190",
                citation=SPONSORSHIP_PHOTO,
                en="The back of the photo must show the person’s name and date of birth, the studio’s name and full address, and the date the photo was taken.",
                fr="Le verso de la photo doit indiquer le nom et la date de naissance de la personne, le nom et l’adresse au long du studio, ainsi que la date à laquelle la photo a été prise.",
                severity=Severity.WARNING,
                subject="back",
            )
        )
    return _result(found, "SPONSORSHIP_PHOTO_MEETS_SPECIFICATIONS", "SP-190", SPONSORSHIP_PHOTO)


@dataclass(frozen=True, slots=True)
class PhotoUploadStep:
    """PRC-62 upload flow: whether the applicant may go on, and may still change the photo."""

    may_continue: bool
    may_replace_photo: bool
    reasons: tuple[Reason, ...]


def photo_upload_step(
    *, photo_compliant: bool, declaration_ticked: bool, confirmation_ticked: bool, documents_submitted: bool
) -> PhotoUploadStep:
    """The portal's photo upload gate (PRC-62; AS-35).

    "Déclaration" must be ticked to go on; a photo that draws the "does not meet the
    criteria" warning also needs "Confirmation". Once "soumettre les documents" is
    pressed the photo can no longer be changed; until then a new upload replaces it.
    """
    found: list[Reason] = []
    may_continue = True
    if not declaration_ticked:
        may_continue = False
        found.append(
            _reason(
                "PHOTO_DECLARATION_NOT_TICKED",
                rule="PRC-62",
                citation=PR_CARD_PHOTO,
                en="Tick “Declaration” and click “Next” to upload your photo.",
                fr="Cochez la case « Déclaration » et cliquez sur « Suivant » pour téléverser votre photo.",
            )
        )
    if not photo_compliant and not confirmation_ticked:
        may_continue = False
        found.append(
            _reason(
                "PHOTO_CONFIRMATION_NEEDED",
                rule="PRC-62",
                citation=PR_CARD_PHOTO,
                en="Your photo may not meet the criteria. To submit it anyway, also tick “Confirmation”.",
                fr="Votre photo pourrait ne pas répondre aux critères. Pour la soumettre tout de même, cochez également la case « Confirmation ».",
            )
        )
    elif not photo_compliant:
        found.append(
            _reason(
                "PHOTO_SUBMITTED_DESPITE_WARNING",
                rule="PRC-62",
                citation=PR_CARD_PHOTO,
                en="You confirmed you want to submit a photo that may not meet the criteria; IRCC may send it back.",
                fr="Vous avez confirmé vouloir soumettre une photo qui pourrait ne pas répondre aux critères ; IRCC pourrait vous la renvoyer.",
                severity=Severity.WARNING,
            )
        )
    if documents_submitted:
        found.append(
            _reason(
                "PHOTO_LOCKED_AFTER_SUBMISSION",
                rule="PRC-62",
                citation=PR_CARD_PHOTO,
                en="The documents were submitted: the photo can no longer be changed. If IRCC sends it back, you can submit a new one through the portal.",
                fr="Les documents ont été soumis : la photo ne peut plus être modifiée. Si IRCC vous la renvoie, vous pourrez en soumettre une nouvelle par le portail.",
                severity=Severity.INFO,
            )
        )
    elif may_continue:
        found.append(
            _reason(
                "PHOTO_UPLOAD_MAY_CONTINUE",
                rule="PRC-62",
                citation=PR_CARD_PHOTO,
                en="You may go on. Until you submit, uploading another photo replaces this one.",
                fr="Vous pouvez continuer. Jusqu’à la soumission, téléverser une autre photo remplace celle-ci.",
                severity=Severity.INFO,
            )
        )
    return PhotoUploadStep(may_continue, not documents_submitted, tuple(found))
