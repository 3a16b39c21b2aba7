from django.db import models
from django.utils.translation import gettext_lazy as _

# A representation's state and origin decide who may act on an application
# (applications.access), so they are defined with the application's choices.
from portique.applications.choices import RepresentationOrigin as Origin  # noqa: F401
from portique.applications.choices import RepresentationState as State  # noqa: F401


class EventKind(models.TextChoices):
    CREATED = "created", _("Application created for the client")
    LINK_REQUESTED = "link_requested", _("Link to an existing application requested")
    INVITED = "invited", _("Client invited")
    ACCEPTED = "accepted", _("Client accepted the representative")
    IMM5476_UPLOADED = "imm5476_uploaded", _("Signed IMM 5476 uploaded")
    DECLARED = "declared", _("Representative's declaration given")
    REVOKED = "revoked", _("Representative revoked by the client")
