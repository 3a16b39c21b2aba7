from datetime import date

import pytest

from portique.applications import services as application_services
from portique.applications.choices import Program
from portique.payments.cards import CardDetails
from portique.payments.services import new_idempotency_key

TODAY = date(2026, 11, 22)

# The sandbox's published test cards (docs/payments.md, the payment page).
APPROVED = "4242 4242 4242 4242"
INSUFFICIENT_FUNDS = "4000 0000 0000 9995"
EXPIRED = "4000 0000 0000 0069"
GATEWAY_ERROR = "4000 0000 0000 0119"


def card(number: str = APPROVED, *, month: int = 12, year: int = 2030, code: str = "123") -> CardDetails:
    return CardDetails(number=number, expiry_month=month, expiry_year=year, security_code=code)


def pay(actor, application, number: str = APPROVED, *, key: str | None = None, payer_name: str = "Jordan Payer", **card_fields):
    from portique.payments import services

    return services.payment_make(
        actor=actor,
        public_id=application.public_id,
        card=card(number, **card_fields),
        payer_name=payer_name,
        idempotency_key=key or new_idempotency_key(),
        on=TODAY,
    )


def start_pr_card(owner, *, given_names: str = "Alex Marie", family_name: str = "Tremblay"):
    application = application_services.application_start(actor=owner, program=Program.PR_CARD)
    # Arranged directly: these tests are about fees, and only the name and birth date matter to them.
    person = application.people.get()
    person.answers = {
        "IMM5444": {
            "application": {"purpose": "renewal", "indigenous_name": "no", "urgent": "no"},
            "personal": {"family_name": family_name, "given_names": given_names, "date_of_birth": "1988-04-02"},
        }
    }
    person.save(update_fields=["answers"])
    return application


@pytest.fixture
def application(applicant):
    return start_pr_card(applicant)


@pytest.fixture
def their_application(other_applicant):
    return start_pr_card(other_applicant, given_names="Sam", family_name="Outsider")
