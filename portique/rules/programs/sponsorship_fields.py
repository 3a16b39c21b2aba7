"""Options and helpers shared by the sponsorship's digital forms (IMM 1344, IMM 0008, …).

The option values are the rules' own vocabulary (``portique.rules.sponsorship``), so an
answer saved from a screen is the value ``programs.answers`` reads: one definition.
"""

from __future__ import annotations

from ..forms.model import Field, FieldKind, Option

YES_NO_FLAG = (Option("true", "Yes", "Oui"), Option("false", "No", "Non"))

MARITAL_STATUSES = (
    Option("single", "Never married / single", "Jamais marié(e) / célibataire"),
    Option("married", "Married", "Marié(e)"),
    Option("common_law", "Common-law", "Conjoint(e) de fait"),
    Option("separated", "Separated", "Séparé(e)"),
    Option("divorced", "Divorced", "Divorcé(e)"),
    Option("widowed", "Widowed", "Veuf(ve)"),
    Option("annulled", "Annulled marriage", "Mariage annulé"),
)
SEXES = (
    Option("F", "F – Female", "F – Féminin"),
    Option("M", "M – Male", "M – Masculin"),
    Option("X", "X – Another gender", "X – Autre genre"),
)

NAME_HELP_EN = (
    "Exactly as on your passport or travel document. Given names: first and middle names, no initials. "
    "If your passport shows no family name, put all your names here."
)
NAME_HELP_FR = (
    "Exactement comme sur votre passeport ou document de voyage. Prénoms : prénom et second prénom, sans "
    "initiales. Si votre passeport n’indique aucun nom de famille, inscrivez-y tous vos noms."
)
DATE_OF_BIRTH_HELP_EN = "If part of the date is unknown, enter 1901 for the year, 01 for the month or day, and upload a letter of explanation."
DATE_OF_BIRTH_HELP_FR = (
    "Si une partie de la date est inconnue, inscrivez 1901 pour l’année, 01 pour le mois ou le jour, et téléversez une "
    "lettre d’explication."
)
ADDRESS_HELP_EN = (
    "In full, without abbreviations, with the apartment or unit, e.g. “999 Family Street, unit 3, Ottawa, Ontario, "
    "Canada K3J 9T5”. A post office box or a street number is required."
)
ADDRESS_HELP_FR = (
    "Au complet, sans abréviation, avec l’appartement ou l’unité, p. ex. « 999, rue de la Famille, unité 3, Ottawa "
    "(Ontario), Canada, K3J 9T5 ». Un numéro de case postale ou de rue est obligatoire."
)


def passport_name_fields() -> tuple[Field, Field]:
    """Family name and given names, exactly as on the passport: the name a typed signature must match."""
    return (
        Field(
            "family_name",
            FieldKind.TEXT,
            "Family name",
            "Nom de famille",
            help_en=NAME_HELP_EN,
            help_fr=NAME_HELP_FR,
        ),
        Field(
            "given_names",
            FieldKind.TEXT,
            "Given names",
            "Prénoms",
            required=False,
            help_en=NAME_HELP_EN,
            help_fr=NAME_HELP_FR,
        ),
    )


def flag(code: str, en: str, fr: str, **extra) -> Field:
    """A Yes / No question whose answer the rules read as true / false."""
    return Field(code, FieldKind.FLAG, en, fr, options=YES_NO_FLAG, **extra)


def options(values: dict[str, tuple[str, str]]) -> tuple[Option, ...]:
    return tuple(Option(value, en, fr) for value, (en, fr) in values.items())
