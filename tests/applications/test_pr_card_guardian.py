"""A PR card applicant under 18 is signed for by a parent or legal guardian (ACT-56, SP-210).

Léa is 15 on the application date. Her mother declares herself as the parent who signs,
gives her passport name, and types it to sign; Léa's own name, or any other, is refused.
"""

import pytest

from portique.applications import services
from portique.applications.choices import PersonRole, Program, Status
from portique.applications.models import Signature
from portique.applications.people import services as people
from portique.rules.programs import registry
from tests import journey
from tests.journey import CHILD_NAME, GUARDIAN_PASSPORT_NAME, TODAY


def _codes(refused) -> list[str]:
    return [r.code for r in refused.value.reasons]


def _sign(actor, application, typed_name):
    application.refresh_from_db()
    return services.application_sign(
        actor=actor,
        public_id=application.public_id,
        typed_name=typed_name,
        declaration_version=registry.program("pr_card").declaration_for("principal_applicant").version,
        expected_version=application.version,
        on=TODAY,
    )


@pytest.mark.django_db
def test_a_15_year_olds_renewal_is_signed_by_the_declared_parent_and_submitted(applicant):
    application, guardian = journey.minor_ready_to_sign(applicant)
    evaluation = services.application_validate(actor=applicant, public_id=application.public_id, on=TODAY)
    assert evaluation.complete, [r.en for r in evaluation.blocking]
    assert evaluation.details["signatures"] == {"signer": "parent_or_guardian", "guardian": "p1"}

    # Léa's own name is refused, and says why, in both languages.
    with pytest.raises(services.ApplicationError) as refused:
        _sign(applicant, application, CHILD_NAME)
    assert _codes(refused) == ["MINOR_CANNOT_SIGN"]
    assert "under 18" in refused.value.reasons[0].en
    assert "moins de 18 ans" in refused.value.reasons[0].fr
    # Another name is refused as not the parent's passport name.
    with pytest.raises(services.ApplicationError) as refused:
        _sign(applicant, application, "Marie Gagnon")
    assert _codes(refused) == ["SIGNATURE_NAME_MISMATCH"]
    assert not Signature.objects.filter(application=application).exists()

    signature = _sign(applicant, application, GUARDIAN_PASSPORT_NAME)
    assert signature.person == guardian
    application.refresh_from_db()
    assert application.status == Status.SIGNED
    assert services.submission_blockers(application=application, on=TODAY) == ()

    submission = services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)
    record = submission.snapshot["record"]["signatures"]
    assert [(s["role"], s["typed_name"]) for s in record] == [("parent_or_guardian", GUARDIAN_PASSPORT_NAME)]


@pytest.mark.django_db
def test_a_minor_without_a_declared_parent_or_guardian_cannot_be_signed(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    journey.save_answers(applicant, application, journey.minor_answers())
    journey.upload_checklist(applicant, application)
    journey.pay(applicant, application)
    evaluation = services.application_validate(actor=applicant, public_id=application.public_id, on=TODAY)
    assert not evaluation.complete
    missing = [r for r in evaluation.blocking if r.code == "GUARDIAN_NOT_DECLARED"]
    assert missing and missing[0].subject == "p0/guardian"
    assert "parent ou le tuteur légal" in missing[0].fr
    with pytest.raises(services.ApplicationError) as refused:
        _sign(applicant, application, CHILD_NAME)
    assert "GUARDIAN_NOT_DECLARED" in _codes(refused)
    blockers = {r.code for r in services.submission_blockers(application=application, on=TODAY)}
    assert "GUARDIAN_NOT_DECLARED" in blockers


@pytest.mark.django_db
def test_the_guardian_must_give_their_passport_name_before_anyone_signs(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    journey.save_answers(applicant, application, journey.minor_answers())
    application.refresh_from_db()
    people.person_add(
        actor=applicant,
        public_id=application.public_id,
        role=PersonRole.PARENT_OR_GUARDIAN,
        expected_version=application.version,
        on=TODAY,
    )
    evaluation = services.application_evaluate(application=application, on=TODAY)
    subjects = {r.subject for r in evaluation.form_findings}
    assert "p1/GUARDIAN/personal.family_name" in subjects
    assert "p1/GUARDIAN/personal.relationship" in subjects


@pytest.mark.django_db
def test_an_adult_applicant_takes_no_guardian(applicant):
    application = services.application_start(actor=applicant, program=Program.PR_CARD)
    with pytest.raises(services.ApplicationError) as refused:
        people.person_add(
            actor=applicant,
            public_id=application.public_id,
            role=PersonRole.PARENT_OR_GUARDIAN,
            expected_version=application.version,
            on=TODAY,
        )
    assert _codes(refused) == ["GUARDIAN_BIRTH_DATE_FIRST"]
    journey.save_answers(applicant, application, journey.complete_answers())
    with pytest.raises(services.ApplicationError) as refused:
        people.person_add(
            actor=applicant,
            public_id=application.public_id,
            role=PersonRole.PARENT_OR_GUARDIAN,
            expected_version=application.version,
            on=TODAY,
        )
    assert _codes(refused) == ["GUARDIAN_NOT_NEEDED"]
    assert "38" in refused.value.reasons[0].en and "38 ans" in refused.value.reasons[0].fr
    # Only the parent or guardian: a PR card application has no family members.
    with pytest.raises(services.ApplicationError) as refused:
        people.person_add(
            actor=applicant,
            public_id=application.public_id,
            role=PersonRole.DEPENDENT_CHILD,
            expected_version=application.version,
        )
    assert _codes(refused) == ["PEOPLE_NOT_IN_PROGRAM"]


@pytest.mark.django_db
def test_a_guardian_left_in_after_the_applicant_turns_18_is_refused_until_taken_out(applicant):
    application, guardian = journey.minor_ready_to_sign(applicant)
    # On her 18th birthday Léa signs herself: the guardian has no part in the application.
    later = journey.TODAY.replace(year=2029, month=3, day=1)
    evaluation = services.application_evaluate(application=application, on=later)
    found = [r for r in evaluation.blocking if r.code == "GUARDIAN_NOT_NEEDED"]
    assert found and found[0].subject == f"p{guardian.position}"
    application.refresh_from_db()
    people.person_remove(
        actor=applicant,
        public_id=application.public_id,
        position=guardian.position,
        reason="Léa is 18",
        expected_version=application.version,
    )
    assert not application.people.filter(role=PersonRole.PARENT_OR_GUARDIAN).exists()


@pytest.mark.django_db
def test_a_change_after_signing_clears_the_guardians_signature(applicant):
    application, guardian = journey.minor_ready_to_sign(applicant)
    services.application_validate(actor=applicant, public_id=application.public_id, on=TODAY)
    _sign(applicant, application, GUARDIAN_PASSPORT_NAME)
    application.refresh_from_db()
    services.application_save_section(
        actor=applicant,
        public_id=application.public_id,
        position=guardian.position,
        form_code="GUARDIAN",
        section_code="personal",
        answers={"family_name": "Gagnon", "given_names": "Marie", "relationship": "parent"},
        expected_version=application.version,
        on=TODAY,
    )
    blockers = {r.code for r in services.submission_blockers(application=application, on=TODAY)}
    assert "SIGNATURE_MISSING" in blockers


@pytest.mark.django_db
def test_taking_the_guardian_out_needs_a_reason_said_for_the_pr_card(applicant):
    application, guardian = journey.minor_ready_to_sign(applicant)
    with pytest.raises(services.ApplicationError) as refused:
        people.person_remove(
            actor=applicant,
            public_id=application.public_id,
            position=guardian.position,
            reason="  ",
            expected_version=application.version,
        )
    assert _codes(refused) == ["REMOVAL_REASON_REQUIRED"]
    assert "parent or legal guardian" in refused.value.reasons[0].en
    assert "tuteur légal" in refused.value.reasons[0].fr
    # The applicant is never taken out.
    with pytest.raises(services.ApplicationError) as refused:
        people.person_remove(
            actor=applicant,
            public_id=application.public_id,
            position=0,
            reason="mistake",
            expected_version=application.version,
        )
    assert _codes(refused) == ["PERSON_NOT_REMOVABLE"]
    # Said for the PR card: there is no sponsor here.
    assert refused.value.reasons[0].en.startswith("The applicant cannot be taken out")
    assert "sponsor" not in refused.value.reasons[0].en
    assert "répondant" not in refused.value.reasons[0].fr
    assert "tuteur légal qui signe" in refused.value.reasons[0].fr


@pytest.mark.django_db
def test_a_returned_minors_renewal_restarts_with_her_parent_and_is_signed_again(applicant, client):
    from django.urls import reverse

    application, guardian = journey.minor_ready_to_sign(applicant)
    _sign(applicant, application, GUARDIAN_PASSPORT_NAME)
    services.application_submit(actor=applicant, public_id=application.public_id, on=TODAY)
    application.refresh_from_db()
    services.application_transition(
        application=application, to_status=Status.RETURNED, actor=None, reason="IRPR 12: incomplete"
    )

    client.force_login(applicant)
    response = client.post(reverse("casework_applicant:restart", args=[application.public_id]))

    new = applicant.applications.exclude(pk=application.pk).get()
    assert response.status_code == 302 and response.url.endswith(f"/{new.public_id}/")
    assert new.status == Status.DRAFT and new.number != application.number
    # Léa and her mother, at the same positions, with every answer (the GUARDIAN form included).
    old_people = [(p.position, p.role, p.answers) for p in application.people.order_by("position")]
    assert [(p.position, p.role, p.answers) for p in new.people.order_by("position")] == old_people
    assert new.people.get(role=PersonRole.PARENT_OR_GUARDIAN).answers == guardian.answers
    assert guardian.answers["GUARDIAN"]
    # Every application records the people it starts with (one creation service for every program).
    assert list(new.people_changes.order_by("position").values_list("position", "role", "added", "reason")) == [
        (0, PersonRole.PRINCIPAL_APPLICANT, True, "started"),
        (1, PersonRole.PARENT_OR_GUARDIAN, True, f"restarted from {application.number}"),
    ]
    # Never the signatures: the new application is signed again, by the parent.
    assert not Signature.objects.filter(application=new).exists()
    assert application.signatures.count() == 1
    evaluation = services.application_validate(actor=applicant, public_id=new.public_id, on=TODAY)
    assert evaluation.details["signatures"] == {"signer": "parent_or_guardian", "guardian": "p1"}
    assert "GUARDIAN_NOT_DECLARED" not in {r.code for r in evaluation.blocking}


@pytest.mark.django_db
def test_only_a_returned_application_is_restarted(applicant, other_applicant):
    from django.http import Http404

    application, _guardian = journey.minor_ready_to_sign(applicant)
    with pytest.raises(Http404):
        people.application_restart(actor=applicant, public_id=application.public_id)
    application.status = Status.RETURNED
    application.save(update_fields=["status"])
    with pytest.raises(Http404):
        people.application_restart(actor=other_applicant, public_id=application.public_id)
    assert applicant.applications.count() == 1
