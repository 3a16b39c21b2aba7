from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The upload types live with the upload checks; the documents app names them here too.
from portique.uploads.content_types import EXTENSIONS, ContentType  # noqa: F401


class DocumentState(models.TextChoices):
    # Only CURRENT documents are part of the application and can be downloaded.
    # PENDING: a photo the automated checks warned about, waiting for the person's
    # "Confirmation" (IMM 5445 — Step 1). SUPERSEDED: replaced by a newer upload for
    # an item that takes one file. REMOVED: taken out by the person. DISCARDED: a
    # pending photo that was never confirmed. Rows and files are kept in every state.
    PENDING = "pending", pgettext_lazy("document state", "Waiting for your confirmation")
    CURRENT = "current", pgettext_lazy("document state", "Uploaded")
    SUPERSEDED = "superseded", pgettext_lazy("document state", "Replaced")
    REMOVED = "removed", pgettext_lazy("document state", "Removed")
    DISCARDED = "discarded", pgettext_lazy("document state", "Not confirmed")


class Purpose(models.TextChoices):
    EVIDENCE = "evidence", _("Document")
    # The letter that explains why a document cannot be provided.
    EXPLANATION = "explanation", _("Explanation letter")
    # The English or French translation of a document in another language.
    TRANSLATION = "translation", _("Translation")


class Translator(models.TextChoices):
    """Who translated a document (X-01): only a Canadian certified translator needs no affidavit."""

    CANADIAN_CERTIFIED_TRANSLATOR = "canadian_certified_translator", _("A certified translator in Canada")
    CERTIFIED_TRANSLATOR_ABROAD = "certified_translator_abroad", _("A certified translator outside Canada")
    FLUENT_PERSON = "fluent_person", _("Another person fluent in both languages")


class Affidavit(models.TextChoices):
    """The translator's affidavit in the translation's file: where and before whom it was sworn (X-01)."""

    NONE = "none", _("No affidavit")
    CANADA = "canada", _("Sworn in Canada before a person authorized to administer oaths")
    ABROAD_NOTARY = "abroad_notary", _("Sworn outside Canada before a notary public")
    ABROAD_OTHER = "abroad_other", _("Sworn outside Canada before another official")


class ItemKind(models.TextChoices):
    # What an item accepts: the photo has the rules' format, size and dimension
    # checks and the warnings; the back of the photo may also be the studio's
    # document (a PDF); everything else is a PDF, JPEG or PNG document.
    PHOTO = "photo", _("Photo")
    PHOTO_BACK = "photo_back", _("Back of the photo")
    DOCUMENT = "document", _("Document")


class EventKind(models.TextChoices):
    UPLOADED = "uploaded", _("Uploaded")
    WARNED = "warned", _("Uploaded with warnings, waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed despite the warnings")
    REPLACED = "replaced", _("Replaced")
    REMOVED = "removed", _("Removed")
    DISCARDED = "discarded", _("Not confirmed")
    DOWNLOADED = "downloaded", _("Downloaded")
    EXPLAINED = "explained", _("Marked as cannot provide")
    EXPLANATION_WITHDRAWN = "explanation_withdrawn", _("Explanation withdrawn")
    LANGUAGE_ANSWERED = "language_answered", _("Language of the document answered")
    TRANSLATED = "translated", _("Translation uploaded")
