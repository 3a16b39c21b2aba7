import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models.functions import NullIf
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from portique.rules.programs import registry

from .choices import Channel, PaperBasis, PersonRole, Program, ReceiptChannel, SignatureMethod, Status

# The deadline of a file with no open request: after every real one.
NO_DEADLINE = date(9999, 12, 31)


def has_open_request(via: str = "") -> models.Q:
    """The files with an open request for documents: their earliest open deadline is a real one.
    ``via``: the path from the model queried to its application (``"application__"``)."""
    return models.Q(**{f"{via}open_request_due_on__lt": NO_DEADLINE})


def earliest_open_deadline(via: str = "") -> NullIf:
    """The file's earliest open request deadline, None when no request is open."""
    return NullIf(f"{via}open_request_due_on", models.Value(NO_DEADLINE))


# The sponsorships being processed (accepted or in processing): the officers' "Sponsors to
# assess" queue filters on this very condition (``casework.selectors``), so its partial indexes
# below always serve it. Sorted, so that the indexes' migration does not change with the
# registry's order.
SPONSORSHIPS_IN_PROCESSING = models.Q(
    program__in=sorted(definition.code for definition in registry.programs() if definition.sponsored),
    status__in=[Status.ACCEPTED, Status.IN_PROCESSING],
)


class Application(models.Model):
    """An application ("dossier"): one program, its people and their answers.

    An online application has one owner (the account it is made from). A paper one has
    none: it was received at the address the Minister specifies (IRPR 11) and is
    registered by an officer (``PaperIntake``); ``received_on`` is then its application date.

    ``public_id`` appears in URLs (never the sequential key); ``number`` is what the
    applicant quotes. ``version`` increases with every change so that a stale page
    cannot overwrite newer answers and a signature can say which version it signed.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    number = models.CharField(_("application number"), max_length=20, unique=True, null=True, blank=True)
    # One of registry.codes(). No database choices: a new program is a new definition in
    # portique.rules.programs, never a migration (docs/architecture.md, "Adding a program").
    program = models.CharField(_("program"), max_length=40)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("owner"),
        null=True,
        blank=True,
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    received_on = models.DateField(_("date received"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The returned application (IRPR 12) this one was started again from: its grounds, its
    # documents and its answers as submitted stay linked to the new one.
    restarted_from = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="restarts",
        verbose_name=_("started again from"),
    )
    # Marked urgent by the applicant or an officer after submission; every change is an
    # ``UrgencyChange`` row (who, when, why). The queues sort on it.
    urgent = models.BooleanField(_("urgent"), default=False)
    # The earliest deadline of the file's open requests for documents, ``NO_DEADLINE`` when none
    # is open: kept by casework's request services (``casework.services.requests.deadline_refresh``)
    # so that the work queues sort by it and find the files waiting for an answer or overdue
    # through an index. Worked out per file from the requests at each page, it made the page
    # compute it for every file of the queue before sorting (5.8 s at 1,000,000 files, issue 19).
    # A date far in the future rather than NULL: the files without a deadline sort last in every
    # database, and the keyset cursor of the queue's pages carries a value.
    open_request_due_on = models.DateField(_("earliest open request deadline"), default=NO_DEADLINE)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["owner", "-created_at"]),
            models.Index(fields=["status", "submitted_at"]),
            # The work queues' "urgent first" order within a status (issue 19: read from the index, not sorted).
            models.Index(fields=["status", "-urgent", "submitted_at", "id"]),
            # The queues' "earliest deadline first" order within a status, and the files waiting
            # for an answer or overdue (a range of deadlines, in any status).
            models.Index(fields=["status", "open_request_due_on", "submitted_at", "id"]),
            models.Index(fields=["open_request_due_on", "submitted_at", "id"]),
            # "Sponsors to assess" filters on two lists (the sponsorships; accepted or in
            # processing), which no index above can read in order: at 1,000,000 files it read
            # every file and sorted its 52,600 sponsorships, 150–230 ms (issue 19). These small
            # indexes hold only those files, one per order of the queue (a backward read of the
            # first serves "newest"). The queue filters on the same condition; a test checks it
            # reads them on PostgreSQL.
            *(
                models.Index(fields=fields, condition=SPONSORSHIPS_IN_PROCESSING, name=name)
                for name, fields in (
                    ("app_sponsor_queue_oldest", ["submitted_at", "id"]),
                    ("app_sponsor_queue_due", ["open_request_due_on", "submitted_at", "id"]),
                    ("app_sponsor_queue_urgent", ["-urgent", "submitted_at", "id"]),
                )
            ),
            # The same for the files with an open request ("Waiting for an answer", "Overdue":
            # 52,600 and 31,600 files at 1,000,000): the range of deadlines is read from the index
            # above, but the two orders other than the deadline sorted it (90–145 ms).
            *(
                models.Index(fields=fields, condition=has_open_request(), name=name)
                for name, fields in (
                    ("app_open_request_oldest", ["submitted_at", "id"]),
                    ("app_open_request_urgent", ["-urgent", "submitted_at", "id"]),
                )
            ),
        ]
        constraints = [
            # The database, not only the services, keeps the two channels apart: an online
            # application has its account; a paper one has its date of receipt and no account.
            models.CheckConstraint(
                condition=(
                    models.Q(channel=Channel.ONLINE, owner__isnull=False, received_on__isnull=True)
                    | models.Q(channel=Channel.PAPER, owner__isnull=True, received_on__isnull=False)
                ),
                name="application_channel_owner_received_on",
            ),
        ]

    def __str__(self) -> str:
        return self.number or str(self.public_id)

    @cached_property
    def definition(self):
        """The program's definition: every question about what this program is goes to it."""
        return registry.program(self.program)

    def get_program_display(self) -> str:
        return Program(self.program).label

    @property
    def on_paper(self) -> bool:
        return self.channel == Channel.PAPER

    @property
    def has_open_request(self) -> bool:
        """An officer's request for documents waits for an answer (the row's ``has_open_request``)."""
        return self.open_request_due_on < NO_DEADLINE

    def application_date(self, today: date) -> date:
        """The date the rules read for this application, given ``today``.

        A paper application was made on the day it was received (IRPR 11): every
        validation, evaluation and fee quote of it reads that day, whenever it is typed in.
        An online one is read on the day asked (``today``, or its submission date).
        """
        return self.received_on or today


class Person(models.Model):
    """A person in an application, with their answers to each form, by form code."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(_("role"), max_length=40, choices=PersonRole.choices)
    position = models.PositiveSmallIntegerField(default=0)
    answers = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["application", "position"], name="one_person_per_position")]

    def __str__(self) -> str:
        return f"{self.application} #{self.position} {self.role}"


class StatusChange(models.Model):
    """Append-only history: every lifecycle transition, who made it, when and why."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.application}: {self.from_status or '∅'} → {self.to_status}"


class Signature(models.Model):
    """A signature: the name, what was declared, and what was signed.

    Online, the signer types their name (``signer`` is their account). On paper, the forms
    are signed by hand: an officer records that the person's handwritten signature is on
    them (``method`` handwritten, ``recorded_by`` the officer, no ``signer`` account).

    ``content_hash`` is the SHA-256 of the application's content at signing, so the
    officer can tell that what was submitted is what was signed. An edit after
    signing clears the signature (``cleared_at``); rows are never deleted.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="signatures")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="signatures")
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    method = models.CharField(max_length=12, choices=SignatureMethod.choices, default=SignatureMethod.ELECTRONIC)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    typed_name = models.CharField(max_length=200)
    declaration_version = models.CharField(max_length=60)
    content_hash = models.CharField(max_length=64)
    application_version = models.PositiveIntegerField()
    signed_at = models.DateTimeField(auto_now_add=True)
    cleared_at = models.DateTimeField(null=True, blank=True)
    cleared_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["signed_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(method=SignatureMethod.ELECTRONIC, signer__isnull=False)
                    | models.Q(method=SignatureMethod.HANDWRITTEN, signer__isnull=True, recorded_by__isnull=False)
                ),
                name="signature_signed_online_or_recorded_from_paper",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} signed by {self.typed_name}"


class Submission(models.Model):
    """The moment an application was submitted: one per application, ever."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="submission")
    confirmation_number = models.CharField(max_length=20, unique=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(auto_now_add=True)
    content_hash = models.CharField(max_length=64)
    # The answers exactly as submitted: later reads never depend on mutable rows.
    snapshot = models.JSONField()

    def __str__(self) -> str:
        return self.confirmation_number


class AddressChange(models.Model):
    """A new mailing address given after submission (IMM 5445: "Mise à jour de vos coordonnées").

    Rows are appended, never changed: the latest one is the address on file, and the
    submitted snapshot keeps the address as it was submitted. Who gave it and when are
    part of the row; officers read them through ``selectors.address_changes_of``.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="address_changes")
    street = models.CharField(_("street number and name, apartment"), max_length=200)
    city = models.CharField(_("city or town"), max_length=200)
    province = models.CharField(_("province or territory"), max_length=2)
    postal_code = models.CharField(_("postal code"), max_length=7)
    phone = models.CharField(_("telephone number"), max_length=25, blank=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("change of address")
        verbose_name_plural = _("changes of address")

    def __str__(self) -> str:
        return f"{self.application}: {self.postal_code} ({self.changed_at:%Y-%m-%d})"


class PersonChange(models.Model):
    """Append-only: a person declared in, or taken out of, an application, by whom and why.

    A family member left out of a sponsorship can never be sponsored later (IRPR
    117(9)(d)), so every change to who is declared is kept, even for a removed person.
    """

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="people_changes")
    position = models.PositiveSmallIntegerField()
    role = models.CharField(max_length=40, choices=PersonRole.choices)
    added = models.BooleanField()
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.application} #{self.position} {'+' if self.added else '−'}{self.role}"


class PaperIntake(models.Model):
    """How a paper application came in, registered by an officer (IRPR 11; seed 000).

    Nothing about a disability is recorded beyond the fact that the application relies
    on the accommodation (IRPR 9.5: the person never has to describe it). ``flag`` holds
    the rules' reason when the application relies on no valid exemption
    (``rules.paper_submission.paper_application_check``), as data: code, rule, citation,
    English and French.
    """

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="paper_intake")
    receipt_channel = models.CharField(_("how it arrived"), max_length=12, choices=ReceiptChannel.choices)
    basis = models.CharField(_("exemption or accommodation relied on"), max_length=30, choices=PaperBasis.choices)
    system_restriction = models.CharField(_("situation in the table of exemptions"), max_length=60, blank=True)
    applicant_name = models.CharField(_("applicant's name"), max_length=200)
    mailing_address = models.TextField(_("mailing address"))
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(_("language of correspondence"), max_length=2)
    flag = models.JSONField(default=dict, blank=True)
    # The photos received, as the officer read their envelope (IMM 5445 Step 1, PRC-63):
    # count, identical, taken_on, in_small_envelope, name_on_envelope, stapled_or_clipped.
    # Empty until recorded (``paper_intake.paper_photos_record``); the rules' case reads it.
    photos = models.JSONField(default=dict, blank=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("paper intake")
        verbose_name_plural = _("paper intakes")

    def __str__(self) -> str:
        return f"{self.application} ({self.get_receipt_channel_display()})"

    @property
    def by_mail(self) -> bool:
        """Letters go by mail unless an e-mail address was given (X-10)."""
        return not self.email

    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.mailing_address.splitlines() if line.strip()]


class PaperFollower(models.Model):
    """The account a paper application is followed from, linked by its applicant.

    The applicant proves it is theirs with its number and facts only they gave on paper
    (``paper_follow.paper_application_link``). The account then reads the application (its
    status, letters and requests), never changes it: it stays a paper application, still
    mailed as the intake says; letters are also announced to the account by e-mail.
    """

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="online_follower")
    account = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="followed_paper")
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("paper application followed online")
        verbose_name_plural = _("paper applications followed online")

    def __str__(self) -> str:
        return f"{self.application} followed by {self.account_id}"


from .people.eligibility_models import SponsorEligibilityAnswers  # noqa: E402, F401  (before a sponsorship starts, issue 14)
from .stage_decision_models import StageDecision  # noqa: E402, F401  (each decided file's wait per stage, issue 15)
from .submission.assessment_models import RulesAssessment  # noqa: E402, F401  (the rules' assessment frozen at submission)
from .urgency_models import UrgencyChange  # noqa: E402, F401  (the urgent flag's history, issue 15)
