"""IMM 0008, Generic Application Form for Canada, as the sponsorship's digital form.

The principal applicant completes it, with a "dependant" part for each family member
(IMM 5289 — Étape 3; SP-150, SP-170). The keys are those the sponsorship rules read
(``programs.sponsorship._applicant``, ``_relationship_and_category``,
``_dependants_and_income``; ``docs/case.schema.json``). Three shapes of one form:
the spouse or partner as principal applicant, the dependent child as principal
applicant, and a dependent child of the principal applicant.
"""

from __future__ import annotations

from ..forms.model import Condition, Field, FieldKind, Form, RowName, Section
from ..sponsorship.vocabulary import cite
from .sponsorship_fields import (
    ADDRESS_HELP_EN,
    ADDRESS_HELP_FR,
    DATE_OF_BIRTH_HELP_EN,
    DATE_OF_BIRTH_HELP_FR,
    MARITAL_STATUSES,
    SEXES,
    flag,
    options,
    passport_name_fields,
)

CITATION = cite("Formulaire de demande générique pour le Canada (IMM 0008)") + "; IRPR 10(1)(c)"

RELATIONSHIPS = options(
    {
        "spouse": ("Spouse (married)", "Époux (mariés)"),
        "common_law_partner": (
            "Common-law partner (12 months living together)",
            "Conjoint de fait (12 mois de vie commune)",
        ),
        "conjugal_partner": (
            "Conjugal partner (living outside Canada)",
            "Partenaire conjugal (habitant à l’extérieur du Canada)",
        ),
    }
)
LOCATIONS = options(
    {
        "outside_canada": ("Outside Canada", "À l’extérieur du Canada"),
        "in_canada_with_sponsor": ("In Canada, living with the sponsor", "Au Canada, avec le répondant"),
        "in_canada_not_with_sponsor": (
            "In Canada, not living with the sponsor",
            "Au Canada, sans habiter avec le répondant",
        ),
    }
)
CATEGORIES = options(
    {
        "family_class": ("Family class", "Catégorie du regroupement familial"),
        "spouse_or_common_law_in_canada": (
            "Spouse or common-law partner in Canada class",
            "Catégorie des époux ou conjoints de fait au Canada",
        ),
    }
)
INADMISSIBILITIES = options(
    {
        "overstayed": ("Stayed after my status expired", "Je suis resté après l’expiration de mon statut"),
        "worked_or_studied_without_authorization": (
            "Worked or studied without authorization",
            "J’ai travaillé ou étudié sans autorisation",
        ),
        "entered_without_visa_or_document": (
            "Entered without a visa or other document",
            "Je suis entré sans visa ni autre document",
        ),
        "entered_without_passport_or_travel_document": (
            "Entered without a passport or travel document",
            "Je suis entré sans passeport ni document de voyage",
        ),
        "criminality": ("Criminality", "Criminalité"),
        "misrepresentation": ("Misrepresentation", "Fausses déclarations"),
        "security": ("Security", "Sécurité"),
        "medical": ("Medical", "Motifs sanitaires"),
        "other": ("Another ground", "Un autre motif"),
    }
)
MARRIAGE_PLACES = options(
    {"in_canada": ("In Canada", "Au Canada"), "outside_canada": ("Outside Canada", "À l’extérieur du Canada")}
)
MARRIAGE_FORMS = options(
    {
        "both_physically_present": ("Both of us were physically present", "Nous étions tous deux présents"),
        "proxy": ("By proxy", "Par procuration"),
        "telephone": ("By telephone", "Par téléphone"),
        "fax": ("By fax", "Par télécopieur"),
        "internet": ("Over the Internet", "Par Internet"),
        "other_not_physically_present": (
            "Another way, one of us not present",
            "Autrement, l’un de nous étant absent",
        ),
    }
)
MARRIAGE_PROOFS = options(
    {
        "marriage_certificate": ("Marriage certificate", "Certificat de mariage"),
        "proof_of_registration": (
            "Proof of registration of the marriage",
            "Preuve d’enregistrement du mariage",
        ),
        "canadian_certificate_of_celebration": (
            "Canadian certificate of celebration of marriage",
            "Attestation canadienne de la célébration du mariage",
        ),
        "marriage_licence": ("Marriage licence", "Permis de mariage"),
        "other": ("Another document", "Un autre document"),
    }
)
CUSTODIES = options(
    {
        "not_applicable": ("Not applicable (18 or older)", "Sans objet (18 ans ou plus)"),
        "principal_applicant": ("The principal applicant", "Le demandeur principal"),
        "joint": ("Joint custody", "Garde partagée"),
        "sole_other_parent": ("The other parent alone", "L’autre parent seul"),
    }
)


def _application(*, partner: bool) -> Section:
    fields = []
    if partner:
        fields.append(
            Field(
                "relationship",
                FieldKind.CHOICE,
                "Whom does the sponsor sponsor?",
                "Qui le répondant parraine-t-il ?",
                options=RELATIONSHIPS,
                help_en="A conjugal partner lives outside Canada: a partner living in Canada is sponsored as a spouse or common-law partner.",
                help_fr="Le partenaire conjugal habite à l’extérieur du Canada : un partenaire qui habite au Canada est parrainé comme époux ou conjoint de fait.",
            )
        )
    fields += [
        Field(
            "location",
            FieldKind.CHOICE,
            "Where does the principal applicant live now?",
            "Où le demandeur principal habite-t-il maintenant ?",
            options=LOCATIONS,
        ),
        flag(
            "has_valid_temporary_status",
            "Does the principal applicant have valid temporary resident status in Canada?",
            "Le demandeur principal a-t-il un statut de résident temporaire valide au Canada ?",
            when=Condition("location", ("in_canada_with_sponsor", "in_canada_not_with_sponsor")),
        ),
        flag(
            "stays_in_canada_during_processing",
            "Will the principal applicant stay in Canada while the application is processed?",
            "Le demandeur principal restera-t-il au Canada pendant le traitement de la demande ?",
            when=Condition("location", ("in_canada_with_sponsor", "in_canada_not_with_sponsor")),
            help_en="The spouse or common-law partner in Canada class requires it; leaving Canada may lead to refusal.",
            help_fr="La catégorie des époux ou conjoints de fait au Canada l’exige ; quitter le Canada peut entraîner un refus.",
        ),
        Field(
            "inadmissibilities",
            FieldKind.MULTI_CHOICE,
            "Which of these apply to the principal applicant? (none, one or several)",
            "Lesquels de ces éléments s’appliquent au demandeur principal ? (aucun, un ou plusieurs)",
            options=INADMISSIBILITIES,
            required=False,
            when=Condition("location", ("in_canada_with_sponsor",)),
            help_en="Without status, the public policy may cover overstaying, working or studying without authorization and entering without documents; it does not cover the other grounds.",
            help_fr="Sans statut, la politique d’intérêt public peut couvrir le séjour prolongé, le travail ou les études sans autorisation et l’entrée sans document ; elle ne couvre pas les autres motifs.",
        ),
        flag(
            "will_hold_valid_passport_when_pr_granted",
            "Will the principal applicant hold a valid passport when permanent residence is granted?",
            "Le demandeur principal aura-t-il un passeport valide au moment de l’octroi de la résidence permanente ?",
            required=False,
            when=Condition("location", ("in_canada_with_sponsor",)),
        ),
        Field(
            "category",
            FieldKind.CHOICE,
            "Category of the application",
            "Catégorie de la demande",
            options=CATEGORIES,
            help_en="Family class: a right of appeal, the applicant may travel. In-Canada class: living with the sponsor in Canada, an open work permit possible, no appeal.",
            help_fr="Regroupement familial : droit d’appel, le demandeur peut voyager. Catégorie au Canada : vie commune avec le répondant au Canada, permis de travail ouvert possible, aucun appel.",
        ),
    ]
    if partner:
        fields.append(
            flag(
                "pay_rprf_now",
                "Pay the right of permanent residence fee ($575) now?",
                "Payer les frais relatifs au droit de résidence permanente (575 $) maintenant ?",
                help_en="It must be paid before permanent residence is granted and is refunded if it is not; paying now avoids delays.",
                help_fr="Ils doivent être payés avant l’octroi de la résidence permanente et sont remboursés sinon ; les payer maintenant évite des retards.",
            )
        )
    return Section(
        "application",
        "Your application",
        "Votre demande",
        tuple(fields),
        intro_en="These answers decide the category and the fees. The eligibility questions you answered at the start are already here.",
        intro_fr="Ces réponses déterminent la catégorie et les frais. Les réponses données au début sont déjà inscrites.",
    )


PERSONAL = Section(
    "personal",
    "Personal details",
    "Renseignements personnels",
    (
        *passport_name_fields(),
        Field(
            "date_of_birth",
            FieldKind.DATE,
            "Date of birth",
            "Date de naissance",
            help_en=DATE_OF_BIRTH_HELP_EN,
            help_fr=DATE_OF_BIRTH_HELP_FR,
        ),
        Field(
            "sex",
            FieldKind.CHOICE,
            "Sex",
            "Sexe",
            options=SEXES,
            help_en="Choosing X when the passport shows another identifier requires form IRM 0002 (no documents needed).",
            help_fr="Choisir X alors que le passeport indique un autre identifiant exige le formulaire IRM 0002 (aucun document requis).",
        ),
        flag(
            "travel_document_shows_x",
            "Does the passport or travel document show X?",
            "Le passeport ou document de voyage indique-t-il X ?",
            when=Condition("sex", ("X",)),
        ),
        flag(
            "held_canadian_tr_document_with_different_sex",
            "Has this person held a Canadian visa, eTA, work or study permit showing another identifier?",
            "Cette personne a-t-elle détenu un visa, une AVE, un permis de travail ou d’études canadien indiquant un autre identifiant ?",
            when=Condition("sex", ("X",)),
        ),
        Field(
            "citizenship",
            FieldKind.COUNTRY,
            "Country of citizenship",
            "Pays de citoyenneté",
            help_en="As on the passport.",
            help_fr="Comme sur le passeport.",
        ),
        Field(
            "address",
            FieldKind.LONG_TEXT,
            "Mailing address",
            "Adresse postale",
            help_en=ADDRESS_HELP_EN,
            help_fr=ADDRESS_HELP_FR,
            max_length=400,
        ),
        Field(
            "immigration_status",
            FieldKind.TEXT,
            "Status in the country of residence",
            "Statut dans le pays de résidence",
            help_en="E.g. citizen, permanent resident, worker, visitor. You must have legal status in the country you name.",
            help_fr="P. ex. citoyen, résident permanent, travailleur, visiteur. Vous devez avoir un statut légal dans ce pays.",
        ),
        Field(
            "marital_status", FieldKind.CHOICE, "Marital status", "État matrimonial", options=MARITAL_STATUSES
        ),
        flag(
            "is_citizen_or_pr",
            "Is this person a Canadian citizen or permanent resident?",
            "Cette personne est-elle citoyenne canadienne ou résidente permanente ?",
            help_en="A citizen or permanent resident needs no police certificate and is not examined as an applicant.",
            help_fr="Un citoyen ou résident permanent n’a pas besoin de certificat de police et n’est pas examiné comme demandeur.",
        ),
        flag(
            "biometrics_given_before",
            "Has this person given biometrics to IRCC in the last 10 years?",
            "Cette personne a-t-elle fourni ses données biométriques à IRCC au cours des 10 dernières années ?",
            required=False,
        ),
    ),
)

RELATIONSHIP = Section(
    "relationship",
    "Your relationship with the sponsor",
    "Votre relation avec le répondant",
    (
        Field(
            "communication_evidence_pages",
            FieldKind.INTEGER,
            "Pages of written communication you upload as evidence",
            "Pages de communications écrites téléversées en preuve",
            required=False,
            help_en="Letters, texts, e-mails, social media: 10 pages at most.",
            help_fr="Lettres, textos, courriels, médias sociaux : 10 pages au maximum.",
        ),
        Field(
            "untranslated_pages",
            FieldKind.INTEGER,
            "Of these, pages in neither English nor French",
            "Parmi elles, pages ni en anglais ni en français",
            required=False,
            help_en="Each must be translated into English or French.",
            help_fr="Chacune doit être traduite en anglais ou en français.",
        ),
    ),
)

MARRIAGE = Section(
    "marriage",
    "Your marriage",
    "Votre mariage",
    (
        Field(
            "place",
            FieldKind.CHOICE,
            "Where did you marry?",
            "Où vous êtes-vous mariés ?",
            options=MARRIAGE_PLACES,
        ),
        Field(
            "form",
            FieldKind.CHOICE,
            "How did you marry?",
            "Comment vous êtes-vous mariés ?",
            options=MARRIAGE_FORMS,
            help_en="A marriage where one of you was not physically present is not recognized.",
            help_fr="Un mariage où l’un de vous n’était pas présent n’est pas reconnu.",
        ),
        flag(
            "valid_where_celebrated",
            "Is the marriage valid where it took place?",
            "Le mariage est-il valide là où il a été célébré ?",
        ),
        flag(
            "recognized_in_canada",
            "Is it valid under Canadian law?",
            "Est-il valide selon le droit canadien ?",
        ),
        Field(
            "proof",
            FieldKind.CHOICE,
            "Proof of the marriage you upload",
            "Preuve du mariage téléversée",
            options=MARRIAGE_PROOFS,
            help_en="A marriage certificate or proof of registration; a Canadian certificate of celebration or a marriage licence is not accepted.",
            help_fr="Un certificat de mariage ou une preuve d’enregistrement ; l’attestation canadienne de célébration et le permis de mariage ne sont pas acceptés.",
        ),
    ),
    path=("relationship", "marriage"),
    when=Condition("application.relationship", ("spouse",)),
)

COHABITATION = Section(
    "cohabitation",
    "Periods living together",
    "Périodes de vie commune",
    (
        Field("start", FieldKind.DATE, "From", "Du"),
        Field(
            "end",
            FieldKind.DATE,
            "To (blank: still together)",
            "Au (vide : toujours ensemble)",
            required=False,
        ),
    ),
    intro_en="A common-law partner has lived with the sponsor for at least 12 consecutive months.",
    intro_fr="Le conjoint de fait a vécu avec le répondant pendant au moins 12 mois consécutifs.",
    repeating=True,
    period=("start", "end"),
    overlap_allowed=False,
    path=("relationship", "cohabitation"),
    row_name=RowName("period", "période", fr_feminine=True),
    when=Condition("application.relationship", ("common_law_partner",)),
)

CONJUGAL = Section(
    "conjugal",
    "Your conjugal relationship",
    "Votre relation conjugale",
    (
        Field("since", FieldKind.DATE, "In a relationship since", "En couple depuis"),
        flag(
            "partner_lives_in_canada",
            "Does the partner live in Canada?",
            "Le partenaire habite-t-il au Canada ?",
            help_en="A conjugal partner living in Canada cannot be sponsored as a conjugal partner.",
            help_fr="Un partenaire conjugal qui habite au Canada ne peut pas être parrainé à ce titre.",
        ),
        flag(
            "prevented_from_living_together_or_marrying",
            "Have you been prevented from living together or marrying?",
            "Avez-vous été empêchés de vivre ensemble ou de vous marier ?",
        ),
        flag(
            "mutual_interdependence",
            "Do you depend on each other as a couple?",
            "Êtes-vous interdépendants comme couple ?",
        ),
    ),
    path=("relationship", "conjugal"),
    when=Condition("application.relationship", ("conjugal_partner",)),
)


def _dependant(*, principal: bool) -> Section:
    fields = []
    if not principal:
        fields += [
            flag(
                "accompanying",
                "Will this family member come to Canada with the principal applicant?",
                "Ce membre de la famille viendra-t-il au Canada avec le demandeur principal ?",
                help_en="Declare every family member even if they do not come: one who is not declared and examined can never be sponsored later.",
                help_fr="Déclarez chaque membre de la famille même s’il ne vient pas : s’il n’est pas déclaré et examiné, il ne pourra jamais être parrainé plus tard.",
            ),
            Field(
                "why_not_accompanying",
                FieldKind.LONG_TEXT,
                "Why will they not come?",
                "Pourquoi ne viendra-t-il pas ?",
                when=Condition("accompanying", (False,)),
                max_length=1000,
            ),
        ]
    fields += [
        Field(
            "custody",
            FieldKind.CHOICE,
            "Who has custody of this child?",
            "Qui a la garde de cet enfant ?",
            options=CUSTODIES,
            required=False,
        ),
        flag(
            "has_spouse_or_common_law_partner",
            "Does this child have a spouse or common-law partner?",
            "Cet enfant a-t-il un époux ou un conjoint de fait ?",
            help_en="A child with a spouse or common-law partner is not a dependent child.",
            help_fr="Un enfant qui a un époux ou un conjoint de fait n’est pas un enfant à charge.",
        ),
        flag(
            "unable_to_self_support_due_to_condition",
            "Aged 22 or older: is the child unable to support themself because of a physical or mental condition?",
            "22 ans ou plus : l’enfant est-il incapable de subvenir à ses besoins en raison d’un état physique ou mental ?",
            required=False,
            help_en="Only this keeps a child aged 22 or older a dependent child.",
            help_fr="Seule cette condition permet à un enfant de 22 ans ou plus de demeurer un enfant à charge.",
        ),
        flag(
            "financially_dependent_since_before_22",
            "Has the child depended on their parents' financial support since before age 22?",
            "L’enfant dépend-il du soutien financier de ses parents depuis avant l’âge de 22 ans ?",
            required=False,
        ),
        flag(
            "has_dependent_child",
            "Does this child have a dependent child of their own?",
            "Cet enfant a-t-il lui-même un enfant à charge ?",
            help_en="If so, the minimum necessary income applies and the sponsor completes IMM 1283.",
            help_fr="Si c’est le cas, le revenu vital minimum s’applique et le répondant remplit l’IMM 1283.",
        ),
        flag(
            "travels_without_both_parents",
            "Under 18: will the child travel without one of the parents or guardians?",
            "Moins de 18 ans : l’enfant voyagera-t-il sans l’un de ses parents ou tuteurs ?",
            required=False,
            help_en="The non-accompanying parent then signs IMM 5604 by hand, with a copy of their photo identification.",
            help_fr="Le parent qui n’accompagne pas l’enfant signe alors l’IMM 5604 à la main, avec une copie de sa pièce d’identité avec photo.",
        ),
        flag(
            "non_accompanying_parent_can_sign",
            "Can the non-accompanying parent sign IMM 5604?",
            "Le parent qui n’accompagne pas l’enfant peut-il signer l’IMM 5604 ?",
            required=False,
            when=Condition("travels_without_both_parents", (True,)),
            help_en="If not, upload a letter explaining why (death, sole custody…).",
            help_fr="Sinon, téléversez une lettre expliquant pourquoi (décès, garde exclusive…).",
        ),
    ]
    return Section(
        "dependant",
        "As a dependent child" if principal else "As a family member",
        "À titre d’enfant à charge" if principal else "À titre de membre de la famille",
        tuple(fields),
    )


_TITLE = (
    "Generic Application Form for Canada (IMM 0008)",
    "Formulaire de demande générique pour le Canada (IMM 0008)",
)

IMM0008_PARTNER = Form(
    code="IMM0008",
    en=_TITLE[0],
    fr=_TITLE[1],
    sections=(_application(partner=True), PERSONAL, RELATIONSHIP, MARRIAGE, COHABITATION, CONJUGAL),
    citation=CITATION,
)
IMM0008_CHILD_PRINCIPAL = Form(
    code="IMM0008",
    en=_TITLE[0],
    fr=_TITLE[1],
    sections=(_application(partner=False), PERSONAL, _dependant(principal=True)),
    citation=CITATION,
)
IMM0008_FAMILY_MEMBER = Form(
    code="IMM0008",
    en=_TITLE[0],
    fr=_TITLE[1],
    sections=(PERSONAL, _dependant(principal=False)),
    citation=CITATION,
)

# The parent or legal guardian who e-signs for a principal applicant under 18 (ACT-56):
# their passport name, against which the typed signature is checked.
GUARDIAN_NAME = Section(
    "personal",
    "Your name, as on your passport",
    "Votre nom, comme sur votre passeport",
    (
        *passport_name_fields(),
    ),
    intro_en="The principal applicant is under 18: a parent or legal guardian signs the application on their behalf.",
    intro_fr="Le demandeur principal a moins de 18 ans : l’un de ses parents ou son tuteur légal signe la demande en son nom.",
)
IMM0008_GUARDIAN = Form(
    code="IMM0008", en=_TITLE[0], fr=_TITLE[1], sections=(GUARDIAN_NAME,), citation=CITATION
)
