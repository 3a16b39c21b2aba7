from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    # invited: the client has not accepted yet; active: the client accepted in their own
    # account; revoked: ended by the client (never reopened: a new invitation is a new row).
    INVITED = "invited", _("Waiting for the client")
    ACTIVE = "active", _("Active")
    REVOKED = "revoked", _("Ended")


class Origin(models.TextChoices):
    CREATED = "created", _("Created by the representative")
    LINKED = "linked", _("Existing application linked by the client")


class EventKind(models.TextChoices):
    CREATED = "created", _("Application created for the client")
    LINK_REQUESTED = "link_requested", _("Link to an existing application requested")
    INVITED = "invited", _("Client invited")
    ACCEPTED = "accepted", _("Client accepted the representative")
    IMM5476_UPLOADED = "imm5476_uploaded", _("Signed IMM 5476 uploaded")
    DECLARED = "declared", _("Representative's declaration given")
    REVOKED = "revoked", _("Representative revoked by the client")
