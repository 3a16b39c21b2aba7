"""The IMM 5444 digital form: what "Validate" finds, question by question."""

from datetime import date

from portique.rules.forms.validate import NOT_APPLICABLE, validate_form
from portique.rules.programs.imm5444 import IMM5444

APPLIED = date(2026, 11, 22)


def complete_answers() -> dict:
    return {
        "application": {
            "purpose": "renewal",
            "current_card_expiry": "2027-01-15",
            "name_also_changed": "no",
            "indigenous_name": "no",
            "urgent": "no",
        },
        "personal": {
            "family_name": "Tremblay",
            "given_names": "Alex Marie",
            "sex": "F",
            "sex_on_identity_document": "F",
            "date_of_birth": "1988-04-02",
            "place_of_birth": "Lyon",
            "country_of_birth": "FR",
            "citizenship": "FR",
            "date_became_pr": "2016-06-01",
            "uci": "12345678",
            "pr_document_number": "A123456789",
            "passport_number": "19FR12345",
            "passport_country": "FR",
            "passport_expiry": "2029-05-01",
        },
        "contact": {
            "email": "alex@example.ca",
            "phone": "613-555-0199",
            "mailing_street": "12 Sparks St, apt 4",
            "mailing_city": "Ottawa",
            "mailing_province": "ON",
            "mailing_postal_code": "K1P 5B5",
            "residential_same": "yes",
        },
        "addresses": [{"start": "2021-11-22", "end": "2026-11-22", "address": "12 Sparks St", "city": "Ottawa", "country": "CA"}],
        "activities": [{"start": "2021-11-22", "end": "2026-11-22", "activity": "Nurse", "organisation": "", "city": "Ottawa", "country": "CA"}],
        "absences": NOT_APPLICABLE,
        "humanitarian": {"requested": "no"},
        "eligibility": {"in_canada": "yes", "is_citizen": "no", "removal_order": "no", "card_offence": "no"},
    }


def codes(reasons) -> list[tuple[str, str]]:
    return [(r.code, r.subject) for r in reasons]


def test_a_fully_answered_form_has_no_findings():
    assert validate_form(IMM5444, complete_answers(), application_date=APPLIED) == ()


def test_an_unanswered_question_is_named_with_its_section_and_says_the_application_would_be_returned():
    answers = complete_answers()
    del answers["personal"]["date_of_birth"]
    (finding,) = validate_form(IMM5444, answers, application_date=APPLIED)
    assert finding.code == "FORM_ANSWER_REQUIRED"
    assert finding.subject == "personal.date_of_birth"
    assert "Date of birth" in finding.en and "returned" in finding.en
    assert "Date de naissance" in finding.fr and "retournée" in finding.fr
    assert "IRPR 10(1)(c)" in finding.citation


def test_questions_that_do_not_apply_are_not_asked():
    answers = complete_answers()
    answers["application"] = {"purpose": "first_card", "indigenous_name": "no", "urgent": "no"}
    assert validate_form(IMM5444, answers, application_date=APPLIED) == ()


def test_an_urgent_application_needs_its_departure_date_and_reason():
    answers = complete_answers()
    answers["application"]["urgent"] = "yes"
    assert codes(validate_form(IMM5444, answers, application_date=APPLIED)) == [
        ("FORM_ANSWER_REQUIRED", "application.departure_date"),
        ("FORM_ANSWER_REQUIRED", "application.urgent_reason"),
    ]


def test_dates_must_be_real_and_not_after_the_application_date():
    answers = complete_answers()
    answers["personal"]["date_of_birth"] = "1988-02-30"
    answers["personal"]["date_became_pr"] = "2026-11-23"
    assert codes(validate_form(IMM5444, answers, application_date=APPLIED)) == [
        ("FORM_DATE_INVALID", "personal.date_of_birth"),
        ("FORM_DATE_IN_FUTURE", "personal.date_became_pr"),
    ]


def test_the_date_of_the_application_itself_is_not_in_the_future():
    answers = complete_answers()
    answers["personal"]["date_became_pr"] = APPLIED.isoformat()
    assert validate_form(IMM5444, answers, application_date=APPLIED) == ()


def test_absences_must_end_after_they_start_and_must_not_overlap():
    answers = complete_answers()
    answers["absences"] = [
        {"start": "2023-03-01", "end": "2023-02-01", "destination": "FR", "reason": "none"},
        {"start": "2024-01-01", "end": "2024-02-01", "destination": "FR", "reason": "none"},
        {"start": "2024-01-20", "end": "2024-03-01", "destination": "US", "reason": "none"},
    ]
    assert codes(validate_form(IMM5444, answers, application_date=APPLIED)) == [
        ("FORM_PERIOD_ENDS_BEFORE_START", "absences.1.end"),
        ("FORM_PERIODS_OVERLAP", "absences.3.start"),
    ]


def test_the_absence_table_accepts_na_but_not_silence():
    answers = complete_answers()
    answers["absences"] = []
    (finding,) = validate_form(IMM5444, answers, application_date=APPLIED)
    assert (finding.code, finding.subject) == ("FORM_SECTION_EMPTY", "absences")
    assert "N/A" in finding.en and "S.O." in finding.fr


def test_accompanying_someone_abroad_asks_whom():
    answers = complete_answers()
    answers["absences"] = [{"start": "2023-01-01", "end": "2023-06-30", "destination": "FR", "reason": "option_b"}]
    assert codes(validate_form(IMM5444, answers, application_date=APPLIED)) == [
        ("FORM_ANSWER_REQUIRED", "absences.1.accompanied"),
        ("FORM_ANSWER_REQUIRED", "absences.1.citizen_since"),
    ]


def test_contact_details_are_checked_for_format():
    answers = complete_answers()
    answers["contact"].update(email="alex@", phone="call me", mailing_postal_code="12345", mailing_province="ZZ")
    assert codes(validate_form(IMM5444, answers, application_date=APPLIED)) == [
        ("FORM_EMAIL_INVALID", "contact.email"),
        ("FORM_PHONE_INVALID", "contact.phone"),
        ("FORM_CHOICE_INVALID", "contact.mailing_province"),
        ("FORM_POSTAL_CODE_INVALID", "contact.mailing_postal_code"),
    ]


def test_a_country_must_be_a_code_from_the_list():
    answers = complete_answers()
    answers["personal"]["country_of_birth"] = "France"
    assert codes(validate_form(IMM5444, answers, application_date=APPLIED)) == [
        ("FORM_COUNTRY_INVALID", "personal.country_of_birth")
    ]


def test_every_question_has_an_english_and_a_french_label():
    for section in IMM5444.sections:
        assert section.en and section.fr
        for field in section.fields:
            assert field.en and field.fr and field.en != field.fr or field.en in ("Nunavut",), field.code
            for option in field.options:
                assert option.en and option.fr
