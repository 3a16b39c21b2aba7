"""A sponsorship through documents, fees, signatures and submission, on the same services as the PR card."""

from decimal import Decimal

import pytest

from portique.applications import services
from portique.applications.choices import Status
from portique.applications.signing.several_signers import missing_signatures
from portique.documents import selectors as document_selectors
from portique.payments.selectors import balance_for, quote_for
from tests import journey
from tests import sponsorship_journey as sj

TODAY = sj.TODAY


@pytest.fixture(autouse=True)
def _english_after_each_test():
    # A request to /fr/ leaves French active in this thread: the next test's reverse() must not inherit it.
    yield
    from django.utils import translation

    translation.activate("en")


@pytest.mark.django_db
def test_the_forms_of_every_person_are_complete_and_only_signatures_fees_and_documents_remain(applicant):
    application = sj.spouse_with_children(applicant)
    evaluation = services.application_evaluate(application=application, on=TODAY)
    assert evaluation.form_findings == ()
    codes = {item.code for item in document_selectors.checklist_for(application, TODAY)}
    assert {"BIRTH_CERTIFICATE", "PHOTO", "MARRIAGE_CERTIFICATE", "POLICE_CERTIFICATE_NG"} <= codes
    assert not codes & {"IMM0008", "IMM5669", "IMM1344"}  # filled and signed in the portal, not uploaded


@pytest.mark.django_db
def test_the_quote_is_per_person_from_the_rules(applicant):
    application = sj.spouse_with_children(applicant)
    quote = quote_for(application, TODAY)
    lines = [(line.code.value, line.amount, line.subject) for line in quote.lines]
    assert ("sponsorship", Decimal(85), None) in lines
    assert ("principal_applicant_processing", Decimal(545), "p1") in lines
    assert ("right_of_permanent_residence", Decimal(575), "p1") in lines
    # Each included child, accompanying or not, costs 175 (SP-200 table).
    assert [s for c, _a, s in lines if c == "dependent_child_included"] == ["p2", "p3"]
    # Biometrics: the principal applicant and the 14-year-old give them, the 11-year-old does not;
    # two people applying together pay the family maximum of $170 (SP-143), not 2 × $85.
    assert quote.due_now == Decimal(85 + 545 + 575 + 175 + 175 + 170)


@pytest.mark.django_db
def test_a_deferred_rprf_leaves_it_to_pay_later(applicant):
    application = sj.spouse_with_children(applicant)
    sj.save_form(
        applicant, application, 1, "IMM0008", {"application": {**sj.APPLICATION, "pay_rprf_now": False}}
    )
    quote = quote_for(application, TODAY)
    assert quote.due_later == Decimal(575)


@pytest.mark.django_db
def test_the_principal_applicant_cannot_sign_with_a_name_other_than_the_passport_name(applicant):
    application = sj.spouse_with_children(applicant)
    journey.upload_checklist(applicant, application)
    journey.pay(applicant, application, payer_name=sj.SPONSOR_NAME)
    version = application.version
    with pytest.raises(services.ApplicationError) as refused:
        sj.sign(applicant, application, 1, "Chidi Okafor")
    assert refused.value.reasons[0].fr
    application.refresh_from_db()
    assert application.version == version and not application.signatures.exists()


@pytest.mark.django_db
def test_a_family_member_does_not_sign_and_the_sponsor_signs_with_their_own_name(applicant):
    application = sj.spouse_with_children(applicant)
    journey.upload_checklist(applicant, application)
    journey.pay(applicant, application, payer_name=sj.SPONSOR_NAME)
    with pytest.raises(services.ApplicationError) as refused:
        sj.sign(applicant, application, 2, "Ada Okafor")
    assert refused.value.reasons[0].code == "NOT_A_SIGNER"
    with pytest.raises(services.ApplicationError):
        sj.sign(applicant, application, 0, sj.PA_NAME)


@pytest.mark.django_db
def test_submission_waits_for_the_sponsor_and_the_principal_applicant(applicant):
    application = sj.spouse_with_children(applicant)
    journey.upload_checklist(applicant, application)
    journey.pay(applicant, application, payer_name=sj.SPONSOR_NAME)
    assert balance_for(application, TODAY).settled
    sj.sign(applicant, application, 0, sj.SPONSOR_NAME)
    assert application.status == Status.READY_TO_SIGN
    assert [r.subject for r in missing_signatures(application, on=TODAY)] == ["p1"]
    with pytest.raises(services.ApplicationError) as refused:
        services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)
    assert "SIGNATURE_MISSING" in [r.code for r in refused.value.reasons]
    sj.sign(applicant, application, 1, sj.PA_NAME)
    assert application.status == Status.SIGNED
    submission = services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED and submission.confirmation_number


@pytest.mark.django_db
def test_a_change_after_signing_clears_every_signature(applicant):
    application = sj.ready_to_submit(applicant)
    assert application.status == Status.SIGNED
    sj.save_form(
        applicant, application, 2, "IMM0008", {"personal": sj.personal("Okafor", "Ada Grace", "2015-01-20")}
    )
    assert application.status == Status.DRAFT
    assert {r.subject for r in missing_signatures(application, on=TODAY)} == {"p0", "p1"}


@pytest.mark.django_db
def test_a_submission_missing_any_persons_form_is_refused(applicant):
    application = sj.ready_to_submit(applicant)
    child = sj.add_child(applicant, application, accompanying=True)
    with pytest.raises(services.ApplicationError) as refused:
        services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)
    subjects = {r.subject for r in refused.value.reasons}
    assert any(s and s.startswith(f"p{child.position}/IMM0008/") for s in subjects)
    application.refresh_from_db()
    assert application.status == Status.DRAFT


@pytest.mark.django_db
def test_a_22_year_old_child_without_a_qualifying_condition_is_not_a_dependent_child(applicant):
    application = sj.spouse_with_children(applicant)
    sj.save_form(
        applicant, application, 2, "IMM0008", {"personal": sj.personal("Okafor", "Ada", "2003-01-20")}
    )
    evaluation = services.application_evaluate(application=application, on=TODAY)
    dependants = {d["person"]: d for d in evaluation.details["eligibility"]["dependants"]}
    assert dependants["p2"]["dependent"] is False
    assert not evaluation.complete


@pytest.mark.django_db
def test_the_pages_take_a_sponsorship_from_signatures_to_submission(client, applicant, other_applicant):
    application = sj.spouse_with_children(applicant)
    journey.upload_checklist(applicant, application)
    journey.pay(applicant, application, payer_name=sj.SPONSOR_NAME)
    overview = f"/en/applications/{application.public_id}/"
    client.force_login(other_applicant)
    assert client.get(f"/en/applications/{application.public_id}/people/1/sign/").status_code == 404
    client.force_login(applicant)
    body = client.get(overview).content.decode()
    assert f"/applications/{application.public_id}/people/0/sign/" in body
    assert f"/applications/{application.public_id}/people/1/sign/" in body
    page = client.get(f"/fr/applications/{application.public_id}/people/0/sign/").content.decode()
    assert "Je m’engage à subvenir aux besoins essentiels" in page
    from portique.rules.programs.declarations import APPLICANT_DECLARATION, SPONSOR_UNDERTAKING

    application.refresh_from_db()
    for position, name, declaration in (
        (0, sj.SPONSOR_NAME, SPONSOR_UNDERTAKING),
        (1, sj.PA_NAME, APPLICANT_DECLARATION),
    ):
        response = client.post(
            f"/en/applications/{application.public_id}/people/{position}/sign/",
            {"typed_name": name, "declaration_version": declaration.version, "version": application.version},
        )
        assert response.status_code == 302
    assert 'action="/en/applications/' in client.get(overview).content.decode()
    response = client.post(f"/en/applications/{application.public_id}/submit/")
    assert response.status_code == 302 and response["Location"].endswith("/confirmation/")
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED


@pytest.mark.django_db
def test_after_submission_the_status_page_and_the_confirmation_show_the_sponsorship(client, applicant):
    application = sj.ready_to_submit(applicant)
    services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)
    client.force_login(applicant)
    for language in ("en", "fr"):
        for path in ("", "confirmation/"):
            response = client.get(f"/{language}/applications/{application.public_id}/{path}")
            assert response.status_code == 200, (language, path)
            assert application.number in response.content.decode()


@pytest.mark.django_db
def test_a_principal_applicant_under_18_is_signed_for_by_the_declared_parent_or_guardian(applicant):
    from portique.applications.signing.several_signers import evaluation_if_signed

    application, guardian = sj.child_with_guardian(applicant)
    evaluation = evaluation_if_signed(application, on=TODAY)
    assert evaluation.form_findings == ()
    assert quote_for(application, TODAY).due_now == Decimal(
        85 + 85 + 85
    )  # sponsorship, processing, biometrics (15)
    journey.upload_checklist(applicant, application)
    journey.pay(applicant, application, payer_name=sj.SPONSOR_NAME)
    with pytest.raises(services.ApplicationError) as refused:
        sj.sign(applicant, application, 1, "Linh Nguyen")
    assert refused.value.reasons[0].code == "NOT_A_SIGNER"
    with pytest.raises(services.ApplicationError):
        sj.sign(applicant, application, guardian.position, "Linh Nguyen")
    sj.sign(applicant, application, 0, sj.SPONSOR_NAME)
    sj.sign(applicant, application, guardian.position, sj.GUARDIAN_NAME)
    assert application.status == Status.SIGNED
    services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)


@pytest.mark.django_db
def test_without_a_declared_guardian_a_minor_principal_applicant_cannot_be_signed_for(applicant):
    application, guardian = sj.child_with_guardian(applicant)
    from portique.applications.people import services as people

    application.refresh_from_db()
    people.person_remove(
        actor=applicant,
        public_id=application.public_id,
        position=guardian.position,
        reason="wrong person",
        expected_version=application.version,
    )
    codes = [r.code for r in missing_signatures(application, on=TODAY)]
    assert "GUARDIAN_NOT_DECLARED" in codes


@pytest.mark.django_db
def test_officers_and_representatives_cannot_open_a_sponsorship_through_the_applicant_pages(
    client, applicant, officer, representative
):
    application = sj.started(applicant)
    for user in (officer, representative):
        client.force_login(user)
        for path in ("", "people/1/IMM0008/personal/", "people/0/sign/"):
            assert client.get(f"/en/applications/{application.public_id}/{path}").status_code in (403, 404)


@pytest.mark.django_db
def test_a_second_sponsorship_of_the_same_person_cannot_be_submitted_while_the_first_is_pending(applicant):
    first = sj.ready_to_submit(applicant)
    services.application_submit(actor=applicant, public_id=first.public_id, on=TODAY)
    second = sj.ready_to_submit(applicant)
    with pytest.raises(services.ApplicationError) as refused:
        services.application_submit(actor=applicant, public_id=second.public_id, on=TODAY)
    found = next(r for r in refused.value.reasons if r.code == "PENDING_SPONSORSHIP_OF_SAME_PERSON")
    assert first.number in found.en and first.number in found.fr and "10(5)" in found.citation
    second.refresh_from_db()
    assert second.status == Status.SIGNED


@pytest.mark.django_db
def test_a_child_travelling_without_the_other_parent_needs_the_hand_signed_imm_5604_uploaded(applicant):
    application = sj.spouse_with_children(applicant)
    dependant = {
        "accompanying": True,
        "has_spouse_or_common_law_partner": False,
        "has_dependent_child": False,
        "travels_without_both_parents": True,
    }
    sj.save_form(applicant, application, 2, "IMM0008", {"dependant": dependant})
    slots = [
        (item.code, item.person_position) for item in document_selectors.checklist_for(application, TODAY)
    ]
    assert ("IMM5604", 2) in slots and ("IMM5604", 3) not in slots
