"""The one place that decides who may do what on an application (applications.access)."""

import pytest
from django.http import Http404

from portique.applications import services as application_services
from portique.applications.access import AccessRefused, Capability, access_application, capabilities
from portique.representation import services
from tests.representation.conftest import accepted, created, prepared

READ, PREPARE, SIGN = Capability.READ, Capability.PREPARE, Capability.SIGN


@pytest.mark.django_db
def test_without_a_representative_the_owner_alone_does_everything(
    applicant, other_applicant, representative, officer
):
    application = application_services.application_start(actor=applicant, program="pr_card")
    assert capabilities(actor=applicant, application=application) == {READ, PREPARE, SIGN}
    for outsider in (other_applicant, representative, officer):
        assert capabilities(actor=outsider, application=application) == set()
        with pytest.raises(Http404):
            access_application(actor=outsider, public_id=application.public_id, capability=READ)


@pytest.mark.django_db
def test_a_representatives_creation_before_and_after_the_client_accepts(
    representative, applicant, other_applicant, other_representative
):
    application, representation = prepared(representative, applicant.email)
    assert capabilities(actor=representative, application=application) == {READ, PREPARE}
    # Invited but not accepted: the client sees nothing yet; nobody else ever does.
    services.representation_invite(actor=representative, public_id=application.public_id)
    for nobody in (applicant, other_applicant, other_representative):
        assert capabilities(actor=nobody, application=application) == set()
    services.representation_accept(actor=applicant, public_id=representation.public_id)
    assert capabilities(actor=applicant, application=application) == {READ, SIGN}
    assert capabilities(actor=representative, application=application) == {READ, PREPARE}
    assert capabilities(actor=other_applicant, application=application) == set()


@pytest.mark.django_db
def test_refusals_say_why_when_the_actor_may_read(representative, applicant):
    application, _ = accepted(representative, applicant)
    with pytest.raises(AccessRefused) as refused:
        access_application(actor=representative, public_id=application.public_id, capability=SIGN)
    (reason,) = refused.value.reasons
    assert reason.code == "REPRESENTATIVE_CANNOT_SIGN_FOR_CLIENT" and "client" in reason.fr
    with pytest.raises(AccessRefused) as refused:
        access_application(actor=applicant, public_id=application.public_id)
    assert refused.value.reasons[0].code == "CLIENT_REVIEWS_AND_SIGNS_ONLY"


@pytest.mark.django_db
def test_a_revoked_representative_loses_everything_and_the_client_gets_it_all(representative, applicant):
    application, representation = accepted(representative, applicant)
    services.representation_revoke(actor=applicant, public_id=representation.public_id)
    application.refresh_from_db()
    assert capabilities(actor=representative, application=application) == set()
    assert capabilities(actor=applicant, application=application) == {READ, PREPARE, SIGN}


@pytest.mark.django_db
def test_a_pending_representative_acts_on_nothing(representative, other_representative):
    application, representation = created(representative)
    # Even a representation row naming them would not help while they are not verified.
    representation.representative = other_representative
    representation.save(update_fields=["representative"])
    assert capabilities(actor=other_representative, application=application) == set()
    assert capabilities(actor=representative, application=application) == set()
