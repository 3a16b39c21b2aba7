"""A paid representative files an extension of stay for a client (seed 000, Remarque: they file
online), through the same services as a PR card: create, fill, pay, the client signs, the
representative declares and submits."""

from __future__ import annotations

import pytest

from portique.applications import services as application_services
from portique.applications.choices import Status
from portique.representation import services
from tests import journey
from tests.casework.test_stay_extension_journey import answers, save

from .conftest import DECLARATION, TODAY, imm5476_upload


@pytest.mark.django_db
def test_a_representative_files_an_extension_the_client_signs_and_it_is_submitted(representative, applicant):
    representation = services.representation_create(
        actor=representative,
        program="stay_extension",
        client_name="Alex Tremblay",
        client_email=applicant.email,
    )
    application = representation.application
    save(representative, application, answers())
    journey.pay(representative, application)
    services.representation_imm5476_upload(
        actor=representative, public_id=application.public_id, upload=imm5476_upload()
    )
    evaluation = application_services.application_validate(
        actor=representative, public_id=application.public_id, on=TODAY
    )
    assert evaluation.complete, [r.en for r in evaluation.blocking]
    services.representation_invite(actor=representative, public_id=application.public_id)
    services.representation_accept(actor=applicant, public_id=representation.public_id)

    # The representative cannot sign for the client (ACT-35): only the client's account signs.
    with pytest.raises(application_services.ApplicationError) as refused:
        services.representation_submit(actor=representative, public_id=application.public_id, on=TODAY)
    assert "SIGNATURE_MISSING" in {r.code for r in refused.value.reasons}
    journey.sign(applicant, application)
    services.representation_declare(
        actor=representative, public_id=application.public_id, declaration_version=DECLARATION, on=TODAY
    )
    submission = services.representation_submit(
        actor=representative, public_id=application.public_id, on=TODAY
    )
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED and submission.submitted_by == representative
