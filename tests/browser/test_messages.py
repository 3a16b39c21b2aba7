"""Messages with the office and a document after submission, in a real browser, in English and French.

The applicant writes to the office with a file attached and sends a further document after
submission; the officer finds the file in "Unread messages", reads the message (marked new),
sees the document marked as received after submission and answers; the applicant reads the
answer on their application's page. axe checks every page.
"""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.casework.factories import submitted_application
from tests.conftest import _officer
from tests.documents.files import pdf_bytes

WORDS = {
    "en": {
        "write": "Write to the office",
        "message": "Your message",
        "attach": "Attach files (optional)",
        "send_message": "Send my message",
        "sent": "Your message was sent to the office.",
        "add_document": "Send a document after submission",
        "another": "Another document",
        "describe": "Describe it in a few words",
        "file": "File",
        "send_document": "Send the document",
        "received": "received after submission on",
        "unread_queue": "Unread messages",
        "new": "New",
        "after_submission": "Received after submission",
        "not_opened": "Not opened yet",
        "send_answer": "Send the message",
        "answered": "Your message is sent.",
        "office": "The office",
        "you": "You",
    },
    "fr": {
        "write": "Écrire au bureau",
        "message": "Votre message",
        "attach": "Joindre des fichiers (facultatif)",
        "send_message": "Envoyer mon message",
        "sent": "Votre message a été envoyé au bureau.",
        "add_document": "Envoyer un document après la présentation",
        "another": "Un autre document",
        "describe": "Décrivez-le en quelques mots",
        "file": "Fichier",
        "send_document": "Envoyer le document",
        "received": "reçu après la présentation le",
        "unread_queue": "Messages non lus",
        "new": "Nouveau",
        "after_submission": "Reçus après la présentation",
        "not_opened": "Pas encore ouvert",
        "send_answer": "Envoyer le message",
        "answered": "Votre message est envoyé.",
        "office": "Le bureau",
        "you": "Vous",
    },
}


def sign_in(page, live_server, user):
    # Signing in (with an officer's second factor) has its own browser tests.
    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def pdf_file(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": pdf_bytes(pages=1)}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_message_with_a_file_an_answer_and_a_document_after_submission(
    page, live_server, assert_accessible, applicant, language
):
    words = WORDS[language]
    officer = _officer("screening@example.ca", ["screening_officer"], first_name="Jordan", last_name="Singh")
    application = submitted_application(applicant)
    status_url = f"/{language}/applications/{application.public_id}/"

    # The applicant writes to the office, with a file.
    sign_in(page, live_server, applicant)
    page.goto(status_url)
    assert_accessible(page)
    page.get_by_role("link", name=words["write"]).click()
    assert_accessible(page)
    page.get_by_role("button", name=words["send_message"]).click()  # empty: refused, said where
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)
    page.get_by_label(words["message"]).fill("I changed jobs: here is my new employment letter.")
    page.get_by_label(words["attach"]).set_input_files([pdf_file("employment-letter.pdf")])
    page.get_by_role("button", name=words["send_message"]).click()
    expect(page.get_by_text(words["sent"])).to_be_visible()
    conversation = page.locator("article.file-message")
    expect(conversation.first).to_contain_text("I changed jobs")
    expect(conversation.first.get_by_role("link", name="employment-letter.pdf")).to_be_visible()
    assert_accessible(page)

    # And sends a further document after submission.
    page.get_by_role("link", name=words["add_document"]).click()
    assert_accessible(page)
    page.get_by_label(words["another"]).check()
    page.get_by_label(words["describe"]).fill("My new passport")
    page.get_by_label(words["file"], exact=True).set_input_files([pdf_file("new-passport.pdf")])
    page.get_by_role("button", name=words["send_document"]).click()
    late = page.locator("li", has_text="new-passport.pdf")
    expect(late).to_contain_text(words["received"])
    expect(late).to_contain_text("My new passport")
    assert_accessible(page)

    # The officer finds the file in "Unread messages", reads and answers.
    sign_in(page, live_server, officer)
    page.goto(f"/{language}/officer/")
    page.get_by_role("link", name=words["unread_queue"]).click()
    expect(page.get_by_role("link", name=application.number)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name=application.number).click()
    message = page.locator("article.file-message", has_text="I changed jobs")
    expect(message.get_by_text(words["new"], exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=words["after_submission"])).to_be_visible()
    late_row = page.locator("tr", has_text="new-passport.pdf")
    expect(late_row).to_contain_text("My new passport")
    expect(late_row).to_contain_text(words["not_opened"])
    assert_accessible(page)
    page.get_by_label(words["message"]).fill("Thank you: the letter is on your file.")
    page.get_by_role("button", name=words["send_answer"]).click()
    expect(page.get_by_text(words["answered"])).to_be_visible()
    assert_accessible(page)
    # The message is read; the document is not opened yet, so the file stays in the queue until it is.
    page.goto(f"/{language}/officer/?queue=unread")
    expect(page.get_by_role("link", name=application.number)).to_be_visible()
    page.get_by_role("link", name=application.number).click()
    with page.expect_download() as download_info:
        page.locator("tr", has_text="new-passport.pdf").get_by_role("link", name="new-passport.pdf").click()
    assert download_info.value.suggested_filename.endswith(".pdf")
    page.goto(f"/{language}/officer/?queue=unread")
    expect(page.get_by_role("link", name=application.number)).to_have_count(0)

    # The applicant reads the answer on their application's page.
    sign_in(page, live_server, applicant)
    page.goto(status_url)
    answer = page.locator("article.file-message", has_text="the letter is on your file")
    expect(answer.get_by_role("heading")).to_contain_text(words["office"])
    expect(answer).not_to_contain_text("Singh")
    assert_accessible(page)
