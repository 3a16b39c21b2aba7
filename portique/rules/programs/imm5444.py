"""IMM 5444, Application for a Permanent Resident Card, as a digital form.

Sections follow the guide (IMM 5445, seed 002): application type and urgency,
personal details, contact details, history for the period, time outside Canada,
humanitarian grounds (question 5.7) and eligibility. Every question must be
answered (IMM 5445 — Step 2); a section that does not apply is marked N/A.
"""

from __future__ import annotations

from ..forms.model import Condition, Field, FieldKind, Form, Option, RowName, Section

CITATION = "IMM 5445 — Step 2: Complete the application form (IMM 5444); IRPR 10(1)(c)"

YES_NO = (Option("yes", "Yes", "Oui"), Option("no", "No", "Non"))

PURPOSES = (
    Option("first_card", "First PR card", "Première carte RP"),
    Option("renewal", "Renewal of a card that is expired or will soon expire", "Renouvellement d’une carte expirée ou qui expirera bientôt"),
    Option("replacement_lost", "Replacement: card lost", "Remplacement : carte perdue"),
    Option("replacement_stolen", "Replacement: card stolen", "Remplacement : carte volée"),
    Option("replacement_damaged", "Replacement: card damaged", "Remplacement : carte endommagée"),
    Option("replacement_not_received", "Replacement: card never received", "Remplacement : carte jamais reçue"),
    Option("legal_name_change", "Update after a legal name change", "Mise à jour après un changement de nom légal"),
    Option("sex_designation_change", "Change of sex designation", "Changement de la mention du sexe"),
    Option("error_on_card", "Correction of an error on the card made by IRCC", "Correction d’une erreur d’IRCC sur la carte"),
)
PURPOSES_WITH_A_CARD = (
    "renewal",
    "replacement_lost",
    "replacement_stolen",
    "replacement_damaged",
    "legal_name_change",
    "sex_designation_change",
    "error_on_card",
)
SEXES = (
    Option("F", "F – Female", "F – Féminin"),
    Option("M", "M – Male", "M – Masculin"),
    Option("X", "X – Another gender", "X – Autre genre"),
)
URGENT_REASONS = (
    Option("own_illness", "My serious illness", "Ma maladie grave"),
    Option("family_illness_or_death", "Serious illness or death of a family member", "Maladie grave ou décès d’un membre de la famille"),
    Option("work", "Work related to my current job or a job opportunity", "Travail lié à mon emploi actuel ou à une offre d’emploi"),
    Option("crisis", "A crisis, emergency or vulnerable situation", "Une situation de crise, d’urgence ou de vulnérabilité"),
)
NAME_CHANGE_PLACES = (
    Option("canada", "In Canada (provincial or territorial document)", "Au Canada (document provincial ou territorial)"),
    Option("abroad", "Outside Canada", "À l’extérieur du Canada"),
    Option("earlier_card", "Already approved on an earlier PR card", "Déjà approuvé pour une carte RP antérieure"),
)
ABSENCE_REASONS = (
    Option("none", "Not one of the options below", "Aucune des options ci-dessous"),
    Option("option_a", "Option A: employed full-time outside Canada by a Canadian business or public service", "Option A : emploi à temps plein à l’extérieur du Canada pour une entreprise canadienne ou la fonction publique"),
    Option("option_b", "Option B: accompanying a Canadian citizen spouse, partner or parent", "Option B : accompagnement d’un époux, conjoint ou parent citoyen canadien"),
    Option("option_c", "Option C: accompanying a permanent resident spouse, partner or parent employed by a Canadian business", "Option C : accompagnement d’un époux, conjoint ou parent résident permanent employé par une entreprise canadienne"),
)
ACCOMPANIED = (
    Option("spouse", "Spouse or common-law partner", "Époux ou conjoint de fait"),
    Option("parent", "Parent", "Parent"),
)


def _yes_no(code: str, en: str, fr: str, **extra) -> Field:
    return Field(code, FieldKind.YES_NO, en, fr, options=YES_NO, **extra)


APPLICATION = Section(
    "application",
    "Application type",
    "Type de demande",
    (
        Field("purpose", FieldKind.CHOICE, "Why are you applying?", "Pourquoi présentez-vous une demande ?", options=PURPOSES),
        Field(
            "current_card_expiry",
            FieldKind.DATE,
            "Expiry date of your current PR card",
            "Date d’expiration de votre carte RP actuelle",
            help_en="As printed on the card. If your card is still valid for more than 270 days, do not apply for a renewal.",
            help_fr="Telle qu’elle figure sur la carte. Si votre carte est encore valide pour plus de 270 jours, ne demandez pas de renouvellement.",
            future_allowed=True,
            when=Condition("purpose", PURPOSES_WITH_A_CARD),
        ),
        Field(
            "current_card_issue_date",
            FieldKind.DATE,
            "Issue date of the card with the error",
            "Date de délivrance de la carte qui comporte l’erreur",
            when=Condition("purpose", ("error_on_card",)),
        ),
        _yes_no(
            "name_also_changed",
            "Have you legally changed your name since your current card was issued?",
            "Avez-vous changé légalement de nom depuis la délivrance de votre carte actuelle ?",
            when=Condition("purpose", ("renewal", "sex_designation_change")),
        ),
        Field(
            "name_change_place",
            FieldKind.CHOICE,
            "Where was your name legally changed?",
            "Où votre nom a-t-il été changé légalement ?",
            options=NAME_CHANGE_PLACES,
            when=Condition("purpose", ("legal_name_change",)),
        ),
        Field(
            "also_changed_name_place",
            FieldKind.CHOICE,
            "Where was your name legally changed?",
            "Où votre nom a-t-il été changé légalement ?",
            options=NAME_CHANGE_PLACES,
            when=Condition("name_also_changed", ("yes",)),
        ),
        _yes_no(
            "indigenous_name",
            "Is this a new card showing your reclaimed Indigenous name?",
            "S’agit-il d’une nouvelle carte indiquant votre nom autochtone repris ?",
        ),
        _yes_no(
            "police_report",
            "Do you have a police report or incident number for the lost or stolen card?",
            "Avez-vous un rapport de police ou un numéro d’incident pour la carte perdue ou volée ?",
            when=Condition("purpose", ("replacement_lost", "replacement_stolen")),
        ),
        _yes_no(
            "urgent",
            "Is your application urgent?",
            "Votre demande est-elle urgente ?",
            help_en="Only if you must travel within the next 3 months for one of the listed reasons.",
            help_fr="Seulement si vous devez voyager au cours des 3 prochains mois pour l’une des raisons indiquées.",
        ),
        Field(
            "departure_date",
            FieldKind.DATE,
            "Date of departure",
            "Date de départ",
            future_allowed=True,
            when=Condition("urgent", ("yes",)),
        ),
        Field(
            "urgent_reason",
            FieldKind.CHOICE,
            "Why must you travel?",
            "Pourquoi devez-vous voyager ?",
            options=URGENT_REASONS,
            when=Condition("urgent", ("yes",)),
        ),
    ),
)

PERSONAL = Section(
    "personal",
    "Personal details",
    "Renseignements personnels",
    (
        Field(
            "family_name",
            FieldKind.TEXT,
            "Family name (exactly as on your passport or travel document)",
            "Nom de famille (exactement comme sur votre passeport ou document de voyage)",
            help_en="If your passport shows no family name, enter all your given names here and leave “Given names” blank.",
            help_fr="Si votre passeport n’indique pas de nom de famille, inscrivez tous vos prénoms ici et laissez « Prénoms » vide.",
        ),
        Field(
            "given_names",
            FieldKind.TEXT,
            "Given names (exactly as on your passport or travel document)",
            "Prénoms (exactement comme sur votre passeport ou document de voyage)",
            required=False,
        ),
        Field("other_names", FieldKind.TEXT, "Other names used (if any)", "Autres noms utilisés (le cas échéant)", required=False),
        Field("sex", FieldKind.CHOICE, "Sex", "Sexe", options=SEXES),
        Field(
            "sex_on_identity_document",
            FieldKind.CHOICE,
            "Sex shown on your passport or travel document",
            "Sexe indiqué sur votre passeport ou document de voyage",
            options=SEXES,
        ),
        Field("date_of_birth", FieldKind.DATE, "Date of birth", "Date de naissance"),
        Field("place_of_birth", FieldKind.TEXT, "City or town of birth", "Ville ou village de naissance"),
        Field("country_of_birth", FieldKind.COUNTRY, "Country of birth", "Pays de naissance"),
        Field("citizenship", FieldKind.COUNTRY, "Country of citizenship", "Pays de citoyenneté"),
        Field("date_became_pr", FieldKind.DATE, "Date you became a permanent resident", "Date à laquelle vous êtes devenu résident permanent"),
        Field(
            "uci",
            FieldKind.UCI,
            "Client ID (UCI)",
            "Numéro d’identification du client (IUC)",
            help_en="8 or 10 digits, written 0000-0000 or 00-0000-0000, on your PR card or confirmation of permanent residence.",
            help_fr="8 ou 10 chiffres, au format 0000-0000 ou 00-0000-0000, sur votre carte RP ou votre confirmation de résidence permanente.",
            max_length=12,
        ),
        Field(
            "pr_document_number",
            FieldKind.TEXT,
            "Number of your Record of Landing (IMM 1000) or Confirmation of PR (IMM 5292 or IMM 5688)",
            "Numéro de votre fiche relative au droit d’établissement (IMM 1000) ou confirmation de RP (IMM 5292 ou IMM 5688)",
            max_length=30,
        ),
        Field("passport_number", FieldKind.TEXT, "Passport or travel document number", "Numéro du passeport ou document de voyage", max_length=30),
        Field("passport_country", FieldKind.COUNTRY, "Country that issued it", "Pays de délivrance"),
        # The guide's first primary identity document is a valid passport or travel document
        # (IMM 5445, "Une copie de l'une des pièces d'identité principales"): the one given here
        # must not have expired before the application date.
        Field(
            "passport_expiry",
            FieldKind.DATE,
            "Its expiry date",
            "Sa date d’expiration",
            help_en="The passport or travel document you give here must be valid on the date you apply.",
            help_fr="Le passeport ou document de voyage indiqué ici doit être valide à la date de votre demande.",
            future_allowed=True,
            valid_on_application_date=True,
            citation="IMM 5445 — primary identity document (valid passport or travel document)",
        ),
    ),
)

CONTACT = Section(
    "contact",
    "Contact details",
    "Coordonnées",
    (
        Field("email", FieldKind.EMAIL, "E-mail address", "Adresse de courriel"),
        Field("phone", FieldKind.PHONE, "Telephone number", "Numéro de téléphone", max_length=25),
        Field("mailing_street", FieldKind.TEXT, "Mailing address: street number and name, apartment", "Adresse postale : numéro et rue, appartement"),
        Field("mailing_city", FieldKind.TEXT, "City or town", "Ville ou village"),
        Field(
            "mailing_province",
            FieldKind.CHOICE,
            "Province or territory",
            "Province ou territoire",
            options=(
                Option("AB", "Alberta", "Alberta"),
                Option("BC", "British Columbia", "Colombie-Britannique"),
                Option("MB", "Manitoba", "Manitoba"),
                Option("NB", "New Brunswick", "Nouveau-Brunswick"),
                Option("NL", "Newfoundland and Labrador", "Terre-Neuve-et-Labrador"),
                Option("NS", "Nova Scotia", "Nouvelle-Écosse"),
                Option("NT", "Northwest Territories", "Territoires du Nord-Ouest"),
                Option("NU", "Nunavut", "Nunavut"),
                Option("ON", "Ontario", "Ontario"),
                Option("PE", "Prince Edward Island", "Île-du-Prince-Édouard"),
                Option("QC", "Quebec", "Québec"),
                Option("SK", "Saskatchewan", "Saskatchewan"),
                Option("YT", "Yukon", "Yukon"),
            ),
        ),
        Field("mailing_postal_code", FieldKind.POSTAL_CODE, "Postal code", "Code postal", max_length=7),
        _yes_no("residential_same", "Is your home address the same as your mailing address?", "Votre adresse domicile est-elle la même que votre adresse postale ?"),
        Field(
            "residential_address",
            FieldKind.LONG_TEXT,
            "Home address (street, city, province, postal code)",
            "Adresse domicile (rue, ville, province, code postal)",
            when=Condition("residential_same", ("no",)),
            max_length=400,
        ),
    ),
)

ADDRESSES = Section(
    "addresses",
    "Addresses in the last 5 years",
    "Adresses au cours des 5 dernières années",
    (
        Field("start", FieldKind.DATE, "From", "Du"),
        # IMM 5444 question 4 lists the addresses "to present": the current one has no end date.
        Field("current", FieldKind.FLAG, "I live here now", "J’habite ici actuellement", required=False),
        Field(
            "end",
            FieldKind.DATE,
            "To",
            "Au",
            help_en="Leave blank if you live here now.",
            help_fr="Laissez vide si vous habitez ici actuellement.",
        ),
        Field("address", FieldKind.TEXT, "Street address", "Adresse"),
        Field("city", FieldKind.TEXT, "City or town", "Ville ou village"),
        Field("country", FieldKind.COUNTRY, "Country", "Pays"),
    ),
    intro_en="List every address where you lived in the last 5 years (or since you became a permanent resident), most recent first.",
    intro_fr="Indiquez toutes les adresses où vous avez habité au cours des 5 dernières années (ou depuis que vous êtes résident permanent), en commençant par la plus récente.",
    repeating=True,
    period=("start", "end"),
    overlap_allowed=False,
    row_name=RowName("address", "adresse", fr_feminine=True),
    ongoing="current",
)

ACTIVITIES = Section(
    "activities",
    "Work and education in the last 5 years",
    "Travail et études au cours des 5 dernières années",
    (
        Field("start", FieldKind.DATE, "From", "Du"),
        Field("end", FieldKind.DATE, "To", "Au"),
        Field("activity", FieldKind.TEXT, "Activity (job title, studies, unemployed, retired…)", "Activité (poste, études, sans emploi, retraite…)"),
        Field("organisation", FieldKind.TEXT, "Employer or school", "Employeur ou établissement d’enseignement", required=False),
        Field("city", FieldKind.TEXT, "City or town", "Ville ou village"),
        Field("country", FieldKind.COUNTRY, "Country", "Pays"),
    ),
    intro_en="Account for the whole period, including time without work or studies.",
    intro_fr="Couvrez toute la période, y compris les périodes sans travail ni études.",
    repeating=True,
    row_name=RowName("activity", "activité", fr_feminine=True),
    period=("start", "end"),
)

ABSENCES = Section(
    "absences",
    "Time outside Canada",
    "Temps passé à l’extérieur du Canada",
    (
        Field("start", FieldKind.DATE, "Left Canada on", "Départ du Canada le"),
        Field("end", FieldKind.DATE, "Returned to Canada on", "Retour au Canada le"),
        Field("destination", FieldKind.COUNTRY, "Where you were", "Où vous étiez"),
        Field("reason", FieldKind.CHOICE, "Counts toward the residency obligation under", "Compte pour l’obligation de résidence au titre de", options=ABSENCE_REASONS),
        Field(
            "accompanied",
            FieldKind.CHOICE,
            "Whom you accompanied",
            "Personne que vous accompagniez",
            options=ACCOMPANIED,
            when=Condition("reason", ("option_b", "option_c")),
        ),
        # What each option needs besides its documents (IMM 5445 Appendix A, PRC-104 to
        # PRC-106): the days are credited when these hold and the documents are provided.
        _yes_no(
            "employer_canadian",
            "Were you employed (or under contract) by a Canadian business or the public service of Canada, a province or a territory?",
            "Étiez-vous employé (ou travailleur à forfait) d’une entreprise canadienne ou de la fonction publique du Canada, d’une province ou d’un territoire ?",
            when=Condition("reason", ("option_a",)),
        ),
        _yes_no(
            "assigned_full_time",
            "Were you assigned full time outside Canada as a condition of your employment or contract?",
            "Étiez-vous affecté à temps plein à l’extérieur du Canada comme condition de votre emploi ou de votre contrat ?",
            when=Condition("reason", ("option_a",)),
        ),
        _yes_no(
            "will_continue_in_canada",
            "Will you keep working for that employer in Canada after the assignment?",
            "Continuerez-vous de travailler pour cet employeur au Canada après l’affectation ?",
            when=Condition("reason", ("option_a",)),
        ),
        Field(
            "citizen_since",
            FieldKind.DATE,
            "Date the person you accompanied became a Canadian citizen",
            "Date à laquelle la personne que vous accompagniez est devenue citoyenne canadienne",
            when=Condition("reason", ("option_b",)),
        ),
        _yes_no(
            "resident_employed_full_time",
            "Was the permanent resident you accompanied employed full time by a Canadian business or public service during the absence?",
            "Le résident permanent que vous accompagniez était-il employé à temps plein par une entreprise canadienne ou la fonction publique pendant l’absence ?",
            when=Condition("reason", ("option_c",)),
        ),
        _yes_no(
            "resident_meets_obligation",
            "Does the permanent resident you accompanied meet their own residency obligation?",
            "Le résident permanent que vous accompagniez satisfait-il à sa propre obligation de résidence ?",
            when=Condition("reason", ("option_c",)),
        ),
    ),
    intro_en="List every absence from Canada in the last 5 years (or since you became a permanent resident). If you were never away, choose N/A.",
    intro_fr="Indiquez toutes vos absences du Canada au cours des 5 dernières années (ou depuis que vous êtes résident permanent). Si vous ne vous êtes jamais absenté, choisissez S.O.",
    repeating=True,
    period=("start", "end"),
    overlap_allowed=False,
    not_applicable_allowed=True,
    row_name=RowName("absence", "absence", fr_feminine=True),
)

# PRC-40: a notice about citizenship counts, within the five years before signing, each day
# in Canada as a temporary resident or protected person before becoming a permanent resident
# as half a day (at most 365). Not a question of the IMM 5444: the portal asks it so that the
# notice can count it; it may be left blank (then nothing is credited).
BEFORE_PR = Section(
    "before_pr",
    "Time in Canada before you became a permanent resident (toward citizenship)",
    "Temps passé au Canada avant de devenir résident permanent (en vue de la citoyenneté)",
    (
        Field(
            "days_present",
            FieldKind.INTEGER,
            "Days you were in Canada as a temporary resident or protected person, in the five years before today, before you became a permanent resident",
            "Jours passés au Canada à titre de résident temporaire ou de personne protégée, au cours des cinq années précédant aujourd’hui, avant de devenir résident permanent",
            help_en="Optional. For the citizenship notice only: each day counts as half a day, up to 365 days. Leave blank if none.",
            help_fr="Facultatif. Pour l’avis sur la citoyenneté seulement : chaque jour compte pour une demi-journée, jusqu’à 365 jours. Laissez vide s’il n’y en a aucun.",
            required=False,
        ),
    ),
    intro_en="This does not change your PR card application: it only makes the notice about citizenship more accurate.",
    intro_fr="Cela ne change rien à votre demande de carte RP : l’avis sur la citoyenneté n’en est que plus précis.",
)

HUMANITARIAN = Section(
    "humanitarian",
    "Humanitarian and compassionate grounds (question 5.7)",
    "Motifs d’ordre humanitaire (question 5.7)",
    (
        _yes_no(
            "requested",
            "If you do not meet the residency obligation, do you ask that humanitarian and compassionate grounds be considered?",
            "Si vous ne respectez pas l’obligation de résidence, demandez-vous que des motifs d’ordre humanitaire soient pris en compte ?",
        ),
        Field(
            "explanation",
            FieldKind.LONG_TEXT,
            "Why you could not meet the obligation, and the hardship to you, your family and any child directly affected",
            "Pourquoi vous n’avez pas pu respecter l’obligation, et les difficultés pour vous, votre famille et tout enfant directement touché",
            when=Condition("requested", ("yes",)),
            max_length=4000,
        ),
    ),
)

ELIGIBILITY = Section(
    "eligibility",
    "Eligibility",
    "Admissibilité",
    (
        _yes_no("in_canada", "Are you physically in Canada now?", "Êtes-vous actuellement au Canada ?"),
        _yes_no("is_citizen", "Are you a Canadian citizen?", "Êtes-vous citoyen canadien ?"),
        _yes_no("removal_order", "Are you subject to a removal order?", "Faites-vous l’objet d’une mesure de renvoi ?"),
        _yes_no(
            "card_offence",
            "Have you been convicted of an offence related to the misuse of a PR card?",
            "Avez-vous été déclaré coupable d’une infraction liée à l’usage abusif d’une carte RP ?",
        ),
    ),
)

IMM5444 = Form(
    "IMM5444",
    "Application for a Permanent Resident Card (IMM 5444)",
    "Demande de carte de résident permanent (IMM 5444)",
    (APPLICATION, PERSONAL, CONTACT, ADDRESSES, ACTIVITIES, ABSENCES, BEFORE_PR, HUMANITARIAN, ELIGIBILITY),
    citation=CITATION,
)
