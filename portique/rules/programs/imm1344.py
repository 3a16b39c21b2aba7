"""IMM 1344, Application to Sponsor, Sponsorship Agreement and Undertaking, as a digital form.

The sponsor answers it (IMM 5289 — Étape 3); the keys are those the sponsorship rules
read (``programs.sponsorship.sponsor_assessed``; ``docs/case.schema.json``): who the sponsor is
(SP-20, SP-21), the bars and suspensions (SP-30 to SP-45) and question 1 of section 1,
the choice to withdraw or proceed if the requirements are not met (SP-48).
"""

from __future__ import annotations

from ..forms.model import Condition, Field, FieldKind, Form, Section
from ..sponsorship.vocabulary import cite
from .sponsorship_fields import (
    ADDRESS_HELP_EN,
    ADDRESS_HELP_FR,
    DATE_OF_BIRTH_HELP_EN,
    DATE_OF_BIRTH_HELP_FR,
    MARITAL_STATUSES,
    flag,
    options,
    passport_name_fields,
)

CITATION = cite("Étape 3. Remplir la demande") + " (IMM 1344); IRPR 10(1)(c)"

STATUSES = options(
    {
        "canadian_citizen": ("Canadian citizen", "Citoyen canadien"),
        "registered_indian": (
            "Person registered as an Indian under the Indian Act",
            "Personne inscrite comme Indien en vertu de la Loi sur les Indiens",
        ),
        "permanent_resident": ("Permanent resident of Canada", "Résident permanent du Canada"),
        "other": ("None of these", "Aucun de ces statuts"),
    }
)
RESIDENCES = options(
    {
        "lives_in_canada": ("I live in Canada", "J’habite au Canada"),
        "travelling_abroad": (
            "I live in Canada and am travelling abroad (as a tourist)",
            "J’habite au Canada et je voyage à l’étranger (comme touriste)",
        ),
        "lives_abroad": ("I live outside Canada", "J’habite à l’extérieur du Canada"),
    }
)
SOCIAL_ASSISTANCE = options(
    {
        "none": ("No", "Non"),
        "disability": ("Yes, because of a disability", "Oui, en raison d’une invalidité"),
        "other_reason": ("Yes, for another reason", "Oui, pour une autre raison"),
    }
)
OFFENCES = options(
    {
        "sexual": ("A sexual offence", "Une infraction d’ordre sexuel"),
        "violent": ("A violent criminal offence", "Une infraction criminelle avec violence"),
        "bodily_harm": (
            "An offence causing bodily harm",
            "Une infraction ayant causé des lésions corporelles",
        ),
        "attempt_or_threat": (
            "An attempt or threat to commit one of these",
            "Une tentative ou une menace de commettre l’une d’elles",
        ),
        "other": ("Another offence", "Une autre infraction"),
    }
)
VICTIMS = options(
    {
        "not_family": ("Not a relative or partner", "Ni un parent ni un partenaire"),
        "spouse_partner_or_ex": (
            "My spouse or partner, or a former one",
            "Mon époux ou partenaire, actuel ou ancien",
        ),
        "child_of_spouse_partner_or_ex": (
            "A child of my spouse or partner, or of a former one",
            "Un enfant de mon époux ou partenaire, actuel ou ancien",
        ),
        "own_child": ("My child", "Mon enfant"),
        "relative": (
            "My parent, grandparent, child, grandchild, sibling, niece, nephew, aunt, uncle or cousin",
            "Mon parent, grand-parent, enfant, petit-enfant, frère, sœur, nièce, neveu, tante, oncle ou cousin",
        ),
        "relative_spouse_partner_ex_or_child": (
            "The spouse, partner, former partner or child of one of these relatives",
            "L’époux, le partenaire, l’ancien partenaire ou l’enfant de l’un de ces parents",
        ),
        "relative_of_spouse_partner_or_ex": (
            "A relative of my spouse or partner, or of a former one",
            "Un parent de mon époux ou partenaire, actuel ou ancien",
        ),
        "spouse_partner_or_child_of_own_child": (
            "The spouse, partner or child of my child",
            "L’époux, le partenaire ou l’enfant de mon enfant",
        ),
        "ex_of_spouse_partner_or_child": (
            "A former partner of my spouse, partner or child",
            "Un ancien partenaire de mon époux, partenaire ou enfant",
        ),
        "foster_child": (
            "A foster child in my care or in a relative’s care",
            "Un enfant placé en famille d’accueil à ma charge ou à celle d’un parent",
        ),
        "boyfriend_or_girlfriend": (
            "A boyfriend or girlfriend, current or former",
            "Un petit ami ou une petite amie, actuel ou ancien",
        ),
        "boyfriend_or_girlfriend_family": (
            "The spouse, partner or dependent child of a boyfriend or girlfriend",
            "L’époux, le partenaire ou l’enfant à charge d’un petit ami ou d’une petite amie",
        ),
        "other_relative": ("Another relative", "Un autre parent"),
    }
)
CHOICES = options(
    {
        "withdraw": (
            "Withdraw the sponsorship: the processing fees are refunded, except the $85 sponsorship fee",
            "Retirer le parrainage : les frais de traitement sont remboursés, sauf les frais de parrainage de 85 $",
        ),
        "proceed": (
            "Proceed with the application for permanent residence, knowing it will likely be refused",
            "Poursuivre la demande de résidence permanente, en sachant qu’elle sera probablement refusée",
        ),
    }
)

SPONSOR = Section(
    "sponsor",
    "About you, the sponsor",
    "À votre sujet, le répondant",
    (
        *passport_name_fields(),
        Field(
            "date_of_birth",
            FieldKind.DATE,
            "Date of birth",
            "Date de naissance",
            help_en="You must be 18 or older to sponsor. " + DATE_OF_BIRTH_HELP_EN,
            help_fr="Vous devez avoir 18 ans ou plus pour parrainer. " + DATE_OF_BIRTH_HELP_FR,
        ),
        Field(
            "status",
            FieldKind.CHOICE,
            "Your status in Canada",
            "Votre statut au Canada",
            options=STATUSES,
            help_en="A sponsor is a Canadian citizen, a person registered as an Indian, or a permanent resident.",
            help_fr="Le répondant est citoyen canadien, personne inscrite comme Indien ou résident permanent.",
        ),
        Field(
            "residence",
            FieldKind.CHOICE,
            "Where do you live?",
            "Où habitez-vous?",
            options=RESIDENCES,
            help_en="A citizen travelling as a tourist does not live outside Canada. A permanent resident living outside Canada cannot sponsor.",
            help_fr="Un citoyen qui voyage comme touriste n’habite pas à l’extérieur du Canada. Un résident permanent qui habite à l’extérieur du Canada ne peut pas parrainer.",
        ),
        flag(
            "intends_to_live_in_canada",
            "Will you live in Canada when the person you sponsor becomes a permanent resident?",
            "Habiterez-vous au Canada lorsque la personne parrainée deviendra résidente permanente?",
            when=Condition("residence", ("lives_abroad",)),
            help_en="A citizen living abroad must show this intention, with documents.",
            help_fr="Le citoyen qui habite à l’étranger doit démontrer cette intention, documents à l’appui.",
        ),
        flag(
            "resides_in_quebec",
            "Do you live in Quebec?",
            "Habitez-vous au Québec?",
            help_en="Quebec residents also give an undertaking to Quebec after IRCC approves them.",
            help_fr="Les résidents du Québec prennent aussi un engagement auprès du Québec une fois approuvés par IRCC.",
        ),
        Field(
            "social_assistance",
            FieldKind.CHOICE,
            "Do you receive social assistance?",
            "Recevez-vous de l’aide sociale?",
            options=SOCIAL_ASSISTANCE,
            help_en="Social assistance for a reason other than a disability bars you from sponsoring.",
            help_fr="L’aide sociale reçue pour une raison autre qu’une invalidité vous empêche de parrainer.",
        ),
        flag(
            "intends_to_appeal_if_refused",
            "If the sponsorship is refused, would you want to appeal?",
            "Si le parrainage est refusé, voudriez-vous interjeter appel?",
            required=False,
            help_en="Only the family class gives a right of appeal: this guides the category.",
            help_fr="Seule la catégorie du regroupement familial donne un droit d’appel : cela oriente le choix de la catégorie.",
        ),
        Field(
            "address",
            FieldKind.LONG_TEXT,
            "Your mailing address",
            "Votre adresse postale",
            help_en=ADDRESS_HELP_EN,
            help_fr=ADDRESS_HELP_FR,
            max_length=400,
        ),
        Field(
            "citizenship", FieldKind.COUNTRY, "Country of citizenship", "Pays de citoyenneté", required=False
        ),
        Field(
            "marital_status",
            FieldKind.CHOICE,
            "Your marital status",
            "Votre état matrimonial",
            options=MARITAL_STATUSES,
        ),
    ),
)

HISTORY = Section(
    "history",
    "Your history as a sponsor",
    "Vos antécédents de répondant",
    (
        Field(
            "previous_partner_pr_dates",
            FieldKind.DATES,
            "Dates on which a spouse or partner you sponsored before became a permanent resident",
            "Dates auxquelles un époux ou partenaire que vous avez déjà parrainé est devenu résident permanent",
            required=False,
            help_en="One date per line. Less than 3 years ago bars a new spouse or partner sponsorship.",
            help_fr="Une date par ligne. Moins de 3 ans empêche de parrainer un nouvel époux ou partenaire.",
        ),
        Field(
            "sponsored_as_partner_pr_date",
            FieldKind.DATE,
            "If you were sponsored as a spouse or partner: the date you became a permanent resident",
            "Si vous avez été parrainé comme époux ou partenaire : la date à laquelle vous êtes devenu résident permanent",
            required=False,
            help_en="Less than 5 years ago bars you from sponsoring a new spouse or partner, even if you are now a citizen.",
            help_fr="Moins de 5 ans vous empêche de parrainer un nouvel époux ou partenaire, même si vous êtes maintenant citoyen.",
        ),
        flag(
            "unrepaid_sponsorship_default",
            "Did someone you sponsored receive social assistance that you have not repaid?",
            "Une personne que vous avez parrainée a-t-elle reçu de l’aide sociale que vous n’avez pas remboursée?",
        ),
        flag(
            "immigration_loan_in_default",
            "Are you late on an immigration loan (transportation, assistance or right of permanent residence fee)?",
            "Êtes-vous en retard de paiement d’un prêt à l’immigration (transport, aide ou frais relatifs au droit de résidence permanente)?",
        ),
        flag(
            "performance_bond_unpaid",
            "Do you owe a performance bond you have not paid in full?",
            "Devez-vous une garantie d’exécution que vous n’avez pas payée en entier?",
        ),
        flag(
            "court_ordered_support_in_default",
            "Are you in default of court-ordered support for a spouse or child?",
            "Êtes-vous en défaut de paiement d’une pension alimentaire ordonnée par un tribunal?",
        ),
        flag("undischarged_bankrupt", "Are you an undischarged bankrupt?", "Êtes-vous un failli non libéré?"),
        flag(
            "subject_to_removal_order",
            "Are you subject to a removal order?",
            "Faites-vous l’objet d’une mesure de renvoi?",
        ),
        flag(
            "detained_in_prison",
            "Are you detained in a penitentiary, jail, reformatory or prison?",
            "Êtes-vous détenu dans un pénitencier, une prison ou une maison de correction?",
        ),
        flag(
            "pending_sponsorship_of_same_person",
            "Have you already applied to sponsor this person, with no decision yet?",
            "Avez-vous déjà demandé à parrainer cette personne, sans décision à ce jour?",
            help_en="A second sponsorship of the same person while the first is pending is not processed (IRPR 10(5)).",
            help_fr="Un second parrainage de la même personne pendant que le premier est en cours n’est pas traité (RIPR 10(5)).",
        ),
        flag(
            "citizenship_being_revoked",
            "Is your citizenship being revoked?",
            "Votre citoyenneté fait-elle l’objet d’une révocation?",
        ),
        flag(
            "residency_conditions_not_met",
            "Have you failed to meet residency conditions imposed on you?",
            "Avez-vous omis de respecter des conditions de résidence qui vous ont été imposées?",
        ),
        flag(
            "security_certificate",
            "Are you named in a security certificate signed by the ministers?",
            "Êtes-vous visé par un certificat de sécurité signé par les ministres?",
        ),
        Field(
            "charged_offence_max_prison_years",
            FieldKind.INTEGER,
            "If you are charged with an offence: its maximum prison term, in years",
            "Si vous êtes accusé d’une infraction : la peine d’emprisonnement maximale, en années",
            required=False,
            help_en="Leave blank if you are not charged. A charge punishable by 10 years or more suspends processing.",
            help_fr="Laissez vide si vous n’êtes pas accusé. Une accusation passible de 10 ans ou plus suspend le traitement.",
        ),
    ),
)

CONVICTIONS = Section(
    "convictions",
    "Your convictions",
    "Vos condamnations",
    (
        Field("offence", FieldKind.CHOICE, "Offence", "Infraction", options=OFFENCES),
        Field("victim", FieldKind.CHOICE, "Who was the victim?", "Qui était la victime?", options=VICTIMS),
        flag(
            "pardoned",
            "Were you pardoned (record suspension)?",
            "Avez-vous obtenu un pardon (suspension du casier)?",
        ),
    ),
    intro_en="List every conviction, in Canada or elsewhere. Leave the table empty if you have none.",
    intro_fr="Inscrivez chaque condamnation, au Canada ou ailleurs. Laissez le tableau vide si vous n’en avez aucune.",
    repeating=True,
    rows_optional=True,
    path=("history", "convictions"),
)

QUESTION_1 = Section(
    "question_1",
    "If you do not meet the requirements (section 1, question 1)",
    "Si vous ne satisfaites pas aux exigences (section 1, question 1)",
    (
        Field(
            "choice",
            FieldKind.CHOICE,
            "If you are found not to meet the requirements to sponsor, what should happen?",
            "S’il est établi que vous ne satisfaites pas aux exigences pour parrainer, que doit-il se passer?",
            options=CHOICES,
            required=False,
            help_en="Answer it if the eligibility check found a bar. Proceeding gives the family class a right of appeal.",
            help_fr="Répondez-y si la vérification de l’admissibilité a relevé une interdiction. Poursuivre donne un droit d’appel dans la catégorie du regroupement familial.",
        ),
    ),
)

IMM1344 = Form(
    code="IMM1344",
    en="Application to Sponsor, Sponsorship Agreement and Undertaking (IMM 1344)",
    fr="Demande de parrainage, entente de parrainage et engagement (IMM 1344)",
    sections=(SPONSOR, HISTORY, CONVICTIONS, QUESTION_1),
    citation=CITATION,
)
