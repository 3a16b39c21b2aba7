"""Form-filling conventions: unknown dates, names, N/A, addresses, e-mail, languages."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portique.rules.conventions import (
    AnswerStatus,
    CorrespondenceLanguage,
    DateForm,
    InterviewLanguage,
    MailingAddress,
    answer_status,
    check_email,
    check_language_preferences,
    check_mailing_address,
    check_national_id_number,
    email_is_well_formed,
    name_fields,
    unknown_date_entry,
)
from portique.rules.reasons import Severity

ON = date(2025, 6, 2)


def test_AS_107_unknown_month_becomes_01_with_an_explanation_letter():
    entry = unknown_date_entry(year=1980, month=None, day=15, form=DateForm.DIGITAL_IMM_0008, on=ON)
    assert entry.text == "1980-01-15"
    assert entry.as_date == date(1980, 1, 15)
    assert entry.explanation_letter_required
    assert [r.code for r in entry.reasons] == ["UNKNOWN_DATE_PARTS_FILLED"]
    assert "letter" in entry.reasons[0].en and "lettre d’explication" in entry.reasons[0].fr


def test_unknown_year_and_day_in_the_digital_form():
    entry = unknown_date_entry(year=None, month=7, day=None, form=DateForm.DIGITAL_IMM_0008, on=ON)
    assert entry.text == "1901-07-01"
    assert entry.as_date == date(1901, 7, 1)


def test_same_date_in_a_pdf_form_uses_asterisks():
    entry = unknown_date_entry(year=1980, month=None, day=15, form=DateForm.PDF_FORM, on=ON)
    assert entry.text == "1980-*-15"
    assert entry.as_date is None
    assert entry.explanation_letter_required
    assert entry.reasons[0].code == "UNKNOWN_DATE_PARTS_MARKED"


def test_complete_date_needs_no_letter():
    entry = unknown_date_entry(year=1980, month=2, day=29, form=DateForm.PDF_FORM, on=ON)
    assert entry.text == "1980-02-29" and entry.as_date == date(1980, 2, 29)
    assert not entry.explanation_letter_required


def test_29_february_with_unknown_year_cannot_be_held_by_the_digital_form():
    entry = unknown_date_entry(year=None, month=2, day=29, form=DateForm.DIGITAL_IMM_0008, on=ON)
    assert entry.text == "1901-02-29"
    assert entry.as_date is None
    assert "UNKNOWN_DATE_NOT_REPRESENTABLE" in [r.code for r in entry.reasons]


@pytest.mark.parametrize(("month", "day"), [(13, 1), (0, 5), (4, 31), (None, 32), (2, 30)])
def test_impossible_known_parts_are_refused(month, day):
    entry = unknown_date_entry(year=None, month=month, day=day, form=DateForm.DIGITAL_IMM_0008, on=ON)
    assert entry.text == "" and entry.as_date is None
    assert entry.reasons[0].code == "DATE_PARTS_INVALID"
    assert entry.reasons[0].severity is Severity.BLOCKING


@given(
    year=st.one_of(st.none(), st.integers(min_value=1902, max_value=2025)),
    month=st.one_of(st.none(), st.integers(min_value=1, max_value=12)),
    day=st.one_of(st.none(), st.integers(min_value=1, max_value=28)),
)
def test_known_parts_are_kept_and_a_letter_is_needed_exactly_when_a_part_is_unknown(year, month, day):
    for form in DateForm:
        entry = unknown_date_entry(year=year, month=month, day=day, form=form, on=ON)
        year_text, month_text, day_text = entry.text.split("-")
        if year is not None:
            assert year_text == f"{year:04d}"
        if month is not None:
            assert month_text == f"{month:02d}"
        if day is not None:
            assert day_text == f"{day:02d}"
        assert entry.explanation_letter_required is (None in (year, month, day))


def test_AS_108_no_surname_puts_given_names_in_surname_field():
    fields = name_fields(passport_surname="", passport_given_names="Siti Nurhaliza")
    assert (fields.surname, fields.given_names) == ("Siti Nurhaliza", "")
    assert not fields.explanation_letter_required
    assert fields.reasons[0].code == "NO_SURNAME_GIVEN_NAMES_IN_SURNAME_FIELD"


def test_AS_108_no_given_name_leaves_field_blank_with_a_letter():
    fields = name_fields(passport_surname="Suharto", passport_given_names="  ")
    assert (fields.surname, fields.given_names) == ("Suharto", "")
    assert fields.explanation_letter_required and fields.print_without_validation_allowed
    assert fields.reasons[0].code == "NO_GIVEN_NAME_FIELD_BLANK"


def test_names_without_initials_and_with_initials_warned():
    assert name_fields(passport_surname="Tremblay", passport_given_names="Marie Éloïse").reasons[0].code == "NAMES_AS_IN_PASSPORT"
    warned = name_fields(passport_surname="Tremblay", passport_given_names="Marie E.")
    assert warned.reasons[0].code == "GIVEN_NAME_INITIALS"
    assert warned.reasons[0].severity is Severity.WARNING
    missing = name_fields(passport_surname="", passport_given_names="")
    assert missing.reasons[0].code == "NAME_MISSING"


@pytest.mark.parametrize("answer", ["Sans objet", "S.O.", "s.o.", "N/A", "not applicable", "  n/a "])
def test_not_applicable_answers_count_as_answers(answer):
    check = answer_status(answer=answer)
    assert check.status is AnswerStatus.NOT_APPLICABLE
    assert check.reasons[0].severity is Severity.INFO


@pytest.mark.parametrize("answer", [None, "", "   "])
def test_blank_answers_block(answer):
    check = answer_status(answer=answer)
    assert check.status is AnswerStatus.BLANK
    assert check.reasons[0].code == "ANSWER_BLANK" and check.reasons[0].severity is Severity.BLOCKING


def test_an_answer_is_answered():
    assert answer_status(answer="Ingénieure").status is AnswerStatus.ANSWERED


def test_mailing_address_needs_po_box_or_street_number_and_is_written_in_full():
    full = MailingAddress(
        apartment_or_unit="unité 3", street_number="999", street_name="rue de la Famille", city="Ottawa", country="CA"
    )
    assert check_mailing_address(address=full).complete
    no_number = MailingAddress(street_name="rue de la Famille", city="Ottawa", country="CA")
    result = check_mailing_address(address=no_number)
    assert not result.complete and result.reasons[0].code == "PO_BOX_OR_STREET_NUMBER_REQUIRED"
    assert check_mailing_address(address=MailingAddress(po_box="10020", city="Sydney", country="CA")).complete
    abbreviated = check_mailing_address(
        address=MailingAddress(street_number="12", street_name="Sparks St", apartment_or_unit="Apt 4", city="Ottawa", country="CA")
    )
    assert abbreviated.complete
    assert "ADDRESS_ABBREVIATED" in [r.code for r in abbreviated.reasons]
    no_city = check_mailing_address(address=MailingAddress(street_number="1", street_name="Main Street", country="CA"))
    assert [r.subject for r in no_city.reasons if r.code == "ADDRESS_PART_MISSING"] == ["city"]


def test_a_city_named_with_st_is_not_flagged():
    result = check_mailing_address(
        address=MailingAddress(street_number="5", street_name="Water Street", city="St. John's", country="CA")
    )
    assert "ADDRESS_ABBREVIATED" not in [r.code for r in result.reasons]


@pytest.mark.parametrize(
    ("email", "ok"),
    [("nom@fournisseur.net", True), ("a.b+c@ex.ca", True), ("nom@fournisseur", False), ("nom fournisseur.net", False), ("@x.ca", False), (None, False)],
)
def test_email_format(email, ok):
    assert email_is_well_formed(email) is ok


def test_a_usable_email_authorizes_disclosure_and_a_malformed_one_is_refused():
    assert check_email(email="nom@fournisseur.net").reasons[0].code == "EMAIL_AUTHORIZES_DISCLOSURE"
    bad = check_email(email="nom@fournisseur")
    assert not bad.usable and bad.reasons[0].code == "EMAIL_MALFORMED"
    assert check_email(email=None).reasons[0].code == "EMAIL_NOT_GIVEN"


def test_AS_109_interview_language_other_requires_interpreter_yes():
    refused = check_language_preferences(
        correspondence=CorrespondenceLanguage.ENGLISH, interview=InterviewLanguage.OTHER, interpreter_requested=False
    )
    assert not refused.valid and refused.interpreter_required
    assert [r.code for r in refused.reasons] == ["INTERPRETER_REQUIRED"]
    accepted = check_language_preferences(
        correspondence=CorrespondenceLanguage.ENGLISH, interview=InterviewLanguage.OTHER, interpreter_requested=True
    )
    assert accepted.valid
    french = check_language_preferences(
        correspondence=CorrespondenceLanguage.FRENCH, interview=InterviewLanguage.FRENCH, interpreter_requested=False
    )
    assert french.valid and not french.interpreter_required
    unanswered = check_language_preferences(correspondence=None, interview=InterviewLanguage.FRENCH, interpreter_requested=False)
    assert [r.code for r in unanswered.reasons] == ["LANGUAGE_PREFERENCE_UNANSWERED"]


def test_national_id_without_spaces():
    assert check_national_id_number(number="AB123456") == ()
    assert check_national_id_number(number="AB 123 456")[0].code == "NATIONAL_ID_HAS_SPACES"
