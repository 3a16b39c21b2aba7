"""A sponsorship on the application model: the sponsor, the principal applicant, every family member."""

from datetime import date

import pytest
from django.urls import reverse

from portique.applications import services
from portique.applications.choices import PersonRole, Program, Status
from portique.applications.models import PersonChange
from portique.applications.people import services as people

TODAY = date(2026, 11, 22)


def _start(actor, program=Program.SPOUSE_SPONSORSHIP):
    return services.application_start(actor=actor, program=program)


@pytest.fixture(autouse=True)
def _english_after_each_test():
    # A request to /fr/ leaves French active in this thread: the next test's reverse() must not inherit it.
    yield
    from django.utils import translation

    translation.activate("en")


@pytest.mark.django_db
def test_the_sponsor_opens_the_application_and_owns_it_with_the_principal_applicant(applicant):
    application = _start(applicant)
    assert application.number.startswith("SPS") and application.owner == applicant
    assert [(p.position, p.role) for p in application.people.all()] == [
        (0, PersonRole.SPONSOR),
        (1, PersonRole.PRINCIPAL_APPLICANT),
    ]
    assert _start(applicant, Program.CHILD_SPONSORSHIP).number.startswith("SPC")
    assert PersonChange.objects.filter(application=application, added=True).count() == 2


@pytest.mark.django_db
def test_a_non_accompanying_child_is_declared_with_the_reason_and_the_reason_is_required(applicant):
    application = _start(applicant)
    with pytest.raises(services.ApplicationError) as refused:
        people.person_add(
            actor=applicant,
            public_id=application.public_id,
            role=PersonRole.DEPENDENT_CHILD,
            accompanying=False,
            expected_version=application.version,
        )
    assert [r.code for r in refused.value.reasons] == ["WHY_NOT_ACCOMPANYING_REQUIRED"]
    assert "pourquoi" in refused.value.reasons[0].fr
    application.refresh_from_db()
    assert application.people.count() == 2 and application.version == 1
    child = people.person_add(
        actor=applicant,
        public_id=application.public_id,
        role=PersonRole.DEPENDENT_CHILD,
        accompanying=False,
        why_not_accompanying="Lives with her father in Lagos",
        expected_version=application.version,
    )
    assert child.position == 2
    assert child.answers == {
        "IMM0008": {
            "dependant": {"accompanying": False, "why_not_accompanying": "Lives with her father in Lagos"}
        }
    }


@pytest.mark.django_db
def test_a_removed_person_stays_in_the_history_and_their_position_is_never_reused(applicant):
    application = _start(applicant)
    child = people.person_add(
        actor=applicant, public_id=application.public_id, role=PersonRole.DEPENDENT_CHILD, expected_version=1
    )
    with pytest.raises(services.ApplicationError):
        people.person_remove(
            actor=applicant, public_id=application.public_id, position=2, reason="", expected_version=2
        )
    with pytest.raises(services.ApplicationError) as refused:
        people.person_remove(
            actor=applicant, public_id=application.public_id, position=1, reason="mistake", expected_version=2
        )
    assert refused.value.reasons[0].code == "PERSON_NOT_REMOVABLE"
    assert "sponsor and the principal applicant" in refused.value.reasons[0].en
    people.person_remove(
        actor=applicant,
        public_id=application.public_id,
        position=child.position,
        reason="Not her child",
        expected_version=2,
    )
    again = people.person_add(
        actor=applicant, public_id=application.public_id, role=PersonRole.DEPENDENT_CHILD, expected_version=3
    )
    assert again.position == 3
    removed = PersonChange.objects.get(application=application, added=False)
    assert (removed.position, removed.reason) == (2, "Not her child")


@pytest.mark.django_db
def test_only_one_guardian_and_no_people_in_a_pr_card_application(applicant):
    application = _start(applicant, Program.CHILD_SPONSORSHIP)
    people.person_add(
        actor=applicant,
        public_id=application.public_id,
        role=PersonRole.PARENT_OR_GUARDIAN,
        expected_version=1,
    )
    with pytest.raises(services.ApplicationError) as refused:
        people.person_add(
            actor=applicant,
            public_id=application.public_id,
            role=PersonRole.PARENT_OR_GUARDIAN,
            expected_version=2,
        )
    assert refused.value.reasons[0].code == "GUARDIAN_ALREADY_DECLARED"
    card = services.application_start(actor=applicant, program=Program.PR_CARD)
    with pytest.raises(services.ApplicationError) as refused:
        people.person_add(
            actor=applicant, public_id=card.public_id, role=PersonRole.DEPENDENT_CHILD, expected_version=1
        )
    assert refused.value.reasons[0].code == "PEOPLE_NOT_IN_PROGRAM"


@pytest.mark.django_db
def test_a_stale_page_or_someone_elses_application_changes_nothing(applicant, other_applicant):
    from django.http import Http404

    application = _start(applicant)
    with pytest.raises(services.StaleVersion):
        people.person_add(
            actor=applicant,
            public_id=application.public_id,
            role=PersonRole.DEPENDENT_CHILD,
            expected_version=7,
        )
    with pytest.raises(Http404):
        people.person_add(
            actor=other_applicant,
            public_id=application.public_id,
            role=PersonRole.DEPENDENT_CHILD,
            expected_version=1,
        )
    assert application.people.count() == 2


@pytest.mark.django_db
def test_a_yes_no_answer_is_saved_as_true_or_false_and_a_nested_section_beside_its_parent(applicant):
    application = _start(applicant)
    for section, answers in (
        ("application", {"relationship": "spouse", "location": "outside_canada"}),
        ("marriage", {"place": "outside_canada", "valid_where_celebrated": True}),
        ("relationship", {"communication_evidence_pages": 8}),
    ):
        application.refresh_from_db()
        services.application_save_section(
            actor=applicant,
            public_id=application.public_id,
            position=1,
            form_code="IMM0008",
            section_code=section,
            answers=answers,
            expected_version=application.version,
            on=TODAY,
        )
    pa = application.people.get(position=1)
    assert pa.answers["IMM0008"]["relationship"] == {
        "communication_evidence_pages": 8,
        "marriage": {"place": "outside_canada", "valid_where_celebrated": True},
    }
    application.refresh_from_db()
    with pytest.raises(services.ApplicationError) as refused:
        services.application_save_section(
            actor=applicant,
            public_id=application.public_id,
            position=0,
            form_code="IMM1344",
            section_code="history",
            answers={"undischarged_bankrupt": "maybe"},
            expected_version=application.version,
            on=TODAY,
        )
    assert refused.value.reasons[0].code == "FORM_ANSWER_INVALID"


@pytest.mark.django_db
def test_the_application_page_lists_each_person_with_their_forms_and_why_everyone_is_declared(
    client, applicant
):
    application = _start(applicant)
    people.person_add(
        actor=applicant,
        public_id=application.public_id,
        role=PersonRole.DEPENDENT_CHILD,
        accompanying=False,
        why_not_accompanying="Lives with her father",
        expected_version=1,
    )
    client.force_login(applicant)
    for language, sentence in (
        ("en", "can never be sponsored later"),
        ("fr", "ne pourra jamais être parrainé plus tard"),
    ):
        body = client.get(f"/{language}/applications/{application.public_id}/").content.decode()
        assert sentence in body
        assert body.count("/people/2/IMM0008/") >= 2 and "/people/0/IMM1344/sponsor/" in body
        assert "Lives with her father" in body


@pytest.mark.django_db
def test_a_section_page_addresses_a_person_and_a_form_and_saves_yes_as_true(
    client, applicant, other_applicant
):
    application = _start(applicant)
    url = f"/en/applications/{application.public_id}/people/0/IMM1344/history/"
    client.force_login(other_applicant)
    assert client.get(url).status_code == 404
    client.force_login(applicant)
    assert "Are you bankrupt and not yet discharged" in client.get(f"{url}?page=bankruptcy").content.decode()
    assert (
        client.get(
            reverse("applications:person_section", args=[application.public_id, 0, "IMM0008", "personal"])
        ).status_code
        == 404
    )
    assert (
        client.get(
            reverse("applications:person_section", args=[application.public_id, 9, "IMM1344", "history"])
        ).status_code
        == 404
    )
    before = application.people.get(position=0).answers["IMM1344"].get("history", {})
    response = client.post(f"{url}?page=bankruptcy", {"version": "1", "undischarged_bankrupt": "false", "save": "1"})
    assert response.status_code == 302
    response = client.post(f"{url}?page=criminality", {"version": "2", "detained_in_prison": "true", "save": "1"})
    assert response.status_code == 302
    history = application.people.get(position=0).answers["IMM1344"]["history"]
    # Each page saves its own questions; the answers of the other pages stay as they were.
    assert history == {**before, "undischarged_bankrupt": False, "detained_in_prison": True}


@pytest.mark.django_db
def test_the_pr_card_section_is_also_reachable_by_person_and_form(client, applicant):
    card = services.application_start(actor=applicant, program=Program.PR_CARD)
    client.force_login(applicant)
    old = client.get(reverse("applications:section", args=[card.public_id, "personal"]))
    new = client.get(reverse("applications:person_section", args=[card.public_id, 0, "IMM5444", "personal"]))
    assert old.status_code == new.status_code == 200
    assert card.status == Status.DRAFT


@pytest.mark.django_db
def test_starting_a_sponsorship_from_the_page_leads_to_the_eligibility_questions(client, applicant):
    client.force_login(applicant)
    assert client.get("/fr/applications/sponsorship/start/").status_code == 200
    response = client.post("/en/applications/sponsorship/start/", {"program": "child_sponsorship"})
    assert response.status_code == 302 and response["Location"].endswith(
        "/sponsorship/start/child_sponsorship/"
    )
    assert client.post("/en/applications/sponsorship/start/", {"program": "pr_card"}).status_code == 404


@pytest.mark.django_db
def test_a_child_of_22_without_a_qualifying_condition_or_with_a_spouse_is_told_at_once(client, applicant):
    from tests import sponsorship_journey as sj

    application = sj.spouse_with_children(applicant)
    client.force_login(applicant)
    data = {**sj.personal("Okafor", "Ada", "2003-01-20"), "is_citizen_or_pr": "false", "save": "1"}
    url = f"/fr/applications/{application.public_id}/people/2/IMM0008/personal/"
    body = client.post(url, {**data, "version": application.version}, follow=True).content.decode()
    assert "n’est un enfant à charge que s’il dépend" in body
    assert not services.application_evaluate(application=application, on=TODAY).complete
    application.refresh_from_db()
    url = f"/en/applications/{application.public_id}/people/3/IMM0008/dependant/"
    answers = {
        "accompanying": "false",
        "why_not_accompanying": "Custody",
        "has_spouse_or_common_law_partner": "true",
    }
    answers.update({"has_dependent_child": "false", "save": "1", "version": application.version})
    body = client.post(url, answers, follow=True).content.decode()
    assert "with a spouse or common-law partner is not a dependent child" in body


@pytest.mark.django_db
def test_a_representative_form_is_offered_and_once_answered_becomes_required(client, applicant):
    from tests import sponsorship_journey as sj

    application = sj.spouse_with_children(applicant)
    client.force_login(applicant)
    body = client.get(f"/fr/applications/{application.public_id}/").content.decode()
    assert "A recours à un représentant\u00a0? Remplir\u00a0:" in body
    assert f"/applications/{application.public_id}/people/1/IMM5476/representative/" in body
    services.application_save_section(
        actor=applicant,
        public_id=application.public_id,
        position=1,
        form_code="IMM5476",
        section_code="representative",
        answers={"role": "representative", "name": "Julie Tremblay"},
        expected_version=application.version,
        on=TODAY,
    )
    evaluation = services.application_evaluate(application=application, on=TODAY)
    assert "p1/IMM5476/representative.telephone" in {r.subject for r in evaluation.form_findings}
