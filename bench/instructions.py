"""Instructions per request, counted by valgrind: a figure the machine's load does not move.

    .venv/bin/python bench/instructions.py [--database sqlite|postgres] [--pages home,dashboard,...]

CPU time per request moves by ±20 % between runs on a shared two-core machine, which hides
a change of a few per cent. The instructions a request executes do not move: the same code,
inputs and environment give the same count to about 0.2 % (seen twice in a row, one run
with the other core loaded). For each page this program serves it in one process, through
``django.test.Client`` with the production settings (``DEBUG=0``, the Redis cache and the
sessions read through it, the static files' manifest), under ``valgrind --tool=cachegrind``
twice: once with a warm-up only and once with STEP more requests. The difference divided
by STEP is the page's instructions per request, free of the start-up's. Without valgrind it
also prints the page's CPU milliseconds in the same process, for scale.

Pages (the intake rush's own, ``intake_rush.py``):
- ``home``: the anonymous home page, the trivial page of the intake rush's ceiling;
- ``home-signed-in``: the same page for a signed-in applicant (session, account, header);
- ``dashboard``: the applicant's list, one draft PR card application;
- ``sign-in``: the sign-in page and the post of a right password, as a new visitor
  (printed with the Argon2id check's own instructions, counted apart, and without them);
- ``submit``: the applicant's whole submit action, four requests (the application page,
  the confirmation page before submitting, its POST, the confirmation after), each time by
  another applicant with a complete, paid and signed PR card application (the intake rush's
  ``submit`` step, made by ``intake_seed``), signed in already. The tasks the submission
  queues (e-mails, the PDF copy, the screening) are left to the workers, as in production.

The database is a throwaway one: a SQLite file under ``var/bench/instructions/`` or the
PostgreSQL database ``portique_instructions`` on the local server (``--postgres-url``),
built afresh each run; Redis database 8 (``BENCH_REDIS_URL``) is emptied first. valgrind
comes from Debian's packages (``apt-get install valgrind``). About a minute per page.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var" / "bench" / "instructions"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
PASSWORD = "correct horse battery staple 42"
APPLICANT = "applicant-000000@bench.portique.test"  # intake_seed._users' first address
VISITORS = 300  # accounts for the sign-in page: each visitor signs in once
SUBMITTERS = 80  # ready applications for the submit action: each is submitted once
PAGES = ("home", "home-signed-in", "dashboard", "sign-in", "submit")
# Requests counted after the warm-up's 10, and served for the CPU time: the sign-in and the
# submit action use up an account each (VISITORS, SUBMITTERS), the other pages nothing.
STEP = {"sign-in": 20, "submit": 10}
CPU_REQUESTS = {"sign-in": 200, "submit": 30}
URLS = {"home": "/en/", "home-signed-in": "/en/", "dashboard": "/en/applications/"}


def environment(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "PORTIQUE_VAR_DIR": str(VAR),
        "DEBUG": "0",
        "SECRET_KEY": "bench-instructions-" + "x" * 40,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",  # the test client speaks plain HTTP
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "PYTHONHASHSEED": "0",  # the same dict orders, so the same instructions, run after run
        "DJANGO_SETTINGS_MODULE": "portique.settings",
        # What a submission queues waits for the workers, as in production.
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        # One database connection for the whole run. Under valgrind a run lasts about a minute,
        # so with the portal's 60 s the connection could be closed and opened again (for
        # PostgreSQL: its authentication and session settings, counted as part of the page)
        # inside the counted requests or not, depending on how fast the machine was.
        "CONN_MAX_AGE": "86400",
    }


# --- in the child process -------------------------------------------------------------


def _django():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare() -> None:
    """Migrate, collect the static files, and create the applicant, the visitors and the submitters."""
    _django()
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.utils import timezone
    from intake_seed import _application, _template_documents, _users  # the intake rush's, made the same way

    from portique.applications import services
    from portique.applications.choices import Program

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    password = make_password(PASSWORD)  # hashed once: Argon2id for every account is minutes
    (applicant,) = _users("applicant", 1, password)
    _users("visitor", VISITORS, password)
    services.application_start(actor=applicant, program=Program.PR_CARD)
    today = timezone.localdate()
    template = _template_documents(today)
    for submitter in _users("submitter", SUBMITTERS, password):
        _application("submit", submitter, today, template)


def serve(page: str, requests: int) -> None:
    """Warm up, then serve ``requests`` more of ``page``; print the CPU time they took."""
    _django()
    from django.core.cache import cache
    from django.test import Client

    cache.clear()
    if page == "sign-in":
        action = _sign_in_action()
    elif page == "submit":
        action = _submit_action()
    else:
        client = Client()
        if page != "home":
            response = client.post("/en/account/login/", {"login": APPLICANT, "password": PASSWORD})
            assert response.status_code == 302, response.status_code
        url = URLS[page]

        def action():
            response = client.get(url)
            assert response.status_code == 200, response.status_code

    for _ in range(10):
        action()
    # The objects made so far (Django's, the templates', the connections') set aside from the
    # collector's later full passes, as in a run that has served many requests. Whether one of
    # those passes (some 60 million instructions over everything the start-up made) fell among
    # the counted requests depended on a few allocations more or less: PostgreSQL's signed-in
    # pages moved by 1.2 million instructions per request that way between runs of one tree.
    gc.collect()
    gc.freeze()
    began = time.process_time()
    for _ in range(requests):
        action()
    if requests:
        print(f"cpu-ms {(time.process_time() - began) / requests * 1000:.3f}")


def _sign_in_action():
    from allauth.usersessions.models import UserSession
    from django.contrib.sessions.models import Session
    from django.test import Client

    # Each visitor signs in for the first time, as in the intake rush: no earlier sessions.
    UserSession.objects.all().delete()
    Session.objects.all().delete()
    client = Client()
    visitors = iter(range(VISITORS))

    def action():
        number = next(visitors)
        client.cookies.clear()
        # A different address each time: the per-address sign-in limit is not what is measured.
        address = {"REMOTE_ADDR": f"10.9.{number // 250}.{number % 250}"}
        assert client.get("/en/account/login/", **address).status_code == 200
        email = f"visitor-{number:06d}@bench.portique.test"
        response = client.post("/en/account/login/", {"login": email, "password": PASSWORD}, **address)
        assert response.status_code == 302, response.status_code

    return action


def _submit_action():
    from django.conf import settings
    from django.test import Client
    from intake_seed import _sessions

    from portique.accounts.models import User
    from portique.applications.models import Application

    # The applications not submitted yet, each with a session of its owner: every run of this
    # program (the warm-up's, the counted one's) takes the next ones.
    ready = list(
        Application.objects.filter(owner__email__startswith="submitter-", submission__isnull=True)
        .select_related("owner")
        .order_by("owner__email")
    )
    sessions = _sessions(list(User.objects.filter(pk__in=[application.owner_id for application in ready])))
    waiting = iter(ready)
    client = Client()

    def action():
        application = next(waiting)
        client.cookies.clear()
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[application.owner_id]
        overview = f"/en/applications/{application.public_id}/"
        assert client.get(overview).status_code == 200
        assert client.get(overview + "submit/").status_code == 200
        response = client.post(overview + "submit/")
        assert response.status_code == 302 and response.url.endswith("/confirmation/"), response
        assert client.get(overview + "confirmation/").status_code == 200

    return action


def argon2_checks(count: int) -> None:
    _django()
    from django.contrib.auth.hashers import check_password, make_password

    encoded = make_password(PASSWORD)
    for _ in range(count):
        check_password(PASSWORD, encoded)


# --- in the parent ---------------------------------------------------------------------


def instructions(env: dict[str, str], *arguments: str) -> int:
    command = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
        sys.executable, __file__, *arguments,
    ]  # fmt: skip
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if not found:
        raise SystemExit(f"valgrind printed no instruction count:\n{result.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def per_request(env: dict[str, str], page: str, step: int) -> float:
    return (instructions(env, "--serve", page, str(step)) - instructions(env, "--serve", page, "0")) / step


def cpu_ms(env: dict[str, str], page: str, requests: int) -> float:
    result = subprocess.run(
        [sys.executable, __file__, "--serve", page, str(requests)], env=env, capture_output=True, text=True, check=True
    )
    return float(result.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--postgres-url", default="postgres://postgres@127.0.0.1:5432/portique_instructions")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--serve", nargs=2, metavar=("PAGE", "REQUESTS"), help=argparse.SUPPRESS)
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--argon2", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.prepare:
        return prepare()
    if options.serve:
        return serve(options.serve[0], int(options.serve[1]))
    if options.argon2 is not None:
        return argon2_checks(options.argon2)

    pages = [page for page in options.pages.split(",") if page]
    unknown = set(pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))} (known: {', '.join(PAGES)})")
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed: apt-get install valgrind")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    shutil.rmtree(VAR, ignore_errors=True)
    VAR.mkdir(parents=True)
    if options.database == "postgres":
        database_url = options.postgres_url
        name = database_url.rsplit("/", 1)[-1]
        server = database_url.rsplit("/", 1)[0] + "/postgres"
        quiet = {**os.environ, "PGOPTIONS": "--client-min-messages=warning"}
        for statement in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
            subprocess.run(["psql", server, "-q", "-c", statement], check=True, env=quiet)
    else:
        database_url = f"sqlite:///{VAR / 'portique.sqlite3'}"
    env = environment(database_url)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True)
    print(
        f"instructions per request: commit {commit.stdout.strip()}{' with uncommitted changes' if dirty.stdout.strip() else ''},"
        f" {options.database}, Python {sys.version.split()[0]}"
    )
    subprocess.run([sys.executable, __file__, "--prepare"], env=env, check=True)
    print(f"{'page':<18}{'instructions':>16}{'CPU ms':>9}")
    for page in pages:
        count = per_request(env, page, STEP.get(page, 50))
        print(f"{page:<18}{count:>16,.0f}{cpu_ms(env, page, CPU_REQUESTS.get(page, 300)):>9.2f}", flush=True)
        if page == "sign-in":
            argon2 = (instructions(env, "--argon2", "11") - instructions(env, "--argon2", "1")) / 10
            print(f"{'  Argon2id check':<18}{argon2:>16,.0f}")
            print(f"{'  the rest':<18}{count - argon2:>16,.0f}")


if __name__ == "__main__":
    main()
