import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from portique.applications.models import Application

from .choices import Affidavit, ContentType, DocumentState, EventKind, Purpose, Translator


def storage_name(instance: "Document", filename: str) -> str:
    """A name nobody can guess, and nothing the uploader typed: the original name is
    kept in ``original_name`` only. The extension follows the detected content type."""
    token = secrets.token_hex(20)
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"documents/{token[:2]}/{token}.{extension}"


class Document(models.Model):
    """One uploaded file for one checklist item of an application.

    The file lives in the default storage (private; never a public URL: downloads go
    through an authorised view). Rows are never deleted: a replaced, removed or
    unconfirmed upload keeps its row and file with the state that says why it no
    longer counts.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="documents")
    # Whose document it is (Person.position), or None for the application as a whole.
    person_position = models.PositiveSmallIntegerField(null=True, blank=True)
    item_code = models.CharField(_("checklist item"), max_length=60)
    # Which of the item's accepted documents this file is (the code the rules count);
    # the item code itself when the item takes one kind of document.
    document_type = models.CharField(_("type of document"), max_length=60, blank=True)
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.EVIDENCE)
    state = models.CharField(max_length=20, choices=DocumentState.choices, default=DocumentState.CURRENT)
    file = models.FileField(upload_to=storage_name, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=40, choices=ContentType.choices)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    page_count = models.PositiveIntegerField(null=True, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    # The automated photo checks' findings (Reason.as_dict(): code, both messages, citation).
    warnings = models.JSONField(default=list, blank=True)
    # The person's answer to "Is this document in English or French?": None until
    # answered (read as yes), True when it is in another language and needs a translation.
    other_language = models.BooleanField(null=True, blank=True)
    # A TRANSLATION document: the document it translates, who translated it, the affidavit
    # in the same file and, for a sponsorship, the certified copy of the original (SP-182).
    translation_of = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="translations"
    )
    translator = models.CharField(max_length=40, choices=Translator.choices, blank=True)
    affidavit = models.CharField(max_length=20, choices=Affidavit.choices, blank=True)
    certified_copy_included = models.BooleanField(default=False)
    declaration_accepted = models.BooleanField(default=False)
    # A photo: the day it was taken, as the person said at upload.
    taken_on = models.DateField(null=True, blank=True)
    # A sponsorship photo's print, as the person measured it (IMM 5289 Appendix C, SP-190):
    # width_mm, height_mm, face_height_mm (decimal strings), name_and_date_of_birth,
    # studio_name_and_full_address, date_taken, marking, professional_photographer.
    print_facts = models.JSONField(default=dict, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    state_changed_at = models.DateTimeField(null=True, blank=True)
    replaced_by = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["application", "state", "item_code"])]

    def __str__(self) -> str:
        return f"{self.application} {self.item_code}: {self.original_name} ({self.state})"


class Explanation(models.Model):
    """"I cannot provide this document", with the reason in text or as a letter."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="document_explanations")
    person_position = models.PositiveSmallIntegerField(null=True, blank=True)
    item_code = models.CharField(_("checklist item"), max_length=60)
    text = models.TextField(_("explanation"), blank=True)
    letter = models.OneToOneField(Document, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # One standing explanation per item and person (NULL person: the application's own items).
            models.UniqueConstraint(
                "application",
                Coalesce(F("person_position"), Value(32767)),
                "item_code",
                condition=Q(withdrawn_at__isnull=True),
                name="one_standing_explanation_per_item",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} {self.item_code}: cannot provide"


class DocumentEvent(models.Model):
    """Append-only audit of everything done to documents: who, what, when."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="document_events")
    document = models.ForeignKey(Document, on_delete=models.PROTECT, null=True, blank=True, related_name="events")
    explanation = models.ForeignKey(Explanation, on_delete=models.PROTECT, null=True, blank=True, related_name="events")
    item_code = models.CharField(max_length=60)
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["application", "at"])]

    def __str__(self) -> str:
        return f"{self.application} {self.item_code}: {self.kind}"
