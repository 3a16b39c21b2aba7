"""Data volume (issue 19): every page's time at 10,000, 100,000 and 1,000,000 files on PostgreSQL.

Builds a throwaway PostgreSQL database (``portique_volume`` by default, dropped and
recreated: never the developer's), migrates it, creates the demo accounts, makes a few
real applications through the services (the tests' journeys: PR card renewals and a
spouse sponsorship, each at a different stage: draft, submitted, accepted, waiting for an
answer, overdue, ready for decision, decided, represented), then CLONES them with
``INSERT … SELECT … generate_series`` to each size, with every row that hangs off an
application (people, status history, screenings and findings, requests, letters,
payments, documents, access log, …), one applicant account per clone, and audit rows.

After each size: ANALYZE, then each page is requested with the Django test client, signed
in as the person who reads it (the demo officer, applicant and representative), up to
``--requests`` times (fewer when a page is slow: at most ``--budget`` seconds a page), and
the table page × size is printed: the median and the worst in ms, and the page's queries.

    DEBUG=1 .venv/bin/python bench/volume.py --sizes 10000,100000
    DEBUG=1 .venv/bin/python bench/volume.py --sizes 10000 --explain --only queue
    DEBUG=1 .venv/bin/python bench/volume.py --reuse --sizes 100000   # time again, no rebuild

``--explain`` prints EXPLAIN (ANALYZE, BUFFERS) of each page's slowest query.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="portique_volume")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated numbers of files, growing")
    parser.add_argument("--requests", type=int, default=20, help="requests per page (at most)")
    parser.add_argument("--budget", type=float, default=8.0, help="seconds per page at most (3 requests at least)")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN (ANALYZE, BUFFERS) each page's slowest query")
    parser.add_argument("--only", default="", help="time only the pages whose name contains one of these (comma-separated)")
    parser.add_argument("--reuse", action="store_true", help="keep the database as it is (no rebuild, no clone)")
    return parser.parse_args()


OPTIONS = _options() if __name__ == "__main__" else None
if OPTIONS is not None:
    os.environ["DATABASE_URL"] = f"postgres://postgres@{OPTIONS.host}:5432/{OPTIONS.database}"
    os.environ["PORTIQUE_VAR_DIR"] = str(ROOT / "var" / "bench" / "volume")
    os.environ.setdefault("DEBUG", "1")  # the demo accounts exist only with DEBUG
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portique.settings")

    if not OPTIONS.reuse:
        def _psql(sql: str) -> None:
            subprocess.run(["psql", "-h", OPTIONS.host, "-U", "postgres", "-q", "-c", sql], check=True)

        _psql(f'DROP DATABASE IF EXISTS "{OPTIONS.database}" WITH (FORCE)')
        _psql(f'CREATE DATABASE "{OPTIONS.database}"')

    import django

    django.setup()

# ruff: noqa: E402
from django.apps import apps
from django.core.management import call_command
from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

# --- The template applications, made through the services ------------------------------------------------


def _demo_users():
    from portique.accounts.management.commands.demo import DEMO_ACCOUNTS
    from portique.accounts.models import User

    emails = [email for email, *_ in DEMO_ACCOUNTS]
    return tuple(User.objects.get(email=email) for email in emails)


def make_templates() -> dict[int, int]:
    """A few real applications at each stage; returns {application id: weight among the clones}."""
    import datetime

    from bench.intake_seed import answers_on
    from portique.applications import services as application_services
    from portique.applications.choices import Program
    from portique.casework import services as casework
    from tests import journey
    from tests import sponsorship_journey as sj
    from tests.casework.factories import submit_prepared

    applicant, representative, officer = _demo_users()
    today = timezone.localdate()
    weights: dict[int, int] = {}

    def pr_card(weight: int):
        application = application_services.application_start(
            actor=applicant, program=Program.PR_CARD, answers=answers_on(today)
        )
        submit_prepared(applicant, application, on=today)
        application.refresh_from_db()
        weights[application.pk] = weight
        return application

    def accept(application):
        casework.screening_run(application=application)
        for finding in application.screening.findings.all():
            casework.finding_judge(
                actor=officer, public_id=application.public_id, finding_id=finding.public_id,
                verdict="overridden", reason="Checked by hand.",
            )
        casework.application_accept(actor=officer, public_id=application.public_id, on=today, draw=lambda: 0.99)

    def processing(application):
        accept(application)
        casework.processing_start(actor=officer, public_id=application.public_id)

    started = time.perf_counter()
    draft = application_services.application_start(actor=applicant, program=Program.PR_CARD, answers=answers_on(today))
    weights[draft.pk] = 12
    pr_card(10)  # screening
    accept(pr_card(5))  # awaiting processing
    waiting = pr_card(5)
    processing(waiting)
    casework.request_send(
        actor=officer, public_id=waiting.public_id, description="A clearer copy of the passport.",
        due_on=today + datetime.timedelta(days=30), on=today,
    )
    overdue = pr_card(3)
    processing(overdue)
    casework.request_send(  # sent a month ago, due ten days ago
        actor=officer, public_id=overdue.public_id, description="The proof of residence.",
        due_on=today - datetime.timedelta(days=10), on=today - datetime.timedelta(days=30),
    )
    ready = pr_card(5)
    processing(ready)
    journey.collect_before_decision(officer, ready, on=today)
    decided = pr_card(45)
    processing(decided)
    journey.collect_before_decision(officer, decided, on=today)
    from portique.casework.choices import CardDelivery, DecisionOutcome

    casework.application_decide(
        actor=officer, public_id=decided.public_id, outcome=DecisionOutcome.APPROVED,
        card_delivery=CardDelivery.MAIL, on=today,
    )
    try:
        sponsorship = sj.ready_to_submit(applicant, on=today)
        application_services.application_submit(actor=applicant, public_id=sponsorship.public_id, on=today)
        weights[sponsorship.pk] = 5
        # One sponsor cannot sponsor the same person twice while the first is pending (IRPR 10(5)).
        from tests.conftest import _user

        sponsor = _user("sponsor@volume.portique.test", "applicant", first_name="Chidi", last_name="Okafor")
        second = sj.ready_to_submit(sponsor, on=today)
        application_services.application_submit(actor=sponsor, public_id=second.public_id, on=today)
        second.refresh_from_db()
        processing(second)
        weights[second.pk] = 5
    except Exception as error:  # noqa: BLE001 — a bench goes on with what it has, and says so
        print(f"    (no spouse sponsorship template: {error!r})", file=sys.stderr)
    print(f"    {len(weights)} template applications made through the services ({time.perf_counter() - started:.0f} s)")
    # Each file read once by the officer: its access-log rows are cloned with it.
    client = Client()
    client.force_login(officer)
    for pk in weights:
        from portique.applications.models import Application

        application = Application.objects.get(pk=pk)
        if application.submitted_at:
            client.get(reverse("casework:file", kwargs={"public_id": application.public_id}))
    return weights


def make_represented() -> int:
    """One application a representative made for a client (cloned to the representative's 500 clients)."""
    from tests.representation.conftest import prepared

    _applicant, representative, _officer = _demo_users()
    application, _representation = prepared(representative, "client@volume.portique.test")
    return application.pk


# --- Cloning with SQL -----------------------------------------------------------------------------------------

SHIFTED = {"created_at", "updated_at", "submitted_at", "at", "occurred_at", "requested_at", "issued_at"}


def _cloned_models():
    """Every model that hangs off an application, parents before children, with the field it hangs by."""
    from portique.applications.models import Application

    order: list[tuple[type[models.Model], models.Field]] = []
    cloned = {Application}
    changed = True
    while changed:
        changed = False
        for model in apps.get_models():
            if model in cloned or model._meta.proxy or not model._meta.managed:
                continue
            parents = [
                field
                for field in model._meta.concrete_fields
                if field.is_relation and field.related_model in cloned and field.related_model is not model
            ]
            if not parents:
                continue
            # Hang by the application where there is one (its clone number), else by the first cloned parent.
            by = next((field for field in parents if field.related_model is Application), parents[0])
            pending = [
                field
                for field in model._meta.concrete_fields
                if field.is_relation
                and field.related_model is not model
                and field.related_model not in cloned
                and _hangs_off_application(field.related_model)
            ]
            if pending:
                continue  # its other parents first
            order.append((model, by))
            cloned.add(model)
            changed = True
    return order


def _hangs_off_application(model) -> bool:
    from portique.applications.models import Application

    seen, stack = set(), [model]
    while stack:
        current = stack.pop()
        if current is Application:
            return True
        if current in seen:
            continue
        seen.add(current)
        stack += [
            field.related_model
            for field in current._meta.concrete_fields
            if field.is_relation and field.related_model is not current and field.related_model.__module__.startswith("portique")
            and field.related_model.__name__ != "User"
        ]
    return False


def _map_table(model) -> str:
    return f"vmap_{model._meta.db_table}"


def _execute(sql: str, params=None) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def _unique_alone(model) -> set:
    """The fields whose values must differ from the template's: unique by themselves or in a unique
    constraint that holds no relation (a relation is remapped to the clone's own row)."""
    unique = {field for field in model._meta.concrete_fields if field.unique and not field.primary_key}
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            fields = [model._meta.get_field(name) for name in constraint.fields]
            if not any(field.is_relation for field in fields):
                unique.update(fields)
    return unique


def _column_expression(model, field, by, *, application_model) -> str:
    column = f't."{field.column}"'
    if field.primary_key:
        return "v.new_id"
    if field.is_relation:
        target = field.related_model
        if field is by:
            return "v.parent_new_id"
        if target.__name__ == "User":
            return column
        if _hangs_off_application(target) or target is application_model:
            alias = f"j_{field.column}"
            return f"{alias}.new_id"
        return column
    if isinstance(field, models.UUIDField):
        return "gen_random_uuid()" if not field.null else f"CASE WHEN {column} IS NULL THEN NULL ELSE gen_random_uuid() END"
    if field in _unique_alone(model) and isinstance(field, models.CharField):
        return f"CASE WHEN {column} IS NULL OR {column} = '' THEN {column} ELSE left({column}, {field.max_length - 9}) || '-' || to_hex(v.new_id) END"
    if field.column in SHIFTED and isinstance(field, models.DateTimeField):
        return f"{column} - v.shift"
    return column


def clone_to(size: int, templates: dict[int, int], represented: int) -> None:
    """Add clones of the template applications until there are ``size`` applications."""
    from portique.accounts.models import AuditEvent, User
    from portique.applications.models import Application

    have = Application.objects.count()
    wanted = size - have
    if wanted <= 0:
        return
    began = time.perf_counter()
    clones_so_far = have
    _execute("DROP TABLE IF EXISTS vtemplate; CREATE UNLOGGED TABLE vtemplate (id bigint, lo int, hi int)")
    low = 0
    for pk, weight in templates.items():
        _execute("INSERT INTO vtemplate VALUES (%s, %s, %s)", [pk, low, low + weight])
        low += weight
    total = low
    # The representative's 500 clients: the represented template, cloned once, up to 499 times.
    extra = max(0, 499 - Application.objects.filter(representations__isnull=False).count() + 1)
    extra = min(extra, wanted)
    _execute(
        f"""
        DROP TABLE IF EXISTS vmap_app;
        CREATE UNLOGGED TABLE vmap_app AS
        SELECT g AS n, t.id AS old_id, nextval(pg_get_serial_sequence('applications_application', 'id')) AS new_id,
               make_interval(days => (((g::bigint + {clones_so_far}) * 7919) % 1095)::int, secs => ((g::bigint * 104729) % 86400)::int) AS shift
        FROM generate_series(1, {wanted - extra}) g JOIN vtemplate t ON (g % {total}) >= t.lo AND (g % {total}) < t.hi
        UNION ALL
        SELECT {wanted - extra} + g, {represented}, nextval(pg_get_serial_sequence('applications_application', 'id')),
               make_interval(days => ((g::bigint * 7919) % 1095)::int)
        FROM generate_series(1, {extra}) g;
        CREATE INDEX ON vmap_app (old_id, n); CREATE INDEX ON vmap_app (n); ANALYZE vmap_app;
        """
    )
    # One applicant account per clone that has an owner.
    user_columns = [field for field in User._meta.concrete_fields if not field.primary_key]
    select = []
    for field in user_columns:
        if field.name == "email":
            select.append("'v' || v.new_id || '@volume.portique.test'")
        elif isinstance(field, models.UUIDField):
            select.append("gen_random_uuid()")
        elif field.name == "username":
            select.append("'v' || v.new_id")
        else:
            select.append(f'u."{field.column}"')
    _execute(
        f"""
        DROP TABLE IF EXISTS vmap_user;
        CREATE UNLOGGED TABLE vmap_user AS
        SELECT v.n, a.owner_id AS old_id, nextval(pg_get_serial_sequence('accounts_user', 'id')) AS new_id
        FROM vmap_app v JOIN applications_application a ON a.id = v.old_id WHERE a.owner_id IS NOT NULL;
        CREATE INDEX ON vmap_user (n);
        INSERT INTO accounts_user (id, {", ".join(f'"{field.column}"' for field in user_columns)})
        SELECT w.new_id, {", ".join(select)}
        FROM vmap_user w JOIN vmap_app v ON v.n = w.n JOIN accounts_user u ON u.id = w.old_id;
        """
    )
    _clone_applications()
    for model, by in _cloned_models():
        _clone_children(model, by)
    _clone_audit(wanted)
    for table in ("vtemplate",):
        _execute(f"DROP TABLE IF EXISTS {table}")
    print(f"    cloned {wanted:,} applications by SQL ({time.perf_counter() - began:.0f} s)")
    _ = AuditEvent


def _clone_applications() -> None:
    from portique.applications.models import Application

    fields = [field for field in Application._meta.concrete_fields]
    select = []
    for field in fields:
        column = f't."{field.column}"'
        if field.primary_key:
            select.append("v.new_id")
        elif field.name == "public_id":
            select.append("gen_random_uuid()")
        elif field.name == "number":
            # The program's prefix and year, then the clone's own id: unique, searchable, as real ones.
            select.append(f"CASE WHEN {column} IS NULL THEN NULL ELSE left({column}, length({column}) - 7) || lpad(v.new_id::text, 7, '0') END")
        elif field.name == "owner":
            select.append("w.new_id")
        elif field.name == "restarted_from":
            select.append("NULL")
        elif field.column in SHIFTED:
            select.append(f"{column} - v.shift")
        else:
            select.append(column)
    _execute(
        f"""
        INSERT INTO applications_application ({", ".join(f'"{field.column}"' for field in fields)})
        SELECT {", ".join(select)}
        FROM vmap_app v JOIN applications_application t ON t.id = v.old_id LEFT JOIN vmap_user w ON w.n = v.n
        """
    )


def _clone_children(model, by) -> None:
    from portique.applications.models import Application

    table = model._meta.db_table
    pk = model._meta.pk
    if not isinstance(pk, models.AutoField | models.BigAutoField):
        print(f"    (not cloned: {table}, its key is not a number)", file=sys.stderr)
        return
    parent_map = "vmap_app" if by.related_model is Application else _map_table(by.related_model)
    shift = "v0.shift" if parent_map == "vmap_app" else "v0.shift"
    shift_source = (
        "JOIN vmap_app v0 ON v0.n = p.n" if parent_map != "vmap_app" else "JOIN vmap_app v0 ON v0.n = p.n"
    )
    _execute(
        f"""
        DROP TABLE IF EXISTS {_map_table(model)};
        CREATE UNLOGGED TABLE {_map_table(model)} AS
        SELECT p.n, c.id AS old_id, nextval(pg_get_serial_sequence('{table}', 'id')) AS new_id,
               p.new_id AS parent_new_id, {shift} AS shift
        FROM {table} c JOIN {parent_map} p ON p.old_id = c."{by.column}" {shift_source};
        CREATE INDEX ON {_map_table(model)} (old_id, n); ANALYZE {_map_table(model)};
        """
    )
    fields = list(model._meta.concrete_fields)
    joins = []
    for field in fields:
        if field.is_relation and field is not by and field.related_model.__name__ != "User":
            target = field.related_model
            if target is Application or _hangs_off_application(target):
                target_map = "vmap_app" if target is Application else _map_table(target)
                alias = f"j_{field.column}"
                joins.append(f'LEFT JOIN {target_map} {alias} ON {alias}.old_id = t."{field.column}" AND {alias}.n = v.n')
    select = [_column_expression(model, field, by, application_model=Application) for field in fields]
    count = _execute(
        f"""
        INSERT INTO {table} ({", ".join(f'"{field.column}"' for field in fields)})
        SELECT {", ".join(select)}
        FROM {_map_table(model)} v JOIN {table} t ON t.id = v.old_id {" ".join(joins)}
        """
    )
    if count:
        print(f"      {table}: {count:,} rows", file=sys.stderr)


def _clone_audit(wanted: int) -> None:
    """Audit rows as the clones' sign-ins would leave them: one per new file, the kinds cycled."""
    _execute(
        """
        WITH kinds AS (SELECT row_number() OVER () - 1 AS i, kind, user_agent, details
                       FROM (SELECT DISTINCT ON (kind) kind, user_agent, details FROM accounts_auditevent) k),
             counted AS (SELECT count(*) AS c FROM kinds)
        INSERT INTO accounts_auditevent (occurred_at, kind, actor_id, actor_email, subject_id, subject_email, ip,
                                         user_agent, details)
        SELECT now() - v.shift, k.kind, w.new_id, 'v' || v.new_id || '@volume.portique.test', w.new_id,
               'v' || v.new_id || '@volume.portique.test', '127.0.0.1', k.user_agent, k.details
        FROM vmap_app v JOIN vmap_user w ON w.n = v.n CROSS JOIN counted
        JOIN kinds k ON k.i = v.n % counted.c
        """
    )
    _ = wanted


# --- The pages ---------------------------------------------------------------------------------------------------


try:  # the keyset pages (issue 19); a commit before them pages by number
    from portique.core import keyset
except ImportError:
    keyset = None


def _after(queryset, order, offset: int) -> str:
    """``after=<cursor>`` of the row at ``offset`` in ``order`` (the page that follows it)."""
    from urllib.parse import quote

    row = queryset.order_by(*order)[offset : offset + 1].first()
    if row is None:
        row = queryset.order_by(*order).last()
    return "after=" + quote(keyset._encode(row, order)) if row is not None else ""


def pages() -> list[tuple[str, str, str]]:
    """(name, who, url) of every page to time."""
    from portique.accounts.models import AuditEvent
    from portique.applications.models import Application
    from portique.casework import selectors, triage
    from portique.casework.choices import Queue
    from portique.casework.models import FileAccess

    applicant, representative, officer = _demo_users()
    found: list[tuple[str, str, str]] = []
    home = reverse("casework:home")
    middle = Application.objects.filter(number__isnull=False).order_by("id")
    number = middle[middle.count() // 2].number
    today = timezone.localdate()
    for queue in selectors.queues_for(officer):
        last = selectors.queue_items(queue=queue, today=today).count() // 50 + 1
        for sort in ("oldest", "newest", "due", "urgent"):
            found.append((f"queue {queue.value} {sort}", "officer", f"{home}?queue={queue.value}&sort={sort}"))
        found.append((f"queue {queue.value} pr_card", "officer", f"{home}?queue={queue.value}&program=pr_card"))
        found.append((f"queue {queue.value} search", "officer", f"{home}?queue={queue.value}&q={number}"))
        if triage.triage_in_use():
            found.append((f"queue {queue.value} routine", "officer", f"{home}?queue={queue.value}&triage=routine"))
        if keyset is None:
            deep, final = "page=20", f"page={last}"
        else:  # keyset pages: the cursor of the row that ends page 19, and the last page
            items = selectors.queue_items(queue=queue, today=today)
            deep, final = _after(items, selectors.queue_order("oldest"), 20 * 50 - 1), "last=1"
        found.append((f"queue {queue.value} page 20", "officer", f"{home}?queue={queue.value}&{deep}"))
        found.append((f"queue {queue.value} last page", "officer", f"{home}?queue={queue.value}&{final}"))
    opened = Application.objects.filter(submitted_at__isnull=False).order_by("-id").first()
    found.append(("officer's file", "officer", reverse("casework:file", kwargs={"public_id": opened.public_id})))
    log = reverse("casework:access_log")
    found += [
        ("access log", "officer", log),
        ("access log by number", "officer", f"{log}?number={number}"),
        ("access log page 20", "officer", f"{log}?" + (
            "page=20" if keyset is None else _after(FileAccess.objects.all(), ("-at", "-id"), 20 * 100 - 1))),
        ("access log last page", "officer", f"{log}?" + (
            f"page={FileAccess.objects.count() // 100 + 1}" if keyset is None else "last=1")),
    ]
    audit = reverse("accounts:audit_log")
    found += [
        ("audit log", "officer", audit),
        ("audit log by e-mail", "officer", f"{audit}?email=v{opened.pk}@volume"),  # a part of one: a scan
        ("audit log by whole e-mail", "officer", f"{audit}?email=v{opened.pk}@volume.portique.test"),
        ("audit log page 20", "officer", f"{audit}?" + (
            "page=20" if keyset is None else _after(AuditEvent.objects.all(), ("-occurred_at", "-id"), 20 * 50 - 1))),
        ("audit log last page", "officer", f"{audit}?" + (
            f"page={AuditEvent.objects.count() // 50 + 1}" if keyset is None else "last=1")),
    ]
    found.append(("applicant's list", "applicant", reverse("applications:dashboard")))
    found.append(("representative's list (500 clients)", "representative", reverse("representation:dashboard")))
    _ = (Queue, AuditEvent, applicant, representative)
    return found


def time_pages(size: int, results: dict, queries: dict, explain: bool, only: str) -> None:
    applicant, representative, officer = _demo_users()
    clients = {}
    for who, user in (("applicant", applicant), ("representative", representative), ("officer", officer)):
        clients[who] = Client()
        clients[who].force_login(user)
    for name, who, url in pages():
        if only and not any(part in name for part in only.split(",")):
            continue
        client = clients[who]
        times: list[float] = []
        sql_times: list[float] = []
        slowest = None
        spent = time.perf_counter()
        while len(times) < OPTIONS.requests:
            connection.queries_log.clear()  # the log keeps 9,000 queries: a long run would capture none
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - began)
            if response.status_code != 200:
                print(f"    {name}: HTTP {response.status_code} for {url}", file=sys.stderr)
                break
            count = len(captured.captured_queries)
            # The database's share (as the client sees each query): what grows with the data,
            # where the rest (templates) does not.
            sql_times.append(sum(float(query["time"]) for query in captured.captured_queries))
            # The slowest statement that EXPLAIN can show (a COMMIT of the session's write can
            # take longest on a busy disk).
            readable = [query for query in captured.captured_queries if query["sql"].lstrip().upper().startswith(("SELECT", "WITH"))]
            slowest = max(readable, key=lambda query: float(query["time"]), default=None)
            if len(times) >= 3 and time.perf_counter() - spent > OPTIONS.budget:
                break
        if not times or response.status_code != 200:
            results.setdefault(name, {})[size] = None
            continue
        sql = statistics.median(sql_times) * 1000
        results.setdefault(name, {})[size] = (statistics.median(times) * 1000, max(times) * 1000, sql)
        queries.setdefault(name, {})[size] = count
        print(f"    {name}: median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms, "
              f"SQL {sql:.0f} ms, {count} queries ({len(times)} requests)", flush=True)
        if explain and slowest is not None:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
                plan = "\n".join(row[0] for row in cursor.fetchall())
            print(f"      slowest query ({float(slowest['time']) * 1000:.0f} ms):\n      {slowest['sql'][:600]}")
            print("      " + plan.replace("\n", "\n      "))


def print_table(sizes: list[int], results: dict, queries: dict) -> None:
    header = "| page | " + " | ".join(f"{size:,} files: median / worst / SQL ms (queries)" for size in sizes) + " |"
    print()
    print(header)
    print("| --- |" + " --- |" * len(sizes))
    for name, by_size in results.items():
        cells = []
        for size in sizes:
            figure = by_size.get(size)
            if figure is None:
                cells.append("—")
            else:
                cells.append(f"{figure[0]:.0f} / {figure[1]:.0f} / {figure[2]:.0f} ({queries.get(name, {}).get(size, '?')})")
        print(f"| {name} | " + " | ".join(cells) + " |")


def main() -> None:
    from portique.applications.models import Application

    sizes = [int(size) for size in OPTIONS.sizes.split(",") if size]
    load = os.getloadavg()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"data volume on PostgreSQL database {OPTIONS.database}, commit {commit}, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    templates: dict[int, int] = {}
    represented = 0
    if not OPTIONS.reuse:
        began = time.perf_counter()
        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        call_command("demo", stdout=open(os.devnull, "w"))
        print(f"    migrated, demo accounts ({time.perf_counter() - began:.0f} s)")
        templates = make_templates()
        represented = make_represented()
    results: dict = {}
    queries: dict = {}
    for size in sizes:
        if not OPTIONS.reuse:
            clone_to(size, templates, represented)
        began = time.perf_counter()
        _execute("ANALYZE")
        print(f"{Application.objects.count():,} applications (ANALYZE {time.perf_counter() - began:.0f} s), "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        time_pages(size, results, queries, OPTIONS.explain, OPTIONS.only)
    print_table(sizes, results, queries)


if __name__ == "__main__":
    main()
