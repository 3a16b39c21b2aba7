"""Must this application be made online, and if not, by what other means?

Sources: IRCC program delivery instructions on the exemptions from the online
requirement for temporary residents in Canada (seed 000: IRPR 9.2, 9.4, 9.5 and the
"system restrictions" table), IRPR 12.01 and 12.04(1) (seed 001), the alternative-format
kits of the PR portal (IMM 5445, IMM 5289) and IRPR 12.001 (applying at a port of entry).
An exemption permits another means; it never obliges one (EX-24).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import lru_cache

from .conventions import email_is_well_formed
from .dates import add_months
from .parameters import value
from .reasons import Reason, Severity, has_blocking
from .reasons import reason as build_reason

# Reasons are immutable and the same ones recur case after case: build each once.
reason = lru_cache(maxsize=4096)(build_reason)


class Stream(str, Enum):
    """The kind of application whose channel is asked about."""

    # Extension of temporary resident status, work or study permit applied for from
    # within Canada (IRPR 9.2; G-01).
    TEMPORARY_RESIDENT_IN_CANADA = "temporary_resident_in_canada"
    SPONSORSHIP = "sponsorship"  # spouse, partner or dependent child, with the PR application (EX-30)
    PR_CARD = "pr_card"  # IMM 5444 (EX-31)
    PERMANENT_RESIDENCE_AFTER_INVITATION = "permanent_residence_after_invitation"  # IRPR 12.01
    ELECTRONIC_TRAVEL_AUTHORIZATION = "electronic_travel_authorization"  # IRPR 12.04(1)


class SystemRestriction(str, Enum):
    """A row of the table « Restrictions du système – Détails des dispenses » (seed 000)."""

    A75_BRIDGING_OPEN_WORK_PERMIT = "A75"  # Express Entry applicant with an acknowledgement of receipt
    C10_QUEBEC_PHYSICIAN = "C10"
    C21_IEC_CHANGE = "C21"  # IEC participant changing participation period or employer
    C43_PGWP_EXTENSION = "C43"  # PGWP extension, full authorized period not used
    H81_DESTITUTE_STUDENT = "H81"
    H82_TEMPORARY_RESIDENT_PERMIT_HOLDER = "H82"  # valid TRP of at least 6 months
    SEAFOOD_PROCESSING_WORKER = "seafood_processing_worker"  # "EIMT exigée" (G-04)
    URGENT_WORK_PERMIT_PROCESS = "urgent_work_permit_process"  # "EIMT requise et dispense d'EIMT" (G-04)
    S61_ASYLUM_CLAIMANT = "S61"
    S62_UNENFORCEABLE_REMOVAL_ORDER = "S62_unenforceable_removal_order"
    S62_FAILED_CLAIMANT_AWAITING_REMOVAL = "S62_failed_claimant_awaiting_removal"
    VISITOR_FAMILY_INITIAL_STUDY_PERMIT = "visitor_family_initial_study_permit"
    VISITOR_FAMILY_OF_LOW_SKILLED_WORKER = "visitor_family_of_low_skilled_worker"
    VISITOR_STATELESS_OR_REFUGEE_TRAVEL_DOCUMENT = "visitor_stateless_or_refugee_travel_document"


class Exemption(str, Enum):
    """The ground on which another means than the online application is allowed."""

    DISABILITY = "disability"  # IRPR 9.5
    EXCEPTIONAL_CIRCUMSTANCES = "exceptional_circumstances"  # IRPR 9.4
    SYSTEM_RESTRICTION = "system_restriction"  # seed 000 table
    ACCOMMODATION = "accommodation"  # PR-portal alternative-format kit (EX-32)


class OtherMeans(str, Enum):
    PAPER = "paper"
    BRAILLE = "braille"
    LARGE_PRINT = "large_print"


class Requirement(str, Enum):
    ELECTRONIC_ONLY = "electronic_only"
    OTHER_MEANS_ALLOWED = "other_means_allowed"  # online stays possible (EX-24)
    PAPER_REQUIRED = "paper_required"  # H82: TRP and work permit applied for together
    NO_REQUIREMENT = "no_requirement"  # online or paper, the applicant's choice


@dataclass(frozen=True, slots=True)
class PermitPeriod:
    """A permit's validity: from its first to its last valid day."""

    valid_from: date
    valid_until: date


@dataclass(frozen=True, slots=True)
class OnlineRequirementResult:
    """Which channel the application must or may use, on which ground, and why.

    ``system_restriction`` is the table row that applied, if any; ``joint_paper_forms``
    the forms that must travel together on paper (H82).
    """

    requirement: Requirement
    exemptions: tuple[Exemption, ...]
    system_restriction: SystemRestriction | None
    other_means: tuple[OtherMeans, ...]
    online_recommended: bool
    officer_must_accept_complete_paper: bool
    joint_paper_forms: tuple[str, ...]
    reasons: tuple[Reason, ...]

    @property
    def electronic_allowed(self) -> bool:
        return self.requirement is not Requirement.PAPER_REQUIRED

    @property
    def other_means_allowed(self) -> bool:
        return self.requirement is not Requirement.ELECTRONIC_ONLY


_PR_PORTAL_FORMATS = (OtherMeans.PAPER, OtherMeans.BRAILLE, OtherMeans.LARGE_PRINT)
_TR_OTHER_MEANS = (
    OtherMeans.PAPER,
)  # seed 000: "À l'heure actuelle, l'autre moyen … est la demande sur papier"
_TRP_AND_WORK_PERMIT_FORMS = ("IMM 5708", "IMM 5710")
_SEED_000 = "IRCC program delivery instructions — Restrictions du système"

# Row → (digest rule, English description, French description) for the reasons.
_RESTRICTION_TEXT = {
    SystemRestriction.A75_BRIDGING_OPEN_WORK_PERMIT: (
        "EX-10",
        "A75: bridging open work permit applicant in Canada with an Express Entry acknowledgement of receipt",
        "A75 : demandeur d’un permis de travail ouvert transitoire au Canada ayant reçu un accusé de réception pour sa demande au titre d’Entrée express",
    ),
    SystemRestriction.C10_QUEBEC_PHYSICIAN: ("EX-11", "C10: Quebec physician", "C10 : médecin québécois"),
    SystemRestriction.C21_IEC_CHANGE: (
        "EX-12",
        "C21: International Experience Canada participant changing participation period or employer",
        "C21 : participant à Expérience internationale Canada qui change de période de participation ou d’employeur",
    ),
    SystemRestriction.C43_PGWP_EXTENSION: (
        "EX-13",
        "C43: extension of a post-graduation work permit whose full period was not used",
        "C43 : prolongation d’un permis de travail postdiplôme dont la période autorisée n’a pas été utilisée au complet",
    ),
    SystemRestriction.H81_DESTITUTE_STUDENT: ("EX-14", "H81: destitute student", "H81 : étudiant démuni"),
    SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER: (
        "EX-15",
        "H82: holder of a valid temporary resident permit of at least {months} months",
        "H82 : titulaire d’un permis de séjour temporaire valide d’une durée d’au moins {months} mois",
    ),
    SystemRestriction.SEAFOOD_PROCESSING_WORKER: (
        "EX-16",
        "seafood processing worker (LMIA required)",
        "travailleur du secteur de la transformation des produits de la mer (EIMT exigée)",
    ),
    SystemRestriction.URGENT_WORK_PERMIT_PROCESS: (
        "EX-17",
        "urgent work permit transmission process (LMIA required or LMIA-exempt)",
        "processus de transmission de demandes urgentes de permis de travail (EIMT requise ou dispense d’EIMT)",
    ),
    SystemRestriction.S61_ASYLUM_CLAIMANT: ("EX-18", "S61: asylum claimant", "S61 : demandeur d’asile"),
    SystemRestriction.S62_UNENFORCEABLE_REMOVAL_ORDER: (
        "EX-19",
        "S62: person subject to a removal order that cannot be enforced",
        "S62 : personne faisant l’objet d’une mesure de renvoi ne pouvant être exécutée",
    ),
    SystemRestriction.S62_FAILED_CLAIMANT_AWAITING_REMOVAL: (
        "EX-20",
        "S62: failed refugee claimant awaiting removal who must support themselves",
        "S62 : demandeur d’asile débouté qui attend son renvoi et doit subvenir à ses besoins",
    ),
    SystemRestriction.VISITOR_FAMILY_INITIAL_STUDY_PERMIT: (
        "EX-21",
        "visitor: family member of a study or work permit holder in Canada applying for an initial study permit",
        "visiteur : membre de la famille d’un titulaire de permis d’études ou de travail au Canada qui demande un permis d’études initial",
    ),
    SystemRestriction.VISITOR_FAMILY_OF_LOW_SKILLED_WORKER: (
        "EX-22",
        "visitor: family member of a low-skilled work permit holder",
        "visiteur : membre de la famille d’un titulaire de permis de travail peu qualifié",
    ),
    SystemRestriction.VISITOR_STATELESS_OR_REFUGEE_TRAVEL_DOCUMENT: (
        "EX-23",
        "visitor with an alien’s passport for stateless persons or a refugee travel document issued by a visa-exempt country",
        "visiteur muni d’un passeport étranger pour apatrides ou d’un titre de voyage pour réfugiés délivré par un pays dispensé de l’obligation de visa",
    ),
}


# The row as the table labels it, for citations.
_ROW_CITATIONS = {
    row: "IRPR 9.2; " + _SEED_000 + ", " + label
    for row, label in (
        (SystemRestriction.A75_BRIDGING_OPEN_WORK_PERMIT, "A75"),
        (SystemRestriction.C10_QUEBEC_PHYSICIAN, "C10"),
        (SystemRestriction.C21_IEC_CHANGE, "C21"),
        (SystemRestriction.C43_PGWP_EXTENSION, "C43"),
        (SystemRestriction.H81_DESTITUTE_STUDENT, "H81"),
        (SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER, "H82"),
        (SystemRestriction.SEAFOOD_PROCESSING_WORKER, "« EIMT exigée »"),
        (SystemRestriction.URGENT_WORK_PERMIT_PROCESS, "« EIMT requise et dispense d'EIMT »"),
        (SystemRestriction.S61_ASYLUM_CLAIMANT, "S61"),
        (SystemRestriction.S62_UNENFORCEABLE_REMOVAL_ORDER, "S62"),
        (SystemRestriction.S62_FAILED_CLAIMANT_AWAITING_REMOVAL, "S62"),
        (SystemRestriction.VISITOR_FAMILY_INITIAL_STUDY_PERMIT, "Visiteurs"),
        (SystemRestriction.VISITOR_FAMILY_OF_LOW_SKILLED_WORKER, "Visiteurs"),
        (SystemRestriction.VISITOR_STATELESS_OR_REFUGEE_TRAVEL_DOCUMENT, "Visiteurs"),
    )
}


def online_requirement(
    *,
    stream: Stream,
    on: date,
    disability: bool = False,
    other_accommodation_need: bool = False,
    exceptional_circumstances: bool = False,
    system_restriction: SystemRestriction | None = None,
    temporary_resident_permit: PermitPeriod | None = None,
    applying_for_trp_with_work_permit: bool = False,
    work_permit_requested_in_schedule_12: bool = False,
    paid_representative_with_portal_access: bool = False,
    representative_unable_to_use_portal: bool = False,
) -> OnlineRequirementResult:
    """Whether an application made on ``on`` must be made online, and the exemption that frees it.

    ``disability``: the applicant (for PR-portal kits also the sponsor or representative)
    cannot apply online because of a disability; its nature is never asked.
    ``other_accommodation_need``: another need for accommodation (PR-portal kits only).
    ``exceptional_circumstances``: the Minister (an officer) has established circumstances
    beyond the person's control (IRPR 9.4; G-02). ``system_restriction``: the row of the
    seed-000 table that describes the applicant, if any; ``temporary_resident_permit``:
    the TRP held, for H82. ``work_permit_requested_in_schedule_12``: the asylum claimant
    already asked for a work permit in Schedule 12 on the Portal (S61).
    """
    if stream is Stream.TEMPORARY_RESIDENT_IN_CANADA:
        return _temporary_resident_in_canada(
            on=on,
            disability=disability,
            exceptional_circumstances=exceptional_circumstances,
            system_restriction=system_restriction,
            trp=temporary_resident_permit,
            trp_with_work_permit=applying_for_trp_with_work_permit,
            schedule_12=work_permit_requested_in_schedule_12,
            paid_rep=paid_representative_with_portal_access,
            rep_unable=representative_unable_to_use_portal,
        )
    if stream in (Stream.SPONSORSHIP, Stream.PR_CARD):
        return _pr_portal(stream=stream, on=on, accommodation=disability or other_accommodation_need)
    return _electronic_by_regulation(stream=stream, accommodation=disability or other_accommodation_need)


def _result(
    requirement: Requirement,
    reasons: list[Reason],
    *,
    exemptions: tuple[Exemption, ...] = (),
    restriction: SystemRestriction | None = None,
    other_means: tuple[OtherMeans, ...] = (),
    online_recommended: bool = False,
    officer_must_accept: bool = False,
    joint_forms: tuple[str, ...] = (),
) -> OnlineRequirementResult:
    return OnlineRequirementResult(
        requirement,
        exemptions,
        restriction,
        other_means,
        online_recommended,
        officer_must_accept,
        joint_forms,
        tuple(reasons),
    )


def _temporary_resident_in_canada(
    *,
    on: date,
    disability: bool,
    exceptional_circumstances: bool,
    system_restriction: SystemRestriction | None,
    trp: PermitPeriod | None,
    trp_with_work_permit: bool,
    schedule_12: bool,
    paid_rep: bool,
    rep_unable: bool,
) -> OnlineRequirementResult:
    reasons: list[Reason] = []
    mandatory_from = value("online.tr_in_canada_online_from", on)
    if on < mandatory_from:
        reasons.append(
            reason(
                "ONLINE_NOT_YET_MANDATORY",
                rule="EX-02",
                citation="IRPR 9.2; " + _SEED_000,
                en="Applications from temporary residents in Canada had to be made online only from {start}; this one may be made online or on paper.",
                fr="Les demandes des résidents temporaires au Canada ne doivent être présentées en ligne qu’à compter du {start}; celle-ci peut être présentée en ligne ou sur papier.",
                severity=Severity.INFO,
                start=mandatory_from.isoformat(),
            )
        )
        return _result(Requirement.NO_REQUIREMENT, reasons, other_means=_TR_OTHER_MEANS)

    if trp_with_work_permit:
        # EX-15 (H82): the two applications "doivent être soumises ensemble sur papier".
        # Reading: this holds for paid representatives too; the seed's note about the
        # representative portal concerns the table's exemptions, not this obligation.
        reasons.append(
            reason(
                "TRP_AND_WORK_PERMIT_TOGETHER_ON_PAPER",
                rule="EX-15",
                citation="IRPR 9.2; " + _SEED_000 + ", H82",
                en="A temporary resident permit application made with a work permit application must be submitted together with it on paper (IMM 5708 and IMM 5710). The work permit application alone cannot be made online.",
                fr="La demande de permis de séjour temporaire présentée avec une demande de permis de travail doit être soumise en même temps que celle-ci, sur papier (IMM 5708 et IMM 5710). La demande de permis de travail ne peut pas être présentée seule en ligne.",
                severity=Severity.WARNING,
            )
        )
        return _result(
            Requirement.PAPER_REQUIRED,
            reasons,
            exemptions=(Exemption.SYSTEM_RESTRICTION,),
            restriction=SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER,
            other_means=(OtherMeans.PAPER,),
            joint_forms=_TRP_AND_WORK_PERMIT_FORMS,
        )

    exemptions: list[Exemption] = []
    officer_must_accept = False
    if disability:
        officer_must_accept = True
        exemptions.append(Exemption.DISABILITY)
        reasons.append(
            reason(
                "DISABILITY_EXEMPTION",
                rule="EX-05",
                citation="IRPR 9.5; IRCC program delivery instructions — Handicap",
                en="Because a disability prevents you from applying online, you may apply on paper. You do not have to say what your disability is, and an officer must accept a paper application that is complete.",
                fr="Comme un handicap vous empêche de présenter une demande en ligne, vous pouvez la présenter sur papier. Vous n’avez pas à préciser la nature de votre handicap, et l’agent doit accepter la demande sur papier si elle est dûment remplie.",
                severity=Severity.INFO,
            )
        )
    if exceptional_circumstances:
        # Reading (G-02): the grounds of 9.4 are missing from the seed; the exemption is a
        # decision recorded by an officer, which the caller passes in as a flag.
        exemptions.append(Exemption.EXCEPTIONAL_CIRCUMSTANCES)
        reasons.append(
            reason(
                "EXCEPTIONAL_CIRCUMSTANCES_EXEMPTION",
                rule="EX-04",
                citation="IRPR 9.4",
                en="An officer has established exceptional circumstances beyond your control: you may apply by another means than online.",
                fr="Un agent a établi l’existence de circonstances exceptionnelles indépendantes de votre volonté : vous pouvez présenter votre demande par un autre moyen que la voie électronique.",
                severity=Severity.INFO,
            )
        )

    applied_restriction = None
    online_recommended = False
    if system_restriction is not None:
        table_reasons, row_applies, online_recommended = _restriction_row(
            system_restriction, trp, schedule_12, on
        )
        reasons.extend(table_reasons)
        if row_applies and paid_rep and not rep_unable:
            # EX-07 / AS-78: a paid representative with access to the portal submits
            # electronically; paper is open to them for table programs only when unable.
            online_recommended = False
            reasons.append(
                reason(
                    "PAID_REPRESENTATIVE_MUST_SUBMIT_ONLINE",
                    rule="EX-07, REP-15",
                    citation=_SEED_000 + ", Remarque",
                    en="A paid representative with access to the Authorized Paid Representative Portal must submit this application through the portal; paper is allowed only if the representative is unable to use the portal.",
                    fr="Le représentant rémunéré autorisé ayant accès au Portail des représentants rémunérés autorisés doit soumettre cette demande par le portail; le papier n’est permis que s’il n’est pas en mesure d’utiliser le portail.",
                    severity=Severity.INFO,
                )
            )
        elif row_applies:
            applied_restriction = system_restriction
            exemptions.append(Exemption.SYSTEM_RESTRICTION)
            if paid_rep:
                reasons.append(
                    reason(
                        "PAID_REPRESENTATIVE_UNABLE_MAY_USE_PAPER",
                        rule="EX-07, REP-15",
                        citation=_SEED_000 + ", Remarque",
                        en="The representative is unable to submit through the Authorized Paid Representative Portal, and this program is in the exemption table: paper is allowed.",
                        fr="Le représentant n’est pas en mesure de soumettre la demande par le Portail des représentants rémunérés autorisés et ce programme figure dans la liste des dispenses : le papier est permis.",
                        severity=Severity.INFO,
                    )
                )
    if trp is not None and _valid_on(trp, on):
        reasons.append(
            reason(
                "TRP_HOLDER_MAY_APPLY_ONLINE_FOR_WORK_PERMIT",
                rule="EX-15",
                citation=_SEED_000 + ", H82",
                en="As the holder of a temporary resident permit, you may make your work permit application online.",
                fr="Comme vous êtes déjà titulaire d’un permis de séjour temporaire, vous pouvez présenter votre demande de permis de travail en ligne.",
                severity=Severity.INFO,
            )
        )

    if not exemptions:
        reasons.append(
            reason(
                "ONLINE_APPLICATION_REQUIRED",
                rule="EX-01, EX-02",
                citation="IRPR 9.2",
                en="Temporary residents in Canada must apply online to extend their status or their authorization to work or study; no exemption applies.",
                fr="Les résidents temporaires au Canada doivent présenter leur demande en ligne pour proroger leur statut ou leur autorisation de travailler ou d’étudier; aucune exception ne s’applique.",
                severity=Severity.INFO,
            )
        )
        return _result(Requirement.ELECTRONIC_ONLY, reasons)

    reasons.append(_permits_not_obliges())
    return _result(
        Requirement.OTHER_MEANS_ALLOWED,
        reasons,
        exemptions=tuple(exemptions),
        restriction=applied_restriction,
        other_means=_TR_OTHER_MEANS,
        online_recommended=online_recommended,
        officer_must_accept=officer_must_accept,
    )


def _restriction_row(
    row: SystemRestriction, trp: PermitPeriod | None, schedule_12: bool, on: date
) -> tuple[list[Reason], bool, bool]:
    """Reasons, whether the row exempts the applicant, and whether online is recommended."""
    rule, label_en, label_fr = _RESTRICTION_TEXT[row]
    citation = _ROW_CITATIONS[row]
    if row is SystemRestriction.H82_TEMPORARY_RESIDENT_PERMIT_HOLDER:
        months = value("online.h82_minimum_trp_months", on)
        label_en = label_en.format(months=months)
        label_fr = label_fr.format(months=months)
        if trp is None or not _valid_on(trp, on) or add_months(trp.valid_from, months) > trp.valid_until:
            # Reading: "d'une durée d'au moins 6 mois" is the permit's full period, first
            # to last valid day, and the permit must be valid on the application date.
            return (
                [
                    reason(
                        "H82_CONDITIONS_NOT_MET",
                        rule=rule,
                        citation=citation,
                        en="H82 covers only holders of a temporary resident permit valid on the application date and issued for at least {months} months; this permit is not, so the application must be made online.",
                        fr="La catégorie H82 ne vise que les titulaires d’un permis de séjour temporaire valide à la date de la demande et d’une durée d’au moins {months} mois; ce n’est pas le cas ici, la demande doit donc être présentée en ligne.",
                        severity=Severity.INFO,
                        months=months,
                    )
                ],
                False,
                False,
            )
    if row is SystemRestriction.S61_ASYLUM_CLAIMANT and schedule_12:
        return (
            [
                reason(
                    "S61_WORK_PERMIT_ALREADY_REQUESTED_IN_SCHEDULE_12",
                    rule=rule,
                    citation=citation,
                    en="The paper-or-online choice is for asylum claimants who did not apply for a work permit in Schedule 12 on the Portal; you already did.",
                    fr="Le choix entre le papier et la voie électronique vise les demandeurs d’asile qui n’ont pas fait leur demande de permis de travail dans l’annexe 12 sur le Portail; vous l’avez déjà faite.",
                    severity=Severity.INFO,
                )
            ],
            False,
            False,
        )
    found = [
        reason(
            "SYSTEM_RESTRICTION_EXEMPTION",
            rule=rule + ", EX-08",
            citation=citation,
            en="You are exempt from the online requirement ({label_en}): you may apply on paper or online.",
            fr="Vous êtes dispensé de l’exigence de présenter une demande en ligne ({label_fr}) : vous pouvez présenter votre demande sur papier ou en ligne.",
            severity=Severity.INFO,
            label_en=label_en,
            label_fr=label_fr,
        )
    ]
    online_recommended = row in (
        SystemRestriction.S62_UNENFORCEABLE_REMOVAL_ORDER,
        SystemRestriction.S62_FAILED_CLAIMANT_AWAITING_REMOVAL,
    )
    if online_recommended:
        # Reading (G-05): the "workaround for the fee problem" is not described in the seed;
        # both channels stay open and the workaround is left to IRCC's instructions.
        found.append(
            reason(
                "S62_ONLINE_RECOMMENDED_FEE_WORKAROUND",
                rule=rule,
                citation=citation,
                en="Applying online is recommended, using the workaround IRCC indicates for the fee problem; you may also apply on paper.",
                fr="Il est conseillé de présenter la demande en ligne en utilisant la solution de rechange indiquée par IRCC pour le problème des frais; vous pouvez aussi la présenter sur papier.",
                severity=Severity.INFO,
            )
        )
    if row is SystemRestriction.URGENT_WORK_PERMIT_PROCESS:
        # EX-17 ⛔ GAP: which processes qualify is set by the Client Support Centre's
        # call-handling document, not in the sources; the caller asserts it applies.
        found.append(
            reason(
                "URGENT_PROCESS_PER_CALL_HANDLING_DOCUMENT",
                rule=rule,
                citation=citation,
                en="Whether a request qualifies as an urgent work permit process is set by the Client Support Centre’s call-handling instructions.",
                fr="L’admissibilité à un processus de transmission de demandes urgentes de permis de travail est établie par le document sur le traitement des appels du Centre de soutien à la clientèle.",
                severity=Severity.WARNING,
            )
        )
    return found, True, online_recommended


def _valid_on(period: PermitPeriod, on: date) -> bool:
    return period.valid_from <= on <= period.valid_until


def _permits_not_obliges() -> Reason:
    return reason(
        "EXEMPTION_PERMITS_ONLINE_STILL_POSSIBLE",
        rule="EX-24",
        citation=_SEED_000 + " — Exceptions",
        en="An exemption allows another means; it does not oblige you to use it. You may still apply online.",
        fr="Une exception permet d’utiliser un autre moyen, sans l’imposer. Vous pouvez tout de même présenter votre demande en ligne.",
        severity=Severity.INFO,
    )


def _alternative_format_reason(on: date) -> Reason:
    return reason(
        "ALTERNATIVE_FORMAT_KIT_AVAILABLE",
        rule="EX-32, EX-33",
        citation="IMM 5445 — « Si vous ne pouvez pas présenter votre demande en ligne … »; IMM 5289 — « Je ne peux pas présenter une demande en ligne … »",
        en="If you, your sponsor or your representative cannot apply online and need accommodation, ask for the kit on paper, in braille or in large print by e-mail to {address} (help: {phone}, from Canada only).",
        fr="Si vous, votre répondant ou votre représentant ne pouvez pas présenter une demande en ligne et avez besoin de mesures d’adaptation, demandez la trousse sur papier, en braille ou en gros caractères par courriel à {address} (aide : {phone}, depuis le Canada seulement).",
        severity=Severity.INFO,
        address=value("online.alternative_format_request_email", on),
        phone=value("online.alternative_format_help_line", on),
    )


def _pr_portal(*, stream: Stream, on: date, accommodation: bool) -> OnlineRequirementResult:
    reasons: list[Reason] = []
    if stream is Stream.PR_CARD:
        # Reading: IMM 5445 offers the PR portal ("Vous pouvez maintenant…") and describes
        # paper submission to Sydney (PRC-90) without making either mandatory; only the fee
        # must be paid online (PRC-70).
        reasons.append(
            reason(
                "PR_CARD_ONLINE_OR_PAPER",
                rule="EX-31, PRC-90, PRC-70",
                citation="IMM 5445 — Introduction; Step 3; Step 4",
                en="A PR card application may be made in the Permanent Residence Portal or on paper; in both cases the fee must be paid online.",
                fr="La demande de carte RP peut être présentée dans le Portail de résidence permanente ou sur papier; dans les deux cas, les frais doivent être payés en ligne.",
                severity=Severity.INFO,
            )
        )
        if accommodation:
            reasons.append(_alternative_format_reason(on))
        return _result(
            Requirement.NO_REQUIREMENT,
            reasons,
            exemptions=(Exemption.ACCOMMODATION,) if accommodation else (),
            other_means=_PR_PORTAL_FORMATS if accommodation else (OtherMeans.PAPER,),
        )

    mandatory_from = value("online.sponsorship_online_from", on)
    if on < mandatory_from:
        reasons.append(
            reason(
                "ONLINE_NOT_YET_MANDATORY",
                rule="EX-30",
                citation="IMM 5289 — « Vous devez maintenant présenter une demande en ligne »",
                en="Sponsorship applications had to be made online only from {start}; this one may be made online or on paper.",
                fr="Les demandes de parrainage ne doivent être présentées en ligne qu’à compter du {start}; celle-ci peut être présentée en ligne ou sur papier.",
                severity=Severity.INFO,
                start=mandatory_from.isoformat(),
            )
        )
        return _result(Requirement.NO_REQUIREMENT, reasons, other_means=(OtherMeans.PAPER,))
    if accommodation:
        reasons.append(_alternative_format_reason(on))
        reasons.append(
            reason(
                "PAPER_SPONSORSHIP_BY_COURIER",
                rule="EX-33",
                citation="IMM 5289 — « Utilisez un service de messagerie pour envoyer votre demande papier »",
                en="Complete and sign the paper forms and send them to the address in the instructions by a courier service with tracking (Canada Post labour disruption).",
                fr="Remplissez et signez les formulaires papier et envoyez-les à l’adresse indiquée dans les instructions par un service de messagerie offrant le repérage (perturbation du travail à Postes Canada).",
                severity=Severity.INFO,
            )
        )
        reasons.append(_permits_not_obliges())
        return _result(
            Requirement.OTHER_MEANS_ALLOWED,
            reasons,
            exemptions=(Exemption.ACCOMMODATION,),
            other_means=_PR_PORTAL_FORMATS,
        )
    reasons.append(
        reason(
            "ONLINE_APPLICATION_REQUIRED",
            rule="EX-30, SP-01",
            citation="IMM 5289 — « Vous devez maintenant présenter une demande en ligne »",
            en="Since {start}, sponsorship applications must be made online.",
            fr="Depuis le {start}, les demandes de parrainage doivent être présentées en ligne.",
            severity=Severity.INFO,
            start=mandatory_from.isoformat(),
        )
    )
    return _result(Requirement.ELECTRONIC_ONLY, reasons)


def _electronic_by_regulation(*, stream: Stream, accommodation: bool) -> OnlineRequirementResult:
    if stream is Stream.PERMANENT_RESIDENCE_AFTER_INVITATION:
        first = reason(
            "ONLINE_APPLICATION_REQUIRED",
            rule="EX-40",
            citation="IRPR 12.01",
            en="A permanent residence application made after an invitation from the Minister must be made by the electronic means the Minister makes available.",
            fr="La demande de résidence permanente présentée à la suite d’une invitation du ministre doit l’être par le moyen électronique que le ministre met à la disposition de l’intéressé.",
            severity=Severity.INFO,
        )
        citation = "IRPR 12.01"
    else:
        first = reason(
            "ONLINE_APPLICATION_REQUIRED",
            rule="EX-41, IRPR-12.04-1",
            citation="IRPR 12.04(1)",
            en="An electronic travel authorization must be applied for through the Minister’s electronic system.",
            fr="La demande d’autorisation de voyage électronique doit être présentée par le système électronique que le ministre met à la disposition de l’intéressé.",
            severity=Severity.INFO,
        )
        citation = "IRPR 12.04(1)"
    reasons = [first]
    if accommodation:
        # The sources give no other means for these applications; an officer is asked
        # rather than a channel invented.
        reasons.append(
            reason(
                "NO_OTHER_MEANS_IN_SOURCES",
                rule="EX-40, EX-41",
                citation=citation,
                en="The sources give no other means for this application; your need for accommodation is referred to IRCC.",
                fr="Les sources ne prévoient aucun autre moyen pour cette demande; votre besoin de mesures d’adaptation est transmis à IRCC.",
                severity=Severity.WARNING,
            )
        )
    return _result(Requirement.ELECTRONIC_ONLY, reasons)


# --- IRPR 12.001: applying at a port of entry -------------------------------------------


class PortOfEntryApplication(str, Enum):
    TEMPORARY_RESIDENT_PERMIT = "temporary_resident_permit"  # IRPA 24(1)
    WORK_PERMIT = "work_permit"
    STUDY_PERMIT = "study_permit"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class PortOfEntryResult:
    allowed: bool
    officer_review: bool
    reasons: tuple[Reason, ...]


def port_of_entry_application(
    *,
    application: PortOfEntryApplication,
    biometrics_required: bool,
    port_collects_biometrics: bool,
    subject_to_198_or_214: bool = False,
) -> PortOfEntryResult:
    """Whether a TRP, work or study permit may be applied for at this port of entry (IRPR 12.001).

    ``biometrics_required``: IRPA 10.01 requires the person's biometrics (see the
    biometrics rules). ``subject_to_198_or_214``: sections 198 or 214 (not in the
    sources) may apply, so an officer decides.
    """
    if application is PortOfEntryApplication.OTHER or not biometrics_required:
        return PortOfEntryResult(
            True,
            False,
            (
                reason(
                    "PORT_OF_ENTRY_NO_BIOMETRIC_CONDITION",
                    rule="IRPR-12.001",
                    citation="IRPR 12.001",
                    en="Section 12.001 does not limit where this application is made.",
                    fr="L’article 12.001 ne limite pas l’endroit où cette demande est faite.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if subject_to_198_or_214:
        return PortOfEntryResult(
            False,
            True,
            (
                reason(
                    "PORT_OF_ENTRY_SUBJECT_TO_198_214",
                    rule="IRPR-12.001",
                    citation="IRPR 12.001 (subject to 198 and 214)",
                    en="Section 198 or 214 may allow this application at the port of entry; an officer will decide.",
                    fr="Les articles 198 ou 214 pourraient permettre de faire cette demande au point d’entrée; un agent tranchera.",
                    severity=Severity.WARNING,
                ),
            ),
        )
    if port_collects_biometrics:
        found = reason(
            "PORT_OF_ENTRY_COLLECTS_BIOMETRICS",
            rule="IRPR-12.001",
            citation="IRPR 12.001",
            en="This port of entry collects biometric information, so the application may be made here.",
            fr="Ce point d’entrée offre les services de collecte de renseignements biométriques; la demande peut donc y être faite.",
            severity=Severity.INFO,
        )
    else:
        found = reason(
            "PORT_OF_ENTRY_WITHOUT_BIOMETRIC_COLLECTION",
            rule="IRPR-12.001",
            citation="IRPR 12.001",
            en="You must give biometrics, and this port of entry does not collect them: the application cannot be made here.",
            fr="Vous devez fournir vos renseignements biométriques et ce point d’entrée n’offre pas les services de collecte : la demande ne peut pas y être faite.",
        )
    return PortOfEntryResult(port_collects_biometrics, False, (found,))


# --- Alternative-format request (EX-33, AS-136) ------------------------------------------


class Kit(str, Enum):
    PR_CARD = "pr_card"  # IMM 5445 / IMM 5444
    SPONSORSHIP = "sponsorship"  # IMM 5289


class KitLanguage(str, Enum):
    ENGLISH = "en"
    FRENCH = "fr"


class Delivery(str, Enum):
    EMAIL = "email"
    MAIL = "mail"


@dataclass(frozen=True, slots=True)
class AlternativeFormatRequest:
    """An e-mail asking for a PR-portal kit in another format.

    ``subject_kit`` and ``subject_format`` are what the subject line names (``None`` if
    it does not); the other fields are what the body says. There is deliberately no
    field about the disability: the request never has to describe it.
    """

    subject_kit: Kit | None
    subject_format: OtherMeans | None
    full_name_as_on_passport: str | None
    states_need_for_other_format: bool
    language: KitLanguage | None
    delivery: Delivery | None
    email: str | None = None
    mailing_address: str | None = None
    mailing_address_country: str | None = None  # ISO 3166-1 alpha-2
    sponsored_by_family_member: bool = False
    sponsor_full_name: str | None = None


@dataclass(frozen=True, slots=True)
class AlternativeFormatCheck:
    complete: bool
    send_to: str
    reasons: tuple[Reason, ...]


_ALT_CITATION = "IMM 5445 — « Si vous ne pouvez pas présenter votre demande en ligne … »; IMM 5289 — « Je ne peux pas présenter une demande en ligne … »"


def check_alternative_format_request(
    *, request: AlternativeFormatRequest, on: date
) -> AlternativeFormatCheck:
    """Whether an alternative-format request e-mail says everything IRCC asks for (EX-33)."""
    reasons: list[Reason] = []

    def missing(code: str, en: str, fr: str) -> None:
        reasons.append(reason(code, rule="EX-33", citation=_ALT_CITATION, en=en, fr=fr))

    if request.subject_kit is None:
        missing(
            "SUBJECT_KIT_MISSING",
            "The subject line must name the application kit you want.",
            "La ligne Objet doit indiquer la trousse de demande que vous désirez obtenir.",
        )
    if request.subject_format is None:
        missing(
            "SUBJECT_FORMAT_MISSING",
            "The subject line must name the format you want: paper, braille or large print.",
            "La ligne Objet doit indiquer le format demandé : papier, braille ou gros caractères.",
        )
    if not (request.full_name_as_on_passport or "").strip():
        missing(
            "PASSPORT_NAME_MISSING",
            "Give your full name as it appears on your passport (the principal applicant’s).",
            "Indiquez votre nom au complet tel qu’il apparaît sur votre passeport (celui du demandeur principal).",
        )
    if request.subject_kit is Kit.SPONSORSHIP and request.sponsored_by_family_member:
        if not (request.sponsor_full_name or "").strip():
            missing(
                "SPONSOR_NAME_MISSING",
                "Give the full name of your sponsor.",
                "Indiquez le nom complet de votre répondant.",
            )
    if not request.states_need_for_other_format:
        missing(
            "NEED_STATEMENT_MISSING",
            "Say that you need the kit in another format.",
            "Indiquez que vous avez besoin d’une trousse dans un autre format.",
        )
    if request.language is None:
        missing(
            "KIT_LANGUAGE_MISSING",
            "Say whether you want the application in English or in French.",
            "Précisez si vous désirez la demande en français ou en anglais.",
        )
    if request.delivery is None:
        missing(
            "DELIVERY_METHOD_MISSING",
            "Say how the kit should reach you: by e-mail or by mail.",
            "Précisez comment nous devons vous faire parvenir la trousse : par courriel ou par la poste.",
        )
    elif request.delivery is Delivery.EMAIL and not email_is_well_formed(request.email):
        missing(
            "DELIVERY_EMAIL_MISSING",
            "Include a valid e-mail address to receive the kit electronically.",
            "Incluez une adresse courriel valide pour recevoir la trousse par voie électronique.",
        )
    elif request.delivery is Delivery.MAIL:
        if not (request.mailing_address or "").strip():
            missing(
                "DELIVERY_ADDRESS_MISSING",
                "Include your mailing address to receive the kit by mail.",
                "Incluez votre adresse postale pour recevoir la trousse par la poste.",
            )
        elif (request.mailing_address_country or "").upper() != "CA":
            missing(
                "DELIVERY_ADDRESS_NOT_IN_CANADA",
                "Kits are mailed to addresses in Canada only; ask for the kit by e-mail instead.",
                "La trousse n’est envoyée par la poste qu’à une adresse au Canada; demandez-la plutôt par courriel.",
            )

    send_to = value("online.alternative_format_request_email", on)
    complete = not has_blocking(reasons)
    if complete:
        reasons.append(
            reason(
                "ALTERNATIVE_FORMAT_REQUEST_COMPLETE",
                rule="EX-33",
                citation=_ALT_CITATION,
                en="Your request has everything IRCC needs. Send it to {address}; you do not need to describe your disability.",
                fr="Votre demande contient tout ce dont IRCC a besoin. Envoyez-la à {address}; vous n’avez pas à décrire votre handicap.",
                severity=Severity.INFO,
                address=send_to,
            )
        )
    return AlternativeFormatCheck(complete, send_to, tuple(reasons))
