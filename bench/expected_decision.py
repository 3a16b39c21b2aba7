"""Bench: when to expect a decision, on a large seeded history (PostgreSQL).

Seeds a throwaway PostgreSQL database with ``--files`` paper files (270,000 by default)
and their status history, about five rows each (a million ``StatusChange`` rows), in
bulk with ``generate_series``: files spread over three years and five programs, most
decided (approved or refused) after a random wait at each stage, the rest still waiting.
It fills ``StageDecision`` as the decisions would have (each decided file's wait at each
stage). Then it times ``casework.selectors.recent_decision_durations`` (the figure's one
query, for each program and stage) beside a trivial query (one application by its key), and
prints the plan PostgreSQL chose.

    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/portique_bench_expected \\
        .venv/bin/python bench/expected_decision.py --files 270000

The database named in DATABASE_URL is dropped and created again: never point it at a
database you keep.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portique.settings")


def recreate_database(url: str) -> None:
    import psycopg

    name = urlparse(url).path.lstrip("/")
    if not name.startswith("portique_bench"):
        raise SystemExit("The bench drops its database: give one whose name starts with portique_bench.")
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


SEED = """
INSERT INTO applications_application
    (public_id, program, channel, received_on, status, version, created_at, updated_at, submitted_at, urgent)
SELECT gen_random_uuid(),
       (ARRAY['pr_card','spouse_sponsorship','child_sponsorship','stay_extension','eta'])[1 + n %% 5],
       'paper', (now() - (n %% 1095) * interval '1 day')::date, 'submitted', 1,
       now() - (n %% 1095) * interval '1 day', now(), now() - (n %% 1095) * interval '1 day', false
FROM generate_series(1, %(files)s) AS n;

-- Each file's waits, in days, at each stage: screening, before processing, processing.
CREATE TEMP TABLE waits AS
SELECT id, submitted_at,
       (1 + random() * 20)::int AS screening,
       (1 + random() * 10)::int AS before_processing,
       (20 + random() * 150)::int AS processing,
       random() AS fate
FROM applications_application;

INSERT INTO applications_statuschange (application_id, from_status, to_status, at, reason)
SELECT id, 'signed', 'submitted', submitted_at, 'submitted' FROM waits
UNION ALL
SELECT id, 'submitted', 'accepted', submitted_at + screening * interval '1 day', 'accepted'
FROM waits WHERE submitted_at + screening * interval '1 day' < now() AND fate < 0.95
UNION ALL
SELECT id, 'accepted', 'in_processing', submitted_at + (screening + before_processing) * interval '1 day', 'started'
FROM waits WHERE submitted_at + (screening + before_processing) * interval '1 day' < now() AND fate < 0.95
UNION ALL
SELECT id, 'in_processing', CASE WHEN fate < 0.85 THEN 'approved' ELSE 'refused' END,
       submitted_at + (screening + before_processing + processing) * interval '1 day', 'decided'
FROM waits WHERE submitted_at + (screening + before_processing + processing) * interval '1 day' < now() AND fate < 0.95
UNION ALL
SELECT id, 'submitted', 'returned', submitted_at + screening * interval '1 day', 'returned'
FROM waits WHERE fate >= 0.95 AND submitted_at + screening * interval '1 day' < now();

-- What each decision writes (applications.stage_decisions): the file's wait at each stage.
INSERT INTO applications_stagedecision (application_id, program, stage, reached_at, decided_at)
SELECT d.application_id, a.program, s.to_status, s.at, d.at
FROM applications_statuschange d
JOIN applications_application a ON a.id = d.application_id
JOIN applications_statuschange s ON s.application_id = d.application_id
     AND s.to_status IN ('submitted', 'accepted', 'in_processing')
WHERE d.to_status IN ('approved', 'refused');

UPDATE applications_application AS a SET status = latest.to_status
FROM (SELECT DISTINCT ON (application_id) application_id, to_status FROM applications_statuschange
      ORDER BY application_id, at DESC, id DESC) AS latest
WHERE latest.application_id = a.id;
ANALYZE applications_application;
ANALYZE applications_statuschange;
ANALYZE applications_stagedecision;
"""


def timed(function, repeat: int) -> float:
    """The median wall time of ``repeat`` calls, in milliseconds (after one warm-up call)."""
    function()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=270_000)
    parser.add_argument("--repeat", type=int, default=20)
    arguments = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to a throwaway PostgreSQL database (portique_bench…).")
    recreate_database(url)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from portique.applications import stage_decisions
    from portique.applications.choices import Status
    from portique.applications.models import Application, StatusChange
    from portique.casework import selectors
    from portique.rules.programs import registry

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(SEED, {"files": arguments.files})
    seeded = time.perf_counter() - started
    rows = StatusChange.objects.count()
    decided = StatusChange.objects.filter(to_status__in=stage_decisions.DECIDED).count()
    print(f"seeded {arguments.files:,} files, {rows:,} status rows ({decided:,} decisions) in {seeded:.1f} s")

    today = timezone.localdate()
    some = Application.objects.order_by("pk").values_list("pk", flat=True)[arguments.files // 2]
    trivial = timed(lambda: Application.objects.filter(pk=some).first(), arguments.repeat)
    print(f"trivial query (one application by key): {trivial:.2f} ms")
    for stage in selectors.STAGES:
        for code in registry.codes():
            def figure(code=code, stage=stage):
                return selectors.recent_decision_durations(program=code, stage=stage, today=today)

            spent = timed(figure, arguments.repeat)
            times = selectors.decision_times(figure())
            print(
                f"{Status(stage).value:>14} {code:<20} {spent:7.2f} ms  sample {times.sample:>4}  "
                f"{times.within_count} of {times.sample} within {times.within_days} days"
            )
    sql, params = selectors.recent_decisions(
        program="pr_card", stage=Status.IN_PROCESSING, today=today
    ).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        print("\n".join(line for (line,) in cursor.fetchall()))


if __name__ == "__main__":
    main()
