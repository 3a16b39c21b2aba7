"""How the forms are filled in: unknown dates, names, "N/A", addresses, e-mail, languages.

Source: IMM 5289 (seed 003) Step 5 « Remplir les formulaires » and the IMM 0008
instructions; IMM 5445 (seed 002) Step 2 for "answer every question". These are the
conventions that make an answer complete, so a form is not returned under IRPR 10(1)(c).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache

from .parameters import value
from .reasons import Reason, Severity, has_blocking
from .reasons import reason as build_reason

# Reasons are immutable and the same ones recur case after case: build each once.
reason = lru_cache(maxsize=4096)(build_reason)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
# Common street-address abbreviations in English and French (SP-166: "au complet, sans
# abréviation"). A hit is a warning, never a refusal: some are also words or names.
_ADDRESS_ABBREVIATION = re.compile(
    r"(?<![\w.])(st|ave|av|blvd|boul|bd|rd|dr|apt|app|ste|bur|cres|ch|pl|ct|hwy|pkwy|ln|sq)\.?(?![\w])",
    re.IGNORECASE,
)
_INITIAL = re.compile(r"^\w\.?$")

NOT_APPLICABLE_ANSWERS = frozenset({"sans objet", "s.o.", "so", "s/o", "n/a", "na", "not applicable"})


class DateForm(str, Enum):
    """Where an incomplete date is written (G-17)."""

    DIGITAL_IMM_0008 = "digital_imm_0008"  # the online IMM 0008: 1901 / 01 / 01
    PDF_FORM = "pdf_form"  # the PDF forms: an asterisk


@dataclass(frozen=True, slots=True)
class DateEntry:
    """What to write for a partly known date; ``as_date`` is ``None`` when no real date results."""

    text: str
    as_date: date | None
    explanation_letter_required: bool
    reasons: tuple[Reason, ...]


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def unknown_date_entry(
    *, year: int | None, month: int | None, day: int | None, form: DateForm, on: date
) -> DateEntry:
    """The entry for a date whose year, month or day may be unknown (``None``).

    Reading (G-17): the IMM 0008 instructions say 1901, 01 and/or 01 for the unknown
    parts; the Step 5 general instructions say "*". The digital IMM 0008 takes the
    numbers (its date fields accept only dates), the PDF forms take "*", and both need
    a letter of explanation.
    """
    reasons: list[Reason] = []
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        reasons.append(_date_invalid())
        return DateEntry("", None, False, tuple(reasons))
    # A known day must exist in a known month, whatever the (leap) year: 31 April never does.
    if (
        month is not None
        and day is not None
        and _real_date(2000 if year is None else year, month, day) is None
    ):
        reasons.append(_date_invalid())
        return DateEntry("", None, False, tuple(reasons))

    unknown = year is None or month is None or day is None
    if not unknown:
        return DateEntry(
            f"{year:04d}-{month:02d}-{day:02d}",
            date(year, month, day),
            False,
            (
                reason(
                    "DATE_COMPLETE",
                    rule="SP-163",
                    citation="IMM 5289 — IMM 0008, Date de naissance",
                    en="The date is complete.",
                    fr="La date est complète.",
                    severity=Severity.INFO,
                ),
            ),
        )

    if form is DateForm.DIGITAL_IMM_0008:
        filled = (
            value("irpr.unknown_date_year", on) if year is None else year,
            value("irpr.unknown_date_month", on) if month is None else month,
            value("irpr.unknown_date_day", on) if day is None else day,
        )
        text = f"{filled[0]:04d}-{filled[1]:02d}-{filled[2]:02d}"
        as_date = _real_date(*filled)
        reasons.append(
            reason(
                "UNKNOWN_DATE_PARTS_FILLED",
                rule="SP-163",
                citation="IMM 5289 — IMM 0008, « Renseignements sur la naissance – Date de naissance »",
                en="Enter {text}: {year_fill} replaces an unknown year, {month_fill} an unknown month and {day_fill} an unknown day. Attach a letter explaining why you used this date.",
                fr="Inscrivez {text} : {year_fill} remplace une année inconnue, {month_fill} un mois inconnu et {day_fill} un jour inconnu. Joignez une lettre d’explication indiquant pourquoi vous avez utilisé cette date.",
                severity=Severity.WARNING,
                text=text,
                year_fill=value("irpr.unknown_date_year", on),
                month_fill=f"{value('irpr.unknown_date_month', on):02d}",
                day_fill=f"{value('irpr.unknown_date_day', on):02d}",
            )
        )
        if as_date is None:
            # 29 February with an unknown year: 1901 is not a leap year, so the digital
            # form cannot hold the date; the letter explains and IRCC decides.
            reasons.append(
                reason(
                    "UNKNOWN_DATE_NOT_REPRESENTABLE",
                    rule="SP-163",
                    citation="IMM 5289 — IMM 0008, « Renseignements sur la naissance – Date de naissance »",
                    en="{text} is not a real date, so the online form cannot accept it. Explain the date in your letter; IRCC will tell you what to enter.",
                    fr="{text} n’est pas une date réelle ; le formulaire en ligne ne peut donc pas l’accepter. Expliquez la date dans votre lettre ; IRCC vous indiquera quoi inscrire.",
                    severity=Severity.WARNING,
                    text=text,
                )
            )
        return DateEntry(text, as_date, True, tuple(reasons))

    marker = value("irpr.unknown_date_pdf_marker", on)
    text = "-".join(
        (
            marker if year is None else f"{year:04d}",
            marker if month is None else f"{month:02d}",
            marker if day is None else f"{day:02d}",
        )
    )
    reasons.append(
        reason(
            "UNKNOWN_DATE_PARTS_MARKED",
            rule="SP-163",
            citation="IMM 5289 — Step 5, « Remplir les formulaires »",
            en="Enter {text}: “{marker}” stands for each unknown part of the date. Attach a letter explaining why.",
            fr="Inscrivez {text} : « {marker} » remplace chaque partie inconnue de la date. Joignez une lettre d’explication.",
            severity=Severity.WARNING,
            text=text,
            marker=marker,
        )
    )
    return DateEntry(text, None, True, tuple(reasons))


def _date_invalid() -> Reason:
    return reason(
        "DATE_PARTS_INVALID",
        rule="SP-163",
        citation="IMM 5289 — IMM 0008, « Renseignements sur la naissance – Date de naissance »",
        en="The known parts of the date cannot form a real date (month 1 to 12, a day that exists in that month).",
        fr="Les parties connues de la date ne peuvent pas former une date réelle (mois de 1 à 12, jour qui existe dans ce mois).",
    )


@dataclass(frozen=True, slots=True)
class NameFields:
    """What goes in the surname and given-name fields, and whether a letter is needed."""

    surname: str
    given_names: str
    explanation_letter_required: bool
    print_without_validation_allowed: bool
    reasons: tuple[Reason, ...]


_NAMES_CITATION = (
    "IMM 5289 — Step 5, « Remplir les formulaires »; IMM 0008, « Nom de famille », « Prénom(s) »"
)


def name_fields(*, passport_surname: str, passport_given_names: str) -> NameFields:
    """Fill the name fields from the names shown in the passport or travel document (SP-162)."""
    surname = " ".join(passport_surname.split())
    given = " ".join(passport_given_names.split())
    reasons: list[Reason] = []
    if not surname and not given:
        reasons.append(
            reason(
                "NAME_MISSING",
                rule="SP-162",
                citation=_NAMES_CITATION,
                en="Enter the names shown in your passport or travel document.",
                fr="Inscrivez les noms qui figurent dans votre passeport ou titre de voyage.",
            )
        )
        return NameFields("", "", False, False, tuple(reasons))
    if given and any(_INITIAL.match(part) for part in given.split()):
        reasons.append(
            reason(
                "GIVEN_NAME_INITIALS",
                rule="SP-162",
                citation=_NAMES_CITATION,
                en="Write your given names in full (first and middle names); do not use initials.",
                fr="Inscrivez vos prénoms au complet (premier et deuxième prénoms) ; n’utilisez pas d’initiales.",
                severity=Severity.WARNING,
            )
        )
    if not surname:
        reasons.append(
            reason(
                "NO_SURNAME_GIVEN_NAMES_IN_SURNAME_FIELD",
                rule="SP-162",
                citation=_NAMES_CITATION,
                en="Your passport shows no surname: enter all your given names in the surname field.",
                fr="Votre passeport ne comporte pas de nom de famille : inscrivez tous vos prénoms dans le champ du nom de famille.",
                severity=Severity.INFO,
            )
        )
        # Reading: the names move to the surname field, so the given-name field stays empty.
        return NameFields(given, "", False, False, tuple(reasons))
    if not given:
        reasons.append(
            reason(
                "NO_GIVEN_NAME_FIELD_BLANK",
                rule="SP-162",
                citation=_NAMES_CITATION,
                en="Your passport shows no given name: leave the given-name field blank. You may print the form without validating it, and attach a letter explaining why the field is blank.",
                fr="Votre passeport ne comporte pas de prénom : laissez le champ du prénom vide. Vous pouvez imprimer le formulaire sans validation et joindre une lettre expliquant pourquoi le champ est vide.",
                severity=Severity.WARNING,
            )
        )
        return NameFields(surname, "", True, True, tuple(reasons))
    reasons.append(
        reason(
            "NAMES_AS_IN_PASSPORT",
            rule="SP-162",
            citation=_NAMES_CITATION,
            en="Enter your surname and given names as shown in your passport.",
            fr="Inscrivez votre nom de famille et vos prénoms tels qu’ils figurent dans votre passeport.",
            severity=Severity.INFO,
        )
    )
    return NameFields(surname, given, False, False, tuple(reasons))


class AnswerStatus(str, Enum):
    ANSWERED = "answered"
    NOT_APPLICABLE = "not_applicable"
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class AnswerCheck:
    status: AnswerStatus
    reasons: tuple[Reason, ...]


def answer_status(*, answer: str | None) -> AnswerCheck:
    """Whether a free-text answer is given, marked "N/A", or left blank (SP-160, PRC-67).

    "Sans objet", "S.O." and the English "N/A" / "Not applicable" all count as N/A.
    """
    text = " ".join((answer or "").split())
    if not text:
        return AnswerCheck(
            AnswerStatus.BLANK,
            (
                reason(
                    "ANSWER_BLANK",
                    rule="SP-160, PRC-67",
                    citation="IMM 5289 — « Fournissez des réponses complètes et précises »; IMM 5445 — Step 2",
                    en="Answer every question. If it does not apply to you, write “N/A”. An application with unanswered questions is returned.",
                    fr="Répondez à toutes les questions. Si une question ne s’applique pas à vous, écrivez « Sans objet » ou « S.O. ». Une demande comportant des questions sans réponse est retournée.",
                ),
            ),
        )
    if text.casefold() in NOT_APPLICABLE_ANSWERS:
        return AnswerCheck(
            AnswerStatus.NOT_APPLICABLE,
            (
                reason(
                    "ANSWER_NOT_APPLICABLE",
                    rule="SP-160, PRC-67",
                    citation="IMM 5289 — « Fournissez des réponses complètes et précises »; IMM 5445 — Step 2",
                    en="The question is marked as not applicable, which counts as an answer.",
                    fr="La question est marquée « Sans objet », ce qui compte comme une réponse.",
                    severity=Severity.INFO,
                ),
            ),
        )
    return AnswerCheck(AnswerStatus.ANSWERED, ())


@dataclass(frozen=True, slots=True)
class MailingAddress:
    """A mailing address as the IMM 0008 asks for it (SP-166); ``country`` is ISO 3166-1 alpha-2."""

    po_box: str | None = None
    apartment_or_unit: str | None = None
    street_number: str | None = None
    street_name: str | None = None
    city: str | None = None
    province_or_state: str | None = None
    country: str | None = None
    postal_code: str | None = None


@dataclass(frozen=True, slots=True)
class AddressCheck:
    complete: bool
    reasons: tuple[Reason, ...]


_ADDRESS_CITATION = "IMM 5289 — IMM 0008, « Adresse postale actuelle »; Step 5, « Adresses »"


def check_mailing_address(*, address: MailingAddress) -> AddressCheck:
    """A PO box or a street number, a city and a country, written in full (SP-166)."""
    reasons: list[Reason] = []

    def blank(text: str | None) -> bool:
        return not (text or "").strip()

    if blank(address.po_box) and blank(address.street_number):
        reasons.append(
            reason(
                "PO_BOX_OR_STREET_NUMBER_REQUIRED",
                rule="SP-166",
                citation=_ADDRESS_CITATION,
                en="Give a post office box number or, if you have none, a street number.",
                fr="Indiquez un numéro de case postale ou, à défaut, un numéro de rue.",
            )
        )
    if not blank(address.street_number) and blank(address.street_name):
        reasons.append(
            reason(
                "STREET_NAME_REQUIRED",
                rule="SP-166",
                citation=_ADDRESS_CITATION,
                en="Give the street name with the street number.",
                fr="Indiquez le nom de la rue avec le numéro de rue.",
            )
        )
    for attribute, en, fr in (
        ("city", "city or town", "la ville ou le village"),
        ("country", "country", "le pays"),
    ):
        if blank(getattr(address, attribute)):
            reasons.append(
                reason(
                    "ADDRESS_PART_MISSING",
                    rule="SP-166",
                    citation=_ADDRESS_CITATION,
                    en="The address must be complete: give the {part_en}.",
                    fr="L’adresse doit être complète : indiquez {part_fr}.",
                    subject=attribute,
                    part_en=en,
                    part_fr=fr,
                )
            )
    # City names are left alone: some official names contain "St." (St. John's).
    written = " ".join(
        part for part in (address.apartment_or_unit, address.street_name) if part and part.strip()
    )
    if _ADDRESS_ABBREVIATION.search(written):
        reasons.append(
            reason(
                "ADDRESS_ABBREVIATED",
                rule="SP-166",
                citation=_ADDRESS_CITATION,
                en="Write the address in full, without abbreviations (for example “Street”, “Avenue”, “Apartment”).",
                fr="Écrivez l’adresse au complet, sans abréviation (par exemple « rue », « avenue », « appartement »).",
                severity=Severity.WARNING,
            )
        )
    complete = not has_blocking(reasons)
    if complete:
        reasons.append(
            reason(
                "ADDRESS_COMPLETE",
                rule="SP-166",
                citation=_ADDRESS_CITATION,
                en="All correspondence goes to this address unless you give an e-mail address.",
                fr="Toute la correspondance sera envoyée à cette adresse, à moins que vous n’indiquiez une adresse de courriel.",
                severity=Severity.INFO,
            )
        )
    return AddressCheck(complete, tuple(reasons))


def email_is_well_formed(email: str | None) -> bool:
    """True for an address of the form name@provider.net (SP-167)."""
    return bool(email) and _EMAIL.match(email.strip()) is not None


@dataclass(frozen=True, slots=True)
class EmailCheck:
    usable: bool
    reasons: tuple[Reason, ...]


def check_email(*, email: str | None) -> EmailCheck:
    """Whether an e-mail address can be used, and what giving it authorizes (SP-167)."""
    citation = "IMM 5289 — IMM 0008, « Adresse électronique »; Step 5, « Adresses de courriel »"
    if not (email or "").strip():
        return EmailCheck(
            False,
            (
                reason(
                    "EMAIL_NOT_GIVEN",
                    rule="SP-166, SP-167",
                    citation=citation,
                    en="No e-mail address: correspondence will go to your mailing address.",
                    fr="Aucune adresse de courriel : la correspondance sera envoyée à votre adresse postale.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if not email_is_well_formed(email):
        return EmailCheck(
            False,
            (
                reason(
                    "EMAIL_MALFORMED",
                    rule="SP-167",
                    citation=citation,
                    en="Enter the e-mail address in the format name@provider.net. IRCC does not use an address it cannot read clearly.",
                    fr="Inscrivez l’adresse de courriel au format nom@fournisseur.net. IRCC n’utilise pas une adresse qu’il ne peut pas lire clairement.",
                ),
            ),
        )
    return EmailCheck(
        True,
        (
            reason(
                "EMAIL_AUTHORIZES_DISCLOSURE",
                rule="SP-167",
                citation=citation,
                en="By giving this e-mail address you authorize IRCC to send your file and personal information to it.",
                fr="En inscrivant cette adresse de courriel, vous autorisez IRCC à y transmettre les renseignements de votre dossier et vos renseignements personnels.",
                severity=Severity.INFO,
            ),
        ),
    )


class CorrespondenceLanguage(str, Enum):
    ENGLISH = "en"
    FRENCH = "fr"


class InterviewLanguage(str, Enum):
    ENGLISH = "en"
    FRENCH = "fr"
    OTHER = "other"  # the native language is not in the list, or neither official language


@dataclass(frozen=True, slots=True)
class LanguageCheck:
    valid: bool
    interpreter_required: bool
    reasons: tuple[Reason, ...]


def check_language_preferences(
    *,
    correspondence: CorrespondenceLanguage | None,
    interview: InterviewLanguage | None,
    interpreter_requested: bool | None,
) -> LanguageCheck:
    """The IMM 0008 language preferences (SP-161): an interview in neither official language needs an interpreter."""
    citation = "IMM 5289 — IMM 0008, « Langue de préférence »"
    reasons: list[Reason] = []
    if correspondence is None or interview is None or interpreter_requested is None:
        reasons.append(
            reason(
                "LANGUAGE_PREFERENCE_UNANSWERED",
                rule="SP-161",
                citation=citation,
                en="Choose a language for correspondence and for an interview, and say whether you need an interpreter.",
                fr="Choisissez une langue pour la correspondance et pour une entrevue, et indiquez si vous avez besoin d’un interprète.",
            )
        )
    interpreter_required = interview is InterviewLanguage.OTHER
    if interpreter_required and interpreter_requested is False:
        reasons.append(
            reason(
                "INTERPRETER_REQUIRED",
                rule="SP-161",
                citation=citation,
                en="You chose neither English nor French for the interview, so you must answer “Yes” to the interpreter question.",
                fr="Vous n’avez sélectionné ni l’anglais ni le français pour l’entrevue ; vous devez donc sélectionner « Oui » à la demande d’interprète.",
            )
        )
    valid = not has_blocking(reasons)
    if valid:
        reasons.append(
            reason(
                "LANGUAGE_PREFERENCES_CONSISTENT",
                rule="SP-161",
                citation=citation,
                en="The language preferences are complete and consistent.",
                fr="Les préférences linguistiques sont complètes et cohérentes.",
                severity=Severity.INFO,
            )
        )
    return LanguageCheck(valid, interpreter_required, tuple(reasons))


def check_national_id_number(*, number: str) -> tuple[Reason, ...]:
    """A national identity number is entered exactly as shown, without spaces (SP-168)."""
    if any(character.isspace() for character in number.strip()):
        return (
            reason(
                "NATIONAL_ID_HAS_SPACES",
                rule="SP-168",
                citation="IMM 5289 — IMM 0008, « Pièce d’identité nationale »",
                en="Enter the national identity document number exactly as shown, without spaces between the letters or digits.",
                fr="Inscrivez le numéro de la pièce d’identité nationale exactement comme il apparaît, sans espace entre les lettres ou les chiffres.",
            ),
        )
    return ()
