"""IMM 5669, Schedule A – Background/Declaration, as a digital form (the part the rules read).

Completed for the principal applicant and each family member aged 18 or older
(SP-150, SP-153). The countries lived in decide the police certificates (SP-185).
"""

from __future__ import annotations

from ..forms.model import Field, FieldKind, Form, RowName, Section
from ..sponsorship.vocabulary import cite

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

IMM5669 = Form(
    code="IMM5669",
    en="Schedule A – Background/Declaration (IMM 5669)",
    fr="Annexe A – Antécédents/Déclaration (IMM 5669)",
    sections=(STAYS,),
    citation=cite("Certificats de police") + "; IRPR 10(1)(c)",
)
