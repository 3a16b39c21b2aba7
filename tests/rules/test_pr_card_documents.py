"""The PR card document checklist (IMM 5445 Step 1, as IMM 5644 builds it; PRC-51 to PRC-65)."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from portique.rules.pr_card import Channel, Purpose
from portique.rules.pr_card_documents import (
    Checklist,
    ChecklistItem,
    CircumstancesLetter,
    MissingConsequence,
    NameChange,
    NameChangePlace,
    SecondDeclarant,
    check_identity_alternative,
    missing_documents,
    pr_card_checklist,
)
from portique.rules.reasons import Severity
from portique.rules.residency import (
    Absence,
    AccompanyingCitizen,
    AccompanyingResident,
    EmployerLetter,
    EmploymentAbroad,
    Relation,
)
from portique.rules.urgent import UrgentDocument

APPLIED = date(2025, 6, 2)
ADULT = date(1985, 4, 2)
BASE_CODES = [
    "DOCUMENT_CHECKLIST_IMM5644",
    "FEE_RECEIPT",
    "PHOTO",
    "PHOTO_BACK",
    "RESIDENCY_EVIDENCE",
    "PRIMARY_IDENTITY_DOCUMENT",
]


def checklist(**overrides) -> Checklist:
    answers = {
        "purpose": Purpose.RENEWAL,
        "channel": Channel.ONLINE,
        "application_date": APPLIED,
        "date_of_birth": ADULT,
    }
    answers.update(overrides)
    return pr_card_checklist(**answers)


def item(result: Checklist, code: str) -> ChecklistItem:
    return next(i for i in result.items if i.code == code)


def everything(result: Checklist) -> dict[str, int]:
    """One full set of documents for every item (the first alternative), as an applicant would upload."""
    provided: dict[str, int] = {}
    for i in result.items:
        for code in i.satisfied_by[0]:
            provided[code] = i.count
    return provided


def test_adult_online_renewal_needs_the_base_documents_and_a_copy_of_the_card():
    result = checklist()
    assert list(result.codes()) == [*BASE_CODES, "CURRENT_PR_CARD_COPY"]
    assert item(result, "RESIDENCY_EVIDENCE").count == 2
    assert result.reasons[-1].code == "CHECKLIST_PREPARED"
    assert "7 documents" in result.reasons[-1].en


def test_paper_application_needs_two_photos_and_no_back_upload():
    result = checklist(channel=Channel.PAPER)
    assert "PHOTO_BACK" not in result.codes()
    assert item(result, "PHOTO").count == 2
    assert ("PORTAL_PAYMENT",) not in item(result, "FEE_RECEIPT").satisfied_by


def test_AS_21_legal_name_change_in_canada_documents():
    result = checklist(purpose=Purpose.LEGAL_NAME_CHANGE, name_change=NameChange(NameChangePlace.IN_CANADA))
    codes = result.codes()
    assert {
        "RECORD_OF_LANDING_OR_COPR",
        "PROVINCIAL_ID_WITH_NEW_NAME",
        "NAME_CHANGE_DOCUMENT",
        "PRIMARY_IDENTITY_DOCUMENT",
    } <= set(codes)
    assert "CURRENT_PR_CARD_COPY" not in codes
    provincial_id = item(result, "PROVINCIAL_ID_WITH_NEW_NAME")
    # The provincial ID is not needed when a provincial legal name-change document is provided.
    docs = everything(result) | {"CHANGE_OF_NAME_DOCUMENT": 1}
    docs.pop("PROVINCIAL_PHOTO_ID")
    assert missing_documents(result, docs).complete
    # A marriage certificate proves the name change but does not replace the provincial ID.
    docs = everything(result)
    docs.pop("PROVINCIAL_PHOTO_ID")
    docs.pop("CHANGE_OF_NAME_DOCUMENT")
    docs["MARRIAGE_CERTIFICATE"] = 1
    completeness = missing_documents(result, docs)
    assert completeness.missing == ("PROVINCIAL_ID_WITH_NEW_NAME",)
    assert provincial_id.rule == "PRC-52"


def test_quebec_marriage_on_or_after_1981_04_02_cannot_support_the_name_change():
    quebec = checklist(
        purpose=Purpose.LEGAL_NAME_CHANGE,
        name_change=NameChange(
            NameChangePlace.IN_CANADA, marriage_in_quebec_on=date(1981, 4, 2), resides_in_quebec=True
        ),
    )
    assert ("MARRIAGE_CERTIFICATE",) not in item(quebec, "NAME_CHANGE_DOCUMENT").satisfied_by
    assert "QUEBEC_MARRIAGE_DOCUMENTS_NOT_ACCEPTED" in [r.code for r in quebec.reasons]
    day_before = checklist(
        purpose=Purpose.LEGAL_NAME_CHANGE,
        name_change=NameChange(
            NameChangePlace.IN_CANADA, marriage_in_quebec_on=date(1981, 4, 1), resides_in_quebec=True
        ),
    )
    assert ("MARRIAGE_CERTIFICATE",) in item(day_before, "NAME_CHANGE_DOCUMENT").satisfied_by
    moved_away = checklist(
        purpose=Purpose.LEGAL_NAME_CHANGE,
        name_change=NameChange(
            NameChangePlace.IN_CANADA, marriage_in_quebec_on=date(1990, 1, 1), resides_in_quebec=False
        ),
    )
    assert ("MARRIAGE_CERTIFICATE",) in item(moved_away, "NAME_CHANGE_DOCUMENT").satisfied_by


def test_name_changed_abroad_or_on_an_earlier_card():
    abroad = checklist(purpose=Purpose.LEGAL_NAME_CHANGE, name_change=NameChange(NameChangePlace.ABROAD))
    assert {
        "FOREIGN_DOCUMENT_WITH_NEW_NAME",
        "DOCUMENT_LINKING_OLD_AND_NEW_NAMES",
        "RECORD_OF_LANDING_OR_COPR",
    } <= set(abroad.codes())
    assert "NAME_CHANGE_DOCUMENT" not in abroad.codes()
    earlier = checklist(name_change=NameChange(NameChangePlace.EARLIER_CARD))
    assert "LAST_PR_CARD_COPY" in earlier.codes()
    assert "NAME_CHANGE_DOCUMENT" not in earlier.codes()


def test_AS_23_change_to_sex_x_requires_irm_0002():
    result = checklist(purpose=Purpose.SEX_DESIGNATION_CHANGE, new_sex_designation_x=True)
    irm = item(result, "IRM_0002")
    assert irm.rule == "PRC-14" and "IRM 0002" in irm.en
    assert "IRM_0002" not in checklist(purpose=Purpose.SEX_DESIGNATION_CHANGE).codes()


def test_AS_24_lost_card_police_report_only_if_the_applicant_has_one():
    with_report = checklist(purpose=Purpose.REPLACEMENT_LOST, has_police_report=True)
    assert "POLICE_REPORT_OR_INCIDENT_NUMBER" in with_report.codes()
    without = checklist(purpose=Purpose.REPLACEMENT_LOST)
    assert "POLICE_REPORT_OR_INCIDENT_NUMBER" not in without.codes()
    assert "POLICE_REPORT_NOT_REQUIRED" in [r.code for r in without.reasons]
    assert "CURRENT_PR_CARD_COPY" not in without.codes()


def test_AS_25_damaged_card_photo_online_card_itself_on_paper():
    online = checklist(purpose=Purpose.REPLACEMENT_DAMAGED)
    assert "DAMAGED_CARD_PHOTO" in online.codes() and "DAMAGED_CARD" not in online.codes()
    paper = checklist(purpose=Purpose.REPLACEMENT_DAMAGED, channel=Channel.PAPER)
    assert "DAMAGED_CARD" in paper.codes() and "DAMAGED_CARD_PHOTO" not in paper.codes()


def test_AS_30_applicant_aged_15_without_any_under_18_document_is_returned():
    result = checklist(date_of_birth=date(2010, 1, 1))
    minor = item(result, "MINOR_IDENTITY_DOCUMENT")
    assert minor.rule == "PRC-64" and "15" in minor.why_en
    docs = everything(result)
    docs.pop("BIRTH_CERTIFICATE")
    completeness = missing_documents(result, docs)
    assert not completeness.complete
    assert completeness.missing == ("MINOR_IDENTITY_DOCUMENT",)
    finding = next(r for r in completeness.reasons if r.code == "REQUIRED_DOCUMENT_MISSING")
    assert finding.severity is Severity.BLOCKING and finding.subject == "MINOR_IDENTITY_DOCUMENT"
    assert "IRPR 10(1)(c), 12" in finding.citation
    # Reading (G-10): any one of the three is enough.
    assert missing_documents(result, docs | {"SCHOOL_RECORDS": 1}).complete


def test_the_18th_birthday_on_the_application_date_ends_the_under_18_documents():
    assert "MINOR_IDENTITY_DOCUMENT" not in checklist(date_of_birth=date(2007, 6, 2)).codes()
    assert "MINOR_IDENTITY_DOCUMENT" in checklist(date_of_birth=date(2007, 6, 3)).codes()


def test_AS_31_solemn_declarations_with_letter_replace_the_passport_and_without_letter_do_not():
    letter = CircumstancesLetter(True, True, True)
    accepted = check_identity_alternative(
        applicant_declaration=True,
        second_declarant=SecondDeclarant.KNEW_APPLICANT_BEFORE_ARRIVAL,  # a cousin who knew them
        declarations_certified_by_commissioner=True,
        letter=letter,
    )
    assert accepted.acceptable and [r.code for r in accepted.reasons] == ["SOLEMN_DECLARATIONS_ACCEPTED"]
    no_letter = check_identity_alternative(
        applicant_declaration=True,
        second_declarant=SecondDeclarant.KNEW_APPLICANT_BEFORE_ARRIVAL,
        declarations_certified_by_commissioner=True,
    )
    assert not no_letter.acceptable
    assert [r.code for r in no_letter.reasons] == ["EXCEPTIONAL_CIRCUMSTANCES_LETTER_MISSING"]

    # The same through the checklist: the declarations are an alternative only when no passport can be had.
    result = checklist(no_primary_id_obtainable=True)
    identity = item(result, "PRIMARY_IDENTITY_DOCUMENT")
    assert (
        "SOLEMN_DECLARATION_APPLICANT",
        "SOLEMN_DECLARATION_SECOND_PERSON",
        "EXCEPTIONAL_CIRCUMSTANCES_LETTER",
    ) in identity.satisfied_by
    assert "commissioner for oaths" in identity.why_en
    docs = everything(result)
    docs.pop("PASSPORT_OR_TRAVEL_DOCUMENT")
    docs |= {"SOLEMN_DECLARATION_APPLICANT": 1, "SOLEMN_DECLARATION_SECOND_PERSON": 1}
    assert missing_documents(result, docs).missing == ("PRIMARY_IDENTITY_DOCUMENT",)
    assert missing_documents(result, docs | {"EXCEPTIONAL_CIRCUMSTANCES_LETTER": 1}).complete
    with_passport_route = checklist()
    assert len(item(with_passport_route, "PRIMARY_IDENTITY_DOCUMENT").satisfied_by) == 3


def test_identity_alternative_other_failures_and_foreign_id():
    assert check_identity_alternative(foreign_id_issued_before_arrival=True).acceptable
    result = check_identity_alternative(
        applicant_declaration=True,
        second_declarant=None,
        declarations_certified_by_commissioner=False,
        letter=CircumstancesLetter(True, False, True),
    )
    assert [r.code for r in result.reasons] == [
        "SOLEMN_DECLARATIONS_INCOMPLETE",
        "SOLEMN_DECLARATION_NOT_CERTIFIED",
        "EXCEPTIONAL_CIRCUMSTANCES_LETTER_INCOMPLETE",
    ]


def test_indigenous_name_declaration_and_fee_statement_until_2026_05_31():
    on_last_day = checklist(indigenous_name_reclaimed=True, application_date=date(2026, 5, 31))
    assert "INDIGENOUS_NAME_DECLARATION" in on_last_day.codes()
    assert ("INDIGENOUS_NAME_FEE_STATEMENT",) in item(on_last_day, "FEE_RECEIPT").satisfied_by
    gap = next(r for r in on_last_day.reasons if r.code == "GAP_INDIGENOUS_NAME_DECLARATION_TEXT")
    assert gap.severity is Severity.WARNING
    after = checklist(indigenous_name_reclaimed=True, application_date=date(2026, 6, 1))
    assert "INDIGENOUS_NAME_DECLARATION" in after.codes()
    assert ("INDIGENOUS_NAME_FEE_STATEMENT",) not in item(after, "FEE_RECEIPT").satisfied_by


def test_humanitarian_translations_and_residency_option_documents():
    absences = (
        Absence(date(2021, 1, 1), date(2021, 6, 1), EmploymentAbroad(True, True, True, EmployerLetter())),
        Absence(date(2022, 1, 1), date(2022, 6, 1), AccompanyingCitizen(Relation.PARENT, date(2000, 1, 1))),
        Absence(date(2023, 1, 1), date(2023, 6, 1), AccompanyingResident(Relation.SPOUSE, True, True)),
    )
    result = checklist(
        humanitarian_grounds_requested=True, documents_not_in_english_or_french=True, absences=absences
    )
    codes = set(result.codes())
    assert {
        "HUMANITARIAN_EVIDENCE",
        "TRANSLATIONS",
        "OPTION_A_EMPLOYER_LETTER",
        "OPTION_B_PASSPORTS_OF_CITIZEN",
        "OPTION_B_CITIZENSHIP_PROOF",
        "OPTION_B_ADDRESSES_OF_CITIZEN",
        "PARENT_RELATIONSHIP_PROOF",
        "OPTION_C_RESIDENCY_PROOF_OF_RESIDENT",
        "OPTION_C_PASSPORTS_OF_RESIDENT",
        "SPOUSE_RELATIONSHIP_PROOF",
    } <= codes
    translations = item(result, "TRANSLATIONS")
    assert ("TRANSLATION_BY_CANADIAN_CERTIFIED_TRANSLATOR",) in translations.satisfied_by


def test_residency_evidence_needs_two_documents():
    result = checklist()
    docs = everything(result) | {"RESIDENCY_EVIDENCE": 1}
    completeness = missing_documents(result, docs)
    assert completeness.missing == ("RESIDENCY_EVIDENCE",)
    assert "(2 needed)" in completeness.reasons[0].en and "(2 exigés)" in completeness.reasons[0].fr


def test_missing_urgent_document_warns_and_does_not_return_the_application():
    result = checklist(urgent=True)
    assert (
        item(result, UrgentDocument.PROOF_OF_TRIP_PAYMENT.value).if_missing
        is MissingConsequence.NO_URGENT_PROCESSING
    )
    docs = everything(result)
    docs.pop(UrgentDocument.PROOF_OF_TRIP_PAYMENT.value)
    completeness = missing_documents(result, docs)
    assert completeness.complete
    assert completeness.missing == (UrgentDocument.PROOF_OF_TRIP_PAYMENT.value,)
    assert [r.code for r in completeness.reasons] == [
        "URGENT_DOCUMENT_MISSING",
        "ALL_REQUIRED_DOCUMENTS_PROVIDED",
    ]


def test_an_explanation_stands_in_only_where_the_item_allows_it():
    explainable = ChecklistItem("X", "X", "X", "c", "SP-181", "w", "w", may_explain_instead=True)
    strict = ChecklistItem("Y", "Y", "Y", "c", "PRC-60", "w", "w")
    result = missing_documents(Checklist((explainable, strict), ()), provided=(), explanations=("X", "Y"))
    assert result.explained == ("X",)
    assert result.missing == ("Y",)
    assert not result.complete
    assert [r.code for r in result.reasons] == ["DOCUMENT_EXPLAINED_INSTEAD", "REQUIRED_DOCUMENT_MISSING"]


def test_plain_collection_of_codes_is_accepted():
    result = checklist(purpose=Purpose.REPLACEMENT_STOLEN)
    provided = [code for i in result.items for code in i.satisfied_by[0]]
    completeness = missing_documents(result, provided)
    assert completeness.missing == ("RESIDENCY_EVIDENCE",)  # one code counts as one document


@given(
    purpose=st.sampled_from(list(Purpose)),
    channel=st.sampled_from(list(Channel)),
    birth_year=st.integers(1940, 2024),
    flags=st.tuples(*(st.booleans() for _ in range(8))),
    place=st.one_of(st.none(), st.sampled_from(list(NameChangePlace))),
    drop=st.integers(0, 40),
)
def test_a_full_upload_is_complete_and_dropping_a_returning_item_is_not(
    purpose, channel, birth_year, flags, place, drop
):
    indigenous, police, foreign, x, humanitarian, urgent, no_id, quebec = flags
    result = checklist(
        purpose=purpose,
        channel=channel,
        date_of_birth=date(birth_year, 3, 1),
        name_change=None
        if place is None
        else NameChange(place, date(1990, 1, 1) if quebec else None, quebec),
        indigenous_name_reclaimed=indigenous,
        has_police_report=police,
        documents_not_in_english_or_french=foreign,
        new_sex_designation_x=x,
        humanitarian_grounds_requested=humanitarian,
        urgent=urgent,
        no_primary_id_obtainable=no_id,
    )
    assert len(set(result.codes())) == len(result.items)
    full = everything(result)
    assert missing_documents(result, full).complete
    target = result.items[drop % len(result.items)]
    without = {
        code: n for code, n in full.items() if not any(code in option for option in target.satisfied_by)
    }
    completeness = missing_documents(result, without)
    assert target.code in completeness.missing
    assert completeness.complete is (target.if_missing is MissingConsequence.NO_URGENT_PROCESSING)
    for i in result.items:
        assert i.en and i.fr and i.why_en and i.why_fr and i.citation and i.rule
