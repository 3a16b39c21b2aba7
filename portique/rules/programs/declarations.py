"""The declarations people read before they sign, versioned; each program names its signers' (``Traits.declarations``).

A signature records the version it was given under, so that a later wording change
never makes an old signature say something its signer did not read. The wording
implements IRPR 10(2)(d) (a declaration that the information is complete and
accurate) and the guide's warnings (IMM 5445 — Step 2: false or misleading
information is a serious offence; information may be verified).
"""

from __future__ import annotations

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
        "ou document de voyage, puis de sélectionner « Signer », constitue ma signature électronique de la "
        "présente demande.",
    ),
    citation="IRPR 10(1)(b), 10(2)(d); IMM 5445 — Sign your application electronically",
)


# IMM 5289 — Step 6 (ACT-55, ACT-56): the sponsor's undertaking, and the principal applicant's
# declaration for the whole application.
SPONSOR_UNDERTAKING = Declaration(
    version="IMM1344-SPONSOR-2026-12",
    en=(
        "I undertake to provide for the basic needs of the persons I sponsor — food, clothing, shelter and other "
        "needs of everyday living, and dental care, eye care and other health needs not covered by public health "
        "insurance — for the whole length of the undertaking.",
        "I understand that the undertaking continues even if the person becomes a Canadian citizen, if we "
        "separate or divorce, if either of us moves, or if my finances change; and that social assistance received "
        "by a sponsored person during the undertaking must be repaid by me.",
        "I declare that the information I have given is complete and accurate, and I understand that typing my "
        "full name exactly as on my identity document, and selecting “Sign”, is my electronic signature of the "
        "Application to Sponsor, Sponsorship Agreement and Undertaking (IMM 1344).",
    ),
    fr=(
        "Je m’engage à subvenir aux besoins essentiels des personnes que je parraine — nourriture, vêtements, "
        "logement et autres besoins de la vie quotidienne, ainsi que soins dentaires, soins de la vue et autres "
        "besoins de santé non couverts par l’assurance maladie publique — pendant toute la durée de l’engagement.",
        "Je comprends que l’engagement demeure même si la personne devient citoyenne canadienne, si nous nous "
        "séparons ou divorçons, si l’un de nous déménage ou si ma situation financière change ; et que l’aide sociale "
        "reçue par une personne parrainée pendant l’engagement doit être remboursée par moi.",
        "Je déclare que les renseignements fournis sont complets et exacts, et je comprends que le fait d’écrire mon "
        "nom au complet exactement comme sur ma pièce d’identité, puis de sélectionner « Signer », constitue ma "
        "signature électronique de la Demande de parrainage, entente de parrainage et engagement (IMM 1344).",
    ),
    citation="IMM 5289 — Vos obligations en tant que répondant; Étape 3 (IMM 1344); IRPR 10(1)(b), 10(2)(d)",
)

APPLICANT_DECLARATION = Declaration(
    version="IMM0008-SPONSORED-2026-12",
    en=(
        "I sign this application for myself and for every family member included in it, and I co-sign the "
        "sponsor’s undertaking (IMM 1344).",
        "I declare that the information given in this application, in every family member’s forms and in every "
        "document uploaded with it, is complete, true and accurate, and that I understand every question.",
        "I understand that giving false or misleading information is a serious offence, and that typing my full "
        "name exactly as on my passport, and selecting “Sign”, is my electronic signature.",
    ),
    fr=(
        "Je signe la présente demande pour moi-même et pour chaque membre de ma famille qui y est inclus, et je "
        "cosigne l’engagement du répondant (IMM 1344).",
        "Je déclare que les renseignements fournis dans la présente demande, dans les formulaires de chaque membre "
        "de ma famille et dans chacun des documents téléversés sont complets, véridiques et exacts, et que je "
        "comprends chaque question.",
        "Je comprends que fournir des renseignements faux ou trompeurs constitue une infraction grave, et que le "
        "fait d’écrire mon nom au complet exactement comme sur mon passeport, puis de sélectionner « Signer », "
        "constitue ma signature électronique.",
    ),
    citation="IMM 5289 — Étape 6; Consentement et déclaration du demandeur (IMM 0008); IRPR 10(1)(b), 10(2)(d)",
)


# The representative's declaration (ACT-36, REP-12), versioned like the applicant's.
#
# Reading: seed 004 says only that the representative "ticks the declaration box" once the
# client has signed; the wording below states what IRPR 10(2)(c.1)–(c.3) make the
# representative answer for: that they represent the client for a fee as a member of a
# designated body, with the client's knowledge, and that the application is the one the
# client reviewed and signed.
REPRESENTATIVE = Declaration(
    version="REP-DECLARATION-2026-11",
    en=(
        "I declare that I am representing this client for a fee, as a member in good standing of the body "
        "named in the Use of a Representative form (IMM 5476) uploaded with this application.",
        "I declare that I prepared this application with the client's knowledge, that the client reviewed it "
        "and signed it electronically in their own account, and that I have not changed it since.",
        "I declare that, to the best of my knowledge, the information in this application and its documents "
        "is complete and accurate.",
    ),
    fr=(
        "Je déclare représenter ce client contre rémunération, à titre de membre en règle de l’organisme "
        "indiqué dans le formulaire Recours aux services d’un représentant (IMM 5476) téléversé avec la "
        "présente demande.",
        "Je déclare avoir préparé la présente demande au su du client, que celui-ci l’a passée en revue et "
        "l’a signée électroniquement dans son propre compte, et que je ne l’ai pas modifiée depuis.",
        "Je déclare qu’à ma connaissance, les renseignements contenus dans la présente demande et ses "
        "documents sont complets et exacts.",
    ),
    citation="IRPR 10(2)(c.1)–(c.3); Representative portal — « Signer et présenter la demande » (ACT-36, REP-12)",
)


# Temporary residents in Canada (seed 000): no guide in the sources words a declaration, so the
# one IRPR 10(2)(d) requires, with the e-signature the portal takes (ACT-51).
TEMPORARY_RESIDENT_APPLICANT = Declaration(
    version="STAY-EXTENSION-APPLICANT-2026-12",
    en=(
        "I declare that the information I have given in this application is complete and accurate.",
        "I understand that typing my full name exactly as it appears on my passport or travel document, "
        "and selecting “Sign”, is my electronic signature of this application.",
    ),
    fr=(
        "Je déclare que les renseignements fournis dans la présente demande sont complets et exacts.",
        "Je comprends que le fait d’écrire mon nom au complet exactement comme il figure sur mon passeport "
        "ou document de voyage, puis de sélectionner « Signer », constitue ma signature électronique de la "
        "présente demande.",
    ),
    citation="IRPR 10(1)(b), 10(2)(d)",
)

# The eTA (IRPR 12.04(4)(i)): the declaration the application must contain, with the e-signature.
ETA_APPLICANT = Declaration(
    version="ETA-APPLICANT-2026-12",
    en=(
        "I declare that the information I have given in this application is accurate and complete.",
        "I understand that typing my full name exactly as it appears on my passport, and selecting “Sign”, "
        "is my electronic signature of this application.",
    ),
    fr=(
        "Je déclare que les renseignements fournis dans la présente demande sont exacts et complets.",
        "Je comprends que le fait d’écrire mon nom au complet exactement comme il figure sur mon passeport, "
        "puis de sélectionner « Signer », constitue ma signature électronique de la présente demande.",
    ),
    citation="IRPR 12.04(4)(i)",
)
