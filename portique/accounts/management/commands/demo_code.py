"""``portique demo_code``: the current two-step verification codes of the demo accounts."""

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.core.management.base import BaseCommand

from portique.accounts.management.commands.demo import DEMO_ACCOUNTS
from portique.accounts.totp import current_code


class Command(BaseCommand):
    help = "Print the current 6-digit codes for the demo representative and officer (local use only)."

    def handle(self, *args, **options):
        emails = [email for email, *_ in DEMO_ACCOUNTS]
        totps = Authenticator.objects.filter(user__email__in=emails, type=Authenticator.Type.TOTP).select_related("user")
        for authenticator in totps:
            code = current_code(decrypt(authenticator.data["secret"]))
            self.stdout.write(f"{authenticator.user.email:<42} code: {code}")
        if not totps:
            self.stdout.write("No demo accounts with two-step verification: run `portique demo` first.")
