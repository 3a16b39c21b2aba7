"""``portique casework_reminders``: run once a day (cron, systemd timer) to remind
applicants of deadlines a week ahead and to tell them once when one has passed."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portique.casework.services import REMINDER_DAYS_BEFORE, requests_remind


class Command(BaseCommand):
    help = "Send reminders for requests due soon, and notices for requests overdue."

    def add_arguments(self, parser):
        parser.add_argument("--days-before", type=int, default=REMINDER_DAYS_BEFORE)

    def handle(self, *args, **options):
        reminded, overdue = requests_remind(on=timezone.localdate(), days_before=options["days_before"])
        self.stdout.write(f"{reminded} reminder(s), {overdue} overdue notice(s) sent.")
