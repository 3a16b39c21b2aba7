"""The representative's declaration (ACT-36, REP-12), versioned like the applicant's.

Reading: seed 004 says only that the representative "ticks the declaration box" once the
client has signed; the wording below states what IRPR 10(2)(c.1)–(c.3) make the
representative answer for: that they represent the client for a fee as a member of a
designated body, with the client's knowledge, and that the application is the one the
client reviewed and signed.
"""

from portique.rules.programs.declarations import Declaration

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
