"""Whether an application is complete (IRPR s.10–12), and what happens when it is not.

IRPR 10(1) says how every application is made (form, signature, information and
documents, fee receipt, who is the principal applicant); 10(2) what it contains; s.11
where a non-electronic application goes; s.12 that an application failing s.10 or s.11
is returned with all its supporting documents, except the biometric information of
12.3(b)(i) and (ii). The caller's checklist decides which documents are required; this
module decides what their absence means.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import lru_cache

from .reasons import Reason, Severity, has_blocking
from .reasons import reason as build_reason
from .records import fast_init

# Reasons are immutable and the same ones recur case after case: build each once.
reason = lru_cache(maxsize=4096)(build_reason)


class ApplicationKind(str, Enum):
    """What is being applied for; s.10 applies to every application under the IRPR."""

    PERMANENT_RESIDENCE = "permanent_residence"
    SPONSORSHIP = "sponsorship"  # the sponsor's application under IRPR 130(1)(c)
    TEMPORARY_RESIDENCE = "temporary_residence"
    PR_CARD = "pr_card"
    DECLARATION_OF_EXEMPTION = "declaration_of_exemption"  # IRPA 42.1(1): the CBSA's form
    OTHER = "other"


class FormUsed(str, Enum):
    """Which form the application was made on (IRPR 10(1)(a))."""

    DEPARTMENT_FORM = "department_form"
    CBSA_FORM = "cbsa_form"
    NO_FORM_PROVIDED = "no_form_provided"  # the Department provides no form for this application
    OTHER = "other"  # a form other than the one provided


class Channel(str, Enum):
    """How the application reached IRCC: electronically, or by any other means (s.11)."""

    ELECTRONIC = "electronic"
    OTHER_MEANS = "other_means"  # paper, braille or large-print kit, courier, mail


class FamilyRole(str, Enum):
    """Place of a person in the application (IRPR 1(3) family members; 10(1)(e))."""

    PRINCIPAL_APPLICANT = "principal_applicant"
    SPOUSE_OR_COMMON_LAW_PARTNER = "spouse_or_common_law_partner"
    DEPENDENT_CHILD = "dependent_child"
    DEPENDENT_CHILD_OF_DEPENDENT_CHILD = "dependent_child_of_dependent_child"


class AdoptionException(str, Enum):
    """The persons for whom 10(2.1) lets the 10(2)(a) particulars come later."""

    INTERNATIONAL_ADOPTION_117_1_B = "international_adoption_117_1_b"
    TO_BE_ADOPTED_117_1_G = "to_be_adopted_117_1_g"


class RepresentativeRole(str, Enum):
    """Who helped with the application, as IRPR 10(2)(c.1)–(c.4) distinguish them."""

    REPRESENTATIVE = "representative"  # (c.1) any person or entity representing, e.g. unpaid
    PAID_REPRESENTATIVE = "paid_representative"  # (c.1)+(c.2) IRPA 91(2)(a)–(c) person, for a fee
    PAID_ADVISER = "paid_adviser"  # (c.3) 91(2)(a)–(c) person who advised for a fee
    PAID_ADVISER_ENTITY = "paid_adviser_entity"  # (c.4) 91(4) entity, or a person acting for it


class Completeness(str, Enum):
    COMPLETE = "complete"
    RETURNED = "returned"  # IRPR 12
    OFFICER_REVIEW = "officer_review"  # a provision outside the sources displaces 10(1) or s.12


@fast_init
@dataclass(frozen=True, slots=True)
class PersonParticulars:
    """The IRPR 10(2)(a) particulars of the applicant or of one family member.

    Every family member is listed, accompanying or not (10(2)(a)); ``None`` or an empty
    string means "not given". ``spousal_status_stated`` is the statement whether the
    person is the spouse, common-law partner or conjugal partner of another person.
    """

    person_id: str
    role: FamilyRole
    accompanying: bool = True
    name: str | None = None
    date_of_birth: date | None = None
    address: str | None = None
    nationality: str | None = None
    immigration_status: str | None = None
    spousal_status_stated: bool = False
    adoption_exception: AdoptionException | None = None


@dataclass(frozen=True, slots=True)
class RepresentativeDetails:
    """A representative or paid adviser declared in the application (10(2)(c.1)–(c.4)).

    Fax and e-mail are required only "if any" (« le cas échéant »), so they are not
    checked; ``member_body`` and ``membership_number`` are the (c.2) particulars.
    """

    representative_id: str
    role: RepresentativeRole
    name: str | None = None
    postal_address: str | None = None
    telephone: str | None = None
    fax: str | None = None
    email: str | None = None
    member_body: str | None = None
    membership_number: str | None = None


@fast_init
@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    """What the completeness check needs to know about one application.

    ``missing_items`` are the codes of checklist forms or documents not provided
    (10(1)(c)); ``explained_items`` those not provided but covered by a detailed letter
    of explanation. ``fee_due`` is the fee the application requires, without the
    biometric fee, which is not part of the application (10(2.2)); ``fee_paid`` is the
    amount on the receipt. For a sponsorship package, check the sponsor's application
    (``SPONSORSHIP``) and the sponsored person's (``PERMANENT_RESIDENCE``, family class)
    separately.
    """

    kind: ApplicationKind
    channel: Channel
    form_used: FormUsed
    signed_by_applicant: bool
    declaration_made: bool
    persons: tuple[PersonParticulars, ...]
    visa_or_permit_sought: str | None
    regulatory_class: str | None
    fee_due: Decimal
    fee_receipt_present: bool
    fee_paid: Decimal = Decimal(0)
    principal_applicant_designated: bool = False
    missing_items: tuple[str, ...] = ()
    explained_items: tuple[str, ...] = ()
    representatives: tuple[RepresentativeDetails, ...] = ()
    family_class: bool = False
    sponsorship_application_included: bool = False
    earlier_sponsorship_pending_for_same_person: bool = False
    sent_to_specified_address: bool = False
    biometrics_collected: bool = False
    biometrics_pending: bool = False
    subject_to_28_or_139_1_b: bool = False
    subject_to_140_4: bool = False


@fast_init
@dataclass(frozen=True, slots=True)
class CompletenessResult:
    """The outcome, what goes back to the applicant and what IRCC keeps, and why.

    ``covers``: the persons the application is valid for (10(3)); ``due_before_approval``:
    persons whose 10(2)(a) particulars may follow (10(2.1)).
    """

    outcome: Completeness
    returned: tuple[str, ...]
    kept: tuple[str, ...]
    covers: tuple[str, ...]
    due_before_approval: tuple[str, ...]
    deemed_not_filed_for_appeal: bool
    reasons: tuple[Reason, ...]

    @property
    def complete(self) -> bool:
        return self.outcome is Completeness.COMPLETE


RETURNED_ITEMS = ("application", "supporting_documents")
KEPT_BIOMETRICS = ("biometric_information_12_3_b_i", "biometric_information_12_3_b_ii")

# (attribute, English label, French label) of the 10(2)(a) particulars.
_PARTICULARS = (
    ("name", "name", "le nom"),
    ("date_of_birth", "date of birth", "la date de naissance"),
    ("address", "address", "l’adresse"),
    ("nationality", "nationality", "la nationalité"),
    ("immigration_status", "immigration status", "le statut d’immigration"),
)
_SPONSORSHIP_FAMILY = (ApplicationKind.SPONSORSHIP, ApplicationKind.PERMANENT_RESIDENCE)


def _blank(text: str | date | None) -> bool:
    return text is None or (isinstance(text, str) and not text.strip())


def check_completeness(*, application: ApplicationSummary) -> CompletenessResult:
    """Check an application against IRPR s.10 and s.11 and apply s.12.

    Every missing element is its own BLOCKING reason citing its paragraph, so the
    applicant sees everything at once rather than one return after another.
    """
    app = application
    reasons: list[Reason] = []
    ten_one_failed = False

    if app.subject_to_28_or_139_1_b:
        # IRPR-10-1: s.10(1) applies "subject to paragraphs 28(b) to (d) and 139(1)(b)";
        # those provisions are not in the sources, so an officer applies them.
        reasons.append(
            reason(
                "S10_1_DISPLACED_OFFICER_REVIEW",
                rule="IRPR-10-1",
                citation="IRPR 10(1) (subject to 28(b)–(d) and 139(1)(b))",
                en="Paragraph 28(b)–(d) or 139(1)(b) may change how this application must be made; an officer will decide.",
                fr="Les alinéas 28b) à d) ou 139(1)b) peuvent modifier la façon dont cette demande doit être faite ; un agent tranchera.",
                severity=Severity.WARNING,
            )
        )
    else:
        before = len(reasons)
        _check_form_and_signature(app, reasons)
        _check_missing_items(app, reasons)
        _check_fee(app, reasons)
        _check_designation(app, reasons)
        ten_one_failed = has_blocking(reasons[before:])

    before_ten_two = len(reasons)
    due_before_approval = _check_particulars(app, reasons)
    _check_application_particulars(app, reasons)
    _check_representatives(app, reasons)
    # Reading: the 10(2) particulars are "information required by these Regulations",
    # so a gap there also fails 10(1)(c) (it matters for 10(6)).
    ten_one_failed = ten_one_failed or has_blocking(reasons[before_ten_two:])

    _check_sponsorship_rules(app, reasons)
    _check_channel(app, reasons)

    covers = tuple(
        person.person_id
        for person in app.persons
        if person.role is FamilyRole.PRINCIPAL_APPLICANT or person.accompanying
    )
    reasons.append(
        reason(
            "APPLICATION_COVERS_ACCOMPANYING_FAMILY",
            rule="IRPR-10-3",
            citation="IRPR 10(3)",
            en="The application is valid for the principal applicant and the {count} accompanying family member(s).",
            fr="La demande vaut pour le demandeur principal et les membres de sa famille qui l’accompagnent (nombre : {count}).",
            severity=Severity.INFO,
            count=max(len(covers) - 1, 0),
        )
    )
    if app.biometrics_pending:
        reasons.append(
            reason(
                "BIOMETRICS_NOT_PART_OF_APPLICATION",
                rule="IRPR-10-2.2",
                citation="IRPR 10(2.2)",
                en="Biometric information and the biometric fee are not part of the application: the application can be complete before they are given.",
                fr="Les renseignements biométriques et les frais de biométrie ne font pas partie de la demande : celle-ci peut être complète avant qu’ils soient fournis.",
                severity=Severity.INFO,
            )
        )

    deemed_not_filed = app.kind is ApplicationKind.SPONSORSHIP and ten_one_failed
    if deemed_not_filed:
        reasons.append(
            reason(
                "SPONSORSHIP_DEEMED_NOT_FILED",
                rule="IRPR-10-6",
                citation="IRPR 10(6); IRPA 63(1)",
                en="Because the sponsorship application was not made as subsection 10(1) requires, it is deemed not to have been filed for an appeal under subsection 63(1) of the Act.",
                fr="Comme la demande de parrainage n’a pas été faite conformément au paragraphe 10(1), elle est réputée non déposée pour l’application du paragraphe 63(1) de la Loi.",
                severity=Severity.WARNING,
            )
        )

    return _outcome(app, reasons, covers, due_before_approval, deemed_not_filed)


def _outcome(
    app: ApplicationSummary,
    reasons: list[Reason],
    covers: tuple[str, ...],
    due_before_approval: tuple[str, ...],
    deemed_not_filed: bool,
) -> CompletenessResult:
    if not has_blocking(reasons):
        if app.subject_to_28_or_139_1_b:
            outcome = Completeness.OFFICER_REVIEW
        else:
            outcome = Completeness.COMPLETE
            reasons.append(
                reason(
                    "APPLICATION_COMPLETE",
                    rule="IRPR-10-1, IRPR-10-2, IRPR-11",
                    citation="IRPR 10(1), 10(2), 11",
                    en="The application meets the requirements of sections 10 and 11 and can be processed.",
                    fr="La demande satisfait aux exigences des articles 10 et 11 et peut être traitée.",
                    severity=Severity.INFO,
                )
            )
        return CompletenessResult(
            outcome, (), (), covers, due_before_approval, deemed_not_filed, tuple(reasons)
        )

    if app.subject_to_140_4:
        # IRPR-12: the return is "subject to section 140.4", which the sources do not contain.
        reasons.append(
            reason(
                "RETURN_SUBJECT_TO_140_4",
                rule="IRPR-12",
                citation="IRPR 12 (subject to 140.4)",
                en="Section 140.4 may apply instead of a return; an officer will decide what happens to the application.",
                fr="L’article 140.4 pourrait s’appliquer au lieu du renvoi ; un agent décidera du sort de la demande.",
                severity=Severity.WARNING,
            )
        )
        return CompletenessResult(
            Completeness.OFFICER_REVIEW, (), (), covers, due_before_approval, deemed_not_filed, tuple(reasons)
        )

    kept = KEPT_BIOMETRICS if app.biometrics_collected else ()
    reasons.append(
        reason(
            "APPLICATION_RETURNED",
            rule="IRPR-12",
            citation="IRPR 12",
            en="The application does not meet the requirements of sections 10 and 11: it is returned with all its supporting documents.",
            fr="La demande ne satisfait pas aux exigences des articles 10 et 11 : elle vous est retournée avec tous les documents fournis à l’appui.",
        )
    )
    if kept:
        reasons.append(
            reason(
                "BIOMETRICS_KEPT",
                rule="IRPR-12",
                citation="IRPR 12; 12.3(b)(i) and (ii)",
                en="The biometric information already collected (paragraph 12.3(b)(i) and (ii)) is kept; it is not returned with the application.",
                fr="Les renseignements biométriques déjà recueillis (sous-alinéas 12.3b)(i) et (ii)) sont conservés ; ils ne sont pas retournés avec la demande.",
                severity=Severity.INFO,
            )
        )
    return CompletenessResult(
        Completeness.RETURNED,
        RETURNED_ITEMS,
        kept,
        covers,
        due_before_approval,
        deemed_not_filed,
        tuple(reasons),
    )


def _check_form_and_signature(app: ApplicationSummary, reasons: list[Reason]) -> None:
    expected = (
        FormUsed.CBSA_FORM
        if app.kind is ApplicationKind.DECLARATION_OF_EXEMPTION
        else FormUsed.DEPARTMENT_FORM
    )
    acceptable = (expected,) if expected is FormUsed.CBSA_FORM else (expected, FormUsed.NO_FORM_PROVIDED)
    if app.form_used not in acceptable:
        if expected is FormUsed.CBSA_FORM:
            en = "An application for a declaration of exemption must be made in writing on the form provided by the Canada Border Services Agency."
            fr = "La demande de déclaration de dispense doit être faite par écrit sur le formulaire fourni par l’Agence des services frontaliers du Canada."
        else:
            en = "The application must be made in writing on the form provided by the Department."
            fr = "La demande doit être faite par écrit sur le formulaire fourni par le ministère."
        reasons.append(reason("WRONG_FORM", rule="IRPR-10-1", citation="IRPR 10(1)(a)", en=en, fr=fr))
    if not app.signed_by_applicant:
        reasons.append(
            reason(
                "NOT_SIGNED_BY_APPLICANT",
                rule="IRPR-10-1, ACT-50",
                citation="IRPR 10(1)(b)",
                en="The application must be signed by the applicant.",
                fr="La demande doit être signée par le demandeur.",
            )
        )


def _check_missing_items(app: ApplicationSummary, reasons: list[Reason]) -> None:
    for item in app.missing_items:
        reasons.append(
            reason(
                "REQUIRED_ITEM_MISSING",
                rule="IRPR-10-1, SP-181",
                citation="IRPR 10(1)(c)",
                en="A required form, document or piece of information is missing: {item}.",
                fr="Il manque un formulaire, un document ou un renseignement exigé : {item}.",
                subject=item,
                item=item,
            )
        )
    for item in app.explained_items:
        # Reading: the guides (IMM 5289 Step 2 and 5, SP-181/SP-187) let a detailed letter of
        # explanation stand in for an item that cannot be provided, "to avoid a return";
        # whether the explanation suffices is the officer's decision (SP-189).
        reasons.append(
            reason(
                "REQUIRED_ITEM_EXPLAINED",
                rule="IRPR-10-1, SP-181, SP-189",
                citation="IRPR 10(1)(c); IMM 5289 — Step 2, Step 5",
                en="A required item is replaced by a letter of explanation: {item}. The officer decides whether the explanation is enough.",
                fr="Un élément exigé est remplacé par une lettre d’explication : {item}. L’agent décide si l’explication est suffisante.",
                severity=Severity.WARNING,
                subject=item,
                item=item,
            )
        )


def _check_fee(app: ApplicationSummary, reasons: list[Reason]) -> None:
    due = app.fee_due
    if due <= 0:
        reasons.append(
            reason(
                "NO_FEE_DUE",
                rule="IRPR-10-1",
                citation="IRPR 10(1)(d)",
                en="No fee is payable for this application, so no receipt is needed.",
                fr="Aucuns frais ne sont exigibles pour cette demande ; aucun récépissé n’est donc nécessaire.",
                severity=Severity.INFO,
            )
        )
        return
    if not app.fee_receipt_present:
        reasons.append(
            reason(
                "FEE_RECEIPT_MISSING",
                rule="IRPR-10-1, PRC-72, SP-201",
                citation="IRPR 10(1)(d)",
                en="The application must be accompanied by the receipt for the fee of ${due}.",
                fr="La demande doit être accompagnée du récépissé de paiement des frais de {due} $.",
                due=due,
            )
        )
    elif app.fee_paid < due:
        reasons.append(
            reason(
                "FEE_INSUFFICIENT",
                rule="IRPR-10-1, PRC-72, SP-201",
                citation="IRPR 10(1)(d)",
                en="The receipt shows ${paid}, less than the fee of ${due}. Processing starts only when the exact fee is paid.",
                fr="Le récépissé indique {paid} $, soit moins que les frais de {due} $. Le traitement ne commence que lorsque les frais exacts sont payés.",
                paid=app.fee_paid,
                due=due,
            )
        )
    else:
        reasons.append(
            reason(
                "FEE_RECEIPT_PRESENT",
                rule="IRPR-10-1",
                citation="IRPR 10(1)(d)",
                en="The receipt for the fee of ${due} is attached.",
                fr="Le récépissé de paiement des frais de {due} $ est joint.",
                severity=Severity.INFO,
                due=due,
            )
        )


def _check_designation(app: ApplicationSummary, reasons: list[Reason]) -> None:
    accompanied = any(
        person.role is FamilyRole.SPOUSE_OR_COMMON_LAW_PARTNER and person.accompanying
        for person in app.persons
    )
    if accompanied and not app.principal_applicant_designated:
        reasons.append(
            reason(
                "PRINCIPAL_APPLICANT_NOT_DESIGNATED",
                rule="IRPR-10-1",
                citation="IRPR 10(1)(e)",
                en="You are accompanied by a spouse or common-law partner: the application must say which of you is the principal applicant and which is the accompanying spouse or partner.",
                fr="Vous êtes accompagné d’un époux ou d’un conjoint de fait : la demande doit indiquer lequel de vous deux agit à titre de demandeur principal et lequel agit à titre d’époux ou de conjoint de fait accompagnant.",
            )
        )


def _all_particulars_given(person: PersonParticulars) -> bool:
    # The common case, checked without building anything (performance: ~20,000 cases/s).
    texts = (person.name, person.address, person.nationality, person.immigration_status)
    return (
        person.spousal_status_stated
        and person.date_of_birth is not None
        and all(text and not text.isspace() for text in texts)
    )


def _check_particulars(app: ApplicationSummary, reasons: list[Reason]) -> tuple[str, ...]:
    principals = [p for p in app.persons if p.role is FamilyRole.PRINCIPAL_APPLICANT]
    if len(principals) != 1:
        reasons.append(
            reason(
                "APPLICANT_NOT_IDENTIFIED",
                rule="IRPR-10-2, ACT-02",
                citation="IRPR 10(2)(a)",
                en="The application must identify exactly one applicant (principal applicant); it names {count}.",
                fr="La demande doit désigner un seul demandeur (demandeur principal) ; elle en désigne {count}.",
                count=len(principals),
            )
        )
    due_later: list[str] = []
    exception_allowed = app.kind in _SPONSORSHIP_FAMILY and (
        app.kind is ApplicationKind.SPONSORSHIP or app.family_class
    )
    for person in app.persons:
        if _all_particulars_given(person):
            continue
        gaps = [(en, fr) for attribute, en, fr in _PARTICULARS if _blank(getattr(person, attribute))]
        if not person.spousal_status_stated:
            gaps.append(
                (
                    "statement whether they are the spouse, common-law partner or conjugal partner of another person",
                    "la mention indiquant s’il s’agit de l’époux, du conjoint de fait ou du partenaire conjugal d’une autre personne",
                )
            )
        if not gaps:
            continue
        if person.adoption_exception is not None and exception_allowed:
            # IRPR-10-2.1: the particulars of an adopted child (117(1)(b)) or a child to be
            # adopted (117(1)(g)) may follow, but must be in before approval.
            due_later.append(person.person_id)
            reasons.append(
                reason(
                    "ADOPTION_PARTICULARS_DUE_BEFORE_APPROVAL",
                    rule="IRPR-10-2.1",
                    citation="IRPR 10(2.1)",
                    en="The particulars of the child being adopted ({fields_en}) may be provided later, but before the application is approved.",
                    fr="Les renseignements sur l’enfant adopté ({fields_fr}) peuvent être fournis plus tard, mais avant l’approbation de la demande.",
                    severity=Severity.WARNING,
                    subject=person.person_id,
                    fields_en=", ".join(en for en, _ in gaps),
                    fields_fr=", ".join(fr for _, fr in gaps),
                )
            )
            continue
        if person.adoption_exception is not None:
            reasons.append(
                reason(
                    "ADOPTION_EXCEPTION_NOT_APPLICABLE",
                    rule="IRPR-10-2.1",
                    citation="IRPR 10(2.1)",
                    en="The adoption exception applies only to a sponsorship application and the family-class permanent residence application that goes with it.",
                    fr="L’exception relative à l’adoption ne vise que la demande de parrainage et la demande de résidence permanente qui l’accompagne au titre du regroupement familial.",
                    severity=Severity.WARNING,
                    subject=person.person_id,
                )
            )
        for en, fr in gaps:
            reasons.append(
                reason(
                    "PERSONAL_PARTICULARS_MISSING",
                    rule="IRPR-10-2, ACT-03",
                    citation="IRPR 10(2)(a)",
                    en="Missing for {person} ({status_en}): {field_en}. Every family member must be declared, accompanying or not.",
                    fr="Renseignement manquant pour {person} ({status_fr}) : {field_fr}. Tous les membres de la famille doivent être déclarés, qu’ils accompagnent ou non le demandeur.",
                    subject=person.person_id,
                    person=person.person_id,
                    status_en="accompanying" if person.accompanying else "not accompanying",
                    status_fr="accompagne le demandeur"
                    if person.accompanying
                    else "n’accompagne pas le demandeur",
                    field_en=en,
                    field_fr=fr,
                )
            )
    return tuple(due_later)


def _check_application_particulars(app: ApplicationSummary, reasons: list[Reason]) -> None:
    if _blank(app.visa_or_permit_sought):
        reasons.append(
            reason(
                "DOCUMENT_SOUGHT_MISSING",
                rule="IRPR-10-2",
                citation="IRPR 10(2)(b)",
                en="The application must say which visa, permit or authorization is sought.",
                fr="La demande doit indiquer le visa, le permis ou l’autorisation sollicité.",
            )
        )
    if _blank(app.regulatory_class):
        reasons.append(
            reason(
                "CLASS_MISSING",
                rule="IRPR-10-2",
                citation="IRPR 10(2)(c)",
                en="The application must say under which class of the Regulations it is made.",
                fr="La demande doit indiquer la catégorie réglementaire au titre de laquelle elle est faite.",
            )
        )
    if not app.declaration_made:
        reasons.append(
            reason(
                "DECLARATION_MISSING",
                rule="IRPR-10-2, ACT-50",
                citation="IRPR 10(2)(d)",
                en="The application must contain a declaration that the information provided is complete and accurate.",
                fr="La demande doit comporter une déclaration attestant que les renseignements fournis sont exacts et complets.",
            )
        )


# Which particulars each kind of representative or adviser must have (10(2)(c.1)–(c.4)):
# (c.1) name, postal address, telephone; (c.2) also the body and membership number;
# (c.3) the (c.1) and (c.2) particulars of the adviser; (c.4) the (c.1) particulars.
_CONTACT = (
    ("name", "name", "le nom"),
    ("postal_address", "postal address", "l’adresse postale"),
    ("telephone", "telephone number", "le numéro de téléphone"),
)
_MEMBERSHIP = (
    (
        "member_body",
        "name of the body of which they are a member",
        "le nom de l’organisme dont il est membre",
    ),
    ("membership_number", "membership number", "le numéro de membre"),
)
_REPRESENTATIVE_RULES = {
    RepresentativeRole.REPRESENTATIVE: ("IRPR 10(2)(c.1)", _CONTACT),
    RepresentativeRole.PAID_REPRESENTATIVE: ("IRPR 10(2)(c.1), (c.2)", _CONTACT + _MEMBERSHIP),
    RepresentativeRole.PAID_ADVISER: ("IRPR 10(2)(c.3)", _CONTACT + _MEMBERSHIP),
    RepresentativeRole.PAID_ADVISER_ENTITY: ("IRPR 10(2)(c.4)", _CONTACT),
}


def representative_gaps(details: RepresentativeDetails) -> tuple[Reason, ...]:
    """The 10(2)(c.1)–(c.4) particulars missing for one representative or adviser.

    Shared with the eTA application (12.04(4)(g) requires the same particulars).
    """
    citation, required = _REPRESENTATIVE_RULES[details.role]
    return tuple(
        reason(
            "REPRESENTATIVE_PARTICULARS_MISSING",
            rule="IRPR-10-2, REP-17",
            citation=citation,
            en="Missing for the representative or paid adviser {who}: {field_en}.",
            fr="Renseignement manquant sur le représentant ou le conseiller rémunéré {who} : {field_fr}.",
            subject=details.representative_id,
            who=details.representative_id,
            field_en=en,
            field_fr=fr,
        )
        for attribute, en, fr in required
        if _blank(getattr(details, attribute))
    )


def _check_representatives(app: ApplicationSummary, reasons: list[Reason]) -> None:
    for details in app.representatives:
        reasons.extend(representative_gaps(details))


def _check_sponsorship_rules(app: ApplicationSummary, reasons: list[Reason]) -> None:
    if (
        app.kind is ApplicationKind.PERMANENT_RESIDENCE
        and app.family_class
        and not app.sponsorship_application_included
    ):
        reasons.append(
            reason(
                "SPONSORSHIP_APPLICATION_MISSING",
                rule="IRPR-10-4",
                citation="IRPR 10(4); 130(1)(c)",
                en="A family-class application must be accompanied by the sponsorship application.",
                fr="La demande faite au titre de la catégorie du regroupement familial doit être accompagnée de la demande de parrainage.",
            )
        )
    if app.kind is ApplicationKind.SPONSORSHIP and app.earlier_sponsorship_pending_for_same_person:
        reasons.append(
            reason(
                "SPONSORSHIP_ALREADY_PENDING",
                rule="IRPR-10-5",
                citation="IRPR 10(5)",
                en="You already filed a sponsorship application for this person. You cannot file another until a final decision is made on the first one.",
                fr="Vous avez déjà déposé une demande de parrainage à l’égard de cette personne. Vous ne pouvez pas en déposer une nouvelle tant qu’il n’a pas été statué en dernier ressort sur la première.",
            )
        )


def _check_channel(app: ApplicationSummary, reasons: list[Reason]) -> None:
    if app.channel is Channel.OTHER_MEANS and not app.sent_to_specified_address:
        reasons.append(
            reason(
                "NOT_SENT_TO_SPECIFIED_ADDRESS",
                rule="IRPR-11, EX-42",
                citation="IRPR 11",
                en="An application not made electronically must be sent to the address the Minister specifies, such as the one on the Department’s website.",
                fr="La demande qui n’est pas présentée par un moyen électronique doit l’être à l’adresse précisée par le ministre, notamment celle qui figure sur le site Web du ministère.",
            )
        )
