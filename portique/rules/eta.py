"""Electronic travel authorization: application, joint applications, validity, ineligibility, cancellation.

Source: IRPR 12.04–12.07 (seed 001). Digest §3.6–3.9 (IRPR-12.04-1 … IRPR-12.07) and
scenarios AS-58–AS-65. The country lists the provisions refer to (Schedule 1.1,
paragraph 190(1)(a), subsections 7.01(1) and 7.1(1)) are not in the sources: the caller
says whether a country is on them, and on which date it left them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from functools import lru_cache

from .completeness import RepresentativeDetails, representative_gaps
from .dates import add_years
from .parameters import value
from .reasons import Reason, Severity, has_blocking
from .reasons import reason as build_reason

# Reasons are immutable and the same ones recur case after case: build each once.
reason = lru_cache(maxsize=4096)(build_reason)

# Named in the provisions themselves (12.05(1.2) and 12.05(2)); ISO 3166-1 alpha-2.
MEXICO = "MX"
ROMANIA = "RO"


# --- 12.04(1), (4): the application ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class EtaApplication:
    """An eTA application as IRPR 12.04(4) lists its content; ``None`` means "not given".

    ``under_7_01_2_b``: the applicant is a foreign national described in 7.01(2)(b), who
    must give a valid U.S. non-immigrant visa number (12.04(4)(h.1)).
    """

    submitted_electronically: bool
    name: str | None
    date_of_birth: date | None
    place_of_birth: str | None
    sex: str | None
    address: str | None
    nationality: str | None
    passport_number: str | None
    passport_issue_date: date | None
    passport_expiry_date: date | None
    passport_issuer: str | None  # country or authority
    email: str | None
    declaration_made: bool
    under_7_01_2_b: bool = False
    us_non_immigrant_visa_number: str | None = None
    representatives: tuple[RepresentativeDetails, ...] = ()


@dataclass(frozen=True, slots=True)
class EtaApplicationCheck:
    complete: bool
    reasons: tuple[Reason, ...]


_REQUIRED_ETA_FIELDS = (
    ("name", "IRPR 12.04(4)(a)", "name", "le nom"),
    ("date_of_birth", "IRPR 12.04(4)(b)", "date of birth", "la date de naissance"),
    ("place_of_birth", "IRPR 12.04(4)(b)", "place of birth", "le lieu de naissance"),
    ("sex", "IRPR 12.04(4)(c)", "sex", "le sexe"),
    ("address", "IRPR 12.04(4)(d)", "address", "l’adresse"),
    ("nationality", "IRPR 12.04(4)(e)", "nationality", "la nationalité"),
    (
        "passport_number",
        "IRPR 12.04(4)(f)",
        "passport or travel document number",
        "le numéro du passeport ou du titre de voyage",
    ),
    ("passport_issue_date", "IRPR 12.04(4)(f)", "passport issue date", "la date de délivrance du passeport"),
    ("passport_expiry_date", "IRPR 12.04(4)(f)", "passport expiry date", "la date d’expiration du passeport"),
    (
        "passport_issuer",
        "IRPR 12.04(4)(f)",
        "country or authority that issued the passport",
        "le pays ou l’autorité ayant délivré le passeport",
    ),
)


def _blank(item: str | date | None) -> bool:
    return item is None or (isinstance(item, str) and not item.strip())


def check_eta_application(*, application: EtaApplication) -> EtaApplicationCheck:
    """Whether an eTA application is made electronically and contains everything 12.04(4) lists."""
    app = application
    reasons: list[Reason] = []
    if not app.submitted_electronically:
        reasons.append(
            reason(
                "ETA_NOT_ELECTRONIC",
                rule="IRPR-12.04-1, EX-41",
                citation="IRPR 12.04(1)",
                en="An eTA application must be made through the Minister’s electronic system; it cannot be made by any other means.",
                fr="La demande d’autorisation de voyage électronique doit être présentée par le système électronique du ministre ; elle ne peut pas l’être par un autre moyen.",
            )
        )
    for attribute, citation, en, fr in _REQUIRED_ETA_FIELDS:
        if _blank(getattr(app, attribute)):
            reasons.append(_eta_missing(citation, en, fr, attribute))
    for details in app.representatives:
        # 12.04(4)(g): the 10(2)(c.1)–(c.4) particulars, as for any other application.
        reasons.extend(
            Reason(
                r.code,
                "IRPR-12.04-4, " + r.rule,
                "IRPR 12.04(4)(g); " + r.citation,
                r.en,
                r.fr,
                r.severity,
                r.subject,
            )
            for r in representative_gaps(details)
        )
    if app.submitted_electronically and _blank(app.email):
        reasons.append(_eta_missing("IRPR 12.04(4)(h)", "e-mail address", "l’adresse de courriel", "email"))
    if app.under_7_01_2_b and _blank(app.us_non_immigrant_visa_number):
        reasons.append(
            _eta_missing(
                "IRPR 12.04(4)(h.1)",
                "number of the valid U.S. non-immigrant visa",
                "le numéro du visa de non-immigrant des États-Unis valide",
                "us_non_immigrant_visa_number",
            )
        )
    if not app.declaration_made:
        reasons.append(
            _eta_missing(
                "IRPR 12.04(4)(i)",
                "declaration that the information is complete and accurate",
                "la déclaration attestant que les renseignements fournis sont exacts et complets",
                "declaration",
            )
        )
    complete = not has_blocking(reasons)
    if complete:
        reasons.append(
            reason(
                "ETA_APPLICATION_COMPLETE",
                rule="IRPR-12.04-4",
                citation="IRPR 12.04(1), (4)",
                en="The eTA application was made electronically and contains all the required information.",
                fr="La demande d’autorisation de voyage électronique a été présentée par voie électronique et comporte tous les renseignements exigés.",
                severity=Severity.INFO,
            )
        )
    return EtaApplicationCheck(complete, tuple(reasons))


def _eta_missing(citation: str, en: str, fr: str, subject: str) -> Reason:
    return reason(
        "ETA_INFORMATION_MISSING",
        rule="IRPR-12.04-4",
        citation=citation,
        en="The eTA application is incomplete: the {field_en} is missing.",
        fr="La demande d’autorisation de voyage électronique est incomplète : il manque {field_fr}.",
        subject=subject,
        field_en=en,
        field_fr=fr,
    )


# --- 12.04(5), (6): permit applications that count as eTA applications ----------------


class PermitApplication(str, Enum):
    WORK_PERMIT = "work_permit"
    STUDY_PERMIT = "study_permit"
    WORK_PERMIT_RENEWAL = "work_permit_renewal"
    STUDY_PERMIT_RENEWAL = "study_permit_renewal"
    OTHER = "other"


_RENEWALS = (PermitApplication.WORK_PERMIT_RENEWAL, PermitApplication.STUDY_PERMIT_RENEWAL)


@dataclass(frozen=True, slots=True)
class DeemedEtaApplication:
    deemed: bool
    reasons: tuple[Reason, ...]


def deemed_eta_application(
    *, application: PermitApplication, under_7_01_1: bool, requires_eta_under_7_1_1: bool
) -> DeemedEtaApplication:
    """Whether a work or study permit application also counts as an eTA application (12.04(5)–(6)).

    ``under_7_01_1``: the foreign national is described in 7.01(1);
    ``requires_eta_under_7_1_1``: they must hold an eTA under 7.1(1).
    """
    if application is PermitApplication.OTHER:
        found = reason(
            "NOT_A_JOINT_ETA_APPLICATION",
            rule="IRPR-12.04-5, IRPR-12.04-6",
            citation="IRPR 12.04(5), (6)",
            en="Only work and study permit applications can count as eTA applications.",
            fr="Seules les demandes de permis de travail ou d’études peuvent être considérées comme des demandes d’autorisation de voyage électronique.",
            severity=Severity.INFO,
        )
        return DeemedEtaApplication(False, (found,))
    if requires_eta_under_7_1_1:
        return DeemedEtaApplication(
            True,
            (
                reason(
                    "JOINT_ETA_APPLICATION_7_1_1",
                    rule="IRPR-12.04-6",
                    citation="IRPR 12.04(6)",
                    en="Because you must hold an eTA, this work or study permit application is also considered an eTA application.",
                    fr="Comme vous devez obtenir une autorisation de voyage électronique, cette demande de permis de travail ou d’études est aussi considérée comme une demande d’autorisation de voyage électronique.",
                    severity=Severity.INFO,
                ),
            ),
        )
    if under_7_01_1 and application in _RENEWALS:
        return DeemedEtaApplication(
            True,
            (
                reason(
                    "JOINT_ETA_APPLICATION_7_01_1",
                    rule="IRPR-12.04-5",
                    citation="IRPR 12.04(5)",
                    en="This application to renew a work or study permit is also considered an eTA application.",
                    fr="Cette demande de renouvellement d’un permis de travail ou d’études est aussi considérée comme une demande d’autorisation de voyage électronique.",
                    severity=Severity.INFO,
                ),
            ),
        )
    return DeemedEtaApplication(
        False,
        (
            reason(
                "NOT_A_JOINT_ETA_APPLICATION",
                rule="IRPR-12.04-5, IRPR-12.04-6",
                citation="IRPR 12.04(5), (6)",
                en="This permit application does not also count as an eTA application: subsection 12.04(5) covers only renewals by a foreign national described in 7.01(1), and 12.04(6) only those who must hold an eTA under 7.1(1).",
                fr="Cette demande de permis n’est pas aussi considérée comme une demande d’autorisation de voyage électronique : le paragraphe 12.04(5) ne vise que les renouvellements demandés par l’étranger visé au paragraphe 7.01(1), et le paragraphe 12.04(6) que l’étranger qui doit obtenir une autorisation aux termes du paragraphe 7.1(1).",
                severity=Severity.INFO,
            ),
        ),
    )


# --- 12.05: validity -------------------------------------------------------------------


class ExpiryGround(str, Enum):
    FIVE_YEARS = "five_years"  # 12.05(1)
    PASSPORT_EXPIRY = "passport_expiry"  # (a)
    CANCELLATION = "cancellation"  # (b)
    NEW_ETA_SAME_PASSPORT = "new_eta_same_passport"  # (c)
    ISSUER_LEFT_190_1_A = "issuer_left_190_1_a"  # (d)
    ISSUER_LEFT_7_01_1 = "issuer_left_7_01_1"  # (e)
    US_PERMANENT_RESIDENT_BASIS = "us_permanent_resident_basis"  # (1.1)


@dataclass(frozen=True, slots=True)
class EtaFacts:
    """What 12.05 needs to know about one issued eTA.

    Dates on which something happened (cancellation, a new eTA for the same passport,
    the issuing country or authority leaving the 190(1)(a) or 7.01(1) list) are
    ``None`` while it has not happened. Countries are ISO 3166-1 alpha-2 codes.
    ``holds_permit_when_issuer_left_190_1_a``: held a work or study permit on that date
    (12.05(1.2)). ``passport_machine_readable_with_chip``: machine-readable with a
    contactless integrated circuit chip (12.05(2)). ``issued_on_us_permanent_residence``:
    issued because the person was lawfully admitted to the U.S. as a permanent resident.
    """

    issued_on: date
    passport_expiry: date
    passport_issuer: str
    citizenships: tuple[str, ...]
    cancelled_on: date | None = None
    new_eta_same_passport_on: date | None = None
    issuer_left_190_1_a_on: date | None = None
    holds_permit_when_issuer_left_190_1_a: bool = False
    passport_machine_readable_with_chip: bool = False
    issuer_left_7_01_1_on: date | None = None
    issuer_in_schedule_1_1: bool = False
    issued_on_us_permanent_residence: bool = False
    citizen_of_schedule_1_1_country: bool = False


@dataclass(frozen=True, slots=True)
class EtaValidity:
    """When an eTA stops being valid, on which ground, and the last day it can be used.

    Reading: ``valid_until`` is the date 12.05 names. For the five-year period and the
    passport's expiry the eTA is valid on that day too (a passport is valid on its expiry
    date); a cancellation, a new eTA, or the issuer leaving a list ends it on the day it
    happens, so the last valid day is the day before. Under 12.05(1.1) it ends at
    ``ends_at`` (08:00 EDT), so the last full day is the day before.
    """

    issued_on: date
    valid_until: date
    last_valid_day: date
    ground: ExpiryGround
    ends_at: datetime | None
    reasons: tuple[Reason, ...]

    def in_force_on(self, day: date) -> bool:
        return self.issued_on <= day <= self.last_valid_day

    def in_force_at(self, moment: datetime) -> bool:
        """For a timezone-aware ``moment``; honours the exact 12.05(1.1) cut-off."""
        if self.ends_at is not None:
            return self.issued_on <= moment.date() and moment < self.ends_at
        return self.in_force_on(moment.date())


_GROUND_TEXT = {
    ExpiryGround.FIVE_YEARS: (
        "IRPR 12.05(1)",
        "five years after it was issued",
        "cinq ans après sa délivrance",
    ),
    ExpiryGround.PASSPORT_EXPIRY: (
        "IRPR 12.05(1)(a)",
        "the expiry of the passport or travel document",
        "l’expiration du passeport ou du titre de voyage",
    ),
    ExpiryGround.CANCELLATION: ("IRPR 12.05(1)(b)", "its cancellation", "son annulation"),
    ExpiryGround.NEW_ETA_SAME_PASSPORT: (
        "IRPR 12.05(1)(c)",
        "the issuance of a new eTA for the same passport",
        "la délivrance d’une nouvelle autorisation à l’égard du même passeport",
    ),
    ExpiryGround.ISSUER_LEFT_190_1_A: (
        "IRPR 12.05(1)(d)",
        "the date the issuing country or authority ceased to be listed in paragraph 190(1)(a)",
        "la date à laquelle le pays ou l’autorité de délivrance a cessé d’être visé à l’alinéa 190(1)a)",
    ),
    ExpiryGround.ISSUER_LEFT_7_01_1: (
        "IRPR 12.05(1)(e)",
        "the date the issuing country ceased to be listed in subsection 7.01(1)",
        "la date à laquelle le pays de délivrance a cessé d’être visé au paragraphe 7.01(1)",
    ),
    ExpiryGround.US_PERMANENT_RESIDENT_BASIS: (
        "IRPR 12.05(1.1)",
        "08:00:00 Eastern Daylight Time on 26 April 2022 (eTA based on U.S. permanent residence)",
        "8 h 0 min 0 s, heure avancée de l’Est, le 26 avril 2022 (autorisation fondée sur la résidence permanente aux États-Unis)",
    ),
}
_ENDS_ON_THE_DAY = (
    ExpiryGround.CANCELLATION,
    ExpiryGround.NEW_ETA_SAME_PASSPORT,
    ExpiryGround.ISSUER_LEFT_190_1_A,
    ExpiryGround.ISSUER_LEFT_7_01_1,
    ExpiryGround.US_PERMANENT_RESIDENT_BASIS,
)


def eta_validity(*, eta: EtaFacts) -> EtaValidity:
    """The date an eTA stops being valid under IRPR 12.05: five years, or the earliest listed date before then."""
    reasons: list[Reason] = []
    years = value("eta.validity_years", eta.issued_on)
    candidates: list[tuple[date, ExpiryGround]] = [(add_years(eta.issued_on, years), ExpiryGround.FIVE_YEARS)]
    candidates.append((eta.passport_expiry, ExpiryGround.PASSPORT_EXPIRY))
    if eta.cancelled_on is not None:
        candidates.append((eta.cancelled_on, ExpiryGround.CANCELLATION))
    if eta.new_eta_same_passport_on is not None:
        candidates.append((eta.new_eta_same_passport_on, ExpiryGround.NEW_ETA_SAME_PASSPORT))
    if eta.issuer_left_190_1_a_on is not None:
        exception = _exception_to_1_d(eta)
        if exception is None:
            candidates.append((eta.issuer_left_190_1_a_on, ExpiryGround.ISSUER_LEFT_190_1_A))
        else:
            reasons.append(exception)
    if eta.issuer_left_7_01_1_on is not None:
        if eta.issuer_in_schedule_1_1:
            reasons.append(
                reason(
                    "ISSUER_IN_SCHEDULE_1_1",
                    rule="IRPR-12.05-1",
                    citation="IRPR 12.05(1)(e)",
                    en="The issuing country left subsection 7.01(1) but is listed in Schedule 1.1, so the eTA does not end on that date.",
                    fr="Le pays de délivrance a cessé d’être visé au paragraphe 7.01(1), mais il figure à l’annexe 1.1 ; l’autorisation ne prend donc pas fin à cette date.",
                    severity=Severity.INFO,
                )
            )
        else:
            candidates.append((eta.issuer_left_7_01_1_on, ExpiryGround.ISSUER_LEFT_7_01_1))

    ends_at = None
    if eta.issued_on_us_permanent_residence and not eta.citizen_of_schedule_1_1_country:
        ends_at = value("eta.us_permanent_resident_basis_end", eta.issued_on)
        candidates.append((ends_at.date(), ExpiryGround.US_PERMANENT_RESIDENT_BASIS))

    # 12.05(1): the earliest date wins; a listed date counts only "si celles-ci surviennent
    # avant l'expiration de cette période", so on an equal last day the five-year ground,
    # listed first, is kept.
    valid_until, ground = min(candidates, key=lambda candidate: _last_valid_day(*candidate))
    last_valid_day = _last_valid_day(valid_until, ground)
    if ground is not ExpiryGround.US_PERMANENT_RESIDENT_BASIS:
        ends_at = None
    citation, ground_en, ground_fr = _GROUND_TEXT[ground]
    severity = Severity.WARNING if ground in _ENDS_ON_THE_DAY else Severity.INFO
    reasons.append(
        reason(
            "ETA_VALID_UNTIL",
            rule="IRPR-12.05-1"
            if ground is not ExpiryGround.US_PERMANENT_RESIDENT_BASIS
            else "IRPR-12.05-1.1",
            citation=citation,
            en="The eTA issued on {issued} is valid until {until}: {ground_en}.",
            fr="L’autorisation de voyage électronique délivrée le {issued} est valide jusqu’au {until} : {ground_fr}.",
            severity=severity,
            issued=eta.issued_on.isoformat(),
            until=valid_until.isoformat(),
            ground_en=ground_en,
            ground_fr=ground_fr,
        )
    )
    if last_valid_day < eta.issued_on:
        reasons.append(
            reason(
                "ETA_NEVER_VALID",
                rule="IRPR-12.05-1",
                citation=citation,
                en="The ground that ends this eTA came before it was issued; it cannot be used.",
                fr="Le motif qui met fin à cette autorisation est survenu avant sa délivrance ; elle ne peut pas être utilisée.",
                severity=Severity.WARNING,
            )
        )
    return EtaValidity(eta.issued_on, valid_until, last_valid_day, ground, ends_at, tuple(reasons))


def _last_valid_day(until: date, ground: ExpiryGround) -> date:
    return until - timedelta(days=1) if ground in _ENDS_ON_THE_DAY else until


def _exception_to_1_d(eta: EtaFacts) -> Reason | None:
    if MEXICO in eta.citizenships and eta.holds_permit_when_issuer_left_190_1_a:
        return reason(
            "MEXICO_PERMIT_HOLDER_EXCEPTION",
            rule="IRPR-12.05-1.2",
            citation="IRPR 12.05(1.2)",
            en="As a citizen of Mexico holding a work or study permit on the date in paragraph (1)(d), the eTA does not end on that date.",
            fr="Comme vous êtes citoyen du Mexique et titulaire d’un permis de travail ou d’études à la date visée à l’alinéa (1)d), l’autorisation ne prend pas fin à cette date.",
            severity=Severity.INFO,
        )
    if eta.passport_issuer.upper() == ROMANIA and eta.passport_machine_readable_with_chip:
        return reason(
            "ROMANIA_CHIP_PASSPORT_EXCEPTION",
            rule="IRPR-12.05-2",
            citation="IRPR 12.05(2)",
            en="The eTA was issued for a machine-readable Romanian passport with a contactless chip, so paragraph (1)(d) does not end it.",
            fr="L’autorisation a été délivrée à l’égard d’un passeport roumain lisible par machine et muni d’une puce sans contact ; l’alinéa (1)d) n’y met donc pas fin.",
            severity=Severity.INFO,
        )
    return None


# --- 12.06 and 12.07: no longer eligible, cancellation ---------------------------------


class EtaEventKind(str, Enum):
    DECLARATION_22_1 = "declaration_22_1"  # (a)
    TEMPORARY_RESIDENT_PERMIT_ISSUED = "temporary_resident_permit_issued"  # (b)
    REPORT_44_1 = "report_44_1"  # (c)
    REMOVAL_ORDER = "removal_order"  # (d) IRPA 44(2) or 45(d)
    WITHDREW_APPLICATION_TO_ENTER = "withdrew_application_to_enter"  # (e) IRPR 42(1)
    TRV_REFUSED_179_B = "trv_refused_179_b"  # (f)
    WORK_PERMIT_REFUSED_200_1_B = "work_permit_refused_200_1_b"  # (g)
    STUDY_PERMIT_REFUSED_216_1_B = "study_permit_refused_216_1_b"  # (h)
    CONDITIONS_7_01_2_NOT_MET = "conditions_7_01_2_not_met"  # (i) 7.01(1) foreign nationals only


@dataclass(frozen=True, slots=True)
class EtaEvent:
    kind: EtaEventKind
    on: date


@dataclass(frozen=True, slots=True)
class EtaEligibility:
    """Whether the holder may still hold the eTA, and whether an officer may cancel it (12.07)."""

    eligible: bool
    disqualifying: tuple[EtaEventKind, ...]
    officer_may_cancel: bool
    reasons: tuple[Reason, ...]


_EVENT_TEXT = {
    EtaEventKind.DECLARATION_22_1: (
        "IRPR 12.06(a)",
        "the subject of a declaration under subsection 22.1(1) of the Act",
        "fait l’objet d’une déclaration visée au paragraphe 22.1(1) de la Loi",
    ),
    EtaEventKind.TEMPORARY_RESIDENT_PERMIT_ISSUED: (
        "IRPR 12.06(b)",
        "issued a temporary resident permit under subsection 24(1) of the Act",
        "s’est vu délivrer un permis de séjour temporaire au titre du paragraphe 24(1) de la Loi",
    ),
    EtaEventKind.REPORT_44_1: (
        "IRPR 12.06(c)",
        "the subject of a report under subsection 44(1) of the Act",
        "fait l’objet d’un rapport visé au paragraphe 44(1) de la Loi",
    ),
    EtaEventKind.REMOVAL_ORDER: (
        "IRPR 12.06(d)",
        "subject to a removal order under subsection 44(2) or paragraph 45(d) of the Act",
        "est visé par une mesure de renvoi prise en vertu du paragraphe 44(2) ou de l’alinéa 45d) de la Loi",
    ),
    EtaEventKind.WITHDREW_APPLICATION_TO_ENTER: (
        "IRPR 12.06(e)",
        "withdrew their application to enter Canada under subsection 42(1)",
        "a retiré sa demande d’entrée au Canada au titre du paragraphe 42(1)",
    ),
    EtaEventKind.TRV_REFUSED_179_B: (
        "IRPR 12.06(f)",
        "refused a temporary resident visa for not meeting paragraph 179(b)",
        "s’est vu refuser un visa de résident temporaire faute de satisfaire à l’alinéa 179b)",
    ),
    EtaEventKind.WORK_PERMIT_REFUSED_200_1_B: (
        "IRPR 12.06(g)",
        "refused a work permit for not meeting paragraph 200(1)(b)",
        "s’est vu refuser un permis de travail faute de satisfaire à l’alinéa 200(1)b)",
    ),
    EtaEventKind.STUDY_PERMIT_REFUSED_216_1_B: (
        "IRPR 12.06(h)",
        "refused a study permit for not meeting paragraph 216(1)(b)",
        "s’est vu refuser un permis d’études faute de satisfaire à l’alinéa 216(1)b)",
    ),
    EtaEventKind.CONDITIONS_7_01_2_NOT_MET: (
        "IRPR 12.06(i)",
        "found not to have met paragraph 7.01(2)(a) or (b) on the date of the eTA application",
        "il a été établi qu’il ne remplissait pas les conditions des alinéas 7.01(2)a) ou b) à la date de sa demande",
    ),
}


def eta_eligibility(
    *, issued_on: date, events: tuple[EtaEvent, ...], under_7_01_1: bool, inadmissible: bool = False
) -> EtaEligibility:
    """Whether events after issuance make the holder no longer eligible (12.06), and whether an officer may cancel (12.07).

    ``inadmissible``: an officer has found the holder inadmissible (12.07). Cancellation is
    the officer's discretion ("peut annuler"); its date then ends the eTA under 12.05(1)(b).
    """
    reasons: list[Reason] = []
    disqualifying: list[EtaEventKind] = []
    for event in events:
        citation, en, fr = _EVENT_TEXT[event.kind]
        if event.kind is EtaEventKind.CONDITIONS_7_01_2_NOT_MET and not under_7_01_1:
            continue  # 12.06(i) applies only to foreign nationals described in 7.01(1)
        # Reading: 12.06 counts what happens "après la délivrance"; the sources give dates,
        # not times, so an event on the day of issuance counts and the officer checks the order.
        if event.on < issued_on:
            continue
        disqualifying.append(event.kind)
        reasons.append(
            reason(
                "ETA_NO_LONGER_ELIGIBLE",
                rule="IRPR-12.06",
                citation=citation,
                en="After the eTA was issued, the holder was {event_en} (on {day}): they are no longer eligible to hold it.",
                fr="Après la délivrance de l’autorisation, le titulaire {event_fr} (le {day}) : il n’est plus habilité à la détenir.",
                severity=Severity.WARNING,
                subject=event.kind.value,
                event_en=en,
                event_fr=fr,
                day=event.on.isoformat(),
            )
        )
    eligible = not disqualifying
    may_cancel = not eligible or inadmissible
    if inadmissible:
        reasons.append(
            reason(
                "ETA_HOLDER_INADMISSIBLE",
                rule="IRPR-12.07",
                citation="IRPR 12.07",
                en="The holder is inadmissible.",
                fr="Le titulaire est interdit de territoire.",
                severity=Severity.WARNING,
            )
        )
    if may_cancel:
        reasons.append(
            reason(
                "ETA_MAY_BE_CANCELLED",
                rule="IRPR-12.07",
                citation="IRPR 12.07",
                en="An officer may cancel the eTA.",
                fr="Un agent peut annuler l’autorisation de voyage électronique.",
                severity=Severity.WARNING,
            )
        )
    else:
        reasons.append(
            reason(
                "ETA_HOLDER_STILL_ELIGIBLE",
                rule="IRPR-12.06, IRPR-12.07",
                citation="IRPR 12.06, 12.07",
                en="Nothing listed in section 12.06 has happened since the eTA was issued, and the holder has not been found inadmissible.",
                fr="Aucun des faits énumérés à l’article 12.06 n’est survenu depuis la délivrance de l’autorisation, et le titulaire n’a pas été déclaré interdit de territoire.",
                severity=Severity.INFO,
            )
        )
    return EtaEligibility(eligible, tuple(disqualifying), may_cancel, tuple(reasons))
