"""The form of an application to extend a stay in Canada, as data.

Seed 000 names the applications (extending temporary resident status, or the
authorization to work or to study, from within Canada, IRPR 9.2) and the table of
exempt situations, and names two paper forms (IMM 5708, IMM 5710) without giving their
questions. So this is the portal's own form, asking the minimum the rules need
(docs/temporary-residents.md): the IRPR 10(2)(a)–(c) particulars (name, date of birth,
address, nationality, immigration status, what is sought and under which class), the
passport, the current status and its end, what is being extended, the claim that frees
the applicant from applying online (IRPR 9.4, 9.5, the seed-000 table) and the facts of
the biometric exemptions of IRPR 12.2(1) that can concern a person already in Canada.
"""

from __future__ import annotations

from ..forms.model import Condition, Field, FieldKind, Form, Option, Section
from ..online import system_restriction_table
from ..parameters import parameter
from ..typography import french
from .imm5444 import CONTACT as _PR_CARD_CONTACT
from .sponsorship_fields import options, passport_name_fields

FORM_CODE = "STAY_EXTENSION"
CITATION = (
    "IRPR 9.2, 10(1)(c), 10(2); IRCC program delivery instructions (seed 000); IRPR 12.1(e)–(i), 12.2(1)"
)

YES_NO = (Option("yes", "Yes", "Oui"), Option("no", "No", "Non"))

# What is being asked for, and the IRPR 12.1 paragraph that lists it (biometrics).
VISITOR_RECORD = "visitor_record"
STUDY_PERMIT_EXTENSION = "study_permit_extension"
WORK_PERMIT_EXTENSION = "work_permit_extension"
INITIAL_STUDY_PERMIT = "initial_study_permit"
WORK_PERMIT = "work_permit"
WORK_PERMITS = (WORK_PERMIT_EXTENSION, WORK_PERMIT)
STUDY_PERMITS = (STUDY_PERMIT_EXTENSION, INITIAL_STUDY_PERMIT)

REQUESTS = options(
    {
        VISITOR_RECORD: (
            "Extend my stay as a visitor (visitor record)",
            "Prolonger mon séjour à titre de visiteur (fiche du visiteur)",
        ),
        STUDY_PERMIT_EXTENSION: ("Extend my study permit", "Prolonger mon permis d’études"),
        WORK_PERMIT_EXTENSION: ("Extend my work permit", "Prolonger mon permis de travail"),
        INITIAL_STUDY_PERMIT: (
            "A first study permit, applied for from within Canada",
            "Un premier permis d’études, demandé au Canada",
        ),
        WORK_PERMIT: (
            "A new work permit, applied for from within Canada (for example a bridging open work permit, "
            "or a change of employer)",
            "Un nouveau permis de travail, demandé au Canada (par exemple un permis de travail ouvert "
            "transitoire ou un changement d’employeur)",
        ),
    }
)

STATUSES = options(
    {
        "visitor": ("Visitor", "Visiteur"),
        "student": ("Student (study permit)", "Étudiant (permis d’études)"),
        "worker": ("Worker (work permit)", "Travailleur (permis de travail)"),
        "permit_holder": (
            "Holder of a temporary resident permit",
            "Titulaire d’un permis de séjour temporaire",
        ),
        "refugee_claimant": ("Refugee claimant", "Demandeur d’asile"),
    }
)

# IRPR 7.01(1), 7.1(1), 12.04(5)-(6): whether the applicant needs an eTA.
ETA_NEEDS = options(
    {
        "required": (
            "Yes: citizens of my country do not need a visa, but need an eTA",
            "Oui : les citoyens de mon pays n’ont pas besoin de visa, mais d’une AVE",
        ),
        "conditional": (
            "Yes: citizens of my country usually need a visa, and I could get an eTA instead",
            "Oui : les citoyens de mon pays ont habituellement besoin d’un visa, et j’ai pu obtenir une AVE à la place",
        ),
        "no": ("No", "Non"),
    }
)

# IRPR 9.2 (seed 000): what frees the applicant from applying online.
BASES = options(
    {
        "none": (
            "None of these: I apply online",
            "Aucune de ces situations : je présente ma demande en ligne",
        ),
        "system_restriction": (
            "My situation is in the list of programs exempt from applying online",
            "Ma situation figure dans la liste des programmes dispensés de la demande en ligne",
        ),
        "disability": (
            "Because of a disability, I cannot apply online",
            "En raison d’un handicap, je ne peux pas présenter ma demande en ligne",
        ),
        "exceptional_circumstances": (
            "Circumstances beyond my control keep me from applying online",
            "Des circonstances indépendantes de ma volonté m’empêchent de présenter ma demande en ligne",
        ),
    }
)

# IRPR 12.2(1)(c)–(g): the biometric exemptions that can concern a person in Canada
# (a U.S. national is read from the citizenship; (h), a transit, cannot).
SPECIAL_STATUSES = options(
    {
        "none": ("None of these", "Aucune de ces situations"),
        "crown_or_royal_family": (
            "His Majesty in right of Canada, or a member of the Royal Family",
            "Sa Majesté du chef du Canada, ou un membre de la famille royale",
        ),
        "refugee_claim_pending": (
            "My refugee claim has not yet been decided by the Refugee Protection Division",
            "Ma demande d’asile n’a pas encore été tranchée par la Section de la protection des réfugiés",
        ),
        "refugee_protection_conferred": (
            "I have been granted refugee protection in Canada",
            "L’asile m’a été conféré au Canada",
        ),
        "head_of_state_or_government": (
            "Head of state or head of government",
            "Chef d’État ou chef de gouvernement",
        ),
        "official_duties": (
            "Diplomatic agent, consular officer or accredited official of a foreign country, the United Nations "
            "or an intergovernmental organization of which Canada is a member, on official duties",
            "Agent diplomatique, fonctionnaire consulaire ou représentant accrédité d’un pays étranger, des "
            "Nations Unies ou d’une organisation intergouvernementale dont le Canada est membre, en fonctions",
        ),
        "family_of_official": (
            "A family member of such an official",
            "Membre de la famille d’un tel représentant",
        ),
    }
)


def _restriction_options() -> tuple[Option, ...]:
    """The rows of the seed-000 table, as published in its latest dated version.

    The rules check the row against the table in force on the application date; a row
    withdrawn later is reported then (SYSTEM_RESTRICTION_NOT_IN_TABLE).
    """
    latest = parameter("online_exemptions.system_restrictions").starts[-1]
    # The table's French is the seed's wording, typed with plain spaces: typeset here (issue 14).
    return tuple(Option(row.id, row.label("en"), french(row.label("fr"))) for row in system_restriction_table(latest))


PERSONAL = Section(
    "personal",
    "Identity and passport",
    "Identité et passeport",
    (
        *passport_name_fields(),
        Field("date_of_birth", FieldKind.DATE, "Date of birth", "Date de naissance"),
        Field("citizenship", FieldKind.COUNTRY, "Country of citizenship", "Pays de citoyenneté"),
        Field(
            "passport_number",
            FieldKind.TEXT,
            "Passport or travel document number",
            "Numéro du passeport ou du document de voyage",
            max_length=30,
        ),
        Field(
            "passport_country",
            FieldKind.COUNTRY,
            "Country or authority that issued it",
            "Pays ou autorité de délivrance",
        ),
        Field(
            "passport_expiry",
            FieldKind.DATE,
            "Its expiry date",
            "Sa date d’expiration",
            future_allowed=True,
        ),
    ),
    intro_en="Give your name exactly as it is written on your passport or travel document: you will sign with it.",
    intro_fr="Indiquez votre nom exactement comme il figure sur votre passeport ou document de voyage : "
    "vous signerez avec ce nom.",
)

# The address in Canada (IRPR 10(2)(a)) where letters are mailed, with an e-mail address.
CONTACT = Section(
    "contact",
    "Contact details in Canada",
    "Coordonnées au Canada",
    tuple(
        field
        for field in _PR_CARD_CONTACT.fields
        if field.code
        in ("email", "mailing_street", "mailing_city", "mailing_province", "mailing_postal_code")
    ),
)

STATUS = Section(
    "status",
    "Your status in Canada now",
    "Votre statut actuel au Canada",
    (
        Field(
            "current_status", FieldKind.CHOICE, "Your current status", "Votre statut actuel", options=STATUSES
        ),
        Field(
            "status_expiry",
            FieldKind.DATE,
            "The day your current status or permit ends",
            "La date à laquelle votre statut ou votre permis actuel prend fin",
            help_en="As written on your visitor record, permit or the stamp in your passport.",
            help_fr="Telle qu’elle figure sur votre fiche du visiteur, votre permis ou le timbre dans votre passeport.",
            future_allowed=True,
        ),
        Field(
            "trp_valid_from",
            FieldKind.DATE,
            "First day of your temporary resident permit",
            "Premier jour de validité de votre permis de séjour temporaire",
            when=Condition("current_status", ("permit_holder",)),
        ),
        Field(
            "trp_valid_until",
            FieldKind.DATE,
            "Last day of your temporary resident permit",
            "Dernier jour de validité de votre permis de séjour temporaire",
            future_allowed=True,
            when=Condition("current_status", ("permit_holder",)),
        ),
        # IRPR 12.04(5)-(6): a work or study permit application by someone who needs an eTA is
        # also an eTA application. The country lists (7.01(1), 7.1(1)) are not in the sources,
        # so the applicant says which describes them; not asked is "cannot tell".
        Field(
            "eta",
            FieldKind.CHOICE,
            "Did you need an electronic travel authorization (eTA) to fly to Canada?",
            "Avez-vous eu besoin d’une autorisation de voyage électronique (AVE) pour venir au Canada en avion ?",
            options=ETA_NEEDS,
            required=False,
            help_en="If you need one, your work or study permit application may also be your eTA application.",
            help_fr="Si vous en avez besoin, votre demande de permis de travail ou d’études peut aussi être votre "
            "demande d’AVE.",
        ),
    ),
)

REQUEST = Section(
    "request",
    "What you are applying for",
    "Ce que vous demandez",
    (
        Field("kind", FieldKind.CHOICE, "What are you applying for?", "Que demandez-vous ?", options=REQUESTS),
        Field(
            "until",
            FieldKind.DATE,
            "Until when do you wish to stay, study or work?",
            "Jusqu’à quelle date souhaitez-vous séjourner, étudier ou travailler ?",
            future_allowed=True,
        ),
        Field(
            "with_trp",
            FieldKind.YES_NO,
            "Are you also applying for a temporary resident permit at the same time?",
            "Demandez-vous aussi un permis de séjour temporaire en même temps ?",
            options=YES_NO,
            when=Condition("kind", WORK_PERMITS),
        ),
    ),
)

ONLINE = Section(
    "online",
    "Applying online or on paper",
    "Demande en ligne ou sur papier",
    (
        Field(
            "basis",
            FieldKind.CHOICE,
            "Does one of these describe you?",
            "L’une de ces situations vous décrit-elle ?",
            options=BASES,
            help_en="Temporary residents in Canada must apply online unless one of these applies. You do not have "
            "to say what your disability is.",
            help_fr="Les résidents temporaires au Canada doivent présenter leur demande en ligne, sauf dans l’une "
            "de ces situations. Vous n’avez pas à préciser la nature de votre handicap.",
        ),
        Field(
            "system_restriction",
            FieldKind.CHOICE,
            "Which situation in the list?",
            "Quelle situation de la liste ?",
            options=_restriction_options(),
            when=Condition("basis", ("system_restriction",)),
        ),
        Field(
            "schedule_12",
            FieldKind.YES_NO,
            "Did you already ask for a work permit in Schedule 12 on the Portal?",
            "Avez-vous déjà demandé un permis de travail dans l’annexe 12 sur le Portail ?",
            options=YES_NO,
            when=Condition("system_restriction", ("S61",)),
        ),
    ),
    intro_en="Since June 4, 2019, temporary residents in Canada apply online to extend their stay or their "
    "authorization to work or study, unless an exception applies.",
    intro_fr="Depuis le 4 juin 2019, les résidents temporaires au Canada présentent leur demande en ligne pour "
    "proroger leur séjour ou leur autorisation de travailler ou d’étudier, sauf exception.",
)

BIOMETRICS = Section(
    "biometrics",
    "Biometrics",
    "Données biométriques",
    (
        Field(
            "special_status",
            FieldKind.CHOICE,
            "Does one of these describe you?",
            "L’une de ces situations vous décrit-elle ?",
            options=SPECIAL_STATUSES,
            help_en="Some people do not give fingerprints and a photo. Nationals of the United States, children "
            "under 14 and people over 79 are recognized from the answers you already gave.",
            help_fr="Certaines personnes n’ont pas à fournir leurs empreintes digitales et leur photo. Les "
            "ressortissants des États-Unis, les enfants de moins de 14 ans et les personnes de plus de 79 ans "
            "sont reconnus d’après les réponses déjà données.",
        ),
    ),
)

STAY_EXTENSION_FORM = Form(
    code=FORM_CODE,
    en="Application to extend a stay in Canada",
    fr="Demande de prolongation de séjour au Canada",
    sections=(PERSONAL, CONTACT, STATUS, REQUEST, ONLINE, BIOMETRICS),
    citation=CITATION,
)
