"""Postal codes, telephone numbers, UCIs and passports: bad data is refused before it reaches an officer or a letter."""

import pytest

from portique.rules.forms import formats
from portique.rules.forms.validate import normalised, validate_form
from portique.rules.programs.imm5444 import IMM5444
from tests.rules.forms.test_imm5444_validation import APPLIED, codes, complete_answers


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("k1p5b5", "K1P 5B5"), ("K1P 5B5", "K1P 5B5"), (" h2x-1y4 ", "H2X 1Y4"), ("t2p  0j7", "T2P 0J7")],
)
def test_a_canadian_postal_code_is_written_as_canada_post_writes_it(typed, stored):
    assert formats.postal_code(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "K1P 5B", "D1P 5B5", "K1P 5B55", "KIP 5B5", "", "W1A 1AA"])
def test_what_is_not_a_canadian_postal_code_is_refused(typed):
    assert formats.postal_code(typed) is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("613-555-0199", "+16135550199"),
        ("(613) 555 0199", "+16135550199"),
        ("1 613 555 0199", "+16135550199"),
        ("+33 1 42 68 53 00", "+33142685300"),
    ],
)
def test_a_telephone_number_is_stored_in_e164(typed, stored):
    assert formats.phone(typed) == stored


@pytest.mark.parametrize("typed", ["call me", "555-1234", "123", "+1 613 555", "6135550199999"])
def test_a_number_that_cannot_be_dialled_is_refused(typed):
    assert formats.phone(typed) is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("12345678", "12345678"),
        ("1234-5678", "12345678"),
        ("12-3456-7890", "1234567890"),
        ("1234567890", "1234567890"),
    ],
)
def test_a_uci_is_8_or_10_digits_written_as_ircc_prints_it_or_without_dashes(typed, stored):
    assert formats.uci(typed) == stored


@pytest.mark.parametrize("typed", ["1234-56", "123456789", "12345678901", "ABCD-EFGH", "١٢٣٤٥٦٧٨"])
def test_a_uci_of_another_length_or_with_letters_is_refused(typed):
    assert formats.uci(typed) is None


def test_the_form_finds_each_bad_value_and_says_why_in_both_languages():
    answers = complete_answers()
    answers["personal"]["uci"] = "1234-56"
    answers["contact"].update(phone="555-1234", mailing_postal_code="K1P 5B")
    found = validate_form(IMM5444, answers, application_date=APPLIED)
    assert codes(found) == [
        ("FORM_UCI_INVALID", "personal.uci"),
        ("FORM_PHONE_INVALID", "contact.phone"),
        ("FORM_POSTAL_CODE_INVALID", "contact.mailing_postal_code"),
    ]
    uci = found[0]
    assert "0000-0000 or 00-0000-0000" in uci.message("en")
    assert "8 ou 10 chiffres" in uci.message("fr")
    assert "+33" in found[1].message("en") and "indicatif" in found[1].message("fr")


def test_values_typed_another_way_are_valid_and_stored_the_one_way():
    answers = complete_answers()
    answers["personal"]["uci"] = "12-3456-7890"
    answers["contact"].update(phone="(613) 555-0199", mailing_postal_code="k1p5b5")
    assert validate_form(IMM5444, answers, application_date=APPLIED) == ()
    personal, contact = IMM5444.section("personal"), IMM5444.section("contact")
    assert normalised(personal.field("uci"), "12-3456-7890") == "1234567890"
    assert normalised(contact.field("phone"), "(613) 555-0199") == "+16135550199"
    assert normalised(contact.field("mailing_postal_code"), "k1p5b5") == "K1P 5B5"
    # What is not valid is kept as typed, so the page can show it with its error.
    assert normalised(contact.field("mailing_postal_code"), "12345") == "12345"
    assert normalised(contact.field("email"), " A@B.CA ") == " A@B.CA "


def test_a_passport_that_expired_before_the_application_date_is_refused():
    answers = complete_answers()
    answers["personal"]["passport_expiry"] = "2026-11-21"  # the day before APPLIED
    found = validate_form(IMM5444, answers, application_date=APPLIED)
    assert codes(found) == [("FORM_DOCUMENT_EXPIRED", "personal.passport_expiry")]
    assert "2026-11-21" in found[0].message("en") and "valid" in found[0].message("en")
    assert "a expiré le 2026-11-21" in found[0].message("fr")
    assert "IMM 5445" in found[0].citation


def test_a_passport_valid_until_the_application_date_is_accepted():
    # A passport is valid on the day it expires.
    answers = complete_answers()
    answers["personal"]["passport_expiry"] = APPLIED.isoformat()
    assert validate_form(IMM5444, answers, application_date=APPLIED) == ()
