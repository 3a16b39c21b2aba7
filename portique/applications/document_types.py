"""What a file is, when a checklist item accepts several kinds of document.

The rules' checklist items list ``alternatives``: the document codes that satisfy the
item (IMM 5445 — Step 1; ``portique.rules.pr_card_documents``). The person says which
one each file is, and the rules count files by that code. These are the labels the
upload form shows for the codes; a code without a label here is shown as it is.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

LABELS = {
    "FEE_RECEIPT": _("Receipt showing the amount paid"),
    "PORTAL_PAYMENT": _("Confirmation of the payment made in this portal"),
    "INDIGENOUS_NAME_FEE_STATEMENT": _("Statement: I have reclaimed my Indigenous name, please refer to my declaration form"),
    "PHOTO_BACK": _("Image of the back of the photo"),
    "PHOTO_STUDIO_CONFIRMATION": _("Photo studio's confirmation (for example, the receipt) for a digital photo"),
    "PASSPORT_OR_TRAVEL_DOCUMENT": _("Valid passport or travel document"),
    "PASSPORT_HELD_ON_BECOMING_PR": _("Passport or travel document held when you became a permanent resident"),
    "IDENTITY_CERTIFICATE": _("Identity certificate or travel document issued by IRCC or a foreign country"),
    "FOREIGN_ID_ISSUED_BEFORE_ARRIVAL": _("Identity document issued abroad before you came to Canada"),
    "SOLEMN_DECLARATION_APPLICANT": _("Your solemn declaration of identity"),
    "SOLEMN_DECLARATION_SECOND_PERSON": _("Solemn declaration of identity by a person who knew you before you came to Canada"),
    "EXCEPTIONAL_CIRCUMSTANCES_LETTER": _("Letter explaining the exceptional circumstances"),
    "BIRTH_CERTIFICATE": _("Birth certificate"),
    "GUARDIANSHIP_COURT_DOCUMENTS": _("Canadian court documents proving legal guardianship"),
    "SCHOOL_RECORDS": _("School records (report cards, transcripts, attendance sheets)"),
    "PROVINCIAL_PHOTO_ID": _("Provincial or territorial identity document showing the new name"),
    "CHANGE_OF_NAME_DOCUMENT": _("Legal change-of-name document"),
    "COURT_ORDER": _("Court order"),
    "ADOPTION_ORDER": _("Adoption order"),
    "MARRIAGE_CERTIFICATE": _("Marriage certificate"),
    "DIVORCE_JUDGMENT": _("Divorce judgment"),
    "REGISTRATION": pgettext_lazy("civil status document", "Registration"),
    "DECLARATION_OF_UNION": _("Declaration of union"),
    "REVOCATION_OR_ANNULMENT_OF_UNION": _("Revocation of the declaration of union, or annulment of the union"),
    "TRANSLATION": _("Translation"),
    "TRANSLATOR_AFFIDAVIT": _("Translator's affidavit"),
    "TRANSLATION_BY_CANADIAN_CERTIFIED_TRANSLATOR": _("Translation by a Canadian certified translator"),
}


def label(code: str) -> str:
    text = LABELS.get(code)
    return str(text) if text is not None else code
