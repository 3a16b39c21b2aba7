"""How some IMM 0008 answers must be written: unknown dates, missing names, interpreter, CSQ.

Rules SP-72, SP-161, SP-162 and SP-163 (IMM 5289, IMM 0008 instructions "Langue de
préférence", "Où prévoyez-vous vivre au Canada?", "Renseignements sur la naissance –
Date de naissance"; Step 5 "Remplir les formulaires").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from portique.rules.reasons import Reason, Severity
from portique.rules.sponsorship.vocabulary import cite, param, say

BIRTH_DATE = cite("Renseignements sur la naissance – Date de naissance") + " (IMM 0008)"
FILLING = cite("Remplir les formulaires") + " (Étape 5)"
LANGUAGE = cite("Langue de préférence") + " (IMM 0008)"
QUEBEC = cite("Où prévoyez-vous vivre au Canada?") + " (IMM 0008)"

ASTERISK = "*"


@dataclass(frozen=True, slots=True)
class BirthDateEntry:
    """How a partly unknown date of birth is entered.

    ``digital_*``: the values for the digital IMM 0008 date fields (1901 / 01 / 01 for
    unknown parts); ``pdf_*``: the text for free-text PDF date fields ("*" for unknown parts).
    """

    digital_year: int
    digital_month: int
    digital_day: int
    pdf_year: str
    pdf_month: str
    pdf_day: str
    explanation_letter_required: bool
    reasons: tuple[Reason, ...]


def birth_date_entry(*, year: int | None, month: int | None, day: int | None, on: date) -> BirthDateEntry:
    """The entry for a date of birth whose year, month or day may be unknown (None) (SP-163).

    Reading (G-17): the IMM 0008 instructions (1901, 01, 01) govern the digital IMM 0008;
    Step 5's asterisk governs free-text date fields of PDF forms; a letter of explanation
    is attached in both cases. ``on`` selects the placeholder values in force.
    """
    placeholder_year = param("unknown_date_placeholder_year", on)
    placeholder_part = param("unknown_date_placeholder_month_day", on)
    unknown = year is None or month is None or day is None
    reasons: tuple[Reason, ...] = ()
    if unknown:
        reasons = (
            say(
                "UNKNOWN_BIRTH_DATE_PLACEHOLDER",
                rule="SP-163",
                citation=BIRTH_DATE + "; " + FILLING,
                en="For unknown parts of the date of birth, enter {year} for the year and {part:02d} for "
                "the month or day in IMM 0008 (an asterisk in PDF forms), and attach a letter explaining "
                "why.",
                fr="Pour les parties inconnues de la date de naissance, inscrivez {year} pour l’année et "
                "{part:02d} pour le mois ou le jour dans le formulaire IMM 0008 (un astérisque dans les "
                "formulaires PDF), et joignez une lettre d’explication indiquant pourquoi.",
                severity=Severity.INFO,
                year=placeholder_year,
                part=placeholder_part,
            ),
        )
    return BirthDateEntry(
        digital_year=year if year is not None else placeholder_year,
        digital_month=month if month is not None else placeholder_part,
        digital_day=day if day is not None else placeholder_part,
        pdf_year=str(year) if year is not None else ASTERISK,
        pdf_month=str(month).zfill(2) if month is not None else ASTERISK,
        pdf_day=str(day).zfill(2) if day is not None else ASTERISK,
        explanation_letter_required=unknown,
        reasons=reasons,
    )


@dataclass(frozen=True, slots=True)
class NameEntry:
    """The surname and given-name fields, filled from the passport or travel document."""

    surname: str
    given_names: str
    explanation_letter_required: bool
    reasons: tuple[Reason, ...]


def passport_name_entry(*, passport_surname: str, passport_given_names: str) -> NameEntry:
    """How to enter names when the passport lacks a surname or a given name (SP-162).

    No surname: all the given names go in the surname field (and the given-name field is
    left empty, having nothing left to hold). No given name: the given-name field is left
    blank, the form may be printed without validation, and a letter explains why.
    """
    surname = passport_surname.strip()
    given = passport_given_names.strip()
    if not surname and given:
        return NameEntry(
            surname=given,
            given_names="",
            explanation_letter_required=False,
            reasons=(
                say(
                    "NO_SURNAME_GIVEN_NAMES_IN_SURNAME",
                    rule="SP-162",
                    citation=FILLING,
                    en="The passport has no surname: enter all the given names in the surname field.",
                    fr="Le passeport ne comporte pas de nom de famille : inscrivez tous les prénoms dans "
                    "le champ du nom de famille.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if surname and not given:
        return NameEntry(
            surname=surname,
            given_names="",
            explanation_letter_required=True,
            reasons=(
                say(
                    "NO_GIVEN_NAME_LEAVE_BLANK",
                    rule="SP-162",
                    citation=FILLING,
                    en="The passport has no given name: leave the given-name field blank; the form may be "
                    "printed without validation, and attach a letter explaining why.",
                    fr="Le passeport ne comporte pas de prénom : laissez le champ du prénom vide ; le "
                    "formulaire peut être imprimé sans validation, et joignez une lettre expliquant "
                    "pourquoi.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if not surname and not given:
        return NameEntry(
            surname="",
            given_names="",
            explanation_letter_required=True,
            reasons=(
                say(
                    "NAME_MISSING",
                    rule="SP-162",
                    citation=FILLING,
                    en="Enter the name exactly as it appears on the passport or travel document.",
                    fr="Inscrivez le nom exactement comme il figure dans le passeport ou le titre de voyage.",
                ),
            ),
        )
    return NameEntry(surname=surname, given_names=given, explanation_letter_required=False, reasons=())


class InterviewLanguage(str, Enum):
    ENGLISH = "english"
    FRENCH = "french"
    OTHER = "other"  # the native language is not in the list


@dataclass(frozen=True, slots=True)
class InterpreterAnswer:
    interpreter_required: bool  # the IMM 0008 "interpreter" answer must be "Yes"
    reasons: tuple[Reason, ...]


def interpreter_answer(*, interview_language: InterviewLanguage) -> InterpreterAnswer:
    """The interpreter question must be answered "Yes" unless English or French is chosen (SP-161)."""
    if interview_language in (InterviewLanguage.ENGLISH, InterviewLanguage.FRENCH):
        return InterpreterAnswer(interpreter_required=False, reasons=())
    return InterpreterAnswer(
        interpreter_required=True,
        reasons=(
            say(
                "INTERPRETER_MUST_BE_YES",
                rule="SP-161",
                citation=LANGUAGE,
                en='Neither English nor French was chosen for the interview: answer "Yes" to the '
                "interpreter question.",
                fr="Ni l’anglais ni le français n’a été choisi pour l’entrevue : vous devez répondre "
                "« Oui » à la question sur l’interprète.",
                severity=Severity.INFO,
            ),
        ),
    )


@dataclass(frozen=True, slots=True)
class QuebecAnswers:
    """IMM 0008 answers for a principal applicant who intends to live in Quebec (SP-72)."""

    csq_received: bool | None  # False: answer "No"; None: the question follows the usual rules
    csq_application_date_blank: bool
    reasons: tuple[Reason, ...]


def quebec_csq_answers(*, intends_to_live_in_quebec: bool) -> QuebecAnswers:
    """A Quebec-bound principal applicant answers "No" to "CSQ received" and leaves the CSQ date blank."""
    if not intends_to_live_in_quebec:
        return QuebecAnswers(csq_received=None, csq_application_date_blank=False, reasons=())
    return QuebecAnswers(
        csq_received=False,
        csq_application_date_blank=True,
        reasons=(
            say(
                "QUEBEC_CSQ_ANSWERS",
                rule="SP-72",
                citation=QUEBEC,
                en='You intend to live in Quebec: answer "No" to the question about receiving a Quebec '
                "Selection Certificate (CSQ) and leave the CSQ application date blank. Your sponsor will "
                "submit the undertaking to Quebec's immigration ministry (MIFI) when IRCC tells them to.",
                fr="Vous avez l’intention de vivre au Québec : répondez « Non » à la question sur la "
                "réception du Certificat de sélection du Québec (CSQ) et n’inscrivez rien à la question "
                "sur la date de votre demande de CSQ. Votre répondant soumettra son engagement au "
                "ministère de l’Immigration, de la Francisation et de l’Intégration du Québec lorsqu’IRCC "
                "le lui indiquera.",
                severity=Severity.INFO,
            ),
        ),
    )
