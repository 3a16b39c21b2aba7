"""A paid representative's link to a client's application (IMM 5476; seed 004).

Who may do what follows from the current (not revoked) representation of an
application: ``portique.applications.access`` reads it, nothing else decides.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portique.accounts.choices import MembershipBody
from portique.applications.models import Application

from .choices import EventKind, Origin, State


def imm5476_path(instance: "Representation", filename: str) -> str:
    # Never the uploaded name; the extension comes from the checked content.
    extension = filename.rsplit(".", 1)[-1] if filename.rsplit(".", 1)[-1] in ("jpg", "png", "pdf") else "bin"
    return f"representation/{instance.public_id}/{uuid.uuid4().hex}.{extension}"


class Representation(models.Model):
    """One representative acting for one client on one application.

    The IMM 5476 particulars (IRPR 10(2)(c.1)–(c.4)) are copied from the verified
    representative profile when the representation starts, so a later change of the
    profile never changes what the client consented to.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="representations")
    representative = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="representations"
    )
    origin = models.CharField(max_length=10, choices=Origin.choices)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.INVITED)
    client_name = models.CharField(_("client's name"), max_length=200)
    client_email = models.EmailField(_("client's e-mail address"))
    # Set when the client accepts in their own account: never chosen by the representative.
    client = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="represented_by",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # IMM 5476 particulars, IRPR 10(2)(c.1)–(c.2).
    rep_name = models.CharField(_("representative's name"), max_length=200)
    rep_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    rep_address = models.CharField(_("postal address"), max_length=400)
    rep_telephone = models.CharField(_("telephone"), max_length=30)
    rep_fax = models.CharField(_("fax"), max_length=30, blank=True)
    rep_email = models.EmailField(_("e-mail address"))
    membership_body = models.CharField(_("membership body"), max_length=10, choices=MembershipBody.choices)
    membership_number = models.CharField(_("membership number"), max_length=50)
    # The IMM 5476 signed by hand and uploaded (REP-07), checked by content.
    imm5476 = models.FileField(upload_to=imm5476_path, max_length=200, blank=True)
    imm5476_sha256 = models.CharField(max_length=64, blank=True)
    imm5476_content_type = models.CharField(max_length=50, blank=True)
    imm5476_uploaded_at = models.DateTimeField(null=True, blank=True)
    # The representative's declaration (ACT-36, REP-12): valid only for the content it was given on.
    declared_at = models.DateTimeField(null=True, blank=True)
    declared_content_hash = models.CharField(max_length=64, blank=True)
    declared_version = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("representation")
        verbose_name_plural = _("representations")
        ordering = ["-created_at", "-id"]
        constraints = [
            # At most one current representative per application (ACT-39: the client cancels
            # one designation before another can act).
            models.UniqueConstraint(
                fields=["application"], condition=~Q(state="revoked"), name="one_current_representation"
            )
        ]
        indexes = [models.Index(fields=["representative", "state"])]

    def __str__(self) -> str:
        return f"{self.application} — {self.rep_name} ({self.state})"


class RepresentationEvent(models.Model):
    """Append-only: what was done on a representation, by whom and when."""

    representation = models.ForeignKey(Representation, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    detail = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.representation_id} {self.kind}"
