"""Attack: sign in to a production portal as the demo officer (a supervisor and an
administrator), whose password and two-step secret are in var/demo-accounts.txt:
``script/setup`` created the demo accounts whatever DEBUG said.

Now demo accounts exist only in development: ``script/setup`` does not create them with
DEBUG off, ``portique demo`` refuses, and ``portique check --deploy`` fails while one can
sign in (``portique demo --remove`` disables them).
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core import checks
from django.core.management import CommandError, call_command

from portique.accounts.models import User
from portique.accounts.selectors import DEMO_EMAIL_DOMAIN
from tests.accounts.conftest import login

ROOT = Path(__file__).resolve().parents[2]


def deploy_errors() -> set[str]:
    return {
        message.id for message in checks.run_checks(include_deployment_checks=True) if message.is_serious()
    }


@pytest.mark.django_db
def test_the_demo_command_refuses_when_debug_is_off(settings, tmp_path):
    settings.DEBUG = False
    settings.VAR_DIR = tmp_path
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("demo")
    with pytest.raises(CommandError):
        call_command("demo", "--if-new-database")
    assert not User.objects.exists()
    assert not (tmp_path / "demo-accounts.txt").exists()


@pytest.mark.django_db
def test_check_deploy_fails_while_a_demo_account_can_sign_in(settings, tmp_path, client, capsys):
    settings.VAR_DIR = tmp_path
    settings.DEBUG = True
    assert "portique.E001" not in deploy_errors()
    call_command("demo")
    out = capsys.readouterr().out
    assert "portique.E001" in deploy_errors()

    call_command("demo", "--remove")
    assert "portique.E001" not in deploy_errors()
    assert not (tmp_path / "demo-accounts.txt").exists()
    # The printed password no longer opens the applicant's account.
    password = out.split(f"applicant@{DEMO_EMAIL_DOMAIN}", 1)[1].split("password: ", 1)[1].split()[0]
    response = login(client, f"applicant@{DEMO_EMAIL_DOMAIN}", password)
    assert response.status_code == 200  # the sign-in page again, with an error
    assert not User.objects.filter(email__endswith=DEMO_EMAIL_DOMAIN, is_active=True).exists()


def test_script_setup_creates_no_demo_account_when_debug_is_off(tmp_path):
    """The real script/setup, on a new database, as a production install runs it. It runs
    from a copy of the checkout's scripts and catalogue beside the same .venv, with
    bootstrap (pip) left out, so that nothing in the checkout changes under the other
    tests running at the same time."""
    if not shutil.which("bash"):
        pytest.skip("bash is needed to run script/setup")
    checkout = tmp_path / "checkout"
    (checkout / "script").mkdir(parents=True)
    shutil.copy2(ROOT / "script/setup", checkout / "script/setup")
    (checkout / "script/bootstrap").write_text("#!/usr/bin/env bash\n# dependencies are installed already\n")
    (checkout / "script/bootstrap").chmod(0o755)
    shutil.copytree(ROOT / "portique/locale", checkout / "portique/locale")
    (checkout / ".venv").symlink_to(ROOT / ".venv")
    var = tmp_path / "var"
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PYTEST", "DATABASE_URL"))
    }
    environment.update(
        DEBUG="0",
        SECRET_KEY="test-only-" + "x" * 50,
        PORTIQUE_VAR_DIR=str(var),
        DATABASE_URL=f"sqlite:///{tmp_path / 'setup.sqlite3'}",
    )
    subprocess.run(
        ["bash", "script/setup"], cwd=checkout, env=environment, check=True, capture_output=True, timeout=600
    )
    count = subprocess.run(
        [str(ROOT / ".venv/bin/portique"), "shell", "-c",
         "from portique.accounts.models import User; print(User.objects.count())"],
        cwd=ROOT, env=environment, check=True, capture_output=True, text=True, timeout=120,
    )
    assert count.stdout.strip().splitlines()[-1] == "0"
    assert not (var / "demo-accounts.txt").exists()

    # The same script with DEBUG on does create them: the check above is not vacuous.
    environment["DEBUG"] = "1"
    subprocess.run(
        ["bash", "script/setup"], cwd=checkout, env=environment, check=True, capture_output=True, timeout=600
    )
    assert (var / "demo-accounts.txt").exists()
