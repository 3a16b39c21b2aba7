"""Real objects of every kind a URL can name, made through the services as people make them.

The sweeps (``test_idor_sweep``, ``test_csrf_sweep``) take the routes from Django's URL
resolver and fill each route's parameters from ``World.bundles``: one bundle per owner's
object (an application with its documents, requests, letters and receipts; a representation
waiting for the client; a paper application; a kit request; a representative's profile).
A new route whose parameter no bundle holds makes the sweeps fail, naming the parameter,
until it is added here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.urls import URLPattern, URLResolver, get_resolver

from portique.alternatives.services import kit_request_submit
from portique.applications import paper_intake
from portique.applications import services as application_services
from portique.casework import services as casework_services
from portique.documents import selectors as document_selectors
from portique.documents import services as document_services
from portique.documents.items import PHOTO_FRONT
from portique.representation import services as representation_services
from tests import journey
from tests.conftest import _officer, _representative_profile, _user, enrol_totp
from tests.documents.files import pdf_bytes, upload

ON = journey.TODAY


def routes(*, with_parameters: bool = True):
    """Every named route of the portal in English: (name, route text, converters' names)."""
    found = []

    def walk(patterns, prefix: str, namespace: str, outer: tuple):
        for pattern in patterns:
            converters = outer + tuple(getattr(pattern.pattern, "converters", {}))
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner, converters)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                found.append((name, prefix + str(pattern.pattern), converters))

    walk(get_resolver().url_patterns, "", "", ())
    return [
        (name, text, params)
        for name, text, params in found
        if (bool(params) == with_parameters) and not text.startswith("fr/")
    ]


def is_identifier(parameter: str) -> bool:
    return parameter.endswith("_id") or parameter in {"public_id", "reference", "receipt_number"}


@dataclass
class World:
    applicant: object
    representative: object
    supervisor: object
    outsiders: dict = field(default_factory=dict)
    bundles: list = field(default_factory=list)
    # The same bundles by what they hold, for the tests that pick one.
    named: dict = field(default_factory=dict)


def build(capture) -> World:
    """``capture``: pytest-django's django_capture_on_commit_callbacks (letters are sent on commit)."""
    applicant = _user("applicant@example.ca", "applicant", first_name="Alex", last_name="Tremblay")
    representative = _user("rep@example.ca", "representative", first_name="Camille", last_name="Roy")
    _representative_profile(representative)
    enrol_totp(representative)
    supervisor = _officer("supervisor@example.ca", ["supervisor", "administrator"])
    from tests.casework.conftest import ensure_access_log_permission

    ensure_access_log_permission()
    supervisor.refresh_from_db()

    # The outsiders: another applicant, a verified representative with no link to anything
    # here, and an officer who holds no role.
    other_rep = _user("other-rep@example.ca", "representative", first_name="Dominique", last_name="Autre")
    _representative_profile(other_rep)
    enrol_totp(other_rep)
    outsiders = {
        "another applicant": _user(
            "outsider@example.ca", "applicant", first_name="Sam", last_name="Outsider"
        ),
        "an unlinked representative": other_rep,
        "an officer without a role": _officer("no-role@example.ca", []),
    }

    # 1. A submitted PR card application, accepted, with an answered request and letters.
    submitted, _submission = journey.submitted(applicant)
    casework_services.screening_run(application=submitted)
    with capture(execute=True):
        casework_services.application_accept(
            actor=supervisor, public_id=submitted.public_id, on=ON + timedelta(days=1), draw=lambda: 0.99
        )
        request = casework_services.request_send(
            actor=supervisor,
            public_id=submitted.public_id,
            description="Your 2025 notice of assessment.",
            due_on=ON + timedelta(days=40),
            on=ON + timedelta(days=1),
        )
        casework_services.request_answer(
            actor=applicant,
            public_id=submitted.public_id,
            request_id=request.public_id,
            files=[upload("notice.pdf", pdf_bytes(1), "application/pdf")],
            text="Here it is.",
            on=ON + timedelta(days=2),
        )
    request.refresh_from_db()
    # One note of each kind: "Your file" and "Your data" read the file's notes (never the internal one).
    casework_services.note_add(
        actor=supervisor, public_id=submitted.public_id, text="Your passport copy is fine.", on_file=True
    )
    casework_services.note_add(
        actor=supervisor,
        public_id=submitted.public_id,
        text="Checking the entry stamp with a partner agency.",
        on_file=False,
        internal_reason="An investigation is ongoing.",
    )
    document = submitted.documents.exclude(item_code=PHOTO_FRONT).first()
    submitted_bundle = {
        "public_id": submitted.public_id,
        "document_id": document.public_id,
        # The first page of that document, as the officer's inline preview shows it.
        "number": 1,
        "request_id": request.public_id,
        "file_id": request.files.first().public_id,
        "letter_id": submitted.letters.first().public_id,
        "language": "en",
        "receipt_number": submitted.payments.exclude(receipt_number=None).first().receipt_number,
    }

    # 1b. Its conversation with the office (a message with a file) and a document sent after submission.
    with capture(execute=True):
        message = casework_services.message_send(
            actor=applicant,
            public_id=submitted.public_id,
            text="I moved last week.",
            files=[upload("lease.pdf", pdf_bytes(1), "application/pdf")],
            token=None,
        )
    late = casework_services.late_document_add(
        actor=applicant,
        public_id=submitted.public_id,
        item_code=casework_services.OTHER_DOCUMENT,
        description="My new lease",
        upload=upload("lease.pdf", pdf_bytes(1), "application/pdf"),
        token=None,
    )
    conversation_bundle = {
        "public_id": submitted.public_id,
        "message_id": message.public_id,
        "file_id": message.files.get().public_id,
        "document_id": late.public_id,
    }

    # 2. A draft with one document: the pages that change an application.
    draft = application_services.application_start(actor=applicant, program="pr_card")
    item = next(i for i in document_selectors.checklist_for(draft, ON) if i.code != PHOTO_FRONT)
    uploaded = document_services.document_upload(
        actor=applicant,
        public_id=draft.public_id,
        item=item,
        upload=upload("passport.pdf", pdf_bytes(1), "application/pdf"),
        on=ON,
        document_type=item.document_types[0] if item.document_types else None,
    )
    draft_bundle = {
        "public_id": draft.public_id,
        "document_id": uploaded.document.public_id,
        "slot": item.slot,
        "section": "contact",
        "position": 0,
        "form_code": "IMM5444",
    }

    # 3. The representative's own client file (created, IMM 5476 uploaded, client invited),
    #    accepted by the client (the client reviews it; the representative still prepares it).
    created = representation_services.representation_create(
        actor=representative, program="pr_card", client_name="Alex Tremblay", client_email=applicant.email
    )
    representation_services.representation_imm5476_upload(
        actor=representative,
        public_id=created.application.public_id,
        upload=upload("imm5476.pdf", pdf_bytes(1), "application/pdf"),
    )
    with capture(execute=True):
        representation_services.representation_invite(
            actor=representative, public_id=created.application.public_id
        )
    representation_services.representation_accept(actor=applicant, public_id=created.public_id)
    rep_bundle = {
        "public_id": created.application.public_id,
        "section": "contact",
        "position": 0,
        "form_code": "IMM5444",
    }
    invitation_bundle = {"public_id": created.public_id}

    # 4. A paper application an intake officer types in, and an accepted one with a request.
    paper = _paper_entered(supervisor, "IRCC-PAID-0001")
    paper_bundle = {"public_id": paper.public_id, "slot": item.slot, "section": "contact", "position": 0}
    accepted_paper = _paper_entered(supervisor, "IRCC-PAID-0002")
    with capture(execute=True):
        paper_intake.paper_application_send_to_screening(actor=supervisor, public_id=accepted_paper.public_id)
    casework_services.screening_run(application=accepted_paper)
    with capture(execute=True):
        casework_services.application_accept(
            actor=supervisor, public_id=accepted_paper.public_id, on=ON + timedelta(days=1), draw=lambda: 0.99
        )
        paper_request = casework_services.request_send(
            actor=supervisor,
            public_id=accepted_paper.public_id,
            description="Your 2025 notice of assessment.",
            due_on=ON + timedelta(days=40),
            on=ON + timedelta(days=1),
        )
    # Its applicant follows it online (the sweep proves another applicant still reads nothing of it).
    from datetime import date

    from portique.applications.paper_follow import paper_application_link

    paper_application_link(
        actor=applicant, number=accepted_paper.number, born_on=date(1988, 4, 2), postal_code="K1P 5B2"
    )
    paper_request_bundle = {
        "public_id": accepted_paper.public_id,
        "request_id": paper_request.public_id,
        # The acknowledgement of a paper application without e-mail: a letter to print and mail.
        "letter_id": accepted_paper.letters.first().public_id,
        "language": "en",
    }

    # 5. A sponsorship being filled in (each person's forms and signature), and a submitted one
    #    (the officers' sponsorship pages).
    from tests import sponsorship_journey

    sponsorship = sponsorship_journey.spouse_with_children(applicant)
    sponsorship_bundle = {
        "public_id": sponsorship.public_id,
        "position": 1,
        "form_code": "IMM0008",
        "section": "personal",
    }
    submitted_sponsorship = sponsorship_journey.ready_to_submit(applicant)
    with capture(execute=True):
        application_services.application_submit(
            actor=applicant, public_id=submitted_sponsorship.public_id, on=ON
        )
    casework_services.screening_run(application=submitted_sponsorship)
    with capture(execute=True):
        casework_services.application_accept(
            actor=supervisor,
            public_id=submitted_sponsorship.public_id,
            on=ON + timedelta(days=1),
            draw=lambda: 0.99,
        )
    submitted_sponsorship_bundle = {"public_id": submitted_sponsorship.public_id}

    # 5b. A represented application the representative submitted (the officer reads its IMM 5476).
    from tests.representation.conftest import signed_and_declared

    represented_submitted, _representation = signed_and_declared(representative, applicant)
    with capture(execute=True):
        representation_services.representation_submit(
            actor=representative, public_id=represented_submitted.public_id, on=ON
        )
    represented_submitted_bundle = {"public_id": represented_submitted.public_id}

    # 5c. An eTA the rules issued at submission (its holder's page; an officer may cancel it).
    from tests.casework.test_eta_journey import submitted_eta

    eta_bundle = {"public_id": submitted_eta(applicant, capture).public_id}

    # 5d. A batch of routine files a decision-maker confirmed (its page lists what was approved
    #     and what was left out: here the PR card, which still waits for its biometrics).
    from portique.casework import bulk_decide, triage

    triage.triage_switch(actor=supervisor, program="pr_card", enabled=True, reason="Pilot.")
    batch = bulk_decide.routine_files_approve(
        actor=supervisor, key=str(uuid.uuid4()), program="pr_card", public_ids=[str(submitted.public_id)], on=ON
    )
    batch_bundle = {"batch_id": batch.public_id}

    # 6. A kit request, sent with its covering letter, and the representative's profile.
    from portique.alternatives.services import Dispatch, kit_request_mark_sent
    from tests.alternatives.conftest import braille_by_mail

    kit = kit_request_submit(data=braille_by_mail(), language="en", on=ON)
    with capture(execute=True):
        kit_request_mark_sent(
            actor=supervisor,
            public_id=kit.public_id,
            dispatch=Dispatch(sent_on=ON, sent_items="Kit"),
            today=ON,
        )
    others = [
        {"reference": kit.reference},
        {"public_id": representative.representative_profile.public_id},
    ]

    named = {
        "submitted": submitted_bundle,
        "conversation": conversation_bundle,
        "draft": draft_bundle,
        "represented": rep_bundle,
        "representation": invitation_bundle,
        "paper": paper_bundle,
        "paper_accepted": paper_request_bundle,
        "sponsorship_draft": sponsorship_bundle,
        "sponsorship": submitted_sponsorship_bundle,
        "represented_submitted": represented_submitted_bundle,
        "eta": eta_bundle,
        "batch": batch_bundle,
        "kit": others[0],
        "profile": others[1],
    }
    return World(
        applicant=applicant,
        representative=representative,
        supervisor=supervisor,
        outsiders=outsiders,
        named=named,
        bundles=[
            submitted_bundle,
            conversation_bundle,
            draft_bundle,
            rep_bundle,
            invitation_bundle,
            paper_bundle,
            paper_request_bundle,
            sponsorship_bundle,
            submitted_sponsorship_bundle,
            represented_submitted_bundle,
            eta_bundle,
            batch_bundle,
            *others,
        ],
    )


def _paper_entered(officer, receipt_number: str):
    from tests.alternatives.test_paper_intake import (
        TODAY,
        pr_card_by_mail,
        record_receipt,
        record_signature,
        type_in,
    )
    from tests.casework.factories import upload_every_document
    from tests.rules.forms.test_imm5444_validation import complete_answers

    application = paper_intake.paper_application_register(actor=officer, data=pr_card_by_mail(), today=TODAY)
    type_in(officer, application, complete_answers())
    upload_every_document(officer, application, on=pr_card_by_mail().received_on)
    record_receipt(officer, application, number=receipt_number)
    record_signature(officer, application)
    application.refresh_from_db()
    return application


def session_bundle(client, user) -> dict:
    """A session of ``user`` (made by signing in), for the session routes."""
    from allauth.usersessions.models import UserSession

    client.force_login(user)
    client.get("/en/account/")
    return {"session_id": UserSession.objects.filter(user=user).latest("pk").pk}
