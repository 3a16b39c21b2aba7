"""System checks of the accounts: ``portique check --deploy`` fails while a demo account
can sign in, since its password and two-step secret sit in a file on the server
(var/demo-accounts.txt) and the demo officer is a supervisor and an administrator."""

from __future__ import annotations

from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError


@register(Tags.security, deploy=True)
def no_demo_accounts(app_configs=None, **kwargs):
    from .selectors import demo_accounts

    try:
        emails = sorted(demo_accounts().values_list("email", flat=True))
    except DatabaseError as error:
        return [
            Warning(
                f"Could not check for demo accounts: {error}",
                hint="Run the check again once the database is reachable and migrated.",
                id="portique.W001",
            )
        ]
    if not emails:
        return []
    return [
        Error(
            "Demo accounts exist and can sign in: " + ", ".join(emails) + ".",
            hint="Remove them with `portique demo --remove` (their passwords and codes are in var/demo-accounts.txt).",
            id="portique.E001",
        )
    ]
