"""After approval, the officer records the day each approved person became a permanent resident;
the rules give the end of the sponsor's undertaking (SP-14), on the officer's file and on the
sponsor's status page."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation

import tests.casework.test_sponsorship_decisions as base
from portique.casework import services
from portique.casework.choices import EventKind
from portique.casework.models import CaseEvent
from portique.casework.undertaking import became_pr_record, undertaking_rows
from portique.documents.choices import Purpose  # noqa: F401 - the documents app is installed

PA, ADA, OBI = base.PA, base.ADA, base.OBI


@pytest.fixture
def approved(applicant, officer, decision_maker):
    application = base._submitted(applicant)
    base._accepted(officer, application)
    base.sponsor_assess(actor=decision_maker, public_id=application.public_id, approved=True, on=base.ON)
    base.sj.collect_before_decision(officer, application)
    base.decide(decision_maker, application)
    application.refresh_from_db()
    return application


@pytest.mark.django_db
def test_the_rules_give_the_end_for_the_spouse_and_the_child_once_recorded(decision_maker, approved):
    today = timezone.localdate()
    before = undertaking_rows(approved, language="en")
    # Only the approved people: the child who does not accompany is not sponsored into residence.
    assert [(row.position, row.became_pr_on, row.ends_on) for row in before] == [(PA, None, None), (ADA, None, None)]
    became_pr_record(actor=decision_maker, public_id=approved.public_id, position=PA, became_pr_on=today, on=today)
    became_pr_record(actor=decision_maker, public_id=approved.public_id, position=ADA, became_pr_on=today, on=today)
    rows = {row.position: row for row in undertaking_rows(approved, language="fr")}
    assert rows[PA].ends_on == today.replace(year=today.year + 3)
    # Ada, born 2015-01-20, is under 22: ten years, or her 25th birthday if that comes first.
    assert rows[ADA].ends_on == min(today.replace(year=today.year + 10), today.replace(year=2040, month=1, day=20))
    assert "L’engagement envers un époux" in rows[PA].explanation
    assert CaseEvent.objects.filter(application=approved, kind=EventKind.PERMANENT_RESIDENCE, actor=decision_maker).count() == 2


@pytest.mark.django_db
def test_bad_days_and_people_are_refused(decision_maker, officer, approved):
    today = timezone.localdate()
    with pytest.raises(services.CaseworkError):
        became_pr_record(actor=decision_maker, public_id=approved.public_id, position=PA, became_pr_on=None, on=today)
    with pytest.raises(services.CaseworkError):
        became_pr_record(
            actor=decision_maker, public_id=approved.public_id, position=PA,
            became_pr_on=today.replace(year=today.year + 1), on=today,
        )
    with pytest.raises(services.CaseworkError):
        became_pr_record(
            actor=decision_maker, public_id=approved.public_id, position=PA,
            became_pr_on=today.replace(year=today.year - 1), on=today,
        )
    with pytest.raises(services.CaseworkError):
        became_pr_record(actor=decision_maker, public_id=approved.public_id, position=OBI, became_pr_on=today, on=today)
    with pytest.raises(PermissionDenied):
        became_pr_record(actor=officer, public_id=approved.public_id, position=PA, became_pr_on=today, on=today)


@pytest.mark.django_db
def test_the_officer_records_it_on_the_file_and_the_sponsor_reads_the_end_on_the_status_page(
    client, applicant, decision_maker, approved
):
    today = timezone.localdate()
    client.force_login(decision_maker)
    with translation.override("en"):
        file_url = reverse("casework:file", kwargs={"public_id": approved.public_id})
        record_url = reverse("casework:permanent_residence", kwargs={"public_id": approved.public_id})
    page = client.get(file_url).content.decode()
    assert "Permanent residence and the undertaking" in page
    response = client.post(record_url, {"position": PA, "became_pr_on": today.isoformat()})
    assert response.status_code == 302
    page = client.get(file_url).content.decode()
    ends = today.replace(year=today.year + 3)
    assert f"The undertaking ends on {ends.strftime('%B')} {ends.day}, {ends.year}" in page

    client.force_login(applicant)
    with translation.override("fr"):
        overview = reverse("applications:overview", args=[approved.public_id])
    page = client.get(overview).content.decode()
    assert "Votre engagement" in page
    assert f"L’engagement prend fin le {ends.day}" in page
