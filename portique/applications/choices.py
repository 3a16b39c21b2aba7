from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Program(models.TextChoices):
    PR_CARD = "pr_card", _("Permanent resident card")
    SPOUSE_SPONSORSHIP = "spouse_sponsorship", _("Sponsorship of a spouse, common-law or conjugal partner")
    CHILD_SPONSORSHIP = "child_sponsorship", _("Sponsorship of a dependent child")


# Prefix of the application number shown to people, per program.
NUMBER_PREFIX = {Program.PR_CARD: "PRC", Program.SPOUSE_SPONSORSHIP: "SPS", Program.CHILD_SPONSORSHIP: "SPC"}

# Programs in which a sponsor (the account holder) applies with the people sponsored (IMM 5289).
SPONSORSHIPS = frozenset({Program.SPOUSE_SPONSORSHIP, Program.CHILD_SPONSORSHIP})


class Status(models.TextChoices):
    # The lifecycle of DESIGN.md. Labels are what the applicant reads on the dashboard.
    DRAFT = "draft", pgettext_lazy("application status", "Draft")
    READY_TO_SIGN = "ready_to_sign", pgettext_lazy("application status", "Ready to sign")
    SIGNED = "signed", pgettext_lazy("application status", "Signed")
    SUBMITTED = "submitted", pgettext_lazy("application status", "Submitted")
    RETURNED = "returned", pgettext_lazy("application status", "Returned")
    ACCEPTED = "accepted", pgettext_lazy("application status", "Received (acknowledged)")
    IN_PROCESSING = "in_processing", pgettext_lazy("application status", "In processing")
    APPROVED = "approved", pgettext_lazy("application status", "Approved")
    REFUSED = "refused", pgettext_lazy("application status", "Refused")
    WITHDRAWN = "withdrawn", pgettext_lazy("application status", "Withdrawn")


# Statuses in which the applicant may still change answers and documents.
EDITABLE = frozenset({Status.DRAFT, Status.READY_TO_SIGN, Status.SIGNED})


class PersonRole(models.TextChoices):
    PRINCIPAL_APPLICANT = "principal_applicant", _("Principal applicant")
    SPONSOR = "sponsor", _("Sponsor")
    DEPENDENT_CHILD = "dependent_child", _("Dependent child")
    # Signs for a principal applicant under 18 (IMM 5289 — Step 6); not an applicant.
    PARENT_OR_GUARDIAN = "parent_or_guardian", _("Parent or legal guardian")
