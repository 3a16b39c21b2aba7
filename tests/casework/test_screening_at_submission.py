"""Submission hands the application to the officers' side: it is screened at once."""

import pytest
from django.utils import timezone

from portique.casework.models import Screening
from tests import journey


@pytest.mark.django_db(transaction=True)
def test_a_submitted_application_is_screened_by_the_rules_at_once(applicant):
    application, _ = journey.submitted(applicant)
    screening = Screening.objects.get(application=application)
    # The same gate as the Submit button: a complete application has nothing to list.
    assert screening.findings.count() == 0
    # Screened as of the day the application was received.
    assert screening.screened_on == timezone.localdate(application.submitted_at)
