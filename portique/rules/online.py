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
    system_restriction: SystemRestriction | str | None
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
_SEED_000 = "IRCC program delivery instructions — Restrictions du système"


# --- The seed-000 table, read from parameters/online_exemptions.yaml -------------------------


@dataclass(frozen=True, slots=True)
class Note:
    """A reason the table attaches to a row (a note, a condition not met, a joint-paper rule)."""

    code: str
    en: str
    fr: str
    severity: Severity = Severity.INFO
    forms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RestrictionRow:
    """One row of « Restrictions du système – Détails des dispenses », as in force on a date."""

    id: str
    category: str
    rule: str
    en: str
    fr: str
    minimum_trp_months: int | None = None
    no_schedule_12_request: bool = False
    not_met: Note | None = None
    online_recommended: bool = False
    notes: tuple[Note, ...] = ()
    applied_together_on_paper: Note | None = None
    permit_holder_may_apply_online: Note | None = None

    @property
    def citation(self) -> str:
        return "IRPR 9.2; " + _SEED_000 + ", " + self.category

    def label(self, language: str = "en") -> str:
        """The person the row describes, in ``language``, with its numbers filled in."""
        text = self.fr if language.lower().startswith("fr") else self.en
        return text.format(months=self.minimum_trp_months)


_ROW_KEYS = {
    "id",
    "category",
    "rule",
    "en",
    "fr",
    "conditions",
    "not_met",
    "online_recommended",
    "notes",
    "applied_together_on_paper",
    "permit_holder_may_apply_online",
}
# The only conditions the code knows how to check; anything else in the data is an error,
# so a typo cannot silently turn a condition off.
_CONDITION_KEYS = {"temporary_resident_permit_minimum_months", "no_work_permit_request_in_schedule_12"}


def _note(data: dict | None) -> Note | None:
    if data is None:
        return None
    return Note(
        code=data["code"],
        en=data["en"],
        fr=data["fr"],
        severity=Severity(data.get("severity", "info")),
        forms=tuple(data.get("forms", ())),
    )


def _row(data: dict) -> RestrictionRow:
    unknown = set(data) - _ROW_KEYS
    conditions = data.get("conditions") or {}
    unknown |= set(conditions) - _CONDITION_KEYS
    if unknown:
        raise ValueError(f"online_exemptions.system_restrictions row {data.get('id')!r}: unknown {sorted(unknown)}")
    if conditions and "not_met" not in data:
        raise ValueError(f"online_exemptions.system_restrictions row {data['id']!r}: conditions without not_met")
    return RestrictionRow(
        id=str(data["id"]),
        category=str(data["category"]),
        rule=data["rule"],
        en=data["en"],
        fr=data["fr"],
        minimum_trp_months=conditions.get("temporary_resident_permit_minimum_months"),
        no_schedule_12_request=bool(conditions.get("no_work_permit_request_in_schedule_12", False)),
        not_met=_note(data.get("not_met")),
        online_recommended=bool(data.get("online_recommended", False)),
        notes=tuple(_note(n) for n in data.get("notes") or ()),
        applied_together_on_paper=_note(data.get("applied_together_on_paper")),
        permit_holder_may_apply_online=_note(data.get("permit_holder_may_apply_online")),
    )


# Parsed tables, keyed by the identity of the loaded YAML value (kept alive alongside).
_PARSED_TABLES: dict[int, tuple[object, tuple[RestrictionRow, ...]]] = {}


def system_restriction_table(on: date) -> tuple[RestrictionRow, ...]:
    """The rows of the seed-000 table in force on ``on``, in the table's order."""
    raw = value("online_exemptions.system_restrictions", on)
    cached = _PARSED_TABLES.get(id(raw))
    if cached is None or cached[0] is not raw:
        cached = (raw, tuple(_row(item) for item in raw))
        _PARSED_TABLES[id(raw)] = cached
    return cached[1]


def _find_row(table: tuple[RestrictionRow, ...], row_id: str) -> RestrictionRow | None:
    return next((row for row in table if row.id == row_id), None)


def _in_canada_other_means(on: date) -> tuple[OtherMeans, ...]:
    return tuple(OtherMeans(means) for means in value("online_exemptions.other_means_in_canada", on))


def _as_restriction(row_id: str) -> SystemRestriction | str:
    """The enum member for a row the code knows, or the row id for one added in the data."""
    try:
        return SystemRestriction(row_id)
    except ValueError:
        return row_id


def online_requirement(
    *,
    stream: Stream,
    on: date,
    disability: bool = False,
    other_accommodation_need: bool = False,
    exceptional_circumstances: bool = False,
    system_restriction: SystemRestriction | str | None = None,
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
    seed-000 table that describes the applicant, if any (an enum member, or the id of a row
    the data added); ``temporary_resident_permit``:
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
    restriction: SystemRestriction | str | None = None,
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
    system_restriction: SystemRestriction | str | None,
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
        return _result(Requirement.NO_REQUIREMENT, reasons, other_means=(OtherMeans.PAPER,))

    table = system_restriction_table(on)
    if trp_with_work_permit:
        together = next((row for row in table if row.applied_together_on_paper), None)
        if together is not None:
            note = together.applied_together_on_paper
            reasons.append(_note_reason(note, together))
            return _result(
                Requirement.PAPER_REQUIRED,
                reasons,
                exemptions=(Exemption.SYSTEM_RESTRICTION,),
                restriction=_as_restriction(together.id),
                other_means=(OtherMeans.PAPER,),
                joint_forms=note.forms,
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
                fr="Un agent a établi l’existence de circonstances exceptionnelles indépendantes de votre volonté : vous pouvez présenter votre demande par un autre moyen que la voie électronique.",
                severity=Severity.INFO,
            )
        )

    applied_restriction = None
    online_recommended = False
    if system_restriction is not None:
        row_id = getattr(system_restriction, "value", system_restriction)
        row = _find_row(table, row_id)
        if row is None:
            table_reasons, row_applies = [_not_in_table(row_id, on)], False
        else:
            table_reasons, row_applies = _restriction_row(row, trp, schedule_12, on)
            online_recommended = row_applies and row.online_recommended
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
                    fr="Le représentant rémunéré autorisé ayant accès au Portail des représentants rémunérés autorisés doit soumettre cette demande par le portail ; le papier n’est permis que s’il n’est pas en mesure d’utiliser le portail.",
                    severity=Severity.INFO,
                )
            )
        elif row_applies:
            applied_restriction = _as_restriction(row_id)
            exemptions.append(Exemption.SYSTEM_RESTRICTION)
            if paid_rep:
                reasons.append(
                    reason(
                        "PAID_REPRESENTATIVE_UNABLE_MAY_USE_PAPER",
                        rule="EX-07, REP-15",
                        citation=_SEED_000 + ", Remarque",
                        en="The representative is unable to submit through the Authorized Paid Representative Portal, and this program is in the exemption table: paper is allowed.",
                        fr="Le représentant n’est pas en mesure de soumettre la demande par le Portail des représentants rémunérés autorisés et ce programme figure dans la liste des dispenses : le papier est permis.",
                        severity=Severity.INFO,
                    )
                )
    if trp is not None and _valid_on(trp, on):
        holder = next((row for row in table if row.permit_holder_may_apply_online), None)
        if holder is not None:
            reasons.append(_note_reason(holder.permit_holder_may_apply_online, holder))

    if not exemptions:
        reasons.append(
            reason(
                "ONLINE_APPLICATION_REQUIRED",
                rule="EX-01, EX-02",
                citation="IRPR 9.2",
                en="Temporary residents in Canada must apply online to extend their status or their authorization to work or study; no exemption applies.",
                fr="Les résidents temporaires au Canada doivent présenter leur demande en ligne pour proroger leur statut ou leur autorisation de travailler ou d’étudier ; aucune exception ne s’applique.",
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
        other_means=_in_canada_other_means(on),
        online_recommended=online_recommended,
        officer_must_accept=officer_must_accept,
    )


def _note_reason(note: Note, row: RestrictionRow) -> Reason:
    return reason(
        note.code,
        rule=row.rule,
        citation=row.citation,
        en=note.en,
        fr=note.fr,
        severity=note.severity,
        months=row.minimum_trp_months,
    )


def _not_in_table(row_id: str, on: date) -> Reason:
    return reason(
        "SYSTEM_RESTRICTION_NOT_IN_TABLE",
        rule="EX-08",
        citation="IRPR 9.2; " + _SEED_000,
        en="The situation “{row}” is not in the table of exemptions in force on {on}.",
        fr="La situation « {row} » ne figure pas dans la liste des dispenses en vigueur le {on}.",
        severity=Severity.INFO,
        row=row_id,
        on=on.isoformat(),
    )


def _restriction_row(
    row: RestrictionRow, trp: PermitPeriod | None, schedule_12: bool, on: date
) -> tuple[list[Reason], bool]:
    """Reasons, and whether the row exempts the applicant on ``on``."""
    conditions_met = True
    if row.minimum_trp_months is not None:
        months = row.minimum_trp_months
        if trp is None or not _valid_on(trp, on) or add_months(trp.valid_from, months) > trp.valid_until:
            conditions_met = False
    if row.no_schedule_12_request and schedule_12:
        conditions_met = False
    if not conditions_met:
        # _row() guarantees a row with conditions has its not_met reason.
        return [_note_reason(row.not_met, row)], False
    found = [
        reason(
            "SYSTEM_RESTRICTION_EXEMPTION",
            rule=row.rule + ", EX-08",
            citation=row.citation,
            en="You are exempt from the online requirement ({label_en}): you may apply on paper or online.",
            fr="Vous êtes dispensé de l’exigence de présenter une demande en ligne ({label_fr}) : vous pouvez présenter votre demande sur papier ou en ligne.",
            severity=Severity.INFO,
            label_en=row.label("en"),
            label_fr=row.label("fr"),
        )
    ]
    found.extend(_note_reason(note, row) for note in row.notes)
    return found, True


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
        fr="Si vous, votre répondant ou votre représentant ne pouvez pas présenter une demande en ligne et avez besoin de mesures d’adaptation, demandez la trousse sur papier, en braille ou en gros caractères par courriel à {address} (aide : {phone}, depuis le Canada seulement).",
        severity=Severity.INFO,
        address=value("online.alternative_format_request_email", on),
        phone=value("online.alternative_format_help_line", on),
    )


# The same three inputs give the same answer, which depends otherwise only on the dated
# parameters: computed once per stream, date and need (every PR card and sponsorship
# evaluation asks it; the result is immutable).
@lru_cache(maxsize=4096)
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
                fr="La demande de carte RP peut être présentée dans le Portail de résidence permanente ou sur papier ; dans les deux cas, les frais doivent être payés en ligne.",
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
                fr="Les sources ne prévoient aucun autre moyen pour cette demande ; votre besoin de mesures d’adaptation est transmis à IRCC.",
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
                    fr="Les articles 198 ou 214 pourraient permettre de faire cette demande au point d’entrée ; un agent tranchera.",
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
            fr="Ce point d’entrée offre les services de collecte de renseignements biométriques ; la demande peut donc y être faite.",
            severity=Severity.INFO,
        )
    else:
        found = reason(
            "PORT_OF_ENTRY_WITHOUT_BIOMETRIC_COLLECTION",
            rule="IRPR-12.001",
            citation="IRPR 12.001",
            en="You must give biometrics, and this port of entry does not collect them: the application cannot be made here.",
            fr="Vous devez fournir vos renseignements biométriques et ce point d’entrée n’offre pas les services de collecte : la demande ne peut pas y être faite.",
        )
    return PortOfEntryResult(port_collects_biometrics, False, (found,))


# --- Alternative-format request (EX-33, AS-136) ------------------------------------------


class Kit(str, Enum):
    """The application kits of the PR portal that exist in another format (EX-32)."""

    PR_CARD = "pr_card"  # IMM 5445 / IMM 5444
    SPONSORSHIP = "sponsorship"  # IMM 5289

    def title(self, language: str) -> str:
        english, french = _KIT_TITLES[self]
        return french if language.startswith("fr") else english


_KIT_TITLES = {
    Kit.PR_CARD: (
        "Permanent resident card (IMM 5444, guide IMM 5445)",
        "Carte de résident permanent (IMM 5444, guide IMM 5445)",
    ),
    Kit.SPONSORSHIP: (
        "Sponsorship of a spouse, partner or dependent child (guide IMM 5289)",
        "Parrainage d’un époux, d’un conjoint ou d’un enfant à charge (guide IMM 5289)",
    ),
}


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
