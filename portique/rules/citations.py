"""A citation in the reader's language.

The rules cite the guides by their headings as published (the guides are French in the
seeds) and the Regulations by their English abbreviation (``IRPR 10(1)``). A page in
English shows the English headings, a page in French the French ones and the French
abbreviations (RIPR, LIPR): ``citation_in`` rewrites what it knows, and leaves the rest
as cited.
"""

from __future__ import annotations

import re

from .typography import french

# The numbered steps of the two guides: (English heading, French heading as published).
STEPS: dict[str, dict[int, tuple[str, str]]] = {
    "IMM 5445": {
        1: ("Gather the documents", "Rassemblez les documents"),
        2: ("Complete the forms", "Remplissez les formulaires"),
        3: ("Pay the fee", "Payez le frais"),
        4: ("Submit the application", "Soumettre la demande"),
    },
    "IMM 5289": {
        1: ("Get the application package", "Procurez-vous la trousse de demande"),
        2: ("Gather the documents", "Rassemblez les documents"),
        3: ("Complete the application", "Remplir la demande"),
        4: ("Pay the fees", "Payez les frais"),
        5: (
            "Check your application to avoid common errors",
            "Vérifiez votre demande pour éviter les erreurs courantes",
        ),
        6: ("Submit the application", "Envoyez la demande"),
    },
}

# Other headings the PR card guide's citations name: (English, French as published).
HEADINGS: tuple[tuple[str, str], ...] = (
    ("Your PR card", "Votre carte RP"),
    ("Residency obligation", "Obligation de résidence"),
    ("Humanitarian and compassionate grounds", "Motifs d’ordre humanitaire"),
    ("Indigenous names", "Noms autochtones"),
    ("Translation of documents", "Traduction de documents"),
    ("Is your application urgent?", "Votre demande est-elle urgente?"),
    (
        "You may be eligible for Canadian citizenship",
        "Vous pourriez être admissible à la citoyenneté canadienne",
    ),
    ("Biometrics", "Données biométriques"),
    ("Complete the application form", "Remplissez le formulaire de demande"),
    ("Check your application", "Vérifiez votre demande"),
    # The sponsorship guide's (IMM 5289) headings that the eligibility rules and questions cite.
    ("Becoming a sponsor", "Devenir répondant"),
    ("You may not be allowed to sponsor someone if…", "Vous pourriez ne pas être autorisé à parrainer une personne si..."),
    ("Sponsoring someone if you live outside Canada", "Parrainer quelqu'un si vous vivez à l'extérieur du Canada"),
    ("Sponsorship defaults", "Manquements en matière de parrainage"),
    (
        "Five-year sponsorship bar for spouses and partners",
        "Interdiction de parrainage pour une période de cinq ans visant les époux ou conjoints",
    ),
    (
        "Sponsorship bar for people convicted of violent crimes",
        "Interdiction de parrainage visant les personnes reconnues coupables de crimes violents",
    ),
    ("Processing put on hold", "Suspension du traitement"),
    ("If you do not meet the sponsorship requirements", "Si vous ne satisfaites pas aux exigences en matière de parrainage"),
    ("Sponsors who live in Quebec", "Répondants résidant au Québec"),
    ("Choose the category of the application", "Choisissez la catégorie de la demande"),
)

# Abbreviations and words of the citations themselves: (English, French).
WORDS: tuple[tuple[str, str], ...] = (
    ("IRPR", "RIPR"),
    ("IRPA", "LIPR"),
    ("Appendix", "Appendice"),
)

_STEP = re.compile(r"(?:Step|Étape) (?P<number>\d)(?P<separator>\.|:)?")


def _pairs(english: bool) -> list[tuple[str, str]]:
    """(what to find, what to write), the longest first so that a heading wins over its start."""
    pairs = [pair for steps in STEPS.values() for pair in steps.values()]
    pairs += [*HEADINGS, *WORDS]
    found = [(fr, en) if english else (en, fr) for en, fr in pairs]
    return sorted(dict(found).items(), key=lambda pair: -len(pair[0]))


def citation_in(citation: str, language: str) -> str:
    """``citation`` with the headings, abbreviations and words it knows in ``language``."""
    if not citation:
        return citation
    english = not language.lower().startswith("fr")

    def step(match: re.Match) -> str:
        word = "Step" if english else "Étape"
        return f"{word} {match.group('number')}{':' if match.group('separator') else ''}"

    text = _STEP.sub(step, citation)
    for source, target in _pairs(english):
        text = re.sub(rf"(?<!\w){re.escape(source)}(?!\w)", target, text)
    return text if english else french(text)
