import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.management import call_command

from portique.accounts.choices import RepresentativeStatus
from portique.accounts.models import User
from portique.accounts.totp import current_code

from .conftest import login

pytestmark = pytest.mark.django_db


def test_demo_accounts_can_sign_in_with_the_printed_password_and_code(client, capsys, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.DEBUG = True  # demo accounts exist only in development (the test runner turns DEBUG off)
    call_command("demo")
    out = capsys.readouterr().out
    assert (tmp_path / "demo-accounts.txt").read_text() == out
    for email in ("applicant", "representative", "officer"):
        assert EmailAddress.objects.get(email=f"{email}@demo.portique.localhost").verified
    rep = User.objects.get(email="representative@demo.portique.localhost")
    assert rep.representative_profile.status == RepresentativeStatus.VERIFIED
    officer = User.objects.get(email="officer@demo.portique.localhost")
    assert officer.has_perm("accounts.verify_representative") and officer.has_perm("accounts.view_audit")
    assert Authenticator.objects.filter(user__in=[rep, officer], type="totp").count() == 2

    password = re.search(r"representative@demo\S*\s+password: (\S+)", out).group(1)
    secret = re.search(r"representative@demo[^\n]*\n\s+two-step verification \(TOTP\) secret: (\w+)", out).group(1)
    assert login(client, rep.email, password)["Location"] == "/en/account/2fa/authenticate/"
    client.post("/en/account/2fa/authenticate/", {"code": current_code(secret)})
    assert client.get("/en/account/").status_code == 200

    call_command("demo_code")
    assert re.search(r"officer@demo\S*\s+code: \d{6}", capsys.readouterr().out)
