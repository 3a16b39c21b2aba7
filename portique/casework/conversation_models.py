"""Secure messages about a submitted file and the documents received after submission.

Every row is appended, never changed: a message, its files, a document sent after
submission, and the record of the officer who first read each one. Nothing here is part
of what was signed: the submission, its snapshot and its hashes stay as they were.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language

from portique.applications.models import Application

from .choices import MessageSender
from .models import AppendOnly, private_name


class Message(AppendOnly):
    """One message of the conversation about an application, written by the applicant's side
    (the account holder or their representative) or by an officer, with who and when."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="messages")
    sender = models.CharField(max_length=20, choices=MessageSender.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    sent_at = models.DateTimeField(default=timezone.now)
    # The form's one-time token: a retried post (double click, network retry) finds the
    # message it already sent instead of sending it twice.
    token = models.UUIDField(unique=True)

    class Meta:
        ordering = ["sent_at", "id"]
        indexes = [models.Index(fields=["application", "sent_at"])]

    def __str__(self) -> str:
        return f"{self.application} message from {self.sender} at {self.sent_at:%Y-%m-%d %H:%M}"

    @property
    def to_office(self) -> bool:
        return self.sender != MessageSender.OFFICE


class MessageFile(AppendOnly):
    """A file attached to a message, checked by its content like any upload."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    message = models.ForeignKey(Message, on_delete=models.PROTECT, related_name="files")
    file = models.FileField(upload_to=private_name, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=40)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    page_count = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name


class MessageRead(AppendOnly):
    """The officer who first opened a message from the applicant's side, and when: what takes
    the file out of the "Unread messages" queue. Later openings are in the access log."""

    message = models.OneToOneField(Message, on_delete=models.PROTECT, related_name="read")
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.message} read by {self.reader_id}"


class LateDocument(AppendOnly):
    """A document the applicant's side sent after submission, for the officer.

    Its own row, not a ``documents.Document``: a document of the application is part of
    what was signed and submitted (its hash is in the signed content and the rules count
    it); this one is not, and adding it changes neither. ``item_code`` is the checklist
    item it is for, as the submission recorded the checklist (``item_en``/``item_fr``: its
    title then), or empty for "another document".
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="late_documents")
    item_code = models.CharField(max_length=60, blank=True)
    item_en = models.CharField(max_length=300, blank=True)
    item_fr = models.CharField(max_length=300, blank=True)
    description = models.CharField(max_length=200)
    file = models.FileField(upload_to=private_name, max_length=200)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=40)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    sender = models.CharField(max_length=20, choices=MessageSender.choices)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    token = models.UUIDField(unique=True)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return f"{self.application} document after submission: {self.original_name}"

    @property
    def item_title(self) -> str:
        """The checklist item's title in the page's language; empty for "another document"."""
        return self.item_fr if (get_language() or "en").startswith("fr") else self.item_en


class LateDocumentRead(AppendOnly):
    """The officer who first opened a document received after submission, and when."""

    document = models.OneToOneField(LateDocument, on_delete=models.PROTECT, related_name="read")
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.document} read by {self.reader_id}"
