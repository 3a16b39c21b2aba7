"""Attack: send a body far larger than any form needs. A 100 MB multipart POST to the
anonymous representative sign-up was spooled to a temporary file before the 10 MB check,
and an applicant's upload page read all 100 MB after it stopped storing at 10 MB.

Now the declared length is compared with the page's limit before anything reads the
body (413, a bilingual page), a body without a declared length is refused (411), and
the file bytes are counted as they stream in.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from portique.accounts.models import User
from portique.core.body_limit import (
    BodyLimitUploadHandler,
    RequestBodyLimitMiddleware,
    RequestBodyTooLarge,
)
from portique.documents.models import Document
from tests.documents.conftest import application  # noqa: F401 - fixture

from .conftest import representative_form

pytestmark = pytest.mark.django_db

HUNDRED_MB = 100 * 1024 * 1024


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def post_declaring(client, path: str, length: int, **extra):
    return client.generic(
        "POST",
        path,
        b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": Unreadable()},
        **extra,
    )


def assert_bilingual_413(response):
    assert response.status_code == 413
    body = response.content.decode()
    assert "What you sent is too large" in body
    assert "Ce que vous avez envoyé est trop volumineux" in body


def test_a_100_mb_sign_up_is_refused_before_its_body_is_read(client):
    response = post_declaring(client, "/en/account/representative/signup/", HUNDRED_MB)
    assert_bilingual_413(response)
    assert "10.7 MB" in response.content.decode()  # the document's 10 MiB and the form
    assert not User.objects.exists()


def test_a_100_mb_upload_to_an_applicants_documents_is_refused_before_its_body_is_read(
    client, applicant, application  # noqa: F811
):
    client.force_login(applicant)
    page = reverse("documents:upload", args=[application.public_id, "0-PHOTO"])
    assert_bilingual_413(post_declaring(client, page, HUNDRED_MB))
    assert not Document.objects.exists()


def test_pages_without_uploads_take_a_small_body_only(client):
    # The sign-in form: a few hundred bytes; 3 MB is not a sign-in.
    assert_bilingual_413(post_declaring(client, "/en/account/login/", 3 * 1024 * 1024))
    assert_bilingual_413(post_declaring(client, "/fr/alternatives/kit/", 3 * 1024 * 1024))


def test_a_body_without_a_declared_length_is_refused(client):
    response = client.generic(
        "POST",
        "/en/account/representative/signup/",
        b"",
        HTTP_TRANSFER_ENCODING="chunked",
        CONTENT_LENGTH="",
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 411
    assert not User.objects.exists()


def test_an_upload_within_the_limit_still_goes_through(client):
    response = client.post("/en/account/representative/signup/", representative_form(name="passport.png"))
    assert response.status_code == 302
    assert User.objects.filter(email="new.rep@example.ca").exists()


def test_a_streamed_body_is_stopped_once_past_its_limit():
    """A body whose length was not checked beforehand (a server handing Django an
    undeclared stream) stops at the limit while it streams in."""
    factory = RequestFactory()
    request = factory.post("/", {"file": SimpleUploadedFile("big.bin", b"x" * 50_000)})
    request.body_limit = 10_000
    request.upload_handlers = [BodyLimitUploadHandler(request)]
    with pytest.raises(RequestBodyTooLarge):
        request.FILES  # noqa: B018 - parsing is what streams the body
    assert request.body_too_large

    # Whatever the layers below answered, the middleware answers 413.
    def below(request):
        request.body_too_large = True
        from django.http import HttpResponseBadRequest

        return HttpResponseBadRequest()

    again = factory.post("/", {})
    again.body_limit = 10_000
    assert RequestBodyLimitMiddleware(below)(again).status_code == 413


def test_the_upload_handler_runs_first_for_every_request(settings):
    assert settings.FILE_UPLOAD_HANDLERS[0] == "portique.core.body_limit.BodyLimitUploadHandler"
    middleware = settings.MIDDLEWARE
    assert middleware.index("portique.core.body_limit.RequestBodyLimitMiddleware") < middleware.index(
        "django.middleware.csrf.CsrfViewMiddleware"
    )


def test_the_sign_up_still_refuses_cross_site_posts():
    """The sign-up checks its CSRF token after choosing how to read the body (as the
    upload pages do): a post without the token is refused and creates nothing."""
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        "/en/account/representative/signup/", representative_form(name="passport.png")
    )
    assert response.status_code == 403
    assert not User.objects.exists()
