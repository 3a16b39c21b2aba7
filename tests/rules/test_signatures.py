"""E-signatures, the Submit button, and who may do what in the portal."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portique.rules.reasons import Severity
from portique.rules.signatures import (
    Actor,
    ESignature,
    FormSigning,
    IdentityDocument,
    PassportName,
    PortalAction,
    PrProgram,
    Representation,
    SignedDocument,
    SignerRole,
    SigningMethod,
    SubmissionFlow,
    ThirdPartyForm,
    form_signing,
    portal_permission,
    representative_identity_document_accepted,
    representative_portal_email_usable,
    representative_portal_supports,
    required_signer,
    signature_name_matches,
    submission_gate,
)

ON = date(2025, 6, 2)
ADULT = date(1995, 3, 4)
MARIE = PassportName(surname="TREMBLAY-D’AMOUR", given_names="MARIE ÉLOÏSE")
T1 = datetime(2025, 6, 2, 10, 0)
T2 = datetime(2025, 6, 2, 10, 5)
T3 = datetime(2025, 6, 2, 11, 0)


def sign(document: SignedDocument, name: str = "Marie Éloïse Tremblay-D'Amour", by=SignerRole.APPLICANT, at=T1, **extra):
    return ESignature(document=document, signed_by=by, typed_name=name, signed_at=at, **extra)


def codes(result) -> list[str]:
    return [r.code for r in result.reasons]


@pytest.mark.parametrize(
    "typed",
    [
        "Marie Éloïse Tremblay-D'Amour",
        "  marie   éloïse tremblay-d’amour ",
        "TREMBLAY-D'AMOUR MARIE ÉLOÏSE",
        "Marie E\u0301loi\u0308se Tremblay-D'Amour",  # decomposed accents (NFD)
    ],
)
def test_signature_name_equal_up_to_spacing_case_composition_and_apostrophe_style(typed):
    assert signature_name_matches(typed_name=typed, passport_name=MARIE).matches


@pytest.mark.parametrize(
    "typed",
    [
        "Marie Eloise Tremblay-D'Amour",  # accents dropped
        "Marie Tremblay-D'Amour",  # a given name left out
        "M. Éloïse Tremblay-D'Amour",  # an initial
        "Marie Éloïse Tremblay D'Amour",  # hyphen dropped
        "Éloïse Marie Tremblay-D'Amour",  # given names reordered
        "",
    ],
)
def test_signature_name_must_be_the_full_passport_name(typed):
    result = signature_name_matches(typed_name=typed, passport_name=MARIE)
    assert not result.matches
    assert result.reasons[0].code == "SIGNATURE_NAME_MISMATCH"
    assert result.reasons[0].rule == "ACT-51"


def test_passport_with_only_one_name_part():
    assert signature_name_matches(typed_name="Suharto", passport_name=PassportName("", "SUHARTO")).matches
    assert signature_name_matches(typed_name="Suharto", passport_name=PassportName("SUHARTO", "")).matches


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=12), st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=12))
def test_the_passport_name_itself_always_matches(given_name, surname):
    name = PassportName(surname=surname, given_names=given_name)
    assert signature_name_matches(typed_name=f"{given_name} {surname}", passport_name=name).matches
    assert signature_name_matches(typed_name=f"  {surname}   {given_name} ", passport_name=name).matches


def test_required_signer_changes_on_the_18th_birthday():
    birth = date(2007, 6, 2)
    assert required_signer(principal_applicant_birth_date=birth, on=date(2025, 6, 1)).signer is SignerRole.PARENT_OR_GUARDIAN
    adult = required_signer(principal_applicant_birth_date=birth, on=date(2025, 6, 2))
    assert adult.signer is SignerRole.APPLICANT
    assert adult.reasons[0].code == "PRINCIPAL_APPLICANT_SIGNS_FOR_ALL"


def test_AS_119_adult_pa_cannot_submit_without_typing_their_name():
    gate = submission_gate(
        flow=SubmissionFlow.SELF, principal_applicant_birth_date=ADULT, on=ON, applicant_passport_name=MARIE, signatures=()
    )
    assert not gate.submit_enabled
    missing = [r for r in gate.reasons if r.code == "SIGNATURE_MISSING"]
    assert [r.subject for r in missing] == ["consent_and_declaration"]
    assert "cannot be submitted before it is signed" in missing[0].en


def test_self_flow_one_signature_for_the_whole_application_enables_submit():
    gate = submission_gate(
        flow=SubmissionFlow.SELF,
        principal_applicant_birth_date=ADULT,
        on=ON,
        applicant_passport_name=MARIE,
        signatures=(sign(SignedDocument.CONSENT_AND_DECLARATION),),
    )
    assert gate.submit_enabled
    assert codes(gate)[-1] == "SUBMIT_ENABLED"


def test_a_signature_with_the_wrong_name_does_not_count():
    gate = submission_gate(
        flow=SubmissionFlow.SELF,
        principal_applicant_birth_date=ADULT,
        on=ON,
        applicant_passport_name=MARIE,
        signatures=(sign(SignedDocument.CONSENT_AND_DECLARATION, name="Marie Tremblay"),),
    )
    assert not gate.submit_enabled
    mismatch = next(r for r in gate.reasons if r.code == "SIGNATURE_NAME_MISMATCH")
    assert mismatch.subject == "consent_and_declaration"


def test_AS_125_representative_declaration_required_after_client_signs():
    signatures = (sign(SignedDocument.CONSENT_AND_DECLARATION, at=T1), sign(SignedDocument.IMM_5669, at=T2))
    common = {
        "flow": SubmissionFlow.REPRESENTATIVE,
        "principal_applicant_birth_date": ADULT,
        "on": ON,
        "applicant_passport_name": MARIE,
        "signatures": signatures,
    }
    not_ticked = submission_gate(**common)
    assert not not_ticked.submit_enabled
    assert [r.code for r in not_ticked.reasons if r.severity is Severity.BLOCKING] == ["REPRESENTATIVE_DECLARATION_MISSING"]
    ticked = submission_gate(**common, representative_declaration_at=T3)
    assert ticked.submit_enabled
    too_early = submission_gate(**common, representative_declaration_at=T1)
    assert "REPRESENTATIVE_DECLARATION_BEFORE_CLIENT_SIGNATURE" in codes(too_early)
    assert not too_early.submit_enabled


def test_representative_flow_needs_the_imm_5669_signature_too():
    gate = submission_gate(
        flow=SubmissionFlow.REPRESENTATIVE,
        principal_applicant_birth_date=ADULT,
        on=ON,
        applicant_passport_name=MARIE,
        signatures=(sign(SignedDocument.CONSENT_AND_DECLARATION),),
        representative_declaration_at=T3,
    )
    assert not gate.submit_enabled
    assert [r.subject for r in gate.reasons if r.code == "SIGNATURE_MISSING"] == ["imm_5669"]


def test_AS_127_representative_signature_for_the_client_is_refused():
    gate = submission_gate(
        flow=SubmissionFlow.REPRESENTATIVE,
        principal_applicant_birth_date=ADULT,
        on=ON,
        applicant_passport_name=MARIE,
        signatures=(
            sign(SignedDocument.CONSENT_AND_DECLARATION, entered_from_client_account=False),
            sign(SignedDocument.IMM_5669, by=SignerRole.REPRESENTATIVE),
        ),
        representative_declaration_at=T3,
    )
    assert not gate.submit_enabled
    assert codes(gate).count("REPRESENTATIVE_CANNOT_SIGN_FOR_CLIENT") == 2
    for action in (PortalAction.E_SIGN_APPLICATION, PortalAction.LOG_IN_WITH_CLIENT_CREDENTIALS):
        permission = portal_permission(actor=Actor.PAID_REPRESENTATIVE, action=action)
        assert not permission.allowed
    assert portal_permission(actor=Actor.PAID_REPRESENTATIVE, action=PortalAction.E_SIGN_APPLICATION).reasons[0].code == (
        "REPRESENTATIVE_CANNOT_SIGN_FOR_CLIENT"
    )


def test_minor_pa_parent_or_guardian_signs_with_their_own_passport_name():
    child = date(2009, 1, 1)
    guardian = PassportName("TREMBLAY", "JEAN")
    by_child = submission_gate(
        flow=SubmissionFlow.SELF,
        principal_applicant_birth_date=child,
        on=ON,
        applicant_passport_name=MARIE,
        guardian_passport_name=guardian,
        signatures=(sign(SignedDocument.CONSENT_AND_DECLARATION),),
    )
    assert not by_child.submit_enabled
    assert "MINOR_CANNOT_SIGN" in codes(by_child)
    by_guardian = submission_gate(
        flow=SubmissionFlow.SELF,
        principal_applicant_birth_date=child,
        on=ON,
        applicant_passport_name=MARIE,
        guardian_passport_name=guardian,
        signatures=(sign(SignedDocument.CONSENT_AND_DECLARATION, name="Jean Tremblay", by=SignerRole.PARENT_OR_GUARDIAN),),
    )
    assert by_guardian.submit_enabled
    assert codes(by_guardian)[0] == "MINOR_SIGNED_BY_PARENT_OR_GUARDIAN"


def test_guardian_cannot_sign_for_an_adult_and_sponsor_cannot_sign_for_the_pa():
    gate = submission_gate(
        flow=SubmissionFlow.SELF,
        principal_applicant_birth_date=ADULT,
        on=ON,
        applicant_passport_name=MARIE,
        signatures=(
            sign(SignedDocument.CONSENT_AND_DECLARATION, by=SignerRole.PARENT_OR_GUARDIAN),
            sign(SignedDocument.CONSENT_AND_DECLARATION, by=SignerRole.SPONSOR),
        ),
    )
    assert not gate.submit_enabled
    assert {"PRINCIPAL_APPLICANT_MUST_SIGN", "SPONSOR_CANNOT_SIGN_FOR_APPLICANT"} <= set(codes(gate))


def test_missing_items_keep_submit_disabled():
    gate = submission_gate(
        flow=SubmissionFlow.SELF,
        principal_applicant_birth_date=ADULT,
        on=ON,
        applicant_passport_name=MARIE,
        signatures=(sign(SignedDocument.CONSENT_AND_DECLARATION),),
        missing_items=("fee_receipt",),
    )
    assert not gate.submit_enabled
    assert [r.subject for r in gate.reasons if r.code == "ITEM_MISSING_BEFORE_SUBMIT"] == ["fee_receipt"]


@given(
    consent=st.booleans(),
    imm5669=st.booleans(),
    declared=st.booleans(),
    missing=st.lists(st.just("x"), max_size=2),
)
def test_submit_is_enabled_only_when_everything_is_in(consent, imm5669, declared, missing):
    signatures = tuple(
        sign(document)
        for document, present in ((SignedDocument.CONSENT_AND_DECLARATION, consent), (SignedDocument.IMM_5669, imm5669))
        if present
    )
    gate = submission_gate(
        flow=SubmissionFlow.REPRESENTATIVE,
        principal_applicant_birth_date=ADULT,
        on=ON,
        applicant_passport_name=MARIE,
        signatures=signatures,
        representative_declaration_at=T3 if declared else None,
        missing_items=tuple(missing),
    )
    assert gate.submit_enabled is (consent and imm5669 and declared and not missing)


def test_AS_124_representative_cannot_create_a_client_portal_account_and_that_email_is_lost():
    permission = portal_permission(actor=Actor.PAID_REPRESENTATIVE, action=PortalAction.CREATE_CLIENT_PORTAL_ACCOUNT)
    assert not permission.allowed
    assert permission.reasons[0].code == "REPRESENTATIVE_CANNOT_CREATE_CLIENT_ACCOUNT"
    email = representative_portal_email_usable(used_to_create_client_portal_account=True)
    assert not email.allowed and email.reasons[0].code == "EMAIL_USED_FOR_CLIENT_ACCOUNT"
    assert representative_portal_email_usable(used_to_create_client_portal_account=False).allowed


def test_AS_126_client_cannot_edit_a_representative_created_application():
    edit = portal_permission(
        actor=Actor.CLIENT, action=PortalAction.EDIT_APPLICATION, application_created_by_representative=True
    )
    assert not edit.allowed and edit.reasons[0].code == "CLIENT_REVIEWS_AND_SIGNS_ONLY"
    for action in (PortalAction.REVIEW_APPLICATION, PortalAction.E_SIGN_APPLICATION):
        assert portal_permission(actor=Actor.CLIENT, action=action, application_created_by_representative=True).allowed
    assert portal_permission(actor=Actor.CLIENT, action=PortalAction.EDIT_APPLICATION).allowed


def test_AS_128_express_entry_not_in_the_representative_portal():
    refused = representative_portal_supports(program=PrProgram.EXPRESS_ENTRY)
    assert not refused.allowed and refused.reasons[0].code == "EXPRESS_ENTRY_NOT_IN_REPRESENTATIVE_PORTAL"
    assert representative_portal_supports(program=PrProgram.FAMILY_SPONSORSHIP).allowed


def test_AS_129_rep_submitted_sponsorship_forms_are_printed_and_hand_signed():
    imm1344 = form_signing(form=ThirdPartyForm.IMM_1344, flow=SubmissionFlow.REPRESENTATIVE)
    assert imm1344 == FormSigning(
        SigningMethod.HAND_SIGNED_AND_UPLOADED, (SignerRole.SPONSOR, SignerRole.APPLICANT), False, imm1344.reasons
    )
    assert imm1344.reasons[0].code == "THIRD_PARTY_FORM_HAND_SIGNED"
    imm5476 = form_signing(form=ThirdPartyForm.IMM_5476, flow=SubmissionFlow.REPRESENTATIVE, sponsor_shares_representative=True)
    assert imm5476.method is SigningMethod.HAND_SIGNED_AND_UPLOADED
    assert imm5476.signers == (SignerRole.APPLICANT, SignerRole.SPONSOR)


def test_self_flow_imm_1344_accepts_an_uploaded_signed_pdf_and_imm_5604_is_hand_signed_with_photo_id():
    self_flow = form_signing(form=ThirdPartyForm.IMM_1344, flow=SubmissionFlow.SELF, principal_applicant_is_minor=True)
    assert self_flow.method is SigningMethod.SIGNED_PDF_UPLOADED
    assert self_flow.signers == (SignerRole.SPONSOR, SignerRole.PARENT_OR_GUARDIAN)
    imm5604 = form_signing(form=ThirdPartyForm.IMM_5604, flow=SubmissionFlow.SELF)
    assert imm5604.method is SigningMethod.HAND_SIGNED_AND_UPLOADED and imm5604.photo_id_required
    assert imm5604.signers == (SignerRole.NON_ACCOMPANYING_PARENT,)


@pytest.mark.parametrize(
    ("document", "valid", "allowed"),
    [
        (IdentityDocument.PASSPORT, True, True),
        (IdentityDocument.DRIVERS_LICENCE, True, True),
        (IdentityDocument.PR_CARD, True, True),
        (IdentityDocument.PR_CARD, False, False),
        (IdentityDocument.HEALTH_CARD, True, False),
    ],
)
def test_AS_130_representative_identity_documents(document, valid, allowed):
    assert representative_identity_document_accepted(document=document, valid=valid).allowed is allowed


def test_AS_131_unpaid_representative_gets_no_account():
    refused = portal_permission(actor=Actor.UNPAID_REPRESENTATIVE, action=PortalAction.HOLD_ONLINE_ACCOUNT)
    assert not refused.allowed
    assert refused.reasons[0].code == "UNPAID_REPRESENTATIVE_NO_ACCOUNT"
    assert "e-mail or mail" in refused.reasons[0].en


def test_AS_132_represented_client_must_cancel_designation_before_linking():
    blocked = portal_permission(
        actor=Actor.CLIENT, action=PortalAction.LINK_APPLICATION_TO_OWN_ACCOUNT, represented_by=Representation.PAID
    )
    assert not blocked.allowed and blocked.reasons[0].code == "CANCEL_REPRESENTATIVE_BEFORE_LINKING"
    after_cancel = portal_permission(
        actor=Actor.CLIENT, action=PortalAction.LINK_APPLICATION_TO_OWN_ACCOUNT, represented_by=Representation.NONE
    )
    assert after_cancel.allowed
    rep = portal_permission(actor=Actor.PAID_REPRESENTATIVE, action=PortalAction.LINK_APPLICATION_TO_OWN_ACCOUNT)
    assert rep.allowed and rep.reasons[0].code == "PAID_REPRESENTATIVE_MAY_LINK"


def test_only_the_representative_ticks_the_representative_declaration():
    assert not portal_permission(actor=Actor.CLIENT, action=PortalAction.TICK_REPRESENTATIVE_DECLARATION).allowed
    assert portal_permission(actor=Actor.PAID_REPRESENTATIVE, action=PortalAction.TICK_REPRESENTATIVE_DECLARATION).allowed
    assert not portal_permission(actor=Actor.SPONSOR, action=PortalAction.E_SIGN_APPLICATION).allowed


@given(actor=st.sampled_from(list(Actor)), action=st.sampled_from(list(PortalAction)))
def test_every_permission_answer_explains_itself_in_both_languages(actor, action):
    permission = portal_permission(actor=actor, action=action)
    assert permission.reasons
    for r in permission.reasons:
        assert r.en and r.fr and r.rule and r.citation
        assert (r.severity is Severity.BLOCKING) is (not permission.allowed)
