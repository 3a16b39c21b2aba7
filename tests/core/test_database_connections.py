"""A worker keeps its database connection between requests, on SQLite as on PostgreSQL."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s;"
    "d = s.DATABASES['default']; print(json.dumps([d['ENGINE'], d['CONN_MAX_AGE'], d.get('CONN_HEALTH_CHECKS', False)]))"
)


def _database(tmp_path, **extra) -> list:
    environment = {k: v for k, v in os.environ.items() if k not in ("CONN_MAX_AGE", "DATABASE_URL")}
    environment.update(
        DJANGO_SETTINGS_MODULE="portique.settings", DEBUG="1", PORTIQUE_VAR_DIR=str(tmp_path), **extra
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (None, ["django.db.backends.sqlite3", 60, False]),
        ("postgres://postgres@127.0.0.1:5432/portique", ["django.db.backends.postgresql", 60, True]),
    ],
)
def test_connections_are_kept_for_a_minute_by_default(tmp_path, url, expected):
    assert _database(tmp_path, **({"DATABASE_URL": url} if url else {})) == expected


def test_the_environment_can_turn_it_off(tmp_path):
    assert _database(tmp_path, CONN_MAX_AGE="0")[1] == 0
