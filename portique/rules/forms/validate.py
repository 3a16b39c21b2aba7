"""Validate a form's answers against its definition.

Every finding is a ``Reason`` whose ``subject`` locates the question
(``section.field`` or ``section.row.field``, rows counted from 1), so the screen can
link to it and the officer's screening can list it.
"""

from __future__ import annotations

import re
import string
from datetime import date
from typing import Any

from ..reasons import Reason, reason
from . import formats
from .model import Condition, Field, FieldKind, Form, Section, answers_at

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")  # ISO 3166-1 alpha-2; screens show the names
NOT_APPLICABLE = "not_applicable"


def parse_date(raw: Any) -> date | None:
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw.strip())
        except ValueError:
            return None
    return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_field(
    field: Field, value: Any, subject: str, application_date: date, citation: str
) -> Reason | None:
    label_en, label_fr = field.en, field.fr
    if _blank(value):
        if not field.required:
            return None
        return reason(
            "FORM_ANSWER_REQUIRED",
            rule="PRC-67",
            citation=citation,
            en="Answer the question “{label_en}”. An application with unanswered questions is returned.",
            fr="Répondez à la question « {label_fr} ». Une demande comportant des questions sans réponse est retournée.",
            subject=subject,
            label_en=label_en,
            label_fr=label_fr,
        )
    kind = field.kind
    if kind in _TYPED:
        return _check_typed(field, value, subject, application_date, citation)
    if kind is FieldKind.DATE:
        parsed = parse_date(value)
        if parsed is None:
            return reason(
                "FORM_DATE_INVALID",
                rule="PRC-67",
                citation=citation,
                en="“{label_en}” must be a real date, written YYYY-MM-DD.",
                fr="« {label_fr} » doit être une date réelle, au format AAAA-MM-JJ.",
                subject=subject,
                label_en=label_en,
                label_fr=label_fr,
            )
        if not field.future_allowed and parsed > application_date:
            return reason(
                "FORM_DATE_IN_FUTURE",
                rule="PRC-67",
                citation=citation,
                en="“{label_en}” cannot be after the date of the application ({day}).",
                fr="« {label_fr} » ne peut pas être postérieure à la date de la demande ({day}).",
                subject=subject,
                label_en=label_en,
                label_fr=label_fr,
                day=application_date.isoformat(),
            )
        if field.valid_on_application_date and parsed < application_date:
            return reason(
                "FORM_DOCUMENT_EXPIRED",
                rule="PRC-67",
                citation=field.citation or citation,
                en=(
                    "This document expired on {expired}, before the date of the application ({day}). "
                    "Give the details of a passport or travel document that is valid on that date."
                ),
                fr=(
                    "Ce document a expiré le {expired}, avant la date de la demande ({day}). "
                    "Indiquez un passeport ou un document de voyage valide à cette date."
                ),
                subject=subject,
                expired=parsed.isoformat(),
                day=application_date.isoformat(),
            )
    elif kind in (FieldKind.CHOICE, FieldKind.YES_NO, FieldKind.COUNTRY) and field.options:
        if value not in {option.value for option in field.options}:
            return reason(
                "FORM_CHOICE_INVALID",
                rule="PRC-67",
                citation=citation,
                en="Choose one of the answers offered for “{label_en}”.",
                fr="Choisissez l’une des réponses proposées pour « {label_fr} ».",
                subject=subject,
                label_en=label_en,
                label_fr=label_fr,
            )
    elif kind is FieldKind.COUNTRY and not field.options and not _COUNTRY_CODE.match(str(value)):
        return reason(
            "FORM_COUNTRY_INVALID",
            rule="PRC-67",
            citation=citation,
            en="Choose a country from the list for “{label_en}”.",
            fr="Choisissez un pays dans la liste pour « {label_fr} ».",
            subject=subject,
            label_en=label_en,
            label_fr=label_fr,
        )
    elif kind is FieldKind.EMAIL and not _EMAIL.match(str(value).strip()):
        return reason(
            "FORM_EMAIL_INVALID",
            rule="X-12",
            citation=citation,
            en="Enter an e-mail address in the format name@example.ca.",
            fr="Entrez une adresse de courriel au format nom@exemple.ca.",
            subject=subject,
        )
    elif kind is FieldKind.PHONE and formats.phone(value) is None:
        return reason(
            "FORM_PHONE_INVALID",
            rule="PRC-67",
            citation=citation,
            en=(
                "Enter a telephone number that can be dialled: a Canadian number with its area code, "
                "for example 613-555-0199, or a number abroad with its country code, for example +33 1 23 45 67 89."
            ),
            fr=(
                "Entrez un numéro de téléphone qui peut être composé\u00a0: un numéro canadien avec son indicatif "
                "régional, par exemple 613-555-0199, ou un numéro à l’étranger avec son indicatif de pays, "
                "par exemple +33 1 23 45 67 89."
            ),
            subject=subject,
        )
    elif kind is FieldKind.POSTAL_CODE and formats.postal_code(value) is None:
        return reason(
            "FORM_POSTAL_CODE_INVALID",
            rule="PRC-67",
            citation=citation,
            en="Enter a Canadian postal code, for example K1A 0B1.",
            fr="Entrez un code postal canadien, par exemple K1A 0B1.",
            subject=subject,
        )
    elif kind is FieldKind.UCI and formats.uci(value) is None:
        return reason(
            "FORM_UCI_INVALID",
            rule="PRC-67",
            citation=citation,
            en="Enter the client ID (UCI) as it is printed: 8 or 10 digits, for example 0000-0000 or 00-0000-0000.",
            fr="Entrez l’IUC tel qu’il est imprimé\u00a0: 8 ou 10 chiffres, par exemple 0000-0000 ou 00-0000-0000.",
            subject=subject,
        )
    if isinstance(value, str) and len(value) > field.max_length:
        return reason(
            "FORM_ANSWER_TOO_LONG",
            rule="PRC-67",
            citation=citation,
            en="“{label_en}” is limited to {limit} characters.",
            fr="« {label_fr} » est limitée à {limit} caractères.",
            subject=subject,
            label_en=label_en,
            label_fr=label_fr,
            limit=field.max_length,
        )
    return None


# Answers with one right way to be written: the form pages store them that way.
_NORMALISED = {
    FieldKind.PHONE: formats.phone,
    FieldKind.POSTAL_CODE: formats.postal_code,
    FieldKind.UCI: formats.uci,
}


def normalised(field: Field, value: Any) -> Any:
    """``value`` as it is stored for ``field`` (a postal code "K1P 5B5", a telephone number
    in E.164, a UCI's digits); any other answer, or one that is not valid, is returned as it is
    (the validation then says what is wrong with it)."""
    normalise = _NORMALISED.get(field.kind)
    if normalise is None or not isinstance(value, str):
        return value
    return normalise(value) or value


_TYPED = frozenset({FieldKind.FLAG, FieldKind.INTEGER, FieldKind.MULTI_CHOICE, FieldKind.DATES})
_TYPED_EXPECTED = {
    FieldKind.FLAG: ("Yes or No", "Oui ou Non"),
    FieldKind.INTEGER: ("a whole number, 0 or more", "un nombre entier, 0 ou plus"),
    FieldKind.MULTI_CHOICE: ("answers from the list", "des réponses de la liste"),
    FieldKind.DATES: ("dates written YYYY-MM-DD", "des dates au format AAAA-MM-JJ"),
}


def _typed_valid(field: Field, value: Any, application_date: date) -> bool:
    kind = field.kind
    if kind is FieldKind.FLAG:
        return value.__class__ is bool
    if kind is FieldKind.INTEGER:
        return value.__class__ is int and value >= 0
    if kind is FieldKind.MULTI_CHOICE:
        allowed = {option.value for option in field.options}
        return isinstance(value, list) and all(item in allowed for item in value)
    if kind is FieldKind.DATES:
        if not isinstance(value, list):
            return False
        for item in value:
            parsed = parse_date(item) if isinstance(item, str) else None
            if parsed is None or (not field.future_allowed and parsed > application_date):
                return False
        return True
    return False


def _check_typed(
    field: Field, value: Any, subject: str, application_date: date, citation: str
) -> Reason | None:
    if field.kind is FieldKind.MULTI_CHOICE and value == [] and field.required:
        return reason(
            "FORM_ANSWER_REQUIRED",
            rule="PRC-67",
            citation=citation,
            en="Answer the question “{label_en}”. An application with unanswered questions is returned.",
            fr="Répondez à la question « {label_fr} ». Une demande comportant des questions sans réponse est retournée.",
            subject=subject,
            label_en=field.en,
            label_fr=field.fr,
        )
    if _typed_valid(field, value, application_date):
        return None
    expected_en, expected_fr = _TYPED_EXPECTED[field.kind]
    return reason(
        "FORM_ANSWER_INVALID",
        rule="PRC-67",
        citation=citation,
        en="The answer to “{label_en}” must be {expected_en}.",
        fr="La réponse à « {label_fr} » doit être {expected_fr}.",
        subject=subject,
        label_en=field.en,
        label_fr=field.fr,
        expected_en=expected_en,
        expected_fr=expected_fr,
    )


def _quick_check(field: Field):
    """A test that answers "is this value plainly valid?" for ``field`` in a few operations.

    Most answers in a stored application are valid, and re-screening every application
    when a rule changes runs this millions of times: the quick test accepts what is
    plainly valid, and only a value it does not accept goes through ``_check_field``,
    which builds the bilingual finding (or finds nothing after all). A quick test may
    refuse what ``_check_field`` accepts, never the other way round.
    """
    kind, limit = field.kind, field.max_length
    if kind is FieldKind.FLAG:
        return lambda value, on: value.__class__ is bool
    if kind in _TYPED:
        return lambda value, on: False
    if kind is FieldKind.DATE:
        future_allowed = field.future_allowed
        not_expired = field.valid_on_application_date

        def check(value: Any, on: date) -> bool:
            if value.__class__ is not str or len(value) != 10:
                return False
            try:
                parsed = date.fromisoformat(value)
            except ValueError:
                return False
            if not_expired and parsed < on:
                return False
            return future_allowed or parsed <= on

        return check
    if kind in (FieldKind.CHOICE, FieldKind.YES_NO, FieldKind.COUNTRY) and field.options:
        allowed = frozenset(option.value for option in field.options)
        return lambda value, on: value.__class__ is str and value in allowed
    if kind in _NORMALISED:
        # Valid when it can be read at all (_check_field asks no more): "613-555-0199" is as
        # valid as the "+16135550199" the form pages store.
        normalise = _NORMALISED[kind]
        return lambda value, on: value.__class__ is str and len(value) <= limit and normalise(value) is not None
    patterns = {
        FieldKind.COUNTRY: _COUNTRY_CODE,
        FieldKind.EMAIL: _EMAIL,
    }
    pattern = patterns.get(kind)
    if pattern is not None:
        match = pattern.match
        return lambda value, on: (
            value.__class__ is str
            and len(value) <= limit
            and value == value.strip()
            and match(value) is not None
        )
    return lambda value, on: value.__class__ is str and value.strip() != "" and len(value) <= limit


# Every answer _COUNTRY_CODE's quick test accepts (two capitals, nothing around them).
_COUNTRY_CODES = frozenset(a + b for a in string.ascii_uppercase for b in string.ascii_uppercase)


def _inline_check(field: Field) -> tuple[frozenset[str] | None, int]:
    """What ``_check_fields`` tests itself for a text answer to ``field``: the choices allowed
    (a choice among options, or a country code), or the length limit of a text plainly valid
    when it is not blank and not too long (0: neither, the quick test decides). The same tests
    as ``_quick_check``."""
    kind = field.kind
    if kind in (FieldKind.CHOICE, FieldKind.YES_NO, FieldKind.COUNTRY) and field.options:
        return frozenset(option.value for option in field.options), 0
    if kind is FieldKind.COUNTRY and field.max_length >= 2:
        return _COUNTRY_CODES, 0
    if kind in (FieldKind.TEXT, FieldKind.LONG_TEXT):
        return None, field.max_length
    return None, 0


def _compiled(condition: Condition | None):
    """``condition.holds`` as a function, with its ``section.field`` split once."""
    if condition is None:
        return None
    values = condition.values
    if "." in condition.field:
        section_code, field_code = condition.field.split(".", 1)
        return lambda section_answers, form_answers: (
            (form_answers.get(section_code) or {}).get(field_code) in values
        )
    code = condition.field
    return lambda section_answers, form_answers: section_answers.get(code) in values


class _SectionPlan:
    """What validating one section needs of its definition, worked out once.

    Sections and their fields are module constants that never change after import, so
    their conditions, quick tests, subject prefix and answer location are computed once
    per section instead of once per answer.
    """

    __slots__ = ("section", "when", "location", "key", "subject_prefix", "fields", "ongoing_end")

    def __init__(self, section: Section):
        self.section = section
        self.when = _compiled(section.when)
        self.location = section.location
        # Most sections' answers are at one key of the form's answers.
        self.key = self.location[0] if len(self.location) == 1 else None
        self.subject_prefix = section.subject_prefix
        # (field, code, condition, the choices allowed, the text limit, quick test, whether a
        # blank answer is fine as it is): see _check_fields for the choices and the limit.
        self.fields = tuple(
            (f, f.code, _compiled(f.when), *_inline_check(f), _quick_check(f), not f.required)
            for f in section.fields
        )
        # "I live here now": the current address has no "To" date (IMM 5444 question 4).
        self.ongoing_end = section.period[1] if section.period and section.ongoing else ""

    def answers_in(self, form_answers: dict[str, Any]) -> Any:
        """``Section.answers_in``, with the location read once."""
        if self.key is not None and isinstance(form_answers, dict):
            return form_answers.get(self.key)
        return answers_at(form_answers, self.location)


# Keyed by id, holding the section itself so that the id cannot be reused while it is kept;
# bounded should sections ever be made on the fly.
_PLANS: dict[int, _SectionPlan] = {}
_PLANS_KEPT = 4096


def _plan(section: Section) -> _SectionPlan:
    found = _PLANS.get(id(section))
    if found is None or found.section is not section:
        if len(_PLANS) >= _PLANS_KEPT:
            _PLANS.clear()
        found = _PLANS[id(section)] = _SectionPlan(section)
    return found


def _check_fields(
    plan: _SectionPlan,
    answers: dict[str, Any],
    form_answers: dict[str, Any],
    prefix: str,
    application_date: date,
    citation: str,
    skip: str = "",
) -> list[Reason]:
    found = []
    get = answers.get
    for field, code, when, choices, text_limit, quick, optional in plan.fields:
        if when is not None and not when(answers, form_answers):
            continue
        value = get(code)
        if value is None:
            if optional:
                continue  # a blank answer to an optional question: _check_field finds nothing
        # The quick tests of the commonest questions, written out here: a call per answer
        # was a good part of the time a form took to validate.
        elif value.__class__ is str and (
            value in choices if choices is not None else 0 < len(value) <= text_limit and not value.isspace()
        ):
            continue
        elif quick(value, application_date):
            continue
        if code == skip:
            continue
        problem = _check_field(field, value, f"{prefix}.{code}", application_date, citation)
        if problem is not None:
            found.append(problem)
    return found


def is_ongoing(section: Section, row: dict[str, Any]) -> bool:
    """Whether ``row`` is marked as a period that has not ended ("I live here now")."""
    return bool(section.ongoing) and row.get(section.ongoing) is True


def _check_periods(
    section: Section, rows: list[dict[str, Any]], citation: str, application_date: date
) -> list[Reason]:
    start_code, end_code = section.period  # type: ignore[misc]
    found = []
    periods = []
    ongoing_seen = False
    for number, row in enumerate(rows, start=1):
        start, end = parse_date(row.get(start_code)), parse_date(row.get(end_code))
        if not ongoing_seen and is_ongoing(section, row):
            # The period runs to this day: it has no end date of its own. (A second row marked
            # so is its own finding, FORM_SEVERAL_ONGOING; its written dates are checked as given.)
            ongoing_seen = True
            if start is None or start > application_date:
                continue  # a start after the application date is its own finding
            end = application_date
        if start is None or end is None:
            continue
        if end < start:
            found.append(
                reason(
                    "FORM_PERIOD_ENDS_BEFORE_START",
                    rule="PRC-102",
                    citation=citation,
                    en="Row {row}: the end date comes before the start date.",
                    fr="Ligne {row} : la date de fin précède la date de début.",
                    subject=f"{section.subject_prefix}.{number}.{end_code}",
                    row=number,
                )
            )
            continue
        periods.append((start, end, number))
    if not section.overlap_allowed:
        periods.sort()
        for (_, first_end, first_row), (second_start, _, second_row) in zip(
            periods, periods[1:], strict=False
        ):
            if second_start <= first_end:
                found.append(
                    reason(
                        "FORM_PERIODS_OVERLAP",
                        rule="PRC-102",
                        citation=citation,
                        en="Rows {first} and {second} overlap: each day can be listed only once.",
                        fr="Les lignes {first} et {second} se chevauchent : chaque jour ne peut être inscrit qu’une fois.",
                        subject=f"{section.subject_prefix}.{second_row}.{start_code}",
                        first=min(first_row, second_row),
                        second=max(first_row, second_row),
                    )
                )
    return found


def _check_one_ongoing(section: Section, rows: list[dict[str, Any]], citation: str) -> list[Reason]:
    """A history lists one present period ("I live here now"): a second one is a mistake."""
    marked = [number for number, row in enumerate(rows, start=1) if is_ongoing(section, row)]
    if len(marked) < 2:
        return []
    label = section.field(section.ongoing)
    return [
        reason(
            "FORM_SEVERAL_ONGOING",
            rule="PRC-102",
            citation=citation,
            en="Rows {first} and {second} are both marked “{label_en}”: only one row can be, give the other one its end date.",
            fr="Les lignes {first} et {second} sont toutes deux cochées « {label_fr} » : une seule peut l’être, indiquez la date de fin de l’autre.",
            subject=f"{section.subject_prefix}.{number}.{section.ongoing}",
            first=marked[0],
            second=number,
            label_en=label.en,
            label_fr=label.fr,
        )
        for number in marked[1:]
    ]


def validate_section(
    form: Form, section: Section, form_answers: dict[str, Any], *, application_date: date
) -> list[Reason]:
    """Findings for one section; an empty list means the section is complete."""
    return _validate_planned(form, _plan(section), form_answers, application_date)


def _validate_planned(
    form: Form, plan: _SectionPlan, form_answers: dict[str, Any], application_date: date
) -> list[Reason]:
    section = plan.section
    if plan.when is not None and not plan.when({}, form_answers):
        return []
    answers = plan.answers_in(form_answers)
    if section.not_applicable_allowed and answers == NOT_APPLICABLE:
        return []
    if section.repeating:
        # A row that is not a set of answers (a case file can hold anything) is read as an
        # empty row: its questions are unanswered, and the form says so.
        rows = [row if isinstance(row, dict) else {} for row in answers] if isinstance(answers, list) else []
        # "None" is an answer (an empty list saved); a table never saved is not.
        if not rows and section.rows_optional and isinstance(answers, list):
            return []
        if not rows and section.rows_optional:
            return [
                reason(
                    "FORM_SECTION_EMPTY",
                    rule="PRC-67",
                    citation=form.citation,
                    en="Complete “{title_en}”: add each row, or save the table empty if there is none.",
                    fr="Remplissez « {title_fr} » : ajoutez chaque ligne, ou enregistrez le tableau vide s’il n’y en a aucune.",
                    subject=section.subject_prefix,
                    title_en=section.en,
                    title_fr=section.fr,
                )
            ]
        if not rows:
            if section.not_applicable_allowed:
                return [
                    reason(
                        "FORM_SECTION_EMPTY",
                        rule="PRC-67",
                        citation=form.citation,
                        en="Complete “{title_en}”, or say that it does not apply to you (N/A).",
                        fr="Remplissez « {title_fr} » ou indiquez qu’elle ne s’applique pas à vous (S.O.).",
                        subject=section.subject_prefix,
                        title_en=section.en,
                        title_fr=section.fr,
                    )
                ]
            return [
                reason(
                    "FORM_SECTION_EMPTY",
                    rule="PRC-67",
                    citation=form.citation,
                    en="Complete “{title_en}”: add at least one row.",
                    fr="Remplissez « {title_fr} » : ajoutez au moins une ligne.",
                    subject=section.subject_prefix,
                    title_en=section.en,
                    title_fr=section.fr,
                )
            ]
        found: list[Reason] = []
        for number, row in enumerate(rows, start=1):
            found.extend(
                _check_fields(
                    plan,
                    row,
                    form_answers,
                    f"{plan.subject_prefix}.{number}",
                    application_date,
                    form.citation,
                    skip=plan.ongoing_end if plan.ongoing_end and row.get(section.ongoing) is True else "",
                )
            )
        if section.period is not None:
            found.extend(_check_periods(section, rows, form.citation, application_date))
        if section.ongoing:
            found.extend(_check_one_ongoing(section, rows, form.citation))
        return found
    return _check_fields(
        plan,
        answers if isinstance(answers, dict) else {},
        form_answers,
        plan.subject_prefix,
        application_date,
        form.citation,
    )


def validate_form(form: Form, form_answers: dict[str, Any], *, application_date: date) -> tuple[Reason, ...]:
    """Every unanswered or invalid question of the form, section by section."""
    found: list[Reason] = []
    for plan in _form_plans(form):
        found.extend(_validate_planned(form, plan, form_answers, application_date))
    return tuple(found)


# The plans of each form's sections, in order, kept like _PLANS (forms are module constants).
_FORM_PLANS: dict[int, tuple[Form, tuple[_SectionPlan, ...]]] = {}


def _form_plans(form: Form) -> tuple[_SectionPlan, ...]:
    found = _FORM_PLANS.get(id(form))
    if found is None or found[0] is not form:
        if len(_FORM_PLANS) >= _PLANS_KEPT:
            _FORM_PLANS.clear()
        found = _FORM_PLANS[id(form)] = (form, tuple(_plan(section) for section in form.sections))
    return found[1]
