"""IMM 1344, Application to Sponsor, Sponsorship Agreement and Undertaking, as a digital form.

The sponsor answers it (IMM 5289 — Étape 3); the keys are those the sponsorship rules
read (``programs.sponsorship.sponsor_assessed``; ``docs/case.schema.json``): who the sponsor is
(SP-20, SP-21), the bars and suspensions (SP-30 to SP-45) and question 1 of section 1,
the choice to withdraw or proceed if the requirements are not met (SP-48).
"""

from __future__ import annotations

from ..forms.model import Condition, Field, FieldKind, Form, Page, RowName, Section
from ..sponsorship.eligibility import (
    BECOME_SPONSOR,
    DEFAULTS,
    FIVE_YEAR_BAR,
    LIVING_ABROAD,
    MAY_NOT_SPONSOR,
    QUEBEC,
    SUSPENSION,
    VIOLENT_CRIME_BAR,
)
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
            "Retirer le parrainage : les frais de traitement sont remboursés, sauf les frais de parrainage de 85 $",
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
            "Où habitez-vous ?",
            options=RESIDENCES,
            help_en="A citizen travelling as a tourist does not live outside Canada. A permanent resident living outside Canada cannot sponsor.",
            help_fr="Un citoyen qui voyage comme touriste n’habite pas à l’extérieur du Canada. Un résident permanent qui habite à l’extérieur du Canada ne peut pas parrainer.",
        ),
        flag(
            "intends_to_live_in_canada",
            "Will you live in Canada when the person you sponsor becomes a permanent resident?",
            "Habiterez-vous au Canada lorsque la personne parrainée deviendra résidente permanente ?",
            when=Condition("residence", ("lives_abroad",)),
            help_en="A citizen living abroad must show this intention, with documents.",
            help_fr="Le citoyen qui habite à l’étranger doit démontrer cette intention, documents à l’appui.",
        ),
        flag(
            "resides_in_quebec",
            "Do you live in Quebec?",
            "Habitez-vous au Québec ?",
            help_en="Quebec residents also give an undertaking to Quebec after IRCC approves them.",
            help_fr="Les résidents du Québec prennent aussi un engagement auprès du Québec une fois approuvés par IRCC.",
        ),
        Field(
            "social_assistance",
            FieldKind.CHOICE,
            "Do you receive social assistance?",
            "Recevez-vous de l’aide sociale ?",
            options=SOCIAL_ASSISTANCE,
            help_en="Social assistance for a reason other than a disability bars you from sponsoring.",
            help_fr="L’aide sociale reçue pour une raison autre qu’une invalidité vous empêche de parrainer.",
        ),
        flag(
            "intends_to_appeal_if_refused",
            "If the sponsorship is refused, would you want to appeal?",
            "Si le parrainage est refusé, voudriez-vous interjeter appel ?",
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
    # One topic a page, in plain words (issue 14: one thing per page); the answers stay the section's.
    pages=(
        Page(
            "about_you",
            "Your name and date of birth",
            "Votre nom et votre date de naissance",
            ("family_name", "given_names", "date_of_birth"),
            why_en="You must be at least 18 years old to sponsor someone.",
            why_fr="Vous devez avoir au moins 18 ans pour parrainer quelqu’un.",
            citation=BECOME_SPONSOR,
        ),
        Page(
            "status",
            "Your status in Canada and where you live",
            "Votre statut au Canada et votre lieu de résidence",
            ("status", "residence", "intends_to_live_in_canada", "resides_in_quebec"),
            why_en=(
                "Only a Canadian citizen, a person registered under the Indian Act or a permanent resident can sponsor. "
                "A permanent resident must live in Canada; a citizen living abroad must plan to return. "
                "Quebec has its own undertaking."
            ),
            why_fr=(
                "Seul un citoyen canadien, une personne inscrite en vertu de la Loi sur les Indiens ou un résident "
                "permanent peut parrainer. Le résident permanent doit habiter au Canada ; le citoyen qui habite à "
                "l’étranger doit prévoir d’y revenir. Le Québec a son propre engagement."
            ),
            citation=f"{BECOME_SPONSOR}; {LIVING_ABROAD}; {QUEBEC}",
        ),
        Page(
            "social_assistance",
            "Social assistance",
            "Aide sociale",
            ("social_assistance",),
            why_en="You cannot sponsor while you receive social assistance for a reason other than a disability.",
            why_fr="Vous ne pouvez pas parrainer si vous recevez de l’aide sociale pour une raison autre qu’une invalidité.",
            citation=MAY_NOT_SPONSOR,
        ),
        Page(
            "contact",
            "Your address and family situation",
            "Votre adresse et votre situation familiale",
            ("address", "citizenship", "marital_status", "intends_to_appeal_if_refused"),
            why_en=(
                "We write to you at this address. If the sponsorship is refused, only the family class gives a right "
                "of appeal: your answer guides the category."
            ),
            why_fr=(
                "Nous vous écrivons à cette adresse. Si le parrainage est refusé, seule la catégorie du regroupement "
                "familial donne un droit d’appel : votre réponse oriente le choix de la catégorie."
            ),
            citation=CITATION,
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
            "Si vous avez été parrainé comme époux ou partenaire : la date à laquelle vous êtes devenu résident permanent",
            required=False,
            help_en="Less than 5 years ago bars you from sponsoring a new spouse or partner, even if you are now a citizen.",
            help_fr="Moins de 5 ans vous empêche de parrainer un nouvel époux ou partenaire, même si vous êtes maintenant citoyen.",
        ),
        flag(
            "unrepaid_sponsorship_default",
            "Did someone you sponsored receive social assistance that you have not repaid?",
            "Une personne que vous avez parrainée a-t-elle reçu de l’aide sociale que vous n’avez pas remboursée ?",
        ),
        flag(
            "immigration_loan_in_default",
            "Are you late on an immigration loan (transportation, assistance or right of permanent residence fee)?",
            "Êtes-vous en retard de paiement d’un prêt à l’immigration (transport, aide ou frais relatifs au droit de résidence permanente) ?",
        ),
        flag(
            "performance_bond_unpaid",
            "Do you owe money on a performance bond (a sum you promised to pay if a visitor did not leave Canada)?",
            "Devez-vous une somme au titre d’une garantie d’exécution (somme promise si un visiteur ne quittait pas le Canada) ?",
        ),
        flag(
            "court_ordered_support_in_default",
            "Are you in default of court-ordered support for a spouse or child?",
            "Êtes-vous en défaut de paiement d’une pension alimentaire ordonnée par un tribunal ?",
        ),
        flag("undischarged_bankrupt", "Are you bankrupt and not yet discharged (released from your debts) by the court?", "Êtes-vous en faillite sans avoir encore été libéré de vos dettes par le tribunal ?"),
        flag(
            "subject_to_removal_order",
            "Have you been ordered to leave Canada (a removal order)?",
            "Vous a-t-on ordonné de quitter le Canada (mesure de renvoi) ?",
        ),
        flag(
            "detained_in_prison",
            "Are you detained in a penitentiary, jail, reformatory or prison?",
            "Êtes-vous détenu dans un pénitencier, une prison ou une maison de correction ?",
        ),
        flag(
            "pending_sponsorship_of_same_person",
            "Have you already applied to sponsor this person, with no decision yet?",
            "Avez-vous déjà demandé à parrainer cette personne, sans décision à ce jour ?",
            help_en="A second sponsorship of the same person while the first is pending is not processed (IRPR 10(5)).",
            help_fr="Un second parrainage de la même personne pendant que le premier est en cours n’est pas traité (RIPR 10(5)).",
        ),
        flag(
            "citizenship_being_revoked",
            "Is your citizenship being revoked?",
            "Votre citoyenneté fait-elle l’objet d’une révocation ?",
        ),
        flag(
            "residency_conditions_not_met",
            "Have you failed to meet residency conditions imposed on you?",
            "Avez-vous omis de respecter des conditions de résidence qui vous ont été imposées ?",
        ),
        flag(
            "security_certificate",
            "Have the ministers signed a security certificate naming you (a finding that you are a danger to Canada’s security)?",
            "Les ministres ont-ils signé un certificat de sécurité à votre nom (constat que vous êtes un danger pour la sécurité du Canada) ?",
        ),
        Field(
            "charged_offence_max_prison_years",
            FieldKind.INTEGER,
            "If you are charged with an offence: its maximum prison term, in years",
            "Si vous êtes accusé d’une infraction : la peine d’emprisonnement maximale, en années",
            required=False,
            help_en="Leave blank if you are not charged. A charge punishable by 10 years or more suspends processing.",
            help_fr="Laissez vide si vous n’êtes pas accusé. Une accusation passible de 10 ans ou plus suspend le traitement.",
        ),
    ),
    # One topic a page, in plain words (issue 14: one thing per page); the answers stay the section's.
    pages=(
        Page(
            "previous_sponsorships",
            "Sponsorships before this one",
            "Parrainages antérieurs",
            ("previous_partner_pr_dates", "sponsored_as_partner_pr_date", "pending_sponsorship_of_same_person"),
            why_en=(
                "You cannot sponsor a new spouse or partner within 3 years of a former one becoming a permanent "
                "resident, or within 5 years of becoming one yourself as a sponsored spouse or partner. A second "
                "application for the same person is not processed while the first is pending."
            ),
            why_fr=(
                "Vous ne pouvez pas parrainer un nouvel époux ou partenaire dans les 3 ans suivant la date à laquelle "
                "l’ancien est devenu résident permanent, ni dans les 5 ans suivant la date à laquelle vous l’êtes "
                "vous-même devenu comme époux ou partenaire parrainé. Une seconde demande pour la même personne "
                "n’est pas traitée pendant que la première est en cours."
            ),
            citation=f"{FIVE_YEAR_BAR}; IRPR 10(5)",
        ),
        Page(
            "undertakings_and_support",
            "Money you owe: undertakings, loans and support",
            "Sommes dues : engagements, prêts et pensions alimentaires",
            (
                "unrepaid_sponsorship_default",
                "immigration_loan_in_default",
                "performance_bond_unpaid",
                "court_ordered_support_in_default",
            ),
            why_en=(
                "You cannot sponsor while you owe the government for an earlier sponsorship, an immigration loan "
                "or a performance bond, or while you are behind on support a court ordered."
            ),
            why_fr=(
                "Vous ne pouvez pas parrainer tant que vous devez au gouvernement des sommes liées à un parrainage "
                "antérieur, à un prêt à l’immigration ou à une garantie d’exécution, ni tant que vous êtes en retard "
                "dans le paiement d’une pension alimentaire ordonnée par un tribunal."
            ),
            citation=DEFAULTS,
        ),
        Page(
            "bankruptcy",
            "Bankruptcy",
            "Faillite",
            ("undischarged_bankrupt",),
            why_en="A person who is bankrupt and not yet discharged by the court cannot sponsor.",
            why_fr="Une personne en faillite qui n’a pas encore été libérée par le tribunal ne peut pas parrainer.",
            citation=MAY_NOT_SPONSOR,
        ),
        Page(
            "criminality",
            "Prison and criminal charges",
            "Détention et accusations criminelles",
            ("detained_in_prison", "charged_offence_max_prison_years"),
            why_en=(
                "You cannot sponsor while in prison. A charge for a serious offence puts the application on hold "
                "until the court decides."
            ),
            why_fr=(
                "Vous ne pouvez pas parrainer pendant que vous êtes détenu. Une accusation d’infraction grave "
                "suspend la demande jusqu’à la décision du tribunal."
            ),
            citation=f"{MAY_NOT_SPONSOR}; {VIOLENT_CRIME_BAR}; {SUSPENSION}",
        ),
        Page(
            "status_proceedings",
            "Your own status",
            "Votre propre statut",
            (
                "subject_to_removal_order",
                "citizenship_being_revoked",
                "residency_conditions_not_met",
                "security_certificate",
            ),
            why_en=(
                "You cannot sponsor while you are ordered to leave Canada, named in a security certificate, "
                "or have not met the residency conditions imposed on you; the loss of your citizenship puts the "
                "application on hold."
            ),
            why_fr=(
                "Vous ne pouvez pas parrainer si vous faites l’objet d’une mesure de renvoi ou d’un certificat de "
                "sécurité, ou si vous n’avez pas respecté les conditions de résidence qui vous ont été imposées ; "
                "la révocation de votre citoyenneté suspend la demande."
            ),
            citation=f"{MAY_NOT_SPONSOR}; {SUSPENSION}",
        ),
    ),
)

CONVICTIONS = Section(
    "convictions",
    "Your convictions",
    "Vos condamnations",
    (
        Field("offence", FieldKind.CHOICE, "Offence", "Infraction", options=OFFENCES),
        Field("victim", FieldKind.CHOICE, "Who was the victim?", "Qui était la victime ?", options=VICTIMS),
        flag(
            "pardoned",
            "Were you pardoned (record suspension)?",
            "Avez-vous obtenu un pardon (suspension du casier) ?",
        ),
    ),
    intro_en="List every conviction, in Canada or elsewhere. Leave the table empty if you have none.",
    intro_fr="Inscrivez chaque condamnation, au Canada ou ailleurs. Laissez le tableau vide si vous n’en avez aucune.",
    repeating=True,
    rows_optional=True,
    path=("history", "convictions"),
    row_name=RowName("conviction", "condamnation", fr_feminine=True),
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
            "S’il est établi que vous ne satisfaites pas aux exigences pour parrainer, que doit-il se passer ?",
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
