"""IMM 5669, Schedule A – Background/Declaration, as a digital form (the part the rules read).

Completed for the principal applicant and each family member aged 18 or older
(SP-150, SP-153). The countries lived in decide the police certificates (SP-185); the
offences and convictions, with their dates and sentences, where each stands under Table 1
of IMM 5289 (deemed rehabilitation, SP-130 to SP-134; ``programs.sponsorship._criminality``).
"""

from __future__ import annotations

from ..forms.model import Condition, Field, FieldKind, Form, RowName, Section
from ..sponsorship.vocabulary import cite
from .sponsorship_fields import flag, options

STAYS = Section(
    "stays",
    "Countries you have lived in",
    "Pays où vous avez vécu",
    (
        Field("country", FieldKind.COUNTRY, "Country", "Pays"),
        Field("start", FieldKind.DATE, "From", "Du"),
        Field(
            "end",
            FieldKind.DATE,
            "To (blank: you still live there)",
            "Au (vide : vous y habitez encore)",
            required=False,
        ),
    ),
    intro_en=(
        "Every country other than Canada where you have lived, including where you live now. A police certificate is "
        "needed from each country where you spent 6 consecutive months or more since age 18."
    ),
    intro_fr=(
        "Chaque pays autre que le Canada où vous avez vécu, y compris celui où vous habitez. Un certificat de police "
        "est exigé de chaque pays où vous avez passé 6 mois consécutifs ou plus depuis l’âge de 18 ans."
    ),
    repeating=True,
    period=("start", "end"),
    path=("history", "stays"),
    row_name=RowName("country", "pays"),
)

# How the offence would be prosecuted in Canada: Table 1 of IMM 5289 depends on it. A person
# who does not know says so, and an officer places the offence (no row is guessed).
SERIOUSNESS = options(
    {
        "indictable_10_or_more": (
            "An indictable offence punishable by a maximum of 10 years or more",
            "Un acte criminel passible d’un emprisonnement maximal de 10 ans ou plus",
        ),
        "indictable_under_10": (
            "An indictable offence punishable by a maximum of less than 10 years",
            "Un acte criminel passible d’un emprisonnement maximal de moins de 10 ans",
        ),
        "summary": ("A summary conviction offence", "Une infraction punissable par procédure sommaire"),
        "not_known": ("I do not know", "Je ne sais pas"),
    }
)
CONVICTED = Condition("convicted", (True,))

CONVICTIONS = Section(
    "convictions",
    "Offences and convictions",
    "Infractions et condamnations",
    (
        Field("offence", FieldKind.TEXT, "What the offence was", "Quelle était l’infraction"),
        Field("country", FieldKind.COUNTRY, "Country where it was committed", "Pays où elle a été commise"),
        Field("committed_on", FieldKind.DATE, "Date of the offence", "Date de l’infraction"),
        Field(
            "seriousness",
            FieldKind.CHOICE,
            "In Canada, the same offence would be",
            "Au Canada, la même infraction serait",
            options=SERIOUSNESS,
            help_en="The guide’s Table 1 depends on it. If you do not know, say so: an officer decides.",
            help_fr="Le tableau 1 du guide en dépend. Si vous ne le savez pas, dites-le : un agent décidera.",
        ),
        flag("convicted", "Were you convicted of it?", "Avez-vous été déclaré coupable de cette infraction\u00a0?"),
        Field(
            "sentence",
            FieldKind.TEXT,
            "The sentence",
            "La peine",
            when=CONVICTED,
            help_en="For example: a fine of $500, 12 months of probation, 2 years in prison.",
            help_fr="Par exemple : une amende de 500 $, 12 mois de probation, 2 ans d’emprisonnement.",
        ),
        Field(
            "sentence_completed_on",
            FieldKind.DATE,
            "Date the sentence was completed",
            "Date à laquelle la peine a été purgée",
            when=CONVICTED,
            help_en="The day its last part ended: the fine paid, the probation or the prison term over.",
            help_fr="Le jour où sa dernière partie a pris fin : l’amende payée, la probation ou l’emprisonnement terminé.",
        ),
        flag(
            "record_suspended",
            "Was the record suspended (pardon)?",
            "Le casier judiciaire a-t-il fait l’objet d’une suspension (pardon)\u00a0?",
            when=Condition("country", ("CA",)),
        ),
    ),
    intro_en=(
        "Every offence you committed, were charged with or were convicted of, in Canada or elsewhere. "
        "Save the table empty if there is none."
    ),
    intro_fr=(
        "Chaque infraction que vous avez commise, dont vous avez été accusé ou déclaré coupable, au Canada ou "
        "ailleurs. Enregistrez le tableau vide s’il n’y en a aucune."
    ),
    repeating=True,
    rows_optional=True,
    # The sentence is completed on or after the day of the offence (checked as a period).
    period=("committed_on", "sentence_completed_on"),
    path=("history", "convictions"),
    row_name=RowName("offence", "infraction", fr_feminine=True),
)

IMM5669 = Form(
    code="IMM5669",
    en="Schedule A – Background/Declaration (IMM 5669)",
    fr="Annexe A – Antécédents/Déclaration (IMM 5669)",
    sections=(STAYS, CONVICTIONS),
    citation=cite("Certificats de police") + "; " + cite("Tableau 1 – Admissibilité à la réadaptation") + "; IRPR 10(1)(c)",
)
