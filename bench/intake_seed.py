"""Bench-only: create the intake rush's virtual applicants in bulk, before the run.

Run by ``bench/intake_rush.py`` in its own process, against the bench's throwaway
database (``DATABASE_URL`` and ``PORTIQUE_VAR_DIR`` point at it; never the
developer's ``var/portique.sqlite3``). It prints one JSON object on stdout: the
applicants of each step, with what that step needs (e-mail, session cookie,
application id).

Each step gets its own applicants, already at the stage where that step starts, so
that each step can be offered its own arrival rate for its whole duration:

- ``login``: verified accounts with a password, nothing else;
- ``start``: signed in (a session), no application yet;
- ``sections``: signed in, a new draft application (answers are typed over HTTP);
- ``uploads``, ``pay``: signed in, a draft with every answer saved;
- ``sign``: as above, with the checklist's files and the fee paid;
- ``submit`` (and ``dashboard``, which reads theirs): as above, signed.

Accounts are inserted in bulk with one Argon2 hash of the shared password (hashing
it thousands of times would take minutes); sessions are minted as
``django.contrib.auth.login`` would store them (the login step itself is measured
over HTTP on its own applicants). Applications go through the real services
(``tests/journey.py``): ``application_start`` with the answers, the sandbox
payment and the typed signature. Only the files are copied: one template
application uploads the real generated photo and PDFs through the upload service,
and the other applications get rows pointing at those stored files.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portique.settings")

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.contrib.sessions.models import Session  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.utils.crypto import get_random_string  # noqa: E402

from portique.accounts.choices import Role  # noqa: E402
from portique.accounts.models import User  # noqa: E402
from portique.applications import services  # noqa: E402
from portique.applications.choices import Program  # noqa: E402
from portique.documents.choices import DocumentState  # noqa: E402
from portique.documents.items import PHOTO_FRONT  # noqa: E402
from portique.documents.models import Document  # noqa: E402
from tests import journey  # noqa: E402

STEPS = ("login", "start", "sections", "uploads", "pay", "sign", "submit")
BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
SESSION_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"


def answers_on(today: datetime.date) -> dict:
    """The complete IMM 5444 answers of the tests, with the 5-year history ending today."""
    from tests.rules.forms.test_imm5444_validation import complete_answers

    answers = complete_answers()
    start = today.replace(year=today.year - 5).isoformat()
    for section in ("addresses", "activities"):
        for row in answers[section]:
            row["start"], row["end"] = start, today.isoformat()
    return answers


def _users(step: str, count: int, password_hash: str) -> list[User]:
    users = [
        User(
            email=f"{step}-{number:06d}@bench.portique.test",
            role=Role.APPLICANT,
            password=password_hash,
            first_name="Alex",
            last_name="Tremblay",
        )
        for number in range(count)
    ]
    User.objects.bulk_create(users, batch_size=500)
    users = list(User.objects.filter(email__startswith=f"{step}-").order_by("email"))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, primary=True, verified=True) for user in users],
        batch_size=500,
    )
    return users


def _sessions(users: list[User]) -> dict[int, str]:
    """A signed-in session per user, stored as django.contrib.auth.login stores one."""
    expire = timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    store = SessionStore()
    keys: dict[int, str] = {}
    rows = []
    for user in users:
        key = get_random_string(32, SESSION_CHARS)
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: BACKEND,
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        rows.append(Session(session_key=key, session_data=store.encode(data), expire_date=expire))
        keys[user.pk] = key
    Session.objects.bulk_create(rows, batch_size=500)
    return keys


def _template_documents(today: datetime.date) -> list[Document]:
    """Real uploads (photo checked, PDFs inspected) on one template application."""
    owner = User.objects.create_user(
        "template@bench.portique.test", "not used: template only", role=Role.APPLICANT
    )
    application = services.application_start(actor=owner, program=Program.PR_CARD, answers=answers_on(today))
    journey.upload_checklist(owner, application, on=today)
    return list(Document.objects.filter(application=application, state=DocumentState.CURRENT))


def _copy_documents(template: list[Document], application, owner) -> None:
    now = timezone.now()
    Document.objects.bulk_create(
        [
            Document(
                application=application,
                uploaded_by=owner,
                person_position=document.person_position,
                item_code=document.item_code,
                document_type=document.document_type,
                purpose=document.purpose,
                state=DocumentState.CURRENT,
                file=document.file.name,
                original_name=document.original_name,
                content_type=document.content_type,
                size=document.size,
                sha256=document.sha256,
                page_count=document.page_count,
                width=document.width,
                height=document.height,
                warnings=document.warnings,
                declaration_accepted=document.declaration_accepted,
                confirmed_at=document.confirmed_at and now,
            )
            for document in template
        ]
    )


def _application(step: str, owner: User, today: datetime.date, template: list[Document]):
    if step == "sections":
        return services.application_start(actor=owner, program=Program.PR_CARD)
    application = services.application_start(actor=owner, program=Program.PR_CARD, answers=answers_on(today))
    if step in ("uploads", "pay"):
        return application
    with transaction.atomic():
        _copy_documents(template, application, owner)
    journey.pay(owner, application, on=today)
    if step == "submit":
        journey.sign(owner, application, on=today)
    return application


def _checklist(owner: User, today: datetime.date) -> list[dict]:
    """What the uploads step's applicants must upload (they all gave the same answers)."""
    from portique.applications.models import Application
    from portique.documents.selectors import checklist_for

    application = Application.objects.get(owner=owner)
    return [
        {"slot": item.slot, "code": item.code, "count": item.count, "photo": item.code == PHOTO_FRONT}
        for item in checklist_for(application, today)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--password", required=True)
    for step in STEPS:
        parser.add_argument(
            f"--{step}", type=int, default=0, metavar="N", help=f"applicants for the {step} step"
        )
    options = parser.parse_args()
    today = timezone.localdate()
    began = time.perf_counter()
    password_hash = make_password(options.password)
    template = _template_documents(today) if (options.sign or options.submit) else []
    out: dict = {"today": today.isoformat(), "answers": answers_on(today), "steps": {}}
    for step in STEPS:
        count = getattr(options, step)
        users = _users(step, count, password_hash)
        keys = _sessions(users) if step != "login" else {}
        applicants = []
        for user in users:
            entry = {"email": user.email}
            if step != "login":
                entry["session"] = keys[user.pk]
            if step not in ("login", "start"):
                entry["application"] = str(_application(step, user, today, template).public_id)
            applicants.append(entry)
        out["steps"][step] = applicants
        if step == "uploads" and users:
            out["checklist"] = _checklist(users[0], today)
        print(
            f"    seeded {count} applicants for {step} ({time.perf_counter() - began:.0f} s)", file=sys.stderr
        )
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
