"""Translations and certified copies (X-01, X-02, SP-182, SP-185; AS-111)."""

import pytest

from portique.rules.guides import Guide
from portique.rules.reasons import Severity
from portique.rules.translations import (
    EXCLUDED_RELATIONSHIPS,
    Affidavit,
    CopyCertification,
    DocumentKind,
    Officiant,
    Place,
    Relationship,
    TranslationOutcome,
    TranslatorKind,
    check_certified_copy,
    check_translation,
)

SWORN_IN_CANADA = Affidavit(Place.CANADA, Officiant.AUTHORIZED_UNDER_LOCAL_LAW, True, True)
SWORN_ABROAD = Affidavit(Place.ABROAD, Officiant.NOTARY_PUBLIC, True, True)


def codes(result):
    return [r.code for r in result.reasons]


def test_AS_111_who_may_translate():
    cousin = check_translation(
        guide=Guide.PR_CARD,
        translator=TranslatorKind.FLUENT_PERSON,
        translator_relationship=Relationship.FIRST_COUSIN,
        affidavit=SWORN_IN_CANADA,
    )
    assert cousin.outcome is TranslationOutcome.REJECTED
    assert codes(cousin) == ["TRANSLATOR_IS_APPLICANT_OR_RELATIVE"]
    assert "a first cousin" in cousin.reasons[0].en and "un cousin germain" in cousin.reasons[0].fr

    friend = check_translation(guide=Guide.PR_CARD, translator=TranslatorKind.FLUENT_PERSON)
    assert friend.outcome is TranslationOutcome.INCOMPLETE
    assert codes(friend) == ["TRANSLATOR_AFFIDAVIT_MISSING"]

    certified = check_translation(
        guide=Guide.PR_CARD, translator=TranslatorKind.CANADIAN_CERTIFIED_TRANSLATOR
    )
    assert certified.outcome is TranslationOutcome.ACCEPTED
    assert codes(certified) == ["TRANSLATION_ACCEPTABLE"]

    police = check_translation(
        guide=Guide.SPONSORSHIP,
        translator=TranslatorKind.FLUENT_PERSON,
        affidavit=SWORN_ABROAD,
        document_kind=DocumentKind.POLICE_CERTIFICATE,
        certified_copy_of_original=True,
    )
    assert police.outcome is TranslationOutcome.REJECTED
    assert codes(police) == ["POLICE_CERTIFICATE_NEEDS_CERTIFIED_TRANSLATOR"]
    assert police.reasons[0].rule == "SP-185"


@pytest.mark.parametrize("relationship", sorted(EXCLUDED_RELATIONSHIPS, key=lambda r: r.value))
def test_no_family_member_may_translate_even_if_certified(relationship):
    result = check_translation(
        guide=Guide.SPONSORSHIP,
        translator=TranslatorKind.CANADIAN_CERTIFIED_TRANSLATOR,
        translator_relationship=relationship,
        certified_copy_of_original=True,
    )
    assert result.outcome is TranslationOutcome.REJECTED


def test_the_excluded_list_is_the_guides_list():
    assert len(EXCLUDED_RELATIONSHIPS) == 14  # the applicant and 13 kinds of family member
    assert Relationship.NONE not in EXCLUDED_RELATIONSHIPS


def test_fluent_friend_with_a_proper_affidavit_is_accepted():
    assert (
        check_translation(
            guide=Guide.PR_CARD, translator=TranslatorKind.FLUENT_PERSON, affidavit=SWORN_IN_CANADA
        ).outcome
        is TranslationOutcome.ACCEPTED
    )
    assert (
        check_translation(
            guide=Guide.PR_CARD, translator=TranslatorKind.FLUENT_PERSON, affidavit=SWORN_ABROAD
        ).outcome
        is TranslationOutcome.ACCEPTED
    )


def test_affidavit_content_and_officiant():
    partial = check_translation(
        guide=Guide.PR_CARD,
        translator=TranslatorKind.FLUENT_PERSON,
        affidavit=Affidavit(Place.CANADA, Officiant.AUTHORIZED_UNDER_LOCAL_LAW, True, False),
    )
    assert partial.outcome is TranslationOutcome.INCOMPLETE and codes(partial) == [
        "AFFIDAVIT_CONTENT_INCOMPLETE"
    ]
    unsworn = check_translation(
        guide=Guide.PR_CARD,
        translator=TranslatorKind.FLUENT_PERSON,
        affidavit=Affidavit(Place.ABROAD, Officiant.NOT_AUTHORIZED, True, True),
    )
    assert codes(unsworn) == ["AFFIDAVIT_NOT_SWORN_BEFORE_AUTHORIZED_PERSON"]
    local_official = check_translation(
        guide=Guide.PR_CARD,
        translator=TranslatorKind.FLUENT_PERSON,
        affidavit=Affidavit(Place.ABROAD, Officiant.AUTHORIZED_UNDER_LOCAL_LAW, True, True),
    )
    assert local_official.outcome is TranslationOutcome.ACCEPTED
    assert local_official.reasons[0].code == "AFFIDAVIT_ABROAD_NOT_BEFORE_NOTARY"
    assert local_official.reasons[0].severity is Severity.WARNING


def test_certified_translator_abroad_still_swears_an_affidavit_but_may_translate_police_certificates():
    without = check_translation(
        guide=Guide.SPONSORSHIP,
        translator=TranslatorKind.CERTIFIED_TRANSLATOR_ABROAD,
        document_kind=DocumentKind.POLICE_CERTIFICATE,
        certified_copy_of_original=True,
    )
    assert without.outcome is TranslationOutcome.INCOMPLETE
    assert codes(without) == ["TRANSLATOR_AFFIDAVIT_MISSING"]
    with_affidavit = check_translation(
        guide=Guide.SPONSORSHIP,
        translator=TranslatorKind.CERTIFIED_TRANSLATOR_ABROAD,
        document_kind=DocumentKind.POLICE_CERTIFICATE,
        certified_copy_of_original=True,
        affidavit=SWORN_ABROAD,
    )
    assert with_affidavit.outcome is TranslationOutcome.ACCEPTED


def test_sponsorship_needs_a_certified_copy_of_the_original_unless_the_checklist_says_otherwise():
    missing = check_translation(
        guide=Guide.SPONSORSHIP, translator=TranslatorKind.CANADIAN_CERTIFIED_TRANSLATOR
    )
    assert missing.outcome is TranslationOutcome.INCOMPLETE
    assert codes(missing) == ["CERTIFIED_COPY_OF_ORIGINAL_MISSING"]
    waived = check_translation(
        guide=Guide.SPONSORSHIP,
        translator=TranslatorKind.CANADIAN_CERTIFIED_TRANSLATOR,
        checklist_waives_certified_copy=True,
    )
    assert waived.outcome is TranslationOutcome.ACCEPTED
    pr_card = check_translation(
        guide=Guide.PR_CARD, translator=TranslatorKind.CANADIAN_CERTIFIED_TRANSLATOR
    )
    assert pr_card.outcome is TranslationOutcome.ACCEPTED


def test_missing_translation_is_incomplete():
    result = check_translation(
        guide=Guide.PR_CARD,
        translator=TranslatorKind.CANADIAN_CERTIFIED_TRANSLATOR,
        translation_provided=False,
    )
    assert result.outcome is TranslationOutcome.INCOMPLETE and codes(result) == ["TRANSLATION_MISSING"]


FULL_CERTIFICATION = CopyCertification(True, True, True, True, True, True)


def test_certified_copy_by_authorized_unrelated_person_with_all_markings():
    result = check_certified_copy(
        certified_in=Place.CANADA,
        certifier=Officiant.AUTHORIZED_UNDER_LOCAL_LAW,
        certifier_relationship=Relationship.NONE,
        certification=FULL_CERTIFICATION,
    )
    assert result.valid and codes(result) == ["CERTIFIED_COPY_ACCEPTABLE"]


def test_certified_copy_by_a_sibling_or_an_unauthorized_person_or_without_markings_is_invalid():
    sibling = check_certified_copy(
        certified_in=Place.CANADA,
        certifier=Officiant.AUTHORIZED_UNDER_LOCAL_LAW,
        certifier_relationship=Relationship.SIBLING,
        certification=FULL_CERTIFICATION,
    )
    assert not sibling.valid and codes(sibling) == ["CERTIFIER_IS_APPLICANT_OR_RELATIVE"]
    unauthorized = check_certified_copy(
        certified_in=Place.ABROAD,
        certifier=Officiant.NOT_AUTHORIZED,
        certifier_relationship=Relationship.NONE,
        certification=FULL_CERTIFICATION,
    )
    assert not unauthorized.valid and codes(unauthorized) == ["CERTIFIER_NOT_AUTHORIZED"]
    unmarked = check_certified_copy(
        certified_in=Place.ABROAD,
        certifier=Officiant.NOTARY_PUBLIC,
        certifier_relationship=Relationship.NONE,
        certification=CopyCertification(True, True, False, True, True, False),
    )
    assert not unmarked.valid and codes(unmarked) == ["CERTIFICATION_MARKINGS_MISSING"]
    assert "the date of certification; their signature" in unmarked.reasons[0].en
    assert "la date de la certification\u00a0; sa signature" in unmarked.reasons[0].fr
