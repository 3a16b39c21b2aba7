"""``portique demo``: demo accounts for trying the portal on a local machine.

The representative and the officer have an authenticator app already set up (MFA is
required for them); their TOTP secrets are printed, with the current codes, and kept
in var/demo-accounts.txt. ``portique demo_code`` prints fresh codes later.

Never in production: the command refuses when DEBUG is off (the demo officer is an
administrator whose password and secret are in a file on the server), and
``portique check --deploy`` fails while a demo account can sign in.
``portique demo --remove`` takes them away.
"""

import io
import secrets

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from PIL import Image

from portique.accounts.choices import (
    IdentityDocumentType,
    Language,
    MembershipBody,
    OfficerRole,
    RepresentativeStatus,
    Role,
)
from portique.accounts.models import RepresentativeProfile, User
from portique.accounts.selectors import DEMO_EMAIL_DOMAIN, demo_accounts
from portique.accounts.totp import current_code

DEMO_ACCOUNTS = [
    (f"applicant@{DEMO_EMAIL_DOMAIN}", Role.APPLICANT, "Alex", "Tremblay", Language.ENGLISH),
    (f"representative@{DEMO_EMAIL_DOMAIN}", Role.REPRESENTATIVE, "Camille", "Roy", Language.FRENCH),
    (f"officer@{DEMO_EMAIL_DOMAIN}", Role.OFFICER, "Jordan", "Singh", Language.ENGLISH),
]
# The demo officer can do everything an officer can, to show every page.
DEMO_OFFICER_ROLES = [OfficerRole.SUPERVISOR, OfficerRole.ADMINISTRATOR]


def _demo_id_document() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (600, 400), (200, 210, 230)).save(buffer, format="PNG")
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Create (or reset) the demo applicant, representative and officer accounts and print how to sign in."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-new-database",
            action="store_true",
            help="Do nothing when the database already has accounts (used by script/setup).",
        )
        parser.add_argument(
            "--remove",
            action="store_true",
            help="Take the demo accounts away (deleted, or disabled when records refer to them).",
        )

    def handle(self, *args, **options):
        if options["remove"]:
            self._remove()
            return
        if not settings.DEBUG:
            raise CommandError(
                "Demo accounts are for a local machine only: DEBUG is off, so none are created. "
                "(`portique demo --remove` takes existing ones away.)"
            )
        if options["if_new_database"] and User.objects.exists():
            return
        lines = ["Demo accounts (local use only):"]
        with transaction.atomic():
            for email, role, first, last, language in DEMO_ACCOUNTS:
                # A fresh random password each run: nothing guessable ever ships.
                password = "-".join(secrets.token_hex(3) for _ in range(3))
                user, _ = User.objects.get_or_create(
                    email=email,
                    defaults={"role": role, "first_name": first, "last_name": last, "preferred_language": language},
                )
                user.set_password(password)
                user.is_staff = role == Role.OFFICER
                user.save()
                EmailAddress.objects.update_or_create(
                    user=user, email=email, defaults={"verified": True, "primary": True}
                )
                lines.append(f"  {role.label:<20} {email:<42} password: {password}")
                if role == Role.REPRESENTATIVE:
                    self._representative_profile(user)
                if role == Role.OFFICER:
                    user.groups.set(Group.objects.filter(name__in=DEMO_OFFICER_ROLES))
                if role in (Role.REPRESENTATIVE, Role.OFFICER):
                    Authenticator.objects.filter(user=user).delete()
                    secret = generate_totp_secret()
                    TOTP.activate(user, secret)
                    RecoveryCodes.activate(user)
                    lines.append(
                        f"  {'':<20} two-step verification (TOTP) secret: {secret}  (code now: {current_code(secret)})"
                    )
        lines += [
            "",
            "Representatives and officers also enter a 6-digit code after the password: add the secret",
            "to any authenticator app (time-based, 6 digits, 30 s), or run `.venv/bin/portique demo_code`",
            "to print the current codes.",
        ]
        text = "\n".join(lines) + "\n"
        (settings.VAR_DIR / "demo-accounts.txt").write_text(text)
        (settings.VAR_DIR / "demo-accounts.txt").chmod(0o600)
        self.stdout.write(text)

    def _remove(self) -> None:
        removed = 0
        for user in demo_accounts():
            with transaction.atomic():
                Authenticator.objects.filter(user=user).delete()
                user.groups.clear()
                user.set_unusable_password()
                user.is_active = False
                user.is_staff = user.is_superuser = False
                user.save()
            removed += 1
        demo_file = settings.VAR_DIR / "demo-accounts.txt"
        demo_file.unlink(missing_ok=True)
        # Disabled rather than deleted: applications, payments and the audit log may
        # refer to them, and those records are never deleted.
        self.stdout.write(f"Demo accounts disabled: {removed}.\n")

    def _representative_profile(self, user: User) -> None:
        profile = getattr(user, "representative_profile", None) or RepresentativeProfile(user=user)
        profile.organisation = "Roy Immigration Conseil"
        profile.address_line = "100 rue Principale"
        profile.city = "Gatineau"
        profile.province = "QC"
        profile.postal_code = "J8X 1A1"
        profile.country = "Canada"
        profile.telephone = "819-555-0100"
        profile.membership_body = MembershipBody.CICC
        profile.membership_number = "R700000"
        profile.id_document_type = IdentityDocumentType.PASSPORT
        content = _demo_id_document()
        profile.id_document_content_type = "image/png"
        profile.id_document_size = len(content)
        profile.status = RepresentativeStatus.VERIFIED
        profile.decided_at = timezone.now()
        profile.id_document.save("document.png", ContentFile(content), save=False)
        profile.save()
