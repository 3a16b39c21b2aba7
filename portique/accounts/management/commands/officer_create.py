"""``portique officer_create``: an administrator creates an officer account (officers never sign up)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portique.accounts import services
from portique.accounts.choices import Language, OfficerRole


class Command(BaseCommand):
    help = "Create an officer with one or more roles and e-mail them a single-use link to choose a password."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--first-name", required=True)
        parser.add_argument("--last-name", required=True)
        parser.add_argument(
            "--role",
            action="append",
            required=True,
            choices=OfficerRole.values,
            dest="roles",
            help="Repeat for several roles.",
        )
        parser.add_argument("--language", choices=Language.values, default=Language.ENGLISH)

    def handle(self, *args, email, first_name, last_name, roles, language, **options):
        try:
            officer, url = services.officer_create(
                actor=None, email=email, first_name=first_name, last_name=last_name, roles=roles, language=language
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Officer {officer.email} created with roles: {', '.join(sorted(roles))}.")
        self.stdout.write(f"A link to choose a password was e-mailed; it works once, and expires: {url}")
