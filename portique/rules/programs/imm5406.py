"""IMM 5406, Additional Family Information, as a digital form.

Completed for the principal applicant (even a child under 18) and each family member
aged 18 or older (SP-150, SP-153, SP-119). The rules read none of its answers: the form
is complete when every question is answered.
"""

from __future__ import annotations

from ..forms.model import Field, FieldKind, Form, RowName, Section
from ..sponsorship.vocabulary import cite


def _parent(code: str, en: str, fr: str) -> Section:
    return Section(
        code,
        en,
        fr,
        (
            Field("name", FieldKind.TEXT, "Full name", "Nom au complet"),
            Field("date_of_birth", FieldKind.DATE, "Date of birth", "Date de naissance"),
            Field("country_of_birth", FieldKind.COUNTRY, "Country of birth", "Pays de naissance"),
            Field(
                "address",
                FieldKind.LONG_TEXT,
                "Present address (or “deceased”, with the city and date)",
                "Adresse actuelle (ou « décédé », avec la ville et la date)",
                max_length=400,
            ),
        ),
        intro_en="Answer every question, even if the person is deceased or you are not in contact.",
        intro_fr="Répondez à toutes les questions, même si la personne est décédée ou que vous n’êtes plus en contact.",
    )


SIBLINGS = Section(
    "siblings",
    "Brothers and sisters",
    "Frères et sœurs",
    (
        Field("name", FieldKind.TEXT, "Full name", "Nom au complet"),
        Field("date_of_birth", FieldKind.DATE, "Date of birth", "Date de naissance"),
        Field("country_of_birth", FieldKind.COUNTRY, "Country of birth", "Pays de naissance"),
    ),
    intro_en="Include half-, step- and adopted brothers and sisters. Leave empty if you have none.",
    intro_fr="Incluez les demi-frères et demi-sœurs, ainsi que les frères et sœurs par alliance ou adoptifs. Laissez vide si vous n’en avez pas.",
    repeating=True,
    rows_optional=True,
    row_name=RowName("brother or sister", "frère ou sœur"),
)

IMM5406 = Form(
    code="IMM5406",
    en="Additional Family Information (IMM 5406)",
    fr="Renseignements additionnels sur la famille (IMM 5406)",
    sections=(
        _parent("mother", "Your mother", "Votre mère"),
        _parent("father", "Your father", "Votre père"),
        SIBLINGS,
    ),
    citation=cite("Étape 3. Remplir la demande") + " (IMM 5406); IRPR 10(1)(c)",
)
