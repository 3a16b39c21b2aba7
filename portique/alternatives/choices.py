from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from portique.rules.online import Kit


def _kit_title(kit: Kit) -> str:
    return kit.title(get_language() or "en")


# The kits a person may ask for in another format: the rules' list (EX-32), each named in
# the page's language by the rules. A program with a kit names it in its definition.
KitChoice = models.TextChoices(
    "KitChoice", [(kit.name, (kit.value, lazy(_kit_title, str)(kit))) for kit in Kit]
)


class FormatChoice(models.TextChoices):
    """The other formats of the PR-portal kits (EX-32; rules ``OtherMeans``)."""

    PAPER = "paper", _("Paper")
    BRAILLE = "braille", _("Braille")
    LARGE_PRINT = "large_print", _("Large print")


class KitLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


class Delivery(models.TextChoices):
    EMAIL = "email", _("By e-mail, to print it myself")
    MAIL = "mail", _("By mail, to an address in Canada")


class Country(models.TextChoices):
    CANADA = "CA", _("Canada")
    OTHER = "other", _("Another country")


class Province(models.TextChoices):
    AB = "AB", _("Alberta")
    BC = "BC", _("British Columbia")
    MB = "MB", _("Manitoba")
    NB = "NB", _("New Brunswick")
    NL = "NL", _("Newfoundland and Labrador")
    NS = "NS", _("Nova Scotia")
    NT = "NT", _("Northwest Territories")
    NU = "NU", _("Nunavut")
    ON = "ON", _("Ontario")
    PE = "PE", _("Prince Edward Island")
    QC = "QC", _("Quebec")
    SK = "SK", _("Saskatchewan")
    YT = "YT", _("Yukon")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("kit request status", "Received, kit to send")
    SENT = "sent", pgettext_lazy("kit request status", "Kit sent")


class EventKind(models.TextChoices):
    RECEIVED = "received", _("Request received")
    SENT = "sent", _("Kit and covering letter sent")
    LETTER_DOWNLOADED = "letter_downloaded", _("Covering letter downloaded")
    PAPER_APPLICATION = "paper_application", _("Paper application received")


# --- "Do I have to apply online?" ------------------------------------------------------


class ApplyingFor(models.TextChoices):
    """What the person applies for, as the rules' streams (rules ``Stream``)."""

    PR_CARD = "pr_card", _("A permanent resident card")
    SPONSORSHIP = (
        "sponsorship",
        _("Sponsorship of a spouse, partner or dependent child, with their permanent residence"),
    )
    TEMPORARY_RESIDENT_IN_CANADA = (
        "temporary_resident_in_canada",
        _("To extend my stay, or a work or study permit, as a temporary resident"),
    )
    PERMANENT_RESIDENCE_AFTER_INVITATION = (
        "permanent_residence_after_invitation",
        _("Permanent residence after an invitation to apply (Express Entry)"),
    )
    ELECTRONIC_TRAVEL_AUTHORIZATION = (
        "electronic_travel_authorization",
        _("An electronic travel authorization (eTA)"),
    )


class AppliesFrom(models.TextChoices):
    INSIDE_CANADA = "inside", _("From inside Canada")
    OUTSIDE_CANADA = "outside", _("From outside Canada")


class Answerer(models.TextChoices):
    SELF = "self", _("I am applying for myself or my family")
    PAID_REPRESENTATIVE = "paid_representative", _("I am a paid representative answering for a client")


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
