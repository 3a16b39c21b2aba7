"""The officer's side of an application: screening, letters, requests, biometrics,
medical exams, interviews, quality assurance, the decision, notes and the logs.

Every row here is written by ``portique.casework.services`` only. Status changes of
the application itself stay in ``applications.StatusChange``; ``CaseEvent`` records
everything else an officer or the applicant did to the file, and ``FileAccess``
every time an officer opened it or one of its files.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portique.applications.models import Application, Person
from portique.rules.correspondence import CorrespondenceChannel

from .choices import (
    AccessKind,
    CardDelivery,
    DecisionOutcome,
    EventKind,
    FindingSource,
    InterviewMode,
    InterviewOutcome,
    InterviewPurpose,
    LetterKind,
    PersonOutcome,
    PoliceCertificateState,
    RequestState,
    ScreeningOutcome,
    Verdict,
)


def private_name(instance, filename: str) -> str:
    """A name nobody can guess; the extension is the only thing kept from ``filename``."""
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    token = uuid.uuid4().hex
    return f"casework/{token[:2]}/{token}.{extension}"


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("This log cannot be changed.")

    def delete(self):
        raise TypeError("This log cannot be deleted.")


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("This log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("This log cannot be deleted.")


class Screening(models.Model):
    """The completeness check of one submitted application (IRPR 10, 12)."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="screening")
    # The application date the rules were asked about: the day it was submitted.
    screened_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=20, choices=ScreeningOutcome.choices, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    # What the refund rules said when the application was returned (portique.rules.fees).
    refund = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")

    def __str__(self) -> str:
        return f"{self.application} screening"


class Finding(models.Model):
    """One s.10 finding: from the rules or added by the officer, then confirmed or overridden."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    screening = models.ForeignKey(Screening, on_delete=models.PROTECT, related_name="findings")
    source = models.CharField(max_length=10, choices=FindingSource.choices)
    code = models.CharField(max_length=80)
    rule = models.CharField(max_length=100, blank=True)
    citation = models.CharField(max_length=300)
    en = models.TextField()
    fr = models.TextField()
    subject = models.CharField(max_length=200, blank=True)
    # The officer's own words about this item (e.g. which page is illegible), shown as typed.
    detail = models.TextField(blank=True)
    verdict = models.CharField(max_length=12, choices=Verdict.choices, default=Verdict.PENDING)
    verdict_reason = models.TextField(blank=True)
    verdict_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    verdict_at = models.DateTimeField(null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.screening.application} {self.code} ({self.verdict})"

    def message(self, language: str) -> str:
        return self.fr if language.startswith("fr") else self.en


class Letter(models.Model):
    """A letter to the applicant: one PDF in each official language, kept with the application.

    ``language`` is the applicant's; the other version is always there too. The files
    live in the private storage and are served only through authorised views.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="letters")
    kind = models.CharField(_("letter"), max_length=30, choices=LetterKind.choices)
    language = models.CharField(max_length=2)
    pdf_en = models.FileField(upload_to=private_name, max_length=200)
    pdf_fr = models.FileField(upload_to=private_name, max_length=200)
    # Where the rules send correspondence: the online account, e-mail or mail.
    channel = models.CharField(max_length=20)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["issued_at", "id"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        indexes = [
            # The letters to print and mail (``selectors.letters_to_mail``): the few letters to a
            # paper applicant without e-mail, made, in their order; the other letters (nearly
            # all) are not in it, so the list and its count read only these (issue 19). The
            # mailed ones stay in it (``LetterMailed`` is another table), found by its unique key.
            models.Index(
                fields=["issued_at", "id"],
                condition=models.Q(channel=CorrespondenceChannel.MAIL.value) & ~models.Q(pdf_en=""),
                name="casework_letter_to_mail_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.kind}"

    def pdf(self, language: str):
        return self.pdf_fr if language == "fr" else self.pdf_en

    @property
    def made(self) -> bool:
        """Are its PDFs there? A letter left to a task worker has none until the worker makes them."""
        return bool(self.pdf_en.name) and bool(self.pdf_fr.name)


class LetterMailed(AppendOnly):
    """An officer's record that a letter to be printed and mailed was mailed: the day, and who.

    Only a letter whose channel is the mail has one, and at most one (a letter is mailed once).
    """

    letter = models.OneToOneField(Letter, on_delete=models.PROTECT, related_name="mailed")
    mailed_on = models.DateField(_("date mailed"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.letter} mailed {self.mailed_on}"


class DocumentRequest(models.Model):
    """An officer's request for documents or information, with its deadline (X-13, SP-225)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="document_requests")
    description = models.TextField(_("what is requested"))
    due_on = models.DateField(_("deadline"))
    state = models.CharField(max_length=10, choices=RequestState.choices, default=RequestState.OPEN)
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    answer_text = models.TextField(blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    overdue_notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        indexes = [
            models.Index(fields=["state", "due_on"]),
            # A file's open requests and their earliest deadline (the queues, per row: issue 19).
            models.Index(fields=["application", "state", "due_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.application} request due {self.due_on}"

    def overdue_on(self, day) -> bool:
        return self.state == RequestState.OPEN and self.due_on < day


class RequestFile(models.Model):
    """A file the applicant sent in answer to a request, checked by its content."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    request = models.ForeignKey(DocumentRequest, on_delete=models.PROTECT, related_name="files")
    file = models.FileField(upload_to=private_name, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=40)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class BiometricsInstruction(models.Model):
    """A biometric instruction letter (PRC-32, SP-141) to one person and when their biometrics were
    collected. ``person`` is empty on letters sent before letters were per person: those were the
    principal applicant's."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="biometrics_instructions"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="+")
    # The rules' reasons for requiring biometrics (Reason.as_dict()), as they stood.
    reasons = models.JSONField(default=list)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)
    collected_on = models.DateField(null=True, blank=True)
    collected_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    collected_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["issued_at", "id"]

    def __str__(self) -> str:
        return f"{self.application} BIL"


class MedicalInstruction(models.Model):
    """Medical exam instructions for one person, with the 30-day window (SP-222)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="medical_instructions"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    issued_on = models.DateField()
    due_on = models.DateField()
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="+")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)
    result_on = models.DateField(null=True, blank=True)
    result_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    result_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["issued_at", "id"]

    def __str__(self) -> str:
        return f"{self.application} medical {self.person.position}"


class Interview(models.Model):
    """An interview: when, how, where, what to bring (SP-227), and what happened."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="interviews")
    purpose = models.CharField(
        max_length=20, choices=InterviewPurpose.choices, default=InterviewPurpose.PROCESSING
    )
    starts_at = models.DateTimeField()
    mode = models.CharField(max_length=10, choices=InterviewMode.choices)
    place = models.TextField()
    documents_to_bring = models.TextField()
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="+")
    scheduled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    scheduled_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=20, choices=InterviewOutcome.choices, blank=True)
    # Internal: never shown to the applicant.
    outcome_notes = models.TextField(blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return f"{self.application} interview {self.starts_at:%Y-%m-%d %H:%M}"


class QualityAssuranceSelection(models.Model):
    """A random selection for special review (PRC-99e): the share in force, the draw, the letter."""

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="quality_assurance"
    )
    share = models.DecimalField(max_digits=5, decimal_places=4)
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="+")
    selected_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.application} QA"


class Decision(models.Model):
    """The decision on an application, by a named decision-maker, with its letter."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="decision")
    outcome = models.CharField(max_length=12, choices=DecisionOutcome.choices)
    reasons = models.TextField(blank=True)
    card_delivery = models.CharField(max_length=10, choices=CardDelivery.choices, blank=True)
    pick_up_details = models.TextField(blank=True)
    applicant_is_citizen = models.BooleanField(default=False)
    # What the refund rules said (portique.rules.fees.assess_refund), as it stood.
    refund = models.JSONField(default=dict, blank=True)
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.application} {self.outcome}"


class NoteQuerySet(AppendOnlyQuerySet):
    def on_file(self):
        """The notes the applicant reads (``casework.applicant_file``): never an internal one."""
        return self.filter(on_file=True)

    def internal(self):
        return self.filter(on_file=False)


class InternalNote(AppendOnly):
    """An officer's note on the file: either *to the file* (``on_file``), which the applicant and
    their representative read, dated and without the officer's name; or internal, for officers
    only, with the reason it is kept internal. (The name is from when every note was internal.)

    Applicant-side code reads notes only through ``InternalNote.objects.on_file()``.
    """

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="internal_notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    on_file = models.BooleanField(default=False)
    # Why an internal note is not on the file; empty for a note to the file (a constraint says so).
    internal_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(on_file=True) & models.Q(internal_reason=""))
                | (models.Q(on_file=False) & ~models.Q(internal_reason="")),
                name="internal_note_has_a_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} note by {self.author_id}"


class CaseEvent(AppendOnly):
    """Append-only story of the file besides its status changes: who, what, when, why."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="case_events")
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["application", "at"])]

    def __str__(self) -> str:
        return f"{self.application} {self.kind}"


class FileAccess(AppendOnly):
    """Each opening of a file or of one of its documents by an officer (who, what, when)."""

    officer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    officer_email = models.CharField(max_length=254)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=30, choices=AccessKind.choices)
    # What was opened, as the officer saw it (a document's name, a letter's kind).
    what = models.CharField(max_length=300, blank=True)
    # The public id of the document, request file or letter opened (empty for a page of the
    # file): the applicant's "Your file" page shows, for each, who opened it and when.
    opened = models.UUIDField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["application", "-at"]),
            models.Index(fields=["officer", "-at"]),
            # The access log's order, read by cursor (issue 19).
            models.Index(fields=["-at", "-id"]),
        ]
        permissions = [("view_file_access", _("Can read who opened which application file"))]

    def __str__(self) -> str:
        return f"{self.at.isoformat()} {self.officer_email} {self.kind} {self.application_id}"


class SponsorAssessment(AppendOnly):
    """The sponsor assessed first (IMM 5289 — « Examen d'admissibilité »): approved, or refused with reasons.

    ``imm1344_choice`` is what the sponsor chose at IMM 1344 question 1, as it stood when the
    sponsor was refused: withdraw (the application is withdrawn, fees refunded but the
    sponsorship fee) or proceed (the application for permanent residence goes on to its
    decision, likely a refusal).
    """

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="sponsor_assessment")
    approved = models.BooleanField()
    reasons = models.TextField(blank=True)
    imm1344_choice = models.CharField(max_length=10, blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.application} sponsor {'approved' if self.approved else 'refused'}"


class PersonDecision(models.Model):
    """One person's outcome in a sponsorship decision: the officer's finding, the rules' outcome.

    The principal applicant and each accompanying family member are approved or refused;
    a family member who does not accompany is examined only (IRPR 10(3), 117(9)(d)).
    ``reasons`` are the rules' reasons (``Reason.as_dict()``) as they stood.
    """

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="people")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    accompanying = models.BooleanField()
    # The decision-maker's finding: meets the requirements (admissible) or not; null when not
    # needed (the sponsorship itself failed).
    meets_requirements = models.BooleanField(null=True)
    findings = models.TextField(blank=True)
    # For a family member who does not accompany: who has custody (IRPR 23(b)).
    custody = models.CharField(max_length=20, blank=True)
    outcome = models.CharField(max_length=15, choices=PersonOutcome.choices)
    reasons = models.JSONField(default=list)
    # An approved person: the day they became a permanent resident, from which the sponsor's
    # undertaking runs (SP-14; ``casework.undertaking``). Recorded by an officer.
    became_pr_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["person__position"]
        constraints = [models.UniqueConstraint(fields=["decision", "person"], name="one_outcome_per_person")]

    def __str__(self) -> str:
        return f"{self.decision} person {self.person.position}: {self.outcome}"


class QuebecUndertaking(models.Model):
    """The Quebec step of a sponsorship whose sponsor lives in Quebec (SP-70): federal
    approval and the letter asking for the Quebec undertaking, then Quebec's answer."""

    application = models.OneToOneField(
        Application, on_delete=models.PROTECT, related_name="quebec_undertaking"
    )
    letter = models.ForeignKey(Letter, on_delete=models.PROTECT, related_name="+")
    # The date of the letter: Quebec cannot have decided before it.
    requested_on = models.DateField()
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    # Quebec's answer as Quebec gave it: null until it is recorded.
    quebec_approved = models.BooleanField(null=True)
    quebec_decided_on = models.DateField(null=True, blank=True)
    quebec_reference = models.CharField(max_length=100, blank=True)
    quebec_notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.application} Quebec undertaking"


class PoliceCertificate(models.Model):
    """The officer's follow-up of one required police certificate (SP-185): requested (through
    a ``DocumentRequest`` and its letter), received, or a letter of explanation accepted.

    Certificates provided with the application have no row: the documents say so.
    """

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="police_certificates")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    country = models.CharField(max_length=2)
    state = models.CharField(max_length=20, choices=PoliceCertificateState.choices)
    request = models.ForeignKey(
        DocumentRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    received_on = models.DateField(null=True, blank=True)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["person__position", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "person", "country"], name="one_follow_up_per_certificate"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} police {self.person.position} {self.country}: {self.state}"


from .batch_models import Batch, BatchFile, LetterRendering  # noqa: E402, F401  (bulk decisions, issue 18)
from .conversation_models import (  # noqa: E402, F401  (messages and documents after submission, issue 15)
    LateDocument,
    LateDocumentRead,
    Message,
    MessageFile,
    MessageRead,
)
from .eta_models import EtaCancellation, IssuedEta  # noqa: E402, F401  (models of the eTA, IRPR 12.04–12.07)
from .triage_models import TriageSwitch, TriageSwitchChange  # noqa: E402, F401  (triage's switch, issue 18)
