"""The eTA application's form, as data, and the facts of an issued eTA a case may carry.

IRPR 12.04(4) (seed 001) lists what an eTA application contains: name, date and place of
birth, sex, address, nationality, the passport (number, issue and expiry dates, the country
or authority that issued it), a representative's particulars, the e-mail address, the U.S.
non-immigrant visa number of a foreign national described in 7.01(2)(b), and the declaration.
The sources give no form: this is the portal's, asking that list and two questions the rules
need (docs/eta.md): whether a Romanian passport has a contactless chip (12.05(2)), and whether
anything that section 12.06 lists has already happened to the applicant (an officer decides).

``ETA_FACTS`` is not asked of anyone: it is what happened after an eTA was issued (its
cancellation, a new eTA for the same passport, the issuing country leaving a list, the
events of 12.06), which a case file says under ``facts`` and the portal keeps in its records.
"""

from __future__ import annotations

from ..eta import EtaEventKind
from ..forms.model import Condition, Field, FieldKind, Form, Option, Section
from .sponsorship_fields import options, passport_name_fields

FORM_CODE = "ETA"
FACTS_CODE = "ETA_FACTS"
CITATION = "IRPR 12.04(1), (4)"

YES_NO = (Option("yes", "Yes", "Oui"), Option("no", "No", "Non"))

SEXES = options(
    {
        "female": ("Female", "Féminin"),
        "male": ("Male", "Masculin"),
        "another": ("Another gender (X)", "Autre genre (X)"),
    }
)

PERSONAL = Section(
    "personal",
    "About you",
    "À votre sujet",
    (
        *passport_name_fields(),
        Field("date_of_birth", FieldKind.DATE, "Date of birth", "Date de naissance"),
        Field(
            "place_of_birth",
            FieldKind.TEXT,
            "Place of birth (city or town)",
            "Lieu de naissance (ville ou localité)",
            max_length=100,
        ),
        Field("sex", FieldKind.CHOICE, "Sex", "Sexe", options=SEXES),
        Field("citizenship", FieldKind.COUNTRY, "Nationality", "Nationalité"),
        Field(
            "other_citizenship",
            FieldKind.COUNTRY,
            "Another nationality, if you have one",
            "Une autre nationalité, le cas échéant",
            required=False,
        ),
    ),
    intro_en="Give your name exactly as it is written on your passport: you will sign with it.",
    intro_fr="Indiquez votre nom exactement comme il figure sur votre passeport : vous signerez avec ce nom.",
)

CONTACT = Section(
    "contact",
    "How to reach you",
    "Vos coordonnées",
    (
        Field("address", FieldKind.TEXT, "Your home address", "Votre adresse domiciliaire", max_length=300),
        Field(
            "email",
            FieldKind.EMAIL,
            "Email address",
            "Adresse courriel",
            help_en="Your eTA is sent to this address.",
            help_fr="Votre autorisation est envoyée à cette adresse.",
        ),
    ),
)

PASSPORT = Section(
    "passport",
    "Your passport",
    "Votre passeport",
    (
        Field(
            "number",
            FieldKind.TEXT,
            "Passport or travel document number",
            "Numéro du passeport ou du titre de voyage",
            max_length=30,
        ),
        Field(
            "country",
            FieldKind.COUNTRY,
            "Country or authority that issued it",
            "Pays ou autorité qui l’a délivré",
        ),
        Field("issued", FieldKind.DATE, "Date of issue", "Date de délivrance"),
        Field(
            "expiry",
            FieldKind.DATE,
            "Expiry date",
            "Date d’expiration",
            future_allowed=True,
            help_en="Your eTA ends when this passport expires, if that comes before five years.",
            help_fr="Votre autorisation prend fin à l’expiration de ce passeport, si elle survient avant "
            "cinq ans.",
        ),
        Field(
            "chip",
            FieldKind.YES_NO,
            "Is it machine-readable, with a contactless chip?",
            "Est-il lisible par machine et muni d’une puce sans contact ?",
            options=YES_NO,
            when=Condition("country", ("RO",)),
            help_en="The chip symbol is printed on the cover.",
            help_fr="Le symbole de la puce est imprimé sur la couverture.",
        ),
    ),
    intro_en="The eTA is linked to this passport: travel with it.",
    intro_fr="L’autorisation est liée à ce passeport : voyagez avec celui-ci.",
)

BACKGROUND = Section(
    "background",
    "Your travel history",
    "Vos antécédents de voyage",
    (
        Field(
            "us_visa",
            FieldKind.YES_NO,
            "Are you applying on the basis of a valid United States non-immigrant visa?",
            "Présentez-vous votre demande sur la foi d’un visa de non-immigrant des États-Unis valide ?",
            options=YES_NO,
        ),
        Field(
            "us_visa_number",
            FieldKind.TEXT,
            "The number of that visa",
            "Le numéro de ce visa",
            max_length=30,
            when=Condition("us_visa", ("yes",)),
        ),
        Field(
            "past_events",
            FieldKind.YES_NO,
            "Have you ever been refused a visa or a permit for Canada, ordered to leave Canada, reported "
            "as inadmissible, or withdrawn an application to enter Canada, or been issued a temporary "
            "resident permit?",
            "Vous a-t-on déjà refusé un visa ou un permis pour le Canada, ordonné de quitter le Canada, ou "
            "avez-vous fait l’objet d’un rapport d’interdiction de territoire, retiré une demande d’entrée "
            "au Canada ou obtenu un permis de séjour temporaire ?",
            options=YES_NO,
            help_en="If you answer yes, an officer looks at your application instead of it being decided "
            "automatically.",
            help_fr="Si vous répondez oui, un agent examine votre demande au lieu qu’elle soit tranchée "
            "automatiquement.",
        ),
    ),
)

ETA_FORM = Form(
    code=FORM_CODE,
    en="Application for an electronic travel authorization (eTA)",
    fr="Demande d’autorisation de voyage électronique (AVE)",
    sections=(PERSONAL, CONTACT, PASSPORT, BACKGROUND),
    citation=CITATION,
)

EVENTS = options(
    {
        EtaEventKind.DECLARATION_22_1.value: ("Declaration under IRPA 22.1(1)", "Déclaration (LIPR 22.1(1))"),
        EtaEventKind.TEMPORARY_RESIDENT_PERMIT_ISSUED.value: (
            "Temporary resident permit issued",
            "Permis de séjour temporaire délivré",
        ),
        EtaEventKind.REPORT_44_1.value: ("Report under IRPA 44(1)", "Rapport (LIPR 44(1))"),
        EtaEventKind.REMOVAL_ORDER.value: ("Removal order", "Mesure de renvoi"),
        EtaEventKind.WITHDREW_APPLICATION_TO_ENTER.value: (
            "Withdrew the application to enter (IRPR 42(1))",
            "Retrait de la demande d’entrée (RIPR 42(1))",
        ),
        EtaEventKind.TRV_REFUSED_179_B.value: (
            "Temporary resident visa refused under 179(b)",
            "Visa de résident temporaire refusé (179b))",
        ),
        EtaEventKind.WORK_PERMIT_REFUSED_200_1_B.value: (
            "Work permit refused under 200(1)(b)",
            "Permis de travail refusé (200(1)b))",
        ),
        EtaEventKind.STUDY_PERMIT_REFUSED_216_1_B.value: (
            "Study permit refused under 216(1)(b)",
            "Permis d’études refusé (216(1)b))",
        ),
        EtaEventKind.CONDITIONS_7_01_2_NOT_MET.value: (
            "Found not to meet 7.01(2)(a) or (b) on the application date",
            "Conditions de 7.01(2)a) ou b) non remplies à la date de la demande",
        ),
    }
)


def _facts_date(code: str, en: str, fr: str) -> Field:
    return Field(code, FieldKind.DATE, en, fr, required=False, future_allowed=True)


def _facts_flag(code: str, en: str, fr: str) -> Field:
    return Field(code, FieldKind.YES_NO, en, fr, required=False, options=YES_NO)


ETA_FACTS = Form(
    code=FACTS_CODE,
    en="What happened to an issued eTA (not a form anyone fills in: the record of the eTA)",
    fr="Ce qui est arrivé à une autorisation délivrée (le dossier de l’autorisation, non un formulaire)",
    sections=(
        Section(
            "issued",
            "The eTA as issued",
            "L’autorisation telle que délivrée",
            (
                _facts_date("issued_on", "Day the eTA was issued", "Date de délivrance de l’autorisation"),
                _facts_flag(
                    "us_permanent_resident_basis",
                    "Issued because the holder was lawfully admitted to the U.S. as a permanent resident (12.05(1.1))",
                    "Délivrée au motif d’une admission aux États-Unis à titre de résident permanent (12.05(1.1))",
                ),
                _facts_flag(
                    "citizen_of_schedule_1_1_country",
                    "The holder is a citizen of a country listed in Schedule 1.1",
                    "Le titulaire est citoyen d’un pays figurant à l’annexe 1.1",
                ),
                _facts_flag(
                    "under_7_01_1",
                    "The holder is a foreign national described in 7.01(1)",
                    "Le titulaire est un étranger visé au paragraphe 7.01(1)",
                ),
            ),
        ),
        Section(
            "later",
            "What happened after it was issued",
            "Ce qui est survenu après sa délivrance",
            (
                _facts_date("cancelled_on", "Day it was cancelled (12.07)", "Date de son annulation (12.07)"),
                _facts_date(
                    "new_eta_same_passport_on",
                    "Day a new eTA was issued for the same passport",
                    "Date de délivrance d’une nouvelle autorisation pour le même passeport",
                ),
                _facts_date(
                    "issuer_left_190_1_a_on",
                    "Day the issuing country or authority ceased to be listed in 190(1)(a)",
                    "Date à laquelle le pays ou l’autorité de délivrance a cessé d’être visé à 190(1)a)",
                ),
                _facts_flag(
                    "permit_holder_on_that_day",
                    "The holder held a work or study permit on that day (12.05(1.2))",
                    "Le titulaire détenait un permis de travail ou d’études à cette date (12.05(1.2))",
                ),
                _facts_date(
                    "issuer_left_7_01_1_on",
                    "Day the issuing country ceased to be listed in 7.01(1)",
                    "Date à laquelle le pays de délivrance a cessé d’être visé à 7.01(1)",
                ),
                _facts_flag(
                    "issuer_in_schedule_1_1",
                    "The issuing country is listed in Schedule 1.1",
                    "Le pays de délivrance figure à l’annexe 1.1",
                ),
                _facts_flag(
                    "inadmissible",
                    "An officer found the holder inadmissible (12.07)",
                    "Un agent a conclu que le titulaire est interdit de territoire (12.07)",
                ),
            ),
        ),
        Section(
            "events",
            "Events listed in section 12.06",
            "Faits énumérés à l’article 12.06",
            (
                Field("kind", FieldKind.CHOICE, "What happened", "Ce qui est survenu", options=EVENTS),
                Field(
                    "day",
                    FieldKind.DATE,
                    "Day it happened",
                    "Date à laquelle il est survenu",
                    future_allowed=True,
                ),
            ),
            repeating=True,
        ),
    ),
    citation="IRPR 12.05, 12.06, 12.07",
)
