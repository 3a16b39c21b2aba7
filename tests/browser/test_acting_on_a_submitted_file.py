"""Acting on a submitted file, in a real browser (EN and FR, axe-clean): an applicant withdraws; a
returned applicant sees the grounds, fixes exactly those and submits again; a paper applicant links
their application and sees its letters."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from portique.applications import paper_intake
from portique.applications import services as application_services
from portique.applications.choices import Status
from portique.applications.models import Application
from portique.casework import services as casework
from portique.casework.choices import FindingSource, Verdict
from portique.casework.models import Finding, Screening
from tests import journey
from tests.documents.files import image_bytes, pdf_bytes, portrait, upload

from .test_after_submission import sign_in

WITHDRAW_TEXT = {
    "en": {
        "link": "Withdraw your application",
        "declaration": "I understand that my application will be withdrawn",
        "button": "Withdraw my application",
        "missing": "Confirm that you understand what withdrawing your application means.",
        "refund": "$50.00",
        "status": "Withdrawn",
        "letter": "Withdrawal of the application",
    },
    "fr": {
        "link": "Retirer votre demande",
        "declaration": "Je comprends que ma demande sera retirée",
        "button": "Retirer ma demande",
        "missing": "Confirmez que vous comprenez ce que signifie le retrait de votre demande.",
        "refund": "50,00\u00a0$",
        "status": "Retirée",
        "letter": "Retrait de la demande",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_applicant_withdraws_their_application(page, live_server, applicant, assert_accessible, language):
    text = WITHDRAW_TEXT[language]
    application, _submission = journey.submitted(applicant)
    sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/{application.public_id}/")
    page.get_by_role("link", name=text["link"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(text["link"])
    expect(page.locator("main")).to_contain_text(text["refund"])
    assert_accessible(page)
    page.get_by_role("button", name=text["button"]).click()
    expect(page.get_by_role("alert")).to_contain_text(text["missing"])
    assert_accessible(page)
    page.get_by_label(text["declaration"]).check()
    page.get_by_role("button", name=text["button"]).click()
    expect(page.locator("dl.summary-list")).to_contain_text(text["status"])
    expect(page.locator(".casework-messages")).to_contain_text(text["letter"])
    assert_accessible(page)
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN


RESTART_TEXT = {
    "en": {
        "restart": "Start a new application from this one",
        "pinned": "Started again from application",
        "fix": "Fix it on the page “Personal details”",
        "save": "Save and return to the application",
        "changed": "Personal details",
        "nothing_changed": "No answer has changed yet.",
    },
    "fr": {
        "restart": "Commencer une nouvelle demande à partir de celle-ci",
        "pinned": "Recommencée à partir de la demande",
        "fix": "Corrigez-le à la page «\u00a0Renseignements personnels\u00a0»",
        "save": "Enregistrer et revenir à la demande",
        "changed": "Renseignements personnels",
        "nothing_changed": "Aucune réponse n’a encore été modifiée.",
    },
}


def _returned_for_the_family_name(officer, application):
    casework.screening_run(application=application)
    Finding.objects.create(
        screening=Screening.objects.get(application=application),
        source=FindingSource.RULES,
        code="FORM_ANSWER_REQUIRED",
        rule="PRC-67",
        citation="IMM 5444 — Section B",
        en="Give your family name exactly as on your passport.",
        fr="Indiquez votre nom de famille exactement comme sur votre passeport.",
        subject="p0/IMM5444/personal.family_name",
        verdict=Verdict.CONFIRMED,
    )
    casework.application_return(actor=officer, public_id=application.public_id, on=journey.TODAY)


def _photos_payment_and_signature(applicant, application):
    """What a restart does not carry: the photos (recent, with their date), the fee and the signature."""
    from portique.documents import selectors as document_selectors
    from portique.documents import services as document_services

    for item in document_selectors.checklist_for(application, journey.TODAY):
        if item.code not in ("PHOTO", "PHOTO_BACK"):
            continue
        if item.code == "PHOTO":
            name, content, extra = "photo.jpg", image_bytes(portrait()), {"declaration": True, "taken_on": date(2026, 10, 1)}
        else:
            name, content, extra = "photo-back.pdf", pdf_bytes(1), {}
        if item.document_types:
            extra["document_type"] = item.document_types[0]
        uploaded = document_services.document_upload(
            actor=applicant, public_id=application.public_id, item=item, upload=upload(name, content),
            on=journey.TODAY, **extra,
        )
        if uploaded.needs_confirmation:
            document_services.document_confirm(
                actor=applicant, public_id=application.public_id, document_id=uploaded.document.public_id,
                item=item, confirmation=True,
            )
    journey.pay(applicant, application)
    journey.sign(applicant, application, typed_name="Alex Marie Tremblay-Roy")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_returned_applicant_fixes_exactly_the_grounds_and_submits_again(
    page, live_server, applicant, officer, assert_accessible, language
):
    text = RESTART_TEXT[language]
    returned, _submission = journey.submitted(applicant)
    _returned_for_the_family_name(officer, returned)
    sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/{returned.public_id}/")
    page.get_by_role("button", name=text["restart"]).click()
    pin = page.locator("section.restart-pin")
    expect(pin).to_contain_text(text["pinned"])
    expect(pin).to_contain_text(returned.number)
    expect(pin.locator("ul.return-grounds > li")).to_have_count(1)
    expect(pin).to_contain_text(text["nothing_changed"])
    assert_accessible(page)
    pin.get_by_role("link", name=text["fix"]).click()
    page.locator("#id_family_name").fill("Tremblay-Roy")
    page.get_by_role("button", name=text["save"]).click()
    changes = page.locator("ul.changes-since-return > li")
    expect(changes).to_have_count(1)
    expect(changes).to_contain_text(text["changed"])
    assert_accessible(page)
    # The returned version stays as it was, read-only, one link away.
    new = Application.objects.get(restarted_from=returned)
    _photos_payment_and_signature(applicant, new)
    application_services.application_submit(actor=applicant, public_id=new.public_id, on=journey.TODAY)
    new.refresh_from_db()
    assert new.status == Status.SUBMITTED
    assert new.people.get().answers["IMM5444"]["personal"]["family_name"] == "Tremblay-Roy"
    returned.refresh_from_db()
    assert returned.people.get().answers["IMM5444"]["personal"]["family_name"] == "Tremblay"


PAPER_TEXT = {
    "en": {
        "follow": "You applied on paper? Follow your application in this account",
        "number": "Application number",
        "born": "Your date of birth",
        "postal": "Postal code of the mailing address you gave",
        "button": "Link my paper application",
        "refused": "We could not link an application with these details to your account.",
        "linked": "Your paper application is linked to your account.",
        "letter": "letter in French (PDF)",
    },
    "fr": {
        "follow": "Vous avez présenté une demande sur papier\u00a0? Suivez-la dans ce compte",
        "number": "Numéro de demande",
        "born": "Votre date de naissance",
        "postal": "Code postal de l’adresse postale que vous avez indiquée",
        "button": "Lier ma demande sur papier",
        "refused": "Nous n’avons pu lier aucune demande à votre compte avec ces renseignements.",
        "linked": "Votre demande sur papier est liée à votre compte.",
        "letter": "lettre en français (PDF)",
    },
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_paper_applicant_links_their_application_and_sees_its_letters(
    page, live_server, applicant, officer, assert_accessible, language
):
    from tests.alternatives.test_paper_intake import TODAY, entered_complete

    text = PAPER_TEXT[language]
    paper = entered_complete(officer)
    paper_intake.paper_application_send_to_screening(actor=officer, public_id=paper.public_id)
    casework.screening_run(application=paper)
    casework.application_accept(actor=officer, public_id=paper.public_id, on=TODAY, draw=lambda: 1.0)
    paper.refresh_from_db()
    sign_in(page, live_server, applicant)
    page.goto(f"/{language}/applications/")
    page.get_by_role("link", name=text["follow"]).click()
    assert_accessible(page)
    page.get_by_label(text["number"]).fill(paper.number)
    page.get_by_label(text["born"]).fill("1988-04-03")
    page.get_by_label(text["postal"]).fill("K1P 5B2")
    page.get_by_role("button", name=text["button"]).click()
    expect(page.get_by_role("alert")).to_contain_text(text["refused"])
    assert_accessible(page)
    page.get_by_label(text["born"]).fill("1988-04-02")
    page.get_by_role("button", name=text["button"]).click()
    expect(page.get_by_text(text["linked"])).to_be_visible()
    # The acknowledgement mailed in French (the language chosen at intake) is here too.
    expect(page.locator(".casework-messages").get_by_role("link", name=text["letter"])).to_be_visible()
    assert_accessible(page)
