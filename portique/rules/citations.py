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
)

# The headings the sponsorship guide's citations name (``sponsorship.vocabulary.cite``): (English, French as
# cited). The seeds hold the French guide only, so the English is a faithful rendering of each heading,
# not a quotation of the English guide.
SPONSORSHIP_HEADINGS: tuple[tuple[str, str], ...] = (
    ("Police certificates", "Certificats de police"),
    ("Become a sponsor", "Devenir répondant"),
    ("Sponsors who live in Quebec", "Répondants résidant au Québec"),
    ("Authorized representatives", "Représentants autorisés"),
    ("Letter of explanation", "Lettre d'explication"),
    ("Eligibility assessment", "Examen d'admissibilité"),
    ("If you are conjugal partners", "Si vous êtes partenaires conjugaux"),
    ("If you are in a common-law relationship", "Si vous vivez en union de fait"),
    ("Sponsors", "Répondants"),
    ("Who can use the application package?", "Qui peut utiliser la trousse de demande?"),
    ("Get a medical exam", "Passer l'examen médical"),
    ("Definitions of a dependent child", "Définitions d'enfant à charge"),
    ("Declare all your family members", "Déclarer tous les membres de votre famille"),
    ("Marriage certificates", "Certificats de mariage"),
    ("Physical characteristics – Sex", "Caractéristiques physiques – Sexe"),
    ("You may not be allowed to sponsor someone if...", "Vous pourriez ne pas être autorisé à parrainer une personne si..."),
    ("Your obligations as a sponsor", "Vos obligations en tant que répondant"),
    ("Type of dependant", "Type de personne à charge"),
    ("Work and study – Spouses and common-law partners in Canada", "Travailler et étudier – Époux et conjoints de fait au Canada"),
    ("Table 1 – Eligibility for rehabilitation", "Tableau 1 – Admissibilité à la réadaptation"),
    ("Suspension of processing", "Suspension du traitement"),
    ("If you are married", "Si vous êtes mariés"),
    ("If you do not meet the sponsorship requirements", "Si vous ne satisfaites pas aux exigences en matière de parrainage"),
    ("If you have lost your status", "Si vous avez perdu votre statut"),
    ("Birth information – Date of birth", "Renseignements sur la naissance – Date de naissance"),
    ("Complete the forms", "Remplir les formulaires"),
    ("Whom you can sponsor", "Qui vous pouvez parrainer"),
    ("Can I cancel my undertaking after it is approved?", "Puis-je annuler mon engagement après qu'il a été approuvé?"),
    ("Proof of identity", "Preuve d'identité"),
    ("How long is a permanent resident visa valid?", "Pendant combien de temps un visa de résident permanent est-il valide?"),
    ("Passports for family members", "Passeports pour les membres de la famille"),
    ("Sponsor your spouse or common-law partner who lives with you in Canada", "Parrainer votre époux ou conjoint de fait qui vit avec vous au Canada"),
    ("Sponsor someone if you live outside Canada", "Parrainer quelqu'un si vous vivez à l'extérieur du Canada"),
    ("Where do you plan to live in Canada?", "Où prévoyez-vous vivre au Canada?"),
    ("Sponsorship defaults", "Manquements en matière de parrainage"),
    ("Preferred language", "Langue de préférence"),
    ("Five-year sponsorship bar for spouses or partners", "Interdiction de parrainage pour une période de cinq ans visant les époux ou conjoints"),
    ("Generic Application Form for Canada (IMM 0008)", "Formulaire de demande générique pour le Canada (IMM 0008)"),
    ("Children born to Canadian citizens", "Enfants nés de citoyens canadiens"),
    ("Children born in Canada", "Enfants nés au Canada"),
    ("Length of the undertaking", "Durée de l'engagement"),
    ("Dependant's personal details", "Données personnelles de la personne à charge"),
    ("Certified true copies", "Copies certifiées conformes"),
    ("Convictions or offences in Canada", "Condamnations ou délits au Canada"),
    ("Convictions or crimes outside Canada", "Condamnations ou actes criminels à l'extérieur du Canada"),
    ("Choose the application category", "Choisissez la catégorie de la demande"),
    ("E-mail addresses", "Adresses de courriel"),
    ("Current mailing address", "Adresse postale actuelle"),
    (
        "Sponsorship bar for people convicted of violent crimes",
        "Interdiction de parrainage visant les personnes reconnues coupables de crimes violents",
    ),
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
    pairs += [*HEADINGS, *SPONSORSHIP_HEADINGS, *WORDS]
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
