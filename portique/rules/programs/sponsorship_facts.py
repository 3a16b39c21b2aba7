"""What a sponsorship case may say happened after the decision (``facts.SPONSORSHIP_FACTS``).

Not a form anyone fills in: the record of the file. ``permanent_residence`` gives, for each
sponsored person, the day they became a permanent resident, from which the undertaking runs
(SP-14, SP-15; ``sponsorship.undertaking.undertaking_end``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..forms.model import Field, FieldKind, Form, Section

FACTS_CODE = "SPONSORSHIP_FACTS"

SPONSORSHIP_FACTS = Form(
    code=FACTS_CODE,
    en="What happened after a sponsorship was approved (the record of the file, not a form anyone fills in)",
    fr="Ce qui est survenu après l’approbation d’un parrainage (le dossier, non un formulaire)",
    sections=(
        Section(
            "permanent_residence",
            "The day each sponsored person became a permanent resident",
            "La date à laquelle chaque personne parrainée est devenue résidente permanente",
            (
                Field("person", FieldKind.TEXT, "The sponsored person (their id in the case)", "La personne parrainée (son identifiant dans le dossier)", max_length=40),
                Field("became_pr_on", FieldKind.DATE, "Day they became a permanent resident", "Date à laquelle elle est devenue résidente permanente"),
            ),
            repeating=True,
            rows_optional=True,
        ),
    ),
    citation="IMM 5289 — Durée de l'engagement",
)


def became_pr(raw_facts: Any) -> dict[str, date]:
    """Each sponsored person's day of permanent residence, by person id (well-formed rows only)."""
    if not isinstance(raw_facts, dict):
        return {}
    rows = raw_facts.get("permanent_residence")
    found: dict[str, date] = {}
    for row in rows if isinstance(rows, list) else ():
        if not isinstance(row, dict):
            continue
        try:
            found[str(row["person"])] = date.fromisoformat(row["became_pr_on"])
        except (KeyError, TypeError, ValueError):
            continue
    return found
