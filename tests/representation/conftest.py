"""A representative's client application, taken through the services step by step."""

from __future__ import annotations

import pytest

from portique.representation import services
from tests import journey
from tests.documents.files import pdf_bytes, upload
from tests.rules.forms.test_imm5444_validation import complete_answers

TODAY = journey.TODAY


def imm5476_upload():
    return upload("imm5476-signed.pdf", pdf_bytes(1))


def created(representative, client_email="applicant@example.ca", client_name="Alex Tremblay"):
    """A PR card application created by ``representative`` for a client; returns (application, representation)."""
    representation = services.representation_create(
        actor=representative, program="pr_card", client_name=client_name, client_email=client_email
    )
    return representation.application, representation


def prepared(representative, client_email="applicant@example.ca"):
    """Created, filled in, documents uploaded, paid, signed IMM 5476 uploaded and validated."""
    from portique.applications import services as application_services

    application, representation = created(representative, client_email)
    journey.save_answers(representative, application, complete_answers())
    journey.upload_checklist(representative, application)
    journey.pay(representative, application)
    services.representation_imm5476_upload(
        actor=representative, public_id=application.public_id, upload=imm5476_upload()
    )
    application_services.application_validate(actor=representative, public_id=application.public_id, on=TODAY)
    application.refresh_from_db()
    representation.refresh_from_db()
    return application, representation


def accepted(representative, client):
    application, representation = prepared(representative, client.email)
    services.representation_invite(actor=representative, public_id=application.public_id)
    services.representation_accept(actor=client, public_id=representation.public_id)
    representation.refresh_from_db()
    return application, representation


def signed_and_declared(representative, client):
    application, representation = accepted(representative, client)
    journey.sign(client, application)
    services.representation_declare(
        actor=representative, public_id=application.public_id, declaration_version=DECLARATION, on=TODAY
    )
    representation.refresh_from_db()
    application.refresh_from_db()
    return application, representation


def _declaration_version():
    from portique.rules.programs.declarations import REPRESENTATIVE

    return REPRESENTATIVE.version


DECLARATION = _declaration_version()


@pytest.fixture
def client_account(applicant):
    """The client: an applicant account the client created themselves."""
    return applicant


# --- A sponsorship through a representative ---------------------------------------------------
# The client is the principal applicant (seed 004: the client e-signs the consent and
# declaration and IMM 5669; the sponsor signs IMM 1344 by hand and it is uploaded).


def sponsorship_created(representative, client_email="applicant@example.ca", client_name="Chidi Okafor"):
    representation = services.representation_create(
        actor=representative, program="spouse_sponsorship", client_name=client_name, client_email=client_email
    )
    return representation.application, representation


def sponsorship_filled(representative, client_email="applicant@example.ca"):
    """Every person's forms answered by the representative on the sponsor's own pages (one child)."""
    from tests import sponsorship_journey as sj

    application, representation = sponsorship_created(representative, client_email)
    sponsor = {"sponsor": sj.SPONSOR["sponsor"], "history": sj.SPONSOR["history"], "convictions": []}
    sj.save_form(representative, application, 0, "IMM1344", sponsor)
    sj.save_form(representative, application, 1, "IMM0008", {"application": sj.APPLICATION})
    for form_code, by_section in sj.PA.items():
        sj.save_form(representative, application, 1, form_code, by_section)
    child = sj.add_child(representative, application)
    sj.save_form(
        representative,
        application,
        child.position,
        "IMM0008",
        sj.child_answers("Ada", "2015-01-20")["IMM0008"],
    )
    representation.refresh_from_db()
    return application, representation


def sponsorship_prepared(representative, client_email="applicant@example.ca"):
    """Filled, every checklist document (the IMM 1344 signed by hand included) uploaded, paid, IMM 5476 uploaded."""
    from portique.applications import services as application_services
    from tests import sponsorship_journey as sj

    application, representation = sponsorship_filled(representative, client_email)
    journey.upload_checklist(representative, application)
    journey.pay(representative, application, payer_name=sj.SPONSOR_NAME)
    services.representation_imm5476_upload(
        actor=representative, public_id=application.public_id, upload=imm5476_upload()
    )
    application_services.application_validate(actor=representative, public_id=application.public_id, on=TODAY)
    application.refresh_from_db()
    representation.refresh_from_db()
    return application, representation


def sponsorship_accepted(representative, client):
    application, representation = sponsorship_prepared(representative, client.email)
    services.representation_invite(actor=representative, public_id=application.public_id)
    services.representation_accept(actor=client, public_id=representation.public_id)
    representation.refresh_from_db()
    return application, representation
