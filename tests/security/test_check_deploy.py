"""``portique check --deploy`` (what ``script/server`` runs before serving with DEBUG off).

Run as its own process, with the environment a production server has (no ``.env``, DEBUG
off, a long random secret key, a real host name): it passes; each weak setting makes it
fail, so a server started with one refuses to serve.
"""

from __future__ import annotations

import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PORTIQUE = Path(sys.executable).with_name("portique")


def _check(tmp_path: Path, **overrides: str) -> subprocess.CompletedProcess:
    environment = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "portique.example.ca",
        "SITE_URL": "https://portique.example.ca",
        "PORTIQUE_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path}/portique.sqlite3",
        **overrides,
    }
    # Run from an empty directory, so that no .env of a developer's checkout is read; on a
    # migrated database, as a deployment is checked (the demo-account check reads it; a
    # setting that stops the portal from starting stops the migration too, and the check says why).
    subprocess.run(
        [str(PORTIQUE), "migrate", "--no-input", "-v", "0"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return subprocess.run(
        [str(PORTIQUE), "check", "--deploy", "--fail-level", "WARNING"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check(tmp_path):
    done = _check(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


@pytest.mark.parametrize(
    ("weak", "check_id"),
    [
        ({"SECURE_HSTS_SECONDS": "0"}, "security.W004"),
        ({"SECURE_SSL_REDIRECT": "0"}, "security.W008"),
        ({"SECRET_KEY": "django-insecure-short"}, "security.W009"),
        ({"DEBUG": "1"}, "security.W018"),
        ({"SITE_URL": "http://127.0.0.1:8000"}, "portique.E010"),
    ],
    ids=["no HSTS", "no HTTPS redirect", "weak secret key", "DEBUG on", "e-mail links to this machine"],
)
def test_a_weak_setting_fails_the_deploy_check(tmp_path, weak, check_id):
    done = _check(tmp_path, **weak)
    assert done.returncode != 0
    assert check_id in done.stdout + done.stderr


def test_without_a_secret_key_the_portal_does_not_start(tmp_path):
    done = _check(tmp_path, SECRET_KEY="")
    assert done.returncode != 0
    assert "SECRET_KEY" in done.stderr
