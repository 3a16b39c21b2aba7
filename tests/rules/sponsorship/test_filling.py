from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.sponsorship.filling import (
    InterviewLanguage,
    birth_date_entry,
    interpreter_answer,
    passport_name_entry,
    quebec_csq_answers,
)

from ._helpers import codes, well_formed

ON = date(2025, 6, 1)


def test_AS_107_unknown_month_is_entered_as_01_with_explanation_letter():
    result = birth_date_entry(year=1985, month=None, day=17, on=ON)
    well_formed(result.reasons)
    assert (result.digital_year, result.digital_month, result.digital_day) == (1985, 1, 17)
    assert (result.pdf_year, result.pdf_month, result.pdf_day) == ("1985", "*", "17")
    assert result.explanation_letter_required
    assert codes(result) == ["UNKNOWN_BIRTH_DATE_PLACEHOLDER"]
    assert "1901" in result.reasons[0].en and "01" in result.reasons[0].fr


def test_G17_fully_unknown_date_uses_1901_01_01_and_a_known_date_is_copied():
    unknown = birth_date_entry(year=None, month=None, day=None, on=ON)
    assert (unknown.digital_year, unknown.digital_month, unknown.digital_day) == (1901, 1, 1)
    assert (unknown.pdf_year, unknown.pdf_month, unknown.pdf_day) == ("*", "*", "*")
    known = birth_date_entry(year=1990, month=2, day=3, on=ON)
    assert not known.explanation_letter_required and known.reasons == ()
    assert (known.pdf_month, known.pdf_day) == ("02", "03")


def test_AS_108_no_surname_given_names_go_in_surname_field():
    result = passport_name_entry(passport_surname="", passport_given_names="Maria Luisa")
    well_formed(result.reasons)
    assert (result.surname, result.given_names) == ("Maria Luisa", "")
    assert not result.explanation_letter_required
    assert codes(result) == ["NO_SURNAME_GIVEN_NAMES_IN_SURNAME"]


def test_AS_108_no_given_name_left_blank_with_explanation_letter():
    result = passport_name_entry(passport_surname="Sukarno", passport_given_names="  ")
    well_formed(result.reasons)
    assert (result.surname, result.given_names) == ("Sukarno", "")
    assert result.explanation_letter_required
    assert codes(result) == ["NO_GIVEN_NAME_LEAVE_BLANK"]
    assert codes(passport_name_entry(passport_surname="", passport_given_names="")) == ["NAME_MISSING"]
    plain = passport_name_entry(passport_surname="Tremblay", passport_given_names="Anne Marie")
    assert (plain.surname, plain.given_names, plain.reasons) == ("Tremblay", "Anne Marie", ())


def test_AS_109_interview_in_other_language_interpreter_must_be_yes():
    result = interpreter_answer(interview_language=InterviewLanguage.OTHER)
    well_formed(result.reasons)
    assert result.interpreter_required
    assert codes(result) == ["INTERPRETER_MUST_BE_YES"]
    assert "«\u00a0Oui\u00a0»" in result.reasons[0].fr
    for language in (InterviewLanguage.ENGLISH, InterviewLanguage.FRENCH):
        assert not interpreter_answer(interview_language=language).interpreter_required


def test_AS_95_quebec_bound_pa_answers_no_csq_and_leaves_date_blank():
    result = quebec_csq_answers(intends_to_live_in_quebec=True)
    well_formed(result.reasons)
    assert result.csq_received is False and result.csq_application_date_blank
    assert codes(result) == ["QUEBEC_CSQ_ANSWERS"]
    assert "Francisation" in result.reasons[0].fr  # G-23: the current ministry name (MIFI)
    elsewhere = quebec_csq_answers(intends_to_live_in_quebec=False)
    assert elsewhere.csq_received is None and not elsewhere.csq_application_date_blank


@given(
    year=st.one_of(st.none(), st.integers(min_value=1902, max_value=2025)),
    month=st.one_of(st.none(), st.integers(min_value=1, max_value=12)),
    day=st.one_of(st.none(), st.integers(min_value=1, max_value=28)),
)
def test_property_known_parts_are_kept_and_letter_iff_something_unknown(year, month, day):
    result = birth_date_entry(year=year, month=month, day=day, on=ON)
    assert result.explanation_letter_required == (None in (year, month, day))
    if year is not None:
        assert result.digital_year == year and result.pdf_year == str(year)
    if month is not None:
        assert result.digital_month == month
    if day is not None:
        assert result.digital_day == day
