from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from portique.rules.programs import registry


def _name_in_language(definition) -> str:
    return definition.name(get_language() or "en")


_lazy_name = lazy(_name_in_language, str)

# The programs, as Django choices: derived from the rules' one list (registry.programs()),
# named in the page's language by the program's own definition. Nothing outside the
# programs package compares these values: it asks the definition (Application.definition).
Program = models.TextChoices(
    "Program",
    [(definition.code.upper(), (definition.code, _lazy_name(definition))) for definition in registry.programs()],
)


def program_choices(which=None) -> list[tuple[str, str]]:
    """The programs (code, name in the page's language) whose definition answers ``which`` yes."""
    return [
        (definition.code, _lazy_name(definition))
        for definition in registry.programs()
        if which is None or which(definition)
    ]


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


class Channel(models.TextChoices):
    """How the application was made: in the portal, or on paper at the address the Minister specifies (IRPR 11)."""

    ONLINE = "online", pgettext_lazy("application channel", "Online")
    PAPER = "paper", pgettext_lazy("application channel", "Paper")


class SignatureMethod(models.TextChoices):
    ELECTRONIC = "electronic", _("Electronic (typed name)")
    # On a paper application the forms are signed by hand; an officer records that each
    # required signature is on them (never a signature made for the person).
    HANDWRITTEN = "handwritten", _("Handwritten on the paper forms")


class ReceiptChannel(models.TextChoices):
    """How a paper application reached the address specified for it."""

    MAIL = "mail", _("Mail")
    COURIER = "courier", _("Courier")
    IN_PERSON = "in_person", _("In person")


class PaperBasis(models.TextChoices):
    """What a paper application relies on to be made other than online (seed 000, IRPR 9.2–9.5, EX-32)."""

    SYSTEM_RESTRICTION = "system_restriction", _("A situation in the table of exemptions (system restrictions)")
    # IRPR 9.5: the person never has to say what the disability is, so nothing about it is recorded.
    DISABILITY = "disability", _("A disability prevents applying online (accommodation, IRPR 9.5)")
    EXCEPTIONAL_CIRCUMSTANCES = (
        "exceptional_circumstances",
        _("Exceptional circumstances established by an officer (IRPR 9.4)"),
    )
    NONE = "none", _("No exemption or accommodation stated")


# A paid representative's mandate on an application (portique.representation), as the
# access rules read it.
class RepresentationState(models.TextChoices):
    # invited: the client has not accepted yet; active: the client accepted in their own
    # account; revoked: ended by the client (never reopened: a new invitation is a new row).
    INVITED = "invited", _("Waiting for the client")
    ACTIVE = "active", _("Active")
    REVOKED = "revoked", _("Ended")


class RepresentationOrigin(models.TextChoices):
    CREATED = "created", _("Created by the representative")
    LINKED = "linked", _("Existing application linked by the client")
