"""The submit gate's ``client_documents``: a program without IMM 5669 (the PR card) in the representative flow."""

from portique.rules.signatures import SignedDocument, SignerRole, SubmissionFlow, submission_gate
from tests.rules.test_signatures import ADULT, MARIE, ON, T1, T3, codes, sign


def _gate(**extra):
    return submission_gate(
        flow=SubmissionFlow.REPRESENTATIVE,
        principal_applicant_birth_date=ADULT,
        on=ON,
        applicant_passport_name=MARIE,
        client_documents=(SignedDocument.CONSENT_AND_DECLARATION,),
        **extra,
    )


def test_a_pr_card_client_signs_the_consent_and_declaration_only_then_the_representative_declares():
    signed = (sign(SignedDocument.CONSENT_AND_DECLARATION, at=T1),)
    assert _gate(signatures=signed, representative_declaration_at=T3).submit_enabled
    assert codes(_gate(signatures=signed)).count("REPRESENTATIVE_DECLARATION_MISSING") == 1
    assert "SIGNATURE_MISSING" in codes(_gate(signatures=(), representative_declaration_at=T3))


def test_the_representatives_own_signature_never_counts_for_the_client():
    gate = _gate(
        signatures=(sign(SignedDocument.CONSENT_AND_DECLARATION, by=SignerRole.REPRESENTATIVE),),
        representative_declaration_at=T3,
    )
    assert not gate.submit_enabled
    assert {"REPRESENTATIVE_CANNOT_SIGN_FOR_CLIENT", "SIGNATURE_MISSING"} <= set(codes(gate))


def test_a_signature_typed_outside_the_clients_account_never_counts():
    gate = _gate(
        signatures=(sign(SignedDocument.CONSENT_AND_DECLARATION, entered_from_client_account=False),),
        representative_declaration_at=T3,
    )
    assert not gate.submit_enabled and "REPRESENTATIVE_CANNOT_SIGN_FOR_CLIENT" in codes(gate)
