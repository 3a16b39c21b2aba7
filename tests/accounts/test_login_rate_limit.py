"""Sign-ins per client address: allauth's limit, which only a load test may raise."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSWORD

from .conftest import login

ROOT = Path(__file__).resolve().parents[2]
VARIABLE = "LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE"
# What allauth applies to sign-ins and failed sign-ins, read in a fresh process with the
# real settings (not the test settings), as the server would read them.
PROBE = (
    "import json, django; django.setup();"
    "from allauth.account import app_settings as a;"
    "print(json.dumps({k: a.RATE_LIMITS[k] for k in ('login', 'login_failed', 'reset_password', 'signup')}))"
)


def _limits(tmp_path, **extra) -> dict:
    environment = {k: v for k, v in os.environ.items() if k != VARIABLE}
    environment.update(
        DJANGO_SETTINGS_MODULE="portique.settings", DEBUG="1", PORTIQUE_VAR_DIR=str(tmp_path), **extra
    )
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_by_default_the_limits_are_allauths_own(tmp_path):
    assert _limits(tmp_path) == {
        "login": "30/m/ip",
        "login_failed": "10/m/ip,5/300s/key",
        # Tighter than allauth's own: both send e-mail to the address typed (issue 16).
        "reset_password": "20/m/ip,60/h/ip,5/m/key,10/h/key",
        "signup": "10/m/ip,30/h/ip",
    }


def test_the_environment_raises_only_the_sign_ins_per_address(tmp_path):
    limits = _limits(tmp_path, **{VARIABLE: "100000"})
    assert limits["login"] == "100000/m/ip"
    # Failed sign-ins stay limited, and the lockout is untouched: guessing is as slow as ever.
    assert limits["login_failed"] == "10/m/ip,5/300s/key"


@pytest.mark.django_db
def test_the_thirty_first_sign_in_in_a_minute_from_one_address_is_refused(client, applicant, settings):
    assert settings.LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE == 30
    for _ in range(30):
        assert login(client, applicant.email, PASSWORD).status_code == 302
        client.logout()
    assert login(client, applicant.email, PASSWORD).status_code == 429
