"""The declarations people read before they sign, versioned.

A signature records the version it was given under, so that a later wording change
never makes an old signature say something its signer did not read. The wording
implements IRPR 10(2)(d) (a declaration that the information is complete and
accurate) and the guide's warnings (IMM 5445 — Step 2: false or misleading
information is a serious offence; information may be verified).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Declaration:
    version: str
    en: tuple[str, ...]
    fr: tuple[str, ...]
    citation: str

    def paragraphs(self, language: str) -> tuple[str, ...]:
        return self.fr if language.startswith("fr") else self.en


PR_CARD_APPLICANT = Declaration(
    version="IMM5444-APPLICANT-2026-11",
    en=(
        "I declare that the information I have given in this application, and in every document I have "
        "uploaded with it, is complete and accurate.",
        "I understand that giving false or misleading information is a serious offence, and that the "
        "information I have given may be verified.",
        "I understand that typing my full name exactly as it appears on my passport or travel document, "
        "and selecting “Sign”, is my electronic signature of this application.",
    ),
    fr=(
        "Je déclare que les renseignements fournis dans la présente demande, et dans chacun des documents "
        "que j’ai téléversés avec elle, sont complets et exacts.",
        "Je comprends que fournir des renseignements faux ou trompeurs constitue une infraction grave, et "
        "que les renseignements fournis peuvent faire l’objet d’une vérification.",
        "Je comprends que le fait d’écrire mon nom au complet exactement comme il figure sur mon passeport "
        "ou document de voyage, puis de sélectionner « Signer », constitue ma signature électronique de la "
        "présente demande.",
    ),
    citation="IRPR 10(1)(b), 10(2)(d); IMM 5445 — Sign your application electronically",
)

BY_PROGRAM = {"pr_card": PR_CARD_APPLICANT}
