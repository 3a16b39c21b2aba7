import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from portique.documents.choices import DocumentState, EventKind
from portique.documents.models import Document, DocumentEvent, Explanation

from .files import image_bytes, noise_png, pdf_bytes, portrait, upload

RECENT = (datetime.date.today() - datetime.timedelta(days=20)).isoformat()


def url(name, application, *args, language="en"):
    with translation.override(language):
        return reverse(f"documents:{name}", args=[application.public_id, *args])


def post_photo(client, application, content, name="photo.jpg", language="en", **fields):
    data = {"file": upload(name, content, "image/jpeg"), "taken_on": RECENT, "declaration": "1", **fields}
    return client.post(url("upload", application, "0-PHOTO", language=language), data)


@pytest.mark.django_db
def test_the_page_lists_the_photo_items_with_their_limits_before_upload(client, applicant, application):
    client.force_login(applicant)
    body = client.get(url("index", application)).content.decode()
    assert body.count("<h1>") == 1
    assert "Photo (front)" in body and "Photo (back)" in body
    assert "JPEG or PNG image, from 715 × 1,000 to 2,000 × 2,800 pixels, 4 MB at most." in body
    assert "IMM 5445 — Step 1: Photo(s)" in body


@pytest.mark.django_db
def test_the_page_in_french_shows_the_limits_the_french_way(client, applicant, application):
    client.force_login(applicant)
    body = client.get(url("index", application, language="fr")).content.decode()
    assert "Photo (recto)" in body
    assert "715 × 1\u202f000" in body or "715 × 1 000" in body or "715 × 1\xa0000" in body
    assert "4 Mo" in body


@pytest.mark.django_db
def test_the_rules_checklist_items_appear_with_why_and_citation(client, applicant, application, rules_checklist):
    client.force_login(applicant)
    body = client.get(url("index", application, language="fr")).content.decode()
    assert "Preuve de résidence (2 documents)" in body
    assert "Démontre que vous avez respecté l&#x27;obligation de résidence." in body
    # The citation in the page's language: the guide's French word for its appendix.
    assert "IMM 5445 — Appendice A" in body
    assert "Je ne peux pas fournir ce document" in body


@pytest.mark.django_db
def test_the_overview_links_to_the_documents_page(client, applicant, application):
    client.force_login(applicant)
    with translation.override("en"):
        overview = reverse("applications:overview", args=[application.public_id])
    body = client.get(overview).content.decode()
    assert f'href="{url("index", application)}"' in body


@pytest.mark.django_db
def test_uploading_a_photo_then_downloading_it(client, applicant, application):
    client.force_login(applicant)
    content = image_bytes(portrait())
    response = post_photo(client, application, content, name="my photo.jpg")
    assert response.status_code == 302 and response.url.endswith("#item-0-PHOTO")
    page = client.get(response.url.split("#")[0]).content.decode()
    assert "my photo.jpg" in page
    document = Document.objects.get()
    download = client.get(url("download", application, document.public_id))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert download["Content-Type"] == "image/jpeg"
    assert download["Content-Disposition"] == 'attachment; filename="photo.jpg"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in download["Cache-Control"]
    assert DocumentEvent.objects.filter(kind=EventKind.DOWNLOADED, actor=applicant).count() == 1


@pytest.mark.django_db
def test_a_file_that_lies_about_its_type_gets_a_french_error_at_the_field(client, applicant, application):
    client.force_login(applicant)
    response = post_photo(client, application, b"plain text, not a photo", name="photo.jpg", language="fr")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Ce fichier n’est pas un fichier PDF, JPEG ou PNG" in body
    assert 'href="#file-0-PHOTO"' in body
    assert re.search(r'id="file-0-PHOTO-error"', body)
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_a_file_over_the_limit_is_stopped_while_it_is_read(client, applicant, application):
    client.force_login(applicant)
    response = post_photo(client, application, noise_png(1200, 1600), name="huge.png")
    assert response.status_code == 200
    assert "The file is larger than the limit for this item, 4 MB." in response.content.decode()
    assert Document.objects.count() == 0


@pytest.mark.django_db
def test_a_doubtful_photo_is_uploaded_after_confirmation(client, applicant, application):
    client.force_login(applicant)
    response = post_photo(client, application, image_bytes(portrait(brightness=0.35)))
    assert response.status_code == 302
    page = client.get(url("index", application)).content.decode()
    assert "The photo looks too dark." in page and "Confirmation:" in page
    pending = Document.objects.get(state=DocumentState.PENDING)
    confirm = url("confirm", application, "0-PHOTO", pending.public_id)
    refused = client.post(confirm, {})
    assert "Confirmation" in refused.content.decode() and 'href="#confirmation-0-PHOTO"' in refused.content.decode()
    assert client.post(confirm, {"confirmation": "1"}).status_code == 302
    pending.refresh_from_db()
    assert pending.state == DocumentState.CURRENT


@pytest.mark.django_db
def test_cannot_provide_with_an_explanation_then_withdraw_it(client, applicant, application, rules_checklist):
    client.force_login(applicant)
    response = client.post(url("explain", application, "0-primary_identity"), {"text": "My passport was stolen in 2025."})
    assert response.status_code == 302
    page = client.get(url("index", application)).content.decode()
    assert "My passport was stolen in 2025." in page and "cannot provide (explained)" in page
    assert client.post(url("withdraw", application, "0-primary_identity")).status_code == 302
    assert Explanation.objects.get().withdrawn_at is not None


@pytest.mark.django_db
def test_an_item_the_rules_do_not_ask_for_is_not_found(client, applicant, application):
    client.force_login(applicant)
    response = client.post(url("upload", application, "0-anything"), {"file": upload("a.pdf", pdf_bytes())})
    assert response.status_code == 404


@pytest.mark.django_db
def test_csrf_is_still_checked_on_uploads(applicant, application):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(applicant)
    response = post_photo(client, application, image_bytes(portrait()))
    assert response.status_code == 403
    assert Document.objects.count() == 0


# --- Authorization: another applicant, a representative, an officer, nobody ------------------


@pytest.fixture
def uploaded(applicant, application):
    from portique.documents import selectors, services

    items = selectors.checklist_for(application, datetime.date.today())
    photo = selectors.item_in(items, code="PHOTO", position=0)
    current = services.document_upload(
        actor=applicant, public_id=application.public_id, item=photo, upload=upload("p.jpg", image_bytes(portrait())),
        on=datetime.date.today(), declaration=True, taken_on=datetime.date.today(),
    ).document
    pending = services.document_upload(
        actor=applicant, public_id=application.public_id, item=photo, upload=upload("d.jpg", image_bytes(portrait(brightness=0.3))),
        on=datetime.date.today(), declaration=True, taken_on=datetime.date.today(),
    ).document
    return current, pending


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_applicant", "representative", "officer"])
def test_nobody_else_can_see_upload_or_download(client, request, application, uploaded, who):
    current, pending = uploaded
    client.force_login(request.getfixturevalue(who))
    before = (Document.objects.count(), DocumentEvent.objects.count(), Explanation.objects.count())
    assert client.get(url("index", application)).status_code == 404
    assert client.get(url("download", application, current.public_id)).status_code == 404
    assert post_photo(client, application, image_bytes(portrait())).status_code == 404
    assert client.post(url("confirm", application, "0-PHOTO", pending.public_id), {"confirmation": "1"}).status_code == 404
    assert client.post(url("remove", application, "0-PHOTO", current.public_id)).status_code == 404
    assert client.post(url("explain", application, "0-PHOTO"), {"text": "x"}).status_code == 404
    assert client.post(url("withdraw", application, "0-PHOTO")).status_code == 404
    assert (Document.objects.count(), DocumentEvent.objects.count(), Explanation.objects.count()) == before
    current.refresh_from_db()
    pending.refresh_from_db()
    assert (current.state, pending.state) == (DocumentState.CURRENT, DocumentState.PENDING)


@pytest.mark.django_db
def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(client, application, uploaded):
    current, _pending = uploaded
    for response in (client.get(url("index", application)), client.get(url("download", application, current.public_id))):
        assert response.status_code == 302 and "login" in response.url


@pytest.mark.django_db
def test_a_replaced_photo_is_no_longer_served_even_to_its_owner(client, applicant, application):
    client.force_login(applicant)
    post_photo(client, application, image_bytes(portrait()), name="first.jpg")
    first = Document.objects.get()
    post_photo(client, application, image_bytes(portrait(1000, 1400)), name="second.jpg")
    assert client.get(url("download", application, first.public_id)).status_code == 404
    body = client.get(url("index", application)).content.decode()
    links = re.findall(r'download>([^<]+)</a>', body)
    assert links == ["second.jpg"]


@pytest.mark.django_db
def test_the_page_makes_as_many_queries_for_ten_files_as_for_one(client, applicant, application, rules_checklist):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portique.documents import selectors, services

    today = datetime.date.today()
    residency = selectors.item_in(selectors.checklist_for(application, today), code="proof_of_residency", position=0)

    def add(count):
        for number in range(count):
            services.document_upload(
                actor=applicant, public_id=application.public_id, item=residency,
                upload=upload(f"proof-{number}.pdf", pdf_bytes(1)), on=today,
            )

    client.force_login(applicant)
    add(1)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url("index", application)).status_code == 200
    add(9)
    with CaptureQueriesContext(connection) as ten:
        body = client.get(url("index", application)).content.decode()
    assert body.count(" download>proof-") == 10  # each file's download link
    assert body.count("Is “proof-") == 10  # and its language question
    # The session and session-list queries of the middleware vary with time; the page's own do not.
    def own(captured):
        return [q["sql"] for q in captured.captured_queries if "documents_" in q["sql"] or "applications_" in q["sql"]]

    # The rules' evaluation reads the application's documents and explanations once each.
    assert len(own(ten)) == len(own(one)) <= 7
