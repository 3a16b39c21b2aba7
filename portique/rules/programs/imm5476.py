"""IMM 5476, Use of a Representative, as a digital form: its particulars (IRPR 10(2)(c.1)–(c.4))."""

from __future__ import annotations

from ..forms.model import Field, FieldKind, Form, Section
from ..sponsorship.vocabulary import cite
from .sponsorship_fields import options

ROLES = options(
    {
        "representative": (
            "Unpaid representative (family member, friend)",
            "Représentant non rémunéré (membre de la famille, ami)",
        ),
        "paid_representative": (
            "Paid representative (lawyer, notary, licensed consultant)",
            "Représentant rémunéré (avocat, notaire, consultant autorisé)",
        ),
        "paid_adviser": ("Paid adviser", "Conseiller rémunéré"),
        "paid_adviser_entity": ("Organization of a paid adviser", "Organisation d’un conseiller rémunéré"),
    }
)

REPRESENTATIVE = Section(
    "representative",
    "Your representative",
    "Votre représentant",
    (
        Field(
            "role",
            FieldKind.CHOICE,
            "Kind of representative",
            "Type de représentant",
            options=ROLES,
            help_en="Anyone paid in any form must be a member in good standing of a Canadian law society or of the College of Immigration and Citizenship Consultants.",
            help_fr="Toute personne rémunérée sous quelque forme que ce soit doit être membre en règle d’un barreau canadien ou du Collège des consultants en immigration et en citoyenneté.",
        ),
        Field("name", FieldKind.TEXT, "Representative's name", "Nom du représentant"),
        Field("postal_address", FieldKind.LONG_TEXT, "Postal address", "Adresse postale", max_length=400),
        Field("telephone", FieldKind.PHONE, "Telephone", "Téléphone"),
        Field("email", FieldKind.EMAIL, "E-mail", "Courriel", required=False),
        Field(
            "member_body",
            FieldKind.TEXT,
            "Licensing body (paid representative)",
            "Organisme de réglementation (représentant rémunéré)",
            required=False,
        ),
        Field("membership_number", FieldKind.TEXT, "Membership number", "Numéro de membre", required=False),
    ),
)

IMM5476 = Form(
    code="IMM5476",
    en="Use of a Representative (IMM 5476)",
    fr="Recours aux services d’un représentant (IMM 5476)",
    sections=(REPRESENTATIVE,),
    citation=cite("Représentants autorisés") + "; IRPR 10(2)(c.1)–(c.4)",
)
