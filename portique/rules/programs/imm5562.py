"""IMM 5562, Supplementary Information – Your travels, as a digital form.

Completed for the principal applicant and each family member aged 18 or older, "if
applicable" (SP-150): no trip in the last 10 years is a complete answer.
"""

from __future__ import annotations

from ..forms.model import Field, FieldKind, Form, RowName, Section
from ..sponsorship.vocabulary import cite

TRIPS = Section(
    "trips",
    "Your trips in the last 10 years",
    "Vos voyages au cours des 10 dernières années",
    (
        Field("country", FieldKind.COUNTRY, "Country", "Pays"),
        Field("start", FieldKind.DATE, "From", "Du"),
        Field("end", FieldKind.DATE, "To", "Au"),
        Field("purpose", FieldKind.TEXT, "Purpose", "But du voyage"),
    ),
    intro_en="Every trip outside your country of residence since age 18, or in the last 10 years. Leave empty if you have made none.",
    intro_fr="Chaque voyage hors de votre pays de résidence depuis l’âge de 18 ans, ou au cours des 10 dernières années. Laissez vide si vous n’en avez fait aucun.",
    repeating=True,
    rows_optional=True,
    period=("start", "end"),
    row_name=RowName("trip", "voyage"),
)

IMM5562 = Form(
    code="IMM5562",
    en="Supplementary Information – Your travels (IMM 5562)",
    fr="Renseignements supplémentaires – Liste des voyages (IMM 5562)",
    sections=(TRIPS,),
    citation=cite("Étape 3. Remplir la demande") + " (IMM 5562); IRPR 10(1)(c)",
)
