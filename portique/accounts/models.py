import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import F
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import (
    MFA_REQUIRED_ROLES,
    AuditKind,
    IdentityDocumentType,
    Language,
    MembershipBody,
    RepresentativeStatus,
    Role,
)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True, role=Role.OFFICER)
        return self._create(email, password, **fields)


class User(AbstractUser):
    """A person who signs in: applicant, paid representative or officer.

    The e-mail address is the sign-in name; it is stored lower-cased so that
    "A@x.ca" and "a@x.ca" can never be two accounts.
    """

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.APPLICANT)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        # What officers' roles (groups) grant; the case-work pages check these.
        permissions = [
            ("screen_application", _("Can screen applications for completeness")),
            ("decide_application", _("Can decide applications")),
            ("verify_representative", _("Can verify paid representatives")),
            ("manage_officers", _("Can create officers and change their roles")),
            ("view_audit", _("Can read the audit log")),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def mfa_required(self) -> bool:
        return self.role in MFA_REQUIRED_ROLES


def identity_document_path(instance: "RepresentativeProfile", filename: str) -> str:
    # Never the uploaded name: it can carry a person's name or path tricks. The
    # extension comes from the checked content (services.representative_register).
    extension = filename.rsplit(".", 1)[-1] if filename.rsplit(".", 1)[-1] in ("jpg", "png", "pdf") else "bin"
    return f"identity/{instance.public_id}/{uuid.uuid4().hex}.{extension}"


class RepresentativeProfile(models.Model):
    """A paid representative's identity and membership, verified by an officer (IRPR 10(2)(c.1)–(c.2))."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="representative_profile"
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    address_line = models.CharField(_("street address"), max_length=200)
    city = models.CharField(_("city or town"), max_length=100)
    province = models.CharField(_("province, territory or state"), max_length=100)
    postal_code = models.CharField(_("postal code"), max_length=20)
    country = models.CharField(_("country"), max_length=100, default="Canada")
    telephone = models.CharField(_("telephone"), max_length=30)
    fax = models.CharField(_("fax"), max_length=30, blank=True)
    membership_body = models.CharField(_("membership body"), max_length=10, choices=MembershipBody.choices)
    membership_number = models.CharField(_("membership number"), max_length=50)
    id_document_type = models.CharField(
        _("identity document"), max_length=20, choices=IdentityDocumentType.choices
    )
    id_document = models.FileField(_("identity document file"), upload_to=identity_document_path, max_length=200)
    id_document_content_type = models.CharField(max_length=50)
    id_document_size = models.PositiveIntegerField()
    status = models.CharField(
        _("status"), max_length=10, choices=RepresentativeStatus.choices, default=RepresentativeStatus.PENDING
    )
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("representative profile")
        verbose_name_plural = _("representative profiles")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return self.user.email


class AuditEventQuerySet(models.QuerySet):
    # The audit log is append-only: no bulk change or removal through the ORM.
    def update(self, **kwargs):
        raise TypeError("Audit events cannot be changed.")

    def delete(self):
        raise TypeError("Audit events cannot be deleted.")


class AuditEvent(models.Model):
    """One security-relevant event: who did it, to whom, when, from where.

    Append-only: written by portique.accounts.services.audit_record, never changed or
    deleted (the e-mail addresses are copied so the row still reads after an account goes).
    """

    occurred_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("event"), max_length=40, choices=AuditKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_email = models.CharField(_("by (e-mail)"), max_length=254, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
        verbose_name=_("account"),
    )
    subject_email = models.CharField(_("account (e-mail)"), max_length=254, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["subject", "-occurred_at"]),
            models.Index(fields=["kind", "-occurred_at"]),
            # The audit log's order, read by cursor (issue 19).
            models.Index(fields=["-occurred_at", "-id"]),
            # The audit log searched by a whole address (``subject_email__iexact``: UPPER on both
            # sides), newest first (issue 19: a million events read in 0.6 s without it).
            models.Index(Upper("subject_email"), F("occurred_at").desc(), F("id").desc(), name="accounts_audit_email_idx"),
            # A part of an address is found through a trigram index, on PostgreSQL only: see
            # migration 0007 (accounts_audit_email_trgm), which Meta cannot declare for SQLite.
        ]

    def __str__(self) -> str:
        return f"{self.occurred_at.isoformat()} {self.kind} {self.subject_email}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Audit events cannot be deleted.")
