"""The online requirement and its exemptions; applying at a port of entry; alternative-format requests."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portique.rules.online import (
    AlternativeFormatRequest,
    Delivery,
    Exemption,
    Kit,
    KitLanguage,
    OtherMeans,
    PermitPeriod,
    PortOfEntryApplication,
    Requirement,
    Stream,
    SystemRestriction,
    check_alternative_format_request,
    online_requirement,
    port_of_entry_application,
)
from portique.rules.reasons import Severity

ON = date(2025, 6, 2)
TR = Stream.TEMPORARY_RESIDENT_IN_CANADA


def codes(result) -> list[str]:
    return [r.code for r in result.reasons]


def test_in_canada_temporary_resident_without_exemption_must_apply_online():
    result = online_requirement(stream=TR, on=ON)
    assert result.requirement is Requirement.ELECTRONIC_ONLY
    assert not result.other_means_allowed
    assert result.exemptions == ()
    assert codes(result) == ["ONLINE_APPLICATION_REQUIRED"]
    assert result.reasons[0].citation == "IRPR 9.2"


def test_online_requirement_starts_on_2019_06_04_not_the_day_before():
    before = online_requirement(stream=TR, on=date(2019, 6, 3))
    assert before.requirement is Requirement.NO_REQUIREMENT
    assert codes(before) == ["ONLINE_NOT_YET_MANDATORY"]
    assert "2019-06-04" in before.reasons[0].en
    assert online_requirement(stream=TR, on=date(2019, 6, 4)).requirement is Requirement.ELECTRONIC_ONLY


def test_AS_72_trp_of_8_months_exempt_under_H82_but_4_months_is_not():
    eight = PermitPeriod(date(2025, 1, 1), date(2025, 9, 1))
    result = online_requirement(
        stream=TR, on=ON, system_restriction=SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER, temporary_resident_permit=eight
    )
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert result.exemptions == (Exemption.SYSTEM_RESTRICTION,)
    assert result.system_restriction is SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER
    assert result.other_means == (OtherMeans.PAPER,)
    assert "SYSTEM_RESTRICTION_EXEMPTION" in codes(result)
    assert "EXEMPTION_PERMITS_ONLINE_STILL_POSSIBLE" in codes(result)

    four = PermitPeriod(date(2025, 3, 1), date(2025, 7, 1))
    short = online_requirement(
        stream=TR, on=ON, system_restriction=SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER, temporary_resident_permit=four
    )
    assert short.requirement is Requirement.ELECTRONIC_ONLY
    assert codes(short)[0] == "H82_CONDITIONS_NOT_MET"
    assert "ONLINE_APPLICATION_REQUIRED" in codes(short)


@pytest.mark.parametrize(
    ("valid_until", "exempt"),
    [(date(2025, 7, 1), True), (date(2025, 6, 30), False)],
    ids=["exactly-6-months", "one-day-short"],
)
def test_H82_six_month_boundary(valid_until, exempt):
    trp = PermitPeriod(date(2025, 1, 1), valid_until)
    result = online_requirement(
        stream=TR, on=ON, system_restriction=SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER, temporary_resident_permit=trp
    )
    assert (result.requirement is Requirement.OTHER_MEANS_ALLOWED) is exempt


def test_H82_permit_must_be_valid_on_the_application_date():
    expired = PermitPeriod(date(2024, 1, 1), date(2025, 6, 1))
    result = online_requirement(
        stream=TR, on=ON, system_restriction=SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER, temporary_resident_permit=expired
    )
    assert result.requirement is Requirement.ELECTRONIC_ONLY


def test_AS_73_trp_and_work_permit_together_go_on_paper_and_trp_holder_may_go_online():
    together = online_requirement(stream=TR, on=ON, applying_for_trp_with_work_permit=True)
    assert together.requirement is Requirement.PAPER_REQUIRED
    assert not together.electronic_allowed
    assert together.joint_paper_forms == ("IMM 5708", "IMM 5710")
    assert codes(together) == ["TRP_AND_WORK_PERMIT_TOGETHER_ON_PAPER"]
    assert together.reasons[0].severity is Severity.WARNING

    holder = online_requirement(stream=TR, on=ON, temporary_resident_permit=PermitPeriod(date(2025, 5, 1), date(2025, 8, 1)))
    assert holder.electronic_allowed
    assert "TRP_HOLDER_MAY_APPLY_ONLINE_FOR_WORK_PERMIT" in codes(holder)


def test_AS_74_asylum_claimant_without_schedule_12_may_use_paper_or_online():
    result = online_requirement(stream=TR, on=ON, system_restriction=SystemRestriction.S61_ASYLUM_CLAIMANT)
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert result.electronic_allowed and result.other_means_allowed
    assert result.system_restriction is SystemRestriction.S61_ASYLUM_CLAIMANT
    already = online_requirement(
        stream=TR, on=ON, system_restriction=SystemRestriction.S61_ASYLUM_CLAIMANT, work_permit_requested_in_schedule_12=True
    )
    assert already.requirement is Requirement.ELECTRONIC_ONLY
    assert "S61_WORK_PERMIT_ALREADY_REQUESTED_IN_SCHEDULE_12" in codes(already)


def test_AS_75_disability_paper_application_must_be_accepted_without_naming_the_disability():
    result = online_requirement(stream=TR, on=ON, disability=True)
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert result.exemptions == (Exemption.DISABILITY,)
    assert result.officer_must_accept_complete_paper
    assert result.other_means == (OtherMeans.PAPER,)
    disability = result.reasons[0]
    assert disability.code == "DISABILITY_EXEMPTION" and disability.citation.startswith("IRPR 9.5")
    assert "do not have to say what your disability is" in disability.en
    assert "n’avez pas à préciser la nature de votre handicap" in disability.fr


def test_AS_76_iec_employer_change_and_pgwp_extension_are_exempt():
    for row in (SystemRestriction.C21_IEC_CHANGE, SystemRestriction.C43_PGWP_EXTENSION):
        result = online_requirement(stream=TR, on=ON, system_restriction=row)
        assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
        assert result.system_restriction is row
        assert row.value in result.reasons[0].en and row.value in result.reasons[0].citation


def test_AS_77_visitor_with_stateless_persons_passport_is_exempt():
    row = SystemRestriction.VISITOR_STATELESS_OR_REFUGEE_TRAVEL_DOCUMENT
    result = online_requirement(stream=TR, on=ON, system_restriction=row)
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert result.other_means == (OtherMeans.PAPER,)
    assert "stateless" in result.reasons[0].en and "apatrides" in result.reasons[0].fr


def test_AS_78_paid_representative_submits_C10_online_unless_unable():
    row = SystemRestriction.C10_QUEBEC_PHYSICIAN
    able = online_requirement(stream=TR, on=ON, system_restriction=row, paid_representative_with_portal_access=True)
    assert able.requirement is Requirement.ELECTRONIC_ONLY
    assert "PAID_REPRESENTATIVE_MUST_SUBMIT_ONLINE" in codes(able)
    unable = online_requirement(
        stream=TR,
        on=ON,
        system_restriction=row,
        paid_representative_with_portal_access=True,
        representative_unable_to_use_portal=True,
    )
    assert unable.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert "PAID_REPRESENTATIVE_UNABLE_MAY_USE_PAPER" in codes(unable)


def test_paid_representative_rule_does_not_remove_the_disability_exemption():
    result = online_requirement(stream=TR, on=ON, disability=True, paid_representative_with_portal_access=True)
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED


def test_exceptional_circumstances_are_an_officer_flag():
    result = online_requirement(stream=TR, on=ON, exceptional_circumstances=True)
    assert result.exemptions == (Exemption.EXCEPTIONAL_CIRCUMSTANCES,)
    assert result.reasons[0].citation == "IRPR 9.4"


@pytest.mark.parametrize(
    "row", [SystemRestriction.S62_UNENFORCEABLE_REMOVAL_ORDER, SystemRestriction.S62_FAILED_CLAIMANT_AWAITING_REMOVAL]
)
def test_S62_both_cases_recommend_online_but_allow_paper(row):
    result = online_requirement(stream=TR, on=ON, system_restriction=row)
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert result.online_recommended
    assert "S62_ONLINE_RECOMMENDED_FEE_WORKAROUND" in codes(result)
    assert result.reasons[0].citation.endswith("S62")


def test_urgent_work_permit_process_is_exempt_with_a_gap_warning():
    result = online_requirement(stream=TR, on=ON, system_restriction=SystemRestriction.URGENT_WORK_PERMIT_PROCESS)
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert "URGENT_PROCESS_PER_CALL_HANDLING_DOCUMENT" in codes(result)


@pytest.mark.parametrize("row", [r for r in SystemRestriction if r is not SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER])
def test_every_table_row_exempts_and_keeps_online_open(row):
    result = online_requirement(stream=TR, on=ON, system_restriction=row)
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert result.electronic_allowed  # EX-24: an exemption permits, never obliges


def test_sponsorship_online_mandatory_from_2022_09_23():
    before = online_requirement(stream=Stream.SPONSORSHIP, on=date(2022, 9, 22))
    assert before.requirement is Requirement.NO_REQUIREMENT
    on_the_day = online_requirement(stream=Stream.SPONSORSHIP, on=date(2022, 9, 23))
    assert on_the_day.requirement is Requirement.ELECTRONIC_ONLY
    assert "2022-09-23" in on_the_day.reasons[0].en


def test_sponsorship_accommodation_offers_paper_braille_large_print():
    result = online_requirement(stream=Stream.SPONSORSHIP, on=ON, disability=True)
    assert result.requirement is Requirement.OTHER_MEANS_ALLOWED
    assert result.exemptions == (Exemption.ACCOMMODATION,)
    assert result.other_means == (OtherMeans.PAPER, OtherMeans.BRAILLE, OtherMeans.LARGE_PRINT)
    assert "IRCC.PRPortalALTRequest-DemandeALTPortailRP.IRCC@cic.gc.ca" in result.reasons[0].en
    assert "PAPER_SPONSORSHIP_BY_COURIER" in codes(result)


def test_pr_card_may_be_online_or_paper_and_fee_is_paid_online():
    result = online_requirement(stream=Stream.PR_CARD, on=ON)
    assert result.requirement is Requirement.NO_REQUIREMENT
    assert codes(result) == ["PR_CARD_ONLINE_OR_PAPER"]
    accommodated = online_requirement(stream=Stream.PR_CARD, on=ON, other_accommodation_need=True)
    assert OtherMeans.BRAILLE in accommodated.other_means


@pytest.mark.parametrize(
    ("stream", "citation"),
    [(Stream.PERMANENT_RESIDENCE_AFTER_INVITATION, "IRPR 12.01"), (Stream.ELECTRONIC_TRAVEL_AUTHORIZATION, "IRPR 12.04(1)")],
)
def test_ita_and_eta_are_electronic_only_even_with_a_disability(stream, citation):
    result = online_requirement(stream=stream, on=ON, disability=True)
    assert result.requirement is Requirement.ELECTRONIC_ONLY
    assert result.reasons[0].citation == citation
    assert result.reasons[1].code == "NO_OTHER_MEANS_IN_SOURCES"


@given(
    disability=st.booleans(),
    exceptional=st.booleans(),
    row=st.one_of(st.none(), st.sampled_from(list(SystemRestriction))),
    rep=st.booleans(),
    unable=st.booleans(),
)
def test_an_exemption_never_forbids_applying_online(disability, exceptional, row, rep, unable):
    result = online_requirement(
        stream=TR,
        on=ON,
        disability=disability,
        exceptional_circumstances=exceptional,
        system_restriction=row,
        paid_representative_with_portal_access=rep,
        representative_unable_to_use_portal=unable,
    )
    assert result.electronic_allowed
    assert (result.requirement is Requirement.OTHER_MEANS_ALLOWED) == bool(result.exemptions)
    if disability or exceptional:
        assert result.other_means_allowed


def test_AS_56_port_of_entry_without_biometric_collection_cannot_take_the_application():
    refused = port_of_entry_application(
        application=PortOfEntryApplication.WORK_PERMIT, biometrics_required=True, port_collects_biometrics=False
    )
    assert not refused.allowed and not refused.officer_review
    assert refused.reasons[0].code == "PORT_OF_ENTRY_WITHOUT_BIOMETRIC_COLLECTION"
    assert refused.reasons[0].citation == "IRPR 12.001"
    assert port_of_entry_application(
        application=PortOfEntryApplication.WORK_PERMIT, biometrics_required=True, port_collects_biometrics=True
    ).allowed
    assert port_of_entry_application(
        application=PortOfEntryApplication.STUDY_PERMIT, biometrics_required=False, port_collects_biometrics=False
    ).allowed
    review = port_of_entry_application(
        application=PortOfEntryApplication.TEMPORARY_RESIDENT_PERMIT,
        biometrics_required=True,
        port_collects_biometrics=False,
        subject_to_198_or_214=True,
    )
    assert review.officer_review


def good_request(**changes) -> AlternativeFormatRequest:
    base = AlternativeFormatRequest(
        subject_kit=Kit.PR_CARD,
        subject_format=OtherMeans.LARGE_PRINT,
        full_name_as_on_passport="Marie Tremblay",
        states_need_for_other_format=True,
        language=KitLanguage.FRENCH,
        delivery=Delivery.MAIL,
        mailing_address="999, rue de la Famille, Ottawa (Ontario) K3J 9T5",
        mailing_address_country="CA",
    )
    return replace(base, **changes)


def test_a_complete_alternative_format_request():
    result = check_alternative_format_request(request=good_request(), on=ON)
    assert result.complete
    assert result.send_to == "IRCC.PRPortalALTRequest-DemandeALTPortailRP.IRCC@cic.gc.ca"
    assert [r.code for r in result.reasons] == ["ALTERNATIVE_FORMAT_REQUEST_COMPLETE"]


def test_AS_136_subject_without_the_format_is_incomplete():
    result = check_alternative_format_request(request=good_request(subject_format=None), on=ON)
    assert not result.complete
    assert [r.code for r in result.reasons] == ["SUBJECT_FORMAT_MISSING"]
    assert result.reasons[0].rule == "EX-33"


def test_AS_136_body_fields_and_mailing_address_in_canada_only():
    result = check_alternative_format_request(
        request=good_request(
            full_name_as_on_passport="",
            states_need_for_other_format=False,
            language=None,
            mailing_address_country="US",
        ),
        on=ON,
    )
    assert [r.code for r in result.reasons] == [
        "PASSPORT_NAME_MISSING",
        "NEED_STATEMENT_MISSING",
        "KIT_LANGUAGE_MISSING",
        "DELIVERY_ADDRESS_NOT_IN_CANADA",
    ]


def test_alternative_format_by_email_needs_a_valid_address_and_sponsorship_kit_the_sponsor_name():
    by_email = good_request(delivery=Delivery.EMAIL, email="not-an-address")
    assert [r.code for r in check_alternative_format_request(request=by_email, on=ON).reasons] == ["DELIVERY_EMAIL_MISSING"]
    assert check_alternative_format_request(request=replace(by_email, email="marie@exemple.ca"), on=ON).complete
    sponsorship = good_request(subject_kit=Kit.SPONSORSHIP, sponsored_by_family_member=True)
    assert [r.code for r in check_alternative_format_request(request=sponsorship, on=ON).reasons] == ["SPONSOR_NAME_MISSING"]


def test_alternative_format_request_never_asks_about_the_disability():
    fields = set(AlternativeFormatRequest.__dataclass_fields__)
    assert not any("disab" in name or "handicap" in name for name in fields)
