from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "portique.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from allauth.account.decorators import secure_admin_login
        from django.contrib import admin

        from . import checks, receivers  # noqa: F401 - registers the checks, connects the audit receivers

        # The admin signs in through the portal's own sign-in (lockout, MFA), never its own form.
        admin.site.login = secure_admin_login(admin.site.login)
